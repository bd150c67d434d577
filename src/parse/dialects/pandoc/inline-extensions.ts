import type { TokenizerAndRendererExtension, Tokens } from 'marked';
import { startWithinWindow } from '../../extension-start.js';
import { describeIgnored, readAttributes, readPlaces, writePlaces, type Attributes } from './attributes.js';
import { readConditional } from './conditional.js';
import { MDC_PROP_TEXT, readMdcAttributes, readMdcClick } from '../mdc.js';
import { isMarkAttribute, readSlidevMark, writeMarkedSpan } from '../slidev-marks.js';
import { isClickAttribute } from '../slidev.js';
import { CLICK_STEP, HIDE_AT, WITH_PREVIOUS } from '../slidev-after.js';
import { FRAGMENT_CLASS } from '../reveal.js';
import { keepSafeDeclarations } from '../../safe-inline-styles.js';
import { escapeHtml } from '../../../html-text.js';

// Pandoc's inline attributes and bracketed spans.

/** The longest bracketed span read, in characters; a longer one stays text. */
const MAX_SPAN = 1000;
/** A bracketed span's text (brackets nested once, escapes kept), before its attribute block. */
const SPAN_TEXT = String.raw`\[((?:\\.|[^\\[\]]|\[(?:\\.|[^\\[\]])*\])*)\]`;
/** A bracketed span and its attribute block; an attribute block alone, of at most 500 characters. */
const PANDOC_SPAN = new RegExp(String.raw`^${SPAN_TEXT}\{([^{}\n]*)\}`);
const PANDOC_BLOCK = /^\{([^{}\n]{0,500})\}/;
/** The same in an MDC deck, whose quoted values may hold braces (Slidev's `{v-mark="{ type: 'box' }"}`). */
const MDC_SPAN = new RegExp(String.raw`^${SPAN_TEXT}\{(${MDC_PROP_TEXT}*)\}`);
const MDC_BLOCK = new RegExp(String.raw`^\{(${MDC_PROP_TEXT}{0,500})\}`);
/** A size an `<img>` can take as its attribute: pixels or a percentage. */
const IMAGE_SIZE = /^(\d+(?:\.\d+)?)(px|%)?$/;
/** A step Pandoc's attributes ask for (`{.fragment .fade-up fragment-index=2}`): reveal's effects beside `.fragment`, and its place in the order. */
export interface PandocFragment {
  effects: string[];
  index?: string;
  /** Slidev's `v-after` (in an MDC deck): the step comes with the click before it (slidev-after.ts). */
  withPrevious?: true;
  /** Slidev's ranged click (in an MDC deck): the place at which the step goes again (slidev-after.ts). */
  hideAt?: string;
  /** Slidev's relative click (in an MDC deck): how many clicks after the last one placed in order it steps in (slidev-after.ts). */
  step?: number;
}

/**
 * The step `.fragment` asks for, with the effects among its classes that are reveal's and a `fragment-index` of digits,
 * or in an MDC deck the step Slidev's click props ask for (`{v-click}`); null without either.
 */
function readFragment(attributes: Attributes, mdc: boolean): PandocFragment | null {
  const click = mdc ? readMdcClick(attributes) : null;
  if (!attributes.classes.includes('fragment') && !click) return null;
  const index = attributes.pairs.find(([key, value]) => key === 'fragment-index' && /^\d{1,3}$/.test(value))?.[1] ?? click?.index;
  const effects = [...new Set([...attributes.classes.filter((c) => c !== 'fragment' && FRAGMENT_CLASS.test(c)), ...(click?.effects ?? [])])];
  return { effects, ...(index !== undefined ? { index } : {}), ...(click?.withPrevious ? { withPrevious: true as const } : {}), ...(click?.hideAt ? { hideAt: click.hideAt } : {}), ...(click?.step !== undefined ? { step: click.step } : {}) };
}

/** A step's classes and index as the attributes of its element. */
export function writeFragment(fragment: PandocFragment): string {
  return ` class="${['fragment', ...fragment.effects].join(' ')}"${writeFragmentPlace(fragment)}`;
}

/** A step's place in the order as attributes: its index, or the mark that it comes with the click before; and when it goes again. */
export function writeFragmentPlace(fragment: PandocFragment): string {
  const place = fragment.index !== undefined ? ` data-fragment-index="${fragment.index}"` : fragment.withPrevious ? ` ${WITH_PREVIOUS}` : fragment.step !== undefined ? ` ${CLICK_STEP}="${fragment.step}"` : '';
  return `${place}${fragment.hideAt !== undefined ? ` ${HIDE_AT}="${fragment.hideAt}"` : ''}`;
}

/** Whether a class or pair of a step's attributes was read into its step. */
const readIntoStep = (fragment: PandocFragment | null, mdc: boolean) => ({ cls: (c: string) => c === 'fragment' || (fragment !== null && fragment.effects.includes(c)), pair: (name: string) => (fragment?.index !== undefined && name === 'fragment-index') || (fragment !== null && mdc && isClickAttribute(name)) });

/** Classes of a bracketed span that Pandoc writes as HTML: `[text]{.mark}` is highlighted, `{.underline}` (or `{.ul}`) underlined, `{.smallcaps}` in small capitals. */
const SPAN_ELEMENTS: Record<string, [string, string]> = { mark: ['<mark>', '</mark>'], underline: ['<u>', '</u>'], ul: ['<u>', '</u>'], smallcaps: ['<span class="smallcaps">', '</span>'] };

/** Where Quarto's `fig-align` puts a picture in its line. */
const FIG_ALIGN = /^(?:left|center|right)$/;
/** Quarto's frames for a picture. */
const PICTURE_FRAMES: ReadonlySet<string> = new Set(['border', 'border-thick']);

/** An image, code span, link or span that an attribute block may follow directly. */
const TAKES_ATTRIBUTES = new Set(['image', 'codespan', 'link', 'pandocSpan']);
/** In an MDC deck (mdc.ts), bold, italic and struck text too. */
const MDC_TAKES_ATTRIBUTES = new Set([...TAKES_ATTRIBUTES, 'strong', 'em', 'del']);

/**
 * MDC's props after plain text (`"Rewrite"{.text-amber v-click}`), which markdown-it-mdc sets on a span of the text back to
 * the markup before it or the start of the block: that text, the last token, becomes a bracketed span of those props, read
 * and reported as one (and the props themselves say nothing more); undefined when they are not props.
 */
function readMdcTextProps(src: string, tokens: Tokens.Generic[]): Tokens.Generic | undefined {
  const match = MDC_BLOCK.exec(src);
  const attributes = match ? readMdcAttributes(match[1]!) : null;
  if (!match || !attributes) return undefined;
  const text = tokens.pop()!;
  tokens.push({ type: 'pandocSpan', raw: text.raw, attributes, tokens: [text] });
  return { type: 'pandocAttributes', raw: match[0], attributes, usedPair: () => true, usedClass: () => true, usedId: true };
}

/**
 * Pandoc's inline attributes, which Quarto decks use everywhere: `![](a.png){width=50%}`,
 * `` `x`{.python} ``, `[text](url){target=_blank}` and bracketed spans `[text]{.fragment}`.
 * None shows as text: an image takes its width and height (pixels or a percentage), an image
 * or a span with `.fragment` steps in, a span with `.mark`, `.underline` or `.smallcaps` is
 * highlighted, underlined or set in small capitals, and whatever else the block asked for is passed to `report`
 * (at render time, in order, so it can name the line). In an MDC deck (`mdc`), a block may also follow
 * bold, italic and struck text, and may hold bare props (`{lazy}`), as MDC's do.
 */
export function pandocInlineExtensions(report: (raw: string, ignored: string[]) => void, mdc = false, styleClasses: Pick<ReadonlySet<string>, 'has'> = new Set()): TokenizerAndRendererExtension[] {
  const takesAttributes = mdc ? MDC_TAKES_ATTRIBUTES : TAKES_ATTRIBUTES;
  const read = mdc ? readMdcAttributes : readAttributes;
  return [
    {
      name: 'pandocSpan',
      level: 'inline',
      // No `start`: marked ends a stretch of text at every `[` already, so a span is always tried where it could begin.
      tokenizer(src: string) {
        // Read within a bounded window: tried at every `[`, an unbounded search of a long unclosed run would be quadratic.
        const match = (mdc ? MDC_SPAN : PANDOC_SPAN).exec(src.slice(0, MAX_SPAN));
        const attributes = match ? read(match[2]!) : null;
        if (!match || !attributes) return undefined;
        return { type: 'pandocSpan', raw: match[0], attributes, tokens: this.lexer.inlineTokens(match[1]!) };
      },
      renderer(token) {
        const { attributes, tokens } = token as unknown as { attributes: Attributes; tokens: Tokens.Generic[] };
        // Quarto's conditional content (conditional.ts): a span a deck leaves out is gone, words and all; one it shows loses its marks.
        const conditional = readConditional(attributes);
        if (conditional === 'left out') return '';
        if (conditional === 'shown') return this.parser.parseInline(tokens);
        let inner = this.parser.parseInline(tokens);
        const fragment = readFragment(attributes, mdc);
        const step = readIntoStep(fragment, mdc);
        // Slidev's rough mark on a span (`[word]{v-mark.circle}`), as on an element (slidev-marks.ts).
        // A bare prop reads as `true` (readMdcAttributes), where Vue's bare directive has no value: the mark is drawn at the next click.
        const mark = mdc ? readSlidevMark(Object.fromEntries(attributes.pairs.map(([k, v]) => [k, isMarkAttribute(k) && v === 'true' ? '' : v]))) : null;
        const ignored = describeIgnored({ ...attributes, pairs: attributes.pairs.filter(([k]) => !step.pair(k) && k !== 'style' && !(mdc && isMarkAttribute(k))) }, (cls) => step.cls(cls) || Object.hasOwn(SPAN_ELEMENTS, cls) || styleClasses.has(cls));
        // Its inline style (Quarto's way to colour text, `[red]{style="color: red"}`): what an author's HTML may keep of it.
        const style = keepSafeDeclarations(attributes.pairs.find(([k]) => k === 'style')?.[1] ?? '');
        ignored.push(...style.dropped.map((declaration) => `style=${declaration}`));
        if (ignored.length > 0) report(token.raw, ignored);
        if (style.kept) inner = `<span style="${escapeHtml(style.kept)}">${inner}</span>`;
        for (const cls of new Set(attributes.classes)) if (Object.hasOwn(SPAN_ELEMENTS, cls)) inner = `${SPAN_ELEMENTS[cls]![0]}${inner}${SPAN_ELEMENTS[cls]![1]}`;
        // Classes the deck's own styles name (and, in an MDC deck, Slidev's utility classes) stay on the span, for them to style.
        const styled = [...new Set(attributes.classes)].filter((cls) => styleClasses.has(cls));
        if (styled.length > 0) inner = `<span class="${styled.join(' ')}">${inner}</span>`;
        if (mark) inner = writeMarkedSpan(mark, inner, fragment !== null);
        return fragment ? `<span${writeFragment(fragment)}>${inner}</span>` : inner;
      },
    },
    {
      name: 'pandocAttributes',
      level: 'inline',
      start: startWithinWindow('{'),
      tokenizer(src: string, tokens: Tokens.Generic[]) {
        const before = tokens.at(-1);
        // Nothing that reads the whole text before: it grows with each piece of a long line, and this is asked at each.
        if (mdc && before?.type === 'text' && src.startsWith('{')) return readMdcTextProps(src, tokens);
        if (!before || !takesAttributes.has(before.type)) return undefined;
        // Pandoc's raw inline, `` `<b>x</b>`{=html} ``: the code span is markup for that output (render-markdown.ts reads it).
        const raw = before.type === 'codespan' ? /^\{=([A-Za-z][\w-]{0,30})\}/.exec(src) : null;
        if (raw) {
          before.pandocRawFormat = raw[1]!.toLowerCase();
          return { type: 'pandocAttributes', raw: raw[0], attributes: { id: null, classes: [], pairs: [] }, usedPair: () => true, usedClass: () => true, usedId: true };
        }
        const match = (mdc ? MDC_BLOCK : PANDOC_BLOCK).exec(src);
        const attributes = match ? read(match[1]!) : null;
        if (!match || !attributes) return undefined;
        let usedPair: (name: string) => boolean = () => false;
        let usedClass: (cls: string) => boolean = () => false;
        let usedId = false;
        if (before.type === 'image') {
          // The image renders first and reads its size and step from its own token.
          const size = Object.fromEntries(attributes.pairs.filter(([k, v]) => (k === 'width' || k === 'height') && IMAGE_SIZE.test(v)).map(([k, v]) => [k, v.replace(/px$/, '')]));
          const fragment = readFragment(attributes, mdc);
          const step = readIntoStep(fragment, mdc);
          before.pandocSize = size;
          if (fragment) before.pandocFragment = fragment;
          // Quarto's `.absolute` with `top=`, `left=`, `right=`, `bottom=`: the picture placed on the slide (a number is pixels).
          const places = attributes.classes.includes('absolute') ? readPlaces(attributes, ['top', 'left', 'right', 'bottom']) : [];
          if (places.length > 0) before.pandocPlace = writePlaces(places);
          // reveal's `.r-stretch` (`.stretch` before it) and Quarto's `.nostretch` (auto-stretch.ts reads both).
          const stretch = attributes.classes.find((c) => c === 'r-stretch' || c === 'stretch' || c === 'nostretch');
          if (stretch) before.pandocStretch = stretch === 'nostretch' ? 'nostretch' : 'r-stretch';
          // A picture meant to be placed is never stretched, as in Quarto, even when its place could not be read.
          else if (attributes.classes.includes('absolute') && places.length === 0) before.pandocStretch = 'nostretch';
          // A Quarto figure label (`#fig-map`, pandoc-crossref's `#fig:map`) captions and numbers the image (cross-refs.ts).
          if (attributes.id !== null && /^fig[-:]/.test(attributes.id)) {
            before.pandocFigure = attributes.id;
            usedId = true;
          }
          // Quarto's `fig-alt`: the picture's text alternative, where the brackets hold its caption.
          const alt = attributes.pairs.find(([k]) => k === 'fig-alt')?.[1].trim();
          if (alt) before.pandocAlt = alt;
          // Quarto's `fig-align="center"` (left, right) and its `.border` and `.border-thick` frames: classes layout.css draws.
          const align = attributes.pairs.find(([k, v]) => k === 'fig-align' && FIG_ALIGN.test(v))?.[1];
          const looks = [...(align ? [`fig-${align}`] : []), ...attributes.classes.filter((c) => PICTURE_FRAMES.has(c))];
          if (looks.length > 0) before.pandocLooks = looks;
          usedPair = (name) => Object.hasOwn(size, name) || (name === 'fig-alt' && alt !== undefined) || (name === 'fig-align' && align !== undefined) || places.some(([k]) => k === name) || step.pair(name);
          usedClass = (cls) => step.cls(cls) || cls === stretch || (cls === 'absolute' && places.length > 0) || PICTURE_FRAMES.has(cls);
        }
        // MDC's `**bold**{.text-rose-400}`: classes the deck's styles name stay on the element (the renderers below write them).
        if (before.type === 'strong' || before.type === 'em' || before.type === 'del') {
          const styled = [...new Set(attributes.classes)].filter((cls) => styleClasses.has(cls));
          if (styled.length > 0) before.pandocClasses = styled;
          usedClass = (cls) => styled.includes(cls);
        }
        // A code span's class names its language, which inline code has no use for; a deck's links open outside it already.
        if (before.type === 'codespan') usedClass = () => true;
        if (before.type === 'link') usedPair = (name) => name === 'target';
        return { type: 'pandocAttributes', raw: match[0], attributes, usedPair, usedClass, usedId };
      },
      renderer(token) {
        const { attributes, usedPair, usedClass, usedId } = token as unknown as { attributes: Attributes; usedPair: (name: string) => boolean; usedClass: (cls: string) => boolean; usedId: boolean };
        const ignored = describeIgnored({ ...attributes, id: usedId ? null : attributes.id, pairs: attributes.pairs.filter(([k]) => !usedPair(k)) }, usedClass);
        if (ignored.length > 0) report(token.raw, ignored);
        return '';
      },
    },
    // Bold, italic and struck text that MDC's attributes gave classes, written with them; any other is marked's own.
    ...(['strong', 'em', 'del'] as const).map((name): TokenizerAndRendererExtension => ({
      name,
      renderer(token) {
        const classes = (token as { pandocClasses?: string[] }).pandocClasses;
        return classes ? `<${name} class="${classes.join(' ')}">${this.parser.parseInline(token.tokens ?? [])}</${name}>` : false;
      },
    })),
  ];
}
