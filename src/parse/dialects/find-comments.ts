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
