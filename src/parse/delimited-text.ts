// Text between two doubled marks, as markdown-it's plugins read it: `==highlighted==` (markdown-it-mark) and
// `++inserted++` (markdown-it-ins). The text may not start or end with white space, so `a == b` and `C++ and C++`
// stay as written; CommonMark's rule for an opening run applies (`x===y===` and `C++, i++` open nothing); a code span
// inside stays code.
import type { Tokens, TokenizerAndRendererExtension } from 'marked';
import { startWithinWindow } from './extension-start.js';

const PUNCTUATION = /[\p{P}\p{S}]/u;

/** The marked extension that turns text between `mark` doubled (`=` for `==text==`) into the HTML element `tag`. */
export function createDelimitedTextExtension(name: string, mark: '=' | '+', tag: 'mark' | 'ins'): TokenizerAndRendererExtension {
  const m = mark === '+' ? '\\+' : mark;
  // Up to 300 characters on one line: code spans whole, escapes, and no doubled mark but a code span's.
  const pattern = new RegExp(`^${m}${m}(?![\\s${m}])((?:\`[^\`\\n]*\`|\\\\.|[^\\\\\\n${m}\`]|${m}(?!${m})){1,300}?)${m}${m}(?!${m})`);
  return {
    name,
    level: 'inline',
    start: startWithinWindow(mark + mark),
    tokenizer(src: string, tokens: Tokens.Generic[]) {
      const match = pattern.exec(src);
      if (!match || /\s$/.test(match[1]!)) return undefined;
      const before = tokens.at(-1)?.raw.at(-1) ?? ' ';
      if (before === mark || (PUNCTUATION.test(match[1]![0]!) && !/\s/.test(before) && !PUNCTUATION.test(before))) return undefined;
      return { type: name, raw: match[0], tokens: this.lexer.inlineTokens(match[1]!) };
    },
    renderer(token) {
      return `<${tag}>${this.parser.parseInline((token as unknown as { tokens: Tokens.Generic[] }).tokens)}</${tag}>`;
    },
  };
}
