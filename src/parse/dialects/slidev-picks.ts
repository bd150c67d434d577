// Slidev's `src: ./pages/part.md#2,5-7`: which slides of an imported file a deck takes, counted as Slidev counts them.
// An author numbers the slides by what Slidev shows, so the count follows Slidev's own cut of a file (its parser's), not
// ours: a line that starts `---` outside a ``` block ends a slide, and with a line of text after it opens the next
// slide's front matter, which runs to the next `---`.

/** A slide of a Slidev file: its lines from `start` to before `end` (from 0), its front matter's opening `---` first. */
export interface SlidevSlideSpan {
  start: number;
  end: number;
}

/** Cuts a Slidev file's lines into its slides as Slidev's parser does; empty stretches (a file that opens with `---`) are no slide. */
export function splitSlidevSlides(lines: readonly string[]): SlidevSlideSpan[] {
  const spans: SlidevSlideSpan[] = [];
  let start = 0;
  const cut = (end: number) => {
    if (start !== end) spans.push({ start, end });
    start = end + 1;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trimEnd();
    if (line.startsWith('---')) {
      cut(i);
      // `---` then a line of text (not `----`, not a blank line): front matter, which is the next slide's first lines.
      if (line[3] !== '-' && lines[i + 1]?.trim()) {
        start = i;
        for (i += 1; i < lines.length && lines[i]!.trimEnd() !== '---'; i++);
      }
    } else if (line.trimStart().startsWith('```')) {
      // A code block's lines cut nothing; one never closed is not a block, as in Slidev.
      const fence = /^\s*`+/.exec(line)![0];
      let close = i + 1;
      while (close < lines.length && !lines[close]!.startsWith(fence)) close++;
      if (close < lines.length) i = close;
    }
  }
  if (start <= lines.length - 1) cut(lines.length);
  return spans;
}

/**
 * The slide numbers (from 1) that `picks` names of a file of `total` slides, ascending and each once, as Slidev reads
 * them: `2,5-7` (commas or semicolons), `3-` to the last, `all` or `*` for every one, `none` for none. A number past the
 * last names nothing; so does what is not a number (Slidev reads it as none).
 */
export function readSlidePicks(total: number, picks: string): number[] {
  if (picks === '' || picks === 'all' || picks === '*') return Array.from({ length: total }, (_, i) => i + 1);
  if (picks === 'none') return [];
  const named = new Set<number>();
  for (const part of picks.split(/[,;]/)) {
    const dash = part.indexOf('-');
    if (dash === -1) {
      named.add(Number(part));
      continue;
    }
    const from = Number(part.slice(0, dash));
    const rest = part.slice(dash + 1);
    // Slidev's `5-` runs to the last slide; `7-5` names none. Only whole numbers name a slide.
    const to = rest === '' ? total : Number(rest.split('-')[0]);
    for (let n = from; n <= Math.min(to, total); n++) named.add(n);
  }
  return [...named].filter((n) => Number.isInteger(n) && n >= 1 && n <= total).sort((a, b) => a - b);
}
