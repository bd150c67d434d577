import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as esbuild from 'esbuild';
import { BriefdeckError, failure } from '../errors.js';
import { MAX_THEME_FILE_BYTES } from '../load/read-custom-theme.js';
import { BUILTIN_THEMES, REVEAL_THEMES } from '../themes.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { cached, packageVersion, remember } from '../build-cache.js';
import { decodePercentEscapes } from '../decode-percent.js';

const require = createRequire(import.meta.url);
const THEMES_DIR = path.join(PACKAGE_ROOT, 'templates', 'themes') + path.sep;

/** Bundles a built-in theme's CSS with reveal's base styles and our layout styles, every font inlined as a data URI. */
export function bundleTheme(theme: string): Promise<string> {
  return remember(`theme:${theme}`, () => buildThemeCss(theme));
}

/** The CSS files of a built-in theme, in cascade order: the theme itself, then our fixes to it. */
export function resolveThemeFiles(theme: string): string[] {
  if (theme === 'briefing' || theme === 'briefing-italic') {
    return [path.join(THEMES_DIR, 'briefing.css'), ...(theme === 'briefing-italic' ? [path.join(THEMES_DIR, 'briefing-italic.css')] : [])];
  }
  if (REVEAL_THEMES.includes(theme)) {
    const fix = path.join(THEMES_DIR, 'fixes', `${theme}.css`);
    // reveal's sizes give way to the house theme's (reveal-sizes.css), then our fixes to the theme itself.
    return [require.resolve(`reveal.js/theme/${theme}.css`), path.join(THEMES_DIR, 'reveal-sizes.css'), ...(existsSync(fix) ? [fix] : [])];
  }
  throw failure('E_META', `unknown theme "${theme}"`, { hint: `built-in themes: ${BUILTIN_THEMES.join(', ')}; or a CSS file in the briefing folder, such as theme: ./my-theme.css` });
}

async function buildThemeCss(theme: string): Promise<string> {
  const [themeFile, ...extras] = resolveThemeFiles(theme) as [string, ...string[]];
  const layoutFile = path.join(THEMES_DIR, 'layout.css');
  const files = [require.resolve('reveal.js/reveal.css'), layoutFile, themeFile, ...extras];
  // How the theme's own fonts are swapped (SOURCE_SANS_SWAP) is part of what the cached CSS is made from.
  const key = [theme, ...files.slice(1).map((f) => readFileSync(f, 'utf8')), ...['reveal.js', 'esbuild', 'postcss', ...FONT_PACKAGES].map(packageVersion), SOURCE_SANS_SWAP];
  return (await cached('theme', key, async () => ({ css: await compileCss(files, [sourceSansPlugin]) }))).css;
}

/** The styles that ride along only with a deck that uses them. */
export const STYLE_FEATURES = ['code', 'math', 'icons'] as const;
export type StyleFeature = (typeof STYLE_FEATURES)[number];

/** The files of each feature's styles, and the packages they come from. */
const FEATURE_STYLES: Record<StyleFeature, () => { files: string[]; packages: string[] }> = {
  code: () => ({ files: [require.resolve('highlight.js/styles/a11y-light.css'), path.join(THEMES_DIR, 'code.css')], packages: ['highlight.js'] }),
  math: () => ({ files: [require.resolve('katex/dist/katex.css')], packages: ['katex'] }),
  icons: () => ({ files: [path.join(THEMES_DIR, 'icons.css')], packages: [] }),
};

/** Styles for build-time highlighted code, KaTeX math or Slidev's icons, cached like the themes. */
export function bundleFeatureCss(feature: StyleFeature): Promise<string> {
  return remember(`feature:${feature}`, async () => {
    const { files, packages } = FEATURE_STYLES[feature]();
    const key = [feature, ...files.map((f) => readFileSync(f, 'utf8')), ...['esbuild', ...packages].map(packageVersion)];
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

/** The version of sourceSansPlugin's swap, in the theme cache's key: a change to it must not be served the CSS made before. */
const SOURCE_SANS_SWAP = 'source-sans-3-latin-woff2';

/**
 * reveal's white and black themes carry Source Sans Pro in the CSS, four whole fonts in woff (570 KB, most of a deck's
 * size). Each face is swapped for the same weight and style of its successor, Source Sans 3, Latin only, in woff2
 * (16 KB), as the Google Fonts of reveal's other themes are (googleFontsPlugin): text outside Latin falls back to the
 * theme's next font, as it does in those themes.
 */
const sourceSansPlugin: esbuild.Plugin = {
  name: 'source-sans-woff2',
  setup(build) {
    build.onLoad({ filter: /reveal\.js[\\/]dist[\\/]theme[\\/][\w-]+\.css$/ }, async (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('Source Sans Pro')) return undefined;
      const { default: postcss } = await import('postcss');
      const root = postcss.parse(text);
      root.walkAtRules(/^font-face$/i, (face) => {
        const value = (prop: string) => face.nodes?.find((n): n is import('postcss').Declaration => n.type === 'decl' && n.prop === prop)?.value.trim();
        if (value('font-family')?.replace(/["']/g, '') !== 'Source Sans Pro') return;
        const weight = value('font-weight') ?? '400';
        const style = value('font-style') ?? 'normal';
        if (!/^\d00$/.test(weight) || !/^(?:normal|italic)$/.test(style)) return;
        const file = require.resolve(`@fontsource/source-sans-3/files/source-sans-3-latin-${weight}-${style}.woff2`);
        face.replaceWith(postcss.parse(`@font-face{font-family:"Source Sans Pro";font-style:${style};font-weight:${weight};font-display:block;src:url(${JSON.stringify(file)}) format("woff2")}`));
      });
      return { contents: root.toString(), loader: 'css', resolveDir: path.dirname(args.path) };
    });
  },
};

/**
 * Bundles a briefing's own theme CSS. Its url() and @import references are
 * inlined too, but only from inside the briefing folder: anything else is an
 * error, so a theme cannot carry a file from elsewhere into the deck. The file
 * itself was read and checked when the model was loaded (read-custom-theme.ts):
 * it parses, and names nothing remote at its own lines.
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
        const decoded = decodePercentEscapes(args.path.replace(/[?#].*$/, ''));
        if (decoded === undefined) return { errors: [{ text: `${args.path} has a broken % escape` }] };
        const resolved = path.resolve(args.resolveDir, decoded);
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
    // A reference found only after bundling (in an imported file, or a relative one esbuild cannot inline) is named at `theme:`.
    if (err instanceof BriefdeckError) throw failure(err.code, err.message, { ...where, hint: err.hint });
    const first = (err as { errors?: esbuild.Message[] }).errors?.[0];
    // esbuild names the file relative to its working folder (the process's); it is shown as the user names files, beside the metadata that set `theme:`.
    const file = first?.location ? path.join(path.dirname(where.file), path.relative(root, path.resolve(first.location.file))) : where.file;
    throw failure('E_PATH_OUTSIDE', `theme ${path.basename(themeFile)}: ${first?.text ?? (err as Error).message}`, {
      file,
      line: first?.location?.line ?? where.line,
      hint: 'a theme may only use fonts and images inside the briefing folder',
    });
  }
}

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
  // The last word, after bundling: nothing in the CSS may load anything but a data: URI.
  const { findExternalReferences } = await import('../css-references.js');
  const external = findExternalReferences(css)[0];
  if (external) throw failure('E_REMOTE_URL', `theme CSS refers to "${external.url.slice(0, 80)}", which is not inlined`, { hint: 'themes must inline every font and image; use url() with a file inside the briefing folder' });
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

