// A comment over several lines (`<!--` at a line's start, `-->` on a later one) hides all it holds, as an HTML block
// does in CommonMark and as Pandoc reads it: a `---` or a heading in it cuts no slide, and none of its lines is read as
// another tool's syntax, a fence or an include. Authors comment whole slides out so. A comment never closed in its file
// is not read so: it would hide the rest of the deck.

/** A comment opened at a line's start, as an HTML block of comment is. */
const OPENS = /^ {0,3}<!--/;

/** Tells the lines of comments over several lines, file by file (an include's lines are read inside its includer's). */
export interface CommentReader {
  /** Starts reading a file's lines, numbered as `numberOf` numbers them; `leave` ends it. */
  enter(lines: readonly string[], numberOf: (index: number) => number): void;
  leave(): void;
  /** Whether the line is one of a comment's over several lines, its first and last included. */
  holds(line: string, number: number): boolean;
}

/** A fresh comment reader for one deck's cut. */
export function createCommentReader(): CommentReader {
  /** The number of each file's last line that closes a comment, the innermost file last. */
  const lastCloses: number[] = [];
  let open = false;
  return {
    enter(lines, numberOf) {
      let last = -Infinity;
      for (let i = lines.length - 1; i >= 0 && last === -Infinity; i--) if (lines[i]!.includes('-->')) last = numberOf(i);
      lastCloses.push(last);
    },
    leave() {
      lastCloses.pop();
    },
    holds(line, number) {
      if (open) {
        if (line.includes('-->')) open = false;
        return true;
      }
      const opening = OPENS.exec(line);
      if (!opening || line.includes('-->', opening[0].length) || number >= (lastCloses.at(-1) ?? -Infinity)) return false;
      open = true;
      return true;
    },
  };
}
