import { createRequire } from 'node:module';
import type valueParserType from 'postcss-value-parser';

// Loaded when first used: the parse stage imports this module for decks with style blocks only, and must not pay for it otherwise.
const require = createRequire(import.meta.url);
type ValueParser = typeof valueParserType;
const loadValueParser = (): ValueParser => require('postcss-value-parser') as ValueParser;

/** A reference in CSS that would make the browser fetch something, with its line in the CSS it was found in. */
export interface ExternalReference {
  url: string;
  line: number;
}

/**
 * A name as the browser reads it, lower-cased: CSS escapes resolved, so `u\72 l(` is the url() it is to a
 * browser, and `@\69mport` an import.
 */
export function readCssName(raw: string): string {
  return raw.replace(/\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\\([\s\S])/g, (_, hex: string | undefined, char: string | undefined) => (hex ? String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff) || 0xfffd) : char!)).toLowerCase();
}

/** The address of a CSS `url(a.png)` written as a whole value (Marp's `backgroundImage:`, remark's `background-image:`), quoted or not; undefined for anything else, a gradient say. */
export function readCssUrl(value: string): string | undefined {
  return /^url\(\s*(["']?)([^"')]+)\1\s*\)$/i.exec(value.trim())?.[2];
}

/** CSS functions whose string or url() arguments are fetched as images. */
export const IMAGE_FUNCTIONS = new Set(['image-set', '-webkit-image-set', 'cross-fade', '-webkit-cross-fade', 'image', 'element']);

/**
 * Lists every place in a style sheet that would load something other than a
 * data: URI: `@import`, `url()` anywhere (`src:` in `@font-face` included),
 * and the strings and url()s inside `image-set()` and its kin. Read with a
 * real CSS parser, and names read as the browser reads them (readCssName), so
 * comments, escapes and odd spacing cannot hide one.
 */
export function findExternalReferences(css: string): ExternalReference[] {
  const found: ExternalReference[] = [];
  const postcss = require('postcss') as typeof import('postcss');
  const valueParser = loadValueParser();
  const root = postcss.parse(css);
  const check = (url: string, line: number) => {
    if (!/^\s*data:/i.test(url)) found.push({ url, line });
  };
  root.walkAtRules((rule) => {
    const line = rule.source?.start?.line ?? 1;
    if (readCssName(rule.name) === 'import') {
      const first = valueParser(rule.params).nodes.find((n) => n.type === 'string' || n.type === 'function');
      check(first?.type === 'function' ? innerUrl(first) : (first?.value ?? rule.params), line);
    } else {
      scanValue(rule.params, line, check);
    }
  });
  root.walkDecls((decl) => scanValue(decl.value, decl.source?.start?.line ?? 1, check));
  return found;
}

function scanValue(value: string, line: number, check: (url: string, line: number) => void): void {
  const valueParser = loadValueParser();
  valueParser(value).walk((node) => {
    // An escape ending in a space splits a name for this parser (`u\72 l(` reads as `u\72` and `l(`) though the
    // browser reads one name, `url(`: a name with an escape is taken for a reference, whatever it spells.
    if (node.type === 'word' && node.value.includes('\\')) {
      check(node.value, line);
      return;
    }
    if (node.type !== 'function') return;
    const name = readCssName(node.value);
    if (name === 'url' || name === 'src') {
      check(innerUrl(node), line);
    } else if (IMAGE_FUNCTIONS.has(name)) {
      for (const arg of node.nodes) if (arg.type === 'string') check(arg.value, line);
    }
  });
}

/** The address inside `url(…)` or `src(…)`, quoted or not. */
function innerUrl(node: valueParserType.FunctionNode): string {
  const inner = node.nodes.filter((n) => n.type !== 'space');
  if (inner.length === 1 && (inner[0]!.type === 'string' || inner[0]!.type === 'word')) return inner[0]!.value;
  // `url(` written with an escape is a plain function to the parser, which splits its address at each slash.
  return loadValueParser().stringify(node.nodes).trim();
}
