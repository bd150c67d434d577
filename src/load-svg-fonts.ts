// An SVG shown as an <img> is a document of its own: it cannot use the fonts
// of the page around it. So an SVG of the briefing that asks for the deck's
// typeface (or only for a generic family) gets that typeface embedded, as a
// woff2 data URI in its own <style>, and renders in it everywhere, offline.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { LoadedAsset } from './model.js';

const require = createRequire(import.meta.url);

/** The deck's typeface, as the theme names it. */
export interface DeckTypeface {
  family: string;
}

/**
 * Returns the assets with every SVG that uses the deck's typeface, or only a
 * generic family, carrying that typeface. Other assets are returned as they are.
 */
export function embedDeckFonts(assets: ReadonlyMap<number, LoadedAsset>, typeface: DeckTypeface): Map<number, LoadedAsset> {
  const out = new Map<number, LoadedAsset>();
  const embedded = new Map<LoadedAsset, LoadedAsset>();
  for (const [index, asset] of assets) {
    if (asset.mime !== 'image/svg+xml') {
      out.set(index, asset);
      continue;
    }
    let done = embedded.get(asset);
    if (!done) {
      const svg = new TextDecoder().decode(asset.bytes);
      const withFonts = embedInSvg(svg, typeface);
      done = withFonts === svg ? asset : { mime: asset.mime, bytes: new TextEncoder().encode(withFonts) };
      embedded.set(asset, done);
    }
    out.set(index, done);
  }
  return out;
}

/** The SVG with @font-face rules for the deck's typeface in the weights its text uses, or unchanged when it does not use it. */
function embedInSvg(svg: string, typeface: DeckTypeface): string {
  const families = [...svg.matchAll(/font-family\s*[:=]\s*["']?([^;"'>]+(?:"[^"]*"[^;"'>]*)*)/gi)].map((m) => m[1]!.split(',').map((f) => f.trim().replace(/^["']|["']$/g, '').toLowerCase()));
  if (families.length === 0 && !/<text\b/i.test(svg)) return svg;
  const deck = typeface.family.toLowerCase();
  const asksForDeck = families.some((list) => list[0] === deck);
  const onlyGeneric = families.length === 0 || families.every((list) => ['sans-serif', 'serif', 'system-ui'].includes(list[0]!));
  if (!asksForDeck && !onlyGeneric) return svg;
  const weights = new Set(['400']);
  if (/font-weight\s*[:=]\s*["']?(bold|[6-9]00)/i.test(svg)) weights.add('700');
  const rules = [...weights].map((weight) => fontFace(typeface.family, weight)).filter((face): face is string => face !== undefined);
  if (rules.length === 0) return svg;
  // Text that names no family, or only a generic one, is set in the deck's typeface too.
  const fallback = onlyGeneric ? `text,tspan{font-family:${JSON.stringify(typeface.family)},sans-serif}` : '';
  const opening = /<svg\b[^>]*>/i.exec(svg);
  if (!opening) return svg;
  const at = opening.index + opening[0].length;
  return `${svg.slice(0, at)}<style>${rules.join('')}${fallback}</style>${svg.slice(at)}`;
}

/** Faces already read, by family and weight: every SVG of a deck, and every rebuild in the dev server, shares them. */
const faces = new Map<string, string | undefined>();

/** An @font-face rule with the face's woff2 inlined, from the @fontsource package that ships it; undefined when none does. */
export function fontFace(family: string, weight: string): string | undefined {
  const key = `${family}\u0000${weight}`;
  if (!faces.has(key)) faces.set(key, readFontFace(family, weight));
  return faces.get(key);
}

function readFontFace(family: string, weight: string): string | undefined {
  const id = family.toLowerCase().replace(/\s+/g, '-');
  let file: string;
  try {
    file = require.resolve(`@fontsource/${id}/files/${id}-latin-${weight}-normal.woff2`);
  } catch {
    return undefined;
  }
  const data = readFileSync(file).toString('base64');
  return `@font-face{font-family:${JSON.stringify(family)};font-weight:${weight};src:url(data:font/woff2;base64,${data}) format("woff2")}`;
}
