import path from 'node:path';
import { DiagnosticBag } from '../errors.js';
import type { SourceFile } from '../model.js';
import { decodePercentEscapes } from '../decode-percent.js';
import { isDataPicture, nameDataPicture } from '../data-picture.js';

/** Resolves an image (or chart data) reference to a posix path inside the briefing, or records why it cannot be. */
export function resolveImagePath(href: string, file: SourceFile, where: { file: string; line: number }, bag: DiagnosticBag, what = 'image', remote: 'error' | 'leave out' = 'error', rootedIn?: string): string | null {
  const shown = truncate(href);
  // Only a picture on the slide has alt text to show in its place; a background or a style's picture shows nothing.
  const instead = what === 'image' || what === 'logo' ? ', its alt text in its place' : '';
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(href)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https' || href.startsWith('//')) {
    const hint = `download the ${what} into the briefing folder and reference it by its relative path`;
    // A deck written for another tool builds unchanged: its remote picture is left out, never fetched, and said so.
    if (remote === 'leave out') bag.warn('W_REMOTE_IMAGE', `remote ${what} "${shown}" was left out: a deck carries every picture it shows, and works offline`, { ...where, hint });
    else bag.error('E_REMOTE_URL', `remote ${what} "${shown}" cannot be inlined`, { ...where, hint });
    return null;
  }
  // A picture written out in the deck itself reads nothing outside it (data-picture.ts); chart data never comes so.
  if (scheme === 'data' && what !== 'chart data' && isDataPicture(href)) return nameDataPicture();
  if (scheme && !(scheme.length === 1 && /^[A-Za-z]$/.test(scheme))) {
    const message = `${what} "${shown}" uses the ${scheme}: scheme; only files in the briefing folder can be inlined`;
    const hint = `reference the ${what} by a path relative to this Markdown file`;
    // In a deck written for another tool (`file:///Users/me/Desktop/a.png`, as an editor writes a dropped picture), it is left out, never read.
    if (remote === 'leave out') bag.warn('W_IMAGE_MISSING', `${message}, so it was left out${instead}`, { ...where, hint });
    else bag.error('E_PATH_OUTSIDE', message, { ...where, hint });
    return null;
  }
  const decoded = decodePercentEscapes(href.replace(/[?#].*$/, ''));
  if (decoded === undefined) {
    bag.error('E_IMAGE_MISSING', `${what} path "${shown}" has a broken % escape`, { ...where, hint: 'write the file name as it is on disk' });
    return null;
  }
  // `![]()` names no file: it would resolve to the folder holding the Markdown file. In a deck written for another tool,
  // whose tool shows a broken picture, it is left out, its alt text in its place, as a missing picture is.
  if (decoded.trim() === '') {
    const hint = `name the ${what}'s file by its path, such as chart.png`;
    if (remote === 'leave out') bag.warn('W_IMAGE_MISSING', `${what} with no path was left out`, { ...where, hint });
    else bag.error('E_IMAGE_MISSING', `${what} with no path`, { ...where, hint });
    return null;
  }
  if (decoded.includes('\0')) {
    bag.error('E_IMAGE_MISSING', `${what} path "${shown}" contains a NUL byte`, { ...where });
    return null;
  }
  const posix = decoded.replace(/\\/g, '/');
  // A path that starts with `/` is read, as the deck's tool reads it, from a folder of the briefing (`rootedIn`,
  // written-for.ts): Quarto's project root, the briefing folder itself; Slidev's `public/`.
  const rooted = rootedIn !== undefined && posix.startsWith('/') && !posix.startsWith('//');
  // Outside the folder, a picture is never read. A deck written for another tool builds all the same (a course's decks
  // often share a folder of pictures above them): it is left out, its alt text in its place, and said so.
  const outside = (message: string, hint: string) => {
    if (remote === 'leave out') bag.warn('W_IMAGE_MISSING', `${message}, so it was left out${instead}: nothing outside the briefing folder is read`, { ...where, hint });
    else bag.error('E_PATH_OUTSIDE', message, { ...where, hint });
    return null;
  };
  if (!rooted && (posix.startsWith('/') || /^[A-Za-z]:/.test(posix))) return outside(`${what} "${shown}" is an absolute path`, `copy the ${what} into the briefing folder and use a relative path`);
  const joined = path.posix.normalize(rooted ? path.posix.join(rootedIn, posix.replace(/^\/+/, '')) : path.posix.join(path.posix.dirname(file.relPath), posix));
  if (joined === '..' || joined.startsWith('../')) return outside(`${what} "${shown}" is outside the briefing folder`, `a briefing may only inline files inside its own folder; copy the ${what} in`);
  return joined;
}

/** Classifies a link the way the browser will parse it, so tabs or odd case cannot hide a scheme. */
export function classifyLink(href: string): 'https' | 'mailto' | 'anchor' | 'relative' | 'unsafe' {
  if (href.startsWith('#')) return 'anchor';
  let url: URL;
  try {
    url = new URL(href, 'briefdeck-relative:/');
  } catch {
    return 'unsafe';
  }
  switch (url.protocol) {
    case 'https:':
      return 'https';
    case 'mailto:':
      return 'mailto';
    case 'briefdeck-relative:':
      return 'relative';
    default:
      return 'unsafe';
  }
}

/** Shortens a reference for a message. */
export function truncate(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** A path to a picture file, the only `<img src>` in raw HTML that is inlined: no scheme, an image's extension. */
const RAW_IMAGE_PATH = /^(?![a-z][\w+.-]*:)[^?#]+\.(?:png|jpe?g|gif|webp|svg|avif)(?:[?#].*)?$/i;

/**
 * The path in the briefing folder that an `<img src>` in raw HTML names (decks for other tools size their pictures
 * so), or why it is left out: any other source is, for the caller to report at its line.
 */
export function resolveRawImagePath(src: string, file: SourceFile, rootedIn?: string): { relPath: string } | { problem: string } {
  if (/^(?:https?:)?\/\//i.test(src)) return { problem: 'a remote picture is never fetched: a deck carries every picture it shows' };
  if (isDataPicture(src)) return { relPath: nameDataPicture() };
  // A path from `/` only where the deck's tool reads one from a folder of the briefing (Slidev's `public/`).
  if (!RAW_IMAGE_PATH.test(src) || (rootedIn === undefined && /^[\\/]/.test(src))) return { problem: 'it is not a picture file in the briefing folder' };
  const bag = new DiagnosticBag();
  const relPath = resolveImagePath(src, file, { file: file.path, line: 0 }, bag, 'image', 'error', rootedIn);
  return relPath === null ? { problem: bag.items[0]?.message ?? 'it is not a picture file in the briefing folder' } : { relPath };
}
