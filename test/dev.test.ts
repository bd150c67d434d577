import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../src/build-deck.js';
import { DEV_EVENTS_PATH } from '../src/bundle/bundle-deck.js';
import { startDevServer, type DevServer } from '../src/dev-server.js';
import { borrowBrowser, releaseBrowser } from './browser-harness.js';
import { BROWSER_PATH, FIXTURES, runBin, tempDir } from './helpers.js';

/** Reads server-sent events from the dev server until `until` matches one. */
async function waitForEvent(url: string, until: (event: string, data: string) => boolean, action?: () => void): Promise<{ event: string; data: string }> {
  const controller = new AbortController();
  const res = await fetch(new URL(DEV_EVENTS_PATH, url), { signal: controller.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let acted = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('event stream ended');
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
        if (until(event, data)) return { event, data };
        // Act only once connected, so the change cannot race the subscription.
        if (!acted && event === 'hello' && action) {
          acted = true;
          action();
        }
      }
    }
  } finally {
    controller.abort();
  }
}

describe('briefdeck dev', () => {
  let dir: string;
  let server: DevServer;
  const log: string[] = [];

  beforeAll(async () => {
    dir = path.join(tempDir(), 'deck');
    cpSync(path.join(FIXTURES, 'check', 'clean'), dir, { recursive: true });
    server = await startDevServer(dir, { port: 0, cwd: path.dirname(dir), log: (l) => log.push(l) });
  });
  afterAll(async () => server?.close());

  it('serves the deck on 127.0.0.1 at a free port, with the reload client', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const html = await (await fetch(server.url)).text();
    expect(html).toContain('<title>Clean</title>');
    expect(html).toContain(DEV_EVENTS_PATH);
    expect(html).toContain("connect-src 'self'");
  });

  it('rebuilds on a change and sends a reload event, and the page has the new content', async () => {
    const file = path.join(dir, 'slides.md');
    const next = server.nextBuild();
    const event = await waitForEvent(server.url, (e) => e === 'reload', () => writeFileSync(file, readFileSync(file, 'utf8').replace('One point', 'A changed point')));
    expect(event.event).toBe('reload');
    expect((await next).ok).toBe(true);
    expect(await (await fetch(server.url)).text()).toContain('A changed point');
  });

  it('shows an error overlay with file:line when the YAML breaks, and keeps serving', async () => {
    const next = server.nextBuild();
    writeFileSync(path.join(dir, 'briefing.yml'), 'title: Clean\nsections: [Only\n');
    expect((await next).ok).toBe(false);
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('id="briefdeck-error-overlay"');
    expect(html).toMatch(/deck\/briefing\.yml:\d+<\/code> invalid YAML/);
    expect(log.some((l) => /briefing\.yml:\d+: error: invalid YAML/.test(l))).toBe(true);
  });

  it('recovers on the next good save', async () => {
    const next = server.nextBuild();
    writeFileSync(path.join(dir, 'briefing.yml'), 'title: Clean again\nsections: [Only]\n');
    expect((await next).ok).toBe(true);
    const html = await (await fetch(server.url)).text();
    expect(html).toContain('<title>Clean again</title>');
    expect(html).not.toContain('briefdeck-error-overlay');
  });

  it('shows the warnings found before a build stopped with its errors, each marked, in the overlay and the log', async () => {
    const file = path.join(dir, 'slides.md');
    const slides = readFileSync(file, 'utf8');
    const yml = readFileSync(path.join(dir, 'briefing.yml'), 'utf8');
    const broken = server.nextBuild();
    writeFileSync(file, `${slides}\n<marquee>moving</marquee>\n`);
    writeFileSync(path.join(dir, 'briefing.yml'), 'title: Clean\nsections: [Only\n');
    expect((await broken).ok).toBe(false);
    const html = await (await fetch(server.url)).text();
    expect(html).toMatch(/deck\/briefing\.yml:\d+<\/code> invalid YAML/);
    expect(html).toMatch(/deck\/slides\.md:\d+<\/code> warning: raw HTML was neutralised/);
    expect(log.some((l) => /slides\.md:\d+: warning: raw HTML was neutralised/.test(l))).toBe(true);
    const fixed = server.nextBuild();
    writeFileSync(file, slides);
    writeFileSync(path.join(dir, 'briefing.yml'), yml);
    expect((await fixed).ok).toBe(true);
  });

  it('refuses requests for another host name', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      request(server.url, { headers: { host: 'attacker.example' } }, (res) => resolve(res.statusCode ?? 0)).end();
    });
    expect(status).toBe(403);
  });

  it.skipIf(BROWSER_PATH === null)('reloads an open page on save and stays on the current slide', async () => {
    const browser = await borrowBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}#/3`);
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
      await page.waitForTimeout(200);
      const reloaded = page.waitForEvent('load');
      writeFileSync(path.join(dir, 'slides.md'), '# Only\n\n## A slide\n\n- Edited in the browser test\n\nNote: Say it. Then stop.\n');
      await reloaded;
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
      expect(await page.evaluate(() => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h)).toBe(3);
      expect(await page.locator('section.present').innerText()).toContain('Edited in the browser test');
    } finally {
      await releaseBrowser();
    }
  });
});

describe('dev-only pieces stay out of built files', () => {
  it('a built deck never contains the reload client', async () => {
    const built = await buildDeck(path.join(FIXTURES, 'check', 'clean'));
    expect(built.deck.html).not.toContain(DEV_EVENTS_PATH);
    expect(built.deck.html).toContain("connect-src 'none'");
  });
});

describe('briefdeck dev on a port in use', () => {
  it('says the port is taken and exits 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = runBin(['dev', path.join(FIXTURES, 'check', 'clean'), '--port', String(port)], tempDir());
      expect(result.code).toBe(1);
      expect(result.err.trim().split('\n')).toEqual([`error: port ${port} is already in use`, `  hint: stop the other server, or choose another port: --port ${port + 1}`]);
    } finally {
      blocker.close();
    }
  });
});
