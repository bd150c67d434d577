import type { DiagnosticBag } from '../errors.js';
import type { ChartRef, ChartRow, ChartType } from '../model.js';

// How a ```chart block in the Obsidian Charts plugin's format (Chart.js's terms, which Obsidian's Advanced Slides
// draws too) is read: `type`, `labels` (the categories) and `series` (each a `title` and a list of `data`, one value
// a label). Its rows become the built-in chart's rows, a category, a value and, with several series, the series'
// name; what only Chart.js draws is named in a warning, and a chart that cannot be read is left out with one, since
// the deck was written for another tool and should build all the same.

/** Chart.js's types, as the built-in type nearest each, and whether the drawing differs enough to say so. */
const TYPES: Record<string, { type: ChartType; drawnAs?: string }> = {
  bar: { type: 'column' },
  line: { type: 'line' },
  pie: { type: 'pie' },
  doughnut: { type: 'pie', drawnAs: 'a pie' },
  polarArea: { type: 'pie', drawnAs: 'a pie' },
  radar: { type: 'line', drawnAs: 'lines' },
};

/**
 * Options of the plugin's that change nothing the built-in chart shows (its look is the theme's), or that it reads
 * (`stacked`, `indexAxis`). Its data from elsewhere (`id:` a table of the note, `file:` another note, `select:` their
 * columns) is none of these: named, it tells why a chart drew other data than its author meant.
 */
const QUIET_OPTIONS = new Set(['width', 'labelColors', 'fill', 'tension', 'beginAtZero', 'legend', 'legendPosition', 'spanGaps', 'transparency', 'rMax', 'rMin', 'xTitle', 'yTitle', 'xReverse', 'yReverse', 'xDisplay', 'yDisplay', 'xTickDisplay', 'yTickDisplay', 'xMin', 'xMax', 'yMin', 'yMax', 'time', 'layout', 'bestFit', 'bestFitTitle', 'bestFitNumber', 'labelColor', 'stacked', 'indexAxis']);

/** Whether a chart block's keys are the Obsidian Charts plugin's: its categories under `labels`, or its series as a list. */
export function isObsidianChart(data: Record<string, unknown>): boolean {
  return Array.isArray(data.labels) || Array.isArray(data.series);
}

/**
 * Reads a chart block of the plugin's format (`data`, its YAML as plain data) into the built-in chart it stands for, or
 * null when it cannot be, with a warning at the block's line (`at`) either way for what is not drawn.
 */
export function readObsidianChart(data: Record<string, unknown>, at: { file: string; line: number }, bag: DiagnosticBag): ChartRef | null {
  const warn = (message: string) => bag.warn('W_PEER_SYNTAX', message, { ...at, hint: 'see "Charts" in the README for the chart block briefdeck draws' });
  const leftOut = (why: string) => (warn(`the Obsidian Charts chart was left out: ${why}`), null);
  const kind = typeof data.type === 'string' ? TYPES[data.type] : undefined;
  if (!kind) return leftOut(`its type "${String(data.type ?? '')}" has no drawing here (bar, line, pie, doughnut, polarArea and radar do)`);
  const labels = Array.isArray(data.labels) ? data.labels.map((l) => String(l ?? '')) : [];
  const series = Array.isArray(data.series) ? data.series : [];
  if (labels.length === 0 || series.length === 0) return leftOut('it needs `labels:` and `series:`, each a list');
  // A horizontal bar chart is Chart.js's bar turned on its side, `stacked: true` its series one on another; a pie draws one series, its first.
  const horizontal = data.indexAxis === 'y';
  const type: ChartType = kind.type !== 'column' ? kind.type : data.stacked === true ? (horizontal ? 'stacked-bar' : 'stacked-column') : horizontal ? 'bar' : 'column';
  const drawn = type === 'pie' ? series.slice(0, 1) : series;
  const rows: ChartRow[] = [];
  const names: string[] = [];
  // One series names its values' axis, as its legend would; several share one.
  const only = drawn.length === 1 && typeof drawn[0] === 'object' && drawn[0] !== null ? (drawn[0] as { title?: unknown }).title : undefined;
  const valueField = typeof only === 'string' && only.trim() !== '' && only !== 'label' ? only.trim() : 'value';
  for (const [i, entry] of series.entries()) {
    const values = typeof entry === 'object' && entry !== null ? (entry as { data?: unknown }).data : undefined;
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'number' || v === null)) return leftOut('each series needs `data:`, a list of numbers');
    const name = String((entry as { title?: unknown }).title ?? `Series ${i + 1}`);
    names.push(name);
    if (i >= drawn.length) continue;
    values.forEach((value, j) => {
      if (value !== null && j < labels.length) rows.push({ label: labels[j]!, [valueField]: value as number, ...(drawn.length > 1 ? { series: name } : {}) });
    });
  }
  if (drawn.length < series.length) warn(`the Obsidian Charts pie shows its first series only (${names[0]}); the others are left out`);
  if (kind.drawnAs) warn(`the Obsidian Charts ${String(data.type)} chart is drawn as ${kind.drawnAs}`);
  const unread = Object.keys(data).filter((key) => !['type', 'labels', 'series', 'title'].includes(key) && !QUIET_OPTIONS.has(key));
  if (unread.length > 0) warn(`Obsidian Charts options ${unread.join(', ')} are not read`);
  return {
    source: at,
    type,
    x: 'label',
    y: valueField,
    ...(drawn.length > 1 ? { series: 'series' } : {}),
    ...(typeof data.title === 'string' ? { title: data.title } : {}),
    rows,
  };
}
