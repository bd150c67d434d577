import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { failure } from './errors.js';

/**
 * Writes a file so that readers see either the old bytes or the new ones,
 * never a half-written file: temp file in the same folder, fsync, rename.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(temp, 'w', 0o644);
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
