// Slidev's `v-after`: an element that steps in with the click before it, not a click of its own. reveal shows
// fragments one step each, in the order they stand, unless they name their place (`data-fragment-index`); two
// fragments with the same place step in together. So once a slide is whole, each of its fragments is given the
// place reveal would give it by its order, and a `v-after` the place of the fragment before it. The same pass lets a
// ranged click (`v-click="[2, 4]"`) step out again at its second click, since one element is one fragment.
import type * as parse5 from 'parse5';
import { parseFragmentKeepingMarks } from '../html-fragment.js';

/** The attribute the sanitizer leaves on a `v-after` fragment, for this pass to read and take off. */
export const WITH_PREVIOUS = 'data-with-previous';

/** The attribute the sanitizer leaves on a ranged click's fragment (`v-click="[2, 4]"`): the place at which it steps out again. */
export const HIDE_AT = 'data-hide-at';

type Element = parse5.DefaultTreeAdapterMap['element'];
type ParentNode = parse5.DefaultTreeAdapterMap['parentNode'];

/**
 * Gives a slide's fragments their places (the slide's HTML in the order it stands: what spans the columns above them,
 * the columns, what spans them below), a `v-after` the place of the fragment before it. A slide whose fragments
 * already name places (Slidev's `v-click="3"`, Quarto's `fragment-index`) is left in reveal's own order, less the marks:
 * reveal puts fragments without a place after all those with one, and a place given here would change that.
 */
export function placeAfterClicks(parts: string[]): string[] {
  if (!parts.some((html) => html.includes(WITH_PREVIOUS) || html.includes(HIDE_AT))) return parts;
  const named = parts.some((html) => html.includes('data-fragment-index'));
  let place = 0;
  return parts.map((html) => {
    if (!html.includes('fragment') && !html.includes(WITH_PREVIOUS) && !html.includes(HIDE_AT)) return html;
    const { fragment, serialize } = parseFragmentKeepingMarks(html);
    const visit = (node: ParentNode): void => {
      for (const child of node.childNodes) {
        if (!('tagName' in child)) continue;
        const element = child as Element;
        const classes = element.attrs.find((a) => a.name === 'class')?.value.split(/\s+/) ?? [];
        const after = element.attrs.some((a) => a.name === WITH_PREVIOUS);
        // Taken off every element: it is this pass's mark, never the deck's.
        if (after) element.attrs = element.attrs.filter((a) => a.name !== WITH_PREVIOUS);
        stepOutAt(element);
        if (classes.includes('fragment')) {
          if (!named) {
            // The first fragment of a slide has no click before it: a `v-after` there is the first click.
            const at = after && place > 0 ? place - 1 : place++;
            element.attrs.push({ name: 'data-fragment-index', value: String(at) });
          }
        }
        visit(element.nodeName === 'template' ? (element as unknown as { content: ParentNode }).content : element);
      }
    };
    visit(fragment);
    return serialize();
  });
}

/** Elements that hold no content: a ranged click on one (a picture) is wrapped, not filled. */
const VOID_ELEMENTS = new Set(['img', 'input', 'br', 'hr', 'wbr']);

/**
 * A ranged click's element (its HIDE_AT mark) steps out at that place: its content goes in a span that is a fragment
 * of reveal's fade-out kind, since one element is one fragment (a picture, which holds no content, goes in the span
 * itself). The mark is taken off in any case.
 */
function stepOutAt(element: Element): void {
  const until = element.attrs.find((a) => a.name === HIDE_AT)?.value;
  if (until === undefined) return;
  element.attrs = element.attrs.filter((a) => a.name !== HIDE_AT);
  if (!/^\d{1,3}$/.test(until)) return;
  const span = { nodeName: 'span', tagName: 'span', attrs: [{ name: 'class', value: 'fragment fade-out' }, { name: 'data-fragment-index', value: until }], namespaceURI: element.namespaceURI, childNodes: [] as ParentNode['childNodes'] } as unknown as Element;
  const adopt = (holder: ParentNode, children: ParentNode['childNodes']) => {
    span.childNodes = children;
    for (const child of children) (child as { parentNode: unknown }).parentNode = span;
    (span as { parentNode: unknown }).parentNode = holder;
  };
  if (VOID_ELEMENTS.has(element.nodeName)) {
    const parent = element.parentNode as ParentNode;
    const at = parent.childNodes.indexOf(element);
    adopt(parent, [element]);
    parent.childNodes[at] = span;
    return;
  }
  const holder = element.nodeName === 'template' ? (element as unknown as { content: ParentNode }).content : element;
  adopt(holder, holder.childNodes);
  holder.childNodes = [span];
}
