import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeck } from '../src/build-deck.js';
import { slideIndices } from '../src/slide-places.js';
import { readThemePalette } from '../src/export/theme-palette.js';
import { DEFAULT_LIMITS } from '../src/load/input-limits.js';
import { borrowBrowser, releaseBrowser, openDeckTab, type DeckTab } from './browser-harness.js';
import { BROWSER_PATH, FIXTURES, ROOT, runBinAsync, runCapture, scaled, tempDir, writeBriefing } from './helpers.js';
import { useSharedBrowser } from './browser-harness.js';

// check runs in-process and opens its pages in this file's shared exporter browser.
useSharedBrowser();

const DIALECTS = path.join(FIXTURES, 'dialects');

/**
 * Decks written in other tools' syntax, each with what it must show in Chromium: one for each way a deck reaches the
 * page (its backgrounds, stacks, steps and notes). Decks that reach it only in ways these cover (reveal-hugo's, HackMD's,
 * Markdown Preview Enhanced's, read into the same stacks, callouts and notes) are checked in the model (dialects.test.ts).
 */
const DECKS: { file: string; tool: string; stacks?: number; backgroundImages?: number; slideLinks?: boolean }[] = [
  { file: 'reveal-looks.md', tool: 'reveal.js', backgroundImages: 1 },
  { file: 'reveal-aside.md', tool: 'reveal.js' },
  { file: 'pandoc-structure.md', tool: 'reveal-md and Pandoc', stacks: 1 },
  { file: 'pandoc.qmd', tool: 'Pandoc' },
  { file: 'quarto.qmd', tool: 'Quarto' },
  { file: 'marp-notes.md', tool: 'Marp' },
  { file: 'marp-images.md', tool: 'Marp', backgroundImages: 1 },
  { file: 'slidev-notes.md', tool: 'Slidev' },
  { file: 'slidev-layouts.md', tool: 'Slidev', slideLinks: true },
  { file: 'xaringan.Rmd', tool: 'xaringan (remark)' },
  { file: 'deckset.md', tool: 'Deckset' },
  { file: 'gitpitch/PITCHME.md', tool: 'GitPitch', stacks: 2, backgroundImages: 1 },
  { file: 'jupyter/slides.ipynb', tool: 'Jupyter', stacks: 1 },
  { file: 'reveal-page.html', tool: 'reveal.js, an HTML page', stacks: 1, backgroundImages: 2 },
];

type P5Node = { attrs?: { name: string; value: string }[]; childNodes?: P5Node[]; content?: P5Node };
type RevealApi = {
  getTotalSlides(): number;
  getVerticalSlides(): unknown[];
  slide(h: number, v: number): void;
  getSlideNotes(slide?: Element): string;
  getSlides(): Element[];
  getIndices(): { h: number; v: number };
};

describe.skipIf(BROWSER_PATH === null)('decks from other tools, in Chromium', () => {
  let browser: Browser;
  let tab: DeckTab;
  beforeAll(async () => {
    browser = await borrowBrowser();
    tab = await openDeckTab(browser);
  });
  afterAll(async () => browser && releaseBrowser());

  for (const deck of DECKS) {
    it(`${deck.file} (${deck.tool}): every slide, title, note, step, stack and background as the model says, nothing requested; --handout has no note`, async () => {
      const input = path.join(DIALECTS, deck.file);
      const built = await buildDeck(input);
      const { slides } = built.briefing;
      const shown = await tab.show(built.deck.html);
      const state = await shown.page.evaluate(() => {
        const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
        const leaves = reveal.getSlides();
        return {
          total: reveal.getTotalSlides(),
          titles: leaves.map((s) => (s.querySelector('h1, h2')?.textContent ?? '').trim()),
          notes: leaves.map((s) => reveal.getSlideNotes(s)?.trim() ?? ''),
          fragments: leaves.map((s) => s.querySelectorAll('.fragment').length),
          vertical: reveal.getVerticalSlides().length,
          text: document.querySelector('.reveal .slides')!.textContent ?? '',
        };
      });
      expect(state.total).toBe(slides.length);
      expect(state.titles).toEqual(slides.map((s) => (s.kind === 'title' ? built.briefing.meta.title : (s.title ?? ''))));
      expect(state.notes.map((n) => n !== '')).toEqual(slides.map((s) => s.notes !== null));
      expect(state.fragments).toEqual(slides.map((s) => (s.bodyHtml.match(/class="fragment[ "]/g) ?? []).length));
      expect(state.vertical).toBe(deck.stacks ? slides.filter((s) => s.vertical).length + deck.stacks : 0);
      // Nothing written for the other tool reaches the audience as text.
      expect(state.text).not.toMatch(/:::|\{\.[\w-]+\}|<!--|-->|::right::|\bv-clicks?\b|^\s*\. \. \.\s*$|_class:|data-background|^\s*(?:\?\?\?|--|class:.*)\s*$|\.[a-z-]+\[|^\s*\^|\[fit\]|slidenumbers:/m);

      // Backgrounds: visiting each slide lets reveal lay its background out, from the file itself. All in one round trip:
      // reveal makes a slide's background as it moves there, and the computed style reads it at once.
      const indices = slideIndices(slides);
      const seen = await shown.page.evaluate((places) => {
        const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
        return places.map(({ h, v }) => {
          reveal.slide(h, v);
          // The present slide's background: in a stack, its present child (a stack left behind keeps one marked present).
          let background = document.querySelector('.backgrounds > .slide-background.present') as HTMLElement | null;
          if (background?.classList.contains('stack')) background = (background.querySelector(':scope > .slide-background.present') as HTMLElement | null) ?? background;
          // reveal paints a gradient on the background itself, a picture on its content.
          const present = background?.querySelector(':scope > .slide-background-content') as HTMLElement | null;
          return { image: present ? getComputedStyle(present).backgroundImage : '', size: present ? getComputedStyle(present).backgroundSize : '', gradient: background ? getComputedStyle(background).backgroundImage : '' };
        });
      }, indices);
      expect(seen).toHaveLength(slides.length);
      let backgrounds = 0;
      for (const [i, { image, size, gradient }] of seen.entries()) {
        if (slides[i]!.look?.backgroundImage !== undefined) {
          expect(image).toMatch(/^url\("data:image\//);
          expect(size).toBe(slides[i]!.look?.backgroundSize ?? 'cover');
          backgrounds++;
        } else expect(image).toBe('none');
        expect(gradient).toMatch(slides[i]!.look?.backgroundGradient !== undefined ? /^linear-gradient\(/ : /^none$/);
      }
      expect(backgrounds).toBe(deck.backgroundImages ?? 0);
      // A link to a slide (Slidev's table of contents) takes the reader there.
      const links = await shown.page.evaluate(() => [...document.querySelectorAll('.reveal .slides a[href^="#/"]')].map((a) => a.getAttribute('href')!));
      expect(links.length > 0).toBe(deck.slideLinks === true);
      if (links.length > 0) {
        await shown.page.evaluate(() => (window as unknown as { Reveal: RevealApi }).Reveal.slide(0, 0));
        await shown.page.locator(`.reveal .slides a[href="${links.at(-1)}"]`).click();
        await expect.poll(() => shown.page.evaluate(() => `#/${(window as unknown as { Reveal: RevealApi }).Reveal.getIndices().h}`)).toBe(links.at(-1));
      }
      expect(shown.blocked).toEqual([]);
      expect(await shown.cspViolations()).toEqual([]);
      expect(shown.pageErrors).toEqual([]);

      // The handout, read by an HTML parser as the browser reads it (a page load each would double this test's time): no notes element, and no note's words.
      const handout = (await buildDeck(input, { handout: true })).deck.html;
      const walk = (node: P5Node): P5Node[] => [node, ...(node.childNodes ?? []).flatMap(walk), ...(node.content ? walk(node.content) : [])];
      const notesElements = walk(parse(handout) as unknown as P5Node).filter((n) => (n.attrs ?? []).some((a) => (a.name === 'class' && /(?:^|\s)notes(?:\s|$)/.test(a.value)) || a.name === 'data-notes'));
      expect(notesElements).toEqual([]);
      const probes = slides.map((slide) => slide.notes?.html.replace(/<[^>]*>/g, '').trim().slice(0, 40) ?? '').filter((probe) => probe.length >= 8);
      expect(probes.filter((probe) => handout.includes(probe))).toEqual([]);
    });
  }

  it("Slidev's clicks in Chromium: a v-after steps in with the click before it, a numbered click at its number", async () => {
    const deck = ['---', 'theme: default', 'title: S', '---', '', '# Clicks', '', '<div v-click>One</div>', '<div v-after>With one</div>', '<div v-click>Two</div>', '', '---', '', '# Numbered', '', '<div v-click="2">Later</div>', '<div v-click="1">Sooner</div>', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'browser-slidev-clicks'), 'deck.md'));
    const shown = await tab.show(built.deck.html);
    const steps = (slide: number) => shown.page.evaluate(async (index) => {
      const reveal = (window as unknown as { Reveal: { slide(h: number): void; nextFragment(): boolean } }).Reveal;
      reveal.slide(index);
      const seen = () => [...document.querySelectorAll('section.present .fragment')].filter((f) => f.classList.contains('visible')).map((f) => f.textContent!.trim()).join('+');
      const out: string[] = [];
      while (reveal.nextFragment()) out.push(seen());
      return out;
    }, slide);
    const index = (title: string) => built.briefing.slides.findIndex((s) => s.title === title);
    expect(await steps(index('Clicks'))).toEqual(['One+With one', 'One+With one+Two']);
    expect(await steps(index('Numbered'))).toEqual(['Sooner', 'Later+Sooner']);
  });

  it("Slidev's v-mark in Chromium: the marked text is in sight from the start, its mark drawn at its click in its colour, and a mark with no click drawn at once", async () => {
    const deck = ['---', 'theme: default', '---', '', '# Marks', '', '<span v-mark.red>under</span> <span v-mark.circle="2">round</span> <span v-mark.highlight="true">lit</span>', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'browser-slidev-marks'), 'slides.md'));
    const shown = await tab.show(built.deck.html);
    const states = await shown.page.evaluate(() => {
      const reveal = (window as unknown as { Reveal: { slide(h: number): void; nextFragment(): boolean } }).Reveal;
      reveal.slide(0);
      const look = () => [...document.querySelectorAll('section.present .bd-mark')].map((el) => {
        const style = getComputedStyle(el);
        return `${el.textContent}:${style.opacity}:${style.textDecorationLine}/${style.textDecorationColor}:${style.outlineStyle}:${style.backgroundColor}`;
      });
      const out = [look()];
      while (reveal.nextFragment()) out.push(look());
      return out;
    });
    // The text's colour (the white theme's, Slidev's default being no theme of ours), and a highlight of it.
    const lit = 'color(srgb 0.133333 0.133333 0.133333 / 0.35)';
    expect(states).toEqual([
      ['under:1:none/rgb(34, 34, 34):none:rgba(0, 0, 0, 0)', 'round:1:none/rgb(34, 34, 34):none:rgba(0, 0, 0, 0)', `lit:1:none/rgb(34, 34, 34):none:${lit}`],
      ['under:1:underline/rgb(248, 113, 113):none:rgba(0, 0, 0, 0)', 'round:1:none/rgb(34, 34, 34):none:rgba(0, 0, 0, 0)', `lit:1:none/rgb(34, 34, 34):none:${lit}`],
      ['under:1:underline/rgb(248, 113, 113):none:rgba(0, 0, 0, 0)', 'round:1:none/rgb(34, 34, 34):solid:rgba(0, 0, 0, 0)', `lit:1:none/rgb(34, 34, 34):none:${lit}`],
    ]);
  });

  it("Slidev's ranged click in Chromium: v-click=\"[1, 3]\" on an element, a picture or an MDC span (and <v-click at=\"[1, 3]\"> in a line) shows from click 1 until click 3, when what replaces it steps in", async () => {
    const deck = ['---', 'theme: default', 'title: S', 'mdc: true', '---', '', '# Ranged', '', '<div v-click="[1, 3]">Before</div>', '<div v-click="3">After</div>', '', 'Line <v-click at="[1, 3]">inline</v-click> end, [Word]{v-click="[1, 3]"}.', '', '<img src="dot.svg" v-click="[1, 3]" alt="Raw">', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck, 'dot.svg': readFileSync(path.join(FIXTURES, 'dialects', 'dot.svg')) }, 'browser-slidev-ranged'), 'deck.md'));
    expect(built.warnings.map((w) => w.message)).not.toContainEqual(expect.stringContaining('neutralised'));
    const shown = await tab.show(built.deck.html);
    const steps = await shown.page.evaluate(async (index) => {
      const reveal = (window as unknown as { Reveal: { slide(h: number): void; nextFragment(): boolean } }).Reveal;
      reveal.slide(index);
      // What a reader sees: each word whose text is not hidden by a fragment around it or in it.
      const visible = (el: Element) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      const seen = () => [...['Before', 'After', 'inline', 'Word'].filter((word) => [...document.querySelectorAll('section.present *')].some((el) => el.childNodes.length === 1 && el.firstChild!.nodeType === Node.TEXT_NODE && el.textContent!.trim() === word && visible(el))), ...[...document.querySelectorAll('section.present img[alt="Raw"]')].filter(visible).map(() => 'Raw')].join('+');
      const out = [seen()];
      while (reveal.nextFragment()) out.push(seen());
      return out;
    }, built.briefing.slides.findIndex((s) => s.title === 'Ranged'));
    expect(steps).toEqual(['', 'Before+inline+Word+Raw', 'After']);
  });

  it("Marp's lead class centres a slide's content, its color directive colours the text, and text on a slide whose own background is dark (Marp's invert class, a black background colour, a dark gradient) or light in a dark theme takes colours that read on it", async () => {
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    const read = async (markdown: string, name: string) => {
      const built = await buildDeck(path.join(writeBriefing({ 'deck.md': markdown }, name), 'deck.md'));
      const shown = await tab.show(built.deck.html);
      const slides = await shown.page.evaluate(() => {
        const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
        return reveal.getSlides().map((slide, h) => {
          reveal.slide(h, 0);
          const background = getComputedStyle(document.querySelector('.backgrounds .slide-background.present')!).backgroundColor;
          const title = slide.querySelector('h1, h2')!;
          const box = title.getBoundingClientRect();
          const frame = slide.getBoundingClientRect();
          const text = slide.querySelector('.slide-content p') ?? title;
          return { background, title: getComputedStyle(title).color, text: getComputedStyle(text).color, offCentre: Math.abs(box.left + box.width / 2 - (frame.left + frame.width / 2)) };
        });
      });
      expect(await shown.cspViolations()).toEqual([]);
      return slides;
    };
    const marp = await read(['---', 'marp: true', '---', '', '<!-- _class: lead -->', '', '# Lead', '', 'Under it', '', '---', '', '<!-- _class: invert -->', '', '# Inverted', '', 'Text', '', '---', '', '<!-- _backgroundColor: black -->', '', '# Black', '', 'Text', '', '---', '', '<!-- _backgroundColor: "#102030" -->', '<!-- _color: "rgb(255, 200, 0)" -->', '', '# Coloured', '', 'Text', '', '---', '', '<!-- _backgroundImage: "linear-gradient(#000000, #303030)" -->', '', '# Dark gradient', '', 'Text', ''].join('\n'), 'contrast-marp');
    expect(marp[0]!.offCentre).toBeLessThan(3);
    // Marp's color directive: the title and the text take the colour the author gave.
    expect([marp[3]!.title, marp[3]!.text]).toEqual(['rgb(255, 200, 0)', 'rgb(255, 200, 0)']);
    for (const slide of marp.slice(1)) {
      expect(contrast(slide.title, slide.background)).toBeGreaterThan(7);
      expect(contrast(slide.text, slide.background)).toBeGreaterThan(7);
    }
    const dark = await read(['---', 'title: D', 'theme: black', '---', '', '---', '<!-- .slide: data-background-color="#ffffff" -->', '## Light', '', 'Text', ''].join('\n'), 'contrast-dark-theme');
    const light = dark.at(-1)!;
    expect(contrast(light.title, light.background)).toBeGreaterThan(7);
    expect(contrast(light.text, light.background)).toBeGreaterThan(7);
  });

  it("the author's styles apply in Chromium: Marp's style directive to every slide, <style scoped> to its slide only, an h1 rule to a # title, a class of the deck's own to the slide that takes it; the notes stay hidden and the classification banner and footer in sight and on top, whatever a style says", async () => {
    const markdown = [
      '---', 'marp: true', 'classification: SECRET', 'style: |', '  h1 { color: rgb(0, 0, 200); }', '  aside, aside.notes, .classification, .deck-footer { display: block !important; visibility: hidden !important; }', '---', '',
      '<!-- _class: plain -->', '<style>', 'section.plain p { color: rgb(0, 120, 0); }', '</style>', '',
      '# One', '', 'Plain text', '', '<!-- A secret note -->', '', '---', '',
      '<style scoped>', 'p { color: rgb(200, 0, 0); position: relative; z-index: 2147483647; top: -400px; background: white; height: 800px; }', 'section { background-color: rgb(0, 200, 0); display: none !important; }', '</style>', '', '# Two', '', 'Red text', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': markdown }, 'styles-browser'), 'deck.md'));
    const shown = await tab.show(built.deck.html);
    const slides = await shown.page.evaluate(() => {
      const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
      return reveal.getSlides().map((slide, h) => {
        reveal.slide(h, 0);
        const notes = slide.querySelector('aside.notes');
        const banner = slide.querySelector('.classification-top')!.getBoundingClientRect();
        const footer = slide.querySelector('.deck-footer')!;
        return {
          title: getComputedStyle(slide.querySelector('.slide-title')!).color,
          text: getComputedStyle(slide.querySelector('.slide-content p')!).color,
          background: getComputedStyle(slide).backgroundColor,
          shown: getComputedStyle(slide).display !== 'none',
          notesShown: notes !== null && getComputedStyle(notes).display !== 'none',
          // What a click on the middle of the top banner would hit: the banner, never a paragraph raised over it.
          bannerOnTop: document.elementFromPoint(banner.left + banner.width / 2, banner.top + banner.height / 2)?.closest('.classification') !== null,
          footerShown: getComputedStyle(footer).visibility === 'visible' && getComputedStyle(footer).display !== 'none',
          visible: (slide as HTMLElement).innerText,
        };
      });
    });
    // The first slide's class of the deck's own (`_class: plain`) takes its style.
    expect(slides.map((s) => [s.title, s.text, s.background, s.shown, s.notesShown, s.bannerOnTop, s.footerShown])).toEqual([
      ['rgb(0, 0, 200)', 'rgb(0, 120, 0)', 'rgba(0, 0, 0, 0)', true, false, true, true],
      ['rgb(0, 0, 200)', 'rgb(200, 0, 0)', 'rgb(0, 200, 0)', true, false, true, true],
    ]);
    expect(slides.map((s) => s.visible).join(' ')).not.toMatch(/secret note|color|display/);
    expect(await shown.cspViolations()).toEqual([]);
  });

  it("a picture a Marp style names in the briefing folder shows in Chromium as the slide's background and a box's, drawn from the file itself, with nothing requested", async () => {
    // A 2×1 PNG: its natural size shows the drawn picture is this one, not a stand-in.
    const wide = Buffer.from('89504e470d0a1a0a0000000d4948445200000002000000010806000000f4227f8a0000000e49444154789c63f8cfc00042ff010ff903fd851199760000000049454e44ae426082', 'hex');
    const markdown = ['---', 'marp: true', 'style: |', '  section { background: url(pics/wide.png) no-repeat; }', '  .mark { background-image: url("./pics/wide.png"); width: 40px; height: 20px; }', '---', '', '# One', '', '<div class="mark"></div>', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': markdown, 'pics/wide.png': wide }, 'style-pictures-browser'), 'deck.md'));
    const shown = await tab.show(built.deck.html);
    const drawn = await shown.page.evaluate(async () => {
      const slide = (window as unknown as { Reveal: RevealApi }).Reveal.getSlides()[0]!;
      const sizeOf = async (css: string) => {
        const url = /^url\("(.*)"\)$/.exec(css)?.[1];
        if (!url) return css;
        const image = new Image();
        image.src = url;
        await image.decode();
        return `${url.slice(0, 22)} ${image.naturalWidth}x${image.naturalHeight}`;
      };
      return [await sizeOf(getComputedStyle(slide).backgroundImage), await sizeOf(getComputedStyle(slide.querySelector('.mark')!).backgroundImage)];
    });
    expect(drawn).toEqual(['data:image/png;base64, 2x1', 'data:image/png;base64, 2x1']);
    expect([shown.blocked, await shown.cspViolations()]).toEqual([[], []]);
  });

  it("a Quarto theme file's variables colour the slide in Chromium: its links and headings, over the reveal theme it names", async () => {
    const deck = ['---', 'title: Q', 'format:', '  revealjs:', '    theme: [simple, custom.scss]', '---', '', '## One', '', 'A [link](https://example.org).', ''].join('\n');
    const scss = ['/*-- scss:defaults --*/', '$link-color: #d94827;', '$presentation-heading-color: #123456;', '/*-- scss:rules --*/', '', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck, 'custom.scss': scss }, 'quarto-scss-browser'), 'deck.qmd'));
    const shown = await tab.show(built.deck.html);
    const colours = await shown.page.evaluate(() => {
      const slide = (window as unknown as { Reveal: RevealApi }).Reveal.getSlides().find((s) => s.textContent!.includes('link'))!;
      return [getComputedStyle(slide.querySelector('.slide-content a')!).color, getComputedStyle(slide.querySelector('.slide-title')!).color];
    });
    expect(colours).toEqual(['rgb(217, 72, 39)', 'rgb(18, 52, 86)']);
  });

  it("Marp's several backgrounds stand side by side, or one over another with vertical, behind the slide's text; its filters are applied to pictures and backgrounds", async () => {
    const png = readFileSync(path.join(FIXTURES, 'layouts', 'square.png'));
    const deck = '---\nmarp: true\n---\n\n![bg](a.png)\n![bg sepia](b.png)\n\n# Side by side\n\nText\n\n---\n\n![bg vertical](a.png)\n![bg](b.png)\n\n# Stacked\n\n---\n\n![bg brightness:.5](a.png)\n\n# Filtered\n\n![grayscale w:50](a.png)\n';
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck, 'a.png': png, 'b.png': png }, 'marp-multi-bg-chromium'), 'deck.md'));
    const shown = await tab.show(built.deck.html);
    const boxes = await shown.page.evaluate(() => {
      const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
      return reveal.getSlides().map((slide, h) => {
        reveal.slide(h, 0);
        const frame = slide.getBoundingClientRect();
        const pictures = [...slide.querySelectorAll('img.bg-multi')].map((img) => {
          const box = img.getBoundingClientRect();
          return { left: Math.round(((box.left - frame.left) / frame.width) * 100), top: Math.round(((box.top - frame.top) / frame.height) * 100), width: Math.round((box.width / frame.width) * 100), height: Math.round((box.height / frame.height) * 100) };
        });
        const title = slide.querySelector('h1, h2')!;
        const r = title.getBoundingClientRect();
        // The title is drawn over the pictures, never under them.
        const onTop = document.elementFromPoint(r.left + 5, r.top + r.height / 2) === title || title.contains(document.elementFromPoint(r.left + 5, r.top + r.height / 2));
        return { pictures, onTop };
      });
    });
    expect(boxes[0]!.pictures).toEqual([{ left: 0, top: 0, width: 50, height: 100 }, { left: 50, top: 0, width: 50, height: 100 }]);
    expect(boxes[1]!.pictures).toEqual([{ left: 0, top: 0, width: 100, height: 50 }, { left: 0, top: 50, width: 100, height: 50 }]);
    expect(boxes.map((b) => b.onTop)).toEqual([true, true, true]);
    // What Chromium draws them with: the pictures' own filters, and the slide's background's, which reveal lays out apart from the slide.
    const filters = await shown.page.evaluate(() => {
      const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
      reveal.slide(2, 0);
      const background = document.querySelector('.backgrounds > .slide-background.present > .slide-background-content')!;
      return [...document.querySelectorAll('.reveal .slides img')].map((img) => getComputedStyle(img).filter).concat(getComputedStyle(background).filter);
    });
    expect(filters).toEqual(['none', 'sepia(1)', 'none', 'none', 'grayscale(1)', 'brightness(0.5)']);
    expect(await shown.cspViolations()).toEqual([]);
  });

  it("Quarto's column widths size the columns, three columns stand in one row, Pandoc's lettered and Roman lists are numbered in their style, and an r-fit-text div's text fills the width", async () => {
    const deck = [
      '---', 'title: Columns', '---', '', '## Split', '', ':::: {.columns}', '::: {.column width="70%"}', 'Wide', ':::', '::: {.column width="30%"}', 'Narrow', ':::', '::::', '',
      '## Three', '', ':::: columns', '::: column', 'One', ':::', '::: column', 'Two', ':::', '::: column', 'Three', ':::', '::::', '',
      '## Lists', '', 'a. first', 'b. second', '', 'iv. fourth', 'v. fifth', '',
      '## Sized three', '', ':::: columns', '::: {.column width="50%"}', 'Half', ':::', '::: {.column width="25%"}', 'Quarter', ':::', '::: {.column width="25%"}', 'Quarter', ':::', '::::', '',
      '## Fit', '', '::: {.r-fit-text}', 'Big', ':::', '', 'Small print.', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'column-widths'), 'deck.qmd'));
    const shown = await tab.show(built.deck.html);
    const columns = (title: string) =>
      shown.page.evaluate((h) => {
        const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
        reveal.slide(h, 0);
        return [...reveal.getSlides()[h]!.querySelectorAll('.columns > .column')].map((c) => {
          const box = c.getBoundingClientRect();
          return { width: box.width, top: Math.round(box.top) };
        });
      }, built.briefing.slides.findIndex((s) => s.title === title));
    const split = await columns('Split');
    expect(split).toHaveLength(2);
    // 70% and 30% of the room beside the gap: seven to three.
    expect(split[0]!.width / split[1]!.width).toBeCloseTo(7 / 3, 1);
    const three = await columns('Three');
    expect(three).toHaveLength(3);
    expect(new Set(three.map((c) => c.top)).size).toBe(1);
    expect(three[0]!.width).toBeCloseTo(three[2]!.width, 0);
    // Three sized columns share the row by their widths: half, then two quarters.
    const sized = await columns('Sized three');
    expect(new Set(sized.map((c) => c.top)).size).toBe(1);
    expect(sized[0]!.width / sized[1]!.width).toBeCloseTo(2, 1);
    expect(sized[1]!.width).toBeCloseTo(sized[2]!.width, 0);
    const styles = await shown.page.evaluate((h) => {
      const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
      reveal.slide(h, 0);
      return [...reveal.getSlides()[h]!.querySelectorAll('ol')].map((ol) => `${getComputedStyle(ol).listStyleType} ${ol.getAttribute('start') ?? 1}`);
    }, built.briefing.slides.findIndex((s) => s.title === 'Lists'));
    expect(styles).toEqual(['lower-alpha 1', 'lower-roman 4']);
    // reveal fits an r-fit-text div's text to the slide's width, far larger than the text after it. It fits the text in an
    // animation frame after the slide is shown, which a busy machine can delay: the sizes are read until it has.
    const fit = built.briefing.slides.findIndex((s) => s.title === 'Fit');
    await shown.page.evaluate((h) => (window as unknown as { Reveal: RevealApi }).Reveal.slide(h, 0), fit);
    const ratio = () =>
      shown.page.evaluate((h) => {
        const slide = (window as unknown as { Reveal: RevealApi }).Reveal.getSlides()[h]!;
        const [fitted, after] = [slide.querySelector('.r-fit-text p')!, slide.querySelector('.r-fit-text + p')!].map((p) => parseFloat(getComputedStyle(p).fontSize));
        return fitted! / after!;
      }, fit);
    await expect.poll(ratio, { timeout: scaled(10_000) }).toBeGreaterThan(4);
    expect(await shown.cspViolations()).toEqual([]);
  });

  it("Slidev's layoutClass sets the gap and the tracks (grid-cols-[300px_1fr], its important mark taken off) of a two-column slide's grid, and a class it has no rule for is named and left out", async () => {
    const slide = (layoutClass: string) => ['---', 'layout: two-cols', ...(layoutClass ? [`layoutClass: ${layoutClass}`] : []), '---', '', '# Left', '', 'One', '', '::right::', '', 'Two', ''];
    const deck = ['---', 'theme: seriph', 'title: Gaps', '---', '', '# Cover', '', ...slide(''), ...slide('gap-16 my-own-grid'), ...slide('"!grid-cols-[300px_1fr] grid-rows-[url(x)]"')].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'layout-class'), 'slides.md'));
    expect(built.warnings.map((d) => d.message)).toContainEqual(expect.stringContaining('layoutClass "my-own-grid" is not a utility class'));
    // A grid of the deck's own tracks, its important mark taken off; a track that is no length is no utility, and named.
    expect(built.warnings.map((d) => d.message)).toContainEqual(expect.stringContaining('layoutClass "grid-rows-[url(x)]" is not a utility class'));
    const shown = await tab.show(built.deck.html);
    const gaps = await shown.page.evaluate(() => {
      const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
      return [1, 2, 3].map((h) => {
        reveal.slide(h, 0);
        const [left, right] = [...reveal.getSlides()[h]!.querySelectorAll('.columns > .column')].map((c) => c.getBoundingClientRect());
        const scale = reveal.getSlides()[h]!.getBoundingClientRect().width / (reveal.getSlides()[h] as HTMLElement).offsetWidth;
        return { gap: right!.left - left!.right, scale, left: left!.width / scale };
      });
    });
    expect(gaps[2]!.left).toBeCloseTo(300, 0);
    // gap-16 is sixteen quarters of Slidev's rem (16px of its 980px-wide canvas, at the deck's 1280px): 83.6px between the
    // columns, where the layout's own gap is narrower.
    expect(gaps[1]!.gap / gaps[1]!.scale).toBeCloseTo((4 * 16 * 1280) / 980, 0);
    expect(gaps[0]!.gap).toBeLessThan(gaps[1]!.gap - 20);
    expect(await shown.cspViolations()).toEqual([]);
  });

  it("Slidev's <Arrow> is drawn over the slide where its points say, on Slidev's 980px canvas scaled to the slide, at its own box's size; one with a click steps in", async () => {
    const deck = ['---', 'theme: seriph', 'title: Arrows', '---', '', '# Arrow', '', 'Text', '', '<Arrow x1="350" y1="310" x2="195" y2="342" />', '', '<arrow v-click x1="400" y1="420" x2="230" y2="330" color="#953" width="3" two-way />', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'slidev-arrows'), 'slides.md'));
    expect(built.warnings.filter((w) => /Arrow|arrow|neutralised/.test(w.message))).toEqual([]);
    const shown = await tab.show(built.deck.html);
    const boxes = await shown.page.evaluate(() => {
      const slide = document.querySelector('section.present')!;
      const frame = slide.getBoundingClientRect();
      const scale = frame.width / (slide as HTMLElement).offsetWidth;
      return [...slide.querySelectorAll('.drawn-arrow')].map((arrow) => {
        const img = arrow.querySelector('img')!.getBoundingClientRect();
        return { left: (img.left - frame.left) / scale, top: (img.top - frame.top) / scale, width: img.width / scale, fragment: arrow.classList.contains('fragment'), drawn: arrow.querySelector('img')!.naturalWidth > 0 };
      });
    });
    const s = 1280 / 980;
    // The box reaches 12 canvas pixels past the line's ends, for its arrowhead.
    expect(boxes.map((b) => [Math.round(b.left), Math.round(b.top), Math.round(b.width), b.fragment, b.drawn])).toEqual([
      [Math.round((195 - 12) * s), Math.round((310 - 12) * s), Math.round((155 + 24) * s), false, true],
      [Math.round((230 - 12) * s), Math.round((330 - 12) * s), Math.round((170 + 24) * s), true, true],
    ]);
    expect(await shown.cspViolations()).toEqual([]);
  });

  it("Quarto's layout-ncol grid sets its cells side by side, a row at a time, inside a callout too, an r-stack its blocks in one place, r-hstack and r-vstack theirs in a row and a column, and table columns keep their alignment", async () => {
    const deck = [
      '---', 'title: Grids', '---', '', '## Two columns', '', '::: {layout-ncol=2}', 'First', '', 'Second', '', 'Third', '', 'Fourth', ':::', '',
      '## In a box', '', '::: {.callout-note}', ':::: {layout-ncol=3}', 'One', '', 'Two', '', 'Three', '::::', '', 'Still in the box.', ':::', '',
      '## Stacked', '', '::: {.r-stack}', 'Under', '', 'Over', ':::', '',
      '## Side by side', '', '::: {.r-hstack}', 'Left', '', 'Right', ':::', '', '::: {.r-vstack}', 'Top', '', 'Bottom', ':::', '',
      '## Aligned', '', '| Left | Centre | Right |', '|:--|:-:|--:|', '| a | b | c |', '', '  Right     Left', '-------     ------', '     12     12', '',
      '## Flowing', '', '<div class="columns-2">', '- One', '- Two', '- Three', '- Four', '</div>', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'grids'), 'deck.qmd'));
    const shown = await tab.show(built.deck.html);
    const cells = (h: number) =>
      shown.page.evaluate((h) => {
        const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
        reveal.slide(h, 0);
        return [...reveal.getSlides()[h]!.querySelectorAll('.layout-cell')].map((cell) => {
          const box = cell.getBoundingClientRect();
          return { text: cell.textContent!.trim(), left: Math.round(box.left), right: Math.round(box.right), top: Math.round(box.top), bottom: Math.round(box.bottom) };
        });
      }, h);
    const two = await cells(built.briefing.slides.findIndex((s) => s.title === 'Two columns'));
    expect(two.map((c) => c.text)).toEqual(['First', 'Second', 'Third', 'Fourth']);
    // A row of two, then the next row under it, in the same columns.
    expect(two[1]!.top).toBe(two[0]!.top);
    expect(two[1]!.left).toBeGreaterThan(two[0]!.right);
    expect(two[2]!.top).toBeGreaterThanOrEqual(two[0]!.bottom);
    expect(two[2]!.left).toBe(two[0]!.left);
    const three = await cells(built.briefing.slides.findIndex((s) => s.title === 'In a box'));
    expect(three.map((c) => c.text)).toEqual(['One', 'Two', 'Three']);
    expect(new Set(three.map((c) => c.top)).size).toBe(1);
    expect(three[2]!.left).toBeGreaterThan(three[1]!.right);
    /** The boxes of the elements `selector` finds on the slide titled `title`, shown, in whole pixels. */
    const boxesOn = (title: string, selector: string) =>
      shown.page.evaluate(
        ([h, selector]) => {
          const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
          reveal.slide(h, 0);
          return [...reveal.getSlides()[h]!.querySelectorAll(selector)].map((e) => e.getBoundingClientRect()).map((b) => ({ top: Math.round(b.top), bottom: Math.round(b.bottom), left: Math.round(b.left), right: Math.round(b.right) }));
        },
        [built.briefing.slides.findIndex((s) => s.title === title), selector] as const,
      );
    // reveal's r-stack lays a stack's blocks in one place.
    const stacked = await boxesOn('Stacked', '.r-stack > p');
    expect(stacked).toHaveLength(2);
    expect(stacked[1]!.top).toBe(stacked[0]!.top);
    // r-hstack sets its blocks side by side, r-vstack one under another.
    const boxes = { h: await boxesOn('Side by side', '.r-hstack > p'), v: await boxesOn('Side by side', '.r-vstack > p') };
    expect([boxes.h.length, boxes.v.length]).toEqual([2, 2]);
    expect(boxes.h[1]!.top).toBe(boxes.h[0]!.top);
    expect(boxes.h[1]!.left).toBeGreaterThanOrEqual(boxes.h[0]!.right);
    expect(boxes.v[1]!.top).toBeGreaterThanOrEqual(boxes.v[0]!.bottom);
    // Columns keep their alignment, in a pipe table and in a Pandoc simple table alike.
    const aligned = await shown.page.evaluate((h) => {
      const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
      reveal.slide(h, 0);
      return [...reveal.getSlides()[h]!.querySelectorAll('td')].map((td) => getComputedStyle(td).textAlign);
    }, built.briefing.slides.findIndex((s) => s.title === 'Aligned'));
    expect(aligned).toEqual(['left', 'center', 'right', 'right', 'left']);
    // ioslides' columns-2 flows its list into two columns: two items in each, the second column to the right.
    const flowing = (await boxesOn('Flowing', '.columns-2 li')).map((box) => box.left);
    expect(flowing).toHaveLength(4);
    expect(new Set(flowing).size).toBe(2);
    expect(flowing[2]!).toBeGreaterThan(flowing[0]!);
    expect(built.warnings).toEqual([]);
    // In a reveal.js theme too, which sets a list inline-block: one box, which cannot flow from one column into the next.
    const white = await buildDeck(path.join(writeBriefing({ 'deck.qmd': ['---', 'title: Flow', 'theme: white', '---', '', '## Flowing', '', '<div class="columns-2">', '- One', '- Two', '- Three', '- Four', '</div>', ''].join('\n') }, 'grids-white'), 'deck.qmd'));
    const flowed = await (await tab.show(white.deck.html)).page.evaluate(() => [...document.querySelectorAll('.columns-2 li')].map((li) => Math.round(li.getBoundingClientRect().left)));
    expect(new Set(flowed).size).toBe(2);
    // Slidev's <Toc columns="3">: its list flows into three columns.
    const titles = Array.from({ length: 6 }, (_, i) => ['---', '', `# Part ${i + 1}`, '']).flat();
    const toc = await buildDeck(path.join(writeBriefing({ 'slides.md': ['---', 'theme: default', 'title: T', '---', '', '# Contents', '', '<Toc columns="3" />', '', ...titles].join('\n') }, 'toc-three'), 'slides.md'));
    const tocLefts = await (await tab.show(toc.deck.html)).page.evaluate(() => [...document.querySelectorAll('.toc-columns-3 li')].map((li) => Math.round(li.getBoundingClientRect().left)));
    expect([tocLefts.length, new Set(tocLefts).size]).toEqual([7, 3]);
  });

  it('check measures every slide of a vertical stack, and only the slides, not the stack around them', async () => {
    const result = await runCapture(['check', path.join(DIALECTS, 'pandoc-structure.md'), '--json'], ROOT);
    expect(result.err).toContain('check: measured slide 5 of 5');
    const report = JSON.parse(result.out) as { diagnostics: { code: string }[] };
    expect(report.diagnostics.filter((d) => d.code === 'E_OVERFLOW')).toEqual([]);
  });
});

describe.skipIf(BROWSER_PATH === null)('Mermaid diagrams, drawn when the deck is built', () => {
  // A label of this run's own, so the drawing is made here, not read from the cache of an earlier run.
  const label = `T${Date.now().toString(36)}`;
  let tab: DeckTab;
  beforeAll(async () => {
    tab = await openDeckTab(await borrowBrowser());
  });
  afterAll(async () => {
    await tab?.context.close();
    await releaseBrowser();
  });

  it("are SVG pictures in the deck's typeface and colours, text not code, that run and fetch nothing and show in Chromium", async () => {
    // A Gantt chart whose weeks hold the day of the build, which Mermaid would mark with a line of its own.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const gantt = ['```mermaid', 'gantt', '  dateFormat YYYY-MM-DD', `  Talks ${label} :${day(-10)}, ${day(10)}`, '```'];
    const deck = ['---', 'title: D', 'theme: night', '---', '', '## Talks', '', '```mermaid', 'flowchart LR', '  accTitle: The talks', `  A[Start talks] --> B{${label}}`, '  B -->|yes| C[Declaration]', '```', '', '## Plan', '', ...gantt, ''].join('\n');
    const progress: string[] = [];
    const input = path.join(writeBriefing({ 'deck.md': deck }, 'mermaid-drawn'), 'deck.md');
    const built = await buildDeck(input, { progress: (line) => progress.push(line) });
    // Drawing takes a browser, so it is said as it happens (build prints these lines).
    expect(progress.at(-1)).toBe('drawing 2 Mermaid diagrams');
    // The chart is drawn, its task bar and all, without the line for today: a date the deck's author never wrote.
    const plan = new TextDecoder().decode(built.assets.get(1)!.bytes);
    expect(plan).toMatch(/<rect[^>]*class="task /);
    expect(plan).not.toMatch(/<(?:g|line)[^>]*class="today"/);
    const svg = new TextDecoder().decode(built.assets.get(0)!.bytes);
    expect(built.assets.get(0)!.mime).toBe('image/svg+xml');
    // Every label is SVG text (no HTML inside a foreignObject), set in the night theme's typeface and text colour.
    expect(svg).toContain(label);
    expect(svg).not.toMatch(/<foreignObject|<script|\son\w+=|href="(?!#)/i);
    const night = readThemePalette('night');
    expect(svg).toContain(`font-family:"${night.bodyFont}"`);
    expect(svg).toMatch(/^<svg[^>]* width="\d+"[^>]* height="\d+"/);
    // Shapes filled with the theme's background and drawn in its accent, text in its text colour.
    expect(svg).toContain(`fill:#${night.background};stroke:#${night.accent}`);
    expect(svg).toContain(`fill:#${night.text}`);
    expect(built.briefing.slides.find((s) => s.title === 'Talks')!.bodyHtml).toBe('<p><img src="briefdeck-asset:0" alt="The talks" class="diagram"></p>\n');
    expect(built.warnings).toEqual([]);
    // In the deck, a picture with its typeface embedded, drawn at its own size.
    const shown = await tab.show(built.deck.html, '#/1');
    const picture = await shown.page.evaluate(async () => {
      const img = document.querySelector<HTMLImageElement>('section.present img.diagram')!;
      await img.decode();
      return { width: img.naturalWidth, height: img.naturalHeight, embedded: decodeURIComponent(img.src).includes('@font-face') || atob(img.src.split(',')[1] ?? '').includes('@font-face') };
    });
    expect(picture.width).toBeGreaterThan(200);
    expect(picture.height).toBeGreaterThan(30);
    expect(picture.embedded).toBe(true);
    expect([shown.blocked, shown.pageErrors, await shown.cspViolations()]).toEqual([[], [], []]);
    // A drawing is held to the limit on pictures, as a picture from a file is (this time from the cache: no browser).
    const tooBig = (await buildDeck(input, { limits: { ...DEFAULT_LIMITS, maxImageBytes: 1000 } }).catch((e: unknown) => e)) as { code: string; line: number; message: string };
    expect(tooBig).toMatchObject({ code: 'E_IMAGE_TOO_LARGE', line: 9, message: expect.stringMatching(/^the Mermaid diagram draws to \d+ bytes, over the 1000-byte limit$/) });
  });

  it('draws a diagram to the same bytes in every build, on any machine: Mermaid\'s shapes that wobble at random (a class diagram\'s boxes) are drawn from a fixed seed, not one drawn as its page loads, as are a git graph\'s commit ids (its size) and an architecture diagram\'s icon ids', { timeout: scaled(60_000) }, async () => {
    const git = ['```mermaid', 'gitGraph', '  commit', '  branch talks', '  commit', '  checkout main', '  merge talks', '```'];
    const architecture = ['```mermaid', 'architecture-beta', '  group api(cloud)[API]', '  service db(database)[Database] in api', '```'];
    const deck = ['---', 'title: D', '---', '', '## One', '', '```mermaid', 'classDiagram', '  class Summit {', '    +talk()', '  }', '  class Declaration', '  Summit <|-- Declaration', '```', '', '## Two', '', ...git, '', '## Three', '', ...architecture, ''].join('\n');
    const input = path.join(writeBriefing({ 'deck.md': deck }, 'mermaid-seeded'), 'deck.md');
    // A process with a cache of its own draws the diagram in a browser of its own; this one draws it in the shared browser,
    // or read it from its cache, drawn by an earlier run: either way, two drawings made apart.
    const out = path.join(tempDir(), 'seeded.html');
    const [result, here] = await Promise.all([runBinAsync(['build', input, '-o', out], ROOT, { BRIEFDECK_CACHE_DIR: tempDir() }), buildDeck(input)]);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toMatch(/drawing 3 Mermaid diagrams/);
    // Each drawing's ids are its own, whatever else its build drew: the icons numbered, the root named alike in every picture.
    const drawn = [0, 1, 2].map((i) => new TextDecoder().decode(here.assets.get(i)!.bytes));
    expect(drawn.map((svg) => /^<svg[^>]* id="([^"]+)"/.exec(svg)?.[1])).toEqual(['diagram', 'diagram', 'diagram']);
    expect(drawn[2]).toContain('id="diagram-icon-0"');
    expect(readFileSync(out, 'utf8') === here.deck.html, 'two builds drew the diagrams alike').toBe(true);
  });

  it('a diagram Mermaid cannot read is an error at its line in a deck of briefdeck\'s own, and a warning in one for another tool, which still builds', async () => {
    const body = ['```mermaid', 'flowchart LR', `  A[${label}] -->`, '  B -->> C', '```', ''];
    const own = (await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'title: D', '---', '', '## Broken', '', ...body].join('\n') }, 'mermaid-broken'), 'deck.md')).catch((e: unknown) => e)) as { code: string; diagnostics: { code: string; line: number; message: string; hint: string }[] };
    expect(own.code).toBe('E_DIAGRAM');
    expect(own.diagnostics.map((d) => [d.line, d.message])).toEqual([[10, 'Mermaid cannot read this diagram: unexpected tagend at line 10']]);
    expect(own.diagnostics[0]!.hint).toMatch(/^Mermaid expected /);
    const slidev = await buildDeck(path.join(writeBriefing({ 'slides.md': ['---', 'colorSchema: light', '---', '', '# Broken', '', ...body].join('\n') }, 'mermaid-broken-slidev'), 'slides.md'));
    expect(slidev.warnings.map((w) => `${w.line} ${w.code}`)).toEqual(['10 W_DIAGRAM']);
    expect(slidev.deck.html).toContain('<span class="missing-image">Flowchart</span>');
  });
});
