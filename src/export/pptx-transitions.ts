// Slide transitions in PowerPoint: a slide's own transition (or the deck's, where
// the author set one) as the nearest of PowerPoint's, written into the slide's XML,
// which pptxgenjs has no way to say.
import type { Slide } from '../model.js';

/** reveal's transitions as PowerPoint's: its slides moving sideways (slide, convex, concave) are PowerPoint's push. */
const POWERPOINT_TRANSITIONS: Record<string, string> = { fade: '<p:fade/>', slide: '<p:push/>', convex: '<p:push/>', concave: '<p:push/>', zoom: '<p:zoom/>' };

/** reveal's speeds as PowerPoint's. */
const SPEEDS: Record<string, string> = { fast: 'fast', slow: 'slow', default: 'med' };

/**
 * A slide's `<p:transition>`: its own transition, else the deck's when the author set one (`deckTransition`), as the
 * nearest of PowerPoint's; of reveal's way in and way out (`zoom-in fade-out`), the way in, which is PowerPoint's
 * transition of a slide. Empty for none, or the deck's default, which PowerPoint leaves a slide without.
 */
export function writeSlideTransition(slide: Pick<Slide, 'look'>, deckTransition: string | undefined): string {
  const written = slide.look?.transition ?? deckTransition;
  const name = written?.split(/\s+/).map((w) => /^([a-z]+)(?:-(in|out))?$/.exec(w)).find((m) => m && m[2] !== 'out')?.[1];
  const element = name === undefined ? undefined : POWERPOINT_TRANSITIONS[name];
  if (element === undefined) return '';
  const speed = SPEEDS[slide.look?.transitionSpeed ?? 'default']!;
  return `<p:transition spd="${speed}">${element}</p:transition>`;
}

/** A slide's XML with its transition where PresentationML orders it, after the colour map's override. */
export function addSlideTransition(xml: string, transition: string): string {
  if (transition === '' || xml.includes('<p:transition')) return xml;
  return xml.replace('</p:clrMapOvr>', `</p:clrMapOvr>${transition}`);
}
