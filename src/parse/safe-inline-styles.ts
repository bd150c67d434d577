// The inline styles an author's HTML keeps (`<p style="text-align:center">`, Marp's and Slidev's `<div style="display:flex;gap:1em">`,
// `<img style="width:40%">`): the look of the element's own text and box. Never a place over the slide (no position,
// z-index or transform, which could cover the deck's classification banner or footer), never a negative margin that
// slides it there, and nothing that loads (no url()). Each value is held to a pattern; a declaration that fails its
// pattern goes, and the rest of the style stays (sanitize-fragment.ts hands these to the sanitizer).

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A CSS length: a number and a unit, or 0; never negative. */
const LENGTH = String.raw`(?:0|\d{1,4}(?:\.\d{1,3})?(?:px|em|rem|%|pt|vw|vh|ch|ex))`;
const length = new RegExp(`^${LENGTH}$`);
/** One to `count` lengths, as `margin` and `padding` take them; `auto` among them where `auto` is true. */
const lengths = (count: number, auto = false) => {
  const one = auto ? `(?:${LENGTH}|auto)` : LENGTH;
  return new RegExp(`^${one}(?:\\s+${one}){0,${count - 1}}$`);
};
const keywords = (...words: string[]) => new RegExp(`^(?:${words.join('|')})$`);
/** A colour: hex, rgb()/hsl() of numbers, or a name. */
const COLOUR_VALUE = String.raw`#[0-9a-f]{3,8}|(?:rgb|hsl)a?\(\s*\d{1,3}(?:\.\d{1,3})?%?(?:\s*[,\s]\s*\d{1,3}(?:\.\d{1,3})?%?){2}(?:\s*[,/]\s*(?:0|1|0?\.\d{1,3}|\d{1,3}%))?\s*\)|[a-z]{3,20}`;
const COLOUR = new RegExp(`^(?:${COLOUR_VALUE})$`, 'i');
/** A text shadow's offset or blur: small, so its copy of the text stays by the text (under 100 px, or 10 em). */
const SHADOW_LENGTH = String.raw`-?(?:0|\d{1,2}(?:\.\d{1,3})?px|\d(?:\.\d{1,3})?r?em)`;
const SHADOW = String.raw`(?:(?:${COLOUR_VALUE})\s+)?${SHADOW_LENGTH}\s+${SHADOW_LENGTH}(?:\s+${SHADOW_LENGTH})?(?:\s+(?:${COLOUR_VALUE}))?`;
/** `text-shadow`: none, or up to three shadows, each a colour and two or three small lengths. */
const TEXT_SHADOW = new RegExp(`^(?:none|${SHADOW}(?:\\s*,\\s*${SHADOW}){0,2})$`, 'i');
const SIZE = [length, keywords('auto', 'fit-content', 'max-content', 'min-content')];
const ALIGN = keywords('flex-start', 'flex-end', 'start', 'end', 'center', 'stretch', 'baseline', 'space-between', 'space-around', 'space-evenly', 'left', 'right', 'normal');

/** Each property an inline style may set, with the patterns its value must match. */
export const SAFE_INLINE_STYLES: Readonly<Record<string, RegExp[]>> = {
  color: [COLOUR],
  'background-color': [COLOUR],
  // The shorthand, of a colour alone: nothing that loads.
  background: [COLOUR],
  'text-align': [keywords('left', 'right', 'center', 'justify', 'start', 'end')],
  'font-size': [length, keywords('xx-small', 'x-small', 'small', 'medium', 'large', 'x-large', 'xx-large', 'smaller', 'larger')],
  'font-weight': [keywords('normal', 'bold', 'bolder', 'lighter', '[1-9]00')],
  'font-style': [keywords('normal', 'italic', 'oblique')],
  'text-decoration': [keywords('none', 'underline', 'line-through', 'overline')],
  'text-transform': [keywords('none', 'uppercase', 'lowercase', 'capitalize')],
  'text-shadow': [TEXT_SHADOW],
  'line-height': [/^\d{1,2}(?:\.\d{1,3})?$/, length, keywords('normal')],
  'letter-spacing': [length, keywords('normal')],
  'vertical-align': [keywords('baseline', 'top', 'middle', 'bottom', 'text-top', 'text-bottom', 'sub', 'super')],
  'white-space': [keywords('normal', 'nowrap', 'pre', 'pre-wrap', 'pre-line')],
  ...Object.fromEntries(['width', 'height', 'max-width', 'max-height', 'min-width', 'min-height', 'flex-basis'].map((p) => [p, SIZE])),
  margin: [lengths(4, true)],
  ...Object.fromEntries(['top', 'right', 'bottom', 'left'].map((side) => [`margin-${side}`, [lengths(1, true)]])),
  padding: [lengths(4)],
  ...Object.fromEntries(['top', 'right', 'bottom', 'left'].map((side) => [`padding-${side}`, [length]])),
  display: [keywords('block', 'inline', 'inline-block', 'flex', 'inline-flex', 'grid', 'none')],
  'flex-direction': [keywords('row', 'column', 'row-reverse', 'column-reverse')],
  'flex-wrap': [keywords('wrap', 'nowrap')],
  flex: [/^\d{1,2}(?:\s+\d{1,2})?(?:\s+(?:0|\d{1,4}(?:\.\d{1,3})?(?:px|em|rem|%)|auto))?$/, keywords('auto', 'none')],
  'flex-grow': [/^\d{1,2}$/],
  'flex-shrink': [/^\d{1,2}$/],
  gap: [lengths(2)],
  'column-gap': [length],
  'row-gap': [length],
  'justify-content': [ALIGN],
  'align-items': [ALIGN],
  'align-self': [ALIGN],
  'align-content': [ALIGN],
  // Tracks in fractions, lengths or `auto`, and repeats of one (`repeat(3, 1fr) 1.5fr 1fr`, as Slidev's starter deck lays out its boxes).
  'grid-template-columns': [/^(?:(?:repeat\(\s*[1-8]\s*,\s*(?:\d{1,2}(?:\.\d{1,2})?fr|auto|minmax\(0,\s*1fr\))\s*\)|\d{1,2}(?:\.\d{1,2})?fr|auto|0|\d{1,4}(?:px|em|%))(?:\s+|$)){1,8}$/],
  opacity: [/^(?:0|1|0?\.\d{1,3}|\d{1,3}%)$/],
  'border-radius': [lengths(4)],
  'object-fit': [keywords('contain', 'cover', 'fill', 'none', 'scale-down')],
  float: [keywords('left', 'right', 'none')],
  'list-style-type': [keywords('none', 'disc', 'circle', 'square', 'decimal', 'lower-alpha', 'upper-alpha', 'lower-roman', 'upper-roman')],
};

/** The declarations of an inline style (Pandoc's `style=` attribute) that an author's HTML may keep, as a style, and those it may not, as written. */
export function keepSafeDeclarations(style: string): { kept: string; dropped: string[] } {
  if (style.trim() === '') return { kept: '', dropped: [] };
  const postcss = require('postcss') as typeof import('postcss');
  const kept: string[] = [];
  const dropped: string[] = [];
  let root;
  try {
    root = postcss.parse(style);
  } catch {
    return { kept: '', dropped: [style.trim()] };
  }
  for (const node of root.nodes) {
    if (node.type !== 'decl') continue;
    const prop = node.prop.toLowerCase();
    const value = node.value.trim();
    const patterns = Object.hasOwn(SAFE_INLINE_STYLES, prop) ? SAFE_INLINE_STYLES[prop]! : [];
    (patterns.some((pattern) => pattern.test(value)) ? kept : dropped).push(`${prop}: ${value}`);
  }
  return { kept: kept.join('; '), dropped };
}
