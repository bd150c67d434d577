// marked tries each of its block rules at the start of every block, and V8
// compiles a pattern the first time it runs it. Four of marked's patterns
// (setext headings, HTML blocks, GFM tables, block quotes) are long, and
// compiling them took about a third of the Markdown work of a small deck's
// build, most of them for rules the deck never uses. Each check here reads
// the one or two characters the rule cannot match without, and skips the
// rule (`undefined`: no token) when they are not there; otherwise `false`
// hands the text to marked's own rule. They never skip a block the rule
// would have matched, so the tokens are the same.
import { scopeLinks } from './link-definitions.js';
import { Lexer, type Links, type MarkedOptions, type Token, type TokenizerObject, type TokensList } from 'marked';

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
  lheading(this: { lexer?: unknown }, src: string) {
    const whole = src.length <= SETEXT_WINDOW;
    const found = UNDERLINE_OR_BLANK.exec(whole ? src : src.slice(0, SETEXT_WINDOW));
    if (found) return found[1] === undefined ? undefined : false;
    if (whole) return undefined;
    // Past the window, the block's own list of underlines and blank lines, made once for all its text, answers.
    const next = this.lexer instanceof SetextAwareLexer ? this.lexer.findUnderlineOrBlank(src) : 'unknown';
    return next === 'underline' || next === 'unknown' ? false : undefined;
  },
};

/** Where a line under a setext heading's text could stand (group 1), or a blank line: every one, by its line break. */
const EVERY_UNDERLINE_OR_BLANK = /\n(?= {0,3}(=+|-+)[ \t]*(?:\n|$)|[ \t]*\n)/g;

/** The text one run of marked's block rules reads, with its underlines and blank lines found when first asked. */
interface BlockText {
  text: string;
  marks?: { at: number[]; underline: boolean[] };
}

/**
 * marked's lexer, which keeps the text of each block list it is reading. Inside a list item marked reads a paragraph
 * a line at a time and asks the setext rule at each line, whose pattern reads on to the paragraph's end: a list item
 * of thousands of lazy lines took time that grew with its square (12,000 lines, 9 s). Each text the rule is asked of
 * is the rest of the innermost block list's text, so that list's underlines and blank lines, found once, say what
 * comes first after any line.
 */
export class SetextAwareLexer extends Lexer {
  private readonly blockTexts: BlockText[] = [];

  /** Lexes `src` into marked's tokens with `options`, as marked.lexer does, knowing `links` (definitions made elsewhere in the deck) besides its own. */
  static lexBlocks(src: string, options: MarkedOptions, links?: Links): Token[] {
    const lexer = new SetextAwareLexer(options);
    if (links && Object.keys(links).length > 0) {
      const scoped = scopeLinks(links);
      lexer.tokens.links = scoped.links;
      lexer.blocksRead = scoped.readingInline;
    }
    return lexer.lex(src);
  }

  /** Called once the outermost blocks are read, before their text is: the deck's link definitions join the slide's then (link-definitions.ts). */
  private blocksRead?: () => void;

  override blockTokens(src: string, tokens?: Token[], lastParagraphClipped?: boolean): Token[];
  override blockTokens(src: string, tokens?: TokensList, lastParagraphClipped?: boolean): TokensList;
  override blockTokens(src: string, tokens?: Token[] | TokensList, lastParagraphClipped?: boolean): Token[] | TokensList {
    this.blockTexts.push({ text: src });
    try {
      return super.blockTokens(src, tokens as Token[], lastParagraphClipped);
    } finally {
      this.blockTexts.pop();
      if (this.blockTexts.length === 0) this.blocksRead?.();
    }
  }

  /** What comes first in `src`, the rest of the innermost block list's text: a setext underline, a blank line, neither, or unknown when `src` is not that rest. */
  findUnderlineOrBlank(src: string): 'underline' | 'blank' | 'none' | 'unknown' {
    const block = this.blockTexts.at(-1);
    const offset = block === undefined ? -1 : block.text.length - src.length;
    // Its rest, as marked cuts it: the same length from the end, the same first characters (a cheap check; never a scan).
    if (block === undefined || offset < 0 || !block.text.startsWith(src.slice(0, 64), offset)) return 'unknown';
    block.marks ??= findMarks(block.text);
    const { at, underline } = block.marks;
    let low = 0;
    let high = at.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (at[middle]! < offset) low = middle + 1;
      else high = middle;
    }
    return low === at.length ? 'none' : underline[low] ? 'underline' : 'blank';
  }
}

/** Every setext underline and blank line of `text`, by the place of its line break, in order. */
function findMarks(text: string): { at: number[]; underline: boolean[] } {
  const at: number[] = [];
  const underline: boolean[] = [];
  for (const found of text.matchAll(EVERY_UNDERLINE_OR_BLANK)) {
    at.push(found.index);
    underline.push(found[1] !== undefined);
  }
  return { at, underline };
}
