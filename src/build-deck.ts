import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { BriefdeckError, DiagnosticBag, type Diagnostic } from './errors.js';
import { writtenForAnotherTool } from './written-for.js';
import { DEFAULT_LIMITS, type InputLimits } from './load/input-limits.js';
import { loadBriefing } from './load/load-briefing.js';
import { loadAssets, loadChartData } from './load/load-assets.js';
import { createIconDrawer } from './load/draw-icons.js';
import { createNotebookPictureReader } from './load/read-notebook-pictures.js';
import { resolveInsideBriefing } from './load/confine-path.js';
import { readCustomTheme } from './load/read-custom-theme.js';
import { loadTemplates, type TemplateSet } from './load-templates.js';
import type { RenderOptions } from './render-deck.js';
import { checkLayouts, warnUnshownColumns } from './check-layouts.js';
import { type Briefing, type LoadedAsset } from './model.js';
import { baseTheme, isCustomTheme } from './themes.js';
import { processSandbox, type RenderReply, type SandboxWorker } from './sandbox-worker.js';
import { lintBudgets, type Budgets } from './check-briefing.js';
import { bundleDeck, prefetchStyles, type BundledDeck } from './bundle/bundle-deck.js';
import { bundleRuntime } from './bundle/bundle-runtime.js';
import { embedDeckFonts } from './load-svg-fonts.js';
import { drawDiagrams } from './draw-diagrams.js';
import { readDrawnCharts, storeDrawnCharts } from './charts/chart-cache.js';
import { readThemePalette } from './export/theme-palette.js';
import { buildDay, lastModifiedDay } from './document-date.js';
import { findKeySource } from './parse/key-source.js';
import { listReadFiles } from './load/list-read-files.js';

/** What a build needs besides the input path. */
export interface BuildOptions {
  cwd?: string;
  /** Strip speaker notes from the file. */
  handout?: boolean;
  limits?: InputLimits;
  /** A sandbox worker to reuse across builds (the dev server keeps one warm). */
  sandbox?: SandboxWorker;
  /** Inject the dev server's reload client. */
  devClient?: boolean;
  /** Size budgets to warn about (default: DEFAULT_BUDGETS). */
  budgets?: Budgets;
  /** Told each stage of work that takes a while (drawing the deck's diagrams in a browser). */
  progress?: (line: string) => void;
}

/** A deck built in memory, with the model it came from and any warnings. */
export interface BuiltDeck {
  briefing: Briefing;
  /** The images as loaded, by index into briefing.images. */
  assets: ReadonlyMap<number, LoadedAsset>;
  deck: BundledDeck;
  warnings: Diagnostic[];
  /** Base name for default output files. */
  name: string;
  /** The absolute paths of every file the build read, which no output may replace. */
  readFiles: string[];
}

/** A briefing's model with everything it references, read and checked, before any rendering. */
export interface LoadedModel {
  briefing: Briefing;
  assets: ReadonlyMap<number, LoadedAsset>;
  /** Chart data files, by chart index. */
  chartData: ReadonlyMap<number, string>;
  /** The briefing's own theme CSS, when `theme:` names one. */
  customThemeFile?: string;
  /** That file's text, read and checked at load (read-custom-theme.ts). */
  customThemeCss?: string;
  /** Where `theme:` is set (or the metadata starts), for messages about the theme. */
  themeSource: { file: string; line: number };
  /** The briefing folder, for templates. */
  root: string;
  /** The absolute paths of every file the build read (list-read-files.ts), which no output may replace. */
  readFiles: string[];
  singleFile: boolean;
  name: string;
  /** The deck's templates: the built-in ones, or the briefing's own where it has them. */
  templates: TemplateSet;
  warnings: Diagnostic[];
  /** The deck the worker rendered straight after parsing, when the build asked for it; null when the model needed the main thread first. */
  renderedAhead?: Promise<RenderReply | null>;
}

/** What loadModel needs to have the worker render the deck as soon as it is parsed (a build's options for the render stage). */
type RenderAheadOptions = Pick<RenderOptions, 'handout' | 'markerNonce'>;

/** Runs load → parse on a briefing and reads its images and chart data: the model every output starts from. */
export async function loadModel(input: string, options: Pick<BuildOptions, 'cwd' | 'limits' | 'sandbox' | 'progress'> & { renderAhead?: RenderAheadOptions } = {}): Promise<LoadedModel> {
  const cwd = options.cwd ?? process.cwd();
  const limits = options.limits ?? DEFAULT_LIMITS;
  const bag = new DiagnosticBag();
  const briefingFiles = loadBriefing(input, cwd, limits);
  const lastModified = lastModifiedDay(briefingFiles);
  const loaded = { ...briefingFiles, today: buildDay(), ...(lastModified !== undefined ? { lastModified } : {}) };
  const sandbox = options.sandbox ?? processSandbox();
  // The templates (the briefing's own among them) are read before the parse, so the worker can render straight after it.
  const templates = loadTemplates(loaded.singleFile ? undefined : loaded.root, cwd);
  const job = options.renderAhead ? sandbox.parseAndRender(loaded, templates, options.renderAhead) : { parsed: sandbox.parse(loaded), rendered: undefined };
  const parsed = await job.parsed;
  const { briefing } = parsed;
  bag.addAll(parsed.diagnostics);
  // Images are read even when parsing found errors, so one run reports every problem.
  // Slidev's icons are drawn in the theme's text colour: a picture cannot take the colour of the text around it.
  const drawIcon = briefing.images.some((image) => image.icon !== undefined) ? createIconDrawer(`#${readThemePalette(baseTheme(briefing.meta.theme)).text}`) : undefined;
  const assets = loadAssets(briefing, loaded.root, bag, limits, createNotebookPictureReader(loaded), drawIcon);
  const chartData = loadChartData(briefing, loaded.root, bag, limits);
  // Mermaid diagrams are drawn in a browser, in the deck's typeface, unless a cache holds them (draw-diagrams.ts).
  if (briefing.images.some((image) => image.diagram !== undefined)) {
    for (const [index, drawn] of await drawDiagrams(briefing, bag, readThemePalette(baseTheme(briefing.meta.theme)), options.progress, limits.maxImageBytes)) assets.set(index, drawn);
  }
  // The templates say which layouts exist: a slide asking for another is reported with the rest.
  checkLayouts(briefing, Object.keys(templates.layouts), bag);
  warnUnshownColumns(briefing, templates.layouts, bag);
  // The theme file is read before the stop too, so a missing one is reported with the deck's other problems.
  const themeSource = findKeySource(briefing.meta, 'theme', briefing.metaSource);
  const custom = await readThemeFile(briefing, loaded.root, themeSource, bag).catch((err: unknown) => {
    if (!(err instanceof BriefdeckError)) throw err;
    bag.addAll(err.diagnostics);
    return undefined;
  });
  // A chart's data file is checked when the chart is drawn, after this stop: a build that stops here has it checked now,
  // in the worker (its data is author input), so one run reports every problem.
  if (bag.errors.length > 0 && chartData.size > 0) bag.addAll(await sandbox.checkChartData(briefing.charts, chartData));
  bag.throwIfErrors();
  // A deck for another tool whose theme file is not there keeps briefdeck's theme, as its pictures not there are left out.
  const settled = custom === null ? { ...briefing, meta: { ...briefing.meta, theme: 'briefing' } } : briefing;
  return { briefing: settled, assets, chartData, customThemeFile: custom?.file, customThemeCss: custom?.css, themeSource, root: loaded.root, readFiles: listReadFiles(loaded, settled, cwd), singleFile: loaded.singleFile, name: loaded.name, templates, warnings: bag.warnings, ...(job.rendered ? { renderedAhead: job.rendered } : {}) };
}

/**
 * The briefing's own theme CSS, its path and text; undefined for a built-in theme, and null for a deck written for
 * another tool whose theme file is not there (a warning), which then keeps briefdeck's theme. In briefdeck's own deck a
 * missing file is an error.
 */
async function readThemeFile(briefing: Briefing, root: string, at: { file: string; line: number }, bag: DiagnosticBag): Promise<{ file: string; css: string } | null | undefined> {
  if (!isCustomTheme(briefing.meta.theme)) return undefined;
  try {
    const file = resolveInsideBriefing(root, briefing.meta.theme, at);
    return { file, css: await readCustomTheme(file, root, at) };
  } catch (err) {
    if (!(err instanceof BriefdeckError) || err.code !== 'E_IMAGE_MISSING' || !writtenForAnotherTool(briefing.meta)) throw err;
    bag.warn('W_META_IGNORED', `${err.message}: the theme file is not there, so the deck keeps briefdeck's theme`, { ...at, hint: err.diagnostics[0]?.hint ?? 'name a CSS file in the briefing folder' });
    return null;
  }
}

/** Runs load → parse → render → bundle on a briefing and returns the finished HTML in memory. */
export async function buildDeck(input: string, options: BuildOptions = {}): Promise<BuiltDeck> {
  // The runtime bundle does not depend on the briefing, so it is read while the worker parses; only the HTML needs it.
  void bundleRuntime().catch(() => undefined);
  const renderOptions = { handout: options.handout ?? false, markerNonce: randomBytes(8).toString('hex') };
  const model = await loadModel(input, { ...options, renderAhead: renderOptions });
  const { briefing, assets } = model;
  const bag = new DiagnosticBag();
  bag.addAll(model.warnings);
  const sandbox = options.sandbox ?? processSandbox();
  const { templates } = model;
  // SVG pictures that ask for the deck's typeface get it embedded, since an <img> cannot use the page's fonts.
  const shown = [...assets.values()].some((a) => a.mime === 'image/svg+xml') ? embedDeckFonts(assets, { family: readThemePalette(briefing.meta.theme, model.customThemeCss).bodyFont }) : assets;
  // Templates can be the briefing's own, so they render under the same limits as its Markdown. A deck the worker could
  // render as soon as it was parsed (one with no pictures, charts or theme file) is not sent back to it.
  const renderHere = () => sandbox.render(briefing, templates, shown, {
    ...renderOptions,
    customThemeFile: model.customThemeFile,
    chartData: [...model.chartData],
    drawnCharts: readDrawnCharts(briefing.charts, model.chartData),
  });
  const rendering = model.renderedAhead ? model.renderedAhead.then((ahead) => ahead ?? renderHere()) : renderHere();
  // The main thread waits while the worker renders: it reads the theme then (once the job has been posted), not after.
  setImmediate(() => prefetchStyles(baseTheme(briefing.meta.theme), briefing.slides.map((s) => `${s.titleHtml ?? ''}${s.bodyHtml}${s.notes?.html ?? ''}`).join('')));
  const { rendered, diagnostics, drawnCharts } = await rendering;
  bag.addAll(diagnostics);
  bag.throwIfErrors();
  if (drawnCharts && drawnCharts.length > 0) storeDrawnCharts(briefing.charts, model.chartData, drawnCharts);
  const deck = await bundleDeck(rendered!, { devClient: options.devClient, root: model.root, themeSource: model.themeSource });
  bag.addAll(lintBudgets(briefing, assets, deck.bytes.total, options.budgets));
  return { briefing, assets, deck, warnings: bag.warnings, name: model.name, readFiles: model.readFiles };
}

/** The default output path: `dist/<name>.<ext>` under the working directory. */
export function defaultOutputPath(name: string, ext: string, cwd = process.cwd()): string {
  return path.join(cwd, 'dist', `${name}.${ext}`);
}
