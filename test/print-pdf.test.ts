import { PDFDocument } from 'pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { buildDeck } from '../src/build-deck.js';
import { BriefdeckError } from '../src/errors.js';
import { writeBriefing } from './helpers.js';

// The browser is replaced by one that lays out five pages and prints one: the case a real
// Chromium met once in many runs under load, which must never be written as a whole PDF.
vi.mock('../src/browser-session.js', () => ({
  withBrowser: async (_path: string, _timeout: number, _progress: unknown, job: (browser: unknown, tracker: { enter(stage: string): void }) => Promise<unknown>) => job({}, { enter: () => undefined }),
  loadDeckIntoPage: async () => ({
    // The only question the exporter asks by evaluate that has an answer: how many pages the print view laid out.
    evaluate: async (fn: { toString(): string }) => (fn.toString().includes('querySelectorAll(".reveal .slides > .pdf-page").length') || fn.toString().includes("querySelectorAll('.reveal .slides > .pdf-page').length") ? 5 : undefined),
    pdf: async () => {
      const doc = await PDFDocument.create();
      doc.addPage([1280, 720]);
      return doc.save();
    },
  }),
  waitForPrintLayout: async () => undefined,
  waitForFonts: async () => undefined,
  measureOverflow: async () => [],
  measureOverflowOf: async () => [],
  launchBrowserEarly: () => undefined,
}));

describe('a printed PDF', () => {
  it('that has fewer pages than the print view laid out is an error, and no PDF comes back', async () => {
    const { printPdf } = await import('../src/print-pdf.js');
    const built = await buildDeck(writeBriefing({ 'briefing.yml': 'title: Five\n', 'a.md': '## One\n\nA.\n\n## Two\n\nB.\n\n## Three\n\nC.\n\n## Four\n\nD.\n' }, 'lost-pages'));
    const error = await printPdf(built, { browserPath: 'none', timeoutMs: 1000, progress: () => undefined, notes: false, fragments: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefdeckError);
    expect(error).toMatchObject({ code: 'E_BROWSER', message: 'the browser printed 1 page where the deck laid out 5; nothing was written' });
  });
});
