// A deck as a Shower page (`<body class="shower">`): its slides are the `<section class="slide">`s the page holds, as a
// reveal.js page's sections are read; Shower's own marks in them are read here first: a slide's `<footer>` holds the
// presenter's notes (Shower's notes plugin reads them there), and an element of class `next` steps in, one at a time.
import type { DefaultTreeAdapterMap } from 'parse5';
import { loadHtmlParser } from '../load-html-parser.js';
import { classesOf, isElement, swapClass } from '../html-nodes.js';

type Element = DefaultTreeAdapterMap['element'];

/** Whether the page is Shower's: its body, or an element around its slides, has Shower's class. */
export function isShowerPage(all: readonly Element[]): boolean {
  return all.some((n) => (n.tagName === 'body' || n.tagName === 'main' || n.tagName === 'div') && classesOf(n).includes('shower'));
}

/** Reads Shower's marks in a slide's section, in place: each `<footer>` becomes its notes (`<aside class="notes">`), `next` a fragment. */
export function readShowerMarks(section: Element): void {
  const { defaultTreeAdapter, html } = loadHtmlParser();
  for (const child of [...section.childNodes]) {
    if (!isElement(child)) continue;
    if (child.tagName === 'footer') {
      const notes = defaultTreeAdapter.createElement('aside', html.NS.HTML, [{ name: 'class', value: 'notes' }]);
      notes.sourceCodeLocation = child.sourceCodeLocation;
      for (const inner of [...child.childNodes]) defaultTreeAdapter.appendChild(notes, inner);
      defaultTreeAdapter.insertBefore(section, notes, child);
      defaultTreeAdapter.detachNode(child);
      continue;
    }
    markNextSteps(child);
  }
}

/** Shower's `next` (an element shown at the next step) as reveal's fragment class. */
function markNextSteps(node: Element): void {
  swapClass(node, 'next', 'fragment');
  for (const child of node.childNodes) if (isElement(child)) markNextSteps(child);
}
