// Writes an editable PowerPoint file from the typed model, with pptxgenjs: no
// browser and no LibreOffice. The slide master carries the classification
// banners, the footer rule, the deck title and the slide number, so they stay
// in place on slides a user adds.
import { dropExternalReferences } from './svg-references.js';
import { strToU8, unzipSync } from 'fflate';
import { zipEntries, type ZipEntry } from './zip-entries.js';
import type { LoadedModel } from '../build-deck.js';
import { SLIDE_SIZES, showsPageNumber, slideFooter, slideHeader } from '../model.js';
import { slideAnchor, slideIndices } from '../slide-places.js';
import { documentDate } from '../document-date.js';
import { checkChartsForExport, mix } from './pptx-charts.js';
import { DiagnosticBag, type Diagnostic } from '../errors.js';
import { DECORATIVE_PICTURE, placeSlide, type Geometry, type PlacedImage } from './pptx-slides.js';
import { readSlideBlocks, readSlideParts, type SlideBlock } from './read-slide-blocks.js';
import { paletteOn, readThemePalette, type ThemePalette } from './theme-palette.js';
import { toHex } from '../colour.js';
import { addSlideTransition, writeSlideTransition } from './pptx-transitions.js';
import { addSlideTiming, separateTableIds, type StepTarget } from './pptx-animations.js';
import { nameSlideObjects } from './pptx-names.js';
import { showPictureSource } from '../data-picture.js';
import { countNoun } from '../count-noun.js';

/** What the PowerPoint export needs besides the model. */
export interface PptxOptions {
  /** Leave every speaker note out. */
  handout: boolean;
  /** Seconds since the epoch for the document dates (SOURCE_DATE_EPOCH); unset, the time of the export. */
  sourceDateEpoch?: number;
  progress?: (line: string) => void;
}

/** A written presentation and what the export could not carry over. */
export interface WrittenPptx {
  bytes: Uint8Array;
  slides: number;
  /** Slides whose notes went into the file. */
  notes: number;
  /** Informational lines, such as fragments shown all at once. */
  info: string[];
  /** What the file could not carry, such as a picture that could not be drawn, each at its file:line. */
  warnings: Diagnostic[];
}

const MASTER = 'BRIEFDECK';
const MASTER_PLAIN = 'BRIEFDECK_PLAIN';
/** Added to a master's name for its variant without the slide number. */
const UNNUMBERED = '_UNNUMBERED';
const BANNER = 0.3;

/** Writes the presentation: one native slide per slide of the model, with its notes. */
export async function writePptx(model: LoadedModel, options: PptxOptions): Promise<WrittenPptx> {
  // The ESM build's default export is the class; the published types describe the CommonJS one.
  const PptxGenJS = (await import('pptxgenjs')).default as unknown as new () => import('pptxgenjs').default;
  const { briefing } = model;
  const { meta } = briefing;
  const bag = new DiagnosticBag();
  const checkedCharts = checkChartsForExport(briefing.charts, model.chartData, bag);
  bag.throwIfErrors();
  const palette = readThemePalette(meta.theme, model.customThemeCss);
  const pptx = new PptxGenJS();
  const size = SLIDE_SIZES[meta.size];
  // 96 CSS pixels to the inch: 1280×720 is 13.33×7.5 in (16:9), 960×720 is 10×7.5 in (4:3).
  const width = size.width / 96;
  const height = size.height / 96;
  pptx.defineLayout({ name: `BRIEFDECK_${meta.size}`, width, height });
  pptx.layout = `BRIEFDECK_${meta.size}`;
  pptx.title = meta.title;
  if (meta.author) pptx.author = meta.author;
  pptx.subject = meta.subtitle ?? meta.bottomLine ?? meta.title;
  // pptxgenjs would otherwise write its own name as the document's company.
  pptx.company = '';
  pptx.theme = { headFontFace: palette.headingFont, bodyFontFace: palette.bodyFont };

  const banner = meta.classification ? BANNER : 0;
  const footerY = height - banner - 0.5;
  const geometry: Geometry = { width, height, margin: 0.6, bodyTop: banner + 1.55, bodyBottom: footerY - 0.1 };
  // Each slide's colours: the theme's, or on a background of its own the colours that read on it (paletteOn).
  const palettes = briefing.slides.map((slide) => {
    const own = slide.look?.backgroundColor === undefined ? undefined : toHex(slide.look.backgroundColor);
    const onIt = own ? paletteOn(own, palette) : palette;
    // A text colour of the slide's own (Marp's `color`) is its text's and its titles', as in the HTML deck.
    const text = slide.look?.textColor === undefined ? undefined : toHex(slide.look.textColor);
    // A colour of its headings' own (Deckset's `[.header: …]`) is its titles'.
    const heading = slide.look?.headingColor === undefined ? text : toHex(slide.look.headingColor);
    return text || heading ? { ...onIt, ...(text ? { text } : {}), ...(heading ? { heading } : {}) } : onIt;
  });
  // Masters in those colours too, so a slide's number, rules and deck title read on its background: one set per text colour.
  const variants = new Map<string, ThemePalette>();
  for (const p of palettes) if (!variants.has(p.text)) variants.set(p.text, p);
  const images = await placeImages(model, bag);
  // The deck's title at the footer's right is briefdeck's chrome, which a deck written for another tool does not show.
  // The footer's rule too, when no slide has anything in its footer (a deck for another tool that gives no footer and no number).
  const footerRule = !meta.footerGivenOnly || meta.footerText !== undefined || briefing.logo !== undefined || briefing.slides.some((slide) => Boolean(slide.footerText) || showsPageNumber(slide, meta));
  const chrome = { classification: meta.classification, deckTitle: meta.footerGivenOnly ? '' : meta.title, footerRule, ...(briefing.logo !== undefined && images.has(briefing.logo) ? { logo: images.get(briefing.logo)! } : {}) };
  for (const [text, variant] of variants) {
    // A slide whose number is set otherwise than the deck's (Marp's `paginate` directive) takes a master of its own, without the number
    // or with it: a slide number shows on a slide only through its master.
    const numbered = new Set(briefing.slides.filter((_, i) => palettes[i]!.text === text).map((slide) => showsPageNumber(slide, meta)));
    defineMasters(pptx, { width, height, banner, footerY }, variant, chrome, numbered, variantName(variant, palette));
  }

  const info: string[] = [];
  let fragments = 0;
  let notes = 0;
  /** Each slide's objects and paragraphs that step in or out at a click, and how many in all. */
  const slideSteps: StepTarget[][] = [];
  let animated = 0;
  // Every slide of the deck is a slide of the file, in the same order.
  const slideLinks = new Map(slideIndices(briefing.slides).map((place, i) => [slideAnchor(place), i + 1]));
  for (const [i, slide] of briefing.slides.entries()) {
    const plain = slide.kind === 'title' || slide.kind === 'section';
    const slidePalette = palettes[i]!;
    const pptxSlide = nameSlideObjects(pptx.addSlide({ masterName: masterName(plain, showsPageNumber(slide, meta), variantName(slidePalette, palette)) }));
    // The slide's own background (reveal's, Marp's, Quarto's): its colour, or its picture, with text that reads on it.
    const ownPicture = slide.look?.backgroundImage === undefined ? undefined : images.get(slide.look.backgroundImage);
    if (ownPicture) pptxSlide.background = { data: ownPicture.data };
    else if (slidePalette !== palette) pptxSlide.background = { color: slidePalette.background };
    const body = readSlideBlocks(slide.bodyHtml);
    // The columns and what spans them are read as one slide, so that their steps are numbered across them, as the deck steps through them.
    const parts = slide.columns ? readSlideParts([slide.columnsLead ?? '', ...slide.columns, slide.columnsTail ?? '']) : null;
    fragments += (parts?.[0] ?? body).fragments;
    const shown = parts?.map((part) => showMissingPicturesAsText(part.blocks, images));
    const columns = shown ? shown.slice(1, -1) : null;
    const lead = shown && slide.columnsLead !== undefined ? shown[0]! : null;
    const tail = shown && slide.columnsTail !== undefined ? shown.at(-1)! : null;
    const steps: StepTarget[] = [];
    placeSlide({ pptx, slide: pptxSlide, briefing, palette: slidePalette, geometry, images, charts: briefing.charts, checkedCharts, slideLinks, steps }, slide, showMissingPicturesAsText(body.blocks, images), columns, lead, tail);
    slideSteps.push(steps);
    animated += steps.length;
    // The header line the deck shows at the top of the slide (Marp's `header`, or the slide's own), above the title.
    const header = slideHeader(slide, meta);
    if (header) {
      pptxSlide.addText(header, { objectName: 'Header', x: 0.6, y: banner + 0.04, w: width - 1.2, h: 0.3, fontSize: 12, color: slidePalette.text, fontFace: palette.bodyFont, valign: 'top', fit: 'shrink' });
    }
    // The footer's text as the deck shows it (slideFooter), but for the deck's title, which the masters show at the right.
    const footer = slideFooter(slide, { ...meta, title: '' });
    if (footer && !plain) {
      pptxSlide.addText(footer, { objectName: 'Footer section', x: 0.6, y: footerY + 0.05, w: width * 0.6, h: 0.35, fontSize: 12, color: slidePalette.text, fontFace: palette.bodyFont, valign: 'top' });
    }
    if (!options.handout && slide.notes) {
      pptxSlide.addNotes(notesText(readSlideBlocks(slide.notes.html).blocks));
      notes++;
    }
    if (slide.number % 50 === 0) options.progress?.(`placed slide ${slide.number} of ${briefing.slides.length}`);
  }
  if (animated > 0) info.push(`${animated} ${animated === 1 ? 'block or list item steps' : 'blocks and list items step'} in or out at a click, as PowerPoint animations`);
  const icons = briefing.images.filter((image, index) => image.icon !== undefined && model.assets.has(index)).length;
  if (icons > 0) info.push(`${countNoun(icons, 'Slidev icon')} left out: a picture the size of a line of text has no place in PowerPoint's text`);
  if (fragments > 0) info.push(`${countNoun(fragments, 'build step')} (fragments) shown all at once: PowerPoint animates whole blocks and list items, not words, code lines or effects that only restyle`);
  // Uncompressed: the file is compressed once, with Node's own zlib, when its bytes are made reproducible.
  const written = (await pptx.write({ outputType: 'nodebuffer', compression: false })) as Uint8Array;
  // Each slide's transition, or the deck's where the author set one (the deck's default fade is the HTML's alone), by slide number.
  const transitions = briefing.slides.map((slide) => writeSlideTransition(slide, meta.transition));
  return { bytes: await stabilise(written, documentDate(meta, options.sourceDateEpoch), transitions, slideSteps), slides: briefing.slides.length, notes, info, warnings: bag.warnings };
}

/** What a master in a slide's colours (`palette`) adds to its name: nothing in the theme's (`theme`), else its text colour. */
function variantName(palette: ThemePalette, theme: ThemePalette): string {
  return palette.text === theme.text ? '' : ` on ${palette.text}`;
}

/** The master of a slide: plain (the title slide, section dividers) or not, with its number or without, in the colours `variant` names ('' for the theme's). */
function masterName(plain: boolean, numbered: boolean, variant = ''): string {
  return `${plain ? MASTER_PLAIN : MASTER}${numbered ? '' : UNNUMBERED}${variant}`;
}

/** What every slide's master carries besides its colours: the classification banners' text, the deck's title and its logo. */
interface MasterChrome {
  classification?: string;
  deckTitle: string;
  /** Whether the masters draw the footer's rule: not for a deck whose footers hold nothing. */
  footerRule: boolean;
  logo?: PlacedImage;
}

/** Two masters: one with the title rule for content slides, one without for the title slide and section dividers; each with the slide number, without it, or both, as `numbered` holds true, false or both. */
function defineMasters(pptx: import('pptxgenjs').default, frame: { width: number; height: number; banner: number; footerY: number }, palette: ThemePalette, chrome: MasterChrome, numbered: ReadonlySet<boolean>, variant = ''): void {
  const { width, height, banner, footerY } = frame;
  const { classification, deckTitle } = chrome;
  const margin = 0.6;
  // The deck's logo at the footer's right, before the number, a quarter inch high (24 px, as in the deck).
  const logoHeight = 0.25;
  const logoWidth = chrome.logo ? Math.min(1.67, (logoHeight * chrome.logo.width) / chrome.logo.height) : 0;
  const logo = chrome.logo ? [{ image: { data: chrome.logo.data, x: width - margin - 1.6 - logoWidth, y: footerY + 0.1, w: logoWidth, h: logoHeight, altText: DECORATIVE_PICTURE } }] : [];
  const banners = classification
    ? [0, height - banner].flatMap((y) => [
        { rect: { x: 0, y, w: width, h: banner, fill: { color: palette.text }, line: { color: palette.text } } },
        { text: { text: classification.toUpperCase(), options: { x: 0, y, w: width, h: banner, align: 'center' as const, valign: 'middle' as const, fontSize: 11, bold: true, color: palette.background, fontFace: palette.bodyFont, charSpacing: 2 } } },
      ])
    : [];
  const footer = chrome.footerRule ? [{ line: { x: margin, y: footerY, w: width - 2 * margin, h: 0, line: { color: mix(palette.text, palette.background, 0.3), width: 0.75 } } }] : [];
  const title = (y: number, h: number) => ({
    placeholder: {
      options: { name: 'title', type: 'title' as const, x: margin, y, w: width - 2 * margin, h, align: 'left' as const, fontSize: 30, bold: true, color: palette.heading, fontFace: palette.headingFont, valign: 'bottom' as const, margin: 0 },
      text: '',
    },
  });
  const slideNumber = { x: width - margin - 1.5, y: footerY + 0.05, w: 1.5, h: 0.35, fontSize: 12, color: palette.text, fontFace: palette.bodyFont, align: 'right' as const };
  for (const withNumber of [true, false].filter((n) => numbered.has(n))) {
    pptx.defineSlideMaster({
      title: masterName(false, withNumber, variant),
      background: { color: palette.background },
      objects: [
        ...banners,
        ...footer,
        title(banner + 0.35, 0.9),
        { line: { x: margin, y: banner + 1.35, w: width - 2 * margin, h: 0, line: { color: palette.accent, width: 2 } } },
        ...logo,
        ...(deckTitle ? [{ text: { text: deckTitle, options: { x: width * 0.45, y: footerY + 0.05, w: width * 0.55 - margin - 1.6 - (logoWidth ? logoWidth + 0.1 : 0), h: 0.35, fontSize: 12, color: mix(palette.text, palette.background, 0.7), fontFace: palette.bodyFont, align: 'right' as const } } }] : []),
      ],
      ...(withNumber ? { slideNumber } : {}),
    });
    pptx.defineSlideMaster({ title: masterName(true, withNumber, variant), background: { color: palette.background }, objects: [...banners, ...logo, title(height * 0.3, 1.4)], ...(withNumber ? { slideNumber } : {}) });
  }
}

/** Every image as PowerPoint can show it: PNG, JPEG and GIF as they are, SVG drawn to PNG (resvg, loaded only for SVG), without what it names outside itself. */
async function placeImages(model: LoadedModel, bag: DiagnosticBag): Promise<Map<number, PlacedImage>> {
  const placed = new Map<number, PlacedImage>();
  for (const [index, asset] of model.assets) {
    // Slidev's icons are left out of the slides (read-slide-blocks.ts): none is drawn.
    if (model.briefing.images[index]?.icon !== undefined) continue;
    let bytes = asset.bytes;
    let mime = asset.mime;
    // Raster pictures had their size read when they were loaded (load-assets.ts), which refuses a damaged one.
    let dims = asset.pixels ?? { width: 1, height: 1 };
    if (mime === 'image/svg+xml') {
      const { Resvg } = await import('@resvg/resvg-js');
      try {
        // Nothing the picture names outside itself is read: in the deck, an SVG picture loads nothing either.
        const drawn = new Resvg(dropExternalReferences(Buffer.from(asset.bytes).toString('utf8')), { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render();
        bytes = drawn.asPng();
        dims = { width: drawn.width, height: drawn.height };
      } catch (err) {
        // A browser may still show an SVG that resvg cannot read (it is stricter about XML): the HTML deck keeps it, the slide goes on without it.
        const image = model.briefing.images[index]!;
        bag.warn('W_IMAGE_UNDRAWN', `${showPictureSource(image.src)} cannot be drawn for PowerPoint (${(err as Error).message}); it was left out of that slide, its alt text in its place`, { ...image.source, hint: 'check that the SVG opens in an image editor, or save it as PNG' });
        continue;
      }
      mime = 'image/png';
    }
    placed.set(index, { data: `${mime};base64,${Buffer.from(bytes).toString('base64')}`, width: dims.width, height: dims.height });
  }
  return placed;
}

/** The blocks with each picture that was left out (missing, damaged, or not drawn) as its alt text, as the HTML deck shows it; one without alt text goes. */
function showMissingPicturesAsText(blocks: SlideBlock[], images: ReadonlyMap<number, PlacedImage>): SlideBlock[] {
  return blocks.flatMap((block): SlideBlock[] => {
    if (block.kind !== 'image' || images.has(block.asset)) return [block];
    return block.alt.trim() === '' ? [] : [{ kind: 'paragraph', runs: [{ text: block.alt.trim() }] }];
  });
}

/** Notes as plain paragraphs: list items keep a dash, nothing else of the markup. */
function notesText(blocks: SlideBlock[]): string {
  const text = (runs: { text: string }[]) => runs.map((r) => r.text).join('');
  return blocks
    .flatMap((b) => {
      switch (b.kind) {
        case 'paragraph':
        case 'heading':
          return [text(b.runs)];
        case 'list':
          return b.items.map((i) => `${'  '.repeat(i.level)}- ${text(i.runs)}`);
        case 'quote':
          return b.paragraphs.map(text);
        case 'code':
          return b.lines.map(text);
        case 'math':
          return [b.tex];
        case 'table':
          return [...[b.header], ...b.rows].filter((r) => r.length > 0).map((row) => row.map(text).join(' | '));
        default:
          return [];
      }
    })
    .join('\n');
}

/**
 * Rewrites the file with fixed dates: the document's created and modified
 * times follow the PDF's rule (SOURCE_DATE_EPOCH, else the briefing's date,
 * else none), and every entry in the zip carries that date or a fixed one, so
 * the same input gives the same bytes.
 */
async function stabilise(bytes: Uint8Array, date: Date | undefined, transitions: readonly string[] = [], slideSteps: readonly (readonly StepTarget[])[] = []): Promise<Uint8Array> {
  // Zip times cannot be left out; without a document date they are the DOS epoch.
  const when = new Date(date ? date.getTime() : Date.UTC(1980, 0, 1));
  when.setUTCMilliseconds(0);
  const iso = when.toISOString().replace('.000Z', 'Z');
  // pptxgenjs writes its zip uncompressed (see writePptx), so reading it back is cheap; it is then compressed once.
  const entries = unzipSync(bytes);
  const out: ZipEntry[] = [];
  const renumber = chartRenumbering(Object.keys(entries));
  for (const original of Object.keys(entries).sort()) {
    if (original.endsWith('/')) continue;
    const name = renumber(original);
    let content: Uint8Array | string = entries[original]!;
    if (/\.(xml|rels)$/.test(name)) content = renumber(new TextDecoder().decode(content));
    const slide = /^ppt\/slides\/slide(\d+)\.xml$/.exec(name);
    // Its transition, then its build steps as click animations (pptx-animations.ts), in the order PresentationML keeps.
    if (slide && typeof content === 'string') content = addSlideTiming(addSlideTransition(separateTableIds(markDecorativePictures(keepFirstParagraphProperties(content))), transitions[Number(slide[1]) - 1] ?? ''), slideSteps[Number(slide[1]) - 1] ?? []);
    // The masters' layouts carry the deck's logo, a decorative picture too.
    if (/^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name) && typeof content === 'string') content = markDecorativePictures(content);
    // A chart's data travels as an embedded workbook, itself a zip with its own times.
    if (name.endsWith('.xlsx') && typeof content !== 'string') content = await stabilise(content, date);
    if (name === 'docProps/core.xml') {
      const core = typeof content === 'string' ? content : new TextDecoder().decode(content);
      content = date ? core.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${iso}$2`) : core.replace(/<dcterms:(?:created|modified)[^>]*>[^<]*<\/dcterms:(?:created|modified)>/g, '');
    }
    // Pictures and workbooks are compressed already: deflating them again costs time and saves nothing, so they are stored.
    out.push({ name, data: typeof content === 'string' ? strToU8(content) : content, store: /\.(png|jpe?g|gif|xlsx)$/i.test(name) });
  }
  // Zip times are DOS times, from 1980 to 2099 in the zip writer: a date outside (SOURCE_DATE_EPOCH=1, as reproducible
  // builds often set it) is held to that range there, while the document's own dates above keep it.
  const zipTime = new Date(Math.min(Math.max(when.getTime(), Date.UTC(1980, 0, 1)), Date.UTC(2099, 11, 31, 23, 59, 58)));
  // They are in local time; shifting by the zone offset makes them read as UTC on every machine.
  return zipEntries(out, new Date(zipTime.getTime() + zipTime.getTimezoneOffset() * 60_000));
}

/**
 * pptxgenjs numbers charts with a counter that lives as long as the process,
 * so a second export in one process (the dev server, the tests) would name
 * them chart3, chart4. Renumbering them from 1, in order, keeps the bytes the
 * same for the same input however many exports came before.
 */
function chartRenumbering(names: string[]): (text: string) => string {
  const numbers = [...new Set(names.map((n) => /^ppt\/charts\/chart(\d+)\.xml$/.exec(n)?.[1]).filter((n): n is string => n !== undefined))].sort((a, b) => Number(a) - Number(b));
  const map = new Map(numbers.map((n, i) => [n, String(i + 1)]));
  if (numbers.every((n, i) => Number(n) === i + 1)) return (text) => text;
  return (text) => text.replace(/\b(chart|Microsoft_Excel_Worksheet)(\d+)(\.xml|\.xlsx)/g, (whole, stem: string, n: string, ext: string) => (map.has(n) ? `${stem}${map.get(n)}${ext}` : whole));
}

/**
 * pptxgenjs writes paragraph properties before every run of a paragraph, so a
 * bullet item with a bold word gets a second <a:pPr> (with no bullet) in the
 * middle: invalid OOXML that LibreOffice reads as "no bullet" and PowerPoint
 * may offer to repair. Only the first, at the start of the paragraph, is kept.
 */
function keepFirstParagraphProperties(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (_, inner: string) => {
    const kept = inner.replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, (pPr: string, offset: number) => (offset === 0 ? pPr : ''));
    return `<a:p>${kept}</a:p>`;
  });
}

/** PowerPoint's mark of a decorative picture, which a screen reader skips (Office's "Mark as decorative"). */
const DECORATIVE_EXT = '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>';

/** Marks each picture placed without alt text (DECORATIVE_PICTURE, pptx-slides.ts) decorative, with an empty description, as PowerPoint does. */
function markDecorativePictures(xml: string): string {
  if (!xml.includes(DECORATIVE_PICTURE)) return xml;
  // pptxgenjs writes the picture's <p:cNvPr> with its description, then at most a link, then closes it; the mark goes last, as the schema orders it.
  return xml.replace(new RegExp(`(<p:cNvPr\\b[^>]*?) descr="${DECORATIVE_PICTURE}"(/>|>([\\s\\S]*?)</p:cNvPr>)`, 'g'), (_, open: string, _close: string, inner: string | undefined) => `${open} descr="">${inner ?? ''}${DECORATIVE_EXT}</p:cNvPr>`);
}
