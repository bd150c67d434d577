/**
 * A block of speaker notes written in another tool's syntax: it opens on one
 * line and runs to a closing line. The slide cutter collects its lines as
 * the slide's notes, exactly like lines after `Note:`.
 */
export interface NotesBlock {
  /** Text on the opening line after the opener, if any. */
  first: string;
  /** Whether a line closes the block, any text before the closer on that line, and any after it (read as a line of its own). */
  close(line: string): { closed: boolean; before: string; after: string };
  /** True when the opening line closed the block too. */
  closedOnOpen: boolean;
  /** When it did, the text after the closer on that line. */
  rest: string;
}
