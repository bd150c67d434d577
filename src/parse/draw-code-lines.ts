// Draws a highlighted code block line by line, for a block whose lines stand out or are numbered (read-code-lines.ts).
// Each line becomes a span, so CSS can grey the lines that do not stand out and number them (templates/themes/code.css);
// the newlines stay between the spans, so the code's text, copied or exported, is unchanged. A block whose highlight
// changes by steps carries, per line, the steps it stands out in (`hl-2`), and per step whether any line does
// (`hl-on-2`); an empty fragment in its <pre> per later step lets reveal count the clicks, and the deck's runtime
// (src/runtime/code-steps.ts) shows the step that many clicks reach.
import type { CodeLines, LineStep } from './read-code-lines.js';

/** The class of the empty fragment that stands for one later step of a code block's highlight. */
export const CODE_STEP_CLASS = 'code-step';

/**
 * Splits highlight.js's HTML into its lines, each with the token spans open at its start reopened and those open at
 * its end closed, so a multi-line comment or string stays coloured on every line. highlight.js writes only
 * `<span class="…">`, `</span>` and escaped text (it escapes `<`), so this reads its output, not HTML at large.
 */
export function splitHighlightedLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let line = '';
  for (const [part] of html.matchAll(/<span[^>]*>|<\/span>|\n|[^<\n]+/g)) {
    if (part === '\n') {
      lines.push(line + '</span>'.repeat(open.length));
      line = open.join('');
    } else {
      if (part === '</span>') open.pop();
      else if (part.startsWith('<span')) open.push(part);
      line += part;
    }
  }
  lines.push(line);
  return lines;
}

/**
 * Which of a block's `rows` lines a step makes stand out, by row from 0 (lines numbered from `countFrom`). Read in
 * one pass over the step's ranges and one over the rows, so a step of thousands of ranges over thousands of lines
 * costs their sum, not their product.
 */
function markRows(step: LineStep, countFrom: number, rows: number): boolean[] {
  const change = new Int32Array(rows + 1);
  for (const range of step ?? []) {
    const from = Math.max(0, range.from - countFrom);
    const to = Math.min(rows - 1, range.to - countFrom);
    if (from > to) continue;
    change[from]! += 1;
    change[to + 1]! -= 1;
  }
  const marked: boolean[] = [];
  let depth = 0;
  for (let row = 0; row < rows; row++) marked.push((depth += change[row]!) > 0);
  return marked;
}

/** The code element's extra classes, its inner HTML, and the fragments to put after it in the <pre>. */
export function drawCodeLines(html: string, lines: CodeLines): { classes: string; html: string; after: string } {
  const steps = lines.steps.length > 0 ? lines.steps : [null];
  const stepped = steps.length > 1;
  const first = steps[0]!;
  const classes = [
    ...(first !== null ? ['has-highlights'] : []),
    ...(lines.numbers ? ['line-numbers'] : []),
    // The runtime sets the counter from this class: a counter's start cannot come from a class in CSS alone.
    ...(lines.numbers && lines.start !== 1 ? [`line-start-${lines.start}`] : []),
    ...(stepped ? ['code-steps', ...steps.flatMap((step, i) => (step !== null ? [`hl-on-${i + 1}`] : []))] : []),
  ];
  const split = splitHighlightedLines(html);
  const marked = steps.map((step) => markRows(step, lines.countFrom, split.length));
  const body = split
    .map((content, i) => {
      const marks = ['code-line', ...(marked[0]![i] ? ['highlight-line'] : []), ...(stepped ? steps.flatMap((_, s) => (marked[s]![i] ? [`hl-${s + 1}`] : [])) : [])];
      return `<span class="${marks.join(' ')}">${content}</span>`;
    })
    .join('\n');
  const after = `<span class="fragment ${CODE_STEP_CLASS}"></span>`.repeat(steps.length - 1);
  return { classes: classes.map((c) => ` ${c}`).join(''), html: body, after };
}
