// Slidev's headmatter, the deck's opening front matter, is also its first slide's: its slide keys (layout, class,
// background, image, level, hideInToc, …) are read there as that slide's own front matter would be (slidev.ts).
import type { BriefingMeta } from '../../model.js';
import type { RawSlide } from '../raw-slide.js';
import { rewriteSlideFrontMatter, SLIDE_KEYS } from './slidev.js';
import { placeSlots } from './slidev-slots.js';

/** Whether a key of Slidev's headmatter is its first slide's: a slide's key, but for `transition`, which there sets every slide's. */
export function isFirstSlideKey(key: string): boolean {
  return SLIDE_KEYS.has(key) && key !== 'transition';
}

/** Keeps a key of Slidev's headmatter for its first slide, read there as the slide's own front matter (parse-briefing.ts): false when its value is no single one (a list, a mapping). */
export function keepForFirstSlide(key: string, value: unknown, meta: BriefingMeta, line: number): boolean {
  if (!['string', 'number', 'boolean'].includes(typeof value)) return false;
  (meta.firstSlideKeys ??= []).push({ text: `${key}: ${String(value)}`, line });
  return true;
}

/**
 * Reads the keys of Slidev's headmatter that are its first slide's (keepForFirstSlide) as that slide's own front matter
 * would be read: before its content, with its picture after it, its place in a table of contents, and hidden when they hide it.
 */
export function applyHeadmatterToFirstSlide(slide: RawSlide, keys: { text: string; line: number }[], warn: (line: number, message: string) => void): void {
  const rewritten = rewriteSlideFrontMatter(keys.map((k) => k.text), (i, message) => warn(keys[i]!.line, message));
  slide.body.unshift(...rewritten.lines.flatMap((text, i) => text.split('\n').map((line) => ({ text: line, number: keys[i]!.line }))));
  if (rewritten.hidden) slide.hidden = true;
  if (rewritten.toc) slide.toc = { ...rewritten.toc, ...slide.toc };
  for (const t of rewritten.trailing) slide.body.push({ text: t.text, number: keys[t.index]!.line });
  // Its slots are put in place now that its layout is known, as a slide's own front matter has them put at its end (cut-slides.ts).
  placeSlots(slide);
}
