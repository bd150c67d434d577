import { copyFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { DeckPageSettings } from '../browser-session.js';
import { BriefdeckError, DiagnosticBag, compareDiagnostics, escapeControlCharacters, escapeDiagnostic, failure, formatDiagnosticReport, type Diagnostic } from '../errors.js';
import { groupDigits } from '../group-digits.js';
import { checkBriefing, DEFAULT_BUDGETS } from '../check-briefing.js';
import { SLIDE_SIZES } from '../model.js';
import { buildDeck, defaultOutputPath, loadModel, type BuiltDeck } from '../build-deck.js';
import { findBrowser, requireBrowser } from '../find-browser.js';
import { isBrowserShared, startChromium } from '../launch-chromium.js';
import { DEFAULT_LIMITS, type InputLimits } from '../load/input-limits.js';
import { holdsDeckAtTop } from '../load/folder-decks.js';
import { BUILTIN_TEMPLATES_DIR } from '../load-templates.js';
import { makeOutputFolder, refuseFileAsFolder, refuseOtherFormat, refuseSourceAsTarget, writeFileAtomic } from '../write-output.js';
import { refuseSlideImagesInTheWay, writeSlideImages } from '../write-slide-images.js';
import { readSourceDateEpoch } from '../document-date.js';
import { openInBrowser } from '../open-browser.js';
import { DEFAULT_INPUT, type CliIo, type Values } from './command-table.js';
import { appendAll } from '../append-all.js';
import { countNoun } from '../count-noun.js';

/** `briefdeck build`. */
export async function runBuild(values: Values, inputArg: string | undefined, io: CliIo): Promise<number> {
  if (typeof values.output === 'string') refuseOtherFormat(values.output, 'build');
  const input = inputArg ?? defaultInput(io.cwd);
  const started = performance.now();
  const built = await buildDeck(input, { cwd: io.cwd, handout: Boolean(values.handout), limits: readLimits(values), progress: (line) => io.err(escapeControlCharacters(`build: ${line}`)) });
  const target = typeof values.output === 'string' ? path.resolve(io.cwd, values.output) : defaultOutputPath(built.name, 'html', io.cwd);
  refuseSourceAsTarget(target, path.resolve(io.cwd, input), built.readFiles);
  writeFileAtomic(target, built.deck.html);
  reportDiagnostics(built.warnings, io);
  const ms = Math.round(performance.now() - started);
  io.out(
    `built ${escapeControlCharacters(path.relative(io.cwd, target) || target)}: ${countNoun(built.briefing.slides.length, 'slide')}, ${groupDigits(built.deck.bytes.total)} bytes, ${ms} ms${values.handout ? ' (handout: notes removed)' : ''}`,
  );
  return 0;
}

/** `briefdeck pptx`. */
export async function runPptx(values: Values, inputArg: string | undefined, io: CliIo): Promise<number> {
  if (typeof values.output === 'string') refuseOtherFormat(values.output, 'pptx');
  const input = inputArg ?? defaultInput(io.cwd);
  const started = performance.now();
  io.err(`pptx: reading ${escapeControlCharacters(input)}`);
  // Loaded on demand, since pptxgenjs and its zip library are for this command only, and while the worker parses the deck.
  const exporter = import('../export/write-pptx.js');
  exporter.catch(() => undefined);
  const model = await loadModel(input, { cwd: io.cwd, limits: readLimits(values), progress: (line) => io.err(escapeControlCharacters(`pptx: ${line}`)) });
  reportDiagnostics(model.warnings, io);
  const target = typeof values.output === 'string' ? path.resolve(io.cwd, values.output) : defaultOutputPath(model.name, 'pptx', io.cwd);
  refuseSourceAsTarget(target, path.resolve(io.cwd, input), model.readFiles);
  const { writePptx } = await exporter;
  io.err(`pptx: placing ${countNoun(model.briefing.slides.length, 'slide')}`);
  const written = await writePptx(model, {
    handout: Boolean(values.handout),
    sourceDateEpoch: readSourceDateEpoch(),
    progress: (line) => io.err(`pptx: ${line}`),
  });
  for (const line of written.info) io.err(`pptx: info: ${line}`);
  reportDiagnostics(written.warnings, io);
  io.err(escapeControlCharacters(`pptx: writing ${path.relative(io.cwd, target) || target}`));
  writeFileAtomic(target, written.bytes);
  const notes = values.handout ? ' (handout: notes left out)' : `, notes on ${written.notes}`;
  io.out(`wrote ${escapeControlCharacters(path.relative(io.cwd, target) || target)}: ${countNoun(written.slides, 'slide')}${notes}, ${groupDigits(written.bytes.length)} bytes, ${Math.round(performance.now() - started)} ms`);
  return 0;
}

/** `briefdeck dev`. */
export async function runDev(values: Values, inputArg: string | undefined, io: CliIo): Promise<number> {
  const port = values.port === undefined ? 8000 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw failure('E_USAGE', `--port must be a whole number from 0 to 65535, not ${String(values.port)}`, { hint: '--port 8000' });
  const input = inputArg ?? defaultInput(io.cwd);
  const { startDevServer } = await import('../dev-server.js');
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


/** `briefdeck init`. */
export async function runInit(_values: Values, inputArg: string | undefined, io: CliIo): Promise<number> {
  const dir = path.resolve(io.cwd, inputArg ?? DEFAULT_INPUT);
  // A folder outside the working one is named as written (`/srv/deck`, not `../../srv/deck`).
  const relative = path.relative(io.cwd, dir);
  const shown = relative.startsWith('..') ? dir : relative || '.';
  if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0)) {
    throw failure('E_INIT_EXISTS', `${shown} already exists and is ${statSync(dir).isDirectory() ? 'not empty' : 'not a folder'}`, { file: shown, hint: 'choose a new folder: briefdeck init my-briefing' });
  }
  const scaffold = path.join(BUILTIN_TEMPLATES_DIR, 'scaffold');
  makeOutputFolder(dir, shown);
  const files = readdirSync(scaffold).sort();
  for (const name of files) copyFileSync(path.join(scaffold, name), path.join(dir, name));
  io.out(escapeControlCharacters(`created ${shown}/ with ${files.join(', ')}`));
  // Inside a checkout briefdeck is not on PATH; npx finds it there and anywhere it is installed.
  const cli = isOnPath('briefdeck') ? 'briefdeck' : 'npx briefdeck';
  // Quoted where the shell would split or read it, so the line can be pasted as it is.
  const typed = quoteForShell(shown);
  io.out(escapeControlCharacters(`next: ${cli} dev ${typed}   (live preview)  or  ${cli} build ${typed}`));
  return 0;
}

/** A path as typed in a shell: as it is when the shell reads it so, else quoted (double quotes on Windows). */
function quoteForShell(text: string): string {
  if (/^[\w./@%+=:,-]+$/.test(text)) return text;
  return process.platform === 'win32' ? `"${text}"` : `'${text.replaceAll("'", "'\\''")}'`;
}

/** `briefdeck check`. */
export async function runCheck(values: Values, inputArg: string | undefined, io: CliIo): Promise<number> {
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
  const explicit = typeof values['browser-path'] === 'string' ? values['browser-path'] : undefined;
  // As for pdf: the exporter loads and Chromium starts while the deck builds, when there is a browser to start.
  // A named browser that is missing is reported after the build, with the build's own findings.
  const early = values['no-layout'] ? null : findBrowser(explicit).path;
  const start = early ? startExporter(early, timeoutMs, { mode: 'print' }) : undefined;
  try {
    built = await buildDeck(input, { cwd: io.cwd, limits: readLimits(values), budgets, progress: (line) => io.err(escapeControlCharacters(`check: ${line}`)) });
  } catch (err) {
    start?.abandon();
    if (!(err instanceof BriefdeckError)) throw err;
    appendAll(appendAll(found, err.warnings), err.diagnostics);
  }
  if (built) {
    appendAll(appendAll(found, built.warnings), checkBriefing(built.briefing));
    // A browser the user named must exist; only an unnamed one may be missing.
    const browser = values['no-layout'] ? undefined : explicit ? requireBrowser(explicit) : findBrowser();
    if (browser === undefined) {
      io.err('check: layout not checked (--no-layout)');
    } else if (browser.path === null) {
      io.err('check: notice: no Chromium-family browser found, so slide overflow was not checked (set CHROME_PATH or --browser-path)');
    } else {
      const { findLayoutProblems, reportOverflow, reportMissingGlyphs } = await (start?.exporter ?? import('../print-pdf.js'));
      const layout = await findLayoutProblems(built, { browserPath: browser.path, timeoutMs, launched: start?.launched, progress: (line) => io.err(escapeControlCharacters(`check: ${line}`)) });
      const bag = new DiagnosticBag();
      const height = SLIDE_SIZES[built.briefing.meta.size].height;
      for (const overflow of layout.overflows) reportOverflow(built, overflow, height, bag, 'error', 'E_OVERFLOW');
      reportMissingGlyphs(built, layout.missingGlyphs, bag, 'deck');
      appendAll(found, bag.items);
    }
  }
  found.sort(compareDiagnostics);
  const errors = found.filter((d) => d.severity === 'error').length;
  const warnings = found.length - errors;
  if (json) {
    io.out(JSON.stringify({ errors, warnings, diagnostics: found.map(escapeDiagnostic) }, null, 2));
  } else {
    reportDiagnostics(found, io);
    io.err(`check: ${countNoun(errors, 'error')}, ${countNoun(warnings, 'warning')}`);
  }
  return errors > 0 || (values.strict && warnings > 0) ? 1 : 0;
}

function readTimeout(values: Values): number {
  const timeout = values.timeout === undefined ? 60 : Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout <= 0) throw failure('E_USAGE', `--timeout must be a positive number of seconds, not ${String(values.timeout)}`, { hint: 'for example --timeout 120' });
  return timeout * 1000;
}

/** `briefdeck pdf`. */
export async function runPdf(values: Values, inputArg: string | undefined, io: CliIo): Promise<number> {
  if (typeof values.output === 'string') refuseOtherFormat(values.output, 'pdf');
  const started = performance.now();
  const { built, browserPath, timeoutMs, exporter, launched } = await prepareExport(values, inputArg, io, 'pdf', { mode: values.notes ? 'handout' : 'print', fragments: Boolean(values.fragments), printInParts: !values.notes });
  const target = typeof values.output === 'string' ? path.resolve(io.cwd, values.output) : defaultOutputPath(built.name, 'pdf', io.cwd);
  refuseSourceAsTarget(target, path.resolve(io.cwd, inputArg ?? defaultInput(io.cwd)), built.readFiles);
  const { printPdf } = await exporter;
  const printed = await printPdf(built, {
    browserPath,
    timeoutMs,
    launched,
    progress: (line) => io.err(escapeControlCharacters(`pdf: ${line}`)),
    notes: Boolean(values.notes),
    fragments: Boolean(values.fragments),
    sourceDateEpoch: readSourceDateEpoch(),
  });
  io.err(escapeControlCharacters(`pdf: writing ${path.relative(io.cwd, target) || target}`));
  writeFileAtomic(target, printed.pdf);
  reportDiagnostics(printed.warnings, io);
  io.out(`printed ${escapeControlCharacters(path.relative(io.cwd, target) || target)}: ${countNoun(printed.pages, 'page')}, ${groupDigits(printed.pdf.length)} bytes, ${Math.round(performance.now() - started)} ms`);
  return 0;
}

/** `briefdeck shots`. */
export async function runShots(values: Values, inputArg: string | undefined, io: CliIo): Promise<number> {
  const started = performance.now();
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 4) throw failure('E_USAGE', `--scale must be a number above 0 and at most 4, not ${values.scale}`, { hint: 'for example --scale 2' });
  // A file named as the folder is refused before the deck is built and shot, not after.
  if (typeof values.output === 'string') {
    refuseOtherFormat(values.output, 'shots');
    refuseFileAsFolder(path.resolve(io.cwd, values.output), values.output);
    refuseSlideImagesInTheWay(path.resolve(io.cwd, values.output), values.output);
  }
  const { built, browserPath, timeoutMs, exporter, launched } = await prepareExport(values, inputArg, io, 'shots', { mode: 'present', scale });
  const dir = typeof values.output === 'string' ? path.resolve(io.cwd, values.output) : path.join(io.cwd, 'dist', `${built.name}-slides`);
  const { captureSlides } = await exporter;
  const { shots, warnings } = await captureSlides(built, { browserPath, timeoutMs, scale, launched, progress: (line) => io.err(escapeControlCharacters(`shots: ${line}`)) });
  io.err(escapeControlCharacters(`shots: writing ${countNoun(shots.length, 'file')} to ${path.relative(io.cwd, dir) || dir}`));
  // One set, never half of each: an earlier, longer deck's pictures go once the new ones are in place.
  writeSlideImages(dir, path.relative(io.cwd, dir) || dir, shots);
  reportDiagnostics(warnings, io);
  io.out(`captured ${countNoun(shots.length, 'slide')} into ${escapeControlCharacters(path.relative(io.cwd, dir) || dir)}, ${Math.round(performance.now() - started)} ms`);
  return 0;
}

/** The exporter and its browser, on their way while the deck builds. */
interface StartedExporter {
  /** The exporter module (playwright-core and pdf-lib), loaded on demand: they would add ~0.5 s to every `build`. */
  exporter: Promise<typeof import('../print-pdf.js')>;
  launched: Promise<Browser | undefined>;
  /** Kills the browser when no export follows (a failed build), so that it does not keep the process alive. */
  abandon(): void;
}

/**
 * Starts Chromium and loads the exporter now: together they take about as
 * long as the build, and mostly wait on other threads, so they overlap it.
 * Chromium is spawned first, before playwright-core loads (launch-chromium.ts),
 * since the two took as long again one after the other; the exporter attaches
 * to it once loaded. The first page is opened for the default slide size; a
 * deck of another size opens its own. For `printing`, pdf-lib is loaded once
 * the browser is attached. In a browser an embedding program shares, nothing
 * is started.
 */
function startExporter(browserPath: string, timeoutMs: number, page: Omit<DeckPageSettings, 'width' | 'height'>, printing = false): StartedExporter {
  const chromium = isBrowserShared() ? undefined : startChromium(browserPath);
  const exporter = import('../print-pdf.js');
  const launched = exporter.then(({ launchBrowserEarly }) => (chromium ? launchBrowserEarly(chromium, timeoutMs, { ...SLIDE_SIZES['16:9'], ...page }) : undefined));
  // Not a failure yet: the job that takes the launch over reports it. A browser nothing will attach to goes at once.
  launched.catch(() => chromium?.kill());
  if (printing) void launched.then(() => exporter).then(({ loadPdfLibrary }) => loadPdfLibrary(), () => undefined);
  return {
    exporter,
    launched,
    // The attach in progress then fails on the closed pipe, and is let go.
    abandon: () => chromium?.kill(),
  };
}

/** What every browser export starts from: the deck built in memory, and its exporter and browser already on their way. */
interface PreparedExport extends Omit<StartedExporter, 'abandon'> {
  built: BuiltDeck;
  browserPath: string;
  timeoutMs: number;
}

/** Shared first steps of every browser export: find the browser, then build the deck in memory while Chromium starts. */
async function prepareExport(values: Values, inputArg: string | undefined, io: CliIo, name: string, page: Omit<DeckPageSettings, 'width' | 'height'>): Promise<PreparedExport> {
  const timeoutMs = readTimeout(values);
  const browser = requireBrowser(typeof values['browser-path'] === 'string' ? values['browser-path'] : undefined);
  const input = inputArg ?? defaultInput(io.cwd);
  io.err(`${name}: building ${escapeControlCharacters(input)}`);
  const { exporter, launched, abandon } = startExporter(browser.path, timeoutMs, page, name === 'pdf');
  try {
    const built = await buildDeck(input, { cwd: io.cwd, limits: readLimits(values), progress: (line) => io.err(escapeControlCharacters(`${name}: ${line}`)) });
    reportDiagnostics(built.warnings, io);
    return { built, browserPath: browser.path, timeoutMs, exporter, launched };
  } catch (err) {
    abandon();
    throw err;
  }
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
export function reportDiagnostics(list: readonly Diagnostic[], io: CliIo): void {
  for (const line of formatDiagnosticReport(list)) io.err(line);
}

/**
 * The input when none is named: `briefing/` under the working directory, or
 * the working directory itself when it is a briefing folder (it holds
 * briefing.yml and has no briefing/ of its own).
 */
function defaultInput(cwd: string): string {
  if (existsSync(path.join(cwd, DEFAULT_INPUT))) return DEFAULT_INPUT;
  // The current folder when it is a briefing itself, or another tool's project with its deck (Slidev's slides.md), as that tool builds it.
  if (existsSync(path.join(cwd, 'briefing.yml')) || existsSync(path.join(cwd, 'briefing.yaml')) || holdsDeckAtTop(cwd)) return '.';
  return DEFAULT_INPUT;
}

/** True when a command of that name is on PATH, as a shell would find it. */
function isOnPath(name: string): boolean {
  const exts = process.platform === 'win32' ? (process.env.PATHEXT ?? '.CMD;.EXE').split(';') : [''];
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && exts.some((ext) => existsSync(path.join(dir, name + ext))));
}

