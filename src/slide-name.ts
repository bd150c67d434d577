import type { Slide } from './model.js';

/** The longest title a message quotes whole; a longer one is cut, so that a problem stays one line. */
const LONGEST_TITLE = 60;

/** How a message names a slide: `slide 3 "Title"`, a long title cut short with an ellipsis. */
export function nameSlide(slide: Pick<Slide, 'number' | 'title'>): string {
  if (!slide.title) return `slide ${slide.number}`;
  const title = slide.title.length > LONGEST_TITLE ? `${slide.title.slice(0, LONGEST_TITLE - 1).trimEnd()}…` : slide.title;
  return `slide ${slide.number} "${title}"`;
}
