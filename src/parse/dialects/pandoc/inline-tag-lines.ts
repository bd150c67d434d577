// A line that holds only an inline HTML tag (`<small>`, `</span>`) opens an HTML block in CommonMark, which marked
// follows: its Markdown, up to the next blank line, is shown as written (`(photo by [Ann](https://…))`). Pandoc reads
// such a tag as inline HTML in a paragraph, and the Markdown beside it as Markdown; a deck Pandoc reads is read so.
import type { TokenizerObject } from 'marked';
import { BLOCK_RULE_PRECHECKS } from '../../block-rule-prechecks.js';

/** Tags Pandoc reads only inline: alone on a line, they start a paragraph, never an HTML block. */
const INLINE_TAG_LINE = /^ {0,3}<\/?(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|font|i|kbd|label|mark|q|s|samp|small|span|strike|strong|sub|sup|time|tt|u|var)(?:[ \t\n][^<>]*)?>[ \t]*(?:\n|$)/i;

/** marked's HTML block rule for a deck: in one Pandoc reads (`pandocDeck`), a line of an inline tag alone opens a paragraph. */
export function readHtmlBlocks(pandocDeck: () => boolean): TokenizerObject['html'] {
  const precheck = BLOCK_RULE_PRECHECKS.html!;
  return function html(this: unknown, src: string) {
    if (pandocDeck() && INLINE_TAG_LINE.test(src)) return undefined;
    return precheck.call(this as never, src);
  };
}
