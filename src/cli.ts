import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BriefdeckError, failure, formatDiagnostic, type Diagnostic } from './errors.js';
import { buildDeck, defaultOutputPath } from './build-deck.js';
import { writeFileAtomic } from './write-output.js';

/** Where the CLI writes; tests pass their own to capture output. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  help: string[];
  run: (values: Record<string, string | boolean | undefined>, positionals: string[], io: CliIo) => Promise<number>;
}

const DEFAULT_INPUT = 'briefing';

const COMMANDS: Record<string, Command> = {
  build: {
    summary: 'build a briefing into one self-contained HTML file',
    usage: 'briefdeck build [input] [-o file] [--handout]',
    options: {
      output: { type: 'string', short: 'o' },
      handout: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    help: [
      'input            a briefing folder or a single .md file (default: briefing/)',
      '-o, --output     where to write the deck (default: dist/<name>.html)',
      '    --handout    leave every speaker note out of the file, for handing out',
      '-h, --help       show this help',
    ],
    run: runBuild,
  },
};

/** Runs the CLI with the given arguments and returns the exit code; never throws for user errors. */
export async function runCli(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp());
    return name === undefined ? 1 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out('briefdeck 0.1.0');
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(formatDiagnostic({ code: 'E_USAGE', severity: 'error', message: `unknown command "${name}"`, hint: `commands: ${Object.keys(COMMANDS).join(', ')}; see briefdeck --help` }));
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (err) {
    io.err(formatDiagnostic({ code: 'E_USAGE', severity: 'error', message: (err as Error).message, hint: `usage: ${command.usage}` }));
    return 2;
  }
  if (parsed.values.help) {
    io.out(commandHelp(name, command));
    return 0;
  }
  try {
    return await command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals, io);
  } catch (err) {
    if (err instanceof BriefdeckError) {
      reportDiagnostics(err.diagnostics, io);
      return 1;
    }
    // An unexpected failure is our bug, not the user's: say so once, still without a stack trace.
    io.err(`error: internal error: ${(err as Error)?.message ?? String(err)}`);
    io.err('  hint: this is a bug in briefdeck; run with BRIEFDECK_DEBUG=1 for details and report it');
    if (process.env.BRIEFDECK_DEBUG) io.err(String((err as Error)?.stack));
    return 70;
  }
}

async function runBuild(values: Record<string, string | boolean | undefined>, positionals: string[], io: CliIo): Promise<number> {
  if (positionals.length > 1) throw failure('E_USAGE', `expected one input, got ${positionals.length}`, { hint: COMMANDS.build!.usage });
  const input = positionals[0] ?? DEFAULT_INPUT;
  const started = performance.now();
  const built = await buildDeck(input, { cwd: io.cwd, handout: Boolean(values.handout) });
  const target = typeof values.output === 'string' ? path.resolve(io.cwd, values.output) : defaultOutputPath(built.name, 'html', io.cwd);
  writeFileAtomic(target, built.deck.html);
  reportDiagnostics(built.warnings, io);
  const ms = Math.round(performance.now() - started);
  io.out(
    `built ${path.relative(io.cwd, target) || target}: ${built.briefing.slides.length} slides, ${built.deck.bytes.total.toLocaleString('en-US')} bytes, ${ms} ms${values.handout ? ' (handout: notes removed)' : ''}`,
  );
  return 0;
}

function reportDiagnostics(list: readonly Diagnostic[], io: CliIo): void {
  for (const d of list) io.err(formatDiagnostic(d));
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

function commandHelp(name: string, command: Command): string {
  return [`briefdeck ${name}: ${command.summary}`, '', `usage: ${command.usage}`, '', ...command.help.map((l) => `  ${l}`)].join('\n');
}

function defaultIo(): CliIo {
  return { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`), cwd: process.cwd() };
}
