// knitr's defaults for the chunks of an R Markdown file, set in R in a chunk of its own: RStudio's template opens every
// presentation with `knitr::opts_chunk$set(echo = FALSE)`, so that no chunk after it shows its code unless it says so.
// briefdeck runs no R; it reads that one call's `echo`, as written, for the cells it shows.

/** A fence's opening or closing line: its run of backticks or tildes, and what follows. */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
/** An R chunk's info string: `{r}`, `{r setup, include=FALSE}`. */
const R_CHUNK_INFO = /^[ \t]*\{[rR](?:[ \t,][^}]*)?\}[ \t]*$/;
/** The call that sets the defaults, with what its parentheses hold (no nested call, as the options are plain values). */
const SET_DEFAULTS = /\bopts_chunk\$set\(([^()]{0,2000})\)/g;

/** The `echo` the last `opts_chunk$set(…)` in the file's R chunks gives every chunk, or undefined when none sets it. */
export function readKnitrEchoDefault(text: string): boolean | undefined {
  if (!text.includes('opts_chunk$set(')) return undefined;
  let echo: boolean | undefined;
  // Read a line at a time, each line once: a chunk left open never makes a later one be read again.
  let open: { marker: string; r: boolean; code: string[] } | undefined;
  for (const line of text.split('\n')) {
    const fence = FENCE.exec(line);
    if (!open) {
      if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) open = { marker: fence[1]!, r: R_CHUNK_INFO.test(fence[2]!), code: [] };
      continue;
    }
    if (fence && fence[1]![0] === open.marker[0] && fence[1]!.length >= open.marker.length && fence[2]!.trim() === '') {
      for (const call of open.r ? open.code.join('\n').matchAll(SET_DEFAULTS) : []) {
        const value = /(?:^|[\s,])echo[ \t]*=[ \t]*(TRUE|FALSE|T|F)\b/.exec(call[1]!);
        if (value) echo = value[1]!.startsWith('T');
      }
      open = undefined;
    } else if (open.r) open.code.push(line);
  }
  return echo;
}
