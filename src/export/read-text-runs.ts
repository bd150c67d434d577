// The text of a slide's inline content as PowerPoint's runs: each stretch with one look (bold, a link, inline math
// as its TeX), read from parse5's tree by read-slide-blocks.ts, which reads the blocks around them.
import { attribute, descendants, hasClass, isElement, textOf, type Element, type Node } from './html-tree.js';

/** A stretch of text with one look. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  /** An https:, mailto: or #anchor target, as the parser allowed it. */
  link?: string;
  /** A hex colour without '#', for highlighted code. */
  color?: string;
  /** Set above or below the line (`<sup>`, `<sub>`: footnote numbers, chemical formulas). */
  superscript?: boolean;
  subscript?: boolean;
  /** Highlighted (`<mark>`: `==text==`, Pandoc's `[text]{.mark}`). */
  highlight?: boolean;
  underline?: boolean;
}

/** The elements a browser sets within a line of text. */
const INLINE_TAGS = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);

/**
 * Whether an element reads as part of a line of text, runs and all: an inline element holding only text and inline
 * elements (inline math among them), none a build step, whose own step the element's visit keeps, nor a picture.
 */
export function readsInline(element: Element): boolean {
  if (hasClass(element, 'fragment')) return false;
  if (hasClass(element, 'katex')) return !hasClass(element, 'math-display');
  return INLINE_TAGS.has(element.tagName) && element.childNodes.every((child) => !isElement(child) || readsInline(child));
}

/** The runs of an inline context: text with bold, italic, code and link marks; inline math as its TeX. */
export function readRuns(element: Element, into: { fragments: number }, look: Omit<TextRun, 'text'> = {}, trim = true): TextRun[] {
  const runs: TextRun[] = [];
  const walk = (node: Node, mark: Omit<TextRun, 'text'>) => {
    if ('value' in node && node.nodeName === '#text') {
      const text = node.value.replace(/\s+/g, ' ');
      if (text) runs.push({ text, ...mark });
      return;
    }
    if (!isElement(node)) return;
    // A picture is read apart from the text (readFragment), and its step with it.
    if (node.tagName === 'img') return;
    if (hasClass(node, 'fragment')) into.fragments++;
    if (hasClass(node, 'katex')) {
      runs.push({ text: readTex(node), ...mark, italic: true });
      return;
    }
    if (node.tagName === 'br') {
      runs.push({ text: '\n', ...mark });
      return;
    }
    if (node.tagName === 'ul' || node.tagName === 'ol' || node.tagName === 'img') return;
    const next = { ...mark };
    if (node.tagName === 'strong' || node.tagName === 'b') next.bold = true;
    if (node.tagName === 'em' || node.tagName === 'i') next.italic = true;
    if (node.tagName === 'code') next.code = true;
    if (node.tagName === 'sup') next.superscript = true;
    if (node.tagName === 'sub') next.subscript = true;
    if (node.tagName === 'mark') next.highlight = true;
    if (node.tagName === 'u' || node.tagName === 'ins') next.underline = true;
    if (node.tagName === 'a') {
      const href = attribute(node, 'href');
      if (href) next.link = href;
    }
    node.childNodes.forEach((child) => walk(child, next));
  };
  element.childNodes.forEach((child) => walk(child, look));
  return trim ? trimRuns(runs) : runs;
}

/** Runs without empty ones, and without the white space at either end of the whole. */
export function trimRuns(runs: TextRun[]): TextRun[] {
  const kept = runs.filter((run) => run.text !== '');
  if (kept[0]) kept[0] = { ...kept[0], text: kept[0].text.replace(/^\s+/, '') };
  const end = kept.length - 1;
  if (end >= 0) kept[end] = { ...kept[end]!, text: kept[end]!.text.replace(/\s+$/, '') };
  return kept.filter((run) => run.text !== '');
}

/** The TeX source KaTeX keeps in its MathML annotation. */
export function readTex(element: Element): string {
  const annotation = descendants(element).find((e) => e.tagName === 'annotation');
  // A numbered formula's number (cross-refs.ts adds it as \tag) reads as it shows, after the formula.
  return (annotation ? textOf(annotation).trim() : textOf(element).trim()).replace(/\\tag\{(\d+)\}$/, '  ($1)');
}
