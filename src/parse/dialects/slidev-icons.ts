import type { TokenizerAndRendererExtension } from 'marked';
import { startWithinWindow } from '../extension-start.js';
import { ASSET_SCHEME, type ImageRef, type SourceLocation } from '../../model.js';
import { SHIPPED_ICON_SETS } from '../../icon-sets.js';
import { readTextColour, utilityClassPattern } from './uno-utilities.js';

// Slidev draws icons from Iconify's sets, written as elements named by set and
// icon: `<carbon:arrow-right />` or `<mdi-account-circle />`. The sets Slidev
// itself ships (SHIPPED_ICON_SETS), which a deck uses with nothing installed,
// briefdeck carries too: such an icon is a picture of the deck, drawn from its
// set when the deck is built (load/draw-icons.ts). An icon of another set, which
// a Slidev project installs for itself, is left out with a warning. The colon form is
// never HTML to a Markdown reader (a tag name holds no colon): CommonMark reads
// `<carbon:edit/>` as a link and `<carbon:arrow-right class="x"/>` as text,
// so without this it would show. Inside an HTML block, the sanitizer removes it. An icon whose shape a
// character draws as well (an arrow) is that character, wherever it stands.

/** An icon element, empty: `<set:name …/>`, `<set-name …/>` or `<set:name …></set:name>`, bounded to one line. */
const ICON = /^<([a-z][a-z0-9]*(?::[a-z0-9]+(?:-[a-z0-9]+)*|(?:-[a-z0-9]+)+))((?:\s[^<>\n]{0,300})?)(?:\/>|>[ \t]*<\/\1>)/i;

/**
 * Iconify's icon sets that Slidev decks draw from, by the prefix an icon's name opens with (`carbon-logo-github`). The
 * dash form is a custom element's name too, so inside HTML it is read as an icon only under one of these prefixes.
 */
const ICON_SETS = new Set([
  'akar-icons', 'ant-design', 'bi', 'bx', 'bxl', 'bxs', 'carbon', 'ci', 'clarity', 'codicon', 'devicon', 'el', 'emojione', 'ep', 'eva',
  'fa', 'fa-brands', 'fa-regular', 'fa-solid', 'fa6-brands', 'fa6-regular', 'fa6-solid', 'feather', 'fluent', 'fluent-emoji', 'fluent-emoji-flat',
  'game-icons', 'gg', 'heroicons', 'heroicons-outline', 'heroicons-solid', 'ic', 'icon-park', 'icon-park-outline', 'iconoir', 'ion', 'jam',
  'la', 'line-md', 'logos', 'lucide', 'majesticons', 'material-symbols', 'mdi', 'mdi-light', 'mingcute', 'noto', 'octicon', 'openmoji', 'ph',
  'radix-icons', 'ri', 'simple-icons', 'skill-icons', 'solar', 'svg-spinners', 'tabler', 'twemoji', 'uil', 'vscode-icons',
]);

/**
 * Whether an element's name is an icon's as Slidev writes it inside HTML: `set:name`, which no HTML element is, or
 * `set-name` under one of Iconify's set prefixes (`carbon-logo-github`, as in Slidev's starter deck).
 */
export function isSlidevIconName(name: string): boolean {
  if (/^[a-z][a-z0-9]*:[a-z0-9]+(?:-[a-z0-9]+)*$/i.test(name)) return true;
  const parts = name.toLowerCase().split('-');
  // The set's prefix is the name's opening parts, one to three of them, with at least one part of the icon's name after.
  return parts.every((part) => /^[a-z0-9]+$/.test(part)) && [1, 2, 3].some((n) => n < parts.length && ICON_SETS.has(parts.slice(0, n).join('-')));
}

/**
 * The icons whose shape a character of the text draws as well, by their name in any of Iconify's sets (`carbon:arrow-right`,
 * `mdi-arrow-right`): the arrow of Slidev's starter deck ("Press Space for next page →") and a few more like it.
 */
const ICON_GLYPHS: Readonly<Record<string, string>> = {
  'arrow-right': '→', 'arrow-left': '←', 'arrow-up': '↑', 'arrow-down': '↓',
  'chevron-right': '›', 'chevron-left': '‹', 'checkmark': '✓', 'check': '✓', 'close': '✕', 'edit': '✎', 'pencil': '✎',
};

/** The character an icon is drawn as, by its name in its set, or undefined for an icon no character draws. */
function glyphOf(name: string): string | undefined {
  const icon = /^[a-z][a-z0-9]*[:-](.+)$/i.exec(name)?.[1]?.toLowerCase();
  return icon !== undefined && Object.hasOwn(ICON_GLYPHS, icon) ? ICON_GLYPHS[icon] : undefined;
}

/**
 * An icon's set and name as Iconify writes them (`carbon:logo-github`), when its set is one briefdeck carries: Slidev's
 * `<carbon:logo-github />` and `<carbon-logo-github />` are both `carbon:logo-github`. Undefined for any other set.
 */
export function readShippedIcon(name: string): string | undefined {
  const lower = name.toLowerCase();
  const colon = /^([a-z0-9]+(?:-[a-z0-9]+)*):([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(lower);
  if (colon) return SHIPPED_ICON_SETS.includes(colon[1]!) ? lower : undefined;
  const set = SHIPPED_ICON_SETS.find((prefix) => lower.startsWith(`${prefix}-`) && lower.length > prefix.length + 1);
  return set === undefined ? undefined : `${set}:${lower.slice(set.length + 1)}`;
}

/**
 * Creates what draws an icon of a set briefdeck carries: it joins the deck's `images` and is written as a picture of the
 * deck, decorative, as Slidev's own is hidden from screen readers; a text-colour utility among its classes (`raw`, the
 * element as written: `<carbon:warning class="text-red-500" />`) is its colour, and its other utilities stay on it.
 * Undefined for an icon of another set.
 */
export function createIconDrawer(images: ImageRef[]): (name: string, at: () => SourceLocation, raw: string) => string | undefined {
  // `at` is asked only for an icon drawn: finding a token's line moves on past it, so an icon left out is found by its own warning.
  return (name, at, raw) => {
    const icon = readShippedIcon(name);
    if (icon === undefined) return undefined;
    const classes = /\sclass\s*=\s*(["'])([^"']*)\1/i.exec(raw)?.[2]?.trim().split(/\s+/) ?? [];
    const iconColour = classes.map(readTextColour).find((colour) => colour !== undefined);
    images.push({ src: `<${name}>`, relPath: `#icon-${images.length}`, alt: '', source: at(), decorative: true, icon, ...(iconColour !== undefined ? { iconColour } : {}) });
    // Its other utilities stay on it: a type size (`text-3xl`) sizes it, as it sizes Slidev's, since an icon is as tall as its type.
    const utilities = classes.filter((cls) => utilityClassPattern().test(cls) && readTextColour(cls) === undefined);
    return `<img src="${ASSET_SCHEME}${images.length - 1}" alt="" class="${['icon', ...utilities].join(' ')}">`;
  };
}

/** An icon as the character that draws it, hidden from screen readers as Slidev's own picture is. */
const writeGlyph = (glyph: string) => `<span aria-hidden="true">${glyph}</span>`;

/**
 * Raw HTML with each icon a character draws written as that character, and each icon `drawIcon` draws (one of a set
 * briefdeck carries) as its picture; the rest are left to the sanitizer, which reports them.
 */
export function drawIconGlyphs(html: string, drawIcon?: (name: string, raw: string) => string | undefined): string {
  return html.replace(ICON_IN_HTML, (icon: string, name: string) => {
    if (!isSlidevIconName(name)) return icon;
    const glyph = glyphOf(name);
    return glyph !== undefined ? writeGlyph(glyph) : (drawIcon?.(name, icon) ?? icon);
  });
}

/** An icon element anywhere in raw HTML (ICON, unanchored). */
const ICON_IN_HTML = new RegExp(ICON.source.slice(1), 'gi');

/**
 * A marked extension, for Slidev decks, that reads icons wherever they stand in a line: drawn as a character, or, for
 * an icon of a set briefdeck carries, as a picture that joins `images` (found at the line `at` gives its text), or
 * else left out, and named to `report`.
 */
export function slidevIconExtension(report: (raw: string, message: string) => void, images: ImageRef[], at: (raw: string) => SourceLocation): TokenizerAndRendererExtension {
  const drawIcon = createIconDrawer(images);
  return {
    name: 'slidevIcon',
    level: 'inline',
    start: startWithinWindow('<'),
    tokenizer(src: string) {
      const match = ICON.exec(src);
      // Another custom element (`<my-widget />`, a component of the deck's own) is raw HTML, named as such by the sanitizer.
      return match && isSlidevIconName(match[1]!) ? { type: 'slidevIcon', raw: match[0], name: match[1]! } : undefined;
    },
    renderer(token) {
      const { raw, name } = token as unknown as { raw: string; name: string };
      const glyph = glyphOf(name);
      if (glyph !== undefined) return writeGlyph(glyph);
      const drawn = drawIcon(name, () => at(raw), raw);
      if (drawn !== undefined) return drawn;
      report(raw, `Slidev icon <${name}> has no picture offline and was left out`);
      return '';
    },
  };
}
