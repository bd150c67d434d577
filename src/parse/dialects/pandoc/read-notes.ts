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

/** Pandoc's notes div written in HTML, as R Markdown's ioslides and Slidy decks write it: `<div class="notes">` on a line of its own. */
const HTML_NOTES_OPEN = /^ {0,3}<div\s+class\s*=\s*(?:"notes"|'notes'|notes)\s*>[ \t]*$/i;

/** Whether the line opens Pandoc's notes div written in HTML, which openPandocHtmlNotes reads to its close. */
export function opensPandocHtmlNotes(line: string): boolean {
  return HTML_NOTES_OPEN.test(line);
}

/**
 * Opens a `<div class="notes">` block whose lines are Markdown, as Pandoc reads them (in a deck Pandoc reads; elsewhere
 * the element is HTML, taken out as notes by reveal.ts): it runs to the `</div>` that closes it, a `<div>` inside counted.
 */
export function openPandocHtmlNotes(line: string): NotesBlock | null {
  if (!opensPandocHtmlNotes(line)) return null;
  let depth = 0;
  return {
    first: '',
    closedOnOpen: false,
    rest: '',
    close: (text) => {
      if (/^ {0,3}<div\b[^<>]*>[ \t]*$/i.test(text)) depth++;
      else if (/^ {0,3}<\/div\s*>[ \t]*$/i.test(text) && depth-- === 0) return { closed: true, before: '', after: '' };
      return { closed: false, before: text, after: '' };
    },
  };
}
