// A deck with no tool's keys is known as Pandoc's by lines only Pandoc (and Quarto) give a meaning to: its pause
// (`. . .`) and the fenced divs of its slide shows (`::: notes`, `::: incremental`, `:::: columns`, `::: {.column}`).
// Read as Pandoc's, such a deck is built as Pandoc builds it: no agenda unless `toc: true`, a level-1 heading its
// section's own slide, a rule of any kind a cut.

/** Pandoc's pause, or the opening of one of its slide-show divs; bounded, and anchored to a line's start. */
const PANDOC_LINE = /^(?:\. \. \.[ \t]*|:{3,10}[ \t]*(?:\{[ \t]*\.)?(?:notes|incremental|nonincremental|columns|column)\b[^\n]{0,200})$/m;

/** True when a deck's body holds one of Pandoc's own slide-show lines. */
export function readsAsPandocBody(text: string): boolean {
  return PANDOC_LINE.test(text);
}
