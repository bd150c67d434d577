// Slidev's clicks, placed as Slidev places them. reveal shows fragments one step each, in the order they stand,
// unless they name their place (`data-fragment-index`), and puts those that do not after all those that do; two
// fragments with the same place step in together. Slidev places a numbered click (`v-click="3"`) at its number, and
// every other one after the last it placed in order: a `v-click` one click after it, a `v-after` with it, a relative
// `v-click="'+2'"` two after it. So once a slide is whole, each of its fragments is given the place Slidev gives it.
// The same pass lets a ranged click (`v-click="[2, 4]"`) step out again at its second click, since one element is one
// fragment.
import type * as parse5 from 'parse5';
import { parseFragmentKeepingMarks } from '../html-fragment.js';

/** The attribute the sanitizer leaves on a `v-after` fragment, for this pass to read and take off. */
export const WITH_PREVIOUS = 'data-with-previous';

/** The attribute the sanitizer leaves on a ranged click's fragment (`v-click="[2, 4]"`): the place at which it steps out again. */
export const HIDE_AT = 'data-hide-at';

/** The attribute the sanitizer leaves on any other click's fragment: how many clicks after the last one placed in order it steps in. */
export const CLICK_STEP = 'data-click-step';

/** The attributes a `<v-switch>` template's step carries (build-steps.ts): its click, counted from where the switch stands; the switch's first template; the click a range ends at. */
export const SWITCH_STEP = 'data-switch-step';
export const SWITCH_START = 'data-switch-start';
export const SWITCH_END = 'data-switch-end';

/** The marks that ask a slide for this pass, and those it takes off every element (HIDE_AT goes in stepOutAt). */
const MARKS = [WITH_PREVIOUS, HIDE_AT, CLICK_STEP, SWITCH_STEP];
const PASS_ONLY = new Set([WITH_PREVIOUS, CLICK_STEP, SWITCH_STEP, SWITCH_START, SWITCH_END]);

type Element = parse5.DefaultTreeAdapterMap['element'];
type ParentNode = parse5.DefaultTreeAdapterMap['parentNode'];

/**
 * Gives a slide's fragments their places (the slide's HTML in the order it stands: what spans the columns above them,
 * the columns, what spans them below), as Slidev gives them: a numbered one keeps its number, and each other one is
 * placed after the last one placed in order, by its step (a `v-after` 0, a relative click its value, any other 1).
 * A fragment placed before the first click is shown from the start, as in Slidev. A `<v-switch>` is placed as one
 * click after the last one placed in order, and its templates' clicks count from there; the clicks after it come
 * after its last. On a slide with no numbered click or switch, places count from 0, as reveal's own do. A slide that
 * none of Slidev's marks and, in a deck written for Slidev (`slidev`), no numbered click asks it of is left in
 * reveal's own order, which is then Slidev's.
 */
export function placeAfterClicks(parts: string[], slidev: boolean): string[] {
  const numbered = parts.some((html) => html.includes('data-fragment-index') || html.includes(SWITCH_STEP));
  if (!parts.some((html) => MARKS.some((mark) => html.includes(mark))) && !(slidev && numbered)) return parts;
  /** The click of the last fragment placed in order, as Slidev counts them (from 1). */
  let last = 0;
  /** The click before the current `<v-switch>`'s first, from which its templates' clicks count. */
  let switchBase = 0;
  return parts.map((html) => {
    if (!html.includes('fragment') && !MARKS.some((mark) => html.includes(mark))) return html;
    const { fragment, serialize } = parseFragmentKeepingMarks(html);
    const visit = (node: ParentNode): void => {
      for (const child of node.childNodes) {
        if (!('tagName' in child)) continue;
        const element = child as Element;
        const attribute = (name: string) => element.attrs.find((a) => a.name === name)?.value;
        const classes = attribute('class')?.split(/\s+/) ?? [];
        const step = attribute(WITH_PREVIOUS) !== undefined ? 0 : Number(attribute(CLICK_STEP) ?? 1);
        const switchStep = attribute(SWITCH_STEP);
        if (switchStep !== undefined) {
          if (attribute(SWITCH_START) !== undefined) switchBase = last;
          // The switch takes its clicks up to its last template's (or the end of a range), as Slidev sizes it.
          const end = attribute(SWITCH_END);
          last = Math.max(last, switchBase + (end !== undefined ? Number(end) - 1 : Number(switchStep)));
          element.attrs.push({ name: 'data-fragment-index', value: String(switchBase + Number(switchStep)) });
        }
        // Taken off every element: they are this pass's marks, never the deck's.
        element.attrs = element.attrs.filter((a) => !PASS_ONLY.has(a.name));
        stepOutAt(element);
        if (classes.includes('fragment') && switchStep === undefined && attribute('data-fragment-index') === undefined) {
          last += step;
          if (last < 1 && !classes.includes('fade-out')) {
            // Placed before the first click: Slidev shows it from the start.
            const kept = classes.filter((c) => c !== 'fragment');
            element.attrs = element.attrs.filter((a) => a.name !== 'class');
            if (kept.length > 0) element.attrs.unshift({ name: 'class', value: kept.join(' ') });
          } else element.attrs.push({ name: 'data-fragment-index', value: String(Math.max(0, numbered ? last : last - 1)) });
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
