// Syntax of other tools that briefdeck cannot carry over yet. None of it may
// reach the slide as text: each is left out, with a warning that names it.
// Slidev's `<v-clicks>` and `<v-click>` are the exceptions: they map onto an incremental list and a build step;
// so are `<style>` blocks, whose CSS is handed on to style the deck (author-styles.ts).

import { shortcodeLeftOut, TEXT_SHORTCODES } from './pandoc/shortcodes.js';
import { findEmbedAddress } from './embed-addresses.js';
import { mapOutsideCodeSpans } from '../outside-code-spans.js';
import { markSlidevPageNumbers, readVClicks, rewriteInlineClicks, SLIDEV_GLOBALS } from './slidev.js';
import { rewriteSlidevLinks } from './slidev-links.js';
import { drawSlidevArrow, drawSlidevDragArrow, placeSlidevDrag } from './slidev-placed.js';
import { markSlidevToc } from './slidev-toc.js';
import { closeSlotTemplate, readSlotTemplate, type OpenTemplates } from './slidev-slots.js';

/** State carried from line to line within one file. */
export interface LeftoverState {
  /** The fence of a diagram block being skipped, such as ```plantuml. */
  skipFence?: string;
  /** A `<style>` block being read: its CSS so far, and whether it was written `<style scoped>` (Marp's, for its slide only). */
  style?: { lines: string[]; scoped: boolean };
  /** Slidev's `<RenderWhen>` elements still open, each true when it shows its content to the presenter only. */
  renderWhen?: boolean[];
  /** The deck is Slidev's, where every `{{ … }}` outside code is a Vue expression. */
  slidev?: boolean;
  /** A `<Toc />` line is a table of contents in a deck not Slidev's too (HackMD's `[TOC]`, which its module writes as one). */
  toc?: boolean;
  /** Whose components the deck's are, as warnings name them (`Slidev, Vue` unless said). */
  componentsOf?: string;
  /** The Vue templates open on the slide, innermost last: one that fills a layout's slot ends it (slidev-slots.ts). */
  templates?: OpenTemplates;
  /** Inside Slidev's `<v-switch>`, whose templates are build steps; `first` until its first template is read. */
  vSwitch?: boolean | 'first';
  /** Whether the deck's theme is dark, which picks the slot Slidev's `<LightOrDark>` shows. */
  dark?: boolean;
  /** Inside `<LightOrDark>`: whether a slot is open, and whether it is the one left out. */
  lightOrDark?: { inSlot: boolean; skipping: boolean };
  /** The deck's slide width in pixels, which Slidev's `<Arrow>` points are scaled to (1280 unless said). */
  slideWidth?: number;
  /** Slidev's `<v-drag pos>` elements open, each a placed box whose closing tag ends it. */
  drags?: true[];
  /** Slidev's `<Transform>` elements open, each a zoomed box whose closing tag ends it. */
  transforms?: true[];
  /** In a Slidev deck, the `<div>`s of raw HTML open at this line of the slide, and the `<v-clicks>` left to the HTML reader inside them. */
  html?: { openDivs: number; clickGroups: number };
}

/**
 * Rewrites one line: null when it is not another tool's leftover, else the
 * text to read instead (often empty) and, where meaning is lost, a warning.
 */
export function rewriteLeftover(line: string, state: LeftoverState): { text: string; before?: readonly string[]; warning?: string; style?: { css: string; scoped: boolean } } | null {
  if (state.skipFence) {
    if (line.trim() === state.skipFence) state.skipFence = undefined;
    return { text: '' };
  }
  // A `<style>` block's CSS is the deck's to style (author-styles.ts), never its text: read whole, it is handed on at its end.
  if (state.style) return readStyleLine(line, state);
  // Slidev cuts at any line that opens with `---` (its parser's rule): `--- #9`, an author's note on the cut, is a cut.
  if (state.slidev && /^---[^-]/.test(line) && /\S/.test(line.slice(3))) return { text: '---' };
  // Slidev's page number and count (`<SlideCurrentNo />`, `{{ $slidev.nav.total }}`) are the deck's, once it is numbered.
  // These, and Slidev's other tags inside a line below, are rewritten outside code spans only: a code span shows them as written.
  const numbered = markSlidevPageNumbers(line);
  if (numbered !== null) return rewriteLeftover(numbered, state) ?? { text: numbered };
  // Slidev's other expressions (`{{ $slidev.configs.title }}`) have no value outside Slidev; they go, wherever they stand.
  if (line.includes('{{') && SLIDEV_EXPRESSION.test(line)) {
    const expressions: string[] = [];
    const text = mapOutsideCodeSpans(line, (part) => part.replace(new RegExp(SLIDEV_EXPRESSION.source, 'g'), (expression) => (expressions.push(expression), '')));
    // Named as written, so `{{ $clicks }}` is not called `$slidev`'s.
    const found = [...new Set(expressions.map((e) => (e.length > 60 ? `${e.slice(0, 57)}…}}` : e)))];
    if (found.length > 0) return { text, warning: `Slidev expression${found.length > 1 ? 's' : ''} ${found.join(', ')} ${found.length > 1 ? 'are' : 'is'} not supported and ${found.length > 1 ? 'were' : 'was'} left out` };
  }
  // In an MDX deck, any `{…}` in text is JavaScript MDX runs (`{props.name}`, `{1 + 1}`), and `<>` … `</>` a fragment that
  // groups; briefdeck runs no deck's code, so the expressions go, but in code spans, and the fragment's tags with them.
  if (state.componentsOf?.startsWith('MDX') && /[{]|<\/?>/.test(line)) {
    const withoutExpressions = replaceOutsideCodeSpans(line, MDX_EXPRESSION, '');
    const kept = replaceOutsideCodeSpans(withoutExpressions, /<\/?>/g, '');
    if (kept !== line) return { text: kept, ...(withoutExpressions !== line ? { warning: 'JavaScript expressions {…} (MDX, React) are not run and were left out' } : {}) };
  }
  // In a Slidev deck, Vue computes any other `{{ … }}` (`{{ 1 + 1 }}`); briefdeck runs no deck's code, so it goes too, but in code spans.
  if (state.slidev && line.includes('{{')) {
    const kept = replaceOutsideCodeSpans(line, VUE_EXPRESSION, '');
    if (kept !== line) return { text: kept, warning: 'Vue expressions {{ … }} (Slidev) are not evaluated and were left out' };
  }
  // Vue's shorthands on a tag, `@click="…"` (v-on) and `#default` (v-slot), are no attribute names to a Markdown reader, which
  // then showed the whole tag as text: written out in full, the tag is read as HTML, and the cleaner names them as Slidev's.
  if (state.slidev && /<[A-Za-z][^<>]*\s[@#][A-Za-z_]/.test(line)) {
    const written = mapOutsideCodeSpans(line, (part) => part.replace(/<[A-Za-z][\w:.-]*\s[^<>]*>/g, writeVueShorthands));
    if (written !== line) return rewriteLeftover(written, state) ?? { text: written };
  }
  // Slidev's `<RenderWhen context="presenter">` shows its content in the presenter's view only: here, that is the
  // speaker notes, so it becomes reveal's notes element, read as notes wherever it stands. Another context's shows as text.
  if (line.includes('RenderWhen')) {
    const open = (state.renderWhen ??= []);
    const text = mapOutsideCodeSpans(line, (part) =>
      part.replace(/<(\/?)RenderWhen\b([^>]*)>/g, (tag, closing: string, attributes: string) => {
        if (closing) return open.pop() ? '</aside>' : tag;
        const presenter = /^\s+context\s*=\s*(["'])presenter\1\s*$/.test(attributes);
        open.push(presenter);
        return presenter ? '<aside class="notes">' : tag;
      }),
    );
    if (text !== line) return { text };
  }
  // Slidev's `<Link to="3">` (a page's number, or the `routeAlias` of a slide) links to that slide, wherever it stands.
  if (state.slidev && line.includes('<Link')) {
    const linked = mapOutsideCodeSpans(line, rewriteSlidevLinks);
    if (linked !== line) return rewriteLeftover(linked, state) ?? { text: linked };
  }
  // Slidev's click elements inside a line are spans that step in; on lines of their own they are build steps (below).
  if (/<\/?v-(?:click|after)\b/i.test(line) && !/^[ \t]*<\/?v-(?:click|after)\b[^>]*>[ \t]*$/i.test(line)) {
    const clicked = mapOutsideCodeSpans(line, rewriteInlineClicks);
    if (clicked !== line) return { text: clicked };
  }
  // Slidev's `<LightOrDark>` shows its `#dark` slot in a dark theme and its `#light` slot in a light one.
  // A slide's end closes it too, left open (slide-cutting reads the `---`): each Slidev slide is a component of its own.
  if (state.lightOrDark && /^---[ \t]*$/.test(line)) state.lightOrDark = undefined;
  if (state.html && /^---[ \t]*$/.test(line)) state.html = undefined;
  if (state.lightOrDark || /^[ \t]*<LightOrDark\b[^>]*>[ \t]*$/.test(line)) {
    const shown = readLightOrDarkLine(line, state);
    if (shown) return shown;
  }
  // knitr works out an attribute written as its inline R code (`<img src="`r knitr::fig_chunk("plot", "png")`">`) as it knits
  // the deck; briefdeck runs no R. Such a picture goes, and any other such attribute; as written, the tag showed as text.
  if (line.includes('"`r ') && KNITR_ATTRIBUTE.test(line)) return leaveOutKnitrAttributes(line);
  // Every leftover below starts with a fence, a tag or a brace; most lines start with none, and are done with here.
  if (!/^[ \t]*[`~<{]/.test(line)) return null;
  if (state.slidev) countOpenDivs(line, (state.html ??= { openDivs: 0, clickGroups: 0 }));
  // Mermaid's diagrams are drawn (read-diagram.ts); PlantUML's need a Java program briefdeck does not run.
  const diagram = /^ {0,3}(`{3,}|~{3,})[ \t]*\{?[ \t]*(plantuml)\b/.exec(line);
  if (diagram) {
    state.skipFence = diagram[1]!;
    return { text: '', warning: `${diagram[2]} diagrams are not drawn yet; the block was left out` };
  }
  const style = /^[ \t]*<style(\s[^>]*)?>/i.exec(line);
  if (style) {
    state.style = { lines: [], scoped: /\sscoped\b/i.test(style[1] ?? '') };
    return readStyleLine(line.slice(style[0].length), state);
  }
  // A shortcode alone on its line goes with its line, unless it stands for text (shortcodes.ts reads those where they stand).
  // Alone: it ends at its first `>}}`, so a line that opens with one shortcode and closes with another keeps the text between.
  const shortcode = /^[ \t]*\{\{<[ \t]*([\w-]*)(?:(?!>\}\}).)*>\}\}[ \t]*$/.exec(line);
  if (shortcode && !TEXT_SHORTCODES.has(shortcode[1]!)) return readVideoShortcode(line) ?? readTweetShortcode(line) ?? { text: '', warning: shortcodeLeftOut(line.trim()) };
  // `<v-clicks>` steps in the lists inside it, not the slide's others, to the depth it names (1, Slidev's default: an item with its sub-items).
  const clicks = /^[ \t]*<v-clicks\b([^>]*)>[ \t]*$/i.exec(line);
  // Inside raw HTML (a grid of cards), the element stays, for the HTML reader to step in its children (stepClickGroups):
  // a region of the slide's lines there would cut the HTML around it in two.
  if (clicks && state.html && state.html.openDivs > 0) return (state.html.clickGroups++, null);
  if (clicks) return readVClicks(clicks[1]!);
  if (/^[ \t]*<\/v-clicks>[ \t]*$/i.test(line)) return state.html && state.html.clickGroups > 0 ? (state.html.clickGroups--, null) : { text: '<!-- incremental: end -->' };
  // `<v-click>` around Markdown: its content is one build step; what follows the closing tag shows from the start.
  if (/^[ \t]*<v-click\b[^>]*>[ \t]*$/i.test(line)) return { text: '<!-- pause -->' };
  if (/^[ \t]*<\/v-click>[ \t]*$/i.test(line)) return { text: '<!-- pause: end -->' };
  // `<v-after>` around Markdown: a step that comes with the click before it.
  if (/^[ \t]*<v-after\b[^>]*>[ \t]*$/i.test(line)) return { text: '<!-- pause: with-previous -->' };
  if (/^[ \t]*<\/v-after>[ \t]*$/i.test(line)) return { text: '<!-- pause: end -->' };
  // Slidev's `<v-switch>` shows one of its templates at a time, each from its click to the next's.
  if (/^[ \t]*<v-switch\b[^>]*>[ \t]*$/i.test(line)) {
    state.vSwitch = 'first';
    return { text: '' };
  }
  if (state.vSwitch && /^[ \t]*<\/v-switch>[ \t]*$/i.test(line)) {
    state.vSwitch = false;
    return { text: '<!-- pause: end -->' };
  }
  // A Vue slot's template (`<template #1>One</template>`): its content, without the tags.
  const slot = /^([ \t]*)<template[ \t]+(?:#|v-slot:?)([^\s>]*)[^>]*>(.*?)(<\/template>)?[ \t]*$/.exec(line);
  if (slot) {
    const text = `${slot[1]}${slot[3]}`;
    const step = state.vSwitch ? switchStep(slot[2]!, state.vSwitch === 'first') : undefined;
    if (step) state.vSwitch = true;
    // A layout's slot (`<template v-slot:right>`) is read as its marker, `::right::` (slidev-slots.ts).
    const marker = readSlotTemplate(step ? undefined : slot[2]!, slot[4] !== undefined, (state.templates ??= []));
    if (marker !== null && text.trim() === '') return { text: marker };
    return step ? { text, before: [step] } : { text };
  }
  if (/^[ \t]*<\/template>[ \t]*$/.test(line)) return { text: closeSlotTemplate(state.templates ??= []) ?? '' };
  // Slidev's table of contents: marked here, filled in once every slide's title is known (slidev-toc.ts).
  const toc = state.slidev || state.toc ? markSlidevToc(line) : null;
  if (toc) return toc;
  // Slidev's `<AutoFitText modelValue="…"/>` is text sized to fill its box: the text stays, at the slide's size.
  const fitted = /^[ \t]*<AutoFitText\b[^>]*?\s(?:modelValue|model-value)\s*=\s*(["'])([^"'<>]*)\1[^>]*>(?:[ \t]*<\/AutoFitText>)?[ \t]*$/.exec(line);
  if (fitted) return { text: fitted[2]!, warning: `component <AutoFitText> (${state.componentsOf ?? 'Slidev, Vue'}) is not supported; its text shows at the slide's own size` };
  // Slidev's `<Youtube id="…"/>` and `<Tweet id="…"/>`: a link to what they would show, which a deck cannot embed.
  const embedded = readEmbedLink(line);
  if (embedded) return embedded;
  // Slidev's `<Arrow>` (and its starter deck's `<arrow>`, and `<v-drag-arrow>`), drawn over the slide where its points say,
  // and `<v-drag pos="…">`'s content placed there (slidev-placed.ts); Vue takes the last two by their components' names too (`<VDragArrow>`, `<VDrag>`).
  const placed = state.slidev ? /^[ \t]*<([Aa]rrow|v-drag-arrow|v-drag|VDragArrow|VDrag)\b([^<>]*?)(\/?)>(?:[ \t]*<\/\1>)?[ \t]*$/.exec(line) : null;
  const placedTag = placed?.[1] === 'VDragArrow' ? 'v-drag-arrow' : placed?.[1] === 'VDrag' ? 'v-drag' : placed?.[1];
  const canvas = { slideWidth: state.slideWidth ?? 1280, dark: state.dark === true };
  const drawn = !placed ? undefined : placedTag === 'v-drag-arrow' ? drawSlidevDragArrow(placed[2]!, canvas) : placedTag === 'v-drag' ? undefined : drawSlidevArrow(placed[2]!, canvas);
  if (drawn) return { text: drawn };
  const dragged = placedTag === 'v-drag' && placed![3] === '' ? placeSlidevDrag(placed![2]!, canvas.slideWidth) : undefined;
  if (dragged) {
    // Closed on its own line (`<v-drag pos="…"></v-drag>`), its box closes there; else at its closing tag.
    const closed = /<\/(?:v-drag|VDrag)>[ \t]*$/.test(line);
    if (!closed) (state.drags ??= []).push(true);
    return { text: `${dragged.html}${closed ? '</div>' : ''}`, ...(dragged.rotated ? { warning: "Slidev's v-drag rotation is not drawn; its content stands upright where it is placed" } : {}) };
  }
  if (state.drags?.length && /^[ \t]*<\/(?:v-drag|VDrag)>[ \t]*$/.test(line)) return (state.drags.pop(), { text: '</div>' });
  // Slidev's `<Transform :scale="0.8">`: its content at that scale, as CSS's zoom sizes it (a transform is no style a slide may set).
  const transform = state.slidev ? /^[ \t]*<Transform\b([^<>]*)>[ \t]*$/.exec(line) : null;
  if (transform) {
    const scale = /\s:?scale\s*=\s*(["'])(\d{1,2}(?:\.\d{1,3})?|\.\d{1,3})\1/.exec(transform[1]!)?.[2];
    const zoom = scale !== undefined && Number(scale) >= 0.1 && Number(scale) <= 4 ? Number(scale) : undefined;
    (state.transforms ??= []).push(true);
    const others = transform[1]!.replace(/\s:?(?:scale|origin)\s*=\s*(?:"[^"]*"|'[^']*')/g, '').trim();
    return { text: `<div${others ? ` ${others}` : ''}${zoom !== undefined ? ` style="zoom:${zoom}"` : ''}>`, ...(zoom === undefined ? { warning: "Slidev's <Transform> has no scale briefdeck reads; its content shows at the slide's own size" } : {}) };
  }
  if (state.transforms?.length && /^[ \t]*<\/Transform>[ \t]*$/.test(line)) return (state.transforms.pop(), { text: '</div>' });
  // A Vue or React component: capitalised (`<Tweet>`, `<YouTube>`, `<BGImage>`) or Slidev's `v-` ones, and in a Slidev deck its `<arrow>` (its
  // starter deck's, which Slidev also names so); HTML's own tags, in any case, are not.
  // Its closing tag goes quietly: the opening one has said what was lost.
  const component = /^[ \t]*<(\/?)([A-Z][\w-]*|v-[\w-]+|arrow)\b[^>]*?(\/?)>[ \t]*$/.exec(line);
  // One that wraps text on its own line (`<VDrag pos="square">Drag me</VDrag>`): the text, without the component.
  const wrapping = component ? null : /^([ \t]*)<([A-Z][\w-]*|v-[\w-]+)\b[^<>]*>([^<>]*)<\/\2>[ \t]*$/.exec(line);
  if (wrapping && !HTML_TAGS.has(wrapping[2]!.toLowerCase())) return { text: `${wrapping[1]}${wrapping[3]}`, warning: `component <${wrapping[2]}> (${state.componentsOf ?? 'Slidev, Vue'}) is not supported and was left out; what it wraps shows without it` };
  if (!component || HTML_TAGS.has(component[2]!.toLowerCase()) || (component[2] === 'arrow' && !state.slidev)) return null;
  if (component[1]) return { text: '' };
  const wraps = component[3] ? '' : '; what it wraps shows without it';
  return { text: '', warning: `component <${component[2]}> (${state.componentsOf ?? 'Slidev, Vue'}) is not supported and was left out${wraps}` };
}

/** Slidev's `<Youtube id="…"/>` or `<Tweet id="…"/>` alone on a line: a link to the video or the post; null for any other line. */
function readEmbedLink(line: string): { text: string; warning: string } | null {
  const found = /^[ \t]*<(Youtube|YouTube|Tweet)\b[^<>]*?\sid\s*=\s*(["'])([\w-]{1,40})\2[^<>]*?\/?>(?:[ \t]*<\/\1>)?[ \t]*$/.exec(line);
  if (!found) return null;
  const url = findEmbedAddress(found[1]!.toLowerCase(), found[3]!)!;
  // An element rather than Markdown's autolink: the tag often stands inside raw HTML (a `<v-click>`, a `<v-drag>` box), where Markdown is not read.
  return { text: `<a href="${url}">${url}</a>`, warning: `Slidev's <${found[1]}> is shown as a link to ${url}: a deck embeds nothing from the network` };
}

/**
 * Quarto's `{{< video https://… >}}` on a line of its own: a link to the video, its title the link's text, since a deck
 * carries no video and plays nothing from the network; null for any other shortcode, or a video that is a local file.
 */
function readVideoShortcode(line: string): { text: string; warning: string } | null {
  const video = /^[ \t]*\{\{<[ \t]*video[ \t]+(["']?)(https:\/\/[^\s"'<>]{1,400})\1([^\n]{0,400}?)[ \t]*>\}\}[ \t]*$/.exec(line);
  if (!video) return null;
  const title = /\btitle=(["'])([^"'\n]{1,200})\1/.exec(video[3]!)?.[2];
  // The link's text is the title, or the address itself; Markdown's own characters in it stay text.
  const text = (title ?? video[2]!).replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
  return { text: `[${text}](<${video[2]}>)`, warning: `Quarto's video ${video[2]} is shown as a link to it: a deck carries no video, and plays nothing from the network` };
}

/** Quarto's `{{< tweet user=quarto id=123 >}}` on a line of its own: a link to the post, as Slidev's `<Tweet>` is; null for any other line. */
function readTweetShortcode(line: string): { text: string; warning: string } | null {
  const id = /^[ \t]*\{\{<[ \t]*tweet\b[^\n>]{0,200}?\bid=["']?([\w-]{1,64})["']?[^\n>]{0,200}>\}\}[ \t]*$/.exec(line)?.[1];
  const url = id === undefined ? undefined : findEmbedAddress('tweet', id);
  return url === undefined ? null : { text: `<${url}>`, warning: `Quarto's tweet is shown as a link to ${url}: a deck embeds nothing from the network` };
}

/** Reads a line of Slidev's `<LightOrDark>`: the slot for the deck's theme shows, the other goes; null for a line it leaves to the rest. */
function readLightOrDarkLine(line: string, state: LeftoverState): { text: string } | null {
  if (!state.lightOrDark) {
    state.lightOrDark = { inSlot: false, skipping: false };
    return { text: '' };
  }
  const open = state.lightOrDark;
  if (!open.inSlot) {
    if (/^[ \t]*<\/LightOrDark>[ \t]*$/.test(line)) {
      state.lightOrDark = undefined;
      return { text: '' };
    }
    const slot = /^([ \t]*)<template[ \t]+(?:#|v-slot:)(dark|light)\b[^>]*>(.*?)(<\/template>)?[ \t]*$/.exec(line);
    if (!slot) return null;
    open.skipping = (slot[2] === 'dark') !== (state.dark === true);
    open.inSlot = slot[4] === undefined;
    return { text: open.skipping ? '' : `${slot[1]}${slot[3]}` };
  }
  const end = /^(.*?)<\/template>[ \t]*$/.exec(line);
  if (end) open.inSlot = false;
  if (open.skipping) return { text: '' };
  return end ? { text: end[1]! } : null;
}

/**
 * The build step a `<v-switch>` template is: `#2` (or `#2-4`) is seen from the switch's click 2 until the next step, as
 * reveal's current-visible fragment at that place in the order; `#0` (or `#0-2`) is seen from the start, and goes at
 * click 1 (or 2). Its clicks count from where the switch stands, as Slidev counts them, and are placed on the slide's
 * (slidev-after.ts) from the switch's `first` template: `switch` marks a template, whose last one stays once shown
 * (build-steps.ts), `switch-start` the first, and `switch-end` the click a range ends at. A slot that names no click is
 * no step.
 */
function switchStep(name: string, first: boolean): string | undefined {
  const clicks = /^(\d{1,3})(?:-(\d{1,3}))?$/.exec(name);
  if (!clicks) return undefined;
  const from = Number(clicks[1]);
  const marks = `switch${first ? ' switch-start' : ''}${clicks[2] !== undefined ? ` switch-end=${clicks[2]}` : ''}`;
  if (from > 0) return `<!-- pause: current-visible ${marks} index=${from} -->`;
  return `<!-- pause: fade-out ${marks} index=${clicks[2] !== undefined ? Math.max(1, Number(clicks[2])) : 1} -->`;
}

/** Reads a line of a `<style>` block; at its end, hands on the block's CSS, its first line being the tag's. */
function readStyleLine(line: string, state: LeftoverState): { text: string; style?: { css: string; scoped: boolean } } {
  const open = state.style!;
  const end = /<\/style\s*>/i.exec(line);
  open.lines.push(end ? line.slice(0, end.index) : line);
  if (!end) return { text: '' };
  state.style = undefined;
  return { text: line.slice(end.index + end[0].length), style: { css: open.lines.join('\n'), scoped: open.scoped } };
}

/** A Vue expression that reads Slidev's globals, which only Slidev can give a value. */
const SLIDEV_EXPRESSION = new RegExp(String.raw`\{\{[^{}\n]{0,200}\$(?:${SLIDEV_GLOBALS})\b[^{}\n]{0,200}\}\}`);

/** A Vue expression in text, but for Quarto's shortcodes (`{{< … >}}`, `{{% … %}}`). */
const VUE_EXPRESSION = /\{\{(?![<%])[^{}\n]{1,400}\}\}/g;
/** An MDX expression in text, `{…}` not escaped (`\\{` is a brace), without braces inside; bounded. */
const MDX_EXPRESSION = /(?<!\\)\{[^{}\n]{0,400}\}/g;

/** `line` with `pattern` replaced but inside its code spans (`` `…` ``), where Markdown shows the text as written. */
function replaceOutsideCodeSpans(line: string, pattern: RegExp, replacement: string): string {
  return mapOutsideCodeSpans(line, (part) => part.replace(pattern, replacement));
}

/** HTML elements an author may write in any case, which are never Vue components. */
const HTML_TAGS = new Set('a abbr address article aside audio b blockquote body br button canvas caption cite code col dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr i iframe img input ins kbd label legend li link main mark menu meta nav object ol option output p picture pre progress q s samp script section select small source span strong style sub summary sup table tbody td template textarea tfoot th thead time title tr u ul var video'.split(' '));

/** An attribute whose whole value is knitr's inline R code, as an R Markdown deck writes it before knitr knits it. */
const KNITR_ATTRIBUTE = /\s[\w:-]+[ \t]*=[ \t]*"`r [^`\n]*`"/;
/** A picture whose path is such an attribute. */
const KNITR_PICTURE = /<(?:img|source)\b[^<>]*?\s(?:src|srcset)[ \t]*=[ \t]*"`r [^`\n]*`"[^<>]*>/gi;

/** A line with knitr's attributes left out: its pictures whole, any other tag's such attributes. */
function leaveOutKnitrAttributes(line: string): { text: string; warning: string } {
  const pictures = line.match(KNITR_PICTURE)?.length ?? 0;
  const text = line.replace(KNITR_PICTURE, '').replace(new RegExp(KNITR_ATTRIBUTE.source, 'g'), '');
  const what = pictures > 0 ? `${pictures === 1 ? 'a picture' : `${pictures} pictures`} whose path` : 'an attribute whose value';
  return { text, warning: `${what} knitr works out as it knits the deck (\`r …\` in the tag) ${pictures > 1 ? 'were' : 'was'} left out: briefdeck runs no R` };
}

/** Counts the `<div>`s a line of raw HTML opens and closes (a self-closing one neither), never below none. */
function countOpenDivs(line: string, html: { openDivs: number }): void {
  if (!line.includes('div')) return;
  const opened = (line.match(/<div\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi) ?? []).filter((tag) => !tag.endsWith('/>')).length;
  const closed = (line.match(/<\/div\s*>/gi) ?? []).length;
  html.openDivs = Math.max(0, html.openDivs + opened - closed);
}

/** A tag with Vue's `@name` and `#name` attributes written as `v-on:name` and `v-slot:name`; a value, quoted or not, is left as it is. */
function writeVueShorthands(tag: string): string {
  const name = /^<[A-Za-z][\w:.-]*/.exec(tag)![0];
  // Attribute by attribute, so an `@` inside a quoted value (`title="ask @bob"`) is never taken for one.
  const attribute = /(\s+)([^\s"'=<>/]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/y;
  let out = name;
  let at = name.length;
  for (let m = (attribute.lastIndex = at, attribute.exec(tag)); m; m = attribute.exec(tag)) {
    const [, space, key, value = ''] = m as unknown as [string, string, string, string | undefined];
    out += `${space}${key.startsWith('@') ? `v-on:${key.slice(1)}` : key.startsWith('#') ? `v-slot:${key.slice(1)}` : key}${value}`;
    at = attribute.lastIndex;
  }
  return out + tag.slice(at);
}
