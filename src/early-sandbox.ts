// The CLI's first step (lib/early-sandbox.cjs, run by bin/briefdeck.js before the CLI's ES modules load): a command
// that parses a briefing starts its parse worker now, so the worker's start-up overlaps Node's ES module loader's.
import { PARSING_COMMANDS, startEarlySandboxThread } from './sandbox-thread.js';

if (PARSING_COMMANDS.includes(process.argv[2] ?? '')) startEarlySandboxThread();
