import { mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toPlainText } from '../src/parse/plain-text.js';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../src/build-deck.js';
import type { BriefdeckError } from '../src/errors.js';
import { checkBriefing } from '../src/check-briefing.js';
import { slideIndices } from '../src/slide-places.js';
import { BUILTIN_THEMES, DARK_THEMES } from '../src/themes.js';
import { readThemePalette } from '../src/export/theme-palette.js';
import { SHIPPED_ICON_SETS } from '../src/icon-sets.js';
import { createIconDrawer } from '../src/load/draw-icons.js';
import { MAX_GUESSES } from '../src/did-you-mean.js';
import { createRequire } from 'node:module';
import { isDarkColour } from '../src/colour.js';
import { FIXTURES, TINY_PNG, runCapture, scaled, stackTitles, tempDir, writeBriefing } from './helpers.js';
import { blankFrontMatterComments } from '../src/parse/dialects/slidev.js';
import { readSlidePicks } from '../src/parse/dialects/slidev-picks.js';

const require = createRequire(import.meta.url);
const DIALECTS = path.join(FIXTURES, 'dialects');
const notesOf = (built: Awaited<ReturnType<typeof buildDeck>>) => built.briefing.slides.filter((s) => s.kind === 'content').map((s) => s.notes?.markdown ?? null);

describe('speaker notes in other tools\' syntax', () => {
  it('Pandoc and Quarto: ::: notes and ::: {.notes} in a .qmd file are notes, and the slide goes on after them', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'pandoc.qmd'));
    expect(notesOf(built)).toEqual(['Said aloud for the first point.', 'Said aloud for the second point,\nover two lines.']);
    const first = built.briefing.slides.find((s) => s.title === 'First point')!;
    expect(first.bodyHtml).toContain('Also shown, after the notes.');
    for (const s of built.briefing.slides) expect(s.bodyHtml).not.toContain(':::');
    const handout = await buildDeck(path.join(DIALECTS, 'pandoc.qmd'), { handout: true });
    expect(handout.deck.html).not.toContain('Said aloud');
  });

  it('reveal.js: <aside class="notes"> on one line or several is notes, never shown on the slide', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'reveal-aside.md'));
    expect(notesOf(built)).toEqual(['Said for the one-line aside.', 'Said for the aside\nthat runs over lines.']);
    for (const slide of built.briefing.slides) expect(slide.bodyHtml).not.toMatch(/aside|Said for/);
    const handout = await buildDeck(path.join(DIALECTS, 'reveal-aside.md'), { handout: true });
    expect(handout.deck.html).not.toContain('Said for');
  });

  it('reveal-md: an indented Notes: (after a code fence closed with an indent) is the notes, as reveal\'s plugin reads ^\\s*notes?:', async () => {
    const deck = ['---', 'revealOptions:', '  transition: fade', '---', '', '## Example', '', '```js', 'run()', '  ```', '  ', '  Notes: Said about the example.', '', '----', '', '## Next', '', 'Text.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'reveal-md-indented-notes'), 'deck.md'));
    expect(built.briefing.slides.map((s) => [s.title, s.notes?.markdown ?? null])).toEqual([['Example', 'Said about the example.'], ['Next', null]]);
    expect(toPlainText(built.briefing.slides[0]!.bodyHtml)).not.toMatch(/Notes|Said/);
  });
});

describe('inline Markdown in titles', () => {
  it('renders bold and code in slide and section titles, and shows plain text in footers and the Agenda', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'inline-titles.md'));
    const slide = built.briefing.slides.find((s) => s.kind === 'content')!;
    expect(slide.titleHtml).toBe('The <strong>big</strong> idea with <code>code</code>');
    expect(slide.title).toBe('The big idea with code');
    expect(slide.section).toBe('The first part');
    expect(built.deck.html).toContain('<h2 class="slide-title">The <strong>big</strong> idea with <code>code</code></h2>');
    expect(built.deck.html).toContain('<span class="agenda-title">The first part</span>');
    expect(built.deck.html).not.toMatch(/\*\*big\*\*|`code`/);
  });
});

describe('other tools\' front matter', () => {
  it("another tool's deck names reveal's themes in any case (vscode-reveal's theme: League), and one not built in keeps briefdeck's theme with a warning; in briefdeck's own deck both are errors", async () => {
    const build = (front: string, name: string) => buildDeck(path.join(writeBriefing({ 'deck.md': `---\n${front}\n---\n\n# One\n\n---\n\n# Two\n` }, name), 'deck.md'));
    const cased = await build('theme : "League"\nhighlightTheme: "darkula"', 'reveal-md-theme-case');
    expect([cased.briefing.meta.theme, cased.warnings.map((w) => w.message)]).toEqual(['league', ['"highlightTheme" is reveal-md\'s metadata; briefdeck ignores it']]);
    const unknown = await build('theme: solarized-dark\nhighlightTheme: x', 'reveal-md-theme-unknown');
    expect(unknown.briefing.meta.theme).toBe('briefing');
    expect(unknown.warnings.filter((w) => w.message.includes('solarized')).map((w) => `${w.line}: ${w.message} (${w.hint!.split('?')[0]}?)`)).toEqual(['2: reveal-md\'s theme "solarized-dark" is not built in; the deck keeps briefdeck\'s theme (did you mean "solarized"?)']);
    await expect(buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: T\ntheme: League\n---\n\n## One\n' }, 'own-theme-case'), 'deck.md'))).rejects.toThrow('unknown theme "League"');
    // A theme no tool is known to have, in a deck whose front matter names no tool but whose body is Slidev's (a slot, a slide's
    // front matter): a Slidev theme package's, standing in as Slidev's others do. Without those lines it stays an error.
    const slidev = '---\ntheme: neversink\n---\n\n# Cover\n\n---\nlayout: two-cols\n---\n\n# Two\n\n::right::\n\nR\n';
    const theirs = await buildDeck(path.join(writeBriefing({ 'deck.md': slidev }, 'slidev-theme-by-body'), 'deck.md'));
    expect([theirs.briefing.meta.peerTools, theirs.warnings.map((w) => `${w.line}: ${w.message}`)]).toEqual([['Slidev'], ['2: Slidev\'s theme "neversink" is not built in; using briefing']]);
    await expect(buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntheme: neversink\n---\n\n# Cover\n' }, 'own-theme-unknown'), 'deck.md'))).rejects.toThrow('unknown theme "neversink"');
  });

  it('front matter closes at a --- with any space after it, an ideographic one too (---　), as a Japanese keyboard types it', async () => {
    const deck = ['---', 'marp: true', 'title: 会議', 'paginate: true', '---\u3000', '', '# 一', '', '---', '', '# 二', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'marp-ideographic-space'), 'deck.md'));
    expect([built.briefing.meta.title, built.briefing.slides.map((s) => s.title)]).toEqual(['会議', ['一', '二']]);
    expect(built.warnings).toEqual([]);
  });

  it('Marp: marp and paginate are read, its theme maps to a built-in one, its size is read', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'marp.md'));
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['3: Marp\'s theme "gaia" is not built in; using beige']);
    expect(built.briefing.meta.theme).toBe('beige');
    expect(built.briefing.meta.pageNumbers).toBe(true);
    expect(built.briefing.meta.size).toBe('4:3');
    expect(built.briefing.slides.some((s) => s.kind === 'title')).toBe(false);
  });

  it("a theme only one tool has (Slidev's seriph, Marp's gaia) says whose the deck is: Slidev's headmatter class: then sets its first slide, as in Slidev; a name two tools share (default) decides nothing", async () => {
    const deck = (theme: string) => ['---', `theme: ${theme}`, 'class: text-center', '---', '', '# Cover', '', '---', '', '# Next', ''].join('\n');
    const slidev = await buildDeck(path.join(writeBriefing({ 'slides.md': deck('seriph') }, 'slidev-by-theme'), 'slides.md'));
    expect(slidev.briefing.meta.peerTools).toEqual(['Slidev']);
    expect(slidev.briefing.slides.map((s) => s.look?.className ?? '')).toEqual(['text-center', '']);
    expect(slidev.warnings.map((w) => w.message)).toEqual(['Slidev\'s theme "seriph" is not built in; using serif']);
    const marp = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'theme: gaia', '---', '', '# Cover', '', '<!-- a note -->', '', '---', '', '# Next', ''].join('\n') }, 'marp-by-theme'), 'deck.md'));
    expect(marp.briefing.meta.peerTools).toEqual(['Marp']);
    expect(marp.briefing.slides[0]!.notes?.markdown).toBe('a note');
    const shared = await buildDeck(path.join(writeBriefing({ 'slides.md': deck('default') }, 'shared-theme'), 'slides.md'));
    expect(shared.briefing.meta.peerTools).not.toContain('Slidev');
  });

  it('Slidev: duration: 35min is 35 minutes, transition: slide-left is reveal\'s slide, and its other keys are warnings', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'slidev.md'));
    expect(built.briefing.meta.duration).toBe(35);
    expect(built.briefing.meta.transition).toBe('slide');
    expect(built.deck.html).toMatch(/"transition":"slide"/);
    expect(built.warnings.map((w) => w.message)).toEqual(['"info" is Slidev\'s metadata; briefdeck ignores it']);
  });

  it("Slidev: css: names its CSS engine, not a style sheet: unocss (whose utility classes are read) needs no word, another engine is Slidev's setting ignored", async () => {
    const deck = (engine: string) => ['---', 'theme: seriph', `css: ${engine}`, 'layout: cover', '---', '', '# One', '', '<div class="text-red-500">Red</div>', ''].join('\n');
    const uno = await buildDeck(path.join(writeBriefing({ 'slides.md': deck('unocss') }, 'slidev-css-unocss'), 'slides.md'));
    expect(uno.warnings.map((w) => w.message)).toEqual(['Slidev\'s theme "seriph" is not built in; using serif']);
    expect(uno.briefing.meta.styleSheets).toBeUndefined();
    const windi = await buildDeck(path.join(writeBriefing({ 'slides.md': deck('windicss') }, 'slidev-css-windicss'), 'slides.md'));
    expect(windi.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['3: "css" is Slidev\'s metadata; briefdeck ignores it', '2: Slidev\'s theme "seriph" is not built in; using serif']);
  });

  it('Marp header, footer and paginate: false, reveal-md revealOptions.transition and .slideNumber, Quarto slide-number and smaller', async () => {
    const marp = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\nmarp: true\nheader: Draft for discussion\nfooter: Ministry of Examples\npaginate: false\n---\n\n# One\n\nText.\n' }, 'marp-chrome'), 'deck.md'));
    expect(marp.warnings).toEqual([]);
    expect(marp.deck.html).toContain('<div class="deck-header">Draft for discussion</div>');
    expect(marp.deck.html).toContain('<span class="footer-section">Ministry of Examples</span>');
    expect(marp.deck.html).not.toContain('class="footer-number"');
    const revealMd = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: T\nrevealOptions:\n  transition: zoom\n  controls: false\n---\n\n## One\n\nText.\n' }, 'reveal-md'), 'deck.md'));
    expect(revealMd.briefing.meta.transition).toBe('zoom');
    // A reveal-md option briefdeck does not read keeps the warning, naming the option.
    expect(revealMd.warnings.map((w) => w.message)).toEqual(['"revealOptions" is reveal-md\'s metadata; briefdeck reads part of it and ignores controls']);
    // Its slide numbers as reveal's own option says: on (c/t, as the deck shows them), or off.
    const numberedBy = async (value: string) => {
      const built = await buildDeck(path.join(writeBriefing({ 'deck.md': `---\ntitle: T\nrevealOptions:\n  slideNumber: ${value}\n---\n\n## One\n\nText.\n` }, 'reveal-md-numbers'), 'deck.md'));
      return [built.warnings.length, built.deck.html.includes('class="footer-number"')];
    };
    expect([await numberedBy("'c/t'"), await numberedBy('false')]).toEqual([[0, true], [0, false]]);
    const quarto = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '---\ntitle: T\nformat:\n  revealjs:\n    slide-number: false\n    smaller: true\n---\n\n## One\n\nText.\n' }, 'quarto'), 'deck.qmd'));
    expect(quarto.warnings).toEqual([]);
    expect(quarto.deck.html).toMatch(/<section class="layout-content kind-content smaller"/);
    expect(quarto.deck.html).not.toContain('class="footer-number"');
    // Quarto's scrollable: true makes every slide scroll, as {.scrollable} makes one; at the top level too.
    for (const yaml of ['format:\n  revealjs:\n    scrollable: true', 'scrollable: true']) {
      const scrolls = await buildDeck(path.join(writeBriefing({ 'deck.qmd': `---\ntitle: T\n${yaml}\n---\n\n## One\n\nText.\n` }, 'quarto-scrollable'), 'deck.qmd'));
      expect([scrolls.warnings, scrolls.deck.html.match(/<section class="layout-content kind-content scrollable"/g)?.length]).toEqual([[], 1]);
    }
    // Quarto's format for the number (c/t, h.v, …) shows it; format: revealjs alone says nothing briefdeck does not do.
    const numbered = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '---\ntitle: T\nformat:\n  revealjs:\n    slide-number: c/t\n---\n\n## One\n\nText.\n' }, 'quarto-numbered'), 'deck.qmd'));
    expect([numbered.warnings, numbered.briefing.meta.pageNumbers]).toEqual([[], true]);
    // A top-level footer: is Quarto's in a Quarto deck, before or after the keys that say so: never Marp's, whose decks are cut at --- and whose comments are notes.
    for (const order of [['format: revealjs', 'footer: Internal'], ['footer: Internal', 'format: revealjs']]) {
      const deck = ['---', 'title: Q', ...order, '---', '', '## One', '', '<!-- a comment -->', '', 'Text one.', '', '## Two', '', 'Text two.', ''].join('\n');
      const q = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, `quarto-footer-${order[0]!.slice(0, 6)}`), 'deck.md'));
      expect(q.briefing.meta.peerTools).toEqual(['Quarto']);
      expect(q.briefing.slides.map((s) => [s.title, s.notes, s.footerText ?? q.briefing.meta.footerText])).toEqual([['Q', null, 'Internal'], ['One', null, 'Internal'], ['Two', null, 'Internal']]);
    }
    // Quarto's css: is Quarto's in a Quarto deck, never reveal-md's, whose decks are cut at --- only.
    const css = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '---\ntitle: Q\ncss: styles.css\nformat: revealjs\n---\n\n## One\n\n## Two\n' }, 'quarto-css'), 'deck.qmd'));
    expect([css.briefing.meta.peerTools, css.briefing.slides.map((s) => s.title)]).toEqual([['Quarto'], ['Q', 'One', 'Two']]);
    // Keys several tools share, Marp among them, make a deck no one's: it is read as briefdeck reads it.
    const shared = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: S\ndescription: D\nkeywords: [a]\ntransition: fade\n---\n\n## One\n\n<!-- a comment -->\n\n## Two\n' }, 'shared-keys'), 'deck.md'));
    expect(shared.briefing.meta.peerTools).toEqual([]);
    expect(shared.briefing.slides.map((s) => [s.title, s.notes])).toEqual([['S', null], ['One', null], ['Two', null]]);
    expect(shared.briefing.meta.transition).toBe('fade');
    expect(shared.warnings.map((w) => w.message)).toEqual(['"description" is Marp\'s or Pandoc\'s or Quarto\'s metadata; briefdeck ignores it', '"keywords" is Marp\'s or Pandoc\'s or Quarto\'s metadata; briefdeck ignores it']);
    // Mermaid's settings (reveal-md's demo deck, Quarto's documents) are one of those keys: the deck builds, its diagrams drawn as any.
    const mermaid = await buildDeck(path.join(writeBriefing({ 'deck.md': "---\nmermaid:\n  themeVariables:\n    lineColor: '#fff'\n---\n\n## One\n\nText\n" }, 'shared-mermaid-key'), 'deck.md'));
    expect(mermaid.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['2: "mermaid" is reveal-md\'s or Quarto\'s metadata; briefdeck ignores it']);
  });

  it("Quarto: date-format writes the date in a style (medium, full, short, iso), in the deck's language, or in a format of dayjs's tokens; a date it cannot read stays as written; code-annotations is read", async () => {
    const dated = async (date: string, format: string, lang = 'en') => {
      const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': `---\ntitle: T\nlang: ${lang}\ndate: "${date}"\ndate-format: "${format}"\ncode-annotations: true\n---\n\n## One\n\nText.\n` }, 'quarto-date-format'), 'deck.qmd'));
      expect(built.warnings).toEqual([]);
      return built.briefing.meta.date;
    };
    expect(await dated('2024-04-18', 'medium')).toBe('Apr 18, 2024');
    expect(await dated('03/07/2005', 'full')).toBe('Monday, March 7, 2005');
    expect(await dated('03/07/2005', 'short')).toBe('3/7/05');
    expect(await dated('03-07-05', 'iso')).toBe('2005-03-07');
    expect(await dated('2024-04-18', 'long', 'fr')).toBe('18 avril 2024');
    expect(await dated('2024-04-18', '[Week of] dddd, MMMM D, YYYY (DD/MM/YY)')).toBe('Week of Thursday, April 18, 2024 (18/04/24)');
    expect(await dated('Spring 2024', 'medium')).toBe('Spring 2024');
    expect(await dated('02/30/2024', 'medium')).toBe('02/30/2024');
  });

  it("Quarto: title-slide-attributes under format: revealjs: set the title slide's background, as at the top; what it cannot take is named under it", async () => {
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '---\ntitle: T\nformat:\n  revealjs:\n    title-slide-attributes:\n      data-background-color: "#123456"\n      data-background-size: 12%\n---\n\n## One\n\nText.\n' }, 'quarto-format-title-slide'), 'deck.qmd'));
    expect(built.briefing.slides[0]!.look?.backgroundColor).toBe('#123456');
    expect(built.warnings.map((w) => [w.line, w.message])).toEqual([[3, '"format" is Quarto\'s metadata; briefdeck reads part of it and ignores title-slide-attributes.data-background-size']]);
  });

  it('Quarto: date: today is the day of the build (SOURCE_DATE_EPOCH\'s when set), written out in the deck\'s language; Beamer\'s \\today and R Markdown\'s `r Sys.Date()` too', async () => {
    const before = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1700000000'; // 2023-11-14T22:13:20Z
    try {
      const en = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '---\ntitle: T\ndate: today\n---\n\n## One\n\nText.\n' }, 'quarto-today'), 'deck.qmd'));
      expect(en.briefing.meta.date).toBe('November 14, 2023');
      expect(en.deck.html).toContain('November 14, 2023');
      const fr = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '---\ntitle: T\nlang: fr\ndate: today\n---\n\n## Un\n\nTexte.\n' }, 'quarto-today-fr'), 'deck.qmd'));
      expect(fr.briefing.meta.date).toBe('14 novembre 2023');
      // A Beamer deck's `date: \\today`, LaTeX's day of the build, is too: never shown as a command.
      const beamer = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: T\ndate: \\today\naspectratio: 169\n---\n\n## One\n\nText.\n' }, 'beamer-today'), 'deck.md'));
      expect(beamer.briefing.meta.date).toBe('November 14, 2023');
      expect(beamer.deck.html).not.toContain('\\today');
      // Any other date is the author's, as written.
      const own = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '---\ntitle: T\ndate: Today, after lunch\n---\n\n## One\n\nText.\n' }, 'quarto-own-date'), 'deck.qmd'));
      expect(own.briefing.meta.date).toBe('Today, after lunch');
      // R Markdown's `r Sys.Date()` (xaringan's starter deck) is the day knitr knits it, as R prints a date; in a deck of briefdeck's own it is text.
      const knitted = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': '---\ntitle: T\ndate: "2016/12/12 (updated: `r Sys.Date()`)"\noutput: xaringan::moon_reader\n---\n\n# One\n\nText.\n' }, 'rmarkdown-sys-date'), 'deck.Rmd'));
      expect(knitted.briefing.meta.date).toBe('2016/12/12 (updated: 2023-11-14)');
      // RStudio's templates format it: `r format(Sys.time(), '%d %B %Y')`, in the deck's language; a time of day stays R's code.
      const formatted = async (date: string, lang = 'en') => (await buildDeck(path.join(writeBriefing({ 'deck.Rmd': `---\ntitle: T\nlang: ${lang}\ndate: "${date}"\noutput: xaringan::moon_reader\n---\n\n# One\n` }, `rmarkdown-format-date-${lang}`), 'deck.Rmd'))).briefing.meta.date;
      expect(await formatted("`r format(Sys.time(), '%d %B %Y')`")).toBe('14 November 2023');
      expect(await formatted("`r format(Sys.Date(), format = '%A, %b %e, %Y (day %j, %m/%d/%y)')`")).toBe('Tuesday, Nov 14, 2023 (day 318, 11/14/23)');
      expect(await formatted("`r format(Sys.time(), '%d %B %Y')`", 'de')).toBe('14 November 2023');
      expect(await formatted("`r format(Sys.time(), '%B')`", 'fr')).toBe('novembre');
      expect(await formatted("`r format(Sys.time(), '%H:%M')`")).toMatch(/^format\(Sys\.time\(\), .%H:%M.\)$/);
      const plain = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: T\ndate: "`r Sys.Date()`"\n---\n\n## One\n\nText.\n' }, 'own-sys-date'), 'deck.md'));
      expect(plain.briefing.meta.date).toBe('`r Sys.Date()`');
    } finally {
      if (before === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = before;
    }
  });

  it('Quarto: date: last-modified is the day its file was last changed, or SOURCE_DATE_EPOCH\'s when set', async () => {
    const before = process.env.SOURCE_DATE_EPOCH;
    const dir = writeBriefing({ 'deck.qmd': '---\ntitle: T\ndate: last-modified\n---\n\n## One\n\nText.\n' }, 'quarto-last-modified');
    utimesSync(path.join(dir, 'deck.qmd'), new Date('2025-03-04T10:00:00Z'), new Date('2025-03-04T10:00:00Z'));
    try {
      delete process.env.SOURCE_DATE_EPOCH;
      expect((await buildDeck(path.join(dir, 'deck.qmd'))).briefing.meta.date).toBe('March 4, 2025');
      process.env.SOURCE_DATE_EPOCH = '1700000000';
      expect((await buildDeck(path.join(dir, 'deck.qmd'))).briefing.meta.date).toBe('November 14, 2023');
    } finally {
      if (before === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = before;
    }
  });

  it('Quarto: format: revealjs: theme and footer are read, a theme of the metadata\'s own comes first, and what is left out is named', async () => {
    const front = 'title: T\nformat:\n  revealjs:\n    theme: [dark, custom.scss]\n    footer: Ministry of Examples\n    logo: logo.png\n    chalkboard: true';
    const quarto = await buildDeck(path.join(writeBriefing({ 'deck.qmd': `---\n${front}\n---\n\n## One\n\nText.\n` }, 'quarto-theme'), 'deck.qmd'));
    expect(quarto.briefing.meta.theme).toBe('black');
    expect(quarto.deck.html).toContain('<span class="footer-section">Ministry of Examples</span>');
    // Its logo is read too: a picture not in the folder is left out of this deck for another tool, with a warning.
    // Its theme file is read (quarto-scss.ts), and named when it is not there.
    expect(quarto.warnings.map((w) => w.message.replace(/file not found: .*/, 'file not found'))).toEqual(['"format" is Quarto\'s metadata; briefdeck reads part of it and ignores chalkboard', 'the theme file custom.scss was left out: file not found', 'image not found: logo.png; it was left out']);
    const own = await buildDeck(path.join(writeBriefing({ 'deck.qmd': `---\n${front.replace('[dark, custom.scss]', 'moon')}\ntheme: sky\n---\n\n## One\n\nText.\n` }, 'quarto-own-theme'), 'deck.qmd'));
    expect(own.briefing.meta.theme).toBe('sky');
  });

  it('Quarto: format: revealjs: incremental: true makes lists step in', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'quarto.qmd'));
    expect(built.warnings).toEqual([]);
    expect(built.briefing.meta.incremental).toBe(true);
    expect(built.deck.html).toContain('<li class="fragment">one</li>');
  });

  it("Pandoc: a deck with its variables builds: several authors, a Beamer theme, slide-level, abstract and header-includes are read or named, never errors", async () => {
    const deck = ['---', 'title: Options', 'author:', '  - Analyst One', '  - Analyst Two', 'theme: metropolis', 'slide-level: 1', 'abstract: |', '  Short.', 'header-includes:', '  - \\usepackage{xcolor}', '---', '', '# One', '', 'Text.', '', '# Two', '', 'More.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'pandoc-variables'), 'deck.md'));
    expect(built.briefing.meta.author).toBe('Analyst One, Analyst Two');
    expect(built.briefing.meta.theme).toBe('white');
    // slide-level: 1 makes each # a slide, not a section.
    expect(built.briefing.slides.map((s) => [s.kind, s.title])).toEqual([['title', 'Options'], ['content', 'One'], ['content', 'Two']]);
    expect(built.warnings.map((w) => [w.line, w.message]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [6, 'Pandoc\'s theme "metropolis" is not built in; using white'],
      [8, '"abstract" is Pandoc\'s metadata; briefdeck ignores it'],
      [10, '"header-includes" is Pandoc\'s metadata; briefdeck ignores it'],
    ]);
    // Quarto writes each author as a map with a name; its abstract is named as Quarto's in a deck known to be Quarto's.
    const quarto = ['---', 'title: Q', 'format: revealjs', 'author:', '  - name: Norah Jones', '    affiliations: Acme', '  - name:', '      given: Bo', '      family: Li', 'abstract: A summary', '---', '', '## A', ''].join('\n');
    const q = await buildDeck(path.join(writeBriefing({ 'deck.qmd': quarto }, 'quarto-authors'), 'deck.qmd'));
    expect(q.briefing.meta.author).toBe('Norah Jones, Bo Li');
    expect(q.warnings.map((w) => w.message)).toEqual(['"abstract" is Quarto\'s metadata; briefdeck ignores it']);
    // Quarto's slide-level is read under format: revealjs too, where Quarto's decks most often set it.
    const level = ['---', 'title: L', 'format:', '  revealjs:', '    slide-level: 1', '---', '', '# One', '', '## Sub one', '', 'Text.', '', '# Two', '', 'More.', ''].join('\n');
    const l = await buildDeck(path.join(writeBriefing({ 'deck.qmd': level }, 'quarto-format-slide-level'), 'deck.qmd'));
    expect(l.briefing.slides.map((s) => [s.kind, s.title])).toEqual([['title', 'L'], ['content', 'One'], ['content', 'Two']]);
    expect(l.briefing.slides[1]!.bodyHtml).toContain('Sub one');
    expect(l.warnings).toEqual([]);
  });

  it("Pandoc and Quarto: a deck's sections are listed on a slide only with toc: true, as they list them, titled by toc-title; agenda: set wins", async () => {
    const body = ['', '# Part one', '', '## A', '', 'Text.', '', '# Part two', '', '## B', '', 'Text.', ''];
    const kinds = async (file: string, front: string[]) => {
      const built = await buildDeck(path.join(writeBriefing({ [file]: ['---', 'title: T', ...front, '---', ...body].join('\n') }, `toc-${file.replace('.', '-')}-${front.length}`), file));
      expect(built.warnings).toEqual([]);
      return built.briefing.slides.filter((s) => s.kind === 'agenda').map((s) => [s.title, s.bodyHtml === '' ? 'listed by the template' : s.bodyHtml]);
    };
    expect(await kinds('deck.qmd', [])).toEqual([]);
    expect(await kinds('deck.qmd', ['toc: true', 'toc-title: Contents'])).toEqual([['Contents', 'listed by the template']]);
    // Under format: revealjs, as Quarto's decks often set them.
    expect(await kinds('deck.qmd', ['format:', '  revealjs:', '    toc: true', '    toc-title: Inside'])).toEqual([['Inside', 'listed by the template']]);
    expect(await kinds('deck.qmd', ['agenda: true'])).toEqual([['Agenda', 'listed by the template']]);
    expect(await kinds('deck.md', ['output: beamer_presentation'])).toEqual([]);
    // briefdeck's own deck has its agenda unless it says otherwise.
    expect(await kinds('deck.md', [])).toEqual([['Agenda', 'listed by the template']]);
  });
});

describe('tables of contents', () => {
  it("Pandoc and Quarto: theirs lists each section's titled slides under it, as theirs does (toc-depth 3 unless set), the sections alone with toc-depth: 1; briefdeck's own agenda lists the sections alone", async () => {
    const body = ['', '# Part one', '', '## Slide A', '', 'Text.', '', '## Slide B', '', 'Text.', '', '# Part two', '', '## Slide C', '', 'Text.', '', '---', '', 'An untitled slide, which Quarto leaves out of its list.', ''];
    const build = (name: string, front: string[], file = 'deck.qmd') => buildDeck(path.join(writeBriefing({ [file]: ['---', 'title: T', ...front, '---', ...body].join('\n') }, name), file));
    const agendaOf = (html: string) => /<ol class="agenda-list[^"]*">([\s\S]*?)<\/ol>/.exec(html)![1]!.replace(/\s+/g, ' ').trim();
    const deep = await build('toc-depth-default', ['toc: true']);
    expect(deep.warnings).toEqual([]);
    expect(agendaOf(deep.deck.html)).toBe('<li><span class="agenda-title">Part one</span> <ul class="agenda-slides"> <li>Slide A</li> <li>Slide B</li> </ul></li> <li><span class="agenda-title">Part two</span> <ul class="agenda-slides"> <li>Slide C</li> </ul></li>');
    // Under format: revealjs, as Quarto's decks often set it; 2 lists the slides as 3 does, 1 the sections alone.
    const two = await build('toc-depth-2', ['format:', '  revealjs:', '    toc: true', '    toc-depth: 2']);
    expect(agendaOf(two.deck.html)).toBe(agendaOf(deep.deck.html));
    const one = await build('toc-depth-1', ['toc: true', 'toc-depth: 1']);
    expect(one.warnings).toEqual([]);
    expect(agendaOf(one.deck.html)).toBe('<li><span class="agenda-title">Part one</span></li> <li><span class="agenda-title">Part two</span></li>');
    // A depth that is no number of levels is named, and the list keeps its default.
    const odd = await build('toc-depth-odd', ['toc: true', 'toc-depth: deep']);
    expect(odd.warnings.map((w) => [w.line, w.message])).toEqual([[4, '"toc-depth" is Quarto\'s metadata; briefdeck ignores it']]);
    // briefdeck's own deck: its agenda, the sections alone.
    const own = await build('toc-own-agenda', [], 'deck.md');
    expect(agendaOf(own.deck.html)).toBe('<li><span class="agenda-title">Part one</span></li> <li><span class="agenda-title">Part two</span></li>');
    // The entries both the deck's template and PowerPoint's agenda list (test/pptx.test.ts).
    const { listAgendaEntries } = await import('../src/model.js');
    expect(listAgendaEntries(deep.briefing)).toEqual([{ title: 'Part one', number: 3, slides: ['Slide A', 'Slide B'] }, { title: 'Part two', number: 6, slides: ['Slide C'] }]);
    // A heading marked {.unlisted} is left out, a section so marked with its slides, as Pandoc and Quarto leave them out; the slides stay in the deck.
    const unlisted = await buildDeck(path.join(writeBriefing({ 'deck.qmd': ['---', 'title: T', 'toc: true', '---', '', '# Appendix {.unlisted}', '', '## Spare', '', 'Text.', '', '# Part', '', '## Shown', '', 'Text.', '', '## Backup {.unnumbered .unlisted}', '', 'Text.', ''].join('\n') }, 'toc-unlisted'), 'deck.qmd'));
    expect(unlisted.warnings).toEqual([]);
    expect(listAgendaEntries(unlisted.briefing)).toEqual([{ title: 'Part', number: 5, slides: ['Shown'] }]);
    expect(unlisted.briefing.slides.map((slide) => slide.title)).toEqual(['T', 'Table of contents', 'Appendix', 'Spare', 'Part', 'Shown', 'Backup']);
    // Untitled by toc-title, the slide is titled as Quarto titles it (its English), not at all in a deck for Pandoc, whose
    // template titles it only with toc-title, and "Agenda" in briefdeck's own deck or where agenda: asks for one.
    const titleOf = async (name: string, file: string, front: string[], body = ['', '# Part', '', '## A', '', 'Text.', '']) => {
      const built = await buildDeck(path.join(writeBriefing({ [file]: ['---', 'title: T', ...front, '---', ...body].join('\n') }, name), file));
      const agenda = built.briefing.slides.find((slide) => slide.kind === 'agenda')!;
      return [agenda.title, /<section class="layout-agenda[\s\S]*?<\/section>/.exec(built.deck.html)![0].includes('<h2')];
    };
    expect(await titleOf('toc-title-quarto', 'deck.qmd', ['toc: true'])).toEqual(['Table of contents', true]);
    expect(await titleOf('toc-title-pandoc', 'deck.md', ['toc: true'], ['', '# Part', '', '## A', '', 'Text.', '', '::: notes', 'Said.', ':::', ''])).toEqual(['', false]);
    expect(await titleOf('toc-title-agenda', 'deck.qmd', ['agenda: true'])).toEqual(['Agenda', true]);
  });
});

describe('slide level', () => {
  it('with no ## headings and several # headings, # titles the slides: no section dividers, no Agenda', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'hash-titles.md'));
    expect(built.briefing.slides.map((s) => [s.kind, s.title])).toEqual([
      ['title', 'Hash titles'],
      ['content', 'First slide'],
      ['content', 'Second slide'],
    ]);
    expect(built.briefing.slides[2]!.bodyHtml).toContain('<h3>A heading inside</h3>');
  });
});

describe('setext headings (text over === or ---)', () => {
  const kinds = (built: Awaited<ReturnType<typeof buildDeck>>) => built.briefing.slides.map((s) => [s.kind, s.title, s.source.line]);

  it("Pandoc: text over === is a section and text over --- a slide, with their attributes; not in code, a comment or notes, and every line keeps its number", async () => {
    const deck = ['% Setext deck', '% Jane Doe', '', 'Intro', '=====', '', 'First slide', '-----------', '', '- a point', '', '::: notes', 'Said aloud.', ':::', '', 'Second slide {.smaller}', '------------', '', '```', 'Shown', '=====', '```', '', '<!--', 'Hidden', '------', '-->', '', '![missing](nowhere.png)', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'setext-pandoc'), 'deck.md'));
    // The missing picture is named at its own line: the headings' lines were written in place, none added or taken.
    expect(built.warnings.filter((w) => w.message.startsWith('image not found')).map((w) => w.line)).toEqual([29]);
    expect(kinds(built)).toEqual([
      ['title', 'Setext deck', 1],
      ['section', 'Intro', 4],
      ['content', 'First slide', 7],
      ['content', 'Second slide', 16],
    ]);
    const [, , first, second] = built.briefing.slides;
    expect(first!.notes?.markdown).toBe('Said aloud.');
    expect(second!.look?.className).toBe('smaller');
    expect(second!.bodyHtml).toContain('Shown\n=====');
    expect(second!.bodyHtml).not.toMatch(/Hidden|<h\d/);
  });

  it("briefdeck's own format: === makes a section and a line of dashes a slide, but --- right under text stays a cut", async () => {
    const deck = ['---', 'title: Setext', '---', '', 'Part one', '========', '', 'Slide A', '-------', '', 'Text A.', '', 'Slide B', '---', '', 'Text B.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'setext-own'), 'deck.md'));
    expect(kinds(built).filter(([kind]) => kind !== 'agenda')).toEqual([
      ['title', 'Setext', 2],
      ['section', 'Part one', 5],
      ['content', 'Slide A', 8],
      ['content', null, 14],
    ]);
    expect(built.briefing.slides.find((s) => s.title === 'Slide A')!.bodyHtml).toContain('Slide B');
  });

  it('Marp reads text over --- as a heading, as markdown-it does, not as a cut; Slidev cuts there, and text over === titles its slide', async () => {
    const marp = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\nmarp: true\n---\n\nTitle here\n---\n\nSome text\n\n---\n\nSecond\n======\n\nMore\n' }, 'setext-marp'), 'deck.md'));
    expect(kinds(marp)).toEqual([
      ['content', 'Title here', 5],
      ['content', 'Second', 12],
    ]);
    const slidev = await buildDeck(path.join(writeBriefing({ 'slides.md': '---\ntheme: seriph\nhighlighter: shiki\n---\n\nBig title\n=========\n\nText\n---\n\nNext\n' }, 'setext-slidev'), 'slides.md'));
    expect(slidev.briefing.slides.filter((s) => s.kind === 'content').map((s) => [s.title, s.source.line])).toEqual([['Big title', 6], [null, 10]]);
    expect(slidev.briefing.slides.at(-1)!.bodyHtml).toContain('Next');
  });
});

describe('slideLevel in the metadata', () => {
  it('slideLevel: 1 makes # a slide even when ## headings exist, which then stay inside the slide', async () => {
    const { writeBriefing } = await import('./helpers.js');
    const dir = writeBriefing({ 'briefing.yml': 'title: Levels\nslideLevel: 1\n', 'a.md': '# One\n\n## Inside\n\nText.\n\n# Two\n\nMore.\n' });
    const built = await buildDeck(dir);
    expect(built.briefing.slides.filter((s) => s.kind === 'content').map((s) => s.title)).toEqual(['One', 'Two']);
    expect(built.briefing.slides.some((s) => s.kind === 'agenda' || s.kind === 'section')).toBe(false);
  });
});

describe('notes written as HTML comments', () => {
  it('Marp: every comment that is not a directive is a note; directives never show', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'marp-notes.md'));
    expect(notesOf(built)).toEqual(['Said aloud on the Marp slide.', 'A note over\ntwo lines.']);
    for (const slide of built.briefing.slides) expect(slide.bodyHtml).not.toMatch(/_class|Said aloud|A note over/);
    const handout = await buildDeck(path.join(DIALECTS, 'marp-notes.md'), { handout: true });
    expect(handout.deck.html).not.toContain('Said aloud');
  });

  it("Marp: front matter as Marp reads it builds: a theme of the deck's own, a class list, and text directives YAML would misread (a picture in the header, # and ! values)", async () => {
    const deck = ['---', 'marp: true', 'theme: am_green', 'class:', '  - invert', 'header :   ![#l](../images/logo0.png) Course', 'footer: # Not a comment', '---', '', '# One', '', 'Text.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'marp-loose'), 'deck.md'));
    expect(built.briefing.meta.theme).toBe('white');
    expect([built.briefing.meta.headerText, built.briefing.meta.footerText]).toEqual(['Course', '# Not a comment']);
    expect(built.briefing.slides[0]!.look?.className).toBe('invert');
    expect(built.warnings.map((w) => [w.line, w.message])).toEqual([
      [3, 'Marp\'s theme "am_green" is not built in; using white'],
      [6, 'a picture in a header or footer was left out: they show text only'],
    ]);
  });

  it("Marp: a theme of the deck's own is read from the CSS file in the folder that names itself so (/* @theme corporate */), over the stand-in for the Marp theme it imports; a comment directive or no marp: true finds it too", async () => {
    const sheet = ['/* @theme corporate */', "@import 'gaia';", "@import url('https://fonts.example/inter.css');", '', 'section { background: #123456; }', 'h1 { color: #ff0000; }', ''].join('\n');
    const dir = writeBriefing({ 'deck.md': ['---', 'marp: true', 'theme: corporate', '---', '', '# One', ''].join('\n'), 'other.css': '/* @theme other */\nh1 { color: #00ff00; }\n' }, 'marp-own-theme');
    mkdirSync(path.join(dir, 'themes', 'deep'), { recursive: true });
    writeFileSync(path.join(dir, 'themes', 'corp.css'), sheet);
    const built = await buildDeck(path.join(dir, 'deck.md'));
    expect(built.briefing.meta.theme).toBe('beige');
    expect(built.briefing.meta.themeSheet).toEqual({ name: 'corporate', relPath: 'themes/corp.css' });
    expect(built.warnings.map((w) => [path.basename(w.file!), w.line, w.message])).toEqual([
      ['deck.md', 3, 'Marp\'s theme "corporate" is read from themes/corp.css, over beige standing in for Marp\'s gaia, which it builds on'],
      ['corp.css', 3, "a style's @import url('https://fonts.example/inter.css') was left out: a deck carries nothing from elsewhere"],
    ]);
    expect(built.deck.html).toMatch(/section[^{}]*\{ background: #123456; \}/);
    expect(built.deck.html).toMatch(/h1[^{}]*\{ color: #ff0000; \}/);
    // Only the theme named is read; another file's theme is not.
    expect(built.deck.html).not.toContain('#00ff00');
    // Named in a comment, in a deck Marp's by its comments alone: a theme that imports none stands over Marp's default's stand-in, without a warning.
    writeFileSync(path.join(dir, 'themes', 'deep', 'plain.css'), '/* A plain one.\n * @theme plain\n */\nh1 { color: #0000ff; }\n');
    writeFileSync(path.join(dir, 'comment.md'), ['<!-- theme: plain -->', '', '# One', '', '<!-- _class: lead -->', '', '# Two', ''].join('\n'));
    const commented = await buildDeck(path.join(dir, 'comment.md'));
    expect([commented.briefing.meta.theme, commented.briefing.meta.peerTools, commented.warnings]).toEqual(['white', ['Marp'], []]);
    expect(commented.deck.html).toMatch(/h1[^{}]*\{ color: #0000ff; \}/);
    // A theme no file names is still the stand-in, with the warning.
    writeFileSync(path.join(dir, 'missing.md'), ['---', 'marp: true', 'theme: absent', '---', '', '# One', ''].join('\n'));
    const missing = await buildDeck(path.join(dir, 'missing.md'));
    expect(missing.warnings.map((w) => w.message)).toEqual(['Marp\'s theme "absent" is not built in; using white']);
    expect(missing.warnings[0]!.hint).toMatch(/^put the theme's CSS file \(the one that says \/\* @theme absent \*\/\) in the briefing folder to have it read; or built-in themes: /);
    // A link to a theme outside the folder is never followed.
    const outside = writeBriefing({ 'outside.css': '/* @theme outside */\nh1 { color: #abcdef; }\n' }, 'marp-theme-outside');
    symlinkSync(path.join(outside, 'outside.css'), path.join(dir, 'linked.css'));
    writeFileSync(path.join(dir, 'linked.md'), ['---', 'marp: true', 'theme: outside', '---', '', '# One', ''].join('\n'));
    const linked = await buildDeck(path.join(dir, 'linked.md'));
    expect([linked.briefing.meta.themeSheet, linked.deck.html.includes('#abcdef')]).toEqual([undefined, false]);
    // Marp's own themes are never a file of the deck's: a file naming itself gaia is not looked for, and gaia's stand-in serves.
    writeFileSync(path.join(dir, 'themes', 'not-gaia.css'), '/* @theme gaia */\nh1 { color: #123123; }\n');
    writeFileSync(path.join(dir, 'gaia.md'), ['---', 'marp: true', 'theme: gaia', '---', '', '# One', ''].join('\n'));
    const gaia = await buildDeck(path.join(dir, 'gaia.md'));
    expect([gaia.briefing.meta.theme, gaia.briefing.meta.themeSheet, gaia.deck.html.includes('#123123')]).toEqual(['beige', undefined, false]);
    // A folder with a briefing.yml is briefdeck's own: its theme is one of briefdeck's or a CSS file it names, never a Marp theme looked for.
    const own = writeBriefing({ 'briefing.yml': 'title: Own\ntheme: corporate\n', '01.md': '## One\n\nText.\n', 'corp.css': sheet }, 'own-theme-name');
    await expect(buildDeck(own)).rejects.toMatchObject({ diagnostics: [{ code: 'E_META', message: 'unknown theme "corporate"' }] });
  });

  it("a style's @import of a sheet in the briefing folder brings its rules (and its own imports', relative to it); one not there, outside, or under a condition is named at its line and left out", async () => {
    const deck = ['---', 'marp: true', 'style: |', "  @import 'assets/custom.css';", '---', '', '# One', '', '<style>', '@import url("../outside.css");', "@import 'assets/print.css' print;", "@import 'deck.md';", '@import url("https://fonts.example/css2?family=Inter:wght@400;700&display=swap");', 'h2 { color: #222222; }', '</style>', ''].join('\n');
    const dir = writeBriefing({ 'deck.md': deck }, 'style-imports');
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'assets', 'custom.css'), ["@import 'more.css';", '@import "gone.css";', 'h1 { color: #111111; }', ''].join('\n'));
    writeFileSync(path.join(dir, 'assets', 'more.css'), ['/* More. */', "@import 'custom.css';", 'p { color: #333333; }', ''].join('\n'));
    writeFileSync(path.join(dir, 'assets', 'print.css'), 'p { color: #444444; }\n');
    const built = await buildDeck(path.join(dir, 'deck.md'));
    const css = built.briefing.authorCss ?? '';
    // In the order a browser takes them: the imported sheet's imports, the sheet, then the style's own rules.
    const places = ['#333333', '#111111', '#222222'].map((colour) => css.indexOf(colour));
    expect(places[0]).toBeGreaterThan(-1);
    expect(places).toEqual([...places].sort((a, b) => a - b));
    expect(css).not.toContain('#444444');
    expect(built.warnings.map((w) => `${path.relative(dir, w.file!)}:${w.line}: ${w.message}`)).toEqual([
      "assets/more.css:2: the file custom.css that a style's @import names includes itself, so it was left out there",
      expect.stringMatching(/^assets\/custom\.css:2: the file gone\.css that a style's @import names could not be read \(file not found: .*gone\.css; did you mean more\.css\?\), so it was left out$/),
      "deck.md:10: the file ../outside.css that a style's @import names is outside the briefing folder, so it was left out",
      'deck.md:11: a style\'s @import of assets/print.css under "print" was left out: briefdeck reads a style sheet\'s import only unconditioned',
      "deck.md:12: a style's @import of deck.md was left out: only a .css file is read as a style sheet",
      "deck.md:13: a style's @import url(\"https://fonts.example/css2?family=Inter:wght@400;700&display=swap\") was left out: a deck carries nothing from elsewhere",
    ]);
    expect(built.deck.html).toContain('#111111');
    // Sheets that import each other many times over stop at the bound, said once.
    for (const [i, name] of ['a', 'b', 'c', 'd', 'e'].entries()) writeFileSync(path.join(dir, `${name}.css`), `${i < 4 ? `@import '${'abcde'[i + 1]}.css';\n`.repeat(10) : ''}p { color: #00000${i}; }\n`);
    writeFileSync(path.join(dir, 'many.md'), ['---', 'marp: true', 'style: |', "  @import 'a.css';", '---', '', '# One', ''].join('\n'));
    const many = await buildDeck(path.join(dir, 'many.md'));
    expect(many.warnings.map((w) => `${path.basename(w.file!)}:${w.line}: ${w.message}`)).toEqual(["d.css:9: a style's @import of e.css was left out, and the imports after it: the deck's styles import more than 100 sheets, or more text than a file may hold"]);
    expect(many.warnings[0]!.hint).toBe('import each sheet once, from one place');
    expect(many.briefing.authorCss).toContain('#000004');
    // A style sheet the metadata names (css:) imports as well.
    writeFileSync(path.join(dir, 'look.css'), "@import 'assets/print.css';\n");
    writeFileSync(path.join(dir, 'quarto.qmd'), ['---', 'format: revealjs', 'css: look.css', '---', '', '## One', ''].join('\n'));
    const quarto = await buildDeck(path.join(dir, 'quarto.qmd'));
    expect([quarto.briefing.authorCss?.includes('#444444'), quarto.warnings]).toEqual([true, []]);
  });

  it('Marp: a picture in a header goes without the emphasis around it showing, and is named once though the header is carried on', async () => {
    const deck = ['---', 'marp: true', '---', '', '<!-- header: \\ ***![#l h:40](logo.png)*** **intro** *next* -->', '', '# One', '', '---', '', '# Two', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'marp-header-picture'), 'deck.md'));
    expect([...built.deck.html.matchAll(/<div class="deck-header">([^<]*)</g)].map((m) => m[1])).toEqual(['intro next', 'intro next']);
    expect(built.warnings.map((w) => [w.line, w.message])).toEqual([[7, 'a picture in a header or footer was left out: they show text only']]);
  });

  it("Marp: class, backgroundColor and footer hold from the slide that sets them on (from the front matter, read loosely, for the first), a leading _ sets one slide, and what does not pass is warned of once", async () => {
    const deck = [
      '---', 'marp: true', 'class: invert', 'backgroundColor: #fff', '---', '',
      '# One', '', '---', '', '<!-- _class: lead -->', '', '# Two', '', '---', '',
      '<!-- backgroundColor: beige -->', '<!-- class: odd-one -->', '<!-- footer: From three on -->', '', '# Three', '', '---', '', '# Four', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'marp-carried'), 'deck.md'));
    expect(built.briefing.slides.map((s) => [s.title, s.look?.className, s.look?.backgroundColor, s.footerText])).toEqual([
      ['One', 'invert', '#fff', undefined],
      ['Two', 'lead', '#fff', undefined],
      ['Three', undefined, 'beige', 'From three on'],
      ['Four', undefined, 'beige', 'From three on'],
    ]);
    expect(built.warnings.map((w) => [w.line, w.message])).toEqual([[17, 'slide settings class odd-one are not supported and were left out']]);
  });

  it("Marp: header, paginate and backgroundImage hold from the slide that sets them on, a leading _ sets one slide (a gradient for a picture too), and the directives briefdeck cannot honour are warned of", async () => {
    const deck = [
      '---', 'marp: true', 'paginate: true', 'header: Deck header', '---', '',
      '<!-- _paginate: false -->', '<!-- _header: "" -->', '', '# Cover', '', '---', '',
      '<!-- header: Part **two** -->', '<!-- color: red -->', '<!-- _color: "red; background: url(x)" -->', '', '## Second', '', 'Text.', '', '---', '',
      "<!-- backgroundImage: url('a.png') -->", '<!-- paginate: false -->', '', '## Third', '', '---', '',
      '<!-- _paginate: skip -->', '<!-- _backgroundImage: linear-gradient(red, blue) -->', '', '## Fourth', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck, 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'marp-paginate'), 'deck.md'));
    // The fourth slide's own gradient stands in for the picture carried on to it, for that slide alone.
    // `color` holds from the second slide on, whose own `_color` is not a colour and is left out.
    expect(built.briefing.slides.map((s) => [s.title, s.headerText, s.pageNumber, s.look?.backgroundImage !== undefined, s.look?.backgroundGradient, s.look?.textColor])).toEqual([
      ['Cover', '', false, false, undefined, undefined],
      ['Second', 'Part two', undefined, false, undefined, 'red'],
      ['Third', 'Part two', false, true, undefined, 'red'],
      ['Fourth', 'Part two', false, false, 'linear-gradient(red, blue)', 'red'],
    ]);
    expect(built.deck.html).toContain('style="--r-main-color: red; --r-heading-color: red; color: red"');
    expect(built.deck.html).not.toContain('url(x)');
    // What each slide shows: its header, and its number or none.
    const sections = [...built.deck.html.matchAll(/<section class="layout-[\s\S]*?<\/section>/g)].map((m) => m[0]);
    expect(sections.map((html) => [/<div class="deck-header">([^<]*)</.exec(html)?.[1] ?? null, /<span class="footer-number">([^<]*)</.exec(html)?.[1] ?? null])).toEqual([
      [null, null],
      // The fourth slide's `skip` leaves it out of the count too: three pages.
      ['Part two', '2 / 3'],
      ['Part two', null],
      ['Part two', null],
    ]);
    expect(built.warnings.map((w) => [w.code, w.line, w.message])).toEqual([
      ['W_PEER_SYNTAX', 16, "Marp's color: red; background: url(x) is not a colour briefdeck can set, and was left out"],
    ]);
  });

  it("Marp: a loose directive's backslashes are YAML's escapes, as Marp quotes the value before reading it (\\ starts a footer with an asterisk), and paginate is false for any value but true", async () => {
    const deck = [
      '---', 'marp: true', 'paginate: true', 'footer: \\ *Course for students*', '---', '',
      '<!-- _paginate: "" -->', '<!-- _header: \\ **Part** *one* -->', '', '# Cover', '', '---', '',
      '<!-- _paginate: yes -->', '<!-- _footer: "a \\"quoted\\" word" -->', '', '## Second', '', '---', '',
      '<!-- _footer: C:\\Users\\me -->', '', '## Third', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'marp-escapes'), 'deck.md'));
    const sections = [...built.deck.html.matchAll(/<section class="layout-[\s\S]*?<\/section>/g)].map((m) => m[0]);
    const shown = (html: string, pattern: RegExp) => pattern.exec(html)?.[1] ?? null;
    expect(sections.map((html) => [shown(html, /<div class="deck-header">([^<]*)</), shown(html, /<span class="footer-section">([^<]*)</), shown(html, /<span class="footer-number">([^<]*)</)])).toEqual([
      // Headers and footers are shown as plain text.
      ['Part one', 'Course for students', null],
      [null, 'a “quoted” word', null],
      // A backslash that starts no escape of YAML's leaves the value as written (Marp would not read it at all).
      [null, 'C:\\Users\\me', '3 / 3'],
    ]);
    expect(built.deck.html).not.toMatch(/\\ (Course|Part)/);
    expect(built.warnings.map((w) => [w.code, w.line, w.message])).toEqual([
      ['W_PEER_SYNTAX', 14, "Marp's paginate: yes is neither true nor false, and was read as false, as Marp reads it"],
    ]);
    // A text directive holding ": " or " #" is text in a Marp deck, as Marp quotes it; in briefdeck's own deck, invalid YAML as before.
    const colon = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\nmarp: true\ntitle: Lecture 3: Sorting\nfooter: Part 1 #intro\n---\n\n# One\n' }, 'marp-colon-title'), 'deck.md'));
    expect([colon.briefing.meta.title, colon.briefing.meta.footerText]).toEqual(['Lecture 3: Sorting', 'Part 1 #intro']);
    const own = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: Lecture 3: Sorting\n---\n\n## One\n' }, 'own-colon-title'), 'deck.md')).then(() => 'built', (err: BriefdeckError) => err.code);
    expect(own).toBe('E_YAML');
    // A quote inside quotes that no backslash escapes is no YAML: the value stays as written, and the deck builds.
    const quoted = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\nmarp: true\n---\n\n<!-- _footer: "a"b" -->\n\n# One\n' }, 'marp-quote-in-quotes'), 'deck.md'));
    expect(/<span class="footer-section">([^<]*)</.exec(quoted.deck.html)?.[1]).toBe('a”b');
  });

  it("remark: a heading is read as remark's reader reads it: ##Title without a space is one, and a line of inline HTML before it does not take it in as text", async () => {
    const deck = ['---', 'title: T', 'output: xaringan::moon_reader', '---', '', 'class: center, middle', '', '# Thanks!', '', '##[smltar.com](https://smltar.com/)', '', '<img src="https://example.org/me.png" width="150px"/>', '### [EmilHvitfeldt](https://github.com/EmilHvitfeldt/)', '### Second line', '', '#Hash heading', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck }, 'remark-headings'), 'deck.Rmd'));
    expect(built.briefing.meta.peerTools).toContain('remark');
    const body = built.briefing.slides.find((s) => s.title === 'Thanks!')!.bodyHtml;
    expect(body).toContain('<h2><a href="https://smltar.com/"');
    expect(body).toContain('<h3><a href="https://github.com/EmilHvitfeldt/"');
    expect(body).toContain('<h3>Second line</h3>');
    expect(body).toContain('Hash heading</h1>');
    expect(toPlainText(body)).not.toMatch(/#|\]\(/);
    // In briefdeck's own deck, Markdown is CommonMark: ##Title is text.
    const own = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: T\n---\n\n## One\n\n##Not a heading\n' }, 'own-hash'), 'deck.md'));
    expect(own.briefing.slides.at(-1)!.bodyHtml).toBe('<p>##Not a heading</p>\n');
  });

  it("remark: count: false leaves the slide out of the numbering, showing the number before it, as remark counts", async () => {
    const deck = ['class: center', '', '# Title', '', '???', 'Welcome them.', '', '---', 'count: false', '', '# Built up', '', '---', '', '# Next', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'remark-count-false'), 'deck.md'));
    expect(built.briefing.meta.peerTools).toContain('remark');
    expect([...built.deck.html.matchAll(/<span class="footer-number">([^<]*)</g)].map((m) => m[1])).toEqual(['1 / 2', '1 / 2', '2 / 2']);
    expect(built.warnings).toEqual([]);
  });

  it("Marp: paginate: hold shows the number before it and skip hides it, neither counting the slide; without them every slide counts", async () => {
    const deck = [
      '---', 'marp: true', 'paginate: true', '---', '', '<!-- _paginate: skip -->', '', '# Cover', '', '---', '', '# Two', '', '---', '',
      '<!-- _paginate: hold -->', '', '# Two, built up', '', '---', '', '# Three', '', '---', '', '<!-- paginate: hold -->', '', '# Held', '', '---', '', '# Still held', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'marp-hold-skip'), 'deck.md'));
    const numbers = [...built.deck.html.matchAll(/<section class="layout-[\s\S]*?<\/section>/g)].map((m) => /<span class="footer-number">([^<]*)</.exec(m[0])?.[1] ?? null);
    expect(numbers).toEqual([null, '1 / 2', '1 / 2', '2 / 2', '2 / 2', '2 / 2']);
    expect(built.briefing.pageTotal).toBe(2);
    expect(built.warnings).toEqual([]);
    const plain = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\nmarp: true\npaginate: true\n---\n\n# One\n\n---\n\n# Two\n' }, 'marp-counted'), 'deck.md'));
    expect(plain.briefing.pageTotal).toBeUndefined();
    expect([...plain.deck.html.matchAll(/<span class="footer-number">([^<]*)</g)].map((m) => m[1])).toEqual(['1 / 2', '2 / 2']);
    const uncounted = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\nmarp: true\npaginate: true\n---\n\n<!-- _paginate: skip -->\n\n# Cover\n\n---\n\n<!-- paginate: hold -->\n\n# Held\n\n---\n\n# Still held\n' }, 'marp-none-counted'), 'deck.md'));
    expect([...uncounted.deck.html.matchAll(/<span class="footer-number">([^<]*)</g)].map((m) => m[1])).toEqual(['1 / 1', '1 / 1']);
  });

  it('Marp: a deck whose settings do not ask for page numbers (paginate: true) shows none, as Marp numbers no page by default; a slide that asks numbers itself and those after it', async () => {
    const numbersOf = (html: string) => [...html.matchAll(/<section class="layout-[\s\S]*?<\/section>/g)].map((m) => /<span class="footer-number">([^<]*)</.exec(m[0])?.[1] ?? null);
    const bare = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\nmarp: true\n---\n\n# One\n\n---\n\n# Two\n' }, 'marp-unpaginated'), 'deck.md'));
    expect([bare.briefing.meta.pageNumbers, ...numbersOf(bare.deck.html)]).toEqual([false, null, null]);
    const later = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\nmarp: true\n---\n\n# One\n\n---\n\n<!-- paginate: true -->\n\n# Two\n\n---\n\n# Three\n' }, 'marp-paginated-later'), 'deck.md'));
    expect(numbersOf(later.deck.html)).toEqual([null, '2 / 3', '3 / 3']);
    // A deck of briefdeck's own (a folder with a briefing.yml) numbers its pages, though a section borrows Marp's directives.
    const own = await buildDeck(writeBriefing({ 'briefing.yml': 'title: Own\n', 'a.md': '<!-- _class: lead -->\n\n## One\n\nText.\n' }, 'own-numbered'));
    expect([own.briefing.meta.peerTools, own.briefing.meta.pageNumbers, own.briefing.slides.at(-1)!.look?.className]).toEqual([['Marp'], true, 'lead']);
  });

  it("reveal.js and the tools built on it (Quarto, Pandoc, reveal-md, Slidev) number no slide unless the deck asks, as they number none; remark's and briefdeck's own decks keep their numbers", async () => {
    const numbered = (html: string) => html.includes('class="footer-number"');
    const build = async (name: string, files: Record<string, string>, file?: string) => {
      const built = await buildDeck(file ? path.join(writeBriefing(files, name), file) : writeBriefing(files, name));
      return [built.briefing.meta.peerTools.join(), numbered(built.deck.html)];
    };
    const page = (options: string) => `<html><head><title>P</title></head><body><div class="reveal"><div class="slides"><section><h2>One</h2><p>Text</p></section><section><h2>Two</h2></section></div></div><script>Reveal.initialize({ ${options} });</script></body></html>`;
    expect(await build('quarto-unnumbered', { 'deck.qmd': '---\ntitle: Q\nformat: revealjs\n---\n\n## One\n\nText.\n' }, 'deck.qmd')).toEqual(['Quarto', false]);
    expect(await build('quarto-numbered', { 'deck.qmd': '---\ntitle: Q\nformat:\n  revealjs:\n    slide-number: c/t\n---\n\n## One\n\nText.\n' }, 'deck.qmd')).toEqual(['Quarto', true]);
    expect(await build('pandoc-unnumbered', { 'deck.md': '---\ntitle: P\n---\n\n## One\n\nText.\n\n::: notes\nSaid.\n:::\n' }, 'deck.md')).toEqual(['Pandoc', false]);
    expect(await build('reveal-md-unnumbered', { 'deck.md': '---\ntitle: R\nrevealOptions:\n  transition: fade\n---\n\n## One\n\nText.\n' }, 'deck.md')).toEqual(['reveal-md', false]);
    expect(await build('slidev-unnumbered', { 'slides.md': '---\ntitle: S\nlayout: cover\n---\n\n# One\n\n---\n\n# Two\n' }, 'slides.md')).toEqual(['Slidev', false]);
    expect(await build('reveal-page-unnumbered', { 'index.html': page('hash: true') }, 'index.html')).toEqual(['reveal.js', false]);
    expect(await build('reveal-page-numbered', { 'index.html': page("slideNumber: 'c/t'") }, 'index.html')).toEqual(['reveal.js', true]);
    // remark (xaringan) numbers every slide, as briefdeck's own folder does, though a section borrows Quarto's syntax.
    expect(await build('remark-numbered', { 'deck.md': 'class: center, middle\n\n# One\n\n---\n\n# Two\n\n???\n\nSaid.\n' }, 'deck.md')).toEqual(['remark', true]);
    expect(await build('own-numbered-quarto-syntax', { 'briefing.yml': 'title: Own\n', 'a.md': '## One\n\n::: notes\nSaid.\n:::\n' })).toEqual([expect.any(String), true]);
  });

  it("a deck written for another tool shows in its footer only the footer it gives, never the section's name or the deck's title, which no such tool repeats under every slide; briefdeck's own folder keeps them", async () => {
    const footersOf = (html: string) => [...html.matchAll(/<span class="footer-section">([^<]*)<\/span>/g)].map((m) => m[1]);
    // Slidev's title: is the page's title; Quarto's and Pandoc's are their title slide's, with sections of #.
    const slidev = await buildDeck(path.join(writeBriefing({ 'slides.md': '---\ntitle: Summit diplomacy\nlayout: cover\n---\n\n# One\n\n---\n\n# Two\n' }, 'slidev-no-footer'), 'slides.md'));
    expect([slidev.briefing.meta.peerTools, footersOf(slidev.deck.html)]).toEqual([['Slidev'], ['', '']]);
    // A footer with nothing in it draws no rule either, as Slidev draws none; one with text or a number keeps it.
    const footerClasses = (html: string) => [...html.matchAll(/<footer class="([^"]*)"/g)].map((m) => m[1]);
    expect(footerClasses(slidev.deck.html)).toEqual(['deck-footer footer-empty', 'deck-footer footer-empty']);
    const quarto = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '---\ntitle: Review\n---\n\n# Part\n\n## Slide\n\nText.\n' }, 'quarto-no-footer'), 'deck.qmd'));
    expect(footersOf(quarto.deck.html)).toEqual(['', '', '']);
    // The footer a deck gives shows, as its tool shows it.
    const given = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '---\ntitle: Review\nformat:\n  revealjs:\n    footer: Internal\n---\n\n# Part\n\n## Slide\n\nText.\n' }, 'quarto-footer-given'), 'deck.qmd'));
    expect(footersOf(given.deck.html)).toEqual(['Internal', 'Internal', 'Internal']);
    expect(footerClasses(given.deck.html)).toEqual(['deck-footer', 'deck-footer', 'deck-footer']);
    // briefdeck's own folder, though a section borrows Marp's directives (and so is cut as Marp cuts): the deck's title.
    const own = await buildDeck(writeBriefing({ 'briefing.yml': 'title: Own\nagenda: false\n', 'a.md': '# Part\n\n<!-- _class: lead -->\n\n## One\n\nText.\n' }, 'own-footer'));
    expect([own.briefing.meta.peerTools, footersOf(own.deck.html)]).toEqual([['Marp'], ['Own']]);
  });

  it('Slidev: the last comment block of a slide is its note; earlier comments are not', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'slidev-notes.md'));
    expect(notesOf(built)).toEqual(['The presenter says this.', null]);
    const handout = await buildDeck(path.join(DIALECTS, 'slidev-notes.md'), { handout: true });
    expect(handout.deck.html).not.toContain('The presenter says this.');
  });

  it("Slidev: a comment that something left out follows (a component, a style, a snippet that cannot be read) is no note, as in Slidev, where that something still follows it; nor is it shown", async () => {
    const deck = ['---', 'theme: seriph', '---', '', '# Component', '', 'Text', '', '<!-- hidden: a component follows -->', '', '<PoweredBySlidev mt-10 />', '', '---', '', '# Style', '', '<!-- hidden: a style follows -->', '', '<style>', 'h1 { color: teal; }', '</style>', '', '---', '', '# Snippet', '', '<!-- hidden: a snippet follows -->', '<<< @/snippets/missing.ts', '', '---', '', '# Note', '', 'Body', '', '<!-- the note -->', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'slidev-comment-before-left-out'), 'slides.md'));
    expect(notesOf(built)).toEqual([null, null, null, 'the note']);
    expect(built.deck.html).not.toMatch(/hidden: a (?:component|style|snippet) follows/);
  });
});

describe('Pandoc and reveal structure', () => {
  it('columns, incremental divs, other divs, pauses, heading attributes and vertical separators: no peer syntax reaches the slide', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'pandoc-structure.md'));
    const content = built.briefing.slides.filter((s) => s.kind === 'content');
    expect(content.map((s) => [s.title, s.layout, s.vertical ?? false])).toEqual([
      ['Two sides', 'two-column', false],
      ['Steps', 'content', false],
      ['After a vertical separator', 'content', true],
      ['After reveal-md\u2019s marker', 'content', true],
    ]);
    // {.smaller} on the heading is the slide's class; the pause makes what follows it the next build step.
    expect(content[0]!.look).toEqual({ className: 'smaller' });
    expect(content[1]!.bodyHtml).toMatch(/<div class="fragment">[\s\S]*Inside a callout\.[\s\S]*<\/div>/);
    // The two slides after vertical separators sit below "Steps", in one stack.
    const stacks = stackTitles(built.deck.html);
    expect(stacks).toEqual([['Steps', 'After a vertical separator', 'After reveal-md\u2019s marker']]);
    // Where each slide sits in reveal's grid: the shots and the overflow check visit them in this order.
    expect(slideIndices(built.briefing.slides)).toEqual([
      { h: 0, v: 0 },
      { h: 1, v: 0 },
      { h: 2, v: 0 },
      { h: 2, v: 1 },
      { h: 2, v: 2 },
    ]);
    expect(content[0]!.columns).toHaveLength(2);
    expect(content[0]!.columns![0]).toContain('Left side.');
    expect(content[0]!.columns![1]).toContain('Right side.');
    expect(content[1]!.bodyHtml).toContain('<li class="fragment">first</li>');
    expect(content[1]!.bodyHtml).toContain('Inside a callout.');
    for (const slide of content) expect(slide.bodyHtml).not.toMatch(/:::|\{\.|\. \. \.|<p>--<\/p>|<!--v-->/);
    // A callout is a box of its own, titled by its kind.
    expect(content[1]!.bodyHtml).toContain('<div class="callout callout-note"><p class="callout-title">Note</p><p>Inside a callout.</p>');
    expect(built.warnings).toEqual([]);
  });
});

describe('Slidev per-slide front matter and Marp image keywords', () => {
  it("Slidev's block frontmatter: a ```yaml block opening a slide is its front matter, and tells a Slidev deck; one later on is code", async () => {
    const deck = ['# One', '', '---', '', '```yaml', 'layout: center', 'class: text-center', '```', '', '# Two', '', 'Centred.', '', '---', '', '# Three', '', '```yaml', 'a: 1', '```', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'slidev-block-frontmatter'), 'slides.md'));
    expect(built.briefing.meta.peerTools).toContain('Slidev');
    expect(built.briefing.slides.map((s) => [s.title, s.look?.className ?? null])).toEqual([['One', null], ['Two', 'lead text-center'], ['Three', null]]);
    expect(built.briefing.slides[1]!.bodyHtml).not.toMatch(/layout|class:/);
    expect(built.briefing.slides[2]!.bodyHtml).toContain('<code class="hljs language-yaml">');
  });

  it('Slidev cuts at a line opening with --- and more (`--- #9`, an author\'s note), its front matter after it as after ---; in a deck of another tool such a line is text', async () => {
    const deck = ['---', 'theme: seriph', '---', '', '# One', '', '--- #9', 'class: text-center', '---', '', '# Two', '', '--- part three', '', '# Three', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'slidev-noted-cut'), 'slides.md'));
    expect(built.briefing.slides.map((s) => [s.title, s.look?.className ?? null])).toEqual([['One', null], ['Two', 'text-center'], ['Three', null]]);
    for (const slide of built.briefing.slides) expect(`${slide.titleHtml}${slide.bodyHtml}`).not.toMatch(/#9|class:|part three|---/);
    const own = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: T\n---\n\n## One\n\n--- a dash of text\n' }, 'own-dash-text'), 'deck.md'));
    expect([own.briefing.slides.length, toPlainText(own.briefing.slides.at(-1)!.bodyHtml).trim()]).toEqual([2, '— a dash of text']);
  });

  it("Slidev: a YAML comment in a slide's front matter (`# the page it shows`) is no title, and a key may have a space before its colon; a slide whose text is not front matter keeps its # title", async () => {
    const deck = [
      '---', 'theme: seriph', '---', '', '# One', '',
      '---', 'layout: center', '# the class of the content', 'class: text-center', 'align : rm-lm', '---', '', '# Two', '',
      '---', '# Three', 'Sorted: by date', '---', '', 'Text of four.', '',
      '```yaml', '---', 'layout: center', '# a comment in code', '---', '```', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'slidev-matter-comments'), 'slides.md'));
    expect(built.briefing.slides.map((s) => [s.title, s.layout, s.look?.className ?? null])).toEqual([
      ['One', 'content', null],
      ['Two', 'content', 'lead text-center'],
      ['Three', 'content', null],
      [null, 'content', null],
    ]);
    const text = built.briefing.slides.map((s) => toPlainText(`${s.titleHtml ?? ''} ${s.bodyHtml}`));
    for (const shown of text.slice(0, 2)) expect(shown).not.toMatch(/layout|class|align|rm-lm|content/);
    expect(text[2]).toContain('Sorted: by date');
    // In code, a comment stays as written.
    expect(text[3]).toContain('# a comment in code');
  });

  it("Slidev's front matter comments are found in one pass over the deck, however many slides it has: 150,000 cut at --- then a # title", { timeout: scaled(10_000) }, () => {
    // Each --- looked along the deck from its start for the next would take minutes here.
    const lines = Array.from({ length: 150_000 }, (_, i) => ['---', `# Title ${i}`, 'text']).flat();
    const read = blankFrontMatterComments([...lines, '---', 'layout: center', '# a comment', '---'], true);
    expect(read.slice(0, 6)).toEqual(lines.slice(0, 6));
    expect(read.slice(-3)).toEqual(['layout: center', '', '---']);
  });

  it('Slidev: a slide\'s own front matter sets its layout, ::right:: splits the columns, and nothing of it shows', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'slidev-layouts.md'));
    const content = built.briefing.slides.filter((s) => s.kind === 'content');
    expect(content.map((s) => [s.title, s.layout])).toEqual([
      ['Opening', 'content'],
      ['Both sides', 'two-column'],
      ['A quote', 'quote'],
    ]);
    expect(content[1]!.columns!.map((c) => c.replace(/<[^>]+>|\n/g, ''))).toEqual(['Left words.', 'Right words.']);
    for (const slide of content) expect(slide.bodyHtml).not.toMatch(/layout:|class:|::right::/);
    // class: goes through the same allowlist as reveal's .slide:, which has Slidev's text-center (its starter's cover) on it.
    expect(built.warnings).toEqual([]);
    expect(content.find((s) => s.look?.className?.includes('text-center'))).toBeDefined();
  });

  it("Slidev: a slide's utility classes (class: text-left px-20 text-red-500) set its body, title and all, as Slidev sets them on its layout; a class neither a utility nor the deck's is named", async () => {
    const deck = ['---', 'theme: seriph', 'layout: cover', 'class: text-left space-y-2', '---', '', '# Cover', '', '---', 'class: px-20 text-red-500 made-up', '---', '', '# Two', '', 'Text', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'slidev-slide-utilities'), 'slides.md'));
    expect(built.briefing.slides.map((s) => s.look?.authorClass)).toEqual(['text-left space-y-2', 'px-20 text-red-500']);
    const css = built.briefing.authorCss ?? '';
    expect(css).toContain('.reveal .slides section[data-author-class~="text-left"] .slide-body{text-align:left}');
    expect(css).toContain('.reveal .slides section[data-author-class~="px-20"] .slide-body{padding-left:104.49px;padding-right:104.49px}');
    // Space between children, between the slide body's.
    expect(css).toContain('.reveal .slides section[data-author-class~="space-y-2"] .slide-body > * + *{margin-top:10.449px}');
    expect(built.deck.html).toContain('data-author-class="px-20 text-red-500"');
    expect(built.warnings.filter((w) => w.code !== 'W_META_IGNORED').map((w) => `${w.line}: ${w.message}`)).toEqual(['10: slide settings class made-up are not supported and were left out']);
    // In a deck for another tool, a utility's name is no class of the slide's.
    const marp = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\nmarp: true\n---\n\n<!-- _class: text-left -->\n\n# One\n' }, 'marp-slide-utility'), 'deck.md'));
    expect([marp.briefing.slides[0]!.look?.authorClass, marp.warnings.map((w) => w.message)]).toEqual([undefined, ['slide settings class text-left are not supported and were left out']]);
  });

  it("Marp: several ![bg] pictures on a slide stand side by side behind its content (one over another with vertical), past four a warning; one alone is the slide's background", async () => {
    const png = readFileSync(path.join(FIXTURES, 'layouts', 'square.png'));
    const deck = '---\nmarp: true\n---\n\n![bg](a.png)\n![bg](b.png)\n\n# Two backgrounds\n\n---\n\n![bg vertical](a.png)\n![bg](b.png)\n![bg](a.png)\n![bg](b.png)\n![bg](a.png)\n\n# Five\n\n---\n\n![bg](a.png)\n\n# One\n';
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck, 'a.png': png, 'b.png': png }, 'marp-two-bg'), 'deck.md'));
    const [two, five, one] = built.briefing.slides;
    expect(two!.look?.backgroundImage).toBeUndefined();
    expect([...two!.bodyHtml.matchAll(/class="(bg-multi[^"]*)"/g)].map((m) => m[1])).toEqual(['bg-multi bg-multi-2-1', 'bg-multi bg-multi-2-2']);
    expect([...five!.bodyHtml.matchAll(/class="(bg-multi[^"]*)"/g)].map((m) => m[1])).toEqual([1, 2, 3, 4].map((n) => `bg-multi bg-multi-4-${n} bg-multi-vertical`));
    expect(one!.look?.backgroundImage).toBeDefined();
    expect(one!.bodyHtml).not.toContain('bg-multi');
    expect(built.warnings.map((w) => [w.line, w.message])).toEqual([[16, "a slide shows at most 4 background pictures; Marp's further ones were left out"]]);
  });

  it("Marp: a size in any of CSS's lengths Marp takes sizes the picture (the page's as pixels, the text's or slide's as CSS), and w:auto is no alt text; a viewport length is not Marp's and stays", async () => {
    const deck = ['---', 'marp: true', '---', '', '## Sizes', '', '![w:200 h:2em](dot.svg) ![width:5cm](dot.svg) ![w:auto Alt text](dot.svg) ![w:.5in](dot.svg) ![h:50%](dot.svg) ![w:100px h:30vh](dot.svg)', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck, 'dot.svg': readFileSync(path.join(DIALECTS, 'dot.svg')) }, 'marp-lengths'), 'deck.md'));
    const pictures = [...built.briefing.slides.find((s) => s.title === 'Sizes')!.bodyHtml.matchAll(/<img src="briefdeck-asset:\d+" ([^>]*)>/g)].map((m) => m[1]);
    expect(pictures).toEqual(['alt="" width="200" style="height:2em"', 'alt="" width="188.98"', 'alt="Alt text"', 'alt="" width="48"', 'alt="" style="height:50%"', 'alt="h:30vh" width="100"']);
  });

  it('Marp: w: and h: size the image, bg makes a background or a split, and no keyword is alt text', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'marp-images.md'));
    expect(built.briefing.images.map((i) => i.alt)).toEqual(['A dot', '', '']);
    const pictures = built.briefing.slides.find((s) => s.title === 'Pictures')!;
    expect(pictures.bodyHtml).toMatch(/alt="A dot" width="300"/);
    // `![bg right:40%]`: the picture fills the right 40% and the content keeps the rest.
    expect(pictures.bodyHtml).toMatch(/<img src="briefdeck-asset:1" alt="" class="bg-split bg-split-right bg-split-40">/);
    // `![bg]`: the slide's background, through reveal's data-background-image, as a data URI.
    const backed = built.briefing.slides.find((s) => s.title === 'Backed')!;
    // `fit` shows all of the picture (Marp's default, `cover`, fills the slide).
    expect(backed.look).toEqual({ backgroundImage: 2, backgroundSize: 'contain' });
    expect(backed.bodyHtml).not.toContain('<img');
    expect(built.deck.html).toMatch(/data-background-image="data:image\/svg\+xml;base64,[^"]*" data-background-size="contain"/);
    expect(built.warnings).toEqual([]);
  });

  it("Marp's empty footer takes the deck's footer off its slide (_footer: \"\"), or off the slides after it (footer: \"\"), as in Marp", async () => {
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'marp: true', 'footer: Deck footer', '---', '', '<!-- _footer: "" -->', '', '# Cover', '', '---', '', '# Two', '', '---', '', '<!-- footer: "" -->', '', '# Three', '', '---', '', '# Four', ''].join('\n') }, 'marp-empty-footer'), 'deck.md'));
    expect(built.briefing.slides.map((s) => s.footerText)).toEqual(['', undefined, '', '']);
    expect([...built.deck.html.matchAll(/<span class="footer-section">([^<]*)<\/span>/g)].map((m) => m[1])).toEqual(['', 'Deck footer', '', '']);
    expect(built.warnings).toEqual([]);
  });

  it('math that does not parse in a deck for another tool is shown as its TeX, with a warning at its line, as those tools show it and build on (in briefdeck\'s own deck it is an error: test/fixtures/errors/math-unparsable)', async () => {
    const deck = ['---', 'marp: true', 'math: katex', '---', '', '# Rate', '', 'The rate is $\\frac{1}{x$ a year, and $x^2$ is fine.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'marp-bad-math'), 'deck.md'));
    const body = built.briefing.slides[0]!.bodyHtml;
    expect(body).toContain('<code>\\frac{1}{x</code>');
    expect(built.deck.html).toContain('class="katex"');
    expect(built.warnings.map((w) => `${w.code} ${w.line}: ${w.message}`)).toEqual(["W_PEER_SYNTAX 8: math does not parse: Unexpected end of input in a macro argument, expected '}' at end of input: \\frac{1}{x; the formula is shown as its TeX"]);
  });

  it("an equation's \\label{…} (LaTeX's and MathJax's name for references) draws nothing, as there, and the formula is typeset: KaTeX, which has no \\label, failed on it", async () => {
    const deck = ['---', 'title: M', '---', '', '## Eq', '', '$$', '\\begin{aligned} a &= b \\label{eq:one} \\\\ c &= d \\end{aligned}', '$$', '', 'Inline $x = 1 \\label{x}$.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'math-label'), 'deck.md'));
    const body = built.briefing.slides.find((s) => s.title === 'Eq')!.bodyHtml;
    expect(body.match(/class="katex"/g)).toHaveLength(2);
    expect(toPlainText(body.replace(/<annotation[^>]*>[\s\S]*?<\/annotation>/g, ''))).not.toMatch(/label|eq:one/);
    expect(built.warnings).toEqual([]);
  });

  it("Marp's math: katex (or mathjax) is read, not warned of: math is typeset with KaTeX at build time either way", async () => {
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'marp: true', 'math: mathjax', '---', '', '# One', '', '$x^2$', ''].join('\n') }, 'marp-math'), 'deck.md'));
    expect(built.warnings).toEqual([]);
    expect(built.briefing.slides[0]!.bodyHtml).toContain('class="katex"');
  });

  it("Marp's front matter: _class: lead and its kin set the first slide only, as in Marp's own example deck; backgroundImage: url(…) of a picture in the folder, or a gradient, every slide's, and a remote one is never fetched", async () => {
    const deck = ['---', 'marp: true', '_class: lead', '_paginate: false', '_backgroundColor: "#123"', 'paginate: true', "backgroundImage: url('dot.svg')", '---', '', '# One', '', '---', '', '<!-- _class: invert -->', '', '# Two', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck, 'dot.svg': readFileSync(path.join(DIALECTS, 'dot.svg')) }, 'marp-front-first'), 'deck.md'));
    expect(built.briefing.slides.map((s) => [s.title, s.look?.className, s.look?.backgroundColor, s.look?.backgroundImage !== undefined, s.pageNumber])).toEqual([
      ['One', 'lead', '#123', true, false],
      ['Two', 'invert', '#202228', true, undefined],
    ]);
    expect(built.warnings).toEqual([]);
    // A remote or missing picture every slide carries is one warning, at the line that names it, not one per slide.
    const remote = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'marp: true', "backgroundImage: url('https://example.com/hero.svg')", '---', '', '# One', '', '---', '', '# Two', '', '---', '', "<!-- backgroundImage: url('gone.png') -->", '', '# Three', '', '---', '', '# Four', ''].join('\n') }, 'marp-front-remote'), 'deck.md'));
    // The missing picture stays an image of each slide that carries it, left out when the images are loaded.
    expect(remote.briefing.slides.map((s) => s.look?.backgroundImage)).toEqual([undefined, undefined, 0, 1]);
    expect(remote.deck.html).not.toContain('example.com');
    expect(remote.warnings.map((w) => [w.code, w.line, w.message])).toEqual([
      ['W_REMOTE_IMAGE', 3, 'remote background image "https://example.com/hero.svg" was left out: a deck carries every picture it shows, and works offline'],
      ['W_IMAGE_MISSING', 14, 'image not found: gone.png; it was left out'],
    ]);
    // Written after another directive of the first slide's look (`_class: lead`), the picture is still named at its own line.
    const after = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'marp: true', '_class: lead', "backgroundImage: url('https://example.com/hero.svg')", '---', '', '# One', '', '---', '', '# Two', ''].join('\n') }, 'marp-front-remote-after'), 'deck.md'));
    expect(after.warnings.map((w) => [w.code, w.line])).toEqual([['W_REMOTE_IMAGE', 4]]);
  });

  it('a picture with no path in a Marp deck is left out with a warning at its line, its alt text in its place (in a deck of briefdeck\'s own it is an error)', async () => {
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'marp: true', '---', '', '# One', '', '![The chart]()', ''].join('\n') }, 'marp-no-path'), 'deck.md'));
    expect(built.warnings.map((w) => [w.code, w.line, w.message])).toEqual([['W_IMAGE_MISSING', 7, 'image with no path was left out']]);
    expect(built.briefing.slides[0]!.bodyHtml).toContain('<span class="missing-image">The chart</span>');
  });

  it("a background picture's size: Marp's auto, N% and backgroundSize directive, reveal's data-background-size, Quarto's background-size; a size that is not one is a warning", async () => {
    const marp = await buildDeck(path.join(writeBriefing({
      'deck.md': ['---', 'marp: true', '---', '', '![bg 40%](dot.svg)', '', '# One', '', '---', '', '![bg auto sepia](dot.svg)', '', '# Two', '', '---', '', '<!-- _backgroundImage: url(dot.svg) -->', '<!-- _backgroundSize: 200px 100px -->', '', '# Three', '', '---', '', '<!-- _backgroundImage: url(dot.svg) -->', '<!-- _backgroundSize: "calc(1px); x" -->', '', '# Four', ''].join('\n'),
      'dot.svg': readFileSync(path.join(DIALECTS, 'dot.svg')),
    }, 'marp-bg-size'), 'deck.md'));
    expect(marp.briefing.slides.map((s) => s.look?.backgroundSize)).toEqual(['40%', 'auto', '200px 100px', undefined]);
    // Directives are read as each slide is cut, before its pictures are: their warnings come first.
    expect(marp.warnings.map((w) => [w.line, w.message])).toEqual([[25, 'Marp\'s backgroundSize: calc(1px); x is not a size briefdeck can set, and was left out']]);
    const quarto = await buildDeck(path.join(writeBriefing({ 'deck.qmd': ['---', 'title: Q', '---', '', '## Shown {background-image="dot.svg" background-size="contain"}', '', 'Text.', ''].join('\n'), 'dot.svg': readFileSync(path.join(DIALECTS, 'dot.svg')) }, 'quarto-bg-size'), 'deck.qmd'));
    expect(quarto.briefing.slides.find((s) => s.title === 'Shown')!.look?.backgroundSize).toBe('contain');
    expect(quarto.warnings).toEqual([]);
  });

  it("Marp's image filters: on a picture, a background, a split and pictures side by side, each different one a class whose rule the deck writes from the checked values; an argument CSS would not take is a warning", async () => {
    const pic = readFileSync(path.join(FIXTURES, 'layouts', 'square.png'));
    const built = await buildDeck(path.join(writeBriefing({
      'deck.md': ['---', 'marp: true', '---', '', '# Inline', '', '![sepia blur:2px w:100](a.png) ![grayscale](a.png) ![blur:1px;}body{color:red](a.png)', '', '---', '', '![bg brightness:.5](a.png)', '', '# Dark', '', '---', '', '![bg right drop-shadow](a.png)', '', '# Split', '', '---', '', '![bg grayscale](a.png)', '![bg](a.png)', '', '# Two', ''].join('\n'),
      'a.png': pic,
    }, 'marp-filters'), 'deck.md'));
    expect(built.briefing.imageFilters).toEqual(['sepia(1) blur(2px)', 'grayscale(1)', 'brightness(.5)', 'drop-shadow(0 5px 10px rgba(0,0,0,.4))']);
    const [inline, dark, split, two] = built.briefing.slides;
    expect([...inline!.bodyHtml.matchAll(/<img [^>]*>/g)].map((m) => /class="([^"]*)"/.exec(m[0])?.[1] ?? '')).toEqual(['image-filter-0', 'image-filter-1', '']);
    expect(dark!.look?.backgroundFilter).toBe(2);
    expect(split!.bodyHtml).toContain('class="bg-split bg-split-right bg-split-50 image-filter-3"');
    expect(two!.bodyHtml).toContain('class="bg-multi bg-multi-2-1 image-filter-1"');
    expect(two!.bodyHtml).toContain('class="bg-multi bg-multi-2-2"');
    // The rules, and the class reveal copies from the slide onto its background.
    expect(built.deck.html).toContain('.reveal .slides img.image-filter-2,.reveal .backgrounds .image-filter-2>.slide-background-content{filter:brightness(.5)}');
    expect(built.deck.html).toMatch(/<section class="[^"]*\bimage-filter-2"[^>]*data-background-image=/);
    expect(built.deck.html).not.toContain('color:red');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['7: Marp image keywords blur:1px;}body{color:red are not supported yet; the image is shown in place']);
  });

  it('a folder briefing: a file\'s own front matter names its tool and is never a slide', async () => {
    const dir = writeBriefing({ 'briefing.yml': 'title: Folder\n', 'a.md': '---\nmarp: true\ntheme: gaia\n---\n\n## One\n\nText.\n\n<!-- A Marp note. -->\n' }, 'folder-front-matter');
    const built = await buildDeck(dir);
    const one = built.briefing.slides.find((s) => s.title === 'One')!;
    expect(built.briefing.slides.filter((s) => s.kind === 'content')).toHaveLength(1);
    expect(one.notes?.markdown).toBe('A Marp note.');
    expect(built.deck.html).not.toContain('theme: gaia');
    expect(built.warnings.map((w) => `${w.line}: ${w.code}`)).toEqual(['1: W_META_IGNORED']);
  });

  it('Marp and Slidev: slides are cut at --- only, and a slide\'s first heading of either level is its title', async () => {
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\nmarp: true\n---\n\n# <!--fit--> Big title\n\nOpening.\n\n---\n\n## Code\n\nText.\n\n### A subheading\n\nMore.\n' }, 'marp-levels'), 'deck.md'));
    expect(built.briefing.slides.map((s) => [s.kind, s.title])).toEqual([
      ['content', 'Big title'],
      ['content', 'Code'],
    ]);
    expect(built.briefing.slides[1]!.bodyHtml).toContain('<h3>A subheading</h3>');
  });

  it("Marp's headingDivider cuts before a heading only after something the slide shows: directives over several lines, a note and a style before the first heading are its slide's, as in Marp", async () => {
    const deck = [
      '---', 'marp: true', '---', '', '<!--', 'paginate: true', 'headingDivider: 2', "footer: 'Course'", '-->', '', ' <!-- ', ' a note before the title', ' -->', '',
      '<style>', 'section h1 { color: navy; }', '</style>', '', '# Part 8', '', 'Intro text.', '', '---', '', 'After a rule.', '', '# Service workers', '', 'Text.', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'marp-divider-first'), 'deck.md'));
    expect(built.briefing.slides.map((s) => [s.title, s.notes?.markdown ?? null])).toEqual([
      ['Part 8', 'a note before the title'],
      [null, null],
      ['Service workers', null],
    ]);
  });

  it('Marp: a heading never cuts a slide, even after a background image or a first heading; headingDivider: 1 does cut at #', async () => {
    const deck = '---\nmarp: true\n_class: lead\n---\n\n![bg left:40%](dot.svg)\n\n# **Marp**\n\nOpening.\n\n# Second heading\n\nStill the first slide.\n\n---\n\n# Next\n';
    const files = { 'deck.md': deck, 'dot.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>' };
    const built = await buildDeck(path.join(writeBriefing(files, 'marp-bg-title'), 'deck.md'));
    expect(built.briefing.slides.map((s) => s.title)).toEqual(['Marp', 'Next']);
    expect(built.briefing.slides[0]!.bodyHtml).toMatch(/bg-split-left bg-split-40[\s\S]*<p>Opening.<\/p>[\s\S]*<h1>Second heading<\/h1>/);
    // A first-slide-only directive in front matter is Marp's, never an unknown key: it sets the first slide.
    expect(built.warnings).toEqual([]);
    expect(built.briefing.slides.map((s) => s.look?.className)).toEqual(['lead', undefined]);
    const divided = await buildDeck(path.join(writeBriefing({ ...files, 'deck.md': deck.replace('_class: lead', 'headingDivider: 1') }, 'marp-divider'), 'deck.md'));
    expect(divided.briefing.slides.map((s) => s.title)).toEqual([null, 'Marp', 'Second heading', 'Next']);
    expect(divided.warnings).toEqual([]);
    // headingDivider: 2 cuts at # and ##; a list names the levels that cut, here # and ###.
    const levels = '---\nmarp: true\nheadingDivider: DIVIDER\n---\n\n# One\n\n## Two\n\n### Three\n\nText.\n';
    const two = await buildDeck(path.join(writeBriefing({ 'deck.md': levels.replace('DIVIDER', '2') }, 'marp-divider-2'), 'deck.md'));
    expect(two.briefing.slides.map((s) => s.title)).toEqual(['One', 'Two']);
    expect(two.briefing.slides[1]!.bodyHtml).toContain('<h3>Three</h3>');
    const listed = await buildDeck(path.join(writeBriefing({ 'deck.md': levels.replace('DIVIDER', '[1, 3]') }, 'marp-divider-list'), 'deck.md'));
    expect(listed.briefing.slides.map((s) => s.title)).toEqual(['One', 'Three']);
    expect(listed.briefing.slides[0]!.bodyHtml).toContain('<h2>Two</h2>');
    expect([two.warnings, listed.warnings]).toEqual([[], []]);
    // Directives and notes before the first heading are hidden in Marp, so that heading names the first slide rather than cutting.
    const directed = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\nmarp: true\nheadingDivider: 2\n---\n\n<!-- _class: lead -->\n<!-- Opening words. -->\n\n# <!--fit--> Cover\n\n## Next\n' }, 'marp-divider-directives'), 'deck.md'));
    // Marp's fit keyword in a heading is never part of its text: the title is fitted to its line.
    expect(directed.briefing.slides[0]!.titleHtml).toBe('<span class="r-fit-text">Cover</span>');
    expect(directed.briefing.slides.map((s) => [s.title, s.look?.className, s.notes?.markdown])).toEqual([
      ['Cover', 'lead', 'Opening words.'],
      ['Next', undefined, undefined],
    ]);
  });

  it('emoji shortcodes, as GitHub, Marp and Slidev render them: a known name is its emoji, anything else stays text', async () => {
    const deck = '---\nmarp: true\n---\n\n# Launch :rocket:\n\nVery simple! :satisfied: :not_an_emoji: at 10:30:45, and `:smile:` in code.\n';
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'emoji'), 'deck.md'));
    const [slide] = built.briefing.slides;
    expect(slide!.title).toBe('Launch 🚀');
    expect(slide!.bodyHtml).toContain('<p>Very simple! 😆 :not_an_emoji: at 10:30:45, and <code>:smile:</code> in code.</p>');
  });

  it('reveal-md: its deck opens with a # slide and goes on in ## slides, all cut at ---, with no section or agenda made of them', async () => {
    const deck = '---\ntitle: R\nrevealOptions:\n  transition: fade\n---\n\n# Opening\n\nSubtitle.\n\nNote: Said first.\n\n---\n\n## Second\n\nText.\n\n----\n\n## Below\n\nMore.\n';
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'reveal-md-levels'), 'deck.md'));
    expect(built.briefing.slides.map((s) => [s.kind, s.title])).toEqual([['content', 'Opening'], ['content', 'Second'], ['content', 'Below']]);
    expect(built.briefing.slides.map((s) => s.section)).toEqual([null, null, null]);
    expect(built.briefing.slides[0]!.notes?.markdown).toBe('Said first.');
    expect(built.briefing.slides[2]!.vertical).toBe(true);
  });

  it('reveal-md: separators that say what briefdeck cuts at anyway (its defaults, however YAML quotes them, and <!--s-->) need no warning; another pattern is one', async () => {
    const warned = async (frontMatter: string, name: string) => (await buildDeck(path.join(writeBriefing({ 'deck.md': `---\ntitle: R\n${frontMatter}---\n\n# One\n\nText.\n` }, name), 'deck.md'))).warnings.map((w) => `${w.line}: ${w.message}`);
    expect(await warned('separator: "^\\r?\\n---\\r?\\n$"\nverticalSeparator: \'^\\n----\\n$\'\nnotesSeparator: "^Note:"\n', 'reveal-md-separators')).toEqual([]);
    expect(await warned('separator: <!--s-->\nverticalSeparator: <!--v-->\n', 'reveal-md-comment-separators')).toEqual([]);
    expect(await warned('separator: "^(---|\\\\+\\\\+\\\\+)$"\n', 'reveal-md-odd-separator')).toEqual(['3: "separator" is reveal-md\'s metadata; briefdeck ignores it']);
  });

  it("reveal-md: separators of blank lines alone (reveal.js's own ^\\n\\n\\n and ^\\n\\n) cut at such runs, as reveal's plugin cuts them from a run's start, never inside code, every line keeping its number", async () => {
    const deck = [
      '---', 'title: R', 'separator: "^\\n\\n\\n"', 'verticalSeparator: "^\\n\\n"', '---', '',
      '# One', '', 'First paragraph.', '', 'Second paragraph.', '', '', '',
      '# Two', '', 'Text.', '', '',
      '## Below', '', '```', 'a', '', '', '', 'b', '```', '', 'Note: said below.', '', '', '', '', '',
      '# Three', '', 'Last. ![Missing](missing.png)', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'reveal-md-blank-separators'), 'deck.md'));
    // Five blank lines are one cut between slides (reveal's plugin cuts below one in the two left, an empty slide).
    expect(built.briefing.slides.map((s) => [s.title, s.vertical === true])).toEqual([['One', false], ['Two', false], ['Below', true], ['Three', false]]);
    expect(built.briefing.slides[0]!.bodyHtml).toMatch(/First paragraph\.[\s\S]*Second paragraph\./);
    expect(built.briefing.slides[2]!.bodyHtml).toContain('a\n\n\n\nb');
    expect(built.briefing.slides[2]!.notes?.markdown).toBe('said below.');
    expect(built.briefing.slides.map((s) => s.source.line)).toEqual([7, 15, 20, 36]);
    expect(built.warnings.map((w) => `${w.line}: ${w.code}`)).toEqual(['38: W_IMAGE_MISSING']);
  });

  it("reveal-md: its own separators of one line of text (+++, a swapped ----), however YAML writes the line breaks, cut there as --- and -- do, never inside code", async () => {
    const deck = [
      '---', 'title: R', 'separator: "^\\r?\\n\\\\+\\\\+\\\\+\\r?\\n$"', "verticalSeparator: '^(\\r\\n?|\\n)====(\\r\\n?|\\n)$'", '---', '',
      '# One', '', 'Text.', '', '+++', '', '# Two', '', '====', '', '## Below', '', 'Note: said below.', '', '+++', '', '# Three', '', '```', '+++', '```', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'reveal-md-own-separators'), 'deck.md'));
    expect(built.warnings.map((w) => w.message)).toEqual([]);
    expect(built.briefing.slides.map((s) => [s.title, s.vertical === true])).toEqual([['One', false], ['Two', false], ['Below', true], ['Three', false]]);
    expect(built.briefing.slides[2]!.notes?.markdown).toBe('said below.');
    expect(built.briefing.slides.map((s) => s.bodyHtml).join('')).not.toMatch(/\+\+\+<\/p>|====/);
    expect(built.briefing.slides[3]!.bodyHtml).toContain('+++');
  });

  it("reveal-md: a separator the deck names replaces the default of its kind, so a --- or ---- line under <!--s--> and <!--v--> (or +++) is a thematic break, not a cut", async () => {
    const body = (between: string, below: string) => ['', '# One', '', 'Text.', '', '---', '', 'Still one.', '', between, '', '# Two', '', '----', '', 'Still two.', '', below, '', '## Below', ''];
    const comments = ['---', 'title: R', 'separator: <!--s-->', 'verticalSeparator: <!--v-->', '---', ...body('<!--s-->', '<!--v-->')].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': comments }, 'reveal-md-named-separators'), 'deck.md'));
    expect(built.briefing.slides.map((s) => [s.title, s.vertical === true])).toEqual([['One', false], ['Two', false], ['Below', true]]);
    expect(built.briefing.slides.map((s) => (s.bodyHtml.match(/<hr>/g) ?? []).length)).toEqual([1, 1, 0]);
    expect(built.briefing.slides[0]!.bodyHtml).toContain('Still one.');
    // A separator of its own text does the same for ---; ---- stays reveal-md's default cut below a slide, as the deck names no other.
    const plus = ['---', 'title: R', String.raw`separator: '^\n\+\+\+\n$'`, '---', ...body('+++', '--')].join('\n');
    const read = await buildDeck(path.join(writeBriefing({ 'deck.md': plus }, 'reveal-md-plus-separator'), 'deck.md'));
    expect(read.briefing.slides.map((s) => [s.title, s.vertical === true])).toEqual([['One', false], ['Two', false], [null, true], ['Below', true]]);
    expect(read.briefing.slides[0]!.bodyHtml).toMatch(/Text\.<\/p>\s*<hr>\s*<p>Still one\./);
  });

  it("reveal-md: reveal-md.json and reveal.json beside the deck set its separators, theme, title, style sheets and reveal.js's options under the front matter, whose keys win; what does nothing here is named at its line, what only reveal-md's server reads is not, and a file that does not parse is named", async () => {
    // No heading at all: only the blank-line separators of reveal-md.json cut this deck.
    const deck = ['Opening words.', '', '', '', 'Second words.', '', '', 'Below the second.', '', 'Note: said below.', '', '', '', 'Last words.', ''].join('\n');
    const config = ['{', '  "separator": "^\\n\\n\\n",', '  "verticalSeparator": "^\\n\\n",', '  "theme": "solarized",', '  "title": "Window title",', '  "port": 8080,', '  "static": "site",', '  "highlightTheme": "github",', '  "css": ["style.css", "missing.css"]', '}', ''].join('\n');
    const reveal = ['{', '  "transition": "convex",', '  "controls": false', '}', ''].join('\n');
    const dir = writeBriefing({ 'deck.md': deck, 'reveal-md.json': config, 'reveal.json': reveal, 'style.css': 'p { color: rgb(1, 2, 3) }' }, 'reveal-md-config');
    const built = await buildDeck(path.join(dir, 'deck.md'));
    expect(built.briefing.slides.map((s) => [toPlainText(s.bodyHtml).trim(), s.vertical === true])).toEqual([['Opening words.', false], ['Second words.', false], ['Below the second.', true], ['Last words.', false]]);
    expect(built.briefing.slides[2]!.notes?.markdown).toBe('said below.');
    expect([built.briefing.meta.theme, built.briefing.meta.title, built.briefing.meta.transition]).toEqual(['solarized', 'Window title', 'convex']);
    expect(built.briefing.meta.peerTools).toContain('reveal-md');
    expect(built.deck.html).toContain('<title>Window title');
    expect(built.warnings.map((w) => `${path.basename(w.file!)}:${w.line}: ${w.message}`)).toEqual([
      'reveal.json:3: reveal.js\'s option "controls" in reveal.json does nothing in briefdeck, and was left out',
      'reveal-md.json:8: reveal-md\'s option "highlightTheme" in reveal-md.json does nothing in briefdeck, and was left out',
      expect.stringMatching(/^reveal-md\.json:9: the style sheet missing\.css was left out: file not found: .*missing\.css$/),
    ]);
    // Its style sheets are read as the front matter's `css:` are, in a deck with no front matter too.
    expect(built.deck.html).toContain('color: rgb(1, 2, 3)');
    // The front matter's keys win: its theme, its transition and its separators (none of blank lines: the deck is one slide);
    // the file's vertical separator stands where the front matter names none.
    writeFileSync(path.join(dir, 'own.md'), `---\ntheme: white\nseparator: "^\\n---\\n$"\nverticalSeparator: "^\\n----\\n$"\nrevealOptions:\n  transition: zoom\n---\n\n${deck}`);
    const own = await buildDeck(path.join(dir, 'own.md'));
    expect([own.briefing.meta.theme, own.briefing.meta.transition, own.briefing.slides.length]).toEqual(['white', 'zoom', 1]);
    writeFileSync(path.join(dir, 'own.md'), `---\nseparator: "^\\n---\\n$"\n---\n\n${deck}`);
    expect((await buildDeck(path.join(dir, 'own.md'))).briefing.slides.map((s) => s.vertical === true)).toEqual([false, true, true, true]);
    // A file that does not parse sets nothing, and says where it stopped.
    writeFileSync(path.join(dir, 'reveal-md.json'), '{\n  "separator": "^\\n\\n\\n",\n  "theme": [\n}\n');
    const broken = await buildDeck(path.join(dir, 'deck.md'));
    expect(broken.briefing.slides).toHaveLength(1);
    expect(broken.warnings.map((w) => `${path.basename(w.file!)}:${w.line}: ${w.message}`)).toContainEqual("reveal-md.json:4: reveal-md.json is not a JSON object that can be read, so reveal-md's options in it do not apply");
    // Without the files, the deck is briefdeck's own Markdown, one slide.
    const plain = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'reveal-md-config-none'), 'deck.md'));
    expect([plain.briefing.slides.length, plain.briefing.meta.peerTools]).toEqual([1, []]);
  });

  it("Marp CLI's .marprc.yml beside a deck makes it Marp's and sets it under its front matter: html: true lets its raw HTML through, theme, title and author set the deck, what only Marp CLI uses is passed over and the rest named; marp.config.js is named, never run; a file that does not parse is named", async () => {
    const deck = '# Talk\n\n<div class="columns"><p>Left</p><p>Right</p></div>\n\n---\n\n<!-- A note -->\n## Second\n';
    const dir = writeBriefing({ 'deck.md': deck, '.marprc.yml': 'html: true\ntheme: gaia\ntitle: Summit talk\nauthor: The desk\nallowLocalFiles: true\nthemeSet: ./themes\nengine: ./engine.js\n' }, 'marp-config');
    const built = await buildDeck(path.join(dir, 'deck.md'));
    expect([built.briefing.meta.peerTools, built.briefing.meta.html, built.briefing.meta.title, built.briefing.meta.author, built.briefing.meta.theme]).toEqual([['Marp'], true, 'Summit talk', 'The desk', 'beige']);
    expect(built.briefing.slides[0]!.bodyHtml).toContain('<div class="columns"><p>Left</p><p>Right</p></div>');
    expect(built.briefing.slides.map((s) => s.notes?.markdown ?? null)).toEqual([null, 'A note']);
    expect(built.warnings.map((w) => `${path.basename(w.file!)}:${w.line}: ${w.message}`)).toEqual(['.marprc.yml:2: Marp\'s theme "gaia" is not built in; using beige', '.marprc.yml:7: Marp CLI\'s option "engine" in .marprc.yml does nothing in briefdeck, and was left out']);
    // The front matter's keys win, and the folder builds as the deck does.
    writeFileSync(path.join(dir, 'deck.md'), `---\nhtml: false\ntitle: Own title\n---\n\n${deck}`);
    const own = await buildDeck(dir);
    expect([own.name, own.briefing.meta.html, own.briefing.meta.title, own.briefing.slides.find((s) => s.title === 'Talk')!.bodyHtml.includes('<div class="columns">')]).toEqual(['marp-config', false, 'Own title', false]);
    const code = await buildDeck(path.join(writeBriefing({ 'deck.md': deck, 'marp.config.js': 'require("fs").writeFileSync("ran", "")\n' }, 'marp-config-code'), 'deck.md'));
    expect([code.briefing.meta.peerTools, code.briefing.meta.html, code.warnings.filter((w) => w.code === 'W_META_IGNORED').map((w) => w.message)]).toEqual([['Marp'], false, ["marp.config.js is Marp CLI's configuration in code, which briefdeck never runs, so its options do not apply"]]);
    const broken = await buildDeck(path.join(writeBriefing({ 'deck.md': deck, '.marprc': 'html: [\n' }, 'marp-config-broken'), 'deck.md'));
    expect(broken.warnings.map((w) => `${path.basename(w.file!)}: ${w.message}`)).toContainEqual(".marprc: .marprc is not a map of options that can be read, so Marp CLI's options in it do not apply");
  });

  it("Marp CLI's options in package.json's \"marp\" object are read first, as Marp CLI looks there first, and the engine's options: headingDivider cuts slides, html and lang set the deck, how Marp writes its HTML is passed over and the rest named at its line; a package.json without them is the deck's tooling, and its folder stays one deck of its files", async () => {
    const deck = '# One\n\n<b>Raw words</b>\n\n# Two\n\nText.\n';
    const pkg = ['{', '  "name": "talk",', '  "devDependencies": { "@marp-team/marp-cli": "^4.0.0" },', '  "marp": {', '    "title": "From package.json",', '    "options": {', '      "headingDivider": 1,', '      "html": true,', '      "lang": "de",', '      "inlineSVG": true,', '      "markdown": { "breaks": true }', '    }', '  }', '}', ''].join('\n');
    const dir = writeBriefing({ 'talk.md': deck, 'package.json': pkg, '.marprc.yml': 'title: From marprc\n' }, 'marp-package');
    const [folder, file] = await Promise.all([buildDeck(dir), buildDeck(path.join(dir, 'talk.md'))]);
    expect([file.briefing.meta.peerTools, file.briefing.meta.title, file.briefing.meta.html, file.briefing.meta.lang, file.briefing.slides.map((s) => s.title)]).toEqual([['Marp'], 'From package.json', true, 'de', ['One', 'Two']]);
    expect(file.briefing.slides[0]!.bodyHtml).toContain('<b>Raw words</b>');
    expect(file.warnings.map((w) => `${path.basename(w.file!)}:${w.line}: ${w.message}`)).toEqual([
      '.marprc.yml:1: .marprc.yml is not read: Marp CLI takes its options from the "marp" object of package.json, which it finds first',
      'package.json:11: Marp\'s option "options.markdown" in package.json does nothing in briefdeck, and was left out',
    ]);
    // The folder builds as its one deck does, with the same options.
    expect([folder.name, folder.deck.html.replace(/marp-package|talk/g, '')]).toEqual(['marp-package', file.deck.html.replace(/marp-package|talk/g, '')]);
    // A "marp" that is no map of options is named; without one, package.json sets nothing and the folder's two files are one deck.
    writeFileSync(path.join(dir, 'package.json'), '{\n  "marp": true\n}\n');
    const named = await buildDeck(path.join(dir, 'talk.md'));
    expect([named.briefing.meta.title, named.warnings.map((w) => `${path.basename(w.file!)}:${w.line}: ${w.message}`)]).toEqual(['From marprc', ['package.json:2: "marp" in package.json is not a map of options, so Marp CLI\'s options in it do not apply']]);
    const tooling = writeBriefing({ '01-one.md': '# One\n\nText.\n', '02-two.md': '# Two\n\nText.\n', 'package.json': '{\n  "name": "talk",\n  "scripts": { "build": "marp ." }\n}\n' }, 'marp-package-none');
    const joined = await buildDeck(tooling);
    expect([joined.briefing.meta.peerTools, joined.briefing.slides.filter((s) => s.title === 'One' || s.title === 'Two').length, joined.warnings]).toEqual([[], 2, []]);
  });

  it("reveal-md: a folder of one deck beside reveal-md.json builds as the deck does, its options applied though the deck has no front matter; of several decks there, each is one and the folder is refused", async () => {
    const deck = ['Opening words.', '', '', '', 'Second words.', ''].join('\n');
    const dir = writeBriefing({ 'talk.md': deck, 'reveal-md.json': '{\n  "separator": "^\\n\\n\\n",\n  "theme": "night"\n}\n' }, 'reveal-md-project');
    const [folder, file] = await Promise.all([buildDeck(dir), buildDeck(path.join(dir, 'talk.md'))]);
    expect([folder.name, folder.briefing.meta.theme, folder.briefing.slides.map((s) => toPlainText(s.bodyHtml).trim())]).toEqual(['reveal-md-project', 'night', ['Opening words.', 'Second words.']]);
    expect(folder.deck.html.replace(/reveal-md-project|talk/g, '')).toBe(file.deck.html.replace(/reveal-md-project|talk/g, ''));
    writeFileSync(path.join(dir, 'other.md'), 'Other words.\n');
    const refused = (await buildDeck(dir).catch((e: unknown) => e)) as BriefdeckError;
    expect([refused.code, refused.message.replace(/.*reveal-md-project /, '')]).toEqual(['E_SEVERAL_DECKS', 'holds 2 decks, one for each Markdown file beside reveal-md.json (other.md and talk.md); a folder builds as one deck']);
  });

  it("Slidev's defaults: are every slide's front matter under its own, read with it as one; the first slide's own is the headmatter, and what they cannot set is said once, at their line", async () => {
    const deck = ['---', 'theme: default', 'class: text-center', 'defaults:', '  layout: center', '  transition: fade', '  zoom: 0.8', '  hide: true', '---', '', '# Cover', '', '---', "class: 'invert'", '---', '', '# Own class', '', '---', 'layout: two-cols', '---', '', '# Own layout', '', '::right::', '', 'Right.', '', '---', '', '# Slots only', '', '::right::', '', 'Right.', '', '---', '', '# Plain', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-defaults'), 'deck.md'));
    // center with a class is the class and lead together, however the two are split between the defaults and the slide.
    expect(built.briefing.slides.map((s) => [s.title, s.layout, s.look?.className, s.look?.transition])).toEqual([
      ['Cover', 'content', 'lead text-center', 'fade'],
      ['Own class', 'content', 'lead invert', 'fade'],
      ['Own layout', 'two-column', undefined, 'fade'],
      ['Slots only', 'two-column', undefined, 'fade'],
      ['Plain', 'content', 'lead', 'fade'],
    ]);
    expect(built.warnings.filter((w) => /defaults|zoom/.test(w.message)).map((w) => `${w.line}: ${w.message}`)).toEqual([
      '4: "defaults" is Slidev\'s metadata; briefdeck reads part of it and ignores hide',
      '4: Slidev slide option "zoom" is not supported yet and was left out',
    ]);
  });

  it("Slidev's headmatter layout and class set its first slide, as that slide's own front matter would, and an unknown layout is a warning at its line", async () => {
    const deck = '---\ntheme: default\nlayout: cover\nclass: lead\n---\n\n# Welcome\n\nPress Space.\n\n---\n\n# Second\n\nText.\n';
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-headmatter'), 'deck.md'));
    expect(built.briefing.slides.map((s) => [s.title, s.layout])).toEqual([['Welcome', 'section'], ['Second', 'content']]);
    expect(built.briefing.slides[0]!.look?.className).toContain('lead');
    expect(built.warnings.filter((w) => /layout|class/.test(w.message))).toEqual([]);
    const odd = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\nlayout: iframe\n---\n\n# One\n\nText.\n' }, 'slidev-headmatter-odd'), 'deck.md'));
    expect(odd.briefing.slides[0]!.layout).toBe('content');
    expect(odd.warnings.map((w) => `${w.line}: ${w.message}`)).toContain('2: Slidev layout "iframe" has no briefdeck equivalent; the slide uses the content layout');
    // A name near one of Slidev's is likely a typo of it; a name of the deck's own (a theme's layout) is not matched.
    const typos = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntheme: seriph\n---\n\n# One\n\n---\nlayout: cnter\nclas: big\n---\n\n# Two\n\n---\nlayout: my-own\n---\n\n# Three\n' }, 'slidev-typos'), 'deck.md'));
    expect(typos.warnings.filter((w) => /Slidev (layout|slide option)/.test(w.message)).map((w) => `${w.line}: ${w.message}`)).toEqual([
      '8: Slidev layout "cnter" has no briefdeck equivalent (did you mean "center"?); the slide uses the content layout',
      '9: Slidev slide option "clas" is not supported yet and was left out (did you mean "class"?)',
      '15: Slidev layout "my-own" has no briefdeck equivalent; the slide uses the content layout',
    ]);
  });

  it("adds no title slide to a deck for Marp, Slidev or reveal-md, whose title: names the page and whose first slide is its cover; Quarto's title: makes one, as there", async () => {
    const first = async (frontMatter: string, file = 'deck.md') => {
      const built = await buildDeck(path.join(writeBriefing({ [file]: `---\ntitle: The page\n${frontMatter}---\n\n# Cover\n\nBy us.\n\n---\n\n## Next\n\nText.\n` }, `cover-${file}-${frontMatter.length}`), file));
      expect(built.briefing.meta.title).toBe('The page');
      expect(built.deck.html).toContain('<title>The page</title>');
      return built.briefing.slides.map((s) => s.title);
    };
    expect(await first('marp: true\n')).toEqual(['Cover', 'Next']);
    expect(await first('layout: cover\n')).toEqual(['Cover', 'Next']);
    expect(await first('revealOptions:\n  transition: fade\n')).toEqual(['Cover', 'Next']);
    expect((await first('format: revealjs\n', 'deck.qmd'))[0]).toBe('The page');
    expect((await first(''))[0]).toBe('The page');
  });

  it('Marp: a list written with * or numbered 1) steps in, one written with - or numbered 1. does not', async () => {
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\nmarp: true\n---\n\n# Lists\n\n* one\n* two\n\n- three\n- four\n\n1) five\n2) six\n\n1. seven\n2. eight\n' }, 'marp-lists'), 'deck.md'));
    const body = built.briefing.slides.find((s) => s.title === 'Lists')!.bodyHtml;
    expect(body).toContain('<li class="fragment">one</li>');
    expect(body).toContain('<li>three</li>');
    expect(body).toContain('<li class="fragment">five</li>');
    expect(body).toContain('<li>seven</li>');
  });

  it('Slidev: <v-click> around Markdown is one build step, and what follows it shows at once', async () => {
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: T\ntransition: fade\n---\n\n## Steps\n\nFirst.\n\n<v-click>\n\nSecond, on a click.\n\n</v-click>\n\nThird, at once.\n' }, 'slidev-click'), 'deck.md'));
    const body = built.briefing.slides.find((s) => s.title === 'Steps')!.bodyHtml;
    expect(body.replace(/\n/g, '')).toBe('<p>First.</p><div class="fragment"><p>Second, on a click.</p></div><p>Third, at once.</p>');
    expect(built.warnings).toEqual([]);
  });

  it("Slidev: v-mark marks its element (an underline by default, a circle, a box, a highlight, in a colour) at its click, as v-click places one, its text in sight before; on an MDC span too, a quoted object's braces and all; nothing of it is text or a warning", async () => {
    const deck = [
      '---', 'theme: default', 'mdc: true', '---', '', '# Marks', '',
      '<span v-mark.red="2">Two</span> <span v-mark.circle.orange>next</span> <strong v-mark="{ at: 3, color: \'#234\', type: \'box\' }">boxed</strong> <span v-mark="true">always</span> <span v-mark="false">never</span>',
      '', '<p v-click v-mark.strike>clicked</p>', '',
      'A [lit]{v-mark.highlight.yellow} word, a [boxed]{v-mark="{ type: \'crossed-off\', at: 5 }"} one.', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'slidev-marks'), 'slides.md'));
    // Slidev's default theme is not built in: that is the one warning.
    expect(built.warnings.map((w) => w.message)).toEqual(['Slidev\'s theme "default" is not built in; using white']);
    const body = built.briefing.slides.find((s) => s.title === 'Marks')!.bodyHtml.replace(/\n/g, '');
    expect(body).toBe([
      '<p><span class="bd-mark bd-mark-underline mark-red fragment custom" data-fragment-index="2">Two</span> ',
      '<span class="bd-mark bd-mark-circle mark-orange fragment custom" data-fragment-index="1">next</span> ',
      '<strong class="bd-mark bd-mark-box mark-[#234] fragment custom" data-fragment-index="3">boxed</strong> ',
      '<span class="bd-mark bd-mark-underline">always</span> <span>never</span></p>',
      // With a click of its own, the element steps in marked.
      '<p class="fragment bd-mark bd-mark-strike-through" data-fragment-index="2">clicked</p>',
      '<p>A <span class="bd-mark bd-mark-highlight mark-yellow fragment custom" data-fragment-index="3">lit</span> word, a <span class="bd-mark bd-mark-crossed-off fragment custom" data-fragment-index="5">boxed</span> one.</p>',
    ].join(''));
    // Its colours are UnoCSS's (red is its 400, as Slidev's text-red), a hex as written.
    const css = built.briefing.authorCss!;
    expect(css).toContain('.reveal .slides .slide-body .mark-red{--bd-mark-color:#f87171}');
    expect(css).toContain('.reveal .slides .slide-body .mark-\\[\\#234\\]{--bd-mark-color:#234}');
    expect(css).toContain('.reveal .slides .bd-mark-underline:is(:not(.fragment),.visible){text-decoration:underline');
  });

  it("Slidev: the older v-click-hide is v-click.hide, a step that hides its element, said of nothing", async () => {
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': '---\ntheme: default\n---\n\n# Hide\n\n<div v-click-hide>\n\nGoes at the first click\n\n</div>\n\n<div v-click>Comes at the second</div>\n' }, 'slidev-click-hide'), 'slides.md'));
    expect(built.briefing.slides[0]!.bodyHtml.replace(/\n/g, '')).toBe('<div class="fragment fade-out"><p>Goes at the first click</p></div><div class="fragment">Comes at the second</div>');
    expect(built.warnings.map((w) => w.line)).toEqual([2]);
  });

  it("Slidev: htmlAttrs' lang is the deck's language (typeset as the language sets quotes), its other attributes named; the headmatter's other keys of Slidev's (seoMeta) are Slidev's, not unknown", async () => {
    const deck = ['---', 'theme: default', 'htmlAttrs:', '  lang: fr', '  dir: ltr', 'seoMeta:', '  ogImage: https://cover.sli.dev', '---', '', '# Bonjour', '', 'Un texte "cité".', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'slidev-html-attrs'), 'slides.md'));
    expect(built.briefing.meta.lang).toBe('fr');
    expect(built.deck.html).toMatch(/^<!DOCTYPE html>\s*<html lang="fr"/i);
    expect(built.briefing.slides[0]!.bodyHtml).toMatch(/«\s*cité\s*»/);
    expect(built.warnings.filter((w) => w.line !== 2).map((w) => `${w.line}: ${w.message}`)).toEqual([
      '3: "htmlAttrs" is Slidev\'s metadata; briefdeck reads part of it and ignores dir',
      '6: "seoMeta" is Slidev\'s metadata; briefdeck ignores it',
    ]);
  });

  it("Slidev: <v-click hide> (the component's hide prop) is v-click.hide, quietly; a <Youtube> inside raw HTML (a v-drag box) is still a link to the video", async () => {
    const deck = ['---', 'theme: default', '---', '', '# Hide', '', '<div>', '  <v-click hide><div>Gone at the click</div></v-click>', '</div>', '', '<v-drag pos="10,20,300,200">', '  <Youtube id="abc123" />', '</v-drag>', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'slidev-click-hide-prop'), 'slides.md'));
    const body = built.briefing.slides[0]!.bodyHtml;
    expect(body).toContain('<span class="fragment fade-out"><div>Gone at the click</div></span>');
    expect(body).toMatch(/<a href="https:\/\/www\.youtube\.com\/watch\?v=abc123"[^>]*>https:\/\/www\.youtube\.com\/watch\?v=abc123<\/a>/);
    expect(built.warnings.filter((w) => w.line !== 2).map((w) => `${w.line}: ${w.message}`)).toEqual(["12: Slidev's <Youtube> is shown as a link to https://www.youtube.com/watch?v=abc123: a deck embeds nothing from the network"]);
  });

  it("Slidev: a magic-move block shows its last step's code, never the fences of its steps, with a warning at its line", async () => {
    const deck = ['---', 'title: T', 'transition: fade', '---', '', '# Before', '', 'Text.', '', '---', '', '# Code', '', '````md magic-move {lines: true}', '```js {1}', 'const x = 1', '```', '```ts', 'const x: number = 2', '```', '````', '', 'A [link](file:///etc/hosts).', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-magic-move'), 'deck.md'));
    const body = built.briefing.slides.find((s) => s.title === 'Code')!.bodyHtml;
    expect(body).toMatch(/^<pre><code class="hljs language-ts">/);
    expect(toPlainText(/<pre>[\s\S]*<\/pre>/.exec(body)![0]).trim()).toBe('const x: number = 2');
    expect(body).not.toContain('```');
    // Lines 14 and 23, though the slide's title line before them is not among the lines rendered.
    expect(built.warnings.map((w) => [w.line, w.message])).toEqual([
      [14, "Slidev's magic-move block is shown as its last step, of 2; the steps between are left out"],
      [23, 'link to "file:///etc/hosts" was removed; links may be https:, mailto: or #anchors'],
    ]);
  });

  it("Slidev: a code block's title after its language (```sh [npm], ```ts [app.ts] {2}) is shown above the code, its highlights kept; reveal's [1|2] is still a highlight", async () => {
    const deck = ['---', 'theme: seriph', '---', '', '# Titles', '', '```sh [npm]', 'npm i x', '```', '', '```ts [app.ts] {2}', 'const a = 1', 'const b = 2', '```', '', '```js [1|2]', 'let c', 'let d', '```', ''].join('\n');
    const body = (await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'slidev-code-titles'), 'slides.md'))).briefing.slides.find((s) => s.title === 'Titles')!.bodyHtml;
    expect([...body.matchAll(/<p class="code-filename">([^<]*)<\/p>\n<pre><code class="hljs language-(\w+)/g)].map((m) => [m[1], m[2]])).toEqual([['npm', 'sh'], ['app.ts', 'ts']]);
    expect(toPlainText(body)).not.toMatch(/\[(?:npm|app\.ts|1\|2)\]/);
    expect(body).toMatch(/<span class="code-line highlight-line"><span class="hljs-keyword">const<\/span> b/);
    expect(body).toMatch(/<code class="hljs language-js has-highlights[^"]*code-steps/);
  });
});

describe("Pandoc's superscript and subscript", () => {
  it('2^10^ is raised everywhere; H~2~O is lowered in a deck Pandoc reads, while a single ~ stays GitHub\'s strikethrough in a .md file', async () => {
    const text = '## Sci\n\nCO~2~, 2^10^ bytes, 10^-3^, ~~struck~~, a ~ b ~ c, x^2 + y^2.\n';
    const body = async (file: string) => (await buildDeck(path.join(writeBriefing({ [file]: `---\ntitle: S\n---\n\n${text}` }, `scripts-${file}`), file))).briefing.slides.at(-1)!.bodyHtml.trim();
    expect(await body('deck.qmd')).toBe('<p>CO<sub>2</sub>, 2<sup>10</sup> bytes, 10<sup>-3</sup>, <del>struck</del>, a ~ b ~ c, x^2 + y^2.</p>');
    expect(await body('deck.md')).toBe('<p>CO<del>2</del>, 2<sup>10</sup> bytes, 10<sup>-3</sup>, <del>struck</del>, a ~ b ~ c, x^2 + y^2.</p>');
    // Pandoc reads an R Markdown deck and one with Pandoc's own title block, and lowers H~2~O there too.
    expect(await body('deck.Rmd')).toContain('CO<sub>2</sub>');
    const pandoc = await buildDeck(path.join(writeBriefing({ 'deck.md': `% S\n% An author\n\n${text}` }, 'scripts-pandoc'), 'deck.md'));
    expect(pandoc.briefing.slides.at(-1)!.bodyHtml).toContain('CO<sub>2</sub>');
  });
});

describe('highlighted text', () => {
  it('==text== is a <mark> as markdown-it-mark reads it, and Pandoc\'s [text]{.mark} and {.underline} are too, without a warning', async () => {
    const text = [
      '## Marks',
      '',
      'A ==key finding== and ==**bold** too==; a == b, x == y == z, == spaced ==, ==x ==, ===x===, `==code==` and \\==escaped==.',
      '',
      '[Marked]{.mark}, [underlined]{.underline}, [a step]{.mark .fragment} and [both]{.underline .mark}.',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': `---\ntitle: M\n---\n\n${text}\n` }, 'marks'), 'deck.qmd'));
    const body = built.briefing.slides.at(-1)!.bodyHtml.trim().split('\n');
    expect(body[0]).toBe('<p>A <mark>key finding</mark> and <mark><strong>bold</strong> too</mark>; a == b, x == y == z, == spaced ==, ==x ==, ===x===, <code>==code==</code> and ==escaped==.</p>');
    expect(body[1]).toBe('<p><mark>Marked</mark>, <u>underlined</u>, <span class="fragment"><mark>a step</mark></span> and <mark><u>both</u></mark>.</p>');
    expect(built.warnings).toEqual([]);
  });
});

describe("Quarto's column grid", () => {
  it('layout="[1, 20]" gives each cell its share of the row, rows [[1,1],[-1,2,-1]] in turn with gaps, and keeps the shares on a slide cleaned whole; another value is a warning', async () => {
    const deck = [
      '---', 'title: G', '---', '', '## Shares', '', '::: {layout="[1, 20]"}', 'Narrow', '', 'Wide', ':::', '',
      '## Rows', '', '<b>Raw</b> HTML cleans this slide whole.', '', '::: {layout="[[1,1],[-1, 2, -1]]"}', 'A', '', 'B', '', 'C', ':::', '',
      '## Odd', '', '::: {layout="[foo]"}', 'X', ':::', '',
      '## Bare', '', '::: {layout=[1,3]}', 'P', '', 'Q', ':::', '',
      // A share JavaScript would write with an exponent is no share: the div is named, its fence never text.
      '## Tiny', '', '::: {layout="[1e-7, 2]"}', 'T', ':::', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'grid-shares'), 'deck.qmd'));
    const body = (title: string) => built.briefing.slides.find((s) => s.title === title)!.bodyHtml.replace(/\n/g, '');
    expect(body('Shares')).toBe('<div class="layout-grid" style="grid-template-columns: 1fr 20fr"><div class="layout-cell"><p>Narrow</p></div><div class="layout-cell"><p>Wide</p></div></div>');
    expect(body('Rows')).toContain('<div class="layout-grid" style="grid-template-columns:1fr 1fr"><div class="layout-cell"><p>A</p></div><div class="layout-cell"><p>B</p></div></div><div class="layout-grid" style="grid-template-columns:1fr 2fr 1fr"><div class="layout-cell"></div><div class="layout-cell"><p>C</p></div><div class="layout-cell"></div></div>');
    expect(body('Odd')).toBe('<p>X</p>');
    expect(body('Bare')).toBe('<div class="layout-grid" style="grid-template-columns: 1fr 3fr"><div class="layout-cell"><p>P</p></div><div class="layout-cell"><p>Q</p></div></div>');
    expect(body('Tiny')).toBe('<p>T</p>');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([`27: Pandoc div "::: {layout="[foo]"}" has no briefdeck meaning; its content is shown without it`, `41: Pandoc div "::: {layout="[1e-7, 2]"}" has no briefdeck meaning; its content is shown without it`]);
  });

  it('a div of the class grid, callout or class (a theme\'s ::: {.grid .cat1}) is a div like any other: its fences go, never shown; only layout-ncol makes a column grid', async () => {
    const deck = ['---', 'title: Q', 'format: revealjs', '---', '', '## Lectures', '', '::: {.lectures}', '', '### Term one', '', '::: {.grid .cat1}', '- [One](#two)', '- Two', ':::', '', ':::', '', '## Two', '', '::: {.callout}', 'Boxed', ':::', '', '::: class', 'Classed', ':::', '', 'After', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'quarto-grid-class-div'), 'deck.qmd'));
    const text = built.briefing.slides.filter((s) => s.kind === 'content').map((s) => toPlainText(s.bodyHtml).replace(/\s+/g, ' ').trim());
    expect(text).toEqual(['Term one One Two', 'Boxed Classed After']);
    for (const slide of built.briefing.slides) expect(slide.bodyHtml).not.toMatch(/:::|class="[^"]*grid/);
  });

  it('layout-ncol=2 to 4 lays each block out as a cell, nests in a callout, and warns of a grid never closed or of more columns', async () => {
    const deck = [
      '---', 'title: G', '---', '', '## Grid', '', '::: {layout-ncol=2}', '![First](a.png)', '', '**Second** cell', ':::', '', 'After the grid.', '',
      '## Nested', '', '::: {.callout-note}', '## In a box', '', ':::: {layout-ncol=3}', 'One', '', 'Two', '', 'Three', '::::', '', 'Still in the box.', ':::', '', 'Outside.', '',
      '## Five', '', '::: {layout-ncol=5}', 'A', '', 'B', ':::', '',
      '## Open', '', '::: {layout-ncol="2"}', 'Never closed.', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck, 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'grid'), 'deck.qmd'));
    const body = (title: string) => built.briefing.slides.find((s) => s.title === title)!.bodyHtml.replace(/\n/g, '');
    expect(body('Grid')).toBe('<div class="layout-grid layout-ncol-2"><div class="layout-cell"><p><img src="briefdeck-asset:0" alt="First"></p></div><div class="layout-cell"><p><strong>Second</strong> cell</p></div></div><p>After the grid.</p>');
    expect(body('Nested')).toBe(
      '<div class="callout callout-note"><p class="callout-title">In a box</p><div class="layout-grid layout-ncol-3"><div class="layout-cell"><p>One</p></div><div class="layout-cell"><p>Two</p></div><div class="layout-cell"><p>Three</p></div></div><p>Still in the box.</p></div><p>Outside.</p>',
    );
    expect(body('Five')).toBe('<p>A</p><p>B</p>');
    expect(body('Open')).toBe('<p>Never closed.</p>');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '35: Pandoc div "::: {layout-ncol=5}" has no briefdeck meaning; its content is shown without it',
      '43: a layout-ncol div that is never closed (no ::: line after it) is shown as plain content',
    ]);
  });

  it('a div whose first line is a table caption written over its table (: Costs) is a div, never a definition list whose term is the div\'s opening', async () => {
    for (const gap of ['', '\n']) {
      const deck = ['---', 'title: G', '---', '', '## Grid', '', `::: {layout-ncol=2}${gap}`, ': Costs {#tbl-costs}', '', '| A |', '|---|', '| 1 |', '', 'Beside.', ':::', '', 'See @tbl-costs.', ''].join('\n');
      const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, `grid-caption-first${gap.length}`), 'deck.qmd'));
      const body = built.briefing.slides.at(-1)!.bodyHtml.replace(/\n/g, '');
      expect(body).toMatch(/^<div class="layout-grid layout-ncol-2"><div class="layout-cell"><p class="table-caption">Table 1: Costs<\/p><table>.*<\/table><\/div><div class="layout-cell"><p>Beside.<\/p><\/div><\/div><p>See Table 1.<\/p>$/);
      expect(toPlainText(body)).not.toMatch(/:::|\{|<dl>/);
      expect(built.warnings).toEqual([]);
    }
  });
});

describe("Quarto's numbered figures and tables", () => {
  it('a figure labelled {#fig-…} is captioned "Figure 1: …" under its picture, a table caption labelled {#tbl-…} begins "Table 1: ", and references read so, each kind counted on its own', async () => {
    const deck = [
      '---', 'title: F', '---', '', '## Refs', '', 'See @fig-map, @tbl-costs and [-@fig-chart]; @fig-none and [@tbl-cost] are not there.', '',
      '## Figures', '', '![A map](a.png){#fig-map width=50%}', '', '![A chart](a.png){#fig-chart}', '', '![No label](a.png){width=10%}', '',
      '## Table', '', '| a | b |', '|---|---|', '| 1 | 2 |', '', ': Costs by year {#tbl-costs}', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck, 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'quarto-figures'), 'deck.qmd'));
    const text = (title: string) => toPlainText(built.briefing.slides.find((s) => s.title === title)!.bodyHtml).replace(/\s+/g, ' ').trim();
    expect(text('Refs')).toBe('See Figure 1, Table 1 and 2; ?@fig-none and ?@tbl-cost are not there.');
    expect(built.briefing.slides.find((s) => s.title === 'Refs')!.bodyHtml).toContain('<strong>?@fig-none</strong>');
    // A picture alone in its paragraph is Pandoc's implicit figure: captioned by its alt text, unnumbered without a label.
    expect(text('Figures')).toBe('Figure 1: A map Figure 2: A chart No label');
    expect(built.briefing.slides.find((s) => s.title === 'Figures')!.bodyHtml).toContain('alt="No label" width="10%"><span class="figure-caption" aria-hidden="true">No label</span>');
    expect(built.briefing.slides.find((s) => s.title === 'Figures')!.bodyHtml).toContain('width="50%"><span class="figure-caption">Figure 1: A map</span>');
    expect(text('Table')).toMatch(/Table 1: Costs by year$/);
    // Shown as Quarto shows a reference it cannot resolve, and reported at its line with the nearest label.
    expect(built.warnings.map((w) => `${w.code} ${w.line}: ${w.message} (${w.hint})`)).toEqual([
      'W_LINK 7: the cross-reference @fig-none names no labelled figure, table or equation; it shows as ?@fig-none (label the figure: ![Caption](picture.png){#fig-none})',
      'W_LINK 7: the cross-reference @tbl-cost names no labelled figure, table or equation; it shows as ?@tbl-cost (did you mean @tbl-costs?)',
    ]);
  });

  it("Quarto's fig-align places a picture in its line and .border frames it; an alignment Quarto lacks is named", async () => {
    const deck = ['---', 'title: A', '---', '', '## Pics', '', '![](a.png){fig-align="center" .border width="200"}', '', '![](a.png){fig-align="right" .border-thick}', '', '![](a.png){fig-align="middle"}', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck, 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'quarto-fig-align'), 'deck.qmd'));
    const body = built.briefing.slides.find((s) => s.title === 'Pics')!.bodyHtml;
    expect([...body.matchAll(/<img [^>]*?(?:class="([^"]*)")?>/g)].map((m) => m[1] ?? '')).toEqual(['fig-center border', 'fig-right border-thick', '']);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['11: Pandoc attributes fig-align=middle are not supported and were left out']);
  });

  it("Quarto's fig-alt is the picture's text alternative, its brackets still the caption; check finds no picture without one", async () => {
    const deck = ['---', 'title: A', '---', '', '## Pics', '', '![](a.png){fig-alt="A grey square"}', '', '![The caption](a.png){#fig-sq fig-alt="A square, described"}', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck, 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'quarto-fig-alt'), 'deck.qmd'));
    const body = built.briefing.slides.find((s) => s.title === 'Pics')!.bodyHtml;
    expect([...body.matchAll(/alt="([^"]*)"/g)].map((m) => m[1])).toEqual(['A grey square', 'A square, described']);
    expect(body).toContain('<span class="figure-caption">Figure 1: The caption</span>');
    expect(built.briefing.images.map((i) => i.alt)).toEqual(['A grey square', 'A square, described']);
    expect(built.warnings).toEqual([]);
    expect(checkBriefing(built.briefing).filter((d) => d.code === 'W_IMAGE_ALT')).toEqual([]);
    // Inline, or without alt text, a picture is no figure; nor is one in a deck not written for Pandoc or Quarto.
    const inline = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '---\ntitle: B\n---\n\n## P\n\nSee ![a square](a.png) here.\n\n![](a.png)\n', 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'quarto-no-figure'), 'deck.qmd'));
    expect(inline.briefing.slides.at(-1)!.bodyHtml).not.toContain('figure-caption');
    const plain = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: C\n---\n\n## P\n\n![a square](a.png)\n', 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'plain-no-figure'), 'deck.md'));
    expect(plain.briefing.slides.at(-1)!.bodyHtml).not.toContain('figure-caption');
  });

  it("a picture's description with Markdown in it (a credit's link, emphasis) is a caption with its link and emphasis, and plain text as the alt text, never its brackets", async () => {
    const deck = ['---', 'title: A', '---', '', '## Photo', '', '![Image from [Unsplash](https://unsplash.com/photos/x) *today*](a.png){fig-align="center"}', '', '## Inline', '', 'See ![a **bold** `code` square](a.png) here.', '', '## Gone', '', '![Credit [here](https://example.org)](gone.png)', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck, 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'quarto-caption-markdown'), 'deck.qmd'));
    const body = (title: string) => built.briefing.slides.find((s) => s.title === title)!.bodyHtml;
    expect(body('Photo')).toMatch(/alt="Image from Unsplash today"/);
    expect(body('Photo')).toContain('<span class="figure-caption" aria-hidden="true">Image from <a href="https://unsplash.com/photos/x" target="_blank" rel="noopener noreferrer">Unsplash</a> <em>today</em></span>');
    expect(body('Inline')).toMatch(/alt="a bold code square"/);
    // A figure whose picture is not there is its caption alone, shown to screen readers too.
    expect(built.deck.html).toContain('<p><span class="figure-caption">Credit <a href="https://example.org" target="_blank" rel="noopener noreferrer">here</a></span></p>');
    expect(built.briefing.images.map((i) => i.alt)).toEqual(['Image from Unsplash today', 'a bold code square', 'Credit here']);
    expect(built.briefing.slides.map((s) => s.bodyHtml).join('')).not.toMatch(/\]\(|\*\*|`/);
    // Beside raw HTML, whose slide the sanitizer cleans, the caption stays hidden from screen readers, and nothing is said of it.
    const raw = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '---\ntitle: R\n---\n\n## Raw\n\n![A caption](a.png)\n\n<p align="center">Raw</p>\n', 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'quarto-caption-raw'), 'deck.qmd'));
    expect(raw.briefing.slides.at(-1)!.bodyHtml).toContain('<span class="figure-caption" aria-hidden="true">A caption</span>');
    expect(raw.warnings).toEqual([]);
  });

  it('outside a deck written for Pandoc or Quarto, a reference to a label nothing has is text, and nothing is reported', async () => {
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: F\n---\n\n## Refs\n\nWrite to @fig-none or [@tbl-x], @sec-none or [see @thm-x].\n' }, 'plain-crossref'), 'deck.md'));
    expect(toPlainText(built.briefing.slides.find((s) => s.title === 'Refs')!.bodyHtml).trim()).toBe('Write to @fig-none or [@tbl-x], @sec-none or [see @thm-x].');
    expect(built.warnings).toEqual([]);
  });
});

describe("Quarto's sections, listings and theorems", () => {
  it('@sec-… reads "Section 1.2" by the headings\' levels, a listing is captioned "Listing 1: …", a theorem-like div is titled "Theorem 1 (Name)", a proof "Proof."; @Sec-…, [Fig @…] and [@a; @b] read as Quarto writes them', async () => {
    const deck = [
      '---', 'title: X', 'format: revealjs', '---', '',
      '# Part {#sec-part}', '', '## Plan {#sec-plan}', '', 'Text.', '', '## Skipped {.unnumbered}', '', '## Code {#sec-code}', '',
      '```{#lst-query .sql lst-cap="Customers query"}', 'SELECT * FROM customers', '```', '',
      '::: {#thm-line}', '## Line', 'A line is straight.', ':::', '', '::: {#lem-two name="Two points"}', 'Two points make a line.', ':::', '', '::: {.proof}', 'By drawing.', ':::', '',
      '## Refs', '', 'See @sec-plan, @Sec-code and [-@sec-part]; [Fig @lst-query], @thm-line and [@lem-two; @thm-line]. Not @sec-none.', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'quarto-sections'), 'deck.qmd'));
    const body = (title: string) => built.briefing.slides.find((s) => s.title === title)!.bodyHtml;
    const text = (title: string) => toPlainText(body(title)).replace(/\s+/g, ' ').trim();
    // The part is 1, its slides 1.1 and 1.2 (the unnumbered one not counted); a heading inside a div names that div, not a section.
    expect(text('Refs')).toBe('See Section 1.1, Section 1.2 and 1; Fig 1, Theorem 1 and Lemma 1, Theorem 1. Not ?@sec-none.');
    expect(body('Code')).toContain('<p class="listing-caption">Listing 1: Customers query</p>');
    // The id before the class is Pandoc's attribute order: the class still names the language.
    expect(body('Code')).toContain('<span class="hljs-keyword">SELECT</span>');
    expect(body('Code')).toContain('<div class="theorem"><p><strong>Theorem 1 (Line)</strong> A line is straight.</p>');
    expect(body('Code')).toContain('<div class="theorem"><p><strong>Lemma 1 (Two points)</strong> Two points make a line.</p>');
    expect(body('Code')).toContain('<div class="theorem"><p><em>Proof</em>. By drawing.</p>');
    expect(built.briefing.slides.map((s) => `${s.title} ${s.bodyHtml}`).join('')).not.toMatch(/[{}]|:::|@(?!sec-none)|lst-cap/);
    expect(built.warnings.map((w) => `${w.line}: ${w.message} (${w.hint})`)).toEqual(['35: the cross-reference @sec-none names no heading labelled so; it shows as ?@sec-none (did you mean @sec-code?)']);
  });

  it("crossref: gives captions their title (fig-title), references their prefix (fig-prefix) and captions their title-delim, each kind its own, as text; a key it does not read is named with a did-you-mean", async () => {
    const deck = [
      '---', 'title: X', 'crossref:', '  fig-title: Abbildung', '  fig-prefix: Abb.', '  tbl-title: Tabelle', '  lst-title: "Code <b>"', '  thm-title: Satz', '  sec-prefix: Abschnitt', '  title-delim: "—"', '  fig-titel: Bild', '---', '',
      '## Plan {#sec-plan}', '', '![A *map*](map.png){#fig-map}', '',
      '| A |', '|---|', '| 1 |', '', ': Values {#tbl-v}', '',
      '```{#lst-q .sql lst-cap="Query"}', 'SELECT 1', '```', '',
      '::: {#thm-p}', '## Pythagoras', 'Squares.', ':::', '',
      'See @fig-map, [@fig-map], @tbl-v, @lst-q, @thm-p and @sec-plan.', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck, 'map.png': TINY_PNG }, 'quarto-crossref-words'), 'deck.qmd'));
    const body = built.briefing.slides.find((s) => s.title === 'Plan')!.bodyHtml;
    expect(body).toContain('<span class="figure-caption">Abbildung 1— A <em>map</em></span>');
    expect(body).toContain('<p class="table-caption">Tabelle 1— Values</p>');
    expect(body).toContain('<p class="listing-caption">Code &lt;b&gt; 1— Query</p>');
    expect(body).toContain('<strong>Satz 1 (Pythagoras)</strong>');
    expect(toPlainText(body)).toContain('See Abb. 1, Abb. 1, Table 1, Listing 1, Theorem 1 and Abschnitt 1.');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['3: "crossref" is Quarto\'s metadata; briefdeck reads part of it and ignores fig-titel (did you mean fig-title?)']);
  });

  it("language: gives callouts their titles and captions and references their words (a reference's word its caption's unless given), under crossref:'s; a key it does not show is named with a did-you-mean", async () => {
    const deck = [
      '---', 'title: Bericht', 'lang: de', 'language:', '  callout-tip-title: Tipp', '  callout-note-title: Hinweis', '  crossref-fig-title: Abbildung', '  crossref-tbl-title: Tabelle', '  crossref-tbl-prefix: Tab.', '  crossref-lst-title: Code', '  toc-title-document: Inhalt', '  callout-note-titel: x',
      'crossref:', '  lst-title: Programm', '---', '',
      '## Eins', '', '::: {.callout-tip}', 'Text.', ':::', '', '::: {.callout-note title="Eigener Titel"}', 'Mehr.', ':::', '', '::: {.callout-note}', 'Noch mehr.', ':::', '',
      '![Karte](map.png){#fig-map}', '', '| A |', '|---|', '| 1 |', '', ': Werte {#tbl-v}', '', '```{#lst-q .sql lst-cap="Abfrage"}', 'SELECT 1', '```', '',
      'Siehe @fig-map, @tbl-v und @lst-q.', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck, 'map.png': TINY_PNG }, 'quarto-language-words'), 'deck.qmd'));
    const text = toPlainText(built.briefing.slides.find((s) => s.title === 'Eins')!.bodyHtml).replace(/\s+/g, ' ').trim();
    // crossref: lst-title sets the caption's word only; the reference's follows language:'s crossref-lst-title, as in Quarto.
    expect(text).toBe('TippText. Eigener TitelMehr. HinweisNoch mehr. Abbildung 1: Karte A 1 Tabelle 1: Werte Programm 1: Abfrage SELECT 1 Siehe Abbildung 1, Tab. 1 und Code 1.');
    // Every word the deck shows is its own, so nothing is said to stay in English.
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['4: "language" is Quarto\'s metadata; briefdeck reads part of it and ignores toc-title-document, callout-note-titel (did you mean callout-note-title?)']);
  });

  it("a Quarto deck in another language is told once, at its lang:, which of Quarto's English labels it shows, since briefdeck has no translations; one in English, or with no lang:, is not", async () => {
    const body = ['', '## Eins', '', '::: {.callout-warning}', 'Text.', ':::', '', '::: {.callout-tip}', '## Eigener Titel', 'Mehr.', ':::', '', '![Karte](map.png){#fig-map}', '', 'Siehe @fig-map.', ''];
    const build = (front: string[], name: string, file = 'deck.qmd') => buildDeck(path.join(writeBriefing({ [file]: ['---', ...front, '---', ...body].join('\n'), 'map.png': TINY_PNG }, name), file));
    const german = await build(['title: Bericht', 'format: revealjs', 'lang: de-CH'], 'quarto-language-english');
    expect(german.warnings.map((w) => `${w.line}: ${w.code} ${w.message} (${w.hint})`)).toEqual([
      '4: W_PEER_SYNTAX Quarto writes its labels in the deck\'s language (lang: de-CH), but briefdeck has no translations of them: "Warning" and "Figure" stay in English (give each its word under language: in the front matter, such as language: {callout-warning-title: …} for "Warning")',
    ]);
    const given = await build(['title: Bericht', 'format: revealjs', 'lang: de', 'language:', '  callout-warning-title: Warnung'], 'quarto-language-one-english');
    expect(given.warnings.map((w) => w.message.split(': ').at(-1))).toEqual(['"Figure" stays in English']);
    for (const [front, name] of [[['title: Report', 'format: revealjs', 'lang: en-GB'], 'quarto-language-en'], [['title: Bericht', 'format: revealjs'], 'quarto-language-unset']] as const) {
      expect((await build([...front], name)).warnings).toEqual([]);
    }
  });

  it("number-sections (under format: revealjs or at the top) writes each heading's section number before its text, as @sec- references count them; a heading {.unnumbered}, inside a div or of attributes only shows none", async () => {
    const body = ['', '# One', '', '## A {#sec-a}', '', 'x', '', '### Deeper', '', '## Skip {.unnumbered}', '', '::: {.callout-note}', '## Tip', 'Inside.', ':::', '', '# Two', '', '## B', '', 'See @sec-a and @sec-b.', '', '## {background-color="red"}', '', 'Untitled.', '', '## C {#sec-b}', ''];
    for (const front of [['format:', '  revealjs:', '    number-sections: true'], ['number-sections: true', 'format: revealjs']]) {
      const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': ['---', 'title: T', ...front, '---', ...body].join('\n') }, `quarto-number-sections-${front.length}`), 'deck.qmd'));
      expect(built.briefing.slides.map((s) => s.title)).toEqual(['T', '1 One', '1.1 A', 'Skip', '2 Two', '2.1 B', null, '2.3 C']);
      const text = (title: string) => toPlainText(built.briefing.slides.find((s) => s.title === title)!.bodyHtml).replace(/\s+/g, ' ').trim();
      expect(built.briefing.slides.find((s) => s.title === '1.1 A')!.bodyHtml).toContain('<h3>1.1.1 Deeper</h3>');
      expect(text('Skip')).toBe('TipInside.');
      expect(text('2.1 B')).toBe('See Section 1.1 and Section 2.3.');
      expect(built.warnings).toEqual([]);
    }
  });

  it("a reference to a code cell's figure (#| label: fig-…), which only running the cell makes, shows as ?@label and says so; figures the deck shows are numbered among themselves", async () => {
    const deck = ['---', 'title: C', 'format: revealjs', '---', '', '## Plot', '', '```{python}', '#| label: fig-polar', '#| fig-cap: "A plot"', '#| echo: false', 'plot()', '```', '', 'See @fig-polar and @fig-map.', '', '![Map](a.png){#fig-map}', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck, 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'quarto-cell-figure'), 'deck.qmd'));
    expect(toPlainText(built.briefing.slides.find((s) => s.title === 'Plot')!.bodyHtml).replace(/\s+/g, ' ').trim()).toBe('See ?@fig-polar and Figure 1. Figure 1: Map');
    expect(built.warnings.filter((w) => w.code === 'W_LINK').map((w) => `${w.line}: ${w.message}`)).toEqual(['15: the cross-reference @fig-polar names the output of a code cell, which only Quarto can make by running it; it shows as ?@fig-polar']);
  });

  it('a figure or table div (::: {#fig-…}) is numbered with its last paragraph as the caption, the figures or tables labelled inside it its parts (a), (b), laid out by layout-ncol; @fig-part reads "Figure 1 (b)"', async () => {
    const deck = [
      '---', 'title: E', 'format: revealjs', '---', '',
      '## Pair', '', '::: {#fig-elephants layout-ncol=2}', '![Surus](a.png){#fig-surus}', '', '![Hanno](a.png){#fig-hanno}', '', 'Famous *elephants*', ':::', '',
      '## One', '', '::: {#fig-one}', '![](a.png)', '', 'A picture', ':::', '',
      '## Tables', '', '::: {#tbl-panel layout-ncol=2}', '| A | B |', '|---|---|', '| 1 | 2 |', '', ': First {#tbl-first}', '', '| C | D |', '|---|---|', '| 3 | 4 |', '', ': Second {#tbl-second}', '', 'Main caption', ':::', '',
      '## Refs', '', 'See @fig-elephants, @fig-hanno, @fig-one, [-@fig-surus], @tbl-panel and @tbl-second.', '', '![Later](a.png){#fig-later}', '',
      '## Rows', '', '::: {#fig-rows layout="[1,2]"}', '![Narrow](a.png)', '', '![Wide](a.png)', '', 'In rows', ':::', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck, 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'quarto-figure-divs'), 'deck.qmd'));
    const body = (title: string) => built.briefing.slides.find((s) => s.title === title)!.bodyHtml;
    const text = (title: string) => toPlainText(body(title)).replace(/\s+/g, ' ').trim();
    expect(text('Pair')).toBe('(a) Surus (b) Hanno Figure 1: Famous elephants');
    expect(body('Pair')).toMatch(/^<div class="layout-grid layout-ncol-2"><div class="layout-cell">.*\(a\) Surus.*<\/div><div class="layout-cell">.*\(b\) Hanno.*<\/div><\/div>\n<p><span class="figure-caption">Figure 1: Famous <em>elephants<\/em><\/span><\/p>/s);
    expect(text('One')).toBe('Figure 2: A picture');
    // A table's caption is above it; each part keeps its own caption in its cell.
    expect(body('Tables')).toMatch(/^<p class="table-caption">Table 1: Main caption<\/p>\n<div class="layout-grid layout-ncol-2"><div class="layout-cell"><table>.*<p class="table-caption">\(a\) First<\/p>\n<\/div><div class="layout-cell"><table>.*<p class="table-caption">\(b\) Second<\/p>\n<\/div><\/div>/s);
    expect(text('Refs')).toBe('See Figure 1, Figure 1 (b), Figure 2, 1 (a), Table 1 and Table 1 (b). Figure 3: Later');
    // Quarto's custom layout of rows (`layout="[1,2]"`) shares the width out as a grid's does.
    expect(body('Rows')).toMatch(/^<div class="layout-grid" style="grid-template-columns: 1fr 2fr"><div class="layout-cell">.*Narrow.*<\/div><div class="layout-cell">.*Wide.*<\/div><\/div>\n<p><span class="figure-caption">Figure 4: In rows<\/span><\/p>/s);
    expect(built.briefing.slides.map((s) => s.bodyHtml).join('')).not.toMatch(/:::|\{#|layout-ncol=/);
    expect(built.warnings).toEqual([]);
  });
});

describe("Quarto's numbered equations", () => {
  it("pandoc-crossref's labels, written with a colon ({#fig:001}, {#eq:one}, {#tbl:t}), are numbered and referenced as Quarto's are; none shows", async () => {
    const deck = [
      '---', 'title: C', 'aspectratio: 169', '---', '', '## Pictures', '', '![A new project](a.png){ #fig:001 width=80% }', '',
      '$$ x = 1 $$ {#eq:one}', '', '| a | b |', '|---|---|', '| 1 | 2 |', '', ': Counts {#tbl:t}', '',
      '## Summary', '', 'As figure [-@fig:001] shows, and @fig:001, [@eq:one] and @tbl:t.', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck, 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'pandoc-crossref'), 'deck.md'));
    const text = (title: string) => toPlainText(built.briefing.slides.find((s) => s.title === title)!.bodyHtml).replace(/\s+/g, ' ').trim();
    expect(built.briefing.slides.find((s) => s.title === 'Pictures')!.bodyHtml).toContain('<span class="figure-caption">Figure 1: A new project</span>');
    expect(text('Pictures')).toContain('Table 1: Counts');
    expect(text('Summary')).toBe('As figure 1 shows, and Figure 1, Equation 1 and Table 1.');
    expect(built.briefing.slides.map((s) => s.bodyHtml).join('')).not.toMatch(/fig:|eq:|tbl:/);
    expect(built.warnings.filter((w) => w.code === 'W_PEER_SYNTAX' || w.code === 'W_LINK')).toEqual([]);
  });

  it('a formula labelled {#eq-…} is numbered in the order of the text, and @eq-…, [@eq-…] and [-@eq-…] read as Quarto writes them; no label shows', async () => {
    const deck = [
      '---', 'title: E', '---', '', '## Refs', '', 'As @eq-two shows, and [-@eq-one] too; [@eq-one], and not @eq-none.', '', '```', '$$ x $$ {#eq-code}', '```', '',
      '## Formulas', '', '$$ a = b $$ {#eq-one}', '', '$$', 'c = d', '$$ {#eq-two}', '', 'Mail x@eq-one.org.', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'quarto-equations'), 'deck.qmd'));
    const text = (title: string) => toPlainText(built.briefing.slides.find((s) => s.title === title)!.bodyHtml).replace(/\s+/g, ' ').trim();
    // A reference before its formula is numbered all the same; one to no formula is marked, and code stays.
    expect(text('Refs')).toBe('As Equation 2 shows, and 1 too; Equation 1, and not ?@eq-none. $$ x $$ {#eq-code}');
    const formulas = built.briefing.slides.find((s) => s.title === 'Formulas')!.bodyHtml;
    // KaTeX sets each number beside its formula.
    expect(formulas.match(/class="tag"/g)).toHaveLength(2);
    expect(toPlainText(formulas)).toMatch(/^a=b\(1\)[\s\S]*c=d\(2\)/);
    expect(formulas).not.toContain('{#eq-');
    expect(formulas).toContain('Mail x@eq-one.org.');
    expect(built.warnings.map((w) => `${w.line}: ${w.message} (${w.hint})`)).toEqual([
      '7: the cross-reference @eq-none names no labelled figure, table or equation; it shows as ?@eq-none (did you mean @eq-one?)',
    ]);
  });
});

describe("a Pandoc div's inline style", () => {
  it("::: {style=…} and [text]{style=…} keep the declarations an author's HTML may (a size, a colour, a box), the div with reveal's auto-animate id and timing, as Quarto's auto-animate boxes have them; the rest is named", async () => {
    const deck = [
      '---', 'format: revealjs', '---', '', '## Boxes {auto-animate=true}', '', '::: {.r-hstack}',
      '::: {data-id="box1" auto-animate-delay="0.1" style="background: #2780e3; width: 200px; height: 150px; margin: 10px;"}', ':::', ':::', '',
      '## Small', '', '::: {style="font-size: 80%; transform: rotate(5deg); position: fixed; background: url(x.png)" data-id="x" .foo}', 'Small <b>bold</b> text', ':::', '', 'After', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'pandoc-div-style'), 'deck.qmd'));
    const body = (title: string) => built.briefing.slides.find((s) => s.title === title)!.bodyHtml;
    expect(body('Boxes')).toContain('<div class="r-hstack"><div style="background: #2780e3; width: 200px; height: 150px; margin: 10px" data-id="box1" data-auto-animate-delay="0.1"></div>\n</div>');
    expect(body('Small')).toMatch(/^<div style="font-size:\s?80%" data-id="x"><p>Small <b>bold<\/b> text<\/p>\n<\/div>/);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '14: a div\'s style transform: rotate(5deg); position: fixed; background: url(x.png) was left out: a style may set the look of its own box and text, never place it over the slide or fetch',
      '14: a div\'s attributes .foo are not read; its style is kept',
    ]);
    // A box with only its auto-animate id moves too.
    const moved = await buildDeck(path.join(writeBriefing({ 'deck.qmd': ['---', 'format: revealjs', '---', '', '## A {auto-animate=true}', '', '::: {data-id="title" .big}', 'Moves', ':::', ''].join('\n') }, 'pandoc-div-animate-id'), 'deck.qmd'));
    expect(moved.briefing.slides.at(-1)!.bodyHtml).toContain('<div data-id="title"><p>Moves</p>');
    expect(moved.warnings.map((w) => w.message)).toEqual(["a div's attributes .big are not read; what else it says is kept"]);
    // A span's too, Quarto's way to colour text.
    const span = await buildDeck(path.join(writeBriefing({ 'deck.qmd': ['---', 'format: revealjs', '---', '', '## Spans', '', '[Red text]{style="color: red; position: absolute"} and [big]{style="font-size: 2em"}.', ''].join('\n') }, 'pandoc-span-style'), 'deck.qmd'));
    expect(span.briefing.slides.at(-1)!.bodyHtml).toContain('<p><span style="color: red">Red text</span> and <span style="font-size: 2em">big</span>.</p>');
    expect(span.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['7: Pandoc attributes style=position: absolute are not supported and were left out']);
  });
});

describe("Quarto's aside and Pandoc's small capitals", () => {
  it('::: aside closes the slide in small type, inside a callout too, [text]{.smallcaps} is in small capitals, and an aside never closed is a warning', async () => {
    const deck = [
      '---', 'title: A', '---', '', '## Remarks', '', 'Main text with [a name]{.smallcaps}.', '', '::: aside', 'Some *aside* text.', ':::', '',
      '## Boxed', '', '::: {.callout-tip}', 'Tip text.', '', '::: {.aside}', 'Boxed aside.', ':::', ':::', '', '## Open', '', '::: aside', 'Never closed.', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'asides'), 'deck.qmd'));
    const body = (title: string) => built.briefing.slides.find((s) => s.title === title)!.bodyHtml.replace(/\n/g, '');
    expect(body('Remarks')).toBe('<p>Main text with <span class="smallcaps">a name</span>.</p><div class="aside"><p>Some <em>aside</em> text.</p></div>');
    expect(body('Boxed')).toBe('<div class="callout callout-tip"><p class="callout-title">Tip</p><p>Tip text.</p><div class="aside"><p>Boxed aside.</p></div></div>');
    expect(body('Open')).toBe('<p>Never closed.</p>');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['25: an aside that is never closed (no ::: line after it) is shown as plain content']);
  });
});

describe("Quarto's stacks and tabsets", () => {
  it('::: {.r-stack} keeps its blocks in one place, for reveal to stack; a tabset shows its tabs one after another under their names, without a warning', async () => {
    const deck = [
      '---', 'title: S', '---', '', '## Stack', '', '::: {.r-stack}', '![](a.png){.fragment}', '', '![](a.png){.fragment}', ':::', '',
      '## Tabs', '', '::: {.panel-tabset}', '### R', '', 'R code.', '', '### Python', '', 'Python code.', ':::', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck, 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'stacks'), 'deck.qmd'));
    const body = (title: string) => built.briefing.slides.find((s) => s.title === title)!.bodyHtml.replace(/\n/g, '');
    expect(body('Stack')).toBe('<div class="r-stack"><p><img src="briefdeck-asset:0" alt="" class="fragment"></p><p><img src="briefdeck-asset:1" alt="" class="fragment"></p></div>');
    expect(body('Tabs')).toBe('<h3>R</h3><p>R code.</p><h3>Python</h3><p>Python code.</p>');
    expect(built.warnings).toEqual([]);
  });

  it('fragment divs in a stack or a callout step in there, with their effects and places in the order; the stack stays whole and no fence shows', async () => {
    const deck = [
      '---', 'title: S', 'format: revealjs', '---', '', '## Stack', '', '::: {.r-stack}', '', ':::{.fragment .fade-in-then-out}', '', 'One', '', ':::', '', '::: {.fragment fragment-index=3 .bogus}', '', 'Two', '', ':::', '', ':::', '', 'After',
      '', '## Callout', '', '::: {.callout-note}', '', '## Remember', '', '::: {.fragment}', '', 'Step', '', ':::', '', ':::', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'stacked-fragments'), 'deck.qmd'));
    const body = (title: string) => built.briefing.slides.find((s) => s.title === title)!.bodyHtml.replace(/\n/g, '');
    expect(body('Stack')).toBe('<div class="r-stack"><div class="fragment fade-in-then-out"><p>One</p></div><div class="fragment" data-fragment-index="3"><p>Two</p></div></div><p>After</p>');
    expect(body('Callout')).toBe('<div class="callout callout-note"><p class="callout-title">Note</p><h3>Remember</h3><div class="fragment"><p>Step</p></div></div>');
    expect(built.warnings).toEqual([]);
  });
});

describe('fenced divs read whole (callouts, column grids)', () => {
  it('a div never closed is searched for once per fence length, and fences stop growing six kept divs deep, so the parse stays linear', async () => {
    const { rewritePandocLine } = await import('../src/parse/dialects/pandoc/rewrite-line.js');
    const state = { divs: [] as string[], columnsSeen: 0 };
    const fences = Array.from({ length: 10 }, () => rewritePandocLine('::: {layout-ncol=2}', state)!.text.split(' ')[0]!.length);
    expect(fences).toEqual([3, 4, 5, 6, 7, 8, 9, 9, 9, 9]);
    // The closing fence matches its opening's length: the innermost grid's first.
    expect(rewritePandocLine(':::', state)!.text).toBe(':::::::::');

    const { fencedDivPattern, matchFencedDiv } = await import('../src/parse/dialects/pandoc/fenced-div.js');
    let searches = 0;
    class CountingPattern extends RegExp {
      override exec(text: string): RegExpExecArray | null {
        searches++;
        return super.exec(text);
      }
    }
    const pattern = fencedDivPattern('layout-ncol=([2-4])');
    const counting = new CountingPattern(pattern.source, pattern.flags);
    const text = '::: {layout-ncol=2}\nCell.\n\n'.repeat(200);
    const lexer = {};
    const found = Array.from({ length: 200 }, (_, i) => matchFencedDiv(lexer, text.slice(i * 27), counting));
    expect(found.every((m) => m === 'unclosed')).toBe(true);
    expect(searches).toBe(1);
    // A longer fence is another search; a closed div is found.
    expect(matchFencedDiv(lexer, ':::: {layout-ncol=3}\nA\n::::\n', counting)).not.toBe('unclosed');
    expect(searches).toBe(2);
  });
});

describe("Quarto's callouts", () => {
  it('are titled by their heading, their title= or their kind, hold Markdown, and a heading in any other div stays on its slide', async () => {
    const deck = [
      '---', 'title: Q', '---', '', '## Boxes', '',
      '::: {.callout-tip title="Named tip"}', '- one', '- two', ':::', '', '::: callout-warning', 'Plain **warning**.', ':::', '',
      '::: {.panel-tabset}', '## A tab', 'Tab text.', ':::', '',
      // A class named like an object's own property closes as any div does, with nothing in its place.
      '::: {.constructor}', 'Plain.', ':::', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'quarto-callouts'), 'deck.qmd'));
    expect(built.briefing.slides.filter((s) => s.kind === 'content').map((s) => s.title)).toEqual(['Boxes']);
    expect(built.briefing.slides.at(-1)!.bodyHtml.replace(/\n/g, '')).toBe(
      '<div class="callout callout-tip"><p class="callout-title">Named tip</p><ul><li>one</li><li>two</li></ul></div>' +
        '<div class="callout callout-warning"><p class="callout-title">Warning</p><p>Plain <strong>warning</strong>.</p></div>' +
        '<h3>A tab</h3><p>Tab text.</p><p>Plain.</p>',
    );
  });

  it('one never closed shows its content as the slide\'s own, never its fence, with a warning at its line', async () => {
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '---\ntitle: U\n---\n\n## Open\n\n::: {.callout-note}\nNever closed.\n\n::: {.callout-tip}\nNor this.\n' }, 'quarto-unclosed'), 'deck.qmd'));
    expect(built.briefing.slides.at(-1)!.bodyHtml.replace(/\n/g, '')).toBe('<p>Never closed.</p><p>Nor this.</p>');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([7, 10].map((line) => `${line}: a callout that is never closed (no ::: line after it) is shown as plain content`));
  });
});

describe("Quarto's demo deck, in its own shapes", () => {
  it('reads code classes, raw {=html} blocks, background= on a heading and an inline-Markdown footer; a {=tex} block of a math environment is display math, as Pandoc writes it in HTML, and any other is left out', async () => {
    const deck = [
      '---', 'title: Q', 'format:', '  revealjs:', '    footer: <https://quarto.org>', '---', '',
      '## Highlighting {background="#43464B"}', '', '``` {.python code-line-numbers="4-5|7|10"}', ...Array.from({ length: 10 }, (_, i) => `x${i + 1} = ${i + 1}`), '```', '',
      '```{=tex}', '\\begin{gather*} a_1=b_1 \\end{gather*}', '```', '', '```{=html}', '<p>Raw <b>HTML</b> block</p>', '```', '', '```{=latex}', '\\newpage', '```', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'quarto-demo-shapes'), 'deck.qmd'));
    const slide = built.briefing.slides.find((s) => s.title === 'Highlighting')!;
    expect(slide.look).toEqual({ backgroundColor: '#43464B' });
    // Its line highlight, as reveal draws it: numbered lines, 4 and 5 standing out, then 7, then 10, one click each.
    expect(slide.bodyHtml).toContain('<pre><code class="hljs language-python has-highlights line-numbers code-steps hl-on-1 hl-on-2 hl-on-3">');
    expect([...slide.bodyHtml.matchAll(/<span class="code-line([^"]*)">/g)].map((m) => m[1]!.trim())).toEqual(['', '', '', 'highlight-line hl-1', 'highlight-line hl-1', '', 'hl-2', '', '', 'hl-3']);
    expect(slide.bodyHtml).toContain('</code><span class="fragment code-step"></span><span class="fragment code-step"></span></pre>');
    expect(slide.bodyHtml).toContain('<p>Raw <b>HTML</b> block</p>');
    expect(slide.bodyHtml).toMatch(/<div class="math-display">[\s\S]*<annotation encoding="application\/x-tex">\\begin\{gather\*\} a_1=b_1 \\end\{gather\*\}<\/annotation>/);
    expect(slide.bodyHtml).not.toContain('newpage');
    expect(built.briefing.meta.footerText).toBe('https://quarto.org');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['31: a raw {=latex} block is for another output and was left out']);
    const marp = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\nmarp: true\nheader: "**Draft** for discussion"\n---\n\n# One\n' }, 'marp-markdown-header'), 'deck.md'));
    expect(marp.briefing.meta.headerText).toBe('Draft for discussion');
  });

  it('reads raw inlines: `…`{=html} is raw HTML under the same rules as any, another output\'s is left out with a warning, never shown as code', async () => {
    const deck = ['---', 'title: Q', '---', '', '## Raw', '', 'Some `<b>bold</b>`{=html}, `<i onclick="x()">i</i>`{=html} and `\\LaTeX`{=latex} inline; `code`{.python} stays code.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'quarto-raw-inline'), 'deck.qmd'));
    expect(built.briefing.slides.find((s) => s.title === 'Raw')!.bodyHtml).toBe('<p>Some <b>bold</b>, <i>i</i> and  inline; <code>code</code> stays code.</p>\n');
    expect(built.warnings.map((w) => `${w.line} ${w.code}: ${w.message}`)).toEqual(['7 W_PEER_SYNTAX: a raw {=latex} inline is for another output and was left out', '7 W_RAW_HTML: raw HTML was neutralised: removed onclick on <i>']);
  });
});

describe("a slide's own footer", () => {
  it("Quarto's ::: footer div and Marp's _footer: directive are the slide's footer, never its body; other slides keep the deck's", async () => {
    const quarto = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '---\ntitle: Q\n---\n\n## Code\n\nText.\n\n::: footer\nLearn more: [Highlighting](https://quarto.org/docs)\n:::\n\n## Next\n\nPlain.\n' }, 'quarto-footer'), 'deck.qmd'));
    const [code, next] = quarto.briefing.slides.filter((s) => s.kind === 'content');
    expect([code!.footerText, code!.bodyHtml.replace(/\n/g, '')]).toEqual(['Learn more: Highlighting', '<p>Text.</p>']);
    expect(next!.footerText).toBeUndefined();
    expect(quarto.deck.html).toContain('<span class="footer-section">Learn more: Highlighting</span>');
    expect(quarto.warnings).toEqual([]);
    const marp = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\nmarp: true\nfooter: Deck footer\n---\n\n# One\n\n<!-- _footer: "**Own** footer" -->\n\nText.\n\n---\n\n# Two\n' }, 'marp-own-footer'), 'deck.md'));
    expect(marp.briefing.slides.map((s) => s.footerText)).toEqual(['Own footer', undefined]);
    expect(marp.deck.html).toContain('<span class="footer-section">Own footer</span>');
    expect(marp.deck.html).toContain('<span class="footer-section">Deck footer</span>');
    expect(marp.briefing.slides[0]!.notes).toBeNull();
  });

  it('a footer div never closed is named at its line, since it took the rest of its slide', async () => {
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '---\ntitle: U\n---\n\n## Open\n\nBody.\n\n::: footer\nFooter text\n' }, 'quarto-unclosed-footer'), 'deck.qmd'));
    expect(built.briefing.slides.at(-1)!.footerText).toBe('Footer text');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['9: a footer div that is never closed took the rest of the slide into its footer']);
  });
});

describe("a deck written for another tool, its section slides", () => {
  it('show the section\'s title alone, as Quarto shows it, without briefdeck\'s "Section" kicker, which a briefdeck deck keeps', async () => {
    const body = ['', '# Part one', '', '## A', '', 'Text.', ''];
    const quarto = await buildDeck(path.join(writeBriefing({ 'deck.qmd': ['---', 'title: Q', '---', ...body].join('\n') }, 'section-kicker-quarto'), 'deck.qmd'));
    const own = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'title: O', '---', ...body].join('\n') }, 'section-kicker-own'), 'deck.md'));
    const sectionOf = (html: string) => /<section[^>]*data-layout="section"[\s\S]*?<\/section>/.exec(html)![0];
    expect(sectionOf(quarto.deck.html)).not.toContain('section-kicker');
    expect(sectionOf(quarto.deck.html)).toContain('Part one');
    expect(sectionOf(own.deck.html)).toContain('<p class="section-kicker">Section</p>');
  });
});

describe("R Markdown's revealjs decks", () => {
  it("read the revealjs package's options: its theme is reveal.js's, its reveal_options reveal.js's (slide numbers, transition), self_contained what briefdeck makes anyway; the rest are named in one warning", async () => {
    const deck = ['---', 'title: R', 'output:', '  revealjs::revealjs_presentation:', '    theme: sky', '    highlight: pygments', '    self_contained: false', '    reveal_options:', '      slideNumber: false', '      transition: fade', '---', '', 'Overview', '========', '', 'Text.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck }, 'rmarkdown-revealjs'), 'deck.Rmd'));
    expect([built.briefing.meta.theme, built.briefing.meta.pageNumbers, built.briefing.meta.transition]).toEqual(['sky', false, 'fade']);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['3: "output" is R Markdown\'s metadata; briefdeck reads part of it and ignores highlight']);
    // A theme that is not reveal.js's is named, and the deck keeps its own.
    const other = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck.replace('theme: sky', 'theme: nonesuch') }, 'rmarkdown-revealjs-other'), 'deck.Rmd'));
    expect(other.briefing.meta.theme).toBe('briefing');
    expect(other.warnings[0]!.message).toMatch(/ignores theme, highlight$/);
  });
});

describe("R Markdown's ioslides and Slidy decks", () => {
  it('an .Rmd file is R Markdown\'s by its name, as a .qmd is Quarto\'s: a key of its own (a site\'s `site:`) is a warning, not an unknown-key error', async () => {
    const deck = ['---', 'title: Site', 'site: distill::distill_website', '---', '', '## One', '', 'Text', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'index.Rmd': deck }, 'rmd-by-name'), 'index.Rmd'));
    expect(built.briefing.meta.peerTools).toContain('R Markdown');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['3: "site" is not a briefdeck key; in this R Markdown deck it is taken for R Markdown\'s and ignored']);
  });

  it('read Markdown inside a <div> as Pandoc does (its class named in a warning if it has no meaning here; columns-2 flows it in two columns; its style kept), a bare <div> silently, notes divs as notes, and {.build} steps the slide in', async () => {
    const deck = [
      '---', 'title: IO', 'output: ioslides_presentation', '---', '',
      '## Built {.build}', '', '- First', '- Second', '',
      '## Columns', '', '<div class="columns-2">', '- Left item', '- Right item', '</div>', '', '<div class="notes">', 'Said, **not shown**.', '</div>', '',
      '## Bare', '', '<div>', '*Emphasis* inside', '</div>', '', '<div style="color: red">', '- styled', '</div>', '', '<div class="x">Same line</div>', '',
      '```html', '<div class="kept">', '- code', '</div>', '```', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck }, 'ioslides-divs'), 'deck.Rmd'));
    const body = (title: string) => built.briefing.slides.find((s) => s.title === title)!.bodyHtml.replace(/\n/g, '');
    expect(body('Built')).toBe('<ul><li class="fragment">First</li><li class="fragment">Second</li></ul>');
    // ioslides' columns-2 flows its content into two columns (a Chromium test measures them).
    expect(body('Columns')).toBe('<div class="columns-2"><ul><li>Left item</li><li>Right item</li></ul></div>');
    expect(built.briefing.slides.find((s) => s.title === 'Columns')!.notes!.html).toContain('<strong>not shown</strong>');
    // A div's style is kept, as Pandoc keeps it (what of it an author's HTML may set).
    expect(body('Bare')).toMatch(/^<p><em>Emphasis<\/em> inside<\/p><div style="color:\s?red"><ul><li>styled<\/li><\/ul><\/div><div>Same line<\/div><pre><code class="[^"]*language-html[^"]*">/);
    // Code stays code.
    expect(toPlainText(body('Bare'))).toContain('<div class="kept">- code</div>');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '32: classes no style of the deck names were left out of raw HTML (<div>)',
    ]);
    // A div of notes among other classes stays HTML (its notes taken out as any HTML notes are), and closes no div of Markdown around it.
    const nested = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': ['---', 'title: N', 'output: ioslides_presentation', '---', '', '## S', '', '<div class="box">', '- in box', '<div class="speaker-notes">', '*shown*', '</div>', '- after', '</div>', '', '<div class="notes other">', 'Said', '</div>', '', 'End', ''].join('\n') }, 'ioslides-nested-divs'), 'deck.Rmd'));
    const last = nested.briefing.slides.at(-1)!;
    expect(last.bodyHtml.replace(/\n/g, '')).toBe('<ul><li>in box</li></ul><p><em>shown</em></p><ul><li>after</li></ul><p>End</p>');
    expect(last.notes!.html).toContain('Said');
    // In a deck CommonMark reads, the lines of a <div> are HTML, as there.
    const plain = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: P\n---\n\n## S\n\n<div class="x">\n- raw\n</div>\n' }, 'commonmark-div'), 'deck.md'));
    expect(toPlainText(plain.briefing.slides.at(-1)!.bodyHtml).trim()).toBe('- raw');
  });

  it("a setup chunk that shows nothing before the first slide (RStudio's template's include=FALSE, Quarto's #| include: false) makes no slide, as knitr and Quarto take it out before Pandoc cuts; one that shows its code, or text beside it, still does", async () => {
    const setup = ['```{r setup, include=FALSE}', 'knitr::opts_chunk$set(echo = FALSE)', '```', ''];
    const quartoSetup = ['```{python}', '#| include: false', 'import pandas', '```', ''];
    const deck = (tool: string, before: string[]) => ['---', 'title: Setup', tool, '---', '', ...before, '## First', '', 'Text.', ''].join('\n');
    const slides = async (file: string, text: string, name: string) => (await buildDeck(path.join(writeBriefing({ [file]: text }, name), file))).briefing.slides.map((s) => [s.kind, s.title]);
    const titleAndFirst = [['title', 'Setup'], ['content', 'First']];
    expect(await slides('deck.Rmd', deck('output: ioslides_presentation', setup), 'rmd-setup-chunk')).toEqual(titleAndFirst);
    expect(await slides('deck.qmd', deck('format: revealjs', [...quartoSetup, ...setup]), 'qmd-setup-cell')).toEqual(titleAndFirst);
    // Code that shows, or a word beside the hidden chunk, is content before the first heading: a slide of its own, as in Pandoc.
    expect(await slides('deck.Rmd', deck('output: ioslides_presentation', ['```{r shown}', 'x <- 1', '```', '']), 'rmd-shown-chunk')).toEqual([['title', 'Setup'], ['content', null], ['content', 'First']]);
    expect(await slides('deck.Rmd', deck('output: ioslides_presentation', [...setup, 'A word.', '']), 'rmd-setup-and-text')).toEqual([['title', 'Setup'], ['content', null], ['content', 'First']]);
  });

  it("knitr's opts_chunk$set(echo = FALSE) in a setup chunk hides the code of every chunk that does not ask for it, as knitr does: such a chunk shows only output, which only knitr makes, so it is left out with a warning; echo = TRUE on a chunk still shows it", async () => {
    const deck = (setup: string) => ['---', 'title: Echo', 'output: ioslides_presentation', '---', '', '```{r setup, include=FALSE}', 'library(knitr)', `knitr::opts_chunk$set(${setup})`, '```', '', '## Shown', '', '```{r cars, echo = TRUE}', 'summary(cars)', '```', '', '## Hidden', '', '```{r pressure}', 'plot(pressure)', '```', ''].join('\n');
    const build = async (setup: string, name: string) => buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck(setup) }, name), 'deck.Rmd'));
    const hidden = await build('echo = FALSE, message = FALSE', 'knitr-echo-false');
    expect(hidden.briefing.slides.map((s) => [s.title, toPlainText(s.bodyHtml).replace(/\s+/g, '')])).toEqual([['Echo', ''], ['Shown', 'summary(cars)'], ['Hidden', '']]);
    expect(hidden.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['19: a code cell with echo: false shows only its output, which only knitr can make by running it; it was left out']);
    // knitr shows a chunk's code by default, and so does a setup that sets no echo, or sets it TRUE.
    for (const setup of ['fig.width = 6', 'echo = TRUE']) {
      expect((await build(setup, `knitr-echo-${setup.replace(/\W+/g, '-')}`)).briefing.slides.at(-1)!.bodyHtml).toContain('pressure');
    }
  });

  it("ioslides: a title's subtitle after a bar is a subheading under it, its attributes kept, and {.flexbox .vcenter} centres the slide; a bar elsewhere stays", async () => {
    const deck = ['---', 'title: IO', 'output: ioslides_presentation', '---', '', '# Part | Its subtitle', '', '## Getting up | What I like to do first {.smaller}', '', 'Text.', '', '## Centred {.flexbox .vcenter}', '', 'Middle.', '', '## A | B in a table?', '', '| a | b |', '|---|---|', '| 1 | 2 |', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck }, 'ioslides-subtitles'), 'deck.Rmd'));
    expect(built.briefing.slides.filter((s) => s.kind !== 'title').map((s) => [s.kind, s.title, s.look?.className ?? null])).toEqual([
      ['section', 'Part', null],
      ['content', 'Getting up', 'smaller'],
      ['content', 'Centred', 'center'],
      ['content', 'A', null],
    ]);
    expect(built.briefing.slides.find((s) => s.title === 'Getting up')!.bodyHtml).toContain('<h3>What I like to do first</h3>');
    expect(built.briefing.slides.find((s) => s.title === 'A')!.bodyHtml).toContain('<h3>B in a table?</h3>');
    expect(built.briefing.slides.find((s) => s.title === 'A')!.bodyHtml).toContain('<table>');
    expect(built.warnings).toEqual([]);
    // In a deck for another tool, a bar in a title is text.
    const other = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '---\ntitle: Q\n---\n\n## A | B\n\nText.\n' }, 'quarto-bar-title'), 'deck.qmd'));
    expect(other.briefing.slides.at(-1)!.title).toBe('A | B');
  });

  it("ioslides: {.columns-2} on a title flows the slide's content into two columns, as ioslides' stylesheet does", async () => {
    const deck = ['---', 'title: IO', 'output: ioslides_presentation', '---', '', '## Two columns {.columns-2}', '', '- one', '- two', '- three', '- four', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck }, 'ioslides-slide-columns'), 'deck.Rmd'));
    const slide = built.briefing.slides.find((s) => s.title === 'Two columns')!;
    expect(slide.look?.className).toBe('columns-2');
    expect(built.warnings).toEqual([]);
    expect(built.deck.html).toMatch(/<section[^>]*class="[^"]*\bcolumns-2\b/);
    expect(built.deck.html).toContain('section.columns-2 .slide-content');
  });

  it("keep the text of HTML in the metadata, which Pandoc reads as Markdown (xaringan's starter deck's subtitle \"⚔<br/>with xaringan\"), a line break as a space", async () => {
    const deck = ['---', 'title: "Presentation <em>Ninja</em>"', 'subtitle: "⚔<br/>with xaringan"', 'author: "Yihui Xie"', 'output:', '  xaringan::moon_reader:', '    lib_dir: libs', '---', '', '# One', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck }, 'xaringan-html-meta'), 'deck.Rmd'));
    expect([built.briefing.meta.title, built.briefing.meta.subtitle]).toEqual(['Presentation Ninja', '⚔ with xaringan']);
    expect(built.deck.html).toContain('<title>Presentation Ninja</title>');
    expect(built.deck.html).toContain('<p class="deck-subtitle">⚔ with xaringan</p>');
    // xaringan's #<< highlights its line, as remark does; the marker is never code.
    const code = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': ['---', 'title: C', 'output: xaringan::moon_reader', '---', '', '# Code', '', '```r', 'fit = lm(y ~ x) #<<', 'summary(fit)', '```', ''].join('\n') }, 'xaringan-highlight-marker'), 'deck.Rmd'));
    const codeHtml = code.briefing.slides.at(-1)!.bodyHtml;
    expect(toPlainText(codeHtml)).toBe('fit = lm(y ~ x) summary(fit)');
    expect(codeHtml).toMatch(/^<pre><code class="hljs language-r has-highlights"><span class="code-line highlight-line">fit .*<\/span>\n<span class="code-line">summary.*<\/span><\/code><\/pre>/);
    expect(code.warnings).toEqual([]);
    // In a deck of briefdeck's own, the metadata is text as written.
    const own = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: "Tags like <br/> stay"\n---\n\n## One\n' }, 'own-html-meta'), 'deck.md'));
    expect(own.briefing.meta.title).toBe('Tags like <br/> stay');
  });

  it('read the Markdown of the title, subtitle and author, as Pandoc and remark read it, to its text: links, emphasis and code never show their marks; a picture goes with a warning; math and briefdeck\'s own decks are left as written', async () => {
    const deck = ['---', 'title: "A **bold** `plan`"', 'subtitle: "![logo](logo.png) Review"', 'author: "[Ann](https://example.org) and *Bo*"', 'date: "2021-11-08"', 'output: xaringan::moon_reader', '---', '', '# One', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck }, 'xaringan-markdown-meta'), 'deck.Rmd'));
    expect([built.briefing.meta.title, built.briefing.meta.subtitle, built.briefing.meta.author]).toEqual(['A bold plan', 'Review', 'Ann and Bo']);
    expect(built.deck.html).toContain('<p class="deck-author">Ann and Bo</p>');
    expect(built.deck.html).not.toMatch(/\]\(https|\*\*bold/);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['3: a picture in the subtitle was left out: it shows text only']);
    const math = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '---\ntitle: "The $x^2$ *law*"\nformat: revealjs\n---\n\n## One\n' }, 'quarto-math-meta'), 'deck.qmd'));
    expect(math.briefing.meta.title).toBe('The $x^2$ *law*');
    const own = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: "A **plan**"\nauthor: "[Ann](https://example.org)"\n---\n\n## One\n' }, 'own-markdown-meta'), 'deck.md'));
    expect([own.briefing.meta.title, own.briefing.meta.author]).toEqual(['A **plan**', '[Ann](https://example.org)']);
  });

  it("follow Pandoc's Markdown, which R Markdown hands them to: >- lists step in, a. starts a lettered list, a lone picture is captioned; xaringan's, which remark reads, and @fig-x (a citation to knitr) do not", async () => {
    const text = ['## Getting up', '', '>- Turn off alarm', '>- Get out of bed', '', '## Figures', '', '![A red square](square.png)', '', 'a. first', 'b. second', '', 'See @fig-none.', ''];
    const square = readFileSync(path.join(FIXTURES, 'layouts', 'square.png'));
    const io = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': ['---', 'title: IO', 'output: ioslides_presentation', '---', '', ...text].join('\n'), 'square.png': square }, 'ioslides-pandoc-markdown'), 'deck.Rmd'));
    const body = (built: Awaited<ReturnType<typeof buildDeck>>, title: string) => built.briefing.slides.find((s) => s.title === title)!.bodyHtml.replace(/\n/g, '');
    expect(body(io, 'Getting up')).toBe('<ul><li class="fragment">Turn off alarm</li><li class="fragment">Get out of bed</li></ul>');
    expect(body(io, 'Figures')).toBe('<p><img src="briefdeck-asset:0" alt="A red square"><span class="figure-caption" aria-hidden="true">A red square</span></p><ol type="a" class="lower-alpha"><li>first</li><li>second</li></ol><p>See @fig-none.</p>');
    expect(io.warnings).toEqual([]);
    const xaringan = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': ['---', 'title: X', 'output: xaringan::moon_reader', '---', '', '---', '', ...text.slice(0, 5), '---', '', ...text.slice(5)].join('\n'), 'square.png': square }, 'xaringan-commonmark'), 'deck.Rmd'));
    expect(body(xaringan, 'Getting up')).toContain('<blockquote>');
    expect(body(xaringan, 'Figures')).not.toContain('figure-caption');
  });
});

describe('a deck Pandoc reads', () => {
  it('starts a slide at every horizontal rule, as Pandoc does (`***`, `- - -`, `___`); in a briefdeck deck `***` is a rule on the slide', async () => {
    const text = ['## One', '', 'First.', '', '* * *', '', 'Second.', '', '___', '', 'Third.', ''];
    const pandoc = await buildDeck(path.join(writeBriefing({ 'deck.qmd': ['---', 'title: R', '---', '', ...text].join('\n') }, 'pandoc-rules'), 'deck.qmd'));
    expect(pandoc.briefing.slides.filter((s) => s.kind === 'content').map((s) => toPlainText(s.bodyHtml).trim())).toEqual(['First.', 'Second.', 'Third.']);
    // A run of dashes right under a line of text is a simple table's, never a cut.
    const table = await buildDeck(path.join(writeBriefing({ 'deck.qmd': ['---', 'title: T', '---', '', '## Table', '', '  Right     Left', '-------     ------', '     12     12', ''].join('\n') }, 'pandoc-rule-table'), 'deck.qmd'));
    expect(table.briefing.slides.filter((s) => s.kind === 'content')).toHaveLength(1);
    expect(table.briefing.slides.at(-1)!.bodyHtml).toMatch(/^<table>[\s\S]*<td align="right">12<\/td>/);
    const own = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'title: R', '---', '', ...text].join('\n') }, 'own-rules'), 'deck.md'));
    expect(own.briefing.slides.filter((s) => s.kind === 'content')).toHaveLength(1);
    expect(own.briefing.slides.at(-1)!.bodyHtml).toContain('<hr>');
  });
});

describe("Pandoc's own slide show example", () => {
  it('reads its % title block as the title, authors and date, and its definition lists and line blocks, without their markers', async () => {
    const deck = [
      '% Habits', '% John Doe; Jane Roe', '% March 22, 2005', '',
      '# In the morning', '', '## Getting up', '',
      'Alarm', ':   Turn it off', '    before it rings twice', '', 'Bed', '~ Get out of it', ': Make it', '',
      '| The first line', '|    indented', '', '| a | b |', '|---|---|', '| 1 | 2 |', '', 'An \\alert{urgent} and \\textbf{bold} word.', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'habits.md': deck }, 'pandoc-example'), 'habits.md'));
    // Only Pandoc writes a % title block: its deck's LaTeX commands are read as Pandoc's (they showed as written).
    expect(built.briefing.meta.peerTools).toContain('Pandoc');
    expect(built.briefing.slides.at(-1)!.bodyHtml).toContain('<p>An <strong>urgent</strong> and <strong>bold</strong> word.</p>');
    expect([built.briefing.meta.title, built.briefing.meta.author, built.briefing.meta.date]).toEqual(['Habits', 'John Doe, Jane Roe', 'March 22, 2005']);
    // As Pandoc shows it: no list of sections, since it does not say toc: true.
    expect(built.briefing.slides.map((s) => s.title)).toEqual(['Habits', 'In the morning', 'Getting up']);
    const body = built.briefing.slides.at(-1)!.bodyHtml;
    expect(body).toContain('<dl><dt>Alarm</dt><dd>Turn it off before it rings twice</dd><dt>Bed</dt><dd>Get out of it</dd><dd>Make it</dd></dl>');
    expect(body).toContain('<p class="line-block">The first line<br>\u00a0\u00a0\u00a0indented</p>');
    // A GFM table is still a table.
    expect(body).toMatch(/<table>[\s\S]*<td>1<\/td>/);
    expect(built.warnings).toEqual([]);
  });

  it('reads grid and simple tables as tables, with list cells and alignments, and a caption line before or after a table as its caption (numbered when labelled)', async () => {
    const deck = [
      '---', 'title: T', '---', '', '## Grid', '', ': Before.', '',
      '+---------+--------:+--------------+', '| Fruit   | Price   | Advantages   |', '+=========+========:+==============+', '| Bananas | $1.34   | - wrapper    |', '|         |         | - **bright** |', '+---------+---------+--------------+', '',
      'Table: After. {#tbl-fruit}', '',
      '## Simple', '', '  Right     Left     Center     Default', '-------     ------ ----------   -------', '     12     12        12            12', '', ': Under a simple table.', '',
      '## Pipe', '', '| a | b |', '|---|---|', '| 1 | 2 |', '', ': Under a pipe table.', '',
      '## Not tables', '', 'Text', '-----', '', '-----  -----', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'pandoc-tables'), 'deck.md'));
    const body = (title: string) => built.briefing.slides.find((s) => s.title === title)!.bodyHtml.replace(/\n/g, '');
    expect(body('Grid')).toBe(
      '<p class="table-caption">Before.</p><table><thead><tr><th>Fruit</th><th align="right">Price</th><th>Advantages</th></tr></thead>' +
        '<tbody><tr><td>Bananas</td><td align="right">$1.34</td><td><ul><li>wrapper</li><li><strong>bright</strong></li></ul></td></tr></tbody></table><p class="table-caption">Table 1: After.</p>',
    );
    expect(body('Simple')).toBe(
      '<table><thead><tr><th align="right">Right</th><th align="left">Left</th><th align="center">Center</th><th>Default</th></tr></thead>' +
        '<tbody><tr><td align="right">12</td><td align="left">12</td><td align="center">12</td><td>12</td></tr></tbody></table><p class="table-caption">Under a simple table.</p>',
    );
    expect(body('Pipe')).toMatch(/<\/table><p class="table-caption">Under a pipe table.<\/p>$/);
    // A setext heading titles a slide, as Pandoc reads it at slide level 2; a thematic break of two runs stays one.
    expect([body('Not tables'), body('Text')]).toEqual(['', '<hr>']);
    expect(built.warnings).toEqual([]);
  });

  it("reads a multiline table as a table: its top border cuts no slide, its bottom one under a row of one line is no heading's underline, its rows' lines are joined; a rule before text is still a cut", async () => {
    const deck = [
      '% Multiline', '', '## Table', '',
      '-------------------------------------------',
      ' Centered   Default           Right Left',
      '  Header    Aligned         Aligned Aligned',
      '----------- ------- --------------- ------------',
      '   First    row                12.0 Spans',
      '                                    lines.',
      '',
      '  Second    *row*                5.0 Last',
      '-------------------------------------------',
      '', 'Table: The caption.', '',
      '## After', '', 'Text.', '', '-----', 'Rule, then text', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'pandoc-multiline-table'), 'deck.md'));
    expect(built.briefing.slides.map((s) => [s.kind, s.title])).toEqual([['title', 'Multiline'], ['content', 'Table'], ['content', 'After'], ['content', null]]);
    expect(built.briefing.slides[1]!.bodyHtml.replace(/\n/g, ' ')).toBe(
      '<table><thead><tr><th align="center">Centered  Header</th><th>Default Aligned</th><th align="right">Right Aligned</th><th align="left">Left Aligned</th></tr></thead>' +
        '<tbody><tr><td align="center">First</td><td>row</td><td align="right">12.0</td><td align="left">Spans lines.</td></tr>' +
        '<tr><td align="center">Second</td><td><em>row</em></td><td align="right">5.0</td><td align="left">Last</td></tr></tbody></table> <p class="table-caption">The caption.</p> ',
    );
    expect(built.warnings).toEqual([]);
  });

  it('reads simple and multiline tables without a header, between two runs of dashes: aligned by their first row, each line a row unless blank lines part them; runs of one dash are a rule', async () => {
    const deck = [
      '% Headerless', '', '## Simple', '',
      '-------     ------ ----------   -------', '     12     12        12             12', '    123     123       123           123', '-------     ------ ----------   -------', '',
      '## Multi', '',
      '----------- -------', '   First    Two', '            lines', '', '  Second    One', '----------- -------', '',
      '## Rules', '', 'Text', '', '- - -', 'Para', '- - -', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'pandoc-headerless-tables'), 'deck.md'));
    const body = (title: string | null) => built.briefing.slides.find((s) => s.title === title)!.bodyHtml.replace(/\n/g, ' ');
    expect(body('Simple')).toBe(
      '<table><tbody><tr><td align="right">12</td><td align="left">12</td><td align="center">12</td><td align="right">12</td></tr>' +
        '<tr><td align="right">123</td><td align="left">123</td><td align="center">123</td><td align="right">123</td></tr></tbody></table> ',
    );
    expect(body('Multi')).toBe('<table><tbody><tr><td align="center">First</td><td align="left">Two lines</td></tr><tr><td align="center">Second</td><td align="left">One</td></tr></tbody></table> ');
    // Pandoc cuts at a rule after a blank line; the one under text is a rule on the slide.
    expect(built.briefing.slides.map((s) => s.title)).toEqual(['Headerless', 'Simple', 'Multi', 'Rules', null]);
    expect(body(null)).toBe('<p>Para</p> <hr> ');
  });

  it("an empty ## starts an untitled slide, as Pandoc's slide level reads it (a picture alone on a slide, in public Quarto decks); .r-fit-text on a heading sizes the title to fill its line", async () => {
    const deck = ['---', 'title: T', 'format: revealjs', '---', '', '# Part {.r-fit-text}', '', '##', '![](a.png){.r-stretch}', '', '::: {.notes}', 'Said.', ':::', '', '## ##', '', 'Also untitled.', '', '## Titled', '', 'Text.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck, 'a.png': TINY_PNG }, 'pandoc-empty-heading'), 'deck.qmd'));
    const slides = built.briefing.slides.filter((s) => s.kind !== 'title');
    expect(slides.map((s) => [s.kind, s.title, toPlainText(s.bodyHtml).trim(), s.notes?.markdown ?? null])).toEqual([
      ['section', 'Part', '', null],
      ['content', null, '', 'Said.'],
      ['content', null, 'Also untitled.', null],
      ['content', 'Titled', 'Text.', null],
    ]);
    expect(slides[0]!.titleHtml).toBe('<span class="r-fit-text">Part</span>');
    expect(slides[1]!.bodyHtml).toMatch(/<img src="[^"]+" alt="" class="r-stretch">/);
    expect(built.warnings).toEqual([]);
  });

  it('reads raw TeX as its HTML output does: math environments are math, \\pause a step, other commands and environments go with a warning; #. lists, {.ul} and {-} too, and Beamer\'s frame options ({.fragile}) quietly', async () => {
    const deck = [
      '---', 'title: T', '---', '',
      '## Unnumbered {-}', '', '#. First', '#. Second', '', '[under]{.ul} text.', '',
      '## TeX {.unnumbered .unlisted .fragile .allowframebreaks}', '', 'Before.', '', '\\pause', '', 'After.', '', '\\newpage', '\\vspace{1em}', '',
      '\\begin{itemize}', '\\item Beamer only', '\\end{itemize}', '',
      '\\begin{equation}', 'x = 1', '\\end{equation}', '',
      '$$', '\\begin{aligned}', 'a &= b', '\\end{aligned}', '$$', '',
      '```', '\\newpage', '```', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'pandoc-raw-tex'), 'deck.md'));
    expect(built.briefing.slides.map((s) => s.title)).toEqual(['T', 'Unnumbered', 'TeX']);
    expect(built.briefing.slides[1]!.bodyHtml.replace(/\n/g, '')).toBe('<ol><li>First</li><li>Second</li></ol><p><u>under</u> text.</p>');
    const tex = built.briefing.slides[2]!.bodyHtml;
    expect(tex.replace(/\n/g, '')).toMatch(/^<p>Before.<\/p><div class="fragment"><p>After.<\/p>/);
    expect(toPlainText(tex)).not.toMatch(/\\(pause|vspace|item|begin\{itemize)/);
    // A LaTeX list keeps its items, which Pandoc's HTML would drop with it.
    expect(tex).toContain('<ul>\n<li>Beamer only</li>\n</ul>');
    // Two formulas: the equation environment, and the aligned one inside $$ as it was.
    expect(tex.match(/class="math-display"/g)).toHaveLength(2);
    expect(tex).toContain('<pre><code class="hljs">\\newpage</code></pre>');
    expect(built.warnings.map((w) => [w.line, w.message])).toEqual([
      [20, 'the LaTeX command \\newpage is for LaTeX output only and was left out, as Pandoc leaves it out of HTML'],
      [21, 'the LaTeX command \\vspace is for LaTeX output only and was left out, as Pandoc leaves it out of HTML'],
    ]);
  });

  it("keeps the words of LaTeX's lists, aligned text and quotes, which Pandoc's HTML drops with them: \\item a list item (nested, numbered, labelled), [<+->] a list that steps in, center and flushright an aligned block, quote a quote; an overlay on an item is named", async () => {
    const deck = [
      '---', 'title: B', 'output: beamer_presentation', '---', '', '## Lists', '',
      '\\begin{enumerate}[<+->]', '  \\item One', '  \\begin{itemize}', '    \\item Nested \\textbf{bold}', '  \\end{itemize}', '  \\item[Key] Labelled', '\\end{enumerate}', '',
      '\\begin{itemize}', '\\item<2-> Later', '\\end{itemize}', '',
      '\\begin{quote}', 'Words \\emph{quoted}.', '\\end{quote}', '',
      '\\begin{center}', 'Centred', '\\end{center}', '', '\\begin{flushright}', 'Right', '\\end{flushright}', '',
      '\\begin{tikzpicture}', '\\draw (0,0) -- (1,1);', '\\end{tikzpicture}', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck }, 'beamer-text-environments'), 'deck.Rmd'));
    const body = built.briefing.slides.find((s) => s.title === 'Lists')!.bodyHtml.replace(/\n/g, '');
    expect(body).toBe(
      '<ol><li class="fragment">One<ul><li class="fragment">Nested <strong>bold</strong></li></ul></li><li class="fragment"><strong>Key</strong> Labelled</li></ol>' +
        '<ul><li>Later</li></ul><blockquote><p>Words <em>quoted</em>.</p></blockquote>' +
        '<div style="text-align: center"><p>Centred</p></div><div style="text-align: right"><p>Right</p></div>',
    );
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      "17: Beamer's overlay \\item<2-> was left out: the item shows at once",
      '32: a LaTeX tikzpicture environment is for LaTeX output only and was left out, as Pandoc leaves it out of HTML',
    ]);
  });

  it('leaves out a command on a line of its own whose arguments hold a command (\\epigraph{…}{--- \\textup{…}}), and sets a text command on a line of its own (\\textbf{…}) as inside a line', async () => {
    const deck = ['---', 'title: E', 'output: beamer_presentation', '---', '', '## Quote', '', '\\epigraph{``A man willing to work."}{--- \\textup{Thomas Carlyle}}', '', '\\textbf{Important point}', '', '\\alert{Key \\emph{idea}}', '', 'After.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck }, 'beamer-command-lines'), 'deck.Rmd'));
    const body = built.briefing.slides.find((s) => s.title === 'Quote')!.bodyHtml.replace(/\n/g, '');
    expect(body).toBe('<p><strong>Important point</strong></p><p><strong>Key <em>idea</em></strong></p><p>After.</p>');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['8: the LaTeX command \\epigraph is for LaTeX output only and was left out, as Pandoc leaves it out of HTML']);
  });

  it('leaves out a line of several commands (\\hspace*{\\fill}\\vfill) as Pandoc leaves each out of HTML; a line of text commands is text; \\includegraphics on a line of its own (after \\center, in \\centerline{…}) is the picture, at its share of the width (named without its extension, the one found with one), and \\framesubtitle a heading under the title', async () => {
    const deck = [
      '---', 'title: E', 'output: beamer_presentation', '---', '', '## Picture', '\\framesubtitle{What the figure shows}', '', '\\center\\includegraphics[width=0.5\\columnwidth]{a.png}', '', '\\hspace*{\\fill} \\vfill', '',
      '\\textbf{Kept}\\textit{too}', '', '\\centerline{\\includegraphics[height=2cm]{figures/b.png}}', '', '\\includegraphics{figures/b}', '', 'After.', '', '\\includegraphics{missing}', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck, 'a.png': TINY_PNG, 'figures/b.png': TINY_PNG }, 'beamer-commands-lines'), 'deck.Rmd'));
    const body = built.briefing.slides.find((s) => s.title === 'Picture')!.bodyHtml;
    expect(toPlainText(body).replace(/\s+/g, ' ').trim()).toBe('What the figure shows Kepttoo After.');
    expect(body).toMatch(/^<h3>What the figure shows<\/h3>/);
    expect(body).toContain('alt="" width="50%">');
    const slide = built.deck.html.slice(built.deck.html.indexOf('<h3>What the figure shows</h3>'));
    // A name without its extension is the picture graphicx would find: figures/b is figures/b.png.
    expect(slide.slice(0, slide.indexOf('</section>')).match(/<img src="data:image\/png;base64,/g)).toHaveLength(3);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '11: the LaTeX commands \\hspace, \\vfill are for LaTeX output only and were left out, as Pandoc leaves them out of HTML',
      '21: image not found: missing; it was left out',
    ]);
  });

  it('leaves out a declaration before text (\\centering Questions?, \\small, \\hfill) and keeps the text, with a warning at its line; in code, or a longer name, it stays', async () => {
    const deck = ['---', 'title: E', 'output: beamer_presentation', '---', '', '## Thanks', '', '\\centering Questions?', '', '\\small Details and `\\small` in code, \\smallest stays.', '', 'Left \\hfill right.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck }, 'beamer-declarations'), 'deck.Rmd'));
    const body = built.briefing.slides.find((s) => s.title === 'Thanks')!.bodyHtml.replace(/\n/g, '');
    expect(body).toBe('<p>Questions?</p><p>Details and <code>\\small</code> in code, \\smallest stays.</p><p>Left right.</p>');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['centering', 'small', 'hfill'].map((name, i) => `${8 + 2 * i}: the LaTeX command \\${name} is for LaTeX output only and was left out, as Pandoc leaves it out of HTML; its text stays`));
  });

  it("reads a Beamer deck's \\note{…} as a speaker note, and its overlays' text (\\only<2>{…}) shown at once with a warning: none of its TeX shows", async () => {
    const deck = ['---', 'title: B', 'colortheme: dolphin', '---', '', '## One', '', 'Text.', '', '\\note{Remember \\textbf{this} & that.}', '', '\\only<2>{Only on two}', '\\onslide<2->{From two}', '\\vspace<2>{1em}', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'beamer-notes-overlays'), 'deck.md'));
    const slide = built.briefing.slides.find((s) => s.title === 'One')!;
    expect(slide.notes?.html).toContain('Remember <strong>this</strong> &amp; that.');
    expect(toPlainText(slide.bodyHtml).replace(/\s+/g, ' ').trim()).toBe('Text. Only on two From two');
    expect(built.warnings.filter((w) => w.line! > 5).map((w) => [w.line, w.message])).toEqual([
      [12, "Beamer's \\only<2> was left out: its text shows at once"],
      [13, "Beamer's \\onslide<2-> was left out: its text shows at once"],
      [14, 'the LaTeX command \\vspace is for LaTeX output only and was left out, as Pandoc leaves it out of HTML'],
    ]);
  });
});

describe("remark's and xaringan's decks", () => {
  it("a knitr chunk that shows nothing (include=FALSE), such as xaringan's setup chunk, leaves the slide's properties at its start, where remark reads them", async () => {
    const deck = ['---', 'title: "Talks"', 'output:', '  xaringan::moon_reader:', '    lib_dir: libs', '---', '', '```{r setup, include=FALSE}', 'options(htmltools.dir.version = FALSE)', '```', '', 'class: inverse, center, middle', 'background-color: #123456', '', '# Opening', '', '---', '', '```{r, echo=TRUE}', 'x <- 1', '```', '', 'class: center', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck }, 'xaringan-setup-chunk'), 'deck.Rmd'));
    const [opening, shown] = built.briefing.slides.filter((s) => s.kind === 'content');
    expect(opening!.look).toMatchObject({ className: 'invert lead', backgroundColor: '#123456' });
    expect(opening!.bodyHtml).not.toMatch(/class:|background-color|options\(/);
    // A chunk that shows its code is the slide's content: a property line after it is text, as in remark.
    expect(toPlainText(shown!.bodyHtml)).toMatch(/x <- 1\s+class: center/);
  });

  it("a xaringan deck (.Rmd, output: xaringan::moon_reader) is cut at ---, its ??? notes are notes, -- a build step, slide properties its look, content classes columns or text; nothing of remark's shows", async () => {
    const built = await buildDeck(path.join(DIALECTS, 'xaringan.Rmd'));
    const slides = built.briefing.slides;
    expect(built.briefing.meta.peerTools).toEqual(['R Markdown', 'remark']);
    expect(slides.map((s) => [s.kind, s.title, s.look?.className, s.notes?.markdown ?? null])).toEqual([
      ['title', 'Summit talks', undefined, null],
      ['content', 'Where talks stand', 'lead', 'Say the meetings were few.'],
      ['content', 'What worked', undefined, null],
      ['content', 'What did not', 'invert', null],
    ]);
    const second = slides[2]!;
    expect(second.layout).toBe('two-column');
    expect(second.columnsLead).toContain('<div class="fragment"><ul>\n<li>A pause in tests</li>');
    expect(second.columns!.map((c) => toPlainText(c).trim())).toEqual(['Gains on the left', 'Costs on the right']);
    expect(slides[3]!.bodyHtml.replace(/\n/g, '')).toBe('<p><small>A small note</small></p><p>No deal was <strong>signed</strong>.</p>');
    // A slide property reveal has too is the slide's.
    expect(slides[3]!.look).toMatchObject({ backgroundSize: 'cover' });
    expect(built.warnings.map((w) => [w.line, w.message])).toEqual([
      [5, '"output" is R Markdown\'s metadata; briefdeck reads part of it and ignores lib_dir'],
      [49, "remark's content class .red[…] is not supported; the text is shown without it"],
    ]);
  });

  it("Slidev's <v-clicks> inside raw HTML (a grid of cards) steps in each card, and a list's items when it holds one list, inside the grid: the region it makes elsewhere cut the HTML in two, and the grid closed before its first card", async () => {
    const deck = [
      '---', 'theme: seriph', 'title: Cards', '---', '', '# Cards', '',
      '<div class="grid grid-cols-3 gap-4">', '', '<v-clicks>', '', '<div class="p-4">', '', '### A', '', 'Text A', '', '</div>', '', '<div class="p-4">', '', '### B', '', '</div>', '', '</v-clicks>', '', '</div>', '',
      '---', '', '# Listed', '', '<div class="text-sm">', '<v-clicks>', '', '- One', '- Two', '', '</v-clicks>', '</div>', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'slidev-clicks-in-html'), 'slides.md'));
    const [cards, listed] = built.briefing.slides.slice(-2).map((s) => s.bodyHtml.replace(/\n/g, ''));
    expect(cards).toMatch(/^<div class="layout-grid layout-ncol-3"><div class="p-4 fragment"><h3>A<\/h3><p>Text A<\/p><\/div><div class="p-4 fragment"><h3>B<\/h3><\/div><\/div>$/);
    expect(listed).toBe('<div class="text-sm"><ul><li class="fragment">One</li><li class="fragment">Two</li></ul></div>');
    expect(built.warnings.filter((w) => /v-clicks|neutralised/.test(w.message))).toEqual([]);
  });

  it("a Slidev deck's text is set a step smaller (Slidev's 1.1rem of its 980px canvas is 23px at briefdeck's width, not its 30px), so what fit in Slidev fits; a Marp deck's is not", async () => {
    const slidev = await buildDeck(path.join(writeBriefing({ 'slides.md': ['---', 'theme: seriph', 'title: S', '---', '', '# One', '', 'Text', ''].join('\n') }, 'slidev-type-step'), 'slides.md'));
    expect(slidev.briefing.meta.smaller).toBe(true);
    expect(slidev.deck.html).toMatch(/<section class="layout-content kind-content smaller"/);
    const marp = await buildDeck(path.join(writeBriefing({ 'slides.md': ['---', 'marp: true', 'title: M', '---', '', '# One', '', 'Text', ''].join('\n') }, 'marp-type'), 'slides.md'));
    expect(marp.briefing.meta.smaller).toBe(false);
  });

  it("xaringan's css: files of the deck's own are its style sheets (a layout slide's footer placed by them), its built-in themes' names named as left out (css.default)", async () => {
    const deck = ['---', 'title: Talk', 'output:', '  xaringan::moon_reader:', '    css: ["default", "my-theme.css"]', '---', '', 'layout: true', '', '<div class="my-footer">CONFERENCE</div>', '', '---', '', '# One', '', 'Text', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck, 'my-theme.css': '.my-footer { position: absolute; bottom: 12px; }\n' }, 'xaringan-css'), 'deck.Rmd'));
    expect(built.briefing.authorCss).toContain('.my-footer { position: absolute; bottom: 12px; }');
    expect(built.briefing.slides.find((s) => s.title === 'One')!.bodyHtml).toContain('<div class="my-footer">CONFERENCE</div>');
    expect(built.warnings.map((w) => [w.line, w.message])).toEqual([[3, '"output" is R Markdown\'s metadata; briefdeck reads part of it and ignores css.default']]);
  });

  it("xaringan's nature: ratio sets the deck's size, 4:3 unless it says otherwise, as remark draws it; nature's options briefdeck does not read are named", async () => {
    const fixture = await buildDeck(path.join(DIALECTS, 'xaringan.Rmd'));
    expect(fixture.briefing.meta.size).toBe('4:3');
    const deck = (nature: string) => ['---', 'title: T', 'output:', '  xaringan::moon_reader:', '    nature:', ...nature.split('\n').map((l) => `      ${l}`), '---', '', '# One', ''].join('\n');
    const wide = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck("ratio: '16:9'\nhighlightLines: true\nhighlightStyle: github") }, 'xaringan-ratio'), 'deck.Rmd'));
    expect(wide.briefing.meta.size).toBe('16:9');
    expect(wide.warnings.map((w) => w.message)).toEqual(['"output" is R Markdown\'s metadata; briefdeck reads part of it and ignores nature.highlightStyle']);
    // briefdeck's own size wins, wherever it stands.
    const own = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck("ratio: '4:3'").replace('title: T', 'title: T\nsize: "16:9"') }, 'xaringan-own-size'), 'deck.Rmd'));
    expect(own.briefing.meta.size).toBe('16:9');
  });

  it("a folder briefing's file with xaringan's front matter is read as remark's, though it holds no ??? notes", async () => {
    const dir = writeBriefing({ 'briefing.yml': 'title: Folder\n', 'a.Rmd': ['---', 'output: xaringan::moon_reader', '---', '', 'class: middle', '', '# One', '', '--', '', 'Later', ''].join('\n') }, 'xaringan-folder');
    const built = await buildDeck(dir);
    const one = built.briefing.slides.find((s) => s.title === 'One')!;
    expect([one.look?.className, toPlainText(one.bodyHtml).trim()]).toEqual(['lead', 'Later']);
    expect(one.bodyHtml).toContain('class="fragment"');
  });

  it("a remark.js deck with no front matter is known by its ??? notes; a layout slide is drawn under the slides after it, and a class in code stays", async () => {
    const deck = ['layout: true', '', 'Header on every slide', '', '---', '', '# One', '', 'Text with `.red[code]`.', '', '???', 'Note one', '', '---', 'class: middle', '', '# Two', '', '--', '', 'Later'].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'remark-plain'), 'deck.md'));
    expect(built.briefing.meta.peerTools).toEqual(['remark']);
    expect(built.briefing.slides.map((s) => [s.title, s.look?.className, s.notes?.markdown ?? null, toPlainText(s.bodyHtml).replace(/\s+/g, ' ').trim()])).toEqual([
      ['One', undefined, 'Note one', 'Header on every slide Text with .red[code].'],
      ['Two', 'lead', null, 'Header on every slide Later'],
    ]);
    expect(built.briefing.slides[1]!.bodyHtml).toContain('class="fragment"');
    expect(built.warnings).toEqual([]);
  });

  it("remark's alignment classes (.center[…], .right[…], .left[…]), on a line of their own or around lines, are boxes aligned so, their Markdown read, quietly", async () => {
    const deck = ['---', 'output: xaringan::moon_reader', '---', '', '# Aligned', '', '.center[![Map](map.png)]', '', '.right[Signed, the **author**]', '', '.center[', 'A block with `code`', '', '- and a list', ']', '', 'Plain after.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck, 'map.png': TINY_PNG }, 'xaringan-aligned'), 'deck.Rmd'));
    const body = built.briefing.slides.find((s) => s.title === 'Aligned')!.bodyHtml.replace(/\n/g, '');
    expect(body).toMatch(/^<div style="text-align:center"><p><img src="[^"]+" alt="Map" ?\/?><\/p><\/div>/);
    expect(body).toContain('<div style="text-align:right"><p>Signed, the <strong>author</strong></p></div>');
    expect(body).toContain('<div style="text-align:center"><p>A block with <code>code</code></p><ul><li>and a list</li></ul></div><p>Plain after.</p>');
    expect(built.warnings).toEqual([]);
    // Opened in a chain with a column, an alignment has no box: it is named, and its closing closes none.
    const chain = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': ['---', 'output: xaringan::moon_reader', '---', '', '# Chain', '', '.pull-left[.center[', 'Inside', ']]', '', '.pull-right[', 'Right', ']', ''].join('\n') }, 'xaringan-aligned-chain'), 'deck.Rmd'));
    expect(chain.briefing.slides[0]!.columns).toEqual(['<p>Inside</p>\n', '<p>Right</p>\n']);
    expect(chain.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(["7: remark's content class .center[…] is not supported; its content is shown without it"]);
  });

  it("a class opened with a closed one as its first words (xaringanExtra's .panelset[ .panel[.panel-name[R Code] … ] ]) is read as a class opened on its line: no bracket or class name shows", async () => {
    const deck = ['---', 'output: xaringan::moon_reader', '---', '', '# Panels', '', '.panelset[', '.panel[.panel-name[R Code]', '```r', 'x <- 1', '```', ']', '', '.panel[.panel-name[Plot]', 'A plot goes here.', ']', ']', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck }, 'xaringan-panelset'), 'deck.Rmd'));
    const slide = built.briefing.slides.find((s) => s.title === 'Panels')!;
    expect(toPlainText(slide.bodyHtml).replace(/\s+/g, ' ').trim()).toBe('R Code x <- 1 Plot A plot goes here.');
    expect(slide.bodyHtml).toContain('<pre><code class="hljs language-r">');
  });

  it("a layout's .footnote[…] line, which remark's style sheet draws at the slide's foot, comes after the slide's content, outside its build steps", async () => {
    const deck = ['layout: true', 'class: inverse', '', '.footnote[Template footer]', '', 'Header on every slide', '', '---', '', '# One', '', 'First', '', '--', '', 'Second', '', '???', 'Said', '', '---', '', '# Two', '', 'Plain'].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'remark-layout-footnote'), 'deck.md'));
    const [one, two] = built.briefing.slides;
    expect(toPlainText(one!.bodyHtml).replace(/\s+/g, ' ').trim()).toBe('Header on every slide First Second Template footer');
    expect(one!.bodyHtml).toMatch(/<\/div>\s*<p><small>Template footer<\/small><\/p>\s*$/);
    expect(one!.notes?.markdown).toBe('Said');
    expect(toPlainText(two!.bodyHtml).replace(/\s+/g, ' ').trim()).toBe('Header on every slide Plain Template footer');
  });

  it("remark's named templates: a slide on one is drawn on the named slide (its properties, classes added up, its content with the slide's after its {{content}} line, or after it all), a chain as drawn; an unknown name is named with a did-you-mean", async () => {
    const deck = [
      'name: base', 'class: inverse', '', '# Base', '', 'Base text', '', '???', 'Base notes', '',
      '---', 'name: framed', 'template: base', 'class: center', '', 'Framed {{content}} end', '',
      '---', 'template: framed', '', 'Inner', '',
      '---', 'template: bsae', '', '# Lost', '', 'Alone', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'remark-templates'), 'deck.md'));
    expect(built.briefing.slides.map((s) => [s.title, s.look?.className ?? '', toPlainText(s.bodyHtml).replace(/\s+/g, ' ').trim()])).toEqual([
      ['Base', 'invert', 'Base text'],
      ['Base', 'invert text-center', 'Base text Framed end'],
      ['Base', 'invert text-center', 'Base text Framed end Inner'],
      ['Lost', '', 'Alone'],
    ]);
    // A base's notes are its own.
    expect(built.briefing.slides.map((s) => s.notes?.markdown ?? null)).toEqual(['Base notes', null, null, null]);
    expect(built.warnings.filter((w) => w.code === 'W_PEER_SYNTAX').map((w) => `${w.line}: ${w.message} (${w.hint})`)).toEqual([
      '24: remark\'s template "bsae" names no slide before this one, so the slide is drawn without it (did you mean base?)',
    ]);
  });


  it("a named slide is one a link reaches by its name, as remark navigates to it, and remark's default alignments (left, top) are no look to warn of", async () => {
    const deck = [
      'class: center, middle', '', '# Cover', '', '???', 'Notes', '',
      '---', 'name: deep', 'class: left, top', '', '# Deep', '', 'Text', '',
      '---', 'template: deep', '', 'More', '',
      '---', '', '# Links', '', '[Back to deep](#deep) and [nowhere](#deap)', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'remark-named-link'), 'deck.md'));
    const links = built.briefing.slides.find((s) => s.title === 'Links')!;
    // The second slide, the named one, not the slide drawn on it.
    expect(links.bodyHtml).toContain('<a href="#/1">Back to deep</a>');
    expect(built.briefing.slides[1]!.look?.className ?? '').toBe('');
    expect(built.warnings.map((w) => `${w.line}: ${w.message} (${w.hint})`)).toEqual(['25: link to "#deap" names no slide, so it goes nowhere (did you mean #deep?)']);
  });
  it("remark's layouts as remark draws them: the layout's properties a slide does not set (classes added up), its content with the slide's in {{content}}, until another layout or layout: false; a named template wins; its lines keep their own places", async () => {
    const deck = [
      'layout: true', 'class: inverse', 'background-image: url(https://example.org/bg.png)', '', '.top[Top {{content}}]', '', '{{content}}', '', '.bottom[Bottom]', '', '???', 'Layout notes', '',
      '---', '', '# One', '', 'First', '',
      '---', 'class: center', '', '# Two', '', '```', '---', '```', '',
      '---', 'template: other', '', '# Templated', '',
      '---', 'layout: false', '', '# Free', '', 'Alone', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': `${deck}\n???\nnotes\n` }, 'remark-layouts'), 'deck.md'));
    const slides = built.briefing.slides;
    expect(slides.map((s) => [s.title, s.look?.className ?? '', toPlainText(s.bodyHtml).replace(/\s+/g, ' ').trim()])).toEqual([
      ['One', 'invert', 'Top First Bottom'],
      ['Two', 'invert text-center', 'Top --- Bottom'],
      ['Templated', '', ''],
      ['Free', '', 'Alone'],
    ]);
    // The layout's notes are its own, never a slide's.
    expect(slides.map((s) => s.notes?.markdown ?? null)).toEqual([null, null, null, 'notes']);
    // The layout's remote picture is one warning, at the layout's own line.
    expect(built.warnings.map((w) => `${w.line}: ${w.code}`)).toEqual(expect.arrayContaining(['3: W_REMOTE_IMAGE']));
    expect(built.warnings.filter((w) => w.code === 'W_REMOTE_IMAGE')).toHaveLength(1);
    // Copied under every slide, a long layout would multiply the deck: past four times its length, the slides after keep to themselves.
    const long = ['layout: true', '', 'x'.repeat(200), '', '???', 'n', ...Array.from({ length: 40 }, (_, i) => `---\n\n# S${i + 1}\n`)].join('\n');
    const capped = await buildDeck(path.join(writeBriefing({ 'deck.md': long }, 'remark-layout-cap'), 'deck.md'));
    const drawn = capped.briefing.slides.map((s) => s.bodyHtml.includes('xxxx'));
    expect(drawn.indexOf(false)).toBeGreaterThan(5);
    expect(drawn.slice(drawn.indexOf(false)).every((d) => !d)).toBe(true);
    expect(capped.warnings.map((w) => w.message)).toEqual(["remark's layout is drawn under no more slides from here: copied under each, it would have made the deck more than four times its length"]);
  });
});

describe("remark's content classes inside a line", () => {
  it('are read eight deep, and deeper ones stay as written, so a hostile line costs little; a class in a code span stays', async () => {
    const { createRemarkState, rewriteRemarkLine } = await import('../src/parse/dialects/remark.js');
    const state = createRemarkState();
    state.atStart = false;
    const nested = (n: number) => `${'.bold['.repeat(n)}x${']'.repeat(n)}`;
    expect(rewriteRemarkLine(nested(8), state)!.text).toBe(`${'<strong>'.repeat(8)}x${'</strong>'.repeat(8)}`);
    expect(rewriteRemarkLine(nested(9), state)!.text).toBe(`${'<strong>'.repeat(8)}.bold[x]${'</strong>'.repeat(8)}`);
    expect(rewriteRemarkLine('`.red[code]` and .red[text]', state)!.text).toBe('`.red[code]` and text');
    // A long line of unclosed ones is left as it is.
    expect(rewriteRemarkLine('.red['.repeat(20000), state)).toBeNull();
  });
  it('given together (.red.bold[…]) each apply, inside a line, opened on a line of their own or a line to themselves (.right.small[…]): none of their names shows', async () => {
    const deck = ['# Classes', '', '.red.bold[Stated plainly.]', '', '.center.large[', 'Centred and large.', ']', '', '.right.small[A right aside]', '', '.footnote[.red.bold[*] A footnote]', '', '???', 'The note.'].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': `${deck}\n` }, 'remark-class-groups'), 'deck.md'));
    const body = built.briefing.slides[0]!.bodyHtml;
    expect(toPlainText(body).replace(/\s+/g, ' ').trim()).toBe('Stated plainly. Centred and large. A right aside * A footnote');
    expect(body).toMatch(/<div style="text-align: ?right">\s*<p>A right aside<\/p>\s*<\/div>/);
    expect(body).toContain('<strong>Stated plainly.</strong>');
    expect(body).toMatch(/<div style="text-align: ?center">\s*<p>Centred and large\.<\/p>\s*<\/div>/);
    expect(body).toContain('<small><strong>*</strong> A footnote</small>');
    const red = "remark's content class .red[…] is not supported; the text is shown without it";
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([`3: ${red}`, "5: remark's content class .large[…] is not supported; its content is shown without it", "9: remark's content class .small[…] is not supported; its content is shown without it", `11: ${red}`]);
  });
});

describe('a comment over several lines', () => {
  it("hides what it holds, as CommonMark and Pandoc read it: a slide commented out is no slide, and nothing of it shows (Marp makes it a note, as Marp does); one never closed hides nothing", async () => {
    const commented = ['<!-- ', '---', '### Commented out', '', 'Hidden text.', '', '{{< include part.qmd >}}', '', ':::: {.columns}', '::: {.column}', 'TBD', ':::', ':::: -->'];
    const deck = (front: string[]) => [...front, '', '## One', '', 'Text one.', '', ...commented, '', '---', '', '## Two', '', 'Text two.', ''].join('\n');
    const quarto = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck(['---', 'title: Q', '---']) }, 'comment-out-quarto'), 'deck.qmd'));
    expect(quarto.briefing.slides.filter((s) => s.kind === 'content').map((s) => [s.title, toPlainText(s.bodyHtml).trim(), s.layout])).toEqual([['One', 'Text one.', 'content'], ['Two', 'Text two.', 'content']]);
    expect(quarto.deck.html).not.toContain('Hidden text');
    expect(quarto.briefing.slides.map((s) => toPlainText(s.bodyHtml)).join('')).not.toMatch(/TBD|-->|–>|:::/);
    expect(quarto.warnings).toEqual([]);
    const marp = await buildDeck(path.join(writeBriefing({ 'deck.md': deck(['---', 'marp: true', '---']) }, 'comment-out-marp'), 'deck.md'));
    expect(marp.briefing.slides.map((s) => [s.title, s.notes ? toPlainText(s.notes.html).replace(/\s+/g, ' ').trim() : null])).toEqual([['One', 'Commented out Hidden text. TBD'], ['Two', null]]);
    // briefdeck's own deck: a heading in a comment names no slide.
    const own = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'title: O', '---', '', '## One', '', '<!--', '## Draft slide', 'Not yet.', '-->', '', '## Two', ''].join('\n') }, 'comment-out-own'), 'deck.md'));
    expect(own.briefing.slides.filter((s) => s.kind === 'content').map((s) => s.title)).toEqual(['One', 'Two']);
    // Never closed, an opening hides nothing: the slides after it stay.
    const open = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'title: O', '---', '', '## One', '', '<!-- a note left open', '', '## Two', ''].join('\n') }, 'comment-open'), 'deck.md'));
    expect(open.briefing.slides.filter((s) => s.kind === 'content').map((s) => s.title)).toEqual(['One', 'Two']);
  });
});

describe("remark's slide properties after knitr chunks", () => {
  it('are read after a chunk left out (include=FALSE, or echo=FALSE, whose output only knitr makes), and show after one that shows code, as remark would show them', async () => {
    const deck = (header: string) => ['---', 'title: T', 'output: xaringan::moon_reader', '---', '', '```{r setup, include=FALSE}', 'library(knitr)', '```', '', header, 'sass::sass("x")', '```', '', 'class: middle', '', '# Information', ''].join('\n');
    const hidden = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck('```{r, echo = FALSE}') }, 'remark-properties-echo'), 'deck.Rmd'));
    const slide = hidden.briefing.slides.find((s) => s.title === 'Information')!;
    expect(slide.look?.className).toBe('lead');
    expect(toPlainText(slide.bodyHtml)).not.toContain('class:');
    const shown = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck('```{r}') }, 'remark-properties-shown'), 'deck.Rmd'));
    expect(toPlainText(shown.briefing.slides.find((s) => s.title === 'Information')!.bodyHtml)).toContain('class: middle');
  });
});

describe("remark's content classes over several lines", () => {
  it('may hold their first words on the line that opens them, read as a line of their own, in columns too; neither the bracket nor the class shows', async () => {
    const deck = ['---', 'title: T', 'output: xaringan::moon_reader', '---', '', '# Filters', '', '.remarque[ These are useful :', '* `==`, `>`', '* `is.na()`', ']', '', '.pull-left[ Left words', ']', '.pull-right[', 'Right words', ']', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck }, 'remark-class-first-words'), 'deck.Rmd'));
    const slide = built.briefing.slides.find((s) => s.title === 'Filters')!;
    // What comes before the first column spans the columns, above them.
    expect(toPlainText(slide.columnsLead ?? '').replace(/\s+/g, ' ').trim()).toBe('These are useful : ==, > is.na()');
    expect(slide.columnsLead).toContain('<li><code>is.na()</code></li>');
    expect(slide.columns!.map((c) => toPlainText(c).replace(/\s+/g, ' ').trim())).toEqual(['Left words', 'Right words']);
    expect(built.deck.html).not.toMatch(/\.(remarque|pull-left)\[/);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(["8: remark's content class .remarque[…] is not supported; its content is shown without it"]);
  });
});

describe("remark's content classes opened one in another", () => {
  it('.pull-left[.full-width[ on a line of its own makes the column, closed by ]] together; the other class is named where it opens; nothing of it shows', async () => {
    const deck = ['---', 'title: T', 'output: xaringan::moon_reader', '---', '', '# Columns', '', '.pull-left[.full-width[', '', 'Left words', '', ']]', '', '.pull-right[.full-width[', '', 'Right words', '', ']]', '', 'Under `.a[.b[x]]` both.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck }, 'remark-class-chain'), 'deck.Rmd'));
    const slide = built.briefing.slides.find((s) => s.title === 'Columns')!;
    expect(slide.columns!.map((c) => toPlainText(c).replace(/\s+/g, ' ').trim())).toEqual(['Left words', 'Right words Under .a[.b[x]] both.']);
    expect(`${slide.columnsLead ?? ''}${slide.columns!.join('')}`.replace(/<code>[^<]*<\/code>/g, '')).not.toMatch(/\[|\]/);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      "8: remark's content class .full-width[…] is not supported; its content is shown without it",
      "14: remark's content class .full-width[…] is not supported; its content is shown without it",
    ]);
  });

  it('.pull-left[…] and .pull-right[…] each closed on its own line (a short column, as xaringan decks often write one) make the two columns, their Markdown read; a class after the bracket on the line is no column', async () => {
    const deck = ['---', 'title: T', 'output: xaringan::moon_reader', '---', '', '# Halves', '', '.pull-left[The **left** half]', '.pull-right[The right half]', '', '---', '', '# Not columns', '', '.pull-left[Left] and more', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck }, 'remark-one-line-columns'), 'deck.Rmd'));
    const halves = built.briefing.slides.find((s) => s.title === 'Halves')!;
    expect(halves.columns!.map((c) => c.trim())).toEqual(['<p>The <strong>left</strong> half</p>', '<p>The right half</p>']);
    const not = built.briefing.slides.find((s) => s.title === 'Not columns')!;
    expect(not.columns ?? null).toBeNull();
    expect(toPlainText(not.bodyHtml).trim()).toBe('Left and more');
  });
});

describe("xaringan's highlighted code lines", () => {
  // Each line as shown, after a * when it is lit, its leading space kept.
  const lit = (html: string) => [...html.matchAll(/<span class="code-line( highlight-line)?">(.*?)<\/span>(?=\n|<\/code>)/g)].map((m) => `${m[1] ? '*' : ' '}${m[2]!.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"')}`);
  it("with highlightLines, a line opening with * and an R cell's {{ … }} line are lit without their marks; a plain block's braces and a chunk shown with `r ''` stay as written", async () => {
    const deck = [
      '---', 'title: T', 'output:', '  xaringan::moon_reader:', '    nature:', '      highlightLines: true', '---', '',
      '# Star', '', '```r', 'if (TRUE) {', '* message("a")', '}', '```', '',
      '---', '', '# Braces', '', '```{r}', 'if (TRUE) {', '{{ message("b") }}', '}', '```', '',
      '---', '', '# Shown', '', "`r ''````{r tidy=FALSE}", '{{ message("c") }}', '```', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck }, 'xaringan-highlight-lines'), 'deck.Rmd'));
    const body = (title: string) => built.briefing.slides.find((s) => s.title === title)!.bodyHtml;
    expect(lit(body('Star'))).toEqual([' if (TRUE) {', '* message("a")', ' }']);
    expect(lit(body('Braces'))).toEqual([' if (TRUE) {', '* message("b") ', ' }']);
    // knitr leaves `r ''` as nothing and never runs the chunk: a code block whose braces are code.
    expect(toPlainText(body('Shown'))).toBe('{{ message("c") }}');
    expect(body('Shown')).toContain('language-r');
    expect(built.warnings).toEqual([]);
    // Without highlightLines, remark shows the marks as written.
    const plain = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': ['---', 'title: T', 'output: xaringan::moon_reader', '---', '', '# Star', '', '```r', '* message("a")', '```', ''].join('\n') }, 'xaringan-no-highlight-lines'), 'deck.Rmd'));
    expect(toPlainText(plain.briefing.slides.find((s) => s.title === 'Star')!.bodyHtml)).toBe('* message("a")');
  });
});

describe("remark's scale macro", () => {
  it('![:scale 25%](a.png) is the picture at that width, inside an HTML block too, as remark writes it before reading the Markdown; in code it is code', async () => {
    const deck = ['---', 'title: M', 'output: xaringan::moon_reader', '---', '', '# Macros', '', '![:scale 25%](a.png)', '', '<div align="center">', '![:scale 20%](a.png)', '</div>', '', 'Code `![:scale 10%](a.png)` stays.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck, 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'remark-scale-macro'), 'deck.Rmd'));
    const body = built.briefing.slides.find((s) => s.title === 'Macros')!.bodyHtml;
    expect([...body.matchAll(/<img src="briefdeck-asset:(\d+)" alt="" width="(\d+%)"/g)].map((m) => m[2])).toEqual(['25%', '20%']);
    expect(toPlainText(body).trim()).toBe('Code ![:scale 10%](a.png) stays.');
    expect(built.warnings).toEqual([]);
  });
});

describe("a deck for Pandoc's Beamer output", () => {
  it("keeps Beamer's columns and blocks as columns and callouts, and sets LaTeX's text commands (\\textbf, \\alert, \\emph, \\href) as they set their text, where the text was lost or shown as TeX", async () => {
    const deck = ['---', 'title: B', 'output: beamer_presentation', '---', '', '## Columns', '', '\\begin{columns}', '\\begin{column}{0.4\\textwidth}', 'Left text', '\\end{column}', '\\begin{column}{0.6\\textwidth}', 'Right text', '\\end{column}', '\\end{columns}', '',
      '## Blocks', '', '\\begin{block}{A "title"}', 'Block body', '\\end{block}', '', '\\begin{alertblock}{}', 'Alert body', '\\end{alertblock}', '',
      '## Inline', '', '\\emph{Stress}, \\textbf{\\texttt{x}}, \\alert{alert}, \\href{https://example.org}{a link}, \\url{https://example.org/u} and \\href{javascript:alert(1)}{bad}.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck }, 'beamer-deck'), 'deck.Rmd'));
    const [columns, blocks, inline] = built.briefing.slides.filter((s) => s.kind === 'content');
    expect([columns!.layout, columns!.columnWidths, columns!.columns!.map((c) => toPlainText(c).trim())]).toEqual(['two-column', [40, 60], ['Left text', 'Right text']]);
    expect(blocks!.bodyHtml.replace(/\n/g, '')).toBe(`<div class="callout callout-note"><p class="callout-title">A ‘title’</p><p>Block body</p></div><div class="callout callout-warning"><p class="callout-title">Warning</p><p>Alert body</p></div>`);
    expect(inline!.bodyHtml).toContain('<em>Stress</em>, <strong><code>x</code></strong>, <strong>alert</strong>, <a href="https://example.org" target="_blank" rel="noopener noreferrer">a link</a>, <a href="https://example.org/u" target="_blank" rel="noopener noreferrer">https://example.org/u</a>');
    expect(inline!.bodyHtml).not.toContain('javascript');
    expect(toPlainText(built.deck.html)).not.toMatch(/\\(begin|end|textbf|emph|alert|href)/);
    // Beamer's \pause inside a line goes, as Pandoc's HTML drops it, with a warning at its line that says how to keep the step.
    const paused = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': ['---', 'title: P', 'output: beamer_presentation', '---', '', '## Steps', '', '- One', '- Two \\pause', '- Three', ''].join('\n') }, 'beamer-inline-pause'), 'deck.Rmd'));
    expect(paused.briefing.slides.at(-1)!.bodyHtml.replace(/\n/g, '')).toBe('<ul><li>One</li><li>Two </li><li>Three</li></ul>');
    expect(paused.warnings.map((w) => `${w.line}: ${w.message} (${w.hint})`)).toEqual(["9: Beamer's \\pause inside a line was left out, as Pandoc leaves it out of HTML; the rest of the slide shows at once (put \\pause, or . . ., on a line of its own to step the slide there)"]);
  });

  it("reads Beamer's \\column{…} commands inside columns as the columns they start, with their widths, not as commands left out", async () => {
    const deck = ['---', 'title: C', 'output: beamer_presentation', '---', '', '## Columns', '', '\\begin{columns}[T]', '\\column{0.3\\textwidth}', 'Left text', '', '\\column{0.7\\textwidth}', 'Right text', '\\end{columns}', '', '## Later', '', 'Plain', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck }, 'beamer-column-commands'), 'deck.Rmd'));
    const [columns, later] = built.briefing.slides.filter((s) => s.kind === 'content');
    expect([columns!.layout, columns!.columnWidths, columns!.columns!.map((c) => toPlainText(c).trim())]).toEqual(['two-column', [30, 70], ['Left text', 'Right text']]);
    expect(toPlainText(later!.bodyHtml).trim()).toBe('Plain');
    expect(built.warnings).toEqual([]);
    // A width in another unit (1.5cm) is no share of the text's: that column takes what the other leaves.
    const cm = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': ['---', 'title: C', 'output: beamer_presentation', '---', '', '## Sized', '', '\\begin{columns}', '\\column{1.5cm}', 'L', '\\column{0.4\\textwidth}', 'R', '\\end{columns}', ''].join('\n') }, 'beamer-column-cm'), 'deck.Rmd'));
    expect(cm.briefing.slides.at(-1)!.columnWidths).toEqual([60, 40]);
    // The shorthands Pandoc's Beamer templates define, \\begincols and \\endcols, are those columns; a heading's attributes
    // right after its text (`# Demo{#sec:demo}`, pandoc-crossref's way) are its attributes, but a span's at its end the span's.
    const shorthand = ['% Talk', '', '# Demo{#sec:demo}', '', '\\begincols', '', '\\column{.5\\textwidth}', '', 'Left', '', '\\column{.5\\textwidth}', '', 'Right', '', '\\endcols', '', '# The [set]{.smaller}', '', 'Text', ''].join('\n');
    const cols = await buildDeck(path.join(writeBriefing({ 'deck.md': shorthand }, 'beamer-begincols'), 'deck.md'));
    const demo = cols.briefing.slides.find((s) => s.title === 'Demo')!;
    expect([demo.layout, demo.columns?.map((c) => toPlainText(c).trim())]).toEqual(['two-column', ['Left', 'Right']]);
    expect(cols.briefing.slides.map((s) => s.title)).toContain('The set');
    expect(cols.warnings.map((w) => w.message).join('\n')).not.toMatch(/begincols|endcols|\{#sec/);
  });
});

describe('a line of an inline HTML tag alone', () => {
  it('in a deck Pandoc reads opens a paragraph, its Markdown read (a credit in <small> over a link), as Pandoc reads it; in a CommonMark deck it opens an HTML block, as there', async () => {
    const credit = ['', '![](a.png)', '', '<small>', '(photo by [Ann Lee](https://example.com/ann))', '</small>', '', '<span class="note">', '**Bold** words', '</span>', ''];
    const pandoc = await buildDeck(path.join(writeBriefing({ 'deck.md': ['% Talk', '', '# Slide', ...credit].join('\n'), 'a.png': TINY_PNG }, 'pandoc-inline-tag-lines'), 'deck.md'));
    expect(pandoc.briefing.meta.peerTools).toEqual(['Pandoc']);
    const body = pandoc.briefing.slides.find((s) => s.title === 'Slide')!.bodyHtml;
    expect(body).toContain('<small>\n(photo by <a href="https://example.com/ann" target="_blank" rel="noopener noreferrer">Ann Lee</a>)\n</small>');
    expect(body).toMatch(/<strong>Bold<\/strong> words/);
    expect(toPlainText(body)).not.toMatch(/\]\(|\*\*/);
    // A div is Pandoc's block, read as before; and a Marp deck (CommonMark, as markdown-it reads it) keeps the HTML block's text as written.
    const marp = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'marp: true', '---', '', '# Slide', ...credit].join('\n'), 'a.png': TINY_PNG }, 'marp-inline-tag-lines'), 'deck.md'));
    expect(marp.briefing.slides[0]!.bodyHtml).toContain('(photo by [Ann Lee](https://example.com/ann))');
  });
});

describe('math between backslashed brackets', () => {
  it('a display formula on the lines under a list item or a line of text is typeset whole: a line of only = or - in its TeX is never a setext heading\'s underline; a real setext heading stays one', async () => {
    const deck = ['---', 'title: M', '---', '', '## Matrix', '', '- Matrix', '$$', '\\begin{aligned}', '\tA', '\t=', '\tB', '\\end{aligned}', '$$', '', 'Text', '$$', 'x', '-', 'y', '$$', '', '## Heading', '', 'Setext title', '===', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'math-under-list-item'), 'deck.md'));
    const math = built.briefing.slides.find((s) => s.title === 'Matrix')!.bodyHtml;
    expect(math).toMatch(/^<ul>\s*<li>Matrix<div class="math-display">/);
    expect(math.match(/class="math-display"/g)).toHaveLength(2);
    expect(math).not.toMatch(/<h\d|\\begin\{aligned\}<|<li>\s*y/);
    // A real one is a heading as `# Setext title` is: the section it starts.
    expect(built.briefing.slides.filter((s) => s.kind === 'section').map((s) => s.title)).toEqual(['Setext title']);
  });

  it("reveal.js's Markdown writes \\\\(…\\\\) and \\\\[…\\\\] for its math plugin, and R Markdown's Pandoc reads \\(…\\) and \\[…\\]: both are typeset, in titles too; an escaped backslash, and a deck for no tool, keep them as text", async () => {
    const reveal = ['---', 'title: M', 'revealOptions:', '  transition: fade', '---', '', '## Heads \\\\(k\\\\) of \\\\(n\\\\)', '', 'Inline \\\\(x^2\\\\) and \\\\[ y = mx \\\\]', ''].join('\n');
    const revealed = await buildDeck(path.join(writeBriefing({ 'deck.md': reveal }, 'reveal-backslash-math'), 'deck.md'));
    const slide = revealed.briefing.slides[0]!;
    expect(slide.title).toBe('Heads k of n');
    expect(slide.titleHtml!.match(/class="katex"/g)).toHaveLength(2);
    expect(slide.bodyHtml).toMatch(/^<p>Inline <span class="katex">[\s\S]*x\^2[\s\S]* and <span class="katex-display">[\s\S]*y = mx/);
    const rmd = ['---', 'title: "R"', 'output: ioslides_presentation', '---', '', '## Slide', '', 'Inline \\(x^2\\), then \\[ y = mx \\]', '', 'Escaped \\\\(not math).', ''].join('\n');
    const knitted = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': rmd }, 'rmd-backslash-math'), 'deck.Rmd'));
    const body = knitted.briefing.slides.find((s) => s.title === 'Slide')!.bodyHtml;
    expect(body).toMatch(/^<p>Inline <span class="katex">[\s\S]*, then <span class="katex-display">/);
    expect(body).toContain('<p>Escaped \\(not math).</p>');
    // In briefdeck's own deck, Markdown's escapes stand: \\( is a backslash and a bracket.
    const own = await buildDeck(path.join(writeBriefing({ 'deck.md': '## Own\n\nText \\\\(x\\\\) and \\(y\\).\n' }, 'own-backslash-math'), 'deck.md'));
    expect(own.briefing.slides.at(-1)!.bodyHtml).toBe('<p>Text \\(x\\) and (y).</p>\n');
  });
});

describe("reveal.js's notes separator", () => {
  it('is read in any case, as reveal\'s Markdown plugin reads it: note: (Obsidian\'s Advanced Slides) and NOTES: start the notes', async () => {
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'title: N', '---', '', '## One', '', 'Text', '', 'note: lower-case notes', '', '## Two', '', 'More', '', 'NOTES: shouty notes', ''].join('\n') }, 'notes-any-case'), 'deck.md'));
    expect(built.briefing.slides.filter((s) => s.kind === 'content').map((s) => [toPlainText(s.bodyHtml).trim(), s.notes?.markdown])).toEqual([['Text', 'lower-case notes'], ['More', 'shouty notes']]);
  });
});

describe("GitHub's alerts, Obsidian's callouts and wiki links", () => {
  it('> [!NOTE] and > [!warning] Title are callout boxes (Obsidian\'s kinds mapped to the nearest), ![[a.png|100]] a picture, [[Note|label]] its text; a note embedded is named in a warning; none shows its markers', async () => {
    const deck = ['---', 'title: O', '---', '', '## Callouts', '', '> [!NOTE]', '> Useful **information**.', '', '> [!danger]- Careful *here*', '> Body.', '>', '> - a list', '', '> A plain quote, [!not] an alert.', '',
      '## Wiki', '', '![[dot.svg|100]] and ![[dot.svg|A dot]]', '', '![[Talks]]', '', 'See [[Talks#Hanoi]], [[Talks|the talks]] and `[[code]]`.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck, 'dot.svg': readFileSync(path.join(DIALECTS, 'dot.svg')) }, 'alerts-wiki'), 'deck.md'));
    const [callouts, wiki] = built.briefing.slides.filter((s) => s.kind === 'content');
    expect(callouts!.bodyHtml.replace(/\n/g, '')).toBe([
      '<div class="callout callout-note"><p class="callout-title">Note</p><p>Useful <strong>information</strong>.</p></div>',
      '<div class="callout callout-caution"><p class="callout-title">Careful <em>here</em></p><p>Body.</p><ul><li>a list</li></ul></div>',
      '<blockquote><p>A plain quote, [!not] an alert.</p></blockquote>',
    ].join(''));
    expect(wiki!.bodyHtml).toMatch(/^<p><img width="100" src="briefdeck-asset:0" alt=""> and <img src="briefdeck-asset:1" alt="A dot"><\/p>/);
    expect(toPlainText(wiki!.bodyHtml).replace(/\s+/g, ' ').trim()).toBe('and Talks See Talks > Hanoi, the talks and [[code]].');
    expect(built.warnings.map((w) => [w.line, w.message])).toEqual([[21, "Obsidian's embed of the note Talks cannot be shown in a deck; its name is shown instead"]]);
  });
});

describe("Deckset's decks", () => {
  it('are known with no settings by a `# [fit] Title`, by pictures placed with its words alone (its words may be parted by commas, ![inline, fill], as Deckset writes them), or by its ^ notes in a deck cut at ---', async () => {
    const fitted = await buildDeck(path.join(writeBriefing({ 'deck.md': '# [fit] Start\n\n---\n\n# Next\n' }, 'deckset-by-fit'), 'deck.md'));
    expect([fitted.briefing.meta.peerTools, fitted.briefing.slides.map((s) => s.title)]).toEqual([['Deckset'], ['Start', 'Next']]);
    const pictures = ['# Grid', '', '![inline, fill](a.png) ![inline, fill](a.png)', '', '---', '', '![left, filtered](a.png)', '![right](a.png)', ''].join('\n');
    const placed = await buildDeck(path.join(writeBriefing({ 'deck.md': pictures, 'a.png': TINY_PNG }, 'deckset-by-pictures'), 'deck.md'));
    expect(placed.briefing.meta.peerTools).toEqual(['Deckset']);
    // Inline, the grid's pictures stand in the slide; the others are its backgrounds, split left and right (filtered is a look left out).
    expect(placed.briefing.slides[0]!.bodyHtml).toBe('<p><img src="briefdeck-asset:0" alt=""> <img src="briefdeck-asset:1" alt=""></p>\n');
    expect(placed.briefing.slides[1]!.bodyHtml).toMatch(/class="bg-split bg-split-left bg-split-50">\n<img [^>]*class="bg-split bg-split-right bg-split-50"/);
    expect(placed.warnings).toEqual([]);
    // A deck with one such picture, or none, is briefdeck's own.
    const own = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: T\n---\n\n## One\n\n![left](a.png)\n', 'a.png': TINY_PNG }, 'own-left-alt'), 'deck.md'));
    expect(own.briefing.meta.peerTools).toEqual([]);
    // Spaces around the words, as an editor leaves them (`![inline ](a.png)`), and a word it cannot place is named as Deckset's.
    const spaced = await buildDeck(path.join(writeBriefing({ 'deck.md': '![inline ](a.png)\n\n---\n\n# Two\n\n![ inline left](a.png)\n\n![inline](https://example.com/x.gif)\n', 'a.png': TINY_PNG }, 'deckset-spaced-words'), 'deck.md'));
    expect(spaced.briefing.meta.peerTools).toEqual(['Deckset']);
    expect(spaced.warnings.map((w) => `${w.line}: ${w.message.split(':')[0]}`)).toEqual(["7: Deckset's image keywords left are not supported yet; the image is shown in place", '9: remote image "https']);
    // Its presenter notes in a deck cut at ---, and nothing else of it: notes, never text; without a cut, a line opening with ^ is text.
    const noted = await buildDeck(path.join(writeBriefing({ 'deck.md': '# Searching\n\n---\n\n# Ways\n\n^ Ask for two volunteers\n\nCards, sorted and not.\n' }, 'deckset-by-notes'), 'deck.md'));
    expect(noted.briefing.meta.peerTools).toEqual(['Deckset']);
    expect(noted.briefing.slides.map((s) => [s.title, toPlainText(s.bodyHtml).trim(), toPlainText(s.notes?.html ?? '').trim()])).toEqual([['Searching', '', ''], ['Ways', 'Cards, sorted and not.', 'Ask for two volunteers']]);
    const caret = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: T\n---\n\n## One\n\n^ not a note\n' }, 'own-caret-line'), 'deck.md'));
    expect(caret.briefing.meta.peerTools).toEqual([]);
  });

  it('a heading right under a line of HTML (<br> over ### Subtitle) is a heading, as Deckset reads it, never HTML text with its marks', async () => {
    const deck = ['slidenumbers: true', '', '# Talk title', '', '<br>', '### The conference', '', '---', '', '# Next', '', '<div>', '## Inside', '</div>', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'deckset-html-heading'), 'deck.md'));
    expect(built.briefing.meta.peerTools).toEqual(['Deckset']);
    expect(built.briefing.slides[0]!.bodyHtml).toMatch(/<br \/>\s*<h3[^>]*>The conference<\/h3>/);
    expect(built.briefing.slides[1]!.bodyHtml).toMatch(/<h2[^>]*>Inside<\/h2>/);
    for (const slide of built.briefing.slides) expect(toPlainText(slide.bodyHtml)).not.toContain('#');
  });

  it('are known by # [fit]Title with no space after [fit], and cut at a rule of underscores (___) as at ---, as a Deckset deck writes them; in a deck for no tool ___ stays a rule', async () => {
    const deck = ['# [fit]AR vs PORO', '', '___', '', '# ORM', '', '* Mapping', '', '___', '', 'Plain text', '', '---', '', '# Questions', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'deckset-underscore-cuts'), 'deck.md'));
    expect(built.briefing.meta.peerTools).toEqual(['Deckset']);
    expect(built.briefing.slides.map((s) => [s.title, toPlainText(s.bodyHtml).trim()])).toEqual([['AR vs PORO', ''], ['ORM', 'Mapping'], [null, 'Plain text'], ['Questions', '']]);
    expect(built.briefing.slides[0]!.titleHtml).toContain('r-fit-text');
    const own = await buildDeck(path.join(writeBriefing({ 'deck.md': '## One\n\nAbove\n\n___\n\nBelow\n' }, 'own-underscore-rule'), 'deck.md'));
    expect(own.briefing.slides.at(-1)!.bodyHtml.replace(/\n/g, '')).toBe('<p>Above</p><hr><p>Below</p>');
  });

  it('a heading with no space after its marks (#Title, ##Point) is a heading, as Deckset reads it, its marks never shown; in code and in a deck for no tool it stays as written', async () => {
    const deck = ['slidenumbers: true', '', '#Talk title', '', '##[fit] Big', '', '---', '', '##Point', '', '###Sub', '', '```', '#not-a-heading', '```', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'deckset-tight-heading'), 'deck.md'));
    expect(built.briefing.meta.peerTools).toEqual(['Deckset']);
    expect(built.briefing.slides.map((s) => s.title)).toEqual(['Talk title', 'Point']);
    expect(built.briefing.slides[0]!.bodyHtml).toMatch(/<h2[^>]*>\s*Big<\/h2>/);
    expect(built.briefing.slides[1]!.bodyHtml).toMatch(/<h3[^>]*>Sub<\/h3>/);
    expect(built.briefing.slides[1]!.bodyHtml).toContain('#not-a-heading');
    // CommonMark's reading stands in a deck written for no other tool.
    const own = await buildDeck(path.join(writeBriefing({ 'deck.md': '## Slide\n\n#hashtag\n' }, 'own-tight-hash'), 'deck.md'));
    expect(own.briefing.slides.at(-1)!.bodyHtml).toBe('<p>#hashtag</p>\n');
  });

  it('are known by their settings at the top in any order: a theme with its colour variant, a setting only Deckset has after theme: or footer:, or a footer alone over slides cut at ---; slides are numbered only with slidenumbers: true, as in Deckset', async () => {
    // A footer alone over slides cut at ---: no other tool writes a bare setting at the top.
    for (const top of [['theme: Work, 7'], ['theme: work,7', 'footer: Talk', 'slidenumbers: true'], ['footer: © Talk 2015', 'slidenumbers: true'], ['footer: @speaker']]) {
      const deck = [...top, '', '# Opening', '', '^ Said first.', '', '---', '', '# Next', '', 'Text.', ''].join('\n');
      const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, `deckset-top-${top.join('').length}`), 'deck.md'));
      expect(built.briefing.meta.peerTools).toEqual(['Deckset']);
      expect(built.briefing.slides.map((s) => [s.title, s.notes?.markdown ?? null])).toEqual([['Opening', 'Said first.'], ['Next', null]]);
      expect(built.briefing.slides.map((s) => toPlainText(s.bodyHtml)).join('')).not.toMatch(/theme:|footer:|slidenumbers/);
      // Deckset numbers slides only when `slidenumbers: true` asks it to.
      const numbers = [...built.deck.html.matchAll(/<span class="footer-number">([^<]*)</g)].map((m) => m[1]);
      expect(numbers).toEqual(top.includes('slidenumbers: true') ? ['1 / 2', '2 / 2'] : []);
    }
    // A picture's path with spaces, as Deckset takes it, is that file.
    const spaced = await buildDeck(path.join(writeBriefing({ 'deck.md': 'slidenumbers: true\n\n# One\n\n![inline](My diagram.png)\n', 'My diagram.png': TINY_PNG }, 'deckset-spaced-path'), 'deck.md'));
    expect(spaced.briefing.images.map((i) => i.relPath)).toEqual(['My diagram.png']);
    expect(spaced.briefing.slides[0]!.bodyHtml).toMatch(/<img src="briefdeck-asset:0" alt="">/);
    // A footer's picture is named at the footer's line, and the deck builds, though the picture is remote.
    const pictured = await buildDeck(path.join(writeBriefing({ 'deck.md': 'theme: Work, 7\nfooter: ![inline 8%](https://example.org/logo.png) Talk\n\n# One\n' }, 'deckset-footer-picture'), 'deck.md'));
    expect(pictured.briefing.meta.footerText).toBe('Talk');
    expect(pictured.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['1: "theme" is Deckset\'s setting; briefdeck ignores it', '2: a picture in a header or footer was left out: they show text only']);
    // Settings in any case, as Deckset reads them; a picture dropped in from the author's disk (file:) is left out, never read.
    const cased = await buildDeck(path.join(writeBriefing({ 'deck.md': 'Theme: Next, 1\nSlideNumbers: false\n\n# One\n\n![](file:///Users/me/Desktop/a.png)\n' }, 'deckset-cased-settings'), 'deck.md'));
    expect([cased.briefing.meta.peerTools, cased.briefing.meta.pageNumbers]).toEqual([['Deckset'], false]);
    expect(cased.warnings.map((w) => `${w.line}: ${w.code} ${w.message}`)).toEqual([
      '1: W_META_IGNORED "theme" is Deckset\'s setting; briefdeck ignores it',
      '6: W_IMAGE_MISSING image "file:///Users/me/Desktop/a.png" uses the file: scheme; only files in the briefing folder can be inlined, so it was left out, its alt text in its place',
    ]);
  });

  it("are known by their settings at the top, which are read (footer, slidenumbers, build-lists) and never shown; ^ paragraphs are notes, [.column] columns, [fit] headings titles, slide commands the slide's look and number, and a picture a background unless inline", async () => {
    const built = await buildDeck(path.join(DIALECTS, 'deckset.md'));
    const { meta, slides } = built.briefing;
    expect(meta.peerTools).toEqual(['Deckset']);
    expect([meta.footerText, meta.pageNumbers]).toEqual(['Summit review', true]);
    expect(slides.map((s) => [s.title, s.layout, s.notes?.markdown ?? null, s.look?.backgroundColor, s.incremental])).toEqual([
      ['Summit talks', 'content', 'Open with the question the article asks.', undefined, false],
      ['What worked', 'two-column', "The pause is the article's claim,\nkept as a claim.", undefined, false],
      ['What did not', 'content', null, '#1b2430', true],
      ['Next steps', 'content', null, undefined, false],
    ]);
    expect(slides[1]!.columns!.map((c) => toPlainText(c).trim())).toEqual(['Direct meetings', 'A pause in tests']);
    // `[.slidenumbers: false]` takes the number off that slide only; `[.footer: …]` is that slide's footer text.
    expect(slides.map((s) => s.pageNumber)).toEqual([undefined, undefined, false, undefined]);
    expect(slides.map((s) => s.footerText)).toEqual([undefined, undefined, '', 'Working-level talks']);
    // `![inline]` stays in the text; `![left fit]` is a split beside the content, as Marp's `![bg left fit]`.
    expect(slides[2]!.bodyHtml).toMatch(/<img src="briefdeck-asset:0" alt="">/);
    expect(slides[3]!.bodyHtml).toContain('class="bg-split bg-split-left bg-split-50"');
    // A note's paragraph ends where a cut or a heading starts, blank line or not.
    const tight = await buildDeck(path.join(writeBriefing({ 'deck.md': ['slidenumbers: true', '', '# One', '', '^ A note', '---', '# Two', '^ Another', '# Kept title?', ''].join('\n') }, 'deckset-tight'), 'deck.md'));
    expect(tight.briefing.slides.map((s) => [s.title, s.notes?.markdown, toPlainText(s.bodyHtml).trim()])).toEqual([['One', 'A note', ''], ['Two', 'Another', 'Kept title?']]);
    // Note lines each opening with `^` are one note, none of their markers shown.
    const lines = await buildDeck(path.join(writeBriefing({ 'deck.md': ['slidenumbers: true', '', '# One', '', '^ Note one', '^ Note two', ''].join('\n') }, 'deckset-note-lines'), 'deck.md'));
    expect(lines.briefing.slides[0]!.notes?.markdown).toBe('Note one\nNote two');
    const shown = slides.map((s) => toPlainText(s.bodyHtml)).join(' ');
    expect(shown).not.toMatch(/\^|\[\.|\[fit\]|slidenumbers|autoscale|Plain Jane/);
    expect(built.warnings.map((w) => [w.line, w.message])).toEqual([[4, '"theme" is Deckset\'s setting; briefdeck ignores it']]);
    // `[.text: #fff]` colours the slide's text (and its headings with it), and `alignment(center)` centres it; its other settings go
    // with a warning; a colour that is not one, whole.
    const coloured = await buildDeck(path.join(writeBriefing({ 'deck.md': ['# Dark', '', '[.background-color: #000000]', '[.text: #FFFFFF, alignment(center), Avenir Next]', '', 'Text', '', '---', '', '# Odd', '', '[.text: url(x)]', '', 'Text', '', '---', '', '# Centred', '', '[.text: alignment(center)]', '', 'Text', ''].join('\n') }, 'deckset-text'), 'deck.md'));
    expect(coloured.briefing.slides.map((s) => [s.look?.textColor, s.look?.className])).toEqual([['#FFFFFF', 'text-center'], [undefined, undefined], [undefined, 'text-center']]);
    expect(coloured.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      "4: Deckset's text settings Avenir Next are not supported and were left out; the colour and the centring are kept",
      "12: Deckset's slide command [.text: url(x)] is not supported and was left out",
    ]);
    // `[.header: #28517c]` colours the slide's headings alone, over a text colour's; its font and alignment go with a warning, and left text needs no word.
    const headed = await buildDeck(path.join(writeBriefing({ 'deck.md': ['# One', '', '[.header: #28517c, alignment(left), Avenir Next Bold]', '[.text: #aa0000, alignment(left)]', '', 'Text', '', '---', '', '# Two', '', '[.header: #00aa00]', '', 'Text', ''].join('\n') }, 'deckset-header'), 'deck.md'));
    expect(headed.briefing.slides.map((s) => [s.look?.headingColor, s.look?.textColor])).toEqual([['#28517c', '#aa0000'], ['#00aa00', undefined]]);
    expect([...headed.deck.html.matchAll(/<section[^>]* style="([^"]*)"/g)].map((m) => m[1])).toEqual(['--r-main-color: #aa0000; --r-heading-color: #28517c; color: #aa0000', '--r-heading-color: #00aa00']);
    expect(headed.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(["3: Deckset's header settings alignment(left), Avenir Next Bold are not supported and were left out; the colour is kept"]);
  });
});

describe('Quarto syntax inside a slide', () => {
  it("a code block's filename= (and a cell's #| filename:) is shown above its code, never as code", async () => {
    const deck = ['---', 'title: F', 'format: revealjs', '---', '', '## Files', '', '```{.python filename="app.py"}', 'print(1)', '```', '', '```{r}', '#| echo: true', '#| filename: "analysis.R"', 'x <- 1', '```', ''].join('\n');
    const body = (await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'quarto-filename'), 'deck.qmd'))).briefing.slides.find((s) => s.title === 'Files')!.bodyHtml;
    expect([...body.matchAll(/<p class="code-filename">([^<]*)<\/p>\n<pre>/g)].map((m) => m[1])).toEqual(['app.py', 'analysis.R']);
    expect(toPlainText(body)).not.toMatch(/filename|#\|/);
  });

  it('a cell Quarto would not show (#| include: false) is left out, and one whose code it hides (echo: false, in the cell or in execute:) too, with a warning, since only Quarto can make its output', async () => {
    const deck = [
      '---', 'title: C', 'execute:', '  echo: false', '---', '', '## Cells', '',
      '```{r}', '#| label: setup', '#| include: false', 'library(dplyr)', '```', '',
      '```{r}', '#| echo: true', 'summary(cars)', '```', '',
      '```{python}', 'x = 1', '```', '',
      '```python', 'plain = "code block, not a cell"', '```', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'quarto-cells'), 'deck.qmd'));
    const text = toPlainText(built.briefing.slides.find((s) => s.title === 'Cells')!.bodyHtml).replace(/\s+/g, ' ').trim();
    expect(text).toBe('summary(cars) plain = "code block, not a cell"');
    expect(built.warnings.map((w) => [w.line, w.message])).toEqual([[20, 'a code cell with echo: false shows only its output, which only Quarto can make by running it; it was left out']]);
  });

  it("a Quarto deck's cell without echo: true is left out with a warning, as Quarto hides the code of every presentation's cells by default; R Markdown's shows", async () => {
    const cells = ['## Cells', '', '```{r}', 'summary(cars)', '```', '', '```{python}', '#| echo: true', 'x = 1', '```', ''];
    const quarto = await buildDeck(path.join(writeBriefing({ 'deck.qmd': ['---', 'title: C', 'format: revealjs', '---', '', ...cells].join('\n') }, 'quarto-echo-default'), 'deck.qmd'));
    expect(toPlainText(quarto.briefing.slides.find((s) => s.title === 'Cells')!.bodyHtml).trim()).toBe('x = 1');
    expect(quarto.warnings.map((w) => [w.line, w.message])).toEqual([[8, "a code cell without echo: true (Quarto hides a cell's code in a deck unless told) shows only its output, which only Quarto can make by running it; it was left out"]]);
    const rmarkdown = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': ['---', 'title: C', 'output: ioslides_presentation', '---', '', ...cells].join('\n') }, 'rmarkdown-echo-default'), 'deck.Rmd'));
    expect(toPlainText(rmarkdown.briefing.slides.find((s) => s.title === 'Cells')!.bodyHtml).replace(/\s+/g, ' ').trim()).toBe('summary(cars) x = 1');
    expect(rmarkdown.warnings).toEqual([]);
    // ioslides draws its slides about 4:3 unless told `widescreen: true`.
    expect(rmarkdown.briefing.meta.size).toBe('4:3');
  });

  it("ioslides' logo is the deck's logo, on its slides as ioslides puts it on its own; a logo the deck sets itself wins", async () => {
    const deck = (logoKey: string) => ['---', 'title: L', ...logoKey.split('\n'), 'output:', '  ioslides_presentation:', '    logo: mark.png', '---', '', '## One', '', 'Text', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck(''), 'mark.png': TINY_PNG }, 'ioslides-logo'), 'deck.Rmd'));
    expect(built.briefing.meta.logo).toBe('mark.png');
    expect(built.deck.html).toMatch(/<img class="deck-logo" src="data:image\/png;base64,/);
    expect(built.warnings).toEqual([]);
    const own = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck('logo: own.png'), 'mark.png': TINY_PNG, 'own.png': TINY_PNG }, 'ioslides-own-logo'), 'deck.Rmd'));
    expect(own.briefing.meta.logo).toBe('own.png');
  });

  it("an R Markdown deck (.Rmd) builds unchanged: its output: key is read (incremental, smaller, slide_level), knitr's chunk header options (echo=FALSE, include=FALSE) hide a chunk as knitr does, and a #| line overrides them", async () => {
    const deck = [
      '---', 'title: "R deck"', 'author: "Me"', 'output:', '  ioslides_presentation:', '    incremental: true', '    widescreen: true', 'params:', '  n: 3', 'editor_options:', '  chunk_output_type: console', '---', '',
      '```{r setup, include=FALSE}', 'knitr::opts_chunk$set(echo = TRUE)', '```', '',
      '## Slide', '', '- One', '- Two', '', '```{r cars, echo = TRUE}', 'summary(cars)', '```', '',
      '```{r plot, echo=F}', 'plot(1)', '```', '', '```{r, echo=FALSE}', '#| echo: true', 'shown(2)', '```', '',
      '<div class="notes">', 'A note', '</div>', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': deck }, 'rmarkdown-deck'), 'deck.Rmd'));
    const slide = built.briefing.slides.find((s) => s.title === 'Slide')!;
    expect(toPlainText(slide.bodyHtml).replace(/\s+/g, ' ').trim()).toBe('One Two summary(cars) shown(2)');
    expect(slide.bodyHtml).toContain('<li class="fragment">');
    expect(slide.notes?.markdown).toBe('A note');
    expect(built.briefing.meta.peerTools).toEqual(['R Markdown', 'ioslides']);
    // ioslides' widescreen slides are briefdeck's 16:9 ones.
    expect(built.briefing.meta.size).toBe('16:9');
    expect(built.warnings.map((w) => [w.line, w.message])).toEqual([
      [8, '"params" is R Markdown\'s metadata; briefdeck ignores it'],
      [10, '"editor_options" is R Markdown\'s metadata; briefdeck ignores it'],
      [27, 'a code cell with echo: false shows only its output, which only knitr can make by running it; it was left out'],
    ]);
  });

  it('inline code that Quarto runs (`{python} 6 * 7`, `r nrow(df)` in a Quarto deck) shows its source without the engine, with a warning; other code spans stay as written', async () => {
    const text = 'The answer is `{python} 6 * 7` and `r nrow(df)` rows; `plain code` and `{not-an-engine} x` stay.';
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': `---\ntitle: I\n---\n\n## Inline\n\n${text}\n` }, 'quarto-inline-code'), 'deck.qmd'));
    expect(built.briefing.slides.find((s) => s.title === 'Inline')!.bodyHtml).toContain('<code>6 * 7</code> and <code>nrow(df)</code> rows; <code>plain code</code> and <code>{not-an-engine} x</code>');
    expect(built.warnings.map((w) => [w.line, w.message])).toEqual([
      [7, 'inline code `{python} 6 * 7` runs only when Quarto renders the deck; its source is shown'],
      [7, 'inline code `r nrow(df)` runs only when Quarto renders the deck; its source is shown'],
    ]);
    // Outside a Quarto deck, `r …` is code like any other.
    const plain = await buildDeck(path.join(writeBriefing({ 'deck.md': `---\ntitle: I\n---\n\n## Inline\n\nRun \`r file\`.\n` }, 'plain-inline-code'), 'deck.md'));
    expect(plain.briefing.slides.find((s) => s.title === 'Inline')!.bodyHtml).toContain('<code>r file</code>');
    // In an R Markdown deck (xaringan's), knitr runs it.
    const knitted = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': `---\ntitle: I\noutput: xaringan::moon_reader\n---\n\n## Inline\n\nToday is \`r Sys.Date()\`.\n` }, 'rmarkdown-inline-code'), 'deck.Rmd'));
    expect(knitted.briefing.slides.find((s) => s.title === 'Inline')!.bodyHtml).toContain('Today is <code>Sys.Date()</code>.');
    expect(knitted.warnings.map((w) => [w.line, w.message])).toEqual([[8, 'inline code `r Sys.Date()` runs only when knitr knits the deck; its source is shown']]);
    // In a tag, knitr's code is an attribute only knitting gives a value: a chunk's figure goes, as any such attribute, never the tag as text.
    const tagged = ['---', 'title: K', 'output: ioslides_presentation', '---', '', '## Plots', '', '<img src="`r knitr::fig_chunk("demo-1", "png")`" width="48%" /><img src="`r knitr::fig_chunk("demo-2", "png")`" width="48%" />', '', '<a href="`r url`">Link text</a> and <img src="`r f("x")`" alt="One">', ''].join('\n');
    const figures = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': tagged }, 'rmarkdown-knitr-attributes'), 'deck.Rmd'));
    const body = figures.briefing.slides.find((s) => s.title === 'Plots')!.bodyHtml;
    expect(toPlainText(body).replace(/\s+/g, ' ').trim()).toBe('Link text and');
    expect(body).not.toMatch(/<img|`r|fig_chunk/);
    expect(figures.warnings.map((w) => [w.line, w.message])).toEqual([
      [8, '2 pictures whose path knitr works out as it knits the deck (`r …` in the tag) were left out: briefdeck runs no R'],
      [10, 'a picture whose path knitr works out as it knits the deck (`r …` in the tag) was left out: briefdeck runs no R'],
    ]);
  });

  it('a heading of attributes only, ## {background-image="…"}, is a slide without a title, kept with nothing on it but its background, and the next heading starts its own', async () => {
    const deck = ['---', 'title: B', '---', '', '## {background-image="a.png"}', '', '## {background-color="black" .smaller}', '', 'Text on black.', '', '## Next', '', 'Body.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck, 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'quarto-untitled'), 'deck.qmd'));
    expect(built.briefing.slides.map((s) => [s.title, s.look?.backgroundImage !== undefined, s.look?.backgroundColor, s.look?.className])).toEqual([
      ['B', false, undefined, undefined],
      [null, true, undefined, undefined],
      [null, false, 'black', 'smaller'],
      ['Next', false, undefined, undefined],
    ]);
    for (const slide of built.briefing.slides) expect(`${slide.titleHtml ?? ''}${slide.bodyHtml}`).not.toContain('{background');
    expect(built.warnings).toEqual([]);
  });

  it('heading attributes over several lines are read, as Pandoc reads them, and the lines after keep their numbers; in code, or followed by what is not attributes, nothing is joined; a section heading\'s set its slide\'s look', async () => {
    const deck = [
      '---', 'title: B', 'format: revealjs', '---', '',
      '# Formatting {background-color="#bed2e8"', '              background-size="50%"', '              .smaller}', '',
      '## {background-color="black"', '    background-opacity="0.5"}', '', 'On black.', '',
      '## Code', '', '```', '## In code {a="1"', '   b="2"}', '```', '', '**Loose**', '',
      '## Braces {not attributes', 'at all}', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'quarto-attributes-over-lines'), 'deck.qmd'));
    expect(built.briefing.slides.map((s) => [s.title, s.look?.backgroundColor, s.look?.className, s.source.line])).toEqual([
      ['B', undefined, undefined, 2],
      ['Formatting', '#bed2e8', 'smaller', 6],
      [null, 'black', undefined, 10],
      ['Code', undefined, undefined, 15],
      ['Braces {not attributes', undefined, undefined, 24],
    ]);
    // In code, the lines stay as written.
    expect(built.briefing.slides[3]!.bodyHtml).toContain('## In code {a=&quot;1&quot;\n   b=&quot;2&quot;}</code>');
    for (const slide of built.briefing.slides.slice(0, 3)) expect(`${slide.titleHtml ?? ''}${slide.bodyHtml}`).not.toMatch(/background|\{|\}/);
    expect(built.warnings).toEqual([]);
  });

  it('a slide whose heading says {visibility="hidden"} is left out, with its notes, as Quarto leaves it out; one "uncounted" is shown but left out of the count, showing the number before it, as reveal counts', async () => {
    const deck = ['---', 'title: V', '---', '', '## Shown', '', 'One.', '', '## Backup {visibility="hidden" .smaller}', '', 'Not for the room.', '', '::: notes', 'Hidden note.', ':::', '', '## Extra {visibility=uncounted}', '', 'Two.', '', '## Last', '', 'Three.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'quarto-hidden'), 'deck.qmd'));
    expect(built.briefing.slides.map((s) => [s.title, s.page ?? s.number])).toEqual([['V', 1], ['Shown', 2], ['Extra', 2], ['Last', 3]]);
    expect(built.briefing.pageTotal).toBe(3);
    expect(built.deck.html).not.toMatch(/Backup|Not for the room|Hidden note/);
    expect(built.warnings).toEqual([]);
    // reveal's own comment says it too.
    const reveal = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: R\n---\n\n## One\n\nA\n\n## Backup\n\n<!-- .slide: data-visibility="uncounted" -->\n\nB\n' }, 'reveal-uncounted'), 'deck.md'));
    expect(reveal.briefing.slides.map((s) => s.page ?? s.number)).toEqual([1, 2, 2]);
    expect(reveal.warnings).toEqual([]);
  });

  it('fragment divs step in, a callout is a titled box, cells drop their #| options, and attributes never show', async () => {
    const deck = [
      '---', 'title: Q', 'format: revealjs', '---', '',
      '## Steps', '', 'At once.', '', '::: {.fragment .fade-in}', 'On a click.', ':::', '', 'After the step.', '',
      '## Callout', '', '::: {.callout-note}', '## Note title', 'A callout body.', ':::', '',
      '## Cell', '', '```{python}', '#| echo: true', '#| code-line-numbers: "2"', 'x = 1', 'y', '```', '',
      '## Inline', '', '![A dot](dot.svg){.fragment width=40%}', '', '`x`{.python}, [**bold** span]{.fragment .highlight-red}, {not attributes}, [a link](https://example.org){target=_blank}', '',
      '![A dot](dot.svg){.absolute top=200 width="350"}', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck, 'dot.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>' }, 'quarto-inline'), 'deck.qmd'));
    const body = (title: string) => built.briefing.slides.find((s) => s.title === title)!.bodyHtml.replace(/\n/g, '');
    expect(built.briefing.slides.filter((s) => s.kind === 'content').map((s) => s.title)).toEqual(['Steps', 'Callout', 'Cell', 'Inline']);
    expect(body('Steps')).toBe('<p>At once.</p><div class="fragment fade-in"><p>On a click.</p></div><p>After the step.</p>');
    expect(body('Callout')).toBe('<div class="callout callout-note"><p class="callout-title">Note title</p><p>A callout body.</p></div>');
    // Its `#| code-line-numbers:` numbers the lines and picks out the second, as Quarto has reveal draw it.
    expect(body('Cell')).toBe('<pre><code class="hljs language-python has-highlights line-numbers"><span class="code-line">x = <span class="hljs-number">1</span></span><span class="code-line highlight-line">y</span></code></pre>');
    const inline = body('Inline');
    expect(inline).toMatch(/<img src="briefdeck-asset:0" alt="A dot" width="40%" class="fragment">/);
    expect(inline).toContain('<code>x</code>, <span class="fragment highlight-red"><strong>bold</strong> span</span>, {not attributes}, <a href="https://example.org" target="_blank" rel="noopener noreferrer">a link</a>');
    // Quarto's `.absolute` places the picture on the slide.
    expect(inline).toMatch(/<img src="briefdeck-asset:1" alt="A dot" width="350" style="position:absolute;top:200px">/);
    expect(inline).not.toMatch(/\{[.#]|\{\w+=/);
    expect(built.warnings.filter((w) => w.code === 'W_PEER_SYNTAX')).toEqual([]);
  });
});

describe('footnotes, as GitHub, Pandoc and Quarto write them', () => {
  it('are numbered per slide in the order referred to and listed at its foot; an undefined label or one in code is text', async () => {
    const deck = [
      '---', 'title: F', '---', '',
      '## Sources', '', 'A claim[^a], an inline note^[An *inline* note.], [^missing] and the first again[^a].', '',
      '[^a]: The footnote text,', '    over two lines.', '', '```', '[^b]: in code, not a definition', '```', '',
      '## Next', '', 'Numbering starts again[^b].', '', '[^b]: Another slide\'s note.', '',
      '::: notes', 'Said aloud[^n].', '', '[^n]: A note\'s own footnote.', ':::', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'footnotes'), 'deck.qmd'));
    const [sources, next] = built.briefing.slides.filter((s) => s.kind === 'content');
    expect(sources!.bodyHtml.replace(/\n/g, '')).toBe(
      '<p>A claim<sup class="footnote-ref">1</sup>, an inline note<sup class="footnote-ref">2</sup>, [^missing] and the first again<sup class="footnote-ref">1</sup>.</p>' +
        '<pre><code class="hljs">[^b]: in code, not a definition</code></pre>' +
        '<ol class="footnotes"><li>The footnote text, over two lines.</li><li>An <em>inline</em> note.</li></ol>',
    );
    expect(next!.bodyHtml.replace(/\n/g, '')).toBe('<p>Numbering starts again<sup class="footnote-ref">1</sup>.</p><ol class="footnotes"><li>Another slide’s note.</li></ol>');
    // A note's footnotes stay in the note: the handout deck has neither.
    expect(next!.notes!.html.replace(/\n/g, '')).toBe('<p>Said aloud<sup class="footnote-ref">1</sup>.</p><ol class="footnotes"><li>A note’s own footnote.</li></ol>');
    const handout = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'footnotes-handout'), 'deck.qmd'), { handout: true });
    expect(handout.deck.html).not.toContain('own footnote');
  });
});

describe('a deck known by its theme', () => {
  it("whose theme only one tool has (Slidev's seriph, Marp's gaia) is read as that tool's: cut at ---, each slide titled by its heading, no agenda", async () => {
    for (const [theme, tool] of [['seriph', 'Slidev'], ['gaia', 'Marp']]) {
      const built = await buildDeck(path.join(writeBriefing({ 'deck.md': `---\ntheme: ${theme}\n---\n\n# One\n\nText one.\n\n---\n\n# Two\n\nText two.\n` }, `theme-tool-${theme}`), 'deck.md'));
      expect(built.briefing.meta.peerTools, theme).toContain(tool);
      expect(built.briefing.slides.map((s) => [s.kind, s.title]), theme).toEqual([['content', 'One'], ['content', 'Two']]);
    }
  });
});

describe('a Slidev deck known by its body', () => {
  it("whose headmatter has only title: and theme: is read as Slidev's by its slide front matter, slots and v-switch: no title slide is added, its notes and columns are Slidev's", async () => {
    const deck = [
      '---', 'title: Known by its body', 'theme: default', '---', '', '# Cover', '', '<!-- Not a note. -->', '', '<!-- The note. -->', '',
      '---', 'layout: two-cols-header', '---', '', '# Header', '', 'Across.', '', '::left::', '', 'Left side', '', '::right::', '', 'Right side', '',
      '---', '', '# Switch', '', '<v-switch>', '  <template #1>One</template>', '  <template #2>Two</template>', '</v-switch>', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-by-body'), 'deck.md'));
    expect(built.briefing.meta.peerTools).toEqual(['Slidev']);
    expect(built.briefing.slides.map((s) => [s.title, s.layout, s.notes?.markdown])).toEqual([
      ['Cover', 'content', 'The note.'],
      ['Header', 'two-column', undefined],
      ['Switch', 'content', undefined],
    ]);
    const [header, switched] = built.briefing.slides.slice(1).map((s) => toPlainText(s.columns?.join('|') ?? s.bodyHtml).replace(/\s+/g, ' ').trim());
    expect(header).toBe('Left side |Right side');
    // The header spans both columns, above them.
    expect(built.briefing.slides[1]!.columnsLead).toBe('<p>Across.</p>\n');
    expect(switched).toBe('One Two');
    expect(built.deck.html).not.toMatch(/::(left|right)::|&lt;template/);
  });
});

describe("Slidev's <v-switch>", () => {
  it('shows one template at a time: each a build step seen from its click until the next, the last kept once shown (as at the switch\'s last click, and in print), #0 from the start until click 1; a slot that names no click is no step', async () => {
    const deck = ['---', 'theme: default', '---', '', '# Switch', '', '<v-switch>', '  <template #0>Zero</template>', '  <template #1>One</template>', '  <template #2-4>', '', '- Two', '', '  </template>', '</v-switch>', '', 'After.', '', '<LightOrDark>', '<template #light>Slot</template>', '</LightOrDark>', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-switch'), 'deck.md'));
    const body = built.briefing.slides[0]!.bodyHtml;
    const steps = [...body.matchAll(/<div class="fragment ?([\w -]*)" data-fragment-index="(\d+)">([\s\S]*?)<\/div>/g)].map((m) => [m[1], m[2], toPlainText(m[3]!).trim()]);
    expect(steps).toEqual([
      ['fade-out', '1', 'Zero'],
      ['current-visible', '1', 'One'],
      ['', '2', 'Two'],
    ]);
    // What follows the switch, and a slot of another component, show from the start.
    expect(body).toMatch(/<\/div><p>After\.<\/p>/);
    expect(body).toMatch(/<p>Slot<\/p>/);
    expect(body).not.toMatch(/&lt;template|v-switch/);
  });

  it('counts its templates\' clicks from where it stands, as Slidev does: a click before it comes first, and one after it after its last template', async () => {
    const deck = ['---', 'theme: default', '---', '', '# Switch', '', '<div v-click>Before</div>', '', '<v-switch>', '<template #1>One</template>', '<template #2-4>Two</template>', '</v-switch>', '', '<div v-click>After</div>', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-switch-placed'), 'deck.md'));
    const steps = [...built.briefing.slides[0]!.bodyHtml.matchAll(/<div class="fragment[\w -]*" data-fragment-index="(\d+)">([\s\S]*?)<\/div>/g)].map((m) => `${toPlainText(m[2]!).trim()} ${m[1]}`);
    // The switch stands at click 2: its #1 there, its #2-4 from click 3 to its end at 4, so the click after it is click 5.
    expect(steps).toEqual(['Before 1', 'One 2', 'Two 3', 'After 5']);
  });

  it('a template holding stepped lists (<v-clicks> inside it) still goes when the next template comes; only the last stays', async () => {
    const deck = ['---', 'theme: default', '---', '', '# Switch', '', '<v-switch>', '<template #1>', '', '<v-clicks>', '', '- a', '- b', '', '</v-clicks>', '', '</template>', '<template #3>Last</template>', '</v-switch>', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-switch-region'), 'deck.md'));
    expect([...built.briefing.slides[0]!.bodyHtml.matchAll(/<div class="(fragment[\w -]*)" data-fragment-index="(\d+)">/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(['fragment current-visible 1', 'fragment 3']);
  });
});

describe("Slidev's <LightOrDark>", () => {
  it('shows its dark slot in a dark theme and its light slot in a light one; the other slot goes, lines and all', async () => {
    const slide = ['# Mode', '', '<LightOrDark>', '  <template #dark>', '', 'Dark **words**', '', '  </template>', '  <template #light>Light words</template>', '</LightOrDark>', '', 'Always.', ''];
    const body = async (headmatter: string[]) => {
      const built = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', ...headmatter, '---', '', ...slide].join('\n') }, 'slidev-light-or-dark'), 'deck.md'));
      return toPlainText(built.briefing.slides[0]!.bodyHtml).replace(/\s+/g, ' ').trim();
    };
    expect(await body(['theme: default'])).toBe('Light words Always.');
    expect(await body(['theme: default', 'colorSchema: dark'])).toBe('Dark words Always.');
    expect(await body(['theme: night', 'transition: fade'])).toBe('Dark words Always.');
  });

  it('left unclosed, ends with its slide, as <v-switch> does: the slides after it are neither hidden nor stepped', async () => {
    const deck = ['---', 'theme: default', '---', '', '# One', '', '<LightOrDark>', '<template #dark>', '', 'Dark only, never closed', '', '---', '', '# Two', '', 'Shown text', '', '---', '', '# Three', '', '<v-switch>', '<template #1>A</template>', '', '---', '', '# Four', '', '<template #2>Plain slot</template>', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-unclosed'), 'deck.md'));
    expect(built.briefing.slides.map((s) => [s.title, toPlainText(s.bodyHtml).trim(), s.bodyHtml.includes('class="fragment')])).toEqual([
      ['One', '', false],
      ['Two', 'Shown text', false],
      ['Three', 'A', true],
      ['Four', 'Plain slot', false],
    ]);
  });

  it('knows which built-in themes are dark from their own CSS', () => {
    expect(BUILTIN_THEMES.filter((theme) => isDarkColour(readThemePalette(theme).background))).toEqual([...DARK_THEMES]);
  });
});

describe("Slidev's Vue directives on raw HTML", () => {
  it("names Vue's directives on raw HTML (v-motion, bindings, handlers) as Slidev's, and keeps their elements' text; v-mark is a mark", async () => {
    const deck = ['---', 'theme: default', '---', '', '# Marks', '', 'A <span v-mark.underline.red>marked</span> word.', '', '<div v-motion :initial="{ x: -80 }" @click="go">Moving</div>', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-directives'), 'deck.md'));
    expect(toPlainText(built.briefing.slides[0]!.bodyHtml).replace(/\s+/g, ' ').trim()).toBe('A marked word. Moving');
    expect(built.briefing.slides[0]!.bodyHtml).toContain('<span class="bd-mark bd-mark-underline mark-red fragment custom">marked</span>');
    expect(built.warnings.filter((w) => w.code !== 'W_META_IGNORED').map((w) => `${w.line} ${w.code} ${w.message}`)).toEqual([
      "9 W_PEER_SYNTAX Slidev's (Vue's) v-motion on <div>, :initial on <div>, @click on <div> do nothing outside Slidev and were left out; the element and its text stay",
    ]);
  });

  it("reads a tag with Vue's @ or # shorthand inside a line as HTML, never as text: its text stays, the handler is named, an @ in a quoted value or a code span stays", async () => {
    const deck = ['---', 'theme: seriph', 'layout: cover', '---', '', '# Inline', '', 'Press <button @click="count++" title="ask @bob">Add</button> now, not `<b @click="x">`.', '', '<abbr #hint title="ask @bob">K</abbr> too.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-inline-handlers'), 'deck.md'));
    const body = built.briefing.slides[0]!.bodyHtml;
    expect(toPlainText(body).replace(/\s+/g, ' ').trim()).toBe('Press Add now, not <b @click="x">. K too.');
    expect(body).not.toMatch(/@click="count|&lt;button/);
    expect(body).toContain('<abbr title="ask @bob">K</abbr>');
    expect(built.warnings.filter((w) => w.code === 'W_PEER_SYNTAX').map((w) => `${w.line} ${w.message.split(';')[0]}`)).toEqual([
      "8 Slidev's (Vue's) @click on <button> does nothing outside Slidev and was left out",
      "10 Slidev's (Vue's) #hint on <abbr> does nothing outside Slidev and was left out",
    ]);
  });
});

describe('a Pandoc deck known by its body', () => {
  it("with no tool's keys is read as Pandoc's by its pause or slide-show divs: a title slide, no agenda, each part's heading its own slide, notes kept", async () => {
    const deck = ['---', 'title: Known by its body', 'author: A. Author', '---', '', '# Part', '', '## Steps', '', 'First', '', '. . .', '', 'Second', '', '::: notes', 'Speaker only.', ':::', '', '***', '', 'After a rule.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'pandoc-by-body'), 'deck.md'));
    expect(built.briefing.meta.peerTools).toEqual(['Pandoc']);
    expect(built.briefing.slides.map((s) => [s.kind, s.title, s.notes?.markdown])).toEqual([
      ['title', 'Known by its body', undefined],
      ['section', 'Part', undefined],
      ['content', 'Steps', 'Speaker only.'],
      ['content', null, undefined],
    ]);
    // Pandoc's slide level is the highest level of heading that some heading of it is followed at once by content:
    // here `# Part` is followed by `## Steps`, so `##` titles the slides. With text under a `#` heading, `#` does, and
    // a `##` is a heading inside its slide.
    const levelOne = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'title: Level one', '---', '', '# First', '', 'Text one', '', '. . .', '', 'More', '', '# Second', '', 'Text two', '', '## Inside the second', '', 'Its text', ''].join('\n') }, 'pandoc-level-one'), 'deck.md'));
    expect(levelOne.briefing.slides.map((s) => [s.kind, s.title])).toEqual([['title', 'Level one'], ['content', 'First'], ['content', 'Second']]);
    expect(levelOne.briefing.slides[2]!.bodyHtml).toMatch(/<h2[^>]*>Inside the second<\/h2>/);
    // The same deck without Pandoc's lines is briefdeck's own, with its agenda.
    const own = await buildDeck(path.join(writeBriefing({ 'deck.md': deck.replace('. . .', '').replace(/::: notes\n.*\n:::/, '') }, 'pandoc-lines-gone'), 'deck.md'));
    expect(own.briefing.meta.peerTools).toEqual([]);
    expect(own.briefing.slides.map((s) => s.kind)).toContain('agenda');
  });
});

describe('a notes element left open', () => {
  it("ends with its slide, as reveal's Markdown plugin and Slidev cut a deck before reading its HTML: the next slide is shown, not taken into notes, and the element's line is named", async () => {
    const slidev = ['---', 'theme: default', '---', '', '# One', '', '<RenderWhen context="presenter">', '', 'Presenter only', '', '---', '', '# Two', '', 'Text two', ''].join('\n');
    const reveal = ['---', 'revealOptions:', '  transition: fade', '---', '', '# One', '', '<aside class="notes">', 'Speaker only', '', '---', '', '# Two', '', 'Text two', ''].join('\n');
    for (const [name, deck, line] of [['slidev-open-notes', slidev, 7], ['reveal-open-notes', reveal, 8]] as const) {
      const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, name), 'deck.md'));
      expect(built.briefing.slides.map((s) => [s.title, toPlainText(s.bodyHtml).trim(), s.notes?.markdown.trim()]), name).toEqual([
        ['One', '', name.startsWith('slidev') ? 'Presenter only' : 'Speaker only'],
        ['Two', 'Text two', undefined],
      ]);
      expect(built.warnings.filter((w) => w.message.includes('notes block is never closed')).map((w) => w.line), name).toEqual([line]);
    }
    // Where no --- ends it (Pandoc's and Quarto's slides are cut at headings), what follows is notes, and the warning says so.
    const quarto = await buildDeck(path.join(writeBriefing({ 'deck.qmd': ['---', 'title: Q', '---', '', '## One', '', '::: notes', 'Speaker only', '', '## Two', '', 'Text two', ''].join('\n') }, 'quarto-open-notes'), 'deck.qmd'));
    expect(quarto.warnings.filter((w) => w.message.includes('notes block is never closed')).map((w) => `${w.line}: ${w.message}`)).toEqual([
      '7: a notes block is never closed, so everything after it in the file was taken into the notes of its slide; close it (:::, </aside>, </div> or </RenderWhen>)',
    ]);
  });
});

describe('a Marp deck without front matter', () => {
  it('is known by its directives and bg pictures, as Marp CLI reads a file with none: cut at ---, its comments notes, its directives its look', async () => {
    const deck = ['<!-- _class: lead -->', '', '# Opening', '', 'First.', '', '<!-- Say hello. -->', '', '---', '', '## Second', '', '![bg right](a.png)', '', '- Point', '', '<!-- Second note. -->', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck, 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'marp-no-front-matter'), 'deck.md'));
    expect(built.briefing.meta.peerTools).toEqual(['Marp']);
    expect(built.briefing.slides.map((s) => [s.title, s.look?.className, s.notes?.markdown])).toEqual([
      ['Opening', 'lead', 'Say hello.'],
      ['Second', undefined, 'Second note.'],
    ]);
    expect(built.briefing.slides[1]!.bodyHtml).toContain('class="bg-split bg-split-right bg-split-50"');
  });

  it("reads directives in comments as Marp does: a global one sets the deck wherever it stands (the last wins), and a comment of several lines sets each directive it holds", async () => {
    const deck = ['<!-- $theme: default -->', '<!--', 'headingDivider: 2', 'size: 4:3', '-->', '', '# Opening', '', 'First.', '', '<!-- theme: gaia -->', '', '## Second', '', '<!--', '_class: lead', '_paginate: false', '-->', '', 'Text.', '', '<!--', 'Say this,', 'then that.', '-->', '', '---', '', 'Third.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'marp-comment-globals'), 'deck.md'));
    expect(built.briefing.meta.peerTools).toEqual(['Marp']);
    expect(built.briefing.slides.map((s) => [s.title, s.look?.className, s.pageNumber, s.notes?.markdown])).toEqual([
      ['Opening', undefined, undefined, undefined],
      ['Second', 'lead', false, 'Say this,\nthen that.'],
      [null, undefined, undefined, undefined],
    ]);
    expect(built.briefing.meta.size).toBe('4:3');
    expect(built.briefing.meta.theme).toBe('beige');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['11: Marp\'s theme "gaia" is not built in; using beige']);
    for (const slide of built.briefing.slides) expect(slide.bodyHtml).not.toMatch(/theme|headingDivider|_class|paginate/);
  });

  it('reads a comment inside a line as Marp does, as one on a line of its own: a directive in a title or before text sets the slide, any other is a note; in code it is code', async () => {
    const deck = ['---', 'marp: true', '---', '', '# Opening <!-- _class: lead -->', '', 'Text <!-- said inline --> goes on.', '', '---', '', '## Second', '', '<!-- _backgroundColor: #123456 --> Shown after.', '', 'Code `<!-- _class: x -->` stays.', '', '```html', 'a <!-- in a block --> b', '```', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'marp-inline-comments'), 'deck.md'));
    const [opening, second] = built.briefing.slides;
    expect([opening!.title, opening!.look?.className, opening!.notes?.markdown]).toEqual(['Opening', 'lead', 'said inline']);
    expect(toPlainText(opening!.bodyHtml).trim()).toBe('Text goes on.');
    expect(second!.look?.backgroundColor).toBe('#123456');
    expect(second!.notes).toBeNull();
    expect(toPlainText(second!.bodyHtml)).toMatch(/^\s*Shown after\.\s+Code <!-- _class: x --> stays\.\s+a <!-- in a block --> b\s*$/);
  });

  it('a global directive in a comment that briefdeck cannot honour is a warning at its line, and one in a code block is code', async () => {
    const deck = ['<!-- paginate: true -->', '', '# One', '', '<!-- size: A4 -->', '<!-- lang: not a tag -->', '', '```markdown', '<!-- headingDivider: 1 -->', '```', '', '# Two', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'marp-comment-globals-left-out'), 'deck.md'));
    expect(built.briefing.slides.map((s) => s.title)).toEqual(['One']);
    expect(built.briefing.slides[0]!.bodyHtml).toContain('&lt;!-- headingDivider: 1 --&gt;');
    expect(built.briefing.meta.size).toBe('16:9');
    expect(built.briefing.meta.lang).toBe('en');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(["5: Marp's size: A4 is not a size briefdeck has (16:9 or 4:3), and was left out", "6: Marp's lang: not a tag is not a language tag, and was left out"]);
  });
});

describe("Slidev's image layouts", () => {
  it('background: written as Markdown\'s autolink (<https://…>, <./bg.png>) is that picture, remote or in the folder, never a colour', async () => {
    const deck = ['---', 'theme: seriph', 'title: B', '---', '', '# A', '', '---', 'background: <https://example.com/p.jpg?w=1920>', '---', '', '# Remote', '', '---', 'background: <./bg.png>', '---', '', '# Local', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck, 'bg.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'slidev-background-autolink'), 'slides.md'));
    expect(built.warnings.filter((w) => w.line !== 2).map((w) => [w.line, w.code])).toEqual([[9, 'W_REMOTE_IMAGE']]);
    expect(built.briefing.slides.find((s) => s.title === 'Local')!.look?.backgroundImage).toBeDefined();
  });

  it('image: shows its picture, the whole slide for layout: image and a column beside the content for image-left and image-right; a remote one is left out with a warning, and its content takes the whole width', async () => {
    const deck = [
      '---', 'theme: default', 'title: Pictures', '---', '', '# Cover', '',
      '---', 'layout: image-right', 'image: ./a.png', '---', '', '# Right', '', '- Point', '', '<!-- The note. -->', '',
      '---', 'layout: image-left', 'image: a.png', '---', '', '# Left', '', 'Text.', '',
      '---', 'layout: image', 'image: a.png', '---', '',
      '---', 'layout: image', 'image: https://example.com/x.png', '---', '', '# Remote', '',
      // A value folded over two lines, as YAML writes a long one.
      '---', 'layout: image', 'image: >-', '  a.png', '---', '', '# Folded', '',
      // An address written as Markdown's autolink, in quotes, as a theme's example deck writes it: that address.
      '---', 'layout: image-right', "image: '<https://example.com/y.png>'", '---', '', '# Bracketed', '', 'Text.', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck, 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'slidev-images'), 'deck.md'));
    const shape = built.briefing.slides.map((s) => [s.title, s.layout, (s.columns ?? [s.bodyHtml]).map((c) => (c.includes('<img') ? 'picture' : toPlainText(c).trim()))]);
    expect(shape).toEqual([
      ['Cover', 'content', ['']],
      ['Right', 'two-column', ['Point', 'picture']],
      ['Left', 'two-column', ['picture', 'Text.']],
      [null, 'image', ['picture']],
      ['Remote', 'image', ['']],
      ['Folded', 'image', ['picture']],
      // Its picture left out, the content takes the slide's width rather than half of it beside an empty column.
      ['Bracketed', 'content', ['Text.']],
    ]);
    // The picture after the content does not take the slide's note, its last comment.
    expect(built.briefing.slides[1]!.notes?.markdown).toBe('The note.');
    // A remote one goes by the rule for every remote picture in a deck for another tool.
    expect(built.warnings.filter((w) => w.line !== 2).map((w) => [w.code, w.line, w.message])).toEqual([
      ['W_REMOTE_IMAGE', 35, 'remote image "https://example.com/x.png" was left out: a deck carries every picture it shows, and works offline'],
      ['W_REMOTE_IMAGE', 50, 'remote image "https://example.com/y.png" was left out: a deck carries every picture it shows, and works offline'],
    ]);
  });

  it('url: of an iframe layout is a link to the page, the whole slide for layout: iframe and a column beside the content for iframe-left and iframe-right, with a warning', async () => {
    const deck = ['---', 'theme: default', 'title: Pages', '---', '', '# Cover', '', '---', 'layout: iframe-right', 'url: https://example.com/page', '---', '', '# Right', '', 'Text.', '', '---', 'layout: iframe', 'url: https://example.com/whole', '---', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-iframes'), 'deck.md'));
    expect(built.briefing.slides.map((s) => [s.title, s.layout, (s.columns ?? [s.bodyHtml]).map((c) => c.replace(/\n/g, ''))])).toEqual([
      ['Cover', 'content', ['']],
      ['Right', 'two-column', ['<p>Text.</p>', '<p><a href="https://example.com/page" target="_blank" rel="noopener noreferrer">https://example.com/page</a></p>']],
      [null, 'content', ['<p><a href="https://example.com/whole" target="_blank" rel="noopener noreferrer">https://example.com/whole</a></p>']],
    ]);
    expect(built.warnings.filter((w) => w.line !== 2).map((w) => [w.line, w.message])).toEqual([
      [10, "Slidev's iframe-right layout is shown as a link to https://example.com/page: a deck embeds nothing from the network"],
      [19, "Slidev's iframe layout is shown as a link to https://example.com/whole: a deck embeds nothing from the network"],
    ]);
  });
});

describe("Slidev's colorSchema", () => {
  it('dark stands a dark built-in theme in for its theme, or for none; a built-in theme the deck names stays', async () => {
    const build = (front: string[], name: string) => buildDeck(path.join(writeBriefing({ 'deck.md': ['---', ...front, '---', '', '# Cover', ''].join('\n') }, name), 'deck.md'));
    const seriph = await build(['theme: seriph', 'colorSchema: dark'], 'slidev-dark-seriph');
    expect(seriph.briefing.meta.theme).toBe('black');
    expect(seriph.warnings.map((w) => w.message)).toEqual(["Slidev's theme \"seriph\" is not built in; using black"]);
    expect((await build(['colorSchema: dark', 'mdc: true'], 'slidev-dark-none')).briefing.meta.theme).toBe('black');
    expect((await build(['theme: serif', 'colorSchema: dark', 'mdc: true'], 'slidev-dark-serif')).briefing.meta.theme).toBe('serif');
    expect((await build(['theme: seriph', 'colorSchema: light'], 'slidev-light')).briefing.meta.theme).toBe('serif');
  });
});

describe("Slidev's headmatter background", () => {
  it('is the first slide\'s background, as a slide\'s own background: is; a remote one is left out with a warning at its line', async () => {
    const local = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'theme: default', 'background: dot.svg', '---', '', '# Cover', '', '---', '', '# Next', ''].join('\n'), 'dot.svg': readFileSync(path.join(DIALECTS, 'dot.svg')) }, 'slidev-headmatter-bg'), 'deck.md'));
    expect(local.briefing.slides.map((s) => s.look?.backgroundImage !== undefined)).toEqual([true, false]);
    const remote = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'theme: default', 'background: https://cover.example/x.jpg', '---', '', '# Cover', ''].join('\n') }, 'slidev-headmatter-remote'), 'deck.md'));
    expect(remote.deck.html).not.toContain('cover.example');
    expect(remote.warnings.filter((w) => w.code !== 'W_META_IGNORED' && !/theme/.test(w.message)).map((w) => [w.line, w.message.split(':')[0]])).toEqual([[3, 'remote background image "https']]);
  });

  it('takes its size from backgroundSize:, as reveal\'s data-background-size, a safe size only', async () => {
    const sized = ['---', 'theme: default', 'background: dot.svg', 'backgroundSize: contain', '---', '', '# Cover', '', '---', 'background: dot.svg', 'backgroundSize: 50% auto', '---', '', '# Half', '', '---', 'background: dot.svg', 'backgroundSize: url(x)', '---', '', '# Bad', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': sized, 'dot.svg': readFileSync(path.join(DIALECTS, 'dot.svg')) }, 'slidev-background-size'), 'deck.md'));
    expect(built.briefing.slides.map((s) => s.look?.backgroundSize)).toEqual(['contain', '50% auto', undefined]);
    expect(built.deck.html).toContain('data-background-size="contain"');
    expect(built.deck.html).not.toContain('url(x)');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toContain('18: slide settings data-background-size are not supported and were left out');
  });
});

describe("Slidev's UnoCSS column grids", () => {
  it('<div grid="~ cols-2 gap-4"> and <div class="grid grid-cols-6"> are the column grid (of at most 4), with no warning; one column, or none given, is a plain grid, UnoCSS\'s `grid` and `gap` utilities', async () => {
    const deck = ['---', 'theme: default', '---', '', '# Grid', '', '<div grid="~ cols-2 gap-4">', '<div>', '', 'Left **md**', '', '</div>', '<div>', '', 'Right', '', '</div>', '</div>', '',
      '<div class="grid grid-cols-6 gap-2"><div>A</div><div>B</div></div>', '', '<div class="grid grid-cols-1">One</div>', '', '<div grid="~ gap-4">Plain</div>', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-grid'), 'deck.md'));
    const body = built.briefing.slides.find((s) => s.title === 'Grid')!.bodyHtml;
    // A grid of one column, or of none, keeps UnoCSS's `grid` (display: grid, in one column) and its gap: utilities like any other.
    expect([...body.matchAll(/<div( class="[^"]*")?>/g)].map((m) => m[1] ?? '').filter(Boolean)).toEqual([' class="layout-grid layout-ncol-2"', ' class="layout-grid layout-ncol-4"', ' class="grid"', ' class="grid gap-4"']);
    expect(body).toContain('<strong>md</strong>');
    // What was no utility (grid-cols-1) goes, drawing nothing, as a class no style names.
    expect(built.warnings.filter((w) => w.code === 'W_RAW_HTML')).toEqual([]);
  });
});

describe("Slidev's src: imports", () => {
  it("a slide whose front matter has src: takes that file's slides, notes and front matter its own, in its place; a missing file is a warning at the src: line", async () => {
    const dir = writeBriefing({
      'slides.md': ['---', 'theme: default', 'title: Imports', '---', '', '# Cover', '', '---', 'src: ./pages/intro.md', '---', '', '---', '', '# After', '', 'End.', '', '---', 'src: ./pages/missing.md', '---', ''].join('\n'),
    }, 'slidev-src');
    mkdirSync(path.join(dir, 'pages'));
    writeFileSync(path.join(dir, 'pages', 'intro.md'), ['---', 'layout: two-cols', '---', '', '# Intro', '', 'Left.', '', '::right::', '', 'Right.', '', '<!-- Imported note. -->', '', '---', '', '# Second imported', '', 'More.', ''].join('\n'));
    const built = await buildDeck(path.join(dir, 'slides.md'));
    expect(built.briefing.slides.map((s) => [s.title, s.layout, (s.columns ?? [s.bodyHtml]).map((c) => toPlainText(c).trim()), s.notes?.markdown ?? null])).toEqual([
      ['Cover', 'content', [''], null],
      ['Intro', 'two-column', ['Left.', 'Right.'], 'Imported note.'],
      ['Second imported', 'content', ['More.'], null],
      ['After', 'content', ['End.'], null],
    ]);
    expect(built.warnings.filter((w) => w.line !== 2).map((w) => [w.line, w.message.replace(/\(.*\)/, '(…)')])).toEqual([
      [19, "the file ./pages/missing.md that Slidev's src: names could not be read (…), so it was left out"],
    ]);
  });

  it("the headmatter's src: makes the first slide that file's, its other keys over the file's own (Slidev's frontmatter merging), as a slide's src: does; what a src: slide holds itself is left out with a warning", async () => {
    const dir = writeBriefing({
      'slides.md': [
        '---', 'theme: seriph', 'title: Imported', 'class: text-center', 'layout: center', 'src: ./pages/cover.md', '---', '',
        'Never shown: the headmatter slide is the file\'s.', '',
        '---', 'src: ./pages/two.md#1', 'layout: center', '---', '', '<!-- loaded from ./pages/two.md -->', '', 'Ignored content', '', '---', '', '# Own slide', '', 'Text', '',
      ].join('\n'),
      'pages/cover.md': ['---', 'layout: cover', 'background: "#123456"', '---', '', '# Cover title', '', 'Cover text', '', '<!--', 'Cover notes', '-->', ''].join('\n'),
      'pages/two.md': ['# Two A', '', 'Alpha', '', '---', '', '# Two B', '', 'Beta', ''].join('\n'),
    }, 'slidev-headmatter-src');
    const built = await buildDeck(path.join(dir, 'slides.md'));
    // The cover's layout gives way to the headmatter's center (a lead slide), its background stays; the headmatter's class is the slide's.
    expect(built.briefing.slides.map((s) => [s.title, s.layout, s.look?.className, s.look?.backgroundColor, toPlainText(s.bodyHtml).trim(), s.notes?.markdown ?? null])).toEqual([
      ['Cover title', 'content', 'lead text-center', '#123456', 'Cover text', 'Cover notes'],
      ['Two A', 'content', 'lead', undefined, 'Alpha', null],
      ['Own slide', 'content', undefined, undefined, 'Text', null],
    ]);
    const leftOut = "what a slide that Slidev's src: fills holds of its own is left out, as Slidev leaves it out; put it on a slide of its own after a ---";
    // The headmatter slide's own text is named too; the comment on the src: slide is not.
    expect(built.warnings.filter((w) => w.line !== 2).map((w) => [w.line, w.message])).toEqual([
      [9, leftOut],
      [18, leftOut],
    ]);
  });

  it("takes only the slides a #2,5-7 names, counted as Slidev counts them (front matter opens its slide, a --- in a code block cuts nothing), the naming slide's keys over each one's own; a pick of no slide is a warning", async () => {
    const dir = writeBriefing({
      'slides.md': ['---', 'theme: default', 'title: Picks', '---', '', '# Cover', '', '---', 'src: ./pages/many.md#2,4-', 'class: text-center', '---', '', '---', 'src: ./pages/many.md#9', '---', ''].join('\n'),
      'pages/many.md': [
        '# One', '', 'First', '', '---', '', '# Two', '', '```md', '---', 'not: a cut', '---', '```', '', '---', 'layout: center', 'class: own', '---', '', '# Three', '',
        '---', '', '# Four', '', 'Fourth', '', '<!-- Four says this. -->', '', '---', 'layout: center', 'class: own', '---', '', '# Five', '',
      ].join('\n'),
    }, 'slidev-src-picks');
    const built = await buildDeck(path.join(dir, 'slides.md'));
    expect(built.briefing.slides.map((s) => [s.title, s.look?.className, toPlainText(s.bodyHtml).trim(), s.notes?.markdown ?? null])).toEqual([
      ['Cover', undefined, '', null],
      ['Two', 'text-center', '--- not: a cut ---', null],
      ['Four', 'text-center', 'Fourth', 'Four says this.'],
      ['Five', 'lead text-center', '', null],
    ]);
    expect(built.warnings.filter((w) => w.line !== 2).map((w) => [w.line, w.message])).toEqual([[14, "Slidev's src: ./pages/many.md#9 names none of the 5 slides of the file, so none was read"]]);
    // Slidev's reading of a pick: an open end, every slide, separators, each once and in order; what is no slide number, none.
    expect([readSlidePicks(5, '3-'), readSlidePicks(3, '*'), readSlidePicks(3, 'all'), readSlidePicks(4, '3;1,3'), readSlidePicks(4, '7-5'), readSlidePicks(4, 'intro'), readSlidePicks(4, 'none')]).toEqual([[3, 4, 5], [1, 2, 3], [1, 2, 3], [1, 3], [], [], []]);
  });
});

describe('pictures in a file another brings in', () => {
  it("are found from that file's folder in Slidev's src: and presenterm's include, as those tools find them, and from the deck's in Quarto's include, which is text put in place", async () => {
    const files = (main: string, included: string) => {
      const dir = writeBriefing({ [main.split('\n')[0]!]: main.slice(main.indexOf('\n') + 1) }, `pictures-${main.split('\n')[0]!.replace(/\W/g, '')}`);
      mkdirSync(path.join(dir, 'pages'));
      mkdirSync(path.join(dir, 'assets'));
      writeFileSync(path.join(dir, 'pages', 'part.md'), included);
      for (const name of ['assets/a.png', 'assets/b.png', 'pages/c.png', 'c.png']) writeFileSync(path.join(dir, name), TINY_PNG);
      return dir;
    };
    const pictures = '![A](../assets/a.png)\n\n<img src="../assets/b.png" alt="B">\n\n![C](c.png)\n';
    const slidevDir = files('slides.md\n---\ntheme: default\n---\n\n# Cover\n\n---\nsrc: ./pages/part.md\n---\n', `# Part\n\n${pictures}`);
    const slidev = await buildDeck(path.join(slidevDir, 'slides.md'));
    expect(slidev.briefing.images.map((i) => i.relPath).sort()).toEqual(['assets/a.png', 'assets/b.png', 'pages/c.png']);
    expect(slidev.warnings.filter((w) => w.code !== 'W_META_IGNORED')).toEqual([]);
    const presentermDir = files('deck.md\n---\ntitle: P\nsub_title: S\n---\n\nOne\n===\n\n<!-- include: pages/part.md -->\n', pictures);
    const presenterm = await buildDeck(path.join(presentermDir, 'deck.md'));
    expect(presenterm.briefing.images.map((i) => i.relPath).sort()).toEqual(['assets/a.png', 'assets/b.png', 'pages/c.png']);
    // Quarto's include is read where it stands: ../assets is outside the folder, never read (left out, with a warning each).
    const quartoDir = files('deck.qmd\n---\ntitle: Q\n---\n\n## One\n\n{{< include pages/part.md >}}\n', pictures);
    const quarto = await buildDeck(path.join(quartoDir, 'deck.qmd'));
    expect(quarto.briefing.images.map((i) => i.relPath)).toEqual(['c.png']);
    expect(quarto.warnings.map((w) => w.message.split(' is ')[0])).toEqual(['image "../assets/a.png"', 'the picture "../assets/b.png" of an <img> in raw HTML was left out: image "../assets/b.png"']);
  });
});

describe("Slidev's RenderWhen", () => {
  it('context="presenter" is for the presenter only: its content joins the speaker notes, on a line of its own or around lines; another context shows as the slide text it is', async () => {
    const deck = [
      '---', 'theme: default', '---', '', '# One', '', 'Seen.', '', '<RenderWhen context="presenter">Only for the presenter</RenderWhen>', '',
      '---', '', '# Two', '', '<RenderWhen context="presenter">', '', 'Say this **slowly**.', '', '</RenderWhen>', '',
      '<RenderWhen context="main">Shown on the slide</RenderWhen>', '', '<!-- The note. -->', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-render-when'), 'deck.md'));
    expect(built.briefing.slides.map((s) => [s.title, toPlainText(s.bodyHtml).replace(/\s+/g, ' ').trim(), s.notes ? toPlainText(s.notes.html).replace(/\s+/g, ' ').trim() : null])).toEqual([
      ['One', 'Seen.', 'Only for the presenter'],
      ['Two', 'Shown on the slide', 'The note. Say this slowly.'],
    ]);
    expect(built.deck.html).not.toMatch(/renderwhen/i);
  });
});

describe("Slidev's starter deck", () => {
  it('builds: its theme seriph stands in as serif, a hidden slide is left out, and a formula\'s click steps are not TeX', async () => {
    const deck = [
      '---', 'theme: seriph', 'title: Starter', 'drawings:', '  persist: false', '---', '', '# Welcome', '', 'Opening line.', '',
      '---', 'hide: true', '---', '', '# Draft', '', 'Not ready.', '',
      '---', 'hide: false', '---', '', '# Formula', '', '$$ {1|3|all}', 'a = b', '$$', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-starter'), 'deck.md'));
    expect(built.briefing.meta.theme).toBe('serif');
    expect(built.briefing.slides.filter((s) => s.kind === 'content').map((s) => s.title)).toEqual(['Welcome', 'Formula']);
    expect(built.deck.html).not.toContain('Not ready.');
    const formula = built.briefing.slides.find((s) => s.title === 'Formula')!.bodyHtml;
    expect(formula).toContain('<annotation encoding="application/x-tex">a = b</annotation>');
    expect(formula).not.toContain('all');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`).sort()).toEqual(['2: Slidev\'s theme "seriph" is not built in; using serif', '4: "drawings" is Slidev\'s metadata; briefdeck ignores it']);
  });

  it('in a deck whose headmatter is not recognisably Slidev\'s, a slide\'s own front matter of Slidev keys is still read; v-click steps in; {{ $slidev.nav… }} is the page number and count', async () => {
    const deck = [
      '---', 'theme: default', 'title: S', '---', '', '# Clicks', '', '<div v-click>Shown on click</div>', '', 'Page {{ $slidev.nav.currentPage }} of {{ $slidev.nav.total }}', '',
      '---', 'layout: quote', '---', '', '# "A quote"', '', 'Someone', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-plain-headmatter'), 'deck.md'));
    expect(built.briefing.slides.filter((s) => s.kind === 'content').map((s) => [s.title, s.layout])).toEqual([['Clicks', 'content'], ['“A quote”', 'quote']]);
    const clicks = built.briefing.slides.find((s) => s.title === 'Clicks')!.bodyHtml;
    expect(clicks).toContain('<div class="fragment">Shown on click</div>');
    expect(clicks).toContain('<p>Page 1 of 2</p>');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`).sort()).toEqual(['2: Marp\'s or Slidev\'s theme "default" is not built in; using white']);
  });

  it('any theme in a deck that is recognisably Slidev\'s is a warning, but a mistyped theme elsewhere is still an error', async () => {
    const slidev = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntheme: slidev-theme-geist\nlayout: cover\n---\n\n# One\n\nText.\n' }, 'slidev-theme'), 'deck.md'));
    expect(slidev.briefing.meta.theme).toBe('briefing');
    expect(slidev.warnings.map((w) => w.message)).toContain('Slidev\'s theme "slidev-theme-geist" is not built in; using briefing');
    const typo = (await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: T\ntheme: seriph2\n---\n\n## One\n\nText.\n' }, 'theme-typo'), 'deck.md')).catch((e: unknown) => e)) as { code: string; line: number };
    expect(typo).toMatchObject({ code: 'E_META', line: 3 });
  });
});

describe('speaker notes written as HTML elements', () => {
  const deck = (html: boolean) =>
    [
      '---', 'title: L', `html: ${html}`, '---', '', '## One', '',
      'Text <aside class="notes">inline **aside** note</aside> after.', '',
      '<ASIDE CLASS=notes data-x="1">odd aside note</ASIDE>', '',
      "<div class='notes'>", 'Pandoc div note', '</div>', '',
      '<div class="notes">', '', '- a note in *Markdown*', '', '</div>', '',
      '<p class="lead notes">p note</p>', '', 'Shown.', '',
    ].join('\n');

  for (const html of [false, true]) {
    it(`are taken off the slide into its notes, in any element, case or place (html: ${html}); a handout has none`, async () => {
      const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck(html) }, `html-notes-${html}`), 'deck.md'));
      const slide = built.briefing.slides.find((s) => s.title === 'One')!;
      expect(slide.bodyHtml).not.toMatch(/note/i);
      expect(slide.bodyHtml).toContain('Shown.');
      for (const text of ['inline <strong>aside</strong> note', 'odd aside note', 'Pandoc div note', '<li>a note in <em>Markdown</em></li>', 'p note']) expect(slide.notes!.html).toContain(text);
      expect(built.warnings.filter((w) => w.code === 'W_RAW_HTML')).toEqual([]);
      const handout = await buildDeck(path.join(writeBriefing({ 'deck.md': deck(html) }, `html-notes-handout-${html}`), 'deck.md'), { handout: true });
      expect(handout.deck.html).not.toMatch(/aside note|div note|p note|in <em>Markdown/);
    });
  }
});

describe('speaker notes in odd places, found by the random-syntax property test', () => {
  it('text after an aside closed on its own line is read as a line of its own, so a notes div opened there stays notes', async () => {
    const deck = '---\ntitle: L\n---\n\n## One\n\n<aside class="notes">First note</aside><div class="notes">\nSecond note\n</div>\n\nShown.\n';
    const slide = (await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'aside-rest'), 'deck.md'))).briefing.slides.find((s) => s.title === 'One')!;
    expect(slide.bodyHtml).not.toMatch(/note/i);
    expect(slide.notes!.html).toContain('First note');
    expect(slide.notes!.html).toContain('Second note');
  });

  it('a footnote definition goes on over lazy lines, as in Pandoc and on GitHub, so its text never spills onto the slide', async () => {
    const deck = '---\ntitle: F\n---\n\n## One\n\nA claim[^1].\n\n[^1]: The source,\nwhich goes on here.\n\nShown.\n';
    const slide = (await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'footnote-lazy'), 'deck.md'))).briefing.slides.find((s) => s.title === 'One')!;
    expect(slide.bodyHtml.replace(/\n/g, '')).toBe('<p>A claim<sup class="footnote-ref">1</sup>.</p><p>Shown.</p><ol class="footnotes"><li>The source, which goes on here.</li></ol>');
  });
});

describe('reveal slide and element directives', () => {
  it('a .slide: comment that goes on over several lines: its first line\'s settings are read, as reveal\'s pattern reads to the line\'s end, and nothing of it shows', async () => {
    const deck = ['---', 'title: R', 'revealOptions:', '  transition: fade', '---', '', '<!-- .slide: data-background-color="#123456" class="lead"', '     data-transition="zoom" -->', '## Two lines', '', 'Text', '', '---', '', '## Next', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'reveal-slide-comment-lines'), 'deck.md'));
    const slide = built.briefing.slides.find((s) => s.title === 'Two lines')!;
    expect([slide.look?.backgroundColor, slide.look?.className, slide.look?.transition]).toEqual(['#123456', 'lead', undefined]);
    expect(toPlainText(slide.bodyHtml).trim()).toBe('Text');
    expect(built.deck.html).not.toContain('data-transition="zoom"');
  });

  it('.slide: sets a safe background colour and class on the slide it precedes; .element: makes fragments; unsafe values are refused', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'reveal-looks.md'));
    const content = built.briefing.slides.filter((s) => s.kind === 'content');
    expect(content.map((s) => s.title)).toEqual(['Coloured', 'Refused looks', 'Gradient', 'Refused gradient']);
    expect(content[0]!.look).toEqual({ backgroundColor: '#123456', className: 'lead' });
    expect(content[0]!.bodyHtml).toContain('<li class="fragment" data-fragment-index="2">stepped item </li>');
    // A local background image is confined and inlined like any image; refused classes and settings are named.
    expect(content[1]!.look).toEqual({ backgroundImage: 0, autoAnimate: true });
    expect(built.briefing.images[0]).toMatchObject({ relPath: 'dot.svg', decorative: true });
    expect(built.deck.html).toMatch(/<section class="layout-content kind-content lead" data-layout="content" data-background-color="#123456">/);
    // A gradient of colours is the slide's background, over the colour it is most like (the mean of its stops),
    // which the text reads on; one that would fetch is refused.
    expect(content[2]!.look).toEqual({ backgroundGradient: 'linear-gradient(to bottom, #283b95, rgb(23, 178, 195))', backgroundColor: '#2077ac' });
    expect(built.deck.html).toContain('data-background-gradient="linear-gradient(to bottom, #283b95, rgb(23, 178, 195))"');
    expect(content[3]!.look).toEqual({});
    expect(built.deck.html).not.toContain('example.com');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '13: slide settings class reveal, data-transition="spin" are not supported and were left out',
      '25: slide settings data-background-gradient are not supported and were left out',
    ]);
  });

  it('a line of text between two .slide: comments is text, not one comment that swallows it', async () => {
    const deck = ['---', 'title: R', 'revealOptions:', '  transition: fade', '---', '', '## One', '', '<!-- .slide: class="lead" --> Visible text <!-- .slide: class="lead" -->', '', '---', '', '## Two', '', 'Hi', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'reveal-text-between-comments'), 'deck.md'));
    expect(toPlainText(built.briefing.slides[0]!.bodyHtml).trim()).toBe('Visible text');
  });

  it('.slide: comments inside a line, after a heading or text, set the slide as reveal reads them anywhere in it; one in a code span is code', async () => {
    const deck = ['---', 'title: R', 'revealOptions:', '  transition: fade', '---', '', '## One <!-- .slide: data-background-color="#123456" -->', '', 'Text <!-- .slide: class="lead" -->', '', '---', '', '## Two', '', 'Write `<!-- .slide: class="lead" -->` on a line.', '', '---', '', '## Three <!-- .slide: data-backgroud-color="#123" -->', '', 'x', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'reveal-mid-line-slide-comments'), 'deck.md'));
    const [one, two] = built.briefing.slides;
    expect(one!.look).toEqual({ backgroundColor: '#123456', className: 'lead' });
    expect([one!.title, toPlainText(one!.bodyHtml).trim()]).toEqual(['One', 'Text']);
    expect(two!.look).toBeUndefined();
    expect(toPlainText(two!.bodyHtml).trim()).toBe('Write <!-- .slide: class="lead" --> on a line.');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['19: slide settings data-backgroud-color (did you mean data-background-color?) are not supported and were left out']);
  });

  it("Marp's backgroundImage of a gradient is the slide's background gradient, carried on like a picture; Quarto's background-gradient heading attribute is too", async () => {
    const marp = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'marp: true', '---', '', '<!-- backgroundImage: "linear-gradient(to bottom, #67b8e3, #0288d1)" -->', '', '# One', '', '---', '', '# Two', '', '---', '', '<!-- _backgroundImage: "radial-gradient(circle, red 0%, blue 100%); color: red" -->', '', '# Three', ''].join('\n') }, 'marp-gradient'), 'deck.md'));
    expect(marp.briefing.slides.map((s) => s.look?.backgroundGradient ?? null)).toEqual(['linear-gradient(to bottom, #67b8e3, #0288d1)', 'linear-gradient(to bottom, #67b8e3, #0288d1)', 'linear-gradient(to bottom, #67b8e3, #0288d1)']);
    expect(marp.warnings.map((w) => [w.line, w.message.split(' is ')[0]])).toEqual([[15, "Marp's backgroundImage: radial-gradient(circle, red 0%, blue 100%); color: red"]]);
    const quarto = await buildDeck(path.join(writeBriefing({ 'deck.qmd': ['---', 'title: Q', 'format: revealjs', '---', '', '## Shaded {background-gradient="linear-gradient(#fff, #ccc)"}', '', 'Text.', ''].join('\n') }, 'quarto-gradient'), 'deck.qmd'));
    expect(quarto.briefing.slides.find((s) => s.title === 'Shaded')!.look).toEqual({ backgroundGradient: 'linear-gradient(#fff, #ccc)', backgroundColor: '#e6e6e6' });
  });

  it("a background picture's place and repeat, as reveal, Quarto, Marp and remark write them; values that are not one are named", async () => {
    const dot = readFileSync(path.join(DIALECTS, 'dot.svg'));
    const build = async (name: string, file: string, text: string) => {
      const built = await buildDeck(path.join(writeBriefing({ [file]: text, 'dot.svg': dot }, name), file));
      return { looks: built.briefing.slides.map((s) => [s.look?.backgroundPosition, s.look?.backgroundRepeat, s.look?.backgroundSize]), html: built.deck.html, warnings: built.warnings.map((w) => `${w.line}: ${w.message}`) };
    };
    const reveal = await build('bg-place-reveal', 'deck.md', ['# One', '', '<!-- .slide: data-background-image="dot.svg" data-background-position="top right" data-background-repeat="repeat" -->', '', 'Text.', ''].join('\n'));
    expect(reveal.looks.at(-1)).toEqual(['top right', 'repeat', undefined]);
    expect(reveal.html).toMatch(/ data-background-position="top right" data-background-repeat="repeat"/);
    const quarto = await build('bg-place-quarto', 'deck.qmd', ['---', 'title: Q', 'format: revealjs', '---', '', '## Placed {background-image="dot.svg" background-position="10% 20%" background-repeat="sideways"}', '', 'Text.', ''].join('\n'));
    expect(quarto.looks.at(-1)).toEqual(['10% 20%', undefined, undefined]);
    expect(quarto.warnings).toEqual(['6: heading attributes data-background-repeat are not supported and were left out']);
    const marp = await build('bg-place-marp', 'deck.md', ['---', 'marp: true', '---', '', '<!-- backgroundImage: url(dot.svg) -->', '<!-- backgroundPosition: bottom -->', '<!-- backgroundRepeat: repeat-x -->', '', '# One', '', '---', '', '<!-- _backgroundPosition: url(x.png) -->', '', '# Two', ''].join('\n'));
    expect(marp.looks).toEqual([['bottom', 'repeat-x', undefined], ['bottom', 'repeat-x', undefined]]);
    expect(marp.warnings).toEqual(["13: Marp's backgroundPosition: url(x.png) is not a value briefdeck can set, and was left out"]);
    const remark = await build('bg-place-remark', 'deck.Rmd', ['---', 'title: R', 'output: xaringan::moon_reader', '---', '', 'background-image: url(dot.svg)', 'background-position: top right', 'background-size: 10%', '', '# One', ''].join('\n'));
    expect(remark.looks.at(-1)).toEqual(['top right', undefined, '10%']);
    expect(remark.warnings).toEqual([]);
  });

  it("a deck written for another tool builds unchanged: a remote picture, or a local one that is not there, is left out with a warning (never fetched), and a key briefdeck does not know is a warning, where each is an error in a briefdeck deck", async () => {
    const deck = ['---', 'title: Q', 'format: revealjs', 'include-after-body: x.html', 'revealjs:', '  margin: 0.05', '---', '', '## Pictures', '', '![A logo](https://example.com/logo.png)', '', 'Text.', '', '![A chart](assets/chart.png)', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'peer-remote'), 'deck.qmd'));
    const body = built.briefing.slides.find((s) => s.title === 'Pictures')!.bodyHtml;
    expect(body).toContain('<span class="missing-image">A logo</span>');
    // A local picture that is not there is left out too, its alt text in its place in the built deck: here a figure's, its caption alone.
    expect(built.deck.html).toContain('<p><span class="figure-caption">A chart</span></p>');
    expect(built.deck.html).not.toContain('A chart</span><span');
    expect(built.deck.html).not.toContain('briefdeck-asset:');
    expect(built.deck.html).not.toContain('example.com/logo');
    expect(built.briefing.images.map((i) => i.relPath)).toEqual(['assets/chart.png']);
    expect(built.assets.size).toBe(0);
    expect(built.warnings.map((w) => [w.line, w.code, w.message])).toEqual([
      [4, 'W_META_IGNORED', '"include-after-body" is not a briefdeck key; in this Quarto deck it is taken for Quarto\'s and ignored'],
      [5, 'W_META_IGNORED', '"revealjs" is not a briefdeck key; in this Quarto deck it is taken for Quarto\'s and ignored'],
      [11, 'W_REMOTE_IMAGE', 'remote image "https://example.com/logo.png" was left out: a deck carries every picture it shows, and works offline'],
      [15, 'W_IMAGE_MISSING', 'image not found: assets/chart.png; it was left out, its alt text in its place'],
    ]);
    // The same in a briefdeck deck: errors, and nothing is built.
    const own = await buildDeck(path.join(writeBriefing({ 'deck.md': deck.replace('format: revealjs\n', '').replace(/\ninclude-after-body[\s\S]*?---/, '\n---') }, 'own-remote'), 'deck.md')).catch((e: unknown) => e);
    expect(own).toMatchObject({ code: 'E_REMOTE_URL' });
  });

  it('an <img> in raw HTML that names a picture in the folder shows it, confined and inlined like a Markdown image; any other source is left out as before', async () => {
    const deck = ['---', 'title: R', '---', '', '## Raw', '', '<img src="a.png" width="40%" alt="Sized">', '', '<img src="x" onerror="alert(1)"> <img src="../outside.png"> <img src="/abs.png"> <img src="https://example.com/t.png" alt="Trend" class="fragment">', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck, 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'raw-img'), 'deck.md'));
    expect(built.briefing.images.map((i) => [i.relPath, i.alt])).toEqual([['a.png', 'Sized']]);
    const body = built.briefing.slides.find((s) => s.title === 'Raw')!.bodyHtml;
    expect(body).toContain('<img src="briefdeck-asset:0" width="40%" alt="Sized" />');
    // A picture left out goes whole, no <img> without a source (a broken picture's box, or a step that shows nothing); its alt text stands in its place, as a Markdown image's.
    expect(body.match(/<img[^>]*>/g)).toHaveLength(1);
    expect(body).toContain('<span class="missing-image">Trend</span>');
    expect(built.deck.html).toMatch(/<img src="data:image\/png;base64,[^"]+" width="40%" alt="Sized"/);
    // Each source left out is named at its own line, with why; the handler is named at the line of its element.
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '9: the picture "x" of an <img> in raw HTML was left out: it is not a picture file in the briefing folder',
      '9: the picture "../outside.png" of an <img> in raw HTML was left out: image "../outside.png" is outside the briefing folder',
      '9: the picture "/abs.png" of an <img> in raw HTML was left out: it is not a picture file in the briefing folder',
      '9: the picture "https://example.com/t.png" of an <img> in raw HTML was left out: a remote picture is never fetched: a deck carries every picture it shows',
      '9: raw HTML was neutralised: removed onerror on <img>',
    ]);
    const lines = ['---', 'title: R', '---', '', '## Raw', '', '<img src="a.png">', '', '<img src="b.png" onerror="alert(1)">', '', '<img src="https://example.com/t.png">', ''].join('\n');
    const spread = await buildDeck(path.join(writeBriefing({ 'deck.md': lines, 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')), 'b.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'raw-img-lines'), 'deck.md'));
    expect(spread.warnings.map((w) => `${w.line}: ${w.message.split(':')[0]}`)).toEqual(['11: the picture "https', '9: raw HTML was neutralised']);
    // A trusted author's HTML (html: true) loses a picture left out the same way.
    const trusted = await buildDeck(path.join(writeBriefing({ 'deck.md': deck.replace('title: R', 'title: R\nhtml: true'), 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'raw-img-trusted'), 'deck.md'));
    const trustedBody = trusted.briefing.slides.find((s) => s.title === 'Raw')!.bodyHtml;
    expect(trustedBody.match(/<img[^>]*>/g)).toHaveLength(1);
    expect(trustedBody).toContain('<span class="missing-image">Trend</span>');
  });

  it('an <img> whose source is a picture written out as data of megabytes (as Quarto renders them) is read and shown, the slide built', async () => {
    const png = Buffer.concat([readFileSync(path.join(FIXTURES, 'layouts', 'square.png')), Buffer.alloc(400_000)]);
    const deck = ['---', 'title: R', '---', '', '## Data', '', `<img src="data:image/png;base64,${png.toString('base64')}" alt="Plot">`, '', 'After the picture.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'raw-img-data'), 'deck.md'));
    expect(built.warnings).toEqual([]);
    expect(built.briefing.slides.find((s) => s.title === 'Data')!.bodyHtml).toContain('After the picture.');
    expect(built.deck.html).toContain(`<img src="data:image/png;base64,${png.toString('base64')}" alt="Plot"`);
  });

  it("reveal's lazy-loaded picture (<img data-src>) is its source, confined and inlined like any; one that cannot be is named as a source left out, never as an attribute removed", async () => {
    const deck = ['---', 'title: R', 'theme: black', '---', '', '## Lazy', '', '<img data-src="a.png" alt="Lazy">', '', '---', '', '## Gone', '', '<img data-src="../outside.png">', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck, 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'raw-img-lazy'), 'deck.md'));
    expect(built.briefing.images.map((i) => [i.relPath, i.alt])).toEqual([['a.png', 'Lazy']]);
    expect(built.deck.html).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="Lazy"/);
    expect(built.deck.html).not.toMatch(/<img[^>]*data-src/);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['14: the picture "../outside.png" of an <img> in raw HTML was left out: image "../outside.png" is outside the briefing folder']);
    const trusted = await buildDeck(path.join(writeBriefing({ 'deck.md': deck.replace('theme: black', 'theme: black\nhtml: true'), 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'raw-img-lazy-trusted'), 'deck.md'));
    expect(trusted.deck.html).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="Lazy"/);
    expect(trusted.deck.html).not.toMatch(/<img[^>]*data-src/);
  });

  it("a deck in reveal.js's Markdown with no reveal-md keys (title and theme only) is known by its .slide: comments and --- cuts; a deck cut at its headings stays briefdeck's", async () => {
    const reveal = ['---', 'title: R', 'theme: black', '---', '', '<!-- .slide: data-background-color="#123456" -->', '', '# Opening', '', '---', '', '## Second', '', 'Text.', '', 'Note: Said.', '', '---', '', '## Third', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': reveal }, 'reveal-md-by-body'), 'deck.md'));
    expect(built.briefing.meta.peerTools).toEqual(['reveal-md']);
    // No title, agenda or section slides are made: the deck brings its own cover, and is cut at --- only.
    expect(built.briefing.slides.map((s) => [s.kind, s.title])).toEqual([['content', 'Opening'], ['content', 'Second'], ['content', 'Third']]);
    const own = ['---', 'title: B', '---', '', '# Part', '', '## One', '', '<!-- .slide: data-background-color="#123456" -->', '', 'Text.', '', '## Two', '', 'More.', '', '---', '', '## Three', ''].join('\n');
    const native = await buildDeck(path.join(writeBriefing({ 'deck.md': own }, 'native-with-slide-comment'), 'deck.md'));
    expect(native.briefing.meta.peerTools).toEqual([]);
    expect(native.briefing.slides.map((s) => s.kind)).toContain('title');
    // A deck of stacks, more headings than --- cuts, each stack's slides below one another at ----: reveal-md's too.
    const stacks = ['# Deck', '', '---', '', '## One', '', '----', '', '## One, below', '', '- a <!-- .element: class="fragment" -->', '', '----', '', '## One, further', '', '---', '', '## Two', '', '![Remote](https://example.com/x.gif)', '', '----', '', '## Two, below', ''].join('\n');
    const stacked = await buildDeck(path.join(writeBriefing({ 'deck.md': stacks }, 'reveal-md-stacks'), 'deck.md'));
    expect(stacked.briefing.meta.peerTools).toEqual(['reveal-md']);
    expect(stacked.briefing.slides.map((s) => [s.title, s.vertical === true])).toEqual([['Deck', false], ['One', false], ['One, below', true], ['One, further', true], ['Two', false], ['Two, below', true]]);
    expect(stacked.warnings.map((w) => w.code)).toEqual(['W_REMOTE_IMAGE']);
    // A course's chapter: its cover a title over its part, a few slides with a heading inside, pictures in a folder above (its site's).
    const chapter = ['<!-- .slide: data-background="../images/cover.jpg" -->', '## Building Applications', '', '# Pipes', '', '---', '', '## Uppercase', '', '![Shot](../images/upper.png)', '', '### What it does', '', '---', '', '## Titlecase', '', '# Try it', '', '---', '', '## Chaining', '', '### Why', '', '---', '', '## Done', ''].join('\n');
    const course = await buildDeck(path.join(writeBriefing({ 'deck.md': chapter }, 'reveal-md-course-chapter'), 'deck.md'));
    expect(course.briefing.meta.peerTools).toEqual(['reveal-md']);
    expect(course.briefing.slides.map((s) => s.title)).toEqual(['Building Applications', 'Uppercase', 'Titlecase', 'Chaining', 'Done']);
    expect(course.warnings.map((w) => `${w.line}: ${w.code}`)).toEqual(['1: W_IMAGE_MISSING', '10: W_IMAGE_MISSING']);
    // data-background with a picture's address that goes on past its name (GitHub's `?raw=true`) is a picture too: remote, so left out.
    const queried = await buildDeck(path.join(writeBriefing({ 'deck.md': chapter.replace('../images/cover.jpg', 'https://example.com/cover.png?raw=true') }, 'reveal-md-background-query'), 'deck.md'));
    expect(queried.warnings.map((w) => `${w.line}: ${w.code} ${w.message.split(':')[0]}`)[0]).toBe('1: W_REMOTE_IMAGE remote background image "https');
  });

  it('a deck known by its body (reveal\'s comments, Pandoc\'s pauses) may hold keys its tool\'s template reads: each is a warning naming that tool, not an error; in a deck with no tool\'s marks one is still an error', async () => {
    const reveal = ['---', 'title: R', 'headerr: <img src="logo.png">', 'level1-slide-background: x.png', '---', '', '<!-- .slide: data-background-color="#123456" -->', '# Opening', '', '---', '', '## Second', ''].join('\n');
    const revealed = await buildDeck(path.join(writeBriefing({ 'deck.md': reveal }, 'reveal-md-template-keys'), 'deck.md'));
    expect(revealed.briefing.meta.peerTools).toEqual(['reveal-md']);
    expect(revealed.warnings.map((w) => `${w.line}: ${w.code} ${w.message}`)).toEqual([
      '3: W_META_IGNORED "headerr" is not a briefdeck key; in this reveal-md deck it is taken for reveal-md\'s and ignored',
      '4: W_META_IGNORED "level1-slide-background" is not a briefdeck key; in this reveal-md deck it is taken for reveal-md\'s and ignored',
    ]);
    const paused = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'title: P', 'footer-left: Me', '---', '', '## One', '', 'Text', '', '. . .', '', 'More', ''].join('\n') }, 'pandoc-template-keys'), 'deck.md'));
    expect([paused.briefing.meta.peerTools, paused.warnings.map((w) => w.code)]).toEqual([['Pandoc'], ['W_META_IGNORED']]);
    // A key Pandoc and Quarto share marks the deck as Pandoc's wherever it stands, after a template's own key too.
    const shared = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'title: S', 'title-slide-background-image: t.png', 'toc-depth: 1', '---', '', '# One', '', 'Text', ''].join('\n') }, 'pandoc-shared-key-after'), 'deck.md'));
    expect(shared.briefing.meta.peerTools).toEqual(['Pandoc']);
    expect(shared.warnings.map((w) => `${w.line}: ${w.code} ${w.message}`)[0]).toBe('3: W_META_IGNORED "title-slide-background-image" is not a briefdeck key; in this Pandoc deck it is taken for Pandoc\'s and ignored');
    const own = (await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'title: O', 'headerr: x', '---', '', '## One', '', 'Text', ''].join('\n') }, 'own-unknown-key'), 'deck.md')).catch((e: unknown) => e)) as BriefdeckError;
    expect(own.diagnostics.map((d) => `${d.line}: ${d.code} ${d.message}`)).toEqual(['3: E_META unknown metadata key "headerr"']);
    // Pandoc's heading attributes (`# Part {data-name="Part"}`) say Pandoc too when a key is no tool's, as a template's own;
    // a key that is a slip of briefdeck's own (`tittle:`) stays an error in a deck with such headings.
    const attributed = ['# Part {data-name="Part"}', '', '## One {#one}', '', 'Text', ''];
    const template = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'title: T', 'headerr: x', '---', '', ...attributed].join('\n') }, 'pandoc-heading-attributes'), 'deck.md'));
    expect([template.briefing.meta.peerTools, template.warnings.map((w) => `${w.line}: ${w.message}`)[0]]).toEqual([['Pandoc'], '3: "headerr" is not a briefdeck key; in this Pandoc deck it is taken for Pandoc\'s and ignored']);
    const slip = (await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'title: T', 'tittle: x', '---', '', ...attributed].join('\n') }, 'own-slip-attributes'), 'deck.md')).catch((e: unknown) => e)) as BriefdeckError;
    expect(slip.diagnostics.map((d) => `${d.line}: ${d.code} ${d.message}`)).toEqual(['3: E_META unknown metadata key "tittle"']);
  });

  it('a remote background image is an error at its line, like any remote image', async () => {
    // A deck of briefdeck's own, cut at its headings (a reveal-style deck cut at --- is reveal-md's, where it is a warning).
    const dir = writeBriefing({ 'deck.md': '---\ntitle: T\n---\n\n## Remote\n<!-- .slide: data-background-image="https://example.com/x.png" -->\n\nText.\n' }, 'remote-bg');
    const error = (await buildDeck(path.join(dir, 'deck.md')).catch((e: unknown) => e)) as { code: string; line: number };
    expect(error).toMatchObject({ code: 'E_REMOTE_URL', line: 6 });
  });
});

describe('honest leftovers', () => {
  it('components, shortcodes, snippet imports and diagrams never show (a tweet or a video on the web is a link to it); each is a warning at its line; v-clicks step in; a style block styles its slide', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'leftovers.md'));
    const [clicks, extras] = built.briefing.slides.filter((s) => s.kind === 'content');
    expect(clicks!.bodyHtml).toContain('<li class="fragment">first</li>');
    // `<Img>` is HTML in another case, not a component: like any raw <img> naming a picture in the folder, it is taken in,
    // and since x.png is not there, this deck for another tool shows its (empty) alt text in its place, with a warning.
    const link = (url: string) => `<p><a href="${url}" target="_blank" rel="noopener noreferrer">${url}</a></p>`;
    expect(extras!.bodyHtml.replace(/\s+/g, ' ').trim()).toBe(`${link('https://x.com/i/status/20')} ${link('https://example.com/v.mp4')} <img src="briefdeck-asset:0" /><p>Kept text.</p> <div style="zoom:0.5"><p>Wrapped text.</p> </div>`);
    expect(built.deck.html).toContain('<span class="missing-image"></span>');
    expect(built.warnings.filter((w) => w.code === 'W_IMAGE_MISSING').map((w) => w.line)).toEqual([33]);
    // Slidev's `<Transform :scale>` shows what it wraps at its scale (a zoom), with no warning.
    expect(built.warnings.filter((w) => w.code === 'W_PEER_SYNTAX').map((w) => w.line)).toEqual([19, 21, 23, 25]);
    // The `<style scoped>` block is its slide's style, not its text.
    expect(built.briefing.authorCss).toContain('.reveal .slides section[data-layout][data-style-scope="2"] .slide-body :is(h1:not(.slide-title), [data-title-level="1"] .slide-title) { color: red }');
    expect(extras!.ownStyle).toBe(true);
    expect(built.deck.html).toContain('data-style-scope="2"');
    // The snippet import names a file that is not there: it is read like an include, and said to be missing.
    for (const w of built.warnings.filter((w) => w.code === 'W_PEER_SYNTAX')) expect(w.message).toMatch(w.line === 23 ? /^the file @\/snippets\/code\.ts that a snippet import names could not be read/ : w.line === 19 || w.line === 21 ? /is shown as a link to / : /not (supported|drawn)/);
  });

  it("a component around text on its own line (Slidev's <VDrag pos=…>Drag me</VDrag>, <v-drag>) leaves its text, named as a component; an HTML tag around text stays HTML", async () => {
    const deck = ['---', 'theme: seriph', '---', '', '# Drag', '', '<VDrag pos="square">Drag me</VDrag>', '', '<v-drag pos="100,100,200,200">Dragged</v-drag>', '', '<p>Plain</p>', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'slidev-inline-components'), 'slides.md'));
    expect(built.briefing.slides.at(-1)!.bodyHtml.replace(/\s+/g, ' ').trim()).toBe('<p>Drag me</p> <p>Dragged</p> <p>Plain</p>');
    expect(built.warnings.filter((w) => w.code !== 'W_META_IGNORED').map((w) => `${w.line}: ${w.message}`)).toEqual([
      '7: component <VDrag> (Slidev, Vue) is not supported and was left out; what it wraps shows without it',
      '9: component <v-drag> (Slidev, Vue) is not supported and was left out; what it wraps shows without it',
    ]);
  });
});

describe("Quarto's code annotations", () => {
  it('takes the markers (# <1>, // <2>, /* <3> */) out of code a numbered list of annotations follows, in a Quarto deck only; the list stays', async () => {
    const deck = ['---', 'title: A', 'format: revealjs', '---', '', '## Annotated', '', '```python', 'import os  # <1>', 'x = 1 // <2>', 'int y; /* <3> */', 'z = "# <1> in a string"', '```', '', '1. Import', '2. Assign', '3. Declare', '',
      '## Plain', '', '```python', 'print(1)  # <1>', '```', '', 'No list after it.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'quarto-code-annotations'), 'deck.qmd'));
    const code = (title: string) => toPlainText(built.briefing.slides.find((s) => s.title === title)!.bodyHtml).replace(/\s+/g, ' ');
    expect(code('Annotated')).toContain('import os x = 1 int y; z = "# <1> in a string"');
    expect(code('Annotated')).toMatch(/Import\s+Assign\s+Declare/);
    // Without the list, a marker is the code's own text, as Quarto leaves it.
    expect(code('Plain')).toContain('print(1) # <1>');
    // In a deck for another tool, code is code.
    const own = await buildDeck(path.join(writeBriefing({ 'deck.md': deck.replace('format: revealjs\n', '') }, 'plain-code-markers'), 'deck.md'));
    expect(toPlainText(own.briefing.slides.find((s) => s.title === 'Annotated')!.bodyHtml).replace(/\s+/g, ' ')).toContain('import os # <1> x = 1 // <2>');
  });
});

describe("Quarto's conditional content", () => {
  it('a deck is what Quarto renders for revealjs: .content-visible and .content-hidden divs and spans show or go by when-format and unless-format, code and divs inside included; other conditions show with a warning', async () => {
    const deck = [
      '---', 'title: CV', 'format: revealjs', '---', '', '## Conditional', '', 'Always.', '',
      '::: {.content-hidden when-format="revealjs"}', 'Hidden in slides.', '', '```python', ':::', 'print("hidden code")', '```', '', '::: {.callout-note}', 'Nested hidden callout.', ':::', ':::', '',
      '::: {.content-visible when-format="pdf"}', 'Only in PDF output.', ':::', '',
      '::: {.content-visible when-format="html"}', 'In every HTML format.', ':::', '',
      '::: {.content-visible unless-format="pdf"}', 'Not in PDF, so in slides.', ':::', '',
      '::: {.content-hidden}', 'Never shown.', ':::', '',
      '[Hidden words]{.content-hidden} and [shown words]{.content-visible when-format="revealjs"}.', '',
      '::: {.content-visible when-meta="draft"}', 'Depends on metadata.', ':::', '',
      '## After', '', '::: {.content-hidden unless-format="revealjs,html"}', 'Hidden, but for decks.', ':::', '',
      '::: {.content-hidden}', 'Never closed.', '', '## Gone', '', 'Text.',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'quarto-conditional'), 'deck.qmd'));
    const content = built.briefing.slides.filter((s) => s.kind === 'content');
    expect(content.map((s) => [s.title, toPlainText(s.bodyHtml).replace(/\s+/g, ' ').trim()])).toEqual([
      ['Conditional', 'Always. In every HTML format. Not in PDF, so in slides. and shown words. Depends on metadata.'],
      ['After', 'Hidden, but for decks.'],
    ]);
    expect(built.warnings.map((w) => [w.line, w.message.split(';')[0]])).toEqual([
      [41, 'Quarto\'s condition in "::: {.content-visible when-meta="draft"}" is not one a deck can tell (only when-format and unless-format are)'],
      [51, 'a div of content left out of a deck (.content-hidden, or .content-visible for another format) is never closed, so everything after it was left out'],
    ]);
  });
});

describe("Quarto's project files", () => {
  it("a _quarto.yml and a _metadata.yml beside a deck set its options under its own front matter, whose keys and options win, the folder's file over the project's; what briefdeck leaves out is named at its line in its file; what only the project uses, and a file above the deck's folder, are not read", async () => {
    const project = ['project:', '  type: website', 'website:', '  title: Talks', 'format:', '  revealjs:', '    theme: moon', '    slide-number: false', '    chalkboard: true', '  html:', '    toc: true', 'author: The team', 'subtitle: Shared', 'execute:', '  echo: false', 'lang: not a tag', ''].join('\n');
    const deck = ['---', 'title: Deck', 'author: Me', 'format:', '  revealjs:', '    theme: night', '---', '', '## One', '', 'Text', ''].join('\n');
    const dir = writeBriefing({ '_quarto.yml': project, '_metadata.yml': 'format:\n  html:\n    toc: true\nfooter: Ours\nsubtitle: Nearer\n', 'deck.qmd': deck, 'talks/deck.qmd': deck }, 'quarto-project-files');
    const built = await buildDeck(path.join(dir, 'deck.qmd'));
    // The deck's own theme and author stand; the project's slide numbers, the folder's footer and its subtitle over the project's apply.
    const { meta } = built.briefing;
    expect([meta.title, meta.author, meta.theme, meta.pageNumbers, meta.subtitle, meta.footerText, meta.lang]).toEqual(['Deck', 'Me', 'night', false, 'Nearer', 'Ours', 'en']);
    expect(built.deck.html).toContain('Nearer');
    expect(built.warnings.map((w) => `${path.basename(w.file!)}:${w.line}: ${w.message}`)).toEqual([
      `_quarto.yml:5: Quarto's _quarto.yml sets "format" for every document of its folder; briefdeck reads part of it and ignores chalkboard`,
      `_quarto.yml:16: Quarto's _quarto.yml sets "lang" for every document of its folder; briefdeck ignores it`,
    ]);
    expect(built.warnings[0]!.hint).toBe('remove it, or keep it for the deck to stay usable in Quarto');
    // A deck in a folder below reads nothing above its own folder, not even to name it, nor through a link that leads there.
    const below = await buildDeck(path.join(dir, 'talks', 'deck.qmd'));
    expect([below.warnings, below.briefing.meta.subtitle]).toEqual([[], undefined]);
    symlinkSync(path.join(dir, '_quarto.yml'), path.join(dir, 'talks', '_quarto.yml'));
    expect((await buildDeck(path.join(dir, 'talks', 'deck.qmd'))).warnings).toEqual([]);
  });

  it("a project's crossref: words caption and name the deck's figures, each under the deck's own crossref: word of that name, as Quarto merges them", async () => {
    const project = 'crossref:\n  fig-title: Abbildung\n  fig-prefix: Abb.\n  fig-titel: x\n';
    const body = ['', '## One', '', '![A map](a.png){#fig-map}', '', 'See @fig-map.', ''];
    const dir = writeBriefing({ '_quarto.yml': project, 'a.png': TINY_PNG, 'deck.qmd': ['---', 'title: D', '---', ...body].join('\n'), 'own.qmd': ['---', 'title: D', 'crossref:', '  fig-title: Bild', '---', ...body].join('\n') }, 'quarto-project-crossref');
    const built = await buildDeck(path.join(dir, 'deck.qmd'));
    expect(toPlainText(built.briefing.slides.at(-1)!.bodyHtml).replace(/\s+/g, ' ').trim()).toBe('Abbildung 1: A map See Abb. 1.');
    expect(built.warnings.map((w) => `${path.basename(w.file!)}:${w.line}: ${w.message}`)).toEqual([`_quarto.yml:1: Quarto's _quarto.yml sets "crossref" for every document of its folder; briefdeck reads part of it and ignores fig-titel (did you mean fig-title?)`]);
    const own = await buildDeck(path.join(dir, 'own.qmd'));
    expect(toPlainText(own.briefing.slides.at(-1)!.bodyHtml).replace(/\s+/g, ' ').trim()).toBe('Bild 1: A map See Abb. 1.');
  });

  it("a project's language: words title the deck's callouts and caption its figures, each under the deck's own language: word of that name, as Quarto merges them", async () => {
    const project = 'lang: de\nlanguage:\n  callout-tip-title: Tipp\n  crossref-fig-title: Abbildung\n';
    const deck = ['---', 'title: D', 'language:', '  crossref-fig-title: Bild', '---', '', '## One', '', '::: {.callout-tip}', 'Text.', ':::', '', '![A map](a.png){#fig-map}', '', 'See @fig-map.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ '_quarto.yml': project, 'a.png': TINY_PNG, 'deck.qmd': deck }, 'quarto-project-language'), 'deck.qmd'));
    expect(toPlainText(built.briefing.slides.at(-1)!.bodyHtml).replace(/\s+/g, ' ').trim()).toBe('TippText. Bild 1: A map See Bild 1.');
    expect(built.warnings).toEqual([]);
  });

  it("a project file's theme files are read and its language taken, and what it names that cannot be used (a logo, references, a theme file, a picture in its footer or on the title slide, a script in the head) is named at its line in that file, not in the deck", async () => {
    const project = ['format:', '  revealjs:', '    logo: missing.png', 'theme: [simple, custom.scss]', 'bibliography: refs.bib', 'lang: de_DE', 'footer: "Team ![logo](logo.png)"', 'title-slide-attributes:', '  data-background-image: https://example.com/bg.png', 'include-in-header:', '  text: "<style>.reveal h1 { word-spacing: 5px; }</style><script>window.x = 1</script>"', ''].join('\n');
    const deck = ['---', 'title: Deck', '---', '', '## One', '', 'Text', ''].join('\n');
    const dir = writeBriefing({ '_quarto.yml': project, 'custom.scss': '/*-- scss:rules --*/\n.reveal h2 { letter-spacing: 3px; }\n', 'deck.qmd': deck }, 'quarto-project-names');
    const built = await buildDeck(path.join(dir, 'deck.qmd'));
    expect([built.briefing.meta.theme, built.briefing.meta.lang]).toEqual(['simple', 'de-DE']);
    expect(built.deck.html).toMatch(/<html lang="de-DE"/);
    expect(built.deck.html).toMatch(/letter-spacing: ?3px/);
    // Each at its line in _quarto.yml, in whatever order the stages that read them report them.
    expect(built.warnings.map((w) => `${path.basename(w.file!)}:${w.line}: ${w.message.split(/ \(|;/)[0]}`).sort()).toEqual([
      '_quarto.yml:10: what include-in-header puts in the page besides its <style>',
      '_quarto.yml:1: image not found: missing.png',
      '_quarto.yml:5: the bibliography refs.bib could not be read',
      '_quarto.yml:7: a picture in a header or footer was left out: they show text only',
      '_quarto.yml:8: remote background image "https://example.com/bg.png" was left out: a deck carries every picture it shows, and works offline',
    ]);
    expect(built.deck.html).toMatch(/word-spacing: ?5px/);
    expect(built.deck.html).not.toMatch(/example\.com|window\.x/);
    expect(built.briefing.meta.footerText).toBe('Team');
    // A theme file it names that is not there is named at its line too.
    rmSync(path.join(dir, 'custom.scss'));
    const missing = await buildDeck(path.join(dir, 'deck.qmd'));
    expect(missing.warnings.map((w) => `${path.basename(w.file!)}:${w.line}`)).toContain('_quarto.yml:4');
  });

  it("a key the deck's front matter sets after a project file set it is the deck's, and named at its line in the deck", async () => {
    const project = ['project:', '  type: default', 'format:', '  revealjs:', '    footer: "Project ![p](p.png)"', ''].join('\n');
    const deck = ['---', 'title: T', 'format: revealjs', 'footer: "Deck ![d](d.png)"', '---', '', '## One', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ '_quarto.yml': project, 'deck.qmd': deck }, 'quarto-project-footer'), 'deck.qmd'));
    expect(built.briefing.meta.footerText).toBe('Deck');
    expect(built.warnings.map((w) => `${path.basename(w.file!)}:${w.line}: ${w.message}`)).toEqual(['deck.qmd:4: a picture in a header or footer was left out: they show text only']);
  });

  it("reveal-md.json's theme, as a file's path, is named at its line in reveal-md.json when it cannot be read", async () => {
    const dir = writeBriefing({ 'reveal-md.json': '{\n  "separator": "^---$",\n  "theme": "../outside.css"\n}\n', 'talk.md': '# One\n\nText\n' }, 'reveal-md-theme-path');
    const error = (await buildDeck(path.join(dir, 'talk.md')).catch((e: unknown) => e)) as BriefdeckError;
    expect([path.basename(error.file!), error.line, error.message]).toEqual(['reveal-md.json', 3, '../outside.css resolves outside the briefing folder']);
  });

  it("a folder with no briefing.yml whose one deck file opens with its own front matter (a Quarto project's folder) is read as that file, named by the folder; two such files are two decks, refused as one unless a briefing.yml lists them, their front matter then only naming the tool", async () => {
    const deck = ['---', 'title: Deck', 'format: revealjs', '---', '', '## One', '', 'Text', ''].join('\n');
    const dir = writeBriefing({ '_quarto.yml': 'project:\n  type: default\nauthor: The team\n', 'slides.qmd': deck }, 'quarto-project-folder');
    const built = await buildDeck(dir);
    expect([built.name, built.briefing.meta.title, built.briefing.meta.author, built.briefing.slides.map((s) => s.kind)]).toEqual(['quarto-project-folder', 'Deck', 'The team', ['title', 'content']]);
    expect(built.warnings).toEqual([]);
    writeFileSync(path.join(dir, 'more.qmd'), deck);
    // Quarto renders each to a page of its own: joined, each title and setting was dropped and one talk ran into the next.
    const refused = (await buildDeck(dir).catch((e: unknown) => e)) as BriefdeckError;
    expect([refused.code, refused.message.replace(/.*quarto-project-folder /, '')]).toEqual(['E_SEVERAL_DECKS', 'holds 2 decks, each with front matter of its own (more.qmd and slides.qmd); a folder builds as one deck']);
    expect(refused.hint).toBe(`build each on its own (briefdeck build ${path.join(path.relative(process.cwd(), dir), 'more.qmd')}), or join them in one deck with a briefing.yml that lists them (files: [more.qmd, slides.qmd])`);
    writeFileSync(path.join(dir, 'briefing.yml'), 'files: [slides.qmd, more.qmd]\n');
    const two = await buildDeck(dir);
    expect([two.briefing.meta.title, two.briefing.slides.map((s) => s.title)]).toEqual(['', ['One', 'One']]);
    expect(two.warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/slides\.qmd opens with its own front matter \(title, format\)/));
  });

  it("a folder of many decks is refused in one line: its files named a few at a time, in the message and in the briefing.yml its hint offers", async () => {
    const dir = writeBriefing(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`talk${String(i).padStart(2, '0')}.md`, `---\ntitle: Talk ${i}\n---\n\n# One\n`])), 'forty-decks');
    const refused = (await buildDeck(dir).catch((e: unknown) => e)) as BriefdeckError;
    expect(refused.message).toMatch(/holds 40 decks, each with front matter of its own \(talk00\.md, talk01\.md, talk02\.md, talk03\.md and 36 more\)/);
    expect(refused.hint).toMatch(/\(files: \[talk00\.md, talk01\.md, talk02\.md, talk03\.md, talk04\.md, talk05\.md, … \(40 in all\)\]\)$/);
  });

  it("a folder with no briefing.yml of files numbered in order (01-intro.md, 02-more.md) is one deck in parts, joined in order as Pandoc joins the files it is given, though one or each opens with front matter; unnumbered, they are decks of their own", async () => {
    const files = { '01-intro.md': '---\ntitle: Review\n---\n\n# Part one\n\n## A\n\nText\n', '02-more.md': '---\nauthor: Desk\n---\n\n# Part two\n\n## B\n\nMore\n' };
    const parts = await buildDeck(writeBriefing(files, 'numbered-parts'));
    expect(parts.briefing.slides.filter((s) => s.kind === 'content').map((s) => s.title)).toEqual(['A', 'B']);
    expect(parts.warnings.map((w) => w.code)).toEqual(['W_META_IGNORED', 'W_META_IGNORED']);
    const talks = (await buildDeck(writeBriefing({ 'intro.md': files['01-intro.md'], 'more.md': files['02-more.md'] }, 'unnumbered-talks')).catch((e: unknown) => e)) as BriefdeckError;
    expect(talks.code).toBe('E_SEVERAL_DECKS');
  });

  it("a folder of one deck and the pages it imports (a Slidev deck not named slides.md, its src: page beside it; a Quarto deck and the part it includes) is that deck, its front matter its own; a page is never a deck of its own", async () => {
    const talk = ['---', 'theme: seriph', 'title: Talk', '---', '', '# Cover', '', '---', 'src: ./intro.md', '---', '', '---', '', '# End', ''].join('\n');
    const slidev = await buildDeck(writeBriefing({ 'talk.md': talk, 'intro.md': '---\nlayout: center\n---\n\n# Intro\n\nImported.\n' }, 'slidev-talk-project'));
    // Before, both were read as files of one folder: the imported page showed twice, and the deck's own settings went.
    expect([slidev.name, slidev.briefing.meta.title, slidev.briefing.meta.theme, slidev.briefing.slides.map((s) => s.title)]).toEqual(['slidev-talk-project', 'Talk', 'serif', ['Cover', 'Intro', 'End']]);
    // Only its theme is named: no file is said to open with front matter that is only read to know the tool.
    expect(slidev.warnings.map((w) => w.message)).toEqual(['Slidev\'s theme "seriph" is not built in; using serif']);
    const quarto = await buildDeck(writeBriefing({ 'deck.qmd': '---\ntitle: Review\nformat: revealjs\n---\n\n## One\n\n{{< include _part.qmd >}}\n', '_part.qmd': 'Included text.\n' }, 'quarto-part-project'));
    expect([quarto.briefing.meta.title, quarto.briefing.slides.map((s) => s.kind), quarto.warnings]).toEqual(['Review', ['title', 'content'], []]);
    // A part nothing includes yet, its name starting with `_`, is one Quarto never renders: the deck stays itself, without it.
    const drafted = await buildDeck(writeBriefing({ 'deck.qmd': '---\ntitle: Review\nformat: revealjs\n---\n\n## One\n\nText.\n', '_draft.qmd': '## Draft\n\nNot included.\n' }, 'quarto-draft-part'));
    expect([drafted.briefing.meta.title, drafted.briefing.slides.map((s) => s.title), drafted.warnings]).toEqual(['Review', ['Review', 'One'], []]);
    expect(quarto.briefing.slides[1]!.bodyHtml).toContain('Included text.');
  });

  it("another tool's project folder (no briefing.yml) keeps its README and the like beside its deck: never slides, so a Slidev project's folder is its slides.md, its pages imported; a briefing folder's README stays its own, as does a folder of nothing else", async () => {
    const slides = ['---', 'theme: seriph', 'title: Project', '---', '', '# Cover', '', '---', 'src: ./pages/intro.md', '---', '', '---', 'src: ./more.md', '---', '', '---', '', '# End', ''].join('\n');
    // A page it imports may stand beside it too: slides.md is the deck Slidev builds, the rest its pages.
    const files = { 'slides.md': slides, 'README.md': '# My project\n\nRun it.\n', 'CHANGELOG.md': '# Changes\n', 'more.md': '# More\n\nBeside it.\n', 'pages/intro.md': '# Intro\n\nImported.\n' };
    const project = await buildDeck(writeBriefing(files, 'slidev-project'));
    expect([project.name, project.briefing.meta.title, project.briefing.slides.map((s) => s.title)]).toEqual(['slidev-project', 'Project', ['Cover', 'Intro', 'More', 'End']]);
    expect(project.warnings.map((w) => w.message)).toEqual(['Slidev\'s theme "seriph" is not built in; using serif']);
    const own = await buildDeck(writeBriefing({ 'briefing.yml': 'title: Own\n', 'README.md': '## Read me\n\nText.\n', 'a.md': '## A\n\nText.\n' }, 'own-readme'));
    expect(own.briefing.slides.map((s) => s.title)).toEqual(['Own', 'Read me', 'A']);
    const alone = await buildDeck(writeBriefing({ 'README.md': '## Only\n\nText.\n' }, 'readme-alone'));
    expect(alone.briefing.slides.map((s) => s.title)).toEqual(['Only']);
  });

  it("{{< var name >}} shows a variable of the _variables.yml beside the deck, a nested one by its dotted name, in the text and the title, as text; a missing one is named with a did-you-mean, and a file that does not parse is named at its line", async () => {
    const deck = ['---', 'title: "Release {{< var version >}}"', 'format: revealjs', '---', '', '## One', '', 'Runs on {{< var engine.name >}}, built {{< var versoin >}}.', '', '{{< var engine.name >}}', ''].join('\n');
    const dir = writeBriefing({ '_variables.yml': 'version: "1.2"\nengine:\n  name: "<b>Jupyter</b>"\n', 'deck.qmd': deck }, 'quarto-variables');
    const built = await buildDeck(path.join(dir, 'deck.qmd'));
    expect(built.briefing.meta.title).toBe('Release 1.2');
    expect(built.briefing.slides.at(-1)!.bodyHtml).toBe('<p>Runs on &lt;b&gt;Jupyter&lt;/b&gt;, built .</p>\n<p>&lt;b&gt;Jupyter&lt;/b&gt;</p>\n');
    expect(built.warnings.map((w) => `${path.basename(w.file!)}:${w.line}: ${w.message}`)).toEqual([
      'deck.qmd:8: Quarto\'s variable "versoin" is not in _variables.yml (did you mean "version"?); {{< var versoin >}} was left out',
    ]);
    writeFileSync(path.join(dir, '_variables.yml'), 'version: "1.2\nengine: [\n');
    const broken = await buildDeck(path.join(dir, 'deck.qmd'));
    expect(broken.briefing.meta.title).toBe('Release');
    expect(broken.warnings.filter((w) => w.code === 'W_META_IGNORED').map((w) => `${path.basename(w.file!)}: ${w.message}`)).toEqual(["_variables.yml: Quarto's _variables.yml is not a map of variables that YAML can read, so {{< var >}} shows none of it"]);
  });
});

describe("Quarto's include", () => {
  it('adds at most 5 MB of text to a file, whatever its includes multiply to: past it, the includes left are left out, with one warning at the first', async () => {
    // Each include of a file that includes another many times multiplies: eight levels of 300 would be 300^8 copies.
    const big = `\`\`\`\n${`${'x'.repeat(99)}\n`.repeat(10_000)}\`\`\`\n`;
    const dir = writeBriefing({ 'deck.qmd': `---\ntitle: I\n---\n\n## S\n\n${'{{< include _big.qmd >}}\n\n'.repeat(7)}`, '_big.qmd': big }, 'quarto-include-budget');
    const built = await buildDeck(path.join(dir, 'deck.qmd'));
    expect(built.briefing.slides.at(-1)!.bodyHtml.match(/<pre/g)).toHaveLength(5);
    expect(built.warnings.filter((w) => w.code === 'W_PEER_SYNTAX').map((w) => `${w.line}: ${w.message}`)).toEqual([
      "17: the file _big.qmd that Quarto's include names would take what the includes of deck.qmd add past 5 MB (files included in each other, or shown, many times), so it and the includes after it were left out",
    ]);
  });

  it('reads the named file in its place (slides, notes and includes of its own, relative to it); one outside the folder is never read, and a missing or self-including one is a warning at its line', async () => {
    const dir = writeBriefing({
      'deck.qmd': ['---', 'title: Inc', 'format: revealjs', '---', '', '## First', '', '{{< include _part.qmd >}}', '', '{{< include "sub/_more.qmd" >}}', '', '{{< include ../outside.qmd >}}', '', '{{< include _missing.qmd >}}', '', '{{< include _self.qmd >}}', '', '## Last', '', 'End.', ''].join('\n'),
      '_part.qmd': 'Text from the part.\n\n## Part slide\n\nMore from the part.\n\n::: notes\nA note from the part.\n:::\n',
      '_self.qmd': 'Self.\n\n{{< include _self.qmd >}}\n',
    }, 'quarto-include');
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', '_more.qmd'), 'From sub, which includes:\n\n{{< include _deep.qmd >}}\n');
    writeFileSync(path.join(dir, 'sub', '_deep.qmd'), 'Deep text.\n');
    writeFileSync(path.join(dir, '..', 'outside.qmd'), 'SECRET-OUTSIDE\n');
    const built = await buildDeck(path.join(dir, 'deck.qmd'));
    expect(built.briefing.slides.filter((s) => s.kind === 'content').map((s) => [s.title, toPlainText(s.bodyHtml).replace(/\s+/g, ' ').trim(), s.notes?.markdown ?? null])).toEqual([
      ['First', 'Text from the part.', null],
      ['Part slide', 'More from the part. From sub, which includes: Deep text. Self.', 'A note from the part.'],
      ['Last', 'End.', null],
    ]);
    expect(built.deck.html).not.toContain('SECRET-OUTSIDE');
    expect(built.warnings.map((w) => [`${path.basename(w.file!)}:${w.line}`, w.message.replace(/\(.*\)/, '(…)')])).toEqual([
      ['deck.qmd:12', "the file ../outside.qmd that Quarto's include names is outside the briefing folder, so it was left out"],
      ['deck.qmd:14', "the file _missing.qmd that Quarto's include names could not be read (…), so it was left out"],
      // The include that reads _self.qmd again stands in _self.qmd, at its own line.
      ['_self.qmd:3', "the file _self.qmd that Quarto's include names includes itself, so it was left out there"],
    ]);
  });

  it("names an included file's own line in every message about its content, and a slide it starts is located there", async () => {
    const dir = writeBriefing({
      'deck.qmd': ['---', 'title: Inc', 'format: revealjs', '---', '', '## First', '', 'Intro.', '', '{{< include _part.qmd >}}', ''].join('\n'),
      '_part.qmd': ['Part text.', '', '<div onclick="x()">Clicked</div>', '', '## From the part', '', '![A map](missing.png)', '', '::: {.unknown-div}', 'Kept.', ':::', ''].join('\n'),
    }, 'include-lines');
    const built = await buildDeck(path.join(dir, 'deck.qmd'));
    expect(built.briefing.slides.filter((s) => s.kind === 'content').map((s) => `${path.basename(s.source.file)}:${s.source.line} ${s.title}`)).toEqual(['deck.qmd:6 First', '_part.qmd:5 From the part']);
    expect(built.warnings.map((w) => `${path.basename(w.file!)}:${w.line} ${w.code}`)).toEqual(['_part.qmd:9 W_PEER_SYNTAX', '_part.qmd:3 W_RAW_HTML', '_part.qmd:7 W_IMAGE_MISSING']);
  });

  it('numbers a figure labelled in an included file, where the deck refers to it', async () => {
    const dir = writeBriefing({ 'deck.qmd': '---\ntitle: X\nformat: revealjs\n---\n\n## Figures\n\nSee @fig-map.\n\n{{< include _fig.qmd >}}\n', '_fig.qmd': '![The map](map.png){#fig-map}\n', 'map.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'include-crossref');
    const built = await buildDeck(path.join(dir, 'deck.qmd'));
    expect(toPlainText(built.briefing.slides.find((s) => s.title === 'Figures')!.bodyHtml).replace(/\s+/g, ' ').trim()).toBe('See Figure 1. Figure 1: The map');
    expect(built.warnings).toEqual([]);
  });

  it('names the file a mistyped include most likely meant', async () => {
    const dir = writeBriefing({ 'deck.qmd': '---\ntitle: T\nformat: revealjs\n---\n\n## One\n\n{{< include _prat.qmd >}}\n', '_part.qmd': 'Part.\n' }, 'include-typo');
    const built = await buildDeck(path.join(dir, 'deck.qmd'));
    expect(built.warnings.map((w) => [w.line, w.message])).toEqual([[8, "the file _prat.qmd that Quarto's include names could not be read (file not found: " + path.join(path.relative(process.cwd(), dir), '_prat.qmd') + '; did you mean _part.qmd?), so it was left out']]);
  });

  it('in a folder briefing, a file another includes is read where it is included, not as slides of its own too', async () => {
    const dir = writeBriefing({ 'briefing.yml': 'title: Folder\n', '01.md': '## One\n\n{{< include _common.md >}}\n', '_common.md': 'Shared words.\n' }, 'include-folder');
    const built = await buildDeck(dir);
    expect(built.briefing.slides.filter((s) => s.kind === 'content').map((s) => [s.title, toPlainText(s.bodyHtml).trim()])).toEqual([['One', 'Shared words.']]);
  });
});

describe("Quarto's shortcodes", () => {
  it("inside a link's address (Quarto's own demo deck writes its site so) go before the link is read, in a slide and in the footer: the link stays a link, the footer its text", async () => {
    const deck = [
      '---', 'title: Links', 'format:', '  revealjs:', "    footer: '[https://{{< meta sub >}}quarto.org](https://{{< meta sub >}}quarto.org)'", '---', '',
      '## One', '', 'Learn more: [Scroll View](https://{{< meta sub >}}quarto.org/docs/view.html#scroll).', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'quarto-shortcode-address'), 'deck.qmd'));
    const one = built.briefing.slides.find((s) => s.title === 'One')!;
    expect(one.bodyHtml).toContain('<a href="https://quarto.org/docs/view.html#scroll" target="_blank" rel="noopener noreferrer">Scroll View</a>');
    expect(built.briefing.meta.footerText).toBe('https://quarto.org');
    expect(built.briefing.slides.map((s) => s.bodyHtml).join('')).not.toMatch(/\]\(|\{\{</);
    expect(built.warnings.filter((w) => w.code === 'W_PEER_SYNTAX').map((w) => w.message)).toEqual(['Quarto shortcode {{< meta sub >}} is not supported and was left out', 'Quarto shortcode {{< meta sub >}} is not supported and was left out']);
    // On a heading whose attributes are named too, both are said.
    const heading = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '---\ntitle: H\n---\n\n## See [docs](https://{{< meta x >}}q.org) {.nope}\n\nText\n' }, 'quarto-shortcode-address-heading'), 'deck.qmd'));
    expect(heading.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['5: Quarto shortcode {{< meta x >}} is not supported and was left out; heading attributes class nope are not supported and were left out']);
  });

  it('inside a line: kbd is its key and meta a value of the metadata; any other is left out with a warning, never shown; alone on a line the same, but a video on the web is a link to it', async () => {
    const deck = [
      '---', 'title: Shortcuts', 'author: A. Writer', 'format: revealjs', '---', '',
      '## Keys for {{< meta title >}}', '',
      'Press {{< kbd Ctrl-C >}}, or {{< kbd mac=Command-C win=Ctrl-C >}}, by {{< meta author >}}.', '',
      'An icon {{< fa thumbs-up >}} and {{< meta nothing >}} here.', '',
      '{{< meta author >}}', '',
      '{{< video local.mp4 >}}', '',
      '{{< fa check >}} Done, then {{< fa star >}}', '',
      '## Videos', '',
      '{{< video https://example.com/v.mp4 >}}', '',
      '{{< video "https://www.youtube.com/embed/abc" title="The *launch*" width="100%" >}}', '',
      '{{< tweet user=quarto id=1234567890 >}}', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'quarto-shortcodes'), 'deck.qmd'));
    const slide = built.briefing.slides.find((s) => s.kind === 'content')!;
    expect(slide.title).toBe('Keys for Shortcuts');
    expect(slide.bodyHtml).toContain('Press <kbd>Ctrl-C</kbd>, or <kbd>Command-C</kbd>, by A. Writer.');
    expect(toPlainText(slide.bodyHtml).replace(/\s+/g, ' ').trim()).toBe('Press Ctrl-C, or Command-C, by A. Writer. An icon and here. A. Writer Done, then');
    expect(built.warnings.map((w) => [w.code, w.line, w.message]).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
      ['W_PEER_SYNTAX', 11, 'Quarto shortcode {{< fa thumbs-up >}} is not supported and was left out'],
      ['W_PEER_SYNTAX', 11, 'Quarto shortcode {{< meta nothing >}} is not supported and was left out'],
      ['W_PEER_SYNTAX', 15, 'Quarto shortcode {{< video local.mp4 >}} is not supported and was left out'],
      // A line that opens with a shortcode and ends with another is not one shortcode: each goes, the text between them stays.
      ['W_PEER_SYNTAX', 17, 'Quarto shortcode {{< fa check >}} is not supported and was left out'],
      ['W_PEER_SYNTAX', 17, 'Quarto shortcode {{< fa star >}} is not supported and was left out'],
      ['W_PEER_SYNTAX', 21, "Quarto's video https://example.com/v.mp4 is shown as a link to it: a deck carries no video, and plays nothing from the network"],
      ['W_PEER_SYNTAX', 23, "Quarto's video https://www.youtube.com/embed/abc is shown as a link to it: a deck carries no video, and plays nothing from the network"],
      ['W_PEER_SYNTAX', 25, "Quarto's tweet is shown as a link to https://x.com/i/status/1234567890: a deck embeds nothing from the network"],
    ]);
    // A video on the web is a link to it, titled by its title when it has one, which stays text.
    const videos = built.briefing.slides.find((s) => s.title === 'Videos')!.bodyHtml;
    expect(videos).toContain('<a href="https://example.com/v.mp4" target="_blank" rel="noopener noreferrer">https://example.com/v.mp4</a>');
    expect(videos).toContain('<a href="https://www.youtube.com/embed/abc" target="_blank" rel="noopener noreferrer">The *launch*</a>');
    expect(videos).toContain('<a href="https://x.com/i/status/1234567890" target="_blank" rel="noopener noreferrer">https://x.com/i/status/1234567890</a>');
  });

  it('in the title, subtitle, author and date: a kbd or a meta is its text, any other is left out with a warning at its key, never shown in the title slide, the page title or the footer', async () => {
    const deck = [
      '---', 'title: "Power of HPC from {{< iconify devicon:rstudio >}} RStudio"', 'subtitle: "By {{< meta author >}}"', 'author: "Eric {{< fa envelope >}}"', 'date: "{{< kbd Ctrl-D >}}"',
      'format:', '  revealjs:', '    footer: "{{< meta title >}}"', '---', '', '## One', '', 'Text.', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'quarto-shortcodes-meta'), 'deck.qmd'));
    expect([built.briefing.meta.title, built.briefing.meta.subtitle, built.briefing.meta.author, built.briefing.meta.date]).toEqual(['Power of HPC from RStudio', 'By Eric', 'Eric', 'Ctrl-D']);
    expect(built.deck.html).not.toContain('{{');
    expect(built.deck.html).toContain('<title>Power of HPC from RStudio</title>');
    expect(built.deck.html).toContain('<span class="footer-section">Power of HPC from RStudio</span>');
    expect(built.warnings.map((w) => [w.line, w.message])).toEqual([
      [2, 'Quarto shortcode {{< iconify devicon:rstudio >}} is not supported and was left out'],
      [4, 'Quarto shortcode {{< fa envelope >}} is not supported and was left out'],
    ]);
  });

  it('escaped with a third brace each side ({{{< meta title >}}}), show as written with two, in a line, in code, in the title and alone on a line; a block with shortcodes="false" shows its code as written', async () => {
    const deck = [
      '---', 'title: "Using {{{< meta title >}}} and {{< kbd K >}}"', '---', '',
      '## Escaped', '',
      'In a line {{{< meta title >}}}, in code `{{{< kbd X >}}}`.', '',
      '```markdown', 'Escaped: {{{< video clip.mp4 >}}}', '```', '',
      '```{.markdown shortcodes="false"}', 'As written: {{{< meta title >}}}', '```', '',
      '{{{< video https://example.com/v.mp4 >}}}', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'quarto-shortcodes-escaped'), 'deck.qmd'));
    expect(built.warnings).toEqual([]);
    expect(built.briefing.meta.title).toBe('Using {{< meta title >}} and K');
    const slide = built.briefing.slides.at(-1)!;
    expect(slide.bodyHtml).toContain('In a line {{&lt; meta title &gt;}}, in code <code>{{&lt; kbd X &gt;}}</code>.');
    const text = toPlainText(slide.bodyHtml);
    expect(text).toContain('Escaped: {{< video clip.mp4 >}}');
    expect(text).toContain('As written: {{{< meta title >}}}');
    expect(text).toContain('{{< video https://example.com/v.mp4 >}}');
    expect(text.match(/\{\{\{/g)).toHaveLength(1);
  });
});

describe('malformed directives', () => {
  it('are warnings at their line with the directive they most likely meant; plain comments are not', async () => {
    const { writeBriefing } = await import('./helpers.js');
    const dir = writeBriefing({ 'briefing.yml': 'title: Typos\n', 'a.md': '## One\n<!-- layout two-column -->\n\nText.\n\n## Two\n<!-- layuot: quote -->\n<!-- TODO: check the figures -->\n\n> Words.\n' });
    const built = await buildDeck(dir);
    expect(built.warnings.map((w) => `${w.line}: ${w.message} (${w.hint})`)).toEqual([
      '2: malformed directive <!-- layout two-column --> (did you mean <!-- layout: two-column -->?)',
      '7: malformed directive <!-- layuot: quote --> (did you mean <!-- layout: quote -->?)',
    ]);
  });

  it('a slide split with <!-- column --> in a layout of one column is a warning at its layout line (or its heading); a layout that shows columns is not', async () => {
    const { writeBriefing } = await import('./helpers.js');
    const slides = '## Plain\n\nLeft.\n\n<!-- column -->\n\nRight.\n\n## Quoted\n\n<!-- layout: quote -->\n\n> Words.\n\n<!-- column -->\n\nMore.\n\n## Side by side\n\n<!-- layout: two-column -->\n\nA\n\n<!-- column -->\n\nB\n';
    const dir = writeBriefing({ 'briefing.yml': 'title: Columns\n', 'a.md': slides });
    const built = await buildDeck(dir);
    expect(built.warnings.map((w) => `${w.code} ${w.line}: ${w.message}`)).toEqual([
      'W_DIRECTIVE 1: the slide is split into 2 columns, but its layout "content" shows one: they run on as one column',
      'W_DIRECTIVE 11: the slide is split into 2 columns, but its layout "quote" shows one: they run on as one column',
    ]);
    // The briefing's own quote layout shows columns: nothing to say.
    const own = writeBriefing({ 'briefing.yml': 'title: Columns\n', 'a.md': '## Quoted\n\n<!-- layout: quote -->\n\n> Words.\n\n<!-- column -->\n\nMore.\n' }, 'own-quote-columns');
    mkdirSync(path.join(own, 'templates', 'layouts'), { recursive: true });
    writeFileSync(path.join(own, 'templates', 'layouts', 'quote.hbs'), '{{#each columns}}<div>{{{this}}}</div>{{/each}}\n');
    expect((await buildDeck(own)).warnings).toEqual([]);
  });
});

describe("Slidev's public folder", () => {
  it('reads a picture path from / in public/, as Slidev serves it: in Markdown, raw HTML, a layout\'s image and the headmatter\'s background; in a deck of briefdeck\'s own it is still an absolute path', async () => {
    const deck = ['---', 'theme: seriph', 'layout: cover', 'background: /cover.png', '---', '', '# Cover', '', '---', 'layout: image-right', 'image: /side.png', '---', '', '# Pictures', '', '![A picture](/inline.png)', '', '<img src="/raw.png" alt="Raw">', ''].join('\n');
    const dir = writeBriefing({ 'deck.md': deck }, 'slidev-public');
    mkdirSync(path.join(dir, 'public'));
    const png = TINY_PNG;
    for (const name of ['cover', 'side', 'inline', 'raw']) writeFileSync(path.join(dir, 'public', `${name}.png`), png);
    const built = await buildDeck(path.join(dir, 'deck.md'));
    expect(built.briefing.images.map((i) => i.relPath).sort()).toEqual(['public/cover.png', 'public/inline.png', 'public/raw.png', 'public/side.png']);
    expect(built.warnings.filter((w) => /image|picture|path/i.test(w.message))).toEqual([]);
    // briefdeck's own deck: an absolute path is an error, as ever.
    const own = writeBriefing({ 'briefing.yml': 'title: O\n', '01.md': '## One\n\n![A picture](/inline.png)\n' }, 'own-rooted-path');
    expect(await buildDeck(own).then(() => 'built', (err: BriefdeckError) => err.diagnostics.map((d) => d.code))).toEqual(['E_PATH_OUTSIDE']);
  });
});

describe("Slidev's MDC syntax and icons", () => {
  const deck = [
    '---', 'theme: default', 'mdc: true', '---', '',
    '# Components', '',
    'A [red]{style="color:red"} word, :badge[New]{.green} and :counter{start="3"}, **bold**{style="color: tomato"}, _it_{#x}, :span[stepped]{.fragment}; time 10:30 and a:b[c].', '',
    '![](./pic.png){width=500px lazy}', '',
    '::alert{type="info"}', 'Inside the **alert**', '#footer', 'Its footer', '::', '',
    '::v-click', 'On click', '::', '',
    'Next <carbon:arrow-right class="inline"/> and <mdi-account-circle /> and <carbon:edit/>; `<carbon:edit/>` is code.', '',
  ].join('\n');

  it('reads MDC where the headmatter turns it on: components keep their text and lose their markers, attributes never show, ::v-click is a step, and icons go, each with a warning on its line (one a character draws is that character)', async () => {
    const dir = writeBriefing({ 'deck.md': deck, 'pic.png': '' }, 'slidev-mdc');
    writeFileSync(path.join(dir, 'pic.png'), TINY_PNG);
    const built = await buildDeck(path.join(dir, 'deck.md'));
    const body = built.briefing.slides.find((s) => s.title === 'Components')!.bodyHtml;
    expect(toPlainText(body).replace(/\s+/g, ' ').trim()).toBe(
      'A red word, New and , bold, it, stepped; time 10:30 and a:b[c]. Inside the alert Its footer On click Next → and and ✎; <carbon:edit/> is code.',
    );
    expect(body).toContain('<span class="fragment">stepped</span>');
    // A span's style is kept, as MDC keeps it.
    expect(body).toContain('A <span style="color: red">red</span> word');
    expect(body).toContain('<div class="fragment"><p>On click</p>');
    expect(body).toMatch(/<img [^>]*width="500"/);
    // Line by line; on one line, in the order they stand.
    const warnings = built.warnings.filter((w) => w.code === 'W_PEER_SYNTAX').sort((a, b) => a.line! - b.line!);
    expect(warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '8: MDC component :badge is not supported; its text is shown without it',
      '8: MDC component :counter is not supported; it was left out',
      '8: MDC attributes style=color: tomato are not supported and were left out',
      '8: MDC attributes #x are not supported and were left out',
      '10: MDC attributes lazy=true are not supported and were left out',
      '12: MDC component ::alert is not supported; its content is shown without it',
      '22: Slidev icon <mdi-account-circle> has no picture offline and was left out',
    ]);
    // An arrow or a pencil is the character that draws it, hidden from screen readers as Slidev's picture is.
    expect(built.briefing.slides.find((s) => s.title === 'Components')!.bodyHtml).toContain('Next <span aria-hidden="true">→</span> and');
    expect(built.warnings.map((w) => w.message)).not.toContain('"mdc" is Slidev\'s metadata; briefdeck ignores it');
    // A bare prop is a prop set to true, but a quoted value's words stay as written.
    const quoted = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntheme: default\nmdc: true\n---\n\n# Q\n\nA [word]{title="a big word" lazy}.\n' }, 'slidev-mdc-quoted'), 'deck.md'));
    expect(quoted.warnings.filter((w) => w.code === 'W_PEER_SYNTAX').map((w) => w.message)).toEqual(['MDC attributes title=a big word lazy=true are not supported and were left out']);
  });

  it("draws the icons of the sets Slidev ships (carbon, ph, svg-spinners), in a line, a heading or raw HTML, in either form, as pictures in the theme's text colour; an icon of another set, or one its set does not have, is named at its own line, the latter with the nearest name", async () => {
    const deck = ['---', 'theme: default', '---', '', '# Links <carbon:logo-github />', '', '- Rocket <ph-rocket-launch-bold class="mr-1 text-sky-400" /> and a wait <svg-spinners-3-dots-fade />', '- Other <mdi-account-circle /> and a slip <carbon:logo-githubb />', '', '<div>In HTML <carbon-launch /> and <ph:heart-fill class="text-red-500" /></div>', ''].join('\n');
    const dir = writeBriefing({ 'deck.md': deck }, 'slidev-icons-drawn');
    const built = await buildDeck(path.join(dir, 'deck.md'));
    // A text-colour utility among an icon's classes is its colour, in a line or in raw HTML; without one, the theme's text colour.
    expect(built.briefing.images.filter((image) => image.icon !== undefined).map((image) => [image.icon, image.source.line, image.alt, image.decorative, image.iconColour])).toEqual([
      ['carbon:logo-github', 5, '', true, undefined],
      ['ph:rocket-launch-bold', 7, '', true, '#38bdf8'],
      ['svg-spinners:3-dots-fade', 7, '', true, undefined],
      ['carbon:logo-githubb', 8, '', true, undefined],
      ['carbon:launch', 10, '', true, undefined],
      ['ph:heart-fill', 10, '', true, '#ef4444'],
    ]);
    expect(built.warnings.filter((w) => w.line !== 2).map((w) => `${w.line}: ${w.message} (${w.hint})`)).toEqual([
      '8: Slidev icon <mdi-account-circle> has no picture offline and was left out (see "Coming from another tool" in the README for what briefdeck reads)',
      "8: Slidev icon <carbon:logo-githubb> is not in Iconify's carbon set; it was left out (did you mean carbon:logo-github?)",
    ]);
    // Each drawn icon is a picture in the deck, the size of its line of text, painted in the theme's text colour.
    const pictures = [...built.deck.html.matchAll(/<img src="data:image\/svg\+xml;base64,([^"]+)" alt="" class="icon[^"]*" ?\/?>/g)].map((m) => Buffer.from(m[1]!, 'base64').toString('utf8'));
    expect(pictures).toHaveLength(5);
    const colour = `#${readThemePalette(built.briefing.meta.theme).text}`;
    expect(pictures.map((svg) => /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* color="(#[0-9a-f]+)">.*currentColor/.exec(svg)?.[1])).toEqual([colour, '#38bdf8', colour, colour, '#ef4444']);
    expect(pictures[0]).toContain('viewBox="0 0 32 32"');
    // Its other utilities stay on the picture, and are written as the deck's rules: a type size sizes it, as Slidev's.
    expect(built.deck.html).toMatch(/<img src="data:image\/svg\+xml;base64,[^"]+" alt="" class="icon mr-1" ?\/?>/);
    expect(built.deck.html).toMatch(/img\.icon:not\(\.r-stretch\)\{[^}]*height:1\.2em/);
    // An alias is drawn as the icon it names, so none may turn or flip it (a later version of a set that did would be drawn wrong).
    for (const set of SHIPPED_ICON_SETS) {
      const aliases = Object.values((JSON.parse(readFileSync(require.resolve(`@iconify-json/${set}/icons.json`), 'utf8')) as { aliases?: Record<string, object> }).aliases ?? {});
      expect(aliases.filter((alias) => 'hFlip' in alias || 'vFlip' in alias || 'rotate' in alias)).toEqual([]);
    }
    // With html: true the raw HTML is kept as written, and its icons are still drawn: they are Slidev's syntax, not markup.
    writeFileSync(path.join(dir, 'deck.md'), deck.replace('theme: default', 'theme: default\nhtml: true'));
    const trusted = await buildDeck(path.join(dir, 'deck.md'));
    expect(trusted.briefing.meta.html).toBe(true);
    expect(trusted.deck.html.match(/<img src="data:image\/svg\+xml;base64,[^"]+" alt="" class="icon[^"]*" ?\/?>/g)).toHaveLength(5);
    expect(trusted.deck.html).not.toMatch(/<carbon|<ph[:-]/);
    // One of another set is named and left out there too, not kept as an element that shows nothing.
    writeFileSync(path.join(dir, 'deck.md'), deck.replace('theme: default', 'theme: default\nhtml: true').replace('<carbon-launch />', '<mdi-launch />'));
    const other = await buildDeck(path.join(dir, 'deck.md'));
    expect(other.deck.html).not.toContain('mdi-launch');
    expect(other.warnings.filter((w) => w.line === 11).map((w) => w.message)).toEqual(['Slidev icon <mdi-launch> has no picture offline and was left out']);
    // A dark theme's icons are light.
    writeFileSync(path.join(dir, 'deck.md'), deck.replace('theme: default', 'colorSchema: dark'));
    const dark = await buildDeck(path.join(dir, 'deck.md'));
    const darkSvg = Buffer.from(/<img src="data:image\/svg\+xml;base64,([^"]+)" alt="" class="icon" ?\/?>/.exec(dark.deck.html)![1]!, 'base64').toString('utf8');
    expect(isDarkColour(/color="#([0-9a-f]{6})"/i.exec(darkSvg)![1]!)).toBe(false);
  });

  it('looks for the nearest name of an icon its set lacks for the first MAX_GUESSES only: a deck of thousands of mistyped icons does not compare each with thousands of names', () => {
    const draw = createIconDrawer('#000000');
    const hints = Array.from({ length: MAX_GUESSES + 1 }, (_, i) => {
      try {
        draw('carbon:logo-githubb', { file: 'deck.md', line: i + 1 }, '<carbon:logo-githubb />');
        return 'drawn';
      } catch (err) {
        return (err as BriefdeckError).diagnostics[0]!.hint;
      }
    });
    expect(hints.slice(0, MAX_GUESSES).every((hint) => hint === 'did you mean carbon:logo-github?')).toBe(true);
    expect(hints.at(-1)).toBe('see the names of the carbon set at https://icones.js.org/collection/carbon');
  });

  it('names an icon of a set briefdeck does not carry inside raw HTML as an icon, once, at its line, as it names one in a line (not as neutralised markup), also in the dash form under an icon set\'s prefix (<mdi-github />); the element and its text around it stay; one a character draws is that character', async () => {
    const deck = ['---', 'layout: cover', '---', '', '# Start', '', '<div class="abs-br">', '  <span>Next <carbon:arrow-right class="inline"/></span>', '  <carbon:arrow-right/> <mdi:github/>', '  <a href="https://github.com/x">', '    <mdi-github />', '  </a>', '  <span>Go <mdi-arrow-right /></span>', '  <my-widget></my-widget>', '</div>', '', 'In a line, <my-part /> and <ph-arrow-right />.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-icons-in-html'), 'deck.md'));
    expect(toPlainText(built.briefing.slides[0]!.bodyHtml).replace(/\s+/g, ' ').trim()).toBe('Next → → Go → In a line, and →.');
    expect(built.briefing.slides[0]!.bodyHtml).toContain('<span>Next <span aria-hidden="true">→</span></span>');
    expect(built.briefing.slides[0]!.bodyHtml).not.toMatch(/carbon|mdi/);
    expect(built.briefing.meta.peerTools).toContain('Slidev');
    expect(built.warnings.map((w) => `${w.code} ${w.line}: ${w.message}`)).toEqual([
      'W_PEER_SYNTAX 9: Slidev icon <mdi:github> has no picture offline and was left out',
      'W_PEER_SYNTAX 11: Slidev icon <mdi-github> has no picture offline and was left out',
      // A custom element under no icon set's prefix is markup like any other, in raw HTML and in a line.
      'W_RAW_HTML 14: raw HTML was neutralised: removed <my-widget>, <my-part>',
    ]);
  });

  it("MDC props after a heading's text are the heading's, never its text, named in a warning; a span's at a heading's end stay the span's", async () => {
    const deck = ['---', 'mdc: true', '---', '', '# Title {.text-blue}', '', '### But!{.op50.mb-2}', '', '## Aside {v-click}', '', '#### [Wider]{.text-purple} end', '', '#### The [set]{.text-purple}', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'mdc-heading-props'), 'slides.md'));
    const slide = built.briefing.slides[0]!;
    expect(slide.title).toBe('Title');
    expect(toPlainText(slide.bodyHtml).replace(/\s+/g, ' ').trim()).toBe('But! Aside Wider end The set');
    expect(slide.bodyHtml).toContain('<span class="text-purple">set</span>');
    expect(built.warnings.filter((w) => w.code === 'W_PEER_SYNTAX').map((w) => `${w.line}: ${w.message}`)).toEqual([
      '5: MDC attributes .text-blue on a heading are not supported and were left out',
      '7: MDC attributes .op50 .mb-2 on a heading are not supported and were left out',
      '9: MDC attributes v-click on a heading are not supported and were left out',
    ]);
  });

  it('reads MDC props as Slidev does: Vue directives with dots or a leading : or @ are props, never text, and click props are steps', async () => {
    const line = 'A [marked]{.text-xl v-mark.red} word, [one]{v-click}, [gone]{v-click.hide}, [third]{v-click="3"}, [bound]{:count="10" @click=go .a.b#x} and ![p](pic.png){v-click}.';
    const dir = writeBriefing({ 'deck.md': `---\ntheme: default\nmdc: true\n---\n\n# Props\n\n${line}\n` }, 'slidev-mdc-vue');
    writeFileSync(path.join(dir, 'pic.png'), TINY_PNG);
    const built = await buildDeck(path.join(dir, 'deck.md'));
    const body = built.briefing.slides.find((s) => s.title === 'Props')!.bodyHtml;
    expect(toPlainText(body).replace(/\s+/g, ' ').trim()).toBe('A marked word, one, gone, third, bound and .');
    // On a slide with a numbered click, the others are placed as Slidev places them: each one click after the one before.
    // The mark is drawn at the first click (slidev-marks.ts), as Slidev counts a v-mark as a click.
    expect(body).toContain('<span class="bd-mark bd-mark-underline mark-red fragment custom" data-fragment-index="1"><span class="text-xl">marked</span></span>');
    expect(body).toContain('<span class="fragment" data-fragment-index="2">one</span>');
    expect(body).toContain('<span class="fragment fade-out" data-fragment-index="3">gone</span>');
    expect(body).toContain('<span class="fragment" data-fragment-index="3">third</span>');
    expect(body).toMatch(/<img [^>]*alt="p"[^>]*class="fragment"/);
    // A span's v-after comes with the click before it, as an element's does.
    const after = await buildDeck(path.join(writeBriefing({ 'deck.md': `---\ntheme: default\nmdc: true\n---\n\n# After\n\n[one]{v-click} and [with one]{v-after}, [two]{v-click}.\n` }, 'slidev-mdc-after'), 'deck.md'));
    expect(after.briefing.slides.find((s) => s.title === 'After')!.bodyHtml).toBe('<p><span class="fragment" data-fragment-index="0">one</span> and <span class="fragment" data-fragment-index="0">with one</span>, <span class="fragment" data-fragment-index="1">two</span>.</p>\n');
    // A span's relative click steps in that many clicks on, or back, as an element's does.
    const relative = await buildDeck(path.join(writeBriefing({ 'deck.md': `---\ntheme: default\nmdc: true\n---\n\n# Relative\n\n[one]{v-click} [three]{v-click="'+2'"} [two]{v-click="-1"}\n` }, 'slidev-mdc-relative'), 'deck.md'));
    expect([...relative.briefing.slides[0]!.bodyHtml.matchAll(/data-fragment-index="(\d)">(\w+)/g)].map((m) => `${m[2]} ${m[1]}`)).toEqual(['one 0', 'three 2', 'two 1']);
    expect(built.warnings.filter((w) => w.code === 'W_PEER_SYNTAX').map((w) => `${w.line}: ${w.message}`)).toEqual([
      '8: MDC attributes #x .a .b :count=10 @click=go are not supported and were left out',
    ]);
  });

  it("keeps Slidev's utility classes and the deck's own style classes that MDC's attributes give a span, bold, italic or struck text, for them to style", async () => {
    const line = 'A [blue]{.text-blue-400} word, **bold**{.text-rose-400 .shout}, _it_{.text-sm .nope} and ~~gone~~{.text-gray-500}.';
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': `---\ntheme: default\nmdc: true\n---\n\n# Colours\n\n${line}\n\n<style>\n.shout { letter-spacing: 1px; }\n</style>\n` }, 'slidev-mdc-classes'), 'deck.md'));
    expect(built.briefing.slides.find((s) => s.title === 'Colours')!.bodyHtml).toBe(
      '<p>A <span class="text-blue-400">blue</span> word, <strong class="text-rose-400 shout">bold</strong>, <em class="text-sm">it</em> and <del class="text-gray-500">gone</del>.</p>\n',
    );
    // Each class kept is a rule of the deck's, with the colour Slidev's palette gives it.
    expect(built.deck.html).toMatch(/\.text-blue-400\{color:#60a5fa\}/);
    expect(built.deck.html).toMatch(/\.text-rose-400\{color:#fb7185\}/);
    expect(built.warnings.filter((w) => w.code === 'W_PEER_SYNTAX').map((w) => `${w.line}: ${w.message}`)).toEqual(['8: MDC attributes .nope are not supported and were left out']);
  });

  it('reads MDC props after plain text as markdown-it-mdc does: a span of the text back to the markup before it, a step when they ask for one; never shown', async () => {
    const line = 'Then **it** "Rewrite"{.text-amber .nope v-click} ends, and {lazy} goes.';
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': `---\ntheme: default\nmdc: true\n---\n\n# Props\n\n${line}\n` }, 'slidev-mdc-text-props'), 'deck.md'));
    expect(built.briefing.slides[0]!.bodyHtml).toBe('<p>Then <strong>it</strong><span class="fragment"><span class="text-amber"> “Rewrite”</span></span> ends, and  goes.</p>\n');
    expect(built.warnings.filter((w) => w.code === 'W_PEER_SYNTAX').map((w) => `${w.line}: ${w.message}`)).toEqual(['8: MDC attributes .nope are not supported and were left out', '8: MDC attributes lazy=true are not supported and were left out']);
  });

  it('without mdc: true the same lines are Markdown as CommonMark reads them, and an icon alone marks a deck as Slidev\'s', async () => {
    const plain = deck.replace('mdc: true\n', '');
    const dir = writeBriefing({ 'deck.md': plain }, 'slidev-no-mdc');
    writeFileSync(path.join(dir, 'pic.png'), TINY_PNG);
    const built = await buildDeck(path.join(dir, 'deck.md'));
    const text = toPlainText(built.briefing.slides.find((s) => s.title === 'Components')!.bodyHtml);
    expect(text).toContain(':badgeNew');
    expect(text).toContain('::alert');
    expect(built.briefing.meta.peerTools).toEqual(['Slidev']);
    expect(text).not.toContain('carbon:arrow-right');
  });
});

describe('mistyped settings of other tools', () => {
  it("are warnings with the setting likely meant: Quarto's heading attributes and classes, Pandoc's divs, reveal's slide settings", async () => {
    const quarto = ['---', 'title: Q', 'format: revealjs', '---', '', '## One {backgroud-color="red"}', '', 'x', '', '## Two {.smaler}', '', 'y', '', '::: {.notse}', 'said aloud', ':::', '', '## Real ones {background-video="v.mp4"}', '', '::: {.column-page}', 'z', ':::', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': quarto }, 'quarto-typos'), 'deck.qmd'));
    // Settings the tool has, which a deck does not read, are named as they are: no typo of another (background-size, .columns).
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '6: heading attributes backgroud-color (did you mean background-color?) are not supported and were left out',
      '10: heading attributes class smaler (did you mean smaller?) are not supported and were left out',
      '14: Pandoc div "::: {.notse}" has no briefdeck meaning; its content is shown without it (did you mean .notes?)',
      '18: heading attributes background-video are not supported and were left out',
      '20: Pandoc div "::: {.column-page}" has no briefdeck meaning; its content is shown without it',
    ]);
    const reveal = ['---', 'title: R', 'revealOptions:', '  transition: fade', '---', '', '## One', '', '<!-- .slide: data-backgroud-color="#123" class="leed px-2" -->', '', 'x', ''].join('\n');
    const revealBuilt = await buildDeck(path.join(writeBriefing({ 'deck.md': reveal }, 'reveal-typos'), 'deck.md'));
    expect(revealBuilt.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['9: slide settings data-backgroud-color (did you mean data-background-color?), class leed (did you mean lead?), class px-2 are not supported and were left out']);
    // Quarto's format options: each left out is named, one near an option briefdeck reads with that option, though none was read.
    const format = ['---', 'title: F', 'format:', '  revealjs:', '    slide-numbr: true', '    chalkboard: true', '---', '', '## One', ''].join('\n');
    const formatBuilt = await buildDeck(path.join(writeBriefing({ 'deck.qmd': format }, 'quarto-format-typos'), 'deck.qmd'));
    expect(formatBuilt.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['3: "format" is Quarto\'s metadata; briefdeck reads part of it and ignores slide-numbr (did you mean slide-number?), chalkboard']);
  });
});

describe("a mistyped key in the front matter of another tool's deck", () => {
  it("is a warning whose hint names the tool's own key it likely meant, or briefdeck's", async () => {
    const deck = ['---', 'marp: true', 'paginte: true', 'thme: gaia', '---', '', '# One', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'marp-key-typos'), 'deck.md'));
    expect(built.warnings.map((w) => `${w.line}: ${w.message} | ${w.hint!.split('? ')[0]}?`)).toEqual([
      '3: "paginte" is not a briefdeck key; in this Marp deck it is taken for Marp\'s and ignored | did you mean "paginate", Marp\'s key?',
      '4: "thme" is not a briefdeck key; in this Marp deck it is taken for Marp\'s and ignored | did you mean "theme"?',
    ]);
  });
});

describe("Marp's comments that are no directive", () => {
  it('are speaker notes, as in Marp; one whose key is near a directive is a warning with the directive it likely meant', async () => {
    const deck = ['---', 'marp: true', '---', '', '<!-- _clas: lead -->', '<!-- paginat: true -->', '', '# One', '', 'Text', '', '<!-- Remember: smile -->', '<!-- aside: not a directive -->', '<!-- fix: the chart -->', '<!-- lang: fr -->', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'marp-directive-typos'), 'deck.md'));
    const slide = built.briefing.slides[0]!;
    expect(slide.look).toBeUndefined();
    // `lang` is Marp's directive, never a note; `fix:` is a note, and no typo of the `fit` comment.
    expect(slide.notes?.markdown.split('\n')).toEqual(['_clas: lead', 'paginat: true', 'Remember: smile', 'aside: not a directive', 'fix: the chart']);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      "5: <!-- _clas: lead --> is not one of Marp's directives, so it is a speaker note, as in Marp (did you mean _class?)",
      "6: <!-- paginat: true --> is not one of Marp's directives, so it is a speaker note, as in Marp (did you mean paginate?)",
    ]);
  });
});

describe("Marp's front matter not at the start of its file", () => {
  it("is read as the deck's front matter, with a warning at its first line, after a code host's table of contents or an empty front matter; the slides around it stay apart and no directive shows", async () => {
    const toc = ['<!-- START toc -->', '**Contents**', '', '- [Talks](#talks)', '', '<!-- END toc -->', '', '---', 'marp: true', 'theme: gaia', '_class: lead', 'paginate: true', '---', '', '# Talks', 'Summit diplomacy', '', '---', '', '# Second', '', 'Text', ''].join('\n');
    const afterToc = await buildDeck(path.join(writeBriefing({ 'deck.md': toc }, 'marp-late-front-matter'), 'deck.md'));
    expect(afterToc.briefing.meta.peerTools).toContain('Marp');
    expect(afterToc.briefing.slides.map((s) => s.title ?? '')).toEqual(['', 'Talks', 'Second']);
    expect(afterToc.briefing.slides[0]!.notes?.markdown).toBe('START toc\nEND toc');
    // Its local directives are the deck's: `_class` the first slide's, `paginate` every slide's.
    expect(afterToc.briefing.slides[0]!.look?.className).toBe('lead');
    expect(afterToc.deck.html).not.toMatch(/marp: true|_class: lead|paginate: true/);
    expect(afterToc.warnings.find((w) => w.code === 'W_PEER_SYNTAX')).toMatchObject({ line: 9, message: "Marp's front matter stands after the start of the file, where Marp would show it as a heading; it was read as the deck's front matter" });
    // With a key holding dots among them: the Marp for VS Code setting `markdown.marp.enableHtml`, written into the front matter.
    const empty = ['---', '---', 'marp: true', 'markdown.marp.enableHtml: true', 'paginate: true', '---', '', '<!-- only a note -->', '', '---', '', '# First', '', 'Text one', ''].join('\n');
    const afterEmpty = await buildDeck(path.join(writeBriefing({ 'deck.md': empty }, 'marp-after-empty-front-matter'), 'deck.md'));
    expect(afterEmpty.briefing.slides.map((s) => s.title ?? '')).toEqual(['', 'First']);
    expect(afterEmpty.deck.html).not.toMatch(/marp: true|paginate: true|enableHtml/);
    expect(afterEmpty.warnings.find((w) => w.code === 'W_PEER_SYNTAX')).toMatchObject({ line: 3, message: "Marp's front matter stands after an empty front matter, where Marp would show it as a heading; it was read as the deck's front matter" });
  });

  it('is not looked for in a deck with front matter at its start, in a code block, or in a block that does not say marp: true (a Slidev slide\'s own front matter)', async () => {
    const { findLateMarpFrontMatter } = await import('../src/parse/dialects/marp-late-front-matter.js');
    expect(findLateMarpFrontMatter(['# How to start', '', '```yaml', '---', 'marp: true', '---', '```', ''].join('\n'), false)).toBeUndefined();
    expect(findLateMarpFrontMatter(['# One', '', '---', 'layout: cover', '---', '', '# Two', ''].join('\n'), false)).toBeUndefined();
    expect(findLateMarpFrontMatter(['marp: true', 'Some text that is no YAML', '---', ''].join('\n'), true)).toBeUndefined();
    expect(findLateMarpFrontMatter(['```', 'marp: true', '```', '---', ''].join('\n'), true)).toBeUndefined();
    // Only comments before it: they join the first slide rather than make a slide of their own.
    expect(findLateMarpFrontMatter(['<!-- a -->', '', '---', 'marp: true', '---', '# One', ''].join('\n'), false)).toEqual({ yaml: 'marp: true', firstLine: 3, body: ['<!-- a -->', '', '', '', '', '# One', ''].join('\n') });
    // Front matter at the start is the deck's, and a later block the slides' own (a code host shows both).
    const deck = ['---', 'title: T', '---', '', '# One', '', '---', 'marp: true', '---', '', '# Two', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'marp-late-with-front-matter'), 'deck.md'));
    expect(built.warnings.some((w) => w.message.startsWith("Marp's front matter stands"))).toBe(false);
  });
});

describe("Marp's steps in raw HTML", () => {
  it('<span data-marpit-fragment="2"> and a bare data-marpit-fragment are reveal\'s fragments, at their place in the order, never named as markup removed', async () => {
    const deck = ['---', 'marp: true', '---', '', '# Steps', '', '<div data-marpit-fragment>', '', 'At a click', '', '</div>', '', '| a | b |', '|---|---|', '|<span data-marpit-fragment="2">two</span>|<span data-marpit-fragment="1">one</span>|', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'marp-fragments'), 'deck.md'));
    const body = built.briefing.slides[0]!.bodyHtml;
    expect(body).toContain('<div class="fragment">');
    expect(body).toContain('<span class="fragment" data-fragment-index="2">two</span>');
    expect(body).toContain('<span class="fragment" data-fragment-index="1">one</span>');
    expect(body).not.toContain('marpit');
    expect(built.warnings).toEqual([]);
  });
});

describe("Marp's rulers and its classic directives", () => {
  it('a Marp deck is cut at every ruler markdown-it reads (***, ___, - - -, ----), not only at ---; classic directives are directives, never notes', async () => {
    const deck = [
      '---', 'marp: true', '---', '', '# One', '', 'Text one', '', '***', '', '# Two', '', '___', '', '# Three', '',
      '<!-- *page_number: false -->', '<!-- $width: 1280 -->', '', '- - -', '', '# Four', '', '<!-- *footer: Only here -->', '', '----', '', '# Five', '', '<!-- A real note. -->', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'marp-rulers'), 'deck.md'));
    const slides = built.briefing.slides;
    expect(slides.map((s) => s.title)).toEqual(['One', 'Two', 'Three', 'Four', 'Five']);
    expect(slides.some((s) => s.vertical)).toBe(false);
    expect(notesOf(built)).toEqual([null, null, null, null, 'A real note.']);
    expect(slides.map((s) => s.pageNumber ?? true)).toEqual([true, true, false, true, true]);
    expect(slides.map((s) => s.footerText ?? null)).toEqual([null, null, null, 'Only here', null]);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(["18: Marp classic's $width directive is not supported and was left out"]);
  });

  it('reads front matter between ---- lines, as Marp does (three dashes or more, closed by as many); one never closed names its opener', async () => {
    const deck = ['----', 'marp: true', 'paginate: true', 'footer: Said below', '----', '', '# One', '', 'Text', '', '----', '', '# Two', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'marp-four-dashes'), 'deck.md'));
    expect(built.briefing.meta.peerTools).toContain('Marp');
    expect(built.briefing.slides.map((s) => s.title)).toEqual(['One', 'Two']);
    expect([built.briefing.meta.footerText, built.briefing.meta.pageNumbers]).toEqual(['Said below', true]);
    expect(built.warnings).toEqual([]);
    // `---` closes only a `---` block; a `----` block it does not close runs on, and the error says what would close it.
    const open = buildDeck(path.join(writeBriefing({ 'deck.md': '----\nmarp: true\n---\n\n# One\n' }, 'marp-four-unclosed'), 'deck.md'));
    await expect(open).rejects.toMatchObject({ diagnostics: [expect.objectContaining({ code: 'E_META', line: 1, message: 'front matter is never closed', hint: 'end the YAML block with a line holding only ----' })] });
  });

  it("Marp classic's template is today's class: *template: invert sets its slide's, template: the slides' after it", async () => {
    const deck = ['<!-- $theme: gaia -->', '', '# One', '', '---', '<!-- *template: invert -->', '', '# Two', '', '---', '<!-- template: lead -->', '', '# Three', '', '---', '', '# Four', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'marp-classic-template'), 'deck.md'));
    expect(built.briefing.slides.map((s) => [s.title, s.look?.className])).toEqual([['One', undefined], ['Two', 'invert'], ['Three', 'lead'], ['Four', 'lead']]);
    expect(built.warnings.filter((w) => !/theme/.test(w.message))).toEqual([]);
  });

  it('outside a Marp deck *** is a ruler on the slide, as CommonMark has it', async () => {
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: T\n---\n\n## One\n\nAbove\n\n***\n\nBelow\n' }, 'plain-ruler'), 'deck.md'));
    expect(built.briefing.slides.filter((s) => s.kind === 'content').map((s) => s.title)).toEqual(['One']);
    expect(built.briefing.slides.at(-1)!.bodyHtml).toContain('<hr>');
  });
});

describe("Slidev's clicks inside a line, hiding clicks and click markers in notes", () => {
  it('<v-click> and <v-after> inside a line step in, v-after with the click before it, v-click.hide steps out, and [click] markers never show in the notes', async () => {
    const deck = [
      '---', 'theme: default', 'title: S', '---', '', '# One', '',
      '<v-click>First</v-click> then <v-after>second</v-after> at once.', '',
      '<div v-click.hide>Gone on click</div>', '', '<v-click>', '', 'A whole step', '', '</v-click>', '',
      '<!--', 'Open [click] first point [click:3] third point', '-->', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-inline-clicks'), 'deck.md'));
    const slide = built.briefing.slides.find((s) => s.title === 'One')!;
    // Each fragment has its place in reveal's order, as it stands; `v-after` shares the place of the one before it.
    expect(slide.bodyHtml).toContain('<p><span class="fragment" data-fragment-index="0">First</span> then <span class="fragment" data-fragment-index="0">second</span> at once.</p>');
    expect(slide.bodyHtml).toContain('<div class="fragment fade-out" data-fragment-index="1">Gone on click</div>');
    expect(slide.bodyHtml).toMatch(/<div class="fragment" data-fragment-index="2"><p>A whole step<\/p>/);
    expect(slide.bodyHtml).not.toContain('data-with-previous');
    expect(slide.notes?.markdown).toBe('Open first point third point');
    expect(built.warnings.filter((w) => w.code !== 'W_META_IGNORED' && !/theme/.test(w.message))).toEqual([]);
  });

  it("the starter deck's click modifiers step in as their motion says (v-click.up slides up, .right moves right; .fade, .fade-in, .scale and .none fade in), v-after.up with the click before it; none is named as removed", async () => {
    const deck = [
      '---', 'theme: default', 'title: S', '---', '', '# Modifiers', '',
      '<p v-click>Intro</p>', '', '<div v-after.up class="p-3">Up</div>', '<div v-click.fade-in>Fade</div>', '<div v-click.fade.right.scale>Right</div>', '<div v-click.none>None</div>', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-click-modifiers'), 'deck.md'));
    const body = built.briefing.slides.find((s) => s.title === 'Modifiers')!.bodyHtml;
    expect(body).toContain('<p class="fragment" data-fragment-index="0">Intro</p>');
    expect(body).toContain('<div class="p-3 fragment fade-up" data-fragment-index="0">Up</div>');
    expect(body).toContain('<div class="fragment" data-fragment-index="1">Fade</div>');
    expect(body).toContain('<div class="fragment fade-right" data-fragment-index="2">Right</div>');
    expect(body).toContain('<div class="fragment" data-fragment-index="3">None</div>');
    expect(built.warnings.filter((w) => w.code !== 'W_META_IGNORED' && !/theme/.test(w.message))).toEqual([]);
  });

  it('<v-after> steps in with the click before it: on an element, around Markdown and inside a line, across columns; after a numbered click, with the last click placed in order, as in Slidev', async () => {
    const deck = [
      '---', 'theme: default', 'title: S', '---', '', '# After', '',
      '<div v-click>One</div>', '<div v-after>With one</div>', '<div v-click>Two</div>', '', '<v-after>', '', 'With two', '', '</v-after>', '',
      '---', 'layout: two-cols', '---', '', '# Columns', '', '<div v-click>Left</div>', '', '::right::', '', '<div v-after>With left</div>', '',
      '---', '', '# Numbered', '', '<div v-click="2">Second</div>', '<div v-after>After</div>', '<div v-click>One</div>', '<div v-after>With one</div>', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-v-after'), 'deck.md'));
    const body = (title: string) => built.briefing.slides.find((s) => s.title === title)!;
    expect(body('After').bodyHtml.replace(/\n/g, '')).toBe('<div class="fragment" data-fragment-index="0">One</div><div class="fragment" data-fragment-index="0">With one</div><div class="fragment" data-fragment-index="1">Two</div><div class="fragment" data-fragment-index="1"><p>With two</p></div>');
    expect(body('Columns').columns!.map((c) => c.replace(/\n/g, ''))).toEqual(['<div class="fragment" data-fragment-index="0">Left</div>', '<div class="fragment" data-fragment-index="0">With left</div>']);
    // Slidev places a v-after with the last click it placed in order, not with a numbered one: before any, it shows from the start.
    expect(body('Numbered').bodyHtml.replace(/\n/g, '')).toBe('<div class="fragment" data-fragment-index="2">Second</div><div>After</div><div class="fragment" data-fragment-index="1">One</div><div class="fragment" data-fragment-index="1">With one</div>');
  });
});

describe("Slidev's numbered clicks", () => {
  it('v-click="3" steps in at the third click, as reveal\'s fragment index, whatever its place in the file; the others as Slidev places them, after the last click placed in order (one after it, or a relative value\'s number)', async () => {
    const deck = ['---', 'theme: default', '---', '', '# Order', '', '<div v-click="3">Third</div>', '<div v-click="1">First</div>', '<div v-click="\'+1\'">Relative</div>', '<div v-click>Unnumbered</div>', '<div v-click="\'+2\'">Two on</div>', '<div v-click="-1">One back</div>', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-numbered-clicks'), 'deck.md'));
    const steps = [...built.briefing.slides[0]!.bodyHtml.matchAll(/<div class="fragment"( data-fragment-index="(\d+)")?>([^<]*)<\/div>/g)].map((m) => `${m[3]} ${m[2] ?? '-'}`);
    // As Slidev's guide has it: a relative click counts from the last one placed in order, never from a numbered one.
    expect(steps).toEqual(['Third 3', 'First 1', 'Relative 1', 'Unnumbered 2', 'Two on 4', 'One back 3']);
  });
});

describe("Pandoc's citations", () => {
  const bib = [
    '@book{doe2005,', '  author = {Doe, John},', '  title = {First Book},', '  year = {2005},', '  publisher = {Cambridge University Press},', '  address = {Cambridge}', '}',
    '@article{roe2007,', '  author = {Roe, Jenny and Doe, John},', '  title = {Why Water Is Wet},', '  journal = {Journal of Generic Studies},', '  volume = {6},', '  pages = {33--34},', '  year = {2007}', '}', '',
  ].join('\n');
  const plain = (html: string) => toPlainText(html).replace(/\s+/g, ' ').trim();

  it('formats each citation from the bibliography (groups, locators, prefixes, -@ and keys in the text), lists the works cited in ::: {#refs}, and warns of an unknown key with a likely one', async () => {
    const deck = [
      '---', 'title: Cited', 'bibliography: refs.bib', '---', '', '## Claims', '',
      'Talks worked [@doe2005, p. 30] and [see @doe2005, chap. 3; also @roe2007].', '',
      '@roe2007 argue this, and @doe2005 [p. 12] agrees [-@roe2007].', '',
      'Mail a@doe2005.org, see [@doe2006].', '', '::: notes', 'In the notes [@roe2007].', ':::', '',
      '## Works cited', '', '::: {#refs}', ':::', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck, 'refs.bib': bib }, 'citations'), 'deck.qmd'));
    const claims = built.briefing.slides.find((s) => s.title === 'Claims')!;
    expect(plain(claims.bodyHtml)).toBe(
      'Talks worked (Doe, 2005, p. 30) and (see Doe, 2005, chap. 3; also Roe and Doe, 2007). Roe and Doe (2007) argue this, and Doe (2005, p. 12) agrees (2007). Mail a@doe2005.org, see (doe2006?).',
    );
    expect(claims.bodyHtml).toContain('<a href="mailto:a@doe2005.org"');
    expect(plain(claims.notes!.html)).toBe('In the notes (Roe and Doe, 2007).');
    const cited = built.briefing.slides.find((s) => s.title === 'Works cited')!;
    expect(plain(cited.bodyHtml)).toBe('Doe, J. (2005) First Book. Cambridge: Cambridge University Press. Roe, J. and Doe, J. (2007) “Why Water Is Wet,” Journal of Generic Studies, 6, pp. 33–34.');
    expect(cited.bodyHtml).toMatch(/^<div class="references">/);
    expect(built.briefing.slides.at(-1)).toBe(cited);
    expect(built.warnings.map((w) => `${w.code} ${w.line}: ${w.message} (${w.hint})`)).toEqual(['W_CITATION 12: no reference has the key doe2006; the citation shows as (doe2006?) (did you mean @doe2005?)']);
  });

  it('without a {#refs} div the list goes on a slide of its own, titled by reference-section-title; nocite adds to it; suppress-bibliography leaves it out; references: in the metadata are read as CSL', async () => {
    const references = ['references:', '  - id: lee2010', '    type: report', '    title: A Report', '    author:', '      - family: Lee', '        given: Ann', '    issued:', '      date-parts: [[2010]]'];
    const deck = (extra: string[]) => ['---', 'title: T', 'bibliography: refs.bib', ...references, ...extra, '---', '', '## One', '', 'As shown [@lee2010].', ''].join('\n');
    const listed = await buildDeck(path.join(writeBriefing({ 'deck.md': deck(['reference-section-title: Sources', 'nocite: "@roe2007"']), 'refs.bib': bib }, 'citations-own-slide'), 'deck.md'));
    expect(plain(listed.briefing.slides.find((s) => s.title === 'One')!.bodyHtml)).toBe('As shown (Lee, 2010).');
    const last = listed.briefing.slides.at(-1)!;
    expect(last.title).toBe('Sources');
    expect(plain(last.bodyHtml)).toMatch(/^Lee, A\. \(2010\) A Report\..* Roe, J\. and Doe, J\. \(2007\)/);
    expect(plain(last.bodyHtml)).not.toContain('First Book');
    expect(listed.warnings).toEqual([]);
    const suppressed = await buildDeck(path.join(writeBriefing({ 'deck.md': deck(['suppress-bibliography: true']), 'refs.bib': bib }, 'citations-suppressed'), 'deck.md'));
    expect(suppressed.briefing.slides.map((s) => s.title)).toEqual(['T', 'One']);
  });

  it('a deck with no references keeps @names and [@x] as text; a bibliography that cannot be read is a warning at its line, never fetched or read outside the folder', async () => {
    const none = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '---\ntitle: T\n---\n\n## One\n\nFollow @briefdeck and [@x].\n' }, 'citations-none'), 'deck.qmd'));
    expect(plain(none.briefing.slides.at(-1)!.bodyHtml)).toBe('Follow @briefdeck and [@x].');
    const broken = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '---\ntitle: T\nbibliography:\n  - refs.bib\n  - https://example.com/refs.bib\n  - ../outside.bib\n  - refz.json\n---\n\n## One\n\nAs shown [@doe2005].\n', 'refs.bib': '@book{doe2005, title = {unclosed\n', 'refs.json': '[]' }, 'citations-broken'), 'deck.qmd'));
    expect(broken.warnings.map((w) => `${path.basename(w.file!)}:${w.line}: ${w.message}`)).toEqual([
      'deck.qmd:3: the bibliography https://example.com/refs.bib is an address, which a deck never fetches, so its references are left out',
      'deck.qmd:3: the bibliography ../outside.bib is outside the briefing folder, so its references are left out',
      expect.stringMatching(/^deck\.qmd:3: the bibliography refz\.json could not be read \(file not found: .*citations-broken\/refz\.json; did you mean refs\.json\?\), so its references are left out$/),
      // The BibTeX file's own line, where its reader stopped.
      'refs.bib:2: the references in refs.bib could not be read (expected "text", got EOF at line 2 col 1), so they are left out',
    ]);
    expect(plain(broken.briefing.slides.at(-1)!.bodyHtml)).toBe('As shown [@doe2005].');
  });

  it('a work cited only in the speaker notes is formatted there but not listed, so a handout never tells what the notes cite', async () => {
    const deck = ['---', 'title: N', 'bibliography: refs.bib', '---', '', '## One', '', 'On the slide [@doe2005].', '', '::: notes', 'Only in the notes [@roe2007].', ':::', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck, 'refs.bib': bib }, 'citations-notes'), 'deck.qmd'), { handout: true });
    const one = built.briefing.slides.find((s) => s.title === 'One')!;
    expect(plain(one.notes!.html)).toBe('Only in the notes (Roe and Doe, 2007).');
    expect(plain(built.briefing.slides.at(-1)!.bodyHtml)).toBe('Doe, J. (2005) First Book. Cambridge: Cambridge University Press.');
    expect(built.deck.html).not.toMatch(/Why Water Is Wet|Roe/);
  });

  it("csl: names the deck's own style, which formats its citations and list", async () => {
    const csl = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">',
      '  <info><title>Test keys</title><id>test-keys</id><updated>2026-01-01T00:00:00+00:00</updated></info>',
      '  <citation><layout prefix="[" suffix="]" delimiter="; "><text variable="title" text-case="uppercase"/></layout></citation>',
      '  <bibliography><layout><text value="Work: "/><text variable="title"/></layout></bibliography>',
      '</style>', '',
    ].join('\n');
    const deck = '---\ntitle: T\nbibliography: refs.bib\ncsl: keys.csl\n---\n\n## One\n\nAs shown [@doe2005].\n';
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck, 'refs.bib': bib, 'keys.csl': csl }, 'citations-csl'), 'deck.md'));
    expect(plain(built.briefing.slides.find((s) => s.title === 'One')!.bodyHtml)).toBe('As shown [FIRST BOOK].');
    expect(plain(built.briefing.slides.at(-1)!.bodyHtml)).toBe('Work: First Book');
    // The same file, edited (as in `dev`), formats with its new text in the same warm worker.
    const edited = await buildDeck(path.join(writeBriefing({ 'deck.md': deck, 'refs.bib': bib, 'keys.csl': csl.replace('uppercase', 'lowercase') }, 'citations-csl-edited'), 'deck.md'));
    expect(plain(edited.briefing.slides.find((s) => s.title === 'One')!.bodyHtml)).toBe('As shown [first book].');
    // A style mistyped is named with the file it most likely meant, at the csl: line.
    const mistyped = await buildDeck(path.join(writeBriefing({ 'deck.md': deck.replace('keys.csl', 'key.csl'), 'refs.bib': bib, 'keys.csl': csl }, 'citations-csl-mistyped'), 'deck.md'));
    expect(mistyped.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([expect.stringMatching(/^4: the citation style key\.csl could not be read \(file not found: .*; did you mean keys\.csl\?\), so the deck's references are in Harvard style$/)]);
    // One that is not CSL is a warning there too, and the deck's citations are in Harvard style.
    const broken = await buildDeck(path.join(writeBriefing({ 'deck.md': deck, 'refs.bib': bib, 'keys.csl': 'not a style <<<' }, 'citations-csl-broken'), 'deck.md'));
    expect(broken.warnings.map((w) => `${w.line}: ${w.message.split(' (')[0]}`)).toEqual(['4: the citation style keys.csl could not be used']);
    expect(plain(broken.briefing.slides.find((s) => s.title === 'One')!.bodyHtml)).toBe('As shown (Doe, 2005).');
  });
});

describe("Pandoc's incremental rules", () => {
  it('a list alone in a block quote steps in (or shows at once when the deck is incremental), without the quote; ::: nonincremental shows a slide\'s lists at once; a real quote stays one', async () => {
    const deck = (incremental: boolean) => ['---', 'title: Q', ...(incremental ? ['incremental: true'] : []), '---', '', '## Quoted list', '', '> - first', '> - second', '', '## Quote', '', '> A real quote.', '', '## Calm', '', '::: nonincremental', '- one', '- two', ':::', ''].join('\n');
    const plainDeck = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck(false) }, 'pandoc-quoted-list'), 'deck.qmd'));
    const body = (built: Awaited<ReturnType<typeof buildDeck>>, title: string) => built.briefing.slides.find((s) => s.title === title)!.bodyHtml;
    expect(body(plainDeck, 'Quoted list')).toBe('<ul>\n<li class="fragment">first</li>\n<li class="fragment">second</li>\n</ul>\n');
    expect(body(plainDeck, 'Quote')).toBe('<blockquote>\n<p>A real quote.</p>\n</blockquote>\n');
    expect(body(plainDeck, 'Calm')).toBe('<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n');
    const stepped = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck(true) }, 'pandoc-quoted-list-incremental'), 'deck.qmd'));
    expect(body(stepped, 'Quoted list')).not.toContain('fragment');
    expect(body(stepped, 'Calm')).not.toContain('fragment');
    expect(stepped.warnings).toEqual([]);
    // In a deck of briefdeck's own, a block quote is a block quote.
    const own = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: Q\n---\n\n## Quoted list\n\n> - first\n' }, 'own-quoted-list'), 'deck.md'));
    expect(body(own, 'Quoted list')).toContain('<blockquote>');
  });

  it("::: incremental and ::: nonincremental, Slidev's <v-clicks> and MDC's ::v-clicks set the lists inside them only, <v-clicks> to its depth and every; the slide's other lists keep the deck's rule, and each region is a list of its own", async () => {
    const body = (built: Awaited<ReturnType<typeof buildDeck>>, title: string) => built.briefing.slides.find((s) => s.title === title)!.bodyHtml.replace(/\n/g, '');
    const pandoc = ['---', 'title: P', '---', '', '## Some', '', '- before', '', '::: incremental', '- one', '- two', ':::', '', '- after', '',
      '## Columns', '', '::: incremental', ':::: columns', '::: column', '- left', ':::', '::: column', '- right', ':::', '::::', ':::', '', '- below', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': pandoc }, 'pandoc-incremental-region'), 'deck.qmd'));
    expect(body(built, 'Some')).toBe('<ul><li>before</li></ul><ul><li class="fragment">one</li><li class="fragment">two</li></ul><ul><li>after</li></ul>');
    // A region open when a column starts goes on in it.
    const columns = built.briefing.slides.find((s) => s.title === 'Columns')!;
    expect(columns.columns).toEqual(['<ul>\n<li class="fragment">left</li>\n</ul>\n', '<ul>\n<li class="fragment">right</li>\n</ul>\n']);
    expect(columns.columnsTail).toBe('<ul>\n<li>below</li>\n</ul>\n');
    // In a deck whose lists step in, ::: nonincremental shows its own at once, and only those.
    const calm = await buildDeck(path.join(writeBriefing({ 'deck.qmd': ['---', 'title: C', 'incremental: true', '---', '', '## Calm', '', '::: nonincremental', '- still', ':::', '', '- stepped', ''].join('\n') }, 'pandoc-nonincremental-region'), 'deck.qmd'));
    expect(body(calm, 'Calm')).toBe('<ul><li>still</li></ul><ul><li class="fragment">stepped</li></ul>');
    // Inside a div read whole (one with a style), they set its lists too, and the div is closed by its own fence, not cut in two.
    const styled = (incremental: boolean, inner: string) => ['---', 'title: S', ...(incremental ? ['incremental: true'] : []), '---', '', '## Styled', '',
      '::: {style="color: #333; text-shadow: 1px 1px 5px red; position: absolute"}', '', `:::::: ${inner}`, '', '- inside', '', '::::::', '', 'A paragraph.', '', ':::', '', '- outside', ''].join('\n');
    const stepping = await buildDeck(path.join(writeBriefing({ 'deck.qmd': styled(false, 'incremental') }, 'pandoc-incremental-in-styled-div'), 'deck.qmd'));
    expect(body(stepping, 'Styled')).toBe('<div style="color: #333; text-shadow: 1px 1px 5px red"><ul><li class="fragment">inside</li></ul><p>A paragraph.</p></div><ul><li>outside</li></ul>');
    // What of the style goes is said with what a div's style may set, not with a hint about closing the div.
    expect(stepping.warnings.map((w) => [w.line, w.message, w.hint])).toEqual([[7, "a div's style position: absolute was left out: a style may set the look of its own box and text, never place it over the slide or fetch", "a div's style may set its colours, type, spacing and size; for more, give it a class and style that in a css: file of the briefing folder"]]);
    const holding = await buildDeck(path.join(writeBriefing({ 'deck.qmd': styled(true, 'nonincremental') }, 'pandoc-nonincremental-in-styled-div'), 'deck.qmd'));
    expect(body(holding, 'Styled')).toBe('<div style="color: #333; text-shadow: 1px 1px 5px red"><ul><li class="nonincremental">inside</li></ul><p>A paragraph.</p></div><ul><li class="fragment">outside</li></ul>');
    // Slidev's: two <v-clicks> are two lists, as Slidev shows them; one inside a <v-click> steps in that step.
    const slidev = ['---', 'theme: default', '---', '', '# Clicks', '', '- at once', '', '<v-clicks>', '', '- a', '', '</v-clicks>', '', '<v-clicks>', '', '- b', '', '</v-clicks>', '',
      '<v-click>', '', '<v-clicks>', '', '- c', '', '</v-clicks>', '', 'after c', '', '</v-click>', '', '- last', ''].join('\n');
    const clicks = await buildDeck(path.join(writeBriefing({ 'deck.md': slidev }, 'slidev-v-clicks-region'), 'deck.md'));
    expect(body(clicks, 'Clicks')).toBe('<ul><li>at once</li></ul><ul><li class="fragment">a</li></ul><ul><li class="fragment">b</li></ul><div class="fragment"><ul><li class="fragment">c</li></ul><p>after c</p></div><ul><li>last</li></ul>');
    const mdc = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'theme: default', 'mdc: true', '---', '', '# M', '', '::v-clicks', '- x', '::', '', '- y', ''].join('\n') }, 'mdc-v-clicks-region'), 'deck.md'));
    expect(body(mdc, 'M')).toBe('<ul><li class="fragment">x</li></ul><ul><li>y</li></ul>');
    // Slidev steps in a <v-clicks> list's own items by default, each with its sub-items; depth="2" steps those in too. every is named.
    const depth = ['---', 'theme: default', '---', '', '# Depth', '', '<v-clicks>', '', '- a', '  - a1', '- b', '', '</v-clicks>', '', '<v-clicks depth="2" every="2">', '', '- c', '  - c1', '    - c2', '', '</v-clicks>', ''].join('\n');
    const deep = await buildDeck(path.join(writeBriefing({ 'deck.md': depth }, 'slidev-v-clicks-depth'), 'deck.md'));
    expect(body(deep, 'Depth')).toBe('<ul><li class="fragment">a<ul><li>a1</li></ul></li><li class="fragment">b</li></ul><ul><li class="fragment">c<ul><li class="fragment">c1<ul><li>c2</li></ul></li></ul></li></ul>');
    expect(deep.warnings.filter((w) => w.code === 'W_PEER_SYNTAX')).toEqual([]);
    // every="2": two of the list's own items at a click, in Chromium's order as reveal's places say.
    const every = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'theme: default', '---', '', '# Every', '', '<v-clicks every="2">', '', '- a', '- b', '- c', '', '</v-clicks>', ''].join('\n') }, 'slidev-v-clicks-every'), 'deck.md'));
    expect(body(every, 'Every')).toBe('<ul><li class="fragment" data-fragment-index="0">a</li><li class="fragment" data-fragment-index="0">b</li><li class="fragment" data-fragment-index="1">c</li></ul>');
    const mdcDepth = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'theme: default', 'mdc: true', '---', '', '# D', '', '::v-clicks{depth=2}', '- x', '  - y', '::', ''].join('\n') }, 'mdc-v-clicks-depth'), 'deck.md'));
    expect(body(mdcDepth, 'D')).toBe('<ul><li class="fragment">x<ul><li class="fragment">y</li></ul></li></ul>');
    // briefdeck's own directives for a region, which the others become.
    const own = await buildDeck(writeBriefing({ 'briefing.yml': 'title: O\n', '01.md': '## Own\n\n- a\n\n<!-- incremental: start -->\n\n- b\n\n<!-- incremental: end -->\n\n- c\n' }, 'own-incremental-region'));
    expect(body(own, 'Own')).toBe('<ul><li>a</li></ul><ul><li class="fragment">b</li></ul><ul><li>c</li></ul>');
  });
});

describe('auto-animate', () => {
  it("Quarto's auto-animate=true and reveal's data-auto-animate mark the slide for reveal to animate, without a warning; false is a slide's default", async () => {
    const deck = ['---', 'title: A', '---', '', '## One {auto-animate=true}', '', 'Text', '', '## Two {auto-animate="true"}', '', 'Text moved', '', '## Three', '', '<!-- .slide: data-auto-animate -->', '', 'x', '', '## Four {auto-animate=false}', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'auto-animate'), 'deck.qmd'));
    expect(built.briefing.slides.filter((s) => s.kind === 'content').map((s) => [s.title, s.look?.autoAnimate === true])).toEqual([['One', true], ['Two', true], ['Three', true], ['Four', false]]);
    expect(built.deck.html.match(/<section [^>]*data-auto-animate>/g)).toHaveLength(3);
    expect(built.warnings).toEqual([]);
  });

  it("takes reveal's settings of the animation (easing, duration, unmatched, restart) from Quarto's heading attributes and reveal's slide comment, each a safe value; another value is named", async () => {
    const deck = [
      '---', 'title: A', '---', '',
      '## One {auto-animate=true auto-animate-easing="ease-in-out" auto-animate-duration="2"}', '', 'Text', '',
      '## Two {auto-animate=true auto-animate-unmatched="false" auto-animate-restart=true}', '', 'Text', '',
      '## Three', '', '<!-- .slide: data-auto-animate data-auto-animate-easing="cubic-bezier(0.1, 0.7, 1.0, 0.1)" -->', '', 'x', '',
      '## Four {auto-animate=true auto-animate-easing="x\" onload=alert(1)"}', '', 'y', '',
      // A bare word is no Pandoc attribute: named, as the rest left out is.
      '## Five {auto-animate=true auto-animate-restart}', '', 'z', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'auto-animate-settings'), 'deck.qmd'));
    const sections = built.deck.html.match(/<section [^>]*data-auto-animate[^>]*>/g)!;
    expect(sections.map((s) => s.slice(s.indexOf(' data-auto-animate')))).toEqual([
      ' data-auto-animate data-auto-animate-easing="ease-in-out" data-auto-animate-duration="2">',
      ' data-auto-animate data-auto-animate-unmatched="false" data-auto-animate-restart>',
      ' data-auto-animate data-auto-animate-easing="cubic-bezier(0.1, 0.7, 1.0, 0.1)">',
      ' data-auto-animate>',
      ' data-auto-animate>',
    ]);
    expect(built.deck.html).not.toContain('alert(1)');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['19: heading attributes auto-animate-easing, onload are not supported and were left out', '23: heading attributes auto-animate-restart are not supported and were left out']);
  });
});

describe("Quarto's title-slide-attributes", () => {
  it('give the title slide its background colour and picture (confined and inlined like any); what else they set is named in one warning, and an unsafe colour is not read', async () => {
    const deck = ['---', 'title: T', 'title-slide-attributes:', '  data-background-color: "#123456"', '  data-background-image: cover.png', '  data-background-opacity: "0.5"', '---', '', '## One', '', 'Text.', ''].join('\n');
    const dir = writeBriefing({ 'deck.qmd': deck, 'cover.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'quarto-title-attributes');
    const built = await buildDeck(path.join(dir, 'deck.qmd'));
    const title = built.briefing.slides[0]!;
    expect(title.kind).toBe('title');
    expect(title.look).toEqual({ backgroundColor: '#123456', backgroundImage: 0 });
    expect(built.briefing.images.map((i) => i.relPath)).toEqual(['cover.png']);
    expect(built.deck.html).toMatch(/<section class="layout-title[^>]*data-background-color="#123456" data-background-image="data:image\/png;base64,/);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['3: "title-slide-attributes" is Quarto\'s metadata; briefdeck reads part of it and ignores data-background-opacity']);
    const unsafe = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '---\ntitle: T\ntitle-slide-attributes:\n  data-background-color: "url(https://x.example/a.png)"\n---\n\n## One\n' }, 'quarto-title-attributes-unsafe'), 'deck.qmd'));
    expect(unsafe.briefing.slides[0]!.look).toBeUndefined();
    expect(unsafe.deck.html).not.toContain('x.example');
  });
});

describe("Pandoc's fancy and example lists", () => {
  const deck = [
    '---', 'title: L', '---', '', '## Lists', '',
    'a. lettered one', 'b. lettered two', '',
    'iv. roman four', 'v. roman five', '',
    '(1) paren one', '(2) paren two', '',
    'A.  Upper, two spaces', 'B.  Second', '',
    'B. Russell wrote this.', '',
    '(@good) A good example.', '', 'As (@good) shows; (@none) stays.', '',
    '## More', '', '(@) Numbered on.', '', 'c) third', 'd) fourth', '',
  ].join('\n');

  it('reads lettered, Roman, parenthesised and example lists as ordered lists in their style (examples numbered on through the deck, labels read in the text); a name such as B. Russell stays text', async () => {
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'pandoc-fancy-lists'), 'deck.qmd'));
    const body = (title: string) => built.briefing.slides.find((s) => s.title === title)!.bodyHtml;
    expect(body('Lists')).toBe([
      '<ol type="a" class="lower-alpha">', '<li>lettered one</li>', '<li>lettered two</li>', '</ol>',
      '<ol type="i" class="lower-roman" start="4">', '<li>roman four</li>', '<li>roman five</li>', '</ol>',
      '<ol>', '<li>paren one</li>', '<li>paren two</li>', '</ol>',
      '<ol type="A" class="upper-alpha">', '<li>Upper, two spaces</li>', '<li>Second</li>', '</ol>',
      '<p>B. Russell wrote this.</p>',
      '<ol>', '<li>A good example.</li>', '</ol>',
      '<p>As (1) shows; (@none) stays.</p>', '',
    ].join('\n'));
    expect(body('More')).toBe(['<ol start="2">', '<li>Numbered on.</li>', '</ol>', '<ol type="a" class="lower-alpha" start="3">', '<li>third</li>', '<li>fourth</li>', '</ol>', ''].join('\n'));
    // Their items count towards the bullet budget as any list's do: nine, over the six allowed.
    expect(built.briefing.slides.find((s) => s.title === 'Lists')!.bulletCount).toBe(9);
    expect(built.warnings.map((w) => w.code)).toEqual(['W_BULLETS']);
  });

  it('in a deck of briefdeck\'s own, such lines stay text, as CommonMark reads them', async () => {
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'own-fancy-lists'), 'deck.md'));
    expect(built.briefing.slides.find((s) => s.title === 'Lists')!.bodyHtml).toContain('<p>a. lettered one\nb. lettered two</p>');
  });
});

describe("what follows Pandoc's columns", () => {
  it('spans the columns below them, as Quarto shows it, with the slide\'s footnotes under it; columns again after it make it a column, as before', async () => {
    const deck = ['---', 'title: T', '---', '', '## After', '', ':::: columns', '::: column', 'Left', ':::', '::: column', 'Right[^1]', ':::', '::::', '', 'Below both.', '', '[^1]: A note.', '',
      '## Twice', '', ':::: columns', '::: column', 'A', ':::', '::: column', 'B', ':::', '::::', '', 'Between', '', ':::: columns', '::: column', 'C', ':::', '::: column', 'D', ':::', '::::', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'pandoc-columns-tail'), 'deck.qmd'));
    const after = built.briefing.slides.find((s) => s.title === 'After')!;
    expect(after.columns!.map((c) => toPlainText(c).trim())).toEqual(['Left', 'Right1']);
    expect(toPlainText(after.columnsTail!).replace(/\s+/g, ' ').trim()).toMatch(/^Below both\. .*A note\./);
    expect(built.deck.html).toMatch(/<\/div>\n<\/div>\n<div class="columns-tail">\n<p>Below both\.<\/p>/);
    // A slide has one row of columns: what stands between two sets is a column, and nothing is lost.
    const twice = built.briefing.slides.find((s) => s.title === 'Twice')!;
    expect(twice.columnsTail).toBeUndefined();
    expect(twice.columns!.map((c) => toPlainText(c).replace(/\s+/g, ' ').trim())).toEqual(['A', 'B', 'Between C', 'D']);
    // Beamer's columns end the same way.
    const beamer = await buildDeck(path.join(writeBriefing({ 'deck.Rmd': ['---', 'title: B', 'output: beamer_presentation', '---', '', '## S', '', '\\begin{columns}', '\\column{0.5\\textwidth}', 'L', '\\column{0.5\\textwidth}', 'R', '\\end{columns}', '', 'Under', ''].join('\n') }, 'beamer-columns-tail'), 'deck.Rmd'));
    expect(toPlainText(beamer.briefing.slides.at(-1)!.columnsTail!).trim()).toBe('Under');
    // briefdeck's own directive, which they become.
    const own = await buildDeck(writeBriefing({ 'briefing.yml': 'title: O\n', '01.md': '## Own\n<!-- layout: two-column -->\n\nL\n\n<!-- column -->\n\nR\n\n<!-- column-end -->\n\nUnder\n' }, 'own-columns-tail'));
    const ownSlide = own.briefing.slides.find((s) => s.title === 'Own')!;
    expect([ownSlide.columns!.map((c) => toPlainText(c).trim()), toPlainText(ownSlide.columnsTail!).trim()]).toEqual([['L', 'R'], 'Under']);
  });
});

describe('column widths', () => {
  it("read Quarto's width=\"…%\" on its column divs and briefdeck's own column directives; a column not sized shares what the others leave, and widths over 100% are scaled down", async () => {
    const widths = async (body: string, file = 'deck.qmd') => (await buildDeck(path.join(writeBriefing({ [file]: `---\ntitle: W\n---\n\n## Cols\n\n${body}` }, `widths-${body.length}-${file}`), file))).briefing.slides.find((s) => s.title === 'Cols')!.columnWidths;
    expect(await widths(':::: columns\n::: column\nLeft\n:::\n::: {.column width="25%"}\nRight\n:::\n::::\n')).toEqual([75, 25]);
    expect(await widths(':::: columns\n::: {.column width="80%"}\nLeft\n:::\n::: {.column width="60%"}\nRight\n:::\n::::\n')).toEqual([57.14, 42.86]);
    expect(await widths(':::: columns\n::: column\nLeft\n:::\n::: column\nRight\n:::\n::::\n')).toBeUndefined();
    expect(await widths('<!-- layout: two-column -->\n<!-- column-width: 60% -->\n\nLeft\n\n<!-- column: 40% -->\n\nRight\n', 'deck.md')).toEqual([60, 40]);
  });

  it("a Quarto column div with .fragment steps in, with its effect, keeping its width; the other columns show at once", async () => {
    const deck = ['---', 'title: F', 'format: revealjs', '---', '', '## Cols', '', ':::: {.columns}', '::: {.column .fragment .fade-up width="40%"}', 'First', ':::', '::: {.column width="60%"}', 'Second', ':::', '::: {.column .fragment}', 'Third', ':::', '::::', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'quarto-fragment-columns'), 'deck.qmd'));
    const slide = built.briefing.slides.find((s) => s.title === 'Cols')!;
    expect(slide.columns!.map((c) => c.replace(/\n/g, ''))).toEqual(['<div class="fragment fade-up"><p>First</p></div>', '<p>Second</p>', '<div class="fragment"><p>Third</p></div>']);
    // The third, unsized, takes the mean of the others rather than the no room they leave, and all are scaled to fit.
    expect(slide.columnWidths).toEqual([26.67, 40, 33.33]);
    expect(built.warnings).toEqual([]);
  });
});

describe("Slidev's two-cols-header", () => {
  it('what stands before ::left:: spans the columns above them; with nothing before it, ::left:: only starts the first column', async () => {
    const deck = [
      '---', 'theme: default', 'title: S', '---', '', '# Cover', '', '---', 'layout: two-cols-header', '---', '', '# Comparison', '', 'This line spans both.', '',
      '::left::', '', '- Old way', '', '::right::', '', '- New way', '', '---', 'layout: two-cols', '---', '', '# Plain', '', '::left::', '', 'Left', '', '::right::', '', 'Right', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-two-cols-header'), 'deck.md'));
    const header = built.briefing.slides.find((s) => s.title === 'Comparison')!;
    expect(header.columnsLead).toBe('<p>This line spans both.</p>\n');
    expect(header.columns).toEqual(['<ul>\n<li>Old way</li>\n</ul>\n', '<ul>\n<li>New way</li>\n</ul>\n']);
    expect(header.bulletCount).toBe(2);
    expect(built.deck.html).toMatch(/<div class="columns-lead">\s*<p>This line spans both\.<\/p>\s*<\/div>\s*<div class="columns columns-2">/);
    const plain = built.briefing.slides.find((s) => s.title === 'Plain')!;
    expect(plain.columnsLead).toBeUndefined();
    expect(plain.columns).toEqual(['<p>Left</p>\n', '<p>Right</p>\n']);
    expect(built.warnings.filter((w) => w.code !== 'W_META_IGNORED' && !/theme/.test(w.message))).toEqual([]);
  });

  it('slots filled out of order (::right:: before ::default::, ::right:: before ::left::) are placed by their names, as Slidev places them; a title read from a moved slot goes back into its column', async () => {
    const deck = [
      '---', 'theme: default', 'title: S', '---', '', '# Cover', '', '---', 'layout: two-cols', '---', '', '::right::', '', '# Right side', '', 'Shown right.', '', ':: default ::', '', '# Left side', '', 'Shown left.', '',
      '---', 'layout: two-cols-header', '---', '', 'Across both.', '', '::right::', '', 'New way', '', '::left::', '', 'Old way', '',
      '---', 'layout: two-cols-header', '---', '', '# Compared', '', '::left::', '', 'Before', '', '::right::', '', 'After', '', '::bottom::', '', 'Below both.', '',
      '---', 'layout: two-cols', '---', '', '# Reversed', '', '::bottom::', '', 'Under.', '', '::right::', '', 'Second', '', '::left::', '', 'First', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'slidev-slot-order'), 'slides.md'));
    const [two, header] = built.briefing.slides.filter((s) => s.layout === 'two-column');
    expect(two!.title).toBeNull();
    expect(two!.columns).toEqual(['<h1>Left side</h1>\n<p>Shown left.</p>\n', '<h1>Right side</h1>\n<p>Shown right.</p>\n']);
    expect(header!.columnsLead).toBe('<p>Across both.</p>\n');
    expect(header!.columns).toEqual(['<p>Old way</p>\n', '<p>New way</p>\n']);
    // A theme's ::bottom:: (below both columns) is the columns' tail, wherever it stands; a slide whose slots stand in order keeps its title from its first heading.
    for (const title of ['Compared', 'Reversed']) {
      const slide = built.briefing.slides.find((s) => s.title === title)!;
      expect(slide.columns!.map((c) => toPlainText(c).trim()), title).toEqual(title === 'Compared' ? ['Before', 'After'] : ['First', 'Second']);
      expect(toPlainText(slide.columnsTail!).trim(), title).toBe(title === 'Compared' ? 'Below both.' : 'Under.');
    }
    expect(built.warnings.filter((w) => w.code === 'W_PEER_SYNTAX')).toEqual([]);
  });

  it("the first slide, whose layout is the headmatter's, has its slots put in place too; a slide of another layout keeps them in the order written, run on as one column; one with no layout of its own (a component's slots, <Col2><template #left>) is a two-column slide", async () => {
    const deck = [
      '---', 'theme: default', 'layout: two-cols', '---', '', '::right::', '', 'Right text', '', '::default::', '', 'Left text', '',
      '---', 'layout: center', '---', '', '# Plain', '', '<template #right>', 'Written first', '</template>', '', 'Written second', '',
      '---', '', '# Premise', '<Col2>', '<template #left>', '', '- Known', '', '</template>', '<template #right>', '', '- To do', '', '</template>', '</Col2>', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'slidev-slots-first'), 'slides.md'));
    const [first, plain, premise] = built.briefing.slides;
    expect(first!.columns).toEqual(['<p>Left text</p>\n', '<p>Right text</p>\n']);
    expect(toPlainText(plain!.bodyHtml).replace(/\s+/g, ' ').trim()).toBe('Written first Written second');
    expect([premise!.layout, premise!.columns]).toEqual(['two-column', ['<ul>\n<li>Known</li>\n</ul>\n', '<ul>\n<li>To do</li>\n</ul>\n']]);
  });

  it("Vue's slot templates (<template v-slot:right>, <template #right>) are the slots they name, their content in its column; a v-switch's templates inside one stay its steps", async () => {
    const deck = [
      '---', 'theme: default', 'title: S', '---', '', '# Cover', '', '---', 'layout: two-cols', '---', '',
      '<template v-slot:default>', '', '# Left', '', 'Left text', '', '</template>', '<template v-slot:right>', '', 'Right text', '', '</template>', '',
      '---', 'layout: two-cols', '---', '', '<template #right>', '', '<v-switch>', '<template #1>', '', 'One', '', '</template>', '<template #2>', '', 'Two', '', '</template>', '</v-switch>', '', '</template>', '', 'Left after', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'slidev-slot-templates'), 'slides.md'));
    const [first, second] = built.briefing.slides.filter((s) => s.layout === 'two-column');
    expect(first!.title).toBe('Left');
    expect(first!.columns).toEqual(['<p>Left text</p>\n', '<p>Right text</p>\n']);
    expect(second!.columns!.map((c) => toPlainText(c).trim().replace(/\s+/g, ' '))).toEqual(['Left after', 'One Two']);
    expect(second!.columns![1]).toMatch(/class="fragment[^"]*"[^>]*>\s*<p>One<\/p>/);
    for (const slide of [first!, second!]) expect(slide.columns!.join('')).not.toMatch(/template|v-slot|::/);
  });

  it("the neversink theme's two-cols-title and top-title-two-cols are the same two columns under what spans them", async () => {
    const deck = ['---', 'theme: neversink', 'title: N', '---', '', '# Cover', '', '---', 'layout: two-cols-title', '---', '', ':: title ::', '', '# Compared', '', ':: left ::', '', 'Old', '', ':: right ::', '', 'New', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-neversink-columns'), 'deck.md'));
    const slide = built.briefing.slides.find((s) => s.title === 'Compared')!;
    expect([slide.layout, slide.columns]).toEqual(['two-column', ['<p>Old</p>\n', '<p>New</p>\n']]);
  });

  it('a slot no built-in layout has (::rigth::) is a warning at its line with the slot it likely meant; ::default:: is quiet', async () => {
    const deck = ['---', 'theme: default', '---', '', '# Cover', '', '---', 'layout: two-cols', '---', '', '# Two', '', '::default::', '', 'Left', '', '::rigth::', '', 'Right', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-slot-typo'), 'deck.md'));
    const two = built.briefing.slides.find((s) => s.title === 'Two')!;
    expect(toPlainText(two.bodyHtml)).toMatch(/^\s*Left\s+Right\s*$/);
    expect(built.warnings.filter((w) => w.code === 'W_PEER_SYNTAX').map((w) => `${w.line}: ${w.message}`)).toEqual(["17: Slidev's slot ::rigth:: is not one of its two-column layouts' (left, right, default, bottom); did you mean ::right::?; what follows it stays where it stands"]);
  });

  it("a slot marker with spaces inside its colons (:: right ::, as the neversink theme writes them) is read as Slidev reads it; neversink's :: title :: and :: content :: are read where they stand, quietly; another theme's own slot (:: aside ::) is named, never shown", async () => {
    const deck = ['---', 'theme: neversink', 'layout: two-cols', '---', '', '# Cols', '', ':: left ::', '', 'Left side', '', ':: right ::', '', 'Right side', '', '---', '', '# Slot', '', ':: title ::', '', 'Body', '', ':: content ::', '', 'Text', '', ':: aside ::', '', 'More', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'slidev-spaced-slots'), 'slides.md'));
    expect(built.briefing.slides[0]!.columns).toEqual(['<p>Left side</p>\n', '<p>Right side</p>\n']);
    expect(toPlainText(built.briefing.slides[1]!.bodyHtml).trim().split(/\s+/)).toEqual(['Body', 'Text', 'More']);
    expect(built.warnings.filter((w) => w.code === 'W_PEER_SYNTAX').map((w) => `${w.line}: ${w.message}`)).toEqual(["28: Slidev's slot ::aside:: is not one of its two-column layouts' (left, right, default, bottom); what follows it stays where it stands"]);
  });
});

describe("GitPitch's decks", () => {
  it('a PITCHME.md is cut at --- and stacked at +++ (and #VSLIDE), its delimiter settings the slide\'s background, its widgets their text, @ul a list that steps in, code steps its block\'s highlight, Note: the notes; nothing of GitPitch\'s shows', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'gitpitch', 'PITCHME.md'));
    const slides = built.briefing.slides;
    expect(built.briefing.meta.peerTools).toEqual(['GitPitch']);
    expect(slides.map((s) => [s.title, s.vertical ?? false, s.notes?.markdown ?? null])).toEqual([
      ['Summit talks', false, null],
      ['What worked', false, null],
      // A ### heading is no slide title in a deck cut at --- (GitPitch's slides have none): it shows as written.
      [null, true, '- Say the talks paused the tests.'],
      // ---?include= takes the slide from a Markdown file, ---?code= shows a file's code.
      ['Included', false, null],
      [null, false, null],
      [null, false, null],
      [null, true, null],
    ]);
    expect(slides[4]!.bodyHtml).toMatch(/^<pre><code class="hljs language-python">meetings = <span class="hljs-number">3<\/span>/);
    expect(slides[6]!.bodyHtml).toContain('<h3>Stacked the old way</h3>');
    expect(slides[0]!.look).toMatchObject({ backgroundSize: 'auto 100%', backgroundPosition: 'left', backgroundOpacity: '0.6' });
    expect(slides[0]!.look?.backgroundImage).toBeDefined();
    expect(slides[1]!.look).toMatchObject({ backgroundGradient: 'linear-gradient(to left, #1b3a5c, #0b1a2c)' });
    expect(slides[1]!.bodyHtml).toMatch(/<ul>\s*<li class="fragment">Direct talks<\/li>\s*<li class="fragment">A pause in tests<\/li>/);
    expect(toPlainText(slides[1]!.bodyHtml)).toContain('Talks are better than tests. — An official');
    expect(toPlainText(slides[2]!.bodyHtml)).toMatch(/^\s*Details\s+Gain A pause in missile tests\s+meetings = 3\s+deals = 0\s*$/);
    // The code steps after the block light its lines one step at a time: line 1, then line 2.
    expect(slides[2]!.bodyHtml).toMatch(/<code class="[^"]*code-steps hl-on-1 hl-on-2"><span class="code-line highlight-line hl-1">meetings/);
    expect(toPlainText(slides[3]!.bodyHtml).trim()).toBe('Read from a file of its own.');
    expect(slides[5]!.bodyHtml).not.toContain('fragment');
    expect(slides[5]!.bodyHtml).toContain('<code>@fa[code]</code>');
    for (const slide of slides) expect(toPlainText(`${slide.title} ${slide.bodyHtml.replace(/<code>[^<]*<\/code>/g, '')}`)).not.toMatch(/@(?:title|snap|ul|css|color|fa|box|quote)\b|\?image=|\+\+\+|#VSLIDE|@\[/);
    expect([...built.warnings].sort((a, b) => a.line! - b.line!).map((w) => `${w.line}: ${w.message}`)).toEqual([
      "4: GitPitch's layout markers (@snap, @div, [drag=…]) place content where briefdeck does not: the content stays in the slide's flow",
      "5: GitPitch's @css[…] is shown as its text, without its look",
      "6: GitPitch's icon @fa[handshake] has no picture offline and was left out",
      "10: GitPitch's icon @fa[arrow-down] has no picture offline and was left out",
      "15: GitPitch's @color[…] is shown as its text, without its look",
      "35: GitPitch's captions of code steps are left out; the steps light their lines",
      "41: GitPitch's delimiter setting video= needs GitPitch's server (a video, a gist or a page it fetches) and was left out",
    ]);
  });

  it('code steps light the block they follow, across @snapend and blank lines; a block with a highlight of its own keeps it, and a step after no block is a warning', async () => {
    const deck = ['@snap[west]', '```js', 'a()', 'b()', '```', '@snapend', '', '@[2]', '@[1,2]', '', '```js [1]', 'c()', '```', '@[1]', '', '---', '', 'Text', '', '@[1](Nothing)', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'PITCHME.md': deck }, 'gitpitch-code-steps'), 'PITCHME.md'));
    const [first, second] = built.briefing.slides;
    // Step 1 lights line 2, step 2 lines 1 and 2.
    expect(first!.bodyHtml).toContain('code-steps hl-on-1 hl-on-2');
    expect(first!.bodyHtml.match(/class="code-line[^"]*"/g)!.slice(0, 2)).toEqual(['class="code-line hl-2"', 'class="code-line highlight-line hl-1 hl-2"']);
    expect(first!.bodyHtml.match(/<pre>/g)).toHaveLength(2);
    expect(toPlainText(second!.bodyHtml).trim()).toBe('Text');
    expect(built.warnings.filter((w) => /code step/.test(w.message)).map((w) => `${w.line}: ${w.message}`)).toEqual(["20: GitPitch's code step @[…] follows no code block and was left out"]);
  });

  it('is known by its own lines in a file of any name; a ---? line opening a file is no front matter, and a deck of briefdeck\'s own that shows them in code stays briefdeck\'s', async () => {
    const deck = ['---?color=#123456', '', '# One', '', '---?image=gone.png', '# Two', '', '@ul', '- a', '@ulend', '', '@gist[python](user/0123abcd)', '', '---?include=md/gone.md', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'talk.md': deck }, 'gitpitch-by-body'), 'talk.md'));
    expect(built.briefing.meta.peerTools).toEqual(['GitPitch']);
    expect(built.briefing.slides.map((s) => [s.title, s.look?.backgroundColor])).toEqual([['One', '#123456'], ['Two', undefined]]);
    // A background picture that is missing is named at its delimiter's line.
    expect(built.warnings.filter((w) => w.code !== 'W_PEER_SYNTAX').map((w) => `${w.line}: ${w.message}`)).toEqual(['5: image not found: gone.png; it was left out']);
    // A slide's file that is missing is named as GitPitch writes it, not as the include it is read as.
    expect(built.warnings.filter((w) => /gone\.md/.test(w.message)).map((w) => `${w.line}: ${w.message.replace(/ \(file not found.*\)/, '')}`)).toEqual(["14: the file md/gone.md that GitPitch's ---?include= names could not be read, so it was left out"]);
    // A widget GitPitch fills from its server is said to be left out, not shown as its text.
    expect(built.warnings.filter((w) => /@gist/.test(w.message)).map((w) => `${w.line}: ${w.message}`)).toEqual(["12: GitPitch's @gist[…] needs GitPitch's server and was left out"]);
    expect(toPlainText(built.briefing.slides[1]!.bodyHtml)).not.toContain('0123abcd');
    const own = await buildDeck(path.join(writeBriefing({ 'talk.md': ['## Syntax', '', '```markdown', '---?image=a.png', '@snap[north]', '```', ''].join('\n') }, 'gitpitch-in-code'), 'talk.md'));
    expect(own.briefing.meta.peerTools).toEqual([]);
    expect(toPlainText(own.briefing.slides[0]!.bodyHtml)).toContain('---?image=a.png');
  });
});

describe("reveal-hugo's decks", () => {
  it('its TOML front matter is read line for line, its sections are stacks, {{% note %}} notes, fragments steps, {{< slide >}} the slide\'s look; no shortcode shows', async () => {
    const file = path.join(DIALECTS, 'reveal-hugo.md');
    const built = await buildDeck(file);
    const slides = built.briefing.slides;
    expect(built.briefing.meta.peerTools).toEqual(['reveal-hugo']);
    expect([built.briefing.meta.title, built.briefing.meta.theme, built.briefing.meta.transition]).toEqual(['Summit talks', 'moon', 'fade']);
    expect(slides.map((s) => [s.title, s.vertical ?? false, s.notes?.markdown ?? null])).toEqual([
      ['Summit talks', false, null],
      ['What worked', false, 'Say the talks paused the tests.'],
      ['What did not', false, null],
      ['Stacked first', false, null],
      ['Stacked second', true, null],
    ]);
    expect(slides[1]!.bodyHtml).toMatch(/<span class="fragment">Direct talks<\/span>\s*<span class="fragment">A pause in tests<\/span>/);
    expect(slides[2]!.look).toMatchObject({ className: 'lead', backgroundColor: '#1b3a5c' });
    expect(slides[2]!.bodyHtml).toMatch(/<div class="fragment"><ul>\s*<li>No deal was signed<\/li>/);
    expect(slides[3]!.bodyHtml).toContain('href="https://www.youtube.com/watch?v=abc123"');
    // In code, a shortcode is code.
    expect(toPlainText(slides[4]!.bodyHtml)).toContain('{{% note %}} stays code {{% /note %}}');
    for (const slide of slides.slice(0, 4)) expect(toPlainText(slide.bodyHtml)).not.toMatch(/\{\{|\+\+\+|outputs|Say the talks/);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '5: "reveal_hugo" is reveal-hugo\'s metadata; briefdeck reads part of it and ignores highlight_theme',
      "28: reveal-hugo's slide setting template is not supported and was left out",
      "44: Hugo's youtube shortcode is shown as a link to https://www.youtube.com/watch?v=abc123: a deck embeds nothing from the network",
    ]);
    const handout = await buildDeck(file, { handout: true });
    expect(handout.deck.html).not.toContain('Say the talks');
  });

  it("a folder of a Hugo section is one presentation, as reveal-hugo makes it: _index.md first, its front matter the deck's, then the other pages by weight (none last), a draft left out and named", async () => {
    const index = ['+++', 'title = "Summit review"', 'outputs = ["Reveal"]', '[reveal_hugo]', 'theme = "night"', '+++', '', '# Opening', '', '---', '', '## Context', ''].join('\n');
    const dir = writeBriefing({
      '_index.md': index,
      'a-unweighted.md': '# Last of all\n',
      'b-heavy.md': '+++\nweight = 20\n+++\n\n# Third\n',
      'c-light.md': '---\nweight: 10\n---\n\n# Second\n\n{{% note %}}Said aloud.{{% /note %}}\n',
      'd-draft.md': '+++\nweight = 5\ndraft = true\n+++\n\n# Never shown\n',
    }, 'hugo-section');
    const built = await buildDeck(dir);
    expect([built.name, built.briefing.meta.title, built.briefing.meta.theme, built.briefing.meta.peerTools]).toEqual(['hugo-section', 'Summit review', 'night', ['reveal-hugo']]);
    expect(built.briefing.slides.map((s) => [s.title, s.notes?.markdown ?? null])).toEqual([['Opening', null], ['Context', null], ['Second', 'Said aloud.'], ['Third', null], ['Last of all', null]]);
    expect(built.warnings.map((w) => `${path.basename(w.file!)}:${w.line}: ${w.code} ${w.message}`)).toEqual(['d-draft.md:2: W_FILE_SKIPPED d-draft.md is a draft (draft: true) and is left out, as Hugo leaves it out']);
    // `briefdeck build` inside the section, with no input, builds it too.
    const here = await runCapture(['build', '-o', path.join(tempDir(), 'hugo.html')], dir);
    expect([here.code, here.out]).toEqual([0, expect.stringMatching(/: 5 slides, /)]);
  });

  it('is known by its shortcodes in a deck with no front matter, and a Hugo shortcode it does not read is a warning; {{< figure >}} is the picture', async () => {
    const deck = ['# One', '', '{{% note %}}Said.{{% /note %}}', '', '---', '', '# Two', '', '{{< figure src="a.png" caption="A square" >}}', '', '{{< gist user 123 >}}', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck, 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'reveal-hugo-by-body'), 'deck.md'));
    expect(built.briefing.meta.peerTools).toEqual(['reveal-hugo']);
    expect(built.briefing.slides.map((s) => [s.title, s.notes?.markdown ?? null])).toEqual([['One', 'Said.'], ['Two', null]]);
    expect(built.briefing.slides[1]!.bodyHtml).toMatch(/<img src="[^"]+" alt="A square"/);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['11: Hugo shortcode {{< gist user 123 >}} is not supported and was left out']);
  });

  it("Goldmark's block attributes on the line under a picture or a heading ({.r-stretch}) are theirs, as Hugo reads them; under another block they are named and left out, never shown", async () => {
    const deck = ['+++', 'title = "T"', 'outputs = ["Reveal"]', '+++', '', '## Picture', '{.smaller}', '', '![Square](a.png)', '{.r-stretch}', 'Source: the author.', '', '---', '', '## Text', '', 'A paragraph.', '{.text-center}', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck, 'a.png': TINY_PNG }, 'hugo-block-attributes'), 'deck.md'));
    const [picture, text] = built.briefing.slides;
    expect([picture!.title, picture!.look?.className]).toEqual(['Picture', 'smaller']);
    expect(picture!.bodyHtml).toMatch(/^<p><img src="[^"]+" alt="Square" class="r-stretch"><\/p>\n<p>Source: the author\.<\/p>/);
    expect(toPlainText(text!.bodyHtml).trim()).toBe('A paragraph.');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(["18: Hugo's block attributes {.text-center} on the block above were left out: only a picture or a heading takes them here"]);
  });

  it('its front matter after blank lines is front matter, as Hugo reads it (a YAML block after one too, as Pandoc reads it), its lines counted from the top; its description is Hugo\'s', async () => {
    const toml = ['', ' ', '+++', '', 'title = "Summit talks"', 'description = "A review"', 'outputs = ["Reveal"]', 'bogus = 1', '', '+++', '', '# What worked', '', '![Map](https://example.org/map.png)', ''].join('\n');
    const hugo = await buildDeck(path.join(writeBriefing({ 'deck.md': toml }, 'hugo-blank-before-toml'), 'deck.md'));
    expect([hugo.briefing.meta.peerTools, hugo.briefing.meta.title, hugo.briefing.slides.map((s) => s.title)]).toEqual([['reveal-hugo'], 'Summit talks', ['What worked']]);
    expect(toPlainText(hugo.deck.html)).not.toMatch(/\+\+\+|outputs/);
    // Read as Hugo's, a remote picture is left out with a warning, not an error; every line is the file's own.
    expect(hugo.warnings.map((w) => `${w.line}: ${w.message.split(';')[0]}`)).toEqual([
      '6: "description" is reveal-hugo\'s metadata',
      '8: "bogus" is not a briefdeck key',
      expect.stringMatching(/^14: remote image "https:\/\/example.org\/map.png" was left out/),
    ]);
    const yaml = await buildDeck(path.join(writeBriefing({ 'deck.md': '\n---\ntitle: Summit talks\nformat: revealjs\n---\n\n## What worked\n' }, 'pandoc-blank-before-yaml'), 'deck.md'));
    expect([yaml.briefing.meta.title, yaml.briefing.slides.filter((s) => s.kind === 'content').map((s) => s.title)]).toEqual(['Summit talks', ['What worked']]);
    // A blank line, then a slide separator: the deck's first slide, not front matter.
    const cut = await buildDeck(path.join(writeBriefing({ 'deck.md': '\n---\n\n# One\n\n---\n\n# Two\n' }, 'blank-before-separator'), 'deck.md'));
    expect(cut.briefing.slides.map((s) => s.title)).toContain('One');
  });

  it("its notes are notes in a deck written for another tool too (a GitPitch deck, a Quarto deck), whose own shortcodes stay that tool's", async () => {
    const gitpitch = await buildDeck(path.join(writeBriefing({ 'PITCHME.md': '# One\n\n{{% note %}}Said.{{% /note %}}\n\n---?color=#123456\n\n# Two\n' }, 'hugo-note-in-gitpitch'), 'PITCHME.md'));
    expect([gitpitch.briefing.meta.peerTools, gitpitch.briefing.slides.map((s) => [s.title, s.notes?.markdown ?? null])]).toEqual([['GitPitch'], [['One', 'Said.'], ['Two', null]]]);
    const quarto = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '---\ntitle: Q\nformat: revealjs\n---\n\n## One\n\n{{% note %}}Said.{{% /note %}}\n\nPress {{< kbd Ctrl-C >}}.\n' }, 'hugo-note-in-quarto'), 'deck.qmd'));
    const one = quarto.briefing.slides.find((s) => s.title === 'One')!;
    expect([one.notes?.markdown, one.bodyHtml]).toEqual(['Said.', '<p>Press <kbd>Ctrl-C</kbd>.</p>\n']);
  });
});

describe("HackMD's and HedgeDoc's slide decks", () => {
  it("inserted text (++like this++, as markdown-it-ins reads it) is underlined text, an <ins>; a run of pluses with space inside, in code or in a deck for another tool stays as written", async () => {
    const body = ['## Inserted', '', 'Talks ++resumed++ and ++**soon**++.', '', 'C++ and C++, i++ + j++, `++code++`, +++three+++ and ++ spaced ++.', ''];
    const hackmd = await buildDeck(path.join(writeBriefing({ 'talk.md': ['---', 'type: slide', '---', '', ...body].join('\n') }, 'hackmd-inserted'), 'talk.md'));
    expect(hackmd.briefing.slides[0]!.bodyHtml).toBe('<p>Talks <ins>resumed</ins> and <ins><strong>soon</strong></ins>.</p>\n<p>C++ and C++, i++ + j++, <code>++code++</code>, +++three+++ and ++ spaced ++.</p>\n');
    const plain = await buildDeck(path.join(writeBriefing({ 'talk.md': ['---', 'title: T', '---', '', ...body].join('\n') }, 'plain-pluses'), 'talk.md'));
    expect(plain.briefing.slides.find((s) => s.title === 'Inserted')!.bodyHtml).not.toContain('<ins>');
  });

  it("a picture's size after its address (![](a.png =450x), =x200, =450x200, as markdown-it-imsize writes it) is its size; in a code span it stays text", async () => {
    const deck = ['---', 'type: slide', '---', '', '## Sizes', '', '![Wide](a.png =450x)', '', '![Tall](a.png =x200)', '', '![Both](a.png =320x240) and `![](a.png =450x)`', '', '![None](a.png =x)', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'talk.md': deck, 'a.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'hackmd-image-sizes'), 'talk.md'));
    const html = built.briefing.slides[0]!.bodyHtml;
    expect([...html.matchAll(/<img [^>]*alt="(\w+)"([^>]*)>/g)].map((m) => `${m[1]}${m[2]}`)).toEqual(['Wide width="450"', 'Tall height="200"', 'Both width="320" height="240"', 'None']);
    expect(html.replace(/<code>[^<]*<\/code>/g, '')).not.toMatch(/ =\d*x/);
    expect(html).toContain('<code>![](a.png =450x)</code>');
    expect(built.warnings).toEqual([]);
  });

  it('its slide, PDF and Figma embeds are links to what they would show; one with an address it does not take is left out with a warning', async () => {
    const deck = ['---', 'type: slide', '---', '', '## Embeds', '', '{%slideshare analyst/summit-talks %}', '', '{%speakerdeck analyst/summit-talks %}', '', '{%pdf https://example.org/review.pdf %}', '', '{%figma https://www.figma.com/file/abc/Talks %}', '', '{%pdf javascript:alert(1) %}', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'talk.md': deck }, 'hackmd-embeds'), 'talk.md'));
    const html = built.briefing.slides[0]!.bodyHtml;
    expect([...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1])).toEqual(['https://www.slideshare.net/analyst/summit-talks', 'https://speakerdeck.com/analyst/summit-talks', 'https://example.org/review.pdf', 'https://www.figma.com/file/abc/Talks']);
    expect(html).not.toMatch(/\{%|javascript/);
    expect(built.warnings.filter((w) => w.code === 'W_PEER_SYNTAX').map((w) => `${w.line}: ${w.message}`)).toEqual([
      "7: HackMD's slideshare embed is shown as a link to it: a deck embeds nothing from the network",
      "9: HackMD's speakerdeck embed is shown as a link to it: a deck embeds nothing from the network",
      "11: HackMD's pdf embed is shown as a link to it: a deck embeds nothing from the network",
      "13: HackMD's figma embed is shown as a link to it: a deck embeds nothing from the network",
      "15: HackMD's {%pdf javascript:alert(1) %} is not supported and was left out",
    ]);
  });

  it('type: slide and slideOptions are read (reveal\'s theme and transition), its alert boxes are callouts without a title, a spoiler one with its, its tags their text, an embed a link, [TOC] the slides\' titles; cut at --- and stacked at ----', async () => {
    const file = path.join(DIALECTS, 'hackmd.md');
    const built = await buildDeck(file);
    const slides = built.briefing.slides;
    expect(built.briefing.meta.peerTools).toEqual(['HackMD']);
    expect([built.briefing.meta.theme, built.briefing.meta.transition]).toEqual(['moon', 'fade']);
    expect(slides.map((s) => [s.title, s.vertical ?? false, s.notes?.markdown ?? null])).toEqual([
      ['Summit talks', false, null],
      ['What worked', false, 'Say the talks paused the tests.'],
      ['Details', true, null],
      ['Open questions', false, null],
    ]);
    expect(toPlainText(slides[0]!.bodyHtml).trim()).toBe('Analyst Three meetings in review');
    expect(slides[1]!.bodyHtml).toMatch(/<div class="callout callout-note"><p>Talks are better than tests\.<\/p>/);
    expect(slides[2]!.bodyHtml).toMatch(/<div class="callout callout-note"><p class="callout-title">The terms<\/p><p>No deal was signed\.<\/p>/);
    expect(slides[2]!.bodyHtml).toContain('href="https://www.youtube.com/watch?v=abc123"');
    // [TOC] lists the deck's slide titles, each a link to its slide, as Slidev's <Toc /> does.
    expect([...slides[2]!.bodyHtml.matchAll(/<li><a href="(#\/[\d/]+)">([^<]+)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(['#/0 Summit talks', '#/1 What worked', '#/1/1 Details', '#/2 Open questions']);
    expect(slides[3]!.bodyHtml).toMatch(/<div class="callout callout-warning"><p>Verification is open\.<\/p>/);
    expect(slides[3]!.bodyHtml).toContain('<code>[name=code]</code>');
    for (const slide of slides) expect(toPlainText(slide.bodyHtml.replace(/<code>[^<]*<\/code>/g, ''))).not.toMatch(/:::|\{%|\[TOC\]|\[(?:name|time)=/);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '5: "slideOptions" is HackMD\'s metadata; briefdeck reads part of it and ignores spotlight',
      "38: HackMD's youtube embed is shown as a link to it: a deck embeds nothing from the network",
    ]);
    expect((await buildDeck(file, { handout: true })).deck.html).not.toContain('Say the talks');
  });

  it('type: slide makes a deck HackMD\'s though its body holds reveal\'s comments; a deck with Pandoc\'s own lines and a ::: warning div stays Pandoc\'s, cut at its headings', async () => {
    const hackmd = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: H\ntype: slide\n---\n\n# One\n\n- a <!-- .element: class="fragment" -->\n\n:::info\nBox\n:::\n\n---\n\n# Two\n' }, 'hackmd-type-slide'), 'deck.md'));
    expect([hackmd.briefing.meta.peerTools, hackmd.briefing.slides.map((s) => s.title)]).toEqual([['HackMD'], ['One', 'Two']]);
    expect(hackmd.briefing.slides[0]!.bodyHtml).toContain('<div class="callout callout-note"><p>Box</p>');
    const pandoc = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: P\n---\n\n## One\n\n::: warning\nCareful\n:::\n\n::: notes\nSaid\n:::\n\n## Two\n\nText\n' }, 'pandoc-warning-div'), 'deck.md'));
    expect([pandoc.briefing.meta.peerTools, pandoc.briefing.slides.filter((s) => s.kind === 'content').map((s) => [s.title, s.notes?.markdown ?? null])]).toEqual([['Pandoc'], [['One', 'Said'], ['Two', null]]]);
  });

  it('a deck whose only setting is slideOptions builds (it was an unknown key, and the build failed); a Quarto callout with appearance="minimal" has no title', async () => {
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\nslideOptions:\n  transition: zoom\n---\n\n# One\n\n---\n\n# Two\n' }, 'hackmd-slide-options'), 'deck.md'));
    expect([built.briefing.meta.peerTools, built.briefing.meta.transition, built.briefing.slides.map((s) => s.title)]).toEqual([['HackMD'], 'zoom', ['One', 'Two']]);
    const quarto = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '---\ntitle: Q\nformat: revealjs\n---\n\n## One\n\n::: {.callout-tip appearance="minimal"}\nA bare box\n:::\n' }, 'quarto-minimal-callout'), 'deck.qmd'));
    expect(quarto.briefing.slides.find((s) => s.title === 'One')!.bodyHtml).toBe('<div class="callout callout-tip"><p>A bare box</p>\n</div>\n');
  });
});

describe("Markdown Preview Enhanced's presentations", () => {
  it('presentation: is read (a theme\'s CSS file, the transition), each <!-- slide --> starts a slide (vertical=true one below, its settings the slide\'s), --- is a rule, <aside class="notes"> the notes (presentation: was an unknown key, and the build failed)', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'mpe.md'));
    const slides = built.briefing.slides;
    expect(built.briefing.meta.peerTools).toEqual(['Markdown Preview Enhanced']);
    expect([built.briefing.meta.theme, built.briefing.meta.transition]).toEqual(['moon', 'fade']);
    expect(slides.map((s) => [s.title, s.vertical ?? false, s.look?.className, s.notes?.markdown ?? null])).toEqual([
      ['Summit talks', false, undefined, null],
      ['What worked', false, 'lead', 'Say the talks paused the tests.'],
      ['Details', true, undefined, null],
    ]);
    expect(slides[0]!.bodyHtml).toMatch(/<p>A review of three meetings\.<\/p>\s*<hr>\s*<p>A rule above, on the same slide\.<\/p>/);
    expect(slides[1]!.look?.backgroundColor).toBe('#1b3a5c');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['2: "width" without "height" says no shape of the page, so it is ignored; the deck is 16:9']);
  });

  it('is known by its <!-- slide --> comments in a deck with no front matter; one Advanced Slides annotation is no such deck', async () => {
    const deck = ['<!-- slide -->', '# One', '', '<!-- slide class="lead" -->', '# Two', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'mpe-by-body'), 'deck.md'));
    expect([built.briefing.meta.peerTools, built.briefing.slides.map((s) => [s.title, s.look?.className])]).toEqual([['Markdown Preview Enhanced'], [['One', undefined], ['Two', 'lead']]]);
    const advanced = await buildDeck(path.join(writeBriefing({ 'deck.md': ['# One', '', '---', '', '<!-- slide bg="#123456" -->', '# Two', ''].join('\n') }, 'advanced-slide-annotation'), 'deck.md'));
    expect(advanced.briefing.meta.peerTools).toEqual(['Advanced Slides']);
    // Advanced Slides' annotations on every slide, the first opening the deck: each after a --- cut, so no such deck.
    const annotated = await buildDeck(path.join(writeBriefing({ 'deck.md': ['<!-- slide bg="#123456" -->', '# One', '', '---', '', '<!-- slide bg="#654321" -->', '# Two', ''].join('\n') }, 'advanced-annotations-first'), 'deck.md'));
    expect([annotated.briefing.meta.peerTools, annotated.briefing.slides.map((s) => s.look?.backgroundColor)]).toEqual([['Advanced Slides'], ['#123456', '#654321']]);
  });
});

describe("iA Presenter's decks", () => {
  it('the text of a .iapresenter bundle: text at the margin is the spoken notes, a tab-indented line is shown, headings, pictures (a /file content block too), tables and code are shown; cut at ---', async () => {
    const file = path.join(DIALECTS, 'summit.iapresenter', 'text.md');
    const built = await buildDeck(file);
    const slides = built.briefing.slides;
    expect(built.briefing.meta.peerTools).toEqual(['iA Presenter']);
    expect(slides.map((s) => [s.title, s.notes?.markdown ?? null])).toEqual([
      ['Summit talks', 'Today I review three meetings and what came of them.'],
      ['What worked', 'Say that the talks paused the tests.\nSay it slowly.\n- A spoken list\n- stays in the notes'],
      ['The picture', null],
    ]);
    expect(slides[0]!.bodyHtml.trim()).toBe('');
    expect(slides[1]!.bodyHtml).toMatch(/^<p>Direct talks paused the tests\.<\/p>\s*<ul>\s*<li>Direct talks<\/li>\s*<li>A pause in tests<\/li>\s*<\/ul>\s*$/);
    expect(slides[2]!.bodyHtml).toMatch(/<img src="[^"]+" alt=""/);
    expect(slides[2]!.bodyHtml).toContain('<table>');
    expect(toPlainText(slides[2]!.bodyHtml)).toContain('code stays shown');
    expect((await buildDeck(file, { handout: true })).deck.html).not.toContain('Say it slowly');
    // check says how to add notes in iA Presenter's own way.
    expect(checkBriefing(built.briefing).filter((d) => d.code === 'W_NO_NOTES').map((d) => d.hint)).toEqual(['write what you will say at the margin, not indented: iA Presenter keeps it off the slide']);
  });
});

describe("Slidev's <arrow>", () => {
  it('is drawn in a Slidev deck (its starter deck draws one), a picture placed over the slide that steps in at its click; one whose points are no numbers is named and left out; v-drag places its content and v-drag-arrow draws, named as Vue components (VDrag, VDragArrow) too; elsewhere it is raw HTML, cleaned', async () => {
    const line = '<arrow v-click="3" x1="400" y1="420" x2="230" y2="330" color="#564" width="3" arrowSize="1" />';
    const slidev = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'theme: default', '---', '', '# Code', '', 'Text', '', line, '', '<Arrow x1="a" y1="1" x2="2" y2="3" />', ''].join('\n') }, 'slidev-arrow'), 'deck.md'));
    expect(slidev.briefing.slides[0]!.bodyHtml).toMatch(/^<p>Text<\/p>\n<div class="drawn-arrow fragment" data-fragment-index="3" style="position:absolute;left:284\.73px;top:415\.35px;width:253\.39px;height:148\.9px"><img src="briefdeck-asset:0" alt=""\s?\/?><\/div>/);
    const picture = slidev.briefing.images[0]!.inlineSvg!;
    expect(picture).toContain('<line x1="400" y1="420" x2="230" y2="330" stroke="#564" stroke-width="3" marker-end="url(#head)"></line>');
    expect(slidev.warnings.filter((w) => w.code !== 'W_META_IGNORED').map((w) => `${w.line}: ${w.message}`)).toEqual(['11: component <Arrow> (Slidev, Vue) is not supported and was left out']);
    // <v-drag pos="x,y,w,h"> places its content there (a size left as `_` to the content); <v-drag-arrow> is the arrow across its box.
    const dragged = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'theme: default', '---', '', '# Drag', '', '<v-drag pos="200,200,_,_,-15" text-2xl>', '  Placed text', '</v-drag>', '', '<v-drag-arrow pos="67,452,253,46" two-way />', '', '<v-drag text-3xl>', '  Unplaced', '</v-drag>', '', '<v-drag pos="10,10,20,20"></v-drag>', '', 'After', ''].join('\n') }, 'slidev-drag'), 'deck.md'));
    expect(dragged.briefing.slides[0]!.bodyHtml).toMatch(/^<div class="text-2xl" style="position:absolute;left:261\.22px;top:261\.22px">\s*Placed text\s*<\/div><div class="drawn-arrow" style="position:absolute;left:71\.84px;top:574\.69px;width:361\.8px;height:91\.43px"><img [^>]+><\/div>\s*<p>\s*Unplaced<\/p>/);
    expect(dragged.briefing.images[0]!.inlineSvg).toContain('<line x1="67" y1="452" x2="320" y2="498"');
    // An empty one, closed on its own line, closes its box there: what follows is no part of it.
    expect(dragged.briefing.slides[0]!.bodyHtml).toMatch(/<div style="position:absolute;left:13\.06px;top:13\.06px;width:26\.12px;height:26\.12px"><\/div>\s*<p>After<\/p>/);
    expect(dragged.warnings.filter((w) => w.code !== 'W_META_IGNORED').map((w) => `${w.line}: ${w.message}`)).toEqual([
      "7: Slidev's v-drag rotation is not drawn; its content stands upright where it is placed",
      '13: component <v-drag> (Slidev, Vue) is not supported and was left out; what it wraps shows without it',
    ]);
    // Vue takes them by their components' names too: <VDrag> and <VDragArrow> place and draw as <v-drag> and <v-drag-arrow> do.
    const named = (drag: string, arrow: string) => ['---', 'theme: default', '---', '', '# Drag', '', `<${drag} pos="10,10,20,20">`, '  Placed', `</${drag}>`, '', `<${arrow} pos="67,452,253,46" />`, ''].join('\n');
    const [pascal, kebab] = await Promise.all([named('VDrag', 'VDragArrow'), named('v-drag', 'v-drag-arrow')].map((text, i) => buildDeck(path.join(writeBriefing({ 'deck.md': text }, `slidev-drag-named-${i}`), 'deck.md'))));
    expect(pascal!.briefing.slides[0]!.bodyHtml).toBe(kebab!.briefing.slides[0]!.bodyHtml);
    expect(pascal!.briefing.slides[0]!.bodyHtml).toMatch(/^<div style="position:absolute;[^"]*">\s*Placed\s*<\/div><div class="drawn-arrow"/);
    expect(pascal!.warnings.filter((w) => w.code !== 'W_META_IGNORED')).toEqual([]);
    // A deck of briefdeck's own (no v-click to make it Slidev's).
    const own = await buildDeck(path.join(writeBriefing({ 'deck.md': ['## Code', '', line.replace(' v-click="3"', ''), ''].join('\n') }, 'own-arrow'), 'deck.md'));
    expect([own.briefing.meta.peerTools, own.warnings.map((w) => w.code)]).toEqual([[], ['W_RAW_HTML']]);
  });
});

describe("Slidev's <Transform>", () => {
  it('shows its content at its scale, as CSS zoom sizes it, its other attributes kept; without a scale it is named and its content shows at the slide\'s size', async () => {
    const deck = ['---', 'theme: seriph', 'title: T', '---', '', '# Scaled', '', '<Transform :scale="0.5">', '', '- one', '', '</Transform>', '', '<Transform :scale="2" :origin="\'top left\'" class="mt-8">', '', 'Big', '', '</Transform>', '', '<Transform>', '', 'Plain', '', '</Transform>', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'slidev-transform'), 'slides.md'));
    expect(built.briefing.slides.at(-1)!.bodyHtml.replace(/\n/g, '')).toBe('<div style="zoom:0.5"><ul><li>one</li></ul></div><div class="mt-8" style="zoom:2"><p>Big</p></div><div><p>Plain</p></div>');
    expect(built.warnings.filter((w) => w.line !== 2).map((w) => `${w.line}: ${w.message}`)).toEqual(["20: Slidev's <Transform> has no scale briefdeck reads; its content shows at the slide's own size"]);
  });
});

describe("Slidev's center layout", () => {
  it('sets the content in the middle of the slide (briefdeck\'s lead), with the slide\'s own classes, whichever key comes first', async () => {
    const deck = ['---', 'theme: default', 'layout: center', '---', '', '# Cover', '', '---', 'layout: center', 'class: text-center', '---', '', '# Two', '', '---', 'class: text-center', 'layout: center', '---', '', '# Three', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-center'), 'deck.md'));
    expect(built.briefing.slides.map((s) => [s.title, s.layout, s.look?.className])).toEqual([
      ['Cover', 'content', 'lead'],
      ['Two', 'content', 'lead text-center'],
      ['Three', 'content', 'lead text-center'],
    ]);
  });
});

describe("briefdeck's own markup on a slide with raw HTML", () => {
  it('keeps its classes when the slide is cleaned whole (callouts, grids, line blocks, math, footnotes, lettered lists, table captions), and tells the author of nothing they did not write', async () => {
    const deck = [
      '---', 'title: M', '---', '', '## Mixed', '', 'Raw <b>bold</b> and a note[^1].', '', '[^1]: The note.', '',
      '::: {.callout-tip}', 'A tip', ':::', '', '| line one', '| line two', '', '::: {layout-ncol=2}', 'A', '', 'B', ':::', '',
      '$$', 'x^2', '$$', '', 'a. one', 'b. two', '', '| A |', '|---|', '| 1 |', '', ': A caption', '', 'Term', ': Definition', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'own-markup-with-raw-html'), 'deck.qmd'));
    const body = built.briefing.slides.find((s) => s.title === 'Mixed')!.bodyHtml;
    for (const cls of ['callout callout-tip', 'callout-title', 'line-block', 'layout-grid layout-ncol-2', 'layout-cell', 'math-display', 'footnotes', 'footnote-ref', 'lower-alpha', 'table-caption']) {
      expect(body).toContain(`class="${cls}"`);
    }
    expect(body).toContain('<b>bold</b>');
    expect(body).toContain('<dl><dt>Term</dt><dd>Definition</dd></dl>');
    expect(built.warnings).toEqual([]);
  });

  it("keeps Marp's split background on a slide with raw HTML", async () => {
    const dir = writeBriefing({ 'deck.md': '---\nmarp: true\n---\n\n# Split\n\n![bg right:40%](pic.png)\n\nText<br>with a break\n', 'pic.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'marp-split-raw-html');
    const built = await buildDeck(path.join(dir, 'deck.md'));
    expect(built.briefing.slides[0]!.bodyHtml).toMatch(/<img src="briefdeck-asset:0" alt="" class="bg-split bg-split-right bg-split-40" \/>/);
    expect(built.warnings).toEqual([]);
    // A Marp slide's later heading stays a heading there too.
    const headed = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\nmarp: true\n---\n\n# First\n\nText<br>break\n\n# Second heading\n' }, 'marp-heading-raw-html'), 'deck.md'));
    expect(headed.briefing.slides[0]!.bodyHtml).toContain('<h1>Second heading</h1>');
    expect(headed.warnings).toEqual([]);
  });
});

describe('check, on a deck written for another tool', () => {
  it("says how to add a slide's notes in that tool's own syntax, so the deck keeps working there", async () => {
    const decks: [string, string, ...string[]][] = [
      ['deck.qmd', '---\ntitle: Q\n---\n\n## One\n\nText\n', 'add a ::: notes block (closed by :::) to the slide with what you will say'],
      ['marp.md', '---\nmarp: true\n---\n\n# One\n\nText\n', 'add an HTML comment <!-- … --> to the slide with what you will say'],
      ['slidev.md', '---\ntheme: seriph\nlayout: cover\n---\n\n# One\n\nText\n\n---\n\n## Two\n\nText\n', "add an HTML comment <!-- … --> at the slide's end with what you will say", "add an HTML comment <!-- … --> at the slide's end with what you will say"],
      ['remark.md', 'class: center\n\n# One\n\nText\n\n???\n\nSaid\n\n---\n\n# Two\n\nText\n', "add a line ??? at the slide's end, then what you will say"],
      ['plain.md', '---\ntitle: P\n---\n\n## One\n\nText\n', 'add a line starting "Note:" with what you will say'],
      ['hugo.md', '+++\ntitle = "H"\n+++\n\n# One\n\nText\n', 'add {{% note %}} … {{% /note %}} to the slide with what you will say'],
      ['mpe.md', '<!-- slide -->\n# One\n\n<!-- slide -->\n# Two\n', 'add an <aside class="notes"> … </aside> to the slide with what you will say', 'add an <aside class="notes"> … </aside> to the slide with what you will say'],
    ];
    for (const [file, text, ...hints] of decks) {
      const built = await buildDeck(path.join(writeBriefing({ [file]: text }, `notes-hint-${file.replace('.', '-')}`), file));
      expect(checkBriefing(built.briefing).filter((d) => d.code === 'W_NO_NOTES').map((d) => d.hint), file).toEqual(hints);
    }
  });
});

describe("Slidev's code snippet imports", () => {
  it('<<< @/file shows a file of the briefing folder as code, in its language or the one named, a VS Code region of it alone, with the fence\'s options; one missing, outside the folder or without the region is a warning at its line', async () => {
    const deck = [
      '---', 'theme: seriph', '---', '', '# Snippets', '',
      '<<< @/a.ts', '', '<<< ./b.py#main {2}{lines:true}', '', '<<< b.py python', '',
      '<<< @/snippets/gone.ts', '', '<<< @/b.py#nowhere', '', '<<< @/../outside.ts', '', '```md', '<<< @/a.ts', '```', '',
    ].join('\n');
    const dir = writeBriefing({
      'deck.md': deck,
      // Code, never read for includes or markup of its own.
      'a.ts': 'const tag = "<script>alert(1)</script>";\n// {{< include ../deck.md >}}\n```\n',
      'b.py': 'import os\n# #region main\ndef main():\n    print("hi")\n# #endregion main\nmain()\n',
    }, 'slidev-snippets');
    const built = await buildDeck(path.join(dir, 'deck.md'));
    const body = built.briefing.slides.find((s) => s.title === 'Snippets')!.bodyHtml;
    // Each block's text as its lines show it: the highlighter's spans off, its references read.
    const codeText = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim();
    const blocks = [...body.matchAll(/<pre[^>]*><code class="[^"]*language-([\w-]+)[^"]*"[^>]*>([\s\S]*?)<\/code><\/pre>/g)].map((m) => [m[1], codeText(m[2]!)]);
    expect(blocks).toEqual([
      ['ts', 'const tag = "<script>alert(1)</script>";\n// {{< include ../deck.md >}}\n```'],
      ['py', 'def main():\n    print("hi")'],
      ['python', 'import os\ndef main():\n    print("hi")\nmain()'],
      ['md', '<<< @/a.ts'],
    ]);
    expect(built.deck.html).not.toContain('<script>alert(1)');
    // The missing file is named as the working directory reaches it.
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`.replace(/file not found: \S*?(snippets\/gone\.ts)/, 'file not found: $1'))).toEqual([
      "2: Slidev's theme \"seriph\" is not built in; using serif",
      '13: the file @/snippets/gone.ts that a snippet import names could not be read (file not found: snippets/gone.ts), so it was left out',
      '15: the file @/b.py that a snippet import names has no region nowhere, so it was left out',
      '17: the file @/../outside.ts that a snippet import names is outside the briefing folder, so it was left out',
    ]);
  });
});

describe("Slidev's page numbers", () => {
  it('<SlideCurrentNo />, <SlidesTotal /> and {{ $slidev.nav.currentPage }}, {{ $page }}, {{ $slidev.nav.total }} show the numbers the footer shows, in the notes too; other expressions go with a warning', async () => {
    const deck = [
      '---', 'theme: default', 'title: S', '---', '', '# One', '', 'Page <SlideCurrentNo /> of <SlidesTotal />', '', '---', '',
      '# Two', '', 'Now {{ $slidev.nav.currentPage }} / {{ $slidev.nav.total }} and {{ $page }}; {{ $slidev.configs.title }} goes.', '', 'Vue sums {{ 1 + 1 }}, but `{{ code }}` stays.', '',
      '<!-- On page {{ $page }} -->', '', '---', '', '# Page {{ $page }} of {{ $slidev.nav.total }}', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-page-numbers'), 'deck.md'));
    const [one, two] = built.briefing.slides;
    expect(one!.bodyHtml).toBe('<p>Page 1 of 3</p>\n');
    expect(two!.bodyHtml).toBe('<p>Now 2 / 3 and 2;  goes.</p>\n<p>Vue sums , but <code>{{ code }}</code> stays.</p>\n');
    expect(two!.notes!.html).toContain('On page 2');
    // A number in a title is filled in its plain text too, which the page's <title> and the outline show.
    const three = built.briefing.slides[2]!;
    expect([three.title, three.titleHtml]).toEqual(['Page 3 of 3', 'Page 3 of 3']);
    expect(built.deck.html).not.toContain('\u0000');
    // A mark a simple table's columns cut in two (found by the property test, PEER_SEED=7) leaves no piece of itself;
    // a chart's mark, filled later, stays whole beside a page number.
    const cut = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '## S\n\n| x | y |\n--  --\n{{ $slidev.nav.total }}\n' }, 'slidev-page-cut'), 'deck.qmd'));
    expect(cut.deck.html).not.toContain('\u0000');
    const chart = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntheme: seriph\nlayout: cover\n---\n\n# Charts\n\nPage {{ $page }}\n\n```chart\ntype: bar\ndata:\n  - {label: a, value: 1}\n  - {label: b, value: 2}\n```\n' }, 'slidev-page-chart'), 'deck.md'));
    expect(chart.deck.html).toMatch(/<p>Page 1<\/p>[\s\S]*<svg/);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(expect.arrayContaining([
      '14: Slidev expression {{ $slidev.configs.title }} is not supported and was left out',
      '16: Vue expressions {{ … }} (Slidev) are not evaluated and were left out',
    ]));
    // Each expression is named as written: `$clicks` is not `$slidev`'s.
    const clicks = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntheme: default\n---\n\n# C\n\nClick {{ $clicks }} of {{ $frontmatter.title }} and {{ $clicks }}.\n' }, 'slidev-clicks-expression'), 'deck.md'));
    // Slidev's globals mark a deck as Slidev's (one slide, no agenda or section slide of briefdeck's own).
    expect(clicks.briefing.meta.peerTools).toEqual(['Slidev']);
    expect(clicks.briefing.slides[0]!.bodyHtml).toBe('<p>Click  of  and .</p>\n');
    expect(clicks.warnings.map((w) => `${w.line}: ${w.message}`)).toContain('7: Slidev expressions {{ $clicks }}, {{ $frontmatter.title }} are not supported and were left out');
  });
});

describe("Slidev's table of contents", () => {
  it('<Toc /> lists the slide titles, nested by level (a heading\'s, or level:), linked to their slides; hideInToc: true, title:, maxDepth, minDepth, mode, columns and start read as Slidev reads them; in code it stays code', async () => {
    const deck = [
      '---', 'title: S', '---', '', '# Contents', '', '<Toc maxDepth="2"></Toc>', '', '```html', '<Toc />', '```', '',
      '---', '', '# Part one', '', '---', 'level: 2', '---', '', '# Detail', '', '<Toc mode="onlySiblings" :min-depth="2" columns="2" start="3" />', '',
      '---', 'hideInToc: true', '---', '', '# Aside', '', '---', '', '## Under the aside', '',
      '---', 'title: Part <two>', '---', '', '# Part two', '', '<Toc list-class="x" columns="4" />', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-toc'), 'deck.md'));
    const body = (title: string) => built.briefing.slides.find((s) => s.title === title)!.bodyHtml.replace(/\n/g, '');
    const item = (index: number, title: string, children = '') => `<li><a href="#/${index}">${title}</a>${children}</li>`;
    // A slide under a hidden one goes with it; a slide's title: names it in the table (as text), not its heading.
    const all = `<ol>${item(0, 'Contents')}${item(1, 'Part one', `<ol>${item(2, 'Detail')}</ol>`)}${item(5, 'Part &lt;two&gt;')}</ol>`;
    expect(body('Contents')).toBe(`${all}<pre><code class="hljs language-html"><span class="hljs-tag">&lt;<span class="hljs-name">Toc</span> /&gt;</span></code></pre>`);
    // From depth 2, only the branch that holds this slide, its siblings; in two columns, numbered from 3.
    expect(body('Detail')).toBe(`<div class="columns-2"><ol start="3">${item(2, 'Detail')}</ol></div>`);
    // Four columns, as written (three or four flow in a class of the table's own).
    expect(body('Part two')).toBe(`<div class="toc-columns-4">${all}</div>`);
    expect(built.deck.html).not.toContain('\u0000');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['41: Slidev\'s <Toc>: list-class="x" is not supported and left out']);
  });
});

describe("Slidev's table of contents, styled", () => {
  it('<Toc text-sm /> of the starter deck sets its list in that utility, and <Toc v-click /> steps it in, with no warning', async () => {
    const deck = ['---', 'theme: default', '---', '', '# One', '', '<Toc text-sm minDepth="1" maxDepth="2"/>', '', '---', '', '# Two', '', '<Toc v-click columns="2" />', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'slidev-toc-classes'), 'deck.md'));
    const list = '<ol><li><a href="#/0">One</a></li><li><a href="#/1">Two</a></li></ol>';
    expect(built.briefing.slides.map((s) => s.bodyHtml.replace(/\n/g, ''))).toEqual([`<div class="text-sm">${list}</div>`, `<div class="columns-2 fragment">${list}</div>`]);
    expect(built.briefing.authorCss).toContain('.reveal .slides .slide-body .text-sm{font-size:0.875em}');
    expect(built.warnings.filter((w) => !/theme/.test(w.message))).toEqual([]);
  });
});

describe("Slidev's headmatter as its first slide's front matter", () => {
  it('takes its slide keys for the first slide: the picture of an image layout beside it, level: and hideInToc: in the table of contents; a page of slides that src: imports opens with them and builds alone', async () => {
    const cover = ['---', 'theme: default', 'layout: image-right', 'image: ./a.png', 'hideInToc: true', '---', '', '# Cover', '', 'Beside the picture', '', '---', '', '# Contents', '', '<Toc />', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': cover, 'a.png': TINY_PNG }, 'slidev-headmatter'), 'deck.md'));
    const first = built.briefing.slides[0]!;
    expect(first.layout).toBe('two-column');
    expect(first.columns![1]).toContain('<img src="briefdeck-asset:');
    expect(built.briefing.slides[1]!.bodyHtml.replace(/\n/g, '')).toBe('<ol><li><a href="#/1">Contents</a></li></ol>');
    expect(built.warnings.map((w) => w.message)).not.toContainEqual(expect.stringContaining('"image"'));
    // A page of slides (Slidev's pages/intro.md) opens with its first slide's keys, none of them briefdeck's own: no unknown key.
    const page = ['---', 'title: Intro', 'level: 2', '---', '', '## Intro', '', 'Text', '', '---', '', '## Next', '', '<Toc />', ''].join('\n');
    const alone = await buildDeck(path.join(writeBriefing({ 'intro.md': page }, 'slidev-page'), 'intro.md'));
    expect(alone.briefing.meta.peerTools).toContain('Slidev');
    // Slidev nests each later item of a deeper level than the tree's top under the last one before it.
    expect(alone.briefing.slides[1]!.bodyHtml.replace(/\n/g, '')).toBe('<ol><li><a href="#/0">Intro</a><ol><li><a href="#/1">Next</a></li></ol></li></ol>');
    expect(alone.warnings).toEqual([]);
  });
});

describe("Obsidian's Advanced Slides", () => {
  const built = buildDeck(path.join(DIALECTS, 'advanced-slides.md'));

  it('reads its slide and element annotations as reveal\'s: bg is the background (a colour, or a picture embedded as Obsidian embeds it), a fragment class steps in; a comment in prose stays a comment', async () => {
    const { briefing } = await built;
    const [cover, even, , , fragments] = briefing.slides;
    expect(cover!.look?.backgroundColor).toBe('#223344');
    expect(cover!.notes?.markdown).toBe('Said on the cover.');
    expect(briefing.images[even!.look!.backgroundImage!]!.relPath).toBe('dot.svg');
    expect(fragments!.bodyHtml).toContain('<li class="fragment" data-fragment-index="2">Item one');
    expect(fragments!.bodyHtml).toContain('<li class="fragment" data-fragment-index="1">Item two');
  });

  it('lays a <split>\'s blocks side by side as columns, left and right as their widths, a list kept whole; a <grid> places its Markdown on the slide, its looks named in one warning', async () => {
    const { briefing, warnings } = await built;
    const [, even, shares, grid] = briefing.slides;
    expect(even!.layout).toBe('two-column');
    expect(even!.columns).toHaveLength(2);
    expect(even!.columns![0]).toContain('<img src="briefdeck-asset:');
    expect(even!.columns![1]).toContain('Right side text');
    expect(shares!.columns).toHaveLength(2);
    expect(shares!.columnWidths).toEqual([67, 33]);
    expect(shares!.columns![0]).toMatch(/<ul>[\s\S]*one[\s\S]*two[\s\S]*still the same list[\s\S]*<\/ul>/);
    expect(shares!.columns![1]).toContain('The narrow side');
    // drag is the block's size and drop its corner, in percent of the slide; a negative drop counts from the right and bottom.
    expect(grid!.bodyHtml).toContain('<div class="grid-cell" style="position:absolute;left:5%;top:10%;width:60%;height:55%"><p><strong>Grid content</strong></p>\n</div>');
    expect(grid!.bodyHtml).toContain('<div class="grid-cell" style="position:absolute;left:65%;top:65%;width:30%;height:30%"><p>Another block</p>\n</div>');
    for (const slide of briefing.slides) expect([slide.bodyHtml, ...(slide.columns ?? [])].join('')).not.toMatch(/&lt;\/?(?:split|grid)|&lt;!--|\*\*/);
    expect([...warnings].sort((a, b) => a.line! - b.line!).map((w) => `${w.line}: ${w.message}`).filter((m) => /grid|split|slide settings|neutralised|:::/.test(m))).toEqual([
      "46: Advanced Slides' grid looks bg are not read; the grid is placed and its content shown without them",
      '63: slide settings template are not supported and were left out',
      '65: Advanced Slides\' "::: title" is drawn by its template or theme, which briefdeck does not have; its content is shown without it',
    ]);
  });

  it('spans what follows a </split> below its columns, as what precedes it spans them above', async () => {
    const { briefing } = await buildDeck(writeBriefing({ 'slides.md': '## Split\n\nAbove\n\n<split even>\n\nA\n\nB\n</split>\n\nBelow\n' }, 'advanced-split-tail'));
    const slide = briefing.slides.find((s) => s.title === 'Split')!;
    expect([toPlainText(slide.columnsLead!).trim(), slide.columns!.map((c) => toPlainText(c).trim()), toPlainText(slide.columnsTail!).trim()]).toEqual(['Above', ['A', 'B'], 'Below']);
  });

  it("leaves Obsidian's comments out, %% … %% within a line or over lines (a code span's %% is text), and takes a background's opacity", async () => {
    const deck = [
      '<!-- slide bg="dot.svg" data-background-opacity="0.5" -->', '', '# Commented', '',
      'Shown %%hidden inline%% and shown, `50%%` in code.', '',
      'Before %%a comment that', 'runs over lines%% after.', '',
      '%%', 'A block the author keeps to themself.', '', '---', 'Still hidden.', '%%', '',
      'After the block.', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck, 'dot.svg': readFileSync(path.join(DIALECTS, 'dot.svg')) }, 'obsidian-comments'), 'deck.md'));
    expect(built.briefing.meta.peerTools).toContain('Advanced Slides');
    expect(built.briefing.slides.map((s) => s.title)).toEqual(['Commented']);
    const slide = built.briefing.slides[0]!;
    expect(toPlainText(slide.bodyHtml).replace(/\s+/g, ' ').trim()).toBe('Shown and shown, 50%% in code. Before after. After the block.');
    expect(slide.notes).toBeNull();
    expect(slide.look).toMatchObject({ backgroundOpacity: '0.5' });
    expect(built.deck.html).toContain('data-background-opacity="0.5"');
    // A block comment alone tells an Obsidian deck.
    const plain = await buildDeck(path.join(writeBriefing({ 'deck.md': ['# One', '', 'Shown.', '', '%%', 'Kept back.', '%%', ''].join('\n') }, 'obsidian-comment-only'), 'deck.md'));
    expect(plain.briefing.meta.peerTools).toContain('Advanced Slides');
    expect(plain.deck.html).not.toContain('Kept back');
  });

  it("reveal.js's page size in another tool's metadata (Pandoc's, Quarto's under format: revealjs:, Beamer's aspectratio, Slidev's aspectRatio, reveal-md's revealOptions and reveal.json) picks the deck's shape: nearer 4:3 than 16:9 is 4:3; size: says otherwise", async () => {
    const shape = async (front: string[], name: string) => {
      const built = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'title: S', ...front, '---', '', '## One', '', 'Text.', ''].join('\n') }, name), 'deck.md'));
      return [built.briefing.meta.size, built.warnings.map((w) => w.message)];
    };
    expect(await shape(['revealjs-url: reveal.js', 'width: 1024', 'height: 768'], 'pandoc-page-4-3')).toEqual(['4:3', ['"revealjs-url" is Pandoc\'s metadata; briefdeck ignores it']]);
    expect(await shape(['revealjs-url: reveal.js', 'width: 1920', 'height: 1080'], 'pandoc-page-16-9')).toEqual(['16:9', ['"revealjs-url" is Pandoc\'s metadata; briefdeck ignores it']]);
    expect(await shape(['format:', '  revealjs:', '    width: 1050', '    height: 700'], 'quarto-page-3-2')).toEqual(['4:3', []]);
    expect(await shape(['revealjs-url: reveal.js', 'width: 1024', 'height: 768', 'size: "16:9"'], 'pandoc-page-said')).toEqual(['16:9', ['"revealjs-url" is Pandoc\'s metadata; briefdeck ignores it']]);
    // Beamer's aspectratio, which Pandoc hands its beamer output, names the shape the same way; a value Beamer has not is named.
    expect(await shape(['aspectratio: 43'], 'beamer-4-3')).toEqual(['4:3', []]);
    expect(await shape(['aspectratio: 1610', 'colortheme: beaver'], 'beamer-16-10')).toEqual(['16:9', ['"colortheme" is Pandoc\'s metadata; briefdeck ignores it']]);
    expect(await shape(['aspectratio: 43', 'size: "16:9"'], 'beamer-said')).toEqual(['16:9', []]);
    expect(await shape(['aspectratio: 77', 'colortheme: beaver'], 'beamer-odd')).toEqual(['16:9', ['"aspectratio" is Pandoc\'s metadata; briefdeck ignores it', '"colortheme" is Pandoc\'s metadata; briefdeck ignores it']]);
    // Slidev's aspectRatio, as a fraction or a number.
    expect(await shape(['aspectRatio: 4/3', 'highlighter: shiki'], 'slidev-4-3')).toEqual(['4:3', ['"highlighter" is Slidev\'s metadata; briefdeck ignores it']]);
    expect(await shape(['aspectRatio: 1.7777', 'highlighter: shiki'], 'slidev-wide')).toEqual(['16:9', ['"highlighter" is Slidev\'s metadata; briefdeck ignores it']]);
    // reveal.js's own width and height, in reveal-md's revealOptions, and in its reveal.json beside a deck with no front matter.
    expect(await shape(['revealOptions:', '  width: 1024', '  height: 768'], 'reveal-md-page')).toEqual(['4:3', []]);
    const beside = await buildDeck(path.join(writeBriefing({ 'deck.md': '# One\n\nText.\n', 'reveal.json': '{ "width": 1024, "height": 768 }\n' }, 'reveal-json-page'), 'deck.md'));
    expect([beside.briefing.meta.size, beside.warnings]).toEqual(['4:3', []]);
    // One side alone is named in the file that gives it.
    const alone = await buildDeck(path.join(writeBriefing({ 'deck.md': '# One\n\nText.\n', 'reveal.json': '{\n  "width": 1024\n}\n' }, 'reveal-json-width'), 'deck.md'));
    expect(alone.warnings.map((w) => `${path.basename(w.file!)}:${w.line}: ${w.message}`)).toEqual(['reveal.json:2: "width" without "height" says no shape of the page, so it is ignored; the deck is 16:9']);
  });

  it("its front matter builds: its own themes stand in as built-in ones and its settings are warnings naming it (theme: consult was an unknown theme, and the build failed); an Obsidian note's properties say nothing a deck shows", async () => {
    const deck = ['---', 'theme: consult', 'height: 540', 'enableChalkboard: true', 'slideNumber: true', '---', '', '# One', '', '---', '', '# Two', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'advanced-front-matter'), 'deck.md'));
    expect([built.briefing.meta.peerTools, built.briefing.meta.theme, built.briefing.meta.pageNumbers, built.briefing.slides.map((s) => s.title)]).toEqual([['Advanced Slides'], 'white', true, ['One', 'Two']]);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '4: "enableChalkboard" is Advanced Slides\' metadata; briefdeck ignores it',
      '3: "height" without "width" says no shape of the page, so it is ignored; the deck is 16:9',
      '2: Advanced Slides\' theme "consult" is not built in; using white',
    ]);
    const note = ['---', 'aliases: [summit]', 'cssclasses: [wide]', 'publish: true', 'tags: [policy]', '---', '', '# One', '', '---', '', '# Two', ''].join('\n');
    const obsidian = await buildDeck(path.join(writeBriefing({ 'deck.md': note }, 'obsidian-properties'), 'deck.md'));
    expect([obsidian.briefing.meta.peerTools, obsidian.warnings, obsidian.briefing.slides.map((s) => s.title)]).toEqual([['Obsidian'], [], ['One', 'Two']]);
  });

  it("reads a grid's drop as a place's name or in Advanced Slides' pixels, its align and flow as classes; a grid with no drop stays in the text, and a raw style keeps only a place and its own look", async () => {
    const deck = ['<split even>', 'a', '</split>', '', '---', '', '## Grids', '', '<grid drag="40 20" drop="bottomright" align="topleft">', 'Named', '</grid>', '', '<grid drag="480px 350px" drop="96px 70px" flow="row">', 'Pixels', '</grid>', '', '<grid align="left">', 'In the text', '</grid>', '', '<div style="position:absolute;left:1%;color:red;width:calc(100%)">Raw</div>', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'advanced-grids'), 'deck.md'));
    const body = built.briefing.slides.find((s) => s.title === 'Grids')!.bodyHtml;
    expect([...body.matchAll(/<div class="([^"]*)"(?: style="([^"]*)")?>/g)].map((m) => [m[1], m[2] ?? ''])).toEqual([
      ['grid-cell grid-align-topleft', 'position:absolute;left:60%;top:80%;width:40%;height:20%'],
      ['grid-cell grid-flow-row', 'position:absolute;left:10%;top:10%;width:50%;height:50%'],
      ['grid-cell grid-align-left', ''],
    ]);
    expect(body).toContain('<div style="position:absolute;left:1%;color:red">Raw</div>');
  });

  it('reads a template\'s ::: left and ::: right slots as columns, and any other block\'s content without its box', async () => {
    const { briefing } = await built;
    const slots = briefing.slides.at(-1)!;
    expect(slots.layout).toBe('two-column');
    expect(slots.columnsLead).toContain('<h3>A template’s slots</h3>');
    expect(slots.columns).toEqual([expect.stringContaining('Left slot'), expect.stringContaining('Right slot')]);
    expect([slots.bodyHtml, ...slots.columns!].join('')).not.toContain(':::');
  });

  it('leaves another div and the ::: that closes it to the Pandoc reader, inside a slot', async () => {
    const { briefing } = await buildDeck(writeBriefing({ 'slides.md': '<split even>\n\nA\n\nB\n</split>\n\n---\n\n## Slots\n\n::: left\n::: {.callout-note}\nIn the callout\n:::\nAfter it, still left\n:::\n\n::: right\nRight\n:::\n' }));
    const slots = briefing.slides.find((s) => s.title === 'Slots')!;
    expect(slots.columns).toHaveLength(2);
    expect(slots.columns![0]).toMatch(/<div class="callout callout-note">[\s\S]*In the callout[\s\S]*<\/div>\s*<p>After it, still left<\/p>/);
    expect(slots.columns![1]).toContain('Right');
    // Pandoc's fences of four colons, and a closing one, are that reader's too: they never close a slot.
    const nested = await buildDeck(writeBriefing({ 'slides.md': '<split even>\n\nA\n\nB\n</split>\n\n---\n\n## Nested\n\n::: left\n:::: {.callout-note}\nIn the callout\n::::\nStill left\n:::\n\n::: right\nRight\n:::\n' }));
    const inner = nested.briefing.slides.find((s) => s.title === 'Nested')!;
    expect(inner.columns).toHaveLength(2);
    expect(inner.columns![0]).toMatch(/In the callout[\s\S]*Still left/);
    expect(inner.columns![1]).toContain('Right');
    expect(inner.columns!.join('')).not.toContain(':::');
  });
});

describe('Quarto paths from the project root', () => {
  it('a picture path that starts with / is read from the briefing folder in a Quarto deck, as Quarto reads it from its project root (its advice for included files); it stays confined, and in any other deck is an absolute path', async () => {
    const dot = readFileSync(path.join(DIALECTS, 'dot.svg'));
    const dir = writeBriefing({ 'main.qmd': '---\ntitle: Rooted\nformat: revealjs\n---\n\n## Main\n\n{{< include parts/_part.qmd >}}\n' });
    mkdirSync(path.join(dir, 'parts'));
    writeFileSync(path.join(dir, 'parts', '_part.qmd'), '## Included\n\n![A dot](/parts/dot.svg)\n');
    writeFileSync(path.join(dir, 'parts', 'dot.svg'), dot);
    const { briefing } = await buildDeck(path.join(dir, 'main.qmd'));
    expect(briefing.images.map((i) => i.relPath)).toEqual(['parts/dot.svg']);
    writeFileSync(path.join(dir, 'parts', '_part.qmd'), '## Included\n\n![A dot](/../dot.svg)\n');
    // Outside the folder, it is never read: in a deck for another tool it is left out with a warning, and the deck builds
    // (a course's decks often share a folder of pictures above them); in briefdeck's own deck it is an error (below, and errors/image-outside).
    const outside = await buildDeck(path.join(dir, 'main.qmd'));
    expect(outside.briefing.images).toEqual([]);
    expect(outside.warnings.map((w) => [w.code, path.basename(w.file!), w.line, w.message])).toEqual([['W_IMAGE_MISSING', '_part.qmd', 3, 'image "/../dot.svg" is outside the briefing folder, so it was left out, its alt text in its place: nothing outside the briefing folder is read']]);
    writeFileSync(path.join(dir, 'own.md'), '---\ntitle: Own\n---\n\n## Own\n\n![A dot](/parts/dot.svg)\n');
    await expect(buildDeck(path.join(dir, 'own.md'))).rejects.toMatchObject({ code: 'E_PATH_OUTSIDE', diagnostics: [{ message: 'image "/parts/dot.svg" is an absolute path' }] });
  });

  it("a plain Markdown deck with no metadata at all, which every tool reads, builds as one for another tool does: a remote or absolute picture is left out with a warning; with metadata, it is briefdeck's own and they are errors", async () => {
    const body = ['# Opening', '', '![Logo](https://example.com/logo.png)', '', '---', '', '# Two', '', '![Dot](/pictures/dot.png)', '', 'Text.', ''].join('\n');
    const plain = await buildDeck(path.join(writeBriefing({ 'talk.md': body }, 'plain-markdown-deck'), 'talk.md'));
    expect(plain.briefing.meta.plain).toBe(true);
    expect(plain.briefing.slides.map((s) => s.title)).toEqual(['Opening', 'Two']);
    expect(plain.warnings.map((w) => [w.code, w.line])).toEqual([['W_REMOTE_IMAGE', 3], ['W_IMAGE_MISSING', 9]]);
    expect(plain.deck.html).not.toContain('example.com');
    const own = buildDeck(path.join(writeBriefing({ 'talk.md': `---\ntitle: Talk\n---\n\n${body}` }, 'own-markdown-deck'), 'talk.md'));
    await expect(own).rejects.toMatchObject({ diagnostics: [{ code: 'E_REMOTE_URL', line: 7 }, { code: 'E_PATH_OUTSIDE', line: 13 }] });
  });

  it('a plain deck cut at --- before each # title with text under it takes them for slide titles, as the tools that cut at --- do (its ## are headings inside); one whose # headings stand over ## ones keeps them as sections', async () => {
    const talk = ['# How to teach', '', 'Intro text.', '', '---', '', '# Objectives', '', '## Yes or no?', '', '- One', '- Two', '', '---', '', '# Criteria', '', '1. Manageable', ''].join('\n');
    const plain = await buildDeck(path.join(writeBriefing({ 'talk.md': talk }, 'plain-slide-level'), 'talk.md'));
    expect(plain.briefing.slides.map((s) => [s.kind, s.title])).toEqual([['content', 'How to teach'], ['content', 'Objectives'], ['content', 'Criteria']]);
    expect(plain.briefing.slides[1]!.bodyHtml).toContain('<h2>Yes or no?</h2>');
    const sectioned = await buildDeck(path.join(writeBriefing({ 'talk.md': ['# Part one', '', '## First', '', 'Text.', '', '# Part two', '', '## Second', '', 'More.', ''].join('\n') }, 'plain-sections'), 'talk.md'));
    expect(sectioned.briefing.slides.filter((s) => s.kind !== 'agenda').map((s) => [s.kind, s.title])).toEqual([['section', 'Part one'], ['content', 'First'], ['section', 'Part two'], ['content', 'Second']]);
    // A page of one # title over ## parts, not cut before each #, keeps its ## slides.
    const page = await buildDeck(path.join(writeBriefing({ 'summary.md': ['# Release notes', '', 'Intro.', '', '---', '', '## Summary', '', 'A.', '', '## Details', '', 'B.', ''].join('\n') }, 'plain-page'), 'summary.md'));
    expect(page.briefing.slides.filter((s) => s.kind === 'content').map((s) => s.title)).toEqual(['Summary', 'Details']);
  });
});

describe('code line highlights and numbers, as each tool writes them', () => {
  /** The code blocks of a deck's slides: each block's code classes, each line's marks, its fragments, and its text. */
  const blocksOf = (built: Awaited<ReturnType<typeof buildDeck>>) =>
    built.briefing.slides.flatMap((s) =>
      [...s.bodyHtml.matchAll(/<pre><code class="([^"]*)">([\s\S]*?)<\/code>((?:<span class="fragment code-step"><\/span>)*)<\/pre>/g)].map((m) => ({
        classes: m[1]!,
        lines: [...m[2]!.matchAll(/<span class="code-line([^"]*)">/g)].map((l) => l[1]!.trim()),
        steps: m[3]!.split('</span>').length - 1,
        text: toPlainText(m[0]),
      })),
    );
  const lineNotes = (built: Awaited<ReturnType<typeof buildDeck>>) => built.warnings.map((w) => `${w.line} ${w.code}: ${w.message} (${w.hint})`);

  it("reveal's [712: 1|3] numbers the lines from 712 and steps the highlight, rows counted from the block's first; the code's text is unchanged", async () => {
    const deck = ['---', 'title: R', '---', '', '## Code', '', '```js [712: 1|3]', 'const a = 1;', '/* spans', '   lines */', '```', '', '```js []', 'let b;', '```', '', '```js', 'const a = 1;', '/* spans', '   lines */', '```', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'code-lines-reveal'), 'deck.md'));
    const [stepped, numbered, plain] = blocksOf(built);
    expect(stepped).toEqual({ classes: 'hljs language-js has-highlights line-numbers line-start-712 code-steps hl-on-1 hl-on-2', lines: ['highlight-line hl-1', '', 'hl-2'], steps: 1, text: plain!.text });
    expect(numbered).toMatchObject({ classes: 'hljs language-js line-numbers', lines: [''], steps: 0 });
    expect(plain).toMatchObject({ classes: 'hljs language-js', lines: [], steps: 0 });
    // A comment over two lines stays a comment on each: its span is closed at the line's end and opened again.
    expect(built.briefing.slides[1]!.bodyHtml).toContain('<span class="code-line"><span class="hljs-comment">/* spans</span></span>\n<span class="code-line hl-2"><span class="hljs-comment">   lines */</span></span>');
    expect(built.warnings).toEqual([]);
  });

  it("Slidev's {6,7|all|none|hide}{lines:true,startLine:5} counts from startLine; a hide step is named; {foo} is no highlight", async () => {
    const deck = ['---', 'transition: fade', '---', '', '# Code', '', '```ts {6,7|all|none|hide}{lines:true,startLine:5}', 'a', 'b', 'c', 'd', '```', '', '```ts {2}', 'a', 'b', '```', '', '```ts {foo}', 'a', '```', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'code-lines-slidev'), 'slides.md'));
    const [stepped, single, notSpec] = blocksOf(built);
    expect(stepped).toMatchObject({ classes: 'hljs language-ts has-highlights line-numbers line-start-5 code-steps hl-on-1 hl-on-3 hl-on-4', lines: ['', 'highlight-line hl-1', 'highlight-line hl-1', ''], steps: 3 });
    expect(single).toMatchObject({ classes: 'hljs language-ts has-highlights', lines: ['', 'highlight-line'], steps: 0 });
    expect(notSpec).toMatchObject({ classes: 'hljs language-ts', lines: [] });
    expect(lineNotes(built)).toEqual([`7 W_PEER_SYNTAX: Slidev's hide step shows the code block with no line highlighted (see "Coming from another tool" in the README for what briefdeck reads)`]);
  });

  it("Pandoc's .numberLines with startFrom numbers the lines; a highlight past the block's end is named with the lines it has", async () => {
    const deck = ['---', 'title: P', 'format: revealjs', '---', '', '## Code', '', '```{.haskell .numberLines startFrom="100"}', 'main = pure ()', '```', '', '```python {2,9}', 'x = 1', 'y = 2', '```', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck }, 'code-lines-pandoc'), 'deck.qmd'));
    const [numbered, past] = blocksOf(built);
    expect(numbered).toMatchObject({ classes: 'hljs language-haskell line-numbers line-start-100', lines: [''] });
    expect(past).toMatchObject({ classes: 'hljs language-python has-highlights', lines: ['', 'highlight-line'] });
    expect(lineNotes(built)).toEqual(["12 W_DIRECTIVE: the code block highlights line 9, but its lines are 1 to 2 (highlight lines 1 to 2, counted from the block's first line)"]);
  });

  it("Deckset's [.code-highlight: …] lines are the next block's steps, never shown", async () => {
    const deck = ['slidenumbers: true', '', '# Code', '', '[.code-highlight: none]', '[.code-highlight: 1-2, 4]', '[.code-highlight: all]', '```swift', 'let a = 1', 'let b = 2', 'let c = 3', 'let d = 4', '```', '', '---', '', '# After', '', '```swift', 'let e = 5', '```', '', '---', '', '# No code', '', '[.code-highlight: 2]', '', 'Text.', '', '---', '', '# End', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'code-lines-deckset'), 'deck.md'));
    const [stepped, after] = blocksOf(built);
    expect(stepped).toMatchObject({ classes: 'hljs language-swift has-highlights code-steps hl-on-1 hl-on-2', lines: ['hl-2', 'hl-2', '', 'hl-2'], steps: 2 });
    expect(after).toMatchObject({ classes: 'hljs language-swift', lines: [] });
    for (const slide of built.briefing.slides) expect(slide.bodyHtml).not.toContain('code-highlight');
    // Lines before no code block on their slide are named where the slide ends.
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(["31: Deckset's [.code-highlight] lines before no code block on their slide were left out"]);
  });

  it("numbers a Quarto deck's code in a language as Quarto does, unless code-line-numbers: false; Slidev's lineNumbers: true numbers every block", async () => {
    const body = ['## Code', '', '```python', 'x = 1', '```', '', '```', 'plain text', '```', ''];
    const quarto = await buildDeck(path.join(writeBriefing({ 'deck.qmd': ['---', 'title: Q', '---', '', ...body].join('\n') }, 'code-lines-quarto-default'), 'deck.qmd'));
    expect(blocksOf(quarto).map((b) => b.classes)).toEqual(['hljs language-python line-numbers', 'hljs']);
    const off = await buildDeck(path.join(writeBriefing({ 'deck.qmd': ['---', 'title: Q', 'format:', '  revealjs:', '    code-line-numbers: false', '---', '', ...body].join('\n') }, 'code-lines-quarto-off'), 'deck.qmd'));
    expect(blocksOf(off).map((b) => b.classes)).toEqual(['hljs language-python', 'hljs']);
    expect(off.warnings).toEqual([]);
    const slidev = await buildDeck(path.join(writeBriefing({ 'slides.md': ['---', 'lineNumbers: true', 'transition: fade', '---', '', '# Code', '', '```ts {2}', 'a', 'b', '```', '', '```', 'plain', '```', ''].join('\n') }, 'code-lines-slidev-numbers'), 'slides.md'));
    expect(blocksOf(slidev).map((b) => b.classes)).toEqual(['hljs language-ts has-highlights line-numbers', 'hljs line-numbers']);
    expect(slidev.warnings).toEqual([]);
  });

  it('cuts a highlight of more steps than any talk clicks through, with a warning', async () => {
    const deck = ['---', 'title: S', '---', '', '## Code', '', `\`\`\`js {${Array.from({ length: 80 }, () => '1').join('|')}}`, 'x', '```', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'code-lines-many-steps'), 'deck.md'));
    expect(blocksOf(built)[0]!.steps).toBe(49);
    expect(lineNotes(built)).toEqual(["7 W_DIRECTIVE: the code block's highlight has more than 50 steps; those after the 50th were left out (split the code over more slides)"]);
  });
});

describe("Quarto's auto-stretch and reveal's r-stretch", () => {
  const picture = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"/>';
  /** Each slide's pictures, as their class attributes (or "-" for none). */
  const pictureClasses = (built: Awaited<ReturnType<typeof buildDeck>>) =>
    Object.fromEntries(built.briefing.slides.filter((s) => s.kind === 'content').map((s) => [s.title, [...s.bodyHtml.matchAll(/<img [^>]*?(?:class="([^"]*)")?>/g)].map((m) => m[1] ?? '-').join(' ')]));

  it("stretches a slide's one picture where Quarto does, alone or captioned, under text too; never two, a sized one, a step, in a column, beside an aside or under .nostretch", async () => {
    const deck = [
      '---', 'title: S', 'format: revealjs', '---', '',
      '## Alone', '', '![](p.svg)', '', '## Captioned', '', '![A caption](p.svg)', '', '## Under text', '', 'Text first.', '', '![](p.svg)', '',
      '## Two', '', '![](p.svg)', '', '![](p.svg)', '', '## In text', '', 'A picture ![](p.svg) in a line.', '', '## Sized', '', '![](p.svg){height=100}', '',
      '## Step', '', '![](p.svg){.fragment}', '', '## Columns', '', ':::: {.columns}', '::: {.column width="50%"}', '![](p.svg)', ':::', '::: {.column width="50%"}', 'Text.', ':::', '::::', '',
      '## Aside', '', '![](p.svg)', '', '::: aside', 'A side note.', ':::', '', '## Slide opts out {.nostretch}', '', '![](p.svg)', '', '## Picture opts out', '', '![](p.svg){.nostretch}', '',
      '## Scrolls {.scrollable}', '', 'Text.', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck, 'p.svg': picture }, 'auto-stretch'), 'deck.qmd'));
    expect(pictureClasses(built)).toEqual({
      Alone: 'r-stretch', Captioned: 'r-stretch', 'Under text': 'r-stretch', Two: '- -', 'In text': '-', Sized: '-', Step: 'fragment', Columns: '-', Aside: '-', 'Slide opts out': '-', 'Picture opts out': 'nostretch', Scrolls: '',
    });
    expect(built.briefing.slides.find((s) => s.title === 'Scrolls')!.look?.className).toBe('scrollable');
    expect(built.warnings).toEqual([]);
  });

  it('stretches nothing with auto-stretch: false, nor in a deck of another tool; an explicit {.r-stretch} stretches in any deck', async () => {
    const body = ['## Alone', '', '![](p.svg)', '', '## Asked', '', '![](p.svg){.r-stretch}', ''];
    const off = await buildDeck(path.join(writeBriefing({ 'deck.qmd': ['---', 'title: S', 'format:', '  revealjs:', '    auto-stretch: false', '---', '', ...body].join('\n'), 'p.svg': picture }, 'auto-stretch-off'), 'deck.qmd'));
    expect(pictureClasses(off)).toEqual({ Alone: '-', Asked: 'r-stretch' });
    expect(off.warnings).toEqual([]);
    const own = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'title: S', '---', '', ...body].join('\n'), 'p.svg': picture }, 'auto-stretch-own'), 'deck.md'));
    expect(pictureClasses(own)).toEqual({ Alone: '-', Asked: 'r-stretch' });
  });
});

describe('Mermaid blocks, read', () => {
  it("read Quarto's %%| options, Mermaid's accTitle and accDescr, and name the kind of diagram when nothing describes it", async () => {
    const { readDiagramBlock } = await import('../src/parse/read-diagram.js');
    expect(readDiagramBlock('%%| fig-cap: "The talks"\n%%| fig-alt: Two summits, then a pause\nflowchart LR\n  A --> B')).toEqual({ source: 'flowchart LR\n  A --> B', alt: 'Two summits, then a pause', caption: 'The talks', linesBefore: 2 });
    expect(readDiagramBlock('sequenceDiagram\n  accTitle: Talks\n  accDescr: Who spoke to whom\n  A->>B: hello').alt).toBe('Talks: Who spoke to whom');
    expect(readDiagramBlock('%% a comment\nsequenceDiagram\n  A->>B: hello').alt).toBe('Sequence diagram');
    expect(readDiagramBlock('---\ntitle: T\n---\nflowchart TD\n  A-->B').alt).toBe('Flowchart');
    expect(readDiagramBlock('nonsense').alt).toBe('Diagram');
  });

  it("puts Mermaid's parse errors at the file's line, naming what it did not expect, and offers a did-you-mean for a kind it does not know", async () => {
    const { describeMermaidError } = await import('../src/draw-diagrams.js');
    const parse = "Parse error on line 3:\n...A -->   B -->> C\n-------------------^\nExpecting 'AMP', 'COLON', 'PIPE', 'TESTSTR', 'DOWN', 'DEFAULT', 'NUM', got 'TAGEND'";
    expect(describeMermaidError(parse, 17)).toEqual({ message: 'unexpected tagend at line 19', line: 19, hint: 'Mermaid expected amp, colon, pipe, teststr, down, … there' });
    expect(describeMermaidError('No diagram type detected matching given configuration for text: flowchar LR\n  A --> B', 8)).toEqual({ message: 'no diagram kind is named "flowchar"', line: 8, hint: 'did you mean flowchart?' });
  });

  it("draw a Gantt chart without Mermaid's line for today (a date the author never wrote, which changed the picture from day to day), unless its source asks for one; other diagrams as written", async () => {
    const { withoutTodayMarker } = await import('../src/draw-diagrams.js');
    expect(withoutTodayMarker('gantt\n  dateFormat YYYY-MM-DD\n  Talks :2024-01-01, 30d\n')).toBe('gantt\n  dateFormat YYYY-MM-DD\n  Talks :2024-01-01, 30d\n  todayMarker off');
    expect(withoutTodayMarker('%% plan\n---\ntitle: Plan\n---\ngantt\n  Talks :2024-01-01, 30d')).toBe('%% plan\n---\ntitle: Plan\n---\ngantt\n  Talks :2024-01-01, 30d\n  todayMarker off');
    for (const kept of ['gantt\n  todayMarker stroke-width:5px\n  Talks :2024-01-01, 30d', 'flowchart LR\n  gantt --> B', 'flowchart LR\ngantt\n']) expect(withoutTodayMarker(kept)).toBe(kept);
  });

  it("serve the drawing page Mermaid's own modules from its dist folder, and nothing else: no other origin, no path out of the folder, no file that is not a module", async () => {
    const { serveMermaidModule } = await import('../src/draw-diagrams.js');
    const dist = path.join(tempDir(), 'mermaid', 'dist');
    mkdirSync(path.join(dist, 'chunks', 'mermaid.esm.min'), { recursive: true });
    writeFileSync(path.join(dist, 'mermaid.esm.min.mjs'), 'export default 1;');
    writeFileSync(path.join(dist, 'chunks', 'mermaid.esm.min', 'flowDiagram-X.mjs'), 'export const flow = 1;');
    writeFileSync(path.join(dist, 'mermaid.esm.min.mjs.map'), '{}');
    writeFileSync(path.join(dist, '..', 'secret.mjs'), 'export const secret = 1;');
    const served = (url: string) => serveMermaidModule(url, dist)?.toString();
    expect(served('https://mermaid.briefdeck.invalid/mermaid.esm.min.mjs')).toBe('export default 1;');
    expect(served('https://mermaid.briefdeck.invalid/chunks/mermaid.esm.min/flowDiagram-X.mjs')).toBe('export const flow = 1;');
    // What the page asks for past these is refused (the route aborts it): the folder's other files, a module beside it, one that is not there.
    for (const url of [
      'https://mermaid.briefdeck.invalid/mermaid.esm.min.mjs.map',
      'https://mermaid.briefdeck.invalid/../secret.mjs',
      'https://mermaid.briefdeck.invalid/%2e%2e/secret.mjs',
      'https://mermaid.briefdeck.invalid/chunks/%2e%2e%2f%2e%2e%2f..%2fsecret.mjs',
      'https://mermaid.briefdeck.invalid/missing.mjs',
      'https://mermaid.briefdeck.invalid/%E0%A4%A.mjs',
      'https://example.com/mermaid.esm.min.mjs',
      `file://${dist}/mermaid.esm.min.mjs`,
    ]) expect(served(url), url).toBeUndefined();
  });

  it('leave no Mermaid block as code: each is a picture of the deck, its text alternative and caption kept; a PlantUML block is still left out with a warning', async () => {
    const deck = ['---', 'title: D', 'format: revealjs', '---', '', '## Diagram', '', '```{mermaid}', '%%| fig-cap: The talks', 'flowchart LR', '  A --> B', '```', '', '```plantuml', 'A -> B', '```', ''].join('\n');
    const { parseBriefing } = await import('../src/parse/parse-briefing.js');
    const { DiagnosticBag } = await import('../src/errors.js');
    const bag = new DiagnosticBag();
    const briefing = parseBriefing({ root: '/virtual', name: 'd', singleFile: true, metaFile: null, markdownFiles: [{ path: 'd/deck.qmd', relPath: 'deck.qmd', text: deck }] } as never, bag);
    const slide = briefing.slides.find((s) => s.title === 'Diagram')!;
    expect(slide.bodyHtml).toBe('<p><img src="briefdeck-asset:0" alt="Flowchart" class="diagram"><span class="figure-caption">The talks</span></p>\n');
    expect(briefing.images).toEqual([{ src: 'mermaid', relPath: '#diagram-0', alt: 'Flowchart', source: { file: 'd/deck.qmd', line: 10 }, diagram: 'flowchart LR\n  A --> B' }]);
    expect(bag.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['14: plantuml diagrams are not drawn yet; the block was left out']);
  });
});

describe("Slidev's utility classes", () => {
  it("keep the type, colour, spacing, opacity and flex classes a Slidev deck writes, each a rule of the deck written for the classes used (colours UnoCSS's own); the rest go", async () => {
    const deck = ['---', 'colorSchema: light', '---', '', '# One', '', '<div class="text-center text-xl opacity-75 mx-auto w-1/2 text-red-500 bg-blue-100/50 border-nocolour-500 p-auto">', '', 'Centred', '', '</div>', '', '<p class="flex gap-4 font-bold abs-br text-white bg-black">Corner</p>', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'slidev-utilities'), 'slides.md'));
    const body = built.briefing.slides[0]!.bodyHtml;
    expect(body).toContain('<div class="text-center text-xl opacity-75 mx-auto w-1/2 text-red-500 bg-blue-100/50">');
    expect(body).toContain('<p class="flex gap-4 font-bold abs-br text-white bg-black">Corner</p>');
    expect(built.briefing.authorCss!.trim().split('\n')).toEqual([
      '.reveal .slides .slide-body .abs-br{position:absolute;bottom:0;right:0}',
      '.reveal .slides .slide-body .bg-black{background-color:#000}',
      '.reveal .slides .slide-body .bg-blue-100\\/50{background-color:color-mix(in srgb, #dbeafe 50%, transparent)}',
      '.reveal .slides .slide-body .flex{display:flex}',
      '.reveal .slides .slide-body .font-bold{font-weight:700}',
      '.reveal .slides .slide-body .gap-4{gap:20.898px}',
      '.reveal .slides .slide-body .mx-auto{margin-left:auto;margin-right:auto}',
      '.reveal .slides .slide-body .opacity-75{opacity:0.75}',
      '.reveal .slides .slide-body .text-center{text-align:center}',
      '.reveal .slides .slide-body .text-red-500{color:#ef4444}',
      '.reveal .slides .slide-body .text-white{color:#fff}',
      '.reveal .slides .slide-body .text-xl{font-size:1.25em}',
      '.reveal .slides .slide-body .w-1\\/2{width:50%}',
    ]);
    // UnoCSS's shorthands, as antfu's decks write them: opacity as `op50`, spacing without its dash, `ma`.
    const short = await buildDeck(path.join(writeBriefing({ 'slides.md': '---\ncolorSchema: light\n---\n\n# One\n\n<div class="op50 mb2 px-3 ma">Short</div>\n' }, 'slidev-uno-shorthands'), 'slides.md'));
    expect(short.briefing.slides[0]!.bodyHtml).toContain('<div class="op50 mb2 px-3 ma">Short</div>');
    expect(short.briefing.authorCss!.trim().split('\n')).toEqual([
      '.reveal .slides .slide-body .ma{margin:auto}',
      '.reveal .slides .slide-body .mb2{margin-bottom:10.449px}',
      '.reveal .slides .slide-body .op50{opacity:0.5}',
      '.reveal .slides .slide-body .px-3{padding-left:15.674px;padding-right:15.674px}',
    ]);
    // UnoCSS's attributify mode, on in Slidev: a bare attribute named as a utility is that class, never named as removed.
    const bare = await buildDeck(path.join(writeBriefing({ 'slides.md': '---\ncolorSchema: light\n---\n\n# One\n\n<div my-10 items-center text-xl nonsense>Bare</div>\n\n<p class="op50" mb2>Both</p>\n' }, 'slidev-attributify'), 'slides.md'));
    expect(bare.briefing.slides[0]!.bodyHtml).toContain('<div class="my-10 items-center text-xl">Bare</div>');
    expect(bare.briefing.slides[0]!.bodyHtml).toContain('<p class="op50 mb2">Both</p>');
    expect(bare.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['7: raw HTML was neutralised: removed nonsense on <div>']);
    // And a prefix whose value holds the rest of its utilities: `m="t-2"` is mt-2, `border="~ b-2"` border and border-b-2; a value that makes none is named.
    const valued = await buildDeck(path.join(writeBriefing({ 'slides.md': '---\ncolorSchema: light\n---\n\n# One\n\n<div m="t-2" bg="red" border="~ b-2" text="A prop">Valued</div>\n' }, 'slidev-attributify-values'), 'slides.md'));
    expect(valued.briefing.slides[0]!.bodyHtml).toContain('<div class="mt-2 bg-red border border-b-2">Valued</div>');
    expect(valued.briefing.authorCss).toContain('.reveal .slides .slide-body .mt-2{margin-top:10.449px}');
    expect(valued.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['7: raw HTML was neutralised: removed text on <div>']);
    // In a deck of another tool the names are kept but draw nothing: no rule is written for them.
    const own = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: T\n---\n\n## One\n\n<div class="text-xl">Text</div>\n' }, 'own-utilities'), 'deck.md'));
    expect(own.briefing.authorCss).toBeUndefined();
  });

  it('keep the borders, arbitrary colours, spacing between children, widths, type and shadows Slidev decks write (border-l-4 border-[#e63946], space-y-2, max-w-3xl, text-3.8, tracking-widest, text-shadow-lg), each escaped as a selector; a colour that is no hex goes', async () => {
    const classes = 'border-l-4 border-[#e63946] text-[#457b9d] bg-[#1d3557]/20 space-y-2 max-w-3xl text-3.8 h-48 list-none font-mono tracking-widest text-shadow-lg text-[red] bg-[url(x)]';
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': ['---', 'colorSchema: light', '---', '', '# One', '', `<div class="${classes}">`, '', '- a', '- b', '', '</div>', ''].join('\n') }, 'slidev-utilities-more'), 'slides.md'));
    expect(built.briefing.slides[0]!.bodyHtml).toContain(`<div class="${classes.replace(' text-[red] bg-[url(x)]', '')}">`);
    expect(built.briefing.authorCss!.trim().split('\n')).toEqual([
      '.reveal .slides .slide-body .bg-\\[\\#1d3557\\]\\/20{background-color:color-mix(in srgb, #1d3557 20%, transparent)}',
      '.reveal .slides .slide-body .border-\\[\\#e63946\\]{border-color:#e63946}',
      '.reveal .slides .slide-body .border-l-4{border-left-width:4px;border-left-style:solid}',
      '.reveal .slides .slide-body .font-mono{font-family:var(--r-code-font, monospace)}',
      '.reveal .slides .slide-body .h-48{height:250.776px}',
      '.reveal .slides .slide-body .list-none{list-style-type:none}',
      '.reveal .slides .slide-body .max-w-3xl{max-width:1003.104px}',
      '.reveal .slides .slide-body .space-y-2 > * + *{margin-top:10.449px}',
      '.reveal .slides .slide-body .text-3\\.8{font-size:0.95em}',
      '.reveal .slides .slide-body .text-\\[\\#457b9d\\]{color:#457b9d}',
      '.reveal .slides .slide-body .text-shadow-lg{text-shadow:3px 3px 6px rgb(0 0 0 / 0.26), 0 0 5px rgb(15 3 86 / 0.22)}',
      '.reveal .slides .slide-body .tracking-widest{letter-spacing:0.1em}',
    ]);
  });

  it("lay out the starter deck's boxes as it does: `grid` is display: grid, and its columns' style of repeats and fractions is kept", async () => {
    const deck = ['---', 'colorSchema: light', '---', '', '# Boxes', '', '<div class="grid gap-3 text-sm" style="grid-template-columns: repeat(3, 1fr) 1.5fr 1fr">', '  <div>A</div><div>B</div><div>C</div><div>D</div><div>E</div>', '</div>', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'slidev-grid-boxes'), 'slides.md'));
    expect(built.briefing.slides[0]!.bodyHtml).toContain('<div class="grid gap-3 text-sm" style="grid-template-columns:repeat(3, 1fr) 1.5fr 1fr">');
    expect(built.briefing.authorCss).toContain('.reveal .slides .slide-body .grid{display:grid}');
    expect(built.warnings).toEqual([]);
  });

  it('write a whole rule for every name the utilities admit, never failing on one (generated from the pattern itself: py1.5, fw-600, text-[#abc]/50, …)', async () => {
    const fc = (await import('fast-check')).default;
    const { isLinkUtility, utilityClassPattern, writeUtilityCss } = await import('../src/parse/dialects/uno-utilities.js');
    fc.assert(
      fc.property(fc.stringMatching(utilityClassPattern()), (cls) => {
        const css = writeUtilityCss([{ bodyHtml: `<div class="${cls}">x</div>` } as never]);
        expect(css).toMatch(/^\.reveal \.slides \.slide-body \S+(?: > \* \+ \*)?\{[a-z-]+:[^;{}]+(?:;[a-z-]+:[^;{}]+)*\}\n$/);
        expect(css).not.toMatch(/undefined|NaN/);
        expect(typeof isLinkUtility(cls)).toBe('boolean');
      }),
      { numRuns: 3000 },
    );
    for (const cls of ['py1.5', 'gap0.5', 'mb-0.5', 'font-size-2.5', 'fw-bold', 'op5']) expect(writeUtilityCss([{ bodyHtml: `<p class="${cls}">x</p>` } as never])).not.toBe('');
    // Lengths are Slidev's rem, 16px of its 980px-wide canvas, at the deck's width: a margin takes the same share of the slide; type sizes stay relative.
    expect(writeUtilityCss([{ bodyHtml: '<p class="mt-4 text-xl">x</p>' } as never])).toBe('.reveal .slides .slide-body .mt-4{margin-top:20.898px}\n.reveal .slides .slide-body .text-xl{font-size:1.25em}\n');
    expect(writeUtilityCss([{ bodyHtml: '<p class="mt-4">x</p>' } as never], '4:3')).toBe('.reveal .slides .slide-body .mt-4{margin-top:15.673px}\n');
  });

  it('style headings, lists, tables and links as well as blocks, and read UnoCSS\'s other names (font-size-3, fw-600, mb-0.5) and its important marks (!text-xl, mt-1!); a link takes only those that set its type and colours', async () => {
    const deck = [
      '---', 'colorSchema: light', '---', '', '# One', '',
      '<h1 mt-20>Heading</h1>', '',
      '<ul class="text-sm !text-blue-500"><li>Item</li></ul>', '',
      '<div class="font-size-3 fw-600 mb-0.5 mt-1!">Block</div>', '',
      '<a class="opacity-50 text-lg absolute w-full h-full !border-none" href="https://example.com">Link</a>', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': deck }, 'slidev-utilities-elements'), 'slides.md'));
    const body = built.briefing.slides[0]!.bodyHtml;
    expect(body).toContain('<h1 class="mt-20">Heading</h1>');
    expect(body).toContain('<ul class="text-sm text-blue-500"><li>Item</li></ul>');
    expect(body).toContain('<div class="font-size-3 fw-600 mb-0.5 mt-1">Block</div>');
    // absolute, w-full and h-full would lay the link over the whole slide; border-none is no utility briefdeck has.
    expect(body).toContain('<a class="opacity-50 text-lg" href="https://example.com" target="_blank" rel="noopener noreferrer">Link</a>');
    expect(built.briefing.authorCss!.trim().split('\n')).toEqual([
      '.reveal .slides .slide-body .font-size-3{font-size:0.75em}',
      '.reveal .slides .slide-body .fw-600{font-weight:600}',
      '.reveal .slides .slide-body .mb-0\\.5{margin-bottom:2.612px}',
      '.reveal .slides .slide-body .mt-1{margin-top:5.225px}',
      '.reveal .slides .slide-body .mt-20{margin-top:104.49px}',
      '.reveal .slides .slide-body .opacity-50{opacity:0.5}',
      '.reveal .slides .slide-body .text-blue-500{color:#3b82f6}',
      '.reveal .slides .slide-body .text-lg{font-size:1.125em}',
      '.reveal .slides .slide-body .text-sm{font-size:0.875em}',
    ]);
  });
});

describe('fitted titles', () => {
  it("Marp's `# <!--fit--> Title` and Deckset's `# [fit] Title` are titles in reveal's r-fit-text, the comment and the word never text", async () => {
    const marp = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\nmarp: true\n---\n\n# <!-- fit --> Big **idea**\n\nText.\n' }, 'fit-marp'), 'deck.md'));
    const deckset = await buildDeck(path.join(writeBriefing({ 'deck.md': 'slidenumbers: true\n\n# [fit] Big **idea**\n\nText.\n' }, 'fit-deckset'), 'deck.md'));
    for (const built of [marp, deckset]) {
      const slide = built.briefing.slides[0]!;
      expect([slide.title, slide.titleHtml]).toEqual(['Big idea', '<span class="r-fit-text">Big <strong>idea</strong></span>']);
    }
  });
});

describe("Quarto's .absolute pictures", () => {
  it('are placed on the slide from top, left, right and bottom read as lengths only, and so is an absolute div; anything else is named, and a raw style keeps only a place and its own look', async () => {
    const deck = [
      '---', 'title: A', 'format: revealjs', '---', '',
      '## Placed', '', '![](p.svg){.absolute top=0 left=0 width="300"}', '', '![](p.svg){.absolute bottom="10%" right=50}', '',
      '## Not a length', '', '![](p.svg){.absolute top="1px;background:red" left=calc(1px)}', '',
      '## Raw', '', '<img src="p.svg" alt="raw" style="position:absolute;top:-2em;background:url(https://example.org/x.png);z-index:99"> <b style="color:red">bold</b>', '',
      '## Divs', '', '::: {.absolute top="10%" left=0 width="300"}', '**Placed** text.', ':::', '', '::: {.absolute bottom=20 right=40 .fragment style="color:red"}', 'Corner.', ':::', '',
      '## Class later', '', ':::{style="text-align: center;" .absolute top="27%" left="6.5%"}', 'Python', ':::', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.qmd': deck, 'p.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"/>' }, 'quarto-absolute'), 'deck.qmd'));
    const body = (title: string) => built.briefing.slides.find((s) => s.title === title)!.bodyHtml;
    expect(body('Placed')).toBe('<p><img src="briefdeck-asset:0" alt="" width="300" style="position:absolute;top:0px;left:0px"></p>\n<p><img src="briefdeck-asset:1" alt="" style="position:absolute;bottom:10%;right:50px"></p>\n');
    expect(body('Not a length')).toBe('<p><img src="briefdeck-asset:2" alt="" class="nostretch"></p>\n');
    expect(body('Raw')).toMatch(/^<p><img src="briefdeck-asset:3" alt="raw" style="position:absolute;top:-2em" \/> <b style="color:red">bold<\/b><\/p>/);
    // A div placed the same way, its Markdown read; what else its fence says is named.
    expect(body('Divs')).toBe('<div class="absolute" style="position:absolute;top:10%;left:0px;width:300px"><p><strong>Placed</strong> text.</p>\n</div>\n<div class="absolute" style="position:absolute;bottom:20px;right:40px"><p>Corner.</p>\n</div>\n');
    expect(built.warnings.map((w) => `${w.line} ${w.code}: ${w.message}`)).toEqual([
      '14 W_PEER_SYNTAX: Pandoc attributes .absolute top=1px;background:red left=calc(1px) are not supported and were left out',
      '26 W_PEER_SYNTAX: Quarto\'s absolute div attributes .fragment style=color:red are not read; the div is placed without them',
      '32 W_PEER_SYNTAX: Quarto\'s absolute div attributes style=text-align: center; are not read; the div is placed without them',
    ]);
    // `.absolute` after other attributes, and no space after the colons, as Pandoc reads the fence: placed, never its fence as text.
    expect(body('Class later')).toBe('<div class="absolute" style="position:absolute;top:27%;left:6.5%"><p>Python</p>\n</div>\n');
  });
});

describe("a deck's logo", () => {
  const png = readFileSync(path.join(FIXTURES, 'layouts', 'square.png'));
  it("shows the picture `logo:` names on every slide, at the footer's right before the number, in a deck of briefdeck's own and where Quarto reads it", async () => {
    for (const [name, file, head] of [['logo-own', 'deck.md', ['title: L', 'logo: logo.png']], ['logo-quarto', 'deck.qmd', ['title: L', 'format:', '  revealjs:', '    logo: logo.png', '    slide-number: true']]] as const) {
      const built = await buildDeck(path.join(writeBriefing({ [file]: ['---', ...head, '---', '', '## One', '', 'Text.', '', '## Two', '', 'More.', ''].join('\n'), 'logo.png': png }, name), file));
      expect(built.briefing.images[built.briefing.logo!]).toMatchObject({ relPath: 'logo.png', alt: '', decorative: true });
      const footers = [...built.deck.html.matchAll(/<footer class="deck-footer">.*?<\/footer>/g)].map((m) => m[0]);
      expect(footers).toHaveLength(built.briefing.slides.length);
      for (const footer of footers) expect(footer).toMatch(/<img class="deck-logo" src="data:image\/png;base64,[^"]+" alt=""><span class="footer-number">/);
      expect(built.warnings).toEqual([]);
    }
  });

  it('refuses a logo that is not in the folder, with a did-you-mean, and one from the web, as any picture', async () => {
    const missing = (await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: L\nlogo: Logo.png\n---\n\n## One\n', 'logo.png': png }, 'logo-missing'), 'deck.md')).catch((e: unknown) => e)) as { code: string; diagnostics: { line: number; hint: string }[] };
    expect(missing.code).toBe('E_IMAGE_MISSING');
    expect(missing.diagnostics[0]).toMatchObject({ line: 3, hint: expect.stringContaining('logo.png') });
    const remote = (await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: L\nlogo: https://example.org/logo.png\n---\n\n## One\n' }, 'logo-remote'), 'deck.md')).catch((e: unknown) => e)) as { code: string; line: number; message: string };
    expect(remote).toMatchObject({ code: 'E_REMOTE_URL', line: 3, message: 'remote logo "https://example.org/logo.png" cannot be inlined' });
  });
});

describe('syntax shown in a code block is code', () => {
  /** The text of every code block of a slide, its lines joined by spaces (as plain text reads them). */
  const codeOf = (html: string) => [...html.matchAll(/<pre><code[^>]*>([\s\S]*?)<\/code><\/pre>/g)].map((m) => toPlainText(m[1]!));

  it("briefdeck's own directives and notes in a fence show as written, and do nothing", async () => {
    const code = ['<!-- layout: quote -->', '<!-- column -->', '<!-- pause -->', '<!-- incremental -->', '<!-- footer -->', '<!-- .slide: data-background-color="#123456" -->', 'Note: not a note', '---', '::: notes', 'not notes', ':::'];
    const dir = writeBriefing({ 'briefing.yml': 'title: Fences\n', 'a.md': ['## Syntax', '', '```markdown', ...code, '```', '', 'After the code.', ''].join('\n') }, 'own-syntax-in-code');
    const built = await buildDeck(dir);
    const slide = built.briefing.slides.find((s) => s.title === 'Syntax')!;
    expect(codeOf(slide.bodyHtml)).toEqual([code.join(' ')]);
    expect({ layout: slide.layout, columns: slide.columns, notes: slide.notes, look: slide.look, fragments: slide.bodyHtml.includes('fragment'), footer: slide.footerText }).toEqual({ layout: 'content', columns: null, notes: null, look: undefined, fragments: false, footer: undefined });
    expect(toPlainText(slide.bodyHtml)).toContain('After the code.');
    expect(built.warnings).toEqual([]);
  });

  it('a fence inside a list item, indented to the item content, is code too', async () => {
    const slide = ['## Steps', '', '1. Write the front matter:', '', '    ```yaml', '    ---', '    title: x', '    ---', '    ```', '', '2. Add a pause:', '', '    ```markdown', '    <!-- pause -->', '    <!-- column -->', '    ```', '', '3. Done', ''].join('\n');
    const built = await buildDeck(writeBriefing({ 'briefing.yml': 'title: Lists\n', 'a.md': slide }, 'fence-in-list-item'));
    const steps = built.briefing.slides.find((s) => s.title === 'Steps')!;
    expect(codeOf(steps.bodyHtml)).toEqual(['--- title: x ---', '<!-- pause --> <!-- column -->']);
    expect({ columns: steps.columns, fragments: steps.bodyHtml.includes('fragment'), warnings: built.warnings }).toEqual({ columns: null, fragments: false, warnings: [] });
    // In a Marp deck, a comment in such a block is code too: no note, no directive.
    const marp = ['---', 'marp: true', '---', '', '# One', '', '1. Write a note:', '', '    ```html', '    <!-- this is a note -->', '    <!-- _class: lead -->', '    ```', '', '2. Done', '', '<!-- real note -->', ''].join('\n');
    const marpSlide = (await buildDeck(path.join(writeBriefing({ 'deck.md': marp }, 'marp-fence-in-list'), 'deck.md'))).briefing.slides[0]!;
    expect([codeOf(marpSlide.bodyHtml), marpSlide.look, marpSlide.notes?.markdown]).toEqual([['<!-- this is a note --> <!-- _class: lead -->'], undefined, 'real note']);
  });

  it("a deck of briefdeck's own that shows Marp's, Slidev's and Pandoc's lines in code blocks is still cut at its headings", async () => {
    const deck = ['---', 'title: Own deck', '---', '', '## Marp', '', '```markdown', '<!-- _class: lead -->', '![bg](a.png)', '```', '', '## Slidev', '', '```markdown', '<v-click>x</v-click>', '::right::', '```', '', '## Pandoc', '', '```markdown', '. . .', '::: notes', 'n', ':::', '```', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'peer-lines-in-code'), 'deck.md'));
    expect(built.briefing.meta.peerTools).toEqual([]);
    expect(built.briefing.slides.map((s) => s.title)).toEqual(['Own deck', 'Marp', 'Slidev', 'Pandoc']);
    expect(codeOf(built.briefing.slides[1]!.bodyHtml)).toEqual(['<!-- _class: lead --> ![bg](a.png)']);
  });

  it("Marp's directives and note comments, and Slidev's last comment, in a code block are code, not looks or notes", async () => {
    const marp = ['---', 'marp: true', '---', '', '# Marp in code', '', '```markdown', '<!-- _class: lead -->', '<!-- _backgroundColor: red -->', '<!-- a note -->', '```', '', 'After.', '', '<!-- the real note -->', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': marp }, 'marp-in-code'), 'deck.md'));
    const slide = built.briefing.slides[0]!;
    expect(codeOf(slide.bodyHtml)).toEqual(['<!-- _class: lead --> <!-- _backgroundColor: red --> <!-- a note -->']);
    expect(slide.look).toBeUndefined();
    expect(slide.notes?.markdown).toBe('the real note');
    const slidev = ['---', 'theme: default', 'layout: cover', '---', '', '# Slidev in code', '', '```html', '<!-- not a note -->', '```', ''].join('\n');
    const last = (await buildDeck(path.join(writeBriefing({ 'deck.md': slidev }, 'slidev-in-code'), 'deck.md'))).briefing.slides[0]!;
    expect(codeOf(last.bodyHtml)).toEqual(['<!-- not a note -->']);
    expect(last.notes).toBeNull();
  });

  it("other tools' syntax in a code span inside a line (Slidev's tags and expressions, reveal-hugo's shortcodes, Advanced Slides' annotations, Deckset's pictures) is code, as written; outside it on the same line, and between escaped backticks, it still works", async () => {
    const spans = (html: string) => [...html.matchAll(/<code>([\s\S]*?)<\/code>/g)].map((m) => toPlainText(m[1]!));
    const slidev = ['---', 'theme: seriph', '---', '', '# Tags in code', '', '- Step with `<v-click>` or ``<v-after>``, and <v-click>this steps</v-click>', '- Page `{{ $slidev.nav.currentPage }}` of `<SlideCurrentNo />`', '- Link `<Link to="2">` and `<RenderWhen context="presenter">`', '- A run ``` ` ``` then `<v-click>`', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slides.md': slidev }, 'slidev-tags-in-code-spans'), 'slides.md'));
    const slide = built.briefing.slides.find((s) => s.title === 'Tags in code')!;
    expect(spans(slide.bodyHtml)).toEqual(['<v-click>', '<v-after>', '{{ $slidev.nav.currentPage }}', '<SlideCurrentNo />', '<Link to="2">', '<RenderWhen context="presenter">', '`', '<v-click>']);
    // The tag outside the code span is still a step; nothing became notes.
    expect(slide.bodyHtml).toMatch(/<span class="fragment"[^>]*>this steps<\/span>/);
    // Escaped backticks open no code span, so a tag between them is a step; a backslash inside a span is its text.
    const escapes = ['---', 'theme: seriph', '---', '', '# Escapes', '', '- Escaped \\`<v-click>tap</v-click>\\` steps', '- Span `a\\` then <v-after>b</v-after>', ''].join('\n');
    const escaped = (await buildDeck(path.join(writeBriefing({ 'slides.md': escapes }, 'slidev-escaped-backticks'), 'slides.md'))).briefing.slides.find((s) => s.title === 'Escapes')!;
    expect([spans(escaped.bodyHtml), [...escaped.bodyHtml.matchAll(/<span class="fragment"[^>]*>(\w+)<\/span>/g)].map((m) => m[1])]).toEqual([['a\\'], ['tap', 'b']]);
    expect([slide.notes, built.warnings.map((w) => w.message)]).toEqual([null, ['Slidev\'s theme "seriph" is not built in; using serif']]);
    const hugo = ['# Shortcodes in code', '', 'Write `{{% note %}}` and `{{% fragment %}}` for these.', '', '{{% note %}}Said.{{% /note %}}', ''].join('\n');
    const hugoSlide = (await buildDeck(path.join(writeBriefing({ 'deck.md': hugo }, 'hugo-shortcodes-in-code-spans'), 'deck.md'))).briefing.slides[0]!;
    expect([spans(hugoSlide.bodyHtml), hugoSlide.notes?.markdown, hugoSlide.bodyHtml.includes('class="fragment')]).toEqual([['{{% note %}}', '{{% fragment %}}'], 'Said.', false]);
    // Advanced Slides' annotations and Deckset's pictures, as written in code; outside it, an annotation still steps.
    const advanced = ['---', 'theme: consult', 'height: 540', '---', '', '## Annotations', '', 'Use `<!-- element class="fragment" -->` for <b>this</b> <!-- element class="fragment" -->', '', '<split even>', '', 'Left', '', 'Right', '', '</split>', ''].join('\n');
    const advancedSlide = (await buildDeck(path.join(writeBriefing({ 'deck.md': advanced }, 'advanced-annotations-in-code-spans'), 'deck.md'))).briefing.slides.find((s) => s.title === 'Annotations')!;
    expect([spans(advancedSlide.bodyHtml), /<b class="fragment"/.test(advancedSlide.bodyHtml)]).toEqual([['<!-- element class="fragment" -->'], true]);
    const deckset = ['slidenumbers: true', '', '# Pictures', '', 'Write `![inline](my picture.png)` for a picture in the text.', ''].join('\n');
    const decksetSlide = (await buildDeck(path.join(writeBriefing({ 'deck.md': deckset }, 'deckset-pictures-in-code-spans'), 'deck.md'))).briefing.slides.find((s) => s.title === 'Pictures')!;
    expect(spans(decksetSlide.bodyHtml)).toEqual(['![inline](my picture.png)']);
  });
});

describe("mdp's decks", () => {
  const deck = [
    '%title: Stops and rulers', '%author: An Analyst', '%date: 2026-12-02', '',
    '-> Opening <-', '=============', '', '-> A line centred in the terminal <-', '',
    '***', '',
    '-> ## Steps <-', '', 'Plan', '<br>', '* first', '<br>', '    * nested', '^', '* second', '  still second', '', '<br>', '', 'A paragraph after a stop.', '',
    '- - -', '',
    'Heading over dashes', '-------------------', '', '```', '^', '<br>', '-> not centred <-', '```', '', '    ^', '', '![Missing](missing.png)', '',
    '------------------------------------------------', '',
    '# Last', '',
  ].join('\n');

  it("reads the %title header as front matter, cuts at its rulers after a blank line (text over dashes is a heading), leaves the centring arrows out, and reads <br> and ^ as steps: list items step in as fragments, a block after a pause; code stays code, every line keeping its number", async () => {
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'mdp-deck'), 'deck.md'));
    const { meta, slides } = built.briefing;
    expect([meta.title, meta.author, meta.date, meta.peerTools]).toEqual(['Stops and rulers', 'An Analyst', '2026-12-02', ['mdp']]);
    // No title slide: mdp shows its title in a bar, and the deck opens with its own first slide.
    expect(slides.map((s) => [s.kind, s.title])).toEqual([['content', 'Opening'], ['content', 'Steps'], ['content', 'Heading over dashes'], ['content', 'Last']]);
    expect([0, 1, 3].map((i) => slides[i]!.bodyHtml).join('')).not.toMatch(/-&gt;|&lt;-|<br>|\^/);
    expect(slides[1]!.bodyHtml).toMatch(/<p>Plan<\/p>\s*<ul>\s*<li class="fragment" data-fragment-index="1">first\s*<ul>\s*<li class="fragment" data-fragment-index="2">nested\s*<\/li>\s*<\/ul>\s*<\/li>\s*<li class="fragment" data-fragment-index="3">second\s+still second<\/li>\s*<\/ul>\s*<div class="fragment"><p>A paragraph after a stop\.<\/p>/);
    // Inside code, mdp's lines are code.
    expect(slides[2]!.bodyHtml).toContain('<code class="hljs">^\n&lt;br&gt;\n-&gt; not centred &lt;-</code>');
    expect(slides[2]!.bodyHtml).toContain('<code class="hljs">^</code>');
    expect(built.warnings.map((w) => `${w.line}: ${w.code}`)).toEqual(['40: W_IMAGE_MISSING']);
  });

  it('is known without its header by two centred lines; one arrow line in a deck of briefdeck\'s own stays text, and the deck is cut at its headings', async () => {
    const headless = await buildDeck(path.join(writeBriefing({ 'deck.md': deck.split('\n').slice(4).join('\n') }, 'mdp-headless'), 'deck.md'));
    expect([headless.briefing.meta.peerTools, headless.briefing.slides.length]).toEqual([['mdp'], 4]);
    const own = await buildDeck(writeBriefing({ 'briefing.yml': 'title: Own\n', 'a.md': '## One\n\n-> arrow line <-\n\n## Two\n\nText.\n' }, 'mdp-not'));
    expect(own.briefing.meta.peerTools).toEqual([]);
    expect(own.briefing.slides.filter((s) => s.kind === 'content').map((s) => [s.title, toPlainText(s.bodyHtml).trim()])).toEqual([['One', '-> arrow line <-'], ['Two', 'Text.']]);
  });
});

describe("presenterm's decks", () => {
  it('place a column by its index, wherever it is written (column: 1 before column: 0, a column gone back to later), each line keeping its own line number', async () => {
    const deck = ['---', 'title: P', '---', '', 'Columns', '===', '', '<!-- column_layout: [2, 1] -->', '', '<!-- column: 1 -->', '', 'Right side', '', '![Gone](gone.png)', '', '<!-- column: 0 -->', '', 'Left side', '', '<!-- column: 1 -->', '', 'More right', '', '<!-- reset_layout -->', '', 'Below both', '', '<!-- end_slide -->', '', 'Next', '===', '', 'Text', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'presenterm-columns-order'), 'deck.md'));
    const slide = built.briefing.slides.find((s) => s.title === 'Columns')!;
    expect(slide.columns!.map((c) => toPlainText(c).replace(/\s+/g, ' ').trim())).toEqual(['Left side', 'Right side More right']);
    expect(slide.columns![1]).toContain('alt="Gone"');
    expect(slide.columnWidths).toEqual([67, 33]);
    expect(toPlainText(slide.columnsTail ?? '').trim()).toBe('Below both');
    expect(built.warnings.map((w) => `${w.line}: ${w.message.split(';')[0]}`)).toEqual(['14: image not found: gone.png']);
  });

  it('are known by a column layout alone (<!-- column_layout: [1, 1] -->, no end_slide, no front matter): its columns and pauses read, a picture outside the folder left out with a warning', async () => {
    const deck = ['# Columns and pauses', '', 'Intro text.', '', '<!-- pause -->', '', '<!-- column_layout: [1, 1] -->', '', '<!-- column: 0 -->', '', '![A dog](../pictures/dog.png)', '', 'Left text', '', '<!-- column: 1 -->', '', 'Right text', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': deck }, 'presenterm-columns-only'), 'deck.md'));
    expect(built.briefing.meta.peerTools).toEqual(['presenterm']);
    const slide = built.briefing.slides.at(-1)!;
    expect([slide.layout, slide.columns?.map((c) => toPlainText(c).replace(/\s+/g, ' ').trim())]).toEqual(['two-column', ['A dog Left text', 'Right text']]);
    expect(built.warnings.map((w) => `${w.line}: ${w.code}`)).toEqual(['11: W_IMAGE_MISSING']);
  });

  it('are cut at <!-- end_slide -->, titled by setext headings, with a title slide from the front matter; its comment commands step, note, lay out in columns, centre and skip; nothing of presenterm\'s shows', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'presenterm.md'));
    const { meta, slides } = built.briefing;
    expect(meta.peerTools).toEqual(['presenterm']);
    // Its title's Markdown is a look, not words; its theme the nearest built-in one.
    expect([meta.title, meta.subtitle, meta.author, meta.theme]).toEqual(['Summit diplomacy, reviewed', 'What worked and what did not', 'A reviewer, A colleague', 'night']);
    expect(slides.map((s) => [s.kind, s.title, s.notes?.markdown ?? null])).toEqual([
      ['title', 'Summit diplomacy, reviewed', null],
      ['content', 'Context', 'Set the scene briefly.'],
      ['content', 'What worked', null],
      ['content', 'A divider', null],
      ['content', 'Two columns', 'First line of a longer note.\nSecond line of it.'],
      ['content', 'Last', null],
    ]);
    const [, , worked, divider, columns, last] = slides;
    // The list steps in, item by item; the pause makes the closing line a step; a --- line is a rule on the slide.
    expect(worked!.bodyHtml).toMatch(/<li class="fragment">Direct talks<\/li>\s*<li class="fragment">A pause in tests<\/li>/);
    expect(worked!.bodyHtml).toMatch(/<div class="fragment"><p>A closing line after a pause\.<\/p>\s*<hr>\s*<p>A rule stands above/);
    expect(divider!.look?.className).toBe('lead');
    // Columns of 3 and 2 shares, what follows the reset below them; the code's flags number its lines and step its highlight.
    expect([columns!.layout, columns!.columnWidths, toPlainText(columns!.columnsTail ?? '').trim()]).toEqual(['two-column', [60, 40], 'Below both columns.']);
    expect(columns!.bodyHtml).toContain('language-python has-highlights line-numbers code-steps hl-on-1 hl-on-2');
    // A Mermaid block without +render is shown as its source, as presenterm shows it; a # heading inside a slide is its content.
    expect(last!.bodyHtml).toMatch(/<pre><code[^>]*>graph LR/);
    expect(last!.bodyHtml).toContain('<h1>A heading inside the slide</h1>');
    for (const slide of slides) expect(`${slide.title ?? ''} ${toPlainText(slide.bodyHtml)}`).not.toMatch(/end_slide|speaker_note|column_layout|reset_layout|jump_to_middle|skip_slide|Skipped|user comment|another one|\+exec|===|_diplomacy_|\*\*/);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['7: presenterm\'s theme "tokyonight-storm" is not built in; using night']);
    // check names presenterm's notes, and takes a divider of a heading alone for what it is.
    const hint = 'add <!-- speaker_note: … --> to the slide with what you will say';
    expect(checkBriefing(built.briefing).map((d) => `${d.line} ${d.code} ${d.hint}`)).toEqual([
      `21 W_NO_NOTES ${hint}`,
      '43 W_TITLE_ONLY leave it as a divider, or add what the audience should read under the heading',
      `43 W_NO_NOTES ${hint}`,
      `90 W_NO_NOTES ${hint}`,
    ]);
  });

  it("its options cut at --- and at each title; its includes are read, confined and named; a picture's width is its share of the slide; a theme of its own is a warning", async () => {
    const deck = ['---', 'title: Options', 'theme:', '  path: ./mine.yaml', 'options:', '  end_slide_shorthand: true', '  implicit_slide_ends: true', '  incremental_lists: true', '---', '', 'One', '===', '', '- a', '- b', '', 'Two', '===', '', 'Text.', '', '---', '', 'Untitled after a ---.', '', '<!-- include: three.md -->', '', '<!-- include: parts/gone.md -->', ''].join('\n');
    const dir = writeBriefing({ 'talk.md': deck }, 'presenterm-options');
    mkdirSync(path.join(dir, 'parts'));
    writeFileSync(path.join(dir, 'three.md'), 'Three\n===\n\n![image:width:50% A chart](a.png)\n');
    writeFileSync(path.join(dir, 'a.png'), TINY_PNG);
    const built = await buildDeck(path.join(dir, 'talk.md'));
    expect(built.briefing.meta.incremental).toBe(true);
    expect(built.briefing.slides.map((s) => [s.kind, s.title])).toEqual([['title', 'Options'], ['content', 'One'], ['content', 'Two'], ['content', null], ['content', 'Three']]);
    const three = built.briefing.slides.at(-1)!;
    expect(three.bodyHtml).toMatch(/<img src="[^"]+" alt="A chart" width="50%">/);
    expect(built.warnings.map((w) => `${w.line}: ${w.message.replace(/ \(file not found.*\)/, '')}`)).toEqual([
      "3: presenterm's own theme (path:, override:) is not read; the deck keeps briefdeck's theme",
      "28: the file parts/gone.md that presenterm's include names could not be read, so it was left out",
    ]);
  });

  it("is known by its end_slide comments only outside code: a deck of briefdeck's own that shows them in a code block stays briefdeck's", async () => {
    const own = await buildDeck(path.join(writeBriefing({ 'talk.md': ['## Syntax', '', '```markdown', 'Title', '===', '', '<!-- end_slide -->', '```', ''].join('\n') }, 'presenterm-in-code'), 'talk.md'));
    expect(own.briefing.meta.peerTools).toEqual([]);
    expect(toPlainText(own.briefing.slides.at(-1)!.bodyHtml)).toContain('<!-- end_slide -->');
    // A command mistyped is said, with the one meant; the author's own comments are not.
    const typos = await buildDeck(path.join(writeBriefing({ 'talk.md': 'A\n===\n\n<!-- pasue -->\n\nText\n\n<!-- end_slid -->\n\n<!-- todo: later -->\n\n<!-- end_slide -->\n\nB\n===\n' }, 'presenterm-typos'), 'talk.md'));
    expect(typos.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['4: presenterm has no comment command pasue; did you mean pause? The comment was left out', '8: presenterm has no comment command end_slid; did you mean end_slide? The comment was left out']);
    // A theme of the deck's own (from presenterm's themes folder) is not at hand: a plain built-in one, with a warning.
    const ownTheme = await buildDeck(path.join(writeBriefing({ 'talk.md': '---\ntheme:\n  name: my-own-theme\n---\n\nA\n===\n\n<!-- end_slide -->\n\nB\n===\n' }, 'presenterm-own-theme'), 'talk.md'));
    expect([ownTheme.briefing.meta.theme, ownTheme.warnings.map((w) => `${w.line}: ${w.message}`)]).toEqual(['white', ['2: presenterm\'s theme "my-own-theme" is not built in; using white']]);
    // Its everyday keys make no deck presenterm's: in briefdeck's own, `authors` is a typo of `author`.
    const typo = (await buildDeck(path.join(writeBriefing({ 'talk.md': '---\ntitle: T\nauthors: [A, B]\n---\n\n## One\n\nText.\n' }, 'presenterm-typo'), 'talk.md')).catch((e: unknown) => e)) as BriefdeckError;
    expect(typo.diagnostics.map((d) => `${d.line}: ${d.message}; ${d.hint?.split('?')[0]}`)).toEqual(['3: unknown metadata key "authors"; did you mean "author"']);
    // Nor do its (and slides') theme names, everyday words: in briefdeck's own deck `theme: dark` is no theme.
    const dark = (await buildDeck(path.join(writeBriefing({ 'talk.md': '---\ntitle: T\ntheme: dark\n---\n\n## One\n\nText.\n' }, 'presenterm-theme-word'), 'talk.md')).catch((e: unknown) => e)) as BriefdeckError;
    expect(dark.diagnostics.map((d) => `${d.line}: ${d.message}`)).toEqual(['3: unknown theme "dark"']);
  });
});

describe("terminal slide tools' decks: slides, lookatme, patat", () => {
  it("slides (maaslalani's): cut at --- only, its own first slide the cover; its paging, its JSON theme and its date format are read for what they are", async () => {
    const deck = ['---', 'theme: ./theme.json', 'author: A reviewer', 'date: MMMM dd, YYYY', 'paging: Slide %d / %d', '---', '', '# Summit diplomacy', '', 'What worked.', '', '---', '', '## Direct talks', '', '# A heading inside', '', '- Tests paused', ''].join('\n');
    const dir = writeBriefing({ 'slides.md': deck, 'theme.json': '{"document": {"margin": 2}}' }, 'terminal-slides');
    const built = await buildDeck(path.join(dir, 'slides.md'));
    expect(built.briefing.meta.peerTools).toEqual(['slides']);
    expect([built.briefing.meta.theme, built.briefing.meta.date, built.briefing.meta.pageNumbers]).toEqual(['briefing', undefined, true]);
    expect(built.briefing.slides.map((s) => [s.kind, s.title])).toEqual([['content', 'Summit diplomacy'], ['content', 'Direct talks']]);
    // Its named styles are the nearest built-in themes.
    const named = await buildDeck(path.join(writeBriefing({ 'slides.md': '---\ntheme: dark\npaging: "%d"\n---\n\n# One\n' }, 'terminal-slides-dark'), 'slides.md'));
    expect([named.briefing.meta.theme, named.warnings.map((w) => w.message)]).toEqual(['black', ['slides\' theme "dark" is not built in; using black']]);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`).sort()).toEqual([
      "2: slides' theme file ./theme.json is not a CSS style sheet; the deck keeps briefdeck's theme",
      '4: slides\' date "MMMM dd, YYYY" is a format it fills with the day it is shown; the deck shows no date',
    ]);
  });

  it("a theme that names a folder (Slidev's theme in the making, theme: ./) in a deck known by its body only is that tool's: the deck keeps briefdeck's theme with a warning; in briefdeck's own deck it is an error", async () => {
    const deck = ['---', 'theme: ./', '---', '', '# Theme starter', '', '<div v-click>Shown on a click</div>', '', '---', '', '# Next', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'example.md': deck }, 'slidev-theme-folder'), 'example.md'));
    expect(built.briefing.meta.peerTools).toContain('Slidev');
    expect(built.briefing.meta.theme).toBe('briefing');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toContain("2: Slidev's theme file ./ is not a CSS style sheet; the deck keeps briefdeck's theme");
    const own = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: O\ntheme: ./\n---\n\n## One\n' }, 'own-theme-folder'), 'deck.md')).then(() => 'built', (err: BriefdeckError) => err.code);
    expect(own).not.toBe('built');
  });

  it("another tool's size, locale, remote theme and missing theme file build, each read as that tool reads it or named; in briefdeck's own deck each is an error", async () => {
    const build = (front: string, name: string) => buildDeck(path.join(writeBriefing({ 'deck.md': `---\n${front}\n---\n\n# One\n\nText.\n` }, name), 'deck.md'));
    const fourK = await build('marp: true\nsize: 4K\nlang: zh_CN', 'peer-size-4k');
    expect([fourK.briefing.meta.size, fourK.briefing.meta.lang, fourK.warnings]).toEqual(['16:9', 'zh-CN', []]);
    expect(fourK.deck.html).toContain('<html lang="zh-CN">');
    const a4 = await build('marp: true\nsize: A4\ntheme: ./custom.css', 'peer-size-a4');
    expect([a4.briefing.meta.size, a4.briefing.meta.theme]).toEqual(['16:9', 'briefing']);
    expect(a4.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['3: "size" A4 is Marp\'s size; the deck is 16:9', "4: file not found: ./custom.css: the theme file is not there, so the deck keeps briefdeck's theme"]);
    const remote = await build('title: R\ntheme: https://example.org/theme.css\nrevealOptions:\n  transition: fade', 'peer-theme-remote');
    expect(remote.briefing.meta.theme).toBe('briefing');
    expect(remote.warnings.map((w) => w.message)).toEqual(["reveal-md's theme file https://example.org/theme.css is an address, never fetched; the deck keeps briefdeck's theme"]);
    expect(remote.deck.html).not.toContain('example.org');
    for (const [front, code] of [['title: O\nlang: pt_BR', 'E_META'], ['title: O\nsize: A4', 'E_META'], ['title: O\ntheme: ./nope.css', 'E_IMAGE_MISSING']] as const) {
      expect(await build(front, `own-${code}-${front.length}`).then(() => 'built', (err: BriefdeckError) => err.code)).toBe(code);
    }
  });

  it("lookatme's styles and extensions are its own, warned of once each; the deck builds, its <!-- stop --> a step", async () => {
    const deck = ['---', 'title: Summit diplomacy', 'styles:', '  style: monokai', 'extensions:', '  - qrcode', '---', '', '# Context', '', 'Text.', '', '---', '', '# What worked', '', '- Direct talks', '', '<!-- stop -->', '', 'Then a pause in tests.', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'talk.md': deck }, 'terminal-lookatme'), 'talk.md'));
    expect(built.briefing.meta.peerTools).toEqual(['lookatme']);
    expect(built.briefing.slides.map((s) => s.title)).toEqual(['Summit diplomacy', 'Context', 'What worked']);
    // Its <!-- stop --> renders what follows progressively: a step.
    expect(built.briefing.slides.at(-1)!.bodyHtml).toMatch(/<div class="fragment"><p>Then a pause in tests\.<\/p>/);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['3: "styles" is lookatme\'s metadata; briefdeck ignores it', '5: "extensions" is lookatme\'s metadata; briefdeck ignores it']);
  });

  it("patat: read as Pandoc reads it, its settings' incrementalLists stepping lists in; a comment on lines of its own is the speaker notes, a config comment nothing", async () => {
    const deck = ['---', 'title: Summit diplomacy', 'patat:', '  incrementalLists: true', '  wrap: true', '  margins:', '    left: 10', '  images:', '    backend: auto', '...', '', '# Context', '', 'Text.', '', '<!--', 'Say the talks', 'paused the tests.', '-->', '', '# What worked', '', '<!--config:', 'margins: {left: 2}', '-->', '', '- Direct talks', '- A pause', '', '. . .', '', 'After a pause. <!-- inline, not a note -->', '', '<!-- A short note. -->', ''].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'talk.md': deck }, 'terminal-patat'), 'talk.md'));
    expect(built.briefing.meta.peerTools).toEqual(['patat', 'Pandoc']);
    const [, context, worked] = built.briefing.slides;
    expect([context!.title, context!.notes?.markdown]).toEqual(['Context', 'Say the talks\npaused the tests.']);
    expect([worked!.title, worked!.notes?.markdown]).toEqual(['What worked', 'A short note.']);
    expect(worked!.bodyHtml).toMatch(/<li class="fragment">Direct talks<\/li>/);
    expect(worked!.bodyHtml).toMatch(/<div class="fragment"><p>After a pause\.\s*<\/p>/);
    expect(toPlainText(worked!.bodyHtml)).not.toMatch(/margins|config|inline/);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['3: "patat" is patat\'s metadata; briefdeck reads part of it and ignores images']);
  });
});
