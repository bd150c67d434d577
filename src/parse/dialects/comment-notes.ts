import type { Line } from '../source-lines.js';
import type { SourceFile } from '../../model.js';
import { readMarpComment, type MarpCommentDirective } from './marp-comments.js';
import { findComments } from './find-comments.js';

// How briefdeck reads speaker notes that Marp and Slidev write as HTML comments.
// Marp: every HTML comment that is not a directive is a presenter note.
// Slidev: the last comment block of a slide is its note, less its click markers.

/** Slidev's click markers in a note (`[click]`, `[click:3]`), which highlight the note's text click by click in its presenter view: never words of the note. */
const CLICK_MARKER = /\[click(?::\d+)?\][ \t]?/g;

/** Which comments of a deck are speaker notes. */
export type CommentNotes = 'none' | 'marp' | 'slidev';

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
export function takeCommentNotes(body: Line[], mode: CommentNotes, readDirectives: (text: string) => MarpCommentDirective[] = readMarpComment, isOwnDirective: (line: string) => boolean): CommentNotesFound {
  const found: CommentNotesFound = { notes: [], directives: [], noteComments: [] };
  if (mode === 'none') return found;
  const drop = new Set<number>();
  const lastText = [...body.keys()].reverse().find((i) => body[i]!.text.trim() !== '');
  for (const comment of findComments(body)) {
    // briefdeck's own directives (`<!-- layout: quote -->`) stay where they are, for the parser.
    if (comment.from === comment.to && isOwnDirective(body[comment.from]!.text)) continue;
    // A Marp comment of several directives is one directive a line, each at its own line.
    const held = mode === 'marp' ? readDirectives(comment.text) : [];
    const directive = held.length > 0;
    const isNote = mode === 'marp' ? !directive && comment.text !== '' : comment.to === lastText && comment.text !== '';
    if (!isNote && !directive) continue;
    for (let k = comment.from; k <= comment.to; k++) drop.add(k);
    const { file } = body[comment.from]!;
    const number = body[comment.from]!.number + comment.skipped;
    if (directive) {
      for (const d of held) found.directives.push({ text: d.text, line: number + d.offset, ...(file ? { file } : {}) });
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
