// Charts as native, editable PowerPoint charts, drawn from the same data and
// checks as the deck's SVG charts. A Vega-Lite spec has no native equivalent,
// so it becomes a native table of its data.
import type * as Pptx from 'pptxgenjs';

type PptxGenJS = Pptx.default;
import { locateChartProblem, readCheckedChart, type ChartTable, type CheckedChart } from '../charts/chart-data.js';
import type { DiagnosticBag } from '../errors.js';
import { describeChart } from '../charts/describe-chart.js';
import type { ChartRef } from '../model.js';
import type { ThemePalette } from './theme-palette.js';

/** Where a chart goes on the slide, in inches. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Categories from the top down: pptxgenjs writes the value straight into <c:orientation>, though its types list only 'minMax'. */
const TOP_DOWN = { catAxisOrientation: 'maxMin' } as unknown as Pptx.default.IChartOpts;

/**
 * Reads and checks every chart's data once, before any slide is placed; a
 * chart that cannot be drawn is reported with the same E_CHART error and line
 * as `build`. Returns the checked charts by index, for placing.
 */
export function checkChartsForExport(charts: readonly ChartRef[], chartData: ReadonlyMap<number, string>, bag: DiagnosticBag): Map<number, CheckedChart> {
  const checked = new Map<number, CheckedChart>();
  charts.forEach((chart, index) => {
    const result = readCheckedChart(chart, chartData.get(index));
    if ('problem' in result) bag.error('E_CHART', result.problem, { ...locateChartProblem(chart, result), hint: result.hint });
    else checked.set(index, result);
  });
  return checked;
}

/** Adds one chart to the slide as a native chart (or, for a Vega-Lite spec, a native table of its data); returns the height it took, in inches. */
export function addNativeChart(pptx: PptxGenJS, slide: Pptx.default.Slide, chart: ChartRef, checked: CheckedChart, box: Box, palette: ThemePalette): number {
  const { table, fields } = checked;
  if (!fields || !chart.type) {
    addDataTable(slide, table, box, palette);
    return Math.min(box.h, (table.rows.length + 1) * 0.4);
  }
  const { x, y, series } = fields;
  const labels = (rows: typeof table.rows) => rows.map((row) => String(row[x]));
  const values = (rows: typeof table.rows) => rows.map((row) => Number(row[y]));
  const muted = mix(palette.text, palette.background, 0.3);
  const colors = [palette.accent, mix(palette.text, palette.background, 0.72), mix(palette.accent, palette.background, 0.55), mix(palette.text, palette.background, 0.45), mix(palette.accent, palette.text, 0.6), mix(palette.text, palette.background, 0.28)];
  let data: { name: string; labels: string[]; values: number[] }[];
  if (series) {
    const categories = [...new Set(labels(table.rows))];
    const names = [...new Set(table.rows.map((row) => String(row[series])))];
    data = names.map((name) => ({
      name,
      labels: categories,
      values: categories.map((category) => Number(table.rows.find((row) => String(row[x]) === category && String(row[series]) === name)?.[y] ?? 0)),
    }));
  } else {
    const rows = chart.sort ? [...table.rows].sort((a, b) => (Number(a[y]) - Number(b[y])) * (chart.sort === 'ascending' ? 1 : -1)) : table.rows;
    data = [{ name: chart.unit ? `${y} (${chart.unit})` : y, labels: labels(rows), values: values(rows) }];
  }
  const common: Pptx.default.IChartOpts = {
    ...box,
    altText: describeChart(chart, table, fields),
    chartColors: colors,
    catAxisLabelColor: palette.text,
    valAxisLabelColor: palette.text,
    catAxisLabelFontFace: palette.bodyFont,
    valAxisLabelFontFace: palette.bodyFont,
    catAxisLabelFontSize: 14,
    valAxisLabelFontSize: 14,
    valGridLine: { color: mix(palette.text, palette.background, 0.15), size: 1 },
    showLegend: Boolean(series) || chart.type === 'pie',
    legendPos: 'b',
    legendColor: palette.text,
    legendFontFace: palette.bodyFont,
    legendFontSize: 14,
  };
  const type = pptx.ChartType;
  switch (chart.type) {
    case 'column':
    case 'bar': {
      const barDir = chart.type === 'column' ? 'col' : 'bar';
      if (chart.highlight !== undefined && !series) {
        // One category in the accent and the rest muted: two stacked series, each zero where the other is drawn.
        const one = data[0]!;
        const hit = (label: string) => label === chart.highlight;
        const split = [
          { name: chart.highlight, labels: one.labels, values: one.values.map((v, i) => (hit(one.labels[i]!) ? v : 0)) },
          { name: one.name, labels: one.labels, values: one.values.map((v, i) => (hit(one.labels[i]!) ? 0 : v)) },
        ];
        slide.addChart(type.bar, split, { ...common, barDir, barGrouping: 'stacked', chartColors: [palette.accent, muted], showLegend: false });
      } else {
        // One series in one colour (PowerPoint would otherwise vary it by category); horizontal bars read top down, like the deck.
        slide.addChart(type.bar, data, { ...common, barDir, ...(series ? {} : { chartColors: [palette.accent] }), ...(barDir === 'bar' ? TOP_DOWN : {}) });
      }
      break;
    }
    case 'stacked-bar':
      slide.addChart(type.bar, data, { ...common, barDir: 'bar', barGrouping: 'stacked', ...TOP_DOWN });
      break;
    case 'stacked-column':
      slide.addChart(type.bar, data, { ...common, barDir: 'col', barGrouping: 'stacked' });
      break;
    case 'line':
      slide.addChart(type.line, data, { ...common, lineSize: 3, lineDataSymbolSize: 8 });
      break;
    case 'area':
      slide.addChart(type.area, data, { ...common, barGrouping: series ? 'stacked' : 'standard' });
      break;
    case 'pie':
      slide.addChart(type.pie, data, { ...common, showPercent: true, dataLabelColor: palette.background });
      break;
    case 'scatter':
      slide.addChart(type.scatter, [{ name: x, values: table.rows.map((row) => Number(row[x])) }, { name: y, values: values(table.rows) }], { ...common, lineSize: 0, lineDataSymbolSize: 10 });
      break;
  }
  return box.h;
}

/** The chart's data as a native table, for charts PowerPoint cannot draw natively. */
function addDataTable(slide: Pptx.default.Slide, table: ChartTable, box: Box, palette: ThemePalette): void {
  const header = table.fields.map((f) => ({ text: f, options: { bold: true, color: palette.background, fill: { color: palette.accent } } }));
  const rows = table.rows.map((row) => table.fields.map((f) => ({ text: String(row[f]) })));
  slide.addTable([header, ...rows], { x: box.x, y: box.y, w: box.w, fontSize: 14, fontFace: palette.bodyFont, color: palette.text, border: { type: 'solid', pt: 1, color: mix(palette.text, palette.background, 0.3) } });
}

/** `a` mixed into `b`: `share` of a, the rest b, as six hex digits. */
export function mix(a: string, b: string, share: number): string {
  const channel = (hex: string, i: number) => Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return [0, 1, 2]
    .map((i) => Math.round(channel(a, i) * share + channel(b, i) * (1 - share)).toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}
