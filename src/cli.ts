import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BriefdeckError, DiagnosticBag, escapeControlCharacters, escapeDiagnostic, failure, formatDiagnostic, type Diagnostic } from './errors.js';
import { checkBriefing, DEFAULT_BUDGETS } from './check-briefing.js';
import { SLIDE_SIZES } from './render-deck.js';
import { buildDeck, defaultOutputPath, type BuiltDeck } from './build-deck.js';
import { findBrowser, requireBrowser } from './find-browser.js';
import { DEFAULT_LIMITS, type InputLimits } from './load-briefing.js';
import { BUILTIN_TEMPLATES_DIR } from './load-templates.js';
import { writeFileAtomic } from './write-output.js';
import { hintWithSuggestion, suggestClosest } from './did-you-mean.js';
import { openInBrowser } from './open-browser.js';

/** Where the CLI writes; tests pass their own to capture output. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

type Values = Record<string, string | boolean | undefined>;

/** One option: how parseArgs reads it and the line --help prints for it. */
interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder shown after the flag, such as "file". */
  arg?: string;
  help: string;
}

interface Command {
  summary: string;
  /** Positional arguments, as shown in usage and help. */
  positional: [name: string, help: string];
  options: Record<string, OptionSpec>;
  notes?: string[];
  run: (values: Values, input: string | undefined, io: CliIo) => Promise<number>;
}

const DEFAULT_INPUT = 'briefing';
const INPUT: Command['positional'] = ['input', 'a briefing folder or a single .md file (default: briefing/)'];

/** Input limits every command that builds a deck accepts. */
const LIMIT_OPTIONS: Record<string, OptionSpec> = {
  'max-file-bytes': { type: 'string', arg: 'n', help: 'largest Markdown or YAML file (default: 5 MiB)' },
  'max-image-bytes': { type: 'string', arg: 'n', help: 'largest image (default: 5 MiB)' },
  'max-deck-bytes': { type: 'string', arg: 'n', help: 'largest total of all images (default: 20 MiB)' },
};

/** Options of every command that drives the browser. */
const BROWSER_OPTIONS: Record<string, OptionSpec> = {
  timeout: { type: 'string', arg: 's', help: 'seconds the browser work may take in all (default: 60)' },
  'browser-path': { type: 'string', arg: 'path', help: 'Chrome, Chromium or Edge to use (default: $CHROME_PATH, $BROWSER_PATH, then the usual places)' },
};

const HELP_OPTION: Record<string, OptionSpec> = { help: { type: 'boolean', short: 'h', help: 'show this help' } };

const COMMANDS: Record<string, Command> = {
  build: {
    summary: 'build a briefing into one self-contained HTML file',
    positional: INPUT,
    options: {
      output: { type: 'string', short: 'o', arg: 'file', help: 'where to write the deck (default: dist/<name>.html)' },
      handout: { type: 'boolean', help: 'leave every speaker note out of the file, for handing out' },
      ...LIMIT_OPTIONS,
      ...HELP_OPTION,
    },
    run: runBuild,
  },
  dev: {
    summary: 'serve a briefing on 127.0.0.1 and reload the browser on every save',
    positional: INPUT,
    options: {
      port: { type: 'string', arg: 'n', help: 'port on 127.0.0.1 (default: 8000; 0 picks a free one)' },
      open: { type: 'boolean', help: 'open the deck in the default browser' },
      ...HELP_OPTION,
    },
    notes: ['Build errors show in the page and here; the server keeps running. Ctrl-C stops it.'],
    run: runDev,
  },
  init: {
    summary: 'scaffold a new briefing folder with example slides, notes and an image',
    positional: ['dir', 'the folder to create (default: briefing/); it must not exist or must be empty'],
    options: { ...HELP_OPTION },
    run: runInit,
  },
  check: {
    summary: 'report every problem in a briefing at once, including slides that overflow',
    positional: INPUT,
    options: {
      json: { type: 'boolean', help: 'print the diagnostics as JSON on stdout' },
      strict: { type: 'boolean', help: 'exit 1 on warnings too, not only on errors' },
      'image-budget': { type: 'string', arg: 'n', help: 'bytes an image may take before a warning (default: 512000)' },
      'deck-budget': { type: 'string', arg: 'n', help: 'bytes the whole deck may take before a warning (default: 3145728)' },
      ...BROWSER_OPTIONS,
      ...LIMIT_OPTIONS,
      ...HELP_OPTION,
    },
    notes: [
      'Each problem is one line, file:line: error|warning: message. Exit code 1 on errors (with --strict, on warnings too).',
      'Without a browser the layout (overflow) check is skipped with a notice.',
    ],
    run: runCheck,
  },
  pdf: {
    summary: 'export a briefing to PDF, one page per slide',
    positional: INPUT,
    options: {
      output: { type: 'string', short: 'o', arg: 'file', help: 'where to write the PDF (default: dist/<name>.pdf)' },
      notes: { type: 'boolean', help: 'presenter handout: each slide with its speaker notes below it (A4)' },
      fragments: { type: 'boolean', help: 'one page per fragment step instead of one per slide' },
      ...BROWSER_OPTIONS,
      ...LIMIT_OPTIONS,
      ...HELP_OPTION,
    },
    notes: ["The PDF dates come from SOURCE_DATE_EPOCH, else the briefing's date, else are left out."],
    run: runPdf,
  },
  shots: {
    summary: 'write one PNG per slide',
    positional: INPUT,
    options: {
      output: { type: 'string', short: 'o', arg: 'dir', help: 'folder for slide-001.png, slide-002.png, … (default: dist/<name>-slides/)' },
      scale: { type: 'string', arg: 'n', help: 'pixel density: 2 gives 2560×1440 for a 16:9 deck (default: 1)' },
      ...BROWSER_OPTIONS,
      ...LIMIT_OPTIONS,
      ...HELP_OPTION,
    },
    run: runShots,
  },
};

/** Runs the CLI with the given arguments and returns the exit code; never throws for user errors. */
export async function runCli(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(mainHelp());
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    // `briefdeck help build` is `briefdeck build --help`.
    const topic = name === 'help' ? rest[0] : undefined;
    if (topic === undefined) {
      io.out(mainHelp());
      return 0;
    }
    if (!Object.hasOwn(COMMANDS, topic)) return usageError(io, `unknown command "${topic}"`, hintWithSuggestion(topic, Object.keys(COMMANDS), 'commands'));
    io.out(commandHelp(topic, COMMANDS[topic]!));
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out('briefdeck 0.1.0');
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) return usageError(io, `unknown command "${name}"`, `${hintWithSuggestion(name, Object.keys(COMMANDS), 'commands')}; see briefdeck --help`);
  let parsed;
  try {
    const options = Object.fromEntries(Object.entries(command.options).map(([flag, o]) => [flag, o.short ? { type: o.type, short: o.short } : { type: o.type }])) as NonNullable<ParseArgsConfig['options']>;
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
    if (parsed.positionals.length > 1) throw new Error(`expected one ${command.positional[0]}, got ${parsed.positionals.length}: ${parsed.positionals.join(' ')}`);
  } catch (err) {
    return usageError(io, describeParseError(err as Error & { code?: string }, command), `usage: ${usage(name, command)}`);
  }
  if (parsed.values.help) {
    io.out(commandHelp(name, command));
    return 0;
  }
  try {
    return await command.run(parsed.values as Values, parsed.positionals[0], io);
  } catch (err) {
    if (err instanceof BriefdeckError) {
      // A bad option value is a usage error like an unknown option: exit 2, with the command's usage.
      if (err.code === 'E_USAGE') return usageError(io, err.message, `${err.hint ? `${err.hint}; ` : ''}usage: ${usage(name, command)}`);
      reportDiagnostics(err.diagnostics, io);
      return 1;
    }
    // An unexpected failure is our bug, not the user's: say so once, still without a stack trace.
    io.err(`error: internal error: ${escapeControlCharacters((err as Error)?.message ?? String(err))}`);
    io.err('  hint: this is a bug in briefdeck; run with BRIEFDECK_DEBUG=1 for details and report it');
    if (process.env.BRIEFDECK_DEBUG) io.err(String((err as Error)?.stack));
    return 70;
  }
}

/** Reports a usage error the same way for every command: one line, a hint, exit code 2. */
function usageError(io: CliIo, message: string, hint: string): number {
  io.err(formatDiagnostic({ code: 'E_USAGE', severity: 'error', message, hint }));
  return 2;
}

/** Node's parseArgs errors, said in briefdeck's own words, with a guess at the option that was meant. */
function describeParseError(err: Error & { code?: string }, command: Command): string {
  const flags = Object.keys(command.options).map((f) => `--${f}`);
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /'([^']+)'/.exec(err.message)?.[1] ?? '';
    const guess = suggestClosest(option, flags);
    return `unknown option ${option}${guess ? `; did you mean ${guess}?` : ''}`;
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = /'(--?[\w-]+)/.exec(err.message)?.[1] ?? 'an option';
    return /argument missing/.test(err.message) ? `option ${option.split(/[ ,]/)[0]} needs a value` : `option ${option} takes no value`;
  }
  return err.message;
}

async function runBuild(values: Values, inputArg: string | undefined, io: CliIo): Promise<number> {
  const input = inputArg ?? defaultInput(io.cwd);
  const started = performance.now();
  const built = await buildDeck(input, { cwd: io.cwd, handout: Boolean(values.handout), limits: readLimits(values) });
  const target = typeof values.output === 'string' ? path.resolve(io.cwd, values.output) : defaultOutputPath(built.name, 'html', io.cwd);
  writeFileAtomic(target, built.deck.html);
  reportDiagnostics(built.warnings, io);
  const ms = Math.round(performance.now() - started);
  io.out(
    `built ${escapeControlCharacters(path.relative(io.cwd, target) || target)}: ${built.briefing.slides.length} slides, ${built.deck.bytes.total.toLocaleString('en-US')} bytes, ${ms} ms${values.handout ? ' (handout: notes removed)' : ''}`,
  );
  return 0;
}

async function runDev(values: Values, inputArg: string | undefined, io: CliIo): Promise<number> {
  const port = values.port === undefined ? 8000 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw failure('E_USAGE', `--port must be a whole number from 0 to 65535, not ${String(values.port)}`, { hint: '--port 8000' });
  const input = inputArg ?? defaultInput(io.cwd);
  const { startDevServer } = await import('./dev-server.js');
  const server = await startDevServer(input, { port, cwd: io.cwd, log: (line) => io.err(line) });
  io.out(`dev: serving ${escapeControlCharacters(input)} at ${server.url} (Ctrl-C to stop)`);
  if (values.open) openInBrowser(server.url, (reason) => io.err(`dev: could not open a browser (${reason}); open ${server.url} yourself`));
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}


async function runInit(_values: Values, inputArg: string | undefined, io: CliIo): Promise<number> {
  const dir = path.resolve(io.cwd, inputArg ?? DEFAULT_INPUT);
  const shown = path.relative(io.cwd, dir) || '.';
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw failure('E_INIT_EXISTS', `${shown} already exists and is not empty`, { file: shown, hint: 'choose a new folder: briefdeck init my-briefing' });
  }
  const scaffold = path.join(BUILTIN_TEMPLATES_DIR, 'scaffold');
  mkdirSync(dir, { recursive: true });
  const files = readdirSync(scaffold).sort();
  for (const name of files) copyFileSync(path.join(scaffold, name), path.join(dir, name));
  io.out(escapeControlCharacters(`created ${shown}/ with ${files.join(', ')}`));
  // Inside a checkout briefdeck is not on PATH; npx finds it there and anywhere it is installed.
  const cli = isOnPath('briefdeck') ? 'briefdeck' : 'npx briefdeck';
  io.out(escapeControlCharacters(`next: ${cli} dev ${shown}   (live preview)  or  ${cli} build ${shown}`));
  return 0;
}

async function runCheck(values: Values, inputArg: string | undefined, io: CliIo): Promise<number> {
  const input = inputArg ?? defaultInput(io.cwd);
  const json = Boolean(values.json);
  const timeoutMs = readTimeout(values);
  const found: Diagnostic[] = [];
  let built: BuiltDeck | undefined;
  io.err(`check: building ${escapeControlCharacters(input)}`);
  const budgets = {
    imageBytes: readPositiveInteger(values, 'image-budget') ?? DEFAULT_BUDGETS.imageBytes,
    deckBytes: readPositiveInteger(values, 'deck-budget') ?? DEFAULT_BUDGETS.deckBytes,
  };
  try {
    built = await buildDeck(input, { cwd: io.cwd, limits: readLimits(values), budgets });
  } catch (err) {
    if (!(err instanceof BriefdeckError)) throw err;
    found.push(...err.diagnostics);
  }
  if (built) {
    found.push(...built.warnings, ...checkBriefing(built.briefing));
    const explicit = typeof values['browser-path'] === 'string' ? values['browser-path'] : undefined;
    // A browser the user named must exist; only an unnamed one may be missing.
    const browser = explicit ? requireBrowser(explicit) : findBrowser();
    if (browser.path === null) {
      io.err('check: notice: no Chromium-family browser found, so slide overflow was not checked (set CHROME_PATH or --browser-path)');
    } else {
      const { findOverflowingSlides, reportOverflow } = await import('./print-pdf.js');
      const overflows = await findOverflowingSlides(built, { browserPath: browser.path, timeoutMs, progress: (line) => io.err(escapeControlCharacters(`check: ${line}`)) });
      const bag = new DiagnosticBag();
      const height = SLIDE_SIZES[built.briefing.meta.size].height;
      for (const overflow of overflows) reportOverflow(built, overflow, height, bag, 'error', 'E_OVERFLOW');
      found.push(...bag.items);
    }
  }
  found.splice(0, found.length, ...sortDiagnostics(found));
  const errors = found.filter((d) => d.severity === 'error').length;
  const warnings = found.length - errors;
  if (json) {
    io.out(JSON.stringify({ errors, warnings, diagnostics: found.map(escapeDiagnostic) }, null, 2));
  } else {
    reportDiagnostics(found, io);
    io.err(`check: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  }
  return errors > 0 || (values.strict && warnings > 0) ? 1 : 0;
}

function readTimeout(values: Values): number {
  const timeout = values.timeout === undefined ? 60 : Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) throw failure('E_USAGE', `--timeout must be a positive number of seconds, not ${String(values.timeout)}`, { hint: 'for example --timeout 120' });
  return timeout * 1000;
}

async function runPdf(values: Values, inputArg: string | undefined, io: CliIo): Promise<number> {
  const started = performance.now();
  const { built, browserPath, timeoutMs } = await prepareExport(values, inputArg, io, 'pdf');
  const target = typeof values.output === 'string' ? path.resolve(io.cwd, values.output) : defaultOutputPath(built.name, 'pdf', io.cwd);
  const epoch = process.env.SOURCE_DATE_EPOCH;
  // Loaded on demand: playwright-core and pdf-lib would add ~0.4 s to every `build`.
  const { printPdf } = await import('./print-pdf.js');
  const printed = await printPdf(built, {
    browserPath,
    timeoutMs,
    progress: (line) => io.err(escapeControlCharacters(`pdf: ${line}`)),
    notes: Boolean(values.notes),
    fragments: Boolean(values.fragments),
    sourceDateEpoch: epoch && /^\d+$/.test(epoch) ? Number(epoch) : undefined,
  });
  io.err(escapeControlCharacters(`pdf: writing ${path.relative(io.cwd, target) || target}`));
  writeFileAtomic(target, printed.pdf);
  reportDiagnostics(printed.warnings, io);
  io.out(`printed ${escapeControlCharacters(path.relative(io.cwd, target) || target)}: ${printed.pages} pages, ${printed.pdf.length.toLocaleString('en-US')} bytes, ${Math.round(performance.now() - started)} ms`);
  return 0;
}

async function runShots(values: Values, inputArg: string | undefined, io: CliIo): Promise<number> {
  const started = performance.now();
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 4) throw failure('E_USAGE', `--scale must be a number above 0 and at most 4, not ${values.scale}`, { hint: 'for example --scale 2' });
  const { built, browserPath, timeoutMs } = await prepareExport(values, inputArg, io, 'shots');
  const dir = typeof values.output === 'string' ? path.resolve(io.cwd, values.output) : path.join(io.cwd, 'dist', `${built.name}-slides`);
  const { captureSlides } = await import('./print-pdf.js');
  const shots = await captureSlides(built, { browserPath, timeoutMs, scale, progress: (line) => io.err(escapeControlCharacters(`shots: ${line}`)) });
  io.err(escapeControlCharacters(`shots: writing ${shots.length} files to ${path.relative(io.cwd, dir) || dir}`));
  mkdirSync(dir, { recursive: true });
  // Slides from an earlier, longer deck would otherwise linger beside the new ones.
  for (const old of readdirSync(dir)) if (/^slide-\d+\.png$/.test(old)) rmSync(path.join(dir, old));
  shots.forEach((png, i) => writeFileAtomic(path.join(dir, `slide-${String(i + 1).padStart(3, '0')}.png`), png));
  io.out(`captured ${shots.length} slides into ${escapeControlCharacters(path.relative(io.cwd, dir) || dir)}, ${Math.round(performance.now() - started)} ms`);
  return 0;
}

/** Shared first steps of every browser export: find the browser, then build the deck in memory. */
async function prepareExport(values: Values, inputArg: string | undefined, io: CliIo, name: string): Promise<{ built: BuiltDeck; browserPath: string; timeoutMs: number }> {
  const timeoutMs = readTimeout(values);
  const browser = requireBrowser(typeof values['browser-path'] === 'string' ? values['browser-path'] : undefined);
  const input = inputArg ?? defaultInput(io.cwd);
  io.err(`${name}: building ${escapeControlCharacters(input)}`);
  const built = await buildDeck(input, { cwd: io.cwd, limits: readLimits(values) });
  reportDiagnostics(built.warnings, io);
  return { built, browserPath: browser.path, timeoutMs };
}

/** Reads the --max-*-bytes options over the defaults. */
function readLimits(values: Values): InputLimits {
  const limits = { ...DEFAULT_LIMITS };
  const keys = { 'max-file-bytes': 'maxFileBytes', 'max-image-bytes': 'maxImageBytes', 'max-deck-bytes': 'maxDeckBytes' } as const;
  for (const [option, key] of Object.entries(keys)) limits[key] = readPositiveInteger(values, option) ?? limits[key];
  return limits;
}

function readPositiveInteger(values: Values, option: string): number | undefined {
  const raw = values[option];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(n) || n <= 0) throw failure('E_USAGE', `--${option} must be a positive whole number of bytes, not ${String(raw)}`, { hint: `for example --${option} 1048576` });
  return n;
}

/** Prints diagnostics in reading order: by file, then line; those without a place first. The sort is stable. */
function reportDiagnostics(list: readonly Diagnostic[], io: CliIo): void {
  for (const d of sortDiagnostics(list)) io.err(formatDiagnostic(d));
}

function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0));
}

/**
 * The input when none is named: `briefing/` under the working directory, or
 * the working directory itself when it is a briefing folder (it holds
 * briefing.yml and has no briefing/ of its own).
 */
function defaultInput(cwd: string): string {
  if (!existsSync(path.join(cwd, DEFAULT_INPUT)) && (existsSync(path.join(cwd, 'briefing.yml')) || existsSync(path.join(cwd, 'briefing.yaml')))) return '.';
  return DEFAULT_INPUT;
}

/** True when a command of that name is on PATH, as a shell would find it. */
function isOnPath(name: string): boolean {
  const exts = process.platform === 'win32' ? (process.env.PATHEXT ?? '.CMD;.EXE').split(';') : [''];
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && exts.some((ext) => existsSync(path.join(dir, name + ext))));
}

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  return [
    'briefdeck: turn a folder of Markdown into one self-contained, offline slide deck',
    '',
    'usage: briefdeck <command> [options]',
    '',
    'commands:',
    ...Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`),
    '',
    'Run `briefdeck <command> --help` for its options.',
  ].join('\n');
}

function usage(name: string, command: Command): string {
  const flags = Object.entries(command.options)
    .filter(([flag]) => flag !== 'help' && !(flag in LIMIT_OPTIONS))
    .map(([flag, o]) => `[${o.short ? `-${o.short}|` : ''}--${flag}${o.arg ? ` ${o.arg}` : ''}]`);
  return [`briefdeck ${name}`, `[${command.positional[0]}]`, ...flags].join(' ');
}

/** Help for one command, generated from the same table parseArgs reads, so it cannot drift from the options. */
function commandHelp(name: string, command: Command): string {
  const rows: [string, string][] = [[command.positional[0], command.positional[1]]];
  for (const [flag, o] of Object.entries(command.options)) rows.push([`${o.short ? `-${o.short}, ` : '    '}--${flag}${o.arg ? ` ${o.arg}` : ''}`, o.help]);
  const width = Math.max(...rows.map(([left]) => left.length));
  return [
    `briefdeck ${name}: ${command.summary}`,
    '',
    `usage: ${usage(name, command)}`,
    '',
    ...rows.map(([left, text]) => `  ${left.padEnd(width)}  ${text}`),
    ...(command.notes ? ['', ...command.notes] : []),
  ].join('\n');
}

function defaultIo(): CliIo {
  return { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`), cwd: process.cwd() };
}
