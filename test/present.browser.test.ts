import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuiltDeck } from '../src/build-deck.js';
import { currentIndex, borrowBrowser, releaseBrowser, openDeck, openDeckTab, waitForReveal, type DeckTab } from './browser-harness.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { BROWSER_PATH, DEFAULT_BRIEFING, FIXTURES, writeBriefing, scaled, buildDefaultBriefing, noteText } from './helpers.js';

type RevealApi = {
  getTotalSlides(): number;
  getConfig(): Record<string, unknown>;
  isOverview(): boolean;
  slide(h: number): void;
};

// One browser for the file, and one tab that shows each deck in turn: a new page would cost a renderer process per test.
// The speaker-view tests open contexts of their own, since they open windows.
let browser: Browser;
let tab: DeckTab;
beforeAll(async () => {
  if (BROWSER_PATH === null) return;
  browser = await borrowBrowser();
  tab = await openDeckTab(browser);
});
afterAll(async () => browser && releaseBrowser());

describe.skipIf(BROWSER_PATH === null)('presenting the default briefing from file:// in Chromium', () => {
  let built: BuiltDeck;

  beforeAll(async () => {
    built = await buildDefaultBriefing();
  });

  it('makes zero network requests, with zero CSP violations and zero page errors, and shows every slide of the model', async () => {
    const deck = await tab.show(built.deck.html);
    // Visit every slide so anything loaded lazily would have been requested.
    const total = await deck.page.evaluate(() => (window as unknown as { Reveal: RevealApi }).Reveal.getTotalSlides());
    for (let i = 0; i < total; i++) await deck.page.evaluate((n) => (window as unknown as { Reveal: RevealApi }).Reveal.slide(n), i);
    expect(total).toBe(built.briefing.slides.length);
    expect(deck.blocked).toEqual([]);
    expect(await deck.cspViolations()).toEqual([]);
    expect(deck.pageErrors).toEqual([]);
    expect(deck.consoleErrors).toEqual([]);
  });

  it('sits still once shown: no arrow bounces and no animation keeps running on the title slide', async () => {
    const deck = await tab.show(built.deck.html);
    // reveal's controls tutorial would bounce the next-slide arrow forever, redrawing the page while the presenter speaks.
    await expect.poll(() => deck.page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').map((a) => (a as CSSAnimation).animationName ?? 'transition')), { timeout: scaled(5_000) }).toEqual([]);
    expect(await deck.page.locator('.reveal .controls .highlight').count()).toBe(0);
  });

  it("changes slides with the deck's transition, and in place (auto-animate off) for a reader whose system asks for less motion", async () => {
    const moving = await openDeck(browser, built.deck.html, { motion: 'no-preference' });
    // The file's shared tab asks for reduced motion.
    const still = await tab.show(built.deck.html);
    try {
      /** Moves to the next slide and says which transition the deck is set to and what is animating right after. */
      const next = (deck: typeof moving) =>
        deck.page.evaluate(() => {
          const reveal = (window as unknown as { Reveal: RevealApi & { next(): void } }).Reveal;
          reveal.next();
          return { transition: reveal.getConfig().transition, autoAnimate: reveal.getConfig().autoAnimate, animating: document.getAnimations().length };
        });
      // Auto-animated slides (Quarto's auto-animate=true) move only for a reader who allows motion.
      expect(await next(moving)).toMatchObject({ transition: 'fade', autoAnimate: true });
      expect((await next(moving)).animating).toBeGreaterThan(0);
      expect(await next(still)).toEqual({ transition: 'none', autoAnimate: false, animating: 0 });
      expect(await next(still)).toEqual({ transition: 'none', autoAnimate: false, animating: 0 });
      expect(await currentIndex(still.page)).toBe(2);
    } finally {
      await moving.context.close();
    }
  });

  it("plays a slide's own transition for a reader who allows motion, and takes it off for one who asks for less", async () => {
    const deckFile = path.join(writeBriefing({ 'deck.qmd': ['---', 'title: T', 'format:', '  revealjs:', '    transition: none', '---', '', '## Zoomed {transition="zoom"}', '', 'Text.', ''].join('\n') }, 'slide-transition-motion'), 'deck.qmd');
    const html = (await buildDeck(deckFile)).deck.html;
    const moving = await openDeck(browser, html, { motion: 'no-preference' });
    // The file's shared tab asks for reduced motion.
    const still = await tab.show(html);
    try {
      /** Moves to the zoomed slide and says what it asks for and what is animating right after. */
      const next = (deck: typeof moving) =>
        deck.page.evaluate(() => {
          const reveal = (window as unknown as { Reveal: RevealApi & { next(): void; getCurrentSlide(): Element } }).Reveal;
          reveal.next();
          return { transition: reveal.getCurrentSlide().getAttribute('data-transition'), animating: document.getAnimations().length };
        });
      // The deck changes in place, but this slide zooms in.
      const moved = await next(moving);
      expect(moved.transition).toBe('zoom');
      expect(moved.animating).toBeGreaterThan(0);
      expect(await next(still)).toEqual({ transition: null, animating: 0 });
    } finally {
      await moving.context.close();
    }
  });

  it('loads every font the theme declares, and body text renders in the theme font', async () => {
    const deck = await tab.show(built.deck.html, '#/5');
    const fonts = await deck.page.evaluate(async () => {
      await document.fonts.ready;
      const faces = [...document.fonts].map((f) => ({ family: f.family.replace(/"/g, ''), status: f.status }));
      const item = document.querySelector('.present li') ?? document.querySelector('.present p')!;
      const used = getComputedStyle(item).fontFamily.split(',')[0]!.trim().replace(/"/g, '');
      return { faces, used, available: document.fonts.check(`30px "${used}"`) };
    });
    expect(fonts.faces.length).toBeGreaterThanOrEqual(2);
    for (const face of fonts.faces) expect(face.status).toBe('loaded');
    expect(fonts.faces.map((f) => f.family)).toContain(fonts.used);
    expect(fonts.used).toBe('Source Sans 3');
    expect(fonts.available).toBe(true);
  });

  it('decodes every image', async () => {
    const deck = await tab.show(built.deck.html);
    const images = await deck.page.evaluate(async () =>
      Promise.all(
        [...document.images].map(async (img) => {
          await img.decode();
          return { width: img.naturalWidth, alt: img.alt };
        }),
      ),
    );
    expect(images.length).toBe(built.briefing.images.length);
    for (const image of images) {
      expect(image.width).toBeGreaterThan(0);
      expect(image.alt).not.toBe('');
    }
  });

  it('navigates with →, Space, ←, Home, End and Esc, and a reload keeps the current slide', async () => {
    const deck = await tab.show(built.deck.html);
    const { page } = deck;
    const last = built.briefing.slides.length - 1;
    expect(await currentIndex(page)).toBe(0);
    await page.keyboard.press('ArrowRight');
    expect(await currentIndex(page)).toBe(1);
    await page.keyboard.press('Space');
    expect(await currentIndex(page)).toBe(2);
    await page.keyboard.press('ArrowLeft');
    expect(await currentIndex(page)).toBe(1);
    await page.keyboard.press('End');
    expect(await currentIndex(page)).toBe(last);
    await page.keyboard.press('Home');
    expect(await currentIndex(page)).toBe(0);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (window as unknown as { Reveal: RevealApi }).Reveal.isOverview())).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (window as unknown as { Reveal: RevealApi }).Reveal.isOverview())).toBe(false);

    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.hash === '#/5');
    await page.reload();
    await waitForReveal(page);
    expect(await currentIndex(page)).toBe(5);
  });

  it('opens the speaker view with S from file://, showing notes, the next slide, the timer and the clock, and follows the main window and drives it', async () => {
    const deck = await openDeck(browser, built.deck.html);
    const { page, context } = deck;
    const firstNoted = built.briefing.slides.find((s) => s.notes !== null)!;
    const nextNoted = built.briefing.slides.find((s) => s.notes !== null && s.number > firstNoted.number)!;
    await page.evaluate((n) => (window as unknown as { Reveal: RevealApi }).Reveal.slide(n), firstNoted.number - 1);
    const [speaker] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    const notes = speaker.locator('.speaker-controls-notes .value');
    await expect.poll(() => notes.innerText(), { timeout: scaled(10_000) }).toContain(noteText(firstNoted.notes!).split('.')[0]!);

    const state = await speaker.evaluate(() => ({
      frames: [...document.querySelectorAll<HTMLIFrameElement>('#current-slide iframe, #upcoming-slide iframe')].map((f) => ({ src: f.getAttribute('src'), role: f.dataset.briefdeckReceiver, srcdoc: f.srcdoc.slice(0, 400) })),
      clock: document.querySelector('.clock-value')?.textContent ?? '',
      status: getComputedStyle(document.querySelector('#connection-status')!).display,
    }));
    expect(state.frames).toHaveLength(2);
    // The previews hold the deck's own source (srcdoc), so the CSP needs no frame-src that would admit file: URLs.
    expect(state.frames.map((f) => f.role)).toEqual(['current', 'upcoming']);
    for (const frame of state.frames) {
      expect(frame.src).toBeNull();
      expect(frame.srcdoc).toContain('<meta http-equiv="Content-Security-Policy"');
    }
    expect(built.deck.html).toContain("frame-src 'none'");
    expect(state.clock).toMatch(/^\d{1,2}:\d{2}\s?(AM|PM)$/);
    expect(state.status).toBe('none');
    await expect.poll(() => speaker.locator('.speaker-controls-time .timer').innerText(), { timeout: scaled(5_000) }).toMatch(/^00:00:0[1-9]$/);
    // The briefing's duration: is the pacing timer's length, and the speaker view shows the pacing.
    expect(await page.evaluate(() => (window as unknown as { Reveal: RevealApi }).Reveal.getConfig().totalTime)).toBe(built.briefing.meta.duration! * 60);
    await expect.poll(() => speaker.locator('.speaker-controls-time .pacing').isVisible(), { timeout: scaled(10_000) }).toBe(true);

    // The current-slide frame shows the current slide, the upcoming-slide frame the one after it.
    const current = speaker.frameLocator('#current-slide iframe');
    await expect
      .poll(() => current.locator('body').evaluate(() => (window as unknown as { Reveal?: { getIndices(): { h: number } } }).Reveal?.getIndices().h ?? -1), { timeout: scaled(10_000) })
      .toBe(firstNoted.number - 1);
    const upcoming = speaker.frameLocator('#upcoming-slide iframe');
    await expect
      .poll(() => upcoming.locator('body').evaluate(() => (window as unknown as { Reveal?: { getIndices(): { h: number } } }).Reveal?.getIndices().h ?? -1), { timeout: scaled(10_000) })
      .toBe(firstNoted.number);

    // An upcoming preview that starts after the speaker window sent the presenter's place (as a slow one does on a busy
    // machine) takes the place from the deck once it is ready, rather than showing the first slide until the next move.
    await speaker.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('#upcoming-slide iframe')!;
      frame.srcdoc = `${frame.srcdoc}`;
    });
    await expect
      .poll(() => upcoming.locator('body').evaluate(() => (window as unknown as { Reveal?: { isReady(): boolean; getIndices(): { h: number } } }).Reveal?.isReady() ? (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h : -1), { timeout: scaled(10_000) })
      .toBe(firstNoted.number);

    await page.evaluate((n) => (window as unknown as { Reveal: RevealApi }).Reveal.slide(n), nextNoted.number - 1);
    await expect.poll(() => notes.innerText(), { timeout: scaled(10_000) }).toContain(noteText(nextNoted.notes!).split('.')[0]!);

    // And the other way: a key pressed in the speaker window moves the presentation.
    await speaker.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h), { timeout: scaled(10_000) }).toBe(nextNoted.number);
    expect(deck.blocked).toEqual([]);
    expect(deck.pageErrors).toEqual([]);
    await context.close();
  });

  it('shows the section name and n / total in the footer of each slide', async () => {
    const deck = await tab.show(built.deck.html);
    const slide = built.briefing.slides.find((s) => s.kind === 'content' && s.section === 'What worked')!;
    await deck.page.evaluate((n) => (window as unknown as { Reveal: RevealApi }).Reveal.slide(n), slide.number - 1);
    const footer = await deck.page.locator('section.present .deck-footer').innerText();
    expect(footer.replace(/\s+/g, ' ')).toBe(`What worked ${slide.number} / ${built.briefing.slides.length}`);
    expect(await deck.page.locator('.reveal .progress').isVisible()).toBe(true);
  });
});

describe.skipIf(BROWSER_PATH === null)('presenter features on the presenter fixture', () => {
  let built: BuiltDeck;

  beforeAll(async () => {
    built = await buildDeck(path.join(FIXTURES, 'presenter'));
  });

  it('steps incremental list items in order, one fragment per key press', async () => {
    const deck = await tab.show(built.deck.html);
    const slide = built.briefing.slides.find((s) => s.title === 'Incremental list')!;
    await deck.page.evaluate((n) => (window as unknown as { Reveal: RevealApi }).Reveal.slide(n), slide.number - 1);
    const visible = () => deck.page.locator('section.present li.fragment.visible').allTextContents();
    expect(await visible()).toEqual([]);
    await deck.page.keyboard.press('ArrowRight');
    expect(await visible()).toEqual(['first point']);
    await deck.page.keyboard.press('ArrowRight');
    expect(await visible()).toEqual(['first point', 'second point']);
    await deck.page.keyboard.press('ArrowRight');
    expect(await visible()).toEqual(['first point', 'second point', 'third point']);
    await deck.page.keyboard.press('ArrowRight');
    expect(await currentIndex(deck.page)).toBe(slide.number);
    expect(await deck.page.locator('section.present li.fragment').count()).toBe(0);
  });

  it("steps a code block's line highlight with its fragments, forward and back, numbered from where the deck says, the other lines grey at AA; a print shows the last step", async () => {
    const md = ['---', 'title: Code', '---', '', '## Code', '', '```js [712: 1|2-3]', 'const a = 1;', 'const b = 2;', 'const c = 3;', '```', '', '## After', '', 'The end.', ''].join('\n');
    const { deck: html } = await buildDeck(path.join(writeBriefing({ 'deck.md': md }, 'present-code-steps'), 'deck.md'));
    // Each line: whether it is highlighted, its colour, and the line number CSS draws before it.
    const read = (page: import('playwright-core').Page) =>
      page.evaluate(() => {
        const code = document.querySelector<HTMLElement>('.reveal pre code')!;
        return {
          counter: getComputedStyle(code).counterReset,
          lines: [...code.querySelectorAll('.code-line')].map((l) => `${l.classList.contains('highlight-line') ? '*' : ' '}${getComputedStyle(l).color}`),
        };
      });
    const deck = await tab.show(html.html, '#/1');
    const [lit, grey] = ['*rgb(31, 31, 31)', ' rgb(105, 105, 105)'];
    expect(await read(deck.page)).toEqual({ counter: 'code-line 711', lines: [lit, grey, grey] });
    await deck.page.keyboard.press('ArrowRight');
    expect((await read(deck.page)).lines).toEqual([grey, lit, lit]);
    await deck.page.keyboard.press('ArrowLeft');
    expect((await read(deck.page)).lines).toEqual([lit, grey, grey]);
    // Leaving the slide and coming back to it from the end shows every step taken.
    await deck.page.keyboard.press('ArrowLeft');
    await deck.page.keyboard.press('End');
    await deck.page.keyboard.press('ArrowLeft');
    expect(await currentIndex(deck.page)).toBe(1);
    expect((await read(deck.page)).lines).toEqual([grey, lit, lit]);
    expect(deck.pageErrors).toEqual([]);
    const print = await openDeckTab(browser, { printView: true });
    try {
      const printed = await print.show(html.html);
      await printed.page.waitForFunction(() => (window as unknown as { briefdeckPdfReady?: boolean }).briefdeckPdfReady === true, undefined, { timeout: scaled(20_000) });
      expect((await read(printed.page)).lines).toEqual([grey, lit, lit]);
    } finally {
      await print.context.close();
    }
  });

  it("stretches a Quarto slide's one picture to the height the slide has left, at its aspect ratio, and lets a .scrollable slide scroll", async () => {
    const md = ['---', 'title: S', 'format: revealjs', '---', '', '## Under text', '', 'Text first.', '', '![A caption](p.svg)', '', '## Scrolls {.scrollable}', '', ...Array.from({ length: 14 }, (_, i) => `Line ${i + 1}.\n`)].join('\n');
    const { deck: built } = await buildDeck(path.join(writeBriefing({ 'deck.qmd': md, 'p.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30"/></svg>' }, 'present-stretch'), 'deck.qmd'));
    const deck = await tab.show(built.html, '#/1');
    const box = await deck.page.evaluate(() => {
      const img = document.querySelector<HTMLImageElement>('section.present img')!.getBoundingClientRect();
      const caption = document.querySelector('section.present .figure-caption')!.getBoundingClientRect();
      const body = document.querySelector('section.present .slide-body')!.getBoundingClientRect();
      // In the slide's own pixels, whatever reveal scales it by to fit the window.
      const scale = (window as unknown as { Reveal: { getScale(): number } }).Reveal.getScale();
      return { width: img.width / scale, height: img.height / scale, gap: (body.bottom - caption.bottom) / scale, below: caption.top - img.bottom };
    });
    // The picture (30 px high as drawn) fills what the title, the text and its caption leave of the slide, its caption at the bottom.
    expect(box.height).toBeGreaterThan(300);
    expect(Math.abs(box.width / box.height - 4 / 3)).toBeLessThan(0.01);
    expect(box.gap).toBeLessThan(2);
    expect(box.below).toBeGreaterThanOrEqual(0);
    await deck.page.keyboard.press('ArrowRight');
    const scroll = await deck.page.evaluate(() => {
      const body = document.querySelector<HTMLElement>('section.present .slide-body')!;
      return { overflow: getComputedStyle(body).overflowY, scrolls: body.scrollHeight > body.clientHeight };
    });
    expect(scroll).toEqual({ overflow: 'auto', scrolls: true });
  });

  it("places a Quarto .absolute picture on the slide where its top and left say, under the classification banner and the footer", async () => {
    const md = ['---', 'title: A', 'classification: Internal', 'format: revealjs', '---', '', '## Placed', '', '![](p.svg){.absolute top=0 left=0 width="400"}', '', '![](p.svg){.absolute bottom=0 right=0 width="400"}', ''].join('\n');
    const { deck: built } = await buildDeck(path.join(writeBriefing({ 'deck.qmd': md, 'p.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30"/></svg>' }, 'present-absolute'), 'deck.qmd'));
    const deck = await tab.show(built.html, '#/1');
    const placed = await deck.page.evaluate(() => {
      const slide = document.querySelector('section.present')!.getBoundingClientRect();
      const scale = (window as unknown as { Reveal: { getScale(): number } }).Reveal.getScale();
      const [first, second] = [...document.querySelectorAll<HTMLImageElement>('section.present img')].map((img) => img.getBoundingClientRect());
      // Where a picture lies under the banners and the footer, the chrome is drawn over it, not the picture over the chrome.
      const over = (selector: string, side: 'left' | 'right') => {
        const box = document.querySelector(`section.present ${selector}`)!.getBoundingClientRect();
        const stack = document.elementsFromPoint(side === 'left' ? box.left + 20 : box.right - 20, box.top + box.height / 2);
        const chrome = stack.findIndex((e) => e.closest(selector) !== null);
        const picture = stack.findIndex((e) => e.tagName === 'IMG');
        return picture >= 0 && chrome >= 0 && chrome < picture;
      };
      return { left: (first!.left - slide.left) / scale, top: (first!.top - slide.top) / scale, right: (slide.right - second!.right) / scale, bottom: (slide.bottom - second!.bottom) / scale, chrome: [over('.classification-top', 'left'), over('.classification-bottom', 'right'), over('.deck-footer', 'right')] };
    });
    expect(placed).toEqual({ left: 0, top: 0, right: 0, bottom: 0, chrome: [true, true, true] });
  });

  it("places an Advanced Slides grid where its drop and drag say, its content centred in it", async () => {
    const md = ['<split even>', 'a', '</split>', '', '---', '', '## Grid', '', '<grid drag="60 55" drop="5 10">', '**Placed**', '</grid>', ''].join('\n');
    const { deck: built } = await buildDeck(path.join(writeBriefing({ 'deck.md': md }, 'present-grid'), 'deck.md'));
    const deck = await tab.show(built.html, '#/1');
    const placed = await deck.page.evaluate(() => {
      const slide = document.querySelector('section.present')!.getBoundingClientRect();
      const scale = (window as unknown as { Reveal: { getScale(): number } }).Reveal.getScale();
      const cell = document.querySelector('section.present .grid-cell')!.getBoundingClientRect();
      const text = document.querySelector('section.present .grid-cell strong')!.getBoundingClientRect();
      const at = (n: number) => Math.round(n / scale);
      // How far the text's middle is from the cell's, in whole pixels (a line box is a pixel or two off its glyphs').
      const off = (n: number) => Math.abs(Math.round(n / scale)) <= 2;
      return { left: at(cell.left - slide.left), top: at(cell.top - slide.top), width: at(cell.width), height: at(cell.height), centred: off(text.left + text.width / 2 - (cell.left + cell.width / 2)) && off(text.top + text.height / 2 - (cell.top + cell.height / 2)) };
    });
    // 5% and 10% of the 1280 × 720 slide, 60% by 55% of it, the text at the middle.
    expect(placed).toEqual({ left: 64, top: 72, width: 768, height: 396, centred: true });
  });

  it("fits a Marp <!--fit--> title (and Deckset's [fit]) to its line, as Marp does, far larger than a title left as it is", async () => {
    const md = ['---', 'marp: true', '---', '', '# <!--fit--> Fitted', '', 'Text.', '', '---', '', '# Plain', '', 'Text.', ''].join('\n');
    const { deck: built } = await buildDeck(path.join(writeBriefing({ 'deck.md': md }, 'present-fit'), 'deck.md'));
    const deck = await tab.show(built.html);
    const measure = () =>
      deck.page.evaluate(() => {
        const slides = (window as unknown as { Reveal: { getSlides(): Element[] } }).Reveal.getSlides();
        const fitted = slides[0]!.querySelector<HTMLElement>('.slide-title .r-fit-text')!;
        const frame = slides[0]!.querySelector('.slide-frame')!.getBoundingClientRect();
        return { fitted: parseFloat(getComputedStyle(fitted).fontSize), plain: parseFloat(getComputedStyle(slides[1]!.querySelector('.slide-title')!).fontSize), fills: fitted.getBoundingClientRect().width / (frame.width - 144) };
      });
    // reveal fits the text in an animation frame, which a busy machine can delay: measured until it has.
    await expect.poll(async () => {
      const measured = await measure();
      return measured.fitted / measured.plain;
    }, { timeout: scaled(10_000) }).toBeGreaterThan(2);
    const sizes = await measure();
    // It fills the width between the slide's margins (72 px each side), as near as fitting can.
    expect(sizes.fills).toBeGreaterThan(0.9);
    expect(sizes.fills).toBeLessThanOrEqual(1.01);
  });

  it("draws a Slidev deck's utility classes (a text-2xl line half again the size of the text, text-center centred, opacity-50 half seen) and a class its own style names", async () => {
    const md = ['---', 'colorSchema: light', '---', '', '# One', '', 'Plain.', '', '<p class="text-2xl text-center opacity-50">Styled</p>', '', '<p class="twice">Own</p>', '', '<style>', '.twice { font-size: 2em }', '</style>', ''].join('\n');
    const { deck: built } = await buildDeck(path.join(writeBriefing({ 'slides.md': md }, 'present-utilities'), 'slides.md'));
    const deck = await tab.show(built.html);
    const styled = await deck.page.evaluate(() => {
      const [plain, styledText, own] = [...document.querySelectorAll('section.present .slide-content p')].map((p) => getComputedStyle(p));
      // Rounded: the slide's text is a step smaller in a Slidev deck (0.82em), and the sizes are fractions of pixels.
      const ratio = (a: CSSStyleDeclaration, b: CSSStyleDeclaration) => Math.round((parseFloat(a.fontSize) / parseFloat(b.fontSize)) * 100) / 100;
      return { ratio: ratio(styledText!, plain!), align: styledText!.textAlign, opacity: styledText!.opacity, own: ratio(own!, plain!) };
    });
    expect(styled).toEqual({ ratio: 1.5, align: 'center', opacity: '0.5', own: 2 });
  });

  it("shows the deck's logo in the footer, before the number, as high as its line, and the number still on one line", async () => {
    const md = ['---', 'title: A long deck title that takes much of the footer when it is shown there in full', 'logo: logo.png', '---', '', '## One', '', 'Text.', ''].join('\n');
    const { deck: built } = await buildDeck(path.join(writeBriefing({ 'deck.md': md, 'logo.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'present-logo'), 'deck.md'));
    const deck = await tab.show(built.html, '#/1');
    const boxes = await deck.page.evaluate(() => {
      const box = (selector: string) => document.querySelector(`section.present ${selector}`)!.getBoundingClientRect();
      const [footer, logo, number, section] = ['.deck-footer', '.deck-logo', '.footer-number', '.footer-section'].map(box);
      return { inFooter: logo!.top >= footer!.top && logo!.bottom <= footer!.bottom + 1, beforeNumber: logo!.right <= number!.left, afterSection: logo!.left >= section!.right, height: Math.round(logo!.height), numberLines: Math.round(number!.height / parseFloat(getComputedStyle(document.querySelector('section.present .footer-number')!).lineHeight)) };
    });
    expect(boxes).toEqual({ inFooter: true, beforeNumber: true, afterSection: true, height: 24, numberLines: 1 });
  });

  // The speaker view's pacing display is checked with the default briefing's duration, in the speaker view test above.
  it('sets the pacing timer from duration and the slide size from size', async () => {
    const deck = await tab.show(built.deck.html);
    const config = await deck.page.evaluate(() => (window as unknown as { Reveal: RevealApi }).Reveal.getConfig());
    expect(config.totalTime).toBe(600);
    expect([config.width, config.height]).toEqual([960, 720]);
  });

  it('shows the classification banner at the top and bottom of every slide, the title slide included', async () => {
    const deck = await tab.show(built.deck.html);
    const total = built.briefing.slides.length;
    for (let i = 0; i < total; i++) {
      await deck.page.evaluate((n) => (window as unknown as { Reveal: RevealApi }).Reveal.slide(n), i);
      for (const where of ['top', 'bottom']) {
        const banner = deck.page.locator(`section.present .classification-${where}`);
        expect(await banner.isVisible(), `slide ${i + 1} ${where}`).toBe(true);
        expect(await banner.innerText()).toBe('SECRET // TEST FIXTURE');
      }
    }
  });
});

describe.skipIf(BROWSER_PATH === null)('one chrome on every layout', () => {
  it('every titled layout has the rule under its title, and its content clears the footer by at least 16 px', async () => {
    const built = await buildDeck(path.join(FIXTURES, 'layouts'));
    const deck = await tab.show(built.deck.html);
    const titled = built.briefing.slides.filter((s) => s.kind === 'content' && s.title);
    expect(new Set(titled.map((s) => s.layout)).size).toBeGreaterThanOrEqual(8);
    for (const slide of titled) {
      const measured = await deck.page.evaluate((n) => {
        (window as unknown as { Reveal: RevealApi }).Reveal.slide(n);
        const section = document.querySelector<HTMLElement>('.reveal .slides section.present')!;
        const title = section.querySelector<HTMLElement>('h2')!;
        const footer = section.querySelector<HTMLElement>('.deck-footer')!.getBoundingClientRect();
        // The lowest edge of what the slide shows above its footer: its text (measured as text, not its boxes' padding), pictures and charts.
        const bottoms: number[] = [];
        const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement!;
          if (!node.textContent!.trim() || parent.closest('.deck-footer, .sr-only, .classification, aside.notes')) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const rect = range.getBoundingClientRect();
          if (rect.height > 0) bottoms.push(rect.bottom);
        }
        for (const el of section.querySelectorAll<HTMLElement>('img, svg.chart-drawing, table')) if (!el.closest('.sr-only')) bottoms.push(el.getBoundingClientRect().bottom);
        const bottom = Math.max(...bottoms);
        const scale = section.getBoundingClientRect().width / 1280;
        return { rule: Number.parseFloat(getComputedStyle(title).borderBottomWidth), clearance: (footer.top - bottom) / scale };
      }, slide.number - 1);
      expect(measured.rule, `${slide.layout}: title rule`).toBeGreaterThanOrEqual(1);
      expect(measured.clearance, `${slide.layout}: space above the footer`).toBeGreaterThanOrEqual(16);
    }
  });
});

describe.skipIf(BROWSER_PATH === null)('the print view', () => {
  it("has reveal's print classes before the document has loaded, so Chromium never lays the deck out for paper first", async () => {
    const built = await buildDefaultBriefing();
    const tab = await openDeckTab(browser, { printView: true });
    // Read as the parser finishes, before reveal's first animation frame, where reveal itself would add them.
    await tab.context.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { classesAtLoad: string }).classesAtLoad = document.documentElement.className;
      });
    });
    const deck = await tab.show(built.deck.html);
    const classes = await deck.page.evaluate(() => (window as unknown as { classesAtLoad: string }).classesAtLoad.split(' '));
    expect(classes).toEqual(expect.arrayContaining(['reveal-print', 'print-pdf']));
    await deck.context.close();
  });

  it('builds its pages in one go once every font has loaded, so Chromium styles and lays a deck out once, not three times', async () => {
    const built = await buildDefaultBriefing();
    const tab = await openDeckTab(browser, { printView: true });
    // What happened while reveal's print view built the pages, from its @page rule to pdf-ready: frames drawn (Chromium
    // lays the deck out for each), slide heights read (each read lays the deck out), fonts not loaded yet (one that
    // arrives after the layout makes Chromium lay all the text out again), and style changes still to come.
    // Set up before the deck loads, on the window, which outlives the document that setContent replaces.
    await tab.context.addInitScript(() => {
      const seen = { framesDuringBuild: -1, heightsRead: 0, facesNotLoaded: -1, marksLeftForLater: -1, shown: false, ready: false };
      (window as unknown as { printSeen: typeof seen }).printSeen = seen;
      let frames = 0;
      let building = false;
      const count = () => {
        frames++;
        requestAnimationFrame(count);
      };
      const append = Node.prototype.appendChild;
      Node.prototype.appendChild = function <T extends Node>(this: Node, child: T): T {
        if (!building && child instanceof HTMLStyleElement && child.textContent?.startsWith('@page')) {
          building = true;
          requestAnimationFrame(count);
        }
        return append.call(this, child) as T;
      };
      const height = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight')!;
      Object.defineProperty(Element.prototype, 'scrollHeight', {
        configurable: true,
        get(this: Element) {
          if (building && !seen.ready && this.tagName === 'SECTION') seen.heightsRead++;
          return height.get!.call(this) as number;
        },
      });
      // The runtime sets this flag at pdf-ready.
      let ready = false;
      Object.defineProperty(window, 'briefdeckPdfReady', {
        configurable: true,
        get: () => ready,
        set(value: boolean) {
          ready = value;
          // reveal's marks of a started deck, which it sets on a timer: any still to come would restyle every page.
          const marksLeftForLater = [document.querySelector('.reveal:not(.ready)'), document.querySelector('.reveal .slides.no-transition'), document.querySelector('.reveal .backgrounds.no-transition')].filter(Boolean).length;
          // And the deck is shown, not still kept out of layout: printed or measured so, it would be a blank page.
          const shown = getComputedStyle(document.querySelector('.reveal')!).display !== 'none';
          Object.assign(seen, { ready: true, framesDuringBuild: building ? frames : -1, facesNotLoaded: [...document.fonts].filter((face) => face.status !== 'loaded').length, marksLeftForLater, shown });
        },
      });
    });
    // Loaded as the exporter loads it (browser-session.ts): print media, and the HTML set rather than navigated to.
    await tab.page.emulateMedia({ media: 'print' });
    // A fresh document, so the scripts above run in it first.
    await tab.page.goto('about:blank');
    await tab.page.setContent(built.deck.html, { waitUntil: 'load' });
    await tab.page.waitForFunction(() => (window as unknown as { printSeen: { ready: boolean } }).printSeen.ready);
    const seen = await tab.page.evaluate(() => (window as unknown as { printSeen: Record<string, unknown> }).printSeen);
    expect(seen).toEqual({ framesDuringBuild: 0, heightsRead: 0, facesNotLoaded: 0, marksLeftForLater: 0, shown: true, ready: true });
    expect(await tab.page.locator('.pdf-page').count()).toBe(built.briefing.slides.length);
    // reveal has set every slide's state, as it does unpatched (all shown, all but the first hidden from assistive
    // technology), before it moved them into pages, where it no longer finds them: the pages come after that, not before.
    const states = await tab.page.evaluate(() => [...document.querySelectorAll('.pdf-page > section')].map((s) => `${s.classList.contains('present') ? 'present' : 'unset'}${s.getAttribute('aria-hidden') === 'true' ? ' aria-hidden' : ''}`));
    expect(states).toEqual(['present', ...Array.from({ length: built.briefing.slides.length - 1 }, () => 'present aria-hidden')]);
    await tab.context.close();
  });
});

describe.skipIf(BROWSER_PATH === null)('line breaking in the default briefing', () => {
  it('no paragraph or list item ends on a line holding one short word (four letters or fewer), and titles are balanced', async () => {
    const built = await buildDefaultBriefing();
    const deck = await openDeck(browser, built.deck.html, { printView: true });
    await deck.page.waitForFunction(() => document.querySelectorAll('.pdf-page').length > 0);
    const found = await deck.page.evaluate(() => {
      const lonely: string[] = [];
      for (const block of document.querySelectorAll<HTMLElement>('.reveal .slides section p, .reveal .slides section li, .reveal .slides section h2')) {
        if (block.closest('aside.notes, .sr-only, .deck-footer, .classification')) continue;
        // Each word's line, from where the browser put it.
        const words: { text: string; top: number }[] = [];
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement!.closest('ul, ol') !== block.closest('ul, ol') && block.tagName === 'LI' && node.parentElement!.closest('li') !== block) continue;
          for (const match of node.textContent!.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index!);
            range.setEnd(node, match.index! + match[0].length);
            const rect = range.getBoundingClientRect();
            if (rect.height > 0) words.push({ text: match[0], top: Math.round(rect.top) });
          }
        }
        const lines = [...new Set(words.map((w) => w.top))].sort((a, b) => a - b);
        if (lines.length < 2) continue;
        const last = words.filter((w) => w.top === lines.at(-1));
        if (last.length === 1 && last[0]!.text.replace(/[^\p{L}\p{N}]/gu, '').length <= 4) lonely.push(`${block.tagName.toLowerCase()}: …${words.slice(-3).map((w) => w.text).join(' ')}`);
      }
      const unbalanced = [...document.querySelectorAll('.reveal h2')].filter((h) => getComputedStyle(h).textWrap !== 'balance').length;
      return { lonely, unbalanced };
    });
    expect(found.lonely).toEqual([]);
    expect(found.unbalanced).toBe(0);
    await deck.context.close();
  });
});

describe.skipIf(BROWSER_PATH === null)('chrome that holds up with long content', () => {
  it('a 190-character deck title is cut with an ellipsis in the footer, and n / total stays on one line', async () => {
    const title = 'A very long briefing title '.repeat(7).trim().slice(0, 190);
    const dir = writeBriefing({ 'briefing.yml': `title: ${title}\n`, 'a.md': '## One\n\nText.\n\n## Two\n\nMore.\n\n## Three\n\nEnd.\n' });
    const { deck: built } = await buildDeck(dir);
    const deck = await tab.show(built.html, '#/1');
    const footer = await deck.page.evaluate(() => {
      const section = document.querySelector<HTMLElement>('section.present .footer-section')!;
      const number = document.querySelector<HTMLElement>('section.present .footer-number')!;
      const lineHeight = parseFloat(getComputedStyle(number).lineHeight);
      return { truncated: section.scrollWidth > section.clientWidth, ellipsis: getComputedStyle(section).textOverflow, numberLines: Math.round(number.getBoundingClientRect().height / lineHeight), number: number.textContent };
    });
    expect(footer).toEqual({ truncated: true, ellipsis: 'ellipsis', numberLines: 1, number: '2 / 4' });
  });

  it('nine sections set the Agenda in two columns that fit the slide, and agenda: false leaves it out', async () => {
    const sections = Array.from({ length: 9 }, (_, i) => `# Section number ${i + 1}\n\n## Slide ${i + 1}\n\nText.\n`).join('\n');
    const dir = writeBriefing({ 'briefing.yml': 'title: Many sections\n', 'a.md': sections });
    const built = await buildDeck(dir);
    const agenda = built.briefing.slides.find((s) => s.kind === 'agenda')!;
    const deck = await tab.show(built.deck.html, `#/${agenda.number - 1}`);
    const layout = await deck.page.evaluate(() => {
      const list = document.querySelector<HTMLElement>('section.present .agenda-list')!;
      const body = document.querySelector<HTMLElement>('section.present .slide-body')!;
      return { columns: getComputedStyle(list).columnCount, items: list.children.length, overflow: body.scrollHeight - body.clientHeight };
    });
    expect(layout).toEqual({ columns: '2', items: 9, overflow: 0 });

    writeFileSync(path.join(dir, 'briefing.yml'), 'title: Many sections\nagenda: false\n');
    expect((await buildDeck(dir)).briefing.slides.some((s) => s.kind === 'agenda')).toBe(false);
  });
});
