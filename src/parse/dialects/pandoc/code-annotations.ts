// Quarto's code annotations: a line of code that ends in a comment holding only a
// number (`import os  # <1>`, `int x; // <2>`, `/* <3> */`) is annotated by that item
// of the numbered list right after the block. Quarto takes the marker out of the code
// and shows the list as the annotations; here the list stays as it is written, and
// the marker, which is never code, goes.

/** A marker at a line's end: a comment opening (any language's, as Quarto reads each by its own; APL's ⍝ as an escape, see `R_TODAY` in r-dates.ts), the number in angle brackets, and a comment's close. */
const MARKER = /[ \t]*(?:#|\/\/|--|%|!|;|\*|\u235d|\/\*|<!--)[ \t]*<\d{1,3}>[ \t]*(?:\*\/|-->|;)?[ \t]*$/;

/** The code without the annotation markers at its lines' ends. */
export function stripCodeAnnotations(code: string): string {
  return code
    .split('\n')
    .map((line) => line.replace(MARKER, ''))
    .join('\n');
}

/** Whether the code block at `at` among a slide's `tokens` is annotated: the block after it, past blank lines, is its annotation list (a numbered list). */
export function hasAnnotationList(tokens: readonly { type: string; ordered?: boolean }[], at: number): boolean {
  let next = at + 1;
  while (tokens[next]?.type === 'space') next += 1;
  return tokens[next]?.type === 'list' && tokens[next]!.ordered === true;
}
