import type { DialectLine } from '../directive-lines.js';

// How briefdeck reads patat's decks (the terminal slide tool built on Pandoc): its settings in front matter (`patat:`,
// front-matter.ts) and Pandoc's Markdown, read as Pandoc's (the deck is Pandoc's too: its slide level, `. . .`, rulers).
// Rewritten here line by line: an HTML comment on lines of its own is the slide's speaker notes, as patat shows them
// (`speakerNotes:`), and a `<!--config: … -->` comment, a slide's own settings for the terminal, shows nothing.

/** What the reader carries from line to line: whether it is inside a comment of several lines. */
export interface PatatState {
  inComment: boolean;
  /** The comment is a slide's settings (`<!--config:`), not notes. */
  config: boolean;
}

/** A fresh state for a file. */
export function createPatatState(): PatatState {
  return { inComment: false, config: false };
}

/** Rewrites one line of a patat deck: null when nothing in it is its own, else what to read instead. */
export function rewritePatatLine(line: string, state: PatatState): DialectLine | null {
  if (state.inComment) {
    const end = line.indexOf('-->');
    const text = end === -1 ? line : line.slice(0, end);
    if (end !== -1) state.inComment = false;
    return state.config || text.trim() === '' ? { text: '' } : { text: '', note: text };
  }
  const opening = /^[ \t]*<!--(config:)?(.*)$/.exec(line);
  if (!opening) return null;
  const end = opening[2]!.indexOf('-->');
  // A comment that closes on its line and is followed by more is inline HTML: left to the Markdown reader.
  if (end !== -1 && opening[2]!.slice(end + 3).trim() !== '') return null;
  const text = end === -1 ? opening[2]! : opening[2]!.slice(0, end);
  state.config = opening[1] !== undefined;
  if (end === -1) state.inComment = true;
  return state.config || text.trim() === '' ? { text: '' } : { text: '', note: text.trim() };
}
