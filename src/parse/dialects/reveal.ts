import type * as parse5 from 'parse5';
import { parseFragmentKeepingMarks } from '../html-fragment.js';
import type { NotesBlock } from './notes-block.js';
import { averageGradientColour } from '../../colour.js';
import { readSlideId } from '../slide-anchors.js';
import { createFenceReader } from '../read-fences.js';
import { suggestClosest } from '../../did-you-mean.js';
import { takeInlineComments } from './find-comments.js';
import type { SlideLook } from '../../model.js';
import { utilityClassPattern } from './uno-utilities.js';

// How briefdeck reads reveal.js's own Markdown conventions beyond `Note:`.
// Speaker notes may also be an `<aside class="notes">` element, on one line or several.
const ASIDE_OPEN = /^[ \t]*<aside\s+class\s*=\s*["']?notes["']?\s*>(.*)$/i;
const ASIDE_CLOSE = /<\/aside\s*>/i;

/** Opens an `<aside class="notes">` block on this line, or returns null. */
export function openAsideNotes(line: string): NotesBlock | null {
  const open = ASIDE_OPEN.exec(line);
  if (!open) return null;
  const close = (text: string) => {
    const end = ASIDE_CLOSE.exec(text);
    return end ? { closed: true, before: text.slice(0, end.index), after: text.slice(end.index + end[0].length) } : { closed: false, before: text, after: '' };
  };
  const same = close(open[1]!);
  return { first: same.before, closedOnOpen: same.closed, rest: same.after, close };
}

/** True for an element whose class list names it speaker notes. */
function isNotesElement(node: parse5.DefaultTreeAdapterMap['node']): boolean {
  return 'tagName' in node && node.attrs.some((a) => a.name === 'class' && a.value.split(/\s+/).some((c) => c.toLowerCase() === 'notes'));
}

/**
 * Takes speaker notes written as HTML out of a slide's HTML: any element whose
 * class is `notes` (reveal's `<aside class="notes">`, Pandoc's `<div class="notes">`),
 * wherever it stands (mid-line, in a list, in a table) and however it is spelled.
 * Returns the HTML without them and the inner HTML of each, read with parse5 as a
 * browser would read it, keeping the math renderer's `marks` (html-fragment.ts).
 */
export function takeHtmlNotes(html: string, marks = '\u0000'): { html: string; notes: string[] } {
  if (!/notes/i.test(html)) return { html, notes: [] };
  const { fragment, serialize } = parseFragmentKeepingMarks(html, marks);
  const notes: string[] = [];
  const visit = (node: parse5.DefaultTreeAdapterMap['parentNode']) => {
    node.childNodes = node.childNodes.filter((child) => {
      if (isNotesElement(child)) {
        notes.push(serialize(child as parse5.DefaultTreeAdapterMap['parentNode']));
        return false;
      }
      if ('childNodes' in child) visit(child as parse5.DefaultTreeAdapterMap['parentNode']);
      if ('content' in child) visit((child as unknown as { content: parse5.DefaultTreeAdapterMap['parentNode'] }).content);
      return true;
    });
  };
  visit(fragment);
  return notes.length > 0 ? { html: serialize(), notes } : { html, notes };
}

/**
 * True for a deck written in reveal.js's Markdown though its front matter says nothing of it (reveal-md needs
 * none): its `<!-- .slide: -->` or `<!-- .element: -->` comments, or its `<!--s-->` separators, in a deck cut
 * into slides at `---` (`----` below a slide among them), as reveal cuts it: about as many cuts as headings, a few slides
 * with two (a cover's title over its subtitle, `## Course` over `# Part`) allowed. A deck of briefdeck's own, cut at its
 * headings, may use reveal's comments too, and stays briefdeck's.
 */
export function readsAsRevealMarkdownBody(text: string): boolean {
  if (!/<!--[ \t]*(?:\.(?:slide|element):|s[ \t]*-->)/.test(text)) return false;
  const fences = createFenceReader();
  let cuts = 0;
  let headings = 0;
  for (const line of text.split('\n')) {
    if (fences.read(line)) continue;
    // reveal-md's vertical separator counts too: a deck of stacks has fewer `---` than headings.
    if (/^(?:---|----|<!--\s*[sv]\s*-->)[ \t]*$/.test(line)) cuts++;
    else if (/^#{1,2}[ \t]/.test(line)) headings++;
  }
  return cuts > 0 && headings <= cuts * 1.5 + 2;
}

/** Classes a slide may take from another tool's syntax: looks the themes define, nothing of the deck's chrome. */
export const SLIDE_CLASS_ALLOWLIST = new Set(['lead', 'invert', 'center', 'smaller', 'dark', 'light', 'compact', 'text-center', 'scrollable', 'nostretch', 'columns-2']);

/** The background Marp's themes give a slide of class `invert` (default's dark), on which reveal sets the text light. */
const INVERT_BACKGROUND = '#202228';

/** A slide's look as its gradient and classes finish it: a gradient sets the colour under it, and `invert` (Marp's, Slidev's `class:`) darkens a slide that sets no background colour of its own. */
export function finishLook<T extends { className?: string; backgroundColor?: string; backgroundGradient?: string }>(look: T): T {
  if (look.backgroundColor !== undefined) return look;
  // A gradient's text reads as it would on the colour the gradient is most like, which is its background colour too, under it.
  const gradient = look.backgroundGradient === undefined ? undefined : averageGradientColour(look.backgroundGradient);
  if (gradient) return { ...look, backgroundColor: `#${gradient.toLowerCase()}` };
  if (!look.className?.split(/\s+/).includes('invert')) return look;
  return { ...look, backgroundColor: INVERT_BACKGROUND };
}

/** A colour a slide background may take: a hex value, rgb()/hsl(), or a plain colour name. Nothing that loads. */
const SAFE_COLOUR = /^(#[0-9a-f]{3,8}|(?:rgb|rgba|hsl|hsla)\([\d\s.,%/-]+\)|[a-z]{3,20})$/i;

/** No classes of the deck's own: a deck whose styles define none. */
const NO_CLASSES: ReadonlySet<string> = new Set();

/**
 * A background gradient a slide may take (reveal's `data-background-gradient`, Marp's `backgroundImage:
 * linear-gradient(…)`): one gradient function of colours, angles and lengths. No quote, brace or semicolon can
 * end the attribute or the style reveal sets it in, and nothing in it can fetch (no url(), no image()).
 */
export function isSafeGradient(value: string): boolean {
  return /^(?:repeating-)?(?:linear|radial|conic)-gradient\([#\w\s%.,()/-]{1,500}\)$/i.test(value) && !/(?:url|image|element|cross-fade)\s*\(/i.test(value);
}

/** A size a slide's background picture may take (reveal's `data-background-size`, Marp's `backgroundSize`): a CSS keyword, or one or two percentages or pixel lengths. */
export function isSafeBackgroundSize(value: string): boolean {
  // CSS's sizes: cover, contain, or a width and maybe a height, each `auto` or a length (`auto 100%`, GitPitch's favourite).
  return /^(?:contain|cover|(?:auto|\d{1,4}(?:\.\d+)?(?:%|px))(?:[ \t]+(?:auto|\d{1,4}(?:\.\d+)?(?:%|px)))?)$/.test(value);
}

/** A background picture's place reveal's `data-background-position` may take: one or two of `top`, `center`, `left`, …, or a percentage or pixel length. */
export function isSafeBackgroundPosition(value: string): boolean {
  return /^(?:top|bottom|left|right|center|\d{1,4}(?:\.\d+)?(?:%|px))(?:[ \t]+(?:top|bottom|left|right|center|\d{1,4}(?:\.\d+)?(?:%|px)))?$/.test(value);
}

/** How a background picture repeats (reveal's `data-background-repeat`). */
export const BACKGROUND_REPEAT = /^(?:repeat|no-repeat|repeat-x|repeat-y|space|round)$/;

/** The part of a slide's class, background colour and text colour that readSlideDirective lets in, without a word about the rest; `authorClasses` are those the deck's own styles define. */
export function keepSafeLook(look: { class?: string; backgroundColor?: string; color?: string }, authorClasses = NO_CLASSES): { class?: string; backgroundColor?: string; color?: string } {
  const classes = look.class?.split(/\s+/).filter((c) => SLIDE_CLASS_ALLOWLIST.has(c) || authorClasses.has(c)).join(' ');
  const colour = (value: string | undefined) => value !== undefined && SAFE_COLOUR.test(value);
  return { ...(classes ? { class: classes } : {}), ...(colour(look.backgroundColor) ? { backgroundColor: look.backgroundColor } : {}), ...(colour(look.color) ? { color: look.color } : {}) };
}

/** What a slide's own look may be, from reveal's `<!-- .slide: … -->` or Marp's `<!-- _class: … -->`, as written: the parser resolves its image into the model's SlideLook. */
export interface SlideDirectiveLook {
  backgroundColor?: string;
  className?: string;
  /** Classes the deck's own styles define for a slide (parse/author-styles.ts), carried as data-author-class, never as classes. */
  authorClass?: string;
  /** Slidev's `layoutClass:`, written `data-layout-class` in a `.slide:` comment: the utility classes of the layout's own box. */
  layoutClass?: string;
  /** `data-background-image`, as written: the parser confines it to the briefing folder like any image. */
  backgroundImage?: string;
  /** `data-background-gradient`, when isSafeGradient lets it in. */
  backgroundGradient?: string;
  /** `data-background-size`, when isSafeBackgroundSize lets it in. */
  backgroundSize?: string;
  /** `data-background-position`, when isSafeBackgroundPosition lets it in. */
  backgroundPosition?: string;
  /** `data-background-repeat`, one of BACKGROUND_REPEAT. */
  backgroundRepeat?: string;
  /** `data-background-opacity`: a number from 0 to 1. */
  backgroundOpacity?: string;
  /** The colour of the slide's text: Marp's `color` directive, written `data-color` in a `.slide:` comment. */
  textColor?: string;
  /** The colour of the slide's headings alone (Deckset's `[.header: #28517c]`), written `data-heading-color` in a `.slide:` comment. */
  headingColor?: string;
  /** reveal's `data-visibility="uncounted"` (Quarto's `visibility="uncounted"`): left out of the count, showing the number before it. */
  uncounted?: true;
  /** R Markdown's ioslides `{.build}` on a slide's heading: its lists step in, as `<!-- incremental -->` makes them. */
  incremental?: true;
  /** reveal's `data-auto-animate` (Quarto's `auto-animate=true`): reveal moves what two such slides in a row share. */
  autoAnimate?: true;
  /** reveal's settings of the slide's auto-animate, as AUTO_ANIMATE_SETTINGS let them in. */
  autoAnimateSettings?: SlideLook['autoAnimateSettings'];
  /** reveal's `data-transition` (Quarto's `transition=`), as readSlideTransition lets it in. */
  transition?: string;
  /** reveal's `data-transition-speed`. */
  transitionSpeed?: 'default' | 'fast' | 'slow';
  /** reveal's `data-background-transition`: how the slide's background changes, one of reveal's transitions. */
  backgroundTransition?: string;
  /** The slide's id (reveal's `id`, Pandoc's `{#id}`), which in-deck links name it by (slide-anchors.ts); never written into the page. */
  id?: string;
}

/** reveal's settings of a slide's auto-animate (Quarto's `auto-animate-easing=` and the rest), each held to a pattern that nothing can leave the attribute by. */
const AUTO_ANIMATE_SETTINGS: Record<string, RegExp> = {
  easing: /^(?:linear|ease|ease-in|ease-out|ease-in-out|step-start|step-end|cubic-bezier\((?:\s*-?\d{0,3}\.?\d{1,4}\s*,){3}\s*-?\d{0,3}\.?\d{1,4}\s*\))$/,
  duration: /^\d{1,2}(?:\.\d{1,3})?$/,
  unmatched: /^(?:true|false)$/,
  restart: /^(?:|true)$/,
};

/** reveal's transitions: the deck's `transition` and a slide's name one of these. */
export const REVEAL_TRANSITIONS: ReadonlySet<string> = new Set(['none', 'fade', 'slide', 'convex', 'concave', 'zoom']);

/** Other tools' names for one of reveal's transitions: Slidev's directions and `fade-out`, which reveal's own `slide` and `fade` come closest to. */
export const TRANSITION_NAMES: Readonly<Record<string, string>> = { ...Object.fromEntries([...REVEAL_TRANSITIONS].map((t) => [t, t])), 'slide-left': 'slide', 'slide-right': 'slide', 'slide-up': 'slide', 'slide-down': 'slide', 'fade-out': 'fade' };

/**
 * A slide's transition as reveal takes it in `data-transition`: one of its transitions (or another tool's name for
 * one), or its own way of giving the way in and the way out apart (`zoom-in fade-out`). Undefined for anything else.
 */
export function readSlideTransition(value: string): string | undefined {
  const words = value.trim().toLowerCase().split(/\s+/);
  if (words.length === 1 && Object.hasOwn(TRANSITION_NAMES, words[0]!)) return TRANSITION_NAMES[words[0]!];
  const halves = words.map((w) => /^([a-z]+)-(in|out)$/.exec(w));
  if (words.length > 2 || halves.some((h) => !h || !REVEAL_TRANSITIONS.has(h[1]!)) || new Set(halves.map((h) => h![2])).size !== words.length) return undefined;
  return words.join(' ');
}

/** The slide settings a slide directive or heading reads, in reveal's names and in Quarto's (without `data-`): what a mistyped one is matched against. */
const SLIDE_SETTINGS = ['background', 'background-color', 'background-image', 'background-gradient', 'background-size', 'background-position', 'background-repeat', 'background-opacity', 'color', 'visibility', 'auto-animate', 'auto-animate-easing', 'auto-animate-duration', 'auto-animate-unmatched', 'auto-animate-restart', 'transition', 'transition-speed', 'background-transition'].flatMap((name) => [name, `data-${name}`]);

/**
 * reveal's (and Quarto's) slide settings that a deck does not read: real names, left out as they are, never taken for
 * typos of the ones it reads (`data-background-video` is no misspelt `data-background-size`).
 */
const UNREAD_SLIDE_SETTINGS = new Set(
  ['background-video', 'background-video-loop', 'background-video-muted', 'background-iframe', 'background-interactive', 'autoslide', 'state', 'timing', 'menu-title', 'auto-animate-easing', 'auto-animate-duration', 'auto-animate-delay', 'auto-animate-unmatched', 'auto-animate-id', 'auto-animate-restart', 'prevent-swipe', 'background-parallax'].flatMap((name) => [name, `data-${name}`]),
);

/** The settings a slide left out, as a warning names them: each near a known one with the one it likely meant (`class smaler (did you mean smaller?)`). */
export function describeIgnoredSettings(ignored: readonly string[]): string {
  return ignored
    .map((setting) => {
      const cls = /^class (\S+)$/.exec(setting)?.[1];
      const name = cls ?? (/^[\w-]+$/.test(setting) && !UNREAD_SLIDE_SETTINGS.has(setting) ? setting : undefined);
      const meant = name === undefined ? undefined : suggestClosest(name, cls !== undefined ? [...SLIDE_CLASS_ALLOWLIST] : SLIDE_SETTINGS, { byPrefix: false });
      return meant !== undefined && meant !== name ? `${setting} (did you mean ${meant}?)` : setting;
    })
    .join(', ');
}

/**
 * reveal's `.slide:` comments inside a line of text (`## Title <!-- .slide: class="lead" -->`), each as a comment of its
 * own, and the line without them; null for a line with none, or with nothing else (read as a whole line), or where each
 * stands in a code span (after an odd number of backticks), which shows it as written.
 */
export function takeSlideComments(text: string): { comments: string[]; rest: string } | null {
  const { taken, rest } = takeInlineComments(text, (inner) => /^[ \t]*\.slide:/.test(inner));
  return taken.length === 0 || rest.trim() === '' ? null : { comments: taken.map((t) => t.comment), rest };
}

/**
 * Reads reveal's `<!-- .slide: data-background-color="#123" class="lead" -->`.
 * Only safe values pass; anything else is named in `ignored` for a warning.
 */
export function readSlideDirective(line: string, authorClasses = NO_CLASSES): { look: SlideDirectiveLook; ignored: string[] } | null {
  // One comment alone on its line: never `-->` inside, so a line holding text between two comments is not read as one.
  const match = /^[ \t]*<!--[ \t]*\.slide:((?:(?!-->).)*)-->[ \t]*$/.exec(line);
  if (!match) return null;
  const look: SlideDirectiveLook = {};
  const ignored: string[] = [];
  // A bare attribute (`data-auto-animate`) is one too, and named like any other that is not read.
  /** A transition attribute's value as reveal takes it, read once. */
  let transition: string | undefined;
  let setting: string | undefined;
  for (const m of match[1]!.matchAll(/([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+)))?/g)) {
    const name = m[1]!;
    const value = (m[2] ?? m[3] ?? m[4] ?? '').trim();
    if (name === 'data-background-color' || name === 'data-background') {
      if (SAFE_COLOUR.test(value)) look.backgroundColor = value;
      // reveal's data-background takes an image path as well as a colour.
      // (An address may go on past the picture's name with a query, as GitHub's `…/a.png?raw=true` does.)
      else if (name === 'data-background' && /\.(png|jpe?g|gif|webp|svg)(?:[?#][^\s]*)?$/i.test(value)) look.backgroundImage = value;
      else ignored.push(`${name}="${value}"`);
    } else if (name === 'data-background-image') {
      look.backgroundImage = value;
    } else if (name === 'data-background-gradient' && isSafeGradient(value)) {
      look.backgroundGradient = value;
    } else if (name === 'data-background-size' && isSafeBackgroundSize(value)) {
      look.backgroundSize = value;
    } else if ((name === 'data-background-position' || name === 'background-position') && isSafeBackgroundPosition(value)) {
      look.backgroundPosition = value;
    } else if ((name === 'data-background-repeat' || name === 'background-repeat') && BACKGROUND_REPEAT.test(value)) {
      look.backgroundRepeat = value;
    } else if ((name === 'data-background-opacity' || name === 'background-opacity') && /^(?:0?\.\d{1,4}|[01](?:\.0{0,4})?)$/.test(value)) {
      look.backgroundOpacity = value;
    } else if (name === 'data-color' && SAFE_COLOUR.test(value)) {
      look.textColor = value;
    } else if (name === 'data-heading-color' && SAFE_COLOUR.test(value)) {
      look.headingColor = value;
    } else if ((name === 'data-visibility' || name === 'visibility') && value === 'uncounted') {
      look.uncounted = true;
    } else if ((name === 'data-auto-animate' || name === 'auto-animate') && ['', 'true', 'false'].includes(value) && !(name === 'auto-animate' && value === '')) {
      // `false` asks for what a slide does anyway.
      if (value !== 'false') look.autoAnimate = true;
    } else if ((setting = /^(?:data-)?auto-animate-(easing|duration|unmatched|restart)$/.exec(name)?.[1]) !== undefined && AUTO_ANIMATE_SETTINGS[setting]!.test(value)) {
      look.autoAnimateSettings = { ...look.autoAnimateSettings, [setting]: setting === 'restart' ? true : value };
    } else if ((name === 'data-transition' || name === 'transition') && (transition = readSlideTransition(value)) !== undefined) {
      look.transition = transition;
    } else if ((name === 'data-transition-speed' || name === 'transition-speed') && /^(?:default|fast|slow)$/.test(value)) {
      look.transitionSpeed = value as SlideDirectiveLook['transitionSpeed'];
    } else if ((name === 'data-background-transition' || name === 'background-transition') && REVEAL_TRANSITIONS.has(value)) {
      look.backgroundTransition = value;
    } else if (name === 'id' && readSlideId(value) !== undefined) {
      look.id = value;
    } else if (name === 'data-layout-class' && value !== '' && value.split(/\s+/).every((c) => utilityClassPattern().test(c))) {
      look.layoutClass = value.split(/\s+/).join(' ');
    } else if (name === 'class') {
      const classes = value.split(/\s+/).filter(Boolean);
      const kept = classes.filter((c) => SLIDE_CLASS_ALLOWLIST.has(c));
      const own = classes.filter((c) => !SLIDE_CLASS_ALLOWLIST.has(c) && authorClasses.has(c));
      if (kept.length > 0) look.className = kept.join(' ');
      if (own.length > 0) look.authorClass = own.join(' ');
      for (const c of classes) if (!SLIDE_CLASS_ALLOWLIST.has(c) && !authorClasses.has(c)) ignored.push(`class ${c}`);
    } else {
      // A transition reveal has, with a value it has not, is named with that value.
      ignored.push(/^(?:(?:data-)?(?:background-)?transition(?:-speed)?|id)$/.test(name) ? `${name}="${value}"` : name);
    }
  }
  return { look, ignored };
}

/** reveal's fragment classes: the only classes `<!-- .element: -->` may set. */
export const FRAGMENT_CLASS = /^(?:fragment|fade-(?:in|out|up|down|left|right|in-then-out|in-then-semi-out)|semi-fade-out|grow|shrink|strike|current-visible|highlight-(?:current-)?(?:red|green|blue))$/;

/**
 * Applies reveal's `<!-- .element: class="fragment" data-fragment-index="2" -->`
 * comments in rendered HTML: each sets those attributes on the element before
 * it, or else on the element that holds it. Only fragment classes and a
 * numeric index pass. Read and written with parse5, as a browser would.
 */
export function applyElementDirectives(html: string, marks = '\u0000'): string {
  if (!html.includes('.element:')) return html;
  const { fragment: root, serialize } = parseFragmentKeepingMarks(html, marks);
  const visit = (node: P5Node) => {
    if (!('childNodes' in node)) return;
    // The element or text each comment follows, kept as the children are walked: thousands of comments stay linear.
    let target: P5Node | undefined;
    node.childNodes.forEach((child) => {
      if (child.nodeName === '#comment' && 'data' in child && /^\s*\.element:/.test(child.data)) {
        const element = (target && 'tagName' in target ? target : 'tagName' in node ? node : null) as P5Element | null;
        if (element) setFragmentAttributes(element, child.data);
      } else if ('tagName' in child || ('value' in child && child.value.trim() !== '')) {
        target = child;
      }
      visit(child);
    });
    node.childNodes = node.childNodes.filter((n) => !(n.nodeName === '#comment' && 'data' in n && /^\s*\.element:/.test(n.data)));
  };
  visit(root);
  return serialize();
}

function setFragmentAttributes(element: P5Element, directive: string): void {
  const classes = /class\s*=\s*["']([^"']*)["']/.exec(directive)?.[1]?.split(/\s+/).filter((c) => FRAGMENT_CLASS.test(c)) ?? [];
  const index = /data-fragment-index\s*=\s*["']?(\d{1,3})["']?/.exec(directive)?.[1];
  const set = (name: string, value: string) => {
    const existing = element.attrs.find((a) => a.name === name);
    // A class already there is not added again: one element that many comments name keeps a short class list.
    if (existing) existing.value = name === 'class' ? [...new Set([...existing.value.split(/\s+/), ...value.split(' ')])].filter(Boolean).join(' ') : value;
    else element.attrs.push({ name, value });
  };
  if (classes.length > 0) set('class', classes.join(' '));
  if (index !== undefined) set('data-fragment-index', index);
}

type P5Node = import('parse5').DefaultTreeAdapterMap['node'];
type P5Element = import('parse5').DefaultTreeAdapterMap['element'];
