import type { TokenizerAndRendererExtension, Tokens } from 'marked';
import { fencedDivExtension, fencedDivPattern } from './fenced-div.js';

// Quarto's column grid, `::: {layout-ncol=2}` … `:::`: each block inside (a
// figure, a paragraph, a list) is a cell, and the cells sit side by side in
// rows of that many, as Quarto lays them out.

/** A grid as the line rewriter leaves it (rewrite-line.ts): 2 to 4 columns. */
const GRID_BLOCK = fencedDivPattern('layout-ncol=([2-4])');
const GRID_OPENING = /^ {0,3}:{3,}[ \t]*\{layout-ncol=/;

/** The marked extension that lays a grid's blocks out in columns. `report` warns of one never closed. */
export function layoutGridExtension(report: (message: string) => void): TokenizerAndRendererExtension {
  return fencedDivExtension<{ columns: number; cells: Tokens.Generic[] }>(
    {
      name: 'layoutGrid',
      called: 'a layout-ncol div',
      opening: GRID_OPENING,
      block: GRID_BLOCK,
      read: (match, lexer) => ({ columns: Number(match[2]), cells: lexer.blockTokens(match[3]!, []).filter((token) => token.type !== 'space') }),
      render: ({ columns, cells }, parser) => `<div class="layout-grid layout-ncol-${columns}">${cells.map((cell) => `<div class="layout-cell">${parser.parse([cell])}</div>`).join('')}</div>\n`,
    },
    report,
  );
}
