import type { Line } from '../source-lines.js';
import type { SourceFile } from '../../model.js';
import { readMarpComment, type MarpCommentDirective } from './marp-comments.js';
import { findComments, takeInlineComments } from './find-comments.js';
import { createFenceReader } from '../read-fences.js';

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
 * Marp reads a comment inside a line as it reads one on a line of its own
 * (`# Title <!-- _class: lead -->`, `Text <!-- a note -->`); Slidev does not.
 */
export function takeCommentNotes(body: Line[], mode: CommentNotes, readDirectives: (text: string) => MarpCommentDirective[] = readMarpComment, isOwnDirective: (line: string) => boolean): CommentNotesFound {
  const found: CommentNotesFound = { notes: [], directives: [], noteComments: [] };
  if (mode === 'none') return found;
  const drop = new Set<number>();
  const lastText = [...body.keys()].reverse().find((i) => body[i]!.text.trim() !== '' || body[i]!.held);
  /** Takes one comment's text, at `number` of `file`: a Marp directive, or a note; false when it is neither. */
  const take = (text: string, number: number, file: SourceFile | undefined, last: boolean): boolean => {
    // A Marp comment of several directives is one directive a line, each at its own line.
    const held = mode === 'marp' ? readDirectives(text) : [];
    if (held.length > 0) {
      for (const d of held) found.directives.push({ text: d.text, line: number + d.offset, ...(file ? { file } : {}) });
      return true;
    }
    if (text === '' || (mode === 'slidev' && !last)) return false;
    found.noteComments.push({ text, line: number, ...(file ? { file } : {}) });
    text.split('\n').forEach((line, k) => found.notes.push({ text: mode === 'slidev' ? line.replace(CLICK_MARKER, '') : line, number: number + k, ...(file ? { file } : {}) }));
    return true;
  };
  const whole = new Map(findComments(body).map((comment) => [comment.from, comment]));
  // The lines outside whole-line comments are read for fences as findComments reads them, so code stays code.
  const fences = createFenceReader();
  for (let i = 0; i < body.length; i++) {
    const { file, number, text } = body[i]!;
    const comment = whole.get(i);
    if (comment) {
      // briefdeck's own directives (`<!-- layout: quote -->`) stay where they are, for the parser.
      const own = comment.from === comment.to && isOwnDirective(text);
      if (!own && take(comment.text, number + comment.skipped, file, comment.to === lastText)) for (let k = comment.from; k <= comment.to; k++) drop.add(k);
      i = comment.to;
      continue;
    }
    if (fences.read(text) || mode !== 'marp' || !text.includes('<!--')) continue;
    // The fitting heading's marker (marp.ts) and reveal's comments stay for their readers.
    const inline = takeInlineComments(text, (inner) => !/^[ \t]*(?:fit[ \t]*$|\.(?:slide|element):)/.test(inner) && take(inner.trim(), number, file, false));
    if (inline.taken.length === 0) continue;
    if (inline.rest.trim() === '') drop.add(i);
    else body[i] = { ...body[i]!, text: inline.rest };
  }
  // Kept in place, in order: a splice of the kept lines as arguments overflows the stack on a slide of a million lines.
  let kept = 0;
  body.forEach((line, i) => {
    if (!drop.has(i)) body[kept++] = line;
  });
  body.length = kept;
  return found;
}
