// Writes a reveal.js page's HTML out as the reveal Markdown it stands for, element by
// element (reveal-html.ts walks the page and says which): a heading as a Markdown
// heading, `<pre><code>` as a fenced block, and a paragraph or a list that holds math
// as Markdown, so the parse typesets the math as reveal's math plugin would. The
// text of each stays text: Markdown's markup characters in it are written as references.
import { loadHtmlParser } from '../load-html-parser.js';
import type { DefaultTreeAdapterMap } from 'parse5';
import { textOf } from '../html-fragment.js';
import { fenceFor } from '../read-fences.js';
import { classesOf as classes, isElement as element } from '../html-nodes.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type ChildNode = DefaultTreeAdapterMap['childNode'];
/** Writes one line of Markdown at a line of the page. */
type Emit = (text: string, line: number) => void;

const lineOf = (node: Node): number => node.sourceCodeLocation?.startLine ?? 1;

/** Characters Markdown, or a dialect, reads as markup in a heading's text (emphasis, code, links, math, emoji, attributes, citations), written as character references so they stay text. */
const MARKUP_CHARACTERS = /[*_`[\]\\~$#|^=!{}:@]/g;

/** The one element `parent` holds, when it is a `name` and nothing but white space stands beside it. */
export function onlyElement(parent: Element, name: string): Element | undefined {
  const kids = parent.childNodes.filter((n) => element(n) || textOf(n).trim() !== '');
  return kids.length === 1 && element(kids[0]!) && kids[0].tagName === name ? kids[0] : undefined;
}

/** Writes a heading as a Markdown heading: its HTML kept, its text kept as text, its math typeset. */
export function writeHeading(heading: Element, level: number, emit: (text: string, line: number) => void): void {
  emit('', lineOf(heading));
  emit(`${'#'.repeat(level)} ${writeInline(heading)}`, lineOf(heading));
  emit('', lineOf(heading));
}

/** Math as reveal's math plugin finds it in HTML text: `\\(…\\)` inline, `\\[…\\]` and `$$…$$` on their own; each bounded, so text with many openings and no closing is read in one pass. */
const MATH = /\\\(([\s\S]{1,2000}?)\\\)|\\\[([\s\S]{1,2000}?)\\\]|\$\$([\s\S]{1,2000}?)\$\$/g;

/** The characters parse5 writes as references in text, back as themselves, for TeX. */
const TEXT_REFERENCES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&nbsp;': '\u00a0' };

/**
 * An element's content as one line of Markdown inline text: its HTML kept as inline HTML, the characters Markdown
 * would read as markup in its text written as references (so they stay text), and the math reveal's math plugin
 * would typeset written as Markdown's `$…$` and `$$…$$`, which the parse typesets.
 */
function writeInline(parent: Element): string {
  const collapse = (node: Node): void => {
    if (node.nodeName === '#text') (node as DefaultTreeAdapterMap['textNode']).value = textOf(node).replace(/\s+/g, ' ');
    else if ('childNodes' in node) node.childNodes.forEach(collapse);
  };
  collapse(parent);
  const escape = (text: string) => text.replace(MARKUP_CHARACTERS, (c) => `&#${c.charCodeAt(0)};`);
  const line = `>${loadHtmlParser().serialize(parent)}<`.replace(/>([^<]*)</g, (_, text: string) => {
    let out = '';
    let from = 0;
    for (const m of text.matchAll(MATH)) {
      const tex = (m[1] ?? m[2] ?? m[3]!).replace(/&(?:amp|lt|gt|nbsp);/g, (r) => TEXT_REFERENCES[r]!).trim();
      out += escape(text.slice(from, m.index)) + (m[1] === undefined ? `$$${tex}$$` : `$${tex}$`);
      from = m.index! + m[0].length;
    }
    return `>${out}${escape(text.slice(from))}<`;
  }).slice(1, -1).trim();
  // A line that starts as a list item would (`1. `, `- `) is text all the same.
  return line.replace(/^[\d+-]/, (c) => `&#${c.charCodeAt(0)};`);
}

/** Writes `<pre><code>` as a fenced code block, its language from the code's class, its `data-line-numbers` as reveal's Markdown writes them (`js [7: 1|3]`). */
export function writeCode(pre: Element, code: Element, emit: (text: string, line: number) => void): void {
  const language = classes(code).map((c) => /^(?:language|lang)-([\w+#.-]+)$/.exec(c)?.[1]).find(Boolean) ?? [...classes(code), ...classes(pre)].find((c) => c !== 'hljs' && c !== 'sourceCode' && /^[a-z][\w+#-]*$/i.test(c)) ?? '';
  const lineNumbers = code.attrs.find((a) => a.name === 'data-line-numbers')?.value;
  const startFrom = code.attrs.find((a) => a.name === 'data-ln-start-from')?.value.trim();
  const lines = lineNumbers !== undefined && /^[\s\d,|-]*$/.test(lineNumbers) ? ` [${startFrom && /^\d+$/.test(startFrom) ? `${startFrom}: ` : ''}${lineNumbers.replace(/\s/g, '')}]` : '';
  // trimEnd, not a pattern: `\s+$` looks along every run of spaces again from each of its characters.
  const text = textOf(code).replace(/\r\n?/g, '\n').replace(/^\n+/, '').trimEnd();
  const fence = fenceFor(text);
  const line = lineOf(pre);
  emit('', line);
  emit(`${fence}${language}${lines}`, line);
  text.split('\n').forEach((t, i) => emit(t, line + i));
  emit(fence, line);
  emit('', line);
}

/** Text that holds math reveal's math plugin would typeset. */
export const HAS_MATH = /\\[([]|\$\$/;

/** Writes a paragraph as a line of Markdown, so its math is typeset: a fragment's classes (`class="fragment"`) kept through reveal's element comment. */
export function writeParagraph(nodes: ChildNode[], line: number, emit: (text: string, line: number) => void, paragraph?: Element): void {
  emit('', line);
  emit(paragraph ? writeWithElementComment(nodes, paragraph) : writeInlineNodes(nodes), line);
  emit('', line);
}

/** Nodes as one line of Markdown inline text (writeInline), as the content of one element. */
function writeInlineNodes(nodes: ChildNode[]): string {
  const holder = loadHtmlParser().parseFragment('<p></p>').childNodes[0] as Element;
  holder.childNodes = nodes.map((n) => ({ ...n, parentNode: holder }));
  return writeInline(holder);
}

/**
 * Nodes as one line of Markdown with reveal's element comment for `holder` (its fragment classes): after them, or,
 * when they end with an element (a formula, emphasis), after their first text, since reveal gives a comment to the
 * element just before it and only else to the one that holds it.
 */
function writeWithElementComment(nodes: ChildNode[], holder: Element): string {
  const comment = elementComment(holder);
  const meaningful = nodes.filter((n) => element(n) || textOf(n).trim() !== '');
  const firstText = nodes.findIndex((n) => !element(n) && textOf(n).trim() !== '');
  if (comment === '' || meaningful.length === 0 || !element(meaningful.at(-1)!) || firstText < 0) return `${writeInlineNodes(nodes)}${comment}`;
  const before = writeInlineNodes(nodes.slice(0, firstText + 1));
  // The space the text ends with stays before the comment, so the words keep theirs and no second one is added.
  return `${before.trimEnd()}${/\s$/.test(textOf(nodes[firstText]!)) ? ' ' : ''}${comment.trim()}${writeInlineNodes(nodes.slice(firstText + 1))}`;
}

/** reveal's element comment that keeps an element's fragment classes and index (`class="fragment"`), or nothing. */
function elementComment(element: Element): string {
  const look = element.attrs.filter((a) => a.name === 'class' || a.name === 'data-fragment-index');
  return look.length > 0 ? ` <!-- .element: ${look.map((a) => `${a.name}="${a.value.replace(/["<>]/g, '')}"`).join(' ')} -->` : '';
}

/** Elements that stay inline in a list item written as Markdown; any other in an item keeps the list HTML. */
const INLINE_ELEMENTS = new Set('a abbr b bdi bdo br cite code del dfn em i img ins kbd mark q s samp small span strong sub sup time u var wbr'.split(' '));

/**
 * Writes a list that holds math as a Markdown list, so its math is typeset: each item's text a line (a nested list
 * indented under it), a fragment's classes kept through reveal's element comment. False, writing nothing, when an
 * item holds more than text and inline elements (a paragraph, a table), which only HTML says; then the list stays HTML.
 */
export function writeList(list: Element, emit: Emit): boolean {
  const lines: [string, number][] = [];
  const write = (node: Element, indent: string): boolean => {
    const start = Number(node.attrs.find((a) => a.name === 'start')?.value ?? 1);
    // A list inside an item that does not count from 1 cannot start without a blank line, which would loosen the list: it stays HTML.
    if (indent !== '' && node.tagName === 'ol' && start !== 1) return false;
    const items = node.childNodes.filter((n) => element(n) || textOf(n).trim() !== '');
    return items.every((item, i) => {
      if (!element(item) || item.tagName !== 'li') return false;
      const nested = item.childNodes.filter((n): n is Element => element(n) && (n.tagName === 'ul' || n.tagName === 'ol'));
      const inline = item.childNodes.filter((n) => !nested.includes(n as Element));
      if (inline.some((n) => element(n) && !INLINE_ELEMENTS.has(n.tagName))) return false;
      const marker = node.tagName === 'ol' ? `${Number.isFinite(start) ? start + i : i + 1}. ` : '- ';
      // writeInline writes a leading digit or dash as a reference: after the marker, `1. ` would start a list inside the item.
      lines.push([`${indent}${marker}${writeWithElementComment(inline, item)}`, lineOf(item)]);
      return nested.every((sub) => write(sub, `${indent}${' '.repeat(marker.length)}`));
    });
  };
  if (!write(list, '')) return false;
  emit('', lineOf(list));
  for (const [text, line] of lines) emit(text, line);
  emit('', lineOf(list));
  return true;
}
