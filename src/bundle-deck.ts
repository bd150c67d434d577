import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as esbuild from 'esbuild';
import { DiagnosticBag, failure } from './errors.js';
import { verifySealedDeck } from './verify-seal.js';
import { BUILTIN_THEMES, REVEAL_THEMES, type RenderedDeck } from './model.js';

const require = createRequire(import.meta.url);
const RUNTIME_ENTRY = fileURLToPath(new URL('../src/runtime/deck-runtime.ts', import.meta.url));
const THEMES_DIR = fileURLToPath(new URL('../templates/themes/', import.meta.url));
const CACHE_DIR = fileURLToPath(new URL('../node_modules/.cache/briefdeck/', import.meta.url));
/** Bump when the way runtime or theme bundles are made changes, so stale cache entries are ignored. */
const CACHE_VERSION = '1';

/** The finished single-file deck and how its bytes split, for the summary and the benchmark. */
export interface BundledDeck {
  html: string;
  bytes: { total: number; scripts: number; styles: number; fonts: number; images: number; content: number };
}

interface Runtime {
  script: string;
  /** Hashes of inline scripts reveal's speaker view writes into its own window. */
  speakerHashes: string[];
}

// Runtime and styles are the same for every deck, so a dev server pays for each once.
const inProcess = new Map<string, Promise<unknown>>();

/** Memoises a promise for the life of the process; a failed one is forgotten so the next build retries. */
function remember<T>(key: string, make: () => Promise<T>): Promise<T> {
  let promise = inProcess.get(key) as Promise<T> | undefined;
  if (!promise) {
    promise = make();
    inProcess.set(key, promise);
    promise.catch(() => inProcess.delete(key));
  }
  return promise;
}

/** Where the dev server streams reload events; only dev builds ever mention it. */
export const DEV_EVENTS_PATH = '/__briefdeck/events';

/**
 * The dev server's reload client. It reloads on a `reload` event, and after a
 * reconnect when the server's build version has moved on; reload keeps the
 * URL hash, so the presenter stays on the current slide.
 */
export const DEV_CLIENT_SCRIPT = `(()=>{let v=null;const es=new EventSource(${JSON.stringify(DEV_EVENTS_PATH)});es.addEventListener('hello',e=>{if(v!==null&&e.data!==v)location.reload();v=e.data});es.addEventListener('reload',()=>location.reload())})();`;

/** Options for bundling. */
export interface BundleOptions {
  /** Inject the dev server's reload client (never in a built file). */
  devClient?: boolean;
  /** The briefing folder a custom theme's files are confined to. */
  root?: string;
  /** Where `theme:` is set, for errors about a custom theme. */
  themeSource?: { file: string; line: number };
}

/** The CSP for a deck whose inline scripts have the given hashes; dev pages may also talk to their own server. */
export function contentSecurityPolicy(scriptHashes: string[], dev = false): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.map((h) => `'sha256-${h}'`).join(' ')}`,
    // reveal sets layout through style attributes and <style> elements at run time; styles cannot fetch anything
    // because img-src and font-src allow only data: URIs.
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    'media-src data:',
    // The speaker view previews the deck itself in two frames.
    "frame-src 'self'",
    "child-src 'self'",
    dev ? "connect-src 'self'" : "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Inlines the runtime, theme and fonts into the rendered deck and seals it with a CSP. */
export async function bundleDeck(rendered: RenderedDeck, options: BundleOptions = {}): Promise<BundledDeck> {
  // The house theme's italic face is only worth its bytes when some text is set in italics.
  const italic = rendered.theme === 'briefing' && /<(em|i|cite)\b/.test(rendered.html);
  // Code and math styles (KaTeX's fonts alone are ~260 KB) ride along only with decks that use them.
  const features = (['code', 'math'] as const).filter((f) => (f === 'code' ? /<code class="hljs/ : /class="katex/).test(rendered.html));
  const [runtime, themeCss, customCss, ...featureCss] = await Promise.all([
    bundleRuntime(),
    bundleTheme(italic ? 'briefing-italic' : rendered.theme),
    rendered.customTheme && options.root ? bundleCustomTheme(rendered.customTheme, options.root, options.themeSource ?? { file: rendered.customTheme, line: 1 }) : '',
    ...features.map(bundleFeatureCss),
  ]);
  const css = escapeForStyle(themeCss + featureCss.join('') + customCss);
  const script = escapeForScript(runtime.script);
  // In JSON, \u003c is the only safe way to write "<": it can then never open </script or <!--.
  const config = JSON.stringify(rendered.revealConfig).replace(/</g, '\\u003c');
  const hashes = [sha256(script), ...runtime.speakerHashes];
  if (options.devClient) hashes.push(sha256(DEV_CLIENT_SCRIPT));
  const csp = contentSecurityPolicy(hashes, options.devClient);
  const head = `<meta http-equiv="Content-Security-Policy" content="${csp}">\n<style>${css}</style>`;
  const devClient = options.devClient ? `\n<script>${DEV_CLIENT_SCRIPT}</script>` : '';
  const scripts = `<script type="application/json" id="briefdeck-config">${config}</script>\n<script>${script}</script>${devClient}`;
  const [before, after] = splitOnce(rendered.html, rendered.markers.head);
  const [middle, end] = splitOnce(after, rendered.markers.scripts);
  const html = before + head + middle + scripts + end;
  // Whatever a template override wrote, the file must come out sealed.
  const bag = new DiagnosticBag();
  verifySealedDeck(html, { csp, scriptHashes: hashes, template: rendered.template }, bag);
  bag.throwIfErrors();

  const fonts = sumMatches(css, /url\(data:font\/[^)]*\)/g);
  const images = sumMatches(middle, /data:image\/[^"')\s]*/g);
  const total = Buffer.byteLength(html);
  const scriptBytes = Buffer.byteLength(script) + Buffer.byteLength(config);
  const styles = Buffer.byteLength(css) - fonts;
  return { html, bytes: { total, scripts: scriptBytes, styles, fonts, images, content: total - scriptBytes - styles - fonts - images } };
}

/** Bundles reveal.js, its notes plugin and our entry into one minified script. */
export function bundleRuntime(): Promise<Runtime> {
  return remember('runtime', () => cached('runtime', [readFileSync(RUNTIME_ENTRY, 'utf8'), packageVersion('reveal.js'), packageVersion('esbuild')], async () => {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: [RUNTIME_ENTRY],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      minify: true,
      legalComments: 'none',
      charset: 'utf8',
      logLevel: 'silent',
      plugins: [dropNotesMarkdownPlugin],
    });
    const script = `/*! reveal.js (MIT) Hakim El Hattab; bundled by briefdeck */\n${result.outputFiles[0]!.text}`;
    return { script, speakerHashes: speakerViewScriptHashes() };
  }));
}

/** Bundles a built-in theme's CSS with reveal's base styles and our layout styles, every font inlined as a data URI. */
export function bundleTheme(theme: string): Promise<string> {
  return remember(`theme:${theme}`, () => buildThemeCss(theme));
}

async function buildThemeCss(theme: string): Promise<string> {
  let themeFile: string;
  const extras: string[] = [];
  if (theme === 'briefing' || theme === 'briefing-italic') {
    themeFile = path.join(THEMES_DIR, 'briefing.css');
    if (theme === 'briefing-italic') extras.push(path.join(THEMES_DIR, 'briefing-italic.css'));
  } else if (REVEAL_THEMES.includes(theme)) {
    themeFile = require.resolve(`reveal.js/theme/${theme}.css`);
    const fix = path.join(THEMES_DIR, 'fixes', `${theme}.css`);
    if (existsSync(fix)) extras.push(fix);
  } else throw failure('E_META', `unknown theme "${theme}"`, { hint: `built-in themes: ${BUILTIN_THEMES.join(', ')}; or a CSS file in the briefing folder, such as theme: ./my-theme.css` });
  const layoutFile = path.join(THEMES_DIR, 'layout.css');
  const files = [require.resolve('reveal.js/reveal.css'), layoutFile, themeFile, ...extras];
  const key = [theme, ...files.slice(1).map((f) => readFileSync(f, 'utf8')), ...['reveal.js', 'esbuild', ...FONT_PACKAGES].map(packageVersion)];
  return (await cached('theme', key, async () => ({ css: await compileCss(files) }))).css;
}

/** Styles for build-time highlighted code or KaTeX math, cached like the themes. */
function bundleFeatureCss(feature: 'code' | 'math'): Promise<string> {
  return remember(`feature:${feature}`, async () => {
    const files = feature === 'code' ? [require.resolve('highlight.js/styles/a11y-light.css'), path.join(THEMES_DIR, 'code.css')] : [require.resolve('katex/dist/katex.css')];
    const key = [feature, ...files.map((f) => readFileSync(f, 'utf8')), ...['esbuild', feature === 'code' ? 'highlight.js' : 'katex'].map(packageVersion)];
    return (await cached('feature', key, async () => ({ css: await compileCss(files, feature === 'math' ? [woff2OnlyPlugin] : []) }))).css;
  });
}

/** KaTeX lists woff2, woff and ttf for every face; every browser that runs reveal.js reads woff2, so the others are dropped. */
const woff2OnlyPlugin: esbuild.Plugin = {
  name: 'katex-woff2-only',
  setup(build) {
    build.onLoad({ filter: /katex[\\/]dist[\\/]katex\.css$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replace(/,\s*url\([^)]*\.woff\) format\("woff"\),\s*url\([^)]*\.ttf\) format\("truetype"\)/g, ''),
      loader: 'css',
      resolveDir: path.dirname(args.path),
    }));
  },
};

/**
 * Bundles a briefing's own theme CSS. Its url() and @import references are
 * inlined too, but only from inside the briefing folder: anything else is an
 * error, so a theme cannot carry a file from elsewhere into the deck.
 */
export async function bundleCustomTheme(themeFile: string, root: string, where: { file: string; line: number }): Promise<string> {
  const confine: esbuild.Plugin = {
    name: 'confine-to-briefing',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(args.path) || /^(?:https?|file):/i.test(args.path)) {
          return { errors: [{ text: `remote or file: URL ${args.path} cannot be inlined` }] };
        }
        if (args.path.startsWith('data:')) return { path: args.path, external: true };
        const resolved = path.resolve(args.resolveDir, decodeURIComponent(args.path.replace(/[?#].*$/, '')));
        let real: string;
        try {
          real = realpathSync(resolved);
        } catch {
          return { errors: [{ text: `${args.path} not found` }] };
        }
        const rel = path.relative(root, real);
        if (rel.startsWith('..') || path.isAbsolute(rel)) return { errors: [{ text: `${args.path} resolves outside the briefing folder` }] };
        // A FIFO or device would hang esbuild or read without end.
        const stats = statSync(real);
        if (!stats.isFile()) return { errors: [{ text: `${args.path} is not a regular file` }] };
        if (stats.size > MAX_THEME_FILE_BYTES) return { errors: [{ text: `${args.path} is ${stats.size} bytes, over the ${MAX_THEME_FILE_BYTES}-byte limit for a theme file` }] };
        return { path: real };
      });
    },
  };
  try {
    return await compileCss([themeFile], [confine]);
  } catch (err) {
    const first = (err as { errors?: esbuild.Message[] }).errors?.[0];
    const file = first?.location ? path.relative(process.cwd(), path.resolve(root, first.location.file)) : where.file;
    throw failure('E_PATH_OUTSIDE', `theme ${path.basename(themeFile)}: ${first?.text ?? (err as Error).message}`, {
      file: first?.location ? file : where.file,
      line: first?.location?.line ?? where.line,
      hint: 'a theme may only use fonts and images inside the briefing folder',
    });
  }
}

/** The largest font or image a custom theme may inline, like an image in a slide. */
const MAX_THEME_FILE_BYTES = 5 * 1024 * 1024;

const FONT_PACKAGES = ['@fontsource/source-sans-3', '@fontsource/lato', '@fontsource/ubuntu', '@fontsource/montserrat', '@fontsource/open-sans', '@fontsource/news-cycle', '@fontsource/quicksand'];

async function compileCss(files: string[], plugins: esbuild.Plugin[] = []): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    stdin: { contents: files.map((f) => `@import ${JSON.stringify(f)};`).join('\n'), resolveDir: THEMES_DIR, loader: 'css' },
    bundle: true,
    write: false,
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
    loader: { '.woff2': 'dataurl', '.woff': 'dataurl', '.ttf': 'dataurl', '.otf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl', '.jpg': 'dataurl', '.jpeg': 'dataurl', '.gif': 'dataurl', '.webp': 'dataurl' },
    plugins: [...plugins, fontsourcePlugin, googleFontsPlugin],
  });
  const css = result.outputFiles[0]!.text;
  const remote = /(?:@import|url\()\s*["']?(?:https?:)?\/\//i.exec(css);
  if (remote) throw failure('E_REMOTE_URL', `theme CSS refers to a remote resource: ${css.slice(remote.index, remote.index + 60)}`, { hint: 'themes must inline every font and image' });
  return css;
}

/**
 * reveal's themes @import their fonts from Google Fonts. This swaps each such
 * import for the same families and weights from @fontsource packages, so the
 * theme looks as intended and nothing is fetched.
 */
const googleFontsPlugin: esbuild.Plugin = {
  name: 'google-fonts-from-fontsource',
  setup(build) {
    build.onResolve({ filter: /^https?:\/\/fonts\.googleapis\.com\// }, (args) => ({ path: args.path, namespace: 'google-fonts' }));
    build.onLoad({ filter: /.*/, namespace: 'google-fonts' }, (args) => {
      const families = new URL(args.path).searchParams.getAll('family').flatMap((f) => f.split('|'));
      const faces: string[] = [];
      for (const spec of families) {
        const [name, variants = '400'] = spec.split(':');
        const id = name!.trim().toLowerCase().replace(/[+\s]+/g, '-');
        for (const variant of variants.split(',')) {
          const weight = /\d+/.exec(variant)?.[0] ?? '400';
          const style = variant.includes('italic') ? 'italic' : 'normal';
          let file: string;
          try {
            file = require.resolve(`@fontsource/${id}/files/${id}-latin-${weight}-${style}.woff2`);
          } catch {
            continue; // This family has no such face (Quicksand has no italics); the browser synthesises it.
          }
          faces.push(`@font-face{font-family:${JSON.stringify(name!.replace(/\+/g, ' '))};font-style:${style};font-weight:${weight};font-display:block;src:url(${JSON.stringify(file)}) format("woff2")}`);
        }
      }
      return { contents: faces.join('\n'), loader: 'css', resolveDir: THEMES_DIR };
    });
  },
};

/**
 * Memoises an expensive, deterministic result on disk, keyed by everything it
 * depends on, so a one-off `briefdeck build` skips esbuild entirely once warm.
 * A cache that cannot be read or written is simply not used.
 */
async function cached<T>(kind: string, inputs: string[], make: () => Promise<T>): Promise<T> {
  const key = createHash('sha256').update([CACHE_VERSION, kind, ...inputs].join('\0')).digest('hex').slice(0, 32);
  const file = path.join(CACHE_DIR, `${kind}-${key}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    // Not cached yet, or unreadable: make it.
  }
  const value = await make();
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(value));
    renameSync(temp, file);
  } catch {
    // A read-only install still builds, just without the shortcut.
  }
  return value;
}

/** A dependency's version, read from its package.json (some packages do not export that file). */
function packageVersion(name: string): string {
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

/**
 * reveal's notes plugin bundles a whole copy of marked (~40 KB) to render
 * Markdown notes in the speaker view. Our notes arrive as HTML already, so
 * the copy is cut out and replaced by a pass-through.
 */
const dropNotesMarkdownPlugin: esbuild.Plugin = {
  name: 'drop-notes-markdown',
  setup(build) {
    build.onLoad({ filter: /reveal\.js[\\/]dist[\\/]plugin[\\/]notes\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const start = source.indexOf('//#region node_modules/marked/');
      const end = start === -1 ? -1 : source.indexOf('//#endregion', start);
      if (end === -1) return { contents: source, loader: 'js' };
      return { contents: `${source.slice(0, start)}var $ = { parse: function (s) { return s; } };\n${source.slice(end)}`, loader: 'js' };
    });
  },
};

/** Resolves `fontsource:<family>/<file>` to the woff2 shipped in the @fontsource package. */
const fontsourcePlugin: esbuild.Plugin = {
  name: 'fontsource',
  setup(build) {
    build.onResolve({ filter: /^fontsource:/ }, (args) => {
      const [family, file] = args.path.slice('fontsource:'.length).split('/');
      return { path: require.resolve(`@fontsource/${family}/files/${family}-${file}`) };
    });
  },
};

/**
 * reveal's speaker view writes its page, inline script included, into a new
 * window that inherits our CSP; allowing that exact script by hash lets it
 * run from file:// without ever allowing inline script in general.
 */
function speakerViewScriptHashes(): string[] {
  const source = readFileSync(require.resolve('reveal.js/plugin/notes').replace(/notes\.js$/, 'notes.mjs'), 'utf8');
  const call = source.indexOf('document.write(');
  if (call === -1) return [];
  const quote = source[call + 'document.write('.length]!;
  let end = call + 'document.write('.length + 1;
  while (source[end] !== quote) end += source[end] === '\\' ? 2 : 1;
  const literal = source.slice(call + 'document.write('.length, end + 1);
  const page = decodeJsStringLiteral(literal);
  return [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1]!));
}

/** Decodes a double-quoted JS string literal through JSON, after mapping the escapes JSON lacks. */
function decodeJsStringLiteral(literal: string): string {
  const jsonish = literal
    .replace(/\\x([0-9A-Fa-f]{2})/g, '\\u00$1')
    .replace(/\\'/g, "'")
    .replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return JSON.parse(jsonish) as string;
}

/** The base64 SHA-256 of a script, as a CSP hash source wants it. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

/** Keeps `</script` and `<!--` inside inline script text from ending or confusing the element. */
function escapeForScript(text: string): string {
  return text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function escapeForStyle(text: string): string {
  return text.replace(/<\/(style)/gi, '<\\/$1');
}

function splitOnce(text: string, marker: string): [string, string] {
  const at = text.indexOf(marker);
  return [text.slice(0, at), text.slice(at + marker.length)];
}

function sumMatches(text: string, pattern: RegExp): number {
  let n = 0;
  for (const m of text.matchAll(pattern)) n += m[0].length;
  return n;
}
