// Marp CLI's configuration beside a deck: the `"marp"` object of its package.json, or else `.marprc` (YAML or JSON; also
// named `.marprc.yml`, `.marprc.yaml` or `.marprc.json`), which Marp CLI reads from the folder it runs in, in that order. Its being there says the deck is Marp's, which Marp
// CLI never asks a deck to say (`marp: true` is for its editor); its `html: true` lets the deck's raw HTML through as the
// front matter's `html: true` does, and its `theme`, `title`, `author` and `lang` set the deck under the front matter,
// whose keys win. Its `options:` are those of Marp's Markdown engine: `headingDivider`, `html`, `math` and `lang` set the deck as
// the front matter's keys of those names do. What only Marp CLI's converter, server or browser uses is passed over, as is
// how Marp writes its own HTML (`inlineSVG`, `slug`); what would change the deck and
// briefdeck leaves out is named at its line. A configuration in JavaScript (`marp.config.js`) is never run: it is named.
import type { DiagnosticBag } from '../../errors.js';
import type { BriefingMeta, SourceFile, ThemeSheet } from '../../model.js';
import { LANGUAGE_TAG } from '../meta-schema.js';
import { applyThemeOrTitle, readConfigFile, type ConfigOption } from './config-file.js';
import { MARP_CODE_CONFIG_FILES, MARP_CONFIG_FILES, MARP_PACKAGE_FILE } from '../../marp-config-files.js';
import { applyPeerKey } from './front-matter.js';

/**
 * Marp CLI's options for converting, serving and the browser it prints with, and the theme files it is handed (found
 * in the folder by their own `@theme` comment), which say nothing briefdeck could show differently.
 */
const CLI_ONLY = new Set(['allowLocalFiles', 'pdf', 'pdfNotes', 'pdfOutlines', 'pptx', 'pptxEditable', 'image', 'images', 'imageScale', 'jpegQuality', 'output', 'inputDir', 'server', 'watch', 'preview', 'parallel', 'browser', 'browserPath', 'browserProtocol', 'browserTimeout', 'bespoke', 'notes', 'ogImage', 'url', 'keywords', 'description', 'baseUrl', 'themeSet', 'configFile', 'template']);

/** Options of Marp's Markdown engine that say only how Marp writes its own HTML (its SVG wrapper, anchors, containers, minified CSS, its script). */
const MARKUP_ONLY = new Set(['inlineSVG', 'looseYAML', 'minifyCSS', 'script', 'slug', 'anchor', 'container', 'slideContainer', 'printable', 'cssNesting', 'cssContainerQuery']);

/**
 * Marp CLI's configuration among the files beside a deck: the tool it names (Marp, when there is any) and, for
 * parseMeta, what sets the metadata before the front matter does. A file of code is named, never run.
 */
export function readMarpConfig(files: readonly SourceFile[], bag: DiagnosticBag, themeSheets?: ReadonlyMap<string, ThemeSheet>): { tools: string[]; beneath?: (meta: BriefingMeta) => void } {
  const code = files.find((f) => MARP_CODE_CONFIG_FILES.includes(f.relPath));
  if (code) bag.warn('W_META_IGNORED', `${code.relPath} is Marp CLI's configuration in code, which briefdeck never runs, so its options do not apply`, { file: code.path, line: 1, hint: 'write the options that matter here (html, theme, title) in a .marprc.yml beside the deck' });
  // Marp CLI looks in package.json before its own files, and takes the first it finds.
  const pkg = files.find((f) => f.relPath === MARP_PACKAGE_FILE);
  const file = MARP_CONFIG_FILES.map((name) => files.find((f) => f.relPath === name)).find((f) => f !== undefined);
  const fromPackage = pkg && readConfigFile(pkg, bag, 'Marp CLI', 'marp');
  // Marp CLI reads no other file once it has found one: a .marprc beside package.json's options is named, not read.
  if (fromPackage && file) bag.warn('W_META_IGNORED', `${file.relPath} is not read: Marp CLI takes its options from the "marp" object of ${pkg!.relPath}, which it finds first`, { file: file.path, line: 1, hint: `move its options into package.json's "marp", or remove one of the two` });
  const config = fromPackage || (file && readConfigFile(file, bag, 'Marp CLI'));
  if (!config && !code) return { tools: [] };
  return { tools: ['Marp'], ...(config ? { beneath: (meta: BriefingMeta) => config.options.forEach((option) => applyOption(option, config.file, meta, bag, themeSheets)) } : {}) };
}

/** Sets one option of Marp CLI's configuration as the front matter's key of that name would, or names what briefdeck leaves out. */
function applyOption(option: ConfigOption, file: SourceFile, meta: BriefingMeta, bag: DiagnosticBag, themeSheets?: ReadonlyMap<string, ThemeSheet>): void {
  const { key, value, line } = option;
  const at = { file: file.path, line };
  if (CLI_ONLY.has(key) || applyThemeOrTitle(option, file, meta, bag, themeSheets)) return;
  if (key === 'options' && option.entries) {
    for (const engineOption of option.entries) applyEngineOption(engineOption, file, meta, bag);
    return;
  }
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

/** Sets one option of Marp's Markdown engine (the configuration's `options:`) as the front matter's key of that name would, or names what briefdeck leaves out. */
function applyEngineOption({ key, value, line }: ConfigOption, file: SourceFile, meta: BriefingMeta, bag: DiagnosticBag): void {
  if (MARKUP_ONLY.has(key)) return;
  // Marp's `html` may be a list of the elements it lets through: briefdeck lets raw HTML through under its own rules, which are stricter.
  if (key === 'html' && (typeof value === 'boolean' || (typeof value === 'object' && value !== null))) {
    meta.html = value !== false;
    return;
  }
  if (key === 'lang' && typeof value === 'string' && LANGUAGE_TAG.test(value.trim())) {
    meta.lang = value.trim();
    return;
  }
  if ((key === 'headingDivider' || key === 'math') && applyPeerKey(key, value, meta, line) === true) return;
  bag.warn('W_META_IGNORED', `Marp's option "options.${key}" in ${file.relPath} does nothing in briefdeck, and was left out`, { file: file.path, line, hint: 'remove it, or keep it for the deck to stay usable in Marp' });
}
