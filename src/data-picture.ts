// A picture written out in the deck itself as a data: URL (`![](data:image/png;base64,…)`, an <img> of a rendered
// Quarto or notebook page, a picture pasted into a Markdown editor). It is inside the file, so nothing outside the
// briefing folder is read: the parse names it (its relPath is then a name, not a file) and the load decodes it,
// checked by its content and held to the same size limits as a picture file.
import { decodePercentEscapes } from './decode-percent.js';

/** A data: URL of a picture type a deck shows; the content decides in the end (load-assets.ts sniffs it). */
const DATA_PICTURE = /^data:image\/(?:png|jpe?g|gif|webp|svg\+xml)\s*[;,]/i;

/** The name data pictures take in place of a path; the load tells them apart by their source. */
const DATA_PICTURE_NAME = '#data-picture';

/** Whether `src` is a picture written out as a data: URL. */
export function isDataPicture(src: string): boolean {
  return DATA_PICTURE.test(src);
}

/**
 * The name a data picture takes in place of a path. One for all: a hash to tell them apart would load node:crypto
 * into the parse worker, whose start is on every build's critical path, and the load keys them by their source.
 */
export function nameDataPicture(): string {
  return DATA_PICTURE_NAME;
}

/** Whether an image's relPath is a data picture's name rather than a file's path. */
export function isDataPictureName(relPath: string): boolean {
  return relPath === DATA_PICTURE_NAME;
}

/**
 * The bytes a data: URL holds (RFC 2397: `data:[type][;base64],payload`, the payload %-escaped), or none when its
 * escapes are broken. Base64 is read as browsers read it, forgiving spaces and line breaks.
 */
export function decodeDataPicture(src: string): Uint8Array | undefined {
  const comma = src.indexOf(',');
  if (comma < 0) return undefined;
  const payload = decodePercentEscapes(src.slice(comma + 1));
  if (payload === undefined) return undefined;
  return /;\s*base64\s*$/i.test(src.slice(0, comma)) ? Buffer.from(payload.replace(/\s+/g, ''), 'base64') : Buffer.from(payload, 'utf8');
}

/** A picture's source as a message names it: a data picture by its first characters, not its kilobytes. */
export function showPictureSource(src: string): string {
  return isDataPicture(src) && src.length > 60 ? `${src.slice(0, 57)}...` : src;
}
