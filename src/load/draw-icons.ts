// Slidev's icons of the Iconify sets it ships (parse/dialects/slidev-icons.ts), drawn from those sets, which briefdeck
// depends on too (@iconify-json/carbon, /ph, /svg-spinners), as SVG pictures. A set is read only when a deck uses
// one of its icons: Phosphor's is 4.5 MB of JSON.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { failure } from '../errors.js';
import { MAX_GUESSES, suggestClosest } from '../did-you-mean.js';
import type { SourceLocation } from '../model.js';
import { SHIPPED_ICON_SETS } from '../icon-sets.js';

const require = createRequire(import.meta.url);

/** One set of Iconify's JSON: each icon's SVG body, the aliases of icons, and the size they are drawn at unless an icon says its own. */
interface IconSet {
  icons: Record<string, { body: string; width?: number; height?: number; left?: number; top?: number }>;
  // None of the shipped sets' aliases turns or flips its icon (Iconify's hFlip, vFlip, rotate), so those are not read.
  aliases?: Record<string, { parent: string; width?: number; height?: number }>;
  width?: number;
  height?: number;
}

/** The sets read so far in this process, by prefix. */
const readSets = new Map<string, IconSet>();

/** An Iconify set that briefdeck depends on, read once per process. */
function readIconSet(prefix: string): IconSet {
  let set = readSets.get(prefix);
  if (!set) {
    set = JSON.parse(readFileSync(require.resolve(`@iconify-json/${prefix}/icons.json`), 'utf8')) as IconSet;
    readSets.set(prefix, set);
  }
  return set;
}

/**
 * Creates what draws an icon (`carbon:logo-github`) as an SVG picture in `colour`, the theme's text colour, or the icon's
 * own (a hex, from its classes): Iconify's bodies paint in `currentColor`, which a picture cannot take from the text around it. An icon its set does not have
 * is an error at `where`, with the nearest name the set has (for the first MAX_GUESSES of them).
 */
export function createIconDrawer(colour: string): (icon: string, where: SourceLocation, shown: string, ownColour?: string) => Uint8Array {
  // A deck may name thousands of icons its set lacks: the nearest name is looked for, among thousands, for the first few only.
  let guessed = 0;
  return (icon, where, shown, ownColour) => {
    const [prefix = '', name = ''] = icon.split(':');
    // The name comes from the deck, through the parse: only a set briefdeck depends on is ever resolved.
    if (!SHIPPED_ICON_SETS.includes(prefix)) throw failure('E_IMAGE_MISSING', `Slidev icon ${shown} is not of a set briefdeck carries`, { ...where, hint: `briefdeck draws the icons of ${SHIPPED_ICON_SETS.join(', ')}` });
    const set = readIconSet(prefix);
    let own = name;
    let size: { width?: number; height?: number } = {};
    // An alias names its icon (`arrows` is `arrows-vertical`), maybe through another alias.
    for (let hops = 0; !Object.hasOwn(set.icons, own) && set.aliases && Object.hasOwn(set.aliases, own) && hops < 8; hops++) {
      const alias = set.aliases[own]!;
      size = { width: size.width ?? alias.width, height: size.height ?? alias.height };
      own = alias.parent;
    }
    if (!Object.hasOwn(set.icons, own)) {
      const meant = guessed++ < MAX_GUESSES ? suggestClosest(name, Object.keys(set.icons)) : undefined;
      throw failure('E_IMAGE_MISSING', `Slidev icon ${shown} is not in Iconify's ${prefix} set`, { ...where, hint: meant !== undefined ? `did you mean ${prefix}:${meant}?` : `see the names of the ${prefix} set at https://icones.js.org/collection/${prefix}` });
    }
    const drawn = set.icons[own]!;
    const width = size.width ?? drawn.width ?? set.width ?? 16;
    const height = size.height ?? drawn.height ?? set.height ?? 16;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${drawn.left ?? 0} ${drawn.top ?? 0} ${width} ${height}" color="${ownColour !== undefined && /^#[0-9a-fA-F]{3,8}$/.test(ownColour) ? ownColour : colour}">${drawn.body}</svg>`;
    return Buffer.from(svg, 'utf8');
  };
}
