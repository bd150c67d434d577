import { createRequire } from 'node:module';
import path from 'node:path';
import { BriefdeckError } from '../errors.js';
import type { IncludedFile, SourceFile } from '../model.js';
import { findIncludes, MAX_INCLUDE_DEPTH, resolveIncludePath } from '../include-paths.js';
import { listFolder } from './list-folder.js';
import { listSassFiles } from './list-sass-files.js';
import { suggestClosest } from '../did-you-mean.js';
import { assertInside } from './confine-path.js';
import { readSourceFile } from './decode-source.js';
import type { InputLimits } from './input-limits.js';

// The files a briefing's Markdown links in by name, read by the load stage so that parsing never touches the disk.

/**
 * Reads the files that Markdown files include (Quarto's `{{< include >}}`, see
 * include-paths.ts), and those they include, confined to the briefing folder
 * and under the same limits as any source file. One that cannot be read is
 * kept with its problem, for the parser to report where it is included; one
 * outside the folder is never read. Also returns the files a Quarto include line names.
 */
export function readIncludedFiles(files: SourceFile[], root: string, display: (p: string) => string, limits: InputLimits): { includedFiles: IncludedFile[]; byIncludeLine: Set<string> } {
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
        const linked = readLinkedFile(relPath, root, display, limits);
        found.set(relPath, linked);
        // A snippet is code to show: an include line in it is code too.
        if (linked.file && by !== 'snippet') read.push(linked.file);
      }
    }
    next = read;
  }
  return { includedFiles: [...found.values()], byIncludeLine };
}

const require = createRequire(import.meta.url);

/** A metadata line that names a file for citations or a style sheet, or a Quarto theme file (`.scss`): only then is the metadata read here, since most decks' `theme:` names a built-in theme. */
const NAMES_METADATA_FILE = /(?:^[ \t]*|[{,][ \t]*)["']?(?:bibliography|csl|css|include-in-header)["']?[ \t]*:|\.scss\b/m;

/**
 * Reads the files the metadata names: Pandoc's `bibliography:` and `csl:` for
 * citations, and the style sheets of reveal-md, Pandoc and Quarto (`css:`, or
 * Quarto's `format: revealjs: css:`, or an R Markdown format's `css:` files, and Quarto's theme files), a name or a list of names each, relative
 * to the file holding the metadata (`holder`), confined to the briefing folder
 * like includes; an address is never fetched. `yaml` is the metadata's YAML,
 * read here only when it names such a file.
 */
export function readMetadataFiles(yaml: string, holder: SourceFile, root: string, display: (p: string) => string, limits: InputLimits): IncludedFile[] {
  if (!NAMES_METADATA_FILE.test(yaml)) return [];
  let data: unknown;
  try {
    data = (require('yaml') as typeof import('yaml')).parse(yaml);
  } catch {
    // The parse stage reports the metadata's own errors.
    return [];
  }
  if (typeof data !== 'object' || data === null) return [];
  const { bibliography, csl, css, format, output, theme, 'include-in-header': headFiles } = data as { bibliography?: unknown; csl?: unknown; css?: unknown; format?: { revealjs?: { css?: unknown; 'include-in-header'?: unknown; theme?: unknown } }; output?: unknown; theme?: unknown; 'include-in-header'?: unknown };
  // A name, or a list of names; Quarto's `include-in-header` also lists `file:` items (and `text:` ones, read by the parse).
  const names = (value: unknown) => (Array.isArray(value) ? value : [value]).map((n) => (typeof n === 'object' && n !== null ? (n as { file?: unknown }).file : n)).filter((n): n is string => typeof n === 'string');
  const quarto = typeof format === 'object' && format !== null && typeof format.revealjs === 'object' && format.revealjs !== null ? format.revealjs : undefined;
  // An address resolves to no path (resolveIncludePath), so it is never read; the parse stage names it.
  // R Markdown's formats' own (`output: xaringan::moon_reader: css: [default, my.css]`): its files, by name; the rest are the format's themes.
  const formats = typeof output === 'object' && output !== null ? Object.values(output as Record<string, unknown>) : [];
  const rMarkdown = formats.flatMap((options) => (typeof options === 'object' && options !== null ? names((options as { css?: unknown }).css) : [])).filter((name) => /\.css$/i.test(name));
  // Quarto's theme files (`theme: [simple, custom.scss]`), which the parse compiles; its built-in themes are names, not files.
  // A Quarto project file may write it at the top, for every format (quarto-project.ts).
  const themeFiles = [...names(quarto?.theme), ...names(theme)].filter((name) => /\.scss$/i.test(name.trim()));
  const named = [...names(bibliography), ...names(csl), ...names(css), ...names(quarto?.css), ...rMarkdown, ...names(headFiles), ...names(quarto?.['include-in-header']), ...themeFiles];
  const found = new Map<string, IncludedFile>();
  for (const name of named) {
    const relPath = resolveIncludePath(holder.relPath, name.trim());
    if (relPath === null || found.has(relPath)) continue;
    found.set(relPath, readLinkedFile(relPath, root, display, limits));
  }
  // The Sass files beside a theme file (its partials, `_colors.scss`), which it may import: Sass is given these, never the disk.
  const themeFolders = new Set([...found.values()].filter((linked) => linked.file && /\.scss$/i.test(linked.relPath)).map((linked) => path.posix.dirname(linked.relPath)));
  for (const folder of themeFolders) {
    for (const relPath of listSassFiles(root, folder)) {
      if (found.has(relPath)) continue;
      const partial = readLinkedFile(relPath, root, display, limits);
      if (partial.file) found.set(relPath, partial);
    }
  }
  return [...found.values()];
}

/** Reads one linked file, confined to the briefing folder; one that cannot be read is kept with its problem, and a likely name it meant. */
function readLinkedFile(relPath: string, root: string, display: (p: string) => string, limits: InputLimits): IncludedFile {
  const full = path.join(root, ...relPath.split('/'));
  try {
    assertInside(root, full, display(full));
    return { relPath, file: readSourceFile(full, display(full), relPath, limits) };
  } catch (err) {
    if (!(err instanceof BriefdeckError)) throw err;
    // A name mistyped: the file of its folder it most likely meant.
    const meant = err.code === 'E_IMAGE_MISSING' || err.code === 'E_INPUT_MISSING' ? suggestClosest(path.posix.basename(relPath), listFolder(path.dirname(full))) : undefined;
    return { relPath, problem: `${err.diagnostics[0]?.message ?? err.message}${meant ? `; did you mean ${meant}?` : ''}` };
  }
}
