import { lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { failure, type BriefdeckError } from '../errors.js';
import { suggestClosest } from '../did-you-mean.js';
import { listFolder } from './list-folder.js';

// Every file a briefing names is read from inside its folder, after symlinks: nothing outside it is ever read,
// and a path that leads outside is refused the same way whether or not the file exists.

/**
 * Where a path that does not exist would lead: through its symlinks as far as
 * they go, then lexically. Used so a missing file outside the folder reports
 * "outside", exactly like one that exists, and a deck learns nothing about
 * what exists on the builder's machine.
 */
function resolveMissing(full: string, depth = 0): string {
  try {
    return realpathSync(full);
  } catch {
    // Keep following links, then fall back to the parent's real path plus this name.
  }
  try {
    if (depth < 40 && lstatSync(full).isSymbolicLink()) return resolveMissing(path.resolve(path.dirname(full), readlinkSync(full)), depth + 1);
  } catch {
    // Not there at all.
  }
  const parent = path.dirname(full);
  return parent === full ? full : path.join(resolveMissing(parent, depth + 1), path.basename(full));
}

/** Refuses a path whose real location (after symlinks) is outside the briefing root; the error is at `where`, or else at the file itself. */
export function assertInside(root: string, full: string, displayPath: string, where: { file: string; line?: number } = { file: displayPath }): string {
  let real: string | undefined;
  try {
    real = realpathSync(full);
  } catch {
    real = undefined;
  }
  const rel = path.relative(root, real ?? resolveMissing(full));
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    throw failure('E_PATH_OUTSIDE', `${displayPath} resolves outside the briefing folder`, {
      ...where,
      hint: 'a briefing may only inline files inside its own folder; copy the file in instead of linking to it',
    });
  }
  if (real === undefined) {
    throw failure('E_IMAGE_MISSING', `file not found: ${displayPath}`, {
      ...where,
      hint: 'paths are relative to the Markdown file that references them',
    });
  }
  return real;
}

/** Resolves a path named in the metadata (a custom theme) to a real file inside the briefing folder. */
export function resolveInsideBriefing(root: string, relative: string, where: { file: string; line: number }): string {
  if (path.isAbsolute(relative) || /^[a-z][a-z0-9+.-]*:/i.test(relative)) {
    throw failure('E_PATH_OUTSIDE', `${relative} is not a path inside the briefing folder`, { ...where, hint: 'name the file relative to the briefing folder, such as ./my-theme.css' });
  }
  let real: string;
  try {
    real = assertInside(root, path.join(root, relative), relative, where);
  } catch (err) {
    if ((err as BriefdeckError).code !== 'E_IMAGE_MISSING') throw err;
    // Named in the metadata, so relative to the briefing folder, not to a Markdown file; with a guess at the file meant.
    const meant = suggestClosest(path.basename(relative), listFolder(path.dirname(path.join(root, relative))).filter((name) => name.endsWith('.css')));
    throw failure('E_IMAGE_MISSING', `file not found: ${relative}`, { ...where, hint: meant ? `did you mean ${path.posix.join(path.posix.dirname(relative), meant)}?` : 'name the CSS file by its path from the briefing folder, such as ./my-theme.css' });
  }
  // esbuild reads the theme itself; a FIFO or device there would hang it or read without end.
  if (!statSync(real).isFile()) throw failure('E_SPECIAL_FILE', `${relative} is not a regular file`, { ...where, hint: 'point theme: at an ordinary .css file' });
  return real;
}
