// The files a deck's lines bring in while it is cut (cut-slides.ts): Quarto's `{{< include >}}`, Slidev's `src:` (whose
// file's slides take a slide's place, the slide's other keys over the first one's own) and its snippet imports
// (`<<< @/snippets/a.ts#region`), each read from the files the load stage read, at its own lines in its own file,
// within one budget of text for a whole file's includes, so that files included in each other cannot grow without end.
import type { IncludedFile, SourceFile } from '../model.js';
import { describeIncludeProblem, lookUpInclude, MAX_INCLUDED_CHARS, spendIncludeBudget, type IncludeBudget, type SnippetImport } from '../include-paths.js';
import { writeSnippetBlock } from './dialects/slidev-snippets.js';
import { looksLikeSlideFrontMatter } from './dialects/slidev.js';
import { readSlidePicks, splitSlidevSlides } from './dialects/slidev-picks.js';
import type { createCommentReader } from './long-comments.js';

/** A line to read, from the file being read, or (`outer`) from the file that names the include, which Slidev's merged keys are. */
interface IncludedLine {
  text: string;
  number: number;
  outer?: true;
}

/** What reading a file's includes needs of the cut: the file, the files the load stage read, the stacks of files being read, and how to read and warn of a line. */
export interface IncludeContext {
  file: SourceFile;
  includes: ReadonlyMap<string, IncludedFile>;
  /** The files being read, the outermost first, by path in the folder: an include is resolved against the innermost, and never reads one of them again. */
  including: string[];
  /** The included files being read, the innermost last. */
  reading: SourceFile[];
  comments: ReturnType<typeof createCommentReader>;
  blankComments: (lines: string[]) => string[];
  handle: (text: string, number: number) => void;
  warnHere: (number: number, message: string) => void;
}

/** Reads includes in their place, and snippet imports, for one file being cut. */
export function createIncludeReader(ctx: IncludeContext) {
  /** What is left of the text the file's includes may add (MAX_INCLUDED_CHARS), and whether an include was refused for it. */
  const budget: IncludeBudget = { left: MAX_INCLUDED_CHARS };
  let spent = false;
  /**
   * Takes an include's (or a snippet's) text from the budget; past it, says once, at the first include left out (every
   * later one would say the same), that it and the includes after it were left out.
   */
  const spend = (text: string, number: number, written: string, named: string): boolean => {
    if (spendIncludeBudget(budget, text)) return true;
    if (!spent) ctx.warnHere(number, `the file ${written} that ${named} names would take what the includes of ${ctx.file.relPath} add past ${MAX_INCLUDED_CHARS / 1024 / 1024} MB (files included in each other, or shown, many times), so it and the includes after it were left out`);
    spent = true;
    return false;
  };
  /**
   * Reads the lines of the file an include names in its place, each at its own line in that file: Quarto's include line,
   * or Slidev's `src:` (`named`), whose file is read after a cut (`before`, at the include's `number`), with the keys of the
   * slide that names it (`keys`, lines of the naming file) as each of its slides' front matter, over the slide's own, and
   * only the slides `picks` names (`2,5-7`, as Slidev reads it), if it names any. Returns whether the file was read.
   */
  const include = (target: string, number: number, named: string, before?: string, keys: readonly { text: string; number: number }[] = [], picks?: string): boolean => {
    const lookup = lookUpInclude(target, ctx.including, ctx.includes);
    if ('problem' in lookup) {
      ctx.warnHere(number, describeIncludeProblem(target, named, lookup));
      return false;
    }
    if (!spend(lookup.found.file.text, number, target, named)) return false;
    if (before !== undefined) ctx.handle(before, number);
    ctx.including.push(lookup.found.relPath);
    ctx.reading.push(lookup.found.file);
    const included = ctx.blankComments(lookup.found.file.text.split('\n'));
    const lines: IncludedLine[] = before === undefined ? included.map((text, index) => ({ text, number: index + 1 })) : takeSlidevSlides(included, keys, picks);
    if (picks !== undefined && !lines.some((line) => !line.outer)) ctx.warnHere(number, `${named} ${target}#${picks} names none of the ${splitSlidevSlides(included).length} slides of the file, so none was read`);
    ctx.comments.enter(lines.map((l) => l.text), (index) => lines[index]!.number);
    for (const line of lines) {
      if (!line.outer) ctx.handle(line.text, line.number);
      else {
        // A key of the naming file is read, and named in messages, at its own line there.
        const inner = ctx.reading.pop()!;
        ctx.handle(line.text, line.number);
        ctx.reading.push(inner);
      }
    }
    ctx.comments.leave();
    ctx.reading.pop();
    ctx.including.pop();
    return true;
  };
  /** Reads the code block a snippet import shows in its place, each line at the import's line. */
  const showSnippet = (snippet: SnippetImport, number: number) => {
    const lookup = lookUpInclude(snippet.target, ctx.including, ctx.includes);
    const block = 'found' in lookup ? writeSnippetBlock(snippet, lookup.found.file.text, lookup.found.relPath) : null;
    // A snippet shown many times spends the same budget as an include: its text is added each time.
    if (block && !spend(block.join('\n'), number, snippet.written, 'a snippet import')) return;
    if (block) block.forEach((line) => ctx.handle(line, number));
    else ctx.warnHere(number, 'found' in lookup ? `the file ${snippet.written} that a snippet import names has no region ${snippet.region}, so it was left out` : describeIncludeProblem(snippet.written, 'a snippet import', lookup));
  };
  return { include, showSnippet };
}

/**
 * The lines of the slides of an imported file that `picks` names (every slide without it), each after a cut, with the
 * naming slide's `keys` merged into each one's front matter, as Slidev merges them into every slide it imports.
 */
function takeSlidevSlides(lines: readonly string[], keys: readonly { text: string; number: number }[], picks: string | undefined): IncludedLine[] {
  const spans = splitSlidevSlides(lines);
  const chosen = picks === undefined ? spans.map((_, i) => i + 1) : readSlidePicks(spans.length, picks);
  return chosen.flatMap((n, k) => {
    const { start, end } = spans[n - 1]!;
    const own = lines.slice(start, end).map((text, index) => ({ text, number: start + index + 1 }));
    const merged = mergeFrontMatter(own, keys);
    // The first slide follows the cut the caller makes; a later one opens with its own `---` or after one at its cut.
    return k === 0 || merged[0]?.text.trimEnd() === '---' ? merged : [{ text: '---', number: Math.max(1, start) }, ...merged];
  });
}

/**
 * A slide's lines, with the naming slide's `keys` as its front matter, as Slidev merges them: into the slide's own
 * front matter (a key of both, the naming slide's), or before the slide as front matter of their own.
 */
function mergeFrontMatter(own: IncludedLine[], keys: readonly { text: string; number: number }[]): IncludedLine[] {
  if (keys.length === 0) return own;
  const lines = own.map((line) => line.text);
  const outer = keys.map((k): IncludedLine => ({ text: k.text, number: k.number, outer: true }));
  const close = lines[0]?.trim() === '---' ? lines.findIndex((line, i) => i > 0 && line.trim() === '---') : -1;
  if (close > 0 && looksLikeSlideFrontMatter(lines.slice(1, close))) {
    const named = new Set(keys.map((k) => /^([\w-]+)\s*:/.exec(k.text)?.[1]));
    // A key's own line, and the lines that go on with it (a folded value), go when the naming slide sets that key.
    let dropping = false;
    const kept = own.slice(1, close).filter((line) => {
      if (!/^[ \t]/.test(line.text)) dropping = named.has(/^([\w-]+)\s*:/.exec(line.text)?.[1]);
      return !dropping;
    });
    return [own[0]!, ...kept, ...outer, ...own.slice(close)];
  }
  return [{ text: '---', number: keys[0]!.number, outer: true }, ...outer, { text: '---', number: keys[0]!.number, outer: true }, ...own];
}
