// The built-in themes' names, which of them are dark, and how a `theme:` that names a CSS file is told from one of them.

/** The reveal.js themes that ship with reveal, each usable as `theme:`. */
export const REVEAL_THEMES = ['beige', 'black', 'black-contrast', 'blood', 'dracula', 'league', 'moon', 'night', 'serif', 'simple', 'sky', 'solarized', 'white', 'white-contrast'];

/** Every built-in theme name, the house theme first. */
export const BUILTIN_THEMES = ['briefing', ...REVEAL_THEMES];

/** Marp's own built-in themes (parse/dialects/peer-keys.ts maps each to the built-in theme nearest it): never a file of the deck's. */
export const MARP_BUILT_IN_THEMES: ReadonlySet<string> = new Set(['default', 'gaia', 'uncover']);

/** The built-in themes with a dark background (a test holds this to each theme's CSS), for what a deck shows only in the dark. */
export const DARK_THEMES: ReadonlySet<string> = new Set(['black', 'black-contrast', 'blood', 'dracula', 'league', 'moon', 'night']);

/** True when `theme:` names a CSS file in the briefing folder rather than a built-in theme. */
export function isCustomTheme(theme: string): boolean {
  return theme.endsWith('.css') || theme.startsWith('./') || theme.startsWith('../') || theme.includes('/');
}

/** The built-in theme a deck's styles start from: its own, or the house theme under a briefing's own CSS. */
export function baseTheme(theme: string): string {
  return isCustomTheme(theme) ? 'briefing' : theme;
}
