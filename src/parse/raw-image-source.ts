// What an `<img>` in raw HTML keeps as its source: a picture the parser confined and inlined (reveal's lazy `data-src`
// read as its `src`), or none, when it shows its alt text in its place or goes. The sanitizer (sanitize-fragment.ts)
// calls it for every `<img>`, trusted or not.
import { ASSET_SCHEME } from '../model.js';

/** Resolves the `src` of an `<img>` in raw HTML to the picture's reference in the deck, or undefined to leave it out. */
export type ResolveImage = (src: string, alt: string) => string | undefined;

/**
 * An `<img>` keeps a picture the parser confined and inlined, one `resolve` takes in now, or no source at all. reveal's
 * lazy-loaded picture (`<img data-src="a.png">`, which reveal loads as the slide comes near) is read as its source.
 */
function keepImageSource(attribs: Record<string, string>, resolve: ResolveImage | undefined): Record<string, string> {
  const { src, ...rest } = readLazySource(attribs);
  const kept = src === undefined ? undefined : src.startsWith(ASSET_SCHEME) ? src : resolve?.(src, attribs.alt ?? '');
  return kept === undefined ? rest : { src: kept, ...rest };
}

/** Marks an `<img>` that shows nothing, for the sanitizer to drop whole; its tag is one no deck allows. */
const LEFT_OUT_TAG = 'picture-left-out';
export const LEFT_OUT_MARK = 'data-picture-left-out';

/**
 * An `<img>` with the source the parser resolved and confined. One with no source left (its picture left out, or none
 * named) shows its alt text in its place, as a Markdown image's does, and goes when it has none: an `<img>` without a
 * source draws nothing, or a broken picture's box, and as a build step it would be a click that shows nothing.
 */
export function showImage(tagName: string, attribs: Record<string, string>, resolve: ResolveImage | undefined): { tagName: string; attribs: Record<string, string>; text?: string } {
  const kept = keepImageSource(attribs, resolve);
  if (kept.src !== undefined) return { tagName, attribs: kept };
  const alt = kept.alt?.trim() ?? '';
  return alt === '' ? { tagName: LEFT_OUT_TAG, attribs: { [LEFT_OUT_MARK]: '' } } : { tagName: 'span', attribs: { class: 'missing-image' }, text: alt };
}

/** An `<img>`'s attributes with reveal's `data-src` as its `src` when it has none, as reveal loads it. */
export function readLazySource(attribs: Record<string, string>): Record<string, string> {
  if (attribs.src !== undefined || attribs['data-src'] === undefined) return attribs;
  const { 'data-src': src, ...rest } = attribs;
  return { src: src!, ...rest };
}
