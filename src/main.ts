// The process edge: the only place that reads argv, sets the exit code and ends the process.
import { processSandbox } from './sandbox-worker.js';
import { PARSING_COMMANDS } from './sandbox-thread.js';

// Commands that build start the parse worker first, so its start-up runs while the CLI loads and reads the briefing.
// bin/briefdeck.js has started its thread already, before these modules loaded; the sandbox takes that one up.
if (PARSING_COMMANDS.includes(process.argv[2] ?? '')) processSandbox().warm();
const { runCli } = await import('./cli.js');
const code = await runCli(process.argv.slice(2));
// Once the command is done, nothing left is worth waiting for: a browser still running is killed, and its folder
// removed, by launch-chromium.ts's exit hook, and the parse worker ends with the process. Output is flushed first.
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))));
process.exit(code);
