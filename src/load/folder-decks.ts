// Which decks a folder with no briefing.yml holds, as the tools that made it build it: another tool's deck in a folder
// of its own (Slidev's slides.md, a single file with front matter or beside reveal-md's, Quarto's or Marp CLI's project
// file, a reveal.js project's index.html) is read as that file; a deck with the pages it imports is that deck; a Hugo
// section's pages and files numbered in order are one deck in parts; and several decks are refused as one.
import { statSync } from 'node:fs';
import path from 'node:path';
import { failure } from '../errors.js';
import type { SourceFile } from '../model.js';
import { nameSome } from '../name-some.js';
import { listFolder } from './list-folder.js';
import { DECK_FILE, HUGO_SECTION_INDEX, MARKDOWN_FILE, META_NAMES, PROJECT_DOCS } from './deck-files.js';

/** How a deck file's own front matter opens: YAML (`---` then a key), Hugo's TOML (`+++`), Pandoc's title block or mdp's header (`%`). */
const OWN_FRONT_MATTER = /^(?:---[ \t]*\n[A-Za-z][\w-]*[ \t]*:|\+\+\+[ \t]*\n|%)/;

/** A Quarto file Quarto never renders on its own: its name starts with `_` (`_part.qmd`, kept to be included). */
const QUARTO_PART = /^_[^/]*\.qmd$/i;

/** The file another tool builds in its project folder: Slidev's `slides.md`, GitPitch's `PITCHME.md`. */
const ENTRY_FILES = ['slides.md', 'PITCHME.md'];

/**
 * Whether a folder with no briefing.yml holds a deck at its top, as another tool's project does: Slidev's `slides.md`,
 * GitPitch's `PITCHME.md`, a Hugo section's `_index.md` (its pages are reveal-hugo's presentation), a single Markdown file
 * beside the project's own documents, or, with no Markdown, a reveal.js page or notebook (pageDeckOf). `briefdeck build` there builds it.
 */
export function holdsDeckAtTop(dir: string): boolean {
  const names = listFolder(dir);
  if (META_NAMES.some((name) => names.includes(name))) return false;
  const decks = names.filter((name) => DECK_FILE.test(name) && !PROJECT_DOCS.test(name));
  return decks.some((name) => ENTRY_FILES.includes(name)) || names.includes(HUGO_SECTION_INDEX) || (decks.length === 1 && MARKDOWN_FILE.test(decks[0]!)) || pageDeckOf(dir, names) !== undefined;
}

/**
 * The deck of a folder with no Markdown that holds a reveal.js project's page (its `index.html`, or its one `.html`)
 * or one Jupyter notebook, as those tools keep a deck in a folder of its own; undefined when there is none, or no one
 * of several is the deck. Only regular files count: a folder named `x.html` is no page.
 */
function pageDeckOf(dir: string, names: readonly string[], pages = listPages(dir, names)): string | undefined {
  return pages.includes('index.html') ? 'index.html' : pages.length === 1 ? pages[0] : undefined;
}

/** The reveal.js pages and notebooks of a folder with no Markdown (none when it has some), regular files only. */
function listPages(dir: string, names: readonly string[]): string[] {
  if (names.some((name) => MARKDOWN_FILE.test(name))) return [];
  const isFile = (name: string) => {
    try {
      return statSync(path.join(dir, name)).isFile();
    } catch {
      return false;
    }
  };
  return names.filter((name) => /\.(?:html?|ipynb)$/i.test(name) && isFile(name));
}

/**
 * The file a folder's deck is, found before the files it includes are read: Slidev's or GitPitch's entry file, or the
 * folder's one Markdown file, when it opens with front matter of its own or stands beside another tool's project file
 * (whose options it then takes, as when it is built as a file); with no Markdown, a reveal.js page or notebook.
 */
export function findDeckFile(dir: string, entries: readonly string[], markdownFiles: readonly SourceFile[], projectFile: string | undefined, folder = dir): string | undefined {
  const entry = markdownFiles.length === 1 ? markdownFiles[0] : markdownFiles.find((f) => ENTRY_FILES.includes(f.relPath));
  if (entry && (OWN_FRONT_MATTER.test(entry.text) || projectFile !== undefined)) return entry.relPath;
  const pages = listPages(dir, entries);
  const page = pageDeckOf(dir, entries, pages);
  if (page !== undefined) return page;
  // Several pages or notebooks and no index.html: each is a deck of its own, none the folder's.
  if (pages.length > 1) {
    throw failure('E_SEVERAL_DECKS', `${folder} holds ${pages.length} decks, each a reveal.js page or notebook of its own (${nameSome(pages, 4)}), and no Markdown; a folder builds as one deck`, {
      file: folder,
      hint: `build one of them (briefdeck build ${path.join(folder, pages[0]!)})`,
    });
  }
  return undefined;
}

/**
 * Once the pages its files import are known (`imported`), the one file a folder's deck is, when the rest are all its
 * pages; undefined when the folder is one deck of its files (a Hugo section's pages, files numbered in order, or files
 * with no front matter); else E_SEVERAL_DECKS. A page another file imports (a Quarto include, a Slidev `src:`) is never
 * a deck of its own, nor is a Quarto file whose name starts with `_`, which Quarto never renders.
 */
export function settleFolderDecks(folder: string, entries: readonly string[], markdownFiles: readonly SourceFile[], imported: ReadonlySet<string>, projectFile: string | undefined): string | undefined {
  const decks = markdownFiles.filter((f) => !imported.has(f.relPath) && !QUARTO_PART.test(f.relPath));
  // One deck, with front matter of its own, and the pages it imports (a Slidev project whose deck is not named slides.md).
  if (decks.length === 1 && markdownFiles.length > 1 && OWN_FRONT_MATTER.test(decks[0]!.text)) return decks[0]!.relPath;
  // A Hugo section's pages, its _index.md first, make one deck, as reveal-hugo presents them (dialects/hugo-section.ts); so
  // do files numbered in order (01-intro.md, 02-plan.md), the parts of one deck, as Pandoc joins the files it is given.
  if (entries.includes(HUGO_SECTION_INDEX) || decks.every((f) => /^\d/.test(f.relPath))) return undefined;
  refuseSeveralDecks(folder, decks, projectFile);
  return undefined;
}

/**
 * Refuses a folder with no briefing.yml that holds two or more decks, each opening with front matter of its own (a
 * folder of Marp or Quarto talks), or one such deck beside Markdown it does not import (a talk and a draft, an outline).
 * Another tool builds each file alone; joined as one briefing, the deck's settings would be dropped and other slides
 * run into it. A briefing.yml that lists the files joins them on purpose. Beside a `projectFile` (reveal-md.json,
 * _quarto.yml), every file is a deck of that tool's, front matter or not.
 */
function refuseSeveralDecks(folder: string, files: SourceFile[], projectFile?: string): void {
  if (projectFile !== undefined && files.length > 1 && !files.every((f) => OWN_FRONT_MATTER.test(f.text))) {
    const names = files.map((f) => f.relPath);
    throw failure('E_SEVERAL_DECKS', `${folder} holds ${names.length} decks, one for each Markdown file beside ${projectFile} (${nameSome(names, 4)}); a folder builds as one deck`, {
      file: folder,
      hint: `build each on its own (briefdeck build ${path.join(folder, names[0]!)}), or ${joinHint(names)}`,
    });
  }
  const decks = files.filter((f) => OWN_FRONT_MATTER.test(f.text)).map((f) => f.relPath);
  const joined = joinHint(decks.length === 1 ? files.map((f) => f.relPath) : decks);
  if (decks.length === 1 && files.length > 1) {
    const others = files.map((f) => f.relPath).filter((name) => name !== decks[0]);
    throw failure('E_SEVERAL_DECKS', `${folder} holds the deck ${decks[0]}, with front matter of its own, beside ${nameSome(others, 4)}, which it does not import; a folder builds as one deck`, {
      file: folder,
      hint: `build the deck on its own (briefdeck build ${path.join(folder, decks[0]!)}), or ${joined}`,
    });
  }
  if (decks.length < 2) return;
  throw failure('E_SEVERAL_DECKS', `${folder} holds ${decks.length} decks, each with front matter of its own (${nameSome(decks, 4)}); a folder builds as one deck`, {
    file: folder,
    hint: `build each on its own (briefdeck build ${path.join(folder, decks[0]!)}), or ${joined}`,
  });
}

/** How to join a folder's files in one deck: a briefing.yml that lists them, the list cut short past a few, so the hint stays one line. */
function joinHint(names: readonly string[]): string {
  const listed = names.length > 6 ? `${names.slice(0, 6).join(', ')}, … (${names.length} in all)` : names.join(', ');
  return `join them in one deck with a briefing.yml that lists them (files: [${listed}])`;
}
