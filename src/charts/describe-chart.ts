// What a screen reader gets for a chart: one sentence generated from the data
// (the SVG's <desc>), and the data itself as a visually hidden table.
import { escapeHtml } from '../html-text.js';
import type { ChartRef, ChartRow } from '../model.js';
import type { ChartTable } from './chart-data.js';
import { countNoun } from '../count-noun.js';

const TYPE_NAMES: Record<string, string> = {
  bar: 'Bar chart',
  column: 'Column chart',
  line: 'Line chart',
  area: 'Area chart',
  pie: 'Pie chart',
  scatter: 'Scatter chart',
  'stacked-bar': 'Stacked bar chart',
  'stacked-column': 'Stacked column chart',
};

/** One sentence that says what the chart shows, such as "Column chart: tests per year, highest 2017 (20)". */
export function describeChart(chart: ChartRef, table: ChartTable, fields: { x: string; y: string; series?: string } | undefined): string {
  const kind = chart.type ? TYPE_NAMES[chart.type]! : 'Chart';
  if (!fields) return `${kind}: ${chart.title ?? 'data'}, ${countNoun(table.rows.length, 'row')} of ${table.fields.join(', ')}`;
  const { x, y, series } = fields;
  const subject = chart.title ?? `${y} by ${x}`;
  const value = (row: ChartRow) => `${format(row[y] as number)}${chart.unit ? ` ${chart.unit}` : ''}`;
  const highest = table.rows.reduce((best, row) => ((row[y] as number) > (best[y] as number) ? row : best));
  const lowest = table.rows.reduce((best, row) => ((row[y] as number) < (best[y] as number) ? row : best));
  const parts: string[] = [];
  if (series) {
    const names = [...new Set(table.rows.map((row) => String(row[series])))];
    parts.push(`${countNoun(names.length, 'series')} (${names.join(', ')})`);
  }
  switch (chart.type) {
    case 'line':
    case 'area': {
      const first = table.rows[0]!;
      const last = table.rows.at(-1)!;
      if (!series) parts.push(`from ${first[x]} (${value(first)}) to ${last[x]} (${value(last)})`);
      parts.push(`highest ${highest[x]} (${value(highest)})`);
      break;
    }
    case 'pie': {
      const total = table.rows.reduce((sum, row) => sum + (row[y] as number), 0);
      parts.push(`largest share ${highest[x]} (${value(highest)}${total > 0 ? `, ${Math.round(((highest[y] as number) / total) * 100)}%` : ''})`);
      break;
    }
    case 'scatter':
      parts.push(`${countNoun(table.rows.length, 'point')}, ${x} from ${format(min(table.rows, x))} to ${format(max(table.rows, x))}, ${y} from ${format(lowest[y] as number)} to ${format(highest[y] as number)}`);
      break;
    default:
      parts.push(`highest ${highest[x]} (${value(highest)})`, `lowest ${lowest[x]} (${value(lowest)})`);
  }
  if (chart.highlight !== undefined) parts.push(`${chart.highlight} highlighted`);
  return `${kind}: ${subject}, ${parts.join(', ')}`;
}

/** The chart's data as a table only screen readers see. */
export function renderDataTable(chart: ChartRef, table: ChartTable): string {
  const head = table.fields.map((f) => `<th scope="col">${escapeHtml(f)}</th>`).join('');
  const body = table.rows.map((row) => `<tr>${table.fields.map((f) => `<td>${escapeHtml(String(row[f]))}</td>`).join('')}</tr>`).join('');
  const caption = escapeHtml(chart.title ?? chart.caption ?? 'Chart data');
  return `<table class="sr-only"><caption>${caption}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function format(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function min(rows: ChartRow[], field: string): number {
  return rows.reduce((least, row) => Math.min(least, row[field] as number), Infinity);
}

function max(rows: ChartRow[], field: string): number {
  return rows.reduce((most, row) => Math.max(most, row[field] as number), -Infinity);
}
