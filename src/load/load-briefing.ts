import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { BriefdeckError, DiagnosticBag, failure } from '../errors.js';
import type { IncludedFile, LoadedBriefing, SourceFile, ThemeSheet } from '../model.js';
import { assertInside } from './confine-path.js';
import { readSourceFile } from './decode-source.js';
import { DEFAULT_LIMITS, type InputLimits } from './input-limits.js';
import { readIncludedFiles, readMetadataFiles } from './read-linked-files.js';
import { findThemeSheets } from './find-theme-sheets.js';
import { appendAll } from '../append-all.js';
import { suggestClosest } from '../did-you-mean.js';
import { listFolder } from './list-folder.js';
import { MARP_CODE_CONFIG_FILES, MARP_CONFIG_FILES, MARP_PACKAGE_FILE } from '../marp-config-files.js';
import { findDeckFile, settleFolderDecks } from './folder-decks.js';
import { DECK_FILE, MARKDOWN_FILE, META_NAMES, PROJECT_DOCS } from './deck-files.js';

/** A single-file briefing's front matter: its YAML, between `---` and `---` (or `...`) at the top. */
const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** The error for an input that is not there, naming the deck or folder beside it that was likely meant (`deck.mdd`, `breifing/`). */
export function describeMissingInput(input: string, cwd = process.cwd()): BriefdeckError {
  const absolute = path.resolve(cwd, input);
  const meant = suggestClosest(path.basename(absolute), listFolder(path.dirname(absolute)));
  const isDeck = (name: string) => {
    try {
      const stats = statSync(path.join(path.dirname(absolute), name));
      return stats.isDirectory() || (stats.isFile() && DECK_FILE.test(name));
    } catch {
      return false;
    }
  };
  // Named as the user wrote the input: its folder as typed, then the name.
  const shown = meant !== undefined && isDeck(meant) ? path.join(path.dirname(input.replace(/[\\/]+$/, '')), meant) : undefined;
  return failure('E_INPUT_MISSING', `input not found: ${input}`, {
    file: input,
    hint: shown !== undefined ? `did you mean ${shown}? pass a briefing folder or a deck file` : 'pass a briefing folder or a .md file, for example `briefdeck build briefing/`',
  });
}

/** What to do with a file briefdeck does not read: for a slide show in another form (Beamer's LaTeX, an office file), how to get Markdown of it. */
function hintForOtherFile(file: string): string {
  const ending = path.extname(file).toLowerCase();
  if (ending === '.tex') return "a LaTeX (Beamer) source is not read; a deck written in Pandoc's Markdown for Beamer (output: beamer_presentation) builds unchanged";
  if (['.pptx', '.ppt', '.key', '.odp'].includes(ending)) return 'a slide show saved by an office program is not read; briefdeck makes decks from Markdown (and writes PowerPoint: briefdeck pptx)';
  if (ending === '.pdf') return 'a PDF is what briefdeck pdf writes, not what it reads: pass the Markdown the slides were made from';
  if (ending === '.txt' || ending === '.text') return 'a plain-text file is not read as a deck: if it holds Markdown, name it .md';
  return 'a single-file briefing must end in .md (or .markdown, .mkd, …), .qmd, .Rmd, .mdx, .html or .ipynb; otherwise pass its folder';
}

/** Reads a briefing folder or single Markdown file into decoded source files. */
export function loadBriefing(input: string, cwd = process.cwd(), limits: InputLimits = DEFAULT_LIMITS): LoadedBriefing {
  const absolute = path.resolve(cwd, input);
  let stats;
  try {
    stats = statSync(absolute);
  } catch {
    throw describeMissingInput(input, cwd);
  }
  const display = (p: string) => path.relative(cwd, p) || '.';

  if (stats.isFile()) {
    if (!DECK_FILE.test(absolute)) {
      throw failure('E_INPUT_TYPE', `not a Markdown file, a reveal.js page or a notebook: ${input}`, {
        file: input,
        hint: hintForOtherFile(absolute),
      });
    }
    const root = realpathSync(path.dirname(absolute));
    const file = readSourceFile(absolute, display(absolute), path.basename(absolute), limits);
    const projectMetaFiles = readProjectFiles(root, absolute, display, limits);
    // The style sheets and theme files that reveal-md.json and Quarto's project files name, as well as the front matter's (the parse names those it cannot read, at their lines).
    const optionFiles = projectMetaFiles.filter((f) => OPTION_FILES.includes(f.relPath));
    const metadataFiles = [...readMetadataFiles(FRONT_MATTER.exec(file.text)?.[1] ?? '', file, root, display, limits), ...optionFiles.flatMap((f) => readMetadataFiles(f.text, f, root, display, limits))].filter((f, i, all) => all.findIndex((g) => g.relPath === f.relPath) === i);
    const themeSheets = findThemeSheets([file], root, display, limits);
    // Style sheets' own `@import`s are read with the Markdown's includes.
    const { includedFiles } = readIncludedFiles([file, ...styleSheetsOf(metadataFiles, themeSheets)], root, display, limits);
    return { root, name: path.basename(absolute).replace(DECK_FILE, ''), markdownFiles: [file], singleFile: true, ...(projectMetaFiles.length > 0 ? { projectMetaFiles } : {}), ...(includedFiles.length > 0 ? { includedFiles } : {}), ...(metadataFiles.length > 0 ? { metadataFiles } : {}), ...(themeSheets.length > 0 ? { themeSheets } : {}) };
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
  const everyMarkdownFile = entries.filter((n) => MARKDOWN_FILE.test(n));
  // Another tool's project (no briefing.yml) keeps its README and the like beside its deck: they are the project's, never slides.
  const projectDocs = metaName ? [] : everyMarkdownFile.filter((n) => PROJECT_DOCS.test(n));
  const markdownFiles = everyMarkdownFile
    .filter((n) => projectDocs.length === everyMarkdownFile.length || !projectDocs.includes(n))
    .map(read)
    .filter((f): f is SourceFile => f !== undefined);
  const projectFile = metaName ? undefined : PROJECT_FILES.find((name) => entries.includes(name)) ?? (entries.includes(MARP_PACKAGE_FILE) && holdsMarpOptions(readProjectFile(root, MARP_PACKAGE_FILE, display, limits)) ? MARP_PACKAGE_FILE : undefined);
  // Another tool's deck in a folder of its own (folder-decks.ts) is read as the file on its own is, named by the folder.
  const deckFile = metaName || bag.items.length > 0 ? undefined : findDeckFile(absolute, entries, markdownFiles, projectFile, display(absolute));
  if (deckFile !== undefined) {
    // A page chosen so (a reveal.js project's index.html) is a file of the folder like its Markdown: one linked from outside it is an error, never read.
    if (!markdownFiles.some((f) => f.relPath === deckFile)) read(deckFile);
    bag.throwIfErrors();
    return { ...loadBriefing(path.join(absolute, deckFile), cwd, limits), name: path.basename(root) };
  }
  const nestedMarkdownFiles = listNestedMarkdown(absolute)
    .map((rel) => read(rel))
    .filter((f): f is SourceFile => f !== undefined);
  bag.throwIfErrors();
  const metadataFiles = metaFile ? readMetadataFiles(metaFile.text, metaFile, root, display, limits) : [];
  // A briefing.yml makes the folder briefdeck's own, whose theme is one of briefdeck's or a CSS file it names: no Marp theme is looked for.
  const themeSheets = metaFile ? [] : findThemeSheets(markdownFiles, root, display, limits);
  const { includedFiles, byIncludeLine } = readIncludedFiles([...markdownFiles, ...nestedMarkdownFiles, ...styleSheetsOf(metadataFiles, themeSheets)], root, display, limits);
  // A file another one includes (Quarto's include line) is read where it is included, never as slides of its own as well.
  const notIncluded = (f: SourceFile) => !byIncludeLine.has(f.relPath);
  // With the pages its files import known, a folder may turn out to be one deck with its pages, or several decks (folder-decks.ts).
  const alone = metaFile ? undefined : settleFolderDecks(display(absolute), entries, markdownFiles, new Set(includedFiles.map((f) => f.relPath)), projectFile);
  if (alone !== undefined) return { ...loadBriefing(path.join(absolute, alone), cwd, limits), name: path.basename(root) };
  return {
    root,
    name: path.basename(root),
    metaFile,
    markdownFiles: markdownFiles.filter(notIncluded),
    nestedMarkdownFiles: nestedMarkdownFiles.filter(notIncluded),
    singleFile: false,
    ...(includedFiles.length > 0 ? { includedFiles } : {}),
    ...(metadataFiles.length > 0 ? { metadataFiles } : {}),
    ...(themeSheets.length > 0 ? { themeSheets } : {}),
  };
}

/** Other tools' project files in a Markdown deck's own folder (never above it: nothing outside the deck's folder is read); one that cannot be read is skipped, as those tools skip it. */
function readProjectFiles(root: string, deck: string, display: (p: string) => string, limits: InputLimits): SourceFile[] {
  if (!MARKDOWN_FILE.test(deck) && !/\.ipynb$/i.test(deck)) return [];
  const listed = listFolder(root);
  const names = PROJECT_FILES.filter((name) => listed.includes(name));
  // A package.json is a project file only when it holds Marp CLI's options: any other is the deck's tooling, not its settings.
  const files = names.flatMap((name) => readProjectFile(root, name, display, limits) ?? []);
  const pkg = listed.includes(MARP_PACKAGE_FILE) ? readProjectFile(root, MARP_PACKAGE_FILE, display, limits) : undefined;
  return holdsMarpOptions(pkg) ? [pkg!, ...files] : files;
}

/** One project file of the deck's folder, confined to it; undefined when it cannot be read, as the tools it is for skip it. */
function readProjectFile(root: string, name: string, display: (p: string) => string, limits: InputLimits): SourceFile | undefined {
  const full = path.join(root, name);
  try {
    assertInside(root, full, display(full));
    return readSourceFile(full, display(full), name, limits);
  } catch (err) {
    if (err instanceof BriefdeckError) return undefined;
    throw err;
  }
}

/** Whether a package.json holds Marp CLI's options (a top-level `"marp"` key; the parse reads them, marp-config.ts). */
function holdsMarpOptions(file: SourceFile | undefined): boolean {
  return file !== undefined && /^\s{0,8}"marp"\s*:/m.test(file.text);
}

/**
 * Quarto's project file, then its folder metadata file, in the order Quarto applies them, then its variables (`{{< var >}}`);
 * reveal-md's options (`reveal-md.json`) and the reveal.js options it hands on (`reveal.json`); Marp CLI's (`.marprc.yml`),
 * its code ones (`marp.config.js`) read only to be named, never run.
 */
const PROJECT_FILES = ['_quarto.yml', '_quarto.yaml', '_metadata.yml', '_metadata.yaml', '_variables.yml', '_variables.yaml', 'reveal-md.json', 'reveal.json', ...MARP_CONFIG_FILES, ...MARP_CODE_CONFIG_FILES];
/** The project files that set a deck's options, and so may name its style sheets and theme files. */
const OPTION_FILES = ['_quarto.yml', '_quarto.yaml', '_metadata.yml', '_metadata.yaml', 'reveal-md.json'];

/** The style sheets read for the metadata (`css:`) and for Marp's themes, whose `@import`s are read as the Markdown's includes are. */
function styleSheetsOf(metadataFiles: readonly IncludedFile[], themeSheets: readonly ThemeSheet[]): SourceFile[] {
  return [...metadataFiles.filter((f) => /\.css$/i.test(f.relPath)).flatMap((f) => (f.file ? [f.file] : [])), ...themeSheets.map((sheet) => sheet.file)];
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
    if (entry.isDirectory() && !entry.name.startsWith('.') && !(depth === 0 && NOT_SLIDE_FOLDERS.has(entry.name))) appendAll(found, listNestedMarkdown(dir, rel, depth + 1));
    else if (depth > 0 && MARKDOWN_FILE.test(entry.name)) found.push(rel);
  }
  return found.slice(0, 1000);
}
