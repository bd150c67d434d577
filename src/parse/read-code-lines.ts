// Which lines of a code block stand out, step by step, and whether its lines are numbered, as each tool writes it:
// reveal.js's `js [712: 1|3-5]` (numbered, as reveal numbers a block it highlights), Slidev's
// `ts {2,3|5|all}{lines:true,startLine:5}`, Pandoc's and Quarto's `code-line-numbers="1|3"` (an attribute or a
// cell's `#|` option) and `.numberLines`, Deckset's `[.code-highlight: 2]` lines (deckset.ts writes them as
// Slidev's) and xaringan's `#<<` at a line's end. draw-code-lines.ts draws what is read here.

/** Lines of a code block as the deck names them: from its first line as CodeLines.countFrom. */
export interface LineRange {
  from: number;
  to: number;
}

/** One step: null shows every line alike; else the rows that stand out, the others greyed (none, for an empty list). */
export type LineStep = readonly LineRange[] | null;

/** How a code block's lines are drawn: the first step shows at once and each later one is a click; numbers start at `start`. */
export interface CodeLines {
  steps: LineStep[];
  numbers: boolean;
  start: number;
  /** The number the steps give the block's first line: Slidev's startLine; reveal counts from 1 whatever it numbers. */
  countFrom: number;
  /** Slidev's `hide` steps, which hide the block there; here they show it, with no line standing out (for a warning). */
  hiddenSteps?: number;
  /** Whether steps past MAX_LINE_STEPS were left out (for a warning). */
  stepsCut?: boolean;
}

/** More steps than any talk clicks through; past this a block's steps are cut, so a long info string cannot make thousands of fragments. */
export const MAX_LINE_STEPS = 50;

/** The highest first line number read; numbers beyond it are a typo, not code. */
const MAX_START = 1_000_000;

/** A block's lines numbered from `start`, none standing out. */
export function numberEveryLine(start = 1): CodeLines {
  return { steps: [null], numbers: true, start, countFrom: 1 };
}

/**
 * Reads a step list, `1,3-5|7|all`: `|` separates steps, `,` lines; an empty step, `all` or `*` shows every line
 * alike, `none` greys every line, `hide` (Slidev's) is counted in hiddenSteps. Null when anything in it is not one
 * of these, so text that only looks like a list stays text.
 */
export function readLineSteps(spec: string): Pick<CodeLines, 'steps' | 'hiddenSteps' | 'stepsCut'> | null {
  const steps: LineStep[] = [];
  let hiddenSteps = 0;
  const parts = spec.split('|');
  for (const part of parts.slice(0, MAX_LINE_STEPS)) {
    const words = part.trim();
    if (words === '' || words === 'all' || words === '*') steps.push(null);
    else if (words === 'none') steps.push([]);
    else if (words === 'hide') {
      hiddenSteps++;
      steps.push([]);
    } else {
      const ranges: LineRange[] = [];
      for (const item of words.split(',')) {
        const m = /^\s*(\d{1,7})\s*(?:-\s*(\d{1,7})\s*)?$/.exec(item);
        if (!m) return null;
        const from = Number(m[1]);
        const to = m[2] === undefined ? from : Number(m[2]);
        ranges.push({ from: Math.min(from, to), to: Math.max(from, to) });
      }
      steps.push(ranges);
    }
  }
  return { steps, ...(hiddenSteps > 0 ? { hiddenSteps } : {}), ...(parts.length > MAX_LINE_STEPS ? { stepsCut: true } : {}) };
}

/** A first line number as written (`712`, `"5"`), or 1. */
function readStart(written: string | undefined): number {
  const n = Number(written);
  return Number.isInteger(n) && n >= 0 && n <= MAX_START ? n : 1;
}

/**
 * reveal.js's `[712: 1|3-5]` after a fence's language (as its Markdown plugin reads it, with or without a space):
 * the language and the lines, or null. reveal numbers the lines of any block it highlights, from 712 here; the
 * highlighted rows count from the block's first row.
 */
export function readRevealLines(info: string): { language: string | undefined; lines: CodeLines } | null {
  const m = /^([^\s[{]*)\s*\[\s*(?:(\d*)\s*:)?\s*([\s\d,|-]*)\]\s*$/.exec(info);
  if (!m) return null;
  const read = readLineSteps(m[3]!);
  if (!read) return null;
  return { language: m[1] || undefined, lines: { ...read, numbers: true, start: readStart(m[2] || undefined), countFrom: 1 } };
}

/**
 * Slidev's `{2,3|5|all}` after a fence's language, with its options `{lines:true,startLine:5}` (`{*}` stands for
 * every line when only the options matter): the language and the lines, or null. Slidev numbers lines only when
 * told; its highlighted lines count from startLine. Other options (maxHeight, the editor) are its looks, left out.
 */
export function readSlidevLines(info: string): { language: string | undefined; lines: CodeLines } | null {
  const m = /^([^\s[{]*)\s*\{([\w\s,|*-]*)\}(?:\s*\{([^}]*)\})?/.exec(info);
  if (!m) return null;
  const options = m[3] ?? '';
  const start = readStart(/\bstartLine\s*:\s*(\d+)/.exec(options)?.[1]);
  const read = readLineSteps(m[2]!);
  if (!read) return null;
  return {
    language: m[1] || undefined,
    lines: { ...read, numbers: /\blines\s*:\s*true\b/.test(options), start, countFrom: start },
  };
}

/**
 * Pandoc's and Quarto's attributes on a fenced block (`{.python code-line-numbers="1|3" startFrom="5"}`):
 * `code-line-numbers` as `true`, `false` or steps (numbered, as reveal numbers them), and Pandoc's own
 * `.numberLines` with `startFrom`. Undefined when they ask for nothing.
 */
export function readPandocLines(attributes: string): CodeLines | undefined {
  const value = /(?:^|[\s{])code-line-numbers\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s}]+))/.exec(attributes);
  const start = readStart(/(?:^|[\s{])startFrom\s*=\s*["']?(\d+)/.exec(attributes)?.[1]);
  const numbered = /(?:^|[\s{])\.(?:numberLines|number-lines)\b/.test(attributes);
  const read = value ? readQuartoLines(value[1] ?? value[2] ?? value[3]!, start) : undefined;
  if (read) return numbered ? { ...read, numbers: true } : read;
  return numbered ? numberEveryLine(start) : undefined;
}

/** A `code-line-numbers` value, from an attribute or a cell's `#| code-line-numbers:` option: `true`, `false`, or steps. */
export function readQuartoLines(value: string, start = 1): CodeLines | undefined {
  const written = value.trim().replace(/^(["'])(.*)\1$/, '$2');
  if (written === 'true') return numberEveryLine(start);
  const read = written === 'false' ? null : readLineSteps(written);
  return read ? { ...read, numbers: true, start, countFrom: 1 } : undefined;
}

/**
 * xaringan's marks of lines to highlight: `#<<` at a line's end; with remark's `highlightLines`, a `*` opening a line (the
 * mark goes, the rest stays, so `* x` keeps its indent); and in an R cell that knitr runs, `{{ … }}` around a line's code,
 * which xaringan writes as `*`. The code without the marks, and the lines, if any were marked.
 */
export function readXaringanLines(code: string, marks: { star: boolean; braces: boolean } = { star: false, braces: false }): { code: string; lines: CodeLines } | null {
  const marked: LineRange[] = [];
  const rows = code.split('\n').map((row, i) => {
    const braced = marks.braces ? /^([ \t]*)\{\{(.*?)\}\}([ \t]*)$/.exec(row) : null;
    const unmarked = braced ? `${braced[1]}${braced[2]}${braced[3]}` : /[ \t]*#<<[ \t]*$/.test(row) ? row.replace(/[ \t]*#<<[ \t]*$/, '') : marks.star && row.startsWith('*') ? row.slice(1) : null;
    if (unmarked === null) return row;
    marked.push({ from: i + 1, to: i + 1 });
    return unmarked;
  });
  if (marked.length === 0) return null;
  return { code: rows.join('\n'), lines: { steps: [marked], numbers: false, start: 1, countFrom: 1 } };
}

/** The lines a block's steps name that it does not have, as written, for a warning (each once). */
export function findLinesPastEnd(lines: CodeLines, rowCount: number): number[] {
  const last = lines.countFrom + rowCount - 1;
  const past = new Set<number>();
  for (const step of lines.steps) for (const range of step ?? []) for (const n of [range.from, range.to]) if (n < lines.countFrom || n > last) past.add(n);
  return [...past];
}
