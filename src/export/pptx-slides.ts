// Places one slide of the model on a PowerPoint slide, layout by layout, as
// native objects: title placeholders, text boxes with real bullets, tables,
// pictures at their aspect ratio and native charts. Never a picture of a slide.
import type * as Pptx from 'pptxgenjs';

type PptxGenJS = Pptx.default;
import { listAgendaEntries, type Briefing, type ChartRef, type Slide } from '../model.js';
import { writtenForAnotherTool } from '../written-for.js';
import type { CheckedChart } from '../charts/chart-data.js';
import { addNativeChart, mix, type Box } from './pptx-charts.js';
import { codeParagraphs, estimateHeight, paragraph, paragraphSteps, textParagraphs, type PptxText, type TextLook } from './pptx-text.js';
import { lastObject } from './pptx-names.js';
import type { StepTarget } from './pptx-animations.js';
import type { BuildStep } from './fragment-steps.js';
import type { CellSpan, SlideBlock } from './read-slide-blocks.js';
import type { ThemePalette } from './theme-palette.js';

/** The alt text a picture without one is given, for write-pptx.ts to mark it decorative as PowerPoint does. */
export const DECORATIVE_PICTURE = 'briefdeck-decorative-picture-7f3a';

/** The slide's frame in inches: where the title, the body and the footer go. */
export interface Geometry {
  width: number;
  height: number;
  margin: number;
  /** Top of the body, under the title and its rule. */
  bodyTop: number;
  /** Bottom of the body, above the footer. */
  bodyBottom: number;
}

/** A picture ready to place: PNG, JPEG or GIF data and its size in pixels. */
export interface PlacedImage {
  data: string;
  width: number;
  height: number;
}

/** Everything a layout needs to place one slide. */
export interface SlideContext {
  pptx: PptxGenJS;
  slide: Pptx.default.Slide;
  briefing: Briefing;
  palette: ThemePalette;
  geometry: Geometry;
  images: ReadonlyMap<number, PlacedImage>;
  charts: readonly ChartRef[];
  /** Every chart's data, read and checked once for the whole export. */
  checkedCharts: ReadonlyMap<number, CheckedChart>;
  /** The file's slide (1 for the first) each of the deck's links to a slide (`#/3`, a table of contents') goes to. */
  slideLinks: ReadonlyMap<string, number>;
  /** Told each object, or paragraph of a text box, that steps in or out at a click, for write-pptx.ts to animate (pptx-animations.ts). */
  steps?: StepTarget[];
}

/** Notes the step of the object just added, by its name and id on the slide (a table by its name alone, see lastObject), and its kind. */
function noteStep(ctx: SlideContext, step: BuildStep | undefined, kind: 'text' | 'picture' | 'chart' | 'table' = 'text'): void {
  const shape = step && ctx.steps ? lastObject(ctx.slide) : undefined;
  if (shape) ctx.steps!.push({ shape: shape.name, ...(kind === 'table' ? {} : { id: shape.id }), step: step!, ...(kind === 'picture' ? { kind } : kind !== 'text' ? { kind: 'graphic' as const } : {}) });
}

/** Notes the step of each paragraph of the text box just added, made of these blocks (pptx-text.ts counts them as it writes them). */
function noteParagraphSteps(ctx: SlideContext, blocks: readonly SlideBlock[]): void {
  if (!ctx.steps) return;
  const steps = paragraphSteps(blocks);
  const shape = steps.some(Boolean) ? lastObject(ctx.slide) : undefined;
  if (shape) steps.forEach((step, paragraph) => step && ctx.steps!.push({ shape: shape.name, id: shape.id, paragraph, step }));
}

const BODY_SIZE = 20;

/** Blocks that share one text box; the rest (tables, pictures, charts, code) are objects of their own. */
function isText(block: SlideBlock): boolean {
  return block.kind === 'paragraph' || block.kind === 'heading' || block.kind === 'list' || block.kind === 'quote' || block.kind === 'math';
}

/** Places a slide by its layout. Unknown layouts (a briefing's own) are placed as content. */
export function placeSlide(ctx: SlideContext, slide: Slide, blocks: SlideBlock[], columns: SlideBlock[][] | null, lead: SlideBlock[] | null = null, tail: SlideBlock[] | null = null): void {
  switch (slide.kind) {
    case 'title':
      return placeTitleSlide(ctx);
    case 'section':
      return placeSection(ctx, slide, blocks);
    case 'bottom-line':
      addTitle(ctx, slide.title ?? 'Bottom line');
      ctx.slide.addText(ctx.briefing.meta.bottomLine ?? '', { ...bodyBox(ctx), fontSize: 28, color: ctx.palette.text, fontFace: ctx.palette.bodyFont, valign: 'top' });
      return;
    case 'agenda': {
      addTitle(ctx, slide.title ?? 'Agenda');
      const items = listAgendaEntries(ctx.briefing).flatMap((s) => [{ level: 0, ordered: true, runs: [{ text: s.title }] }, ...s.slides.map((title) => ({ level: 1, ordered: false, runs: [{ text: title }] }))]);
      flow(ctx, [{ kind: 'list', items }], bodyBox(ctx), 24);
      return;
    }
  }
  if (slide.title) addTitle(ctx, slide.title);
  // Pictures placed on the slide (Quarto's `.absolute`) go where the deck places them; the rest flows.
  const placed = new Set(blocks.filter((block) => block.kind === 'image' && block.place !== undefined && placePicture(ctx, block)));
  blocks = blocks.filter((block) => !placed.has(block));
  const box = bodyBox(ctx);
  switch (slide.layout) {
    case 'two-column': {
      const parts = columns ?? [blocks];
      const gap = 0.4;
      // What spans the columns (Slidev's two-cols-header) takes the top fifth; the columns the rest.
      if (lead && columns) {
        const h = box.h * 0.2;
        flow(ctx, lead, { ...box, h }, BODY_SIZE);
        box.y += h + 0.1;
        box.h -= h + 0.1;
      }
      // What spans them below (after Pandoc's columns end) takes the bottom fifth.
      if (tail && columns) {
        const h = box.h * 0.2;
        flow(ctx, tail, { ...box, y: box.y + box.h - h, h }, BODY_SIZE);
        box.h -= h + 0.1;
      }
      const room = box.w - gap * (parts.length - 1);
      // Each column its share of the room: the author's widths (Quarto's width="60%"), else equal.
      const shares = slide.columnWidths?.length === parts.length ? slide.columnWidths.map((w) => w / 100) : parts.map(() => 1 / parts.length);
      let x = box.x;
      parts.forEach((part, i) => {
        const w = room * shares[i]!;
        flow(ctx, part, { ...box, x, w }, BODY_SIZE);
        x += w + gap;
      });
      return;
    }
    case 'quote':
      return placeQuote(ctx, blocks, box);
    case 'stat':
      return placeStat(ctx, blocks, box);
    case 'timeline':
      return placeTimeline(ctx, blocks, box);
    case 'sources':
      return flow(ctx, blocks, box, 16);
    default:
      return flow(ctx, blocks, box, BODY_SIZE);
  }
}

/**
 * Places a picture where the deck places it: its sides in the slide's pixels (96 to the inch) or percent of the
 * slide, its width as written or its own, its height by its aspect. False when it cannot be read, to flow instead.
 */
function placePicture(ctx: SlideContext, block: Extract<SlideBlock, { kind: 'image' }>): boolean {
  const image = ctx.images.get(block.asset);
  const place = block.place!;
  const { width: slideW, height: slideH } = ctx.geometry;
  // A length in inches along a side of `extent` inches; em and rem as the deck's 16 px, undefined for anything else.
  const inches = (length: string | undefined, extent: number): number | undefined => {
    const m = /^(-?\d*\.?\d+)(px|%|em|rem)?$/.exec(length?.trim() ?? '');
    if (!m) return undefined;
    const n = Number(m[1]);
    return m[2] === '%' ? (n / 100) * extent : m[2] === 'em' || m[2] === 'rem' ? (n * 16) / 96 : n / 96;
  };
  if (!image) return false;
  const w = inches(place.width, slideW) ?? image.width / 96;
  const h = w * (image.height / image.width);
  const left = inches(place.left, slideW);
  const right = inches(place.right, slideW);
  const top = inches(place.top, slideH);
  const bottom = inches(place.bottom, slideH);
  const x = left ?? (right !== undefined ? slideW - right - w : undefined);
  const y = top ?? (bottom !== undefined ? slideH - bottom - h : undefined);
  if (x === undefined || y === undefined) return false;
  ctx.slide.addImage({ data: image.data, x, y, w, h, altText: block.alt.trim() === '' ? DECORATIVE_PICTURE : block.alt });
  noteStep(ctx, block.step, 'picture');
  return true;
}

/** The title in the master's title placeholder, so PowerPoint's outline and accessibility tools see it as the title. */
function addTitle(ctx: SlideContext, title: string): void {
  // In the slide's own colours, which differ from the master's on a background of its own.
  // The colour goes on the run: pptxgenjs lets the master's placeholder colour win over the shape's.
  ctx.slide.addText([{ text: title, options: { color: ctx.palette.heading } }], { placeholder: 'title' });
}

function bodyBox(ctx: SlideContext): Box {
  const g = ctx.geometry;
  return { x: g.margin, y: g.bodyTop, w: g.width - 2 * g.margin, h: g.bodyBottom - g.bodyTop };
}

function look(ctx: SlideContext, fontSize: number): TextLook {
  return { fontSize, color: ctx.palette.text, accent: ctx.palette.accent, slideLinks: ctx.slideLinks };
}

/**
 * Places blocks top to bottom in a box: consecutive text blocks share one
 * text box; a table, picture, chart or code block gets its own object, in the
 * space the text above it leaves.
 */
function flow(ctx: SlideContext, blocks: SlideBlock[], box: Box, fontSize: number): void {
  const groups: SlideBlock[][] = [];
  for (const block of blocks) {
    const textual = isText(block);
    const lastGroup = groups.at(-1);
    if (textual && lastGroup && isText(lastGroup[0]!)) lastGroup.push(block);
    else groups.push([block]);
  }
  let y = box.y;
  const bottom = box.y + box.h;
  // How many objects (tables, pictures, code) each group still has after it, counted once from the end.
  const objectsAfterEach: number[] = [];
  for (let i = groups.length - 1, after = 0; i >= 0; i--) {
    objectsAfterEach[i] = after;
    if (!isText(groups[i]![0]!)) after++;
  }
  groups.forEach((group, i) => {
    const remaining = Math.max(0.5, bottom - y);
    const objectsAfter = objectsAfterEach[i]!;
    const first = group[0]!;
    switch (first.kind) {
      case 'table': {
        // The table's rows as the HTML has them (the header first), each with its number there, which spans are given by.
        const rows = (first.header.length > 0 ? [first.header, ...first.rows] : first.rows).map((cells, at) => ({ cells, at })).filter((r) => r.cells.length > 0);
        const height = Math.min(remaining, rows.length * 0.45);
        // Looked up by place, not searched: a long table may span thousands of cells.
        const spans = new Map(first.spans?.map((span) => [`${span.row}:${span.column}`, span]));
        ctx.slide.addTable(
          rows.map(({ cells, at }, r) =>
            cells.map((cell, c) => ({
              text: paragraph(cell, look(ctx, 16)).map((t) => ({ ...t, options: { ...t.options, breakLine: false } })),
              options: {
                ...(r === 0 && first.header.length > 0 ? { bold: true, color: ctx.palette.background, fill: { color: ctx.palette.accent } } : {}),
                ...(first.align?.[c] ? { align: first.align[c] } : {}),
                ...spanOf(spans.get(`${at}:${c}`)),
              },
            })),
          ),
          { x: box.x, y, w: box.w, fontSize: 16, fontFace: ctx.palette.bodyFont, color: ctx.palette.text, border: { type: 'solid', pt: 1, color: mix(ctx.palette.text, ctx.palette.background, 0.3) }, autoPage: false },
        );
        noteStep(ctx, first.step, 'table');
        y += height + 0.15;
        return;
      }
      case 'image': {
        const image = ctx.images.get(first.asset);
        if (!image) return;
        // Text after the picture (a caption) keeps its room: about 0.6 in per paragraph group.
        const textAfter = groups.length - 1 - i - objectsAfter;
        const space = (objectsAfter > 0 ? remaining / (objectsAfter + 1) : remaining) - textAfter * 0.6;
        const scale = Math.min(box.w / image.width, space / image.height);
        const w = image.width * scale;
        const h = image.height * scale;
        // pptxgenjs names a picture without alt text by its file (`preencoded.png`), which a screen reader would read: it is marked decorative instead.
        ctx.slide.addImage({ data: image.data, x: box.x + (box.w - w) / 2, y, w, h, altText: first.alt.trim() === '' ? DECORATIVE_PICTURE : first.alt });
        noteStep(ctx, first.step, 'picture');
        y += h + 0.15;
        return;
      }
      case 'chart': {
        const chart = ctx.charts[first.index];
        const checked = ctx.checkedCharts.get(first.index);
        if (!chart || !checked) return;
        // Room for the caption under the chart, when it has one.
        const space = (objectsAfter > 0 ? remaining / (objectsAfter + 1) : remaining) - (chart.caption ? 0.5 : 0);
        const h = addNativeChart(ctx.pptx, ctx.slide, chart, checked, { x: box.x, y, w: box.w, h: space }, ctx.palette);
        noteStep(ctx, first.step, 'chart');
        y += h + 0.1;
        if (chart.caption) {
          ctx.slide.addText(chart.caption, { x: box.x, y, w: box.w, h: 0.4, fontSize: 14, color: ctx.palette.text, fontFace: ctx.palette.bodyFont });
          noteStep(ctx, first.step);
          y += 0.45;
        }
        return;
      }
      case 'code': {
        const paragraphs = codeParagraphs(first.lines, look(ctx, 14));
        const h = Math.min(remaining, first.lines.length * ((14 * 1.3) / 72) + 0.3);
        ctx.slide.addText(paragraphs, { x: box.x, y, w: box.w, h, fontSize: 14, color: ctx.palette.text, fill: { color: mix(ctx.palette.text, ctx.palette.background, 0.06) }, valign: 'top', margin: 8 });
        noteStep(ctx, first.step);
        y += h + 0.15;
        return;
      }
      default: {
        const paragraphs = textParagraphs(group, look(ctx, fontSize));
        const h = objectsAfter > 0 || i < groups.length - 1 ? Math.min(remaining, estimateHeight(paragraphs, box.w, fontSize)) : remaining;
        addTextBox(ctx, paragraphs, { x: box.x, y, w: box.w, h }, fontSize);
        noteParagraphSteps(ctx, group);
        y += h;
      }
    }
  });
}

/** The span a table cell has in the deck (HTML's `colspan`, `rowspan`), as pptxgenjs's cell options; none for a plain cell. */
function spanOf(span: CellSpan | undefined): { colspan?: number; rowspan?: number } {
  return span === undefined ? {} : { ...(span.colspan !== undefined ? { colspan: span.colspan } : {}), ...(span.rowspan !== undefined ? { rowspan: span.rowspan } : {}) };
}

function addTextBox(ctx: SlideContext, paragraphs: PptxText[], box: Box, fontSize: number, extra: Pptx.default.TextPropsOptions = {}): void {
  if (paragraphs.length === 0) return;
  ctx.slide.addText(paragraphs, { ...box, fontSize, color: ctx.palette.text, fontFace: ctx.palette.bodyFont, valign: 'top', fit: 'shrink', ...extra });
}

function placeTitleSlide(ctx: SlideContext): void {
  const { meta } = ctx.briefing;
  const g = ctx.geometry;
  const w = g.width - 2 * g.margin;
  ctx.slide.addText(meta.title, { placeholder: 'title', y: g.height * 0.3, h: 1.4, fontSize: 40, valign: 'bottom' });
  const lines: PptxText[] = [];
  if (meta.subtitle) lines.push({ text: meta.subtitle, options: { fontSize: 24, breakLine: true, paraSpaceAfter: 12 } });
  if (meta.author) lines.push({ text: meta.author, options: { fontSize: 18, breakLine: true } });
  if (meta.date) lines.push({ text: meta.date, options: { fontSize: 18, breakLine: true } });
  if (lines.length > 0) ctx.slide.addText(lines, { x: g.margin, y: g.height * 0.3 + 1.55, w, h: 1.6, color: ctx.palette.text, fontFace: ctx.palette.bodyFont, valign: 'top' });
}

function placeSection(ctx: SlideContext, slide: Slide, blocks: SlideBlock[]): void {
  const g = ctx.geometry;
  // The title stands where the master's placeholder does (at the margin, its text at the foot of a box from 0.3 of the
  // height, 1.4 in high): pptxgenjs places a placeholder's text there whatever it is told, so the rule and the kicker
  // are set beside and above it, the rule in the margin.
  const top = g.height * 0.3;
  ctx.slide.addShape(ctx.pptx.ShapeType.rect, { x: g.margin - 0.3, y: top + 0.35, w: 0.12, h: 1.05, fill: { color: ctx.palette.accent }, line: { color: ctx.palette.accent } });
  // The kicker is briefdeck's; a deck written for another tool shows its section's title alone, as that tool does.
  if (!writtenForAnotherTool(ctx.briefing.meta)) ctx.slide.addText('Section', { x: g.margin, y: top + 0.35, w: g.width - 2 * g.margin, h: 0.45, fontSize: 16, color: ctx.palette.accent, fontFace: ctx.palette.bodyFont, bold: true, margin: 0 });
  ctx.slide.addText(slide.title ?? '', { placeholder: 'title', fontSize: 40 });
  if (blocks.length > 0) flow(ctx, blocks, { x: g.margin, y: top + 1.6, w: g.width - 2 * g.margin, h: 1.5 }, BODY_SIZE);
}

/** A quote large and italic, its attribution (a line starting with a dash) below it in the body size. */
function placeQuote(ctx: SlideContext, blocks: SlideBlock[], box: Box): void {
  const quote = blocks.filter((b) => b.kind === 'quote');
  const rest = blocks.filter((b) => b.kind !== 'quote');
  const paragraphs = textParagraphs(quote, look(ctx, 30));
  const h = Math.min(box.h * 0.7, estimateHeight(paragraphs, box.w - 0.6, 30));
  ctx.slide.addShape(ctx.pptx.ShapeType.rect, { x: box.x, y: box.y, w: 0.08, h, fill: { color: ctx.palette.accent }, line: { color: ctx.palette.accent } });
  addTextBox(ctx, paragraphs, { x: box.x + 0.3, y: box.y, w: box.w - 0.3, h }, 30);
  flow(ctx, rest, { x: box.x + 0.3, y: box.y + h + 0.2, w: box.w - 0.3, h: Math.max(0.6, box.h - h - 0.2) }, BODY_SIZE);
}

/** The first paragraph as the figure, large in the accent colour; the rest as its label. */
function placeStat(ctx: SlideContext, blocks: SlideBlock[], box: Box): void {
  const [first, ...rest] = blocks;
  if (!first || first.kind !== 'paragraph') return flow(ctx, blocks, box, BODY_SIZE);
  addTextBox(ctx, paragraph(first.runs, look(ctx, 72)), { x: box.x, y: box.y + 0.3, w: box.w, h: 1.6 }, 72, { color: ctx.palette.accent, bold: true, valign: 'middle' });
  flow(ctx, rest, { x: box.x, y: box.y + 2.1, w: box.w, h: box.h - 2.1 }, 26);
}

/** A list as dated steps left to right on a line: a dot, the date (the item's bold start) and the text under it. */
function placeTimeline(ctx: SlideContext, blocks: SlideBlock[], box: Box): void {
  const list = blocks.find((b): b is Extract<SlideBlock, { kind: 'list' }> => b.kind === 'list');
  if (!list) return flow(ctx, blocks, box, BODY_SIZE);
  const items = list.items.filter((i) => i.level === 0);
  const step = box.w / Math.max(1, items.length);
  const lineY = box.y + 0.9;
  ctx.slide.addShape(ctx.pptx.ShapeType.line, { x: box.x, y: lineY, w: box.w, h: 0, line: { color: ctx.palette.accent, width: 4 } });
  items.forEach((item, i) => {
    const x = box.x + i * step;
    ctx.slide.addShape(ctx.pptx.ShapeType.ellipse, { x, y: lineY - 0.13, w: 0.26, h: 0.26, fill: { color: ctx.palette.accent }, line: { color: ctx.palette.accent } });
    const boldEnd = item.runs.findIndex((r) => !r.bold);
    const date = boldEnd > 0 ? item.runs.slice(0, boldEnd) : [];
    const text = boldEnd > 0 ? item.runs.slice(boldEnd) : item.runs;
    if (date.length > 0) addTextBox(ctx, paragraph(date, look(ctx, 20)), { x, y: box.y, w: step - 0.1, h: 0.6 }, 20, { color: ctx.palette.accent, bold: true });
    addTextBox(ctx, paragraph(text, look(ctx, 16)), { x, y: lineY + 0.3, w: step - 0.15, h: box.h - 1.3 }, 16);
  });
  const rest = blocks.filter((b) => b !== list);
  if (rest.length > 0) flow(ctx, rest, { x: box.x, y: box.y + box.h - 1, w: box.w, h: 1 }, 16);
}
