import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../src/build-deck.js';
import { BUILTIN_THEMES } from '../src/themes.js';
import { borrowBrowser, releaseBrowser, openDeck, openDeckTab, scanAccessibility, type DeckTab } from './browser-harness.js';
import { BROWSER_PATH, DEFAULT_BRIEFING, FIXTURES, copyToTemp, buildDefaultBriefing, writeBriefing } from './helpers.js';
import { readFileSync, writeFileSync } from 'node:fs';

const LAYOUTS = path.join(FIXTURES, 'layouts');
/** axe rules whose outcome depends on a theme's CSS rather than on the markup. */
const STYLE_RULES = ['color-contrast', 'link-in-text-block'];
const SYSTEM_FONTS = new Set(['-apple-system', 'system-ui', 'BlinkMacSystemFont', 'Segoe UI', 'Palatino Linotype', 'Book Antiqua', 'Palatino', 'Georgia', 'serif', 'sans-serif']);

/** The first font family of every heading, paragraph and list item, and whether the page has a loaded face of it. */
async function fontsInUse(page: Page): Promise<{ family: string; loaded: boolean; failed: boolean }[]> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    const clean = (f: string) => f.trim().replace(/["']/g, '');
    const used = new Set<string>();
    for (const el of document.querySelectorAll('.reveal h1, .reveal h2, .reveal p, .reveal li')) used.add(clean(getComputedStyle(el).fontFamily.split(',')[0]!));
    const faces = [...document.fonts];
    return [...used].map((family) => ({
      family,
      loaded: faces.some((f) => clean(f.family) === family && f.status === 'loaded'),
      failed: faces.some((f) => clean(f.family) === family && f.status === 'error'),
    }));
  });
}

/** Charts after the layouts: a highlighted column chart and a pie in the series colours, so every theme is checked with them. */
const CHART_SLIDES = `## A chart in the theme

\`\`\`chart
type: column
x: year
y: count
highlight: "2018"
caption: Figures invented for the test
data:
  - {year: "2017", count: 4}
  - {year: "2018", count: 9}
  - {year: "2019", count: 6}
\`\`\`

## A pie in the theme

\`\`\`chart
type: pie
x: part
y: share
data:
  - {part: One, share: 5}
  - {part: Two, share: 3}
  - {part: Three, share: 2}
\`\`\`
`;

/** Builds the layouts fixture, plus two chart slides, in the given theme. */
async function buildInTheme(theme: string): Promise<string> {
  const dir = copyToTemp(LAYOUTS);
  const yml = path.join(dir, 'briefing.yml');
  writeFileSync(yml, `${readFileSync(yml, 'utf8')}theme: ${theme}\n`);
  writeFileSync(path.join(dir, 'z-charts.md'), CHART_SLIDES);
  // The process's own sandbox worker, already warm from the files before this one, as the dev server keeps one.
  return (await buildDeck(dir)).deck.html;
}

describe.skipIf(BROWSER_PATH === null)('themes in Chromium', () => {
  let browser: Browser;
  // Two print-view tabs, each reused from theme to theme: a new page would cost a renderer process per theme.
  const idle: DeckTab[] = [];
  beforeAll(async () => {
    browser = await borrowBrowser();
    idle.push(await openDeckTab(browser, { printView: true }), await openDeckTab(browser, { printView: true }));
  });
  afterAll(async () => {
    if (browser) await releaseBrowser();
  });

  // Themes are independent pages of one browser, checked two at a time.
  it.concurrent.each(BUILTIN_THEMES)('%s: loads its fonts from the file, requests nothing, and has no serious accessibility violation', async (theme) => {
    const html = await buildInTheme(theme);
    expect(html).not.toMatch(/fonts\.googleapis|@import\s+["']?https?:/);
    const tab = idle.pop()!;
    try {
      const deck = await tab.show(html);
      await deck.page.waitForFunction(() => document.querySelectorAll('.pdf-page').length > 0);
      const fonts = await fontsInUse(deck.page);
      expect(fonts.length).toBeGreaterThan(0);
      // Every family the text asks for first is shipped in the file and loaded, not substituted by a system font.
      for (const font of fonts) {
        // Themes built on the system's own UI or serif fonts (dracula, serif) intend exactly that; every other family must ship in the file.
        if (SYSTEM_FONTS.has(font.family)) continue;
        expect(font, font.family).toMatchObject({ loaded: true, failed: false });
      }
      expect(deck.blocked).toEqual([]);
      expect(await deck.cspViolations()).toEqual([]);
      // Charts take the theme's colours and font: no stand-in colour survives, labels use the text colour and font, the highlight the link colour.
      const chart = await deck.page.evaluate(() => {
        const root = getComputedStyle(document.querySelector('.reveal')!);
        const probe = document.createElement('span');
        document.querySelector('.reveal')!.append(probe);
        const resolve = (value: string) => ((probe.style.color = value), getComputedStyle(probe).color);
        const label = document.querySelector<SVGTextElement>('.chart .role-axis-label text')!;
        const bars = [...document.querySelectorAll<SVGPathElement>('.chart-column .mark-rect path')].map((p) => getComputedStyle(p).fill);
        const fills = [...document.querySelectorAll<SVGElement>('.chart path, .chart text')].map((el) => getComputedStyle(el).fill);
        return {
          label: getComputedStyle(label).fill,
          labelFont: getComputedStyle(label).fontFamily.split(',')[0]!.replace(/["']/g, '').trim(),
          mainFont: root.getPropertyValue('--r-main-font').split(',')[0]!.replace(/["']/g, '').trim(),
          main: resolve(root.getPropertyValue('--r-main-color')),
          link: resolve(root.getPropertyValue('--r-link-color')),
          highlighted: bars[1],
          muted: bars[0],
          standIns: fills.filter((f) => /rgb\(11, 208, (0|1|2|3|4|5|6|240|241|242)\)/.test(f)),
        };
      });
      expect(chart.standIns).toEqual([]);
      expect(chart.label).toBe(chart.main);
      expect(chart.labelFont).toBe(chart.mainFont);
      expect(chart.highlighted).toBe(chart.link);
      expect(chart.muted).not.toBe(chart.highlighted);
      // Every theme renders the same markup, so the structural rules run once, on the house theme; the rules that read the CSS run on all.
      expect(await scanAccessibility(deck.page, '.reveal', theme === 'briefing' ? undefined : STYLE_RULES)).toEqual([]);
    } finally {
      // A failed theme hands its tab back, so the others still have one.
      idle.push(tab);
    }
  });

  it("bounds a tall picture's height in reveal's themes as in the house theme (theirs, a share of a block as tall as its content, bounded nothing)", async () => {
    const tall = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="1000"><rect width="100" height="1000" fill="#369"/></svg>';
    for (const theme of ['briefing', 'white', 'black']) {
      const { deck: built } = await buildDeck(writeBriefing({ 'briefing.yml': `title: Tall\ntheme: ${theme}\n`, 'a.md': '## A tall picture\n\n![Tall](tall.svg)\n', 'tall.svg': tall }, `tall-${theme}`));
      const deck = await openDeck(browser, built.html, { hash: '#/1' });
      const height = await deck.page.evaluate(() => document.querySelector<HTMLImageElement>('section.present img')!.offsetHeight);
      expect(height, theme).toBe(440);
      await deck.context.close();
    }
  });

  it('typesets code and math at build time, loads KaTeX fonts from the file and requests nothing', async () => {
    const { deck: built } = await buildDeck(LAYOUTS);
    expect(built.html).not.toMatch(/highlight\.js|hljs\.highlight|cdn\.jsdelivr|mathjax/i);
    const deck = await openDeck(browser, built.html, { hash: '#/11' });
    const state = await deck.page.evaluate(async () => {
      await document.fonts.ready;
      return {
        keywords: document.querySelectorAll('section.present .hljs-keyword').length,
        katex: document.querySelectorAll('section.present .katex').length,
        mathml: document.querySelectorAll('section.present math').length,
        katexFonts: [...document.fonts].filter((f) => f.family.startsWith('KaTeX') && f.status === 'loaded').length,
      };
    });
    expect(state.keywords).toBeGreaterThan(0);
    expect(state.katex).toBe(2);
    expect(state.mathml).toBe(2);
    expect(state.katexFonts).toBeGreaterThan(0);
    expect(deck.blocked).toEqual([]);
    expect(await deck.cspViolations()).toEqual([]);
    await deck.context.close();
  });

  it('the default briefing has no serious or critical accessibility violation on any slide', async () => {
    const { deck: built, briefing } = await buildDefaultBriefing();
    // The print view lays every slide out at once, so one scan covers the whole deck.
    const deck = await idle[0]!.show(built.html);
    await deck.page.waitForFunction(() => document.querySelectorAll('.pdf-page').length > 0);
    expect(await deck.page.locator('.pdf-page').count()).toBe(briefing.slides.length);
    expect(await scanAccessibility(deck.page, '.reveal')).toEqual([]);
  });
});
