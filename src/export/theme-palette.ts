// The colours and fonts of a deck's theme, read from the same CSS the HTML
// deck uses (reveal's `--r-*` variables), for exports drawn without a browser.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolveThemeFiles } from '../bundle/bundle-theme.js';
import { toHex, isDarkColour } from '../colour.js';

const require = createRequire(import.meta.url);
// Loaded on first use: a build reads a palette only when the deck has an SVG picture, and postcss costs every build its start-up otherwise.
let postcss: typeof import('postcss').default | undefined;

/** Colours as six hex digits without '#', fonts as one family name each. */
export interface ThemePalette {
  background: string;
  text: string;
  heading: string;
  accent: string;
  bodyFont: string;
  headingFont: string;
}

/** The house theme's look, and the fallback for anything a theme leaves out. */
export const HOUSE_PALETTE: ThemePalette = { background: 'FFFFFF', text: '1B2430', heading: '1B2430', accent: '2C5282', bodyFont: 'Source Sans 3', headingFont: 'Source Sans 3' };

const VARIABLES: Record<string, keyof ThemePalette> = {
  '--r-background-color': 'background',
  '--r-main-color': 'text',
  '--r-heading-color': 'heading',
  '--r-link-color': 'accent',
  '--r-main-font': 'bodyFont',
  '--r-heading-font': 'headingFont',
};

/** The palettes read so far, by theme and own CSS: the dev server rebuilds with the same theme at every save, and parsing it took 3 ms of each. */
const readBefore = new Map<string, ThemePalette>();

/** Reads the palette of a built-in theme, or of a briefing's own CSS file layered over the house theme. */
export function readThemePalette(theme: string, customThemeCss?: string): ThemePalette {
  const key = `${theme}\0${customThemeCss ?? ''}`;
  let palette = readBefore.get(key);
  if (!palette) {
    // A few at most: one process builds one deck, or a test process a few dozen.
    if (readBefore.size >= 32) readBefore.clear();
    readBefore.set(key, (palette = parseThemePalette(theme, customThemeCss)));
  }
  return { ...palette };
}

/** The palette of a theme, read from its CSS. */
function parseThemePalette(theme: string, customThemeCss?: string): ThemePalette {
  const builtIn = resolveThemeFiles(customThemeCss === undefined ? theme : 'briefing').map((file) => readFileSync(file, 'utf8'));
  // The briefing's own CSS is the text the load stage read and checked (read-custom-theme.ts), never the file again.
  const sheets = customThemeCss === undefined ? builtIn : [...builtIn, customThemeCss];
  const palette = { ...HOUSE_PALETTE };
  postcss ??= require('postcss') as typeof import('postcss').default;
  for (const sheet of sheets) {
    postcss.parse(sheet).walkDecls((decl) => {
      const key = VARIABLES[decl.prop];
      if (!key) return;
      const value = key.endsWith('Font') ? firstFamily(decl.value) : toHex(decl.value);
      if (value) palette[key] = value;
    });
  }
  return palette;
}

/** The first family of a font-family list, unquoted; a generic family or a system alias is not a font PowerPoint knows. */
function firstFamily(value: string): string | undefined {
  const first = value.split(',')[0]!.trim().replace(/^["']|["']$/g, '');
  return /^(-apple-system|system-ui|sans-serif|serif|monospace|var\()/i.test(first) ? undefined : first;
}

/** Colours a slide's text takes on a background of its own: the theme's where they read on it, else light ones on a dark background and dark ones on a light one, as the HTML deck does (layout.css). */
export function paletteOn(background: string, palette: ThemePalette): ThemePalette {
  if (isDarkColour(background) === isDarkColour(palette.background)) return { ...palette, background };
  return isDarkColour(background)
    ? { ...palette, background, text: 'F4F6F8', heading: 'FFFFFF', accent: '9ECBFF' }
    : { ...palette, background, text: HOUSE_PALETTE.text, heading: HOUSE_PALETTE.heading, accent: HOUSE_PALETTE.accent };
}
