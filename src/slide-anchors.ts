import type { Slide } from './model.js';

/** reveal's address of each slide, as a link to it is written: `#/h`, or `#/h/v` for one below another. */
export function slideAnchors(slides: readonly Slide[]): Map<Slide, string> {
  const anchors = new Map<Slide, string>();
  let h = -1;
  let v = 0;
  for (const slide of slides) {
    if (slide.vertical && h >= 0) v++;
    else {
      h++;
      v = 0;
    }
    anchors.set(slide, v === 0 ? `#/${h}` : `#/${h}/${v}`);
  }
  return anchors;
}
