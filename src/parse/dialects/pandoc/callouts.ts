import type { TokenizerAndRendererExtension, Tokens } from 'marked';
import { fencedDivExtension, fencedDivPattern } from './fenced-div.js';

// Quarto's callouts (`::: {.callout-note}` … `:::`), drawn as boxes.

/** Quarto's callouts, by kind, and the title each shows when the callout names none. */
export const CALLOUT_TITLES: Record<string, string> = { note: 'Note', tip: 'Tip', warning: 'Warning', caution: 'Caution', important: 'Important' };
const CALLOUT_KINDS = Object.keys(CALLOUT_TITLES).join('|');
export const CALLOUT = new RegExp(`^callout-(${CALLOUT_KINDS})$`);
/** A callout as the line rewriter leaves it: its opening fence with its attributes, its content, and a closing `:::`. */
const CALLOUT_BLOCK = fencedDivPattern(`[ \\t]*\\.callout-(${CALLOUT_KINDS})\\b([^}\\n]*)`);
const CALLOUT_OPENING = /^ {0,3}:{3,}[ \t]*\{[ \t]*\.callout-/;

/**
 * The marked extension that draws a callout: a box with a title (its first heading, its `title=`, or its kind's, which
 * `titleOf` gives; none for `appearance="minimal"`) over its content. `report` warns of one never closed.
 */
export function calloutExtension(report: (message: string, hint?: string) => void, titleOf: (kind: string) => string = (kind) => CALLOUT_TITLES[kind]!): TokenizerAndRendererExtension {
  return fencedDivExtension<{ kind: string; title: Tokens.Generic[] | null; body: Tokens.Generic[] }>(
    {
      name: 'callout',
      called: 'a callout',
      opening: CALLOUT_OPENING,
      block: CALLOUT_BLOCK,
      read(match, lexer) {
        const body = lexer.blockTokens(match[4]!, []);
        const named = /(?:^|\s)title=(?:"([^"]*)"|'([^']*)')/.exec(match[3]!);
        const heading = body[0]?.type === 'heading' ? (body.shift() as Tokens.Heading).tokens : null;
        // Quarto's `appearance="minimal"` draws the box without a title, unless one is written.
        const minimal = /(?:^|\s)appearance=["']?minimal\b/.test(match[3]!);
        const title = heading ?? (named ? lexer.inline(named[1] ?? named[2]!) : minimal ? null : lexer.inline(titleOf(match[2]!)));
        return { kind: match[2]!, title, body };
      },
      render: ({ kind, title, body }, parser) => `<div class="callout callout-${kind}">${title ? `<p class="callout-title">${parser.parseInline(title)}</p>` : ''}${parser.parse(body)}</div>\n`,
    },
    report,
  );
}
