import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as esbuild from 'esbuild';
import { PACKAGE_ROOT } from '../package-root.js';
import { cached, packageVersion, remember } from './build-cache.js';
import { sha256 } from './csp.js';

const require = createRequire(import.meta.url);
const RUNTIME_ENTRY = path.join(PACKAGE_ROOT, 'src', 'runtime', 'deck-runtime.ts');

/** The deck's one script, and the hashes of what reveal's speaker view writes. */
export interface Runtime {
  script: string;
  /** Hashes of inline scripts reveal's speaker view writes into its own window. */
  speakerHashes: string[];
}

/** Bundles reveal.js, its notes plugin and our entry into one minified script. */
export function bundleRuntime(): Promise<Runtime> {
  return remember('runtime', () => cached('runtime', [readFileSync(RUNTIME_ENTRY, 'utf8'), patchNotesPlugin.toString(), packageVersion('reveal.js'), packageVersion('esbuild')], async () => {
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
      plugins: [patchedNotesPlugin],
    });
    const script = `/*! reveal.js (MIT) Hakim El Hattab; bundled by briefdeck */\n${result.outputFiles[0]!.text}`;
    return { script, speakerHashes: speakerViewScriptHashes() };
  }));
}

/** reveal's notes plugin, as the deck runs it: see patchNotesPlugin. */
function readNotesPlugin(): string {
  return patchNotesPlugin(readFileSync(require.resolve('reveal.js/plugin/notes').replace(/notes\.js$/, 'notes.mjs'), 'utf8'));
}

/**
 * Two changes to reveal's notes plugin. Its copy of marked (~40 KB), for
 * Markdown notes, is cut out: our notes arrive as HTML. And its speaker view
 * previews the deck in frames that load the deck's own file, which would need
 * `frame-src` to admit file: URLs, and with it any local file; the previews
 * load the deck's source through `srcdoc` instead (the deck keeps it as
 * `briefdeckSource`), which needs no frame-src at all. The patch must apply
 * in full, so a reveal upgrade that moves the code fails the build loudly.
 */
function patchNotesPlugin(source: string): string {
  let patched = source;
  const start = patched.indexOf('//#region node_modules/marked/');
  const end = start === -1 ? -1 : patched.indexOf('//#endregion', start);
  if (end !== -1) patched = `${patched.slice(0, start)}var $ = { parse: function (s) { return s; } };\n${patched.slice(end)}`;
  for (const frame of ['current', 'upcoming']) {
    const from = `${frame}Slide.setAttribute( 'src', ${frame}URL );`;
    if (!patched.includes(from)) throw new Error(`reveal's speaker view no longer sets ${frame}Slide's src as briefdeck expects; update patchNotesPlugin`);
    patched = patched.replace(from, `${frame}Slide.setAttribute( 'data-briefdeck-receiver', '${frame}' ); ${frame}Slide.srcdoc = window.opener.briefdeckSource;`);
  }
  return patched;
}

/** Bundles the patched notes plugin in place of reveal's own. */
const patchedNotesPlugin: esbuild.Plugin = {
  name: 'patch-notes-plugin',
  setup(build) {
    build.onLoad({ filter: /reveal\.js[\\/]dist[\\/]plugin[\\/]notes\.mjs$/ }, () => ({ contents: readNotesPlugin(), loader: 'js' }));
  },
};

/**
 * reveal's speaker view writes its page, inline script included, into a new
 * window that inherits our CSP; allowing that exact script by hash lets it
 * run from file:// without ever allowing inline script in general.
 */
function speakerViewScriptHashes(): string[] {
  const source = readNotesPlugin();
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

