import type { NotesBlock } from '../notes-block.js';

// Pandoc's and Quarto's speaker notes are a fenced div with the class `notes`:
// `::: notes` or `::: {.notes}` … `:::`.
const NOTES_OPEN = /^ {0,3}(:{3,})[ \t]*(?:notes|\{[ \t]*\.notes[ \t]*\})[ \t]*$/;

/** Opens a Pandoc `::: notes` block on this line, or returns null. */
export function openPandocNotes(line: string): NotesBlock | null {
  const open = NOTES_OPEN.exec(line);
  if (!open) return null;
  const fence = open[1]!.length;
  return {
    first: '',
    closedOnOpen: false,
    rest: '',
    close: (text) => {
      const closer = /^ {0,3}(:{3,})[ \t]*$/.exec(text);
      return { closed: closer !== null && closer[1]!.length >= fence, before: '', after: '' };
    },
  };
}

