import type { Parser, TokenizerAndRendererExtension, Tokens } from 'marked';
import { fencedDivExtension, fencedDivPattern } from './fenced-div.js';

// Quarto's column grid, `::: {layout-ncol=2}` … `:::`: each block inside (a
// figure, a paragraph, a list) is a cell, and the cells sit side by side in
// rows of that many, as Quarto lays them out. Its custom layout,
// `::: {layout="[1, 20]"}` (rows `[[1,1],[1]]`), gives each row's cells their
// shares of the width; a negative share is an empty cell, a gap.

/** A grid as the line rewriter leaves it (rewrite-line.ts): 2 to 4 columns, or rows of shares as JSON. */
const GRID_BLOCK = fencedDivPattern('(?:layout-ncol=([2-4])|layout=(\\[[\\[\\]0-9.,-]{1,400}\\]))');
const GRID_OPENING = /^ {0,3}:{3,}[ \t]*\{layout(?:-ncol)?=/;

/** The most rows, and cells a row, a custom layout may have. */
const MAX_ROWS = 8;
const MAX_CELLS = 8;

/**
 * Quarto's custom layout, `[1, 20]` or `[[1,1],[1]]`, as rows of shares (a negative one a gap); null for anything
 * else: other shapes, more than MAX_ROWS rows or MAX_CELLS a row, a share of 0 or one that is not a plain number.
 */
export function readLayoutRows(written: string): number[][] | null {
  let read: unknown;
  try {
    read = JSON.parse(written);
  } catch {
    return null;
  }
  if (!Array.isArray(read) || read.length === 0) return null;
  const rows = read.every((row) => typeof row === 'number') ? [read as number[]] : read;
  // A share is written as a plain decimal, as it is drawn (`20fr`): never 0, nor a number JavaScript writes with an exponent.
  const valid = (row: unknown): row is number[] => Array.isArray(row) && row.length > 0 && row.length <= MAX_CELLS && row.every((n) => typeof n === 'number' && n !== 0 && /^-?\d{1,4}(?:\.\d{1,4})?$/.test(String(n)));
  return rows.length <= MAX_ROWS && rows.every(valid) ? rows : null;
}

/** Blocks laid out as cells in rows of `columns` (2 to 4), side by side; a table's caption shares its table's cell. */
export function renderColumns(columns: number, blocks: readonly Tokens.Generic[], parser: Parser): string {
  return `<div class="layout-grid layout-ncol-${columns}">${groupCells(blocks).map((cell) => `<div class="layout-cell">${parser.parse(cell)}</div>`).join('')}</div>\n`;
}

/** Blocks laid out in rows of cells, each as wide as its share (a negative share a gap); a table's caption shares its table's cell. */
export function renderRows(rows: readonly number[][], blocks: readonly Tokens.Generic[], parser: Parser): string {
  const cells = groupCells(blocks);
  const cell = (tokens: Tokens.Generic[] | undefined) => `<div class="layout-cell">${tokens ? parser.parse(tokens) : ''}</div>`;
  // Each row takes its cells in order (a gap takes none); cells past the last row's are left in a row of their own.
  let next = 0;
  const drawn = rows.map((shares) => `<div class="layout-grid" style="grid-template-columns: ${shares.map((n) => `${Math.abs(n)}fr`).join(' ')}">${shares.map((n) => cell(n < 0 ? undefined : cells[next++])).join('')}</div>`);
  if (next < cells.length) drawn.push(`<div class="layout-grid layout-ncol-${Math.min(4, Math.max(2, cells.length - next))}">${cells.slice(next).map(cell).join('')}</div>`);
  return `${drawn.join('')}\n`;
}

/** The blocks of a grid as its cells: one block each, but a table's caption (Pandoc's `: Caption` line, under or over it) with its table. */
function groupCells(blocks: readonly Tokens.Generic[]): Tokens.Generic[][] {
  const cells: Tokens.Generic[][] = [];
  let captionFirst = false;
  for (const block of blocks) {
    const last = cells.at(-1);
    if (last && (captionFirst || (block.type === 'tableCaption' && /^(?:table|pandocTable)$/.test(last.at(-1)!.type)))) {
      last.push(block);
      captionFirst = false;
      continue;
    }
    cells.push([block]);
    captionFirst = block.type === 'tableCaption';
  }
  return cells;
}

/** The marked extension that lays a grid's blocks out in columns. `report` warns of one never closed. */
export function layoutGridExtension(report: (message: string, hint?: string) => void): TokenizerAndRendererExtension {
  return fencedDivExtension<{ columns: number; rows: number[][] | null; cells: Tokens.Generic[] }>(
    {
      name: 'layoutGrid',
      called: 'a layout-ncol div',
      opening: GRID_OPENING,
      block: GRID_BLOCK,
      read: (match, lexer) => ({ columns: Number(match[2] ?? 0), rows: match[3] ? (JSON.parse(match[3]) as number[][]) : null, cells: lexer.blockTokens(match[4]!, []).filter((token) => token.type !== 'space') }),
      render: ({ columns, rows, cells }, parser) => (rows ? renderRows(rows, cells, parser) : renderColumns(columns, cells, parser)),
    },
    report,
  );
}
