// Reads a slide's HTML, as the parser left it in the model, back into typed
// blocks (paragraphs with runs, lists with levels, tables, images, code, math,
// charts) for exports that are not HTML. Read with parse5, as a browser would.
import { attribute, childElements, descendants, hasClass, isElement, type ChildNode, type Element, type Node } from './html-tree.js';
import { readRuns, readsInline, readTex, trimRuns, type TextRun } from './read-text-runs.js';
import { parseHtmlFragment } from '../parse/html-fragment.js';
import { ASSET_SCHEME, CHART_MARKER_PATTERN } from '../model.js';
import { appendAll } from '../append-all.js';
import { readCode } from './read-highlighted-code.js';
import { markFragment, numberFragments, stepOf, type BuildStep, type FragmentMark } from './fragment-steps.js';
import { classesOf } from '../parse/html-nodes.js';

/** One list item: its level (0 at the top) and whether its list is numbered. */
export interface ListItem {
  level: number;
  ordered: boolean;
  /** A numbered list's style, when it is not 1, 2, 3 (`type` a, A, i or I), and the number it starts at, when not 1. */
  numbering?: 'a' | 'A' | 'i' | 'I';
  startAt?: number;
  runs: TextRun[];
  /** The click the item steps in or out at: its own fragment's, or those around its list. */
  step?: BuildStep;
}

/** A block of slide content, in reading order, with the click it steps in or out at (fragment-steps.ts). */
export type SlideBlock = (
  | { kind: 'paragraph'; runs: TextRun[] }
  | { kind: 'heading'; runs: TextRun[] }
  | { kind: 'list'; items: ListItem[] }
  | { kind: 'quote'; paragraphs: TextRun[][] }
  | { kind: 'table'; header: TextRun[][]; rows: TextRun[][][]; align?: ('left' | 'center' | 'right' | undefined)[]; spans?: CellSpan[] }
  | { kind: 'image'; asset: number; alt: string; place?: PicturePlace }
  | { kind: 'code'; lines: TextRun[][] }
  | { kind: 'math'; tex: string }
  | { kind: 'chart'; index: number }
) & { step?: BuildStep };

/** Where a picture is placed on the slide: its sides and width as CSS lengths (`200px`, `10%`), as the deck writes them. */
export interface PicturePlace {
  top?: string;
  left?: string;
  right?: string;
  bottom?: string;
  width?: string;
}

/** The blocks of one slide body, and how many of its fragments are build steps the export cannot show (inline, in code, or an effect that neither shows nor hides). */
export interface SlideBlocks {
  blocks: SlideBlock[];
  fragments: number;
}

/** What reading a slide's parts shares: its fragments as met, numbered once every part is read, and the ones each block and item stands in. */
interface StepState {
  marks: FragmentMark[];
  within: Map<SlideBlock | ListItem, FragmentMark[]>;
}

/** Reads slide HTML into blocks. Chart markers become chart blocks; everything else is read from the markup. */
export function readSlideBlocks(html: string): SlideBlocks {
  return readSlideParts([html])[0]!;
}

/**
 * Reads the parts of one slide (its columns, with what comes before and after them) into blocks, their build steps
 * numbered across the whole slide, as reveal steps through them; the count of steps not animated is the first part's.
 */
export function readSlideParts(parts: readonly string[]): SlideBlocks[] {
  const state: StepState = { marks: [], within: new Map() };
  const read = parts.map((html) => {
    const result: SlideBlocks = { blocks: [], fragments: 0 };
    let last = 0;
    // Chart markers hold NUL, which an HTML parser drops, so the HTML is cut at them first.
    for (const match of html.matchAll(CHART_MARKER_PATTERN)) {
      readFragment(html.slice(last, match.index), result, state);
      result.blocks.push({ kind: 'chart', index: Number(match[1]) });
      last = match.index + match[0].length;
    }
    readFragment(html.slice(last), result, state);
    return result;
  });
  if (state.marks.length > 0) {
    const numbers = numberFragments(state.marks);
    for (const [holder, marks] of state.within) {
      const step = stepOf(marks, numbers);
      if (step) holder.step = step;
    }
  }
  read[0]!.fragments = read.reduce((sum, part) => sum + part.fragments, 0);
  return read;
}

function readFragment(html: string, into: SlideBlocks, state: StepState): void {
  if (html.trim() === '') return;
  const root = parseHtmlFragment(html);
  leaveOutIcons(root);
  /** The fragments around the element being read, outermost first. */
  const active: FragmentMark[] = [];
  const visit = (node: Node) => {
    if (!isElement(node)) {
      // White space runs together, as a browser shows it (and as readRuns reads the text of an element).
      const text = 'value' in node && node.nodeName === '#text' ? node.value.replace(/\s+/g, ' ').trim() : '';
      if (text) into.blocks.push({ kind: 'paragraph', runs: [{ text }] });
      return;
    }
    const mark = hasClass(node, 'fragment') ? markFragment(classesOf(node), attribute(node, 'data-fragment-index'), state.marks.length) : undefined;
    if (hasClass(node, 'fragment') && !mark) into.fragments++;
    if (mark) state.marks.push(mark);
    if (mark) active.push(mark);
    const before = into.blocks.length;
    readElement(node);
    // The blocks this element made, unless one inside it has placed them already, stand in the fragments around it.
    if (active.length > 0) for (const block of into.blocks.slice(before)) if (!state.within.has(block)) state.within.set(block, [...active]);
    if (mark) active.pop();
  };
  const readElement = (node: Element) => {
    switch (node.tagName) {
      case 'p': {
        // A picture is read as an element of its own, so one that is a fragment (`![](a.png){.fragment}`) is a step.
        const image = onlyImage(node);
        if (image) visit(image);
        else {
          // A captioned figure (Pandoc's and Quarto's): each picture in it, then its caption as a paragraph. A picture
          // within text (an icon in a sentence) has no place in a run of PowerPoint text: it follows its paragraph.
          const pictures = descendants(node).filter((c) => c.tagName === 'img');
          const figure = childElements(node).some((c) => c.tagName === 'span' && hasClass(c, 'figure-caption'));
          if (figure) pictures.forEach(visit);
          pushRuns(into, 'paragraph', readRuns(node, into));
          if (!figure) pictures.forEach(visit);
        }
        return;
      }
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        pushRuns(into, 'heading', readRuns(node, into));
        return;
      case 'ul':
      case 'ol':
        into.blocks.push({ kind: 'list', items: readList(node, 0, into, { state, around: active }) });
        return;
      // A definition list (Pandoc's): each term a bold paragraph, each definition a paragraph under it.
      case 'dt':
      case 'dd':
        pushRuns(into, 'paragraph', readRuns(node, into, node.tagName === 'dt' ? { bold: true } : {}));
        return;
      case 'blockquote':
        into.blocks.push({ kind: 'quote', paragraphs: childElements(node).map((p) => readRuns(p, into)).filter((runs) => runs.length > 0) });
        return;
      case 'table': {
        // A caption (`<caption>`) is the line above the table, as a browser shows it.
        const caption = childElements(node).find((child) => child.tagName === 'caption');
        if (caption) pushRuns(into, 'paragraph', readRuns(caption, into));
        into.blocks.push(readTable(node, into));
        return;
      }
      case 'img': {
        const image = readImage(node);
        if (image) into.blocks.push(image);
        return;
      }
      case 'pre':
        into.blocks.push({ kind: 'code', lines: readCode(node) });
        // A code block's later highlight steps are fragments in its <pre> (draw-code-lines.ts): clicks the export cannot show.
        into.fragments += descendants(node).filter((e) => hasClass(e, 'fragment')).length;
        return;
      case 'hr':
      case 'figcaption':
        if (node.tagName === 'figcaption') pushRuns(into, 'paragraph', readRuns(node, into));
        return;
      default:
        if (hasClass(node, 'math-display')) {
          into.blocks.push({ kind: 'math', tex: readTex(node) });
          return;
        }
        readMixedContent(node);
    }
  };
  /**
   * An element's children (a raw `<div>`'s): each block read as itself, and the words and inline elements between
   * blocks joined into one paragraph, as a browser sets them on one line (`Press Space <span>→</span>`, `Go <a>here</a>`).
   */
  const readMixedContent = (node: Element) => {
    let line: ChildNode[] = [];
    const endLine = () => {
      if (line.length > 0) pushRuns(into, 'paragraph', readRuns({ ...node, childNodes: line } as Element, into));
      line = [];
    };
    for (const child of node.childNodes) {
      if (!isElement(child) || readsInline(child)) line.push(child);
      else {
        endLine();
        visit(child);
      }
    }
    endLine();
  };
  root.childNodes.forEach(visit);
}

/**
 * Takes Slidev's icons out of the tree: pictures the size of the text they stand in, which PowerPoint's text cannot
 * hold (write-pptx.ts says how many). The text on either side of one is joined, so it reads on as one line.
 */
function leaveOutIcons(node: Node): void {
  if (!('childNodes' in node)) return;
  const kept: ChildNode[] = [];
  for (const child of node.childNodes) {
    if (isElement(child) && child.tagName === 'img' && hasClass(child, 'icon')) continue;
    const before = kept.at(-1);
    if (before && before.nodeName === '#text' && child.nodeName === '#text' && 'value' in before && 'value' in child) before.value += child.value;
    else kept.push(child);
    leaveOutIcons(child);
  }
  if (kept.length !== node.childNodes.length) node.childNodes.splice(0, node.childNodes.length, ...kept);
}

function pushRuns(into: SlideBlocks, kind: 'paragraph' | 'heading', runs: TextRun[]): void {
  if (runs.some((run) => run.text.trim() !== '')) into.blocks.push({ kind, runs });
}

/** Every item of a list and of the lists nested in it, with its level; `steps`, when given, places each item in the fragments around it and its own. */
function readList(list: Element, level: number, into: SlideBlocks, steps?: { state: StepState; around: readonly FragmentMark[] }): ListItem[] {
  const ordered = list.tagName === 'ol';
  const type = ordered ? attribute(list, 'type') : undefined;
  const start = ordered ? Number(attribute(list, 'start') ?? '1') : 1;
  const numbering: Pick<ListItem, 'numbering'> = type === 'a' || type === 'A' || type === 'i' || type === 'I' ? { numbering: type } : {};
  const startAt = Number.isInteger(start) && start > 1 ? { startAt: start } : {};
  const items: ListItem[] = [];
  for (const li of childElements(list).filter((e) => e.tagName === 'li')) {
    const mark = steps && hasClass(li, 'fragment') ? markFragment(classesOf(li), attribute(li, 'data-fragment-index'), steps.state.marks.length) : undefined;
    if (hasClass(li, 'fragment') && !mark) into.fragments++;
    if (mark) steps!.state.marks.push(mark);
    const around = steps ? [...steps.around, ...(mark ? [mark] : [])] : [];
    // A loose list wraps its text in <p>; a tight one does not. Either way the item's own text comes first.
    const runs = trimRuns(
      li.childNodes.flatMap((child) => {
        if (isElement(child) && (child.tagName === 'ul' || child.tagName === 'ol')) return [];
        if (isElement(child) && child.tagName === 'p') return readRuns(child, into);
        // The item's own text nodes keep their spaces; only the item as a whole is trimmed.
        const holder = { ...li, childNodes: [child] } as Element;
        return readRuns(holder, into, {}, false);
      }),
    );
    const item: ListItem = { level, ordered, ...numbering, ...startAt, runs };
    items.push(item);
    if (around.length > 0) steps!.state.within.set(item, around);
    for (const nested of childElements(li).filter((e) => e.tagName === 'ul' || e.tagName === 'ol')) appendAll(items, readList(nested, level + 1, into, steps && { state: steps.state, around }));
  }
  return items;
}

/** A table cell's runs; a list in it (a Pandoc grid table's cell may hold one) follows on lines of its own, an item a line. */
function readCell(cell: Element, into: SlideBlocks): TextRun[] {
  const runs = readRuns(cell, into);
  for (const list of descendants(cell).filter((e) => (e.tagName === 'ul' || e.tagName === 'ol') && e.parentNode === cell)) {
    readList(list, 0, into).forEach((item, i) => runs.push({ text: runs.length > 0 ? '\n' : '' }, { text: `${'  '.repeat(item.level)}${item.ordered ? `${i + 1}.` : '•'} ` }, ...item.runs));
  }
  return runs.filter((r) => r.text !== '');
}

function readTable(table: Element, into: SlideBlocks): SlideBlock {
  // A footer's rows (`<tfoot>`) are the table's last, wherever the HTML writes them, as a browser lays them out.
  const inFooter = (row: Element) => isElement(row.parentNode as Element) && (row.parentNode as Element).tagName === 'tfoot';
  const written = descendants(table).filter((e) => e.tagName === 'tr');
  const rows = [...written.filter((row) => !inFooter(row)), ...written.filter(inFooter)];
  const cellsOf = (row: Element) => childElements(row).filter((c) => c.tagName === 'td' || c.tagName === 'th');
  const cells = (row: Element) => cellsOf(row).map((c) => readCell(c, into));
  const headed = rows[0] && childElements(rows[0]).every((c) => c.tagName === 'th');
  // Each column's alignment, as its first row's cells carry it (a delimiter row's `--:`, a Pandoc table's).
  const align = rows[0] ? childElements(rows[0]).map((c) => attribute(c, 'align')).map((a) => (a === 'left' || a === 'center' || a === 'right' ? a : undefined)) : [];
  const spans = rows.flatMap((row, r) => cellsOf(row).flatMap((cell, column) => readSpan(cell, r, column)));
  return { kind: 'table', header: headed ? cells(rows[0]!) : [], rows: (headed ? rows.slice(1) : rows).map(cells), ...(align.some(Boolean) ? { align } : {}), ...(spans.length > 0 ? { spans } : {}) };
}

/** A cell that spans columns or rows (HTML's `colspan`, `rowspan`), by its row (the header first) and its place in that row. */
export interface CellSpan {
  row: number;
  column: number;
  colspan?: number;
  rowspan?: number;
}

/** The span a cell asks for, as a browser reads it (a whole number from 2; a browser stops columns at 1,000 and rows at 65,534); none for a plain cell. */
function readSpan(cell: Element, row: number, column: number): CellSpan[] {
  const read = (name: string, most: number) => {
    const n = Number.parseInt(attribute(cell, name) ?? '', 10);
    return Number.isFinite(n) && n > 1 ? Math.min(n, most) : undefined;
  };
  const colspan = read('colspan', 1000);
  const rowspan = read('rowspan', 65534);
  if (colspan === undefined && rowspan === undefined) return [];
  return [{ row, column, ...(colspan !== undefined ? { colspan } : {}), ...(rowspan !== undefined ? { rowspan } : {}) }];
}

/** The picture a paragraph holds alone, if it does. */
function onlyImage(p: Element): Element | undefined {
  const children = p.childNodes.filter((c) => !('value' in c && c.nodeName === '#text' && c.value.trim() === ''));
  return children.length === 1 && isElement(children[0]!) && children[0].tagName === 'img' ? children[0] : undefined;
}

function readImage(img: Element): SlideBlock | undefined {
  const src = attribute(img, 'src') ?? '';
  if (!src.startsWith(ASSET_SCHEME)) return undefined;
  const place = readPlace(img);
  return { kind: 'image', asset: Number(src.slice(ASSET_SCHEME.length)), alt: attribute(img, 'alt') ?? '', ...(place ? { place } : {}) };
}

/** A picture's place on the slide (Quarto's `.absolute`, which the deck writes as its style), with its width attribute: CSS lengths as written. */
function readPlace(img: Element): PicturePlace | undefined {
  const style = attribute(img, 'style') ?? '';
  if (!/(?:^|;)\s*position\s*:\s*absolute\b/.test(style)) return undefined;
  const place: PicturePlace = {};
  for (const [, side, value] of style.matchAll(/(?:^|;)\s*(top|left|right|bottom)\s*:\s*([^;]+)/g)) place[side as 'top'] = value!.trim();
  const width = attribute(img, 'width');
  if (width) place.width = /^\d+(?:\.\d+)?$/.test(width) ? `${width}px` : width;
  return place;
}
