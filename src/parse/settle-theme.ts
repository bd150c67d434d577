// Which theme a deck's metadata names: a built-in one, a CSS file of the briefing's, or another tool's theme, mapped to
// the built-in one nearest it or left for briefdeck's with a warning. An unknown theme in briefdeck's own deck is an error.
import type { DiagnosticBag } from '../errors.js';
import { hintWithSuggestion } from '../did-you-mean.js';
import { mapPeerTheme, possessive } from './dialects/peer-keys.js';
import type { BriefingMeta, ThemeSheet } from '../model.js';
import { BUILTIN_THEMES, isCustomTheme, MARP_BUILT_IN_THEMES } from '../themes.js';
import { writtenForAnotherTool } from '../written-for.js';

/**
 * Another tool's theme file or folder that is no style sheet (slides' `./theme.json`, Slidev's `theme: ./`, a theme in
 * the making) is that tool's alone: the deck keeps briefdeck's theme, said at `at`. Read again once the deck's body has
 * named its tool, for a deck whose front matter does not.
 */
export function releasePeerThemeFile(meta: BriefingMeta, at: { file: string; line: number }, bag: DiagnosticBag): void {
  const address = /^[a-z][a-z0-9+.-]*:/i.test(meta.theme);
  if (!isCustomTheme(meta.theme) || (/\.css$/i.test(meta.theme) && !address) || !writtenForAnotherTool(meta)) return;
  // reveal-md's theme may be an address (`theme: https://…/theme.css`), never fetched.
  const why = address ? 'is an address, never fetched' : 'is not a CSS style sheet';
  bag.warn('W_META_IGNORED', `${possessive(meta.peerTools.join(' or '))} theme file ${meta.theme} ${why}; the deck keeps briefdeck's theme`, { ...at, hint: 'name a built-in theme, or a CSS file in the briefing folder, such as theme: ./my-theme.css' });
  meta.theme = 'briefing';
}

/** Whether the theme a deck names is none briefdeck can place yet: no built-in one, CSS file, Marp theme file of the folder or other tool's theme by name. */
export function namesUnknownTheme(meta: BriefingMeta, sheets?: ReadonlyMap<string, ThemeSheet>): boolean {
  return !isCustomTheme(meta.theme) && !BUILTIN_THEMES.includes(meta.theme) && !sheets?.has(meta.theme) && mapPeerTheme(meta.theme, meta.peerTools) === undefined;
}

/** A theme a Marp theme file imports by name (`@import 'gaia';`, or `@import-theme`): the one it builds on, when it is Marp's own. */
const MARP_THEME_IMPORT = /@import(?:-theme)?[ \t]+(?:url\([ \t]*)?["']([\w-]+)["']/g;

/**
 * Puts the theme a deck names to use: another tool's theme maps to a built-in one with a warning at `at`; an unknown one is an error there.
 * A theme a CSS file of the folder names itself as (`sheets`, by Marp's comment `@theme corporate`) is read from that file.
 */
export function settleTheme(meta: BriefingMeta, at: { file: string; line: number }, bag: DiagnosticBag, sheets?: ReadonlyMap<string, ThemeSheet>): void {
  delete meta.themeSheet;
  releasePeerThemeFile(meta, at, bag);
  const sheet = isCustomTheme(meta.theme) || BUILTIN_THEMES.includes(meta.theme) ? undefined : sheets?.get(meta.theme);
  if (sheet) return layThemeSheet(meta, sheet, at, bag);
  const peerTheme = isCustomTheme(meta.theme) || BUILTIN_THEMES.includes(meta.theme) ? undefined : mapPeerTheme(meta.theme, meta.peerTools);
  // Slidev's `colorSchema: dark` asks for its theme in the dark: a dark built-in theme stands in for it. A theme of the
  // deck's own CSS, or a built-in one it names, is its own.
  const standIn = peerTheme && meta.darkScheme ? 'black' : peerTheme?.theme;
  if (peerTheme) {
    // A theme only one tool has names the tool the deck was written for (Slidev's seriph, Marp's gaia), as its keys would.
    if (!peerTheme.tool.includes(' or ') && !meta.peerTools.includes(peerTheme.tool)) meta.peerTools.push(peerTheme.tool);
    // A Marp theme of the deck's own is read once its file is in the briefing folder (layThemeSheet); Marp CLI may have found it anywhere.
    const ownMarpTheme = peerTheme.tool === 'Marp' && !MARP_BUILT_IN_THEMES.has(meta.theme);
    const hint = `${ownMarpTheme ? `put the theme's CSS file (the one that says /* @theme ${meta.theme} */) in the briefing folder to have it read; or ` : ''}built-in themes: ${BUILTIN_THEMES.join(', ')}; or a CSS file in the briefing folder, such as theme: ./my-theme.css`;
    bag.warn('W_META_IGNORED', `${possessive(peerTheme.tool)} theme "${meta.theme}" is not built in; using ${standIn}`, { ...at, hint });
    meta.theme = standIn!;
  } else if (meta.darkScheme && meta.keyLines.theme === undefined) meta.theme = 'black';
  // Another tool's deck names reveal's themes as its tool finds their files, in any case on the file systems most authors
  // use (vscode-reveal's `theme: League`); one briefdeck has not keeps briefdeck's theme, as a theme file not there does.
  if (!isCustomTheme(meta.theme) && !BUILTIN_THEMES.includes(meta.theme) && writtenForAnotherTool(meta)) {
    const lower = meta.theme.toLowerCase();
    if (BUILTIN_THEMES.includes(lower)) meta.theme = lower;
    else {
      bag.warn('W_META_IGNORED', `${possessive(meta.peerTools.join(' or '))} theme "${meta.theme}" is not built in; the deck keeps briefdeck's theme`, { ...at, hint: `${hintWithSuggestion(meta.theme, BUILTIN_THEMES, 'built-in themes')}; or a CSS file in the briefing folder, such as theme: ./my-theme.css` });
      meta.theme = 'briefing';
    }
  }
  if (!isCustomTheme(meta.theme) && !BUILTIN_THEMES.includes(meta.theme)) {
    bag.error('E_META', `unknown theme "${meta.theme}"`, {
      ...at,
      hint: `${hintWithSuggestion(meta.theme, BUILTIN_THEMES, 'built-in themes')}; or a CSS file in the briefing folder, such as theme: ./my-theme.css`,
    });
  }
}

/**
 * Takes Marp's own theme from its file: the file's CSS is laid over the built-in theme standing in for the Marp theme
 * it builds on (Marp's default's, white, when it imports none), and a file naming a Marp theme makes the deck Marp's.
 */
function layThemeSheet(meta: BriefingMeta, sheet: ThemeSheet, at: { file: string; line: number }, bag: DiagnosticBag): void {
  if (!meta.peerTools.includes('Marp')) meta.peerTools.push('Marp');
  const base = [...sheet.file.text.matchAll(MARP_THEME_IMPORT)].map((m) => m[1]!).find((name) => MARP_BUILT_IN_THEMES.has(name));
  const standIn = mapPeerTheme(base ?? 'default', ['Marp'])!.theme;
  meta.themeSheet = { name: meta.theme, relPath: sheet.file.relPath };
  // Only what it builds on is another theme's look: the file's own rules are read as the deck's styles.
  if (base) bag.warn('W_META_IGNORED', `Marp's theme "${meta.theme}" is read from ${sheet.file.relPath}, over ${standIn} standing in for Marp's ${base}, which it builds on`, { ...at, hint: `built-in themes: ${BUILTIN_THEMES.join(', ')}; or a CSS file in the briefing folder, such as theme: ./my-theme.css` });
  meta.theme = standIn;
}
