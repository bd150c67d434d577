// How briefdeck reads remark.js decks, and xaringan's (R Markdown's `output: xaringan::moon_reader`, built on
// remark). Slides are cut at `---` as in Marp's; what is remark's own is rewritten into briefdeck's, line by line:
// - `???` opens the slide's presenter notes (as reveal's `Note:` does), and `--` is a build step;
// - a slide's properties, `key: value` lines at its start (`class: center, middle`, `background-image: url(a.png)`,
//   `exclude: true`), are its look, or leave it out; the others are named in a warning;
// - content classes, `.pull-left[` … `]` around lines or `.red[text]` inside one: the two columns of
//   xaringan's `pull-left`/`pull-right` (and `left-column`/`right-column`), `bold` and `italic` as Markdown,
//   `footnote` in small type; any other class goes and its content stays, with a warning;
// - a heading is read as remark's Markdown reader (an early marked) reads it: `##Title` without a space is one, and
//   it ends the lines before it, so a line of inline HTML (`<img …>`) before it does not take it in as HTML.

import { FIRST_COLUMN, NEXT_COLUMN, type DialectLine } from '../directive-lines.js';
import { readCssUrl } from '../../css-references.js';
import { createFenceReader } from '../read-fences.js';
import { suggestClosest } from '../../did-you-mean.js';
import { readSlideId } from '../slide-anchors.js';
import { appendAll } from '../../append-all.js';
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

/** A line of a deck's text, with the line of its file it stands on. */
interface PlacedLine {
  text: string;
  number: number;
}

/** A slide's property line, read. */
interface Property {
  line: PlacedLine;
  key: string;
  value: string;
}

/** A slide others are drawn on: a layout, or a named slide a template names; its properties and its content (without notes). */
interface BaseSlide {
  properties: Property[];
  content: PlacedLine[];
  size: number;
}

/** What a deck's layouts and templates came to: its text as remark draws it, each line's file line, and what could not be drawn. */
export interface ExpandedRemark {
  text: string;
  lineNumbers: number[];
  /** The line of the first slide past which a layout was no longer copied (the deck would have grown too long). */
  stoppedAt?: number;
  /** Slides whose `template:` names no slide before them: each one's line and the name. */
  missing: { line: number; name: string }[];
  /** The names the deck's slides have (`name:`), for a did-you-mean. */
  names: string[];
}

/**
 * remark's layout slides (`layout: true`) and named templates (`template: name`, naming a slide with `name: name`):
 * the slides after a layout are drawn on it until another layout, or a slide with `layout: false`, and a slide on a
 * template is drawn on that slide, as remark draws them. Each gets its base's properties it does not set itself
 * (classes added up, the base's first), then the base's content (before its notes) with its own content in the
 * base's `{{content}}` line, or after the base's content when it has none. A template wins over a layout, and a named
 * slide drawn on a template is itself drawn that way when another names it. Every line keeps the line of the file it
 * was written on, so a message about a base's content points at the base. Null when the deck has neither.
 */
export function expandRemarkLayouts(text: string, lineOf: (index: number) => number): ExpandedRemark | null {
  if (!/^(?:layout:[ \t]*true|template:[ \t]*\S.*)[ \t]*$/m.test(text)) return null;
  // A base is copied under every slide drawn on it: a large one under thousands of slides would multiply the deck.
  // Past four times the text's own length, the slides after are left as written (`stoppedAt`, the line of the first).
  let room = 4 * text.length;
  let stoppedAt: number | undefined;
  const missing: ExpandedRemark['missing'] = [];
  // Cut into slides at `---` outside code, each slide after the first opening with its separator.
  const fences = createFenceReader();
  const slides: PlacedLine[][] = [[]];
  text.split('\n').forEach((line, index) => {
    const placed = { text: line, number: lineOf(index) };
    if (!fences.read(line) && /^---[ \t]*$/.test(line)) slides.push([placed]);
    else slides.at(-1)!.push(placed);
  });
  let layout: BaseSlide | undefined;
  const named = new Map<string, BaseSlide>();
  const out: PlacedLine[] = [];
  for (const written of slides) {
    let slide = written;
    let { start, end, properties } = readSlideStart(slide);
    const value = (key: string) => properties.find((p) => p.key === key)?.value;
    if (value('layout') === 'true') {
      layout = readBase(slide, end, properties);
      appendAll(out, slide);
      continue;
    }
    if (value('layout') === 'false') layout = undefined;
    const templateName = value('template');
    const template = templateName === undefined ? undefined : named.get(templateName);
    if (templateName !== undefined && !template) missing.push({ line: properties.find((p) => p.key === 'template')!.line.number, name: templateName });
    const base = templateName !== undefined ? template : layout;
    if (base && stoppedAt === undefined && base.size > room) stoppedAt = slide[0]!.number;
    if (base && stoppedAt === undefined) {
      room -= base.size;
      slide = drawOn(base, slide, start, end, properties);
      ({ start, end, properties } = readSlideStart(slide));
    }
    // A named slide is a template for the slides after it, as drawn; shown itself, its `{{content}}` is its own, none.
    const name = properties.find((p) => p.key === 'name')?.value;
    if (name) named.set(name, readBase(slide, end, properties));
    appendAll(out, name ? slide.flatMap(withoutSlot) : slide);
  }
  return { text: out.map((p) => p.text).join('\n'), lineNumbers: out.map((p) => p.number), missing, names: [...named.keys()], ...(stoppedAt !== undefined ? { stoppedAt } : {}) };
}

/** How many slide names a missing template's did-you-mean looks among. */
const MAX_SUGGESTED_NAMES = 200;

/** Warns of what a deck's layouts and templates could not draw: a template that names no slide (with a did-you-mean), and a layout cut short. */
export function reportRemarkLayouts(expanded: ExpandedRemark, warn: (line: number, message: string, hint: string) => void): void {
  // A did-you-mean among the first names only: a deck of thousands of names and missing templates must not cost their product.
  const names = expanded.names.slice(0, MAX_SUGGESTED_NAMES);
  for (const m of expanded.missing) {
    const meant = suggestClosest(m.name, names);
    warn(m.line, `remark's template "${m.name}" names no slide before this one, so the slide is drawn without it`, meant ? `did you mean ${meant}?` : 'name the template slide with name: before the slides that use it');
  }
  if (expanded.stoppedAt !== undefined) {
    warn(expanded.stoppedAt, "remark's layout is drawn under no more slides from here: copied under each, it would have made the deck more than four times its length", 'make the layout slide shorter, or end it sooner with layout: false');
  }
}

/** Where a slide's properties stand (after its separator and any blank lines) and end, and the properties read. */
function readSlideStart(slide: PlacedLine[]): { start: number; end: number; properties: Property[] } {
  let end = /^---/.test(slide[0]?.text ?? '') ? 1 : 0;
  while (end < slide.length && slide[end]!.text.trim() === '') end++;
  const start = end;
  const properties: Property[] = [];
  for (let read; end < slide.length && (read = PROPERTY.exec(slide[end]!.text)); end++) properties.push({ line: slide[end]!, key: read[1]!, value: read[2]! });
  return { start, end, properties };
}

/** A slide as a base for others: the properties they take from it (not whether it is a layout, its name or its template) and its content before its notes. */
function readBase(slide: PlacedLine[], end: number, properties: Property[]): BaseSlide {
  const notes = slide.findIndex((p, i) => i >= end && /^\?\?\?[ \t]*$/.test(p.text));
  const content = slide.slice(end, notes === -1 ? undefined : notes);
  return { properties: properties.filter((p) => !['layout', 'name', 'template', 'exclude'].includes(p.key)), content, size: content.reduce((n, p) => n + p.text.length + 1, 0) };
}

/** A slide drawn on a base: its own properties (classes added to the base's), the base's others, then the base's content with the slide's in its slot. */
function drawOn(base: BaseSlide, slide: PlacedLine[], start: number, end: number, properties: Property[]): PlacedLine[] {
  const value = (key: string) => properties.find((p) => p.key === key)?.value;
  // Its own properties win, but classes add up, the base's first, as remark merges them.
  const baseClass = base.properties.find((p) => p.key === 'class')?.value;
  const own = properties.map((p) => (p.key === 'class' && baseClass !== undefined ? { ...p.line, text: `class: ${baseClass}, ${p.value}` } : p.line));
  const inherited = base.properties.filter((p) => value(p.key) === undefined).map((p) => p.line);
  // The slide's content goes where the base first says {{content}}; the placeholder itself never shows.
  const slot = base.content.findIndex((p) => p.text.includes('{{content}}'));
  if (slot === -1) {
    // With no slot, remark puts the slide's content after the base's; a footer line of the base (`.footnote[…]`) is
    // still drawn at the slide's foot by remark's style sheet, so it goes after the slide's content, in reading order too.
    const footers = base.content.filter((p) => FOOTER_LINE.test(p.text));
    const rest = base.content.filter((p) => !FOOTER_LINE.test(p.text));
    // Before the slide's notes, if it has any: what follows `???` is notes.
    const notes = slide.findIndex((p, i) => i >= end && /^\?\?\?[ \t]*$/.test(p.text));
    const contentEnd = notes === -1 ? slide.length : notes;
    // After the slide's last build step (`--`), it ends that step: remark draws the layout on each step's slide.
    const stepped = slide.slice(end, contentEnd).some((p) => /^--[ \t]*$/.test(p.text));
    const after = footers.length > 0 ? [{ text: '', number: footers[0]!.number }, ...(stepped ? [{ text: '<!-- pause: end -->', number: footers[0]!.number }, { text: '', number: footers[0]!.number }] : []), ...footers] : [];
    return [...slide.slice(0, start), ...own, ...inherited, ...rest, ...slide.slice(end, contentEnd), ...after, ...slide.slice(contentEnd)];
  }
  const drawn = base.content.flatMap(withoutSlot);
  const at = base.content.slice(0, slot + 1).flatMap(withoutSlot).length;
  return [...slide.slice(0, start), ...own, ...inherited, ...drawn.slice(0, at), ...slide.slice(end), ...drawn.slice(at)];
}

/** A layout's line that remark's style sheet places at the slide's foot: a `.footnote[…]` alone on its line. */
const FOOTER_LINE = /^[ \t]*\.footnote\[.*\][ \t]*$/;

/** A line of a layout without its `{{content}}` placeholders: nothing when one stood alone on it. */
function withoutSlot(line: PlacedLine): PlacedLine[] {
  if (!line.text.includes('{{content}}')) return [line];
  const rest = line.text.replaceAll('{{content}}', '');
  return rest.trim() === '' ? [] : [{ ...line, text: rest }];
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

/** The properties remark reads at a slide's start. */
const PROPERTY = /^(class|name|layout|template|count|exclude|background-image|background-color|background-size|background-position|background-repeat|seal):[ \t]*(.*?)[ \t]*$/;
/** A knitr chunk's opening fence, ```` ```{r setup, include=FALSE} ````: its lines are code, which this reader never sees. */
const KNITR_CHUNK = /^[ \t]*(?:`{3,}|~{3,})[ \t]*\{[A-Za-z]\w*[ ,}]/;
/** Properties that change nothing a deck shows: a seal, and a template, already drawn (expandRemarkLayouts). */
const QUIET_PROPERTIES = new Set(['seal', 'template']);
/** Content classes that make columns: the first starts them, the second the next. */
const COLUMN_CLASSES: Record<string, DialectLine> = { 'pull-left': FIRST_COLUMN, 'left-column': FIRST_COLUMN, 'pull-right': NEXT_COLUMN, 'right-column': NEXT_COLUMN };
/** Content classes set inside a line, as Markdown or HTML does the same. */
const INLINE_CLASSES: Record<string, (text: string) => string> = { bold: (t) => `**${t}**`, italic: (t) => `*${t}*`, footnote: (t) => `<small>${t}</small>` };

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
  const chain = /^[ \t]*((?:\.[A-Za-z][\w-]*\[[ \t]*){2,8})(.*)$/.exec(line);
  if (chain && (chain[2] === '' || (!/^\.[A-Za-z]/.test(chain[2]!) && closingBracket(line, line.length - chain[2]!.length) === -1))) {
    const names = [...chain[1]!.matchAll(/\.([A-Za-z][\w-]*)\[/g)].map((m) => m[1]!);
    state.open.push(...names);
    const column = names.find((name) => Object.hasOwn(COLUMN_CLASSES, name));
    const dropped = names.filter((name) => !Object.hasOwn(COLUMN_CLASSES, name)).map((name) => `.${name}[…]`);
    const warning = dropped.length === 0 ? undefined : `remark's content class${dropped.length > 1 ? 'es' : ''} ${dropped.join(', ')} ${dropped.length > 1 ? 'are' : 'is'} not supported; its content is shown without ${dropped.length > 1 ? 'them' : 'it'}`;
    return { ...(column ? COLUMN_CLASSES[column]! : { text: '' }), ...(warning ? { warning } : {}), ...(chain[2] === '' ? {} : { after: [chain[2]!] }) };
  }
  // A class opened on its own line, or with its first words after the bracket and closed on a later line (`.note[ First…`).
  const opened = /^[ \t]*\.([A-Za-z][\w-]*)\[[ \t]*(.*)$/.exec(line);
  // Words that open a class of their own are not read so (`.a[.b[…`): a line of thousands of openings would be read once per opening.
  if (opened && (opened[2] === '' || (!/^\.[A-Za-z]/.test(opened[2]!) && closingBracket(line, line.length - opened[2]!.length) === -1))) {
    const name = opened[1]!;
    state.open.push(name);
    // The words after the bracket are read as a line of their own, after what the class opens.
    const rest = opened[2] === '' ? {} : { after: [opened[2]!] };
    if (Object.hasOwn(COLUMN_CLASSES, name)) return { ...COLUMN_CLASSES[name]!, ...rest };
    return { text: '', warning: `remark's content class .${name}[…] is not supported; its content is shown without it`, ...rest };
  }
  // A column opened and closed on one line (`.pull-left[A short column]`), as xaringan's decks often write a short one:
  // the column starts, its words in it.
  const column = /^[ \t]*\.(pull-left|pull-right|left-column|right-column)\[/.exec(line);
  const end = column ? closingBracket(line, column[0].length) : -1;
  if (column && end !== -1 && line.slice(end + 1).trim() === '') {
    const words = line.slice(column[0].length, end).trim();
    return { ...COLUMN_CLASSES[column[1]!]!, ...(words === '' ? {} : { after: [words] }) };
  }
  // A line of closing brackets closes as many classes, when as many are open.
  const closing = /^[ \t]*(\]{1,8})[ \t]*$/.exec(line)?.[1]?.length ?? 0;
  if (closing > 0 && closing <= state.open.length) {
    state.open.length -= closing;
    return { text: '' };
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
  for (const match of line.matchAll(/\.([A-Za-z][\w-]*)\[/g)) {
    const start = match.index!;
    for (; counted < start; counted++) if (line[counted] === '`') ticks++;
    if (start < at || ticks % 2 === 1) continue;
    const end = closingBracket(line, start + match[0].length);
    if (end === -1) continue;
    const name = match[1]!;
    const inner = line.slice(start + match[0].length, end);
    if (!Object.hasOwn(INLINE_CLASSES, name)) dropped.add(name);
    out += line.slice(at, start) + (Object.hasOwn(INLINE_CLASSES, name) ? INLINE_CLASSES[name]!(inner) : inner);
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
