// A Quarto or R Markdown cell that shows nothing (`include=FALSE`, `#| include: false`: the setup chunk RStudio's
// template opens every presentation with) leaves no trace in the deck those tools make: knitr or Quarto's engine takes
// it out before Pandoc cuts the slides. Lines that hold only such cells make no slide here either.
import type { Line } from './source-lines.js';
import { readCodeInfo } from './render-code.js';

/** A fence's opening line: its run of backticks or tildes, and its info string. */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** Whether `lines` hold at least one cell that shows nothing and nothing else but blank lines. */
export function holdsOnlyHiddenCells(lines: readonly Line[]): boolean {
  let found = false;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text.trim() === '') continue;
    const open = FENCE.exec(text);
    if (!open || (open[1]![0] === '`' && open[2]!.includes('`'))) return false;
    const marker = open[1]!;
    const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
    const end = lines.findIndex((line, j) => j > i && close.test(line.text));
    if (end === -1) return false;
    const info = readCodeInfo(open[2], lines.slice(i + 1, end).map((line) => line.text).join('\n'));
    if (info.kind !== 'code' || info.cell?.include !== false) return false;
    found = true;
    i = end;
  }
  return found;
}
