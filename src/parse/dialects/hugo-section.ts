// A Hugo section as reveal-hugo makes one presentation of it: the section's `_index.md` first, whose front matter is
// the deck's (its title, `outputs = ["Reveal"]`, `[reveal_hugo]` options), then the section's other pages, lightest
// `weight` first, those with none (or 0) last, as Hugo orders pages, ties by name. A page's front matter only orders
// it; a draft (`draft: true`) is left out, as Hugo leaves it out. Read so in a folder with no briefing.yml
// (load-briefing.ts keeps such a folder whole); a subfolder is another section, another presentation.
import { parse as parseYaml } from 'yaml';
import type { DiagnosticBag } from '../../errors.js';
import type { SourceFile } from '../../model.js';
import type { MetaSource } from '../parse-meta.js';
import { splitFrontMatter } from '../split-front-matter.js';
import { HUGO_SECTION_INDEX } from '../../load/deck-files.js';

/** A Markdown file's text after its front matter, and the line that text starts on. */
interface Body {
  file: SourceFile;
  text: string;
  firstLine: number;
}

/**
 * Reads a folder's top-level files as a Hugo section: the deck's metadata (the index page's front matter) and the pages'
 * bodies in reveal-hugo's order. Undefined when no file is the section's `_index.md`.
 */
export function readHugoSection(files: readonly SourceFile[], bag: DiagnosticBag): { metaSource?: MetaSource; bodies: Body[] } | undefined {
  const index = files.find((f) => f.relPath === HUGO_SECTION_INDEX);
  if (!index) return undefined;
  const split = splitFrontMatter(index, bag);
  const pages = files.filter((f) => f !== index).flatMap((file) => {
    const page = splitFrontMatter(file, bag);
    const settings = readSettings(page.meta?.yaml);
    if (settings.draft === true) {
      bag.warn('W_FILE_SKIPPED', `${file.relPath} is a draft (draft: true) and is left out, as Hugo leaves it out`, { file: file.path, line: page.meta?.firstLine ?? 1, hint: 'set draft: false, or take the line out, to show its slides' });
      return [];
    }
    const weight = typeof settings.weight === 'number' && settings.weight !== 0 ? settings.weight : Infinity;
    return [{ weight, body: { file, text: page.body, firstLine: page.bodyLine } }];
  });
  // Array sort is stable: pages of one weight keep the folder's order, by name.
  pages.sort((a, b) => (a.weight === b.weight ? 0 : a.weight < b.weight ? -1 : 1));
  return { ...(split.meta ? { metaSource: split.meta } : {}), bodies: [{ file: index, text: split.body, firstLine: split.bodyLine }, ...pages.map((p) => p.body)] };
}

/** A page's front matter as a map; an empty one for none, or for one that is no map of settings. */
function readSettings(yaml: string | undefined): Record<string, unknown> {
  if (yaml === undefined) return {};
  try {
    const parsed: unknown = parseYaml(yaml);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
