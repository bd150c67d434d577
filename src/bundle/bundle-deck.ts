import type { RenderedDeck } from '../model.js';
import { DiagnosticBag } from '../errors.js';
import { bundleRuntime } from './bundle-runtime.js';
import { STYLE_FEATURES, bundleCustomTheme, bundleFeatureCss, bundleTheme, type StyleFeature } from './bundle-theme.js';
import { contentSecurityPolicy, sha256 } from './csp.js';

/** The finished single-file deck and how its bytes split, for the summary and the benchmark. */
export interface BundledDeck {
  html: string;
  bytes: { total: number; scripts: number; styles: number; fonts: number; images: number; content: number };
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

/** What in a deck's HTML asks for each feature's styles: highlighted code, KaTeX's math, a Slidev icon's picture. */
const FEATURE_MARKS: Record<StyleFeature, RegExp> = { code: /<code class="hljs/, math: /class="katex/, icons: /<img [^>]*class="icon"/ };

/** The built-in styles a deck's HTML needs: its theme (with the italic face or without) and the styles of the features it uses. */
function chooseStyles(theme: string, html: string): { theme: string; features: StyleFeature[] } {
  // The house theme's italic face is only worth its bytes when some text is set in italics.
  const italic = theme === 'briefing' && /<(em|i|cite)\b/.test(html);
  // Code and math styles (KaTeX's fonts alone are ~260 KB), and Slidev's icons', ride along only with decks that use them.
  const features = STYLE_FEATURES.filter((f) => FEATURE_MARKS[f].test(html));
  return { theme: italic ? 'briefing-italic' : theme, features };
}

/**
 * Starts reading the built-in styles that slides' HTML will most likely need, so
 * the work is done while the templates render; bundleDeck then finds it made.
 * A wrong guess costs nothing but the read: bundleDeck decides from the rendered HTML.
 */
export function prefetchStyles(theme: string, slidesHtml: string): void {
  const styles = chooseStyles(theme, slidesHtml);
  for (const made of [bundleTheme(styles.theme), ...styles.features.map(bundleFeatureCss)]) made.catch(() => undefined);
}

/** Inlines the runtime, theme and fonts into the rendered deck and seals it with a CSP. */
export async function bundleDeck(rendered: RenderedDeck, options: BundleOptions = {}): Promise<BundledDeck> {
  const chosen = chooseStyles(rendered.theme, rendered.html);
  const [runtime, themeCss, customCss, ...featureCss] = await Promise.all([
    bundleRuntime(),
    bundleTheme(chosen.theme),
    rendered.customTheme && options.root ? bundleCustomTheme(rendered.customTheme, options.root, options.themeSource ?? { file: rendered.customTheme, line: 1 }) : '',
    ...chosen.features.map(bundleFeatureCss),
  ]);
  // The author's styles from the deck's text come last, over any theme: they are its own, slide by slide.
  const css = escapeForStyle(themeCss + featureCss.join('') + customCss + (rendered.authorCss ?? ''));
  const script = escapeForScript(runtime.script);
  // In JSON, \u003c is the only safe way to write "<": it can then never open </script or <!--.
  const config = JSON.stringify(rendered.revealConfig).replace(/</g, '\\u003c');
  // Every inline script but the runtime itself: reveal's speaker view, and the dev server's reload client.
  const otherHashes = [...runtime.speakerHashes, ...(options.devClient ? [sha256(DEV_CLIENT_SCRIPT)] : [])];
  const csp = contentSecurityPolicy([sha256(script), ...otherHashes], options.devClient);
  const devClient = options.devClient ? `\n<script>${DEV_CLIENT_SCRIPT}</script>` : '';
  const [before, after] = splitOnce(rendered.html, rendered.markers.head);
  const [middle, end] = splitOnce(after, rendered.markers.scripts);
  const assemble = (style: string, runtimeScript: string, configJson: string) =>
    before +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">\n<style>${style}</style>` +
    middle +
    `<script type="application/json" id="briefdeck-config">${configJson}</script>\n<script>${runtimeScript}</script>${devClient}` +
    end;
  // Whatever a template override or a trusted author wrote, the file must come out sealed. Our own templates and
  // sanitizer cannot produce anything the check refuses, so decks made only of them skip loading the HTML parser.
  // The check parses the file with our own style and script text stood in for: being escaped raw text, they cannot
  // change the document's structure, and parsing their 250 KB would cost more than the rest of the build.
  if (rendered.foreignMarkup) {
    const { verifySealedDeck } = await import('./verify-seal.js');
    const standIn = '/* briefdeck runtime */';
    const bag = new DiagnosticBag();
    verifySealedDeck(assemble('', standIn, '{}'), { csp, scriptHashes: [sha256(standIn), ...otherHashes], template: rendered.template }, bag);
    bag.throwIfErrors();
  }
  const html = assemble(css, script, config);

  const fonts = sumMatches(css, /url\(data:font\/[^)]*\)/g);
  const images = sumMatches(middle, /data:image\/[^"')\s]*/g);
  const total = Buffer.byteLength(html);
  const scriptBytes = Buffer.byteLength(script) + Buffer.byteLength(config);
  const styles = Buffer.byteLength(css) - fonts;
  return { html, bytes: { total, scripts: scriptBytes, styles, fonts, images, content: total - scriptBytes - styles - fonts - images } };
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

