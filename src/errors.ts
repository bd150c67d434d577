import { appendAll } from './append-all.js';
import { groupDigits } from './group-digits.js';
import { nameSome } from './name-some.js';
/** Stable codes: tests and scripts match on these, so never rename one. */
export type ErrorCode =
  | 'E_USAGE'
  | 'E_INPUT_MISSING'
  | 'E_INPUT_TYPE'
  | 'E_SEVERAL_DECKS'
  | 'E_ENCODING'
  | 'E_FILE_TOO_LARGE'
  | 'E_YAML'
  | 'E_META'
  | 'E_NO_SLIDES'
  | 'E_IMAGE_MISSING'
  | 'E_IMAGE_TYPE'
  | 'E_IMAGE_DAMAGED'
  | 'E_IMAGE_TOO_LARGE'
  | 'E_DECK_TOO_LARGE'
  | 'E_PATH_OUTSIDE'
  | 'E_REMOTE_URL'
  | 'E_LAYOUT_UNKNOWN'
  | 'E_TEMPLATE'
  | 'E_MARKDOWN'
  | 'E_BROWSER_NOT_FOUND'
  | 'E_BROWSER'
  | 'E_TIMEOUT'
  | 'E_WRITE'
  | 'E_PORT_IN_USE'
  | 'E_EMPTY_SECTION'
  | 'E_EMPTY_SLIDE'
  | 'E_MISSING_SECTION'
  | 'E_OVERFLOW'
  | 'E_INIT_EXISTS'
  | 'E_INTERNAL'
  | 'E_SPECIAL_FILE'
  | 'E_CHART'
  | 'E_THEME_CSS'
  | 'E_NOTEBOOK'
  | 'E_DIAGRAM'
  | 'W_BULLETS'
  | 'W_IMAGE_ALT'
  | 'W_NO_NOTES'
  | 'W_TITLE_ONLY'
  | 'W_IMAGE_BUDGET'
  | 'W_DECK_BUDGET'
  | 'W_IMAGE_PIXELS'
  | 'W_NO_TITLE'
  | 'W_META_IGNORED'
  | 'W_PEER_SYNTAX'
  | 'W_DIRECTIVE'
  | 'W_FILE_SKIPPED'
  | 'W_FILE_REPEATED'
  | 'W_RAW_HTML'
  | 'W_LINK'
  | 'W_PDF_OVERFLOW'
  | 'W_MISSING_GLYPHS'
  | 'W_CODE_LANGUAGE'
  | 'W_REMOTE_IMAGE'
  | 'W_IMAGE_MISSING'
  | 'W_IMAGE_UNDRAWN'
  | 'W_CITATION'
  | 'W_STYLE'
  | 'W_DIAGRAM';

export type Severity = 'error' | 'warning';

/** One problem found in the input, located at a file and line when it has one. */
export interface Diagnostic {
  code: ErrorCode;
  severity: Severity;
  message: string;
  file?: string;
  line?: number;
  hint?: string;
}

/**
 * The project's single error type. It carries every error diagnostic that
 * stopped the run, so the CLI can report them all at once; `code`, `file`,
 * `line` and `hint` mirror the first one for callers that want just one.
 * `warnings` are those found before the run stopped: often they say why
 * (a deck whose only slides are in a file that could not be read has none).
 */
export class BriefdeckError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly hint?: string;
  readonly diagnostics: Diagnostic[];
  readonly warnings: Diagnostic[];

  constructor(diagnostics: Diagnostic | Diagnostic[], warnings: Diagnostic[] = []) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    if (list.length === 0) throw new TypeError('BriefdeckError needs at least one diagnostic');
    const first = list[0]!;
    super(first.message);
    this.name = 'BriefdeckError';
    this.code = first.code;
    this.file = first.file;
    this.line = first.line;
    this.hint = first.hint;
    this.diagnostics = list;
    this.warnings = warnings;
  }
}

/** Builds a BriefdeckError for a single problem. */
export function failure(code: ErrorCode, message: string, where: { file?: string; line?: number; hint?: string } = {}): BriefdeckError {
  return new BriefdeckError({ code, severity: 'error', message, ...where });
}

/**
 * Collects diagnostics across a stage so a user sees every problem in one run
 * instead of fixing them one rebuild at a time.
 */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  /** Records an error; the stage goes on so later problems are found too. */
  error(code: ErrorCode, message: string, where: { file?: string; line?: number; hint?: string } = {}): void {
    this.record({ code, severity: 'error', message, ...where });
  }

  /** Records a warning, which never stops a build. */
  warn(code: ErrorCode, message: string, where: { file?: string; line?: number; hint?: string } = {}): void {
    this.record({ code, severity: 'warning', message, ...where });
  }

  // One line per problem: a problem met again at the same place (a picture a directive carries to every slide) is said once.
  private record(diagnostic: Diagnostic): void {
    const key = `${diagnostic.code}\n${diagnostic.severity}\n${diagnostic.file ?? ''}\n${diagnostic.line ?? ''}\n${diagnostic.message}\n${diagnostic.hint ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(diagnostic);
  }

  /** Adds diagnostics gathered elsewhere, such as a caught BriefdeckError's. */
  addAll(list: readonly Diagnostic[]): void {
    appendAll(this.items, list);
  }

  /** The warnings collected so far. */
  get warnings(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'warning');
  }

  /** The errors collected so far. */
  get errors(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'error');
  }

  /** Throws one BriefdeckError carrying every error, and the warnings found with them, if there is any error. */
  throwIfErrors(): void {
    const errors = this.errors;
    if (errors.length > 0) throw new BriefdeckError(errors, this.warnings);
  }
}

/**
 * Makes text from the input safe to print: control characters (C0, DEL and C1,
 * newlines included) become visible escapes, so a file name or heading can
 * never retitle the terminal, erase lines or forge a `file:line: error` line.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => NAMED_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A diagnostic with every text field escaped for the terminal or a JSON consumer. */
export function escapeDiagnostic(d: Diagnostic): Diagnostic {
  const safe = (s: string | undefined) => (s === undefined ? undefined : escapeControlCharacters(s));
  return { ...d, message: safe(d.message)!, file: safe(d.file), hint: safe(d.hint) };
}

/** Orders diagnostics by file, then line. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0);
}

/** The most diagnostics a report lists one by one. */
export const MAX_LISTED = 200;

/**
 * A report of diagnostics: each formatted, by file and line. A deck with thousands of problems (a line written for
 * another tool, repeated) would bury the terminal: past MAX_LISTED the errors come first, then the warnings, and
 * what is left unsaid is counted by code in a last line.
 */
export function formatDiagnosticReport(all: readonly Diagnostic[]): string[] {
  const list = collapseRepeatedWarnings(all);
  if (list.length <= MAX_LISTED) return [...list].sort(compareDiagnostics).map(formatDiagnostic);
  const sorted = [...list].sort((a, b) => Number(b.severity === 'error') - Number(a.severity === 'error') || compareDiagnostics(a, b));
  const left = new Map<string, number>();
  for (const d of sorted.slice(MAX_LISTED)) left.set(d.code, (left.get(d.code) ?? 0) + 1);
  const counts = [...left].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${groupDigits(n)} ${code}`).join(', ');
  return [...sorted.slice(0, MAX_LISTED).map(formatDiagnostic), `… and ${groupDigits(list.length - MAX_LISTED)} more not shown (${counts}); the first ${MAX_LISTED} are above`];
}

/** The most other lines a repeated warning names after its first. */
const MAX_ALSO = 5;

/**
 * The same warning at many lines of a file (an option a deck sets on every slide, a class on every line) is one
 * problem: said once, at its first line, with the others named after it (`also at lines 40, 52 and 9 more`). Errors
 * are each listed: each is to be mended where it stands.
 */
function collapseRepeatedWarnings(list: readonly Diagnostic[]): Diagnostic[] {
  const first = new Map<string, { at: Diagnostic; lines: number[] }>();
  const kept: Diagnostic[] = [];
  for (const d of [...list].sort(compareDiagnostics)) {
    const key = d.severity === 'warning' && d.line !== undefined ? JSON.stringify([d.file, d.code, d.message, d.hint]) : undefined;
    const seen = key === undefined ? undefined : first.get(key);
    if (seen && d.line !== seen.at.line && !seen.lines.includes(d.line!)) {
      seen.lines.push(d.line!);
      continue;
    }
    if (key !== undefined && !seen) first.set(key, { at: d, lines: [] });
    if (!seen) kept.push(d);
  }
  return kept.map((d) => {
    const also = first.get(JSON.stringify([d.file, d.code, d.message, d.hint]))?.lines ?? [];
    if (d.severity !== 'warning' || also.length === 0) return d;
    return { ...d, message: `${d.message} (also at line${also.length === 1 ? '' : 's'} ${nameSome(also.map(String), MAX_ALSO)})` };
  });
}

/** Formats a diagnostic the way compilers do: `file:line: severity: message`, then the hint. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const d = escapeDiagnostic(diagnostic);
  const where = d.file ? `${d.file}${d.line ? `:${d.line}` : ''}: ` : '';
  const head = `${where}${d.severity}: ${d.message}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}
