import postcss from 'postcss';
import valueParser from 'postcss-value-parser';

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

function scanValue(value: string, line: number, check: (url: string, line: number) => void): void {
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
function innerUrl(node: valueParser.FunctionNode): string {
  const inner = node.nodes.find((n) => n.type === 'string' || n.type === 'word');
  return inner ? inner.value : valueParser.stringify(node.nodes);
}
