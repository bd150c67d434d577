import type { TokenizerAndRendererExtension } from 'marked';
import { startWithinWindow } from '../extension-start.js';

// Slidev draws icons from Iconify's sets, written as elements named by set and
// icon: `<carbon:arrow-right />` or `<mdi-account-circle />`. briefdeck has no
// icon sets offline, so an icon is left out with a warning. The colon form is
// never HTML to a Markdown reader (a tag name holds no colon): CommonMark reads
// `<carbon:edit/>` as a link and `<carbon:arrow-right class="x"/>` as text,
// so without this it would show. Inside an HTML block, the sanitizer removes it. An icon whose shape a
// character draws as well (an arrow) is that character, wherever it stands.

/** An icon element, empty: `<set:name …/>`, `<set-name …/>` or `<set:name …></set:name>`, bounded to one line. */
const ICON = /^<([a-z][a-z0-9]*(?::[a-z0-9]+(?:-[a-z0-9]+)*|(?:-[a-z0-9]+)+))((?:\s[^<>\n]{0,300})?)(?:\/>|>[ \t]*<\/\1>)/i;

/**
 * Whether an element's name is an icon's as Slidev writes it inside HTML: `set:name`, which no HTML element is. (The
 * dash form, `mdi-account`, is a custom element's name too, and is left to the sanitizer's own report.)
 */
export function isSlidevIconName(name: string): boolean {
  return /^[a-z][a-z0-9]*:[a-z0-9]+(?:-[a-z0-9]+)*$/i.test(name);
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

/** An icon as the character that draws it, hidden from screen readers as Slidev's own picture is. */
const writeGlyph = (glyph: string) => `<span aria-hidden="true">${glyph}</span>`;

/** Raw HTML with each icon a character draws written as that character (the rest are left to the sanitizer, which reports them). */
export function drawIconGlyphs(html: string): string {
  return html.replace(ICON_IN_HTML, (icon: string, name: string) => {
    const glyph = isSlidevIconName(name) ? glyphOf(name) : undefined;
    return glyph === undefined ? icon : writeGlyph(glyph);
  });
}

/** An icon element anywhere in raw HTML (ICON, unanchored). */
const ICON_IN_HTML = new RegExp(ICON.source.slice(1), 'gi');

/** A marked extension, for Slidev decks, that leaves out icons wherever they stand in a line; `report` names each one. */
export function slidevIconExtension(report: (raw: string, message: string) => void): TokenizerAndRendererExtension {
  return {
    name: 'slidevIcon',
    level: 'inline',
    start: startWithinWindow('<'),
    tokenizer(src: string) {
      const match = ICON.exec(src);
      return match ? { type: 'slidevIcon', raw: match[0], name: match[1]! } : undefined;
    },
    renderer(token) {
      const { raw, name } = token as unknown as { raw: string; name: string };
      const glyph = glyphOf(name);
      if (glyph !== undefined) return writeGlyph(glyph);
      report(raw, `Slidev icon <${name}> has no picture offline and was left out`);
      return '';
    },
  };
}
