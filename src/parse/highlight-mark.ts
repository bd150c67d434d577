// Highlighted text, `==like this==`, as markdown-it-mark reads it (Obsidian,
// Typora and the many markdown-it setups that add it): a `<mark>`. As there,
// the text may not start or end with white space, so `a == b` and
// `x == y == z` stay as written, and a code span inside stays code.
import type { Tokens, TokenizerAndRendererExtension } from 'marked';
import { startWithinWindow } from './extension-start.js';

/** Up to 300 characters on one line: code spans whole, escapes, and no `==` but a code span's. */
const MARKED = /^==(?![\s=])((?:`[^`\n]*`|\\.|[^\\\n=`]|=(?!=)){1,300}?)==(?!=)/;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/** The marked extension that turns `==text==` into `<mark>text</mark>`. */
export const highlightMarkExtension: TokenizerAndRendererExtension = {
  name: 'highlightMark',
  level: 'inline',
  start: startWithinWindow('=='),
  tokenizer(src: string, tokens: Tokens.Generic[]) {
    const match = MARKED.exec(src);
    if (!match || /\s$/.test(match[1]!)) return undefined;
    // CommonMark's rule for an opening run, as markdown-it applies it: `x===y===` and `a==.b==` open nothing.
    const before = tokens.at(-1)?.raw.at(-1) ?? ' ';
    if (before === '=' || (PUNCTUATION.test(match[1]![0]!) && !/\s/.test(before) && !PUNCTUATION.test(before))) return undefined;
    return { type: 'highlightMark', raw: match[0], tokens: this.lexer.inlineTokens(match[1]!) };
  },
  renderer(token) {
    return `<mark>${this.parser.parseInline((token as unknown as { tokens: Tokens.Generic[] }).tokens)}</mark>`;
  },
};
