// marked asks each extension where it could start next (`start`), passing the
// whole rest of the text: for a block extension, at every paragraph; for an
// inline one, at every stretch of text. A search of all of it each time makes
// a long deck, or a long paragraph, quadratic. These searches stop early.

/** A block extension's `start`: where `line` (a pattern for one line's opening, read with the `m` flag) first matches before the next blank line, where a paragraph ends and beyond which nothing can cut it. */
export function startWithinParagraph(line: RegExp): (src: string) => number | undefined {
  return (src) => {
    const end = src.indexOf('\n\n');
    return (end === -1 ? src : src.slice(0, end)).match(line)?.index;
  };
}

/** How far ahead an inline extension looks for where it could start. */
const WINDOW = 2048;

/**
 * An inline extension's `start`: where `needle` first occurs, looked for within the next
 * WINDOW characters. Past them, the text is cut there anyway (short of a needle that could
 * straddle the cut), and the search goes on from the cut: marked joins the pieces of text
 * back into one, so the output is the same, and each character is searched a bounded
 * number of times.
 */
export function startWithinWindow(needle: string): (src: string) => number {
  return startWithinWindowOf((text) => text.indexOf(needle), needle.length);
}

/** startWithinWindow for a needle of several forms, such as a pattern: `find` searches a text, and none is longer than `longest`. */
export function startWithinWindowOf(find: (text: string) => number, longest: number): (src: string) => number {
  return (src) => {
    if (src.length <= WINDOW) return find(src);
    const found = find(src.slice(0, WINDOW));
    return found === -1 ? WINDOW - longest : found;
  };
}
