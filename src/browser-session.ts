import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BriefdeckError, failure } from './errors.js';
import { failToStart, noteSharedBrowser, startChromium, type StartedChromium } from './launch-chromium.js';
import { requirePlaywright } from './load-playwright.js';
import { appendAll } from './append-all.js';

// Required, not imported: an ES import of this CommonJS package makes Node scan its 7 MB for export names first (~0.2 s).
const { chromium } = requirePlaywright();

// The launch flags live with the launcher, which loads before playwright-core does.
export { CHROMIUM_FLAGS } from './launch-chromium.js';

/**
 * A browser that an embedding program (the test suite, a long-lived server)
 * already runs. While one is set, jobs open their pages in it instead of
 * launching Chromium each time, and leave it running.
 */
let sharedBrowser: Browser | undefined;

/**
 * Pages that finished a job in the shared browser, kept by the settings they
 * were made with. Starting a renderer costs more than most jobs, so the next
 * job with the same settings opens its deck in one of these instead.
 */
const warmPages = new Map<string, Page[]>();

/** Sets (or, with undefined, clears) the browser that every later job reuses instead of launching its own. */
export function shareBrowser(browser: Browser | undefined): void {
  if (browser !== sharedBrowser) {
    for (const page of [...warmPages.values()].flat()) void page.context().close().catch(() => undefined);
    warmPages.clear();
  }
  sharedBrowser = browser;
  noteSharedBrowser(browser !== undefined);
}

/** All a browser job needs: somewhere to open its own pages, and in a shared browser, pages kept warm by earlier jobs. */
export interface ContextFactory extends Pick<Browser, 'newContext'> {
  /** A page made earlier with these settings, now the job's own (`used` if a deck was in it before); undefined when there is none. */
  takeWarmPage?(settings: string): Promise<{ page: Page; used: boolean } | undefined>;
  /** Marks a page as the job's, to be kept warm for a later job if this one succeeds. */
  keepWhenDone?(settings: string, page: Page): void;
}

/** What a browser job reports as it goes, so a stall can be named. */
export interface StageTracker {
  stage: string;
  enter(stage: string): void;
}

/**
 * Attaches playwright-core to a Chromium that startChromium spawned; one that
 * fails to start or to answer is killed at once, and the error says why.
 */
async function connectChromium(started: StartedChromium, timeoutMs: number): Promise<Browser> {
  try {
    const browser = await Promise.race([
      chromium.connectOverCDP(started.pipe, { timeout: timeoutMs, artifactsDir: started.artifactsDir }),
      started.ended.then((why) => Promise.reject(new Error(why))),
    ]);
    launchedHere.set(browser, started);
    return browser;
  } catch (err) {
    started.kill();
    throw err;
  }
}

/** The process behind each browser this module started. */
const launchedHere = new WeakMap<Browser, StartedChromium>();

/**
 * Ends a browser this module started by killing its process: nothing of it is
 * worth a graceful shutdown, and a kill cannot hang on a stuck browser.
 * playwright-core sees its pipe close and lets go of it.
 */
function killBrowser(browser: Browser): void {
  launchedHere.get(browser)?.kill();
}

/** How a deck page is set up: the slide size, the pixel scale, and the export mode its script runs in. */
export interface DeckPageSettings {
  width: number;
  height: number;
  scale?: number;
  mode: 'present' | 'print' | 'handout';
  fragments?: boolean;
  /** Print view only: every page starts out of layout, for a PDF printed part by part (print-pdf.ts). */
  printInParts?: boolean;
}

/** One string per distinct page setup, to match a page made earlier with a job that wants the same. */
function settingsKey(settings: DeckPageSettings): string {
  return JSON.stringify([settings.width, settings.height, settings.scale ?? 1, settings.mode, settings.fragments ?? false, settings.printInParts ?? false]);
}

/** The page each early launch opened ahead of its job, with the settings the job was expected to want. */
const pagesOpenedEarly = new WeakMap<Browser, { settings: string; page: Promise<Page> }>();

/**
 * Attaches to a Chromium started early (startChromium, called before this
 * module loaded), for a job that runs once the deck is built, and opens a
 * page with the settings the job will most likely want (the deck's size is
 * not known yet), so both overlap the build. Hand the promise to withBrowser,
 * which reports a failure and kills the browser.
 */
export function launchBrowserEarly(started: StartedChromium, timeoutMs: number, expected: DeckPageSettings): Promise<Browser> {
  // The job's own deadline, which starts later, is what reports a launch that hangs; this limit only keeps a lost launch from living on.
  const launching = connectChromium(started, timeoutMs + 30_000).then((browser) => {
    const page = openDeckPage(browser, expected);
    // A page that fails to open is simply not used; the job opens its own and meets the same failure there.
    page.catch(() => undefined);
    pagesOpenedEarly.set(browser, { settings: settingsKey(expected), page });
    return browser;
  });
  // Not a failure yet: the job that takes the launch over reports it, with the stage.
  launching.catch(() => undefined);
  return launching;
}

/**
 * Runs `job` with a launched browser under one deadline for the whole job.
 * Past the deadline the browser is killed and the error names the stage
 * that stalled, instead of hanging the user's terminal. `launched` is a
 * launch begun earlier by launchBrowserEarly; without one, it launches here.
 */
export async function withBrowser<T>(
  browserPath: string,
  timeoutMs: number,
  progress: (line: string) => void,
  job: (browser: ContextFactory, tracker: StageTracker) => Promise<T>,
  launched?: Promise<Browser | undefined>,
): Promise<T> {
  // Once the deadline has passed (or the job ended), a job still running reports nothing more and goes no further.
  let over = false;
  const tracker: StageTracker = {
    stage: 'launching the browser',
    enter(stage) {
      if (over) throw failure('E_TIMEOUT', `stopped after the deadline while ${this.stage}`);
      this.stage = stage;
      progress(stage);
    },
  };
  let browser: Browser | undefined;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(
        failure('E_TIMEOUT', `timed out after ${Math.round(timeoutMs / 1000)} s while ${tracker.stage}`, {
          hint: 'raise --timeout, or run `briefdeck check` to find a slide that will not lay out',
        }),
      );
    }, timeoutMs);
  });
  const work = (async () => {
    tracker.enter(`launching the browser (${browserPath})`);
    if (sharedBrowser?.isConnected()) {
      const shared = sharedBrowser;
      // The shared browser outlives the job, so the job's own contexts, and only those, are closed when it ends,
      // except one whose page is kept warm for the next job.
      const opened: BrowserContext[] = [];
      const kept: [string, Page][] = [];
      const factory: ContextFactory = {
        newContext: async (options) => {
          const context = await shared.newContext(options);
          opened.push(context);
          return context;
        },
        takeWarmPage: async (settings) => {
          const page = warmPages.get(settings)?.pop();
          return page && { page, used: true };
        },
        keepWhenDone: (settings, page) => void kept.push([settings, page]),
      };
      let succeeded = false;
      return runJob(factory)
        .then((result) => ((succeeded = true), result))
        .finally(async () => {
          // Only a job that finished leaves its page for the next; a failed or timed-out one may have left it stuck.
          const keep = new Set(succeeded && sharedBrowser === shared ? kept.filter(([, page]) => !page.isClosed()).map(([, page]) => page) : []);
          for (const [settings, page] of kept) if (keep.has(page)) warmPages.set(settings, [...(warmPages.get(settings) ?? []), page]);
          const contexts = new Set([...opened, ...kept.map(([, page]) => page.context())]);
          await Promise.all([...contexts].filter((c) => !c.pages().some((page) => keep.has(page))).map((c) => c.close().catch(() => undefined)));
        });
    }
    try {
      browser = (await launched) ?? (await connectChromium(startChromium(browserPath), timeoutMs));
    } catch (err) {
      if (err instanceof BriefdeckError) throw err;
      throw failToStart(browserPath, (err as Error).message.split('\n')[0]!, 'check that the path is a Chrome, Chromium or Edge executable, or choose another with --browser-path');
    }
    const early = pagesOpenedEarly.get(browser);
    pagesOpenedEarly.delete(browser);
    const started = browser;
    return runJob({
      newContext: (options) => started.newContext(options),
      // The page opened while the deck built serves the job if the deck wants the settings it was opened with.
      takeWarmPage: async (settings) => {
        const page = early?.settings === settings ? await early.page.catch(() => undefined) : undefined;
        return page && { page, used: false };
      },
    });
  })();
  async function runJob(open: ContextFactory): Promise<T> {
    try {
      return await job(open, tracker);
    } catch (err) {
      if (err instanceof BriefdeckError) throw err;
      // A browser-side failure is reported with the stage it hit, like a timeout, not as our crash.
      throw failure('E_BROWSER', `the browser failed while ${tracker.stage}: ${(err as Error).message.split('\n')[0]}`, {
        hint: 'run `briefdeck check` to find a slide that will not lay out, or try another browser with --browser-path',
      });
    }
  }
  try {
    return await Promise.race([work, deadline]);
  } finally {
    over = true;
    clearTimeout(timer);
    work.catch(() => undefined);
    // The browser goes at once, job done or not (the CLI then exits without waiting for it); a launch begun early that
    // the deadline overtook goes whenever it completes.
    if (browser) killBrowser(browser);
    else void launched?.then((late) => late && killBrowser(late)).catch(() => undefined);
  }
}

/**
 * Loads deck HTML into a page with setContent, never from a URL, and aborts
 * every request that is not a data: URI, so no deck can pull local files or
 * remote content into an export.
 */
export async function loadDeckIntoPage(
  browser: ContextFactory,
  html: string,
  options: DeckPageSettings,
): Promise<Page> {
  const settings = settingsKey(options);
  const warm = await browser.takeWarmPage?.(settings);
  const page = warm?.page ?? (await openDeckPage(browser, options));
  browser.keepWhenDone?.(settings, page);
  // A fresh window for the new deck: nothing of the last one's script state survives, and the mode script runs again.
  // (Its media need no resetting: a warm page serves only a job of its own mode, which sets the same media.)
  if (warm?.used) await page.goto('about:blank');
  await page.setContent(html, { waitUntil: 'load' });
  return page;
}

/** A page of its own context, cut off from every request but data: URIs, with the export mode set before any deck script runs. */
async function openDeckPage(browser: ContextFactory, options: DeckPageSettings): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height },
    deviceScaleFactor: options.scale ?? 1,
    javaScriptEnabled: true,
    // An export is a still: with motion reduced the deck stills every transition (layout.css), so a screenshot never
    // catches a fragment halfway through fading in.
    reducedMotion: 'reduce',
  });
  await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort('blockedbyclient')));
  await context.addInitScript(
    ({ mode, fragments, printInParts }) => {
      (window as unknown as { briefdeckMode: unknown }).briefdeckMode = { mode, fragments, printInParts };
    },
    { mode: options.mode, fragments: options.fragments ?? false, printInParts: options.printInParts ?? false },
  );
  const page = await context.newPage();
  // The whole job runs under withBrowser's deadline; Playwright's own 30 s step limit must not cut in first.
  page.setDefaultTimeout(0);
  // The print view is laid out as print media from the start, so printing does not restyle and re-lay out every slide
  // (half the time of printing a long deck), and check measures the slides exactly as pdf prints them.
  if (options.mode === 'print') await page.emulateMedia({ media: 'print' });
  return page;
}

/** Waits for reveal's pdf-ready event (the runtime passes it on), fired once every slide is laid out as a page. */
export async function waitForPrintLayout(page: Page): Promise<void> {
  // Told by an event rather than found by polling, which looks once a frame and so adds up to a frame's wait.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        if ((window as unknown as { briefdeckPdfReady?: boolean }).briefdeckPdfReady === true) resolve();
        else window.addEventListener('briefdeck-pdf-ready', () => resolve(), { once: true });
      }),
  );
}

/** Waits for the fonts the page uses to finish loading. */
export async function waitForFonts(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
}

/** How far one slide's content runs past its box, in CSS pixels. */
export interface SlideOverflow {
  /** 0-based slide index. */
  index: number;
  vertical: number;
  horizontal: number;
  contentHeight: number;
  contentWidth: number;
  boxHeight: number;
  boxWidth: number;
}

/**
 * Measures every slide body against its box; only slides that overflow are
 * returned. A long deck goes in about ten batches, with a report after
 * each, so it shows progress rather than a silent wait.
 */
export async function measureOverflow(page: Page, onProgress: (done: number, total: number) => void = () => undefined): Promise<SlideOverflow[]> {
  const total = await page.evaluate(() => document.querySelectorAll('.reveal .slides section:not(.stack)').length);
  // Each batch is a round trip to the page, so a short deck is measured in one.
  const batch = Math.max(50, Math.ceil(total / 10));
  const results: SlideOverflow[] = [];
  for (let from = 0; from < total; from += batch) {
    const to = Math.min(total, from + batch);
    appendAll(results, await measureOverflowOf(page, from, to));
    onProgress(to, total);
  }
  return results;
}

/**
 * Measures the print view's slides from `start` up to `end` (0-based, in page
 * order) and returns those that overflow, each with its slide's index. The
 * two differ with fragment steps, which reveal prints as copies of a slide.
 */
export function measureOverflowOf(page: Page, start: number, end: number): Promise<SlideOverflow[]> {
  return page.evaluate(
    ([start, end]) => {
      const found: SlideOverflow[] = [];
      const sections = [...document.querySelectorAll<HTMLElement>('.reveal .slides section:not(.stack)')].slice(start, end);
      sections.forEach((section, offset) => {
        const body = section.querySelector<HTMLElement>('.slide-body') ?? section;
        const vertical = body.scrollHeight - body.clientHeight;
        const horizontal = body.scrollWidth - body.clientWidth;
        if (vertical > 1 || horizontal > 1) {
          found.push({
            // The runtime marks each slide with its index in reading order (deck-runtime.ts); copies keep the mark.
            index: Number(section.dataset.briefdeckSlide ?? start + offset),
            vertical: Math.max(0, vertical),
            horizontal: Math.max(0, horizontal),
            contentHeight: body.scrollHeight,
            contentWidth: body.scrollWidth,
            boxHeight: body.clientHeight,
            boxWidth: body.clientWidth,
          });
        }
      });
      return found;
    },
    [start, end] as const,
  );
}
