// Rewrites of other tools' syntax inside a line (Slidev's tags, Hugo's shortcodes) stop at code spans, which show
// what they hold as written: `<v-click>` in backticks is text about Slidev, not a step.

/**
 * The line with `rewrite` applied to each stretch of it outside code spans, the code spans as written. A code span opens
 * at a run of backticks and closes at the next run of as many (CommonMark's rule); a run no such run follows is text.
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
    const same = byLength.get(runs[i]!.end - runs[i]!.start)!;
    while (same.next < same.at.length && same.at[same.next]! <= i) same.next++;
    if (same.next >= same.at.length) continue;
    const close = same.at[same.next]!;
    out += rewrite(line.slice(textFrom, runs[i]!.start)) + line.slice(runs[i]!.start, runs[close]!.end);
    textFrom = runs[close]!.end;
    i = close;
  }
  return out + rewrite(line.slice(textFrom));
}
