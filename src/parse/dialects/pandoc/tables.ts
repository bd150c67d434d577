import type { TokenizerAndRendererExtension, Tokens } from 'marked';
import { captionPrefix, type CrossRefs } from './cross-refs.js';

// Pandoc's tables beyond GFM's pipe tables, which plain Markdown would show
// as ASCII art: grid tables (`+---+` borders, `+===+` under the header, cells
// that may hold lists), simple tables (a header over runs of dashes, one
// line a row), multiline tables (the same between two lines of dashes,
// their rows of several lines apart by blank lines), and either without a
// header (between two runs of dashes). A table of either kind, or a pipe table, may be captioned by a
// `: Caption` or `Table: Caption` line before or after it, shown where it
// stands; a Quarto label in the caption (`{#tbl-name}`) numbers it instead
// ("Table 1: Caption", cross-refs.ts).

type Align = 'left' | 'right' | 'center' | null;

/** A table as read: cells as their Markdown source, by row. */
interface ReadTable {
  raw: string;
  header: string[] | null;
  rows: string[][];
  align: Align[];
}

/** A pipe table's first two lines: a row, then its delimiter row. */
const PIPE_TABLE = /^ {0,3}[^\n|]*\|[^\n]*\n {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*(?:\n|$)/;

/** A caption line: `: text` or `Table: text`, with an optional Quarto label at its end. */
const CAPTION = /^(?:[ \t]*\n)*(?:Table)?:[ \t]+(\S[^\n]*)(?:\n|$)/;
/** Quarto's label at a caption's end, taken off it. */
const CAPTION_LABEL = /[ \t]+\{#(tbl[-:][\w:-]+)\}$/;

/** The marked extensions for Pandoc's tables and for a caption after any table. */
export function pandocTableExtensions(crossRefs: CrossRefs): TokenizerAndRendererExtension[] {
  return [
    {
      name: 'pandocTable',
      level: 'block',
      tokenizer(src: string) {
        const table = readGridTable(src) ?? readSimpleTable(src) ?? readDashedTable(src);
        if (!table) return undefined;
        // A cell of one paragraph is its text; one of several blocks (a grid table's list) keeps them.
        const cell = (text: string) => this.lexer.blockTokens(text, []);
        return { type: 'pandocTable', raw: table.raw, header: table.header?.map(cell) ?? null, rows: table.rows.map((row) => row.map(cell)), align: table.align };
      },
      renderer(token) {
        const { header, rows, align } = token as unknown as { header: Tokens.Generic[][] | null; rows: Tokens.Generic[][][]; align: Align[] };
        const content = (tokens: Tokens.Generic[]) => (tokens.length === 1 && tokens[0]!.type === 'paragraph' ? this.parser.parseInline(tokens[0]!.tokens ?? []) : this.parser.parse(tokens).trim());
        const cells = (tag: 'th' | 'td', row: Tokens.Generic[][]) => row.map((c, i) => `<${tag}${align[i] ? ` align="${align[i]}"` : ''}>${content(c)}</${tag}>`).join('');
        const head = header ? `<thead><tr>${cells('th', header)}</tr></thead>` : '';
        return `<table>${head}<tbody>${rows.map((row) => `<tr>${cells('td', row)}</tr>`).join('')}</tbody></table>\n`;
      },
    },
    {
      name: 'tableCaption',
      level: 'block',
      tokenizer(src: string, tokens: Tokens.Generic[]) {
        // Only right after a table, or right before one: anywhere else, `: text` is a definition or a paragraph.
        const match = CAPTION.exec(src);
        if (!match) return undefined;
        const previous = tokens.filter((t) => t.type !== 'space').at(-1);
        const after = previous?.type === 'table' || previous?.type === 'pandocTable';
        const next = src.slice(match[0].length).replace(/^(?:[ \t]*\n)+/, '');
        if (!after && !(PIPE_TABLE.test(next) || readGridTable(next) || readSimpleTable(next) || readDashedTable(next))) return undefined;
        const text = match[1]!.trimEnd();
        const label = CAPTION_LABEL.exec(text)?.[1];
        return { type: 'tableCaption', raw: match[0], prefix: captionPrefix(label, crossRefs), tokens: this.lexer.inline(text.replace(CAPTION_LABEL, '')) };
      },
      renderer(token) {
        return `<p class="table-caption">${(token as Tokens.Generic).prefix}${this.parser.parseInline((token as Tokens.Generic).tokens ?? [])}</p>\n`;
      },
    },
  ];
}

/** A grid table's border: `+---+---+`, or under the header `+===+===+`, with `:` for alignment. */
const GRID_BORDER = /^ {0,3}\+(?:[-=:]+\+)+[ \t]*$/;

/** Reads a grid table at the start of `src`, or null when there is none (or it spans cells, which is left as text). */
function readGridTable(src: string): ReadTable | null {
  if (!src.startsWith('+') && !/^ {1,3}\+/.test(src)) return null;
  const source = takeLines(src, (line) => GRID_BORDER.test(line) || /^ {0,3}\|.*\|[ \t]*$/.test(line));
  const lines = source.map((line) => line.trimEnd());
  if (lines.length < 3 || !GRID_BORDER.test(lines[0]!) || !GRID_BORDER.test(lines.at(-1)!)) return null;
  const width = lines[0]!.length;
  // Column edges are the first border's `+`s; every line must keep them, or a cell spans columns.
  const edges = [...lines[0]!].flatMap((c, i) => (c === '+' ? [i] : []));
  if (lines.some((line) => line.length !== width || edges.some((e) => !'+|'.includes(line[e]!)))) return null;
  const headerEnd = lines.findIndex((line) => line.includes('='));
  const alignFrom = lines[headerEnd === -1 ? 0 : headerEnd]!;
  const align = edges.slice(0, -1).map((start, i) => readAlign(alignFrom.slice(start + 1, edges[i + 1])));
  const rows: string[][] = [];
  let header: string[] | null = null;
  let cellLines: string[][] = [];
  lines.forEach((line, index) => {
    if (!GRID_BORDER.test(line)) {
      cellLines.push(edges.slice(0, -1).map((start, i) => line.slice(start + 1, edges[i + 1]).replace(/^ /, '').trimEnd()));
      return;
    }
    if (cellLines.length > 0) {
      const row = edges.slice(0, -1).map((_, i) => dedent(cellLines.map((cells) => cells[i]!)).join('\n').trim());
      if (index === headerEnd) header = row;
      else rows.push(row);
    }
    cellLines = [];
  });
  if (rows.length === 0 && header === null) return null;
  const used = source.join('\n');
  return { raw: used + (src.length > used.length ? '\n' : ''), header, rows, align };
}

/** The lines at the start of `src` for as long as `keep` holds. */
function takeLines(src: string, keep: (line: string, index: number) => boolean): string[] {
  const lines: string[] = [];
  for (let start = 0; start <= src.length; ) {
    const end = src.indexOf('\n', start);
    const line = src.slice(start, end === -1 ? src.length : end);
    if (!keep(line, lines.length)) break;
    lines.push(line);
    if (end === -1) break;
    start = end + 1;
  }
  return lines;
}

/** A cell's lines without the indent they share, so a list inside stays a list. */
function dedent(lines: string[]): string[] {
  const indent = lines.filter((l) => l.trim() !== '').reduce((least, l) => Math.min(least, l.length - l.trimStart().length), Infinity);
  return Number.isFinite(indent) ? lines.map((l) => l.slice(indent)) : lines;
}

/** A border segment's alignment: `:--` left, `--:` right, `:-:` centre. */
function readAlign(segment: string): Align {
  const left = segment.startsWith(':');
  const right = segment.endsWith(':');
  return left && right ? 'center' : right ? 'right' : left ? 'left' : null;
}

/** Runs of dashes, two or more of them apart, under a simple table's header. */
const DASH_RUNS = /^ {0,3}-+(?:[ \t]+-+)+[ \t]*$/;

/** Reads a simple table (a header line, runs of dashes, then a row a line until a blank one) at the start of `src`. */
function readSimpleTable(src: string): ReadTable | null {
  // Called at every block: only the lines the table takes are split off, never the rest of the deck, and its rows
  // only once its first two lines are a header over dashes (a deck of thousands of lines with no blank line between).
  const [headerLine, dashes] = takeLines(src, (_, index) => index < 2);
  if (headerLine === undefined || dashes === undefined || headerLine.trim() === '' || !DASH_RUNS.test(dashes) || DASH_RUNS.test(headerLine)) return null;
  const lines = takeLines(src, (line, index) => index < 2 || line.trim() !== '');
  const runs = [...dashes.matchAll(/-+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const body = lines.slice(2);
  if (body.length === 0) return null;
  // A cell runs from its column's dashes to the next column's; the last to the end of the line.
  const cut = (line: string) => runs.map((run, i) => line.slice(i === 0 ? 0 : run.start, runs[i + 1]?.start ?? line.length).trim());
  const used = [headerLine, dashes, ...body].join('\n');
  return { raw: used + (src.length > used.length ? '\n' : ''), header: cut(headerLine), rows: body.map(cut), align: readColumnAlign([headerLine], runs) };
}

/** Where each column's header text sits over its dashes, as Pandoc reads a simple or multiline table's alignment. */
function readColumnAlign(headerLines: readonly string[], runs: readonly { start: number; end: number }[]): Align[] {
  return runs.map((run, i): Align => {
    let flushLeft = false;
    let flushRight = false;
    for (const line of headerLines) {
      const text = line.slice(i === 0 ? 0 : run.start, runs[i + 1]?.start ?? line.length);
      if (text.trim() === '') continue;
      flushLeft ||= (i === 0 ? 0 : run.start) + text.search(/\S/) === run.start;
      flushRight ||= (i === 0 ? 0 : run.start) + text.trimEnd().length === run.end;
    }
    return flushLeft && flushRight ? null : flushRight ? 'right' : flushLeft ? 'left' : 'center';
  });
}

/** A line of dashes alone: a multiline table's top and bottom border (and a rule anywhere else). */
const DASHES_ALONE = /^ {0,3}-{3,}[ \t]*$/;

/**
 * A table between two lines of dashes, by line index: its top border, the runs of dashes that set its columns (the
 * top border itself for a table without a header), and its bottom border.
 */
export interface DashedTablePlace {
  start: number;
  runs: number;
  end: number;
}

/**
 * The table between lines of dashes that starts at `lines[start]`, or null. A multiline table: a line of dashes,
 * header lines, runs of dashes under them, rows of one line or more apart by blank lines, a line of dashes. A table
 * without a header (simple or multiline): runs of dashes, rows, the same runs. A reading stops at the next line of
 * dashes, so a deck's lines are read at most twice however many borders it has.
 */
export function placeDashedTable(lines: readonly string[], start: number): DashedTablePlace | null {
  const headed = DASHES_ALONE.test(lines[start] ?? '');
  // Runs of one dash each (`- - -`) are a rule, not columns.
  if (!headed && (!DASH_RUNS.test(lines[start] ?? '') || /(?:^|[ \t])-(?:[ \t]|$)/.test(lines[start]!.trim()))) return null;
  const border = (line: string) => DASHES_ALONE.test(line) || DASH_RUNS.test(line);
  let i = start + 1;
  let runs = start;
  if (headed) {
    while (i < lines.length && lines[i]!.trim() !== '' && !border(lines[i]!)) i++;
    if (i === start + 1 || i >= lines.length || !DASH_RUNS.test(lines[i]!)) return null;
    runs = i++;
  }
  if (i >= lines.length || lines[i]!.trim() === '') return null;
  while (i < lines.length && !(headed ? DASHES_ALONE.test(lines[i]!) : border(lines[i]!))) i++;
  return i < lines.length && (headed || DASH_RUNS.test(lines[i]!)) ? { start, runs, end: i } : null;
}

/** Every table between lines of dashes in a file's lines. */
export function placeDashedTables(lines: readonly string[]): DashedTablePlace[] {
  const places: DashedTablePlace[] = [];
  for (let i = 0; i < lines.length; i++) {
    // A table opens a block: after a blank line, or the start.
    const place = lines[i]!.includes('-') && (i === 0 || lines[i - 1]!.trim() === '') ? placeDashedTable(lines, i) : null;
    if (place) places.push(place);
    if (place) i = place.end;
  }
  return places;
}

/**
 * Reads a table between lines of dashes (placeDashedTable) at the start of `src`: its cells as Markdown, a row's
 * lines joined; a table without a header takes each line for a row unless blank lines part its rows, and its
 * alignment from its first row, as Pandoc reads them.
 */
function readDashedTable(src: string): ReadTable | null {
  // Only a border is read on from: each reading then ends at the next line of dashes.
  const first = /^ {0,3}-/.test(src) ? takeLines(src, (_, index) => index < 1)[0]! : '';
  const headed = DASHES_ALONE.test(first);
  if (!headed && !DASH_RUNS.test(first)) return null;
  let closed = false;
  const lines = takeLines(src, (line, index) => !closed && ((closed = index > 0 && (DASHES_ALONE.test(line) || (!headed && DASH_RUNS.test(line)))), true));
  const place = placeDashedTable(lines, 0);
  if (!place || place.end !== lines.length - 1) return null;
  const runs = [...lines[place.runs]!.matchAll(/-+/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const cut = (line: string) => runs.map((run, i) => line.slice(i === 0 ? 0 : run.start, runs[i + 1]?.start ?? line.length));
  const joinCells = (rowLines: string[]) => runs.map((_, i) => dedent(rowLines.map((line) => cut(line)[i]!.trimEnd())).join('\n').trim());
  const headerLines = lines.slice(1, headed ? place.runs : 1);
  const body = lines.slice(place.runs + 1, place.end);
  const rows: string[][] = [];
  let rowLines: string[] = [];
  const apart = headed || body.some((line) => line.trim() === '');
  for (const line of [...body, '']) {
    if (line.trim() !== '') rowLines.push(line);
    if ((line.trim() === '' || !apart) && rowLines.length > 0) [rows[rows.length], rowLines] = [joinCells(rowLines), []];
  }
  const used = lines.join('\n');
  return { raw: used + (src.length > used.length ? '\n' : ''), header: headed ? joinCells(headerLines) : null, rows, align: readColumnAlign(headed ? headerLines : body.slice(0, 1), runs) };
}
