// marked asks each block extension where it could start next (`start`) when it
// reads a paragraph, passing the whole rest of the text; a search of all of it
// for each paragraph makes a long deck quadratic. A paragraph ends at the
// first blank line, so nothing further down can cut it: the search stops there.

/** A block extension's `start`: where `line` (a pattern for one line's opening, read with the `m` flag) first matches before the next blank line. */
export function startWithinParagraph(line: RegExp): (src: string) => number | undefined {
  return (src) => {
    const end = src.indexOf('\n\n');
    return (end === -1 ? src : src.slice(0, end)).match(line)?.index;
  };
}
