// How briefdeck reads remark.js decks, and xaringan's (R Markdown's `output: xaringan::moon_reader`, built on
// remark). Slides are cut at `---` as in Marp's; what is remark's own is rewritten into briefdeck's, line by line:
// - `???` opens the slide's presenter notes (as reveal's `Note:` does), and `--` is a build step;
// - a slide's properties, `key: value` lines at its start (`class: center, middle`, `background-image: url(a.png)`,
//   `exclude: true`), are its look, or leave it out; the others are named in a warning;
// - content classes, `.pull-left[` … `]` around lines or `.red[text]` inside one: the two columns of
//   xaringan's `pull-left`/`pull-right` (and `left-column`/`right-column`), `bold` and `italic` as Markdown,
//   `footnote` in small type, `center`, `right` and `left` a box aligned so; any other class goes and its content stays,
//   with a warning;
// - a heading is read as remark's Markdown reader (an early marked) reads it: `##Title` without a space is one, and
//   it ends the lines before it, so a line of inline HTML (`<img …>`) before it does not take it in as HTML.
// Its layout slides and templates are drawn before, over the whole text (remark-layouts.ts).

import { FIRST_COLUMN, NEXT_COLUMN, type DialectLine } from '../directive-lines.js';
import { readCssUrl } from '../../css-references.js';
import { readSlideId } from '../slide-anchors.js';
import { PROPERTY } from './remark-layouts.js';
import { readHeaderOptions } from '../render-code.js';

/** State carried from line to line within one file. */
export interface RemarkState {
  /** At a slide's start, where its properties may stand. */
  atStart: boolean;
  /** Content classes opened on lines of their own, innermost last. */
  open: string[];
  /** Whether the last line read was blank, or a slide's start. */
  afterBlank: boolean;
}

/** Whether a deck's body is remark's: a line `???`, which opens presenter notes there and means nothing elsewhere. */
export function readsAsRemarkBody(text: string): boolean {
  return /^\?\?\?[ \t]*$/m.test(text);
}

/** A fresh state: a file's start is a slide's start. */
export function createRemarkState(): RemarkState {
  return { atStart: true, open: [], afterBlank: true };
}

/**
 * Whether a knitr chunk leaves nothing in the deck briefdeck reads: `include=FALSE` (xaringan's setup chunk) shows
 * nothing in remark either, and `echo=FALSE` shows only its output, which only knitr makes, so the chunk is left out.
 */
function leavesNothing(options: { include?: boolean; echo?: boolean }): boolean {
  return options.include === false || options.echo === false;
}

/** A knitr chunk's opening fence, ```` ```{r setup, include=FALSE} ````: its lines are code, which this reader never sees. */
const KNITR_CHUNK = /^[ \t]*(?:`{3,}|~{3,})[ \t]*\{[A-Za-z]\w*[ ,}]/;
/** Properties that change nothing a deck shows: a seal, and a template, already drawn (expandRemarkLayouts). */
const QUIET_PROPERTIES = new Set(['seal', 'template']);
/** Content classes that make columns: the first starts them, the second the next. */
const COLUMN_CLASSES: Record<string, DialectLine> = { 'pull-left': FIRST_COLUMN, 'left-column': FIRST_COLUMN, 'pull-right': NEXT_COLUMN, 'right-column': NEXT_COLUMN };
/** remark's alignment classes (its default style sheet's `.left`, `.center`, `.right`): a box of its words, aligned so. */
const ALIGNED_CLASSES: Record<string, string> = { left: 'left', center: 'center', right: 'right' };
/** The opening of an aligned class's box, whose Markdown is read after a blank line. */
const alignedOpening = (name: string) => `<div style="text-align: ${ALIGNED_CLASSES[name]}">`;
/** Content classes set inside a line, as Markdown or HTML does the same. */
const INLINE_CLASSES: Record<string, (text: string) => string> = { bold: (t) => `<strong>${t}</strong>`, italic: (t) => `<em>${t}</em>`, footnote: (t) => `<small>${t}</small>` };

/** The warning for classes around lines that go, their content staying; nothing when none goes. */
function warnOfClasses(names: readonly string[]): { warning?: string } {
  if (names.length === 0) return {};
  const listed = names.map((name) => `.${name}[…]`).join(', ');
  return { warning: `remark's content class${names.length > 1 ? 'es' : ''} ${listed} ${names.length > 1 ? 'are' : 'is'} not supported; its content is shown without ${names.length > 1 ? 'them' : 'it'}` };
}

/** The names in a group of classes given together, `.red.bold` → red, bold. */
function readClassNames(group: string): string[] {
  return group.split('.').filter(Boolean);
}

/** A heading as remark's reader takes it: `#` to `######`, with or without a space after them. */
const REMARK_HEADING = /^ {0,3}(#{1,6})(?=[^#]|$)/;

/** Rewrites one line of a remark deck: null when nothing in it is remark's own, else what to read instead. */
export function rewriteRemarkLine(line: string, state: RemarkState): DialectLine | null {
  const afterBlank = state.afterBlank;
  const read = readRemarkLine(line, state);
  const text = read?.text ?? line;
  // A slide's start (`---`) and a step (`--`) end a block as a blank line does.
  state.afterBlank = text.trim() === '' || /^---?[ \t]*$/.test(line);
  const heading = REMARK_HEADING.exec(text);
  if (!heading || (afterBlank && /^ {0,3}#{1,6}(?:[ \t]|$)/.test(text))) return read;
  // `##Title` is a heading to remark; a heading after a line of text is read after a blank line, as remark ends a block there.
  const spaced = /^ {0,3}#{1,6}(?:[ \t]|$)/.test(text) ? text : `${text.slice(0, heading.index + heading[0].length)} ${text.slice(heading.index + heading[0].length)}`;
  return { ...read, text: spaced, ...(afterBlank ? {} : { before: [...(read?.before ?? []), ''] }) };
}

/** Reads one line of a remark deck's own syntax (rewriteRemarkLine's work but for headings). */
function readRemarkLine(line: string, state: RemarkState): DialectLine | null {
  if (/^---[ \t]*$/.test(line)) {
    state.atStart = true;
    return null;
  }
  // remark reads a slide's properties after any blank lines that open it (the first slide, after the front matter), and
  // after a knitr chunk that leaves nothing in the deck briefdeck reads (include=FALSE: xaringan's setup chunk; echo=FALSE).
  if (state.atStart && line.trim() !== '') {
    const property = PROPERTY.exec(line);
    if (property) return readProperty(property[1]!, property[2]!);
    if (!(KNITR_CHUNK.test(line) && leavesNothing(readHeaderOptions(line)))) state.atStart = false;
  }
  if (/^\?\?\?[ \t]*$/.test(line)) return { text: 'Note:' };
  if (/^--[ \t]*$/.test(line)) return { text: '<!-- pause -->' };
  // Classes opened one in another on a line (`.pull-left[.full-width[`), perhaps with their first words, closed together
  // on a later line (`]]`). Words that close the innermost on the line are inline classes, read below.
  const chain = /^[ \t]*((?:(?:\.[A-Za-z][\w-]*)+\[[ \t]*){2,8})(.*)$/.exec(line);
  if (chain && (chain[2] === '' || (!/^\.[A-Za-z]/.test(chain[2]!) && closingBracket(line, line.length - chain[2]!.length) === -1))) {
    const groups = [...chain[1]!.matchAll(/((?:\.[A-Za-z][\w-]*)+)\[/g)].map((m) => m[1]!);
    const names = groups.flatMap(readClassNames);
    // Open classes are kept as written (`.center`); only an alignment's bare name, pushed where its box opens, closes one.
    // An alignment opened in a chain has no box of its own (it is named with the others below): its closing closes none.
    state.open.push(...groups);
    const column = names.find((name) => Object.hasOwn(COLUMN_CLASSES, name));
    const dropped = names.filter((name) => !Object.hasOwn(COLUMN_CLASSES, name));
    return { ...(column ? COLUMN_CLASSES[column]! : { text: '' }), ...warnOfClasses(dropped), ...(chain[2] === '' ? {} : { after: [chain[2]!] }) };
  }
  // A class opened on its own line, or with its first words after the bracket and closed on a later line (`.note[ First…`).
  const opened = /^[ \t]*((?:\.[A-Za-z][\w-]*)+)\[[ \t]*(.*)$/.exec(line);
  // Words that open a class of their own are not read so (`.a[.b[…`): a line of thousands of openings would be read once per
  // opening. Unless that class closes on the line (xaringanExtra's `.panel[.panel-name[R Code]`): its words are then read once.
  const firstWordsClosed = opened !== null && /^\.[A-Za-z]/.test(opened[2]!) && closesItsBrackets(opened[2]!);
  if (opened && (opened[2] === '' || ((firstWordsClosed || !/^\.[A-Za-z]/.test(opened[2]!)) && closingBracket(line, line.length - opened[2]!.length) === -1))) {
    // Classes given together (`.red.bold[`) are one bracket: the column or alignment among them is what it opens.
    const names = readClassNames(opened[1]!);
    const column = names.find((name) => Object.hasOwn(COLUMN_CLASSES, name));
    const alignment = column ? undefined : names.find((name) => Object.hasOwn(ALIGNED_CLASSES, name));
    state.open.push(alignment ?? opened[1]!);
    // The words after the bracket are read as a line of their own, after what the class opens.
    const rest = opened[2] === '' ? {} : { after: [opened[2]!] };
    const warning = warnOfClasses(names.filter((name) => name !== column && name !== alignment));
    if (column) return { ...COLUMN_CLASSES[column]!, ...rest, ...warning };
    if (alignment) return { text: alignedOpening(alignment), after: ['', ...(rest.after ?? [])], ...warning };
    return { text: '', ...warning, ...rest };
  }
  // A column opened and closed on one line (`.pull-left[A short column]`), as xaringan's decks often write a short one:
  // the column starts, its words in it.
  const column = /^[ \t]*\.(pull-left|pull-right|left-column|right-column)\[/.exec(line);
  const end = column ? closingBracket(line, column[0].length) : -1;
  if (column && end !== -1 && line.slice(end + 1).trim() === '') {
    const words = line.slice(column[0].length, end).trim();
    return { ...COLUMN_CLASSES[column[1]!]!, ...(words === '' ? {} : { after: [words] }) };
  }
  // A line of closing brackets closes as many classes, when as many are open; an aligned block's closes its box.
  const closing = /^[ \t]*(\]{1,8})[ \t]*$/.exec(line)?.[1]?.length ?? 0;
  if (closing > 0 && closing <= state.open.length) {
    const closed = state.open.splice(state.open.length - closing).filter((name) => Object.hasOwn(ALIGNED_CLASSES, name));
    return closed.length === 0 ? { text: '' } : { text: '', after: closed.flatMap(() => ['</div>', '']) };
  }
  // A line that is one aligned class (`.center[![Map](map.png)]`, as xaringan decks centre a picture): its words in a box aligned so.
  // With other classes given with it (`.center.small[…]`), those go, with a warning, as on a line of their own.
  const aligned = /^[ \t]*((?:\.[A-Za-z][\w-]*)+)\[/.exec(line);
  const alignment = aligned ? readClassNames(aligned[1]!).find((name) => Object.hasOwn(ALIGNED_CLASSES, name)) : undefined;
  const alignedEnd = alignment ? closingBracket(line, aligned![0].length) : -1;
  if (alignment && alignedEnd !== -1 && line.slice(alignedEnd + 1).trim() === '') {
    const warning = warnOfClasses(readClassNames(aligned![1]!).filter((name) => name !== alignment));
    return { text: alignedOpening(alignment), after: ['', line.slice(aligned![0].length, alignedEnd), '', '</div>', ''], ...warning };
  }
  const scaled = line.includes('![:scale') ? writeScaledPictures(line) : line;
  const classes = scaled.includes('[') ? rewriteInlineClasses(scaled, MAX_NESTING) : null;
  return classes ?? (scaled === line ? null : { text: scaled });
}

/**
 * remark's `scale` macro, which xaringan decks define in their own JavaScript (remark's wiki gives it, and most decks copy
 * it): `![:scale 50%](a.png)` is the picture at that share of the width, as an <img>, which remark writes before it reads
 * the Markdown, so it is one inside an HTML block too (`<div align="center">` then the macro). Outside code spans.
 */
function writeScaledPictures(line: string): string {
  let ticks = 0;
  let counted = 0;
  return line.replace(/!\[:scale[ \t]+(\d{1,3}(?:\.\d{1,2})?%|\d{1,4}px)[ \t]*\]\(([^()\s"'<>]+)\)/g, (whole, size: string, src: string, at: number) => {
    for (; counted < at; counted++) if (line[counted] === '`') ticks++;
    return ticks % 2 === 1 ? whole : `<img src="${src}" alt="" width="${size.replace(/px$/, '')}">`;
  });
}

/** A slide property: its look as a reveal `.slide:` comment, the slide left out, or nothing, with a warning for what is lost. */
function readProperty(key: string, value: string): DialectLine {
  switch (key) {
    case 'class':
      return { text: `<!-- .slide: class="${mapClasses(value.split(/[\s,]+/).filter(Boolean)).join(' ')}" -->` };
    case 'background-image': {
      const url = readCssUrl(value);
      if (url) return { text: `<!-- .slide: data-background-image="${url}" -->` };
      return { text: '', warning: `remark's background-image: ${value} is not a picture (url(…)) and was left out` };
    }
    case 'background-color':
    case 'background-size':
    case 'background-position':
    case 'background-repeat':
      // Read as reveal's slide settings, which let in only the values they can set safely and name the rest.
      return { text: `<!-- .slide: data-${key}="${value.replace(/"/g, '')}" -->` };
    case 'name':
      // A named slide is one a link reaches by its name (`[see](#deep)`), as remark navigates to it.
      return readSlideId(value) === undefined ? { text: '' } : { text: `<!-- .slide: id="${value}" -->` };
    case 'exclude':
      return value === 'true' ? { text: '', hidden: true } : { text: '' };
    case 'count':
      // `count: false`: the slide is left out of the numbering, as reveal leaves out an uncounted slide (it shows the number before it).
      return value === 'false' ? { text: '<!-- .slide: data-visibility="uncounted" -->' } : { text: '' };
    case 'layout':
      // A layout slide is a template the slides after it are drawn on (expandRemarkLayouts); it is never shown itself.
      if (value === 'true') return { text: '', hidden: true };
      return { text: '' };
    default:
      return QUIET_PROPERTIES.has(key) ? { text: '' } : { text: '', warning: `remark's slide property ${key}: ${value} is not supported and was left out` };
  }
}

/** remark's slide classes as briefdeck's: `center` centres the text, `middle` the content too, `inverse` is dark. */
function mapClasses(classes: string[]): string[] {
  const middle = classes.includes('middle');
  return classes.flatMap((c) => {
    if (c === 'middle') return ['lead'];
    if (c === 'center') return middle ? [] : ['text-center'];
    if (c === 'inverse') return ['invert'];
    // remark's own alignments that are a slide's defaults there and here: text to the left, content at the top.
    if (c === 'left' || c === 'top') return [];
    // Classes of the deck's CSS (xaringan's `title-slide`, a theme's own) are named, like any, by the slide's look.
    return [c];
  });
}

/** The longest content class read inside a line, in characters; a longer one stays text. */
const MAX_INLINE = 1000;
/** How deep content classes inside a line are read (`.large[.bold[x]]` is two); deeper ones stay text, so a hostile line costs little. */
const MAX_NESTING = 8;

/** Rewrites `.name[text]` inside a line, outside code spans; null when there is none. */
function rewriteInlineClasses(line: string, depth: number): DialectLine | null {
  const dropped = new Set<string>();
  let out = '';
  let at = 0;
  // Backticks before the match, counted as the matches go, so a long line is read once: an odd count is a code span.
  let ticks = 0;
  let counted = 0;
  // A group starts only where no name goes on before it (never at `.bold` in `.red.bold[`): else each class of a long run
  // with no bracket after it would start a look along the rest of the run, and a line would cost its length squared.
  for (const match of line.matchAll(/(?<![\w-])((?:\.[A-Za-z][\w-]*)+)\[/g)) {
    const start = match.index!;
    for (; counted < start; counted++) if (line[counted] === '`') ticks++;
    if (start < at || ticks % 2 === 1) continue;
    const end = closingBracket(line, start + match[0].length);
    if (end === -1) continue;
    // Classes given together (`.red.bold[*]`) each apply: the ones Markdown or HTML can say wrap the words, the rest go.
    let inner = line.slice(start + match[0].length, end);
    for (const name of readClassNames(match[1]!)) {
      if (Object.hasOwn(INLINE_CLASSES, name)) inner = INLINE_CLASSES[name]!(inner);
      else dropped.add(name);
    }
    out += line.slice(at, start) + inner;
    at = end + 1;
  }
  if (at === 0) return null;
  const text = out + line.slice(at);
  // The text inside may hold classes of its own: `.large[.bold[x]]`.
  const nested = depth > 1 ? rewriteInlineClasses(text, depth - 1) : null;
  const names = [...dropped].map((n) => `.${n}[…]`).join(', ');
  const warning = [names && `remark's content class${dropped.size > 1 ? 'es' : ''} ${names} ${dropped.size > 1 ? 'are' : 'is'} not supported; the text is shown without ${dropped.size > 1 ? 'them' : 'it'}`, nested?.warning].filter(Boolean).join('; ');
  return { text: nested?.text ?? text, ...(warning ? { warning } : {}) };
}

/** Whether every bracket `text` opens it closes, within the limit, none closed before it opens. */
function closesItsBrackets(text: string): boolean {
  if (text.length > MAX_INLINE) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth < 0) return false;
  }
  return depth === 0;
}

/** The index of the `]` that closes the bracket opened just before `from`, or -1 within the limit. */
function closingBracket(line: string, from: number): number {
  let depth = 1;
  for (let i = from; i < line.length && i - from < MAX_INLINE; i++) {
    const c = line[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}
