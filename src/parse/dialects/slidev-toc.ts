import { rewriteSlideHtml, type Slide } from '../../model.js';
import { slideAnchor, slideIndices } from '../../slide-places.js';
import { dropBrokenMarks } from './slidev.js';
import { escapeHtml } from '../../html-text.js';
import { utilityClassPattern } from './uno-utilities.js';

// Slidev's table of contents, `<Toc />`: a list of the deck's slide titles, nested by
// their level, as Slidev's Toc component draws it (its modes and depths read the same
// way). The line is marked where it stands; the list is filled in once every slide's
// title and number are known.

/** How a slide stands in Slidev's table of contents: its front matter's `title:`, `level:` and `hideInToc:`. */
export interface SlidevTocEntry {
  title?: string;
  level?: number;
  hide?: boolean;
}

type TocMode = 'all' | 'onlyCurrentTree' | 'onlySiblings';

/** What one `<Toc>` asks for. */
interface TocOptions {
  minDepth: number;
  maxDepth: number;
  mode: TocMode;
  columns: number;
  start: number;
  /** Its utility classes (UnoCSS's attributify, `<Toc text-sm />`), and `fragment` for a `v-click`: a step. */
  classes: string[];
}

/** A `<Toc>` alone on its line: self-closed, or closed at once. */
const TOC_LINE = /^[ \t]*<Toc\b([^<>]{0,500}?)\/?>(?:[ \t]*<\/Toc>)?[ \t]*$/;
/** Where a table of contents goes, with what it asks for; NUL cannot occur in decoded input, so no author can forge one. */
const TOC_MARK = /\u0000toc:(\d+):(\d+):(all|onlyCurrentTree|onlySiblings):(\d+):(\d+):([^\u0000:<>"]*)\u0000/g;
/** A mark alone in its paragraph, as a `<Toc>` line on its own is rendered. */
const TOC_PARAGRAPH = /<p>(\u0000toc:[^\u0000]*\u0000)<\/p>/g;
const UNLIMITED = 99;
const MODES = new Set<string>(['all', 'onlyCurrentTree', 'onlySiblings']);

/** A `<Toc>` line as the mark of the list it stands for, and a warning for what of it is left out; null for any other line. */
export function markSlidevToc(line: string): { text: string; warning?: string } | null {
  const tag = TOC_LINE.exec(line);
  if (!tag) return null;
  const options: TocOptions = { minDepth: 1, maxDepth: UNLIMITED, mode: 'all', columns: 1, start: 1, classes: [] };
  const ignored: string[] = [];
  // Vue passes a prop written `minDepth="2"`, `min-depth="2"` or bound, `:minDepth="2"`.
  for (const attribute of tag[1]!.matchAll(/(:?)([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    const name = attribute[2]!.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    const value = (attribute[3] ?? attribute[4] ?? attribute[5] ?? '').trim();
    const count = /^\d{1,2}$/.test(value) ? Number(value) : value === 'Infinity' ? UNLIMITED : undefined;
    if ((name === 'minDepth' || name === 'maxDepth' || name === 'start') && count !== undefined) options[name] = Math.min(count, UNLIMITED);
    else if (name === 'columns' && count !== undefined) options.columns = count;
    else if (name === 'mode' && MODES.has(value)) options.mode = value as TocMode;
    // A bare utility's name is its class, as Slidev's attributify reads it (the starter deck's `<Toc text-sm />`); `v-click` a step.
    else if (attribute[0]!.trim() === attribute[2] && (utilityClassPattern().test(attribute[2]!) || attribute[2] === 'v-click')) options.classes.push(attribute[2] === 'v-click' ? 'fragment' : attribute[2]!);
    else ignored.push(attribute[0]!.trim());
  }
  const text = `\u0000toc:${options.minDepth}:${options.maxDepth}:${options.mode}:${Math.min(options.columns, 4)}:${options.start}:${options.classes.join(' ')}\u0000`;
  const lost = [
    ...(ignored.length > 0 ? [`${ignored.join(' ')} ${ignored.length === 1 ? 'is' : 'are'} not supported and left out`] : []),
    ...(options.columns > 4 ? [`its ${options.columns} columns are shown as four`] : []),
  ];
  return lost.length === 0 ? { text } : { text, warning: `Slidev's <Toc>: ${lost.join('; ')}` };
}

/** One item of the table, as Slidev's tree holds it. */
interface TocItem {
  slide: Slide;
  title: string;
  hide: boolean;
  children: TocItem[];
  active?: boolean;
  activeParent?: boolean;
  hasActiveParent?: boolean;
}

/**
 * Fills every table of contents in the deck: each slide with a title is an item, nested under the item before it
 * when its level is deeper (its heading's, or its front matter's `level:`), linked to its slide. `entries` holds
 * each slide's front matter for the table, by slide; a slide without one is read from its title alone.
 */
export function fillSlidevToc(slides: Slide[], entries: ReadonlyMap<Slide, SlidevTocEntry>): void {
  const holdsMark = (slide: Slide) => [slide.bodyHtml, ...(slide.columns ?? []), slide.columnsLead ?? '', slide.columnsTail ?? '', slide.notes?.html ?? ''].some((html) => html.includes('\u0000'));
  const marked = slides.filter(holdsMark);
  if (marked.length === 0) return;
  const tree: TocItem[] = [];
  for (const slide of slides) {
    const entry = entries.get(slide);
    const title = entry?.title !== undefined ? escapeHtml(entry.title) : slide.titleHtml;
    if (!title) continue;
    addToTree(tree, { slide, title, hide: entry?.hide === true, children: [] }, entry?.level ?? slide.titleLevel);
  }
  const indices = slideIndices(slides);
  const anchors = new Map(slides.map((slide, i) => [slide, slideAnchor(indices[i]!)]));
  for (const slide of marked) {
    // A mark a simple table's columns cut in two fills nothing: its pieces go (dropBrokenMarks), as a page number's do.
    rewriteSlideHtml(slide, (html) => dropBrokenMarks(html.replace(TOC_PARAGRAPH, '$1').replace(TOC_MARK, (_, min: string, max: string, mode: TocMode, columns: string, start: string, classes: string) => writeToc(tree, slide, { minDepth: Number(min), maxDepth: Number(max), mode, columns: Number(columns), start: Number(start), classes: classes.split(' ').filter(Boolean) }, anchors))));
    // A table in the notes (written in HTML notes) is filled there too; their Markdown keeps no mark.
    if (slide.notes) slide.notes = { ...slide.notes, markdown: dropBrokenMarks(slide.notes.markdown.replace(TOC_MARK, '')) };
  }
}

/** Puts an item under the last one of a shallower level, as Slidev's tree does. */
function addToTree(tree: TocItem[], item: TocItem, level: number | undefined, depth = 1): void {
  if (level !== undefined && level > depth && tree.length > 0) addToTree(tree.at(-1)!.children, item, level, depth + 1);
  else tree.push(item);
}

/** The table of contents as the slide it stands on shows it: that slide's item is the active one, for the depths and modes that follow it. */
function writeToc(tree: TocItem[], here: Slide, options: TocOptions, anchors: Map<Slide, string>): string {
  let items = withoutHidden(markActive(tree, here));
  items = keepDepths(items, options);
  if (options.mode === 'onlyCurrentTree') items = keepCurrentTree(items);
  else if (options.mode === 'onlySiblings') items = keepSiblings(items);
  const list = writeList(items, anchors, options.start);
  // Two columns flow as ioslides' columns-2 does; three and four, in a class of the table's own.
  const classes = [...(options.columns === 2 ? ['columns-2'] : options.columns > 2 ? [`toc-columns-${options.columns}`] : []), ...options.classes];
  return classes.length > 0 && list !== '' ? `<div class="${classes.join(' ')}">${list}</div>` : list;
}

/** A copy of the tree with the item of the slide `here` active, its ancestors `activeParent` and its descendants `hasActiveParent`, as Slidev marks them. */
function markActive(tree: TocItem[], here: Slide, hasActiveParent = false, parent?: TocItem): TocItem[] {
  return tree.map((item) => {
    const marked: TocItem = { ...item, active: item.slide === here, hasActiveParent };
    marked.children = markActive(item.children, here, marked.active || hasActiveParent, marked);
    if (parent && (marked.active || marked.activeParent)) parent.activeParent = true;
    return marked;
  });
}

/** `hideInToc: true` takes the slide out, and the slides under it with it. */
function withoutHidden(tree: TocItem[]): TocItem[] {
  return tree.filter((item) => !item.hide).map((item) => ({ ...item, children: withoutHidden(item.children) }));
}

/** Levels past `maxDepth` go; above `minDepth`, only the branch that holds this slide is followed down. */
function keepDepths(tree: TocItem[], options: TocOptions, level = 1): TocItem[] {
  if (level > options.maxDepth) return [];
  if (level < options.minDepth) {
    const branch = tree.find((item) => item.active || item.activeParent);
    return branch ? keepDepths(branch.children, options, level + 1) : [];
  }
  return tree.map((item) => ({ ...item, children: keepDepths(item.children, options, level + 1) }));
}

/** `mode="onlyCurrentTree"`: the active item, the items above it and those under it. */
function keepCurrentTree(tree: TocItem[]): TocItem[] {
  return tree.filter((item) => item.active || item.activeParent || item.hasActiveParent).map((item) => ({ ...item, children: keepCurrentTree(item.children) }));
}

/** `mode="onlySiblings"`: the levels that hold the active item or one above or under it, each whole. */
function keepSiblings(tree: TocItem[]): TocItem[] {
  if (!tree.some((item) => item.active || item.activeParent || item.hasActiveParent)) return [];
  return tree.map((item) => ({ ...item, children: keepSiblings(item.children) }));
}

/** An ordered list of the items, each linked to its slide, with its own items nested under it. */
function writeList(items: TocItem[], anchors: Map<Slide, string>, start = 1): string {
  if (items.length === 0) return '';
  const rows = items.map((item) => `<li><a href="${anchors.get(item.slide)}">${item.title}</a>${writeList(item.children, anchors)}</li>`);
  return `<ol${start !== 1 ? ` start="${start}"` : ''}>${rows.join('')}</ol>`;
}
