// Compiles the CLI to plain JavaScript once (run by `npm ci` through `prepare`),
// so `briefdeck` starts without a TypeScript loader.
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

// Chunk names change with their content; stale ones would otherwise pile up and ship in the package.
rmSync('lib', { recursive: true, force: true });

// Vega loads only for decks with charts, from one pre-bundled file: its many small packages take several times longer to resolve one by one.
const VEGA_MODULES = /[\\/]vega-modules\.js$/;
/** A file with its dependencies bundled in and minified: one file to load instead of many to resolve. */
const SELF_CONTAINED = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  mainFields: ['module', 'main'],
  // Bundled CommonJS code (Vega's loader, Handlebars) reaches for require(); an ESM bundle needs one made for it.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};

const vega = await build({
  ...SELF_CONTAINED,
  // CommonJS, so the sandbox's loader (src/sandbox-loader.ts) can run it through a V8 code cache.
  format: 'cjs',
  banner: {},
  entryPoints: { 'vega-modules': 'src/charts/vega-modules.ts' },
  metafile: true,
  outfile: 'lib/vega-modules.cjs',
  logLevel: 'error',
});
// Vega and the d3 modules it uses ship inside the package, so their licence notices ship beside them.
const bundled = new Set(Object.keys(vega.metafile.inputs).map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1]).filter(Boolean));
const notices = [...bundled].sort().map((name) => {
  const dir = path.join('node_modules', name);
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
  return `${name}\n${'='.repeat(name.length)}\n${file ? readFileSync(path.join(dir, file), 'utf8').trim() : `licence: ${JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).license}`}\n`;
});
writeFileSync('lib/vega-modules.LICENSES.txt', `Third-party code bundled into lib/vega-modules.cjs\n\n${notices.join('\n')}`);

/**
 * The built-in templates, compiled by Handlebars now rather than at every build: a virtual module of
 * [source text, compiled spec] pairs, bundled into the sandbox (src/precompiled-templates.ts looks them up).
 */
const precompiledTemplates = {
  name: 'precompiled-templates',
  setup(b) {
    b.onResolve({ filter: /^briefdeck:built-in-template-specs$/ }, (args) => ({ path: args.path, namespace: 'briefdeck-templates' }));
    b.onLoad({ filter: /.*/, namespace: 'briefdeck-templates' }, async () => {
      const { default: Handlebars } = await import('handlebars');
      const files = ['templates/deck.hbs', ...readdirSync('templates/layouts').filter((f) => f.endsWith('.hbs')).sort().map((f) => `templates/layouts/${f}`)];
      // The same options as compileTemplate in src/render-deck.ts.
      const entries = files.map((file) => {
        const text = readFileSync(file, 'utf8');
        return `[${JSON.stringify(text)}, ${Handlebars.precompile(Handlebars.parse(text), { noEscape: false })}]`;
      });
      return { contents: `module.exports = [${entries.join(',\n')}];`, loader: 'js', watchFiles: files.map((f) => path.resolve(f)) };
    });
  },
};

const prebundledVega = {
  name: 'prebundled-vega',
  setup(b) {
    b.onResolve({ filter: VEGA_MODULES }, () => ({ path: './vega-modules.js', external: true }));
  },
};

// The sandbox worker is the critical path of a build: the main thread waits while it starts. Its parsers
// (marked, yaml, Handlebars) are bundled into it, minified, so it loads one file instead of resolving
// and reading a few hundred; the heavier, rarer libraries it needs stay lazy (KaTeX, highlight.js,
// sanitize-html and parse5 through createRequire, Vega through its own file).
await build({
  ...SELF_CONTAINED,
  // CommonJS, so the loader (src/sandbox-loader.ts) can compile it through a V8 code cache with vm.Script.
  format: 'cjs',
  banner: { js: 'var __briefdeckUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__briefdeckUrl' },
  entryPoints: { 'sandbox-core': 'src/sandbox-entry.ts' },
  outExtension: { '.js': '.cjs' },
  outdir: 'lib',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [prebundledVega, precompiledTemplates],
});
// The worker's entry is CommonJS too: a worker whose entry is an ES module first loads Node's ES module loader, ~6 ms of every build.
// So is the CLI's first step, which starts that worker before the CLI's ES modules load (bin/briefdeck.js).
await build({
  entryPoints: { 'sandbox-entry': 'src/sandbox-loader.ts', 'early-sandbox': 'src/early-sandbox.ts' },
  outdir: 'lib',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  banner: { js: 'var __briefdeckUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__briefdeckUrl' },
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});

await build({
  entryPoints: { main: 'src/main.ts', build: 'build.ts', bench: 'scripts/bench.ts' },
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
  // A module loaded on first use through a plain require (src/parse/load-html-parser.ts) needs a require in an ES module.
  banner: { js: "import { createRequire as __briefdeckCreateRequire } from 'node:module'; const require = __briefdeckCreateRequire(import.meta.url);" },
  plugins: [prebundledVega],
});
