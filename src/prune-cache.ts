// The cache folder (node_modules/.cache/briefdeck) holds entries keyed by what
// they were made from, so every upgrade of briefdeck or of a dependency makes
// new ones and the old are never read again. Without pruning the folder only
// grows; with it, each kind keeps the entries used most recently.
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** A temp file older than this was left by a process killed mid-write; a live writer renames its own within milliseconds. */
const ABANDONED_TEMP_MS = 10 * 60_000;

/**
 * Keeps the `keep` most recently used entries whose names start with `prefix` (always
 * `current`, the one just written), removes the rest and abandoned temp files of that
 * prefix. Use is the file's modification time, which a reader renews on each hit.
 * Never throws: a folder that cannot be listed or cleaned is left as it is.
 */
export function pruneCache(dir: string, prefix: string, keep: number, current: string): void {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.startsWith(prefix));
  } catch {
    return;
  }
  const now = Date.now();
  const entries: { file: string; used: number }[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let used: number;
    try {
      used = statSync(file).mtimeMs;
    } catch {
      continue; // Removed meanwhile by another process.
    }
    if (name.endsWith('.tmp')) {
      if (now - used > ABANDONED_TEMP_MS) remove(file);
    } else if (file !== current) {
      entries.push({ file, used });
    }
  }
  entries.sort((a, b) => b.used - a.used);
  for (const { file } of entries.slice(Math.max(0, keep - 1))) remove(file);
}

function remove(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Not ours to remove (permissions): it stays, unused.
  }
}
