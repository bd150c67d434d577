// presenterm places a column's content by its index, wherever in the slide it is written: `<!-- column: 1 -->` before
// `<!-- column: 0 -->` still puts the first on the right, and a column can be gone back to later. briefdeck's columns
// are laid out in the order they are written, so before the deck is cut, each column layout's parts are put in the
// order of their columns, every line keeping its own line number for messages. Code is left alone.
import { blankFencedCode } from '../read-fences.js';
import { COMMAND } from './presenterm.js';

/**
 * The text with each column layout's parts in the order of their columns, and the line each line of it was written at
 * (`lineOf` maps a line's index in `text` to its number); null when every layout is written in order already.
 */
export function orderPresentermColumns(text: string, lineOf: (index: number) => number): { text: string; lineNumbers: number[] } | null {
  if (!text.includes('column')) return null;
  const lines = text.split('\n');
  const code = blankFencedCode(text).split('\n');
  const out: number[] = [];
  /** The lines a later visit to a column opens with: its command, once the column has one. */
  const dropped = new Set<number>();
  let moved = false;
  /** The open layout: its columns' lines so far, by index, and the column being written. */
  let layout: { parts: Map<number, number[]>; current: number | null; written: number[] } | null = null;
  const close = () => {
    if (!layout) return;
    const columns = [...layout.parts.keys()].sort((a, b) => a - b);
    if (layout.written.join() !== columns.join()) moved = true;
    for (const column of columns) out.push(...layout.parts.get(column)!);
    layout = null;
  };
  lines.forEach((line, i) => {
    const command = code[i] === line ? COMMAND.exec(line) : null;
    const name = command?.[1];
    if (name === 'column_layout' || name === 'reset_layout' || name === 'end_slide') close();
    if (name === 'column_layout') {
      out.push(i);
      layout = { parts: new Map(), current: null, written: [] };
      return;
    }
    const index = name === 'column' ? Number(command![2]) : NaN;
    if (layout && Number.isInteger(index) && index >= 0) {
      const part = layout.parts.get(index);
      if (part) dropped.add(i);
      layout.parts.set(index, [...(part ?? []), i]);
      layout.current = index;
      layout.written.push(index);
      return;
    }
    if (layout && layout.current !== null) layout.parts.get(layout.current)!.push(i);
    else out.push(i);
  });
  close();
  if (!moved) return null;
  return { text: out.map((i) => (dropped.has(i) ? '' : lines[i]!)).join('\n'), lineNumbers: out.map(lineOf) };
}
