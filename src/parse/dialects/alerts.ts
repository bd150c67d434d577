import { Lexer, type MarkedOptions, type Token, type Tokens } from 'marked';

// GitHub's alerts (`> [!NOTE]`) and Obsidian's callouts (`> [!warning] Title`, folded with `+` or `-`): a block
// quote whose first line names a kind. Each is drawn as the callout box Quarto's `::: {.callout-note}` makes
// (pandoc/callouts.ts), its title the one written or its kind's name; never the marker as text.

/** Each kind Obsidian and GitHub name, as the nearest of the five boxes the deck draws. */
const KINDS: Record<string, string> = {
  note: 'note', info: 'note', todo: 'note', abstract: 'note', summary: 'note', tldr: 'note', example: 'note', quote: 'note', cite: 'note', question: 'note', help: 'note', faq: 'note',
  tip: 'tip', hint: 'tip', success: 'tip', check: 'tip', done: 'tip',
  important: 'important',
  warning: 'warning', attention: 'warning',
  caution: 'caution', danger: 'caution', error: 'caution', failure: 'caution', fail: 'caution', missing: 'caution', bug: 'caution',
};

/** The marker line: `[!kind]`, a fold sign, and an optional title. */
const MARKER = /^\[!([A-Za-z]+)\]([+-]?)[ \t]*([^\n]*)(?:\n|$)/;

/**
 * Draws a block quote that is an alert as a callout box, or returns null for any other block quote. Its title
 * and the rest of its first paragraph are read with the deck's own Markdown rules (`options`); `render`
 * draws block tokens and `renderInline` inline ones, as the deck's renderer does.
 */
export function renderAlert(quote: Tokens.Blockquote, options: MarkedOptions, render: (tokens: Token[]) => string, renderInline: (tokens: Token[]) => string): string | null {
  const [first, ...rest] = quote.tokens;
  if (first?.type !== 'paragraph') return null;
  const marker = MARKER.exec((first as Tokens.Paragraph).text);
  if (!marker) return null;
  const written = marker[1]!.toLowerCase();
  const kind = KINDS[written] ?? 'note';
  const title = marker[3]!.trim() || written[0]!.toUpperCase() + written.slice(1);
  const opening = (first as Tokens.Paragraph).text.slice(marker[0].length);
  const body = [...(opening.trim() ? Lexer.lex(opening, options) : []), ...rest];
  return `<div class="callout callout-${kind}"><p class="callout-title">${renderInline(Lexer.lexInline(title, options))}</p>${render(body)}</div>\n`;
}
