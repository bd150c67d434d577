// Worker entry: runs the stages that read author input off the main thread,
// so a pathological input is stopped by a time and memory limit instead of
// hanging the build. Only `sandbox-worker.ts` starts it.
import { parentPort } from 'node:worker_threads';
import { BriefdeckError, DiagnosticBag } from './errors.js';
import { parseBriefing } from './parse/parse-briefing.js';
import { renderDeck } from './render-deck.js';
import type { SandboxJob } from './sandbox-worker.js';
import builtInTemplateSpecs from 'briefdeck:built-in-template-specs';
import { registerPrecompiledTemplates } from './precompiled-templates.js';

registerPrecompiledTemplates(builtInTemplateSpecs);

parentPort!.on('message', async (message: SandboxJob) => {
  const bag = new DiagnosticBag();
  if (message.job === 'parse') {
    const briefing = parseBriefing(message.loaded, bag);
    parentPort!.postMessage({ briefing, diagnostics: bag.items });
    return;
  }
  try {
    // Charts are drawn here, under the sandbox's limits: a chart spec is author input like any other.
    // Drawings an earlier build made (read by the main thread, chart-cache.ts) are reused; what is drawn now goes back to be stored.
    const charts = message.briefing.charts.length > 0
      ? await (await import('./charts/draw-chart.js')).drawCharts(message.briefing.charts, new Map(message.options.chartData ?? []), bag, new Map(message.options.drawnCharts ?? []))
      : { figures: [], drawn: [] };
    bag.throwIfErrors();
    const rendered = renderDeck(message.briefing, message.templates, new Map(message.assets), message.options, bag, charts.figures);
    parentPort!.postMessage({ rendered, diagnostics: bag.items, drawnCharts: charts.drawn });
  } catch (err) {
    // Template errors come back as diagnostics; anything else is a real failure the main thread reports.
    if (!(err instanceof BriefdeckError)) throw err;
    parentPort!.postMessage({ diagnostics: bag.items.length > 0 ? bag.items : err.diagnostics });
  }
});
