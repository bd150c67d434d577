import type { TokenizerAndRendererExtension } from 'marked';
import { startWithinWindow } from '../extension-start.js';

// Slidev draws icons from Iconify's sets, written as elements named by set and
// icon: `<carbon:arrow-right />` or `<mdi-account-circle />`. briefdeck has no
// icon sets offline, so an icon is left out with a warning. The colon form is
// never HTML to a Markdown reader (a tag name holds no colon): CommonMark reads
// `<carbon:edit/>` as a link and `<carbon:arrow-right class="x"/>` as text,
// so without this it would show. Inside an HTML block, the sanitizer removes it.

/** An icon element, empty: `<set:name …/>`, `<set-name …/>` or `<set:name …></set:name>`, bounded to one line. */
const ICON = /^<([a-z][a-z0-9]*(?::[a-z0-9]+(?:-[a-z0-9]+)*|(?:-[a-z0-9]+)+))((?:\s[^<>\n]{0,300})?)(?:\/>|>[ \t]*<\/\1>)/i;

/**
 * Whether an element's name is an icon's as Slidev writes it inside HTML: `set:name`, which no HTML element is. (The
 * dash form, `mdi-account`, is a custom element's name too, and is left to the sanitizer's own report.)
 */
export function isSlidevIconName(name: string): boolean {
  return /^[a-z][a-z0-9]*:[a-z0-9]+(?:-[a-z0-9]+)*$/i.test(name);
}

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
      report(raw, `Slidev icon <${name}> has no picture offline and was left out`);
      return '';
    },
  };
}
