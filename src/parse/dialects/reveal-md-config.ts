// reveal-md's own configuration beside a deck: `reveal-md.json` holds the options its command line takes (the slide
// separators, the theme, the page title, its style sheets) and `reveal.json` the options it hands reveal.js (a transition, slide numbers).
// reveal-md reads both from the folder it runs in, under a deck's front matter, whose keys win; so a deck that keeps its
// separators there is cut where reveal-md cuts it. The options are read as the front matter's are, at their own lines,
// before the front matter's; what only reveal-md's server uses is passed over.
import type { DiagnosticBag } from '../../errors.js';
import type { BriefingMeta, SourceFile, ThemeSheet } from '../../model.js';
import { applyPeerKey } from './front-matter.js';
import { applyFromFile } from '../key-source.js';
import { peerKeyOwner, possessive } from './peer-keys.js';
import { applyThemeOrTitle, readConfigFile, type ConfigFile } from './config-file.js';

/** reveal-md's options for its server, its static site and its PDF, which say nothing of how a deck looks or is cut. */
const SERVER_ONLY = new Set(['port', 'host', 'watch', 'disableAutoOpen', 'static', 'staticDirs', 'staticDir', 'assetsDir', 'glob', 'absoluteUrl', 'featuredSlide', 'print', 'printSize', 'puppeteerLaunchArgs', 'puppeteerChromiumExecutable', 'listingTemplate', 'filesGlob']);


/**
 * reveal-md's configuration among the files beside a deck: the tool it names (reveal-md, when there is any) and, for
 * parseMeta, what sets the metadata before the front matter does. A file that does not parse as JSON is named at its line.
 */
export function readRevealMdConfig(files: readonly SourceFile[], bag: DiagnosticBag, themeSheets?: ReadonlyMap<string, ThemeSheet>): { tools: string[]; beneath?: (meta: BriefingMeta) => void } {
  const read = (name: string) => {
    const file = files.find((f) => f.relPath === name);
    return file && readConfigFile(file, bag, 'reveal-md');
  };
  const own = read('reveal-md.json');
  const reveal = read('reveal.json');
  if (!own && !reveal) return { tools: [] };
  return {
    tools: ['reveal-md'],
    beneath: (meta) => {
      // reveal.json's options come under those reveal-md.json and the front matter give in `revealOptions`.
      for (const { key, value, line } of reveal?.options ?? []) {
        const applied = applyNamedIn('revealOptions', { [key]: value }, meta, line, reveal!.file);
        if (applied !== true) bag.warn('W_META_IGNORED', `reveal.js's option "${key}" in reveal.json does nothing in briefdeck, and was left out`, { file: reveal!.file.path, line, hint: 'remove it, or keep it for the deck to stay usable in reveal-md' });
      }
      for (const option of own?.options ?? []) applyOption(option, own!.file, meta, bag, themeSheets);
    },
  };
}

/** Sets one option of reveal-md.json as the front matter's key of that name would, or names what briefdeck leaves out. */
function applyOption({ key, value, line }: ConfigFile['options'][number], file: SourceFile, meta: BriefingMeta, bag: DiagnosticBag, themeSheets?: ReadonlyMap<string, ThemeSheet>): void {
  const at = { file: file.path, line };
  if (SERVER_ONLY.has(key) || applyThemeOrTitle({ key, value, line }, file, meta, bag, themeSheets)) return;
  const applied = peerKeyOwner(key, meta.peerTools) === 'reveal-md' ? applyNamedIn(key, value, meta, line, file) : false;
  if (applied === true) return;
  const what = applied === false ? 'does nothing in briefdeck, and was left out' : `is read in part; briefdeck leaves out ${applied.join(', ')}`;
  bag.warn('W_META_IGNORED', `${possessive('reveal-md')} option "${key}" in reveal-md.json ${what}`, { ...at, hint: 'remove it, or keep it for the deck to stay usable in reveal-md' });
}

/** Applies an option as the front matter's key of that name (applyPeerKey), naming `file` as the source of what it sets (applyFromFile). */
function applyNamedIn(key: string, value: unknown, meta: BriefingMeta, line: number, file: SourceFile): boolean | string[] {
  return applyFromFile(meta, file.path, () => applyPeerKey(key, value, meta, line));
}
