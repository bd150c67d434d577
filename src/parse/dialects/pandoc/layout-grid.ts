import type { TokenizerAndRendererExtension, Tokens } from 'marked';
import { fencedDivPattern, matchFencedDiv, unclosedDiv } from './fenced-div.js';

// Quarto's column grid, `::: {layout-ncol=2}` … `:::`: each block inside (a
// figure, a paragraph, a list) is a cell, and the cells sit side by side in
// rows of that many, as Quarto lays them out.

/** A grid as the line rewriter leaves it (rewrite-line.ts): 2 to 4 columns. */
const GRID_BLOCK = fencedDivPattern('layout-ncol=([2-4])');
const GRID_OPENING = /^ {0,3}:{3,}[ \t]*\{layout-ncol=/;

/** The marked extension that lays a grid's blocks out in columns. `report` warns of one never closed. */
export function layoutGridExtension(report: (message: string) => void): TokenizerAndRendererExtension {
  return {
    name: 'layoutGrid',
    level: 'block',
    tokenizer(src: string) {
      if (!GRID_OPENING.test(src)) return undefined;
      const match = matchFencedDiv(this.lexer, src, GRID_BLOCK);
      if (match === 'unclosed') return unclosedDiv('layoutGrid', src);
      const cells = this.lexer.blockTokens(match[3]!, []).filter((token) => token.type !== 'space');
      return { type: 'layoutGrid', raw: match[0], columns: Number(match[2]), cells };
    },
    renderer(token) {
      if ((token as { unclosed?: boolean }).unclosed) {
        report('a layout-ncol div that is never closed (no ::: line after it) is shown as plain content');
        return '';
      }
      const { columns, cells } = token as unknown as { columns: number; cells: Tokens.Generic[] };
      return `<div class="layout-grid layout-ncol-${columns}">${cells.map((cell) => `<div class="layout-cell">${this.parser.parse([cell])}</div>`).join('')}</div>\n`;
    },
  };
}
