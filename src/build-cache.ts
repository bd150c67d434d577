import { createHash } from 'node:crypto';
import { readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CACHE_DIR, PACKAGE_ROOT } from './package-root.js';
import { makeFolder } from './make-folder.js';
import { pruneCache } from './prune-cache.js';

const require = createRequire(import.meta.url);
/** Bump when the way runtime or theme bundles are made changes, so stale cache entries are ignored. */
const CACHE_VERSION = '1';
/** Entries each kind keeps: every built-in theme with room to spare, the runtime and feature styles of a version or two, and the diagrams and charts of a few decks. */
const KEEP: Record<string, number> = { theme: 32, feature: 6, runtime: 2, diagram: 256, chart: 256 };

// Runtime and styles are the same for every deck, so a dev server pays for each once.
const inProcess = new Map<string, Promise<unknown>>();

/** Memoises a promise for the life of the process; a failed one is forgotten so the next build retries. */
export function remember<T>(key: string, make: () => Promise<T>): Promise<T> {
  let promise = inProcess.get(key) as Promise<T> | undefined;
  if (!promise) {
    promise = make();
    inProcess.set(key, promise);
    promise.catch(() => inProcess.delete(key));
  }
  return promise;
}

/**
 * Memoises an expensive, deterministic result on disk, keyed by everything it
 * depends on, so a one-off `briefdeck build` skips esbuild entirely once warm.
 * A cache that cannot be read or written is simply not used.
 */
export async function cached<T>(kind: string, inputs: string[], make: () => Promise<T>, dir = CACHE_DIR): Promise<T> {
  const found = readCached<T>(kind, inputs, dir);
  if (found !== undefined) return found;
  const value = await make();
  writeCached(kind, inputs, value, dir);
  return value;
}

/** The entry of `kind` made from exactly `inputs`, or undefined when there is none (or it cannot be read). */
export function readCached<T>(kind: string, inputs: string[], dir = CACHE_DIR): T | undefined {
  const file = entryFile(kind, inputs, dir);
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as T;
    markUsed(file);
    return value;
  } catch {
    // Not cached yet, or unreadable.
    return undefined;
  }
}

/** Stores `value` as the entry of `kind` made from `inputs`, and prunes that kind's oldest entries; a cache that cannot be written is skipped. */
export function writeCached(kind: string, inputs: string[], value: unknown, dir = CACHE_DIR): void {
  const file = entryFile(kind, inputs, dir);
  try {
    makeFolder(dir);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(value));
    renameSync(temp, file);
    // Entries made from earlier versions of briefdeck or its dependencies are never read again.
    pruneCache(dir, `${kind}-`, KEEP[kind] ?? 8, file);
  } catch {
    // A read-only install still builds, just without the shortcut.
  }
}

/** An entry's file: its kind, then a hash of everything it was made from. */
function entryFile(kind: string, inputs: string[], dir: string): string {
  const key = createHash('sha256').update([CACHE_VERSION, kind, ...inputs].join('\0')).digest('hex').slice(0, 32);
  return path.join(dir, `${kind}-${key}.json`);
}

/** Renews an entry's modification time, which pruning reads as its last use. */
function markUsed(file: string): void {
  try {
    const now = new Date();
    utimesSync(file, now, now);
  } catch {
    // A read-only install: pruning, which would need the same rights, never runs there.
  }
}

const versions = new Map<string, string>();

/** A dependency's version, read from its package.json (some packages do not export that file). */
export function packageVersion(name: string): string {
  let version = versions.get(name);
  if (version === undefined) versions.set(name, (version = readPackageVersion(name)));
  return version;
}

function readPackageVersion(name: string): string {
  // Where npm puts it beside us: one read, instead of Node's resolution climbing the tree for each of eleven packages.
  try {
    const manifest = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { name?: string; version: string };
    if (manifest.name === name) return manifest.version;
  } catch {
    // Installed elsewhere (hoisted, or another layout): resolve it as Node would.
  }
  let dir = path.dirname(require.resolve(name.startsWith('@fontsource/') ? `${name}/index.css` : name));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version: string };
      if (manifest.name === name) return manifest.version;
    } catch {
      // No package.json at this level; keep climbing.
    }
    const parent = path.dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

