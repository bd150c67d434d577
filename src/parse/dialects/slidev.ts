import { mapOutsideCodeSpans } from '../outside-code-spans.js';
import { rewriteSlideHtml, type BriefingMeta, type Section, type Slide } from '../../model.js';
import type { Line } from '../source-lines.js';
import { parse as parseYaml } from 'yaml';
import type { SlidevTocEntry } from './slidev-toc.js';
import { readSlideTransition } from './reveal.js';
import { readSlideId } from '../slide-anchors.js';
import { suggestClosest } from '../../did-you-mean.js';
import type { DialectLine } from '../directive-lines.js';
import { createFenceReader } from '../read-fences.js';
import { utilityClassPattern } from './uno-utilities.js';

// How briefdeck reads Slidev's per-slide front matter: a block of `key: value`
// lines between two `---` lines, before the slide's content. `layout:` maps
// onto briefdeck's layouts where one fits, `class:` and `background:` onto the
// slide's look (safe values only); the other keys are warnings.

/** Slidev layouts and the briefdeck layout nearest to each. */
const LAYOUTS: Record<string, string> = {
  'two-cols': 'two-column',
  'two-cols-header': 'two-column',
  // The neversink theme's (its slots `::left::` and `::right::`, after a `::title::` that spans them).
  'two-cols-title': 'two-column',
  'top-title-two-cols': 'two-column',
  quote: 'quote',
  fact: 'stat',
  statement: 'stat',
  cover: 'section',
  intro: 'section',
  section: 'section',
  default: 'content',
  center: 'content',
  end: 'closing',
  image: 'image',
  'image-left': 'image',
  'image-right': 'image',
};

/** Every layout Slidev has built in, those without a briefdeck equivalent too: the names a mistyped layout is matched against. */
const SLIDEV_LAYOUTS = [...Object.keys(LAYOUTS), 'full', 'none', 'iframe', 'iframe-left', 'iframe-right'];

/** A `key: value` line of front matter; a space may stand before the colon, as YAML reads it (`align : rm-lm`). */
export const PAIR = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)$/;

/** Keys of Slidev's per-slide front matter, which mark a block as Slidev's even in a deck whose headmatter does not. */
export const SLIDE_KEYS: ReadonlySet<string> = new Set(['layout', 'layoutClass', 'class', 'background', 'backgroundSize', 'transition', 'clicks', 'clicksStart', 'hide', 'disabled', 'hideInToc', 'level', 'preload', 'routeAlias', 'src', 'title', 'zoom', 'dragPos', 'image', 'url']);

/**
 * True when every non-blank line is a `key: value` pair: the shape of Slidev's per-slide front matter.
 * In a deck not known to be Slidev's, every key must also be one of Slidev's slide keys (`layout: quote`),
 * since the same lines between two `---` would otherwise be read as a setext heading.
 */
export function looksLikeSlideFrontMatter(lines: string[], slidevDeck = true): boolean {
  const filled = lines.filter((l) => l.trim() !== '');
  // Indented lines go on with the key above them: a folded value (`image: >-`), a list or a map.
  return filled.length > 0 && PAIR.test(filled[0]!) && filled.every((l) => {
    if (/^[ \t]/.test(l)) return true;
    const pair = PAIR.exec(l);
    return pair !== null && (slidevDeck || SLIDE_KEYS.has(pair[1]!));
  });
}

/** A YAML comment at a line's start, which in a front matter block is no heading. */
const YAML_COMMENT = /^#(?:[ \t]|$)/;

/**
 * The lines of a Slidev deck with each comment of a slide's front matter blank (`# the web page source` above
 * `url:`), line for line. Slidev reads the lines from a `---` to the next as that slide's YAML when the first follows
 * the `---` at once; the cut would take such a comment for the slide's title. A block is read so only when its other
 * lines are `key: value` pairs (or go on from one, indented), one of them a key of Slidev's slides; code is never read.
 */
export function blankFrontMatterComments(lines: string[], slidevDeck: boolean): string[] {
  if (!slidevDeck || !lines.some((l) => YAML_COMMENT.test(l))) return lines;
  const out = [...lines];
  const fences = createFenceReader();
  for (let i = 0; i < lines.length; i++) {
    if (fences.read(lines[i]!) || !/^---[ \t]*$/.test(lines[i]!) || (lines[i + 1] ?? '').trim() === '') continue;
    // Looked for from here on, so the next `---` ends the search: the whole deck is read about once.
    let end = i + 1;
    while (end < lines.length && !/^---[ \t]*$/.test(lines[end]!)) end++;
    if (end === lines.length) break;
    const block = lines.slice(i + 1, end);
    const keys = block.map((l) => PAIR.exec(l)?.[1]);
    const fits = block.every((l, j) => l.trim() === '' || /^[ \t]/.test(l) || YAML_COMMENT.test(l) || keys[j] !== undefined);
    if (!fits || !keys.some((k) => k !== undefined && SLIDE_KEYS.has(k))) continue;
    block.forEach((l, j) => YAML_COMMENT.test(l) && (out[i + 1 + j] = ''));
    // Read on after the block's closing `---`, which opens the slide's content, not another block.
    i = end;
  }
  return out;
}

/** The values of a slide's front matter, read as YAML; a block YAML cannot read gives none, and each line is read alone. */
function readFrontMatterValues(lines: string[]): Record<string, unknown> {
  try {
    // Keys are not checked for repeats (the last one stands): that check takes time with the square of their number.
    const read = parseYaml(lines.join('\n'), { schema: 'core', uniqueKeys: false }) as unknown;
    return typeof read === 'object' && read !== null && !Array.isArray(read) ? (read as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Slide keys only Slidev has: a block of them between `---` lines is its per-slide front matter, whatever the headmatter says. */
const SLIDEV_ONLY_KEYS = new Set(['layout', 'layoutClass', 'transition', 'clicks', 'clicksStart', 'hide', 'disabled', 'hideInToc', 'level', 'preload', 'routeAlias', 'src', 'zoom', 'dragPos']);

/** Slidev's globals an expression may read (`{{ $slidev.nav.total }}`, `{{ $page }}`, `{{ $clicks }}`), as a pattern's alternatives. */
export const SLIDEV_GLOBALS = 'slidev|nav|page|clicks|frontmatter|renderContext';

/** Lines only a Slidev deck holds: a slot marker (`::right::`), a click tag or attribute (`<v-click>`, `v-click`), a mark, motion or drag directive (`v-mark`), `<v-switch>`, an expression on its globals (`{{ $slidev… }}`, `{{ $page }}`, `{{ $clicks }}`), one of its own components (`<RenderWhen>`, `<Toc>`, `<Tweet>`, …) or an icon (`<carbon:arrow-right />`). */
// Bounded where they look along a line: unbounded, a long line of `<` or `{{` would be searched once from each.
const SLIDEV_LINE = new RegExp(String.raw`^[ \t]*::[ \t]*(?:right|left|default|top|bottom)[ \t]*::[ \t]*$|^[ \t]*<\/?v-(?:clicks?|switch|drag(?:-arrow)?)\b|<[\w-]{1,40}[^>\n]{0,200}\sv-(?:click|after|mark|motion|drag)\b|\{\{[^}\n]{0,200}\$(?:${SLIDEV_GLOBALS})\b|<(?:RenderWhen|Toc|Tweet|Youtube|SlidevVideo|AutoFitText|LightOrDark|SlideCurrentNo|SlidesTotal|PoweredBySlidev|VDragArrow|VDrag)\b|<Link\b[^<>\n]{0,200}\s:?to\s*=|<[a-z][a-z0-9]{0,40}:[a-z0-9]+(?:-[a-z0-9]+){0,10}(?:\s[^<>\n]{0,200})?\/>`, 'm');

/**
 * True when a deck's body is written for Slidev though its headmatter has none
 * of Slidev's keys (`title:` and `theme: default` alone): it holds Slidev's
 * own lines, or per-slide front matter with a key only Slidev has.
 */
export function readsAsSlidevBody(text: string): boolean {
  if (SLIDEV_LINE.test(text)) return true;
  // A slide's front matter between `---` lines, or as a ```yaml block opening it (Slidev's block frontmatter).
  for (const block of text.matchAll(/^---[ \t]*\n(?:[ \t]*\n)*(?:```ya?ml[ \t]*\n)?((?:[A-Za-z][\w-]*:[^\n]*\n)+)(?:---|```)[ \t]*$/gm)) {
    const keys = [...block[1]!.matchAll(/^([A-Za-z][\w-]*):/gm)].map((m) => m[1]!);
    if (keys.every((key) => SLIDE_KEYS.has(key)) && keys.some((key) => SLIDEV_ONLY_KEYS.has(key))) return true;
  }
  return false;
}

/** Whether a fenced block opens a slide as its front matter, Slidev's block frontmatter: a ```` ```yaml ```` block right after a `---` cut. */
export function opensSlideAsFrontMatter(opening: string, before: string | undefined): boolean {
  return /^```ya?ml[ \t]*$/.test(opening) && before !== undefined && /^---[ \t]*$/.test(before);
}

/** Slidev's click attributes (`<div v-click>`, `v-after`, `v-click.hide`): the element steps in, or out, as a reveal fragment. */
export function isClickAttribute(name: string): boolean {
  return CLICK_ATTRIBUTE.test(name);
}

/** A click or after attribute with Slidev's modifiers of how it steps in (`v-click.up`, `v-click.fade.right.scale`) or out (`.hide`, and its older `v-click-hide`). */
const CLICK_ATTRIBUTE = /^v-(?:click|after)(?:\.(?:hide|up|down|left|right|fade|fade-in|scale|none))*$|^v-click-hide$/i;

/** Whether an element's attributes ask it to step in with the click before it (Slidev's `v-after`), with no `v-click` of its own. */
export function isAfterAttribute(attributeNames: string[]): boolean {
  return attributeNames.some((name) => /^v-after\b/i.test(name) && isClickAttribute(name)) && !attributeNames.some((name) => /^v-click\b/i.test(name) && isClickAttribute(name));
}

/**
 * The place in the build order a click attribute names by number (`v-click="3"`: at the third click), as reveal's
 * fragment index; undefined for a click with no number, or a relative (`'+1'`) or ranged one, which step in order.
 */
export function clickIndex(attribs: Record<string, string>): string | undefined {
  const value = Object.entries(attribs).find(([name]) => isClickAttribute(name))?.[1]?.trim();
  return value !== undefined && /^\d{1,3}$/.test(value) ? value : undefined;
}

/**
 * How many clicks after the last click placed in order a relative click steps in (`v-click="'+2'"` two after it,
 * `v-click="-1"` one before it, `at="+1"` on a click element); undefined for a click with no such value.
 */
export function clickStep(attribs: Record<string, string>): number | undefined {
  const value = Object.entries(attribs).find(([name]) => /^v-click(?:[.-]hide)?$/i.test(name))?.[1]?.trim() || attribs.at?.trim();
  const step = value === undefined ? null : /^(['"]?)([+-]\d{1,3})\1$/.exec(value);
  return step ? Number(step[2]) : undefined;
}

/**
 * The clicks a ranged click attribute names (`v-click="[2, 4]"`, or `at="[2, 4]"` on a click element): the element
 * steps in at the first and out at the second, as Slidev shows it from click 2 until click 4; undefined for any other.
 */
export function clickRange(attribs: Record<string, string>): { from: string; until: string } | undefined {
  const value = Object.entries(attribs).find(([name]) => /^v-click$/i.test(name))?.[1]?.trim() || attribs.at?.trim();
  const range = value === undefined ? null : /^\[\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\]$/.exec(value);
  return range && Number(range[2]) > Number(range[1]) ? { from: range[1]!, until: range[2]! } : undefined;
}

/** The fragment classes an element's click attributes give it: it steps in (moving as `.up`, `.left`, … say), or with `.hide` steps out (reveal's `fade-out`). */
export function clickClasses(attributeNames: string[]): string[] {
  const clicks = attributeNames.filter(isClickAttribute);
  if (clicks.length === 0) return [];
  const modifiers = clicks.flatMap((name) => (name.toLowerCase() === 'v-click-hide' ? ['hide'] : name.toLowerCase().split('.').slice(1)));
  if (modifiers.includes('hide')) return ['fragment', 'fade-out'];
  // Slidev's direction of the step's motion (`.up`: it slides up, from below) is reveal's effect of that name; a fade or scale is reveal's own fade in.
  const direction = modifiers.find((m) => m === 'up' || m === 'down' || m === 'left' || m === 'right');
  return direction ? ['fragment', `fade-${direction}`] : ['fragment'];
}

/**
 * The column grid a `<div>` asks for with UnoCSS's utilities, as Slidev decks lay out columns: attributify's
 * `grid="~ cols-2 gap-4"` or the classes `grid grid-cols-3`. It is the grid Quarto's `layout-ncol` makes
 * (2 to 4 columns); null when the element asks for none.
 */
export function readUnoGrid(attribs: Record<string, string>): string | null {
  const classes = (attribs.class ?? '').split(/\s+/);
  const columns = /(?:^|\s)cols-(\d+)(?:\s|$)/.exec(attribs.grid ?? '')?.[1] ?? (classes.includes('grid') ? classes.map((c) => /^grid-cols-(\d+)$/.exec(c)?.[1]).find(Boolean) : undefined);
  if (columns === undefined || Number(columns) < 2) return null;
  return `layout-grid layout-ncol-${Math.min(Number(columns), 4)}`;
}

/** Slidev's `<v-clicks>` (`depth="2"`, `every="2"`) as the start of a region of stepped lists, to its depth and that many items at a click. */
export function readVClicks(attributes: string): DialectLine {
  const depth = /\bdepth\s*=\s*["']?(\d{1,2})\b/i.exec(attributes)?.[1] ?? '1';
  const every = /\bevery\s*=\s*["']?(\d{1,3})\b/i.exec(attributes)?.[1];
  return { text: `<!-- incremental: start depth=${Math.max(1, Number(depth))}${every !== undefined && Number(every) > 1 ? ` every=${every}` : ''} -->` };
}

/** Slidev's click elements inside a line (`<v-click>text</v-click>`, `<v-after>`): a span with the click attribute, which steps in as a fragment. */
export function rewriteInlineClicks(line: string): string {
  return line.replace(/<(\/?)v-(click|after)(\s[^<>]*)?>/gi, (_, closing: string, kind: string, attributes = '') => {
    if (closing) return '</span>';
    // The component's `hide` prop (`<v-click hide>`) is the directive's `.hide`: the content steps out at the click.
    const hides = /(?:^|\s)hide(?=\s|\/?$)/i.test(attributes);
    return `<span v-${kind}${hides ? '.hide' : ''}${hides ? attributes.replace(/(^|\s)hide(?=\s|\/?$)/i, '') : attributes}>`;
  });
}

/** Adds to a slide's own front matter lines Slidev's `defaults:` for the keys it does not set, to be read with it (slidev-defaults.ts); returns the lines. */
export function addSlideDefaults(frontMatter: Line[], defaults: BriefingMeta['slideKeyDefaults']): Line[] {
  const own = new Set(frontMatter.map((line) => PAIR.exec(line.text)?.[1]));
  for (const given of defaults ?? []) if (!own.has(given.key)) frontMatter.push({ text: given.text, number: given.line });
  return frontMatter;
}

/**
 * Turns per-slide front matter into briefdeck directive lines, one per input
 * line so line numbers hold (a line may hold several, split at newlines);
 * keys with no briefdeck meaning are reported. `hidden` is true when
 * `hide: true` or `disabled: true` takes the slide out of the deck, as Slidev
 * does. `image:` with an image layout shows that picture: the whole slide
 * for `image`, and a column beside the content for `image-left` and
 * `image-right` (`trailing` holds the lines that go after the content).
 */
export function rewriteSlideFrontMatter(lines: string[], warn: (index: number, message: string) => void): { lines: string[]; hidden: boolean; trailing: { text: string; index: number }[]; toc?: SlidevTocEntry } {
  let hidden = false;
  const toc: SlidevTocEntry = {};
  /** Lines after the content, each with the index of the key it came from, for messages at that key's line. */
  const trailing: { text: string; index: number }[] = [];
  // Values as YAML reads them (a folded `image: >-` over two lines is one address), else as the line writes them.
  const parsed = readFrontMatterValues(lines);
  const valueOf = (key: string): string | undefined => {
    if (typeof parsed[key] === 'string' || typeof parsed[key] === 'number' || typeof parsed[key] === 'boolean') return String(parsed[key]).trim();
    return lines.map((l) => PAIR.exec(l)).find((p) => p?.[1] === key)?.[2]!.trim().replace(/^["']|["']$/g, '');
  };
  const layout = valueOf('layout');
  const image = valueOf('image');
  // A remote picture goes the same way as a local one: the shared picture rule leaves it out, with its own warning (W_REMOTE_IMAGE).
  const pictured = image !== undefined && /^image(?:-left|-right)?$/.test(layout ?? '');
  // Left out as any remote picture is, it would leave its column empty: the content takes the slide's width instead.
  const beside = pictured && layout !== 'image' && !/^<?(?:https?:)?\/\//i.test(image!);
  // An iframe layout's page is a link to it, where the page would be, beside the content for `iframe-left` and `iframe-right`.
  const url = valueOf('url');
  const framed = url !== undefined && url !== '' && /^iframe(?:-left|-right)?$/.test(layout ?? '');
  const rewritten = lines.map((line, index) => {
    // A line that goes on with the key above it has been read with that key.
    const pair = /^[ \t]/.test(line) ? null : PAIR.exec(line);
    if (!pair) return '';
    const key = pair[1]!;
    const value = valueOf(key) ?? '';
    // The picture of an image layout, from the briefing folder like any image; beside the content, two columns.
    if (pictured && key === 'layout' && layout !== 'image') return beside ? '<!-- layout: two-column -->' : '<!-- layout: content -->';
    if (framed && key === 'layout') return layout === 'iframe' ? '' : '<!-- layout: two-column -->';
    if (framed && key === 'url') {
      warn(index, `Slidev's ${layout} layout is shown as a link to ${value}: a deck embeds nothing from the network`);
      if (layout === 'iframe-left') return `<${value}>\n<!-- column -->`;
      if (layout === 'iframe-right') {
        trailing.push({ text: '<!-- column -->', index }, { text: `<${value}>`, index });
        return '';
      }
      return `<${value}>`;
    }
    if (pictured && key === 'image') {
      // An address written as Markdown's autolink (`image: '<https://…>'`) is that address; any other bracket is the path's.
      const picture = `![](<${value.replace(/^<([^<>]*)>$/, '$1').replace(/[<>]/g, '\\$&')}>)`;
      if (!beside) return picture;
      if (layout === 'image-left') return `${picture}\n<!-- column -->`;
      if (layout === 'image-right') {
        trailing.push({ text: '<!-- column -->', index }, { text: picture, index });
        return '';
      }
      return picture;
    }
    // `src: ./pages/intro.md`: the slides of that file, in this one's place (cut-slides.ts reads them, before this).
    if (key === 'src' && value !== '') return '';
    if ((key === 'hide' || key === 'disabled') && (value === 'true' || value === 'false')) {
      hidden ||= value === 'true';
      return '';
    }
    // How the slide stands in a table of contents (<Toc />, slidev-toc.ts).
    if (key === 'hideInToc' && (value === 'true' || value === 'false')) {
      toc.hide = value === 'true';
      return '';
    }
    if (key === 'level' && /^[1-6]$/.test(value)) {
      toc.level = Number(value);
      return '';
    }
    if (key === 'title' && value !== '') {
      toc.title = value;
      return '';
    }
    // Slidev's center layout sets its content in the middle of the slide, as briefdeck's lead class does, with the slide's own classes.
    if (key === 'layout' && value === 'center') return `<!-- layout: content -->${valueOf('class') === undefined ? '\n<!-- .slide: class="lead" -->' : ''}`;
    if (key === 'layout' && Object.hasOwn(LAYOUTS, value)) return `<!-- layout: ${LAYOUTS[value]} -->`;
    // `class:` and `background:` go through reveal's slide directive, which lets only allowlisted classes, colours and local images in.
    if (key === 'class') return `<!-- .slide: class="${layout === 'center' ? 'lead ' : ''}${value.replace(/"/g, '')}" -->`;
    // An address written as Markdown's autolink (`background: <https://…>`) is that address, as with `image:`.
    if (key === 'background') {
      const background = value.replace(/^<([^<>]*)>$/, '$1').replace(/"/g, '');
      return `<!-- .slide: ${/\.(png|jpe?g|gif|webp|svg)$/i.test(background) || /^https?:/i.test(background) ? 'data-background-image' : 'data-background-color'}="${background}" -->`;
    }
    // The size of its background picture (`contain`, `50%`), read as reveal's own setting is, which lets in only a safe size.
    if (key === 'backgroundSize' && value !== '') return `<!-- .slide: data-background-size="${value.replace(/"/g, '')}" -->`;
    // The layout's own classes (`layoutClass: gap-16`), of which the utilities uno-utilities.ts writes a rule for are kept; any other is named.
    if (key === 'layoutClass' && value !== '') {
      // UnoCSS's mark of an important utility (`!gap-4`, `grid-cols-[1fr_2fr]!`) goes: the rule is the deck's, and outweighs the layout's as it is.
      const classes = value.split(/\s+/).filter(Boolean).map((c) => (/^!|!$/.test(c) && utilityClassPattern().test(c.replace(/^!|!$/, '')) ? c.replace(/^!|!$/, '') : c));
      const others = classes.filter((c) => !utilityClassPattern().test(c));
      if (others.length > 0) warn(index, `Slidev's layoutClass ${others.map((c) => `"${c}"`).join(', ')} ${others.length === 1 ? 'is not a utility class' : 'are not utility classes'} briefdeck styles and ${others.length === 1 ? 'was' : 'were'} left out`);
      const kept = classes.filter((c) => utilityClassPattern().test(c));
      return kept.length > 0 ? `<!-- .slide: data-layout-class="${kept.join(' ')}" -->` : '';
    }
    // The name `<Link to="…">` and links reach the slide by (slide-anchors.ts).
    if (key === 'routeAlias' && readSlideId(value) !== undefined) return `<!-- .slide: id="${value}" -->`;
    // The slide's own transition as reveal names it; of Slidev's two ways (`slide-left | slide-right`, forwards | backwards), the first.
    if (key === 'transition') {
      const transition = readSlideTransition(value.split('|')[0]!);
      if (transition !== undefined) return `<!-- .slide: data-transition="${transition}" -->`;
      warn(index, `Slidev's transition "${value}" has no match among reveal's and was left out; the slide changes as the deck's others do`);
      return '';
    }
    // A name near one Slidev has is likely a typo of it (`cnter`, `clas`): said with the warning.
    const meant = key === 'layout' ? suggestClosest(value, SLIDEV_LAYOUTS, { byPrefix: false }) : SLIDE_KEYS.has(key) ? undefined : suggestClosest(key, [...SLIDE_KEYS], { byPrefix: false });
    const guess = meant !== undefined && meant !== (key === 'layout' ? value : key) ? ` (did you mean "${meant}"?)` : '';
    warn(index, key === 'layout' ? `Slidev layout "${value}" has no briefdeck equivalent${guess}; the slide uses the content layout` : `Slidev slide option "${key}" is not supported yet and was left out${guess}`);
    return '';
  });
  return { lines: rewritten, hidden, trailing, ...(Object.keys(toc).length > 0 ? { toc } : {}) };
}

/** Slidev's click steps after a display formula's opening `$$`, as in `$$ {1|3|all}`: ranges of lines, never TeX. */
export const MATH_CLICK_STEPS = /^[ \t]*\{(?:all|\d+(?:-\d+)?)(?:[ \t]*[|,][ \t]*(?:all|\d+(?:-\d+)?))*\}[ \t]*\n/;

/** Where a slide's own number, and the deck's count, go once the deck is numbered: NUL cannot occur in decoded input, so no author can forge one. */
const PAGE_MARK = '\u0000page\u0000';
const PAGES_MARK = '\u0000pages\u0000';

/** Slidev's page number and count, as components (`<SlideCurrentNo />`, `<SlidesTotal />`) or expressions (`{{ $slidev.nav.currentPage }}`). */
const PAGE_NUMBER = /<SlideCurrentNo\b[^<>]{0,200}?(?:\/>|>\s*<\/SlideCurrentNo>)|\{\{\s*\$(?:slidev\.nav\.currentPage|nav\.currentPage|page)\s*\}\}/g;
const PAGE_COUNT = /<SlidesTotal\b[^<>]{0,200}?(?:\/>|>\s*<\/SlidesTotal>)|\{\{\s*\$(?:slidev\.nav\.total|nav\.total)\s*\}\}/g;

/** A line with Slidev's page numbers and counts marked for the numbers the deck gives them (fillSlidevPageNumbers), or null when it has none. */
export function markSlidevPageNumbers(line: string): string | null {
  if (!/SlideCurrentNo|SlidesTotal|\{\{/.test(line)) return null;
  // A code span shows them as written.
  const marked = mapOutsideCodeSpans(line, (part) => part.replace(PAGE_NUMBER, PAGE_MARK).replace(PAGE_COUNT, PAGES_MARK));
  return marked === line ? null : marked;
}

/** Puts each slide's number (as its footer shows it) and the deck's count where Slidev's page numbers stood: in its title and the section it opens too. */
export function fillSlidevPageNumbers(slides: Slide[], sections: Section[], total: number): void {
  const fill = (text: string, slide: Slide) => (text.includes('\u0000p') ? dropBrokenMarks(text.replaceAll(PAGE_MARK, String(slide.page ?? slide.number)).replaceAll(PAGES_MARK, String(total))) : text);
  for (const slide of slides) {
    rewriteSlideHtml(slide, (html) => fill(html, slide));
    if (slide.title !== null) slide.title = fill(slide.title, slide);
    if (slide.titleHtml !== null) slide.titleHtml = fill(slide.titleHtml, slide);
  }
  const byNumber = new Map(slides.map((slide) => [slide.number, slide]));
  for (const section of sections) section.title = fill(section.title, byNumber.get(section.slideNumbers[0]!)!);
}

/**
 * A mark a table's columns cut in two (a Pandoc simple table cuts its lines by position) fills nothing: its pieces
 * go. Whole marks stay: the charts' (model.ts), which the renderer fills, and the tables of contents' (slidev-toc.ts),
 * filled after the page numbers.
 */
export function dropBrokenMarks(html: string): string {
  if (!html.includes('\u0000')) return html;
  return html
    .split(/(\u0000(?:chart\d+|toc:[\w:]+)\u0000)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\u0000[\w:]{0,40}|[\w:]{0,40}\u0000/g, '')))
    .join('');
}
