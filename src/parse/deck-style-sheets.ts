// Which style sheets a deck has, and where each stands: Marp's theme of the deck's own and its `style:` directive, the
// `css:` files and Quarto's theme files (compiled by Sass, dialects/quarto-scss.ts) the metadata names, the `<style>`s
// of Pandoc's `header-includes` and Quarto's `include-in-header`, then the `<style>` blocks of the slides, each on every
// slide or its own. author-styles.ts then scopes and cleans them into the deck's one sheet.
import { compileQuartoTheme, isQuartoThemeFile } from './dialects/quarto-scss.js';
import type { BriefingMeta, IncludedFile, Slide, SourceFile } from '../model.js';
import { readHeadStyles } from './dialects/header-includes.js';
import { namesAddress, resolveIncludePath } from '../include-paths.js';
import type { FoundStyle, RawSlide } from './raw-slide.js';
import type { StyleLineOrigin, WrittenStyle } from './author-styles.js';

/** CSS for every slide, and where its first line is. */
export interface DeckStyle {
  css: string;
  line: number;
  file: string;
  marpTheme?: boolean;
  relPath?: string;
  lineOrigins?: readonly (StyleLineOrigin | null)[];
}

/** Warns at a line of the file holding the metadata, or of `file` when another names the style sheet (reveal-md.json). */
type StyleWarning = (line: number, message: string, hint?: string, file?: string) => void;

/**
 * The style sheets the metadata names (`css:`), as the load stage read them (`metadataFiles`, by path in the briefing
 * folder, from `holder`, the file holding the metadata): each file's CSS from its first line; and the `<style>`s of the
 * HTML `header-includes` or `include-in-header` puts in the head, written there or in a file. One that could not be read
 * is reported at the line naming it, and left out, as is what such HTML holds besides its styles.
 */
export function readStyleSheets(sheets: NonNullable<BriefingMeta['styleSheets']>, metadataFiles: readonly IncludedFile[], holder: SourceFile, warn: StyleWarning): DeckStyle[] {
  const styles: DeckStyle[] = [];
  /** Quarto's theme files, and where the first stands. */
  const themeFiles: SourceFile[] = [];
  let themeAt = { index: 0, line: 1 };
  /**
   * Reads the styles of HTML for the head, whose text starts at `line` of `source`, and names at `named` (the line naming
   * it, in `named.file` when a project file beside the deck holds that line) what it held besides.
   */
  const readHead = (html: string, line: number, source: { path: string; relPath: string }, includedBy: string, named: { line: number; file?: string }) => {
    const head = readHeadStyles(html);
    for (const style of head.styles) styles.push({ css: style.css, line: line + style.linesBefore, file: source.path, relPath: source.relPath });
    if (head.leftOut) warn(named.line, `what ${includedBy} puts in the page besides its <style> (a script, a link, LaTeX) was left out`, 'a deck runs and fetches nothing; only the styles it writes are read', named.file);
  };
  for (const sheet of sheets) {
    if (sheet.path === undefined) {
      // Written in the metadata, or in a project file beside the deck (in the deck's folder, so its paths read as the deck's).
      readHead(sheet.text ?? '', sheet.line, { path: sheet.namedIn ?? holder.path, relPath: holder.relPath }, sheet.includedBy ?? 'header-includes', { line: sheet.line, file: sheet.namedIn });
      continue;
    }
    const what = sheet.includedBy ? `the file ${sheet.path} that ${sheet.includedBy} names` : `the ${isQuartoThemeFile(sheet.path) ? 'theme file' : 'style sheet'} ${sheet.path}`;
    if (namesAddress(sheet.path)) {
      warn(sheet.line, `${what} was left out: a deck carries nothing from elsewhere, and an address is never fetched`, undefined, sheet.namedIn);
      continue;
    }
    const relPath = resolveIncludePath(holder.relPath, sheet.path);
    const read = relPath === null ? undefined : metadataFiles.find((f) => f.relPath === relPath);
    if (!read?.file) warn(sheet.line, `${what} was left out: ${read?.problem ?? 'it is not in the briefing folder'}`, undefined, sheet.namedIn);
    else if (sheet.includedBy) readHead(read.file.text, 1, read.file, sheet.includedBy, { line: sheet.line, file: sheet.namedIn });
    else if (isQuartoThemeFile(read.file.relPath)) {
      // Quarto's theme files are compiled together, as Quarto compiles them, in the place of the first.
      if (themeFiles.length === 0) themeAt = { index: styles.length, line: sheet.line };
      themeFiles.push(read.file);
    } else styles.push({ css: read.file.text, line: 1, file: read.file.path, relPath: read.file.relPath });
  }
  if (themeFiles.length > 0) {
    // Sass's CSS is not the files' text: messages about it name the file and line its source map places each line at.
    // The other Sass files of their folders, which the load stage read for them to import.
    const partials = metadataFiles.flatMap((f) => (f.file && isQuartoThemeFile(f.relPath) && !themeFiles.some((t) => t.relPath === f.relPath) ? [f.file] : []));
    const compiled = compileQuartoTheme(
      themeFiles.map((f) => ({ name: f.relPath, text: f.text })),
      partials.map((f) => ({ name: f.relPath, text: f.text })),
    );
    if ('problem' in compiled) warn(themeAt.line, `the theme file${themeFiles.length === 1 ? '' : 's'} ${themeFiles.map((f) => f.relPath).join(', ')} ${themeFiles.length === 1 ? 'was' : 'were'} left out: Sass cannot compile ${themeFiles.length === 1 ? 'it' : 'them'} (${compiled.problem.replace(/\.$/, '')}, at ${compiled.file}:${compiled.line})`, "a theme file may use Sass and Quarto's variables and mixins, and import the .scss files of its folder; its rules can also go in a .css file named by css:");
    else {
      const sources = [...themeFiles, ...partials];
      const lineOrigins = compiled.origins.map((origin) => origin && { file: sources[origin.file]!.path, relPath: sources[origin.file]!.relPath, line: origin.line });
      styles.splice(themeAt.index, 0, { css: compiled.css, line: 1, file: themeFiles[0]!.path, relPath: themeFiles[0]!.relPath, lineOrigins });
    }
  }
  return styles;
}

/**
 * The deck's own style sheets, in the order they stand: Marp's theme of the deck's own (`themeSheet`, settle-theme.ts),
 * as a theme comes first; Marp's `style:` directive (in the metadata, or a comment's file); then the style sheets the
 * metadata names (readStyleSheets), warned of at `holder`'s lines.
 */
export function gatherDeckStyles(meta: BriefingMeta, themeSheet: SourceFile | undefined, holder: SourceFile | undefined, metadataFiles: readonly IncludedFile[], warn: StyleWarning): DeckStyle[] {
  const styles: DeckStyle[] = themeSheet ? [{ css: themeSheet.text, line: 1, file: themeSheet.path, relPath: themeSheet.relPath, marpTheme: true }] : [];
  // A comment's `style:` names its own file, whose path in the folder is not at hand: its imports are named, not read.
  if (meta.deckStyle?.file) styles.push({ ...meta.deckStyle, file: meta.deckStyle.file });
  else if (meta.deckStyle && holder) styles.push({ ...meta.deckStyle, file: holder.path, relPath: holder.relPath });
  return holder ? [...styles, ...readStyleSheets(meta.styleSheets ?? [], metadataFiles, holder, warn)] : styles;
}

/**
 * The deck's styles in the order written, Marp's `style:` directive and the style sheets the metadata names first; a style kept to one slide marks
 * that slide (`ownStyle`). A slide left out of the deck (Slidev's `hide: true`) takes its style with it.
 */
export function placeAuthorStyles(found: readonly FoundStyle[], deckStyles: readonly DeckStyle[], slideOf: ReadonlyMap<RawSlide, Slide>, rootIsSlide: boolean): WrittenStyle[] {
  const placed: WrittenStyle[] = deckStyles.map((style) => ({ ...style, rootIsSlide }));
  for (const style of found) {
    const slide = style.slide ? slideOf.get(style.slide) : undefined;
    if (style.slide && !slide) continue;
    if (slide) slide.ownStyle = true;
    placed.push({ css: style.css, line: style.line, file: style.file.path, relPath: style.file.relPath, rootIsSlide, ...(slide ? { slide: slide.number } : {}) });
  }
  return placed;
}
