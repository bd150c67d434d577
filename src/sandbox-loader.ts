// Worker entry (lib/sandbox-entry.js): loads the sandbox's code (lib/sandbox-core.cjs,
// built from sandbox-entry.ts) through a V8 code cache. The worker's start-up is on
// every build's critical path, and most of it is V8 compiling the same half-megabyte
// of parsers again; with the cache, a build after the first skips that work.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { parentPort, threadId } from 'node:worker_threads';

const CORE = fileURLToPath(new URL('./sandbox-core.cjs', import.meta.url));
// Beside the bundle caches; a cache that cannot be read or written is simply not used.
const CACHE_DIR = path.join(path.dirname(CORE), '..', 'node_modules', '.cache', 'briefdeck');

const source = readFileSync(CORE, 'utf8');
// V8 refuses a cache made by another V8 or for other code; the name keeps versions apart so none is rewritten in a loop.
const cacheFile = path.join(CACHE_DIR, `sandbox-${createHash('sha256').update(source).update(process.version).update(process.arch).digest('hex').slice(0, 16)}.v8`);
let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: CORE, cachedData });
// Vega is an ES module; the core (CommonJS in a vm.Script) reaches it through this.
// The path is a variable on purpose: it names the compiled bundle beside this file in lib/, which has no source here.
const VEGA_MODULES = './vega-modules.js';
(globalThis as { briefdeckImportVega?: () => Promise<unknown> }).briefdeckImportVega = () => import(VEGA_MODULES);
const module = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(CORE), module, CORE, path.dirname(CORE));

if (cachedData === undefined || script.cachedDataRejected) {
  // Written after the first job, so the functions the parse compiled are in the cache too.
  parentPort!.once('message', () =>
    setImmediate(() => {
      try {
        mkdirSync(CACHE_DIR, { recursive: true });
        const temp = `${cacheFile}.${process.pid}-${threadId}.tmp`;
        writeFileSync(temp, script.createCachedData());
        renameSync(temp, cacheFile);
      } catch {
        // A read-only install: every build compiles, as before.
      }
    }),
  );
}
