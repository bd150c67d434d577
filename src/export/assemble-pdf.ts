// The last step of a PDF export: the parts Chromium printed become one PDF,
// with the briefing's metadata and reproducible dates. Chromium's print
// time grows with the square of the pages it prints at once, so a long deck
// is printed in parts (print-pdf.ts) and the parts are joined here.
import { createRequire } from 'node:module';
import type { PDFDocument as PdfDocument, PDFName as PdfName, PDFRef as PdfRef } from 'pdf-lib';
import type { BriefingMeta } from '../model.js';
import { documentDate } from '../document-date.js';

type PdfLib = typeof import('pdf-lib');
let pdfLib: PdfLib | undefined;

/**
 * pdf-lib, loaded on first call. Its maintainers' one-file build loads in a
 * third of the time of its 170 CommonJS modules, and it is required, not
 * imported, so Node does not scan it for export names first. The CLI calls
 * this while it only waits on the browser, so that stamping does not wait.
 */
export function loadPdfLibrary(): PdfLib {
  return (pdfLib ??= createRequire(import.meta.url)('pdf-lib/dist/pdf-lib.min.js') as PdfLib);
}

/** A finished PDF and its page count. */
export interface AssembledPdf {
  pdf: Uint8Array;
  pages: number;
}

/** Takes the printed parts in order, each as soon as it is printed, and makes the finished PDF of them. */
export interface PdfAssembler {
  /** Adds the next part, once the one before has been added; its parsing yields now and then, so the browser can be sent the next print meanwhile. */
  add(part: Uint8Array): Promise<void>;
  /** Sets Title, Author, Subject and reproducible dates and returns the finished PDF. */
  finish(meta: BriefingMeta, sourceDateEpoch?: number): Promise<AssembledPdf>;
}

/**
 * An assembler of printed parts. A PDF printed in one part is kept as
 * Chromium wrote it apart from the metadata; parts are copied into a new PDF,
 * each as it comes, so the joining overlaps the printing of the next part.
 */
export function createPdfAssembler(): PdfAssembler {
  const { PDFDocument, PDFName } = loadPdfLibrary();
  let first: Uint8Array | undefined;
  let joined: Promise<Joined> | undefined;
  let added = 0;
  return {
    async add(part) {
      added++;
      if (added === 1) {
        first = part;
        return;
      }
      if (!joined) joined = startJoined().then(async (doc) => (await doc.append(first!), doc));
      await (await joined).append(part);
    },
    async finish(meta, sourceDateEpoch) {
      if (!first) throw new Error('a PDF was finished before any part of it was printed');
      // pdf-lib otherwise waits a timer tick after every 50 or so objects, for a browser's UI: only time lost here.
      const doc = joined ? (await joined).finish() : await PDFDocument.load(first, { updateMetadata: false, parseSpeed: Infinity });
      stampMetadata(doc, meta, sourceDateEpoch);
      return { pdf: await doc.save({ useObjectStreams: false, objectsPerTick: Infinity }), pages: doc.getPageCount() };
    },
  };

  interface Joined {
    append(part: Uint8Array): Promise<void>;
    finish(): PdfDocument;
  }

  /**
   * A new PDF that parts' pages are copied into. A link to an anchor on
   * another part's page names a destination that only that part's catalog
   * defines, so the parts' destinations are gathered into the joined catalog,
   * each pointed at its page's copy.
   */
  async function startJoined(): Promise<Joined> {
    const { PDFDict, PDFArray } = loadPdfLibrary();
    const doc = await PDFDocument.create({ updateMetadata: false });
    const destinations = doc.context.obj({});
    let index = 0;
    return {
      async append(bytes) {
        // Parsed 500 objects at a time, with a timer tick between, so the next print's messages are not held up.
        const part = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: 500 });
        retagFontSubsets(part, index++);
        const copies = await doc.copyPages(part, part.getPageIndices());
        for (const copy of copies) doc.addPage(copy);
        const copyOf = new Map(part.getPages().map((page, i) => [page.ref, copies[i]!.ref]));
        const named = part.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
        for (const [name, value] of named?.entries() ?? []) {
          // A destination is [page /XYZ left top zoom]: only the page is a reference into the part.
          const target = part.context.lookupMaybe(value, PDFArray);
          const page = target && copyOf.get(target.get(0) as PdfRef);
          // Only the part that shows an anchor names it; should two (one id used twice), the first wins, as in one print.
          if (!page || destinations.has(name)) continue;
          destinations.set(name, doc.context.obj([page, ...target.asArray().slice(1)]));
        }
      },
      finish() {
        if (destinations.keys().length > 0) doc.catalog.set(PDFName.of('Dests'), doc.context.register(destinations));
        return doc;
      },
    };
  }
}

/**
 * Gives each part's font subsets tags of their own. Chromium tags a PDF's
 * subsets AAAAAA+, BAAAAA+ and on, so every part uses the same tags for
 * different subsets, and the PDF standard wants a tag per subset. The last two
 * letters of the tag count the part (the first part's are AA, as printed).
 */
function retagFontSubsets(part: PdfDocument, index: number): void {
  const { PDFDict, PDFName } = loadPdfLibrary();
  if (index === 0) return;
  const mark = String.fromCharCode(65 + Math.floor(index / 26) % 26, 65 + (index % 26));
  const keys = [PDFName.of('BaseFont'), PDFName.of('FontName')];
  for (const [, object] of part.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    for (const key of keys) {
      const name = object.get(key);
      const text = name instanceof PDFName ? name.decodeText() : undefined;
      if (text && /^[A-Z]{6}\+/.test(text)) object.set(key, PDFName.of(`${text.slice(0, 4)}${mark}${text.slice(6)}`));
    }
  }
}

/** Sets Title, Author, Subject, language and reproducible dates. */
function stampMetadata(doc: PdfDocument, meta: BriefingMeta, sourceDateEpoch: number | undefined): void {
  const { PDFName } = loadPdfLibrary();
  if (meta.title) doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  const subject = meta.subtitle ?? meta.bottomLine;
  if (subject) doc.setSubject(subject);
  doc.setCreator('briefdeck');
  doc.setProducer('briefdeck');
  doc.setLanguage(meta.lang);
  const date = documentDate(meta, sourceDateEpoch);
  if (date) {
    doc.setCreationDate(date);
    doc.setModificationDate(date);
  } else {
    // Without a date to use, leave none rather than "now", so the same input gives the same bytes.
    // getInfoDict is private in pdf-lib's types but is the only way to drop a key it has no setter for.
    const info = (doc as unknown as { getInfoDict(): { delete(key: PdfName): void } }).getInfoDict();
    info.delete(PDFName.of('CreationDate'));
    info.delete(PDFName.of('ModDate'));
  }
}
