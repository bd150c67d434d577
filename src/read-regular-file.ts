import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { failure } from './errors.js';

/** What a refused file turned out to be, in words a user recognises. */
function describeKind(stats: import('node:fs').Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/**
 * Reads a file that must be a regular file of at most `maxBytes` bytes.
 * It opens first and checks the open handle, so nothing can be swapped in
 * between the check and the read; it opens without blocking, so a FIFO
 * cannot hang the build; and it never reads more than the limit plus one
 * byte, so a device that reports size 0 cannot fill memory.
 */
export function readRegularFile(
  full: string,
  shown: string,
  maxBytes: number,
  where: { file?: string; line?: number },
  tooLarge: (size: number) => Error,
): Buffer {
  let fd: number;
  try {
    fd = openSync(full, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A socket cannot even be opened (ENXIO); say what it is rather than how opening it failed.
    const kind = code === 'ENOENT' ? undefined : statKind(full);
    if (kind) throw failure('E_SPECIAL_FILE', `${shown} is ${kind}, not a regular file`, { ...where, hint: 'a briefing may only use ordinary files; replace it with a copy of the content' });
    throw failure(code === 'ENOENT' ? 'E_INPUT_MISSING' : 'E_SPECIAL_FILE', code === 'ENOENT' ? `file not found: ${shown}` : `cannot open ${shown} (${code})`, { ...where, hint: 'check that the file exists and is readable' });
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      throw failure('E_SPECIAL_FILE', `${shown} is ${describeKind(stats)}, not a regular file`, { ...where, hint: 'a briefing may only use ordinary files; replace it with a copy of the content' });
    }
    if (stats.size > maxBytes) throw tooLarge(stats.size);
    // Read to the end, but never past the limit plus one byte, whatever fstat said: the file may grow meanwhile.
    let buffer = Buffer.alloc(stats.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) break;
        const bigger = Buffer.alloc(maxBytes + 1);
        buffer.copy(bigger);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) throw tooLarge(length);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}


/** What a path that could not be opened is, when it is something other than a regular file. */
function statKind(full: string): string | undefined {
  try {
    const stats = statSync(full);
    return stats.isFile() ? undefined : describeKind(stats);
  } catch {
    return undefined;
  }
}
