// Marp CLI's configuration beside a deck: `.marprc` (YAML or JSON; also named `.marprc.yml`, `.marprc.yaml` or
// `.marprc.json`), which Marp CLI reads from the folder it runs in. Its being there says the deck is Marp's, which Marp
// CLI never asks a deck to say (`marp: true` is for its editor); its `html: true` lets the deck's raw HTML through as the
// front matter's `html: true` does, and its `theme`, `title`, `author` and `lang` set the deck under the front matter,
// whose keys win. What only Marp CLI's converter, server or browser uses is passed over; what would change the deck and
// briefdeck leaves out is named at its line. A configuration in JavaScript (`marp.config.js`) is never run: it is named.
import type { DiagnosticBag } from '../../errors.js';
import type { BriefingMeta, SourceFile, ThemeSheet } from '../../model.js';
import { LANGUAGE_TAG } from '../meta-schema.js';
import { applyThemeOrTitle, readConfigFile, type ConfigFile } from './config-file.js';
import { MARP_CODE_CONFIG_FILES, MARP_CONFIG_FILES } from '../../marp-config-files.js';

/**
 * Marp CLI's options for converting, serving and the browser it prints with, and the theme files it is handed (found
 * in the folder by their own `@theme` comment), which say nothing briefdeck could show differently.
 */
const CLI_ONLY = new Set(['allowLocalFiles', 'pdf', 'pdfNotes', 'pdfOutlines', 'pptx', 'pptxEditable', 'image', 'images', 'imageScale', 'jpegQuality', 'output', 'inputDir', 'server', 'watch', 'preview', 'parallel', 'browser', 'browserPath', 'browserProtocol', 'browserTimeout', 'bespoke', 'notes', 'ogImage', 'url', 'keywords', 'description', 'baseUrl', 'themeSet', 'configFile']);

/**
 * Marp CLI's configuration among the files beside a deck: the tool it names (Marp, when there is any) and, for
 * parseMeta, what sets the metadata before the front matter does. A file of code is named, never run.
 */
export function readMarpConfig(files: readonly SourceFile[], bag: DiagnosticBag, themeSheets?: ReadonlyMap<string, ThemeSheet>): { tools: string[]; beneath?: (meta: BriefingMeta) => void } {
  const code = files.find((f) => MARP_CODE_CONFIG_FILES.includes(f.relPath));
  if (code) bag.warn('W_META_IGNORED', `${code.relPath} is Marp CLI's configuration in code, which briefdeck never runs, so its options do not apply`, { file: code.path, line: 1, hint: 'write the options that matter here (html, theme, title) in a .marprc.yml beside the deck' });
  const file = MARP_CONFIG_FILES.map((name) => files.find((f) => f.relPath === name)).find((f) => f !== undefined);
  const config = file && readConfigFile(file, bag, 'Marp CLI');
  if (!config && !code) return { tools: [] };
  return { tools: ['Marp'], ...(config ? { beneath: (meta: BriefingMeta) => config.options.forEach((option) => applyOption(option, config.file, meta, bag, themeSheets)) } : {}) };
}

/** Sets one option of Marp CLI's configuration as the front matter's key of that name would, or names what briefdeck leaves out. */
function applyOption({ key, value, line }: ConfigFile['options'][number], file: SourceFile, meta: BriefingMeta, bag: DiagnosticBag, themeSheets?: ReadonlyMap<string, ThemeSheet>): void {
  const at = { file: file.path, line };
  if (CLI_ONLY.has(key) || applyThemeOrTitle({ key, value, line }, file, meta, bag, themeSheets)) return;
  const text = typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  // The raw HTML Marp lets through when asked: briefdeck's own `html: true`, under its rules (no script runs).
  if (key === 'html' && typeof value === 'boolean') {
    meta.html = value;
    return;
  }
  if (key === 'author' && text !== undefined) {
    meta.author = text;
    return;
  }
  if (key === 'lang' && text !== undefined && LANGUAGE_TAG.test(text)) {
    meta.lang = text;
    return;
  }
  bag.warn('W_META_IGNORED', `Marp CLI's option "${key}" in ${file.relPath} does nothing in briefdeck, and was left out`, { ...at, hint: 'remove it, or keep it for the deck to stay usable in Marp' });
}
