// How briefdeck reads remark.js decks, and xaringan's (R Markdown's `output: xaringan::moon_reader`, built on
// remark). Slides are cut at `---` as in Marp's; what is remark's own is rewritten into briefdeck's, line by line:
// - `???` opens the slide's presenter notes (as reveal's `Note:` does), and `--` is a build step;
// - a slide's properties, `key: value` lines at its start (`class: center, middle`, `background-image: url(a.png)`,
//   `exclude: true`), are its look, or leave it out; the others are named in a warning;
// - content classes, `.pull-left[` … `]` around lines or `.red[text]` inside one: the two columns of
//   xaringan's `pull-left`/`pull-right` (and `left-column`/`right-column`), `bold` and `italic` as Markdown,
//   `footnote` in small type; any other class goes and its content stays, with a warning.

import { FIRST_COLUMN, NEXT_COLUMN, type DialectLine } from '../directive-lines.js';
import { readCssUrl } from '../../css-references.js';

/** State carried from line to line within one file. */
export interface RemarkState {
  /** At a slide's start, where its properties may stand. */
  atStart: boolean;
  /** Content classes opened on lines of their own, innermost last. */
  open: string[];
}

/** Whether a deck's body is remark's: a line `???`, which opens presenter notes there and means nothing elsewhere. */
export function readsAsRemarkBody(text: string): boolean {
  return /^\?\?\?[ \t]*$/m.test(text);
}

/** A fresh state: a file's start is a slide's start. */
export function createRemarkState(): RemarkState {
  return { atStart: true, open: [] };
}

/** The properties remark reads at a slide's start. */
const PROPERTY = /^(class|name|layout|template|count|exclude|background-image|background-color|background-size|background-position|background-repeat|seal):[ \t]*(.*?)[ \t]*$/;
/** Properties that change nothing a deck shows: an anchor's name, whether a slide counts in remark's own numbering. */
const QUIET_PROPERTIES = new Set(['name', 'count', 'seal']);
/** Content classes that make columns: the first starts them, the second the next. */
const COLUMN_CLASSES: Record<string, DialectLine> = { 'pull-left': FIRST_COLUMN, 'left-column': FIRST_COLUMN, 'pull-right': NEXT_COLUMN, 'right-column': NEXT_COLUMN };
/** Content classes set inside a line, as Markdown or HTML does the same. */
const INLINE_CLASSES: Record<string, (text: string) => string> = { bold: (t) => `**${t}**`, italic: (t) => `*${t}*`, footnote: (t) => `<small>${t}</small>` };

/** Rewrites one line of a remark deck: null when nothing in it is remark's own, else what to read instead. */
export function rewriteRemarkLine(line: string, state: RemarkState): DialectLine | null {
  if (/^---[ \t]*$/.test(line)) {
    state.atStart = true;
    return null;
  }
  // remark reads a slide's properties after any blank lines that open it (the first slide, after the front matter).
  if (state.atStart && line.trim() !== '') {
    const property = PROPERTY.exec(line);
    if (property) return readProperty(property[1]!, property[2]!);
    state.atStart = false;
  }
  if (/^\?\?\?[ \t]*$/.test(line)) return { text: 'Note:' };
  if (/^--[ \t]*$/.test(line)) return { text: '<!-- pause -->' };
  const opened = /^[ \t]*\.([A-Za-z][\w-]*)\[[ \t]*$/.exec(line);
  if (opened) {
    const name = opened[1]!;
    state.open.push(name);
    if (Object.hasOwn(COLUMN_CLASSES, name)) return { ...COLUMN_CLASSES[name]! };
    return { text: '', warning: `remark's content class .${name}[…] is not supported; its content is shown without it` };
  }
  if (state.open.length > 0 && /^[ \t]*\][ \t]*$/.test(line)) {
    state.open.pop();
    return { text: '' };
  }
  return line.includes('[') ? rewriteInlineClasses(line, MAX_NESTING) : null;
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
      return { text: `<!-- .slide: data-background-color="${value.replace(/"/g, '')}" -->` };
    case 'exclude':
      return value === 'true' ? { text: '', hidden: true } : { text: '' };
    case 'layout':
      // A layout slide is a template the slides after it are drawn on; it is never shown itself.
      if (value === 'true') return { text: '', hidden: true, warning: "remark's layout slide (a template for the slides after it) is not supported and was left out" };
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
