import path from 'node:path';
import { BriefdeckError, DiagnosticBag, failure, type ErrorCode } from '../errors.js';
import { readPixelSize } from '../read-pixel-size.js';
import { MAX_GUESSES, suggestClosest } from '../did-you-mean.js';
import { type Briefing, type LoadedAsset } from '../model.js';
import { groupDigits } from '../group-digits.js';
import { writtenForAnotherTool } from '../written-for.js';
import { readRegularFile } from '../read-regular-file.js';
import { assertInside } from './confine-path.js';
import { decodeSource } from './decode-source.js';
import { decodeDataPicture, isDataPictureName, showPictureSource } from '../data-picture.js';
import { listFolder } from './list-folder.js';
import { DEFAULT_LIMITS, type InputLimits } from './input-limits.js';

/** Pictures a briefing's own file holds (a notebook's outputs), by their path in the briefing folder: read from it, never from the disk. */
export type EmbeddedPictures = (relPath: string) => Uint8Array | undefined;

/** Draws an icon of a set briefdeck carries (`carbon:edit`) as a picture, or throws for one its set does not have (draw-icons.ts). */
export type IconDrawer = (icon: string, where: { file: string; line: number }, shown: string, colour?: string) => Uint8Array;

/**
 * Reads every image the briefing references, confined to its folder (or held by its own file, `embedded`; or, for a
 * Slidev icon, drawn by `drawIcon`) and checked by content; problems go to `bag`.
 */
export function loadAssets(briefing: Briefing, root: string, bag: DiagnosticBag, limits: InputLimits = DEFAULT_LIMITS, embedded?: EmbeddedPictures, drawIcon?: IconDrawer): Map<number, LoadedAsset> {
  const assets = new Map<number, LoadedAsset>();
  const cache = new Map<string, LoadedAsset>();
  /** The hint for each picture found missing, by its path, and each folder's names: a deck that names thousands of missing pictures lists each folder once. */
  const missing: MissingPictures = { hints: new Map(), folders: new Map(), guessed: 0 };
  let total = 0;
  /** Once the images pass the deck limit, the pictures after are not read: one problem, said once. */
  let overLimit = false;
  briefing.images.forEach((image, index) => {
    // A Mermaid diagram is drawn, not read (draw-diagrams.ts).
    if (image.diagram !== undefined || overLimit) return;
    const where = { file: image.source.file, line: image.source.line };
    const shown = showPictureSource(image.src);
    // A file is known by its path; a picture written out as data, by the data itself.
    const key = isDataPictureName(image.relPath) ? image.src : image.relPath;
    const countTowardsDeck = (bytes: number) => {
      total += bytes;
      if (total > limits.maxDeckBytes) {
        overLimit = true;
        const after = briefing.images.slice(index + 1).filter((i) => i.diagram === undefined).length;
        throw failure('E_DECK_TOO_LARGE', `images add up to more than the ${limits.maxDeckBytes}-byte deck limit at ${shown}${after > 0 ? `; the ${groupDigits(after)} after it ${after === 1 ? 'was' : 'were'} not read` : ''}`, {
          ...where,
          hint: 'compress the images or use each fewer times, or raise the limit with --max-deck-bytes',
        });
      }
    };
    try {
      const cached = cache.get(key);
      if (cached) {
        // Every reference inlines its own copy, so each one counts against the deck limit.
        countTowardsDeck(cached.bytes.length);
        assets.set(index, cached);
        return;
      }
      // A picture the deck holds itself: drawn in the slide, one of Slidev's icons, written out as data, or an output of its notebook.
      const held = image.inlineSvg !== undefined ? Buffer.from(image.inlineSvg, 'utf8') : image.icon !== undefined ? (drawIcon?.(image.icon, where, image.src, image.iconColour) ?? new Uint8Array()) : isDataPictureName(image.relPath) ? decodeDataPicture(image.src) ?? new Uint8Array() : embedded?.(image.relPath);
      if (held && held.length > limits.maxImageBytes) {
        const smaller = image.inlineSvg !== undefined ? 'make the <svg> written in the slide smaller, or keep it in a file' : isDataPictureName(image.relPath) ? 'save the picture as a smaller file in the briefing folder and name it by its path' : 'save a smaller picture in the notebook';
        throw failure('E_IMAGE_TOO_LARGE', `image ${shown} is ${held.length} bytes, over the ${limits.maxImageBytes}-byte limit`, { ...where, hint: `${smaller}, or raise the limit with --max-image-bytes` });
      }
      const bytes = held ?? readImageFile(image, root, where, limits, missing);
      const mime = sniffImageType(bytes);
      if (!mime) {
        throw failure('E_IMAGE_TYPE', `${shown} is not a PNG, JPEG, GIF, WebP or SVG image`, {
          ...where,
          hint: 'the type is read from the file content, not its extension',
        });
      }
      // A browser shows a damaged picture as a broken one, and PowerPoint cannot place it: said here, at its line.
      const pixels = mime === 'image/svg+xml' ? undefined : readPixelSize(bytes);
      if (mime !== 'image/svg+xml' && pixels === undefined) {
        throw failure('E_IMAGE_DAMAGED', `${shown} is a damaged ${IMAGE_KINDS[mime] ?? mime} image: its size cannot be read from its header`, {
          ...where,
          hint: 'open it in an image editor and save it again, or replace it',
        });
      }
      countTowardsDeck(bytes.length);
      const asset = { mime, bytes, ...(pixels ? { pixels } : {}) };
      cache.set(key, asset);
      assets.set(index, asset);
    } catch (err) {
      if (!(err instanceof BriefdeckError)) throw err;
      // A deck written for another tool builds unchanged: a picture it names that is not there, or that no browser
      // would show (not a picture, or damaged), is left out, its alt text in its place (render-deck.ts), with a
      // warning. In a briefdeck deck it is an error. Nothing else softens: paths outside the folder and sizes never do.
      const softened = SOFTENED_IN_PEER_DECKS[err.code];
      if (softened !== undefined && writtenForAnotherTool(briefing.meta)) {
        for (const d of err.diagnostics) bag.warn(softened, `${d.message}; it was left out${image.alt.trim() === '' ? '' : ', its alt text in its place'}`, { file: d.file, line: d.line, hint: d.hint });
      } else bag.addAll(err.diagnostics);
    }
  });
  return assets;
}

/** The warning each picture error becomes in a deck written for another tool; the others stay errors. */
const SOFTENED_IN_PEER_DECKS: Partial<Record<ErrorCode, ErrorCode>> = { E_IMAGE_MISSING: 'W_IMAGE_MISSING', E_IMAGE_TYPE: 'W_IMAGE_MISSING', E_IMAGE_DAMAGED: 'W_IMAGE_MISSING' };

/** The name of each raster type, as a message says it. */
const IMAGE_KINDS: Record<string, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/gif': 'GIF', 'image/webp': 'WebP' };

/** What was learnt of missing pictures while one deck's are read. */
interface MissingPictures {
  hints: Map<string, string>;
  folders: Map<string, string[]>;
  /** How many names a did-you-mean was looked for: the first MAX_GUESSES only, each a comparison with every name in its folder. */
  guessed: number;
}

/** The extensions a picture named without one is looked for with, in the order LaTeX's graphicx tries them (less PDF and EPS). */
const PICTURE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'svg', 'gif', 'webp', 'PNG', 'JPG', 'JPEG', 'SVG'];

/** Reads an image the briefing names from the disk, confined to its folder, with a likely name when it is not there. */
function readImageFile(image: Briefing['images'][number], root: string, where: { file: string; line: number }, limits: InputLimits, missing: MissingPictures): Uint8Array {
  const full = path.join(root, image.relPath);
  const known = missing.hints.get(image.relPath);
  if (known !== undefined) throw failure('E_IMAGE_MISSING', `image not found: ${image.src}`, { ...where, hint: known });
  let real: string;
  try {
    real = assertInside(root, full, image.src, where);
  } catch (err) {
    if (err instanceof BriefdeckError && err.code === 'E_IMAGE_MISSING') {
      // The most common cause is case: Chart.svg written, chart.svg on disk (macOS and Windows forgive it, Linux does not).
      // A folder that is missing itself has nothing to suggest.
      const folder = path.join(root, path.dirname(image.relPath));
      const siblings = missing.folders.get(folder) ?? listFolder(folder);
      missing.folders.set(folder, siblings);
      const name = path.basename(image.relPath);
      // A name with no extension (LaTeX's `\includegraphics{map}`) is the picture of that name with an extension a
      // deck can show, as graphicx looks for each it knows; a PDF (its first choice) cannot be shown, so it is not one.
      const completed = path.extname(name) === '' ? PICTURE_EXTENSIONS.map((ext) => `${name}.${ext}`).find((n) => siblings.includes(n)) : undefined;
      if (completed !== undefined) return readImageFile({ ...image, relPath: path.posix.join(path.posix.dirname(image.relPath), completed) }, root, where, limits, missing);
      const inCase = siblings.find((n) => n.toLowerCase() === name.toLowerCase());
      // Else a name a typo away (sqaure.png for square.png).
      const guess = inCase ?? (missing.guessed++ < MAX_GUESSES ? suggestClosest(name, siblings) : undefined);
      // A path from `/` was read from a folder of the briefing, as the deck's tool reads it (Quarto's root, Slidev's public/).
      const looked = `looked for ${path.join(path.basename(root), image.relPath)}; ${image.src.startsWith('/') ? 'a path from / is read from the folder its tool reads it from (Slidev: public/, Quarto: the project root)' : 'paths are relative to the Markdown file'}`;
      const hint = guess ? `did you mean "${path.posix.join(path.posix.dirname(image.src), guess)}"? ${inCase ? 'file names are case-sensitive' : looked}` : looked;
      missing.hints.set(image.relPath, hint);
      throw failure('E_IMAGE_MISSING', `image not found: ${image.src}`, { ...where, hint });
    }
    throw err;
  }
  return readRegularFile(real, image.src, limits.maxImageBytes, where, (size) =>
    failure('E_IMAGE_TOO_LARGE', `image ${image.src} is ${size} bytes, over the ${limits.maxImageBytes}-byte limit`, {
      ...where,
      hint: 'compress or resize the image, or raise the limit with --max-image-bytes',
    }),
  );
}

/**
 * Reads the CSV or JSON file each chart names, under the same confinement as
 * images and the Markdown file size limit; problems go to `bag`. Returns the
 * decoded text by chart index.
 */
export function loadChartData(briefing: Briefing, root: string, bag: DiagnosticBag, limits: InputLimits = DEFAULT_LIMITS): Map<number, string> {
  const texts = new Map<number, string>();
  briefing.charts.forEach((chart, index) => {
    if (!chart.dataFile) return;
    const where = { ...chart.source };
    try {
      const real = assertInside(root, path.join(root, chart.dataFile.relPath), chart.dataFile.src, where);
      const bytes = readRegularFile(real, chart.dataFile.src, limits.maxFileBytes, where, (size) =>
        failure('E_FILE_TOO_LARGE', `chart data ${chart.dataFile!.src} is ${size} bytes, over the ${limits.maxFileBytes}-byte limit`, {
          ...where,
          hint: 'a slide cannot show that much data: aggregate it first, or raise the limit with --max-file-bytes',
        }),
      );
      texts.set(index, decodeSource(bytes, chart.dataFile.src));
    } catch (err) {
      if (err instanceof BriefdeckError) bag.addAll(err.diagnostics);
      else throw err;
    }
  });
  return texts;
}

/** Identifies an image by its magic bytes, so a renamed file cannot smuggle in another type. */
export function sniffImageType(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'image/webp';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return 'image/svg+xml';
  return null;
}
