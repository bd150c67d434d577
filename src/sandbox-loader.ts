// Worker entry (lib/sandbox-entry.cjs): loads the sandbox's code (lib/sandbox-core.cjs,
// built from sandbox-entry.ts) and, for decks with charts, Vega (lib/vega-modules.cjs)
// through a V8 code cache. The worker's start-up is on every build's critical path,
// and most of it is V8 compiling the same half-megabyte of parsers again; with the
// cache, a build after the first skips that work.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { compileWithCodeCache } from './code-cache.js';
import { CACHE_DIR } from './package-root.js';

const LIB = path.dirname(fileURLToPath(import.meta.url));

/** A CommonJS bundle of lib/, run through its code cache; `saveCache` writes the cache when it was missing or refused. */
function runCached(name: string): { exports: unknown; saveCache: () => void } {
  const file = path.join(LIB, name);
  const script = compileWithCodeCache(file, CACHE_DIR, path.basename(name, '.cjs'));
  const module = { exports: {} as unknown };
  script.run(module, createRequire(file));
  return { exports: module.exports, saveCache: () => script.save() };
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
// Written after the first job, so the functions the parse compiled are in the cache too. This listener runs right after
// the core's own, which has answered by then, and before the port hands over the next message: deferred (setImmediate),
// the write could come after the render job, and a CLI that exits on its answer ended the worker mid-write, leaving a
// missing or refused cache in place (seen under load: 2 builds in 60).
parentPort!.once('message', () => core.saveCache());
