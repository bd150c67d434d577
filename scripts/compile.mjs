// Compiles the CLI to plain JavaScript once (run by `npm ci` through `prepare`),
// so `briefdeck` starts without a TypeScript loader.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names change with their content; stale ones would otherwise pile up and ship in the package.
rmSync('lib', { recursive: true, force: true });

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
});
