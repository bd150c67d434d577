import type { DialectLine } from '../directive-lines.js';

// How briefdeck reads iA Presenter's decks (the `text.md` of a `.iapresenter` bundle). iA Presenter writes the talk
// and shows only what is marked to be seen: a paragraph or list at the margin is spoken text, the presenter's, and
// one indented by a tab is shown on the slide; headings, pictures and tables are always shown. Slides are cut at
// `---`. Rewritten here line by line: a line at the margin that is text goes to the slide's notes, never the slide;
// a tab-indented line is the slide's, less its tab; a picture named alone on its line (`/photo.jpg`, iA's content
// block) is the picture.

/** Whether a file is iA Presenter's: the text of a `.iapresenter` bundle. */
export function readsAsIaPresenterPath(path: string): boolean {
  return /\.iapresenter[\\/][^\\/]+\.(?:md|markdown|txt)$/i.test(path);
}

/** Lines that show at the margin: a heading, a picture, a table row, a cut, a fence, an HTML comment (a directive). */
const SHOWN = /^(?:#{1,6}(?:[ \t]|$)|!\[|\||---[ \t]*$|```|~~~|<!--)/;
/** iA's content block: a file named alone on its line, with a leading `/`. */
const CONTENT_BLOCK = /^\/(\S+\.(?:png|jpe?g|gif|webp|svg|avif))[ \t]*$/i;

/** Rewrites one line of an iA Presenter deck: what the slide shows, or a line of the notes. */
export function rewriteIaPresenterLine(line: string): DialectLine | null {
  if (line.trim() === '' || SHOWN.test(line)) return null;
  // Shown on the slide: the tab only says so.
  if (line.startsWith('\t')) return { text: line.slice(1) };
  const block = CONTENT_BLOCK.exec(line);
  if (block) return { text: `![](<${block[1]}>)` };
  // Spoken: the presenter's, on no slide.
  return { text: '', note: line };
}
