// Turns typed slide blocks into PowerPoint text: native paragraphs, bullets
// with levels, and runs that keep bold, italic, code, links and code colours.
import type * as Pptx from 'pptxgenjs';

type PptxGenJS = Pptx.default;
import type { SlideBlock } from './read-slide-blocks.js';
import type { TextRun } from './read-text-runs.js';
import type { BuildStep } from './fragment-steps.js';
import { appendAll } from '../append-all.js';

/** PowerPoint's numbering for a list's style (its HTML `type`). */
const NUMBER_STYLES = { a: 'alphaLcPeriod', A: 'alphaUcPeriod', i: 'romanLcPeriod', I: 'romanUcPeriod' } as const;

/** One paragraph of a text box, as pptxgenjs takes it. */
export type PptxText = Pptx.default.TextProps;

/** Monospace face for code, with a fallback PowerPoint and LibreOffice both have. */
export const CODE_FONT = 'Consolas';

/** How a text block is set: its size and whether it is a quote. */
export interface TextLook {
  fontSize: number;
  color: string;
  accent: string;
  /** The slide of the file each link to a slide of the deck (`#/3`) goes to. */
  slideLinks?: ReadonlyMap<string, number>;
}

/**
 * The runs of one paragraph: its paragraph options (bullet, level, spacing,
 * alignment) on the first run only, since pptxgenjs starts a new paragraph at
 * every run that carries a bullet, and a line break after the last.
 */
export function paragraph(runs: TextRun[], look: TextLook, options: Pptx.default.TextPropsOptions = {}): PptxText[] {
  const shown = runs.length > 0 ? runs : [{ text: ' ' }];
  const { bullet, indentLevel, paraSpaceAfter, align, ...character } = options;
  const first = Object.fromEntries(Object.entries({ bullet, indentLevel, paraSpaceAfter, align }).filter(([, v]) => v !== undefined));
  return shown.map((run, i) => ({
    text: run.text,
    options: {
      ...character,
      ...(i === 0 ? first : {}),
      ...(run.bold ? { bold: true } : {}),
      ...(run.italic ? { italic: true } : {}),
      ...(run.code ? { fontFace: CODE_FONT } : {}),
      ...(run.superscript ? { superscript: true } : run.subscript ? { subscript: true } : {}),
      // A browser's own colour for <mark>, which the deck shows.
      ...(run.highlight ? { highlight: 'FFFF00' } : {}),
      ...(run.underline ? { underline: { style: 'sng' as const } } : {}),
      ...(run.color ? { color: run.color } : {}),
      // A link to a slide of the deck jumps to that slide of the file; any other goes to its address.
      ...(run.link ? { hyperlink: look.slideLinks?.has(run.link) ? { slide: look.slideLinks.get(run.link)! } : { url: run.link }, color: look.accent } : {}),
      ...(i === shown.length - 1 ? { breakLine: true } : {}),
    },
  }));
}

/** Every text block as paragraphs of one text box; objects (tables, images, charts) are placed by the caller. */
export function textParagraphs(blocks: SlideBlock[], look: TextLook): PptxText[] {
  const out: PptxText[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph':
        appendAll(out, paragraph(block.runs, look, { paraSpaceAfter: 8 }));
        break;
      case 'heading':
        appendAll(out, paragraph(block.runs.map((r) => ({ ...r, bold: true })), look, { paraSpaceAfter: 6, fontSize: look.fontSize + 2 }));
        break;
      case 'list':
        for (const item of block.items) {
          const numbered = { type: 'number' as const, ...(item.numbering ? { style: NUMBER_STYLES[item.numbering] } : {}), ...(item.startAt ? { startAt: item.startAt } : {}) };
          appendAll(out, paragraph(item.runs, look, { bullet: item.ordered ? numbered : true, indentLevel: item.level, paraSpaceAfter: 6 }));
        }
        break;
      case 'quote':
        for (const runs of block.paragraphs) appendAll(out, paragraph(runs.map((r) => ({ ...r, italic: true })), look, { paraSpaceAfter: 8 }));
        break;
      case 'math':
        // TeX as text: PowerPoint has no TeX, and the source stays editable (see the README).
        appendAll(out, paragraph([{ text: block.tex, italic: true, code: true }], look, { paraSpaceAfter: 8, align: 'center' }));
        break;
      default:
        break;
    }
  }
  return out;
}

/** The step of each paragraph textParagraphs makes of these blocks, in its order: a list item's own, else its block's. */
export function paragraphSteps(blocks: readonly SlideBlock[]): (BuildStep | undefined)[] {
  return blocks.flatMap((block) => {
    switch (block.kind) {
      case 'paragraph':
      case 'heading':
      case 'math':
        return [block.step];
      case 'list':
        return block.items.map((item) => item.step ?? block.step);
      case 'quote':
        return block.paragraphs.map(() => block.step);
      default:
        return [];
    }
  });
}

/** Code as monospace lines, each token in its highlight colour. */
export function codeParagraphs(lines: TextRun[][], look: TextLook): PptxText[] {
  return lines.flatMap((runs) => paragraph(runs.map((r) => ({ ...r, code: true })), look));
}

/** A rough height in inches for paragraphs in a box of `width` inches: enough to place what follows them. */
export function estimateHeight(paragraphs: PptxText[], width: number, fontSize: number): number {
  const perLine = Math.max(10, Math.floor((width * 72) / (fontSize * 0.5)));
  let lines = 0;
  let current = 0;
  for (const p of paragraphs) {
    current += String(p.text).length;
    if (p.options?.breakLine) {
      lines += Math.max(1, Math.ceil(current / perLine));
      current = 0;
    }
  }
  if (current > 0) lines += Math.ceil(current / perLine);
  return (lines * fontSize * 1.3 + paragraphs.filter((p) => p.options?.breakLine).length * 6) / 72 + 0.2;
}
