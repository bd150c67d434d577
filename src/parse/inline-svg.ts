import { loadHtmlParser } from './load-html-parser.js';
import type { DefaultTreeAdapterMap } from 'parse5';
import { parseFragmentKeepingMarks, textOf } from './html-fragment.js';
import { findExternalReferences } from '../css-references.js';

// An `<svg>` written in a slide's raw HTML (an icon, a small diagram; Slidev, Marp and
// reveal.js decks carry them) is markup the sanitizer may not keep: it could hold scripts,
// handlers and references out of the deck. Shown as a picture of itself instead, an `<img>`
// of its markup, it runs nothing and loads nothing, as any SVG picture in a deck, and its
// drawing is kept rather than removed.

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';

/**
 * Replaces each top `<svg>` of `html` by an `<img>` whose source `picture` gives for its markup (a standalone SVG
 * file: its namespaces declared), its text alternative (`aria-label`, else its `<title>`) and the addresses out of the
 * picture that were taken off it (keepWithinPicture); one `picture` refuses (undefined) is left for the sanitizer,
 * which removes it. Read with parse5, as a browser would.
 */
export function pictureInlineSvgs(html: string, picture: (svg: string, alt: string, leftOut: string[], decorative: boolean) => string | undefined): string {
  if (!/<svg[\s>/]/i.test(html)) return html;
  const { fragment, serialize } = parseFragmentKeepingMarks(html);
  let changed = false;
  const visit = (parent: Node) => {
    if (!('childNodes' in parent)) return;
    parent.childNodes = parent.childNodes.map((child) => {
      if (!('tagName' in child)) return child;
      if (child.tagName !== 'svg' || child.namespaceURI !== SVG_NAMESPACE) {
        visit(child);
        if ('content' in child) visit((child as unknown as { content: Node }).content);
        return child;
      }
      // A picture the page hides from screen readers (an icon beside its words) is decorative: its <img> gets an empty alt, as it asks.
      const decorative = isDecorativeSvg(child);
      const alt = decorative ? '' : describeSvg(child);
      const leftOut = keepWithinPicture(child);
      const src = picture(standaloneSvg(child, serialize), alt, leftOut, decorative);
      if (src === undefined) return child;
      changed = true;
      const img = (loadHtmlParser().parseFragment('<img>').childNodes[0] as Element);
      img.attrs = [{ name: 'src', value: src }, { name: 'alt', value: alt }];
      img.parentNode = child.parentNode;
      return img;
    });
  };
  visit(fragment);
  return changed ? serialize() : html;
}

/** A reference a picture may keep: to a part of itself (`#id`), or data written into it (`data:`). */
const SELF_CONTAINED = /^\s*(?:#|data:)/i;

/**
 * Takes off the picture what could reach out of it, though a picture shown as an `<img>` loads and runs nothing, so that
 * the deck carries no address from elsewhere even inside a picture: scripts and handlers, and every address that is
 * not the picture's own (`href`, `xlink:href`, `src`, a `url()` in a style). Returns the addresses taken off.
 */
function keepWithinPicture(svg: Element): string[] {
  const leftOut: string[] = [];
  const outside = (css: string): string[] => {
    try {
      return findExternalReferences(css).map((r) => r.url).filter((url) => !SELF_CONTAINED.test(url));
    } catch {
      // A style no CSS parser reads is no style a browser would apply either.
      return ['a style that does not parse'];
    }
  };
  const visit = (element: Element) => {
    element.childNodes = element.childNodes.filter((node) => {
      if (!('tagName' in node)) return true;
      if (node.tagName === 'script') return false;
      if (node.tagName === 'style') {
        const found = outside(textOf(node));
        leftOut.push(...found);
        if (found.length > 0) return false;
      }
      visit(node);
      return true;
    });
    element.attrs = element.attrs.filter((a) => {
      if (/^on/i.test(a.name)) return false;
      if ((a.name === 'href' || a.name === 'src') && !SELF_CONTAINED.test(a.value)) {
        leftOut.push(a.value.trim());
        return false;
      }
      if (a.name === 'style' && a.value.includes('(')) {
        const found = outside(`x{${a.value}}`);
        leftOut.push(...found);
        return found.length === 0;
      }
      return true;
    });
  };
  visit(svg);
  return leftOut;
}

/** The element's markup as a file of its own: an SVG picture must declare its namespaces, which inline markup need not. */
function standaloneSvg(svg: Element, serialize: (node?: DefaultTreeAdapterMap['parentNode']) => string): string {
  const declared = new Set(svg.attrs.map((a) => (a.prefix ? `${a.prefix}:${a.name}` : a.name)));
  const wrapper = { nodeName: '#document-fragment', childNodes: [svg] } as unknown as DefaultTreeAdapterMap['documentFragment'];
  let markup = serialize(wrapper);
  const usesXlink = /\sxlink:[\w-]+=/.test(markup);
  const add = [...(declared.has('xmlns') ? [] : [`xmlns="${SVG_NAMESPACE}"`]), ...(usesXlink && !declared.has('xmlns:xlink') ? [`xmlns:xlink="${XLINK_NAMESPACE}"`] : [])];
  if (add.length > 0) markup = markup.replace(/^<svg/, `<svg ${add.join(' ')}`);
  // An SVG file is XML, which knows no `&nbsp;`; the serializer writes a no-break space so (its only named entity beyond XML's own).
  return markup.replace(/&nbsp;/g, '&#160;');
}

/** Whether an SVG hides itself from screen readers, as a decorative picture does: `aria-hidden="true"`, or the role `presentation` or `none`. */
function isDecorativeSvg(svg: Element): boolean {
  const value = (name: string) => svg.attrs.find((a) => a.name === name)?.value.trim().toLowerCase();
  return value('aria-hidden') === 'true' || value('role') === 'presentation' || value('role') === 'none';
}

/** An SVG's text alternative: its `aria-label`, else the text of its `<title>`, else none. */
function describeSvg(svg: Element): string {
  const label = svg.attrs.find((a) => a.name === 'aria-label')?.value;
  if (label) return label.trim();
  const title = svg.childNodes.find((n): n is Element => 'tagName' in n && n.tagName === 'title');
  return title ? textOf(title).replace(/\s+/g, ' ').trim() : '';
}

/**
 * Where each top-level `<svg>` of raw HTML opens, in order: one pass over its tags, an `<svg>` inside another not
 * counted, one that closes itself (`<svg/>`, as in any foreign content) not opening a level.
 */
export function findTopLevelSvgs(source: string): number[] {
  const starts: number[] = [];
  let depth = 0;
  // A tag's attributes are read up to the next < or >, at most 2,000 characters: never along the rest of the source.
  for (const tag of source.matchAll(/<svg\b[^<>]{0,2000}?(\/?)>|<\/svg\s*>/gi)) {
    if (tag[0][1] === '/') depth = Math.max(0, depth - 1);
    else {
      if (depth === 0) starts.push(tag.index);
      if (tag[1] !== '/') depth++;
    }
  }
  return starts;
}
