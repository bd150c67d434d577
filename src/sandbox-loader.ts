// Worker entry (lib/sandbox-entry.js): loads the sandbox's code (lib/sandbox-core.cjs,
// built from sandbox-entry.ts) and, for decks with charts, Vega (lib/vega-modules.cjs)
// through a V8 code cache. The worker's start-up is on every build's critical path,
// and most of it is V8 compiling the same half-megabyte of parsers again; with the
// cache, a build after the first skips that work.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { parentPort, threadId } from 'node:worker_threads';

const LIB = path.dirname(fileURLToPath(import.meta.url));
// Beside the bundle caches; a cache that cannot be read or written is simply not used.
const CACHE_DIR = path.join(LIB, '..', 'node_modules', '.cache', 'briefdeck');

/** A CommonJS bundle of lib/, run through its code cache; `saveCache` writes the cache when it was missing or refused. */
function runCached(name: string): { exports: unknown; saveCache: () => void } {
  const file = path.join(LIB, name);
  const source = readFileSync(file, 'utf8');
  // V8 refuses a cache made by another V8 or for other code; the name keeps versions apart so none is rewritten in a loop.
  const hash = createHash('sha256').update(source).update(process.version).update(process.arch).digest('hex').slice(0, 16);
  const cacheFile = path.join(CACHE_DIR, `${path.basename(name, '.cjs')}-${hash}.v8`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, LIB);
  const saveCache = () => {
    if (cachedData !== undefined && !script.cachedDataRejected) return;
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      const temp = `${cacheFile}.${process.pid}-${threadId}.tmp`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
      // Caches of earlier builds of this bundle (another version, another Node) are never read again: one stays.
      const stem = `${path.basename(name, '.cjs')}-`;
      for (const old of readdirSync(CACHE_DIR)) if (old.startsWith(stem) && old.endsWith('.v8') && path.join(CACHE_DIR, old) !== cacheFile) rmSync(path.join(CACHE_DIR, old), { force: true });
    } catch {
      // A read-only install: every build compiles, as before.
    }
  };
  return { exports: module.exports, saveCache };
}

// Vega is loaded only for a deck with charts; the core reaches it through this.
let vega: Promise<unknown> | undefined;
(globalThis as { briefdeckImportVega?: () => Promise<unknown> }).briefdeckImportVega = () =>
  (vega ??= Promise.resolve().then(() => {
    const loaded = runCached('vega-modules.cjs');
    // Written at once: most of what the cache saves is compiling the bundle itself, and a one-shot build may end before a later moment.
    loaded.saveCache();
    return loaded.exports;
  }));

const core = runCached('sandbox-core.cjs');
// Written after the first job, so the functions the parse compiled are in the cache too.
parentPort!.once('message', () => setImmediate(core.saveCache));
