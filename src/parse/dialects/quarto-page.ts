// A page Quarto rendered (`<meta name="generator" content="quarto-…">`) carries its own plumbing in every slide: an id
// on each figure, caption, span and code line, `aria-describedby` tying a figure to its caption, the anchors and
// `tabindex` of its code lines, its layout's `data-layout-align`, and its `quarto-…` classes. None of it is the
// author's, and none of it survives the sanitizer; read as the author's, each was a warning. They go before the
// slides are read, unmentioned; what the author wrote (classes of their own, a slide's id) stays, and is read as before.
import type { DefaultTreeAdapterMap } from 'parse5';
import { attributeOf, isElement } from '../html-nodes.js';

type Element = DefaultTreeAdapterMap['element'];

/** The attributes Quarto writes into a slide for its own scripts and styles. */
const QUARTO_ATTRIBUTES = new Set(['aria-describedby', 'aria-hidden', 'tabindex', 'data-layout-align']);

/** Classes Quarto writes on its figures, code and outputs: its own, never the author's (a cell's own, `cell`, is read: html-slide.ts unwraps it). */
const QUARTO_CLASSES = /^(?:quarto-[\w-]+|anchored|cell-[\w-]+|code-with-copy|figure)$/;

/** Whether a page is one Quarto rendered, by its generator tag. */
export function renderedByQuarto(all: readonly Element[]): boolean {
  return all.some((n) => n.tagName === 'meta' && attributeOf(n, 'name') === 'generator' && /^quarto-/i.test(attributeOf(n, 'content') ?? ''));
}

/** Takes Quarto's plumbing out of a slide's elements (not the slide's own attributes, nor a code block's classes, which name its language). */
export function dropQuartoPlumbing(slide: Element): void {
  for (const child of slide.childNodes) if (isElement(child)) tidy(child, false);
}

function tidy(element: Element, inCode: boolean): void {
  const code = inCode || element.tagName === 'pre' || element.tagName === 'code';
  element.attrs = element.attrs.flatMap((a) => {
    if (QUARTO_ATTRIBUTES.has(a.name) || (a.name === 'id' && element.tagName !== 'section')) return [];
    if (a.name !== 'class' || code) return [a];
    const kept = a.value.split(/\s+/).filter((c) => c !== '' && !QUARTO_CLASSES.test(c));
    return kept.length > 0 ? [{ ...a, value: kept.join(' ') }] : [];
  });
  // A code line's anchor (`<a href="#cb1-1"></a>`) is there for Quarto's line links; empty, it is nothing to read.
  element.childNodes = element.childNodes.filter((n) => !(code && isElement(n) && n.tagName === 'a' && n.childNodes.length === 0 && /^#cb\d+-\d+$/.test(attributeOf(n, 'href') ?? '')));
  for (const child of element.childNodes) if (isElement(child)) tidy(child, code);
}
