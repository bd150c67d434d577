import { readdirSync } from 'node:fs';
import path from 'node:path';

/** How deep below a theme file's folder its Sass files are looked for, and how many are read at most. */
const MAX_DEPTH = 3;
const MAX_FILES = 64;

/**
 * The `.scss` files in a folder of the briefing and its folders below (`relDir`, relative to `root`, with forward
 * slashes), by path in the briefing folder: those a Quarto theme file there may `@import` or `@use`. The parse stage
 * compiles the theme with Sass and gives it these only, so Sass reads nothing itself. Bounded in depth and number;
 * a folder that cannot be read, a hidden one and `node_modules` are passed over, and links are not followed.
 */
export function listSassFiles(root: string, relDir: string): string[] {
  const found: string[] = [];
  const visit = (rel: string, depth: number) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(path.join(root, ...rel.split('/').filter(Boolean)), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (found.length >= MAX_FILES) return;
      const relPath = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isFile() && /\.scss$/i.test(entry.name)) found.push(relPath);
      else if (entry.isDirectory() && depth < MAX_DEPTH && !entry.name.startsWith('.') && entry.name !== 'node_modules') visit(relPath, depth + 1);
    }
  };
  visit(relDir === '.' ? '' : relDir, 0);
  return found;
}
