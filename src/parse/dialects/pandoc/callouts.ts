import type { TokenizerAndRendererExtension, Tokens } from 'marked';
import { fencedDivPattern, matchFencedDiv, unclosedDiv } from './fenced-div.js';

// Quarto's callouts (`::: {.callout-note}` … `:::`), drawn as boxes.

/** Quarto's callouts, by kind, and the title each shows when the callout names none. */
const CALLOUT_TITLES: Record<string, string> = { note: 'Note', tip: 'Tip', warning: 'Warning', caution: 'Caution', important: 'Important' };
const CALLOUT_KINDS = Object.keys(CALLOUT_TITLES).join('|');
export const CALLOUT = new RegExp(`^callout-(${CALLOUT_KINDS})$`);
/** A callout as the line rewriter leaves it: its opening fence with its attributes, its content, and a closing `:::`. */
const CALLOUT_BLOCK = fencedDivPattern(`[ \\t]*\\.callout-(${CALLOUT_KINDS})\\b([^}\\n]*)`);
const CALLOUT_OPENING = /^ {0,3}:{3,}[ \t]*\{[ \t]*\.callout-/;

/** The marked extension that draws a callout: a box with a title (its first heading, its `title=`, or its kind) over its content. `report` warns of one never closed. */
export function calloutExtension(report: (message: string) => void): TokenizerAndRendererExtension {
  return {
    name: 'callout',
    level: 'block',
    tokenizer(src: string) {
      if (!CALLOUT_OPENING.test(src)) return undefined;
      const match = matchFencedDiv(this.lexer, src, CALLOUT_BLOCK);
      if (match === 'unclosed') return unclosedDiv('callout', src);
      const body = this.lexer.blockTokens(match[4]!, []);
      const first = body[0];
      const named = /(?:^|\s)title=(?:"([^"]*)"|'([^']*)')/.exec(match[3]!);
      const heading = first?.type === 'heading' ? (body.shift() as Tokens.Heading).tokens : null;
      const title = heading ?? this.lexer.inline(named ? (named[1] ?? named[2]!) : CALLOUT_TITLES[match[2]!]!);
      return { type: 'callout', raw: match[0], kind: match[2]!, title, body };
    },
    renderer(token) {
      if ((token as { unclosed?: boolean }).unclosed) {
        report('a callout that is never closed (no ::: line after it) is shown as plain content');
        return '';
      }
      const { kind, title, body } = token as unknown as { kind: string; title: Tokens.Generic[]; body: Tokens.Generic[] };
      return `<div class="callout callout-${kind}"><p class="callout-title">${this.parser.parseInline(title)}</p>${this.parser.parse(body)}</div>\n`;
    },
  };
}
