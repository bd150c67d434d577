// Worker entry: parses briefings off the main thread, so a pathological input
// can be stopped by a time and memory limit instead of hanging the build.
import { parentPort } from 'node:worker_threads';
import { DiagnosticBag } from './errors.js';
import type { LoadedBriefing } from './model.js';
import { parseBriefing } from './parse/parse-briefing.js';

parentPort!.on('message', (loaded: LoadedBriefing) => {
  const bag = new DiagnosticBag();
  const briefing = parseBriefing(loaded, bag);
  parentPort!.postMessage({ briefing, diagnostics: bag.items });
});
