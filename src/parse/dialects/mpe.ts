import type { DialectLine } from '../directive-lines.js';

// How briefdeck reads Markdown Preview Enhanced's presentations (the VS Code and Atom extension): reveal.js options in
// front matter (`presentation:`, front-matter.ts), and slides that each open with a `<!-- slide -->` comment, rewritten
// here line by line into briefdeck's:
// - `<!-- slide -->` starts a slide, `<!-- slide vertical=true -->` one stacked below the one before, and its other
//   settings (`data-background-color="#123"`, `class="lead"`, `id="x"`) are the slide's, as reveal's `.slide:` comment's;
// - a `---` line is a rule on the slide, as Markdown reads it there, never a cut.
// Its notes are reveal's `<aside class="notes">`, read by reveal.ts.

/** A slide's opening comment, and its settings. */
const SLIDE = /^[ \t]*<!--[ \t]*slide\b([^\n]*?)-->[ \t]*$/;

/**
 * Whether a deck's body is Markdown Preview Enhanced's: it opens with a `<!-- slide -->` comment and holds another,
 * none right after a `---` line (Advanced Slides' annotation of a slide, `<!-- slide bg="…" -->`, stands there).
 */
export function readsAsMpeBody(text: string): boolean {
  if (!SLIDE.test(/^\s*([^\n]*)/.exec(text)![1]!)) return false;
  let comments = 0;
  let before = '';
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (SLIDE.test(line)) {
      if (/^---[ \t]*$/.test(before)) return false;
      comments++;
    }
    before = line;
  }
  return comments > 1;
}

/** What the reader carries from line to line. */
export interface MpeState {
  /** The line before was blank (or there was none): a `---` here is a rule, not a heading's underline. */
  afterBlank: boolean;
}

/** A fresh state for a file. */
export function createMpeState(): MpeState {
  return { afterBlank: true };
}

/** Rewrites one line of a Markdown Preview Enhanced deck: null when nothing in it is its own, else what to read instead. */
export function rewriteMpeLine(line: string, state: MpeState): DialectLine | null {
  const afterBlank = state.afterBlank;
  state.afterBlank = line.trim() === '';
  const slide = SLIDE.exec(line);
  if (slide) {
    const settings = slide[1]!.trim();
    const vertical = /(?:^|\s)vertical[ \t]*=[ \t]*["']?true["']?/.test(settings);
    const rest = settings.replace(/(?:^|\s)vertical[ \t]*=[ \t]*["']?\w+["']?/, '').trim();
    return { text: vertical ? '----' : '---', ...(rest ? { after: [`<!-- .slide: ${rest} -->`] } : {}) };
  }
  // A rule on the slide: this deck is cut at its comments only.
  if (afterBlank && /^[ \t]*---[ \t]*$/.test(line)) return { text: '***' };
  return null;
}
