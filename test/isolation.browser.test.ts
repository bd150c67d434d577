import { createServer, type Server } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, loadDeckIntoPage, withBrowser } from '../src/browser-session.js';
import { buildDeck } from '../src/build-deck.js';
import { startDevServer } from '../src/dev-server.js';
import { borrowBrowser, releaseBrowser, openDeck, useSharedBrowser } from './browser-harness.js';
import { BROWSER_PATH, FIXTURES, runCapture, writeBriefing, scaled } from './helpers.js';

const NOTE = 'Notes for the plain slide.';
const DECK_ORIGIN = 'https://deck.briefdeck.test';
const HOSTILE_ORIGIN = 'https://hostile.briefdeck.test';

/**
 * A page that tries every way reveal and its notes plugin listen: it poses
 * as a speaker window (heartbeat), calls reveal's postMessage API, and
 * records whatever comes back.
 */
const HOSTILE_SCRIPT = `
window.received = [];
window.addEventListener('message', (e) => window.received.push(typeof e.data === 'string' ? e.data : JSON.stringify(e.data)));
window.attack = (target) => {
  for (const m of [
    { namespace: 'reveal-notes', type: 'heartbeat' },
    { namespace: 'reveal-notes', type: 'connected' },
    { namespace: 'reveal-notes', type: 'call', callId: 1, methodName: 'getSlideNotes', arguments: [] },
    { method: 'getSlideNotes' },
    { method: 'slide', args: [3] },
  ]) target.postMessage(JSON.stringify(m), '*');
};`;

describe.skipIf(BROWSER_PATH === null)('speaker notes never leave the deck', () => {
  let browser: Browser;
  let deckHtml: string;
  let linkingHtml: string;
  beforeAll(async () => {
    browser = await borrowBrowser();
    deckHtml = (await buildDeck(path.join(FIXTURES, 'presenter'))).deck.html;
    expect(deckHtml).toContain(NOTE);
    // A deck whose one slide links out, written as any author would write the link.
    const linking = writeBriefing({ 'briefing.yml': 'title: Linking\n', 'a.md': `## Plain list\n\n- Read the [source](${HOSTILE_ORIGIN}/landing)\n\nNote: ${NOTE}\n` });
    linkingHtml = (await buildDeck(linking)).deck.html;
  });
  afterAll(async () => browser && releaseBrowser());

  /** A context where the deck and a hostile page are served from two https origins, both answered here. */
  async function twoOrigins(hostileBody: string, deck = deckHtml) {
    const context = await browser.newContext();
    await context.route(`${DECK_ORIGIN}/**`, (route) => route.fulfill({ contentType: 'text/html', body: deck }));
    await context.route(`${HOSTILE_ORIGIN}/**`, (route) => route.fulfill({ contentType: 'text/html', body: `<!DOCTYPE html><body>${hostileBody}<script>${HOSTILE_SCRIPT}</script></body>` }));
    return context;
  }

  const deckIndex = (page: Page) => page.evaluate(() => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h);
  const waitForReveal = (page: Page) => page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);

  it('a page that opens the deck receives no note and cannot drive it', async () => {
    const context = await twoOrigins('<p>hostile opener</p>');
    const hostile = await context.newPage();
    await hostile.goto(`${HOSTILE_ORIGIN}/`);
    const [deck] = await Promise.all([context.waitForEvent('page'), hostile.evaluate((url) => ((window as unknown as { deck: Window | null }).deck = window.open(url)), `${DECK_ORIGIN}/deck.html#/3`)]);
    await waitForReveal(deck);
    const before = await deckIndex(deck);
    for (let i = 0; i < 4; i++) {
      await hostile.evaluate(() => (window as unknown as { attack(t: Window): void; deck: Window }).attack((window as unknown as { deck: Window }).deck));
      await hostile.waitForTimeout(300);
    }
    const received = await hostile.evaluate(() => (window as unknown as { received: string[] }).received);
    expect(received.join('\n')).not.toContain(NOTE);
    expect(received.filter((r) => r.includes('reveal-notes') || r.includes('"namespace":"reveal"'))).toEqual([]);
    expect(await deckIndex(deck)).toBe(before);
    expect(await deck.evaluate(() => window.opener)).toBeNull();
    await context.close();
  });

  it('a page opened from a link in the deck has no opener and receives no note', async () => {
    const context = await twoOrigins('<p>hostile target</p>', linkingHtml);
    const deck = await context.newPage();
    await deck.goto(`${DECK_ORIGIN}/deck.html#/1`);
    await waitForReveal(deck);
    const [hostile] = await Promise.all([context.waitForEvent('page'), deck.click(`section.present a[href^="${HOSTILE_ORIGIN}"]`)]);
    await hostile.waitForLoadState();
    expect(await hostile.evaluate(() => window.opener)).toBeNull();
    expect(await hostile.evaluate(() => document.referrer)).toBe('');
    // With no handle on the deck, the page can only hope a message finds its way; none does.
    await hostile.evaluate(() => window.opener && (window as unknown as { attack(t: Window): void }).attack(window.opener));
    await hostile.waitForTimeout(500);
    expect((await hostile.evaluate(() => (window as unknown as { received: string[] }).received)).join('\n')).not.toContain(NOTE);
    await context.close();
  });

  it('a deck opened from disk can frame no local file: frame-src admits nothing', async () => {
    const deck = await openDeck(browser, deckHtml);
    await deck.page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.src = 'file:///etc/hostname';
      document.body.append(frame);
    });
    await expect.poll(() => deck.cspViolations(), { timeout: scaled(5_000) }).toContain('frame-src file');
    await deck.context.close();
  });

  it('a page that frames the dev server gets an empty frame and no note', async () => {
    const dir = writeBriefing({ 'briefing.yml': 'title: Framed\n', 'a.md': `## Plain list\n\n- one\n\nNote: ${NOTE}\n` });
    const server = await startDevServer(dir, { port: 0, cwd: path.dirname(dir), log: () => undefined });
    try {
      const context = await twoOrigins(`<iframe id="f" src="${server.url}"></iframe>`);
      // The server is reachable from this browser: opened directly, the deck loads.
      const direct = await context.newPage();
      await direct.goto(server.url);
      await waitForReveal(direct);
      const hostile = await context.newPage();
      await hostile.goto(`${HOSTILE_ORIGIN}/`);
      await hostile.waitForTimeout(500);
      for (let i = 0; i < 3; i++) {
        await hostile.evaluate(() => (window as unknown as { attack(t: Window): void }).attack((document.getElementById('f') as HTMLIFrameElement).contentWindow!));
        await hostile.waitForTimeout(300);
      }
      const received = await hostile.evaluate(() => (window as unknown as { received: string[] }).received);
      expect(received.join('\n')).not.toContain(NOTE);
      // The frame was refused: Chromium leaves no deck in it.
      const framed = hostile.frames().find((f) => f.url().startsWith(server.url));
      const hasDeck = framed ? await framed.evaluate(() => document.querySelector('.reveal') !== null).catch(() => false) : false;
      expect(hasDeck).toBe(false);
      await context.close();
    } finally {
      await server.close();
    }
  });
});

describe.skipIf(BROWSER_PATH === null)('exports reach neither the network nor this machine', () => {
  useSharedBrowser();
  let listener: Server;
  let connections = 0;
  let port = 0;
  beforeAll(async () => {
    listener = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    port = (listener.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));

  it('a page that tries WebSocket, beacon, fetch, navigation and meta refresh makes no connection in the export browser', async () => {
    const hostile = `<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0;url=http://127.0.0.1:${port}/refresh"></head><body>
<img src="http://127.0.0.1:${port}/img"><script>
try { new WebSocket('ws://127.0.0.1:${port}/ws'); } catch (e) {}
try { navigator.sendBeacon('http://127.0.0.1:${port}/beacon', 'x'); } catch (e) {}
fetch('http://localhost:${port}/fetch').catch(() => {});
setTimeout(() => { location.href = 'http://127.0.0.1:${port}/nav'; }, 50);
</script></body></html>`;
    // Its own browser, launched exactly as `pdf` launches one.
    await withBrowser(BROWSER_PATH!, 30_000, () => undefined, async (browser) => {
      await loadDeckIntoPage(browser, hostile, { width: 800, height: 600, mode: 'present' });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    });
    expect(CHROMIUM_FLAGS).toContain('--proxy-bypass-list=<-loopback>');
    expect(connections).toBe(0);
  });

  it("an export's own Chromium builds none of the address bar's hidden pop-up pages, and starts no process for its network service or compositor, nor a spare renderer", async () => {
    // Headless Chromium 156 builds them (chrome://omnibox-popup…) for every window: a renderer and about a CPU-second per export.
    const { targets, processes } = await withBrowser(BROWSER_PATH!, scaled(30_000), () => undefined, async (browser) => {
      const page = await loadDeckIntoPage(browser, '<!DOCTYPE html><p>x</p>', { width: 800, height: 600, mode: 'print' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const cdp = await page.context().browser()!.newBrowserCDPSession();
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
      const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string }[] };
      return { targets: targetInfos.map((t) => `${t.type} ${t.url}`), processes: processInfo.map((p) => p.type) };
    });
    expect(targets).toContain('page about:blank');
    expect(targets.filter((t) => t.includes('omnibox'))).toEqual([]);
    // Each process of its own costs a start on every export; both run in the browser's process instead (launch-chromium.ts).
    expect(processes).toContain('browser');
    expect(processes).toContain('renderer');
    expect(processes.filter((type) => /network|gpu/i.test(type))).toEqual([]);
    // A renderer per page (each in a context of its own; in the suite's shared browser, the pages kept warm are there
    // too), and no more: Chromium keeps a spare one ready for its default profile, which a job's page never takes.
    expect(processes.filter((type) => type === 'renderer')).toHaveLength(targets.filter((t) => t.startsWith('page ')).length);
  });

  it('a page kept warm in the shared browser carries nothing from one deck to the next, and a failed job leaves none', async () => {
    const deck = (title: string) => `<!DOCTYPE html><html><head><title>${title}</title></head><body><p>${title}</p></body></html>`;
    const settings = { width: 800, height: 600, mode: 'print' } as const;
    const first = await withBrowser(BROWSER_PATH!, scaled(30_000), () => undefined, async (browser) => {
      const page = await loadDeckIntoPage(browser, deck('first'), settings);
      await page.evaluate(() => ((window as unknown as { leftover: number }).leftover = 1));
      return page;
    });
    const second = await withBrowser(BROWSER_PATH!, scaled(30_000), () => undefined, async (browser) => {
      const page = await loadDeckIntoPage(browser, deck('second'), settings);
      return { page, seen: await page.evaluate(() => ({ title: document.title, leftover: (window as unknown as { leftover?: number }).leftover ?? null, mode: (window as unknown as { briefdeckMode?: { mode: string } }).briefdeckMode?.mode })) };
    });
    // The same renderer served both jobs, and the second deck saw only itself, with the export mode set again.
    expect(second.page).toBe(first);
    expect(second.seen).toEqual({ title: 'second', leftover: null, mode: 'print' });
    await expect(
      withBrowser(BROWSER_PATH!, scaled(30_000), () => undefined, async (browser) => {
        await loadDeckIntoPage(browser, deck('failing'), settings);
        throw new Error('the job failed');
      }),
    ).rejects.toThrow('the job failed');
    // The failed job's page was closed, not kept: the next job starts a page of its own.
    const third = await withBrowser(BROWSER_PATH!, scaled(30_000), () => undefined, (browser) => loadDeckIntoPage(browser, deck('third'), settings));
    expect(first.isClosed()).toBe(true);
    expect(third).not.toBe(first);
  });

  it('pdf, shots and check of a deck with raw HTML that reaches for this machine make no connection', async () => {
    const dir = writeBriefing({
      'briefing.yml': 'title: Reaching\nhtml: true\n',
      'a.md': `## Reaching out\n\n<meta http-equiv="refresh" content="0;url=http://127.0.0.1:${port}/refresh">\n<img src="http://127.0.0.1:${port}/img" alt="x">\n<iframe src="http://127.0.0.1:${port}/frame"></iframe>\n\nNote: n.\n`,
    });
    const cwd = path.dirname(dir);
    expect((await runCapture(['pdf', 'deck', '-o', path.join(cwd, 'd.pdf')], cwd)).code).toBe(0);
    expect((await runCapture(['shots', 'deck', '-o', path.join(cwd, 'shots')], cwd)).code).toBe(0);
    await runCapture(['check', 'deck'], cwd);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(connections).toBe(0);
  });
});

describe.skipIf(BROWSER_PATH === null)('the speaker view under the dev server', () => {
  it('previews the deck although the server refuses every frame', async () => {
    const dir = writeBriefing({ 'briefing.yml': 'title: Served\n', 'a.md': `## One\n\nA.\n\nNote: ${NOTE}\n\n## Two\n\nB.\n\nNote: second.\n` });
    const server = await startDevServer(dir, { port: 0, cwd: path.dirname(dir), log: () => undefined });
    const browser = await borrowBrowser();
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${server.url}#/1`);
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
      const [speaker] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('s')]);
      await expect.poll(() => speaker.locator('.speaker-controls-notes .value').innerText(), { timeout: scaled(10_000) }).toContain(NOTE);
      const upcoming = speaker.frameLocator('#upcoming-slide iframe');
      await expect.poll(() => upcoming.locator('body').evaluate(() => (window as unknown as { Reveal?: { getIndices(): { h: number } } }).Reveal?.getIndices().h ?? -1), { timeout: scaled(10_000) }).toBe(2);
    } finally {
      await releaseBrowser();
      await server.close();
    }
  });
});
