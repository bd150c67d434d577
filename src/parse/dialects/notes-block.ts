/**
 * A block of speaker notes written in another tool's syntax: it opens on one
 * line and runs to a closing line. The slide cutter collects its lines as
 * the slide's notes, exactly like lines after `Note:`.
 */
export interface NotesBlock {
  /** Text on the opening line after the opener, if any. */
  first: string;
  /** Whether a line closes the block, and any text before the closer on that line. */
  close(line: string): { closed: boolean; before: string };
  /** True when the opening line closed the block too. */
  closedOnOpen: boolean;
}
