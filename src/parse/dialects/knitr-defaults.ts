// knitr's defaults for the chunks of an R Markdown file, set in R in a chunk of its own: RStudio's template opens every
// presentation with `knitr::opts_chunk$set(echo = FALSE)`, so that no chunk after it shows its code unless it says so.
// briefdeck runs no R; it reads that one call's `echo`, as written, for the cells it shows.
import { readFencedBlocks } from '../render-code.js';

/** An R chunk's info string: `{r}`, `{r setup, include=FALSE}`. */
const R_CHUNK_INFO = /^\{[rR](?:[ \t,][^}]*)?\}$/;
/** The call that sets the defaults, with what its parentheses hold (no nested call, as the options are plain values). */
const SET_DEFAULTS = /\bopts_chunk\$set\(([^()]{0,2000})\)/g;

/** The `echo` the last `opts_chunk$set(…)` in the file's R chunks gives every chunk, or undefined when none sets it. */
export function readKnitrEchoDefault(text: string): boolean | undefined {
  if (!text.includes('opts_chunk$set(')) return undefined;
  let echo: boolean | undefined;
  for (const chunk of readFencedBlocks(text).filter((block) => R_CHUNK_INFO.test(block.info))) {
    for (const call of chunk.text.matchAll(SET_DEFAULTS)) {
      const value = /(?:^|[\s,])echo[ \t]*=[ \t]*(TRUE|FALSE|T|F)\b/.exec(call[1]!);
      if (value) echo = value[1]!.startsWith('T');
    }
  }
  return echo;
}
