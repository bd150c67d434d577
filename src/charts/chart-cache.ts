// Charts drawn before are read back from the build cache: a deck whose charts did not change
// never loads Vega, which is most of what a chart costs a one-off build (about 170 ms of the
// default briefing's build here). The drawing itself stays in the sandbox worker, which touches
// no files; this module, on the main thread, reads what the worker may reuse and stores what it drew.
import { statSync } from 'node:fs';
import path from 'node:path';
import { readCached, writeCached } from '../build-cache.js';
import type { ChartRef } from '../model.js';
import { CACHE_DIR, PACKAGE_ROOT } from '../package-root.js';

/** One chart's drawing, as Vega rendered it: the SVG before the deck's figure is made around it. */
interface StoredDrawing {
  svg: string;
}

let identity: string | undefined;

/**
 * What every drawing depends on besides its own block: the code that draws, which is the two bundles the worker
 * runs (Vega and Vega-Lite are bundled into vega-modules.cjs, and are no dependency an installed briefdeck could
 * ask for a version), named by size and time as their code caches are.
 */
function drawingIdentity(): string {
  if (identity === undefined) {
    const bundles = ['sandbox-core.cjs', 'vega-modules.cjs'].map((name) => {
      try {
        const { size, mtimeMs } = statSync(path.join(PACKAGE_ROOT, 'lib', name));
        return `${name}:${size}:${mtimeMs}`;
      } catch {
        return `${name}:missing`;
      }
    });
    identity = bundles.join('\0');
  }
  return identity;
}

/** A chart's cache inputs: the drawing's identity, the block as parsed (where it and its rows stand aside) and its data file's text. */
function chartInputs(chart: ChartRef, dataText: string | undefined): string[] {
  // Where the block, its rows and its data file stand serves only messages: moving the block, or building from another folder, draws nothing new.
  const { source: _where, rowLines: _rows, dataFile, ...block } = chart;
  const data = dataFile ? { src: dataFile.src, relPath: dataFile.relPath } : undefined;
  return [drawingIdentity(), JSON.stringify({ ...block, ...(data ? { dataFile: data } : {}) }), dataText ?? ''];
}

/** The drawings stored for a deck's charts, by chart index; a chart drawn for no earlier build is absent. */
export function readDrawnCharts(charts: readonly ChartRef[], dataTexts: ReadonlyMap<number, string>, dir = CACHE_DIR): [number, string][] {
  const found: [number, string][] = [];
  charts.forEach((chart, index) => {
    const stored = readCached<StoredDrawing>('chart', chartInputs(chart, dataTexts.get(index)), dir);
    if (typeof stored?.svg === 'string') found.push([index, stored.svg]);
  });
  return found;
}

/** Stores the drawings the worker made this build, by chart index, for the next build of the same charts. */
export function storeDrawnCharts(charts: readonly ChartRef[], dataTexts: ReadonlyMap<number, string>, drawn: readonly [number, string][], dir = CACHE_DIR): void {
  for (const [index, svg] of drawn) {
    const chart = charts[index];
    if (chart) writeCached('chart', chartInputs(chart, dataTexts.get(index)), { svg } satisfies StoredDrawing, dir);
  }
}
