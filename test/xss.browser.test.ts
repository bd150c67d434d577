import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../src/build-deck.js';
import { borrowBrowser, releaseBrowser, openDeck } from './browser-harness.js';
import { BROWSER_PATH, FIXTURES, tempDir } from './helpers.js';

const XSS = path.join(FIXTURES, 'xss');

/** Opens a deck, visits every slide, presses the keys a presenter would, and reports what ran or loaded. */
async function exercise(browser: Browser, html: string) {
  const deck = await openDeck(browser, html);
  const total = await deck.page.evaluate(() => (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides());
  for (let i = 0; i < total; i++) {
    await deck.page.evaluate((n) => (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(n), i);
    await deck.page.keyboard.press('Tab');
  }
  // Click every link the deck kept; none may run script.
  for (const link of await deck.page.locator('a[href]').all()) await link.evaluate((a) => (a as HTMLAnchorElement).click()).catch(() => undefined);
  await deck.page.waitForTimeout(300);
  const pwned = await deck.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
  const result = { pwned, blocked: [...deck.blocked], violations: await deck.cspViolations(), url: deck.page.url() };
  await deck.context.close();
  return result;
}

describe('the XSS corpus, through Markdown and every metadata field', () => {
  it('leaves no script, handler, dangerous URL or loading tag in the built file', async () => {
    const { deck, warnings } = await buildDeck(XSS);
    const body = deck.html.slice(deck.html.indexOf('<body>'), deck.html.lastIndexOf('<script type="application/json"'));
    expect(body).not.toMatch(/<script|<iframe|<object|<embed|<form|<base|<meta|<link|<style|<svg|<math/i);
    expect(body).not.toMatch(/\son[a-z]+\s*=/i);
    expect(body).not.toMatch(/\s(?:href|src|action|data)\s*=\s*["']?\s*(?:javascript|vbscript|data:text\/html)/i);
    // Metadata payloads survive only as visible, escaped text.
    // (Typesetting may curl the quote; the tag stays escaped text.)
    expect(body).toMatch(/&lt;iframe src&#x3D;(?:&quot;|\u201c|\u201d)javascript:/);
    expect(body).not.toMatch(/https?:\/\/example\.com/);
    expect(body).not.toMatch(/style="|data-background|data-src/);
    // Each slide's removals at the line of the first, and each picture source left out (x, a tracker) at its own line; the
    // links' addresses are named by their own warnings below, not again as markup removed.
    expect(warnings.filter((w) => w.code === 'W_RAW_HTML').map((w) => w.line!).sort((a, b) => a - b)).toEqual([3, 7, 11, 11, 12, 13, 31, 38, 42]);
    expect(warnings.filter((w) => w.message.startsWith('the picture')).map((w) => `${w.line} ${w.message.split(': ')[1]}`)).toEqual([
      '11 it is not a picture file in the briefing folder',
      '12 it is not a picture file in the briefing folder',
      '13 it is not a picture file in the briefing folder',
      '38 a remote picture is never fetched',
    ]);
    // Five Markdown links and three raw <a href> links break the link rules; each is named.
    expect(warnings.filter((w) => w.code === 'W_LINK')).toHaveLength(8);
    // Each at its own line, an address written with entities (`javascript&colon;`, `&#x6A;avascript:`) too.
    expect(warnings.filter((w) => w.code === 'W_LINK' && w.message.includes('in raw HTML')).map((w) => w.line)).toEqual([25, 26, 27]);
  });

  describe.skipIf(BROWSER_PATH === null)('in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await borrowBrowser();
    });
    afterAll(async () => browser && releaseBrowser());

    it('runs none of it and requests nothing', async () => {
      const { deck } = await buildDeck(XSS);
      const result = await exercise(browser, deck.html);
      expect(result.pwned).toBeUndefined();
      expect(result.blocked, result.blocked.join('\n')).toEqual([]);
      expect(result.violations).toEqual([]);
    });

    it('an <svg> in raw HTML is a picture that draws, a no-break space in its text too (XML has no &nbsp;), and the deck requests nothing it named', async () => {
      const dir = path.join(tempDir(), 'inline-svg');
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'a.md'), '## Drawing\n\n<svg width="120" height="60"><image href="https://example.com/i.png" width="9" height="9"/><text x="0" y="40">a&nbsp;b</text></svg>\n');
      const { deck } = await buildDeck(dir);
      const shown = await openDeck(browser, deck.html);
      const drawn = await shown.page.evaluate(async () => {
        const img = document.querySelector<HTMLImageElement>('.slide-content img')!;
        await img.decode().catch(() => undefined);
        return img.naturalWidth;
      });
      expect(drawn).toBe(120);
      expect(shown.blocked).toEqual([]);
      await shown.context.close();
    });

    it('with html: true the raw HTML stays but for scripts and event handlers, and the CSP still blocks every script, handler and network load', async () => {
      const dir = path.join(tempDir(), 'trusted');
      mkdirSync(dir);
      writeFileSync(path.join(dir, 'briefing.yml'), 'title: Trusted author\nhtml: true\n');
      writeFileSync(
        path.join(dir, 'a.md'),
        [
          '## Raw HTML kept',
          '',
          `<script>window.__pwned='script'</script>`,
          `<img src=x onerror="window.__pwned='img'">`,
          `<svg onload="window.__pwned='svg'"><circle r="1"/></svg>`,
          '<img src="https://example.com/tracker.png">',
          '<div style="background:url(https://example.com/x.png)">bg</div>',
          '<iframe src="https://example.com/frame"></iframe>',
          '',
        ].join('\n'),
      );
      const { deck, warnings } = await buildDeck(dir);
      // Scripts, frames and event handlers are removed even from a trusted author: only the deck's own hashed scripts may exist.
      expect(deck.html).not.toContain(`window.__pwned='script'`);
      expect(deck.html).not.toMatch(/\son(?:error|load)=/);
      expect(deck.html).toMatch(/<svg><circle r="1"><\/circle><\/svg>/);
      expect(warnings.map((w) => w.code)).toContain('W_RAW_HTML');
      const result = await exercise(browser, deck.html);
      expect(result.pwned).toBeUndefined();
      expect(result.blocked).toEqual([]);
      expect(result.violations.join('\n')).toMatch(/img-src/);
      // A handler that reaches the page all the same (written into it at run time) is blocked by the CSP.
      const shown = await openDeck(browser, deck.html);
      await shown.page.evaluate(() => {
        const img = document.createElement('img');
        img.setAttribute('onerror', "window.__pwned='handler'");
        img.src = 'data:,not-a-picture';
        document.body.append(img);
      });
      await shown.page.waitForTimeout(200);
      expect(await shown.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect((await shown.cspViolations()).join('\n')).toMatch(/script-src/);
      await shown.context.close();
    });
  });
});

describe('templates never compile briefing content', () => {
  it('prints Handlebars syntax in metadata literally', async () => {
    const { deck } = await buildDeck(XSS);
    // (Typesetting may curl the apostrophes; the braces stay text.)
    expect(deck.html).toMatch(/\{\{constructor\.constructor\((?:&#x27;|\u2018|\u2019)window\.__pwned&#x3D;1(?:&#x27;|\u2019)\)\(\)\}\}/);
    expect(deck.html).not.toContain('window.__pwned=1');
  });
});
