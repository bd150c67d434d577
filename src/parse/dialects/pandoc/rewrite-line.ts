import { describeIgnoredSettings, FRAGMENT_CLASS, readSlideDirective, type SlideDirectiveLook } from '../reveal.js';
import { suggestClosest } from '../../../did-you-mean.js';
import { CALLOUT, CALLOUT_TITLES } from './callouts.js';
import { CLASS_DIVS } from './class-divs.js';
import { readLayoutRows } from './layout-grid.js';
import { readAttributes } from './attributes.js';
import { readConditional } from './conditional.js';
import { REFERENCES_LINE } from './citations.js';
import { opensPandocHtmlNotes } from './read-notes.js';
import { shortcodeLeftOut } from './shortcodes.js';
import { isTheoremDiv, PROOF_KINDS } from './theorem-divs.js';
import { isCrossRefDiv } from './cross-ref-divs.js';
import { countSection, isUnnumbered, readEndAttributes } from './cross-refs.js';
import type { SectionCounts } from '../../raw-slide.js';

// Pandoc's and Quarto's line-level syntax (divs, pauses, heading attributes), rewritten into briefdeck's own.

/**
 * What a div's closing `:::` becomes, by the div it closes: after a fragment what follows shows at once, as in
 * Quarto; a footer ends. Any other div's fence just goes, but a kept div's (KEPT_DIVS).
 */
const DIV_CLOSERS: Record<string, string> = { fragment: '<!-- pause: end -->', footer: '<!-- footer: end -->', incremental: '<!-- incremental: end -->', nonincremental: '<!-- incremental: end -->', columns: '<!-- column-end -->' };

/**
 * Divs that keep their fences for a block extension, which reads each whole: a callout, drawn as a box, a
 * column grid (`layout-ncol`), and an aside or a stack (`.r-stack`, `.r-hstack`, `.r-vstack`), each a div of its class (class-divs.ts).
 * Each is written with one colon more than the kept div around it, and closed with as many, so a grid inside
 * a callout closes where it should (fenced-div.ts matches a closing fence by its length). Named with a space,
 * which no class has: a div of the class `grid` or `callout` (`::: {.grid}`) is not one of them.
 */
const KEPT_DIVS = new Set(['kept callout', 'kept grid', 'kept class']);

/** The divs class-divs.ts keeps as a <div> of their class, as a line writes them. */
const CLASS_DIV_SPECS = new Set(CLASS_DIVS.map(({ cls }) => `.${cls}`));

/** The div classes that mean something in a deck, which a mistyped one is matched against. */
const KNOWN_DIV_CLASSES = [...Object.keys(PROOF_KINDS), 'notes', 'incremental', 'nonincremental', 'columns', 'column', 'footer', 'fragment', 'panel-tabset', 'absolute', ...CLASS_DIVS.map(({ cls }) => cls), ...Object.keys(CALLOUT_TITLES).map((kind) => `callout-${kind}`)];

/**
 * The fence of a kept div opened, or closed, inside `open` other divs. Past six kept divs deep the fences stop
 * growing: divs that never close would otherwise each get a fence of their own length, and fenced-div.ts, which
 * remembers per length that no fence closes further down, would search the rest of the text for each.
 */
function keptFence(state: PandocLineState): string {
  return ':'.repeat(3 + Math.min(6, state.kept?.at(-1) ?? 0));
}

// The divs open are changed only here, so the count of kept divs among them is kept beside them: counted afresh at
// every div, a line of thousands of unclosed ones cost the square of their number.
/** Opens a div of class (or kind) `cls`. */
function openDiv(state: PandocLineState, cls: string): void {
  state.divs.push(cls);
  (state.kept ??= []).push((state.kept.at(-1) ?? 0) + (KEPT_DIVS.has(cls) ? 1 : 0));
}

/** Says what the innermost open div is: a kept one (`kept callout`, `kept grid`, `kept class`) or a step (`fragment`). */
function markInnermostDiv(state: PandocLineState, kind: string): void {
  state.divs[state.divs.length - 1] = kind;
  const kept = (state.kept ??= []);
  kept[kept.length - 1] = (kept.at(-2) ?? 0) + (KEPT_DIVS.has(kind) ? 1 : 0);
}

/** Closes the innermost open div, and says what it was. */
function closeDiv(state: PandocLineState): string | undefined {
  state.kept?.pop();
  return state.divs.pop();
}

/** A div's closing fence: three colons or more, and nothing else. */
const CLOSE_FENCE = /^ {0,3}:{3,}[ \t]*$/;

/** What the line rewriter carries from one line to the next within a file. */
export interface PandocLineState {
  /** The divs open, innermost last, each by its class (or its kind, for a kept div); changed only by openDiv, markInnermostDiv and closeDiv. */
  divs: string[];
  /** How many of the divs open, up to and including each, are kept ones (KEPT_DIVS). */
  kept?: number[];
  /** Columns of the open `::: columns` seen so far. */
  columnsSeen: number;
  /**
   * In a deck written for Pandoc (R Markdown's ioslides and Slidy decks among them), Markdown inside a `<div>`
   * is read, as Pandoc reads it: the `<div>` lines open, each as it was read (readHtmlDivLine).
   */
  htmlDivs?: HtmlDiv[];
  /** Inside conditional content a deck leaves out: how many divs were open around it, so its own close ends it. */
  hiding?: number;
  /** The line that div opened on, for a warning should it never close (set by cut-slides.ts). */
  hidingFrom?: number;
  /** The classes the deck's own styles name: a div of only those is kept, a div of its classes (class-divs.ts). */
  styleClasses?: ReadonlySet<string>;
  /** Quarto's number-sections: the counts its headings' numbers are written from. */
  sections?: SectionCounts;
}

/** A line rewritten into briefdeck's own syntax, and what could not be carried over. */
export interface Rewrite {
  text: string;
  /** A heading's attributes that set the look of the slide it titles. */
  look?: SlideDirectiveLook;
  /** Quarto's `{visibility="hidden"}`: the slide the heading titles is left out of the deck, as Quarto leaves it out. */
  hidden?: true;
  /** Pandoc's and Quarto's `{.unlisted}`: the heading, and what it heads, are left out of the table of contents. */
  unlisted?: true;
  /** A heading of attributes only: it starts a slide without a title. */
  untitled?: true;
  warning?: string;
  /** Lines to read before `text`, such as the column a stepped column starts. */
  before?: readonly string[];
}

/**
 * Rewrites Pandoc's and Quarto's slide syntax, line by line, into briefdeck's
 * own: `::: columns` and `::: {.column}` become `<!-- column -->` splits of a
 * two-column slide, `::: incremental` becomes `<!-- incremental: start -->` … `<!-- incremental: end -->`, other
 * fenced divs keep their content without the fences, and heading attributes
 * such as `{.smaller}` or `{background-color="…"}` are taken off the title.
 * What has no briefdeck meaning yet comes back as a warning, never as text.
 * `state` carries the open divs from one line to the next within a file.
 */
export function rewritePandocLine(line: string, state: PandocLineState): Rewrite | null {
  // Quarto's shortcodes inside a link's address (`[Docs](https://{{< meta subdomain >}}quarto.org)`) go before Markdown reads
  // the link, whose address their spaces would break, shown as text; the rest of the line is read as any other.
  const addressed = line.includes('{{<') && line.includes('](') ? leaveShortcodesOutOfAddresses(line) : null;
  if (addressed) {
    const rest = rewritePandocLine(addressed.text, state);
    // The line's own warning (a heading's attributes) is said with the shortcode's, never instead of it.
    return { text: addressed.text, ...rest, warning: rest?.warning ? `${addressed.warning}; ${rest.warning}` : addressed.warning };
  }
  if (state.htmlDivs && state.hiding === undefined && /^ {0,3}<\/?div\b/i.test(line)) {
    const div = readHtmlDivLine(line, state.htmlDivs);
    if (div === '') return { text: '' };
    if (div !== null) {
      const rewritten = rewritePandocLine(div, state);
      // Said in the author's own words: the line was a <div>, not Pandoc's fence.
      return rewritten && { ...rewritten, ...(rewritten.warning ? { warning: rewritten.warning.replace(`"${div}"`, `"${line.trim()}"`) } : {}) };
    }
  }
  const open = /^[ \t]*:/.test(line) ? /^ {0,3}:{3,}[ \t]*(?:\{([^}]*)\}|([A-Za-z][\w-]*))[ \t]*$/.exec(line) : null;
  // Inside content Quarto leaves out of a deck, every line goes; its divs are counted, so that its own close ends it.
  if (state.hiding !== undefined) {
    if (open) openDiv(state, 'hidden');
    else if (CLOSE_FENCE.test(line) && closeDiv(state) !== undefined && state.divs.length === state.hiding) state.hiding = undefined;
    return { text: '' };
  }
  // A div fence, a pause and a heading start with `:`, `.` or `#`; most lines start with none, and are done with here.
  if (!/^[ \t]*[:.#]/.test(line)) return null;
  if (open) {
    const spec = (open[1] ?? `.${open[2]}`).trim();
    const cls = /(?:^|\s)\.([\w-]+)/.exec(spec)?.[1] ?? '';
    // Notes blocks are read by openPandocNotes.
    if (cls === 'notes') return null;
    const fence = keptFence(state);
    const insideKept = (state.kept?.at(-1) ?? 0) > 0;
    openDiv(state, cls);
    // Quarto's conditional content (conditional.ts): a deck shows it, without its fences, or leaves it out whole.
    const attributes = open[1] === undefined ? null : readAttributes(spec);
    const conditional = attributes ? readConditional(attributes) : null;
    if (conditional === 'left out') {
      state.hiding = state.divs.length - 1;
      return { text: '' };
    }
    if (conditional === 'shown') return { text: '' };
    if (conditional === 'untold') return { text: '', warning: `Quarto's condition in "${line.trim()}" is not one a deck can tell (only when-format and unless-format are); its content is shown` };
    if (cls === 'columns') {
      state.columnsSeen = 0;
      return { text: '<!-- layout: two-column -->' };
    }
    if (cls === 'column') {
      // Its width (`width="40%"`) sizes it: the first column's own, each later one's as it starts.
      const width = attributes?.pairs.find(([key]) => key === 'width')?.[1];
      const percent = width !== undefined && /^\d{1,3}(?:\.\d+)?%$/.test(width) ? width : undefined;
      const column = state.columnsSeen++ === 0 ? (percent ? `<!-- column-width: ${percent} -->` : '') : percent ? `<!-- column: ${percent} -->` : '<!-- column -->';
      // `::: {.column .fragment}`: the column steps in, as a fragment div's content does, from its start to the next column.
      if (!/(?:^|\s)\.fragment(?:\s|$)/.test(spec)) return { text: column };
      return { text: writeFragmentPause(attributes), ...(column ? { before: [column] } : {}) };
    }
    // Pandoc's `::: incremental` and `::: nonincremental`: the lists inside it step in, or show at once, not the slide's
    // others. Inside a div read whole, a step's start and end would cut that div in two: it is a div of its own there.
    if ((cls === 'incremental' || cls === 'nonincremental') && insideKept) {
      markInnermostDiv(state, 'kept class');
      return { text: `${fence} {.${cls}}` };
    }
    if (cls === 'incremental') return { text: '<!-- incremental: start -->' };
    // Quarto's per-slide footer: its text goes in the slide's footer, never in its body.
    if (cls === 'footer') return { text: '<!-- footer -->' };
    // A Quarto callout keeps its fences for the renderer (pandocBlockExtensions), which draws it as a box.
    if (CALLOUT.test(cls)) {
      markInnermostDiv(state, 'kept callout');
      return { text: `${fence} {${spec}}` };
    }
    // A tabset's tabs are shown one after another, each under its name (a heading inside a div stays on its slide).
    if (cls === 'panel-tabset') return { text: '' };
    // Quarto's aside and stacks, ioslides' two-column flow: a div of that class around the content (class-divs.ts).
    if (CLASS_DIV_SPECS.has(spec)) {
      markInnermostDiv(state, 'kept class');
      return { text: `${fence} {${spec}}` };
    }
    // Quarto's placed block (`::: {.absolute top=50 left=0}`), kept whole for class-divs.ts, which places it.
    if (cls === 'absolute') {
      markInnermostDiv(state, 'kept class');
      return { text: `${fence} {${spec}}` };
    }
    // Quarto's column grid (`::: {layout-ncol=2}`): each block in it is a cell, side by side.
    const grid = /^layout-ncol=(["']?)([2-4])\1$/.exec(spec);
    if (grid) {
      markInnermostDiv(state, 'kept grid');
      return { text: `${fence} {layout-ncol=${grid[2]}}` };
    }
    // Its custom layout (`::: {layout="[1, 20]"}`, rows `[[1,1],[1]]`): cells in rows, each as wide as its share.
    const rows = /^layout=(?:(["'])(.*)\1|(\[\S*\]))$/.exec(spec);
    const layout = rows ? readLayoutRows(rows[2] ?? rows[3]!) : null;
    if (layout) {
      markInnermostDiv(state, 'kept grid');
      return { text: `${fence} {layout=${JSON.stringify(layout)}}` };
    }
    // `::: nonincremental`: the lists inside it show at once, whatever the deck says.
    if (cls === 'nonincremental') return { text: '<!-- nonincremental: start -->' };
    // Quarto's theorems and proofs (`::: {#thm-line}`, `::: {.proof}`), and its figure and table divs (`::: {#fig-pair}`),
    // kept whole for theorem-divs.ts and cross-ref-divs.ts, which title and caption them.
    const titled = readAttributes(spec);
    if (isTheoremDiv(titled) || isCrossRefDiv(titled)) {
      markInnermostDiv(state, 'kept class');
      return { text: `${fence} {${spec}}` };
    }
    // Pandoc's place for the list of works cited (`::: {#refs}`, or an id ending `__refs`), filled once the deck is read.
    if (attributes?.id === 'refs' || attributes?.id?.endsWith('__refs')) return { text: REFERENCES_LINE };
    // Quarto's fragment div (`::: {.fragment .fade-in fragment-index=2}`): its content is one build step, with reveal's effects and place in the order.
    if (cls === 'fragment' || /(?:^|\s)\.fragment(?:\s|$)/.test(spec)) {
      // Inside a div read whole (a stack, a callout, a grid), a pause would cut that div in two: the fragment is a kept div
      // of its own there, a <div> that steps in (class-divs.ts), as a stack of fragments (`.r-stack`) needs.
      if (insideKept) {
        markInnermostDiv(state, 'kept class');
        const { effects, index } = readFragmentWords(attributes);
        return { text: `${fence} {${['.fragment', ...effects.map((c) => `.${c}`), ...(index !== undefined ? [`fragment-index=${index}`] : [])].join(' ')}}` };
      }
      markInnermostDiv(state, 'fragment');
      return { text: writeFragmentPause(attributes) };
    }
    // A div with an inline style (`::: {style="font-size: 80%"}`) or reveal's auto-animate id (`::: {data-id="box"}`), kept for
    // class-divs.ts, which keeps what of the style is safe.
    if (attributes?.pairs.some(([key]) => key === 'style' || key === 'data-id')) {
      markInnermostDiv(state, 'kept class');
      return { text: `${fence} {${spec}}` };
    }
    // A div of classes the deck's own styles name (`::: {.highlight}` with a `.highlight` rule in its css:), kept for them to style.
    if (attributes && attributes.classes.length > 0 && attributes.id === null && attributes.pairs.length === 0 && attributes.classes.every((c) => state.styleClasses?.has(c))) {
      markInnermostDiv(state, 'kept class');
      return { text: `${fence} {${spec}}` };
    }
    // A class near one that has a meaning is likely a typo of it (`::: {.notse}`, whose content would else show on the slide).
    const meant = cls === '' ? undefined : suggestClosest(cls, KNOWN_DIV_CLASSES, { byPrefix: false });
    return { text: '', warning: `Pandoc div "${line.trim()}" has no briefdeck meaning; its content is shown without it${meant !== undefined && meant !== cls ? ` (did you mean .${meant}?)` : ''}` };
  }
  if (CLOSE_FENCE.test(line) && state.divs.length > 0) {
    const closed = closeDiv(state)!;
    if (KEPT_DIVS.has(closed)) return { text: keptFence(state) };
    return { text: Object.hasOwn(DIV_CLOSERS, closed) ? DIV_CLOSERS[closed]! : '' };
  }
  // A heading inside a div (a callout's title, a tab's name) is part of the slide in Pandoc, never the start of another.
  const inner = state.divs.length > 0 ? /^ {0,3}#{1,2}([ \t]+.*)$/.exec(line) : null;
  if (inner) return { text: `###${inner[1]!.replace(/[ \t]+\{[^}]*\}[ \t]*$/, '')}` };
  // Quarto's number-sections: a heading outside divs shows its section number, counted as cross-refs.ts counts them for @sec- references.
  const numbered = state.sections && state.divs.length === 0 ? numberHeadingLine(line, state.sections) : null;
  if (numbered !== null) line = numbered;
  // A pause: what follows on the slide is the next build step.
  if (/^[ \t]*\.[ \t]\.[ \t]\.[ \t]*$/.test(line)) return { text: '<!-- pause -->' };
  // A heading of attributes only (`## {background-image="a.png"}`): Quarto's slide without a title.
  const bare = /^#{1,6}[ \t]+\{([^}]*)\}[ \t]*$/.exec(line);
  if (bare && /^[.#-]|=/.test(bare[1]!.trim())) return { ...readHeadingAttributes('', bare[1]!.trim()), untitled: true };
  // Pandoc reads the attributes right after the text too (`# Demo{#sec:demo}`, as pandoc-crossref's decks write them), but
  // for a span's (`[set]{.cls}`), which its inline reading takes first.
  // Read from each `{` no further than the next one: a heading of thousands of unclosed `{` would else be looked along
  // from each of them to its end.
  const heading = /^(#{1,6}[ \t]+.*?)(?:[ \t]+|(?<=[^\]\s]))\{([^{}]*)\}[ \t]*$/.exec(line);
  if (heading && /^[.#-]|=/.test(heading[2]!.trim())) return readHeadingAttributes(heading[1]!, heading[2]!.trim());
  // Pandoc's automatically numbered list item, `#.`: an ordered list's item, numbered as the list goes.
  const autoNumbered = /^( {0,3})#\.([ \t]+\S.*)$/.exec(line);
  if (autoNumbered) return { text: `${autoNumbered[1]}1.${autoNumbered[2]}` };
  return numbered !== null ? { text: line } : null;
}

/** A heading line with its section number written before its text ("## 1.2 Plan"), counted in `sections`; null for a line that is no numbered heading. */
function numberHeadingLine(line: string, sections: SectionCounts): string | null {
  const heading = /^( {0,3}#{1,6}[ \t]+)(.*)$/.exec(line);
  if (!heading) return null;
  if (isUnnumbered(readEndAttributes(line))) return null;
  const number = countSection(sections.counters, heading[1]!.trim().length - sections.top);
  // A heading of attributes only titles nothing: counted, as cross-refs.ts counts it, with no number shown.
  return /^\{[^}]*\}[ \t]*$/.test(heading[2]!) ? line : `${heading[1]}${number} ${heading[2]}`;
}

/** The pause a fragment div (or a stepped column) starts: reveal's effect classes and place in the order it names, `.fade-up` or `fragment-index=2`. */
function writeFragmentPause(attributes: ReturnType<typeof readAttributes> | null): string {
  const { effects, index } = readFragmentWords(attributes);
  const words = [...effects, ...(index !== undefined ? [`index=${index}`] : [])];
  return words.length > 0 ? `<!-- pause: ${words.join(' ')} -->` : '<!-- pause -->';
}

/** A link's address that holds a shortcode: `](`, the address, `)`. */
const ADDRESS_WITH_SHORTCODE = /\]\(([^()\n]*?\{\{<[^\n]*?>\}\}[^()\n]*?)\)/g;

/** A line with the shortcodes in its links' addresses left out, and the warning naming the first; null when it has none. */
function leaveShortcodesOutOfAddresses(line: string): { text: string; warning: string } | null {
  let first: string | undefined;
  const text = line.replace(ADDRESS_WITH_SHORTCODE, (_, address: string) => `](${address.replace(/\{\{<[^\n]*?>\}\}/g, (shortcode) => ((first ??= shortcode), ''))})`);
  return first === undefined ? null : { text, warning: shortcodeLeftOut(first) };
}

/** A fragment div's reveal effect classes (`.fade-up`) and place in the order (`fragment-index=2`); other words are not reveal's. */
function readFragmentWords(attributes: ReturnType<typeof readAttributes> | null): { effects: string[]; index?: string } {
  const effects = (attributes?.classes ?? []).filter((c) => c !== 'fragment' && FRAGMENT_CLASS.test(c));
  const index = attributes?.pairs.find(([key, value]) => key === 'fragment-index' && /^\d{1,3}$/.test(value))?.[1];
  return { effects, ...(index !== undefined ? { index } : {}) };
}

/**
 * Heading classes that mean nothing on a slide: numbering or listing a section in a document's contents, and Beamer's
 * frame options (`{.fragile}`, `{.allowframebreaks}`, `{.plain}`, …), which Pandoc's HTML writers ignore too.
 */
const NO_MEANING_ON_A_SLIDE = new Set(['unnumbered', 'unlisted', 'fragile', 'allowframebreaks', 'allowdisplaybreaks', 'plain', 'shrink', 'squeeze', 'noframenumbering', 'standout', 't', 'c', 'b', 's']);

/**
 * Quarto's heading attributes: `{.smaller}` and other allowlisted classes, and
 * `{background-color="…"}` or `{background-image="…"}`, set the slide's look,
 * and `{#id}` its id, through the same safe reading as reveal's `.slide:` comments;
 * `{visibility="hidden"}` leaves the slide out; the rest is a warning.
 */
function readHeadingAttributes(heading: string, attributes: string): Rewrite {
  // Unnumbered and unlisted (`{-}` is short for `.unnumbered`) change nothing else on a slide: numberHeadingLine reads
  // the one, and the other leaves the heading out of the table of contents (model.ts, listAgendaEntries).
  const unlisted = /(?:^|\s)\.unlisted(?=\s|$)/.test(attributes);
  const classNames = [...attributes.matchAll(/(?:^|\s)\.([\w-]+)/g)].map((m) => m[1]!).filter((c) => !NO_MEANING_ON_A_SLIDE.has(c));
  // ioslides' `{.build}` steps the slide's content in.
  const build = classNames.includes('build');
  // reveal's `.r-fit-text` on a heading sizes the title to fill its line, as Marp's `<!--fit-->` in a title asks (parse-briefing.ts).
  const fit = classNames.includes('r-fit-text');
  const classes = classNames.filter((c) => c !== 'build' && c !== 'r-fit-text');
  // Quarto's `background=` is reveal's shorthand: an image when it names a file or an address, else a colour.
  const named = (key: string, value: string) => (key !== 'background' ? key : /\.(?:png|jpe?g|gif|webp|svg|avif)["']?$|^["']?(?:https?:|data:)/i.test(value) ? 'background-image' : 'background-color');
  const written = [...attributes.matchAll(/([\w-]+)\s*=\s*("[^"]*"|'[^']*'|\S+)/g)];
  const hidden = written.some((m) => m[1] === 'visibility' && m[2]!.replace(/^["']|["']$/g, '') === 'hidden');
  const pairs = written.filter((m) => !(hidden && m[1] === 'visibility')).map((m) => {
    const key = named(m[1]!, m[2]!);
    return `${['background-color', 'background-image', 'background-gradient', 'background-size', 'background-position', 'background-repeat', 'background-opacity'].includes(key) ? `data-${key}` : key}=${m[2]}`;
  });
  // `{#plan}`: the slide's id, which links name it by (slide-anchors.ts).
  const id = /(?:^|\s)#([^\s}"']+)/.exec(attributes)?.[1];
  const read = readSlideDirective(`<!-- .slide: ${id !== undefined ? `id="${id}" ` : ''}${classes.length > 0 ? `class="${classes.join(' ')}" ` : ''}${pairs.join(' ')} -->`);
  // A bare word is none of Pandoc's attributes (`{auto-animate-restart}`): named with what else is left out, never dropped unsaid.
  const bare = attributes.replace(/([\w-]+)\s*=\s*("[^"]*"|'[^']*'|\S+)/g, ' ').split(/\s+/).filter((word) => word !== '' && word !== '-' && !/^[.#]/.test(word));
  const ignored = [...(read?.ignored ?? []), ...bare];
  const look = build ? { ...read?.look, incremental: true as const } : read?.look;
  return { text: fit ? `${heading} <!--fit-->` : heading, look, ...(hidden ? { hidden } : {}), ...(unlisted ? { unlisted } : {}), ...(ignored.length > 0 ? { warning: `heading attributes ${describeIgnoredSettings(ignored)} are not supported and were left out` } : {}) };
}

/** A line that is one `<div>` opening tag and nothing else: its attributes, quoted as a Pandoc div's are. */
const HTML_DIV_OPEN = /^ {0,3}<div((?:\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:"[^"<>{}]*"|'[^'<>{}]*'|[^\s"'<>{}=`]+))?)*)\s*>[ \t]*$/i;

/** What a `<div>` line read by readHtmlDivLine was: a div of Markdown (Pandoc's fence stands for it), a bare one, or HTML left as it is. */
export type HtmlDiv = 'div' | 'bare' | 'raw';

/**
 * A whole-line `<div …>` as the Pandoc fence it stands for (`::: {#id .a .b key="v"}`), so its lines are read as
 * Markdown, as Pandoc reads them; a bare `<div>` as nothing; its whole-line `</div>` as what closes it. Null for any
 * other line, a `<div>` with content on its line among them, whose close then stays HTML too.
 */
function readHtmlDivLine(line: string, open: HtmlDiv[]): string | null {
  if (/^ {0,3}<\/div\s*>[ \t]*$/i.test(line)) {
    const closes = open.pop();
    return closes === 'div' ? ':::' : closes === 'bare' ? '' : null;
  }
  // Pandoc's notes div is read, and closed, by the notes reader (read-notes.ts): it is never on this stack.
  if (opensPandocHtmlNotes(line)) return null;
  const div = HTML_DIV_OPEN.exec(line);
  const spec = (div?.[1] ? [...div[1].matchAll(/([A-Za-z_:][\w:.-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>=`]+)))?/g)] : []).flatMap(([, name, ...values]) => {
    const value = values.find((v) => v !== undefined) ?? '';
    if (name!.toLowerCase() === 'class') return value.split(/\s+/).filter(Boolean).map((c) => `.${c}`);
    if (name!.toLowerCase() === 'id') return value.trim() ? [`#${value.trim()}`] : [];
    return [`${name}="${value.replace(/"/g, "'")}"`];
  });
  // Another div of notes (`class="notes other"`) stays HTML, whose notes reveal.ts takes out; so does a div this cannot read.
  if (!div || spec.some((part) => part.toLowerCase() === '.notes')) {
    if (/^ {0,3}<div\b[^<>]*>[ \t]*$/i.test(line)) open.push('raw');
    return null;
  }
  open.push(spec.length === 0 ? 'bare' : 'div');
  return spec.length === 0 ? '' : `::: {${spec.join(' ')}}`;
}
