// HackMD's (and HedgeDoc's) inserted text, `++like this++`, as markdown-it-ins reads it: an `<ins>`. As there, the
// text may not start or end with white space, so `C++ and C++` and `i++ + j++` stay as written, and a code span
// inside stays code. Read in a HackMD deck only: elsewhere `++` means nothing.
import type { Tokens, TokenizerAndRendererExtension } from 'marked';
import { startWithinWindow } from '../extension-start.js';

/** Up to 300 characters on one line: code spans whole, escapes, and no `++` but a code span's. */
const INSERTED = /^\+\+(?![\s+])((?:`[^`\n]*`|\\.|[^\\\n+`]|\+(?!\+)){1,300}?)\+\+(?!\+)/;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/** The marked extension that turns `++text++` into `<ins>text</ins>`. */
export const insertedTextExtension: TokenizerAndRendererExtension = {
  name: 'insertedText',
  level: 'inline',
  start: startWithinWindow('++'),
  tokenizer(src: string, tokens: Tokens.Generic[]) {
    const match = INSERTED.exec(src);
    if (!match || /\s$/.test(match[1]!)) return undefined;
    // CommonMark's rule for an opening run, as markdown-it applies it: `+++x++` and `C++, i++` open nothing.
    const before = tokens.at(-1)?.raw.at(-1) ?? ' ';
    if (before === '+' || (PUNCTUATION.test(match[1]![0]!) && !/\s/.test(before) && !PUNCTUATION.test(before))) return undefined;
    return { type: 'insertedText', raw: match[0], tokens: this.lexer.inlineTokens(match[1]!) };
  },
  renderer(token) {
    return `<ins>${this.parser.parseInline((token as unknown as { tokens: Tokens.Generic[] }).tokens)}</ins>`;
  },
};
