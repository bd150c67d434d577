// A deck as the HTML page R Markdown's `ioslides_presentation` renders (Google's io-2012 slides): each `<slide>` inside
// `<slides>` a slide, its title in an `<hgroup>` and its content in an `<article>`. Each is made a section as a reveal.js
// page holds it, for reveal-html.ts to write out. The cover is filled by the page's own script from its settings, which
// is not run, so it is made from the page's `<title>`; an `<article class="build">` steps its list items in; an
// `<aside class="note">` holds the presenter's notes; the backdrop behind every slide is no slide.
import type { DefaultTreeAdapterMap } from 'parse5';
import { loadHtmlParser } from '../load-html-parser.js';
import { classesOf, isElement, setClassesOf, swapClass } from '../html-nodes.js';
import { textOf } from '../html-fragment.js';

type Element = DefaultTreeAdapterMap['element'];

/** The slides of an ioslides page, as reveal.js sections; null for any other page. */
export function readIoslidesSlides(all: readonly Element[]): Element[] | null {
  const { defaultTreeAdapter, html } = loadHtmlParser();
  const container = all.find((n) => n.tagName === 'slides');
  if (!container) return null;
  const title = textOf(all.find((n) => n.tagName === 'title') ?? container).trim();
  const slides = container.childNodes.filter((n): n is Element => isElement(n) && n.tagName === 'slide' && !classesOf(n).includes('backdrop'));
  if (slides.length === 0) return null;
  return slides.map((slide) => {
    const section = defaultTreeAdapter.createElement('section', html.NS.HTML, []);
    section.sourceCodeLocation = slide.sourceCodeLocation;
    // The cover's headings are empty until the page's script fills them.
    if (classesOf(slide).includes('title-slide') && textOf(slide).trim() === '') {
      const heading = defaultTreeAdapter.createElement('h1', html.NS.HTML, []);
      defaultTreeAdapter.insertText(heading, title);
      defaultTreeAdapter.appendChild(section, heading);
      return section;
    }
    for (const part of slide.childNodes.filter(isElement)) {
      const stepped = part.tagName === 'article' && classesOf(part).includes('build');
      const children = part.tagName === 'hgroup' || part.tagName === 'article' ? part.childNodes : [part];
      for (const child of [...children]) {
        if (isElement(child)) readIoslidesMarks(child, stepped);
        defaultTreeAdapter.appendChild(section, child);
      }
    }
    return section;
  });
}

/** ioslides' marks, in place: a note (`<aside class="note">`) as reveal's notes, and in a build a list's items as steps. */
function readIoslidesMarks(node: Element, stepped: boolean): void {
  if (node.tagName === 'aside') swapClass(node, 'note', 'notes');
  if (stepped && node.tagName === 'li') setClassesOf(node, [...classesOf(node), 'fragment']);
  for (const child of node.childNodes) if (isElement(child)) readIoslidesMarks(child, stepped && node.tagName !== 'li');
}
