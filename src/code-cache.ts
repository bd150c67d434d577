// Compiling large JavaScript is most of what loading it costs, and it is the
// same work every run: V8 can save what it compiled and take it back next
// time. Node 20 has no compile cache of its own for this (22 does), so these
// files go through vm.Script with its cachedData.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { threadId } from 'node:worker_threads';
import { makeFolder } from './make-folder.js';
import { pruneCache } from './prune-cache.js';
import { nameHash } from './name-hash.js';
import { readAsciiSource, removeAsciiCopy } from './ascii-source.js';

/** A CommonJS file compiled through a code cache. */
export interface CachedScript {
  /** Runs the file as CommonJS: `module.exports` is what it exports. */
  run(module: { exports: unknown }, require: NodeJS.Require): void;
  /** Writes the code cache if it was missing or V8 refused it (stale or damaged), and removes older ones of the same name. */
  save(): void;
}

/**
 * Compiles `file` with the cache `<cacheName>-<key>.v8` in `cacheDir`; a cache that cannot be read or written is simply not used.
 * The key is made from the file's size and time (and `identity`, when given), Node's version and the machine's architecture.
 * With `asciiCopy`, the source is read from an ASCII copy of the file when one can be made (ascii-source.ts).
 */
export function compileWithCodeCache(file: string, cacheDir: string, cacheName: string, identity = '', options: { asciiCopy?: boolean } = {}): CachedScript {
  // V8 refuses a cache made by another V8 or for other code; the name keeps versions apart so none is rewritten in a loop.
  // Named by the file's size and time rather than a hash of its text: hashing half a megabyte, and loading node:crypto
  // to do it, took ~8 ms of the parse worker's start, which every build waits for.
  const { size, mtimeMs } = statSync(file);
  const key = nameHash(`${identity}:${size}:${mtimeMs}:${process.version}:${process.arch}`);
  // A file we do not build (playwright-core's bundles) may hold a few non-ASCII characters: read from an ASCII copy (ascii-source.ts).
  const source = options.asciiCopy ? readAsciiSource(file, cacheDir, `${cacheName}.ascii`, key) : readFileSync(file, 'utf8');
  const cacheFile = path.join(cacheDir, `${cacheName}-${key}.v8`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const compile = (text: string) => new vm.Script(`(function (exports, require, module, __filename, __dirname) {${text}\n})`, { filename: file, cachedData });
  let script: vm.Script;
  try {
    script = compile(source);
  } catch (err) {
    // A damaged copy (a write cut short) is no reason to fail: it goes, and the file is compiled as written.
    if (!options.asciiCopy) throw err;
    removeAsciiCopy(cacheDir, `${cacheName}.ascii`, key);
    script = compile(readFileSync(file, 'utf8'));
  }
  return {
    run(module, require) {
      (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, file, path.dirname(file));
    },
    save() {
      if (cachedData !== undefined && !script.cachedDataRejected) return;
      try {
        makeFolder(cacheDir);
        const temp = `${cacheFile}.${process.pid}-${threadId}.tmp`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
        // Caches of earlier versions of this file (another version, another Node) are never read again: one stays.
        pruneCache(cacheDir, `${cacheName}-`, 1, cacheFile);
      } catch {
        // A read-only install: every run compiles, as before.
      }
    },
  };
}
