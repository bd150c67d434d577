// Slidev's utility classes (UnoCSS, in Tailwind's names) that set type, colour, spacing, opacity and flex layout: the
// ones a deck writes most (`<div class="text-center text-xl text-gray-500 opacity-75">`), each a rule of the deck's own
// styles, written for the classes the deck uses. The sanitizer keeps exactly these names (sanitize-fragment.ts); any
// other class goes as it did. Type sizes are in em, so they stand to the deck's type as Slidev's do to its; lengths
// (margins, paddings, widths) are Slidev's rem, 16px of its 980px-wide canvas, at the deck's own width; colours
// are UnoCSS's own palette (its preset's colour table), `text-red-500`, `bg-blue-100/50` with an opacity.
import { colors } from '@unocss/preset-mini/colors';
import { SLIDE_SIZES, type Slide, type SlideSize } from '../../model.js';
import { MARK_COLOUR_CLASS, MARK_CSS } from './slidev-marks.js';

/** Font sizes, `text-xs` to `text-9xl`, in em of the text around. */
const TEXT_SIZES: Record<string, number> = { xs: 0.75, sm: 0.875, base: 1, lg: 1.125, xl: 1.25, '2xl': 1.5, '3xl': 1.875, '4xl': 2.25, '5xl': 3, '6xl': 3.75, '7xl': 4.5, '8xl': 6, '9xl': 8 };
const WEIGHTS: Record<string, number> = { thin: 100, extralight: 200, light: 300, normal: 400, medium: 500, semibold: 600, bold: 700, extrabold: 800, black: 900 };
const LEADINGS: Record<string, number> = { none: 1, tight: 1.25, snug: 1.375, normal: 1.5, relaxed: 1.625, loose: 2 };
/** Spacing properties by prefix: `m`, `mx`, `pt`, …; each step is a quarter em. */
const SPACING: Record<string, string[]> = {
  m: ['margin'], mx: ['margin-left', 'margin-right'], my: ['margin-top', 'margin-bottom'], mt: ['margin-top'], mr: ['margin-right'], mb: ['margin-bottom'], ml: ['margin-left'],
  p: ['padding'], px: ['padding-left', 'padding-right'], py: ['padding-top', 'padding-bottom'], pt: ['padding-top'], pr: ['padding-right'], pb: ['padding-bottom'], pl: ['padding-left'],
  gap: ['gap'],
};
/** Whole declarations, by class. */
const FIXED: Record<string, string> = {
  'text-left': 'text-align:left', 'text-center': 'text-align:center', 'text-right': 'text-align:right', 'text-justify': 'text-align:justify',
  italic: 'font-style:italic', 'not-italic': 'font-style:normal', underline: 'text-decoration:underline', 'line-through': 'text-decoration:line-through', 'no-underline': 'text-decoration:none',
  uppercase: 'text-transform:uppercase', lowercase: 'text-transform:lowercase', capitalize: 'text-transform:capitalize',
  block: 'display:block', 'inline-block': 'display:inline-block', hidden: 'display:none',
  flex: 'display:flex', 'inline-flex': 'display:inline-flex', grid: 'display:grid', 'flex-row': 'flex-direction:row', 'flex-col': 'flex-direction:column', 'flex-wrap': 'flex-wrap:wrap', 'flex-1': 'flex:1 1 0%', grow: 'flex-grow:1',
  'items-start': 'align-items:flex-start', 'items-center': 'align-items:center', 'items-end': 'align-items:flex-end', 'items-stretch': 'align-items:stretch',
  'justify-start': 'justify-content:flex-start', 'justify-center': 'justify-content:center', 'justify-end': 'justify-content:flex-end', 'justify-between': 'justify-content:space-between', 'justify-around': 'justify-content:space-around', 'justify-evenly': 'justify-content:space-evenly',
  'w-full': 'width:100%', 'h-full': 'height:100%', 'w-1/2': 'width:50%', 'w-1/3': 'width:33.333%', 'w-2/3': 'width:66.667%', 'w-1/4': 'width:25%', 'w-3/4': 'width:75%',
  border: 'border-width:1px;border-style:solid', rounded: 'border-radius:0.25em', 'rounded-md': 'border-radius:0.375em', 'rounded-lg': 'border-radius:0.5em', 'rounded-xl': 'border-radius:0.75em', 'rounded-full': 'border-radius:9999px',
  // Slidev's own shortcuts: a block at a corner of the slide.
  'abs-tl': 'position:absolute;top:0;left:0', 'abs-tr': 'position:absolute;top:0;right:0', 'abs-bl': 'position:absolute;bottom:0;left:0', 'abs-br': 'position:absolute;bottom:0;right:0',
  inline: 'display:inline', relative: 'position:relative', absolute: 'position:absolute', 'overflow-hidden': 'overflow:hidden', 'whitespace-nowrap': 'white-space:nowrap',
  'list-none': 'list-style-type:none', 'list-disc': 'list-style-type:disc', 'list-decimal': 'list-style-type:decimal',
  'font-mono': 'font-family:var(--r-code-font, monospace)', 'font-sans': 'font-family:var(--r-main-font, sans-serif)', 'font-serif': 'font-family:serif',
  'object-cover': 'object-fit:cover', 'object-contain': 'object-fit:contain',
  'tracking-tighter': 'letter-spacing:-0.05em', 'tracking-tight': 'letter-spacing:-0.025em', 'tracking-normal': 'letter-spacing:0', 'tracking-wide': 'letter-spacing:0.025em', 'tracking-wider': 'letter-spacing:0.05em', 'tracking-widest': 'letter-spacing:0.1em',
  shadow: 'box-shadow:0 1px 3px rgb(0 0 0 / 0.1)', 'shadow-md': 'box-shadow:0 4px 6px rgb(0 0 0 / 0.1)', 'shadow-lg': 'box-shadow:0 10px 15px rgb(0 0 0 / 0.1)', 'shadow-xl': 'box-shadow:0 20px 25px rgb(0 0 0 / 0.1)',
  'text-shadow': 'text-shadow:0 0 1px rgb(0 0 0 / 0.2), 0 0 1px rgb(1 0 5 / 0.1)', 'text-shadow-sm': 'text-shadow:1px 1px 3px rgb(36 37 47 / 0.25)', 'text-shadow-md': 'text-shadow:0 1px 2px rgb(30 29 39 / 0.19), 1px 2px 4px rgb(54 64 147 / 0.18)', 'text-shadow-lg': 'text-shadow:3px 3px 6px rgb(0 0 0 / 0.26), 0 0 5px rgb(15 3 86 / 0.22)',
};
/** Tailwind's widest widths, `max-w-xs` to `max-w-7xl`, in em. */
const MAX_WIDTHS: Record<string, number> = { xs: 20, sm: 24, md: 28, lg: 32, xl: 36, '2xl': 42, '3xl': 48, '4xl': 56, '5xl': 64, '6xl': 72, '7xl': 80 };
/** A border's sides by the letter its class names: `border-l-4`. */
const BORDER_SIDES: Record<string, string[]> = { '': [''], t: ['-top'], r: ['-right'], b: ['-bottom'], l: ['-left'], x: ['-left', '-right'], y: ['-top', '-bottom'] };

/** One track of an arbitrary grid (`grid-cols-[300px_1fr]`): a length, a fraction or auto, never anything that could fetch or escape the rule. */
const GRID_TRACK = '(?:\\d{1,4}(?:\\.\\d{1,2})?(?:px|fr|%|em|rem)|auto)';

/** UnoCSS's colours by the name a class gives them: `white`, `red` (its 400), `red-500`, … (its 50 to 950). */
const readPalette = (): ReadonlyMap<string, string> => new Map(
  Object.entries(colors as Record<string, string | Record<string, string>>)
    .filter(([hue]) => /^[a-z]+$/.test(hue))
    .flatMap(([hue, entry]) =>
      typeof entry === 'string' ? [[hue, entry] as const] : [[hue, entry.DEFAULT!] as const, ...Object.entries(entry).filter(([shade]) => /^(?:50|[1-9]00|950)$/.test(shade)).map(([shade, hex]) => [`${hue}-${shade}`, hex] as const)],
    )
    .filter(([, value]) => typeof value === 'string'),
);

/** What each colour utility sets: the text's colour, the background's, the border's. */
const COLOUR_PROPERTIES: Record<string, string> = { text: 'color', bg: 'background-color', border: 'border-color' };

/**
 * The palette and the pattern of every class this module writes a rule for, made on first use: a pattern of some 350
 * colour names costs milliseconds to make, which no deck without raw HTML or Slidev's utilities should pay at start-up.
 */
let made: { palette: ReadonlyMap<string, string>; pattern: RegExp } | undefined;
function makeUtilities(): { palette: ReadonlyMap<string, string>; pattern: RegExp } {
  if (made) return made;
  const palette = readPalette();
  const pattern = new RegExp(
    `^(?:${Object.keys(FIXED).map((c) => c.replace(/[/]/g, '\\/')).join('|')}|(?:text|bg|border)-(?:${[...palette.keys()].join('|')})(?:\\/(?:100|\\d{1,2}))?|text-(?:${Object.keys(TEXT_SIZES).join('|')})|(?:font|fw)-(?:${Object.keys(WEIGHTS).join('|')}|[1-9]00)|(?:font|text)-size-\\d{1,2}(?:\\.\\d{1,2})?|leading-(?:${Object.keys(LEADINGS).join('|')})|opacity-(?:100|\\d{1,2})|op-?(?:100|\\d{1,2})|(?:${Object.keys(SPACING).join('|')})-?\\d{1,2}(?:\\.5)?|m[xytrbl]?-auto|ma|w-\\d{1,3}|h-\\d{1,3}|text-\\d{1,2}(?:\\.\\d{1,2})?|max-w-(?:${Object.keys(MAX_WIDTHS).join('|')})|border-(?:[trblxy]-)?(?:0|1|2|4|8)|(?:text|bg|border)-\\[#[0-9a-fA-F]{3,8}\\](?:\\/(?:100|\\d{1,2}))?|space-[xy]-\\d{1,2}|grid-(?:cols|rows)-\\[${GRID_TRACK}(?:_${GRID_TRACK}){0,7}\\]|${MARK_COLOUR_CLASS.source.slice(1, -1)})$`,
  );
  return (made = { palette, pattern });
}

/**
 * The colour a text-colour utility gives (`text-red-500`, `text-[#457b9d]`), as a hex, without an opacity; undefined for
 * any other class, or a colour that is no hex (`text-current`). Slidev's icons, drawn as pictures, take it (slidev-icons.ts).
 */
export function readTextColour(cls: string): string | undefined {
  const colour = /^text-\[(#[0-9a-fA-F]{3,8})\]$/.exec(cls)?.[1] ?? (/^text-([a-z]+(?:-\d{2,3})?)$/.test(cls) ? makeUtilities().palette.get(cls.slice(5)) : undefined);
  return colour !== undefined && /^#[0-9a-fA-F]{3,8}$/.test(colour) ? colour : undefined;
}

/** Every utility class this module writes a rule for, as a pattern. */
export function utilityClassPattern(): RegExp {
  return makeUtilities().pattern;
}

/** Slidev's rem at a deck's width: 16px of its 980px-wide canvas, so a margin takes the same share of the slide as in Slidev. */
function readSlidevRem(size: SlideSize): number {
  return Math.round((16 * SLIDE_SIZES[size].width * 1000) / 980) / 1000;
}

/** The declarations of one utility class, or undefined for a class that is not one; lengths in `rem` pixels, Slidev's rem at the deck's width. */
function declare(cls: string, rem = readSlidevRem('16:9')): string | undefined {
  const rems = (n: number) => `${Math.round(n * rem * 1000) / 1000}px`;
  const { palette, pattern } = makeUtilities();
  if (!pattern.test(cls)) return undefined;
  // UnoCSS's other names for a size and a weight: `font-size-3` and `text-size-3` are `text-3`, `fw-600` and `font-600` a weight in numbers.
  if (/^(?:font|text)-size-/.test(cls)) return declare(cls.replace(/^(?:font|text)-size-/, 'text-'), rem);
  const weight = /^(?:font|fw)-(\d00)$/.exec(cls);
  if (weight) return `font-weight:${weight[1]}`;
  if (cls.startsWith('fw-')) return declare(`font-${cls.slice(3)}`, rem);
  if (Object.hasOwn(FIXED, cls)) return FIXED[cls];
  // A rough mark's colour (slidev-marks.ts): UnoCSS's colour of that name, as Slidev's `text-red` on the mark, or a hex.
  if (MARK_COLOUR_CLASS.test(cls)) return `--bd-mark-color:${cls.startsWith('mark-[') ? cls.slice(6, -1) : palette.get(cls.slice(5))}`;
  // An arbitrary colour, `text-[#457b9d]`, `bg-[#1d3557]/20`: a hex the pattern has checked.
  const arbitrary = /^(text|bg|border)-\[(#[0-9a-fA-F]{3,8})\](?:\/(\d{1,3}))?$/.exec(cls);
  if (arbitrary) return `${COLOUR_PROPERTIES[arbitrary[1]!]}:${arbitrary[3] === undefined ? arbitrary[2] : `color-mix(in srgb, ${arbitrary[2]} ${arbitrary[3]}%, transparent)`}`;
  const border = /^border-(?:([trblxy])-)?(\d)$/.exec(cls);
  if (border) return BORDER_SIDES[border[1] ?? '']!.map((side) => `border${side}-width:${border[2]}px;border${side}-style:solid`).join(';');
  if (cls.startsWith('max-w-')) return `max-width:${rems(MAX_WIDTHS[cls.slice(6)]!)}`;
  // An arbitrary grid's tracks, `_` between them as UnoCSS writes a space; a rem is Slidev's.
  const grid = /^grid-(cols|rows)-\[(.+)\]$/.exec(cls);
  if (grid) return `grid-template-${grid[1] === 'cols' ? 'columns' : 'rows'}:${grid[2]!.replace(/_/g, ' ').replace(/(\d+(?:\.\d+)?)rem\b/g, (_, n: string) => rems(Number(n)))}`;
  const numbered = /^(text|h|space-x|space-y)-(\d{1,3}(?:\.\d{1,2})?)$/.exec(cls);
  if (numbered) {
    // `text-4` is a type size, in quarters of the type around; the others are lengths, in quarters of a rem.
    if (numbered[1] === 'text') return `font-size:${Number(numbered[2]) / 4}em`;
    const length = rems(Number(numbered[2]) / 4);
    return numbered[1] === 'h' ? `height:${length}` : `margin-${numbered[1] === 'space-x' ? 'left' : 'top'}:${length}`;
  }
  const colour = /^(text|bg|border)-([a-z]+(?:-\d{2,3})?)(?:\/(\d{1,3}))?$/.exec(cls);
  if (colour && palette.has(colour[2]!)) {
    const value = palette.get(colour[2]!)!;
    return `${COLOUR_PROPERTIES[colour[1]!]}:${colour[3] === undefined ? value : `color-mix(in srgb, ${value} ${colour[3]}%, transparent)`}`;
  }
  // UnoCSS's shorthands, as antfu's decks write them: `ma` (margin auto), `op50` (opacity), `mb2` (a spacing without its dash).
  if (cls === 'ma') return 'margin:auto';
  const written = /^op-?\d/.test(cls) ? cls.replace(/^op-?/, 'opacity-') : cls;
  const [, prefix, value] = /^(m[xytrbl]?|p[xytrbl]?|gap)(\d{1,2}(?:\.5)?)$/.exec(written) ?? /^([\w]+)-(.+)$/.exec(written)!;
  if (prefix === 'text') return `font-size:${TEXT_SIZES[value!]}em`;
  if (prefix === 'font') return `font-weight:${WEIGHTS[value!]}`;
  if (prefix === 'leading') return `line-height:${LEADINGS[value!]}`;
  if (prefix === 'opacity') return `opacity:${Number(value) / 100}`;
  if (prefix === 'w') return `width:${rems(Number(value) / 4)}`;
  // Only margins may be auto (`mx-auto` centres a block): the pattern takes no other.
  const length = value === 'auto' ? 'auto' : rems(Number(value) / 4);
  return SPACING[prefix!]!.map((property) => `${property}:${length}`).join(';');
}

/** The rules for the utility classes the slides' HTML uses (their bodies and columns), scoped to the slides; empty when it uses none. */
export function writeUtilityCss(slides: readonly Pick<Slide, 'bodyHtml' | 'columns' | 'columnsLead' | 'columnsTail' | 'look'>[], size: SlideSize = '16:9'): string {
  const rem = readSlidevRem(size);
  const used = new Set<string>();
  for (const html of slides.flatMap((s) => [s.bodyHtml, ...(s.columns ?? []), s.columnsLead ?? '', s.columnsTail ?? ''])) {
    for (const [, classes] of html.matchAll(/\sclass="([^"]*)"/g)) for (const cls of classes!.split(/\s+/)) if (utilityClassPattern().test(cls)) used.add(cls);
  }
  // A slide's own (`class: text-left px-20` in its front matter), carried as data-author-class: on the slide's body, title and all, as Slidev sets them on its layout.
  const onSlides = new Set(slides.flatMap((s) => s.look?.authorClass?.split(/\s+/) ?? []).filter((cls) => utilityClassPattern().test(cls)));
  // The layout's own (`layoutClass: gap-16`): on a two-column slide its grid of columns, as Slidev's two-cols sets them on its grid; else the slide's body.
  const onLayouts = new Set(slides.flatMap((s) => s.look?.layoutClass?.split(/\s+/) ?? []).filter((cls) => utilityClassPattern().test(cls)));
  const between = (cls: string) => (SPACE_BETWEEN.test(cls) ? ' > * + *' : '');
  const marked = slides.some((s) => [s.bodyHtml, ...(s.columns ?? []), s.columnsLead ?? '', s.columnsTail ?? ''].some((html) => html.includes('bd-mark')));
  return [
    ...(marked ? [MARK_CSS] : []),
    ...[...used].sort().map((cls) => `.reveal .slides .slide-body .${escapeClass(cls)}${between(cls)}{${declare(cls, rem)}}\n`),
    ...[...onSlides].sort().map((cls) => `.reveal .slides section[data-author-class~="${cls}"] .slide-body${between(cls)}{${declare(cls, rem)}}\n`),
    ...[...onLayouts].sort().map((cls) => `.reveal .slides section[data-layout-class~="${cls}"]:not(.layout-two-column) .slide-body${between(cls)},.reveal .slides section.layout-two-column[data-layout-class~="${cls}"] .columns${between(cls)}{${declare(cls, rem)}}\n`),
  ].join('');
}

/** What a link's utilities may set: its type and colours, never its place or size, by which it could be laid over the whole slide. */
const LINK_PROPERTIES = new Set(['color', 'background-color', 'border-color', 'font-size', 'font-weight', 'font-style', 'font-family', 'line-height', 'letter-spacing', 'opacity', 'text-decoration', 'text-transform', 'text-shadow', 'text-align']);

/** Whether a class is a utility a link may take: one that sets only its type and colours (LINK_PROPERTIES). */
export function isLinkUtility(cls: string): boolean {
  return declare(cls)?.split(';').every((declaration) => LINK_PROPERTIES.has(declaration.slice(0, declaration.indexOf(':')))) === true;
}

/** Space between a block's children (`space-y-2`): set on each child after the first, as UnoCSS does. */
const SPACE_BETWEEN = /^space-[xy]-/;

/** A class's name as a CSS selector writes it: `w-1\/2`, `text-\[\#457b9d\]`. */
const escapeClass = (cls: string) => cls.replace(/[^\w-]/g, (c) => `\\${c}`);

/** A Slidev deck's slide classes: those its styles define (`found.slide`), and its utility classes (`class: text-left`), which writeUtilityCss styles. */
export function admitSlideUtilities<T extends { slide: Set<string> }>(found: T, slidev: boolean): T {
  if (!slidev) return found;
  const slide = new (class extends Set<string> {
    override has(cls: string): boolean {
      return super.has(cls) || utilityClassPattern().test(cls);
    }
  })(found.slide);
  return { ...found, slide };
}
