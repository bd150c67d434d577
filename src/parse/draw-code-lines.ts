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

/** Whether a step makes line `n` (as the deck numbers it) stand out. */
function standsOut(step: LineStep, n: number): boolean {
  return step !== null && step.some((range) => n >= range.from && n <= range.to);
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
  const body = splitHighlightedLines(html)
    .map((content, i) => {
      const n = lines.countFrom + i;
      const marks = ['code-line', ...(standsOut(first, n) ? ['highlight-line'] : []), ...(stepped ? steps.flatMap((step, s) => (standsOut(step, n) ? [`hl-${s + 1}`] : [])) : [])];
      return `<span class="${marks.join(' ')}">${content}</span>`;
    })
    .join('\n');
  const after = `<span class="fragment ${CODE_STEP_CLASS}"></span>`.repeat(steps.length - 1);
  return { classes: classes.map((c) => ` ${c}`).join(''), html: body, after };
}
