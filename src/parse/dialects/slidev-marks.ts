// Slidev's rough marks: `v-mark` on an element (`<span v-mark.circle.red>`, `v-mark="{ at: 5, color: '#234', type:
// 'circle' }"`) draws a hand-drawn underline, circle, box, highlight, strike or bracket over it with Rough Notation,
// at a click as `v-click` steps in (modules/v-mark.ts in Slidev's client). Here the mark is drawn with CSS (an
// underline, an outline, a tinted background, a gradient cross), not by hand, and steps in as a reveal fragment of
// the `custom` kind, which leaves the element and its text in sight and only marks it once it is visible.

import { CLICK_STEP } from './slidev-after.js';

/** A mark attribute with its modifiers (`v-mark`, `v-mark.circle.red`, `v-mark.op50`). */
const MARK_ATTRIBUTE = /^v-mark(?:\.[\w-]+)*$/i;

/** The marks Slidev draws, by every name its modifiers and `type:` give them. */
const MARK_TYPES: Readonly<Record<string, string>> = {
  box: 'box', circle: 'circle', underline: 'underline', highlight: 'highlight', 'strike-through': 'strike-through', 'crossed-off': 'crossed-off', bracket: 'bracket',
  strike: 'strike-through', cross: 'crossed-off', crossed: 'crossed-off', linethrough: 'strike-through', 'line-through': 'strike-through',
};

/** The colours Slidev's modifiers name (`v-mark.red`), each UnoCSS's colour of that name (uno-utilities.ts writes the rule). */
const MARK_COLOURS = new Set(['black', 'blue', 'cyan', 'gray', 'green', 'indigo', 'lime', 'orange', 'pink', 'purple', 'red', 'teal', 'white', 'yellow']);

/** A class of a mark's colour, as uno-utilities.ts writes a rule for: `mark-red`, or a hex `mark-[#234]`. */
export const MARK_COLOUR_CLASS = /^mark-(?:black|blue|cyan|gray|green|indigo|lime|orange|pink|purple|red|teal|white|yellow|\[#[0-9a-fA-F]{3,8}\])$/;

/** Every class a mark gives its element: its kind, its colour, and the fragment kind that keeps its text in sight. */
export const MARK_CLASS = /^(?:bd-mark(?:-(?:box|circle|underline|highlight|strike-through|crossed-off|bracket))?|custom)$/;

/** Where a mark's click puts it: at a numbered click, a number of clicks after the last placed in order, or (no click) always drawn. */
export type MarkClick = { always: true } | { index?: string; step?: number };

/** Whether an attribute is Slidev's `v-mark`. */
export function isMarkAttribute(name: string): boolean {
  return MARK_ATTRIBUTE.test(name);
}

/**
 * The classes an element's `v-mark` gives it (its kind, underline by default, and its colour) and the click it is
 * drawn at; null for an element without one, or a mark never drawn (`v-mark="false"`). A range (`[2, 4]`) is drawn
 * from its first click and stays, since a fragment that steps out would take the text with it.
 */
export function readSlidevMark(attribs: Readonly<Record<string, string>>): { classes: string[]; click: MarkClick } | null {
  const found = Object.entries(attribs).find(([name]) => isMarkAttribute(name));
  if (!found) return null;
  const modifiers = found[0].toLowerCase().split('.').slice(1);
  const value = found[1].trim();
  const options = value.startsWith('{') ? readMarkOptions(value) : { at: value };
  const type = MARK_TYPES[options.type ?? ''] ?? modifiers.map((m) => MARK_TYPES[m]).find(Boolean) ?? 'underline';
  const colour = readMarkColour(options.color) ?? modifiers.find((m) => MARK_COLOURS.has(m));
  const click = readMarkClick(options.at ?? '');
  if (click === null) return null;
  return { classes: ['bd-mark', `bd-mark-${type}`, ...(colour ? [colour.startsWith('#') ? `mark-[${colour}]` : `mark-${colour}`] : [])], click };
}

/** The options of a mark written as an object (`{ at: 5, color: '#234', type: 'circle' }`), each read as a literal; what else it holds is not a mark's. */
function readMarkOptions(object: string): { at?: string; color?: string; type?: string } {
  const literal = (key: string) => new RegExp(`[{,]\\s*['"]?${key}['"]?\\s*:\\s*(?:(['"])([^'"]*)\\1|(\\[[^\\]]*\\]|[^,}\\s]+))`).exec(object);
  const at = literal('at');
  const color = literal('color');
  const type = literal('type');
  return {
    ...(at ? { at: at[3] ?? `'${at[2]}'` } : {}),
    ...(color ? { color: color[2] ?? color[3] } : {}),
    ...(type ? { type: (type[2] ?? type[3])!.toLowerCase() } : {}),
  };
}

/** A mark's colour as a class names it: one of Slidev's colour names, or a hex; undefined for any other (a CSS function, a variable). */
function readMarkColour(colour: string | undefined): string | undefined {
  const written = colour?.trim().toLowerCase();
  if (written === undefined) return undefined;
  return MARK_COLOURS.has(written) || /^#[0-9a-f]{3,8}$/.test(written) ? written : undefined;
}

/** The click a mark's value names, as v-click reads one; null for `false`, a mark never drawn. */
function readMarkClick(at: string): MarkClick | null {
  if (at === 'true') return { always: true };
  if (at === 'false') return null;
  const index = /^(\d{1,3})$/.exec(at)?.[1] ?? /^\[\s*(\d{1,3})\s*,/.exec(at)?.[1];
  if (index !== undefined) return { index };
  const step = /^(['"]?)([+-]\d{1,3})\1$/.exec(at);
  return step ? { step: Number(step[2]) } : {};
}

/**
 * What a mark makes of its element: its classes (a fragment that keeps the text in sight, unless the element steps in
 * already, `stepped`, or the mark is always drawn) and the attributes of its click's place.
 */
export function markElement(mark: { classes: string[]; click: MarkClick }, stepped: boolean): { classes: string[]; attributes: Record<string, string> } {
  const click = stepped || 'always' in mark.click ? undefined : mark.click;
  const attributes: Record<string, string> = click?.index !== undefined ? { 'data-fragment-index': click.index } : click?.step !== undefined && click.step !== 1 ? { [CLICK_STEP]: String(click.step) } : {};
  return { classes: [...mark.classes, ...(click ? ['fragment', 'custom'] : [])], attributes };
}

/** Text marked (an MDC span's `[word]{v-mark}`): a span of the mark's classes and click (markElement). */
export function writeMarkedSpan(mark: { classes: string[]; click: MarkClick }, inner: string, stepped: boolean): string {
  const { classes, attributes } = markElement(mark, stepped);
  return `<span class="${classes.join(' ')}"${Object.entries(attributes).map(([name, value]) => ` ${name}="${value}"`).join('')}>${inner}</span>`;
}

/**
 * The marks' look: drawn once the element is visible (a fragment stepped in, or no fragment), in its colour
 * (`--bd-mark-color`, set by its colour class) or the text's. Written into a Slidev deck's styles when a slide has one.
 */
export const MARK_CSS = [
  '.reveal .slides .bd-mark{--bd-mark-color:currentColor}',
  '.reveal .slides .bd-mark.fragment.custom{transition:none}',
  '.reveal .slides .bd-mark-underline:is(:not(.fragment),.visible){text-decoration:underline .1em var(--bd-mark-color);text-underline-offset:.2em;text-decoration-skip-ink:none}',
  '.reveal .slides .bd-mark-strike-through:is(:not(.fragment),.visible){text-decoration:line-through .1em var(--bd-mark-color);text-decoration-skip-ink:none}',
  '.reveal .slides .bd-mark-highlight:is(:not(.fragment),.visible){background-color:color-mix(in srgb,var(--bd-mark-color) 35%,transparent)}',
  '.reveal .slides :is(.bd-mark-box,.bd-mark-circle):is(:not(.fragment),.visible){outline:.08em solid var(--bd-mark-color);outline-offset:.15em}',
  '.reveal .slides .bd-mark-circle:is(:not(.fragment),.visible){border-radius:50%}',
  '.reveal .slides .bd-mark-crossed-off:is(:not(.fragment),.visible){background-image:linear-gradient(to top right,transparent calc(50% - .06em),var(--bd-mark-color) calc(50% - .06em) calc(50% + .06em),transparent calc(50% + .06em)),linear-gradient(to bottom right,transparent calc(50% - .06em),var(--bd-mark-color) calc(50% - .06em) calc(50% + .06em),transparent calc(50% + .06em))}',
  '.reveal .slides .bd-mark-bracket:is(:not(.fragment),.visible){box-shadow:.12em 0 0 -.04em var(--bd-mark-color)}',
].join('\n') + '\n';
