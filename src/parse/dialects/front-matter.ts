// How briefdeck reads other tools' front matter. A key that only another tool
// knows is a warning that names the tool, never an error; the few that mean
// something briefdeck can do are mapped onto its own metadata.
import type { BriefingMeta } from '../../model.js';

/** Keys of other Markdown slide tools, by the tool they belong to. */
const PEER_KEYS: Record<string, string> = Object.fromEntries([
  ...['marp', 'paginate', 'header', 'footer', 'backgroundColor', 'backgroundImage', 'color', 'headingDivider', 'math', 'style'].map((k) => [k, 'Marp']),
  ...['revealOptions', 'separator', 'verticalSeparator', 'highlightTheme', 'scripts', 'css', 'preprocessor', 'notesSeparator'].map((k) => [k, 'reveal-md']),
  ...['info', 'drawings', 'transition', 'mdc', 'highlighter', 'lineNumbers', 'colorSchema', 'aspectRatio', 'canvasWidth', 'layout', 'class', 'background', 'fonts', 'themeConfig', 'download', 'exportFilename', 'favicon', 'addons', 'routerMode'].map((k) => [k, 'Slidev']),
  ...['format', 'execute', 'jupyter', 'editor', 'bibliography', 'slide-number', 'smaller', 'incremental-lists'].map((k) => [k, 'Quarto']),
]);

/** Marp's built-in themes, and the briefdeck theme nearest to each. */
const MARP_THEMES: Record<string, string> = { default: 'white', gaia: 'white', uncover: 'white' };

/** The tool a metadata key belongs to, when it is another tool's key. */
export function peerKeyOwner(key: string): string | undefined {
  return Object.hasOwn(PEER_KEYS, key) ? PEER_KEYS[key] : undefined;
}

/**
 * Applies what a peer key means to briefdeck, where it means something:
 * Quarto's `format: revealjs: incremental: true` turns on incremental lists.
 * Returns true when the key was fully understood, so no warning is needed.
 */
export function applyPeerKey(key: string, value: unknown, meta: BriefingMeta): boolean {
  if (key !== 'format' || typeof value !== 'object' || value === null) return false;
  const reveal = (value as Record<string, unknown>).revealjs;
  if (typeof reveal !== 'object' || reveal === null) return false;
  const options = reveal as Record<string, unknown>;
  if (typeof options.incremental === 'boolean') meta.incremental = options.incremental;
  return Object.keys(options).every((k) => k === 'incremental');
}

/** Slidev's `duration: 35min` (also `35m`, `1h`, `1.5h`) as minutes, or undefined when it is not such a string. */
export function readDurationText(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(min|mins|minutes?|m|h|hours?)?\s*$/i.exec(value);
  if (!match) return undefined;
  const amount = Number(match[1]);
  return /^h/i.test(match[2] ?? '') ? amount * 60 : amount;
}

/** The built-in theme that stands in for one of Marp's, or undefined when the name is not Marp's. */
export function mapMarpTheme(theme: string): string | undefined {
  return Object.hasOwn(MARP_THEMES, theme) ? MARP_THEMES[theme] : undefined;
}
