// Rewrites of other tools' syntax inside a line (Slidev's tags, Hugo's shortcodes) stop at code spans, which show
// what they hold as written: `<v-click>` in backticks is text about Slidev, not a step.

/**
 * The line with `rewrite` applied to each stretch of it outside code spans, the code spans as written. A code span opens
 * at a run of backticks and closes at the next run of as many (CommonMark's rule); a run no such run follows is text,
 * and so is a backslash-escaped backtick outside a span (`\``), which opens none.
 */
export function mapOutsideCodeSpans(line: string, rewrite: (part: string) => string): string {
  if (!line.includes('`')) return rewrite(line);
  const runs = [...line.matchAll(/`+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  // Each length's runs in order, with a cursor that only moves on: finding every closing run reads the line once.
  const byLength = new Map<number, { at: number[]; next: number }>();
  runs.forEach((run, i) => {
    const length = run.end - run.start;
    if (!byLength.has(length)) byLength.set(length, { at: [], next: 0 });
    byLength.get(length)!.at.push(i);
  });
  let out = '';
  let textFrom = 0;
  for (let i = 0; i < runs.length; i++) {
    // An escaped first backtick is text: the span, if any, opens after it, at a run one shorter.
    const escaped = isEscaped(line, runs[i]!.start);
    const opens = runs[i]!.start + (escaped ? 1 : 0);
    const same = byLength.get(runs[i]!.end - opens);
    if (!same) continue;
    while (same.next < same.at.length && same.at[same.next]! <= i) same.next++;
    if (same.next >= same.at.length) continue;
    const close = same.at[same.next]!;
    out += rewrite(line.slice(textFrom, opens)) + line.slice(opens, runs[close]!.end);
    textFrom = runs[close]!.end;
    i = close;
  }
  return out + rewrite(line.slice(textFrom));
}

/** Whether the character at `at` follows an odd number of backslashes, which escape it. */
function isEscaped(line: string, at: number): boolean {
  let slashes = 0;
  while (at - slashes - 1 >= 0 && line[at - slashes - 1] === '\\') slashes++;
  return slashes % 2 === 1;
}
