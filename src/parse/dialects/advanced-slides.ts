import { mapOutsideCodeSpans } from '../outside-code-spans.js';
import { FIRST_COLUMN, NEXT_COLUMN, type DialectLine } from '../directive-lines.js';
import { readRevealSeparator } from './reveal-separators.js';

// How briefdeck reads Obsidian's Advanced Slides, a reveal.js deck in an Obsidian note, line by line:
// - its annotations `<!-- slide bg="…" -->` and `<!-- element class="fragment" -->` are reveal's
//   `.slide:` and `.element:` comments under other names (`bg` is reveal's data-background);
// - `<split>` … `</split>` lays the blocks between its tags side by side: briefdeck's columns,
//   `left="2" right="1"` their widths;
// - `<grid drag="60 55" drop="5 10">` … `</grid>` places a block on the slide: `drop` its corner (in percent of the
//   slide, or pixels of Advanced Slides' 960×700 one; negative from the right or bottom; or a name, `topleft` …
//   `center`), `drag` its size (default 50 by 100), its content centred as Advanced Slides centres it, `align` and
//   `flow="row"` moving it; a div placed by a style the sanitizer holds to exactly that (sanitize-fragment.ts). Its
//   other looks (`bg`, `pad`, `border`, `rotate`, …) are named in a warning;
// - its blocks `::: left` and `::: right` (a template's slots) are columns, and any other
//   `::: name` (`block`, `title`) keeps its content without the box;
// - Obsidian's comments, `%% … %%` in a line or over lines, are left out.

/** A layout tag of its own on a line: `<split even gap="2">`, `<grid drag="60 55" drop="5 10">`, or its end. */
const LAYOUT_TAG = /^[ \t]*<(\/?)(split|grid)\b([^<>\n]*)>[ \t]*$/i;

/**
 * An annotation: `slide` or `element`, then attributes with quoted values only, so a comment in prose is never read as one.
 * Each attribute's parts are told apart by their characters alone, so a line of many unclosed ones is read in one pass.
 */
const ANNOTATION = /<!--[ \t]*(slide|element)((?:[ \t]+[\w-]+[ \t]*=[ \t]*(?:"[^"\n]*"|'[^'\n]*'))+)[ \t]*-->/g;

/** What one file of such a deck has open. */
export interface AdvancedSlidesState {
  /** The split being read: how many of its blocks have started, whether the last line was blank, whether its block is a list. */
  split?: { blocks: number; afterBlank: boolean; inList: boolean; nextWidth?: number };
  /** The grid looks not read are named once a file. */
  gridWarned: boolean;
  /** The names of the `::: name` blocks open, the innermost last, so each `:::` closes its own ('' for another reader's div). */
  blocks: string[];
  /** Inside an Obsidian comment (`%%` … `%%`) that runs over lines. */
  inComment?: boolean;
}

/** A div's fence: its colons, then what it opens (`left`, `{.callout-note}`), or nothing for the fence that closes one. */
const BLOCK_FENCE = /^[ \t]*(:{3,})[ \t]*(.*?)[ \t]*$/;

/** A fresh state for the start of a file. */
export function createAdvancedSlidesState(): AdvancedSlidesState {
  return { gridWarned: false, blocks: [] };
}

/** True for a deck with Advanced Slides' layout tags or annotations, or an Obsidian comment on lines of its own (`%%` alone on a line). */
export function readsAsAdvancedSlidesBody(text: string): boolean {
  if (text.includes('%%') && /^[ \t]*%%[ \t]*$/m.test(text)) return true;
  return (text.includes('<split') || text.includes('<grid') || text.includes('<!--')) && (/^[ \t]*<(?:split|grid)\b[^<>\n]*>[ \t]*$/im.test(text) || /<!--[ \t]*(?:slide|element)[ \t]+[\w-]+[ \t]*=[ \t]*["']/.test(text));
}

/** Rewrites one line of an Advanced Slides deck into briefdeck's, or returns null for a line that is not its own. */
export function rewriteAdvancedSlidesLine(line: string, state: AdvancedSlidesState): DialectLine | null {
  // Obsidian's comments, `%% … %%` within a line or over lines, are for the note's author: never shown, never notes.
  if (state.inComment || line.includes('%%')) {
    const kept = dropObsidianComments(line, state);
    // What is left is read like any line, but never again for comments: one may have opened at its end.
    if (kept !== line) return kept.trim() === '' ? { text: '' } : (rewriteUncommentedLine(kept, state) ?? { text: kept });
  }
  return rewriteUncommentedLine(line, state);
}

/** Rewrites one line of an Advanced Slides deck with no Obsidian comment left in it. */
function rewriteUncommentedLine(line: string, state: AdvancedSlidesState): DialectLine | null {
  // A split left open ends with its slide.
  if (/^---[ \t]*$/.test(line) || readRevealSeparator(line)) {
    state.split = undefined;
    return null;
  }
  const tag = LAYOUT_TAG.exec(line);
  if (tag) return readLayoutTag(tag[1] === '/', tag[2]!.toLowerCase(), tag[3]!, state);
  const fence = BLOCK_FENCE.exec(line);
  if (fence) {
    const [, colons, name] = fence;
    // A closing fence closes the innermost block open; another reader's div (Pandoc's `::: {.callout-note}`, `::::`) is
    // that reader's, and so is the fence that closes it.
    if (name === '') return state.blocks.length === 0 || state.blocks.pop() === '' ? null : { text: '' };
    if (colons!.length === 3 && /^[A-Za-z][\w-]*$/.test(name!)) return readBlockFence(name!.toLowerCase(), state);
    state.blocks.push('');
  }
  // An annotation in a code span is shown as written.
  const text = line.includes('<!--') ? mapOutsideCodeSpans(line, (part) => part.replace(ANNOTATION, (_, kind: string, attributes: string) => `<!-- .${kind}:${kind === 'slide' ? attributes.replace(/(^|[ \t])bg([ \t]*=)/, '$1data-background$2').replace(/(["'])!?\[\[([^\]|\n]+)(?:\|[^\]\n]*)?\]\]\1/, '$1$2$1') : attributes} -->`)) : line;
  const split = state.split;
  if (!split) return text === line ? null : { text };
  // In a split, each block (after a blank line) is a column of its own, unless it goes on with a list.
  const blank = text.trim() === '';
  const listItem = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]/.test(text);
  const indented = /^[ \t]/.test(text);
  let result: DialectLine = { text };
  if (!blank && (split.blocks === 0 || (split.afterBlank && !indented && !(split.inList && listItem)))) {
    split.blocks += 1;
    split.inList = listItem;
    if (split.blocks > 1) result = { text, before: [split.nextWidth === undefined ? NEXT_COLUMN.text : `<!-- column: ${split.nextWidth}% -->`] };
    split.nextWidth = undefined;
  }
  split.afterBlank = blank;
  return result;
}

/** A line without the parts of it that are Obsidian comments, `state` saying whether one is open at its end; a code span's `%%` is its text. */
function dropObsidianComments(line: string, state: AdvancedSlidesState): string {
  return line
    .split(/(`+[^`]*`+)/)
    .map((part, i) => {
      if (i % 2 === 1) return state.inComment ? '' : part;
      let kept = '';
      let rest = part;
      for (let at = rest.indexOf('%%'); ; at = rest.indexOf('%%')) {
        if (at === -1) return state.inComment ? kept : kept + rest;
        if (!state.inComment) kept += rest.slice(0, at);
        state.inComment = !state.inComment;
        rest = rest.slice(at + 2);
      }
    })
    .join('');
}

/** Reads a `<split>` or `<grid>` tag, or its end: the first column, a grid's placed div, or nothing where the tag stood. */
function readLayoutTag(closing: boolean, name: string, attributes: string, state: AdvancedSlidesState): DialectLine {
  if (name === 'grid') {
    // Blank lines around the div's tags, so the Markdown between them is read as Markdown.
    if (closing) return { text: '</div>', before: [''] };
    const cell = readGridCell(attributes);
    const unread = state.gridWarned ? [] : cell.unread;
    if (unread.length > 0) state.gridWarned = true;
    return { text: '', before: ['', cell.html], ...(unread.length > 0 ? { warning: `Advanced Slides' grid looks ${unread.join(', ')} are not read; the grid is placed and its content shown without them` } : {}) };
  }
  if (closing) {
    // What follows the split spans its columns, below them, as what precedes it spans them above.
    state.split = undefined;
    return { text: '<!-- column-end -->' };
  }
  if (state.split) return { text: '', warning: "a <split> inside a <split> is read as one: its blocks are columns of the outer one" };
  const number = (key: string) => Number(new RegExp(`\\b${key}[ \\t]*=[ \\t]*["']?(\\d{1,3}(?:\\.\\d+)?)`).exec(attributes)?.[1] ?? NaN);
  const [left, right] = [number('left'), number('right')];
  const share = left > 0 && right > 0 ? Math.round((left / (left + right)) * 100) : undefined;
  state.split = { blocks: 0, afterBlank: false, inList: false, ...(share === undefined ? {} : { nextWidth: 100 - share }) };
  const wrap = /\bwrap[ \t]*=/.test(attributes) ? "; its wrap into rows is not read, every block is a column" : '';
  return { text: share === undefined ? FIRST_COLUMN.text : `<!-- column-start: ${share}% -->`, before: FIRST_COLUMN.before, ...(wrap ? { warning: `Advanced Slides' <split> lays its blocks side by side as columns${wrap}` } : {}) };
}

/** Advanced Slides' slide, in whose pixels `drag` and `drop` may be written. */
const SLIDE_PIXELS = { width: 960, height: 700 };

/** A `drag` or `drop` pair as Advanced Slides reads it: two numbers (pixels with `px`), or for `drop` a place's name. */
const GRID_PAIR = /^[ \t]*(?:(-?\d{1,5}(?:\.\d+)?(?:px)?)(?:[ \t]+|[ \t]*x[ \t]*)(-?\d{1,5}(?:\.\d+)?(?:px)?)|(center|top|bottom|left|right|topleft|topright|bottomleft|bottomright))[ \t]*$/i;

/** Where a named drop puts a block of the given size, in percent. */
function placeNamed(name: string, w: number, h: number): [number, number] {
  const x = /left/.test(name) ? 0 : /right/.test(name) ? 100 - w : (100 - w) / 2;
  const y = /top/.test(name) ? 0 : /bottom/.test(name) ? 100 - h : (100 - h) / 2;
  return [x, y];
}

/** The opening div of a grid: placed when it has a drop Advanced Slides can read, its alignment a class; the attributes not read. */
function readGridCell(attributes: string): { html: string; unread: string[] } {
  const read = new Map<string, string>();
  for (const m of attributes.matchAll(/([\w-]+)[ \t]*=[ \t]*(?:"([^"]*)"|'([^']*)'|(\S+))/g)) read.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4]!);
  const percent = (value: string, of: number) => (value.toLowerCase().endsWith('px') ? (Number(value.slice(0, -2)) / of) * 100 : Number(value));
  const drag = GRID_PAIR.exec(read.get('drag') ?? '50 100');
  const drop = read.has('drop') ? GRID_PAIR.exec(read.get('drop')!) : null;
  let style = '';
  if (drag && drag[1] !== undefined && drop) {
    const [w, h] = [percent(drag[1], SLIDE_PIXELS.width), percent(drag[2]!, SLIDE_PIXELS.height)];
    let [x, y] = drop[3] !== undefined ? placeNamed(drop[3].toLowerCase(), w, h) : [percent(drop[1]!, SLIDE_PIXELS.width), percent(drop[2]!, SLIDE_PIXELS.height)];
    // A negative place counts from the right or the bottom.
    if (x < 0) x = 100 + x - w;
    if (y < 0) y = 100 + y - h;
    const round = (n: number) => Math.round(n * 100) / 100;
    style = ` style="position:absolute;left:${round(x)}%;top:${round(y)}%;width:${round(w)}%;height:${round(h)}%"`;
  }
  const align = read.get('align')?.toLowerCase();
  const classes = ['grid-cell', ...(align && GRID_ALIGNMENTS.has(align) ? [`grid-align-${align}`] : []), ...(read.get('flow')?.toLowerCase() === 'row' ? ['grid-flow-row'] : [])];
  const unread = [...read.keys()].filter((key) => !['drag', 'drop', 'align', 'flow'].includes(key) || (key === 'align' && !GRID_ALIGNMENTS.has(align!)) || (key === 'drop' && !style));
  return { html: `<div class="${classes.join(' ')}"${style}>`, unread };
}

/** The alignments of a grid's content that Advanced Slides names, each a class of the deck's layout styles. */
const GRID_ALIGNMENTS = new Set(['center', 'top', 'bottom', 'left', 'right', 'topleft', 'topright', 'bottomleft', 'bottomright']);

/** Every class a grid's div may carry, for the sanitizer, which cleans a slide with raw HTML whole. */
export const GRID_CELL_CLASSES = ['grid-cell', 'grid-flow-row', ...[...GRID_ALIGNMENTS].map((a) => `grid-align-${a}`)];

/** Reads a `::: name` block's opening fence: left and right open columns, any other name goes with its box. */
function readBlockFence(name: string, state: AdvancedSlidesState): DialectLine {
  state.blocks.push(name);
  if (name === 'left') return { ...FIRST_COLUMN };
  if (name === 'right') return { ...NEXT_COLUMN };
  return { text: '', warning: `Advanced Slides' "::: ${name}" is drawn by its template or theme, which briefdeck does not have; its content is shown without it` };
}
