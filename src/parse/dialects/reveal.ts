import type { NotesBlock } from './notes-block.js';

// How briefdeck reads reveal.js's own Markdown conventions beyond `Note:`.
// Speaker notes may also be an `<aside class="notes">` element, on one line or several.
const ASIDE_OPEN = /^[ \t]*<aside\s+class\s*=\s*["']?notes["']?\s*>(.*)$/i;
const ASIDE_CLOSE = /<\/aside\s*>/i;

/** Opens an `<aside class="notes">` block on this line, or returns null. */
export function openAsideNotes(line: string): NotesBlock | null {
  const open = ASIDE_OPEN.exec(line);
  if (!open) return null;
  const close = (text: string) => {
    const end = ASIDE_CLOSE.exec(text);
    return end ? { closed: true, before: text.slice(0, end.index) } : { closed: false, before: text };
  };
  const same = close(open[1]!);
  return { first: same.before, closedOnOpen: same.closed, close };
}

/**
 * reveal.js's and reveal-md's other slide separators: `--` (vertical, in
 * reveal's Markdown examples), `----` (reveal-md's vertical), and reveal-md's
 * `<!--s-->` and `<!--v-->`. Each starts a new slide; for now the slides stay
 * side by side rather than stacked vertically.
 */
export function isRevealSeparator(line: string): boolean {
  return /^(?:--|----|<!--\s*[sv]\s*-->)[ \t]*$/.test(line);
}
