import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BriefdeckError, escapeControlCharacters, formatDiagnostic } from './errors.js';
import { hintWithSuggestion, suggestClosest } from './did-you-mean.js';
import { COMMANDS, type CliIo, type Command, type Values } from './cli/command-table.js';
import { reportDiagnostics } from './cli/commands.js';
import { commandHelp, mainHelp, usage } from './cli/help.js';
import { describeOtherOption } from './cli/other-options.js';

export type { CliIo } from './cli/command-table.js';

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
    const unknown = (err as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'([^']+)'/.exec((err as Error).message)?.[1] : undefined;
    const elsewhere = unknown === undefined ? undefined : describeOtherOption(unknown, name, COMMANDS);
    return usageError(io, describeParseError(err as Error & { code?: string }, command), `${elsewhere ? `${elsewhere}; ` : ''}usage: ${usage(name, command)}`);
  }
  if (parsed.values.help) {
    io.out(commandHelp(name, command));
    return 0;
  }
  // An empty value (`-o "$OUT"` with OUT unset) names nothing: it is said so, not taken for the working folder.
  const empty = Object.entries(parsed.values).find(([, value]) => value === '');
  if (empty) return usageError(io, `option --${empty[0]} was given an empty value`, `give it one, or leave the option out; usage: ${usage(name, command)}`);
  if (parsed.positionals[0] === '') return usageError(io, `the ${command.positional[0]} is empty`, `name it, or leave it out for the default; usage: ${usage(name, command)}`);
  try {
    return await command.run(parsed.values as Values, parsed.positionals[0], io);
  } catch (err) {
    if (err instanceof BriefdeckError) {
      // A bad option value is a usage error like an unknown option: exit 2, with the command's usage.
      if (err.code === 'E_USAGE') return usageError(io, err.message, `${err.hint ? `${err.hint}; ` : ''}usage: ${usage(name, command)}`);
      // The warnings found before the stop are reported with the errors, in reading order: one may be the cause.
      reportDiagnostics([...err.warnings, ...err.diagnostics], io);
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
    if (/argument missing/.test(err.message)) return `option ${option.split(/[ ,]/)[0]} needs a value`;
    // A value that starts with a dash (`--timeout -5`) reads as the next option, and the option as left without one.
    if (/argument is ambiguous/.test(err.message)) return `option ${option} needs a value; one that starts with a dash is written ${option}=-…`;
    return `option ${option} takes no value`;
  }
  return err.message;
}

/** The process's own stdout, stderr and working directory. */
function defaultIo(): CliIo {
  return { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`), cwd: process.cwd() };
}

