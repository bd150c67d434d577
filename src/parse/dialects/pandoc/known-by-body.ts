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

/** A heading with Pandoc's attributes after it (`# Part {data-name="Part"}`, `## Title {#id .class}`), which Quarto and a few Markdown readers share. */
const ATTRIBUTED_HEADING = /^#{1,6}[ \t][^\n]{0,300}\{[ \t]*(?:[#.][\w-]+|[\w-]+=)[^{}\n]{0,200}\}[ \t]*$/m;

/** True when a deck's body gives a heading Pandoc's attributes: the sign of a Pandoc deck asked for only when its metadata holds a key no tool has that is no slip of briefdeck's own. */
export function showsPandocAttributes(text: string): boolean {
  return ATTRIBUTED_HEADING.test(text);
}
