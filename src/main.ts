// The process edge: the only place that reads argv and sets the exit code.
import { runCli } from './cli.js';

process.exitCode = await runCli(process.argv.slice(2));
