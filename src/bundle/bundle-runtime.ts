import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as esbuild from 'esbuild';
import { PACKAGE_ROOT } from '../package-root.js';
import { cached, packageVersion, remember } from '../build-cache.js';
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
  return remember('runtime', () => cached('runtime', [readFileSync(RUNTIME_ENTRY, 'utf8'), patchNotesPlugin.toString(), patchPrintView.toString(), packageVersion('reveal.js'), packageVersion('esbuild')], async () => {
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
      plugins: [patchedNotesPlugin, patchedPrintView],
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
 * reveal's print view, changed to style and lay a long deck out once instead
 * of three times. As shipped, it waits for an animation frame four times
 * while it builds the pages, and Chromium renders the whole deck at each
 * frame; it reads every slide's height, which lays the deck out, although
 * with one page per slide and no vertical centring (our settings) the height
 * changes nothing; and it reads the page background before it moves the
 * slides, and reveal changes the deck's style again after it is done, each a
 * restyle of the whole deck. Now it builds the pages in one go, after a
 * microtask rather than a frame, reads the height only of a slide whose page
 * it can change, and makes every change to the style before the one read of
 * the background. The pages end the same, so the PDF is too.
 *
 * Unlike patchNotesPlugin, which keeps the deck sealed and so fails the build
 * when it cannot apply, this one is for speed: if any change does not apply
 * to the reveal.js installed (a later release, under the package's ^ range),
 * none is made, and the print view works as shipped, only slower. This
 * repository's print-view test fails then, so an upgrade here is noticed.
 */
export function patchPrintView(source: string): string {
  const start = source.indexOf('//#region js/controllers/printview.js');
  const end = start === -1 ? -1 : source.indexOf('//#endregion', start);
  if (end === -1) return source;
  let view = source.slice(start, end);
  let applies = true;
  const replace = (from: string, to: string) => {
    if (view.split(from).length !== 2) applies = false;
    else view = view.replace(from, to);
  };
  // Its first wait becomes a microtask's: reveal has still to show the first slide (and hide the others from assistive
  // technology) when it starts the print view, and must do so while the slides are where it looks for them. The
  // runtime kept the deck out of layout until then (deck-runtime.ts) and is told to show it now, by an event, before
  // any slide's height is read: the frame it used to wait for never comes before the pages are built, so a centred
  // slide was measured at no height at all and printed too low, and an export could print the deck still hidden.
  replace('yield new Promise(requestAnimationFrame), l("@page', 'yield 0, window.dispatchEvent(new Event("briefdeck-print-view")), l("@page');
  replace('yield new Promise(requestAnimationFrame), e.Reveal.layoutSlideContents(c, u), yield new Promise(requestAnimationFrame);', 'e.Reveal.layoutSlideContents(c, u);');
  // Once the pages are in place, everything reveal would still change about the deck's style is changed at once, and
  // only then is the page background read from the viewport's style (a read that restyles the whole deck), so the
  // deck is restyled once: the viewport shown (it was hidden while the view was built), and the marks of a started
  // deck that reveal sets on a timer, which would otherwise restyle every page after the layout.
  replace(`let d = e.Reveal.getViewportElement(), f;
			if (d) {
				let e = window.getComputedStyle(d);
				e && e.background && (f = e.background);
			}
`, `let d = e.Reveal.getViewportElement(), f;
`);
  replace('f && (_.style.background = f), ', '');
  replace(
    'e.Reveal.slideContent.layout(e.Reveal.getSlidesElement()), e.Reveal.dispatchEvent({ type: "pdf-ready" })',
    'e.Reveal.slideContent.layout(e.Reveal.getSlidesElement()), d.classList.remove("loading-scroll-mode"), e.Reveal.getSlidesElement().classList.remove("no-transition"), e.Reveal.getRevealElement().querySelector(".backgrounds")?.classList.remove("no-transition"), e.Reveal.getRevealElement().classList.add("ready"), f = d && window.getComputedStyle(d).background, f && m.forEach((e) => e.classList.contains("pdf-page") && (e.style.background = f)), e.Reveal.dispatchEvent({ type: "pdf-ready" })',
  );
  replace('let p = r.map((e) => e.scrollHeight)', 'let p = r.map((e) => n.pdfMaxPagesPerSlide === 1 && !n.center && !e.classList.contains("center") ? 0 : e.scrollHeight)');
  replace('}, e), yield new Promise(requestAnimationFrame), m.forEach(', '}, e), m.forEach(');
  // A wait for a frame left anywhere would let Chromium lay the deck out again.
  if (!applies || view.includes('requestAnimationFrame')) return source;
  return source.slice(0, start) + view + source.slice(end);
}

/** Bundles reveal with its print view patched: see patchPrintView. */
const patchedPrintView: esbuild.Plugin = {
  name: 'patch-print-view',
  setup(build) {
    build.onLoad({ filter: /reveal\.js[\\/]dist[\\/]reveal\.mjs$/ }, (args) => ({ contents: patchPrintView(readFileSync(args.path, 'utf8')), loader: 'js' }));
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

