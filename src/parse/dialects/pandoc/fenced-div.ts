// A fenced div that a marked block extension reads whole (`::: {…}` … `:::`):
// Quarto's callouts, column grids, asides and stacks. A div that never closes
// must not make the parse quadratic, since its opening is tried at every
// block below it.
import type { Lexer, Parser, TokenizerAndRendererExtension } from 'marked';

/** Per run of the lexer and per fence (`:::`, `::::`, …), the length of the rest of the text below which no such div closes. */
const UNCLOSED = new WeakMap<object, Map<string, number>>();

/**
 * A kept div whole, as the line rewriter leaves it (rewrite-line.ts): its
 * opening fence with `attributes` (a pattern for what is inside the braces,
 * whose groups come after the fence's), its lines, and a closing fence of
 * exactly the opening's length, so a div inside it does not end it.
 */
export function fencedDivPattern(attributes: string): RegExp {
  return new RegExp(`^ {0,3}(:{3,})[ \\t]*\\{${attributes}\\}[ \\t]*\\n((?:[^\\n]*\\n)*?) {0,3}\\1[ \\t]*(?:\\n|$)`);
}

/**
 * Matches `block` (from fencedDivPattern) at the start of `src`, or says the
 * div is unclosed. A div found unclosed at one place is unclosed further down
 * too (no closing fence of its length follows), so that is remembered per run
 * of `lexer` and not searched for again.
 */
export function matchFencedDiv(lexer: object, src: string, block: RegExp): RegExpExecArray | 'unclosed' {
  const fence = /^ {0,3}(:{3,})/.exec(src)?.[1] ?? ':::';
  const unclosed = UNCLOSED.get(lexer) ?? new Map<string, number>();
  UNCLOSED.set(lexer, unclosed);
  const below = unclosed.get(fence);
  if (below !== undefined && src.length <= below) return 'unclosed';
  const match = block.exec(src);
  if (match) return match;
  unclosed.set(fence, src.length);
  return 'unclosed';
}

/** What a kind of kept div is: how it opens, what it reads from a whole match, how it renders. */
export interface FencedDiv<T> {
  name: string;
  /** What the warning for one never closed calls it. */
  called: string;
  /** The start of its opening fence, tested before anything else. */
  opening: RegExp;
  /** The whole div, from fencedDivPattern. */
  block: RegExp;
  read(match: RegExpExecArray, lexer: Lexer): T;
  render(read: T, parser: Parser): string;
}

/**
 * The marked extension for a kind of kept div. One never closed is its opening
 * line alone, so its content is read as the slide's own and its fence never
 * shows, and `report` warns of it at render time, at its line.
 */
export function fencedDivExtension<T>(div: FencedDiv<T>, report: (message: string, hint?: string) => void): TokenizerAndRendererExtension {
  return {
    name: div.name,
    level: 'block',
    tokenizer(src: string) {
      if (!div.opening.test(src)) return undefined;
      const match = matchFencedDiv(this.lexer, src, div.block);
      if (match === 'unclosed') return { type: div.name, raw: /^[^\n]*(?:\n|$)/.exec(src)![0], unclosed: true };
      return { type: div.name, raw: match[0], read: div.read(match, this.lexer) };
    },
    renderer(token) {
      const { unclosed, read } = token as unknown as { unclosed?: boolean; read: T };
      if (!unclosed) return div.render(read, this.parser);
      report(`${div.called} that is never closed (no ::: line after it) is shown as plain content`, 'close the div with a line of three colons, :::');
      return '';
    },
  };
}
