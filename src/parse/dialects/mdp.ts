import type { DialectLine } from '../directive-lines.js';
import { blankFencedCode } from '../read-fences.js';

// How briefdeck reads mdp's decks (the terminal slide tool): a header of `%title:`, `%author:` and `%date:` lines opens
// the file (read as front matter, readMdpHeader); a ruler after a blank line (`---`, `***`, `- - -`, a long line of
// dashes) starts a slide, text over dashes being a heading, as mdp reads it; `-> text <-` centres a line in the
// terminal, and its arrows are left out before the deck is cut (dropMdpCentring), the text standing as the slide's
// other text does; a line holding only `<br>` or `^` stops the slide there until the next key, read as a step: the
// list items after it step in, as reveal's fragments, or the blocks after it, as a pause does. Nothing in code is read.

/** A header line: `%key: value` (its value trimmed after: a pattern that trims it would read a long run of spaces again and again). */
const HEADER_LINE = /^%([A-Za-z][\w-]*)[ \t]*:(.*)$/;
/** A ruler as mdp reads it: three or more `*` or `-`, with spaces between them if any, and nothing else. */
const RULER = /^[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,})$/;
/** A stop: a line of `<br>` (in any case) or `^` alone. */
const STOP = /^[ \t]*(?:<br[ \t]*\/?>|\^)[ \t]*$/i;
/** A list item's line. */
const LIST_ITEM = /^[ \t]*(?:[*+-]|\d{1,9}[.)])[ \t]+\S/;
/** A centred line's opening: `-> ` after its indentation. */
const CENTRED_START = /^([ \t]*)->[ \t]+/;

/**
 * A centred line, `-> text <-` or `-> text`, as its text, with its indentation; null for another line. Read with string
 * tests rather than one pattern, which would try every run of spaces in a long line as the one before `<-`.
 */
function readCentred(line: string): { indent: string; text: string; closed: boolean } | null {
  const start = CENTRED_START.exec(line);
  if (!start) return null;
  const rest = line.slice(start[0].length).trimEnd();
  const closed = rest.endsWith('<-') && (rest.length === 2 || rest[rest.length - 3] === ' ' || rest[rest.length - 3] === '\t');
  return { indent: start[1]!, text: closed ? rest.slice(0, -2).trimEnd() : rest, closed };
}

/**
 * The deck's text with mdp's centring arrows left out (`-> text <-` is `text`), outside code, before its setext headings
 * (`-> Title <-` over `===`) are read: line for line, each line keeping its number.
 */
export function dropMdpCentring(text: string): string {
  if (!text.includes('->')) return text;
  const code = blankFencedCode(text).split('\n');
  return text
    .split('\n')
    .map((line, i) => {
      const centred = code[i] === line && !/^(?: {4}|\t)/.test(line) ? readCentred(line) : null;
      return centred ? `${centred.indent}${centred.text}` : line;
    })
    .join('\n');
}

/**
 * mdp's header as YAML front matter, one line for each of its lines so messages keep their numbers, and where the body
 * starts; null when the file does not open with one (`%title: …`; Pandoc's title block, `% Title`, is Pandoc's).
 */
export function readMdpHeader(text: string): { yaml: string; bodyLine: number; body: string } | null {
  if (!HEADER_LINE.test(text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')))) return null;
  const lines = text.split('\n');
  let i = 0;
  const yaml: string[] = [];
  for (; i < lines.length && lines[i]!.startsWith('%'); i++) {
    const field = HEADER_LINE.exec(lines[i]!);
    const value = field?.[2]!.trim() ?? '';
    yaml.push(value !== '' ? `${field![1]}: ${JSON.stringify(value)}` : '');
  }
  return { yaml: `${yaml.join('\n')}\n`, bodyLine: i + 1, body: lines.slice(i).join('\n') };
}

/** Whether a deck's text shows mdp's own lines without its header: two centred lines, `-> text <-` (one could be prose). */
export function readsAsMdpBody(text: string): boolean {
  if (!text.includes('->')) return false;
  let found = 0;
  for (const line of text.split('\n')) {
    const centred = readCentred(line);
    if (centred?.closed && centred.text.trim() !== '' && ++found === 2) return true;
  }
  return false;
}

/** What the reader carries from line to line (cut-slides.ts hands it no line inside fenced code). */
export interface MdpState {
  /** The line before was blank (or the file's start). */
  afterBlank: boolean;
  /** The stops read on this slide so far. */
  stops: number;
  /** A stop was read and the line it holds back has not come yet. */
  stopPending: boolean;
  /** The list items from here on step in with this stop (a stop came inside a list). */
  listStep?: number;
  /** The last line that was not blank was a list item, or a line of one: an indented line there is no code. */
  inList: boolean;
}

/** A fresh state for a file. */
export function createMdpState(): MdpState {
  return { afterBlank: true, stops: 0, stopPending: false, inList: false };
}

/** Rewrites one line of an mdp deck: null when nothing in it is mdp's own, else what to read instead. */
export function rewriteMdpLine(line: string, state: MdpState): DialectLine | null {
  const afterBlank = state.afterBlank;
  state.afterBlank = line.trim() === '';
  if (afterBlank && RULER.test(line)) {
    Object.assign(state, { stops: 0, stopPending: false, listStep: undefined, inList: false });
    return { text: '---' };
  }
  // A stop, but for a line of indented code (after a blank line, four spaces in, outside a list), as mdp reads it.
  if (STOP.test(line) && !(afterBlank && !state.inList && /^(?: {4}|\t)/.test(line))) {
    state.stops++;
    state.stopPending = true;
    state.listStep = undefined;
    // Held until the next line says where it stands: before a list item, which it must not part from the items before
    // it (a blank line would), or before a block.
    return state.inList ? { text: '', omit: true } : { text: '' };
  }
  if (line.trim() === '') return null;
  const item = LIST_ITEM.test(line);
  if (item) state.inList = true;
  else if (afterBlank && !/^[ \t]/.test(line)) state.inList = false;
  if (state.stopPending) {
    state.stopPending = false;
    if (item) state.listStep = state.stops;
    else return { text: line, before: ['<!-- pause -->'] };
  } else if (!item && afterBlank) state.listStep = undefined;
  // A list item held back by a stop steps in with it, and so do the items after it, up to the next stop.
  if (item && state.listStep !== undefined) return { text: `${line} <!-- .element: class="fragment" data-fragment-index="${state.listStep}" -->` };
  return null;
}
