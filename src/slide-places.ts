// Where each slide sits in reveal's grid of stacks, and the address a link to it is written with.
import type { Slide } from './model.js';

/** reveal's address of a place in its grid, as a link to that slide is written: `#/h`, or `#/h/v` below another. */
export const slideAnchor = ({ h, v }: { h: number; v: number }): string => (v === 0 ? `#/${h}` : `#/${h}/${v}`);

/** Where each slide sits in reveal's grid: `h` its stack, `v` its place in the stack (0 for a slide on its own). */
export function slideIndices(slides: readonly Pick<Slide, 'vertical'>[]): { h: number; v: number }[] {
  let h = -1;
  let v = 0;
  return slides.map((slide, i) => {
    if (slide.vertical && i > 0) v++;
    else {
      h++;
      v = 0;
    }
    return { h, v };
  });
}
