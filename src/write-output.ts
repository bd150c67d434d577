import { closeSync, constants, existsSync, fsyncSync, lstatSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { failure } from './errors.js';
import { makeFolder } from './make-folder.js';

/** The command that writes each kind of file, by its extension, and what the file is. */
const WRITTEN_BY: Record<string, { command: string; what: string }> = {
  '.html': { command: 'build', what: 'an HTML file' },
  '.htm': { command: 'build', what: 'an HTML file' },
  '.pdf': { command: 'pdf', what: 'a PDF' },
  '.pptx': { command: 'pptx', what: 'a PowerPoint file' },
  '.png': { command: 'shots', what: 'a PNG picture' },
};

/**
 * Refuses an output named for what another command writes (`build -o deck.pdf` would write HTML into a file that
 * says PDF), before any work is done; any other name, or none of these extensions, passes.
 */
export function refuseOtherFormat(output: string, command: string): void {
  const extension = path.extname(output).toLowerCase();
  const named = Object.hasOwn(WRITTEN_BY, extension) ? WRITTEN_BY[extension]! : undefined;
  if (named === undefined || named.command === command) return;
  const writes = Object.values(WRITTEN_BY).find((kind) => kind.command === command);
  const own = Object.entries(WRITTEN_BY).find(([, kind]) => kind.command === command)?.[0];
  const instead = command === 'shots' ? 'Or name a folder for the pictures' : `Or name the file ${path.basename(output, path.extname(output))}${own}`;
  throw failure('E_USAGE', `-o ${output} names ${named.what}, but briefdeck ${command} writes ${command === 'shots' ? 'a folder of PNG pictures' : writes!.what}`, { hint: `did you mean briefdeck ${named.command} -o ${output}? ${instead}` });
}

/** Refuses a folder to write into that is a file; a folder, or nothing yet, passes. */
export function refuseFileAsFolder(dir: string, shown: string): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw failure('E_WRITE', `cannot write into ${shown}: it is a file, not a folder`, { file: shown, hint: 'choose another folder' });
}

/** Makes the folder a command writes into (`init`'s, `shots`'), or says in one line why it cannot be made. */
export function makeOutputFolder(dir: string, shown: string): void {
  refuseFileAsFolder(dir, shown);
  try {
    makeFolder(dir);
  } catch (err) {
    throw failure('E_WRITE', `cannot make the folder ${shown}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { file: shown, hint: 'check that its parent exists and is writable, or choose another path' });
  }
}

/**
 * Writes a file so that readers see either the old bytes or the new ones,
 * never a half-written file: temp file in the same folder, fsync, rename.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  refuseSpecialTarget(target);
  const dir = path.dirname(target);
  // A random name, created exclusively and never through a symlink, so nobody can plant a file or link there first.
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(8).toString('hex')}.tmp`);
  try {
    makeFolder(dir);
    const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (err) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The temp file never existed (its folder could not be made); nothing to clean up.
    }
    throw failure('E_WRITE', `cannot write ${target}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, {
      file: target,
      hint: 'check that the folder exists and is writable, or choose another path with -o',
    });
  }
}

/**
 * The output must be a regular file or a new path. Renaming over a device,
 * a FIFO or a folder would replace it (as root, `-o /dev/null` would swap
 * the device node for a file), so those are refused before anything is written.
 */
function refuseSpecialTarget(target: string): void {
  let stats;
  try {
    stats = lstatSync(target);
  } catch {
    return; // A new path.
  }
  if (stats.isFile()) return;
  const kind = stats.isDirectory() ? 'a folder' : stats.isSymbolicLink() ? 'a symbolic link' : stats.isFIFO() ? 'a named pipe (FIFO)' : stats.isSocket() ? 'a socket' : 'a device';
  throw failure('E_WRITE', `cannot write ${target}: it is ${kind}, not a regular file`, {
    file: target,
    hint: stats.isDirectory() ? `name a file inside it, such as -o ${path.join(target, 'deck.html')}` : 'choose a regular file or a new path with -o',
  });
}

/**
 * Refuses an output path that is the file the deck is read from, or any other file the build read (`readFiles`: a
 * picture of its slides, a style sheet, an included file): a reveal.js page built to itself (`briefdeck build
 * index.html -o index.html`), or a picture the deck shows, would be replaced by what was made of it.
 */
export function refuseSourceAsTarget(target: string, source: string, readFiles: readonly string[] = []): void {
  let written;
  try {
    written = statSync(target);
  } catch {
    return; // A new path: nothing read is overwritten.
  }
  const same = (file: string) => {
    try {
      const read = statSync(file);
      return read.dev === written.dev && read.ino === written.ino;
    } catch {
      return false; // A source that is gone.
    }
  };
  const hint = 'choose another path with -o, such as dist/deck.html';
  if (same(source)) throw failure('E_WRITE', `cannot write ${target}: it is the ${written.isDirectory() ? 'folder' : 'file'} the deck is built from`, { file: target, hint });
  if (readFiles.some(same)) throw failure('E_WRITE', `cannot write ${target}: it is a file the deck reads, which the output would replace`, { file: target, hint });
}
