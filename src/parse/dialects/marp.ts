import type { Line } from '../source-lines.js';
import { imageFilterClass, type Slide, type SourceFile } from '../../model.js';
import { BACKGROUND_REPEAT, isSafeBackgroundPosition, isSafeBackgroundSize, isSafeGradient, keepSafeLook, readSlideTransition } from './reveal.js';
import { readCssUrl } from '../../css-references.js';
import { CLASSIC_DIRECTIVE, MARP_LOCAL_DIRECTIVES } from './marp-comments.js';

// How briefdeck reads Marp's own syntax (its notes, comments that are not
// directives, are read in comment-notes.ts):
// - image keywords inside the alt text size or place the image (`![w:300px](a.png)`,
//   `![bg right:40%](b.png)`). They are instructions, never alt text: width and
//   height are kept, `bg` makes the image the slide's background (or a split
//   beside the content), the rest is reported;
// - directives in comments, and the slide look they carry from slide to slide;
// - a deck known by its body, and its loosely written front matter.

/**
 * A picture's width or height, as Marp sizes it (`w:200`, `height:30cm`, `h:2em`, `w:auto`): a number with one of CSS's
 * lengths but the viewport's, or `auto` (Marpit's parse_image.js).
 */
const SIZE = /^(w|h|width|height):(?:((?:\d*\.)?\d+)(px|cm|mm|in|pt|pc|em|ex|ch|%)?|auto)$/i;
/** Pixels in each absolute length, as CSS counts them: such a size is a number of pixels, like `w:200`. */
const PIXELS_PER: Record<string, number> = { px: 1, cm: 96 / 2.54, mm: 96 / 25.4, in: 96, pt: 96 / 72, pc: 16 };
const KEYWORD = /^(bg|contain|cover|fit|auto|left|right|vertical|(?:left|right):\d+(?:\.\d+)?%|\d+(?:\.\d+)?%|(?:blur|brightness|contrast|grayscale|hue-rotate|invert|opacity|saturate|sepia|drop-shadow)(?::\S+)?)$/i;

/** An image's alt text with Marp's keywords taken out, and what they asked for. */
export interface MarpImage {
  alt: string;
  width?: number;
  height?: number;
  /** A size in a length relative to the text or the slide (`w:10em`, `h:50%`), as CSS: `width:10em`, `;`-separated. */
  sizeStyle?: string;
  /** `bg`: the image is the slide's background; `left`/`right` (with a width, such as `right:40%`) make it a split; `vertical` stacks several. */
  background?: { side?: 'left' | 'right'; percent: number; vertical?: boolean; size?: string };
  /** Its filters (`sepia`, `brightness:.5`), as one CSS filter value, in the order written. */
  filter?: string;
  /** Keywords briefdeck cannot honour, such as a filter with an argument CSS would not take. */
  ignored: string[];
}

/** Marp's image filters, and the argument each takes when none is written. */
const FILTER_DEFAULTS: Record<string, string> = { blur: '10px', brightness: '1.5', contrast: '2', 'drop-shadow': '0,5px,10px,rgba(0,0,0,.4)', grayscale: '1', 'hue-rotate': '180deg', invert: '1', opacity: '.5', saturate: '2', sepia: '1' };
const NUMBER = String.raw`-?(?:\d+(?:\.\d+)?|\.\d+)`;
/** A filter's amount: a number, a percentage, a length or an angle. */
const AMOUNT = new RegExp(`^${NUMBER}(?:%|px|em|rem|deg|rad|turn)?$`, 'i');
/** A drop shadow: two or three lengths and a colour (a hex, rgb() or rgba() of numbers, or a name). */
const SHADOW = new RegExp(`^(${NUMBER}(?:px|em|rem)?),(${NUMBER}(?:px|em|rem)?)(?:,(${NUMBER}(?:px|em|rem)?))?(?:,(#[0-9a-f]{3,8}|rgba?\\([\\d.,\\s%]{1,60}\\)|[a-z]{3,20}))?$`, 'i');

/** The most different filters a deck's pictures take: each is a class of its own, which the sanitizer must know by name. */
export const MAX_IMAGE_FILTERS = 16;
/** The class of each of a deck's image filters, spelled out for the sanitizer's class allowlist. */
export const IMAGE_FILTER_CLASSES = Array.from({ length: MAX_IMAGE_FILTERS }, (_, i) => imageFilterClass(i));

/** A filter keyword (`sepia`, `blur:5px`, `drop-shadow:0,5px,10px,rgba(0,0,0,.4)`) as a CSS filter function; null for any other word, or an argument CSS would not take. */
function readMarpFilter(word: string): string | null {
  const written = /^([a-z-]+)(?::(.+))?$/i.exec(word);
  const name = written?.[1]!.toLowerCase();
  if (!written || name === undefined || !Object.hasOwn(FILTER_DEFAULTS, name)) return null;
  const argument = written[2] ?? FILTER_DEFAULTS[name]!;
  if (name !== 'drop-shadow') return AMOUNT.test(argument) ? `${name}(${argument})` : null;
  const shadow = SHADOW.exec(argument);
  return shadow ? `drop-shadow(${shadow.slice(1).filter(Boolean).join(' ')})` : null;
}

/** Splits Marp's keywords off an image's alt text. */
export function readMarpImage(alt: string): MarpImage {
  const words: string[] = [];
  const image: MarpImage = { alt: '', ignored: [] };
  const filters: string[] = [];
  for (const word of alt.split(/\s+/).filter(Boolean)) {
    const size = SIZE.exec(word);
    const filter = readMarpFilter(word);
    if (filter) filters.push(filter);
    else if (size) {
      const side = /^w/i.test(size[1]!) ? 'width' : 'height';
      const unit = (size[3] ?? 'px').toLowerCase();
      // `auto` is what a picture's size is anyway; a length of the page becomes pixels, one of the text or the slide stays CSS.
      if (size[2] === undefined) continue;
      if (Object.hasOwn(PIXELS_PER, unit)) image[side] = Math.round(Number(size[2]) * PIXELS_PER[unit]! * 100) / 100;
      else image.sizeStyle = `${image.sizeStyle ? `${image.sizeStyle};` : ''}${side}:${Number(size[2])}${unit}`;
    } else if (KEYWORD.test(word)) image.ignored.push(word);
    else words.push(word);
  }
  image.alt = words.join(' ');
  if (filters.length > 0) image.filter = filters.join(' ');
  // `bg` with `left`/`right[:N%]` is a split background; `bg` alone fills the slide. Sizing words (cover, contain, fit) are reveal's default look.
  if (image.ignored.some((w) => w.toLowerCase() === 'bg')) {
    const side = image.ignored.map((w) => /^(left|right)(?::(\d+(?:\.\d+)?)%)?$/i.exec(w)).find(Boolean);
    const vertical = image.ignored.some((w) => w.toLowerCase() === 'vertical');
    // Its size: `fit` and `contain` show all of it, `cover` (Marp's default) fills the slide, `auto` and `50%` size it as CSS does.
    const sized = image.ignored.map((w) => w.toLowerCase()).find((w) => /^(?:cover|contain|fit|auto|\d+(?:\.\d+)?%)$/.test(w));
    const size = sized === 'fit' ? 'contain' : sized;
    image.background = side ? { side: side[1]!.toLowerCase() as 'left' | 'right', percent: side[2] ? Number(side[2]) : 50 } : { percent: 100, ...(vertical ? { vertical } : {}), ...(size && size !== 'cover' ? { size } : {}) };
    image.ignored = image.ignored.filter((w) => !/^(bg|left|right|cover|contain|fit|auto|vertical|\d+(?:\.\d+)?%)(?::[\d.]+%)?$/i.test(w));
  }
  return image;
}

/**
 * Lines only a Marp deck holds: a local directive in a comment (`<!-- _class: lead -->`, `<!-- paginate: false -->`),
 * or its `headingDivider`, `theme` or `size` (maybe as `$theme`), on the comment's first line or the one after; a `bg`
 * picture; or `<!--fit-->`.
 */
const MARP_LINE = new RegExp(`^[ \\t]*<!--(?:[ \\t]*\\n)?[ \\t]*[_$]?(?:${[...MARP_LOCAL_DIRECTIVES, 'headingDivider', 'theme', 'size'].join('|')})[ \\t]*:|!\\[[^\\]\\n]{0,60}\\bbg\\b[^\\]\\n]{0,60}\\]\\(|<!--[ \\t]*fit[ \\t]*-->`, 'm');

/** True when a deck's body is written for Marp though it has no front matter saying so (Marp CLI needs none): its directives, `bg` pictures or `<!--fit-->`. */
export function readsAsMarpBody(text: string): boolean {
  return MARP_LINE.test(text);
}

/** The classic directives with a name today: `page_number` is `paginate`, `template` (gaia's `invert`) is `class`, and `footer` stayed `footer`. */
const MODERN_NAMES: Record<string, string> = { page_number: 'paginate', footer: 'footer', template: 'class' };

/** A classic directive in today's words (`*page_number: false` is `_paginate: false`), or null for one with none (`$width`). */
function modernizeClassicDirective(text: string): string | null {
  const classic = CLASSIC_DIRECTIVE.exec(text);
  if (!classic) return text;
  const [, name] = classic as unknown as [string, string];
  const modern = MODERN_NAMES[name.replace(/^\*/, '')];
  return modern === undefined ? null : `${name.startsWith('*') ? '_' : ''}${modern}:${text.slice(classic[0].length)}`;
}

/**
 * Marp's directives for a slide's look that hold from the slide that sets
 * them (`<!-- class: lead -->`, or the front matter) to the end, or until set
 * again; with a leading `_` (`<!-- _class: lead -->`) they set one slide only.
 */
export interface MarpCarried {
  class?: string;
  backgroundColor?: string;
  /** The colour of the slide's text (Marp's `color`). */
  color?: string;
  backgroundImage?: string;
  /**
   * Where the carried picture was set: every slide that carries it names that line, so a picture that is remote or
   * missing is one warning (DiagnosticBag drops repeats), not one per slide.
   */
  backgroundImageAt?: { number: number; file: SourceFile };
  /** Marp's `backgroundSize`: how its background picture is sized. */
  backgroundSize?: string;
  /** Marp's `backgroundPosition` and `backgroundRepeat`: where its background picture sits, and whether it repeats. */
  backgroundPosition?: string;
  backgroundRepeat?: string;
  footer?: string;
  header?: string;
  /** `hold` shows the number without counting the slide, `skip` hides it and does not count the slide either. */
  paginate?: boolean | 'hold' | 'skip';
  /** Marp's `transition` (for its browser's view transitions), as the reveal transition the slide takes. */
  transition?: string;
  /** Front matter's `_class: lead` and its kin: directives for the first slide, read as if written in it, then gone. */
  firstSlide?: { text: string; line: number; file?: SourceFile }[];
}

/**
 * What a slide's Marp directives give it besides its look: its own header and whether it shows its number, where
 * they differ from the deck's, and `uncounted` for a slide `paginate: hold` or `skip` leaves out of the count.
 */
export interface MarpChrome {
  header?: string;
  pageNumber?: boolean;
  uncounted?: boolean;
}

/** A local directive in a comment, with or without the `_` that keeps it to one slide. */
const LOCAL_DIRECTIVE = new RegExp(`^\\s*(_?)(${MARP_LOCAL_DIRECTIVES.join('|')})\\s*:\\s*(.*?)\\s*$`);
/** Marp's `transition` directive: a transition's name, then maybe how long it takes (`fade 1s`), which reveal sets by its own speeds. */
const TRANSITION_DIRECTIVE = /^\s*(_?)transition\s*:\s*(\S*)/;

/** Marp's front-matter classes as every slide takes them: the built-in looks and those the deck's own styles define; the rest named for a warning. */
export function settleFrontMatterClasses(written: string, authorClasses: ReadonlySet<string>): { classes?: string; ignored: string[] } {
  const classes = keepSafeLook({ class: written }, authorClasses).class;
  const kept = new Set(classes?.split(' '));
  return { ...(classes ? { classes } : {}), ignored: written.split(/\s+/).filter((c) => c && !kept.has(c)) };
}


/**
 * Gives a slide what its Marp directives ask for (taken out of its body by
 * comment-notes.ts), with what earlier slides set in `carried`: the class,
 * background colour and picture in reveal's `.slide:` form and the footer as a
 * footer block like Quarto's `::: footer`, put first in its body; its header
 * and page number returned. Directives without `_` are carried on, in
 * `carried`, to the slides after it. Those briefdeck cannot honour are warned of.
 */
export function applyMarpLook(body: Line[], directives: { text: string; line: number; file?: SourceFile }[], carried: MarpCarried, start: { number: number; file: SourceFile }, warn: (line: number, message: string, file?: SourceFile) => void, authorClasses?: ReadonlySet<string>): MarpChrome {
  const firstLine = start.number;
  /** This slide's own `_` directives, and what it sets for itself and those after it, read (and warned of) here as written; later slides take only what passes. */
  const own: MarpCarried = {};
  const setHere: MarpCarried = {};
  // The look is written at the line of the slide's first look directive, or else at the slide's first line (`firstLine`).
  let lookLine: number | undefined;
  // The picture is named at its own directive, which may come after another look directive (`_class: lead`, then `backgroundImage:`).
  let pictureAt: { number: number; file: SourceFile } | undefined;
  const first = carried.firstSlide ?? [];
  delete carried.firstSlide;
  for (const directive of [...first, ...directives]) {
    const text = modernizeClassicDirective(directive.text);
    if (text === null) {
      warn(directive.line, `Marp classic's ${directive.text.trim().split(/\s*:/)[0]} directive is not supported and was left out`, directive.file);
      continue;
    }
    const transition = TRANSITION_DIRECTIVE.exec(text);
    if (transition) {
      const name = readSlideTransition(transition[2]!.replace(/^(["'])(.*)\1$/, '$2'));
      if (name === undefined) warn(directive.line, `Marp's transition: ${transition[2]} has no match among reveal's transitions and was left out`, directive.file);
      else (transition[1] ? own : setHere).transition = name;
      continue;
    }
    const local = LOCAL_DIRECTIVE.exec(text);
    if (!local) continue;
    const [, scope, key, written] = local as unknown as [string, string, keyof MarpCarried | 'backgroundPosition' | 'backgroundRepeat', string];
    const value = written.replace(/^(["'])(.*)\1$/, '$2');
    const into = scope ? own : setHere;
    switch (key) {
      case 'color':
        // Not a colour a slide may take: Marp's CSS would drop it too, so the slide keeps the colour it had.
        if (keepSafeLook({ color: value }).color === undefined) {
          warn(directive.line, `Marp's color: ${value} is not a colour briefdeck can set, and was left out`, directive.file);
          break;
        }
      // falls through
      case 'class':
      case 'backgroundColor':
      case 'footer':
      case 'header':
        lookLine ??= directive.line;
        into[key] = value;
        break;
      case 'backgroundImage': {
        const url = readCssUrl(value) ?? (isSafeGradient(value) ? value : undefined);
        if (url === undefined) warn(directive.line, `Marp's backgroundImage: ${value} is neither a picture (url(…)) nor a gradient of colours, and was left out`, directive.file);
        else {
          lookLine ??= directive.line;
          into.backgroundImage = url;
          pictureAt = { number: directive.line, file: directive.file ?? start.file };
          if (!scope) carried.backgroundImageAt = pictureAt;
        }
        break;
      }
      case 'backgroundSize':
        if (!isSafeBackgroundSize(value)) warn(directive.line, `Marp's backgroundSize: ${value} is not a size briefdeck can set, and was left out`, directive.file);
        else {
          lookLine ??= directive.line;
          into.backgroundSize = value;
        }
        break;
      case 'backgroundPosition':
      case 'backgroundRepeat':
        if (!(key === 'backgroundPosition' ? isSafeBackgroundPosition(value) : BACKGROUND_REPEAT.test(value))) warn(directive.line, `Marp's ${key}: ${value} is not a value briefdeck can set, and was left out`, directive.file);
        else into[key] = value;
        break;
      case 'paginate':
        // `hold` and `skip` keep the count from moving on: the slide shows the number before it, or none. Marp reads
        // any other value but `true` as false (`_paginate: ""` is a common way to write it), in any case.
        if (value.toLowerCase() === 'hold' || value.toLowerCase() === 'skip') into.paginate = value.toLowerCase() as 'hold' | 'skip';
        else {
          into.paginate = value.toLowerCase() === 'true';
          if (!['true', 'false', ''].includes(value.toLowerCase())) warn(directive.line, `Marp's paginate: ${value} is neither true nor false, and was read as false, as Marp reads it`, directive.file);
        }
        break;
      default:
        warn(directive.line, `Marp's ${key} directive is not supported yet and was left out`, directive.file);
    }
  }
  const { class: className, backgroundColor, color, backgroundImage, backgroundSize, backgroundPosition, backgroundRepeat, footer, header, paginate, transition } = { ...carried, ...setHere, ...own };
  const safe = keepSafeLook(setHere, authorClasses);
  for (const key of ['class', 'backgroundColor', 'color'] as const) {
    if (!(key in setHere)) continue;
    if (safe[key] === undefined) delete carried[key];
    else carried[key] = safe[key];
  }
  for (const key of ['backgroundImage', 'backgroundSize', 'backgroundPosition', 'backgroundRepeat', 'footer', 'header', 'paginate', 'transition'] as const) if (setHere[key] !== undefined) (carried as Record<string, unknown>)[key] = setHere[key];
  const at = (text: string) => ({ text, number: lookLine ?? firstLine });
  const looks: Line[] = [];
  if (className) looks.push(at(`<!-- .slide: class="${className.replace(/"/g, '')}" -->`));
  if (backgroundColor) looks.push(at(`<!-- .slide: data-background-color="${backgroundColor.replace(/"/g, '')}" -->`));
  if (color) looks.push(at(`<!-- .slide: data-color="${color.replace(/"/g, '')}" -->`));
  if (transition) looks.push(at(`<!-- .slide: data-transition="${transition}" -->`));
  // A picture goes where every slide picture goes: confined to the briefing folder, and left out when remote or missing.
  const picture = (text: string) => {
    const named = own.backgroundImage !== undefined || setHere.backgroundImage !== undefined ? pictureAt : carried.backgroundImageAt;
    return named ? { text, ...named } : at(text);
  };
  if (backgroundImage) looks.push(picture(`<!-- .slide: data-background-${isSafeGradient(backgroundImage) ? 'gradient' : 'image'}="${backgroundImage.replace(/"/g, '')}" -->`));
  if (backgroundImage && backgroundSize) looks.push(at(`<!-- .slide: data-background-size="${backgroundSize}" -->`));
  if (backgroundImage && backgroundPosition) looks.push(at(`<!-- .slide: data-background-position="${backgroundPosition}" -->`));
  if (backgroundImage && backgroundRepeat) looks.push(at(`<!-- .slide: data-background-repeat="${backgroundRepeat}" -->`));
  // An empty footer (`_footer: ""`) takes the deck's off the slide, as in Marp.
  if (footer !== undefined) looks.push(...['<!-- footer -->', ...(footer ? [footer] : []), '<!-- footer: end -->'].map(at));
  body.unshift(...looks);
  return {
    ...(header !== undefined ? { header } : {}),
    ...(paginate !== undefined ? { pageNumber: paginate === true || paginate === 'hold' } : {}),
    ...(paginate === 'hold' || paginate === 'skip' ? { uncounted: true } : {}),
  };
}

/** Numbers the pages as Marp counts them: a slide left out of the count shows the number before it (at least 1); returns how many count. */
export function numberMarpPages(slides: Slide[], uncounted: ReadonlySet<Slide>): number {
  let count = 0;
  for (const slide of slides) {
    if (!uncounted.has(slide)) count++;
    slide.page = Math.max(count, 1);
  }
  // A deck that counts no slide (skip, then hold, from the start) still shows 1, and never "1 / 0".
  return Math.max(count, 1);
}

/** The most background pictures a slide sets side by side; Marp's further ones are a warning. */
export const MAX_BACKGROUNDS = 4;

/** A background picture after the first, as the renderer leaves it in the slide: a marker the slide's arrangement numbers. */
const MULTI_MARKER = /<img src="(briefdeck-asset:\d+)" alt="([^"]*)" class="bg-multi( bg-multi-vertical)?( image-filter-\d+)?"( \/)?>/g;

/** The first full-slide picture Marp's `![bg](…)` gives a slide, by index into the images, and whether it said `vertical`. */
export interface MarpBackground {
  image: number;
  vertical: boolean;
  /** How the picture is sized, where not Marp's default (`cover`): `contain`, `auto` or a percentage. */
  size?: string;
  /** Its filter, by index into the deck's (Briefing.imageFilters). */
  filter?: number;
}

/**
 * Marp's several backgrounds (`![bg](a.png)` then `![bg](b.png)`): side by side, or one over another when
 * any says `vertical`. The first (`first`, with its alt text, escaped) is the slide's background until a
 * second comes: then all are pictures behind the content, each numbered for its place (`bg-multi-2-1`,
 * `bg-multi-2-2`, …), and the slide has no background picture. `parts` are the slide's rendered parts, in order.
 */
export function arrangeMarpBackgrounds(parts: string[], first: MarpBackground, firstAlt: string): { parts: string[]; background?: number } {
  const markers = parts.reduce((n, part) => n + (part.match(MULTI_MARKER)?.length ?? 0), 0);
  if (markers === 0) return { parts, background: first.image };
  const count = markers + 1;
  const vertical = first.vertical || parts.some((part) => part.includes('bg-multi bg-multi-vertical'));
  const place = (n: number) => `bg-multi bg-multi-${count}-${n}${vertical ? ' bg-multi-vertical' : ''}`;
  let n = 1;
  const numbered = parts.map((part) => part.replace(MULTI_MARKER, (_, src: string, alt: string, _vertical: string | undefined, filter = '') => `<img src="${src}" alt="${alt}" class="${place(++n)}${filter}">`));
  const firstFilter = first.filter === undefined ? '' : ` ${imageFilterClass(first.filter)}`;
  numbered[0] = `<img src="briefdeck-asset:${first.image}" alt="${firstAlt}" class="${place(1)}${firstFilter}">${numbered[0] ?? ''}`;
  return { parts: numbered };
}
