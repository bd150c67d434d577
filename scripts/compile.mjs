// Compiles the CLI to plain JavaScript once (run by `npm ci` through `prepare`),
// so `briefdeck` starts without a TypeScript loader.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names change with their content; stale ones would otherwise pile up and ship in the package.
rmSync('lib', { recursive: true, force: true });

// Vega loads only for decks with charts, from one pre-bundled file: its many small packages take several times longer to resolve one by one.
const VEGA_MODULES = /[\\/]vega-modules\.js$/;
await build({
  entryPoints: { 'vega-modules': 'src/charts/vega-modules.ts' },
  outfile: 'lib/vega-modules.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  mainFields: ['module', 'main'],
  // Vega's loader reaches for require() (node-fetch); an ESM bundle needs one made for it.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  legalComments: 'linked',
  logLevel: 'error',
});

await build({
  entryPoints: { main: 'src/main.ts', build: 'build.ts', bench: 'scripts/bench.ts', 'sandbox-entry': 'src/sandbox-entry.ts' },
  outdir: 'lib',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  // Split so the browser exporter's modules load only when `pdf` or `shots` runs.
  splitting: true,
  logLevel: 'warning',
  // Bundled files keep import.meta.url pointing into lib/, one level below the package root like src/.
  banner: { js: '' },
  plugins: [
    {
      name: 'prebundled-vega',
      setup(b) {
        b.onResolve({ filter: VEGA_MODULES }, () => ({ path: './vega-modules.js', external: true }));
      },
    },
  ],
});
