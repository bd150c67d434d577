// Quarto's cross-reference divs: a figure or a table made of whatever the div holds (`::: {#fig-plot}` around a
// diagram, a picture, or several), its last paragraph the caption, numbered by cross-refs.ts. The figures (tables)
// labelled inside it are its parts, captioned (a), (b) where render-image.ts (tables.ts) writes their captions;
// `layout-ncol=` and `layout=` lay its blocks side by side, as a column grid does (layout-grid.ts).
import type { TokenizerAndRendererExtension, Tokens } from 'marked';
import { fencedDivExtension, fencedDivPattern } from './fenced-div.js';
import { readAttributes } from './attributes.js';
import { readLayoutRows, renderColumns, renderRows } from './layout-grid.js';
import { captionPrefix, type CrossRefs } from './cross-refs.js';

/** A figure's or table's label as a div's id: `fig-…`, `tbl-…` (or pandoc-crossref's `fig:…`). */
const LABEL = /^(?:fig|tbl)[-:]/;

/** Whether a div's attributes make it a figure or table of Quarto's (its id a figure's or table's label). */
export function isCrossRefDiv(attributes: { id: string | null } | null): boolean {
  return attributes?.id != null && LABEL.test(attributes.id);
}

/** Whether a block is the div's caption: a paragraph of text, not a picture alone. */
function isCaption(token: Tokens.Generic | undefined): token is Tokens.Paragraph {
  if (token?.type !== 'paragraph') return false;
  const inline = (token as Tokens.Paragraph).tokens.filter((t) => !(t.type === 'text' && t.raw.trim() === ''));
  return !(inline.length === 1 && inline[0]!.type === 'image');
}

/** How the div lays its blocks out: `layout-ncol=` columns (2 to 4), `layout=` rows of shares, or null for one under another. */
function readLayout(attributes: ReturnType<typeof readAttributes>): number | number[][] | null {
  const value = (key: string) => attributes?.pairs.find(([k]) => k === key)?.[1];
  const columns = Number(value('layout-ncol'));
  if (columns >= 2 && columns <= 4) return columns;
  const rows = value('layout');
  return rows === undefined ? null : readLayoutRows(rows);
}

/** The marked extension for figure and table divs, as the line rewriter keeps them; `report` warns of one never closed. */
export function crossRefDivExtension(crossRefs: CrossRefs, report: (message: string, hint?: string) => void): TokenizerAndRendererExtension {
  return fencedDivExtension(
    {
      name: 'quarto-cross-ref-div',
      called: 'a figure or table div',
      opening: /^ {0,3}:{3,}[ \t]*\{[ \t]*#(?:fig|tbl)[-:]/,
      block: fencedDivPattern('([ \\t]*#(?:fig|tbl)[-:][^}\\n]*)'),
      read: (match, lexer) => ({
        label: /#((?:fig|tbl)[-:][\w:-]*)/.exec(match[2]!)![1]!,
        attributes: readAttributes(match[2]!.trim()),
        blocks: lexer.blockTokens(match[3]!, []).filter((token) => token.type !== 'space'),
      }),
      render: ({ label, attributes, blocks }, parser) => {
        const last = blocks.at(-1);
        const caption = blocks.length > 1 && isCaption(last) ? captionPrefix(label, crossRefs) + parser.parseInline(last.tokens) : undefined;
        const content = caption === undefined ? blocks : blocks.slice(0, -1);
        const layout = readLayout(attributes);
        const drawn = content.length < 2 || layout === null ? parser.parse(content) : typeof layout === 'number' ? renderColumns(layout, content, parser) : renderRows(layout, content, parser);
        if (caption === undefined) return drawn;
        // Quarto sets a table's caption above it, and a figure's below.
        return label.startsWith('tbl') ? `<p class="table-caption">${caption}</p>\n${drawn}` : `${drawn}<p><span class="figure-caption">${caption}</span></p>\n`;
      },
    },
    report,
  );
}
