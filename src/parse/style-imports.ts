// A style's `@import` of a style sheet in the briefing folder (`@import 'assets/custom.css';`, as Marp decks write in
// their `style:`), read by the load stage as an include is: the sheet's rules come before the style's own, where a
// browser puts them, each sheet a style of its own so its messages name its file and lines. An address is never
// fetched (author-styles.ts leaves it out, with its warning); a file that is not there is named, and left out.
import { createRequire } from 'node:module';
import type { IncludedFile } from '../model.js';
import { readCssName } from '../css-references.js';
import { describeIncludeProblem, lookUpInclude, MAX_INCLUDED_CHARS, namesAddress, spendIncludeBudget } from '../include-paths.js';
import type { WrittenStyle } from './author-styles.js';
import { MARP_BUILT_IN_THEMES } from '../themes.js';

const require = createRequire(import.meta.url);

/** An `@import`'s sheet as written, in `url()` (quoted or not) or quoted, and whatever follows it (a media query, a layer). */
const IMPORTED = /^(?:url\(\s*(?:"([^"]*)"|'([^']*)'|([^"'()\s]*))\s*\)|"([^"]*)"|'([^']*)')\s*([\s\S]*)$/i;

/** The most sheets a deck's styles import, and the most text they bring: a sheet imported many times by one imported many times multiplies at every level. */
const MAX_IMPORTS = 100;


/** The sheet an `@import`'s parameters name, or null for none or an address (left to author-styles.ts). */
export function readImportedSheet(params: string): { target: string; conditions: string } | null {
  const match = IMPORTED.exec(params.trim());
  const target = match?.slice(1, 6).find((written) => written !== undefined);
  if (target === undefined || target === '' || namesAddress(target)) return null;
  return { target, conditions: match![6]!.trim() };
}

/**
 * The styles, each after the sheets its `@import`s of the folder's files bring (theirs before them), for the same
 * slides. `includes` are the files the load stage read, by path in the briefing folder; `warn` names an import left out.
 */
export function expandStyleImports(styles: readonly WrittenStyle[], includes: ReadonlyMap<string, IncludedFile>, warn: (file: string, line: number, message: string, hint: string) => void): WrittenStyle[] {
  const expanded: WrittenStyle[] = [];
  const budget = { left: MAX_INCLUDED_CHARS };
  let importsLeft = MAX_IMPORTS;
  let overBudget = false;
  const expand = (style: WrittenStyle, reading: readonly string[]) => {
    if (style.relPath !== undefined && style.css.includes('@import')) {
      for (const { target, conditions, line } of findImports(style)) {
        // The Marp theme a Marp theme file builds on: a built-in theme stands in for it (settle-theme.ts).
        if (style.marpTheme && MARP_BUILT_IN_THEMES.has(target)) continue;
        const at = (message: string, hint = 'keep the style sheet in the briefing folder, and import it by its path from the file that imports it') => warn(style.file, style.line + line - 1, message, hint);
        if (conditions !== '') {
          at(`a style's @import of ${target} under "${conditions.slice(0, 60)}" was left out: briefdeck reads a style sheet's import only unconditioned`, "put the sheet's rules inside the condition instead (@media print { … })");
          continue;
        }
        // Only a style sheet is read as one: another file of the folder (its notes, say) is no style.
        if (!/\.css$/i.test(target)) {
          at(`a style's @import of ${target} was left out: only a .css file is read as a style sheet`);
          continue;
        }
        const lookup = lookUpInclude(target, [...reading, style.relPath], includes);
        if ('problem' in lookup) at(describeIncludeProblem(target, "a style's @import", lookup));
        else if (--importsLeft < 0 || !spendIncludeBudget(budget, lookup.found.file.text)) {
          // Said once, at the first import left out: the rest past the bound go with it.
          if (!overBudget) at(`a style's @import of ${target} was left out, and the imports after it: the deck's styles import more than ${MAX_IMPORTS} sheets, or more text than a file may hold`, 'import each sheet once, from one place');
          overBudget = true;
        } else {
          const { file } = lookup.found;
          expand({ ...style, css: file.text, line: 1, file: file.path, relPath: file.relPath, marpTheme: false }, [...reading, style.relPath]);
        }
      }
    }
    expanded.push(style);
  };
  for (const style of styles) expand(style, []);
  return expanded;
}

/** The `@import`s of a style's sheet as a CSS parser reads them (at its top level), with their lines in it; none when it does not parse. */
function findImports(style: WrittenStyle): { target: string; conditions: string; line: number }[] {
  const postcss = require('postcss') as typeof import('postcss');
  let root;
  try {
    root = postcss.parse(style.css);
  } catch {
    // author-styles.ts reports a sheet that does not parse.
    return [];
  }
  const found: { target: string; conditions: string; line: number }[] = [];
  for (const node of root.nodes) {
    if (node.type !== 'atrule' || readCssName(node.name) !== 'import') continue;
    const sheet = readImportedSheet(node.params);
    if (sheet) found.push({ ...sheet, line: node.source?.start?.line ?? 1 });
  }
  return found;
}
