// marked asks each extension where it could start next (`start`), passing the
// whole rest of the text: for a block extension, at every paragraph; for an
// inline one, at every stretch of text. A search of all of it each time makes
// a long deck, or a long paragraph, quadratic. These searches stop early.
import type { TokenizerAndRendererExtension, TokenizerExtension } from 'marked';

/** A block extension's `start`: where `line` (a pattern for one line's opening, read with the `m` flag) first matches before the next blank line, where a paragraph ends and beyond which nothing can cut it. */
export function startWithinParagraph(line: RegExp): (this: { lexer?: { state?: { top?: boolean } } } | undefined, src: string) => number | undefined {
  return function (src) {
    // marked cuts only a paragraph at a block extension's start, and reads paragraphs only at the top of a block (not in
    // a list item, where it reads the text a line at a time and asks at each): there the answer goes unused, and a
    // search to the paragraph's end at each of thousands of lines took time that grew with their square.
    if (this?.lexer?.state?.top === false) return undefined;
    const end = src.indexOf('\n\n');
    const text = end === -1 ? src : src.slice(0, end);
    // marked asks with the paragraph less its first character, so the text's own start is inside the first line: a
    // line starts only after a line break. (Read from there, `` `$$ x $$` `` was cut after its backtick.)
    const firstBreak = text.indexOf('\n');
    const found = firstBreak === -1 ? undefined : text.slice(firstBreak).match(line)?.index;
    return found === undefined ? undefined : firstBreak + found;
  };
}

/** How far ahead an inline extension looks for where it could start. */
const WINDOW = 2048;

/**
 * Where an inline extension could start: `find` gives the first place in a text (or -1) where
 * what it looks for starts, which is at most `longest` characters long and read from its own
 * characters and those before it, never after (so a text cut short never shows one that the
 * whole would not); looked for only while `when` holds.
 */
interface WindowedStart {
  find: (text: string) => number;
  longest: number;
  when?: () => boolean;
}

/** An inline extension's `start` that carries what it looks for, so that combineWindowedStarts can look for it with the others. */
export type WindowedStartFunction = ((src: string) => number | undefined) & { windowed: WindowedStart };

/**
 * An inline extension's `start`: where `needle` first occurs, looked for within the next
 * WINDOW characters. Past them, the text is cut there anyway (short of a needle that could
 * straddle the cut), and the search goes on from the cut: marked joins the pieces of text
 * back into one, so the output is the same, and each character is searched a bounded
 * number of times.
 */
export function startWithinWindow(needle: string): WindowedStartFunction {
  return startWithinWindowOf((text) => text.indexOf(needle), needle.length);
}

/** startWithinWindow for what `find` looks for (see WindowedStart), at most `longest` characters long; while `when` is false, the extension starts nowhere. */
export function startWithinWindowOf(find: (text: string) => number, longest: number, when?: () => boolean): WindowedStartFunction {
  return windowedStart({ find, longest, when });
}

/** The `start` of one windowed extension, as marked asks it alone. */
function windowedStart(windowed: WindowedStart): WindowedStartFunction {
  const start = (src: string) => (windowed.when && !windowed.when() ? undefined : startInWindow(windowed, src));
  return Object.assign(start, { windowed });
}

/** Where `start` first matches within the first `end` characters of `src`, or -1. */
function firstWithin(start: WindowedStart, src: string, end: number): number {
  return start.find(end < src.length ? src.slice(0, end) : src);
}

/** One start's answer, as it gives it alone: its first match, or past the window the cut short of it. */
function startInWindow(start: WindowedStart, src: string): number {
  if (src.length <= WINDOW) return firstWithin(start, src, src.length);
  const found = firstWithin(start, src, WINDOW);
  return found === -1 ? WINDOW - start.longest : found;
}

/**
 * The extensions with their windowed starts made one, which gives the
 * nearest of their answers, as marked takes the nearest of all starts.
 * marked asks every start at every stretch of text; alone, each looked
 * along its whole window, so a line dense with one extension's opening
 * (`{{ {{ {{ …`) had every other look WINDOW characters ahead at each.
 * Made one, each looks only as far as an answer nearer than the nearest
 * so far could be, and the start that was nearest last time looks first.
 */
export function combineWindowedStarts(extensions: TokenizerAndRendererExtension[]): TokenizerAndRendererExtension[] {
  const isInline = (extension: TokenizerAndRendererExtension): extension is TokenizerAndRendererExtension & TokenizerExtension => 'level' in extension && extension.level === 'inline';
  const starts: WindowedStart[] = [];
  const combined = extensions.map((extension) => {
    const windowed = isInline(extension) ? (extension.start as Partial<WindowedStartFunction> | undefined)?.windowed : undefined;
    if (!windowed) return extension;
    starts.push(windowed);
    const { start: _start, ...rest } = extension as TokenizerExtension;
    return rest as TokenizerAndRendererExtension;
  });
  if (starts.length === 0) return extensions;
  /** The start that gave the nearest answer last time: in a run of one extension's openings, it is nearest again. */
  let first = 0;
  const at = combined.findIndex((extension) => isInline(extension) && !extension.start);
  combined[at] = {
    ...(combined[at] as TokenizerExtension),
    start(src: string) {
      const end = Math.min(src.length, WINDOW);
      let nearest = Infinity;
      let winner = first;
      for (let k = 0; k < starts.length; k++) {
        const i = (first + k) % starts.length;
        const start = starts[i]!;
        if (start.when && !start.when()) continue;
        // A match that starts before the nearest so far ends within this many characters.
        const within = Math.min(end, nearest - 1 + start.longest);
        const found = firstWithin(start, src, within);
        if (found !== -1 && found < nearest) {
          nearest = found;
          winner = i;
        } else if (found === -1 && src.length > WINDOW && WINDOW - start.longest < nearest) {
          // Alone, a start with no match in its window answers with the cut short of it, which is nearer. (It looked along
          // the whole window: a nearest past that cut reaches the window's end.)
          nearest = WINDOW - start.longest;
          winner = i;
        }
      }
      first = winner;
      return nearest === Infinity ? -1 : nearest;
    },
  };
  return combined;
}
