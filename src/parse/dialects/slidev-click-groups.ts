// Slidev's `<v-clicks>` inside raw HTML (a grid of cards, each stepping in): leftovers.ts leaves the element there, as a
// region of the slide's lines would cut the HTML around it in two (the grid closed before its first card). Read here
// from the slide's HTML, as Slidev reads it: each child element steps in, a list's items when the child is one list.
import type { DefaultTreeAdapterMap } from 'parse5';
import { parseFragmentKeepingMarks } from '../html-fragment.js';
import { isElement } from '../html-nodes.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** The slide's HTML with each `<v-clicks>` element's children marked to step in (`v-click`, read by the sanitizer) and the element itself gone. */
export function stepClickGroups(html: string): string {
  if (!/<v-clicks[\s>]/i.test(html)) return html;
  const { fragment, serialize } = parseFragmentKeepingMarks(html);
  const visit = (parent: Node) => {
    if (!('childNodes' in parent)) return;
    parent.childNodes = parent.childNodes.flatMap((child) => {
      visit(child);
      if (!isElement(child) || child.tagName !== 'v-clicks') return [child];
      const elements = child.childNodes.filter(isElement);
      const only = elements.length === 1 && /^[ou]l$/.test(elements[0]!.tagName) ? elements[0]! : undefined;
      for (const target of only ? only.childNodes.filter((n): n is Element => isElement(n) && n.tagName === 'li') : elements) {
        if (!target.attrs.some((a) => a.name === 'v-click')) target.attrs.push({ name: 'v-click', value: '' });
      }
      for (const node of child.childNodes) node.parentNode = parent as DefaultTreeAdapterMap['parentNode'];
      return child.childNodes;
    });
  };
  visit(fragment);
  return serialize();
}
