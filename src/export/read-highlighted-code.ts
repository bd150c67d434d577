// A code block of a slide, as highlight.js left it in the deck, read back as lines of coloured runs for exports
// that are not HTML: each token in the colour the deck shows it in, and the lines a first highlight step leaves out grey.
import type { DefaultTreeAdapterMap } from 'parse5';
import { attributeOf, classesOf, isElement } from '../parse/html-nodes.js';
import type { TextRun } from './read-text-runs.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** The a11y-light palette highlight.js uses in the deck, by token class, so code keeps its colours outside the browser. */
const CODE_COLORS: Record<string, string> = {
  comment: '696969',
  quote: '696969',
  variable: 'D91E18',
  'template-variable': 'D91E18',
  tag: 'D91E18',
  name: 'D91E18',
  'selector-id': 'D91E18',
  'selector-class': 'D91E18',
  regexp: 'D91E18',
  deletion: 'D91E18',
  number: 'AA5D00',
  built_in: 'AA5D00',
  literal: 'AA5D00',
  type: 'AA5D00',
  params: 'AA5D00',
  meta: 'AA5D00',
  link: 'AA5D00',
  attribute: 'AA5D00',
  string: '008000',
  symbol: '008000',
  bullet: '008000',
  addition: '008000',
  title: '007FAA',
  section: '007FAA',
  keyword: '7928A1',
  'selector-tag': '7928A1',
};

/** The grey the deck gives the lines a code block's highlight leaves out (templates/themes/code.css). */
const GREYED_CODE = '696969';

/** Code as lines of runs, each run coloured by its highlight.js token class; the lines its first highlight step leaves out, grey, as the deck shows them. */
export function readCode(pre: Element): TextRun[][] {
  const lines: TextRun[][] = [[]];
  const highlighted = pre.childNodes.some((e) => isElement(e) && e.tagName === 'code' && classesOf(e).includes('has-highlights'));
  const walk = (node: Node, color: string | undefined) => {
    if ('value' in node && node.nodeName === '#text') {
      node.value.split('\n').forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part) lines.at(-1)!.push({ text: part, code: true, ...(color ? { color } : {}) });
      });
      return;
    }
    if (!isElement(node)) return;
    if (highlighted && classesOf(node).includes('code-line') && !classesOf(node).includes('highlight-line')) return node.childNodes.forEach((child) => walkGreyed(child));
    const token = (attributeOf(node, 'class') ?? '').split(/\s+/).map((c) => c.replace(/^hljs-/, '')).find((c) => CODE_COLORS[c]);
    node.childNodes.forEach((child) => walk(child, token ? CODE_COLORS[token] : color));
  };
  // A greyed line is one colour, whatever its tokens.
  const walkGreyed = (node: Node): void => (isElement(node) ? node.childNodes.forEach(walkGreyed) : walk(node, GREYED_CODE));
  pre.childNodes.forEach((child) => walk(child, undefined));
  while (lines.length > 1 && lines.at(-1)!.length === 0) lines.pop();
  return lines;
}

