// remark's layout slides (`layout: true`) and named templates (`template: name`): the slides drawn on them, as remark
// draws them, before the deck is read line by line (remark.ts).
import { createFenceReader } from '../read-fences.js';
import { suggestClosest } from '../../did-you-mean.js';
import { appendAll } from '../../append-all.js';

/** The properties remark reads at a slide's start. */
export const PROPERTY = /^(class|name|layout|template|count|exclude|background-image|background-color|background-size|background-position|background-repeat|seal):[ \t]*(.*?)[ \t]*$/;

/** A line of a deck's text, with the line of its file it stands on. */
interface PlacedLine {
  text: string;
  number: number;
}

/** A slide's property line, read. */
interface Property {
  line: PlacedLine;
  key: string;
  value: string;
}

/** A slide others are drawn on: a layout, or a named slide a template names; its properties and its content (without notes). */
interface BaseSlide {
  properties: Property[];
  content: PlacedLine[];
  size: number;
}

/** What a deck's layouts and templates came to: its text as remark draws it, each line's file line, and what could not be drawn. */
export interface ExpandedRemark {
  text: string;
  lineNumbers: number[];
  /** The line of the first slide past which a layout was no longer copied (the deck would have grown too long). */
  stoppedAt?: number;
  /** Slides whose `template:` names no slide before them: each one's line and the name. */
  missing: { line: number; name: string }[];
  /** The names the deck's slides have (`name:`), for a did-you-mean. */
  names: string[];
}

/**
 * remark's layout slides (`layout: true`) and named templates (`template: name`, naming a slide with `name: name`):
 * the slides after a layout are drawn on it until another layout, or a slide with `layout: false`, and a slide on a
 * template is drawn on that slide, as remark draws them. Each gets its base's properties it does not set itself
 * (classes added up, the base's first), then the base's content (before its notes) with its own content in the
 * base's `{{content}}` line, or after the base's content when it has none. A template wins over a layout, and a named
 * slide drawn on a template is itself drawn that way when another names it. Every line keeps the line of the file it
 * was written on, so a message about a base's content points at the base. Null when the deck has neither.
 */
export function expandRemarkLayouts(text: string, lineOf: (index: number) => number): ExpandedRemark | null {
  if (!/^(?:layout:[ \t]*true|template:[ \t]*\S.*)[ \t]*$/m.test(text)) return null;
  // A base is copied under every slide drawn on it: a large one under thousands of slides would multiply the deck.
  // Past four times the text's own length, the slides after are left as written (`stoppedAt`, the line of the first).
  let room = 4 * text.length;
  let stoppedAt: number | undefined;
  const missing: ExpandedRemark['missing'] = [];
  // Cut into slides at `---` outside code, each slide after the first opening with its separator.
  const fences = createFenceReader();
  const slides: PlacedLine[][] = [[]];
  text.split('\n').forEach((line, index) => {
    const placed = { text: line, number: lineOf(index) };
    if (!fences.read(line) && /^---[ \t]*$/.test(line)) slides.push([placed]);
    else slides.at(-1)!.push(placed);
  });
  let layout: BaseSlide | undefined;
  const named = new Map<string, BaseSlide>();
  const out: PlacedLine[] = [];
  for (const written of slides) {
    let slide = written;
    let { start, end, properties } = readSlideStart(slide);
    const value = (key: string) => properties.find((p) => p.key === key)?.value;
    if (value('layout') === 'true') {
      layout = readBase(slide, end, properties);
      appendAll(out, slide);
      continue;
    }
    if (value('layout') === 'false') layout = undefined;
    const templateName = value('template');
    const template = templateName === undefined ? undefined : named.get(templateName);
    if (templateName !== undefined && !template) missing.push({ line: properties.find((p) => p.key === 'template')!.line.number, name: templateName });
    const base = templateName !== undefined ? template : layout;
    if (base && stoppedAt === undefined && base.size > room) stoppedAt = slide[0]!.number;
    if (base && stoppedAt === undefined) {
      room -= base.size;
      slide = drawOn(base, slide, start, end, properties);
      ({ start, end, properties } = readSlideStart(slide));
    }
    // A named slide is a template for the slides after it, as drawn; shown itself, its `{{content}}` is its own, none.
    const name = properties.find((p) => p.key === 'name')?.value;
    if (name) named.set(name, readBase(slide, end, properties));
    appendAll(out, name ? slide.flatMap(withoutSlot) : slide);
  }
  return { text: out.map((p) => p.text).join('\n'), lineNumbers: out.map((p) => p.number), missing, names: [...named.keys()], ...(stoppedAt !== undefined ? { stoppedAt } : {}) };
}

/** How many slide names a missing template's did-you-mean looks among. */
const MAX_SUGGESTED_NAMES = 200;

/** Warns of what a deck's layouts and templates could not draw: a template that names no slide (with a did-you-mean), and a layout cut short. */
export function reportRemarkLayouts(expanded: ExpandedRemark, warn: (line: number, message: string, hint: string) => void): void {
  // A did-you-mean among the first names only: a deck of thousands of names and missing templates must not cost their product.
  const names = expanded.names.slice(0, MAX_SUGGESTED_NAMES);
  for (const m of expanded.missing) {
    const meant = suggestClosest(m.name, names);
    warn(m.line, `remark's template "${m.name}" names no slide before this one, so the slide is drawn without it`, meant ? `did you mean ${meant}?` : 'name the template slide with name: before the slides that use it');
  }
  if (expanded.stoppedAt !== undefined) {
    warn(expanded.stoppedAt, "remark's layout is drawn under no more slides from here: copied under each, it would have made the deck more than four times its length", 'make the layout slide shorter, or end it sooner with layout: false');
  }
}

/** Where a slide's properties stand (after its separator and any blank lines) and end, and the properties read. */
function readSlideStart(slide: PlacedLine[]): { start: number; end: number; properties: Property[] } {
  let end = /^---/.test(slide[0]?.text ?? '') ? 1 : 0;
  while (end < slide.length && slide[end]!.text.trim() === '') end++;
  const start = end;
  const properties: Property[] = [];
  for (let read; end < slide.length && (read = PROPERTY.exec(slide[end]!.text)); end++) properties.push({ line: slide[end]!, key: read[1]!, value: read[2]! });
  return { start, end, properties };
}

/** A slide as a base for others: the properties they take from it (not whether it is a layout, its name or its template) and its content before its notes. */
function readBase(slide: PlacedLine[], end: number, properties: Property[]): BaseSlide {
  const notes = slide.findIndex((p, i) => i >= end && /^\?\?\?[ \t]*$/.test(p.text));
  const content = slide.slice(end, notes === -1 ? undefined : notes);
  return { properties: properties.filter((p) => !['layout', 'name', 'template', 'exclude'].includes(p.key)), content, size: content.reduce((n, p) => n + p.text.length + 1, 0) };
}

/** A slide drawn on a base: its own properties (classes added to the base's), the base's others, then the base's content with the slide's in its slot. */
function drawOn(base: BaseSlide, slide: PlacedLine[], start: number, end: number, properties: Property[]): PlacedLine[] {
  const value = (key: string) => properties.find((p) => p.key === key)?.value;
  // Its own properties win, but classes add up, the base's first, as remark merges them.
  const baseClass = base.properties.find((p) => p.key === 'class')?.value;
  const own = properties.map((p) => (p.key === 'class' && baseClass !== undefined ? { ...p.line, text: `class: ${baseClass}, ${p.value}` } : p.line));
  const inherited = base.properties.filter((p) => value(p.key) === undefined).map((p) => p.line);
  // The slide's content goes where the base first says {{content}}; the placeholder itself never shows.
  const slot = base.content.findIndex((p) => p.text.includes('{{content}}'));
  if (slot === -1) {
    // With no slot, remark puts the slide's content after the base's; a footer line of the base (`.footnote[…]`) is
    // still drawn at the slide's foot by remark's style sheet, so it goes after the slide's content, in reading order too.
    const footers = base.content.filter((p) => FOOTER_LINE.test(p.text));
    const rest = base.content.filter((p) => !FOOTER_LINE.test(p.text));
    // Before the slide's notes, if it has any: what follows `???` is notes.
    const notes = slide.findIndex((p, i) => i >= end && /^\?\?\?[ \t]*$/.test(p.text));
    const contentEnd = notes === -1 ? slide.length : notes;
    // After the slide's last build step (`--`), it ends that step: remark draws the layout on each step's slide.
    const stepped = slide.slice(end, contentEnd).some((p) => /^--[ \t]*$/.test(p.text));
    const after = footers.length > 0 ? [{ text: '', number: footers[0]!.number }, ...(stepped ? [{ text: '<!-- pause: end -->', number: footers[0]!.number }, { text: '', number: footers[0]!.number }] : []), ...footers] : [];
    return [...slide.slice(0, start), ...own, ...inherited, ...rest, ...slide.slice(end, contentEnd), ...after, ...slide.slice(contentEnd)];
  }
  const drawn = base.content.flatMap(withoutSlot);
  const at = base.content.slice(0, slot + 1).flatMap(withoutSlot).length;
  return [...slide.slice(0, start), ...own, ...inherited, ...drawn.slice(0, at), ...slide.slice(end), ...drawn.slice(at)];
}

/** A layout's line that remark's style sheet places at the slide's foot: a `.footnote[…]` alone on its line. */
const FOOTER_LINE = /^[ \t]*\.footnote\[.*\][ \t]*$/;

/** A line of a layout without its `{{content}}` placeholders: nothing when one stood alone on it. */
function withoutSlot(line: PlacedLine): PlacedLine[] {
  if (!line.text.includes('{{content}}')) return [line];
  const rest = line.text.replaceAll('{{content}}', '');
  return rest.trim() === '' ? [] : [{ ...line, text: rest }];
}
