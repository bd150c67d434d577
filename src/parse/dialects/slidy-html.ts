// A deck as an HTML page of HTML Slidy or S5 (what Pandoc writes with `-t slidy` or `-t s5`, and R Markdown's
// `slidy_presentation`): each slide a `<div class="slide">` (a `<section class="slide">` in deck.js's pages). Each is made a section as a reveal.js page holds it, for
// reveal-html.ts to write out; a list Slidy steps in (`<ul class="incremental">`) steps in as reveal's fragments.
import type { DefaultTreeAdapterMap } from 'parse5';
import { loadHtmlParser } from '../load-html-parser.js';
import { classesOf, isElement, setClassesOf, swapClass } from '../html-nodes.js';

type Element = DefaultTreeAdapterMap['element'];


/** The slides of a Slidy or S5 page, as reveal.js sections; null for any other page. */
export function readSlidySlides(all: readonly Element[]): Element[] | null {
  const { defaultTreeAdapter, html } = loadHtmlParser();
  // deck.js and Shower write a `<section class="slide">`: the same slide, another element (a `.slide` inside one is a step of it there).
  const slides = all.filter((n) => (n.tagName === 'div' || n.tagName === 'section') && classesOf(n).includes('slide') && !insideSlide(n));
  if (slides.length === 0) return null;
  return slides.map((slide) => {
    const section = defaultTreeAdapter.createElement('section', html.NS.HTML, []);
    section.sourceCodeLocation = slide.sourceCodeLocation;
    const cover = classesOf(slide).includes('titlepage');
    for (const child of slide.childNodes) {
      markIncremental(child);
      markNestedSlides(child);
      // The cover's parts are marked for Slidy's style (`<p class="author">`), which the deck does not have.
      if (cover && isElement(child)) child.attrs = child.attrs.filter((a) => !(a.name === 'class' && /^(?:title|subtitle|author|date|institute)$/.test(a.value)));
      defaultTreeAdapter.appendChild(section, child);
    }
    return section;
  });
}

/** Whether a slide's `<div>` stands inside another slide: only the outermost are slides. */
function insideSlide(node: Element): boolean {
  for (let up = node.parentNode; up && 'tagName' in up; up = up.parentNode) if (classesOf(up).includes('slide')) return true;
  return false;
}

/** A list Slidy steps in (`class="incremental"`, on the list or a box around it): each item a fragment, the class gone. */
function markIncremental(node: DefaultTreeAdapterMap['node'], stepping = false): void {
  if (!isElement(node)) return;
  const own = classesOf(node);
  const incremental = stepping || own.includes('incremental');
  const kept = [...own.filter((c) => c !== 'incremental'), ...(incremental && node.tagName === 'li' ? ['fragment'] : [])];
  setClassesOf(node, kept);
  // An item's own lists step as their own class says, not as the item's.
  for (const child of node.childNodes) markIncremental(child, incremental && node.tagName !== 'li');
}

/** A `.slide` inside a slide (deck.js's way to step in a slide's parts): a step, reveal's fragment, its class gone. */
function markNestedSlides(node: DefaultTreeAdapterMap['node']): void {
  if (!isElement(node)) return;
  swapClass(node, 'slide', 'fragment');
  for (const child of node.childNodes) markNestedSlides(child);
}
