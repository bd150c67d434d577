// A deck as an impress.js page: its steps, the elements of class `step` inside `<div id="impress">`, are its slides.
// Each is made a section as a reveal.js page holds it, for reveal-html.ts to write out; impress.js places and turns
// each step on a canvas (`data-x`, `data-rotate`, …), which a deck of slides does not do, so those attributes go. Its
// presenter console's notes, `<div class="notes">` in a step, are the slide's notes, as on any page.
import type { DefaultTreeAdapterMap } from 'parse5';
import { loadHtmlParser } from '../load-html-parser.js';
import { classesOf, isElement, swapClass } from '../html-nodes.js';

type Element = DefaultTreeAdapterMap['element'];

/** The steps of an impress.js page, as reveal.js sections; null for any other page. */
export function readImpressSteps(all: readonly Element[]): Element[] | null {
  const { defaultTreeAdapter, html } = loadHtmlParser();
  const root = all.find((n) => n.attrs.some((a) => a.name === 'id' && a.value === 'impress'));
  if (!root) return null;
  const steps = all.filter((n) => classesOf(n).includes('step') && within(n, root) && !insideStep(n, root));
  if (steps.length === 0) return null;
  return steps.map((step) => {
    const section = defaultTreeAdapter.createElement('section', html.NS.HTML, []);
    section.sourceCodeLocation = step.sourceCodeLocation;
    for (const child of step.childNodes) {
      dropStepClass(child);
      defaultTreeAdapter.appendChild(section, child);
    }
    return section;
  });
}

/** Whether `node` stands inside `root`. */
function within(node: Element, root: Element): boolean {
  for (let up = node.parentNode; up && 'tagName' in up; up = up.parentNode) if (up === root) return true;
  return false;
}

/** Whether a step stands inside another step (below `root`): only the outermost are slides. */
function insideStep(node: Element, root: Element): boolean {
  for (let up = node.parentNode; up && up !== root && 'tagName' in up; up = up.parentNode) if (classesOf(up).includes('step')) return true;
  return false;
}

/** A step inside a step is part of its slide: impress.js's class for it goes, and the deck has no style for it anyway. */
function dropStepClass(node: DefaultTreeAdapterMap['node']): void {
  if (!isElement(node)) return;
  swapClass(node, 'step', null);
  for (const child of node.childNodes) dropStepClass(child);
}
