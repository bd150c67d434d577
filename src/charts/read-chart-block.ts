// Reads the YAML body of a ```chart block into a ChartRef. Pure: the data
// file it may name is read later, by the load stage, like an image.
import { Marked, type Tokens } from 'marked';
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node } from 'yaml';
import { findDuplicateKeys } from '../find-duplicate-keys.js';
import type { DiagnosticBag } from '../errors.js';
import { hintWithSuggestion, suggestClosest } from '../did-you-mean.js';
import { reportChartDataProblem } from './chart-data.js';
import { CHART_TYPES, type ChartRef, type ChartRow, type ChartType, type SourceFile } from '../model.js';
import { resolveImagePath } from '../parse/resolve-references.js';
import { isObsidianChart, readObsidianChart } from './read-obsidian-chart.js';

/** The keys a chart block may hold. */
export const CHART_KEYS = ['type', 'title', 'caption', 'x', 'y', 'series', 'unit', 'sort', 'highlight', 'data', 'file', 'vega-lite'];

/** The keys the check of a chart's data reads: a failure in one of them leaves the data unchecked. */
const DATA_KEYS = ['type', 'x', 'y', 'series', 'highlight', 'data', 'file', 'vega-lite'];

/** Data files a chart may read, by extension. */
const DATA_EXTENSIONS = ['.csv', '.json'];

/**
 * Reads one chart block. `line` is the line of the opening fence; the YAML
 * starts on the next. Problems go to the bag at the line of the key that
 * holds them, in `shownIn` (an included file's path, when the block stands
 * in one; its data file is still named from `file`); the result is null
 * when the block cannot be drawn. A block that cannot, but whose data file
 * can still be checked against the fields it names, is handed to
 * `checkDataFile`, so the file's problems come in the same run.
 */
export function readChartBlock(body: string, file: SourceFile, line: number, bag: DiagnosticBag, shownIn = file.path, checkDataFile?: (chart: ChartRef) => void): ChartRef | null {
  const lines = new LineCounter();
  const doc = parseDocument(body, { lineCounter: lines, schema: 'core', uniqueKeys: false, prettyErrors: false, customTags: [] });
  const lineAt = (offset: number | undefined) => line + (offset === undefined ? 1 : lines.linePos(offset).line);
  const where = (node?: Node | null) => ({ file: shownIn, line: lineAt(node?.range?.[0]) });
  const fail = (message: string, at: { file: string; line: number }, hint: string) => {
    bag.error('E_CHART', message, { ...at, hint });
    return null;
  };
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    return fail(`chart block is not valid YAML: ${first.message.split('\n')[0]}`, { file: shownIn, line: lineAt(first.pos[0]) }, 'the block holds YAML keys such as type:, x:, y: and data:');
  }
  // A key written twice in one map (a row's, or the block's own) is an error at the second, found in one pass.
  const repeat = findDuplicateKeys(doc)[0];
  if (repeat) return fail(`chart block is not valid YAML: Map keys must be unique`, where(repeat), 'the block holds YAML keys such as type:, x:, y: and data:');
  if (!isMap(doc.contents)) return fail('chart block is empty or not a set of keys', where(), 'start with `type: column`, then `data:` with one row per line');
  // The Obsidian Charts plugin's format (Advanced Slides draws it too): read as the chart it stands for.
  const plain = doc.toJSON() as Record<string, unknown>;
  if (isObsidianChart(plain)) return readObsidianChart(plain, { file: shownIn, line }, bag);
  const chart: ChartRef = { source: { file: shownIn, line } };
  let ok = true;
  // Whether the chart's data can still be checked once a key failed: not when the key failed is one the check reads.
  let dataCheckable = true;
  for (const pair of doc.contents.items) {
    // Each key's own outcome, joined to the block's after it.
    const okBefore: boolean = ok;
    ok = true;
    const keyNode = pair.key as Node;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const at = where(keyNode);
    const value = pair.value as Node | null;
    const text = () => (isScalar(value) && value.value !== null && typeof value.value !== 'object' ? String(value.value) : undefined);
    switch (key) {
      case 'type': {
        const type = text();
        if (!type || !(CHART_TYPES as readonly string[]).includes(type)) {
          ok = fail(`unknown chart type "${type ?? ''}"`, at, hintWithSuggestion(type ?? '', CHART_TYPES, 'chart types')) !== null;
        } else chart.type = type as ChartType;
        break;
      }
      case 'title':
      case 'caption':
      case 'x':
      case 'y':
      case 'series':
      case 'unit':
      case 'highlight': {
        const v = text();
        if (v === undefined) ok = fail(`chart key "${key}" needs a single value`, at, `write \`${key}: …\` on one line`) !== null;
        else chart[key] = v;
        break;
      }
      case 'sort': {
        const v = text();
        if (v !== 'ascending' && v !== 'descending') ok = fail(`chart sort "${v ?? ''}" is not ascending or descending`, at, 'write `sort: descending` for the largest first') !== null;
        else chart.sort = v;
        break;
      }
      case 'data': {
        const rows = readRows(value);
        if (typeof rows === 'string') ok = fail(rows, where(value ?? keyNode), dataHint(value)) !== null;
        else {
          chart.rows = rows.rows;
          if (isSeq(value)) chart.rowLines = value.items.map((item) => lineAt((item as Node).range?.[0]));
          // A table in a literal block (`data: |`) keeps its lines, which start on the line after the `|`.
          else if (rows.rowLines && isScalar(value) && value.type === 'BLOCK_LITERAL') {
            const first = lineAt(value.range?.[0]) + 1;
            chart.rowLines = rows.rowLines.map((at) => first + at);
          }
        }
        break;
      }
      case 'file': {
        const src = text();
        if (src === undefined) {
          ok = fail('chart key "file" needs a path', at, 'write `file: data/tests.csv`') !== null;
          break;
        }
        if (!DATA_EXTENSIONS.some((ext) => src.toLowerCase().endsWith(ext))) {
          ok = fail(`chart data "${src}" is not a .csv or .json file`, at, 'save the data as CSV (a header row, then one row per line) or as a JSON list of rows') !== null;
          break;
        }
        const relPath = resolveImagePath(src, file, at, bag, 'chart data');
        if (relPath === null) ok = false;
        else {
          const shownAs = showBesideSource(file, relPath);
          chart.dataFile = { src, relPath, ...(shownAs !== undefined ? { shownAs } : {}) };
        }
        break;
      }
      case 'vega-lite': {
        const spec = value?.toJSON() as unknown;
        if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
          ok = fail('`vega-lite:` needs a Vega-Lite spec as YAML keys', at, 'indent the spec under `vega-lite:`, such as `mark: bar` and `encoding: …`') !== null;
          break;
        }
        const remote = findRemoteReference(spec);
        if (remote) {
          ok = fail(`the Vega-Lite spec asks for "${remote}", which a deck never fetches`, at, 'charts draw only from data in the briefing: use `data:` or `file:` instead of a URL') !== null;
          break;
        }
        chart.vegaLite = spec as Record<string, unknown>;
        break;
      }
      default:
        ok = fail(`unknown chart key "${key}"`, at, hintWithSuggestion(key, CHART_KEYS, 'chart keys')) !== null;
        // A mistyped `yy:` or `serie:` means a field the data check would then guess: it is not checked.
        if (DATA_KEYS.includes(suggestClosest(key, CHART_KEYS) ?? '')) dataCheckable = false;
    }
    if (!ok && DATA_KEYS.includes(key)) dataCheckable = false;
    ok &&= okBefore;
  }
  if (!ok) {
    // The rows written in the block are still checked against the fields it names, so their problems come in this run too.
    if (dataCheckable && chart.rows && chart.type) reportChartDataProblem(chart, undefined, bag);
    // Its data file, read by the load stage, is checked the same way (build-deck.ts) once the deck is known not to build.
    else if (dataCheckable && chart.dataFile && chart.type && !chart.rows) checkDataFile?.(chart);
    return null;
  }
  if (!chart.type && !chart.vegaLite) return fail('chart block has no `type:`', where(), `add \`type:\` with one of ${CHART_TYPES.join(', ')}`);
  if (chart.rows && chart.dataFile) return fail('chart block has both `data:` and `file:`', where(), 'keep one source of data');
  if (!chart.rows && !chart.dataFile && !hasInlineValues(chart.vegaLite)) return fail('chart block has no data', where(), 'add `data:` with one row per line, or `file: data/tests.csv`');
  return chart;
}

/** Rows from a YAML list of maps, or from a GFM table written as a block string (with each row's line in it). */
function readRows(value: Node | null): TableRows | string {
  if (isScalar(value) && typeof value.value === 'string') return readTableRows(value.value);
  if (!isSeq(value)) return '`data:` is neither a list of rows nor a table';
  const rows: ChartRow[] = [];
  for (const item of value.toJSON() as unknown[]) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return 'each row of `data:` must be a set of fields, such as `- {year: 2017, tests: 20}`';
    const row: ChartRow = {};
    for (const [field, cell] of Object.entries(item)) {
      if (typeof cell !== 'string' && typeof cell !== 'number') return `field "${field}" of a row holds a list or a map, not a value`;
      row[field] = cell;
    }
    rows.push(row);
  }
  return { rows };
}

/** How to give a chart its data; for `data:` that names a data file (`data: budget.csv`), how to read the file instead. */
function dataHint(value: unknown): string {
  const named = isScalar(value) && typeof value.value === 'string' ? value.value.trim() : '';
  if (/^[^\s|]+\.(?:csv|json)$/i.test(named)) return `did you mean \`file: ${named}\`? \`data:\` holds the rows themselves, \`file:\` names a CSV or JSON file of them`;
  return 'give `data:` a list of rows (`- {year: 2017, tests: 20}`) or a GFM table after `data: |`';
}

/** Rows read from a chart's data, and for a table the line each row stands on (0-based, in the table's text). */
interface TableRows {
  rows: ChartRow[];
  rowLines?: number[];
}

/** Rows from a GFM table, read by marked's own lexer: the header names the fields. Cells stay strings; the drawer decides which columns are numbers. */
export function readTableRows(text: string): TableRows | string {
  const trimmed = text.trim();
  const tokens = new Marked({ gfm: true }).lexer(trimmed);
  const at = tokens.findIndex((t) => t.type === 'table');
  if (at < 0) return '`data:` text is not a GFM table (a header row, a --- row, then data rows)';
  const table = tokens[at] as Tokens.Table;
  const header = table.header.map((cell) => cell.text.trim());
  const rows = table.rows.map((row) => Object.fromEntries(header.map((field, i) => [field, row[i]?.text.trim() ?? ''])));
  // A GFM table's rows are one line each, after its header and --- lines; the tokens before it cover the text before it.
  const countLines = (part: string) => part.split('\n').length - 1;
  const tableLine = countLines(text.slice(0, text.indexOf(trimmed))) + tokens.slice(0, at).reduce((sum, t) => sum + countLines(t.raw), 0);
  return { rows, rowLines: rows.map((_, i) => tableLine + 2 + i) };
}

/**
 * A briefing file's path as messages show it, from a source file's shown path (relative to the working folder) and
 * the file's path from the briefing root; undefined when the source's shown path does not end in its own (a
 * working folder inside the briefing), where the message stays at the chart block.
 */
function showBesideSource(source: SourceFile, relPath: string): string | undefined {
  const shown = source.path.replace(/\\/g, '/');
  if (shown !== source.relPath && !shown.endsWith(`/${source.relPath}`)) return undefined;
  return shown.slice(0, shown.length - source.relPath.length) + relPath;
}

/** The first URL-like reference anywhere in a Vega-Lite spec: data, images, or links. */
function findRemoteReference(spec: unknown): string | undefined {
  if (Array.isArray(spec)) {
    for (const item of spec) {
      const found = findRemoteReference(item);
      if (found) return found;
    }
    return undefined;
  }
  if (spec === null || typeof spec !== 'object') return undefined;
  for (const [key, value] of Object.entries(spec)) {
    if ((key === 'url' || key === 'href') && value !== undefined) return `${key}: ${String(typeof value === 'object' ? JSON.stringify(value) : value).slice(0, 60)}`;
    const found = findRemoteReference(value);
    if (found) return found;
  }
  return undefined;
}

/** True when a Vega-Lite spec carries its own rows (`data: {values: …}`). */
function hasInlineValues(spec: Record<string, unknown> | undefined): boolean {
  const data = spec?.data as { values?: unknown } | undefined;
  return Array.isArray(data?.values);
}
