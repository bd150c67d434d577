// Fenced code blocks, followed line by line as CommonMark closes them, so that
// line-based readers (the slide cutter, footnotes, cross-references) never read
// a line of code as syntax.

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

/** Follows fenced code blocks line by line, as CommonMark closes them: by a fence of the same character, at least as long. */
export interface FenceReader {
  /** True between a fence's opening line and its closing line. */
  readonly inside: boolean;
  /** Reads the next line: true when it is code (inside a fence, or a fence's opening or closing line). */
  read(line: string): boolean;
}

/** Starts reading a text's fences from its first line. */
export function createFenceReader(): FenceReader {
  let fence: { char: string; length: number } | null = null;
  return {
    get inside() {
      return fence !== null;
    },
    read(line) {
      const marker = FENCE_OPEN.exec(line)?.[1];
      if (fence) {
        if (marker && marker[0] === fence.char && marker.length >= fence.length && line.trim() === marker) fence = null;
        return true;
      }
      if (!marker) return false;
      fence = { char: marker[0]!, length: marker.length };
      return true;
    },
  };
}

/** A backtick fence that no line of `text` can close: one longer than its longest run of backticks, and at least three. */
export function fenceFor(text: string): string {
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/**
 * The text with every line inside a fenced code block emptied, line for line, so a reader looking for a tool's syntax
 * never takes code for it (a deck may show Marp's or Slidev's lines in a block). A fence's opening line is kept: its
 * info string is the tool's syntax (Quarto's ```` ```{python} ````, Slidev's ```` ```ts {monaco} ````).
 */
export function blankFencedCode(text: string): string {
  if (!text.includes('```') && !text.includes('~~~')) return text;
  const fences = createFenceReader();
  return text
    .split('\n')
    .map((line) => {
      const opening = !fences.inside;
      return fences.read(line) && !opening ? '' : line;
    })
    .join('\n');
}
