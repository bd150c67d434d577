// A slide's HTML written out as the Markdown it stands for, for the readers of decks written as HTML pages
// (reveal-html.ts, and the Marp pages marp-html.ts readies for it): its first heading the slide's title, code as code
// blocks, math as Markdown so it is typeset (in paragraphs, lists and the boxes around them), Quarto's and Pandoc's
// columns the slide's columns, and every other part one HTML block, passed on as it is.
import { loadHtmlParser } from '../load-html-parser.js';
import type { DefaultTreeAdapterMap } from 'parse5';
import { textOf } from '../html-fragment.js';
import { writeHtmlBlock } from './html-block.js';
import { HAS_MATH, onlyElement, writeCode, writeHeading, writeList, writeParagraph } from './html-to-markdown.js';
import { attributeOf as attribute, classesOf as classes, isElement as element } from '../html-nodes.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type ChildNode = DefaultTreeAdapterMap['childNode'];

/** Elements that open an HTML block in Markdown (CommonMark's kinds 1 and 6), so their content is never read as Markdown. */
const BLOCK_ELEMENTS = new Set('address article aside blockquote center details dialog dir div dl dt dd fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr iframe legend main menu nav ol p pre search section summary table ul script style textarea'.split(' '));

/** Boxes whose content is blocks: one around math is written out tags and all, what it holds as a slide's content, so its math is typeset. */
const MATH_BOXES = new Set('div blockquote dl dt dd details figure aside center article header footer main nav'.split(' '));

const lineOf = (node: Node): number => node.sourceCodeLocation?.startLine ?? 1;

/** Writes a section of HTML: its first heading as the slide's title, code as code blocks, and every other part as one HTML block. */
export function writeHtmlSlide(section: Element, emit: (text: string, line: number) => void): void {
  dropCopyButtons(section);
  // A title wrapped in a box (`<div class="content"><h2>…`, as slide editors write them) is the slide's title all the same.
  const wrapped = leadingWrappedHeading(section);
  if (wrapped) {
    writeHeading(wrapped, Number(wrapped.tagName[1]), emit);
    const parent = wrapped.parentNode as Element;
    parent.childNodes = parent.childNodes.filter((n) => n !== wrapped);
  }
  writeHtmlBlocks(section, wrapped !== undefined, emit);
}

/** Takes out the copy button a rendered Quarto page puts in each code block: its chrome, run by a script of the page's, which is not run; the block is then code alone, read as code. */
function dropCopyButtons(parent: Element): void {
  parent.childNodes = parent.childNodes.filter((n) => !(element(n) && n.tagName === 'button' && classes(n).includes('code-copy-button')));
  for (const child of parent.childNodes) if (element(child)) dropCopyButtons(child);
}

/** Writes the blocks in `parent`: the first heading as the slide's title unless it is `titled`, and those with math as Markdown. */
function writeHtmlBlocks(parent: Element, titled: boolean, emit: (text: string, line: number) => void): void {
  let inline: ChildNode[] = [];
  const flushInline = () => {
    const html = inline.map((n) => loadHtmlParser().serializeOuter(n)).join('').trim();
    if (html && inline.some((n) => HAS_MATH.test(textOf(n)))) writeParagraph(inline, lineOf(inline[0]!), emit);
    else if (html) writeHtmlBlock(`<p>${html}</p>`, lineOf(inline[0]!), emit);
    inline = [];
  };
  for (const child of parent.childNodes) {
    if (child.nodeName === '#comment') continue;
    if (!element(child)) {
      if (child.nodeName === '#text' && (inline.length > 0 || textOf(child).trim())) inline.push(child);
      continue;
    }
    if (!BLOCK_ELEMENTS.has(child.tagName)) {
      inline.push(child);
      continue;
    }
    flushInline();
    const heading = /^h([1-6])$/.exec(child.tagName);
    if (heading && !titled && Number(heading[1]) <= 2) {
      titled = true;
      writeHeading(child, Number(heading[1]), emit);
      continue;
    }
    if (child.tagName === 'section') continue;
    // A notebook cell as Quarto and Jupyter render it (`<div class="cell">`: its code, then its outputs) is no box of its
    // own: what it holds is read as the slide's, so its code is a code block.
    if (child.tagName === 'div' && classes(child).includes('cell')) {
      writeHtmlBlocks(child, true, emit);
      continue;
    }
    // A heading below the title, with math in it: a Markdown heading of its level, so the math is typeset.
    if (heading && HAS_MATH.test(textOf(child))) {
      writeHeading(child, Number(heading[1]), emit);
      continue;
    }
    // Code: `<pre><code>`, or Pandoc's, in a `<div class="sourceCode">` of its own.
    const pre = child.tagName === 'pre' ? child : child.tagName === 'div' ? onlyElement(child, 'pre') : undefined;
    const code = pre && onlyElement(pre, 'code');
    if (pre && code) writeCode(pre, code, emit);
    // A paragraph with math is Markdown, which typesets it; any other HTML stays HTML.
    else if (child.tagName === 'p' && HAS_MATH.test(textOf(child))) writeParagraph(child.childNodes, lineOf(child), emit, child);
    else if ((child.tagName === 'ul' || child.tagName === 'ol') && HAS_MATH.test(textOf(child)) && writeList(child, emit)) continue;
    // Quarto's and Pandoc's columns: the slide's, as in their Markdown.
    else if (child.tagName === 'div' && classes(child).includes('columns') && columnsOf(child)) writeColumns(columnsOf(child)!, emit);
    // A box around math (Quarto's `<div class="fragment">`, a definition list): its tags HTML, what it holds written as here, so its math is typeset too.
    else if (MATH_BOXES.has(child.tagName) && HAS_MATH.test(textOf(child))) {
      const tags = loadHtmlParser().serializeOuter({ ...child, childNodes: [] } as Element);
      writeHtmlBlock(tags.slice(0, -`</${child.tagName}>`.length), lineOf(child), emit);
      writeHtmlBlocks(child, true, emit);
      writeHtmlBlock(`</${child.tagName}>`, child.sourceCodeLocation?.endTag?.startLine ?? lineOf(child), emit);
    } else writeHtmlBlock(loadHtmlParser().serializeOuter(child), lineOf(child), emit);
  }
  flushInline();
}

/** The columns of a `<div class="columns">`, as Quarto and Pandoc write them: each child a `<div class="column">`; none for any other box. */
function columnsOf(box: Element): Element[] | undefined {
  if (box.childNodes.some((n) => (element(n) ? !(n.tagName === 'div' && classes(n).includes('column')) : n.nodeName === '#text' ? textOf(n).trim() !== '' : n.nodeName !== '#comment'))) return undefined;
  const columns = box.childNodes.filter(element);
  return columns.length >= 2 ? columns : undefined;
}

/** Writes columns as the slide's (briefdeck's column lines), each sized by its `width` (`style="width:40%;"`), what each holds as a slide's content. */
function writeColumns(columns: Element[], emit: (text: string, line: number) => void): void {
  emit('', lineOf(columns[0]!));
  emit('<!-- layout: two-column -->', lineOf(columns[0]!));
  columns.forEach((column, i) => {
    const width = /(?:^|;)\s*width\s*:\s*(\d{1,3}(?:\.\d+)?%)/.exec(attribute(column, 'style') ?? '')?.[1];
    emit('', lineOf(column));
    // What stands before the first spans them all, above.
    if (i === 0) emit('<!-- column-start -->', lineOf(column));
    emit(i === 0 ? (width ? `<!-- column-width: ${width} -->` : '') : width ? `<!-- column: ${width} -->` : '<!-- column -->', lineOf(column));
    emit('', lineOf(column));
    writeHtmlBlocks(column, true, emit);
  });
  // What follows them spans them, below.
  const end = columns.at(-1)!.sourceCodeLocation?.endLine ?? lineOf(columns.at(-1)!);
  ['', '<!-- column-end -->', ''].forEach((text) => emit(text, end));
}

/**
 * The `<h1>` or `<h2>` that opens a section from inside a box (a `<div>` or the like), before any other text or
 * picture of the slide; none when the section's own first heading is a child of it, or something else comes first.
 */
function leadingWrappedHeading(section: Element): Element | undefined {
  const first = (node: Element, depth: number): Element | 'other' | undefined => {
    for (const child of node.childNodes) {
      if (child.nodeName === '#text') {
        if (textOf(child).trim() !== '') return 'other';
        continue;
      }
      if (!element(child) || child.tagName === 'script' || child.tagName === 'style' || classes(child).includes('notes')) continue;
      if (/^h[12]$/.test(child.tagName)) return depth === 0 ? undefined : child;
      if (child.tagName === 'section' || child.tagName === 'img' || child.tagName === 'svg' || child.tagName === 'pre' || child.tagName === 'table') return 'other';
      const found = first(child, depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const found = first(section, 0);
  return found === 'other' ? undefined : found;
}
