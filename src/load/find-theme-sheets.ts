// Marp's own themes: a CSS file that names itself in a comment (`/* @theme corporate */`), which Marp CLI is handed
// with --theme-set and a deck then names (`theme: corporate`). The load stage finds such files in the briefing folder
// for a deck that names a theme briefdeck does not have, so the parse stage can lay the theme over a built-in one.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { BriefdeckError } from '../errors.js';
import type { SourceFile, ThemeSheet } from '../model.js';
import { BUILTIN_THEMES, MARP_BUILT_IN_THEMES } from '../themes.js';
import { assertInside } from './confine-path.js';
import { readSourceFile } from './decode-source.js';
import type { InputLimits } from './input-limits.js';

/** A theme a deck names by name: in front matter or metadata (`theme: corporate`), or in Marp's comment (`<!-- theme: corporate -->`, `$theme`). */
const THEME_LINE = /^[ \t]*(?:<!--[ \t]*)?\$?theme[ \t]*:[ \t]*["']?([A-Za-z0-9][\w-]*)["']?[ \t]*(?:-->[ \t]*)?$/gm;

/** Marp's metadata comment that names a theme file's theme. */
const THEME_NAME_COMMENT = /\/\*[^*]*(?:\*(?!\/)[^*]*)*?@theme[ \t]+([\w-]+)/;

/** How deep, and through how many folder entries, the folder is looked through: a deck beside a home folder's contents must not walk it all. */
const MAX_DEPTH = 3;
const MAX_ENTRIES = 2000;
const MAX_STYLE_SHEETS = 100;

/** Folders that never hold a deck's themes. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist']);

/**
 * Finds, for the themes `sources` name that are not built in, the CSS files in the briefing folder (`root`, a few
 * levels down) that name themselves so (by Marp's comment `@theme name`), the first in name order for each theme. None
 * when no such theme is named. A file that cannot be read is passed over, as a file Marp was not handed.
 */
export function findThemeSheets(sources: readonly SourceFile[], root: string, display: (p: string) => string, limits: InputLimits): ThemeSheet[] {
  const wanted = new Set<string>();
  for (const source of sources) {
    if (!source.text.includes('theme')) continue;
    // Marp's own themes are never a file of the deck's: a built-in theme stands in for each (settle-theme.ts).
    for (const match of source.text.matchAll(THEME_LINE)) if (!BUILTIN_THEMES.includes(match[1]!) && !MARP_BUILT_IN_THEMES.has(match[1]!)) wanted.add(match[1]!);
  }
  if (wanted.size === 0) return [];
  const found = new Map<string, ThemeSheet>();
  for (const relPath of listStyleSheets(root)) {
    const full = path.join(root, ...relPath.split('/'));
    let file: SourceFile;
    try {
      assertInside(root, full, display(full));
      file = readSourceFile(full, display(full), relPath, limits);
    } catch (err) {
      if (err instanceof BriefdeckError) continue;
      throw err;
    }
    const name = THEME_NAME_COMMENT.exec(file.text)?.[1];
    if (name !== undefined && wanted.has(name) && !found.has(name)) found.set(name, { name, file });
  }
  return [...found.values()];
}

/** The CSS files of the folder, as posix paths from it, in name order, within the bounds above; links are not followed. */
function listStyleSheets(root: string): string[] {
  const sheets: string[] = [];
  let entriesLeft = MAX_ENTRIES;
  const visit = (prefix: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(path.join(root, prefix), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (--entriesLeft < 0 || sheets.length >= MAX_STYLE_SHEETS) return;
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isFile() && /\.css$/i.test(entry.name)) sheets.push(rel);
      else if (entry.isDirectory() && depth < MAX_DEPTH && !entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) visit(rel, depth + 1);
    }
  };
  visit('', 0);
  return sheets;
}
