import type { DialectLine } from '../directive-lines.js';

// How briefdeck reads lookatme's decks (the terminal slide tool): its styles and extensions in front matter are its
// own (front-matter.ts, warnings), and `<!-- stop -->` between blocks renders the slide progressively, read here as
// briefdeck's own step (`<!-- pause -->`).

/** lookatme's progressive rendering mark, on a line of its own. */
const STOP = /^[ \t]*<!--[ \t]*stop[ \t]*-->[ \t]*$/;

/** Rewrites one line of a lookatme deck: a step for its `<!-- stop -->`, else null. */
export function rewriteLookatmeLine(line: string): DialectLine | null {
  return STOP.test(line) ? { text: '<!-- pause -->' } : null;
}
