import type { Browser, Page } from 'playwright-core';
import type { BuiltDeck } from './build-deck.js';
import { DiagnosticBag, failure, type Diagnostic } from './errors.js';
import { loadDeckIntoPage, measureOverflow, measureOverflowOf, waitForFonts, waitForPrintLayout, withBrowser, type ContextFactory, type SlideOverflow, type StageTracker } from './browser-session.js';
import { SLIDE_SIZES } from './model.js';
import { slideIndices } from './slide-places.js';
import { createPdfAssembler } from './export/assemble-pdf.js';
import { appendAll } from './append-all.js';
import { nameSlide } from './slide-name.js';
import { findMissingGlyphs, reportMissingGlyphs, type MissingGlyphs } from './export/find-missing-glyphs.js';
import { countNoun } from './count-noun.js';

/** Pages printed in one call of Chromium's print. Its time grows faster than the pages it is shown (2,000 pages took
 * 10.7 s at once, 8.1 s in parts of 250), so a longer deck is printed in parts, each shown alone, and the parts joined.
 * Each part and the second page cost time of their own, so parts are no smaller than that: in alternation, parts of
 * 100 took 4.1 s for 500 pages where parts of 250 took 3.7, and 3.1 s for 200 pages where one part took 2.5. */
const PAGES_PER_PRINT = 250;

// pdf-lib is loaded early by the CLI, while it waits on the browser.
export { loadPdfLibrary } from './export/assemble-pdf.js';

// The CLI reaches the browser only through this module, loaded on demand.
export { launchBrowserEarly } from './browser-session.js';

/** How to run the browser for an export. */
export interface ExportOptions {
  browserPath: string;
  timeoutMs: number;
  progress: (line: string) => void;
  /** A browser launch begun while the deck was built (launchBrowserEarly). */
  launched?: Promise<Browser | undefined>;
}

/** Options of a PDF export. */
export interface PdfOptions extends ExportOptions {
  /** A presenter handout: each slide with its notes below it. */
  notes: boolean;
  /** One page per fragment step instead of one per slide. */
  fragments: boolean;
  /** Seconds since the epoch for the PDF dates (SOURCE_DATE_EPOCH), if set. */
  sourceDateEpoch?: number;
  /** Pages printed at once (PAGES_PER_PRINT unless a test asks for smaller parts). */
  pagesPerPrint?: number;
}

/** A printed PDF and what the print found. */
export interface PrintedPdf {
  pdf: Uint8Array;
  pages: number;
  warnings: Diagnostic[];
}

/** Prints a built deck to PDF in headless Chromium: one page per slide, each exactly the slide's size. */
export async function printPdf(built: BuiltDeck, options: PdfOptions): Promise<PrintedPdf> {
  const size = SLIDE_SIZES[built.briefing.meta.size];
  const bag = new DiagnosticBag();
  const assembler = createPdfAssembler();
  /** The pages the print view laid out, one per slide (or fragment step); a handout's pages are not counted. */
  let laidOut: number | undefined;
  await withBrowser(options.browserPath, options.timeoutMs, options.progress, async (browser, tracker) => {
    tracker.enter(`rendering ${countNoun(built.briefing.slides.length, 'slide')}`);
    const mode = options.notes ? 'handout' : 'print';
    const page = await loadDeckIntoPage(browser, built.deck.html, { ...size, mode, fragments: options.fragments, printInParts: !options.notes });
    if (options.notes) {
      tracker.enter('waiting for fonts');
      await waitForFonts(page);
      tracker.enter('laying out the notes handout');
      await layOutNotesHandout(page, size);
      reportMissingGlyphs(built, await findMissingGlyphs(page), bag, 'PDF');
      // reveal's print stylesheet reflows slides into paper mode; the handout wants them exactly as on screen.
      await page.emulateMedia({ media: 'screen' });
      tracker.enter('printing');
      return assembler.add(await page.pdf({ format: 'A4', printBackground: true, margin: { top: '14mm', bottom: '14mm', left: '14mm', right: '14mm' } }));
    }
    const perPart = options.pagesPerPrint ?? PAGES_PER_PRINT;
    // A deck of several parts is printed by two pages at once, each in a context (a renderer) of its own: Chromium
    // prints a part on one core, so a second page prints the next part on the other. It loads while the first lays out.
    const second = built.briefing.slides.length > perPart ? openSecondPrinter(browser, built.deck.html, size, options.fragments) : undefined;
    // Awaited once the first page prints; until then its failure must not go unheard.
    second?.catch(() => undefined);
    // The runtime loads every font before reveal builds the pages, so one wait, after that, suffices.
    tracker.enter('laying out pages');
    await waitForPrintLayout(page);
    await waitForFonts(page);
    const paper = { printBackground: true, preferCSSPageSize: true, width: `${size.width}px`, height: `${size.height}px`, margin: { top: 0, bottom: 0, left: 0, right: 0 } };
    const printed = await printInParts(page, second, paper, perPart, tracker, (part) => assembler.add(part));
    laidOut = printed.pages;
    for (const overflow of keepFullest(printed.overflows)) reportOverflow(built, overflow, size.height, bag, 'warning');
    reportMissingGlyphs(built, printed.missingGlyphs, bag, 'PDF');
  }, options.launched);
  const { pdf, pages } = await assembler.finish(built.briefing.meta, options.sourceDateEpoch);
  ensureEveryPage(pages, laidOut);
  return { pdf, pages, warnings: bag.warnings };
}

/**
 * Fails a PDF whose pages are not the pages the print view laid out (`laidOut`; undefined for a handout, whose
 * notes flow over pages of their own): such a PDF is never written as if it were whole. Seen once in many test
 * runs under load, a 1-page PDF of a 5-slide deck, most likely printed while the deck was still hidden.
 */
export function ensureEveryPage(pages: number, laidOut: number | undefined): void {
  if (laidOut === undefined || pages === laidOut) return;
  throw failure('E_BROWSER', `the browser printed ${countNoun(pages, 'page')} where the deck laid out ${laidOut}; nothing was written`, {
    hint: 'run pdf again; if it happens again, please report it with the deck',
  });
}

/** One overflow per slide, the largest: with fragment steps a slide prints on several pages. */
function keepFullest(overflows: SlideOverflow[]): SlideOverflow[] {
  const fullest = new Map<number, SlideOverflow>();
  for (const overflow of overflows) {
    const seen = fullest.get(overflow.index);
    if (!seen || overflow.vertical + overflow.horizontal > seen.vertical + seen.horizontal) fullest.set(overflow.index, overflow);
  }
  return [...fullest.values()];
}

/**
 * Prints the pages in parts of at most `perPart` pages, as equal as can be,
 * and hands each to `take` in order; returns the slides that overflow, and
 * the pages laid out, which the PDF must have. The runtime starts every page
 * out of layout (the page's `printInParts` setting); each part is shown
 * alone (its last page without its page break), measured and printed. A deck
 * that fits in one part is shown whole and prints as it always has. With a
 * `second` page of the same deck, the two print every other part each, at
 * once, and the parts are still taken in order, each while later ones print.
 */
async function printInParts(page: Page, second: Promise<Page> | undefined, paper: Parameters<Page['pdf']>[0], perPart: number, tracker: StageTracker, take: (part: Uint8Array) => Promise<void>): Promise<{ overflows: SlideOverflow[]; missingGlyphs: MissingGlyphs[]; pages: number }> {
  const total = await page.evaluate(() => document.querySelectorAll('.reveal .slides > .pdf-page').length);
  // Parts of equal size: 501 pages print as 6 parts of 84, not 5 of 100 and one of 1.
  const size = Math.max(1, Math.ceil(total / Math.ceil(total / perPart)));
  // Each page prints every other part (the first page the first part, the second the next), each part after that
  // page's last one, so a deck of two parts or more always uses both, and the second's loading overlaps the first's printing.
  const printers = second ? [Promise.resolve(page), second] : [Promise.resolve(page)];
  const printed: Promise<PrintedPart>[] = [];
  for (let first = 0, index = 0; first < total; first += size, index++) {
    const end = Math.min(total, first + size);
    const after = printed[index - printers.length];
    printed.push(
      Promise.all([printers[index % printers.length]!, after]).then(([printer]) => {
        tracker.enter(size >= total ? 'printing' : `printing pages ${first + 1}–${end} of ${total}`);
        return printPart(printer, paper, first, end, total);
      }),
    );
    // A part left unprinted after a failure is never taken: the failure, met in order below, is what is reported.
    printed.at(-1)!.catch(() => undefined);
  }
  // The parts are taken in order, each while later ones print.
  const overflows: SlideOverflow[] = [];
  const missingGlyphs: MissingGlyphs[] = [];
  try {
    for (const part of printed) {
      const { pdf, overflows: found, missingGlyphs: unreadable } = await part;
      appendAll(overflows, found);
      appendAll(missingGlyphs, unreadable);
      await take(pdf);
    }
  } finally {
    // The second page's context is the job's own; a browser shared between jobs (the test suite's) keeps none of it.
    await second?.then((printer) => printer.context().close()).catch(() => undefined);
  }
  return { overflows, missingGlyphs, pages: total };
}

/** A part as printed: its PDF, the slides on its pages that overflow, and those with characters no font here draws. */
interface PrintedPart {
  pdf: Uint8Array;
  overflows: SlideOverflow[];
  missingGlyphs: MissingGlyphs[];
}

/** Shows pages `first` to `end` of the print view alone, measures their slides for overflow, reads them for missing glyphs and prints them. */
async function printPart(page: Page, paper: Parameters<Page['pdf']>[0], first: number, end: number, total: number): Promise<PrintedPart> {
  await page.evaluate(
    ([first, end, total]) => {
      // The class is the one the runtime's rule shows (deck-runtime.ts); the break is set through the style object,
      // which the deck's CSP allows, and marked important to win over reveal's print rules.
      document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page').forEach((pdfPage, i) => {
        pdfPage.classList.toggle('briefdeck-shown', i >= first && i < end);
        // reveal ends only the deck's last page without a break; a part's last page must end so too, or it adds a blank page.
        if (i === end - 1 && end < total) pdfPage.style.setProperty('break-after', 'avoid', 'important');
        else pdfPage.style.removeProperty('break-after');
      });
    },
    [first, end, total] as const,
  );
  // Each page holds one slide, so the part's slides are those of its pages. They are read while laid out, once measured.
  const overflows = await measureOverflowOf(page, first, end);
  const missingGlyphs = await findMissingGlyphs(page, first, end);
  return { pdf: await page.pdf(paper), overflows, missingGlyphs };
}

/** A second page with the deck in print view, in a context of its own, laid out and with its fonts loaded, ready to print parts. */
async function openSecondPrinter(browser: ContextFactory, html: string, size: { width: number; height: number }, fragments: boolean): Promise<Page> {
  // Always a new context: a warm page kept for later jobs (the test suite's shared browser) is the first page's, and this one is closed after the job.
  const page = await loadDeckIntoPage({ newContext: (options) => browser.newContext(options) }, html, { ...size, mode: 'print', fragments, printInParts: true });
  await waitForPrintLayout(page);
  await waitForFonts(page);
  return page;
}

/** What laying a deck out in Chromium finds: the slides whose content does not fit, and those with characters no font here draws. */
export interface LayoutFindings {
  overflows: SlideOverflow[];
  missingGlyphs: MissingGlyphs[];
}

/** Lays every slide out at the deck's size in Chromium and returns those whose content does not fit, and those it cannot draw all of. */
export async function findLayoutProblems(built: BuiltDeck, options: ExportOptions): Promise<LayoutFindings> {
  const size = SLIDE_SIZES[built.briefing.meta.size];
  return withBrowser(options.browserPath, options.timeoutMs, options.progress, async (browser, tracker) => {
    tracker.enter(`laying out ${countNoun(built.briefing.slides.length, 'slide')}`);
    const page = await loadDeckIntoPage(browser, built.deck.html, { ...size, mode: 'print', fragments: false });
    await waitForPrintLayout(page);
    await waitForFonts(page);
    const missingGlyphs = await findMissingGlyphs(page);
    return { overflows: await measureOverflow(page, (done, total) => tracker.enter(`measured slide ${done} of ${total}`)), missingGlyphs };
  }, options.launched);
}

export { reportMissingGlyphs } from './export/find-missing-glyphs.js';

/** Slide pictures as captured, and what the capture found. */
export interface CapturedSlides {
  shots: Uint8Array[];
  warnings: Diagnostic[];
}

/** Screenshots every slide as a PNG at the slide's size times `scale`. */
export async function captureSlides(built: BuiltDeck, options: ExportOptions & { scale: number }): Promise<CapturedSlides> {
  const size = SLIDE_SIZES[built.briefing.meta.size];
  const bag = new DiagnosticBag();
  const shots = await withBrowser(options.browserPath, options.timeoutMs, options.progress, async (browser, tracker) => {
    tracker.enter(`rendering ${countNoun(built.briefing.slides.length, 'slide')}`);
    const page = await loadDeckIntoPage(browser, built.deck.html, { ...size, scale: options.scale, mode: 'present' });
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
    await waitForFonts(page);
    reportMissingGlyphs(built, await findMissingGlyphs(page), bag, 'pictures');
    const shots: Uint8Array[] = [];
    // Slides in vertical stacks are shot in reading order: each stack top to bottom.
    const indices = slideIndices(built.briefing.slides);
    for (let i = 0; i < built.briefing.slides.length; i++) {
      tracker.enter(`capturing slide ${i + 1} of ${built.briefing.slides.length}`);
      await page.evaluate(({ h, v }) => {
        const deck = (window as unknown as { Reveal: { slide(h: number, v: number, f: number): void } }).Reveal;
        // The last fragment index shows every fragment: a screenshot is of the finished slide.
        deck.slide(h, v, Number.MAX_SAFE_INTEGER);
      }, indices[i]!);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      shots.push(await page.screenshot({ type: 'png' }));
    }
    return shots;
  }, options.launched);
  return { shots, warnings: bag.warnings };
}

/** Records an overflowing slide as a diagnostic at its source line. */
export function reportOverflow(built: BuiltDeck, overflow: SlideOverflow, slideHeight: number, bag: DiagnosticBag, severity: 'warning' | 'error', code: 'W_PDF_OVERFLOW' | 'E_OVERFLOW' = 'W_PDF_OVERFLOW'): void {
  const slide = built.briefing.slides[overflow.index];
  if (!slide) return;
  const parts: string[] = [];
  if (overflow.vertical > 1) parts.push(`vertically by ${overflow.vertical} px (content ${slideHeight + overflow.vertical} px, slide ${slideHeight} px)`);
  if (overflow.horizontal > 1) parts.push(`horizontally by ${overflow.horizontal} px`);
  const named = nameSlide(slide);
  // A slide made to scroll (Quarto's `.scrollable`) does so in the deck; only on paper does it run off, which is worth a warning, not an error.
  if (built.briefing.meta.scrollable || slide.look?.className?.split(' ').includes('scrollable')) {
    bag.warn('W_PDF_OVERFLOW', `${named} scrolls in the deck; printed, it runs off ${parts.join(' and ')}`, { file: slide.source.file, line: slide.source.line, hint: 'split the slide with --- where a printed copy must show all of it' });
    return;
  }
  const message = `${named} overflows ${parts.join(' and ')}`;
  // A table of contents that lists every slide (Pandoc's and Quarto's) grows with the deck; listing the sections alone is the fix.
  const hint = slide.kind === 'agenda' && built.briefing.meta.toc?.show ? 'list the sections alone with toc-depth: 1' : 'shorten the text, split the slide with ---, or use a smaller image';
  const where = { file: slide.source.file, line: slide.source.line, hint };
  if (severity === 'error') bag.error(code, message, where);
  else bag.warn(code, message, where);
}

/**
 * Rebuilds the page as a handout: each slide at reduced size with its notes
 * flowing below, so long notes continue onto the next page instead of being
 * clipped inside a fixed-size slide page.
 */
async function layOutNotesHandout(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.evaluate(({ width, height }) => {
    const pageWidth = 718; // A4 at 96 dpi, less 14 mm margins each side
    const zoom = pageWidth / width;
    // Every slide in reading order, those in vertical stacks included; a stack's own wrapper is not a slide.
    const sections = [...document.querySelectorAll<HTMLElement>('.reveal .slides section:not(.stack)')];
    const handout = document.createElement('div');
    handout.className = 'briefdeck-handout';
    sections.forEach((section, i) => {
      const sheet = document.createElement('div');
      sheet.className = 'handout-sheet';
      const frame = document.createElement('div');
      frame.className = 'handout-slide reveal';
      frame.style.cssText = `width:${width}px;height:${height}px;zoom:${zoom};position:relative;overflow:hidden;border:1px solid #c9d3df;`;
      const slides = document.createElement('div');
      slides.className = 'slides';
      slides.style.cssText = `position:absolute!important;left:0!important;top:0!important;width:${width}px!important;height:${height}px!important;transform:none!important;margin:0!important;`;
      const notes = section.querySelector('aside.notes');
      notes?.remove();
      section.classList.add('present');
      section.style.cssText = `display:block!important;position:absolute!important;left:0!important;top:0!important;width:${width}px!important;height:${height}px!important;opacity:1!important;visibility:visible!important;transform:none!important;`;
      section.querySelectorAll('.fragment').forEach((f) => f.classList.add('visible'));
      slides.appendChild(section);
      frame.appendChild(slides);
      sheet.appendChild(frame);
      const text = document.createElement('div');
      text.className = 'handout-notes';
      text.innerHTML = notes ? notes.innerHTML : '';
      if (!notes) text.classList.add('empty');
      sheet.appendChild(text);
      if (i > 0) sheet.style.breakBefore = 'page';
      handout.appendChild(sheet);
    });
    document.querySelector('.reveal')?.remove();
    const style = document.createElement('style');
    style.textContent = `html,body{background:#fff;margin:0;height:auto;overflow:visible}
      .briefdeck-handout{font-family:"Source Sans 3",sans-serif;color:#1b2430}
      .handout-slide{break-inside:avoid}
      .handout-notes{font-size:14pt;line-height:1.45;margin-top:12pt}
      .handout-notes p{margin:0 0 8pt}`;
    document.head.appendChild(style);
    document.body.appendChild(handout);
  }, size);
  await page.evaluate(() => document.fonts.ready);
}
