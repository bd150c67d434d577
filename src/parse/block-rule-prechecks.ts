// marked tries each of its block rules at the start of every block, and V8
// compiles a pattern the first time it runs it. Four of marked's patterns
// (setext headings, HTML blocks, GFM tables, block quotes) are long, and
// compiling them took about a third of the Markdown work of a small deck's
// build, most of them for rules the deck never uses. Each check here reads
// the one or two characters the rule cannot match without, and skips the
// rule (`undefined`: no token) when they are not there; otherwise `false`
// hands the text to marked's own rule. They never skip a block the rule
// would have matched, so the tokens are the same.
import type { TokenizerObject } from 'marked';

/** How far the setext check looks for the line under a heading before it leaves the question to marked. */
export const SETEXT_WINDOW = 4096;

/** Where a block's first lines show a setext underline (`===`, `---`) or a blank line, whichever comes first. */
const UNDERLINE_OR_BLANK = /\n(?: {0,3}(=+|-+)[ \t]*(?:\n|$)|[ \t]*\n)/;

/** Tokenizer overrides that skip the block rules a block cannot match, so their patterns are compiled only for decks that use them. */
export const BLOCK_RULE_PRECHECKS: TokenizerObject = {
  // A quote opens with `>` after at most three spaces.
  blockquote: (src: string) => (/^ {0,3}>/.test(src) ? false : undefined),
  // Every kind of HTML block opens with `<` after at most three spaces.
  html: (src: string) => (/^ {0,3}</.test(src) ? false : undefined),
  // A link reference definition opens with `[`.
  def: (src: string) => (/^ {0,3}\[/.test(src) ? false : undefined),
  // A table's second line is its delimiter row, which opens with `|`, `:` or `-`.
  table: (src: string) => (/^[^\n]*\n {0,3}[|:-]/.test(src) ? false : undefined),
  // A setext heading's text runs to its underline with no blank line between, so a blank line first rules it out. The look
  // is bounded, since marked asks at every block: past the window, marked's own rule decides.
  lheading(src: string) {
    const whole = src.length <= SETEXT_WINDOW;
    const found = UNDERLINE_OR_BLANK.exec(whole ? src : src.slice(0, SETEXT_WINDOW));
    if (!found) return whole ? undefined : false;
    return found[1] === undefined ? undefined : false;
  },
};
