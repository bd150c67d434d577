import { COMMANDS, LIMIT_OPTIONS, type Command } from './command-table.js';

/** The top-level help: every command and its summary. */
export function mainHelp(): string {
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

/** One line: the command, its input and its options. */
export function usage(name: string, command: Command): string {
  const flags = Object.entries(command.options)
    .filter(([flag]) => flag !== 'help' && !(flag in LIMIT_OPTIONS))
    .map(([flag, o]) => `[${o.short ? `-${o.short}|` : ''}--${flag}${o.arg ? ` ${o.arg}` : ''}]`);
  return [`briefdeck ${name}`, `[${command.positional[0]}]`, ...flags].join(' ');
}

/** Help for one command, generated from the same table parseArgs reads, so it cannot drift from the options. */
export function commandHelp(name: string, command: Command): string {
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

