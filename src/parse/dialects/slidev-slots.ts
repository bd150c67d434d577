// How Slidev's slots are read: the markers of a two-column layout (`::right::`, `::left::`, `::default::`, and
// Vue's `<template v-slot:right>` … `</template>` they stand for) become briefdeck's column markers, and a slide
// that fills its slots out of order (`::right::` before `::default::`, as Slidev's guide shows) has them put in place:
// Slidev places a slot's content by its name, not by where it stands in the file.
import { suggestClosest } from '../../did-you-mean.js';
import type { Line } from '../source-lines.js';
import type { RawSlide } from '../raw-slide.js';

/**
 * The slots of Slidev's two-column layouts, in the order their content is shown: the default one (a header above both
 * columns when there is a left one), the left column, the right, and the bottom that themes add below both columns.
 */
export type SlotName = 'default' | 'left' | 'right' | 'bottom';

const SLOT_ORDER: readonly SlotName[] = ['default', 'left', 'right', 'bottom'];

/** What each slot marker becomes: the left column opens after the header, the right one after the left, and the bottom ends the columns. */
const MARKER_TEXT: Record<SlotName, string> = { default: '', left: '<!-- column-start -->', right: '<!-- column -->', bottom: '<!-- column-end -->' };

/**
 * Slidev's slot markers in a two-column layout: `::right::` starts the second column, and `::left::` the first,
 * so that what stands before it (the header of `two-cols-header`) spans both columns above them.
 */
export function rewriteSlot(line: string): { text: string; slot?: SlotName; warning?: string } | null {
  // As Slidev reads them: spaces inside the colons (`:: right ::`, as the neversink theme writes them), dots and colons in a name.
  const slot = /^[ \t]*::[ \t]*([\w.:-]+?)[ \t]*::[ \t]*$/.exec(line);
  if (!slot) return null;
  const name = slot[1]!;
  if (SLOT_ORDER.includes(name as SlotName)) return { text: MARKER_TEXT[name as SlotName], slot: name as SlotName };
  // The neversink theme's `::title::` and `::content::` (its title and body, in that order): what follows them is read where it stands.
  if (name === 'title' || name === 'content') return { text: '' };
  // A slot no built-in layout has (a theme's own, or a typo): Slidev shows its content only where a layout names it.
  const meant = suggestClosest(name, [...SLOT_ORDER], { byPrefix: false });
  return { text: '', warning: `Slidev's slot ::${name}:: is not one of its two-column layouts' (left, right, default, bottom)${meant ? `; did you mean ::${meant}::?` : ''}; what follows it stays where it stands` };
}

/** The templates open on a Slidev slide, innermost last: `slot` for one that fills a layout's slot, `other` for any other (a `<v-switch>` step). */
export type OpenTemplates = ('slot' | 'other')[];

/**
 * A Vue template's opening tag, read for the slot it fills: `<template v-slot:right>` (or `#right`) reads as
 * `::right::`. `name` is undefined for a template that fills no layout slot (a `<v-switch>` step), and the result
 * null for any template but an open slot one, whose tags the caller drops as before.
 */
export function readSlotTemplate(name: string | undefined, closedOnLine: boolean, open: OpenTemplates): string | null {
  const slot = name !== undefined && SLOT_ORDER.includes(name as SlotName);
  if (closedOnLine) return null;
  open.push(slot ? 'slot' : 'other');
  return slot ? `::${name}::` : null;
}

/** A template's closing tag: `::default::` when it ends a slot's template, since what follows fills the default slot again; else null. */
export function closeSlotTemplate(open: OpenTemplates): string | null {
  return open.pop() === 'slot' ? '::default::' : null;
}

/**
 * A slide's lines with its slots' content in the order the layout shows them: the default slot's, then the left
 * column's, then the right's. A slide whose slots already stand in that order is returned as it is. When the slide's
 * title was a heading in a slot moved after another, it goes back into its column, as a heading, and the slide is
 * untitled: Slidev's two-column layouts have no title of their own.
 */
function orderSlots(body: Line[], title: { text: string | null; level?: number; line: number }): { body: Line[]; titleReturned: boolean } {
  // Every slide of every deck comes here, and almost none has a slot.
  if (!body.some((line) => line.slot !== undefined)) return { body, titleReturned: false };
  const order = body.flatMap((line) => (line.slot ? [SLOT_ORDER.indexOf(line.slot)] : []));
  if (!order.some((rank) => rank > 0) || order.every((rank, i) => i === 0 || rank > order[i - 1]!)) return { body, titleReturned: false };
  // Only a two-column layout places slots; on any other, its columns run on as one (with a warning), in the order written.
  if (!body.some((line) => TWO_COLUMN_LAYOUT.test(line.text))) return { body, titleReturned: false };
  const parts: Record<SlotName, Line[]> = { default: [], left: [], right: [], bottom: [] };
  const first: Partial<Record<SlotName, Line>> = {};
  let into: SlotName = 'default';
  for (const line of body) {
    if (line.slot) {
      into = line.slot;
      first[into] ??= line;
    } else parts[into].push(line);
  }
  // A title read from a heading in a slot that now follows another slot's content would stand above that content.
  const titleIn = slotHolding(body, title.line);
  const titleReturned = title.text !== null && SLOT_ORDER.slice(0, SLOT_ORDER.indexOf(titleIn)).some((name) => parts[name].some((line) => line.text.trim() !== ''));
  if (titleReturned) {
    const heading: Line = { text: `${'#'.repeat(title.level ?? 1)} ${title.text}`, number: title.line };
    const at = parts[titleIn].findIndex((line) => line.number > title.line);
    parts[titleIn].splice(at === -1 ? parts[titleIn].length : at, 0, heading, { text: '', number: title.line });
  }
  const ordered: Line[] = [...parts.default];
  for (const name of ['left', 'right', 'bottom'] as const) {
    const marker = first[name];
    if (!marker) continue;
    // Blank lines around the marker, so that it is a block of its own wherever its slot's content now ends and starts.
    ordered.push({ text: '', number: marker.number }, { ...marker, text: MARKER_TEXT[name], slot: name }, { text: '', number: marker.number }, ...parts[name]);
  }
  return { body: ordered, titleReturned };
}

/**
 * Puts a cut slide's slots in place (orderSlots), once its layout is among its lines; untitled when its title went back
 * into a column. A slide with a left or right slot and no layout of its own is a two-column one: its slots are a
 * component's (`<Col2><template #left>…`, an idiom of Slidev decks for columns on a default slide), or meant for one.
 */
export function placeSlots(slide: RawSlide): void {
  if (!slide.body.some((line) => line.slot === 'left' || line.slot === 'right')) return;
  if (!slide.body.some((line) => ANY_LAYOUT.test(line.text))) slide.body.unshift({ text: '<!-- layout: two-column -->', number: slide.line });
  const placed = orderSlots(slide.body, { text: slide.title, line: slide.line, ...(slide.titleLevel ? { level: slide.titleLevel } : {}) });
  slide.body = placed.body;
  if (placed.titleReturned) slide.title = null;
}

/** A layout directive among the slide's lines, whichever layout it names. */
const ANY_LAYOUT = /^[ \t]*<!--[ \t]*layout[ \t]*:/;
/** The directive a two-column layout of Slidev's becomes (slidev.ts), among the slide's lines. */
const TWO_COLUMN_LAYOUT = /^[ \t]*<!--[ \t]*layout[ \t]*:[ \t]*two-column[ \t]*-->[ \t]*$/;

/** The slot that holds the line at `number`: the one whose marker comes last before it. */
function slotHolding(body: Line[], number: number): SlotName {
  let holding: SlotName = 'default';
  for (const line of body) {
    if (line.number > number) break;
    if (line.slot) holding = line.slot;
  }
  return holding;
}
