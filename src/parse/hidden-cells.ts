// A Quarto or R Markdown cell that shows nothing (`include=FALSE`, `#| include: false`: the setup chunk RStudio's
// template opens every presentation with) leaves no trace in the deck those tools make: knitr or Quarto's engine takes
// it out before Pandoc cuts the slides. Lines that hold only such cells make no slide here either.
import type { Line } from './source-lines.js';
import { blankFencedCode } from './read-fences.js';
import { readCodeInfo, readFencedBlocks } from './render-code.js';

/** Whether `lines` hold at least one cell that shows nothing and nothing else but blank lines. */
export function holdsOnlyHiddenCells(lines: readonly Line[]): boolean {
  // Most slides open with text: they are told apart at their first line.
  const first = lines.find((line) => line.text.trim() !== '');
  if (!first || !/^ {0,3}(?:```|~~~)/.test(first.text)) return false;
  const text = lines.map((line) => line.text).join('\n');
  const blocks = readFencedBlocks(text);
  const hidden = ({ info, text: code }: { info: string; text: string }) => {
    const read = readCodeInfo(info, code);
    return read.kind === 'code' && read.cell?.include === false;
  };
  if (blocks.length === 0 || !blocks.every(hidden)) return false;
  // Nothing but those blocks: once their code is emptied, only each block's opening line has text (an unclosed one adds one).
  return blankFencedCode(text).split('\n').filter((line) => line.trim() !== '').length === blocks.length;
}
