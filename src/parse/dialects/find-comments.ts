import type { Line } from '../source-lines.js';
import { createFenceReader } from '../read-fences.js';

// The HTML comments that stand on lines of their own, which Marp and Slidev read (for notes and directives) and
// briefdeck reads for them; never one inside a fenced code block, which is code the slide shows.

/** One HTML comment as it stands among a slide's body lines. */
export interface Comment {
  /** Index of its first and last line in the body. */
  from: number;
  to: number;
  text: string;
  /** Lines before its text begins: 1 for a comment whose `<!--` stands on a line of its own. */
  skipped: number;
}

/** Finds whole-line HTML comments in a slide's body: one line, or several up to the closing `-->`; never in a fenced code block. */
export function findComments(body: Line[]): Comment[] {
  // The first line at or after each that holds a `-->`, found in one pass from the end: an opening looks up where it closes
  // rather than reading on line by line, which made a slide of thousands of unclosed openings cost the cube of its length.
  const nextClose = new Array<number>(body.length + 1).fill(-1);
  for (let k = body.length - 1; k >= 0; k--) nextClose[k] = body[k]!.text.includes('-->') ? k : nextClose[k + 1]!;
  const comments: Comment[] = [];
  // A comment in a code block is code the slide shows. The lines a comment spans are not read for fences: a fence there is comment text.
  const fences = createFenceReader();
  for (let i = 0; i < body.length; i++) {
    if (fences.read(body[i]!.text)) continue;
    const open = /^\s*<!--(.*)$/.exec(body[i]!.text);
    if (!open) continue;
    const j = open[1]!.includes('-->') ? i : nextClose[i + 1]!;
    // No close after this opening means none after any later one.
    if (j === -1) break;
    const text = j === i ? open[1]! : [open[1]!, ...body.slice(i + 1, j + 1).map((line) => line.text)].join('\n');
    const end = text.indexOf('-->');
    // Text after the close: no whole-line comment, and no opening before that close is one either (they share it).
    if (text.slice(end + 3).trim() !== '') {
      i = j;
      continue;
    }
    const raw = text.slice(0, end);
    comments.push({ from: i, to: j, text: raw.trim(), skipped: raw.slice(0, raw.length - raw.trimStart().length).split('\n').length - 1 });
    i = j;
  }
  return comments;
}

/** A comment inside a line: as written, `<!-- … -->`, and its text between the markers. */
export interface InlineComment {
  comment: string;
  inner: string;
}

/**
 * The comments inside a line of text that `take` accepts (by their text between the markers), and the line without
 * them; never one in a code span (after an odd number of backticks), which shows it as written. A comment runs to the
 * first `-->` after its `<!--`, as HTML ends it. The line is read once from end to end, however many openings it holds.
 */
export function takeInlineComments(text: string, take: (inner: string) => boolean): { taken: InlineComment[]; rest: string } {
  const taken: InlineComment[] = [];
  let rest = '';
  // Backticks before each opening, counted as the openings go.
  let ticks = 0;
  let counted = 0;
  let kept = 0;
  let close = -1;
  for (let open = text.indexOf('<!--'); open !== -1; open = text.indexOf('<!--', open + 4)) {
    // The first close after this opening; openings before a close already found share it.
    if (close < open + 4) close = text.indexOf('-->', open + 4);
    if (close === -1) break;
    for (; counted < open; counted++) if (text[counted] === '`') ticks++;
    const inner = text.slice(open + 4, close);
    if (ticks % 2 === 0 && take(inner)) {
      taken.push({ comment: text.slice(open, close + 3), inner });
      rest += text.slice(kept, open);
      kept = close + 3;
    }
    // The next opening is after this comment's close: an opening inside a comment is its text.
    open = close - 1;
  }
  return { taken, rest: rest + text.slice(kept) };
}
