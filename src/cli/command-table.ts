import { runBuild, runCheck, runDev, runInit, runPdf, runPptx, runShots } from './commands.js';

/** Where the CLI writes; tests pass their own to capture output. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

/** Option values as parseArgs returns them. */
export type Values = Record<string, string | boolean | undefined>;

/** One option: how parseArgs reads it and the line --help prints for it. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder shown after the flag, such as "file". */
  arg?: string;
  help: string;
}

/** One command: what it does, what it takes and what runs it. */
export interface Command {
  summary: string;
  /** Positional arguments, as shown in usage and help. */
  positional: [name: string, help: string];
  options: Record<string, OptionSpec>;
  notes?: string[];
  run: (values: Values, input: string | undefined, io: CliIo) => Promise<number>;
}

export const DEFAULT_INPUT = 'briefing';
const INPUT: Command['positional'] = ['input', 'a briefing folder, a single .md file, a reveal.js page or a notebook, or another tool\'s project folder (default: briefing/, or the folder you are in when it holds a deck)'];

/** Input limits every command that builds a deck accepts. */
export const LIMIT_OPTIONS: Record<string, OptionSpec> = {
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

/** Every command, its options and what runs it: parseArgs, --help and usage all read this one table. */
export const COMMANDS: Record<string, Command> = {
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
      'no-layout': { type: 'boolean', help: 'skip the browser layout (overflow) check: a quick lint for editors and pre-commit hooks' },
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
  pptx: {
    summary: 'write an editable PowerPoint file: native text, tables, pictures, charts and notes',
    positional: INPUT,
    options: {
      output: { type: 'string', short: 'o', arg: 'file', help: 'where to write the .pptx (default: dist/<name>.pptx)' },
      handout: { type: 'boolean', help: 'leave every speaker note out' },
      ...LIMIT_OPTIONS,
      ...HELP_OPTION,
    },
    notes: [
      'No browser and no LibreOffice: every slide is native PowerPoint objects, never a picture of the slide.',
      "The document dates come from SOURCE_DATE_EPOCH, else the briefing's date, else are left out.",
    ],
    run: runPptx,
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

