// parse5 is loaded the first time a deck has HTML to read, not with the parse worker's code. Its module set-up (the
// entity tables it decodes, and compiling it at all) was about 10 ms of every build's critical path, while most
// Markdown decks hold no HTML.
type Parse5 = typeof import('parse5');

let parse5: Parse5 | undefined;

/** parse5, loaded on first use. */
export function loadHtmlParser(): Parse5 {
  // A plain require: bundled into the worker (scripts/compile.mjs), parse5 is then set up only when this first runs.
  return (parse5 ??= require('parse5') as Parse5);
}
