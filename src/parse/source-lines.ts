import type { SourceFile } from '../model.js';
import type { SlotName } from './dialects/slidev-slots.js';

// Lines of Markdown as the parser carries them: each with its line number, and
// the included file it came from when it is not its slide's own, so every
// message can name the file and line where the author wrote it.

/** A line of Markdown with its 1-based line number in its file. */
export interface Line {
  text: string;
  number: number;
  /** The file the line was read from, when it is not its slide's own: one an include names (Quarto's include, Slidev's `src:`). */
  file?: SourceFile;
  /**
   * A blank line standing where the source held something left out (a component, a style, a snippet that could not be
   * read): Slidev takes a comment for the slide's note only when nothing follows it, so a comment before one is no note.
   */
  held?: true;
  /** A Slidev slot marker (`::right::`): which slot the lines after it fill, until the next (slidev-slots.ts). */
  slot?: SlotName;
}

/** Where a line stands, for a message: its own file (an included one), else the slide's. */
export function locateLine(line: Pick<Line, 'number' | 'file'>, slideFile: SourceFile): { file: string; line: number } {
  return { file: (line.file ?? slideFile).path, line: line.number };
}

/** True when any line holds more than white space. */
export function hasText(lines: Line[]): boolean {
  return lines.some((l) => l.text.trim() !== '');
}

/** Joins lines back into Markdown text. */
export function joinLines(lines: Line[]): string {
  return lines.map((l) => l.text).join('\n');
}

/**
 * The source line of the `n`th line of the text being rendered. A slide's lines need not follow one another: the
 * heading that titles a slide, a directive or a pause marker is taken out of them, so counting on from the first
 * line would name the line before; and an included file's lines stand among them.
 */
export function lineAt(lines: Line[], n: number): Line {
  return lines[Math.min(n, lines.length - 1)]!;
}

/** How many line breaks `s` holds. */
export function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * A lookup of the line an offset of `text` is on (0 for the first), from the line starts found once: a slide of
 * thousands of things to place would otherwise count the newlines before each of them, in time that grows with the
 * square of its length.
 */
export function indexLines(text: string): (offset: number) => number {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
}
