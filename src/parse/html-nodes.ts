// What the readers of HTML (a reveal.js, Marp or Slidy page, a slide's HTML written out as Markdown) ask of a
// parse5 node, in one place rather than in each of them.
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Whether a node is an element (not text, a comment or a document). */
export const isElement = (node: Node): node is Element => 'tagName' in node;

/** An element's attribute, as written; undefined when it has none of that name. */
export const attributeOf = (node: Element, name: string): string | undefined => node.attrs.find((a) => a.name === name)?.value;

/** An element's classes, in order. */
export const classesOf = (node: Element): string[] => (attributeOf(node, 'class') ?? '').split(/\s+/).filter(Boolean);

/** Gives an element these classes, in order, in place of its own: none takes its class attribute away. */
export function setClassesOf(node: Element, classes: readonly string[]): void {
  node.attrs = [...node.attrs.filter((a) => a.name !== 'class'), ...(classes.length > 0 ? [{ name: 'class', value: classes.join(' ') }] : [])];
}

/** Swaps one of an element's classes for another (a tool's own mark for reveal's, `next` for `fragment`), or drops it when `to` is null; an element without it stays as it was. */
export function swapClass(node: Element, from: string, to: string | null): void {
  const own = classesOf(node);
  if (own.includes(from)) setClassesOf(node, own.flatMap((c) => (c !== from ? [c] : to === null ? [] : [to])));
}
