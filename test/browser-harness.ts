import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_FLAGS, shareBrowser } from '../src/browser-session.js';
import { BROWSER_PATH, tempDir, scaled } from './helpers.js';

/**
 * The launch flags of a browser a reader would use: no sandbox (root), no GPU, no background traffic, but loopback
 * reachable (the dev server); and, as for exports, no hidden address-bar pop-ups, which cost a second of CPU per window.
 */
export const CHROMIUM_ARGS = [CHROMIUM_FLAGS.find((flag) => flag.startsWith('--disable-features='))!, '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** Launches the system Chromium, by default as a reader's browser; `exporter` launches it exactly as `pdf` does. Callers skip when BROWSER_PATH is null. */
function launchBrowser(kind: 'reader' | 'exporter' = 'reader'): Promise<Browser> {
  return chromium.launch({ executablePath: BROWSER_PATH!, args: kind === 'exporter' ? CHROMIUM_FLAGS : CHROMIUM_ARGS });
}

type BrowserKind = 'reader' | 'exporter';
/** This worker's browsers, one of each kind, with the timer that closes one nobody has borrowed for a while. */
const pool = new Map<BrowserKind, { browser: Promise<Browser>; idle?: NodeJS.Timeout }>();

/**
 * Lends the calling test file this worker's browser of the given kind,
 * launching it on first use. A worker runs its files one after another and
 * keeps its modules between them (isolate is off), so one launch serves every
 * file instead of one per file.
 */
export function borrowBrowser(kind: BrowserKind = 'reader'): Promise<Browser> {
  let entry = pool.get(kind);
  if (!entry) {
    const browser = launchBrowser(kind);
    entry = { browser };
    pool.set(kind, entry);
    // A browser that crashed or was closed is launched afresh for the next file.
    void browser.then((b) => b.on('disconnected', () => pool.get(kind)?.browser === browser && pool.delete(kind))).catch(() => pool.delete(kind));
  }
  clearTimeout(entry.idle);
  return entry.browser;
}

/**
 * How long a browser nobody borrows stays open. An idle Chromium costs next to nothing, and a launch costs more than
 * half a CPU-second on this 2-core machine; the files that use one are often a long non-browser file apart.
 */
const IDLE_BROWSER_MS = 60_000;

/**
 * Takes a borrowed browser back: closes every page the file left open, and
 * closes the browser itself if no other file borrows it soon (the timer does
 * not keep the worker alive; a browser whose worker ends exits with its pipe).
 */
export async function releaseBrowser(kind: BrowserKind = 'reader'): Promise<void> {
  const entry = pool.get(kind);
  if (!entry) return;
  const browser = await entry.browser.catch(() => undefined);
  await Promise.all((browser?.contexts() ?? []).map((c) => c.close().catch(() => undefined)));
  entry.idle = setTimeout(() => {
    pool.delete(kind);
    void browser?.close().catch(() => undefined);
  }, IDLE_BROWSER_MS);
  entry.idle.unref();
}

/**
 * Borrows this worker's exporter browser for the calling test file and makes
 * every in-process `pdf`, `shots` and `check` run open its pages there,
 * instead of paying a browser start per run.
 */
export function useSharedBrowser(): void {
  beforeAll(async () => {
    if (BROWSER_PATH !== null) shareBrowser(await borrowBrowser('exporter'));
  });
  afterAll(async () => {
    shareBrowser(undefined);
    if (BROWSER_PATH !== null) await releaseBrowser('exporter');
  });
}

/** A deck opened from disk, with everything it tried to do recorded. */
export interface OpenedDeck {
  context: BrowserContext;
  page: Page;
  url: string;
  /** Requests that were not data:, about: or the deck file itself; every one was aborted. */
  blocked: string[];
  pageErrors: string[];
  consoleErrors: string[];
  /** CSP violations reported by the page. */
  cspViolations: () => Promise<string[]>;
}

/** A page that shows decks from file:// and aborts every request that is not data:, about: or the deck file itself. */
export interface DeckTab {
  context: BrowserContext;
  page: Page;
  /** Writes the deck alone into an empty folder and opens it in this tab; the records start empty for each deck. */
  show(html: string, hash?: string): Promise<OpenedDeck>;
}

/** How a deck tab is set up: its viewport, the exporter's print view, and whether the reader's system allows motion. */
export interface DeckTabOptions {
  viewport?: { width: number; height: number };
  printView?: boolean;
  motion?: 'reduce' | 'no-preference';
}

/**
 * Opens one tab for showing decks. A new page costs a renderer process, so
 * tests that check many decks the same way (the themes) reuse one tab.
 */
export async function openDeckTab(browser: Browser, options: DeckTabOptions = {}): Promise<DeckTab> {
  // Tests step through slides by the hundred; drawing each transition's frames in software would cost more than the rest of the test.
  // The transitions themselves are checked once, with motion allowed (test/present.browser.test.ts).
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 720 }, reducedMotion: options.motion ?? 'reduce' });
  let url = '';
  let blocked: string[] = [];
  await context.route('**/*', (route) => {
    const requested = route.request().url();
    const own = requested.split(/[?#]/)[0] === url;
    if (own || requested.startsWith('data:') || requested.startsWith('about:')) return route.continue();
    blocked.push(requested);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = list;
    document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  if (options.printView) {
    // The exporter's switch: every slide laid out at once, as pages.
    await context.addInitScript(() => {
      (window as unknown as { briefdeckMode: unknown }).briefdeckMode = { mode: 'print', fragments: false };
    });
  }
  const page = await context.newPage();
  let pageErrors: string[] = [];
  let consoleErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  return {
    context,
    page,
    async show(html, hash = '') {
      const file = path.join(tempDir('briefdeck-open-'), 'deck.html');
      writeFileSync(file, html);
      url = pathToFileURL(file).href;
      blocked = [];
      pageErrors = [];
      consoleErrors = [];
      await page.goto(url + hash);
      await waitForReveal(page);
      return {
        context,
        page,
        url,
        blocked,
        pageErrors,
        consoleErrors,
        cspViolations: () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
      };
    },
  };
}

/**
 * Copies the deck alone into an empty folder, opens it from file:// in a
 * context of its own and aborts every request that is not data:, about: or
 * the file itself, so a test sees exactly what a reader with no network and
 * no other files would.
 */
export async function openDeck(
  browser: Browser,
  html: string,
  options: DeckTabOptions & { hash?: string } = {},
): Promise<OpenedDeck> {
  const tab = await openDeckTab(browser, options);
  return tab.show(html, options.hash);
}

/**
 * Runs axe-core on the page (every rule, or only `rules`) and returns the serious and critical violations, one line each.
 * In the print view every slide is on the page, but reveal still hides all but the first from assistive technology
 * (`hidden`, `aria-hidden`), and axe skips what is hidden: those marks are taken off first, so every slide is scanned.
 */
export async function scanAccessibility(page: Page, context = 'body', rules?: string[]): Promise<string[]> {
  const unhidden = await page.evaluate(() => {
    const hidden = document.querySelectorAll('.pdf-page section[hidden], .pdf-page section[aria-hidden="true"]');
    for (const section of hidden) {
      section.removeAttribute('hidden');
      section.removeAttribute('aria-hidden');
    }
    return { hidden: hidden.length, pages: document.querySelectorAll('.pdf-page').length };
  });
  // A print view whose slides were not unhidden here would be scanned one slide deep.
  if (unhidden.pages > 1 && unhidden.hidden !== unhidden.pages - 1) throw new Error(`the print view hides ${unhidden.hidden} of ${unhidden.pages} slides, not all but the first`);
  const { createRequire } = await import('node:module');
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // evaluate() runs through DevTools, outside the deck's CSP, like a screen reader's own tooling would.
  await page.evaluate(source);
  const violations = await page.evaluate(async ({ selector, rules }) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(selector, { resultTypes: ['violations'], ...(rules ? { runOnly: { type: 'rule', values: rules } } : {}) });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }, { selector: context, rules });
  return violations;
}

/** Waits until reveal.js reports ready. */
export async function waitForReveal(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true, null, { timeout: scaled(15_000) });
}

/** The current horizontal slide index (0-based). */
export function currentIndex(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h);
}
