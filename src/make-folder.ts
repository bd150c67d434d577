import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Makes a folder and any parents it lacks, one level at a time. Node's own `mkdirSync(dir, { recursive: true })`
 * never returns when the system refuses a folder with "no such file" under a parent that exists (any path under
 * /proc), so `-o /proc/x/deck.html` hung the build; made level by level, that refusal is an error like any other.
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  for (let at = path.resolve(dir); !existsSync(at); at = path.dirname(at)) {
    missing.push(at);
    if (path.dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (err) {
      // Made meanwhile by another process, or a dangling link in the way: the write that follows says which.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}
