import { loadHtmlParser } from './load-html-parser.js';

type Node = import('parse5').DefaultTreeAdapterMap['node'];

/**
 * The text a reader sees in rendered inline HTML, for places that show a
 * title as plain text: the Agenda, footers, messages and the PDF outline.
 * Read with parse5, so entities and markup come out as the browser shows
 * them; of KaTeX's output only the visible rendering counts, not its MathML.
 */
export function toPlainText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  let text = '';
  const walk = (node: Node) => {
    if ('value' in node && node.nodeName === '#text') text += node.value;
    if ('tagName' in node && (node.tagName === 'math' || node.attrs.some((a) => a.name === 'class' && /\bkatex-mathml\b/.test(a.value)))) return;
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(loadHtmlParser().parseFragment(html));
  return text.replace(/\s+/g, ' ').trim();
}
