// Whether a parsed briefing can go straight on to the render stage in the parse worker. Between the two stages the
// main thread reads what the model names from disk: pictures, chart data, a theme file. A briefing that names none of
// them is rendered exactly as it would be after that trip, so the worker renders it at once (sandbox-worker.ts).
import type { Briefing } from './model.js';
import { isCustomTheme } from './themes.js';

/** True when rendering `briefing` needs nothing the main thread reads between parse and render. */
export function rendersAhead(briefing: Briefing): boolean {
  return briefing.images.length === 0 && briefing.charts.length === 0 && !isCustomTheme(briefing.meta.theme);
}
