// A Marp deck as the HTML page marp-cli renders (`marp deck.md -o deck.html`): each slide a <section> inside an
// <svg data-marpit-svg>'s <foreignObject>, its speaker notes in the page's list of them (`.bespoke-marp-note`,
// by `data-index`). Each slide is made a section as a reveal.js page holds it, for reveal-html.ts to write out:
// its class, its background picture as reveal's `data-background-image`, its notes as `data-notes`, its steps
// (`data-marpit-fragment`) reveal's fragments, its math MathJax's picture. Marp's header and footer, its page chrome, go.
import type { DefaultTreeAdapterMap } from 'parse5';
import { loadHtmlParser } from '../load-html-parser.js';
import { textOf } from '../html-fragment.js';
import { SLIDE_CLASS_ALLOWLIST } from './reveal.js';
import { nameSome } from '../../name-some.js';
import { attributeOf as attribute, classesOf, isElement } from '../html-nodes.js';

type Element = DefaultTreeAdapterMap['element'];


/** The slides of a page Marp rendered, as reveal.js sections, and what of Marp's they leave out; null for any other page. */
export function readMarpSlides(all: readonly Element[]): { sections: Element[]; leftOut: string[] } | null {
  const { defaultTreeAdapter, html } = loadHtmlParser();
  const slides = all.filter((n) => n.tagName === 'svg' && attribute(n, 'data-marpit-svg') !== undefined);
  if (slides.length === 0) return null;
  const notes = new Map(all.filter((n) => classesOf(n).includes('bespoke-marp-note')).map((n) => [attribute(n, 'data-index'), textOf(n).replace(/\s+/g, ' ').trim()]));
  const leftOut = new Set<string>();
  const themeClasses = new Set<string>();
  const sections = slides.flatMap((svg, index) => {
    const layers = svg.childNodes.filter(isElement).flatMap((object) => object.childNodes.filter((n): n is Element => isElement(n) && n.tagName === 'section'));
    // With a background picture, Marp draws a slide in layers: the pictures, the content, and an empty one above.
    const content = layers.find((s) => attribute(s, 'data-marpit-advanced-background') === 'content') ?? layers.find((s) => attribute(s, 'data-marpit-advanced-background') === undefined);
    if (!content) return [];
    const pictures = layers
      .filter((s) => attribute(s, 'data-marpit-advanced-background') === 'background')
      .flatMap((s) => [...figuresOf(s)].map((f) => /background-image:\s*url\((["']?)(.*?)\1\)/.exec(attribute(f, 'style') ?? '')?.[2]).filter((src): src is string => src !== undefined));
    if (pictures.length > 1) leftOut.add('background pictures after the first on a slide');
    // A class of the page's theme (not read) is nothing here: named once, with what else of Marp's went.
    const [known, theirs] = partition(classesOf(content), (c) => SLIDE_CLASS_ALLOWLIST.has(c));
    theirs.forEach((c) => themeClasses.add(c));
    const attrs = [
      ...(known.length > 0 ? [{ name: 'class', value: known.join(' ') }] : []),
      ...(pictures[0] !== undefined ? [{ name: 'data-background-image', value: decodeCssString(pictures[0]) }] : []),
      ...(notes.get(String(index)) ? [{ name: 'data-notes', value: notes.get(String(index))! }] : []),
    ];
    const section = defaultTreeAdapter.createElement('section', html.NS.HTML, attrs);
    section.sourceCodeLocation = content.sourceCodeLocation;
    for (const child of content.childNodes) {
      if (isElement(child) && (child.tagName === 'header' || child.tagName === 'footer')) {
        leftOut.add(`its ${child.tagName}`);
        continue;
      }
      readyForReveal(child);
      defaultTreeAdapter.appendChild(section, child);
    }
    return [section];
  });
  if (themeClasses.size > 0) leftOut.add(`the classes of its theme (${nameSome([...themeClasses], 8)})`);
  return { sections, leftOut: [...leftOut] };
}

/** The items that pass and those that do not, each in order. */
function partition<T>(items: readonly T[], passes: (item: T) => boolean): [T[], T[]] {
  return [items.filter(passes), items.filter((item) => !passes(item))];
}

/** The figures a background layer holds, each a picture as its `background-image`. */
function* figuresOf(node: Element): Generator<Element> {
  for (const child of node.childNodes.filter(isElement)) {
    if (child.tagName === 'figure') yield child;
    else yield* figuresOf(child);
  }
}

/**
 * Readies what Marp wrote for a reveal.js section: a step it marks (`data-marpit-fragment`, a list item after `*`)
 * as reveal's fragment, math as the picture MathJax drew (its `<svg>`, out of the `<mjx-container>` only MathJax's
 * script styles), an emoji it drew as a remote picture (`data-marp-twemoji`) as the emoji itself, and no heading's
 * anchor (Marp's own slug of it, which a deck's sanitizer would take out and name).
 */
function readyForReveal(node: DefaultTreeAdapterMap['node']): void {
  const { defaultTreeAdapter } = loadHtmlParser();
  if (!isElement(node)) return;
  node.childNodes = node.childNodes.flatMap((child) => {
    if (!isElement(child)) return [child];
    if (child.tagName === 'mjx-container') return child.childNodes;
    if (child.tagName === 'img' && attribute(child, 'data-marp-twemoji') !== undefined) return [defaultTreeAdapter.createTextNode(attribute(child, 'alt') ?? '')];
    return [child];
  });
  if (/^h[1-6]$/.test(node.tagName)) node.attrs = node.attrs.filter((a) => a.name !== 'id');
  if (attribute(node, 'data-marpit-fragment') !== undefined) {
    node.attrs = node.attrs.filter((a) => a.name !== 'data-marpit-fragment');
    const at = node.attrs.find((a) => a.name === 'class');
    if (at) at.value = `${at.value} fragment`;
    else node.attrs.push({ name: 'class', value: 'fragment' });
  }
  node.childNodes.forEach(readyForReveal);
}

/** A CSS string's escapes as written in Marp's style (`\"`, `\\`), read back. */
function decodeCssString(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}
