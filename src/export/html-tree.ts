// Reading parse5's tree for the export: the few questions the slide readers ask of an element.
import type { DefaultTreeAdapterMap } from 'parse5';
import { attributeOf, classesOf, isElement } from '../parse/html-nodes.js';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];
export type ChildNode = DefaultTreeAdapterMap['childNode'];

export { isElement, attributeOf as attribute };

/** An element's children that are elements. */
export function childElements(element: Element): Element[] {
  return element.childNodes.filter(isElement);
}

/** Every element inside an element, in document order. */
export function descendants(element: Element): Element[] {
  return childElements(element).flatMap((child) => [child, ...descendants(child)]);
}

/** Whether an element has a class. */
export function hasClass(element: Element, name: string): boolean {
  return classesOf(element).includes(name);
}

/** The text inside a node, as written. */
export function textOf(node: Node): string {
  if ('value' in node && node.nodeName === '#text') return node.value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}
