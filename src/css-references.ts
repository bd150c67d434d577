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

/** CSS functions whose string or url() arguments are fetched as images. */
const IMAGE_FUNCTIONS = new Set(['image-set', '-webkit-image-set', 'cross-fade', '-webkit-cross-fade', 'image', 'element']);

/**
 * Lists every place in a style sheet that would load something other than a
 * data: URI: `@import`, `url()` anywhere (`src:` in `@font-face` included),
 * and the strings and url()s inside `image-set()` and its kin. Read with a
 * real CSS parser, so comments, escapes and odd spacing cannot hide one.
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
    if (rule.name.toLowerCase() === 'import') {
      const first = valueParser(rule.params).nodes.find((n) => n.type === 'string' || n.type === 'function');
      check(first?.type === 'function' ? innerUrl(first) : (first?.value ?? rule.params), line);
    } else {
      scanValue(rule.params, line, check);
    }
  });
  root.walkDecls((decl) => scanValue(decl.value, decl.source?.start?.line ?? 1, check));
  return found;
}

/** The first address a CSS value would fetch (a url() or image-set() string that is not a data: URI), or null for none. */
export function findFetchInValue(value: string): string | null {
  let found: string | null = null;
  scanValue(value, 0, (url) => {
    if (found === null && !/^\s*data:/i.test(url)) found = url;
  });
  return found;
}

function scanValue(value: string, line: number, check: (url: string, line: number) => void): void {
  const valueParser = loadValueParser();
  valueParser(value).walk((node) => {
    if (node.type !== 'function') return;
    const name = node.value.toLowerCase();
    if (name === 'url' || name === 'src') {
      check(innerUrl(node), line);
    } else if (IMAGE_FUNCTIONS.has(name)) {
      for (const arg of node.nodes) if (arg.type === 'string') check(arg.value, line);
    }
  });
}

/** The address inside `url(…)` or `src(…)`, quoted or not. */
function innerUrl(node: valueParserType.FunctionNode): string {
  const inner = node.nodes.find((n) => n.type === 'string' || n.type === 'word');
  return inner ? inner.value : loadValueParser().stringify(node.nodes);
}
