// A deck's own style sheets named in its front matter (`css:`), as several tools name them.
import type { BriefingMeta } from '../../model.js';

/** `css:`, a style sheet's name or a list of names (parse/author-styles.ts reads each, and names an address, never fetched); those `files` matches, when only some are files, the others returned to be named (false when none is). */
export function applyStyleSheets(value: unknown, meta: BriefingMeta, line: number, files = /^/): boolean | string[] {
  const names = (typeof value === 'string' ? [value] : Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : []).map((name) => name.trim());
  if (names.length === 0 || names.includes('')) return false;
  for (const path of names.filter((name) => files.test(name))) (meta.styleSheets ??= []).push({ path, line });
  const others = names.filter((name) => !files.test(name));
  return others.length === 0 || (others.length < names.length ? others : false);
}
