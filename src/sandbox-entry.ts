// Worker entry: runs the stages that read author input off the main thread,
// so a pathological input is stopped by a time and memory limit instead of
// hanging the build. Only `sandbox-worker.ts` starts it.
import { parentPort } from 'node:worker_threads';
import { BriefdeckError, DiagnosticBag } from './errors.js';
import { parseBriefing } from './parse/parse-briefing.js';
import { renderDeck, type RenderOptions } from './render-deck.js';
import { rendersAhead } from './renders-ahead.js';
import { reportChartDataProblem } from './charts/chart-data.js';
import type { TemplateSet } from './load-templates.js';
import type { Briefing, LoadedAsset } from './model.js';
import type { RenderReply, SandboxJob } from './sandbox-worker.js';
import builtInTemplateSpecs from 'briefdeck:built-in-template-specs';
import { registerPrecompiledTemplates } from './precompiled-templates.js';

registerPrecompiledTemplates(builtInTemplateSpecs);

parentPort!.on('message', async (message: SandboxJob) => {
  if (message.job === 'parse') {
    const bag = new DiagnosticBag();
    const briefing = parseBriefing(message.loaded, bag);
    parentPort!.postMessage({ briefing, diagnostics: bag.items });
    // Rendered now only when the main thread has nothing to add first (pictures, charts, a theme file); else it asks again.
    if (message.renderAhead) parentPort!.postMessage(bag.errors.length === 0 && rendersAhead(briefing) ? await renderBriefing(briefing, message.renderAhead.templates, new Map(), message.renderAhead.options) : null);
    return;
  }
  if (message.job === 'check-chart-data') {
    const bag = new DiagnosticBag();
    for (const [index, text] of message.dataTexts) reportChartDataProblem(message.charts[index]!, text, bag);
    parentPort!.postMessage(bag.items);
    return;
  }
  parentPort!.postMessage(await renderBriefing(message.briefing, message.templates, new Map(message.assets), message.options));
});

/** Renders a briefing through the templates, drawing its charts first; template errors come back as diagnostics. */
async function renderBriefing(briefing: Briefing, templates: TemplateSet, assets: ReadonlyMap<number, LoadedAsset>, options: RenderOptions): Promise<RenderReply> {
  const bag = new DiagnosticBag();
  try {
    // Charts are drawn here, under the sandbox's limits: a chart spec is author input like any other.
    // Drawings an earlier build made (read by the main thread, chart-cache.ts) are reused; what is drawn now goes back to be stored.
    const charts = briefing.charts.length > 0
      ? await (await import('./charts/draw-chart.js')).drawCharts(briefing.charts, new Map(options.chartData ?? []), bag, new Map(options.drawnCharts ?? []))
      : { figures: [], drawn: [] };
    bag.throwIfErrors();
    const rendered = renderDeck(briefing, templates, assets, options, bag, charts.figures);
    return { rendered, diagnostics: bag.items, drawnCharts: charts.drawn };
  } catch (err) {
    // Anything but a template error is a real failure the main thread reports.
    if (!(err instanceof BriefdeckError)) throw err;
    return { diagnostics: bag.items.length > 0 ? bag.items : err.diagnostics };
  }
}
