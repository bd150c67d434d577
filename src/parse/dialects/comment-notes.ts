import type { Line } from '../source-lines.js';
import type { SourceFile } from '../../model.js';
import { isMarpDirective } from './marp.js';
import { createFenceReader } from '../read-fences.js';

// How briefdeck reads speaker notes that Marp and Slidev write as HTML comments.
// Marp: every HTML comment that is not a directive is a presenter note.
// Slidev: the last comment block of a slide is its note, less its click markers.

/** Slidev's click markers in a note (`[click]`, `[click:3]`), which highlight the note's text click by click in its presenter view: never words of the note. */
const CLICK_MARKER = /\[click(?::\d+)?\][ \t]?/g;

/** Which comments of a deck are speaker notes. */
export type CommentNotes = 'none' | 'marp' | 'slidev';

/** One HTML comment as it stands among a slide's body lines. */
interface Comment {
  /** Index of its first and last line in the body. */
  from: number;
  to: number;
  text: string;
}

/** Finds whole-line HTML comments in a slide's body: one line, or several up to the closing `-->`; never in a fenced code block. */
function findComments(body: Line[]): Comment[] {
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
    comments.push({ from: i, to: j, text: text.slice(0, end).trim() });
    i = j;
  }
  return comments;
}

/** A slide's notes as comments gave them, and the Marp directives taken out of its body (marp.ts reads them). */
export interface CommentNotesFound {
  notes: Line[];
  directives: { text: string; line: number; file?: SourceFile }[];
  /** Each comment taken as a note, with where it starts (a Marp note that looks like a mistyped directive is warned of). */
  noteComments: { text: string; line: number; file?: SourceFile }[];
}

/**
 * Moves the comments a peer tool treats as notes out of a slide's body and
 * returns their text as note lines; Marp's directives are taken out of the
 * body too, since they must never show, and returned for marp.ts to read.
 */
export function takeCommentNotes(body: Line[], mode: CommentNotes, isOwnDirective: (line: string) => boolean): CommentNotesFound {
  const found: CommentNotesFound = { notes: [], directives: [], noteComments: [] };
  if (mode === 'none') return found;
  const drop = new Set<number>();
  const lastText = [...body.keys()].reverse().find((i) => body[i]!.text.trim() !== '');
  for (const comment of findComments(body)) {
    // briefdeck's own directives (`<!-- layout: quote -->`) stay where they are, for the parser.
    if (comment.from === comment.to && isOwnDirective(body[comment.from]!.text)) continue;
    const directive = mode === 'marp' && isMarpDirective(comment.text);
    const isNote = mode === 'marp' ? !directive && comment.text !== '' : comment.to === lastText && comment.text !== '';
    if (!isNote && !directive) continue;
    for (let k = comment.from; k <= comment.to; k++) drop.add(k);
    const { number, file } = body[comment.from]!;
    if (directive) {
      found.directives.push({ text: comment.text, line: number, ...(file ? { file } : {}) });
      continue;
    }
    found.noteComments.push({ text: comment.text, line: number, ...(file ? { file } : {}) });
    comment.text.split('\n').forEach((text, k) => found.notes.push({ text: mode === 'slidev' ? text.replace(CLICK_MARKER, '') : text, number: number + k, ...(file ? { file } : {}) }));
  }
  // Kept in place, in order: a splice of the kept lines as arguments overflows the stack on a slide of a million lines.
  let kept = 0;
  body.forEach((line, i) => {
    if (!drop.has(i)) body[kept++] = line;
  });
  body.length = kept;
  return found;
}
