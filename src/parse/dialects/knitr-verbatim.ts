// knitr's way to show a chunk without running it: `` `r ''` `` before its opening fence (`` `r ''````{r} ``), inline R
// code that knitr prints as nothing, after it has looked for chunks. What remark and Pandoc then read is a plain code
// block of that language, never a cell: its code shows as written (an R cell's `{{ … }}` marks stay marks).

/** The opening of such a fence: the inline code, the fence, and the chunk's options in braces or the fence's own words. */
const VERBATIM_FENCE = /^([ \t]*)`r[ \t]+(?:''|"")[ \t]*`((?:`{3,}|~{3,})[ \t]*)(?:\{([A-Za-z][\w.-]*)[^}\n]*\}[ \t]*$)?/gm;

/** The text with each fence opened after `` `r ''` `` as knitr leaves it: a plain code block in the chunk's language. */
export function openKnitrVerbatimFences(text: string): string {
  if (!text.includes("`r ''") && !text.includes('`r ""')) return text;
  return text.replace(VERBATIM_FENCE, (_whole, indent: string, fence: string, language: string | undefined) => `${indent}${fence}${language ?? ''}`);
}
