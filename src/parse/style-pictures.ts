// Pictures an author's style names by its path in the briefing folder (a Marp theme's `section { background:
// url(images/bg.png) }`, a `<style>`'s `.logo { background-image: url('./logo.svg') }`): each becomes one of the
// deck's pictures, read and checked by the load stage as a slide's picture is, and written into the CSS as that
// picture's asset reference, which the render stage makes a data: URI (render-deck.ts). Anything else a value would
// fetch (an address, a file that is not a picture, a font) is left out as before, with the declaration holding it.
import { createRequire } from 'node:module';
import type { Declaration } from 'postcss';
import type valueParserType from 'postcss-value-parser';
import { IMAGE_FUNCTIONS, readCssName } from '../css-references.js';
import { ASSET_SCHEME, type ImageRef } from '../model.js';
import type { DiagnosticBag } from '../errors.js';
import { readRootedPathsIn } from '../written-for.js';
import { resolveImagePath } from './resolve-references.js';

const require = createRequire(import.meta.url);

/** Makes a picture of the deck from a path a style names, relative to the style's file: its asset reference, or null when it is left out (said by the callee). */
export type PlaceStylePicture = (target: string, line: number) => string | null;

/** The same, for any style: the path, the style's file it is relative to (`from`), and its line. */
export type PlaceStylePictureFrom = (target: string, from: { path: string; relPath: string }, line: number) => string | null;

/** What a style's declaration became: kept (its pictures, if any, now asset references), left out quietly (a picture the callee named), or left out for what it would fetch. */
export type StylePictureOutcome = { kept: true } | { kept: false; fetched?: string };

/** The kinds of file a browser shows as a picture, as the load stage reads them (it checks the bytes, not the name). */
const PICTURE_FILE = /\.(?:png|jpe?g|gif|webp|svg)$/i;


/**
 * Rewrites a declaration's picture paths in the briefing folder as asset references (`place`), in place. Returns
 * whether the declaration is kept: a value that would still fetch anything but a data: URI or one of the deck's
 * pictures is not, nor is a font's `src:` (`inFontFace`), which names a font, never a picture.
 */
export function placeStylePictures(decl: Declaration, inFontFace: boolean, place: PlaceStylePicture | undefined, line: number): StylePictureOutcome {
  // Most declarations name nothing: they are not parsed.
  if (!/url|image|element|\\/i.test(decl.value)) return { kept: true };
  const valueParser = require('postcss-value-parser') as typeof valueParserType;
  const parsed = valueParser(decl.value);
  let fetched: string | undefined;
  /** The paths of pictures in the folder, and where each is written: a url()'s argument, or an image-set() string. */
  const found: { target: string; node: valueParserType.FunctionNode | valueParserType.StringNode }[] = [];
  const consider = (target: string, node: valueParserType.FunctionNode | valueParserType.StringNode) => {
    if (/^\s*data:/i.test(target)) return;
    const local = !inFontFace && place !== undefined && !/^[A-Za-z][A-Za-z0-9+.-]*:|^\/\/|\\/.test(target) && PICTURE_FILE.test(target.replace(/[?#].*$/, ''));
    if (local) found.push({ target, node });
    else fetched ??= target;
  };
  parsed.walk((node) => {
    // An escape ending in a space splits a name for this parser, though the browser reads one name (`u\72 l(`): a word with an escape is taken for a reference.
    if (node.type === 'word' && node.value.includes('\\')) fetched ??= node.value;
    if (node.type !== 'function') return undefined;
    const name = readCssName(node.value);
    if (name === 'url' || name === 'src') {
      const inner = node.nodes.filter((n) => n.type !== 'space');
      const only = inner.length === 1 && (inner[0]!.type === 'string' || inner[0]!.type === 'word') ? inner[0]!.value : undefined;
      if (only === undefined) fetched ??= valueParser.stringify(node.nodes).trim();
      else consider(only, node);
      return false;
    }
    if (IMAGE_FUNCTIONS.has(name)) for (const arg of node.nodes) if (arg.type === 'string') consider(arg.value, arg);
    return undefined;
  });
  // Nothing is made a picture of the deck for a declaration that goes.
  if (fetched !== undefined) return { kept: false, fetched };
  for (const { target, node } of found) {
    const reference = place!(target, line);
    if (reference === null) return { kept: false };
    // Written as a url(), the one form of a picture the render stage looks for (an image-set() string becomes one).
    Object.assign(node, { type: 'function', value: 'url', before: '', after: '', nodes: [{ type: 'string', quote: '"', value: reference, sourceIndex: 0, sourceEndIndex: 0 }] });
  }
  decl.value = valueParser.stringify(parsed.nodes);
  return { kept: true };
}

/**
 * Makes each picture a style names (relative to the style's file `from`) one of the deck's `images`, read by the load
 * stage like a slide's background; one outside the folder, or named by an address, is left out with a warning, in
 * every deck, as a style's other fetches are. Returns its asset reference, or null when it is left out.
 */
export function createStylePicturePlacer(images: ImageRef[], peerTools: readonly string[], bag: DiagnosticBag): PlaceStylePictureFrom {
  return (target, from, line) => {
    const where = { file: from.path, line };
    const relPath = resolveImagePath(target, { ...from, text: '' }, where, bag, 'picture', 'leave out', readRootedPathsIn(peerTools, from.path));
    if (relPath === null) return null;
    images.push({ src: target, relPath, alt: '', source: where, decorative: true });
    return `${ASSET_SCHEME}${images.length - 1}`;
  };
}
