import type { RawSlide } from './raw-slide.js';
import { hasText, joinLines } from './source-lines.js';
import { DIRECTIVE, PAUSE } from './directive-lines.js';

/** A line that is one whole HTML comment, such as reveal's `<!-- .slide: … -->`. */
const WHOLE_LINE_COMMENT = /^[ \t]*<!--[\s\S]*-->[ \t]*$/;

/**
 * True for a slide a `---` started that has no title, text or notes yet, only
 * directives and comments: a heading now names it rather than starting
 * another. At slide level 1 this is also when a `##` heading titles a slide,
 * as in Marp and Slidev, where a slide's first heading of any level is its title.
 * Where every comment is a directive or a note (`commentsHidden`, Marp's), a note
 * does not count, nor a comment over several lines: Marp shows neither.
 */
export function awaitsTitle(c: RawSlide, commentsHidden = false): boolean {
  if (!c.fromSeparator || c.title !== null) return false;
  const shown = c.body.filter((l) => !DIRECTIVE.test(l.text) && !PAUSE.test(l.text) && !WHOLE_LINE_COMMENT.test(l.text));
  return commentsHidden ? joinLines(shown).replace(/<!--[\s\S]*?(?:-->|$)/g, '').trim() === '' : c.notes === null && !hasText(shown);
}

/** Whether nothing but its front matter can stand on the slide yet: a `---` started it, and it has no title, notes or front matter. */
export function opensWithFrontMatter(c: RawSlide): boolean {
  return c.fromSeparator && c.title === null && c.notes === null && !c.frontMatter;
}
