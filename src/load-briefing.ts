import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { BriefdeckError, DiagnosticBag, failure } from './errors.js';
import { writtenForAnotherTool, type Briefing, type IncludedFile, type LoadedAsset, type LoadedBriefing, type SourceFile } from './model.js';
import { findIncludes, MAX_INCLUDE_DEPTH, resolveIncludePath } from './include-paths.js';
import { suggestClosest } from './did-you-mean.js';
import { readRegularFile } from './read-regular-file.js';

/** Limits that keep a hostile or mistaken input from exhausting the machine. */
export interface InputLimits {
  /** Largest Markdown or YAML file. */
  maxFileBytes: number;
  /** Largest single image. */
  maxImageBytes: number;
  /** Largest total of all images in one deck. */
  maxDeckBytes: number;
}

export const DEFAULT_LIMITS: InputLimits = {
  maxFileBytes: 5 * 1024 * 1024,
  maxImageBytes: 5 * 1024 * 1024,
  maxDeckBytes: 20 * 1024 * 1024,
};

const META_NAMES = ['briefing.yml', 'briefing.yaml'];

/** Markdown as every peer names it: `.md`, `.markdown`, and Quarto's `.qmd`. */
const MARKDOWN_FILE = /\.(md|markdown|qmd)$/i;

/** Reads a briefing folder or single Markdown file into decoded source files. */
export function loadBriefing(input: string, cwd = process.cwd(), limits: InputLimits = DEFAULT_LIMITS): LoadedBriefing {
  const absolute = path.resolve(cwd, input);
  let stats;
  try {
    stats = statSync(absolute);
  } catch {
    throw failure('E_INPUT_MISSING', `input not found: ${input}`, {
      file: input,
      hint: 'pass a briefing folder or a .md file, for example `briefdeck build briefing/`',
    });
  }
  const display = (p: string) => path.relative(cwd, p) || '.';

  if (stats.isFile()) {
    if (!MARKDOWN_FILE.test(absolute)) {
      throw failure('E_INPUT_TYPE', `not a Markdown file: ${input}`, {
        file: input,
        hint: 'a single-file briefing must end in .md, .markdown or .qmd; otherwise pass its folder',
      });
    }
    const root = realpathSync(path.dirname(absolute));
    const file = readSourceFile(absolute, display(absolute), path.basename(absolute), limits);
    const { includedFiles } = readIncludedFiles([file], root, display, limits);
    return { root, name: path.basename(absolute).replace(MARKDOWN_FILE, ''), markdownFiles: [file], singleFile: true, ...(includedFiles.length > 0 ? { includedFiles } : {}) };
  }

  if (!stats.isDirectory()) {
    throw failure('E_INPUT_TYPE', `not a file or folder: ${input}`, { file: input });
  }
  const root = realpathSync(absolute);
  // Every entry is kept, whatever its type: a FIFO or folder named like a source file is reported, not skipped.
  const entries = readdirSync(absolute)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const metaName = META_NAMES.find((n) => entries.includes(n));
  const bag = new DiagnosticBag();
  const read = (name: string): SourceFile | undefined => {
    const full = path.join(absolute, ...name.split('/'));
    try {
      assertInside(root, full, display(full));
      return readSourceFile(full, display(full), name, limits);
    } catch (err) {
      if (err instanceof BriefdeckError) bag.addAll(err.diagnostics);
      else throw err;
      return undefined;
    }
  };
  const metaFile = metaName ? read(metaName) : undefined;
  const markdownFiles = entries
    .filter((n) => MARKDOWN_FILE.test(n))
    .map(read)
    .filter((f): f is SourceFile => f !== undefined);
  const nestedMarkdownFiles = listNestedMarkdown(absolute)
    .map((rel) => read(rel))
    .filter((f): f is SourceFile => f !== undefined);
  bag.throwIfErrors();
  const { includedFiles, byIncludeLine } = readIncludedFiles([...markdownFiles, ...nestedMarkdownFiles], root, display, limits);
  // A file another one includes (Quarto's include line) is read where it is included, never as slides of its own as well.
  const notIncluded = (f: SourceFile) => !byIncludeLine.has(f.relPath);
  return { root, name: path.basename(root), metaFile, markdownFiles: markdownFiles.filter(notIncluded), nestedMarkdownFiles: nestedMarkdownFiles.filter(notIncluded), singleFile: false, ...(includedFiles.length > 0 ? { includedFiles } : {}) };
}

/** The names in a folder, or none when it cannot be listed. */
function listFolder(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * Reads the files that Markdown files include (Quarto's `{{< include >}}`, see
 * include-paths.ts), and those they include, confined to the briefing folder
 * and under the same limits as any source file. One that cannot be read is
 * kept with its problem, for the parser to report where it is included; one
 * outside the folder is never read. Also returns the files a Quarto include line names.
 */
function readIncludedFiles(files: SourceFile[], root: string, display: (p: string) => string, limits: InputLimits): { includedFiles: IncludedFile[]; byIncludeLine: Set<string> } {
  const found = new Map<string, IncludedFile>();
  /** The files a Quarto include line names (rather than Slidev's `src:`). */
  const byIncludeLine = new Set<string>();
  let next = files;
  for (let depth = 0; depth < MAX_INCLUDE_DEPTH && next.length > 0; depth++) {
    const read: SourceFile[] = [];
    for (const from of next) {
      for (const { target, by } of findIncludes(from.text)) {
        const relPath = resolveIncludePath(from.relPath, target);
        if (relPath !== null && by === 'quarto') byIncludeLine.add(relPath);
        if (relPath === null || found.has(relPath)) continue;
        const full = path.join(root, ...relPath.split('/'));
        try {
          assertInside(root, full, display(full));
          const file = readSourceFile(full, display(full), relPath, limits);
          found.set(relPath, { relPath, file });
          read.push(file);
        } catch (err) {
          if (!(err instanceof BriefdeckError)) throw err;
          // A name mistyped: the file of its folder it most likely meant.
          const meant = err.code === 'E_IMAGE_MISSING' || err.code === 'E_INPUT_MISSING' ? suggestClosest(path.posix.basename(relPath), listFolder(path.dirname(full))) : undefined;
          found.set(relPath, { relPath, problem: `${err.diagnostics[0]?.message ?? err.message}${meant ? `; did you mean ${meant}?` : ''}` });
        }
      }
    }
    next = read;
  }
  return { includedFiles: [...found.values()], byIncludeLine };
}

/** Folders of a briefing that never hold its slides. */
const NOT_SLIDE_FOLDERS = new Set(['templates', 'node_modules', 'dist']);

/**
 * Markdown files in subfolders, as posix paths relative to the briefing
 * folder. They are read only when `files:` lists them; otherwise the parser
 * warns, so a forgotten subfolder is never silently left out.
 */
function listNestedMarkdown(dir: string, prefix = '', depth = 0): string[] {
  if (depth > 8) return [];
  const found: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory() && !entry.name.startsWith('.') && !(depth === 0 && NOT_SLIDE_FOLDERS.has(entry.name))) found.push(...listNestedMarkdown(dir, rel, depth + 1));
    else if (depth > 0 && MARKDOWN_FILE.test(entry.name)) found.push(rel);
  }
  return found.slice(0, 1000);
}

/** Decodes a source file strictly: UTF-8 only, BOM dropped, line endings made LF. */
export function decodeSource(bytes: Uint8Array, displayPath: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw failure('E_ENCODING', 'file is UTF-16; briefdeck reads UTF-8 only', {
      file: displayPath,
      line: 1,
      hint: 're-save the file as UTF-8',
    });
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw failure('E_ENCODING', 'file contains a NUL byte; is it binary?', {
      file: displayPath,
      line: lineOfByte(bytes, nul),
      hint: 'only text files (UTF-8) belong in a briefing; reference images with ![alt](file.png)',
    });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw failure('E_ENCODING', 'file is not valid UTF-8', {
      file: displayPath,
      line: lineOfInvalidUtf8(bytes),
      hint: 're-save the file as UTF-8',
    });
  }
  // TextDecoder already dropped a UTF-8 BOM, so the first heading is seen as one.
  return text.replace(/\r\n?/g, '\n');
}

function readSourceFile(full: string, displayPath: string, relPath: string, limits: InputLimits): SourceFile {
  const bytes = readRegularFile(full, displayPath, limits.maxFileBytes, { file: displayPath }, (size) =>
    failure('E_FILE_TOO_LARGE', `file is ${size} bytes, over the ${limits.maxFileBytes}-byte limit`, {
      file: displayPath,
      hint: 'split the briefing into several files, or raise the limit with --max-file-bytes',
    }),
  );
  return { path: displayPath, relPath, text: decodeSource(bytes, displayPath) };
}

/**
 * Where a path that does not exist would lead: through its symlinks as far as
 * they go, then lexically. Used so a missing file outside the folder reports
 * "outside", exactly like one that exists, and a deck learns nothing about
 * what exists on the builder's machine.
 */
function resolveMissing(full: string, depth = 0): string {
  try {
    return realpathSync(full);
  } catch {
    // Keep following links, then fall back to the parent's real path plus this name.
  }
  try {
    if (depth < 40 && lstatSync(full).isSymbolicLink()) return resolveMissing(path.resolve(path.dirname(full), readlinkSync(full)), depth + 1);
  } catch {
    // Not there at all.
  }
  const parent = path.dirname(full);
  return parent === full ? full : path.join(resolveMissing(parent, depth + 1), path.basename(full));
}

/** Refuses a path whose real location (after symlinks) is outside the briefing root. */
function assertInside(root: string, full: string, displayPath: string, where?: { file: string; line: number }): string {
  let real: string | undefined;
  try {
    real = realpathSync(full);
  } catch {
    real = undefined;
  }
  const rel = path.relative(root, real ?? resolveMissing(full));
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw failure('E_PATH_OUTSIDE', `${displayPath} resolves outside the briefing folder`, {
      ...where,
      hint: 'a briefing may only inline files inside its own folder; copy the file in instead of linking to it',
    });
  }
  if (real === undefined) {
    throw failure('E_IMAGE_MISSING', `file not found: ${displayPath}`, {
      ...where,
      hint: 'paths are relative to the Markdown file that references them',
    });
  }
  return real;
}

/** Resolves a path named in the metadata (a custom theme) to a real file inside the briefing folder. */
export function resolveInsideBriefing(root: string, relative: string, where: { file: string; line: number }): string {
  if (path.isAbsolute(relative) || /^[a-z][a-z0-9+.-]*:/i.test(relative)) {
    throw failure('E_PATH_OUTSIDE', `${relative} is not a path inside the briefing folder`, { ...where, hint: 'name the file relative to the briefing folder, such as ./my-theme.css' });
  }
  const real = assertInside(root, path.join(root, relative), relative, where);
  // esbuild reads the theme itself; a FIFO or device there would hang it or read without end.
  if (!statSync(real).isFile()) throw failure('E_SPECIAL_FILE', `${relative} is not a regular file`, { ...where, hint: 'point theme: at an ordinary .css file' });
  return real;
}

/** Reads every image the briefing references, confined to its folder and checked by content; problems go to `bag`. */
export function loadAssets(briefing: Briefing, root: string, bag: DiagnosticBag, limits: InputLimits = DEFAULT_LIMITS): Map<number, LoadedAsset> {
  const assets = new Map<number, LoadedAsset>();
  const cache = new Map<string, LoadedAsset>();
  let total = 0;
  briefing.images.forEach((image, index) => {
    const where = { file: image.source.file, line: image.source.line };
    const countTowardsDeck = (bytes: number) => {
      total += bytes;
      if (total > limits.maxDeckBytes) {
        throw failure('E_DECK_TOO_LARGE', `images add up to more than the ${limits.maxDeckBytes}-byte deck limit at ${image.src}`, {
          ...where,
          hint: 'compress the images or use each fewer times, or raise the limit with --max-deck-bytes',
        });
      }
    };
    try {
      const cached = cache.get(image.relPath);
      if (cached) {
        // Every reference inlines its own copy, so each one counts against the deck limit.
        countTowardsDeck(cached.bytes.length);
        assets.set(index, cached);
        return;
      }
      const full = path.join(root, image.relPath);
      let real: string;
      try {
        real = assertInside(root, full, image.src, where);
      } catch (err) {
        if (err instanceof BriefdeckError && err.code === 'E_IMAGE_MISSING') {
          // The most common cause is case: Chart.svg written, chart.svg on disk (macOS and Windows forgive it, Linux does not).
          const folder = path.join(root, path.dirname(image.relPath));
          let siblings: string[] = [];
          try {
            siblings = readdirSync(folder);
          } catch {
            // The folder itself is missing; there is nothing to suggest.
          }
          const guess = siblings.find((n) => n.toLowerCase() === path.basename(image.relPath).toLowerCase());
          throw failure('E_IMAGE_MISSING', `image not found: ${image.src}`, {
            ...where,
            hint: guess
              ? `did you mean "${path.posix.join(path.posix.dirname(image.src), guess)}"? file names are case-sensitive`
              : `looked for ${path.join(path.basename(root), image.relPath)}; paths are relative to the Markdown file`,
          });
        }
        throw err;
      }
      const bytes = readRegularFile(real, image.src, limits.maxImageBytes, where, (size) =>
        failure('E_IMAGE_TOO_LARGE', `image ${image.src} is ${size} bytes, over the ${limits.maxImageBytes}-byte limit`, {
          ...where,
          hint: 'compress or resize the image, or raise the limit with --max-image-bytes',
        }),
      );
      const mime = sniffImageType(bytes);
      if (!mime) {
        throw failure('E_IMAGE_TYPE', `${image.src} is not a PNG, JPEG, GIF, WebP or SVG image`, {
          ...where,
          hint: 'the type is read from the file content, not its extension',
        });
      }
      countTowardsDeck(bytes.length);
      const asset = { mime, bytes };
      cache.set(image.relPath, asset);
      assets.set(index, asset);
    } catch (err) {
      if (!(err instanceof BriefdeckError)) throw err;
      // A deck written for another tool builds unchanged: a picture it names that is not there is left out, its alt
      // text in its place (render-deck.ts), with a warning. In a briefdeck deck it is an error. Nothing else softens.
      if (err.code === 'E_IMAGE_MISSING' && writtenForAnotherTool(briefing.meta)) {
        for (const d of err.diagnostics) bag.warn('W_IMAGE_MISSING', `${d.message}; it was left out, its alt text in its place`, { file: d.file, line: d.line, hint: d.hint });
      } else bag.addAll(err.diagnostics);
    }
  });
  return assets;
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

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function lineOfInvalidUtf8(bytes: Uint8Array): number {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const bad = lenient.indexOf('\uFFFD');
  return bad === -1 ? 1 : lenient.slice(0, bad).split('\n').length;
}
