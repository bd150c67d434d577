import type * as parse5 from 'parse5';
import { createRequire } from 'node:module';
import { parseFragmentKeepingMarks, parseHtmlFragment } from './html-fragment.js';
import { ASSET_SCHEME } from '../model.js';
import { LEFT_OUT_MARK, readLazySource, showImage, type ResolveImage } from './raw-image-source.js';
import { classifyLink } from './resolve-references.js';
import { FRAGMENT_CLASS } from './dialects/reveal.js';
import { clickClasses, clickIndex, clickRange, clickStep, isAfterAttribute, isClickAttribute, readUnoGrid } from './dialects/slidev.js';
import { CLICK_STEP, HIDE_AT, WITH_PREVIOUS } from './dialects/slidev-after.js';
import { isMarkAttribute, MARK_CLASS, markElement, readSlidevMark } from './dialects/slidev-marks.js';
import { LIST_NUMBERING_CLASSES } from './dialects/pandoc/fancy-lists.js';
import { IMAGE_FILTER_CLASSES } from './dialects/marp.js';
import { GRID_CELL_CLASSES } from './dialects/advanced-slides.js';
import { isLinkUtility, utilityClassPattern } from './dialects/uno-utilities.js';
import { PLACE_LENGTH } from './dialects/pandoc/attributes.js';
import { SAFE_INLINE_STYLES } from './safe-inline-styles.js';
import { animatesScriptedAttribute, withoutHandlers } from './script-attributes.js';

/**
 * The classes briefdeck's own renderer gives the elements it writes, by tag. A slide with raw HTML is cleaned
 * whole, the renderer's markup with it, so these must pass, or a callout, a grid or a split picture would lose
 * its look (and the author be told of a class they never wrote). An author who writes them gets the same look:
 * they style content, never the deck's chrome.
 */
const RENDERER_CLASSES: Record<string, readonly string[]> = {
  // Quarto's callouts, column grids, asides, stacks and theorems, display math, and Advanced Slides' placed grids (callouts.ts, layout-grid.ts, class-divs.ts, render-math.ts, advanced-slides.ts).
  div: [...GRID_CELL_CLASSES, 'absolute', 'drawn-arrow', 'callout', 'callout-note', 'callout-tip', 'callout-warning', 'callout-caution', 'callout-important', 'layout-grid', 'layout-ncol-2', 'layout-ncol-3', 'layout-ncol-4', 'layout-cell', 'aside', 'r-stack', 'r-hstack', 'r-vstack', 'columns-2', 'r-fit-text', 'math-display', 'theorem'],
  // A callout's title, a table's caption, Pandoc's line block.
  p: ['callout-title', 'table-caption', 'listing-caption', 'line-block', 'code-filename'],
  // A slide's footnotes, and the lettered and Roman lists (fancy-lists.ts), which reveal's stylesheet would number 1, 2, 3.
  ol: ['footnotes', ...LIST_NUMBERING_CLASSES],
  sup: ['footnote-ref'],
  // Pandoc's list that shows at once in an incremental deck.
  li: ['nonincremental'],
  // Marp's split backgrounds, and its several side by side (numbered for their places once the slide is read), and its filters;
  // reveal's stretched picture and Quarto's opt-out (auto-stretch.ts); Slidev's icons (slidev-icons.ts).
  img: ['r-stretch', 'nostretch', 'diagram', 'icon', 'fig-left', 'fig-center', 'fig-right', 'border', 'border-thick', 'bg-split', 'bg-split-left', 'bg-split-right', 'bg-split-20', 'bg-split-30', 'bg-split-40', 'bg-split-50', 'bg-split-60', 'bg-split-70', 'bg-multi', 'bg-multi-vertical', ...IMAGE_FILTER_CLASSES],
};

/** Every fragment class, spelled out for the sanitizer's class allowlist. */
const FRAGMENT_CLASSES = ['fragment', 'fade-in', 'fade-out', 'fade-up', 'fade-down', 'fade-left', 'fade-right', 'fade-in-then-out', 'fade-in-then-semi-out', 'semi-fade-out', 'grow', 'shrink', 'strike', 'current-visible', 'highlight-red', 'highlight-green', 'highlight-blue', 'highlight-current-red', 'highlight-current-green', 'highlight-current-blue'].filter((c) => FRAGMENT_CLASS.test(c));

const require = createRequire(import.meta.url);
type SanitizeHtml = typeof import('sanitize-html');
// Loaded only when a slide has raw HTML: it costs ~60 ms of start-up.
let sanitizer: SanitizeHtml | undefined;

/**
 * Tags removed from author HTML even with `html: true`: each can navigate the
 * deck, change its base URL or frame another document, and a script could
 * never run under the deck's CSP anyway, which allows only its own by hash.
 */
const NEVER_IN_A_DECK = new Set(['script', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'link', 'fencedframe']);

/**
 * Blocks that only group content (`<section>`, `<header>`, `<article>`, …) become `<div>`s: taken out, their texts ran
 * into one another (`<header>Head</header><p>…` read "Head…" glued), and kept, each would be a landmark of every slide
 * (a `<main>` on each) or a slide of reveal's own (`<section>`). A `<div>` lays the content out as the browser would.
 */
const SECTIONING_TAGS: ReadonlySet<string> = new Set(['section', 'header', 'footer', 'article', 'nav', 'main', 'aside', 'address', 'hgroup', 'search']);

/**
 * Class names of briefdeck's and reveal's own chrome. Author HTML loses them,
 * so a slide cannot paint a fake classification banner, footer or slide number.
 * A slide's layout classes are chrome; the column grid's (`layout-grid`,
 * `layout-ncol-2`, `layout-cell`) are content, which the renderer writes.
 */
const CHROME_CLASS = /^(?:classification(?:-.*)?|deck-footer|footer-.*|slide-(?:number|frame|body|title|background)|reveal|slides|controls|progress|backgrounds|pdf-page|speaker-.*|present|past|future|pause-overlay|aria-status|notes|kind-.*|layout-(?!grid$|cell$|ncol-[2-4]$).*)$/;

/**
 * reveal attributes that open frames or load content of their own (preview
 * overlays, iframe backgrounds), which the deck's CSP is not the only guard of.
 */
const REVEAL_LOADING_ATTRIBUTE = /^data-(?:preview-.*|background-.*|src)$/i;

/** reveal's auto-animate attributes a box may carry (Quarto's `data-id="box1" auto-animate-delay="0.1"`), each held to its pattern: an id, or seconds. */
export const AUTO_ANIMATE_ATTRIBUTES: Readonly<Record<string, RegExp>> = {
  'data-id': /^[\w-]{1,64}$/,
  'data-auto-animate-delay': /^\d{1,2}(?:\.\d{1,3})?$/,
  'data-auto-animate-duration': /^\d{1,2}(?:\.\d{1,3})?$/,
};

/** Marp's attribute of a step in raw HTML, its place in the order as its value. */
const MARPIT_FRAGMENT = 'data-marpit-fragment';

/** The elements that may take the classes of steps, of the deck's own styles and of Slidev's utilities (a link takes only some: enforceLinkRules). */
const CLASSED_TAGS = ['p', 'li', 'img', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'td', 'th', 'tr', 'table', 'caption', 'div', 'strong', 'b', 'em', 'i', 'small', 'mark', 'kbd', 'figure', 'figcaption', 'pre', 'ul', 'ol', 'dl', 'dt', 'dd', 'sup', 'details', 'summary', 'center'];

/** Removes chrome classes from a class attribute; undefined when none is left. */
function withoutChromeClasses(value: string | undefined): string | undefined {
  const kept = (value ?? '').split(/\s+/).filter((c) => c !== '' && !CHROME_CLASS.test(c));
  return kept.length > 0 ? kept.join(' ') : undefined;
}

/** Drops chrome classes and reveal's loading attributes from any element; Slidev's `v-click` makes it a fragment. */
function scrubAttributes(tagName: string, attribs: Record<string, string>): { tagName: string; attribs: Record<string, string> } {
  const clicks = clickClasses(Object.keys(attribs));
  // A Slidev deck's column grid (`<div grid="~ cols-2">`, `class="grid grid-cols-2"`) is the column grid the renderer writes.
  const grid = tagName === 'div' ? readUnoGrid(attribs) : null;
  // UnoCSS's attributify mode, which Slidev turns on: a bare attribute named as a utility (`<div flex gap-4>`) is that class.
  const attributified = readAttributified(grid ? withoutGrid(attribs) : attribs);
  // Marp's mark of a step in raw HTML (`<span data-marpit-fragment="2">`), which its own template steps through: reveal's fragment, at its place.
  const marpit = attribs[MARPIT_FRAGMENT];
  // Slidev's `v-mark` (slidev-marks.ts): its mark's classes, and a fragment that keeps the text in sight unless a click of its own steps it in.
  const read = readSlidevMark(attribs);
  const mark = read ? markElement(read, clicks.length > 0) : undefined;
  const marks = mark?.classes ?? [];
  const classes = [grid ?? withoutImportantMarks(attribs.class), ...attributified.classes, ...clicks, ...marks, ...(marpit !== undefined ? ['fragment'] : [])].filter(Boolean);
  const out: Record<string, string> = grid || clicks.length > 0 || marks.length > 0 || attributified.classes.length > 0 || marpit !== undefined || classes[0] !== attribs.class ? { class: classes.join(' ') } : {};
  Object.assign(out, mark?.attributes);
  if (marpit !== undefined && /^\d{1,3}$/.test(marpit) && attribs['data-fragment-index'] === undefined) out['data-fragment-index'] = marpit;
  // `v-click="3"` puts the step at the third click, as Slidev does: reveal's index of the fragment.
  const range = clicks.length > 0 && attribs['data-fragment-index'] === undefined ? clickRange(attribs) : undefined;
  const index = clicks.length > 0 && attribs['data-fragment-index'] === undefined ? (range?.from ?? clickIndex(attribs)) : undefined;
  // A ranged click steps out again at its second click (slidev-after.ts wraps its content to do so).
  if (range) out[HIDE_AT] = range.until;
  if (index !== undefined) out['data-fragment-index'] = index;
  // Slidev's `v-after` steps in with the click before it (slidev-after.ts gives it that click's place once the slide is whole).
  else if (clicks.length > 0 && isAfterAttribute(Object.keys(attribs))) out[WITH_PREVIOUS] = '';
  // Any other click steps in a number of clicks after the last one placed in order: one, or what a relative value says.
  else if (clicks.length > 0) {
    const step = clickStep(attribs);
    if (step !== undefined && step !== 1) out[CLICK_STEP] = String(step);
  }
  for (const [name, value] of Object.entries(attribs)) {
    // A click element's `at` (`<v-click at="[2, 4]">`) is read above, as its place.
    if (REVEAL_LOADING_ATTRIBUTE.test(name) || (grid && name === 'grid') || (clicks.length > 0 && name === 'at') || attributified.names.includes(name) || name === MARPIT_FRAGMENT) continue;
    if (Object.hasOwn(AUTO_ANIMATE_ATTRIBUTES, name) && !AUTO_ANIMATE_ATTRIBUTES[name]!.test(value)) continue;
    if (name.toLowerCase() === 'class') {
      const kept = withoutChromeClasses(out.class ?? value);
      if (kept !== undefined) out[name] = kept;
      continue;
    }
    out[name] = value;
  }
  return { tagName, attribs: out };
}

/** A class attribute with UnoCSS's mark of an important utility taken off (`!text-xl`, `mt-1!`): the utility's rule is the deck's, and outweighs the theme's as it is. */
function withoutImportantMarks(value: string | undefined): string | undefined {
  if (value === undefined || !value.includes('!')) return value;
  return value.split(/\s+/).map((cls) => {
    const bare = cls.replace(/^!|!$/, '');
    return bare !== cls && utilityClassPattern().test(bare) ? bare : cls;
  }).join(' ');
}

/**
 * The attributes of an element that are utility classes in UnoCSS's attributify mode (`names`), and the classes they
 * stand for: a bare attribute named as a utility (`<div flex mb-2>`), or a prefix whose value holds the rest of its
 * utilities (`m="t-2"` is `mt-2`, `border="~ l"` is `border border-l`). Only what makes a utility briefdeck has counts.
 */
function readAttributified(attribs: Record<string, string>): { names: string[]; classes: string[] } {
  const read = Object.entries(attribs).map(([name, value]) => [name, attributifyClasses(name, value)] as const).filter(([, classes]) => classes.length > 0);
  return { names: read.map(([name]) => name), classes: read.flatMap(([, classes]) => classes) };
}

/** An element's attributes less the `grid` one that readUnoGrid has read as the column grid. */
const withoutGrid = (attribs: Record<string, string>) => Object.fromEntries(Object.entries(attribs).filter(([name]) => name !== 'grid'));

/** The prefixes whose attribute's value, in UnoCSS's attributify mode, is the rest of one or more utilities. */
const ATTRIBUTIFY_PREFIXES: ReadonlySet<string> = new Set(['m', 'p', 'bg', 'text', 'border', 'gap', 'font', 'op', 'leading', 'grid']);

/** The utility classes one attribute stands for in UnoCSS's attributify mode (readAttributified). */
function attributifyClasses(name: string, value: string): string[] {
  if (value === '') return utilityClassPattern().test(name) ? [name] : [];
  if (!ATTRIBUTIFY_PREFIXES.has(name)) return [];
  // `~` is the prefix alone; a side joins a margin or padding (`m="t-2"`, `p="x-4"`), any other value follows a dash.
  // A grid's gap is the gap's own utility (`grid="~ gap-4"`).
  const classes = value.trim().split(/\s+/).map((part) => (part === '~' ? name : /^[mp]$/.test(name) && /^[xytrbl]-/.test(part) ? `${name}${part}` : name === 'grid' && /^gap-/.test(part) ? part : `${name}-${part}`));
  return classes.filter((cls) => utilityClassPattern().test(cls));
}

/** What a raw link turned out to be, so the caller can warn about one that was removed. */
export type RemovedLink = (href: string, kind: 'relative' | 'unsafe') => void;

/**
 * Applies the Markdown link rules to an `<a>` from raw HTML: https:, mailto:
 * and #anchors stay (external ones open with noopener and no referrer); any
 * other href is removed and reported.
 */
function enforceLinkRules(onRemoved: RemovedLink, onAnchor?: (href: string) => void) {
  return (tagName: string, attribs: Record<string, string>) => {
    const scrubbed = scrubAttributes(tagName, attribs).attribs;
    const kind = scrubbed.href === undefined ? undefined : classifyLink(scrubbed.href);
    if (kind === 'relative' || kind === 'unsafe') onRemoved(scrubbed.href!, kind);
    if (kind === 'anchor') onAnchor?.(scrubbed.href!);
    // Attributes keep their order, so a link that already follows the rules comes out unchanged.
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(scrubbed)) {
      if (name === 'target' || name === 'rel' || (name === 'href' && (kind === 'relative' || kind === 'unsafe'))) continue;
      // A link's utilities set its type and colours only: one that placed or sized it could lay it over the whole slide.
      if (name === 'class') {
        const kept = value.split(/\s+/).filter(isLinkUtility).join(' ');
        if (kept !== '') out.class = kept;
        continue;
      }
      out[name] = value;
    }
    if (kind === 'https' || kind === 'mailto') Object.assign(out, { target: '_blank', rel: 'noopener noreferrer' });
    return { tagName, attribs: out };
  };
}

/**
 * Elements whose content the HTML parser reads as text, where the sanitizer's parser (htmlparser2) reads markup:
 * read apart, `<noscript><p class="notes">…` would be text to the parse5 pass that takes notes out and a paragraph
 * to the sanitizer. None shows its content in a deck that runs its script (xmp and plaintext show it as text).
 */
const RAW_TEXT_ELEMENTS = /<(?:iframe|noembed|noframes|noscript|plaintext|xmp)\b/i;

/**
 * Settles the elements the two parsers read apart, as a browser reads them (parse5): the content of an iframe,
 * noembed, noframes or noscript goes, and xmp and plaintext become a `<pre>` of their text. Every later pass
 * then reads one and the same tree.
 */
function settleRawText(html: string): string {
  if (!RAW_TEXT_ELEMENTS.test(html)) return html;
  type Node = parse5.DefaultTreeAdapterMap['node'];
  const visit = (node: Node) => {
    if ('tagName' in node && /^(?:iframe|noembed|noframes|noscript)$/.test(node.tagName)) node.childNodes = [];
    if ('tagName' in node && (node.tagName === 'xmp' || node.tagName === 'plaintext')) {
      node.tagName = node.nodeName = 'pre';
      node.attrs = [];
    }
    if ('childNodes' in node) node.childNodes.forEach(visit);
    if ('content' in node) visit((node as unknown as { content: Node }).content);
  };
  const { fragment, serialize } = parseFragmentKeepingMarks(html);
  visit(fragment);
  return serialize();
}

/** Keeps trusted author HTML as written, minus the tags in NEVER_IN_A_DECK, event handlers, script addresses, chrome classes and reveal's loading attributes. */
export function stripNavigationAndFrames(html: string, onRemovedLink: RemovedLink, resolveImage?: ResolveImage, onAnchorLink?: (href: string) => void): string {
  sanitizer ??= require('sanitize-html') as SanitizeHtml;
  return sanitizer(settleRawText(html), {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    allowedSchemes: ['https', 'mailto', ASSET_SCHEME.slice(0, -1), 'data'],
    // An animation that would set a link or a handler (`<set attributeName="onclick">`) goes with the tags that run or load.
    // A picture that shows nothing goes too (showImage); the sanitizer names the frame by its tag as written, with the attributes it became.
    exclusiveFilter: (frame) => NEVER_IN_A_DECK.has(frame.tag) || animatesScriptedAttribute(frame.tag, frame.attribs) || frame.attribs[LEFT_OUT_MARK] !== undefined,
    transformTags: {
      // Event handlers go even from a trusted author's HTML: the deck's CSP would never run them, and a copy of the markup without it must not either.
      '*': (tagName, attribs) => scrubAttributes(tagName, withoutHandlers(attribs)),
      a: enforceLinkRules(onRemovedLink, onAnchorLink),
      img: (tagName, attribs) => showImage(tagName, scrubAttributes(tagName, readLazySource(withoutHandlers(attribs))).attribs, resolveImage),
    },
    // A script's address (`javascript:`, `vbscript:`) in any attribute that names one goes too (MathML's `href` on any element); a link's are read by enforceLinkRules first.
    allowedSchemesAppliedToAttributes: ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'cite', 'data', 'longdesc', 'ping'],
    parser: { lowerCaseAttributeNames: false },
  } as import('sanitize-html').IOptions);
}

const NO_STYLE_CLASSES: ReadonlySet<string> = new Set();

/**
 * Keeps the formatting tags Markdown itself could produce and drops everything that loads or runs; an element keeps
 * the classes the deck's own styles name (`styleClasses`); each link to an anchor in the deck is told to `onAnchorLink`.
 */
export function sanitizeFragment(html: string, onRemovedLink: RemovedLink, resolveImage?: ResolveImage, styleClasses: ReadonlySet<string> = NO_STYLE_CLASSES, onAnchorLink?: (href: string) => void): string {
  sanitizer ??= require('sanitize-html') as SanitizeHtml;
  return sanitizer(settleRawText(html), {
    allowedTags: [
      'p', 'br', 'hr', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
      'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'small', 'mark', 'kbd', 'abbr', 'cite', 'q', 'span', 'a', 'img', 'input',
      'figure', 'figcaption', 'div',
      // What the renderer writes too, on a slide cleaned whole: Pandoc's definition lists, and a Marp or Slidev slide's later headings.
      'dl', 'dt', 'dd', 'h1', 'h2',
      // HTML decks written for other tools use (a README's `<p align="center">`, `<center>`, `<details>`): each only
      // sets text or a table's parts apart, and none loads, runs or places anything over the slide.
      'center', 'details', 'summary', 'caption', 'tfoot', 'colgroup', 'col', 'var', 'samp', 'dfn', 'time', 'wbr', 'ruby', 'rt', 'rp', 'bdi', 'bdo', 'strike', 'big', 'tt', 'font',
    ],
    allowedAttributes: {
      a: ['href', 'title', 'target', 'rel'],
      // A picture's place on the slide (Quarto's `.absolute`), its style held to that (allowedStyles).
      img: ['src', 'alt', 'title', 'width', 'height', 'style', 'align'],
      // A grid's place on the slide (Advanced Slides' `<grid>`), held to that too; and the old align attribute (below).
      div: ['style', 'align', ...Object.keys(AUTO_ANIMATE_ATTRIBUTES)],
      abbr: ['title'],
      ol: ['start', 'type', 'reversed'],
      // A cell that spans columns or rows, as a table written in HTML has them (a Markdown table cannot).
      th: ['align', 'colspan', 'rowspan', 'scope'],
      td: ['align', 'colspan', 'rowspan'],
      // The old attributes that align text or set its colour, which a browser still reads; a colour cannot fetch or cover anything.
      ...Object.fromEntries(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'caption'].map((tag) => [tag, ['align']])),
      col: ['span'],
      colgroup: ['span'],
      time: ['datetime'],
      bdo: ['dir'],
      font: ['color'],
      details: ['open'],
      code: ['class'],
      // A figure's caption is hidden from screen readers, which read the picture's alt text (render-image.ts).
      span: ['class', { name: 'aria-hidden', values: ['true'] }],
      input: ['type', 'checked', 'disabled'],
      // reveal's fragments, as `<!-- .element: -->` sets them; and an inline style, held to the look of its own element (safe-inline-styles.ts).
      '*': ['data-fragment-index', WITH_PREVIOUS, HIDE_AT, CLICK_STEP, 'style'],
    },
    allowedClasses: Object.fromEntries(
      // Slidev's utility classes too (uno-utilities.ts), whose rules a Slidev deck gets.
      [...CLASSED_TAGS].map((tag) => [tag, [...FRAGMENT_CLASSES, ...(RENDERER_CLASSES[tag] ?? []), utilityClassPattern(), MARK_CLASS, ...styleClasses]]).concat([['a', [utilityClassPattern()]]]),
    ),
    allowedStyles: {
      '*': SAFE_INLINE_STYLES,
      img: { position: [/^absolute$/], ...Object.fromEntries(['top', 'left', 'right', 'bottom'].map((side) => [side, [PLACE_LENGTH]])) },
      // And a Quarto custom layout's shares of a row (layout-grid.ts).
      // And Slidev's <Transform :scale> (leftovers.ts), a zoom of a number.
      div: { position: [/^absolute$/], ...Object.fromEntries(['top', 'left', 'right', 'bottom', 'width', 'height'].map((side) => [side, [PLACE_LENGTH]])), 'grid-template-columns': [/^(?:\d{1,4}(?:\.\d{1,4})?fr(?: |$)){1,8}$/], zoom: [/^(?:\d(?:\.\d{1,3})?|\.\d{1,3})$/] },
    },
    allowedSchemes: ['https', 'mailto'],
    allowedSchemesByTag: { img: [ASSET_SCHEME.slice(0, -1)] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    // Only images the parser resolved and confined may keep a source; a relative src would reach for a local file.
    transformTags: {
      '*': scrubAttributes,
      a: enforceLinkRules(onRemovedLink, onAnchorLink),
      // One that shows nothing becomes a tag no deck allows, and goes.
      img: (tagName, attribs) => showImage(tagName, attribs, resolveImage),
      ...Object.fromEntries([...SECTIONING_TAGS].map((tag) => [tag, (_: string, attribs: Record<string, string>) => scrubAttributes('div', attribs)])),
    },
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template', 'svg', 'math'],
  });
}

/**
 * What sanitising took out of a fragment, for a warning that names it:
 * elements by tag (`<script>`) and attributes by element (`onerror on <img>`).
 * Both fragments are read with parse5, as a browser would read them. `counts`, when given, is told how many of each went.
 */
export function describeRemoved(before: string, after: string, counts?: Map<string, number>): string[] {
  const tagsBefore = countMarkup(before, true);
  const tagsAfter = countMarkup(after);
  const removed: string[] = [];
  for (const [key, count] of tagsBefore) {
    if ((tagsAfter.get(key) ?? 0) >= count) continue;
    const [tag, attribute] = key.split(' ');
    // Slidev's click attribute and Marp's step go, but their meaning stays: the element is a fragment; so does a grid read as the column grid.
    if (attribute && (isClickAttribute(attribute) || isMarkAttribute(attribute) || attribute === MARPIT_FRAGMENT)) continue;
    const what = attribute ? `${attribute} on <${tag}>` : `<${tag}>`;
    removed.push(what);
    counts?.set(what, count - (tagsAfter.get(key) ?? 0));
  }
  return removed;
}

/**
 * Counts elements by tag, and attributes as "tag attribute", in an HTML fragment. As written (`written`), a
 * Slidev column grid counts as the class it becomes, so neither its grid nor its classes are named as removed.
 */
function countMarkup(html: string, written = false): Map<string, number> {
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const walk = (node: import('parse5').DefaultTreeAdapterMap['node']) => {
    if ('tagName' in node) {
      // A grouping block is the div it becomes (SECTIONING_TAGS), not a tag lost.
      const tag = written && SECTIONING_TAGS.has(node.tagName) ? 'div' : node.tagName;
      bump(tag);
      const attribs = written ? Object.fromEntries(node.attrs.map((a) => [a.name, a.value])) : {};
      const grid = written && node.tagName === 'div' && readUnoGrid(attribs) !== null;
      if (grid) bump('div class');
      // Utilities written as bare attributes (`<div flex>`) count as the class they become, not as attributes lost.
      const attributified = written ? readAttributified(grid ? withoutGrid(attribs) : attribs).names : [];
      if (attributified.length > 0 && !grid && attribs.class === undefined) bump(`${tag} class`);
      // A click element's `at` is its place, read as the fragment's, not an attribute lost.
      const clicked = written && node.attrs.some((a) => isClickAttribute(a.name));
      // reveal's lazy `data-src` is the source of a picture with none, not an attribute lost.
      const lazy = written && tag === 'img' && !node.attrs.some((a) => a.name === 'src');
      for (const attr of node.attrs) if (!(grid && (attr.name === 'grid' || attr.name === 'class')) && !(clicked && attr.name === 'at') && !attributified.includes(attr.name)) bump(`${tag} ${lazy && attr.name === 'data-src' ? 'src' : attr.name}`);
    }
    if ('childNodes' in node) node.childNodes.forEach(walk);
    if ('content' in node) walk((node as unknown as { content: import('parse5').DefaultTreeAdapterMap['node'] }).content);
  };
  walk(parseHtmlFragment(html));
  return counts;
}

