// Turns a chart's data (rows from the block, or the text of its CSV or JSON
// file) into typed rows, and checks them against the fields the chart names.
import { LineCounter, isSeq, parseDocument } from 'yaml';
import { suggestClosest } from '../did-you-mean.js';
import type { DiagnosticBag } from '../errors.js';
import type { ChartRef, ChartRow } from '../model.js';

/** Rows with every numeric column made numbers, and the fields in header order. */
export interface ChartTable {
  rows: ChartRow[];
  fields: string[];
  /** Fields whose every non-empty value is a number. */
  numeric: Set<string>;
  /** Where each row is written, when that can be known: the block's YAML list or table, or a CSV or JSON file's lines (found only when asked). */
  rowsIn?: { file: string; lineOf: (row: number) => number | undefined };
}

/** The most rows a chart draws: more marks than this cannot be read on a slide. */
export const MAX_CHART_ROWS = 5000;

/** Reads the chart's rows from the block or from its file's text; a string is the problem, for an E_CHART at the block. */
export function readChartTable(chart: ChartRef, fileText: string | undefined): ChartTable | string {
  let raw: ChartRow[];
  let rowsIn: ChartTable['rowsIn'];
  if (chart.rows) {
    raw = chart.rows;
    const lines = chart.rowLines;
    if (lines) rowsIn = { file: chart.source.file, lineOf: (row) => lines[row] };
  } else if (chart.dataFile && fileText !== undefined) {
    let lineOf: (row: number) => number | undefined;
    if (chart.dataFile.relPath.toLowerCase().endsWith('.json')) {
      const parsed = readJsonRows(fileText);
      if (typeof parsed === 'string') return `${chart.dataFile.src}: ${parsed}`;
      const rows = (raw = parsed.rows);
      // A JSON file's lines are read again, by the YAML reader, only for a message about one of its rows.
      lineOf = (row) => findJsonRowLines(fileText, rows.length)?.[row];
    } else {
      const parsed = readCsvRows(fileText);
      if (typeof parsed === 'string') return `${chart.dataFile.src}: ${parsed}`;
      raw = parsed.rows;
      lineOf = (row) => parsed.lines[row];
    }
    if (chart.dataFile.shownAs !== undefined) rowsIn = { file: chart.dataFile.shownAs, lineOf };
  } else if (chart.vegaLite) raw = ((chart.vegaLite.data as { values?: ChartRow[] } | undefined)?.values ?? []) as ChartRow[];
  else return 'the chart has no data';
  if (raw.length === 0) return 'the chart data is empty';
  if (raw.length > MAX_CHART_ROWS) return `the chart data has ${raw.length} rows, over the ${MAX_CHART_ROWS}-row limit`;
  const fields = [...new Set(raw.flatMap((row) => Object.keys(row)))];
  const numeric = new Set(fields.filter((field) => raw.every((row) => row[field] === undefined || row[field] === '' || toNumber(row[field]!) !== undefined)));
  const rows = raw.map((row) => Object.fromEntries(fields.map((field) => [field, numeric.has(field) ? (toNumber(row[field] ?? '') ?? 0) : String(row[field] ?? '')])));
  return { rows, fields, numeric, ...(rowsIn ? { rowsIn } : {}) };
}

/**
 * Fills in `x` and `y` when the chart leaves them out (first text column,
 * first number column), and says what is wrong with the fields it names.
 */
export function resolveFields(chart: ChartRef, table: ChartTable): { x: string; y: string; series?: string } | ChartProblem {
  for (const key of ['x', 'y', 'series'] as const) {
    const field = chart[key];
    if (field !== undefined && !table.fields.includes(field)) {
      const guess = suggestClosest(field, table.fields);
      return {
        problem: `unknown field "${field}" in \`${key}:\``,
        hint: `${guess ? `did you mean "${guess}"? ` : ''}the data has the fields ${table.fields.join(', ')}`,
      };
    }
  }
  const text = table.fields.filter((f) => !table.numeric.has(f));
  const numbers = table.fields.filter((f) => table.numeric.has(f));
  const x = chart.x ?? (chart.type === 'scatter' ? numbers[0] : (text[0] ?? table.fields[0]));
  const y = chart.y ?? numbers.find((f) => f !== x);
  if (x === undefined || y === undefined) return { problem: 'the chart data has no column of numbers to draw', hint: `name one in \`y:\`; the data has the fields ${table.fields.join(', ')}` };
  const needNumbers = chart.type === 'scatter' ? [x, y] : [y];
  for (const field of needNumbers) {
    if (!table.numeric.has(field)) {
      const index = table.rows.findIndex((row) => toNumber(row[field] ?? '') === undefined);
      return { problem: `field "${field}" must hold numbers, but row ${index + 1} has "${String(table.rows[index]?.[field] ?? '')}"`, hint: 'write plain numbers such as 1200, 1,200 or 45%; put words in another field', row: index };
    }
  }
  if (chart.highlight !== undefined && !table.rows.some((row) => String(row[x]) === chart.highlight)) {
    const guess = suggestClosest(chart.highlight, table.rows.map((row) => String(row[x])));
    return { problem: `\`highlight: ${chart.highlight}\` is not a value of "${x}"`, hint: guess ? `did you mean "${guess}"?` : `highlight names one ${x} of the data` };
  }
  return { x, y, ...(chart.series ? { series: chart.series } : {}) };
}

/** A chart's table and, for the built-in types, the fields it draws. */
export interface CheckedChart {
  table: ChartTable;
  fields?: { x: string; y: string; series?: string };
}

/** What is wrong with a chart's data, with its hint; `row` is the row at fault (0-based), when one is, and `at` where that row is written. */
export interface ChartProblem {
  problem: string;
  hint: string;
  row?: number;
  at?: { file: string; line: number };
}

/** Where a chart's problem is reported: the line of the row at fault, when its line is known, else the block's. */
export function locateChartProblem(chart: ChartRef, problem: ChartProblem): { file: string; line: number } {
  return problem.at ?? chart.source;
}

/** A chart's table and fields, checked as every output draws them; or the problem, with its hint, for an E_CHART at the block. */
export function readCheckedChart(chart: ChartRef, fileText: string | undefined): CheckedChart | ChartProblem {
  const table = readChartTable(chart, fileText);
  if (typeof table === 'string') return { problem: table, hint: 'give the chart one row per category, with a header naming each field' };
  // A Vega-Lite spec names its own fields.
  if (chart.vegaLite) return { table };
  const fields = resolveFields(chart, table);
  if (!('problem' in fields)) return { table, fields };
  const line = fields.row === undefined ? undefined : table.rowsIn?.lineOf(fields.row);
  return line === undefined ? fields : { ...fields, at: { file: table.rowsIn!.file, line } };
}

/**
 * Reports a chart's data as drawing it would (an E_CHART at the row or block at fault), for the data written in its block
 * (`fileText` undefined) or read from its file. Checked so ahead of drawing, its problems come with the deck's others,
 * not in a later run.
 */
export function reportChartDataProblem(chart: ChartRef, fileText: string | undefined, bag: DiagnosticBag): void {
  const checked = readCheckedChart(chart, fileText);
  if ('problem' in checked) bag.error('E_CHART', checked.problem, { ...locateChartProblem(chart, checked), hint: checked.hint });
}

/** A number from a cell, allowing thousands separators and a trailing percent sign; undefined for text. */
function toNumber(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const cleaned = value.trim().replace(/(?<=\d),(?=\d{3}\b)/g, '').replace(/%$/, '');
  if (cleaned === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return undefined;
  return Number(cleaned);
}

/**
 * Reads CSV rows and the line each starts on; a file whose header row has no comma but semicolons or tabs (as
 * spreadsheets save CSV in much of Europe) is read with those.
 */
function readCsvRows(text: string): { rows: ChartRow[]; lines: number[] } | string {
  const header = /^.*\S.*$/m.exec(text)?.[0] ?? '';
  const delimiter = header.includes(',') ? ',' : header.includes(';') ? ';' : header.includes('\t') ? '\t' : ',';
  // A plain require, so csv-parse is set up (bundled in the parse worker) only for a chart that reads CSV.
  const { parse: parseCsv } = require('csv-parse/sync') as typeof import('csv-parse/sync');
  try {
    const records = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true, delimiter, info: true, raw: true }) as { record: ChartRow; raw: string; info: { lines: number } }[];
    // csv-parse counts the line a record ends on; a quoted field may hold line breaks, so the record starts that many lines before.
    const startLine = (raw: string, end: number) => end - (raw.replace(/^[\r\n]+|[\r\n]+$/g, '').match(/\n/g)?.length ?? 0);
    return { rows: records.map((r) => r.record), lines: records.map((r) => startLine(r.raw, r.info.lines)) };
  } catch (err) {
    return `not valid CSV: ${(err as Error).message}`;
  }
}

function readJsonRows(text: string): { rows: ChartRow[] } | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return `not valid JSON: ${(err as Error).message}`;
  }
  if (!Array.isArray(parsed)) return 'JSON chart data must be a list of rows, such as [{"year": "2017", "tests": 20}]';
  for (const row of parsed) {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) return 'each JSON row must be an object of fields';
    for (const cell of Object.values(row)) if (typeof cell !== 'string' && typeof cell !== 'number') return 'each JSON field must be a string or a number';
  }
  return { rows: parsed as ChartRow[] };
}

/**
 * The line each row of a JSON list starts on, for a message about one row. JSON.parse tells no places, and JSON is
 * YAML, so the YAML reader finds them; undefined should it read the text otherwise (no list, or another count).
 */
function findJsonRowLines(text: string, count: number): number[] | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, schema: 'core', uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0 || !isSeq(doc.contents) || doc.contents.items.length !== count) return undefined;
  return doc.contents.items.map((item) => counter.linePos(item.range[0]).line);
}
