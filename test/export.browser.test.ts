import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { buildDeck, type BuiltDeck } from '../src/build-deck.js';
import { ensureEveryPage, printPdf, reportOverflow } from '../src/print-pdf.js';
import { BriefdeckError, DiagnosticBag } from '../src/errors.js';
import { loadDeckIntoPage, waitForPrintLayout, withBrowser } from '../src/browser-session.js';
import { BIN, BROWSER_PATH, DEFAULT_BRIEFING, FIXTURES, ROOT, runBin, runBinAsync, runCapture, scaled, tempDir, buildDefaultBriefing, noteText, writeBriefing } from './helpers.js';
import { useSharedBrowser } from './browser-harness.js';
import { chooseBrowserFolderBase } from '../src/launch-chromium.js';

// Every export below but the first runs in-process in one shared Chromium; the first runs as a user would, in its own process.
useSharedBrowser();

/** Runs the CLI in-process with SOURCE_DATE_EPOCH set for the run, as the environment would set it for a process. */
async function runWithEpoch(argv: string[], epoch: string): Promise<{ code: number; out: string; err: string }> {
  const saved = process.env.SOURCE_DATE_EPOCH;
  process.env.SOURCE_DATE_EPOCH = epoch;
  try {
    return await runCapture(argv, ROOT);
  } finally {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  }
}

const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPoppler && process.env.CI === 'true') throw new Error('CI=true but pdftotext/pdffonts are missing (apt-get install poppler-utils)');

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const pageCount = async (file: string) => (await PDFDocument.load(readFileSync(file))).getPageCount();
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.skipIf(BROWSER_PATH === null)('briefdeck pdf', () => {
  let out: string;
  let built: BuiltDeck;
  let stderr: string;

  beforeAll(async () => {
    out = tempDir();
    built = await buildDefaultBriefing();
    // In-process, in the file's shared browser; the pdf command as its own process is run by the --timeout and --browser-path tests.
    const result = await runWithEpoch(['pdf', DEFAULT_BRIEFING, '-o', path.join(out, 'briefing.pdf')], '1606780800');
    expect(result.code, result.err).toBe(0);
    stderr = result.err;
    // Every character of the briefing is one the deck's own fonts, or any machine's, draw.
    expect(stderr).not.toContain('no font here can draw');
  });

  it('prints one page per slide of the default briefing, each exactly the slide size', async () => {
    const doc = await PDFDocument.load(readFileSync(path.join(out, 'briefing.pdf')));
    expect(doc.getPageCount()).toBe(built.briefing.slides.length);
    for (const page of doc.getPages()) {
      // 1280×720 CSS px at 96 dpi is 960×540 pt.
      expect(Math.round(page.getWidth())).toBe(960);
      expect(Math.round(page.getHeight())).toBe(540);
    }
  });

  it.skipIf(!hasPoppler)('keeps the chart drawn at build time as vector text in the PDF, on its own page', () => {
    const chartSlide = built.briefing.slides.find((s) => s.title === 'The years the article gives')!;
    const page = execFileSync('pdftotext', ['-f', String(chartSlide.number), '-l', String(chartSlide.number), '-layout', path.join(out, 'briefing.pdf'), '-'], { encoding: 'utf8' });
    expect(flat(page)).toContain('Fall 2017');
    expect(flat(page)).toContain('sister crosses');
    expect(flat(page)).toContain('June 2018');
  });

  it.skipIf(!hasPoppler)('prints a vertical stack in reading order: each slide of it on its own page, top to bottom', async () => {
    const deck = path.join(FIXTURES, 'dialects', 'pandoc-structure.md');
    const file = path.join(tempDir(), 'stack.pdf');
    const result = await runCapture(['pdf', deck, '-o', file], ROOT);
    expect(result.code, result.err).toBe(0);
    const pages = (n: number) => flat(execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-'], { encoding: 'utf8' }));
    // Once in many runs (a fresh clone's CI) this printed one page: the stages and the text then say how far it got.
    expect(await pageCount(file), `${result.err}\n${pdfText(file).slice(0, 500)}`).toBe(5);
    expect(pages(3)).toContain('Steps');
    expect(pages(4)).toContain('After a vertical separator');
    expect(pages(5)).toContain('After reveal-md');
  });

  it.skipIf(!hasPoppler)('prints a centred slide in the middle of its page, as the deck shows it', async () => {
    const deck = writeBriefing({ 'deck.qmd': '---\ntitle: C\nformat: revealjs\n---\n\n## Centred {.center}\n\nSome text in the middle.\n\n- one\n- two\n' }, 'centred-print');
    const file = path.join(tempDir(), 'centred.pdf');
    const result = await runCapture(['pdf', path.join(deck, 'deck.qmd'), '-o', file], ROOT);
    expect(result.code, result.err).toBe(0);
    // Word boxes of the slide's page (after the title slide), in points from the top of a 540 pt page.
    const words = [...execFileSync('pdftotext', ['-f', '2', '-l', '2', '-bbox', file, '-'], { encoding: 'utf8' }).matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({ top: Number(m[1]), bottom: Number(m[2]), text: m[3]! }));
    const top = words.find((w) => w.text === 'Centred')!.top;
    const bottom = words.find((w) => w.text === 'two')!.bottom;
    // reveal's print view measured the slide while the deck was still out of layout, at no height, and put its top at the middle.
    expect(Math.abs((top + bottom) / 2 - 270), `content from ${top} to ${bottom} pt`).toBeLessThan(30);
  });

  it('reports each stage on stderr', () => {
    for (const stage of ['building', 'launching the browser', `rendering ${built.briefing.slides.length} slides`, 'printing', 'writing']) expect(stderr).toContain(stage);
  });

  it.skipIf(!hasPoppler)('embeds every font and keeps every slide title searchable', () => {
    const fonts = execFileSync('pdffonts', [path.join(out, 'briefing.pdf')], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) expect(row.split(/\s+/).at(-5), row).toBe('yes');
    expect(fonts.some((row) => row.includes('SourceSans3'))).toBe(true);
    const text = pdfText(path.join(out, 'briefing.pdf'));
    for (const slide of built.briefing.slides) if (slide.title) expect(text).toContain(flat(slide.title));
  });

  it('sets Title, Author and Subject from the metadata and dates from SOURCE_DATE_EPOCH', async () => {
    const doc = await PDFDocument.load(readFileSync(path.join(out, 'briefing.pdf')), { updateMetadata: false });
    expect(doc.getTitle()).toBe(built.briefing.meta.title);
    expect(doc.getAuthor()).toBe(built.briefing.meta.author);
    expect(doc.getSubject()).toBe(built.briefing.meta.subtitle);
    expect(doc.getCreationDate()?.toISOString()).toBe('2020-12-01T00:00:00.000Z');
  });

  it('prints byte-identical PDFs from the same input', async () => {
    const again = path.join(out, 'again.pdf');
    const result = await runWithEpoch(['pdf', DEFAULT_BRIEFING, '-o', again], '1606780800');
    expect(result.code, result.err).toBe(0);
    expect(readFileSync(again).equals(readFileSync(path.join(out, 'briefing.pdf')))).toBe(true);
  });

  it.skipIf(!hasPoppler)('holds no speaker notes without --notes', () => {
    const text = pdfText(path.join(out, 'briefing.pdf'));
    for (const slide of built.briefing.slides) if (slide.notes) expect(text).not.toContain(flat(slide.notes.markdown).slice(0, 40));
  });

  it('gives one page per slide without --fragments and one page per fragment step with it', async () => {
    const fixture = path.join(FIXTURES, 'presenter');
    const presenter = await buildDeck(fixture);
    const steps = (presenter.deck.html.match(/<li class="fragment">/g) ?? []).length;
    expect(steps).toBe(3);
    const plain = path.join(out, 'presenter.pdf');
    const split = path.join(out, 'presenter-fragments.pdf');
    expect((await runCapture(['pdf', fixture, '-o', plain], ROOT)).code).toBe(0);
    expect((await runCapture(['pdf', fixture, '--fragments', '-o', split], ROOT)).code).toBe(0);
    expect(await pageCount(plain)).toBe(presenter.briefing.slides.length);
    // reveal prints the slide before its first step, then once after each step.
    expect(await pageCount(split)).toBe(presenter.briefing.slides.length + steps);
  });

  it.skipIf(!hasPoppler)('prints a long deck in parts and joins them: the same pages pixel for pixel, a font subset tag per subset, links across parts kept', async () => {
    const deck = await buildDeck(
      writeBriefing({
        'briefing.yml': 'title: Printed in parts\nhtml: true\n',
        'slides.md': [
          '## Contents\n\n<p><a href="#far-target">To the last slide</a> and <a href="https://example.org/">a page</a></p>',
          '## Second\n\nWith **bold** and *italic* text.',
          '## Third\n\n- One point\n- Another point',
          '## Fourth\n\n> A quotation on the fourth slide.',
          '## Fifth\n\n<p id="far-target">The far slide, reached from the first.</p>',
          `## Too long\n\n${Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1} of a slide that cannot fit.`).join('\n\n')}`,
        ].join('\n\n---\n\n'),
      }),
    );
    const slides = deck.briefing.slides.length;
    expect(slides).toBeGreaterThanOrEqual(5);
    const print = async (pagesPerPrint?: number) => {
      const stages: string[] = [];
      const printed = await printPdf(deck, { browserPath: BROWSER_PATH!, timeoutMs: scaled(60_000), progress: (line) => stages.push(line), notes: false, fragments: false, sourceDateEpoch: 1606780800, pagesPerPrint });
      const file = path.join(out, `parts-${pagesPerPrint ?? 'one'}.pdf`);
      writeFileSync(file, printed.pdf);
      return { ...printed, file, stages };
    };
    const whole = await print();
    // Two pages print these parts at once, every other part each (the second page its parts 2 and 4); the pages
    // compared with the deck printed whole below are theirs.
    const parts = await print(2);
    expect(whole.stages).toContain('printing');
    expect(parts.stages).toContain(`printing pages 1–2 of ${slides}`);
    expect(parts.stages.filter((stage) => stage.startsWith('printing pages'))).toHaveLength(Math.ceil(slides / 2));
    expect(parts.pages).toBe(whole.pages);
    expect(parts.pages).toBe(slides);
    // Each part is measured as it is shown: the overflow in the last part is found, as when printed at once.
    expect(whole.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/"Too long" overflows vertically/)]);
    expect(parts.warnings).toEqual(whole.warnings);

    // Every page looks exactly as when printed at once.
    const render = (file: string) => {
      const dir = tempDir();
      execFileSync('pdftoppm', ['-r', '24', '-png', file, path.join(dir, 'p')]);
      return readdirSync(dir).sort().map((name) => readFileSync(path.join(dir, name)).toString('base64'));
    };
    const wholeImages = render(whole.file);
    expect(wholeImages).toHaveLength(slides);
    expect(render(parts.file)).toEqual(wholeImages);

    // Each part embeds subsets of its own; two subsets in one file may not share a tag.
    const fontNames = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2).map((row) => row.split(/\s+/)[0]!);
    const names = fontNames(parts.file);
    expect(names.length).toBeGreaterThan(fontNames(whole.file).length);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[A-Z]{6}\+/);

    // The link on the contents slide names a destination that the joined catalog points at the fifth slide's page, in another part.
    const from = deck.briefing.slides.findIndex((slide) => slide.title === 'Contents');
    const to = deck.briefing.slides.findIndex((slide) => slide.title === 'Fifth');
    expect(Math.floor(to / 2)).toBeGreaterThan(Math.floor(from / 2));
    const doc = await PDFDocument.load(parts.pdf);
    const annotations = doc.getPage(from).node.Annots()!.asArray().map((ref) => doc.context.lookup(ref, PDFDict));
    const internal = annotations.find((a) => a.get(PDFName.of('Dest')));
    expect(internal, 'the internal link on the contents page').toBeDefined();
    const dests = doc.catalog.lookup(PDFName.of('Dests'), PDFDict);
    const target = dests.lookup(internal!.get(PDFName.of('Dest')) as PDFName, PDFArray);
    expect(target.get(0)).toBe(doc.getPage(to).ref);
    expect(annotations.some((a) => a.lookupMaybe(PDFName.of('A'), PDFDict)?.get(PDFName.of('URI'))?.toString() === '(https://example.org/)')).toBe(true);
  });

  it('with --fragments, names the slide that overflows, once, though the steps before it and its own took pages of their own', async () => {
    const deck = await buildDeck(
      writeBriefing({
        'briefing.yml': 'title: Steps then overflow\n',
        'slides.md': [
          '## Steps\n\n- First <!-- .element: class="fragment" -->\n- Second <!-- .element: class="fragment" -->\n- Third <!-- .element: class="fragment" -->',
          '## Fits\n\nShort.',
          `## Too long\n\n${Array.from({ length: 30 }, (_, i) => `Paragraph ${i + 1} of a slide that cannot fit.`).join('\n\n')}\n\nA last step. <!-- .element: class="fragment" -->`,
        ].join('\n\n---\n\n'),
      }),
    );
    const printed = await printPdf(deck, { browserPath: BROWSER_PATH!, timeoutMs: scaled(60_000), progress: () => undefined, notes: false, fragments: true, pagesPerPrint: 3 });
    expect(printed.pages).toBeGreaterThan(deck.briefing.slides.length);
    expect(printed.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^slide \d+ "Too long" overflows vertically/)]);
  });

  it("marks each slide's background as light or dark in the print view as when presenting, though reveal reads it with the deck out of layout", async () => {
    // reveal reads a colour by name from the background's computed style, the read made while the deck is out of layout.
    const deck = await buildDeck(
      writeBriefing({
        'briefing.yml': 'title: Contrast\n',
        'slides.md': '<!-- .slide: data-background-color="navy" -->\n\n## Dark\n\nText.\n\n---\n\n<!-- .slide: data-background-color="lightyellow" -->\n\n## Light\n\nText.\n',
      }),
    );
    const contrast = (mode: 'print' | 'present') =>
      withBrowser(BROWSER_PATH!, scaled(30_000), () => undefined, async (browser) => {
        const page = await loadDeckIntoPage(browser, deck.deck.html, { width: 1280, height: 720, mode });
        if (mode === 'print') await waitForPrintLayout(page);
        else await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
        return page.evaluate(() => [...document.querySelectorAll('.reveal .slides section:not(.stack)')].map((s) => (s.className.match(/has-(?:dark|light)-background/) ?? ['none'])[0]));
      });
    const printed = await contrast('print');
    expect(printed).toEqual(await contrast('present'));
    expect(printed).toContain('has-dark-background');
    expect(printed.at(-1)).toBe('has-light-background');
  });

  it.skipIf(!hasPoppler)('--notes puts every note under its slide, and a note of several hundred words loses nothing', async () => {
    const file = path.join(out, 'notes.pdf');
    const result = await runCapture(['pdf', path.join(FIXTURES, 'long-notes', 'talk.md'), '--notes', '-o', file], ROOT);
    expect(result.code, result.err).toBe(0);
    const text = pdfText(file);
    for (let i = 1; i <= 450; i++) expect(text).toContain(`token${String(i).padStart(3, '0')}`);
    expect(text).toContain('The end of the long note.');
    expect(text).toContain('Short note here. Done.');
    expect(text).toContain('A slide with long notes');
    expect(await pageCount(file)).toBeGreaterThan(3);

    const defaultNotes = path.join(out, 'default-notes.pdf');
    expect((await runCapture(['pdf', DEFAULT_BRIEFING, '--notes', '-o', defaultNotes], ROOT)).code).toBe(0);
    const all = pdfText(defaultNotes);
    for (const slide of built.briefing.slides) if (slide.notes) expect(all).toContain(flat(noteText(slide.notes)).slice(0, 60));
  });

  it('names, slide by slide at file:line, the characters no font here draws (its own typographic marks, Greek and Cyrillic pass), and still writes the PDF, the handout, which reads the notes too, and the pictures', async () => {
    const deck = path.join(FIXTURES, 'check', 'missing-glyphs');
    const warned = (err: string) => err.split('\n').filter((line) => line.includes(': warning: '));
    const at = 'test/fixtures/check/missing-glyphs/slides.md:7: warning: slide 3 "Drawn by none" has characters that no font here can draw';
    const pdf = await runCapture(['pdf', deck, '-o', path.join(out, 'glyphs.pdf')], ROOT);
    expect(pdf.code, pdf.err).toBe(0);
    expect(warned(pdf.err)).toEqual([`${at} (\u0380 \u0381 \u0382), so the PDF shows them as empty boxes`]);
    expect(await pageCount(path.join(out, 'glyphs.pdf'))).toBe(3);
    const handout = await runCapture(['pdf', deck, '--notes', '-o', path.join(out, 'glyphs-notes.pdf')], ROOT);
    expect(handout.code, handout.err).toBe(0);
    expect(warned(handout.err)).toEqual([`${at} (\u0380 \u0381 \u0382 \u0383), so the PDF shows them as empty boxes`]);
    const shots = await runCapture(['shots', deck, '-o', path.join(out, 'glyphs-shots')], ROOT);
    expect(shots.code, shots.err).toBe(0);
    expect(warned(shots.err)).toEqual([`${at} (\u0380 \u0381 \u0382), so the slide pictures show them as empty boxes`]);
    expect(readdirSync(path.join(out, 'glyphs-shots'))).toHaveLength(3);
  });

  it('warns with the slide and its file:line when a slide needs more than one page', async () => {
    const result = await runCapture(['pdf', path.join(FIXTURES, 'overflow'), '-o', path.join(out, 'overflow.pdf')], ROOT);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/test\/fixtures\/overflow\/slides\.md:7: warning: slide 3 "Far too long" overflows vertically by \d+ px \(content \d+ px, slide 720 px\)/);
    expect(result.err).not.toContain('"Fits" overflows');
  });

  it('fails with the documented error and exit code 1 when --browser-path points at nothing', () => {
    const result = runBin(['pdf', DEFAULT_BRIEFING, '--browser-path', '/nonexistent/chrome', '-o', path.join(out, 'never.pdf')], ROOT);
    expect(result.code).toBe(1);
    expect(result.err.trim().split('\n')).toEqual([
      'error: no browser at --browser-path /nonexistent/chrome',
      '  hint: point --browser-path at a Chrome, Chromium or Edge executable',
    ]);
    expect(readdirSync(out)).not.toContain('never.pdf');
  });

  it('says why a browser would not start, in one line, and leaves nothing behind', () => {
    const temp = tempDir();
    const fake = path.join(tempDir(), 'not-a-browser');
    writeFileSync(fake, '#!/bin/sh\necho "cannot open display" >&2\nexit 3\n', { mode: 0o755 });
    const result = runBin(['pdf', DEFAULT_BRIEFING, '--browser-path', fake, '-o', path.join(out, 'never.pdf')], ROOT, { TMPDIR: temp });
    expect(result.code).toBe(1);
    expect(result.err.trim().split('\n').slice(-2)).toEqual([
      `error: could not start the browser at ${fake}: it exited with code 3 before it could be used (cannot open display)`,
      '  hint: check that the path is a Chrome, Chromium or Edge executable, or choose another with --browser-path',
    ]);
    expect(readdirSync(out)).not.toContain('never.pdf');
    expect(readdirSync(temp)).toEqual([]);
  });

  it('says in one line when there is no temp folder to start the browser in', () => {
    const missing = path.join(tempDir(), 'gone');
    const result = runBin(['pdf', DEFAULT_BRIEFING, '-o', path.join(out, 'never.pdf')], ROOT, { TMPDIR: missing });
    expect(result.code).toBe(1);
    expect(result.err.trim().split('\n').slice(-2)).toEqual([
      `error: could not start the browser at ${BROWSER_PATH}: cannot make its temp folder in ${missing} (ENOENT)`,
      '  hint: set TMPDIR to a folder you can write to',
    ]);
    expect(readdirSync(out)).not.toContain('never.pdf');
  });

  it.skipIf(process.platform === 'win32')('says in one line when TMPDIR is too long for the browser, and leaves nothing behind', () => {
    const temp = tempDirOfLength(70);
    const result = runBin(['pdf', DEFAULT_BRIEFING, '-o', path.join(out, 'never.pdf')], ROOT, { TMPDIR: temp });
    expect(result.code).toBe(1);
    expect(result.err.trim().split('\n').slice(-2)).toEqual([
      `error: could not start the browser at ${BROWSER_PATH}: the path of its temp folder ${temp} is too long for the browser's socket (70 bytes, at most 58)`,
      '  hint: set TMPDIR to a folder with a shorter path, such as /tmp',
    ]);
    expect(readdirSync(out)).not.toContain('never.pdf');
    expect(readdirSync(temp)).toEqual([]);
  });

  it('exits 1 with the build error, and leaves no browser behind, when the deck does not build', async () => {
    // Chromium starts while the deck builds; a failed build must close it, or the process would not end.
    const broken = writeBriefing({ 'briefing.yml': 'title: Broken\nlayuot: content\n', 'a.md': '## One\n\nText.\n' });
    const temp = tempDir();
    const result = runBin(['pdf', broken, '-o', path.join(out, 'broken.pdf')], ROOT, { TMPDIR: temp });
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/briefing\.yml:2: error: .*layuot/);
    expect(readdirSync(out)).not.toContain('broken.pdf');
    // The browser started while the deck built is gone, with its folder.
    expect(readdirSync(temp)).toEqual([]);
    expect(await processesNaming(temp)).toEqual([]);
  });

  it('names the stalled stage and exits 1 when the export runs past --timeout', () => {
    const result = runBin(['pdf', DEFAULT_BRIEFING, '--timeout', '0.05', '-o', path.join(out, 'late.pdf')], ROOT);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/error: timed out after 0 s while (launching the browser|rendering|waiting|laying out|printing)/);
    // The error and its hint end the report: a launch begun while the deck built goes no further once the deadline has passed.
    const lines = result.err.trim().split('\n');
    expect(lines.at(-2)).toMatch(/^error: timed out/);
    expect(lines.at(-1)).toMatch(/^\s+hint: /);
    expect(readdirSync(out)).not.toContain('late.pdf');
  });
});

describe.skipIf(process.platform === 'win32')("playwright-core's code caches", () => {
  it('are written by the first run that loads it, replace those of earlier versions, and a damaged one is refused by V8 and rewritten', () => {
    // A cache folder of its own: other test files read and write the shared one while this runs.
    const cacheDir = tempDir();
    const caches = () => readdirSync(cacheDir).filter((f) => /^playwright-(utils|core)Bundle-[0-9a-f]{16}\.v8$/.test(f)).sort();
    // A cache of an earlier playwright-core stands beside the ones this run will make.
    writeFileSync(path.join(cacheDir, 'playwright-coreBundle-0000000000000000.v8'), 'stale');
    const deck = writeBriefing({ 'briefing.yml': 'title: Small\n', 'a.md': '## One\n\nText.\n' });
    // A program that is not a browser: check loads playwright-core to attach to it, and reports the failed start, without the cost of a real one.
    const check = () => runBin(['check', deck, '--browser-path', '/bin/true'], ROOT, { BRIEFDECK_CACHE_DIR: cacheDir });
    const first = check();
    expect(first.code).toBe(1);
    expect(first.err).toContain('error: could not start the browser at /bin/true');
    expect(caches()).toHaveLength(2);
    for (const f of caches()) expect(readFileSync(path.join(cacheDir, f)).length).toBeGreaterThan(100_000);
    // Beside each, an ASCII copy of its bundle, which holds a few non-ASCII characters in comments: read as one-byte text next time.
    const copies = () => readdirSync(cacheDir).filter((f) => /^playwright-(utils|core)Bundle\.ascii-[0-9a-f]{16}\.js$/.test(f)).sort();
    const bundles = ['utilsBundle', 'coreBundle'].map((name) => readFileSync(path.join(ROOT, 'node_modules', 'playwright-core', 'lib', `${name}.js`), 'utf8'));
    expect(copies()).toHaveLength(bundles.filter((text) => /[^\x00-\x7f]/.test(text)).length);
    for (const f of copies()) expect(readFileSync(path.join(cacheDir, f), 'latin1')).toMatch(/^[\x00-\x7f]*$/);
    // Garbage where the core's cache was, and its copy cut short: V8 refuses the one, the other does not compile and goes,
    // playwright-core compiles as written, and a good cache is written back.
    const core = path.join(cacheDir, caches().find((f) => f.includes('core'))!);
    writeFileSync(core, Buffer.alloc(4096, 7));
    // The core bundle of the playwright-core this project pins holds non-ASCII characters, so it has a copy to damage;
    // a version without any would leave this half of the test with nothing to check, and it says so here.
    const coreCopy = copies().find((f) => f.includes('core'));
    expect(coreCopy, 'an ASCII copy of the core bundle').toBeDefined();
    writeFileSync(path.join(cacheDir, coreCopy!), readFileSync(path.join(cacheDir, coreCopy!), 'latin1').slice(0, 100_000), 'latin1');
    const again = check();
    expect(again.code, again.err).toBe(1);
    expect(again.err).toContain('error: could not start the browser at /bin/true');
    expect(readFileSync(core).length).toBeGreaterThan(100_000);
    expect(copies()).not.toContain(coreCopy);
  });
});

/** Live processes whose command line names `text`; Linux only, else none. */
function findProcessesNaming(text: string): string[] {
  const found: string[] = [];
  for (const pid of existsSync('/proc') ? readdirSync('/proc').filter((name) => /^\d+$/.test(name)) : []) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (command.includes(text)) found.push(`${pid}: ${command.replace(/\0/g, ' ').slice(0, 120)}`);
    } catch {
      // Gone while the list was read.
    }
  }
  return found;
}

/** Live processes naming `text`, once those being killed have gone (up to 5 s). */
async function processesNaming(text: string): Promise<string[]> {
  const find = () => findProcessesNaming(text);
  for (let waited = 0; waited < 5_000 && find().length > 0; waited += 100) await new Promise((r) => setTimeout(r, 100));
  return find();
}

/** An empty folder under /tmp whose path is exactly `length` characters (14 at least), removed when the test ends. */
function tempDirOfLength(length: number): string {
  const base = mkdtempSync('/tmp/bd-');
  onTestFinished(() => rmSync(base, { recursive: true, force: true }));
  if (length === base.length) return base;
  const dir = path.join(base, 'x'.repeat(length - base.length - 1));
  mkdirSync(dir);
  return dir;
}

// A Unix socket's path limit is what these tests are about; Windows has none of it.
describe.skipIf(BROWSER_PATH === null || process.platform === 'win32')('pdf as its own process, Chromium started while the deck builds', () => {
  // Chromium's profile goes into the process's temp folder: a fresh one shows what the run leaves behind. Chromium keeps
  // its single-instance socket in a temp folder too, and a socket's path may be no longer than about 100 bytes: with a
  // short TMPDIR it goes inside the browser's own folder (the /dev/shm test below shows that one); with a longer one
  // (as on macOS, 48 bytes) into a folder of its own beside it (the Ctrl-C test shows that one); with one longer still
  // into TMPDIR itself, where Chromium aborted before, and it must still be removed: this test's, of 50 bytes (macOS
  // gives each user one of 49 characters).
  it('prints every slide at the slide size, reports the stages in their order, and exits leaving no browser or profile behind, with a long TMPDIR', async () => {
    const length = 50;
    const deck = writeBriefing({ 'briefing.yml': 'title: Wide\n', 'a.md': '## One\n\nText.\n\n## Two\n\nMore.\n' });
    const file = path.join(tempDir(), 'wide.pdf');
    const temp = tempDirOfLength(length);
    const result = runBin(['pdf', deck, '-o', file], ROOT, { TMPDIR: temp });
    expect(result.code, result.err).toBe(0);
    // The launch is reported among the stages, in order, though it began while the deck built.
    const stages = ['building', 'launching the browser', 'rendering', 'printing', 'writing'].map((stage) => result.err.indexOf(`pdf: ${stage}`));
    expect(stages.every((at, i) => at >= 0 && (i === 0 || at > stages[i - 1]!))).toBe(true);
    const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
    expect(doc.getPageCount()).toBe((await buildDeck(deck)).briefing.slides.length);
    for (const page of doc.getPages()) expect([Math.round(page.getWidth()), Math.round(page.getHeight())]).toEqual([960, 540]);
    expect([doc.getTitle(), doc.getProducer()]).toEqual(['Wide', 'briefdeck']);
    // The CLI exits without waiting for Chromium to shut down; the browser is killed on exit and its profile removed.
    expect(readdirSync(temp)).toEqual([]);
    expect(await processesNaming(temp)).toEqual([]);
  });
});

describe.skipIf(BROWSER_PATH === null || process.platform === 'win32')('pdf stopped with Ctrl-C', () => {
  it("ends with the shell code for SIGINT, and takes its browser and the browser's folder with it", async () => {
    // Long enough to be stopped while Chromium works on it.
    const deck = writeBriefing({ 'briefing.yml': 'title: Long\n', 'a.md': Array.from({ length: 300 }, (_, i) => `## Slide ${i + 1}\n\n- A point\n`).join('\n') });
    // Too long a TMPDIR for Chromium's socket to fit in the browser's own folder, short enough for a folder of its own beside it.
    const temp = tempDirOfLength(45);
    const child = spawn(process.execPath, [BIN, 'pdf', deck, '-o', path.join(tempDir(), 'stopped.pdf')], { cwd: ROOT, env: { ...process.env, TMPDIR: temp }, stdio: ['ignore', 'ignore', 'pipe'] });
    let said = '';
    child.stderr!.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const ended = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(`${code ?? signal}`)));
    // Stopped once Chromium has its folder, so the browser is surely running.
    for (let waited = 0; readdirSync(temp).length === 0 && waited < scaled(20_000); waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(temp).some((name) => name.startsWith('briefdeck-chromium-'))).toBe(true);
    // And as soon as Chromium itself runs from that folder: the signal must take a browser just started with it
    // (a signal before the process listened for one ended Node at once and left the browser and its folder behind).
    for (let waited = 0; existsSync('/proc') && findProcessesNaming(temp).length === 0 && waited < scaled(20_000); waited += 5) await new Promise((r) => setTimeout(r, 5));
    expect(existsSync('/proc') ? findProcessesNaming(temp).length : 1).toBeGreaterThan(0);
    // Chromium's single-instance socket is in a folder of briefdeck's (bd…), never straight in TMPDIR: killed before it
    // linked the socket from its profile, the browser left a socket folder there that nothing could tell was its own.
    const socketFolders = () => [temp, ...readdirSync(temp).filter((name) => name.startsWith('bd')).map((name) => path.join(temp, name))].flatMap((dir) => readdirSync(dir).filter((name) => name.startsWith('org.chromium.')).map((name) => path.relative(temp, path.join(dir, name))));
    for (let waited = 0; socketFolders().length === 0 && waited < scaled(20_000); waited += 5) await new Promise((r) => setTimeout(r, 5));
    expect(socketFolders().map((folder) => path.dirname(folder).replace(/^bd[\w-]{6}$/, 'bd…')), said).toEqual(['bd…']);
    child.kill('SIGINT');
    expect(await ended, said).toBe('130');
    expect(readdirSync(temp), said).toEqual([]);
    expect(await processesNaming(temp)).toEqual([]);
  });
});

describe('a printed PDF', () => {
  it('says a slide made to scroll runs off on paper as a warning, not an error: a {.scrollable} slide, or every slide of a deck that scrolls', async () => {
    const overflow = { index: 0, vertical: 40, horizontal: 0, contentHeight: 760, contentWidth: 1280, boxHeight: 720, boxWidth: 1280 };
    const report = (built: BuiltDeck) => {
      const bag = new DiagnosticBag();
      reportOverflow(built, overflow, 720, bag, 'error', 'E_OVERFLOW');
      return bag.items.map((d) => `${d.severity} ${d.code}`);
    };
    const plain = await buildDeck(writeBriefing({ 'briefing.yml': 'title: P\nagenda: false\n', 'a.md': '## Long\n\nText.\n' }, 'overflow-plain'));
    const deckWide = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '---\ntitle: Q\nscrollable: true\n---\n\n## Long\n\nText.\n' }, 'overflow-scrollable'), 'deck.qmd'));
    // One slide made to scroll ({.scrollable}), the first: a deck with no title slide.
    const oneSlide = await buildDeck(path.join(writeBriefing({ 'deck.qmd': '## Long {.scrollable}\n\nText.\n' }, 'overflow-scrollable-slide'), 'deck.qmd'));
    expect(oneSlide.briefing.slides[0]!.look?.className).toContain('scrollable');
    expect([report(plain), report(deckWide), report(oneSlide)]).toEqual([['error E_OVERFLOW'], ['warning W_PDF_OVERFLOW'], ['warning W_PDF_OVERFLOW']]);
  });

  it('with another number of pages than the print view laid out is an error, so it is never written as whole', () => {
    const error = (() => {
      try {
        ensureEveryPage(1, 5);
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(BriefdeckError);
    expect(error).toMatchObject({ code: 'E_BROWSER', message: 'the browser printed 1 page where the deck laid out 5; nothing was written' });
    // The pages it laid out, or a handout (whose notes flow over pages of their own): nothing to say.
    expect(() => ensureEveryPage(5, 5)).not.toThrow();
    expect(() => ensureEveryPage(7, undefined)).not.toThrow();
  });
});

describe('where a browser started for an export keeps its profile', () => {
  it('is in memory (/dev/shm) on Linux unless TMPDIR names a folder, and the system temp folder elsewhere', () => {
    expect(chooseBrowserFolderBase({ TMPDIR: '/somewhere/else' }, 'linux')).toBe(tmpdir());
    expect(chooseBrowserFolderBase({}, 'darwin')).toBe(tmpdir());
    expect(chooseBrowserFolderBase({}, 'linux')).toBe(existsSync('/dev/shm') ? '/dev/shm' : tmpdir());
  });

  it.skipIf(BROWSER_PATH === null || process.platform !== 'linux' || !existsSync('/dev/shm'))('is made in /dev/shm when TMPDIR is not set, and gone when pdf exits', async () => {
    const deck = writeBriefing({ 'briefing.yml': 'title: Memory\n', 'a.md': '## One\n\nText.\n' });
    const env = { ...process.env };
    delete env.TMPDIR;
    const child = spawn(process.execPath, [BIN, 'pdf', deck, '-o', path.join(tempDir(), 'memory.pdf')], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let said = '';
    child.stderr!.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const ended = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // The browser is the CLI's own child; its command line names its profile.
    let profile: string | undefined;
    for (let waited = 0; profile === undefined && child.exitCode === null && waited < scaled(20_000); waited += 5) {
      profile = findProcessesNaming('--user-data-dir=').map((line) => line.split(':')[0]!).filter((pid) => readParentPid(pid) === child.pid).map((pid) => /--user-data-dir=(\S+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '))?.[1])[0];
      if (profile === undefined) await new Promise((r) => setTimeout(r, 5));
    }
    expect(await ended, said).toBe(0);
    expect(profile, said).toMatch(/^\/dev\/shm\/briefdeck-chromium-\w+\/profile$/);
    expect(existsSync(path.dirname(profile!))).toBe(false);
  });
});

/** The parent of a process, from /proc (undefined once it is gone). */
function readParentPid(pid: string): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

describe.skipIf(BROWSER_PATH === null)('briefdeck shots', () => {
  it('writes one PNG per slide at the slide size times --scale', async () => {
    const dir = path.join(tempDir(), 'shots');
    // Two slides (the title and a list that steps in) are all this needs; every slide more is a 1920×1440 picture taken and compared twice.
    const fixture = writeBriefing({ 'briefing.yml': 'title: Shots\nsize: "4:3"\n', 'slides.md': '## Incremental list\n<!-- incremental -->\n\n- first point\n- second point\n- third point\n' }, 'shots-deck');
    const built = await buildDeck(fixture);
    expect(built.briefing.slides.length).toBe(2);
    // As its own process, shots starts Chromium itself (launch-chromium.ts) rather than through playwright-core,
    // which launched the shared browser the in-process run uses: with the same switches, every pixel is the same.
    // The two run at once, each mostly waiting on its browser.
    const own = path.join(tempDir(), 'own');
    const ownRun = runBinAsync(['shots', fixture, '--scale', '2', '-o', own], ROOT);
    const result = await runCapture(['shots', fixture, '--scale', '2', '-o', dir], ROOT);
    expect(result.code, result.err).toBe(0);
    const files = readdirSync(dir);
    expect(files).toEqual(built.briefing.slides.map((s) => `slide-${String(s.number).padStart(3, '0')}.png`));
    for (const file of files) {
      const png = readFileSync(path.join(dir, file));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // A 4:3 deck is 960×720; at scale 2 that is 1920×1440.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1920, 1440]);
    }
    // Slide 2 steps in its list one item at a time; a shot is of the finished slide, every item fully shown, not
    // caught halfway through fading in: its darkest text pixel is the theme's ink (about 30), not a grey.
    const steps = PNG.sync.read(readFileSync(path.join(dir, 'slide-002.png')));
    let darkest = 255;
    for (let y = 290; y < 600; y++) for (let x = 200; x < 600; x++) darkest = Math.min(darkest, Math.max(...steps.data.subarray((y * steps.width + x) * 4, (y * steps.width + x) * 4 + 3)));
    expect(darkest).toBeLessThan(80);
    const ownResult = await ownRun;
    expect(ownResult.code, ownResult.err).toBe(0);
    expect(readdirSync(own)).toEqual(files);
    for (const file of files) expect(readFileSync(path.join(own, file)).equals(readFileSync(path.join(dir, file))), file).toBe(true);
  });
});
