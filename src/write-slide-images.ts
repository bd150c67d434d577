import { lstatSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { failure } from './errors.js';
import { makeOutputFolder } from './write-output.js';

/** The files `shots` writes and replaces: `slide-001.png`, `slide-002.png`, … */
const SLIDE_IMAGE = /^slide-\d+\.png$/;

/** The name of slide `index` (from 0)'s picture. */
function slideImageName(index: number): string {
  return `slide-${String(index + 1).padStart(3, '0')}.png`;
}

/**
 * Refuses a slide picture's name in `dir` (all of them, or those in `names`) that is not a file (a folder, a link, a
 * pipe): shots would replace or remove it. Called before a deck is built too, so nothing is made only to be refused.
 */
export function refuseSlideImagesInTheWay(dir: string, shown: string, names?: readonly string[]): void {
  let present: string[];
  try {
    present = names ? [...new Set(names)] : readdirSync(dir).filter((name) => SLIDE_IMAGE.test(name));
  } catch {
    return; // No folder yet, or a file in its place, which the folder's own check names.
  }
  for (const name of present) {
    let isFile = true;
    try {
      isFile = lstatSync(path.join(dir, name)).isFile();
    } catch {
      // Not there yet.
    }
    if (!isFile) throw failure('E_WRITE', `cannot replace ${path.join(shown, name)}: it is not a file`, { file: path.join(shown, name), hint: 'move it out of the way, or choose another folder with -o' });
  }
}

/**
 * Writes `shots`' pictures into `dir` (shown to the user as `shown`) as one set: each is written into a folder of its
 * own beside them first, then moved into place, then the pictures of an earlier, longer deck are removed. A write that
 * fails leaves the earlier set as it was, never half of each; anything in the way that is not a file is refused first.
 */
export function writeSlideImages(dir: string, shown: string, images: readonly Uint8Array[]): void {
  makeOutputFolder(dir, shown);
  const names = images.map((_, i) => slideImageName(i));
  const earlier = readdirSync(dir).filter((name) => SLIDE_IMAGE.test(name));
  refuseSlideImagesInTheWay(dir, shown, [...earlier, ...names]);
  let staging: string | undefined;
  try {
    staging = mkdtempSync(path.join(dir, '.briefdeck-shots-'));
    images.forEach((png, i) => writeFileSync(path.join(staging!, names[i]!), png));
    names.forEach((name) => renameSync(path.join(staging!, name), path.join(dir, name)));
    const kept = new Set(names);
    for (const name of earlier) if (!kept.has(name)) rmSync(path.join(dir, name), { force: true });
  } catch (err) {
    throw failure('E_WRITE', `cannot write the slide pictures into ${shown}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { file: shown, hint: 'check that the folder is writable and the disk has room, or choose another folder with -o' });
  } finally {
    if (staging) rmSync(staging, { recursive: true, force: true });
  }
}
