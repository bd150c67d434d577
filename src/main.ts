// The process edge: the only place that reads argv and sets the exit code.
import { processSandbox } from './sandbox-worker.js';

// Commands that build start the parse worker first, so its start-up runs while the CLI loads and reads the briefing.
if (['build', 'pdf', 'shots', 'check', 'pptx'].includes(process.argv[2] ?? '')) processSandbox().warm();
const { runCli } = await import('./cli.js');
process.exitCode = await runCli(process.argv.slice(2));
