// Setext headings (a line of text over a line of `=` or `-`) as the deck is cut. The cut reads a line at a time and
// knows a heading by its `#`s, so each setext heading is written as an ATX one first (`# Title`), its underline a blank
// line: it then cuts and titles slides as `#` and `##` do, on the same lines. Every Markdown tool reads text over `===`
// as a heading. Text over `---` is a heading where the deck is read by a CommonMark or Pandoc parser before it is cut
// (Pandoc, Quarto, Marp's markdown-it), but a cut where the text is split at `---` lines first (reveal.js, Slidev,
// remark) and in briefdeck's own format; there a longer line of dashes is no cut, so marked reads it as a heading's
// underline. `dashes` says which dashes underline a heading.
import type { IncludedFile } from '../model.js';
import { placeDashedTables } from './dialects/pandoc/tables.js';
import { createCommentReader } from './long-comments.js';
import { blankFencedCode } from './read-fences.js';

/** A setext underline: `=`s, or `-`s, alone on a line. */
const UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
/** A line that is not a paragraph's text: blank, indented code, a list item, a quote, an ATX heading, a table's row, HTML, a fence, a div's fence or a ruler. */
const NOT_TEXT = /^(?:[ \t]*$| {4}|\t| {0,3}(?:[-*+>#|<:%]|\d{1,9}[.)]|```|~~~|={2,}[ \t]*$|(?:[-*_][ \t]*){3,}$))/;

/** Where a setext heading stands: its text's line, by index. */
export interface SetextHeading {
  index: number;
  level: 1 | 2;
  text: string;
}

/** Which lines of `-`s under text are a heading's underline, not a cut. */
export type DashUnderlines = (underline: string) => boolean;

/** Every line of dashes under text underlines a heading: decks a parser reads before they are cut. */
export const ALL_DASHES: DashUnderlines = () => true;

/** Dashes under text underline a heading but for a `---` line, which cuts: briefdeck's own format, reveal.js's, Slidev's and remark's. */
export const DASHES_BUT_SEPARATOR: DashUnderlines = (underline) => !/^---[ \t]*$/.test(underline);

/**
 * The setext headings of `text` that open a block: one line of text after a blank line (or the start, or a line
 * `opensBlock` accepts), over its underline of `=`s, or of `-`s that `dashes` accepts. Not in fenced code or a comment
 * over several lines; a heading whose text runs over several lines is left to marked, inside its slide.
 */
export function findSetextHeadings(text: string, dashes: DashUnderlines, opensBlock: (line: string) => boolean = () => false): SetextHeading[] {
  if (!text.includes('\n=') && !text.includes('\n-') && !text.includes('\n =') && !text.includes('\n -')) return [];
  const lines = text.split('\n');
  const code = blankFencedCode(text).split('\n');
  const comments = createCommentReader();
  comments.enter(lines, (i) => i);
  const found: SetextHeading[] = [];
  let inComment = comments.holds(lines[0] ?? '', 0);
  for (let i = 1; i < lines.length; i++) {
    const underlineInComment = comments.holds(lines[i]!, i);
    const underline = UNDERLINE.exec(lines[i]!);
    const title = lines[i - 1]!;
    const titleInComment = inComment;
    inComment = underlineInComment;
    if (!underline || (underline[1]!.startsWith('-') && !dashes(lines[i]!)) || titleInComment || underlineInComment) continue;
    if (code[i] !== lines[i] || code[i - 1] !== title || NOT_TEXT.test(title)) continue;
    if (i >= 2 && lines[i - 2]!.trim() !== '' && !opensBlock(lines[i - 2]!)) continue;
    found.push({ index: i - 1, level: underline[1]!.startsWith('=') ? 1 : 2, text: title.trim() });
  }
  // A multiline table's bottom border under a row of one line is no underline (Pandoc's tables, tables.ts).
  if (!found.some((heading) => heading.level === 2)) return found;
  const tableEnds = new Set(placeDashedTables(lines).map((table) => table.end));
  return found.filter((heading) => !tableEnds.has(heading.index + 1));
}

/** `text` with its setext headings (findSetextHeadings) written as ATX ones, each underline a blank line, so that every line keeps its number. */
export function writeSetextHeadings(text: string, dashes: DashUnderlines): string {
  const headings = findSetextHeadings(text, dashes);
  if (headings.length === 0) return text;
  const lines = text.split('\n');
  for (const heading of headings) {
    lines[heading.index] = writeAtxHeading(heading);
    lines[heading.index + 1] = '';
  }
  return lines.join('\n');
}

/** A heading as an ATX line; `#`s that end its text are escaped, since an ATX heading's closing `#`s are not its text. */
export function writeAtxHeading(heading: SetextHeading): string {
  return `${'#'.repeat(heading.level)} ${heading.text.replace(/([ \t])(#+)$/, '$1\\$2')}`;
}

/** writeSetextHeadings over a deck's files and the files its includes bring in, in place; whether any changed. */
export function writeDeckSetextHeadings(bodies: { text: string }[], includes: Map<string, IncludedFile>, dashes: DashUnderlines): boolean {
  let changed = false;
  for (const body of bodies) {
    const written = writeSetextHeadings(body.text, dashes);
    changed ||= written !== body.text;
    body.text = written;
  }
  for (const [relPath, included] of includes) {
    const written = included.file ? writeSetextHeadings(included.file.text, dashes) : undefined;
    if (written === undefined || written === included.file!.text) continue;
    includes.set(relPath, { ...included, file: { ...included.file!, text: written } });
    changed = true;
  }
  return changed;
}
