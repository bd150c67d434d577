// Mermaid diagrams (```mermaid blocks, read by parse/read-diagram.ts) drawn to SVG pictures when the deck is built, so
// the deck shows them offline and runs nothing to draw them. Mermaid lays text out in a browser, so they are drawn in
// Chromium, in a page that loads nothing from the network, with the deck's typeface (load-svg-fonts.ts then embeds it in each picture,
// as in any SVG of the deck); each picture is then an <img>, which can run and fetch nothing. A drawing is cached on
// disk by everything it depends on, so a rebuild draws nothing and needs no browser. Mermaid is an optional
// dependency and Chromium may be missing: then each diagram is left out with a warning, its text alternative in its
// place; a diagram Mermaid cannot read is an error at its line (a warning in a deck written for another tool).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { DiagnosticBag } from './errors.js';
import { type Briefing, type LoadedAsset } from './model.js';
import { writtenForAnotherTool } from './written-for.js';
import { cached, packageVersion } from './build-cache.js';
import { findBrowser } from './find-browser.js';
import { fontFace } from './load-svg-fonts.js';
import { suggestClosest } from './did-you-mean.js';
import { DEFAULT_LIMITS } from './load/input-limits.js';
import { isDarkColour } from './colour.js';

const require = createRequire(import.meta.url);

/** How long drawing a deck's diagrams may take, browser start included. */
const DRAW_TIMEOUT_MS = 120_000;

/** A diagram as drawn: its SVG, or what Mermaid said was wrong with it. */
type Drawing = { svg: string } | { error: string };

/** The deck's look a diagram is drawn in: its typeface, and its background, text and accent colours (hex, no '#'). */
export interface DiagramLook {
  bodyFont: string;
  background: string;
  text: string;
  accent: string;
}

/** Draws every Mermaid diagram of the briefing to an SVG picture in the deck's look, by index into its images; problems go to `bag`. */
export async function drawDiagrams(briefing: Briefing, bag: DiagnosticBag, look: DiagramLook, progress: (line: string) => void = () => undefined, maxBytes = DEFAULT_LIMITS.maxImageBytes): Promise<Map<number, LoadedAsset>> {
  const diagrams = briefing.images.flatMap((image, index) => (image.diagram !== undefined ? [{ image, index, source: image.diagram }] : []));
  const drawn = new Map<number, LoadedAsset>();
  if (diagrams.length === 0) return drawn;
  const leaveOut = (image: (typeof diagrams)[number]['image'], message: string, hint: string) =>
    bag.warn('W_DIAGRAM', `${message}; it was left out, its text alternative in its place`, { file: image.source.file, line: image.source.line, hint });
  let mermaid: string;
  try {
    mermaid = require.resolve(`mermaid/dist/${MERMAID_ENTRY}`);
  } catch {
    for (const { image } of diagrams) leaveOut(image, 'a Mermaid diagram is drawn by the mermaid package, which is not installed', 'install it beside briefdeck: npm install mermaid');
    return drawn;
  }
  // Only what the drawing depends on keys it: the palette's other parts (its headings' font) change nothing in it.
  const drawnIn: DiagramLook = { bodyFont: look.bodyFont, background: look.background, text: look.text, accent: look.accent };
  const batch = createBatch(mermaid, drawnIn, progress);
  // The same diagram twice is drawn once. The code that draws keys it too, so a drawing made by another version of it is never reused.
  const drawer = createBatch.toString() + drawInPage.toString() + withoutTodayMarker.toString();
  const bySource = new Map<string, Promise<Drawing | { failed: Error }>>();
  for (const { source } of diagrams) if (!bySource.has(source)) bySource.set(source, cached<Drawing>('diagram', [packageVersion('mermaid'), drawer, JSON.stringify(drawnIn), source], () => batch.draw(withoutTodayMarker(source))).catch((err: Error) => ({ failed: err })));
  const drawings = await Promise.all(diagrams.map(({ source }) => bySource.get(source)!));
  diagrams.forEach(({ image, index }, i) => {
    const drawing = drawings[i]!;
    if ('failed' in drawing) {
      const reason = drawing.failed as Error & { diagnostics?: { message: string; hint?: string }[] };
      const first = reason.diagnostics?.[0];
      leaveOut(image, `a Mermaid diagram could not be drawn: ${first?.message ?? reason.message}`, first?.hint ?? 'install Chromium (apt-get install chromium) or set CHROME_PATH');
    } else if ('error' in drawing) {
      const problem = describeMermaidError(drawing.error, image.source.line);
      const where = { file: image.source.file, line: problem.line };
      if (writtenForAnotherTool(briefing.meta)) bag.warn('W_DIAGRAM', `Mermaid cannot read this diagram: ${problem.message}; it was left out, its text alternative in its place`, { ...where, hint: problem.hint });
      else bag.error('E_DIAGRAM', `Mermaid cannot read this diagram: ${problem.message}`, { ...where, hint: problem.hint });
    } else {
      const bytes = new TextEncoder().encode(drawing.svg);
      // A drawing counts as a picture of its size, under the same limit as a picture from a file.
      if (bytes.length > maxBytes) bag.error('E_IMAGE_TOO_LARGE', `the Mermaid diagram draws to ${bytes.length} bytes, over the ${maxBytes}-byte limit`, { file: image.source.file, line: image.source.line, hint: 'split the diagram, or raise the limit with --max-image-bytes' });
      else drawn.set(index, { mime: 'image/svg+xml', bytes });
    }
  });
  return drawn;
}

/**
 * A Gantt chart's source with Mermaid's line for today turned off, unless the source says otherwise (`todayMarker`).
 * Mermaid draws it at the date of the build: a date the deck's author never wrote, and a picture that changed from
 * day to day (and froze on the day it was cached). Other diagrams are returned as they are.
 */
export function withoutTodayMarker(source: string): string {
  const lines = source.split('\n');
  let at = 0;
  const skipBlankAndComments = () => {
    while (at < lines.length && (lines[at]!.trim() === '' || lines[at]!.trim().startsWith('%%'))) at++;
  };
  skipBlankAndComments();
  // Mermaid's own front matter (`---`, `title: …`, `---`) comes before the diagram's kind.
  if (lines[at]?.trim() === '---') {
    const end = lines.findIndex((line, i) => i > at && line.trim() === '---');
    if (end < 0) return source;
    at = end + 1;
    skipBlankAndComments();
  }
  if (!/^\s*gantt\s*$/.test(lines[at] ?? '') || lines.some((line) => /^\s*todayMarker\b/.test(line))) return source;
  return `${source.replace(/\n*$/, '')}\n  todayMarker off`;
}

/** The diagram kinds Mermaid knows, for a "did you mean" when it finds none. */
const DIAGRAM_KINDS = ['flowchart', 'graph', 'sequenceDiagram', 'classDiagram', 'stateDiagram-v2', 'erDiagram', 'journey', 'gantt', 'pie', 'quadrantChart', 'requirementDiagram', 'gitGraph', 'mindmap', 'timeline', 'sankey-beta', 'xychart-beta', 'block-beta', 'packet-beta', 'kanban', 'architecture-beta', 'C4Context'];

/**
 * What Mermaid said, in one line at the file's line: its parser counts lines from the diagram's first (`first`, in the
 * file), names the token it did not expect and lists the ones it did (the hint, cut to a few); a diagram of no kind it
 * knows gets a did-you-mean.
 */
export function describeMermaidError(error: string, first: number): { message: string; line: number; hint: string } {
  const lines = error.split('\n');
  const at = /^Parse error on line (\d+)/.exec(lines[0]!);
  const line = at ? first + Number(at[1]) - 1 : first;
  const expecting = lines.find((l) => /^Expecting /.test(l));
  if (expecting) {
    const wanted = [...expecting.matchAll(/'([^']+)'/g)].map((m) => m[1]!.toLowerCase());
    const got = wanted.pop();
    return { message: `unexpected ${got ?? 'text'} at line ${line}`, line, hint: `Mermaid expected ${wanted.slice(0, 5).join(', ')}${wanted.length > 5 ? ', …' : ''} there` };
  }
  const unknown = /No diagram type detected matching given configuration for text: ([^\s]*)/.exec(error);
  if (unknown) {
    const meant = suggestClosest(unknown[1]!, DIAGRAM_KINDS);
    return { message: `no diagram kind is named ${unknown[1] ? `"${unknown[1]}"` : 'on its first line'}`, line: first, hint: meant ? `did you mean ${meant}?` : `start it with the kind of diagram: ${DIAGRAM_KINDS.slice(0, 6).join(', ')}, …` };
  }
  return { message: lines[0]!.replace(/\.$/, ''), line, hint: "check the diagram against Mermaid's syntax for its kind" };
}

/**
 * Mermaid's ES module build, which imports the code of each kind of diagram only when one is drawn. Its one-file build
 * (mermaid.min.js, 3.5 MB) took Chromium 3.3 CPU-seconds to load here, every time a build drew a diagram; this one and
 * the modules a flowchart needs take about 1.4, and draw the same bytes.
 */
const MERMAID_ENTRY = 'mermaid.esm.min.mjs';

/**
 * The made-up origin the drawing page imports Mermaid's modules from. Nothing is fetched from it: each request is
 * answered from the mermaid package's own dist folder (serveMermaidModule), and every other request is refused.
 */
const MERMAID_ORIGIN = 'https://mermaid.briefdeck.invalid/';

/**
 * A JavaScript module of Mermaid's dist folder (`distDir`) for a request of the drawing page, or undefined for
 * anything else: another origin, a path that climbs out of the folder, a file that is not a module or is not there.
 */
export function serveMermaidModule(url: string, distDir: string, read: (file: string) => Buffer = readFileSync): Buffer | undefined {
  if (!url.startsWith(MERMAID_ORIGIN)) return undefined;
  let relative: string;
  try {
    relative = decodeURIComponent(new URL(url).pathname).slice(1);
  } catch {
    return undefined;
  }
  const file = path.resolve(distDir, relative);
  if (!file.startsWith(distDir + path.sep) || !file.endsWith('.mjs')) return undefined;
  try {
    return read(file);
  } catch {
    return undefined;
  }
}

/** Collects the diagrams no cache held, and draws them all in one page of one browser once the current turn ends. */
function createBatch(mermaidFile: string, look: DiagramLook, progress: (line: string) => void): { draw(source: string): Promise<Drawing> } {
  const waiting: { source: string; done: (drawing: Drawing) => void; fail: (err: unknown) => void }[] = [];
  const distDir = path.dirname(mermaidFile);
  const run = async () => {
    const jobs = waiting.splice(0);
    try {
      const found = findBrowser();
      if (found.path === null) throw new Error('drawing it needs Chromium, and none was found');
      const { withBrowser } = await import('./browser-session.js');
      const drawings = await withBrowser(found.path, DRAW_TIMEOUT_MS, progress, async (browser, tracker) => {
        tracker.enter(`drawing ${jobs.length} Mermaid diagram${jobs.length > 1 ? 's' : ''}`);
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
        await context.route('**/*', (route) => {
          const url = route.request().url();
          const module = serveMermaidModule(url, distDir);
          // A module comes from a made-up origin to a page of none (about:blank), so it is answered as one open to any.
          if (module) return route.fulfill({ status: 200, headers: { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' }, body: module });
          return url.startsWith('data:') ? route.continue() : route.abort('blockedbyclient');
        });
        const page = await context.newPage();
        page.setDefaultTimeout(0);
        // The deck's typeface, so Mermaid measures its labels in the face they will be shown in.
        const faces = ['400', '700'].map((weight) => fontFace(look.bodyFont, weight) ?? '').join('');
        await page.setContent(`<!DOCTYPE html><html><head><style>${faces}</style></head><body></body></html>`);
        // A string, not a function: a function's import() would be rewritten by a bundler or test runner for Node.
        await page.evaluate(`import(${JSON.stringify(MERMAID_ORIGIN + path.basename(mermaidFile))}).then((loaded) => { window.mermaid = loaded.default; })`);
        // Every face, bold too: a label measured before its face has loaded is measured in a stand-in, and the same
        // diagram would be drawn to other sizes by a busier or a quieter machine.
        await page.evaluate(() => Promise.all([...document.fonts].map((face) => face.load())));
        return page.evaluate(drawInPage, { sources: jobs.map((j) => j.source), look, darkMode: isDarkColour(look.background) });
      });
      jobs.forEach((job, i) => job.done(drawings[i]!));
    } catch (err) {
      for (const job of jobs) job.fail(err);
    }
  };
  return {
    draw(source) {
      if (waiting.length === 0) setImmediate(() => void run());
      return new Promise((done, fail) => waiting.push({ source, done, fail }));
    },
  };
}

/**
 * Runs in the page: draws each source with Mermaid, strict (no scripts, no links that run), every label SVG text, in
 * Mermaid's `base` theme coloured from the deck's: shapes filled with its background and drawn in its accent, text and
 * lines in its text colour, so a diagram reads on a dark theme as on a light one.
 */
async function drawInPage({ sources, look, darkMode }: { sources: string[]; look: DiagramLook; darkMode: boolean }): Promise<Drawing[]> {
  const mermaid = (window as unknown as { mermaid: { initialize(c: object): void; render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
  const font = `${JSON.stringify(look.bodyFont)}, sans-serif`;
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    htmlLabels: false,
    flowchart: { htmlLabels: false },
    fontFamily: font,
    theme: 'base',
    // Mermaid draws some shapes with a little random wobble; a fixed seed draws them the same at every build.
    handDrawnSeed: 1,
    themeVariables: { fontFamily: font, darkMode, background: `#${look.background}`, primaryColor: `#${look.background}`, primaryTextColor: `#${look.text}`, primaryBorderColor: `#${look.accent}`, lineColor: `#${look.text}`, textColor: `#${look.text}` },
  });
  // Mermaid draws with Math.random in places: a git graph's commit ids, which set its labels' widths and so its size.
  // Seeded afresh for each diagram (mulberry32), a drawing is the same in every build, whatever else its batch draws.
  const seeded = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out: Drawing[] = [];
  for (const source of sources) {
    try {
      Math.random = seeded(1);
      // One id for every drawing (each is a picture of its own, whose ids no other sees): an id by its place in the
      // batch made the same diagram draw to other bytes in a build whose batch held other diagrams, the rest cached.
      const { svg } = await mermaid.render('diagram', source);
      // A picture needs its own size: Mermaid writes width="100%" and a max-width for a page to scale.
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      const root = doc.documentElement;
      const box = (root.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
      if (box.length === 4 && box.every(Number.isFinite)) {
        root.setAttribute('width', String(Math.ceil(box[2]!)));
        root.setAttribute('height', String(Math.ceil(box[3]!)));
      }
      root.removeAttribute('style');
      // The icons of an architecture diagram get ids that Iconify makes from the time its code loaded: numbered here instead.
      const icons = new Map<string, string>();
      const serialized = new XMLSerializer().serializeToString(doc).replace(/IconifyId[0-9a-f]+/g, (id) => icons.get(id) ?? (icons.set(id, `diagram-icon-${icons.size}`), icons.get(id)!));
      out.push({ svg: serialized });
    } catch (err) {
      out.push({ error: String((err as Error)?.message ?? err) });
    }
  }
  return out;
}
