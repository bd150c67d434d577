import { loadHtmlParser } from '../load-html-parser.js';
import type { DefaultTreeAdapterMap } from 'parse5';
import type { DiagnosticBag } from '../../errors.js';
import type { IncludedFile, RevealSeparatorLines, SourceFile } from '../../model.js';
import { readRevealOptions } from './reveal-options.js';
import { REVEAL_THEMES } from '../../themes.js';
import { describeIncludeProblem, lookUpInclude } from '../../include-paths.js';
import { findExcessiveHtmlNesting, HTML_TOO_DEEP } from '../html-depth.js';
import { textOf } from '../html-fragment.js';
import { readRemarkSource } from './remark-html.js';
import { readMarpSlides } from './marp-html.js';
import { readSlidySlides } from './slidy-html.js';
import { readImpressSteps } from './impress-html.js';
import { readIoslidesSlides } from './ioslides-html.js';
import { isShowerPage, readShowerMarks } from './shower-html.js';
import { truncate } from '../resolve-references.js';
import { dropQuartoPlumbing, renderedByQuarto } from './quarto-page.js';
import { writeHtmlSlide } from './html-slide.js';
import { isKnownRevealSeparator, markBlankLineSeparators, readBlankLineSeparator, readSeparatorLine } from './reveal-separators.js';
import type { DeckText, MetaSource } from '../parse-meta.js';
import { LANGUAGE_TAG } from '../meta-schema.js';
import { PEER_SYNTAX_HINT } from '../render-markdown.js';
import { attributeOf as attribute, classesOf as classes, isElement as element } from '../html-nodes.js';

// How a reveal.js deck written as an HTML page (its index.html) is read: the page is
// parsed as a browser would (parse5), and its slides are written out as the reveal
// Markdown they stand for, each line numbered at its line in the page, so the rest of
// the parse reads them like any reveal-md deck and every message names the page's line.
// - A `<section>` under `.reveal .slides` is a slide; sections inside one are its vertical stack.
// - `<section data-markdown>` holds Markdown in a `<textarea data-template>` (or a
//   `<script type="text/template">`), or names a file of it, read as an include.
// - Any other section's HTML is kept as HTML, for the sanitizer to judge like any
//   raw HTML; its first heading is the slide's title, `<pre><code>` a code block,
//   `<aside class="notes">` and `data-notes` its speaker notes.
// - The page's `<title>`, `lang` and reveal theme style sheet are the deck's metadata;
//   its scripts, and style sheets it links to, are not read (the deck carries its own reveal.js).

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** A style sheet of one of reveal's themes, by its name: `dist/theme/black.css`. */
const REVEAL_THEME_SHEET = /(?:^|\/)theme\/([\w-]+?)(?:\.min)?\.css(?:[?#].*)?$/;

/** Classes that say where a section stands, not how it looks: Pandoc's and Quarto's (`slide level2`, `title-slide`, `quarto-title-block`) and reveal's own as it runs (`present`, `stack`), in a page saved from a browser. */
const STRUCTURE_CLASSES = /^(?:slide|level[1-6]|title-slide|quarto-title-block|present|past|future|stack)$/;

/** Attributes of a section that say how to read it, not how it looks. */
const READING_ATTRIBUTES = new Set(['data-markdown', 'data-separator', 'data-separator-vertical', 'data-separator-notes', 'data-charset', 'data-notes']);

const lineOf = (node: Node): number => node.sourceCodeLocation?.startLine ?? 1;

/** The elements below `node`, depth first, not entering `<template>` content. */
function* descendants(node: Node): Generator<Element> {
  for (const child of 'childNodes' in node ? node.childNodes : []) {
    if (!element(child)) continue;
    yield child;
    yield* descendants(child);
  }
}

/** Reads a reveal.js deck written as an HTML page into the reveal Markdown its slides stand for; its problems go in `bag`. */
export function readRevealHtmlDeck(file: SourceFile, includes: Map<string, IncludedFile>, bag: DiagnosticBag): DeckText {
  // A page that cannot be read gives nothing to cut, and names no tool: its error says all.
  const nothing: DeckText = { body: '', bodyLine: 1 };
  const warn = (line: number, message: string) => bag.warn('W_PEER_SYNTAX', message, { file: file.path, line, hint: PEER_SYNTAX_HINT });
  const tooDeep = findExcessiveHtmlNesting(file.text);
  if (tooDeep !== undefined) {
    bag.error('E_MARKDOWN', HTML_TOO_DEEP.message, { file: file.path, line: tooDeep, hint: HTML_TOO_DEEP.hint });
    return nothing;
  }
  const page = loadHtmlParser().parse(file.text, { sourceCodeLocationInfo: true });
  const all = [...descendants(page)];
  // A deck briefdeck built is a reveal.js page too, but its slides are made of its templates' markup: built again, they would nest.
  const generator = all.find((n) => n.tagName === 'meta' && attribute(n, 'name') === 'generator' && /^briefdeck\b/.test(attribute(n, 'content') ?? ''));
  if (generator) {
    bag.error('E_INPUT_TYPE', 'this page is a deck briefdeck built, not one to build', { file: file.path, line: lineOf(generator), hint: 'build the briefing it was built from (its folder or Markdown file)' });
    return nothing;
  }
  const lines: string[] = [];
  const lineNumbers: number[] = [];
  const emit = (text: string, line: number) => {
    lines.push(text);
    lineNumbers.push(line);
  };

  const reveal = all.find((n) => classes(n).includes('reveal'));
  // WebSlides and bespoke.js keep their sections in an `<article>` (`id="webslides"`), as reveal.js keeps them in `.slides`.
  const container = (reveal && [...descendants(reveal)].find((n) => classes(n).includes('slides'))) ?? all.find((n) => n.tagName === 'article' && sectionsOf(n).length > 1) ?? all.find((n) => n.tagName === 'body');
  const revealSections = container ? sectionsOf(container) : [];
  // A Shower page's sections are its slides; its notes and steps are marked in them first (shower-html.ts).
  if (!reveal && isShowerPage(all)) revealSections.forEach(readShowerMarks);
  // A remark page (xaringan's): its slides are the Markdown in its textarea, read as a remark deck's. Its cover is
  // among them (xaringan writes it there), so the page's title makes none.
  const remark = revealSections.length === 0 ? readRemarkSource(all, file.text) : null;
  const meta = readPageMeta(file, all, warn, remark === null);
  if (remark) return { meta, ...remark };
  // A page Marp rendered: its slides made reveal.js sections (marp-html.ts); its styles and scripts are Marp's theme and viewer.
  const marp = revealSections.length === 0 ? readMarpSlides(all) : null;
  // A Slidy or S5 page (Pandoc's, R Markdown's): each `<div class="slide">` a slide (slidy-html.ts).
  const slidy = revealSections.length === 0 && !marp ? readSlidySlides(all) : null;
  // An impress.js page: each step inside `<div id="impress">` a slide (impress-html.ts).
  const impress = revealSections.length === 0 && !marp && !slidy ? readImpressSteps(all) : null;
  // A page R Markdown's ioslides rendered: each `<slide>` in `<slides>` a slide (ioslides-html.ts).
  const ioslides = revealSections.length === 0 && !marp && !slidy && !impress ? readIoslidesSlides(all) : null;
  const topSections = marp?.sections ?? slidy ?? impress ?? ioslides ?? revealSections;
  if (topSections.length === 0) {
    bag.error('E_NO_SLIDES', 'the page has no reveal.js slides', { file: file.path, line: lineOf(container ?? page), hint: 'a reveal.js page holds each slide in a <section> inside <div class="reveal"><div class="slides">; a Slidy or S5 page in a <div class="slide">, an impress.js page in a step inside <div id="impress">' });
  }
  if (marp) {
    warn(lineOf(marp.sections[0] ?? page), `this page is a Marp deck as marp-cli renders it: its slides are read, and Marp's theme and viewer in it are not${marp.leftOut.length > 0 ? `; left out of its slides: ${marp.leftOut.join(', ')}` : ''}`);
  } else {
    // The page's own style sheets, written in it, style the deck as another deck's <style> does (author-styles.ts).
    for (const style of [...descendants(all.find((n) => n.tagName === 'head')!)].filter((n) => n.tagName === 'style')) {
      emit('<style>', lineOf(style));
      textOf(style).split('\n').forEach((text, i) => emit(text, lineOf(style) + i));
      emit('</style>', style.sourceCodeLocation?.endLine ?? lineOf(style));
    }
    warnOfPageResources(all, new Set(topSections.flatMap((section) => [...descendants(section)])), warn);
  }

  // Quarto's own ids, classes and attributes in its slides are its plumbing, taken out unmentioned (quarto-page.ts).
  if (renderedByQuarto(all)) topSections.forEach(dropQuartoPlumbing);
  writeSections(topSections, file, includes, emit, warn);
  // A reveal.js page is known by its form, whatever metadata it has (often none but a title).
  return { meta, body: lines.join('\n'), bodyLine: lineNumbers[0] ?? 1, lineNumbers, tools: ['reveal.js'] };
}

/** Writes the slides of the top-level sections, one after another, a section's own sections its vertical stack. */
function writeSections(topSections: Element[], file: SourceFile, includes: Map<string, IncludedFile>, emit: (text: string, line: number) => void, warn: (line: number, message: string) => void): void {
  let first = true;
  const separate = (kind: '---' | '--', line: number) => {
    if (!first) ['', kind, ''].forEach((text) => emit(text, line));
    first = false;
  };
  for (const section of topSections) {
    const stack = sectionsOf(section);
    if (stack.length === 0) {
      separate('---', lineOf(section));
      writeSlide(section, file, includes, emit, warn);
      continue;
    }
    stack.forEach((inner, i) => {
      separate(i === 0 ? '---' : '--', lineOf(inner));
      writeSlide(inner, file, includes, emit, warn);
    });
  }
}

/** A Markdown file's body that is a run of reveal.js slides written as `<section>` elements, as a Jekyll or Hugo page of a reveal layout holds them. */
const SECTIONS_BODY = /^\s*<section[\s>][\s\S]*<\/section>\s*$/i;

/**
 * Reads the body of a Markdown file written as reveal.js sections (`<section data-markdown>` with the slide's
 * Markdown, a site generator's page for its reveal layout) as a reveal.js page's slides are read; null for any other
 * body. `bodyLine` is the body's first line in the file, so every line keeps its number there.
 */
export function readRevealSectionsBody(file: SourceFile, body: string, bodyLine: number, includes: Map<string, IncludedFile>, bag: DiagnosticBag): Omit<DeckText, 'meta'> | null {
  if (!SECTIONS_BODY.test(body) || findExcessiveHtmlNesting(body) !== undefined) return null;
  // Parsed as a page (a fragment's parse moves its nodes one by one, slow for thousands); the sections end up in its body.
  const page = loadHtmlParser().parse(body, { sourceCodeLocationInfo: true });
  const pageBody = [...descendants(page)].find((n) => n.tagName === 'body');
  const topSections = pageBody ? sectionsOf(pageBody) : [];
  if (topSections.length === 0) return null;
  const lines: string[] = [];
  const lineNumbers: number[] = [];
  const emit = (text: string, line: number) => {
    lines.push(text);
    lineNumbers.push(line + bodyLine - 1);
  };
  const warn = (line: number, message: string) => bag.warn('W_PEER_SYNTAX', message, { file: file.path, line: line + bodyLine - 1, hint: PEER_SYNTAX_HINT });
  writeSections(topSections, file, includes, emit, warn);
  return { body: lines.join('\n'), bodyLine: lineNumbers[0] ?? bodyLine, lineNumbers, tools: ['reveal.js'] };
}

/** The page's metadata as YAML made of JSON strings (which YAML reads as written): its `<title>` (unless not `titled`), its `lang`, and the reveal theme its style sheet names. */
function readPageMeta(file: SourceFile, all: Element[], warn: (line: number, message: string) => void, titled = true): MetaSource {
  const title = all.find((n) => n.tagName === 'title');
  const html = all.find((n) => n.tagName === 'html')!;
  const lang = attribute(html, 'lang');
  const href = all.map((n) => (isStyleSheet(n) ? attribute(n, 'href') : undefined)).find((h) => h !== undefined && REVEAL_THEME_SHEET.test(h));
  const theme = href ? REVEAL_THEME_SHEET.exec(href)![1]! : undefined;
  // `C` and `POSIX` are the locale of no language (Marp writes the one it ran in): said nothing of, as none.
  if (lang && !LANGUAGE_TAG.test(lang) && !/^(?:C|POSIX)(?:\.[\w-]+)?$/.test(lang)) warn(lineOf(html), `the page's language "${lang}" is not a language tag, so it was left out`);
  const sheet = all.find((n) => isStyleSheet(n) && attribute(n, 'href') === href);
  if (theme && !REVEAL_THEMES.includes(theme)) warn(lineOf(sheet!), `the theme style sheet ${href} is not one of reveal's built-in themes, so the deck keeps briefdeck's own; its rules are not read`);
  // The options its deck starts with (`Reveal.initialize({ transition: 'zoom' })`), read, never run (reveal-options.ts).
  const start = all.find((n) => n.tagName === 'script' && attribute(n, 'src') === undefined && STARTS_REVEAL.test(textOf(n)));
  const options = start ? readRevealOptions(textOf(start), attribute(start, 'type') === 'module') : null;
  if (start && options && options.unread.length > 0) warn(lineOf(start) + (options.unreadLine ?? 1) - 1, `reveal.js options ${options.unread.join(', ')} in the page's Reveal.initialize are not read; the deck keeps briefdeck's own`);
  const yaml = [
    titled && title && textOf(title).trim() ? `title: ${JSON.stringify(textOf(title).replace(/\s+/g, ' ').trim())}` : '',
    lang && LANGUAGE_TAG.test(lang) ? `lang: ${JSON.stringify(lang)}` : '',
    theme && REVEAL_THEMES.includes(theme) ? `theme: ${JSON.stringify(theme)}` : '',
    ...(options?.yaml ?? []),
  ].filter(Boolean).join('\n');
  return { file, yaml, firstLine: title ? lineOf(title) : 1 };
}

/** A script that starts reveal (`Reveal.initialize(…)`, or `new Reveal(…)` then its `initialize`): reveal's own, which the deck has already. */
const STARTS_REVEAL = /\bReveal\.(?:initialize|configure)\b|\bnew\s+Reveal\b/;

const isStyleSheet = (n: Element) => n.tagName === 'link' && /\bstylesheet\b/i.test(attribute(n, 'rel') ?? '');

/**
 * Warns of what the page loads that the deck does not carry: style sheets it links to and scripts of its own
 * (outside `slideElements`, whose scripts the sanitizer names). reveal's own (its core, reset, themes and
 * highlight styles, its plugins and the call that starts it) are the deck's already, and HTML Slidy's (its style
 * sheet and script) stand for what the deck has in their place.
 */
function warnOfPageResources(all: Element[], slideElements: ReadonlySet<Element>, warn: (line: number, message: string) => void): void {
  const linked = all.filter((n) => isStyleSheet(n) && !/(?:^|\/)(?:reveal|reset|slidy)(?:\.min)?\.css(?:[?#]|$)|plugin\/highlight\//.test(attribute(n, 'href') ?? '') && !REVEAL_THEME_SHEET.test(attribute(n, 'href') ?? ''));
  if (linked.length > 0) {
    warn(lineOf(linked[0]!), `style sheets the page links to (${nameResources(linked.map((n) => attribute(n, 'href')), 'sheet with no address')}) are not read; write their rules in a <style> element in the page to keep them`);
  }
  const scripts = all.filter((n) => n.tagName === 'script' && !slideElements.has(n) && attribute(n, 'type') !== 'text/template' && !(attribute(n, 'src') === undefined ? STARTS_REVEAL.test(textOf(n)) : /(?:^|\/)(?:(?:reveal|slidy)(?:\.min)?\.js|plugin\/)/.test(attribute(n, 'src')!)));
  if (scripts.length > 0) {
    warn(lineOf(scripts[0]!), `scripts of the page's own (${nameResources(scripts.map((n) => attribute(n, 'src')), 'inline script')}) are not run: a deck runs only its own; what they would draw or change is missing`);
  }
}

/**
 * A page's resources as a warning names them: each address cut short (a style sheet written out as data runs to
 * kilobytes), at most five of them, and those with none counted (`18 inline scripts`), not named one by one.
 */
function nameResources(addresses: readonly (string | undefined)[], unaddressed: string): string {
  const named = addresses.filter((a): a is string => a !== undefined).map(truncate);
  const others = addresses.length - named.length;
  return [...named.slice(0, 5), ...(named.length > 5 ? [`${named.length - 5} more`] : []), ...(others > 0 ? [`${others === 1 ? 'an' : others} ${unaddressed}${others === 1 ? '' : 's'}`] : [])].join(', ');
}

/** The slides directly inside `parent`, but for those reveal leaves out of the deck (`data-visibility="hidden"`). */
function sectionsOf(parent: Element): Element[] {
  return parent.childNodes.filter((n): n is Element => element(n) && n.tagName === 'section' && attribute(n, 'data-visibility') !== 'hidden');
}

/** Writes one slide's section as reveal Markdown lines. */
function writeSlide(section: Element, file: SourceFile, includes: Map<string, IncludedFile>, emit: (text: string, line: number) => void, warn: (line: number, message: string) => void): void {
  const line = lineOf(section);
  // The section's look (data-background-color, class, …) and its id (which links name it by), for reveal's slide comment to read like any other.
  const look = section.attrs
    .filter((a) => !READING_ATTRIBUTES.has(a.name))
    .map((a) => (a.name === 'class' ? { ...a, value: classes(section).filter((c) => !STRUCTURE_CLASSES.test(c)).join(' ') } : a))
    .filter((a) => a.name !== 'class' || a.value !== '');
  if (look.length > 0) emit(`<!-- .slide: ${look.map((a) => `${a.name}="${a.value.replace(/\s+/g, ' ').replace(/[<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}"`).join(' ')} -->`, line);

  if (section.attrs.some((a) => a.name === 'data-markdown')) {
    // A separator of the page's own that is one line of text (`+++`) cuts there, as briefdeck's own line would, and one of
    // blank lines (`^\n\n\n`, reveal's own example) at such a run; another is named.
    const cuts = new Map<string, string>();
    const blank: RevealSeparatorLines = {};
    for (const [name, kind, own] of [['data-separator', 'separator', '---'], ['data-separator-vertical', 'verticalSeparator', '--']] as const) {
      const pattern = attribute(section, name);
      const literal = pattern === undefined || isKnownRevealSeparator(kind, pattern) ? undefined : readSeparatorLine(pattern);
      const blankLines = pattern === undefined || literal !== undefined ? undefined : readBlankLineSeparator(pattern);
      if (literal !== undefined) cuts.set(literal, own);
      else if (blankLines !== undefined) blank[kind === 'separator' ? 'horizontalBlankLines' : 'verticalBlankLines'] = blankLines;
      else if (pattern !== undefined && !isKnownRevealSeparator(kind, pattern)) warn(line, `${name}="${pattern}" is not read: briefdeck cuts this section's Markdown at --- (and -- or ---- for a vertical slide)`);
    }
    const ownCuts = cuts.size > 0 || Object.keys(blank).length > 0;
    const cutAtOwnLines = (text: string) => (ownCuts ? markBlankLineSeparators(text.split('\n').map((l) => cuts.get(l.trim()) ?? l), blank).join('\n') : text);
    // Notes start at a "Note:" or "Notes:" line, in any case, as reveal's plugin reads them by default.
    const notes = attribute(section, 'data-separator-notes');
    if (notes !== undefined && !isKnownRevealSeparator('notesSeparator', notes)) warn(line, `data-separator-notes="${notes}" is not read: this section's notes start at a "Note:" line`);
    const source = attribute(section, 'data-markdown')!.trim();
    if (source !== '') {
      const lookup = lookUpInclude(source, [file.relPath], includes);
      if ('problem' in lookup) warn(line, describeIncludeProblem(source, 'reveal.js\'s <section data-markdown>', lookup));
      else {
        // The file's lines stay at their own numbers, its separator lines briefdeck's.
        if (ownCuts) includes.set(lookup.found.relPath, { ...lookup.found, file: { ...lookup.found.file, text: cutAtOwnLines(lookup.found.file.text) } });
        emit(`{{< include ${JSON.stringify(source)} >}}`, line);
      }
    } else {
      // The template's lines together, since a run of blank lines is cut as one.
      const template: [string, number][] = [];
      writeTemplate(section, (text, at) => void template.push([text, at]));
      const cutLines = cutAtOwnLines(template.map(([text]) => text).join('\n')).split('\n');
      template.forEach(([, at], i) => emit(cutLines[i]!, at));
    }
  } else {
    writeHtmlSlide(section, emit);
  }
  const notes = attribute(section, 'data-notes');
  if (notes?.trim()) {
    emit('', line);
    emit(`Note: ${notes.replace(/\s+/g, ' ').trim()}`, line);
  }
}

/**
 * Writes a data-markdown section's inline Markdown (its `data-template` element, or its own text), with the
 * indentation the page gives it taken off as reveal's plugin takes it off: that of its first line.
 */
function writeTemplate(section: Element, emit: (text: string, line: number) => void): void {
  const template = [...descendants(section)].find((n) => n.attrs.some((a) => a.name === 'data-template') || (n.tagName === 'script' && attribute(n, 'type') === 'text/template'));
  // Without a template, reveal's plugin reads the section's own text (Markdown written straight in it).
  const text = template ? template.childNodes.find((n) => n.nodeName === '#text') : section.childNodes.find((n) => n.nodeName === '#text' && textOf(n).trim() !== '');
  if (!text) return;
  const value = (template ? (text as DefaultTreeAdapterMap['textNode']).value : textOf(section).slice(textOf(section).indexOf((text as DefaultTreeAdapterMap['textNode']).value))).replace(/\r\n?/g, '\n');
  let firstLine = lineOf(text);
  const body = value.startsWith('\n') ? ((firstLine += 1), value.slice(1)) : value;
  const indent = /^[ \t]*/.exec(body)![0];
  body.split('\n').forEach((text, i) => emit(indent && text.startsWith(indent) ? text.slice(indent.length) : text.trimStart() === '' ? '' : text, firstLine + i));
}
