// Draws a chart to SVG at build time with Vega-Lite compiled to Vega, headless:
// no browser, no canvas, no network, no generated code (the expression
// interpreter stands in for Vega's `new Function`). Loaded only when a deck
// has a chart, so decks without one never pay for Vega.
import { loadHtmlParser } from '../parse/load-html-parser.js';
import type { DiagnosticBag } from '../errors.js';
import type { ChartRef } from '../model.js';
import { locateChartProblem, readCheckedChart, type ChartTable } from './chart-data.js';
import { describeChart, renderDataTable } from './describe-chart.js';
import { escapeHtml } from '../html-text.js';

/**
 * Stand-in colours the theme's CSS replaces (see `.chart` in layout.css):
 * the SVG names a role, the deck's theme decides its colour, so one drawing
 * holds in every theme and in a briefing's own CSS.
 */
export const CHART_COLORS = {
  text: '#0bd0f0',
  axis: '#0bd0f1',
  grid: '#0bd0f2',
  muted: '#0bd000',
  series: ['#0bd001', '#0bd002', '#0bd003', '#0bd004', '#0bd005', '#0bd006'],
} as const;

/** Drawing size in CSS pixels: the content width of a 1280×720 slide, so 20 px labels stay 20 px. */
const WIDTH = 1040;
const HEIGHT = 400;

/** SVG elements a drawn chart may contain; anything else means the spec asked for more than a picture. */
const SVG_ELEMENTS = new Set(['svg', 'g', 'path', 'rect', 'line', 'text', 'tspan', 'title', 'desc', 'defs', 'clippath', 'circle', 'ellipse', 'polygon', 'polyline']);

type VegaModules = typeof import('./vega-modules.js');
let modules: Promise<VegaModules> | undefined;

/** A deck's charts as figures for its slides, and the drawings made this time, by chart index, for the build cache. */
export interface DrawnCharts {
  figures: string[];
  drawn: [number, string][];
}

/**
 * Draws every chart of a deck; problems go to the bag at each block's line, and a chart that fails is left out.
 * `drawnBefore` holds drawings an earlier build made of the same charts (chart-cache.ts): those are not drawn again,
 * and Vega is not loaded unless a chart needs it. A stored drawing that is not a picture only is drawn afresh.
 */
export async function drawCharts(charts: readonly ChartRef[], dataTexts: ReadonlyMap<number, string>, bag: DiagnosticBag, drawnBefore: ReadonlyMap<number, string> = new Map()): Promise<DrawnCharts> {
  const figures: string[] = [];
  const drawn: [number, string][] = [];
  for (const [index, chart] of charts.entries()) {
    const fail = (message: string, hint: string, at: { file: string; line: number } = chart.source) => {
      bag.error('E_CHART', message, { ...at, hint });
      figures.push('');
    };
    const checked = readCheckedChart(chart, dataTexts.get(index));
    if ('problem' in checked) {
      fail(checked.problem, checked.hint, locateChartProblem(chart, checked));
      continue;
    }
    const { table, fields } = checked;
    const description = describeChart(chart, table, fields);
    const before = drawnBefore.get(index);
    if (before !== undefined) {
      try {
        figures.push(wrapChart(index, chart, before, description, table));
        continue;
      } catch {
        // Not a picture only: drawn again below, as if never stored.
      }
    }
    const spec = fields ? buildSpec(chart, table, fields) : { ...chart.vegaLite, data: { values: table.rows } };
    try {
      const svg = await renderSvg(await loadVega(), spec);
      figures.push(wrapChart(index, chart, svg, description, table));
      drawn.push([index, svg]);
    } catch (err) {
      fail(`the chart could not be drawn: ${(err as Error).message.split('\n')[0]}`, chart.vegaLite ? 'check the Vega-Lite spec against vega.github.io/vega-lite/docs' : 'check type:, x:, y: and the data');
    }
  }
  return { figures, drawn };
}

/** Vega and Vega-Lite, loaded on the first chart that has to be drawn. */
function loadVega(): Promise<VegaModules> {
  // In the built sandbox the code runs as CommonJS in a vm.Script, which reaches the ES module through its loader.
  const viaLoader = (globalThis as { briefdeckImportVega?: () => Promise<VegaModules> }).briefdeckImportVega;
  modules ??= viaLoader ? viaLoader() : import('./vega-modules.js');
  return modules;
}

/** The Vega-Lite spec for one of the built-in chart types. */
function buildSpec(chart: ChartRef, table: ChartTable, fields: { x: string; y: string; series?: string }): Record<string, unknown> {
  const { x, y, series } = fields;
  const valueTitle = chart.unit ? `${y} (${chart.unit})` : y;
  const order = chart.sort === 'ascending' ? 'y' : chart.sort === 'descending' ? '-y' : null;
  const categoryOrder = (axis: 'x' | 'y') => (order === null ? null : order.replace('y', axis === 'x' ? 'y' : 'x'));
  // The slide's heading names the chart; `title:` labels the drawing for screen readers, and is not drawn twice.
  // One category in the accent colour and the rest muted is how a briefing chart makes its point.
  const fill = chart.highlight !== undefined
    ? { condition: { test: { field: x, equal: table.numeric.has(x) ? Number(chart.highlight) : chart.highlight }, value: CHART_COLORS.series[0] }, value: CHART_COLORS.muted }
    : series
      ? { field: series, type: 'nominal', title: series }
      : undefined;
  const base = { data: { values: table.rows } };
  const xIsNumber = table.numeric.has(x);
  switch (chart.type) {
    // Columns and bars of several series stand side by side in each category, as a grouped chart draws them (stacked-column and stacked-bar stack them).
    case 'column':
      return { ...base, mark: { type: 'bar', color: CHART_COLORS.series[0] }, encoding: { x: { field: x, type: 'nominal', sort: categoryOrder('x'), axis: { labelAngle: 0 } }, y: { field: y, type: 'quantitative', title: valueTitle }, ...(fill ? { color: fill } : {}), ...(series ? { xOffset: { field: series } } : {}) } };
    case 'bar':
      return { ...base, mark: { type: 'bar', color: CHART_COLORS.series[0] }, encoding: { y: { field: x, type: 'nominal', sort: categoryOrder('y') }, x: { field: y, type: 'quantitative', title: valueTitle }, ...(fill ? { color: fill } : {}), ...(series ? { yOffset: { field: series } } : {}) } };
    case 'stacked-bar':
      return { ...base, mark: 'bar', encoding: { y: { field: x, type: 'nominal', sort: categoryOrder('y') }, x: { field: y, type: 'quantitative', title: valueTitle, stack: 'zero' }, color: series ? { field: series, type: 'nominal', title: series } : { value: CHART_COLORS.series[0] } } };
    case 'stacked-column':
      return { ...base, mark: 'bar', encoding: { x: { field: x, type: 'nominal', sort: categoryOrder('x'), axis: { labelAngle: 0 } }, y: { field: y, type: 'quantitative', title: valueTitle, stack: 'zero' }, color: series ? { field: series, type: 'nominal', title: series } : { value: CHART_COLORS.series[0] } } };
    case 'line':
    case 'area':
      return {
        ...base,
        mark: chart.type === 'line' ? { type: 'line', point: true, strokeWidth: 4, color: CHART_COLORS.series[0] } : { type: 'area', line: true, color: CHART_COLORS.series[0] },
        encoding: { x: { field: x, type: xIsNumber ? 'quantitative' : 'ordinal', sort: null, axis: { labelAngle: 0 } }, y: { field: y, type: 'quantitative', title: valueTitle }, ...(series ? { color: { field: series, type: 'nominal', title: series } } : {}) },
      };
    case 'pie':
      return { ...base, mark: { type: 'arc', stroke: CHART_COLORS.axis, strokeWidth: 1 }, encoding: { theta: { field: y, type: 'quantitative', stack: true }, color: chart.highlight !== undefined ? fill : { field: x, type: 'nominal', title: x, sort: null } } };
    case 'scatter':
      return { ...base, mark: { type: 'point', filled: true, size: 160, color: CHART_COLORS.series[0] }, encoding: { x: { field: x, type: 'quantitative' }, y: { field: y, type: 'quantitative', title: valueTitle }, ...(series ? { color: { field: series, type: 'nominal', title: series } } : {}) } };
    default:
      throw new Error(`no drawing for chart type ${String(chart.type)}`);
  }
}

/** Compiles Vega-Lite to Vega and renders it to an SVG string, with every loader refused. */
async function renderSvg({ vega, vegaLite, expressionInterpreter }: VegaModules, spec: Record<string, unknown>): Promise<string> {
  const text = CHART_COLORS.text;
  const config = {
    font: 'sans-serif',
    background: 'transparent',
    aria: false,
    view: { stroke: null },
    scale: { bandPaddingInner: 0.3 },
    // Marks a Vega-Lite spec leaves uncoloured take the accent, like the built-in types.
    mark: { color: CHART_COLORS.series[0] },
    range: { category: [...CHART_COLORS.series] },
    axis: { labelFontSize: 20, titleFontSize: 20, titleFontWeight: 'normal', labelColor: text, titleColor: text, domainColor: CHART_COLORS.axis, tickColor: CHART_COLORS.axis, gridColor: CHART_COLORS.grid, labelLimit: 280 },
    legend: { labelFontSize: 20, titleFontSize: 20, titleFontWeight: 'normal', labelColor: text, titleColor: text, orient: 'bottom', symbolSize: 200 },
    title: { fontSize: 24, fontWeight: 'normal', color: text, anchor: 'start' },
    text: { fontSize: 20, color: text },
  };
  // Charts of one shape (type, fields, options) share their compiled spec: only the rows differ, and they are fed in by name.
  const rows = (spec.data as { values?: unknown[] } | undefined)?.values;
  const shape = { width: WIDTH, height: HEIGHT, autosize: { type: 'fit', contains: 'padding' }, ...spec, data: { name: ROWS }, config: { ...config, ...((spec.config as object | undefined) ?? {}) } };
  const key = JSON.stringify(shape);
  let runtime = compiledShapes.get(key);
  if (!runtime) {
    runtime = vega.parse(vegaLite.compile(shape as never).spec, undefined, { ast: true });
    if (compiledShapes.size >= 64) compiledShapes.delete(compiledShapes.keys().next().value!);
    compiledShapes.set(key, runtime);
  }
  const refuse = () => Promise.reject(new Error('a chart may not load anything'));
  const view = new vega.View(runtime, {
    renderer: 'none',
    expr: expressionInterpreter,
    loader: { load: refuse, sanitize: refuse, http: refuse, file: refuse } as never,
  });
  try {
    view.data(ROWS, (rows ?? []) as never);
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The data set every chart's rows go into. */
const ROWS = 'briefdeck_rows';
/** Parsed Vega runtimes by chart shape, kept while the worker lives (the dev server redraws the same charts on every save). */
const compiledShapes = new Map<string, ReturnType<VegaModules['vega']['parse']>>();

/** The accessible figure: the SVG as one image with a title and a description, a table for screen readers, and the caption. */
function wrapChart(index: number, chart: ChartRef, svg: string, description: string, table: ChartTable): string {
  assertPictureOnly(svg);
  const id = `briefdeck-chart-${index}`;
  const label = chart.title ?? chart.caption ?? description.split(':')[0]!;
  // The figure's SVG is one image, named by its title and description, with the data in the table. Vega still calls
  // each group of marks a graphics symbol, a role that asks for a name of its own, which no mark has: those roles go.
  const picture = svg.replace(/\s(?:role="graphics-[^"]*"|aria-roledescription="[^"]*")/g, '');
  const opened = picture.replace(/^<svg\b([^>]*)>/, (_, attrs: string) => {
    const kept = attrs.replace(/\s(?:role|aria-[\w-]+|class)="[^"]*"/g, '');
    return `<svg${kept} class="chart-drawing" role="img" aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${escapeHtml(label)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>`;
  });
  const caption = chart.caption ? `<figcaption>${escapeHtml(chart.caption)}</figcaption>` : '';
  return `<figure class="chart chart-${chart.type ?? 'vega-lite'}">${opened}${renderDataTable(chart, table)}${caption}</figure>`;
}

/** Refuses SVG that carries anything but shapes and text: no script, no foreign content, no links, no handlers, no outside references. */
function assertPictureOnly(svg: string): void {
  const visit = (node: { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: unknown[] }) => {
    if (node.tagName !== undefined) {
      if (!SVG_ELEMENTS.has(node.tagName.toLowerCase())) throw new Error(`the drawing holds a <${node.tagName}> element`);
      for (const attr of node.attrs ?? []) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on') || name.endsWith('href') || name === 'style' || (/url\(/i.test(attr.value) && !/^url\(#[\w-]+\)$/.test(attr.value.trim()))) {
          throw new Error(`the drawing carries a ${name} attribute`);
        }
      }
    }
    for (const child of (node.childNodes ?? []) as (typeof node)[]) visit(child);
  };
  visit(loadHtmlParser().parseFragment(svg) as never);
}
