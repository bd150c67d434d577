// playwright-core is two bundles of about 3.5 MB each, and compiling them is
// much of what loading it costs every `pdf`, `shots` and `check`. Both load
// through V8 code caches (src/code-cache.ts) into Node's own module cache, so
// that playwright-core's entry, required next, finds them there.
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { compileWithCodeCache, type CachedScript } from './code-cache.js';
import { CACHE_DIR } from './package-root.js';

const require = createRequire(import.meta.url);
/** The bundles in the order they load: the core requires the utilities. */
const BUNDLES = ['utilsBundle', 'coreBundle'];

type Playwright = typeof import('playwright-core');
type ModuleInternals = typeof Module & { _nodeModulePaths(dir: string): string[]; _cache: Record<string, Module> };

/** playwright-core, its bundles compiled through code caches when they are where this version keeps them; plainly required otherwise. */
export function requirePlaywright(): Playwright {
  const scripts: CachedScript[] = [];
  try {
    const manifest = require.resolve('playwright-core/package.json');
    const { version } = require(manifest) as { version: string };
    const lib = path.join(path.dirname(manifest), 'lib');
    for (const name of BUNDLES) {
      const file = path.join(lib, `${name}.js`);
      if (require.cache[file]) continue;
      const script = compileWithCodeCache(file, CACHE_DIR, `playwright-${name}`, version, { asciiCopy: true });
      // A real module, entered in Node's cache before it runs, exactly as require would have made it.
      const module = new Module(file);
      module.filename = file;
      module.paths = (Module as ModuleInternals)._nodeModulePaths(path.dirname(file));
      (Module as ModuleInternals)._cache[file] = module;
      try {
        script.run(module, createRequire(file));
      } catch (err) {
        delete (Module as ModuleInternals)._cache[file];
        throw err;
      }
      module.loaded = true;
      scripts.push(script);
    }
  } catch {
    // Another layout of playwright-core: Node loads it its own way.
  }
  // Written as the process exits, so the functions its work compiled are in the cache too. On 'exit', not 'beforeExit':
  // the CLI ends with process.exit rather than waiting for the browser to shut down.
  if (scripts.length > 0) process.once('exit', () => scripts.forEach((s) => s.save()));
  return require('playwright-core') as Playwright;
}
