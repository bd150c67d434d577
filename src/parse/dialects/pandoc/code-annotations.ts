// Quarto's code annotations: a line of code that ends in a comment holding only a
// number (`import os  # <1>`, `int x; // <2>`, `/* <3> */`) is annotated by that item
// of the numbered list right after the block. Quarto takes the marker out of the code
// and shows the list as the annotations; here the list stays as it is written, and
// the marker, which is never code, goes.

/** A marker at a line's end: a comment opening (any language's, as Quarto reads each by its own), the number in angle brackets, and a comment's close. */
const MARKER = /[ \t]*(?:#|\/\/|--|%|!|;|\*|⍝|\/\*|<!--)[ \t]*<\d{1,3}>[ \t]*(?:\*\/|-->|;)?[ \t]*$/;

/** The code without the annotation markers at its lines' ends. */
export function stripCodeAnnotations(code: string): string {
  return code
    .split('\n')
    .map((line) => line.replace(MARKER, ''))
    .join('\n');
}

/** Whether a token is the list of a code block's annotations: a numbered list, right after the block. */
export function isAnnotationList(token: { type: string; ordered?: boolean } | undefined): boolean {
  return token?.type === 'list' && token.ordered === true;
}
