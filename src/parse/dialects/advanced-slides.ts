import { FIRST_COLUMN, NEXT_COLUMN, type DialectLine } from '../directive-lines.js';
import { readRevealSeparator } from './reveal.js';

// How briefdeck reads Obsidian's Advanced Slides, a reveal.js deck in an Obsidian note, line by line:
// - its annotations `<!-- slide bg="…" -->` and `<!-- element class="fragment" -->` are reveal's
//   `.slide:` and `.element:` comments under other names (`bg` is reveal's data-background);
// - `<split>` … `</split>` lays the blocks between its tags side by side: briefdeck's columns,
//   `left="2" right="1"` their widths;
// - `<grid drag="…" drop="…">` … `</grid>` places a block at coordinates, which a slide of
//   columns cannot; its content is kept, in reading order, with one warning;
// - its blocks `::: left` and `::: right` (a template's slots) are columns, and any other
//   `::: name` (`block`, `title`) keeps its content without the box.

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
  /** The grid warning is given once a file. */
  gridWarned: boolean;
  /** The names of the `::: name` blocks open, the innermost last, so each `:::` closes its own ('' for another reader's div). */
  blocks: string[];
}

/** A div's fence: its colons, then what it opens (`left`, `{.callout-note}`), or nothing for the fence that closes one. */
const BLOCK_FENCE = /^[ \t]*(:{3,})[ \t]*(.*?)[ \t]*$/;

/** A fresh state for the start of a file. */
export function createAdvancedSlidesState(): AdvancedSlidesState {
  return { gridWarned: false, blocks: [] };
}

/** True for a deck with Advanced Slides' layout tags or annotations. */
export function readsAsAdvancedSlidesBody(text: string): boolean {
  return (text.includes('<split') || text.includes('<grid') || text.includes('<!--')) && (/^[ \t]*<(?:split|grid)\b[^<>\n]*>[ \t]*$/im.test(text) || /<!--[ \t]*(?:slide|element)[ \t]+[\w-]+[ \t]*=[ \t]*["']/.test(text));
}

/** Rewrites one line of an Advanced Slides deck into briefdeck's, or returns null for a line that is not its own. */
export function rewriteAdvancedSlidesLine(line: string, state: AdvancedSlidesState): DialectLine | null {
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
  const text = line.includes('<!--') ? line.replace(ANNOTATION, (_, kind: string, attributes: string) => `<!-- .${kind}:${kind === 'slide' ? attributes.replace(/(^|[ \t])bg([ \t]*=)/, '$1data-background$2').replace(/(["'])!?\[\[([^\]|\n]+)(?:\|[^\]\n]*)?\]\]\1/, '$1$2$1') : attributes} -->`) : line;
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

/** Reads a `<split>` or `<grid>` tag, or its end: the first column, or nothing where the tag stood. */
function readLayoutTag(closing: boolean, name: string, attributes: string, state: AdvancedSlidesState): DialectLine {
  if (name === 'grid') {
    if (closing || state.gridWarned) return { text: '' };
    state.gridWarned = true;
    return { text: '', warning: "Advanced Slides' <grid> places its content by coordinates (drag, drop), which briefdeck does not; the content of each grid is shown in reading order" };
  }
  if (closing) {
    state.split = undefined;
    return { text: '' };
  }
  if (state.split) return { text: '', warning: "a <split> inside a <split> is read as one: its blocks are columns of the outer one" };
  const number = (key: string) => Number(new RegExp(`\\b${key}[ \\t]*=[ \\t]*["']?(\\d{1,3}(?:\\.\\d+)?)`).exec(attributes)?.[1] ?? NaN);
  const [left, right] = [number('left'), number('right')];
  const share = left > 0 && right > 0 ? Math.round((left / (left + right)) * 100) : undefined;
  state.split = { blocks: 0, afterBlank: false, inList: false, ...(share === undefined ? {} : { nextWidth: 100 - share }) };
  const wrap = /\bwrap[ \t]*=/.test(attributes) ? "; its wrap into rows is not read, every block is a column" : '';
  return { text: share === undefined ? FIRST_COLUMN.text : `<!-- column-start: ${share}% -->`, before: FIRST_COLUMN.before, ...(wrap ? { warning: `Advanced Slides' <split> lays its blocks side by side as columns${wrap}` } : {}) };
}

/** Reads a `::: name` block's opening fence: left and right open columns, any other name goes with its box. */
function readBlockFence(name: string, state: AdvancedSlidesState): DialectLine {
  state.blocks.push(name);
  if (name === 'left') return { ...FIRST_COLUMN };
  if (name === 'right') return { ...NEXT_COLUMN };
  return { text: '', warning: `Advanced Slides' "::: ${name}" is drawn by its template or theme, which briefdeck does not have; its content is shown without it` };
}
