// Slidev's `defaults:` in its headmatter: front matter every slide has under its own, as Slidev merges them
// (`{ ...defaults, ...frontmatter }`). A slide's own front matter gets the keys it does not set before it is read, so
// the two are read as one (`layout: center` from the defaults with the slide's own `class:`): addSlideDefaults in
// slidev.ts, where it is read. A slide with no front matter of its own gets them once it is cut, and the first slide's
// front matter is the headmatter (firstSlideKeys): both here.
import type { BriefingMeta } from '../../model.js';
import type { RawSlide } from '../raw-slide.js';
import { PAIR, rewriteSlideFrontMatter, SLIDE_KEYS } from './slidev.js';

type SlideDefault = NonNullable<BriefingMeta['slideKeyDefaults']>[number];

/** A layout directive among a slide's lines: one its slots gave it (slidev-slots.ts) is its own. */
const ANY_LAYOUT = /^[ \t]*<!--[ \t]*layout[ \t]*:/;

/** Keeps Slidev's `defaults:` as `key: value` lines at `line`: true when every one is a slide key with one value, else the keys left out. */
export function keepSlideDefaults(value: unknown, meta: BriefingMeta, line: number): boolean | string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const leftOut: string[] = [];
  for (const [key, given] of Object.entries(value)) {
    // `src:` names a file of slides for one slide to stand for, and `hide:` takes one out: on every slide, neither means what it does.
    if (SLIDE_KEYS.has(key) && !['src', 'hide', 'disabled'].includes(key) && ['string', 'number', 'boolean'].includes(typeof given)) (meta.slideKeyDefaults ??= []).push({ key, text: `${key}: ${JSON.stringify(given)}`, line });
    else leftOut.push(key);
  }
  return leftOut.length === 0 ? true : leftOut;
}

/** The headmatter's slide keys with the defaults of those it does not set: the first slide's front matter. */
export function withFirstSlideDefaults(keys: BriefingMeta['firstSlideKeys'], defaults: readonly SlideDefault[]): BriefingMeta['firstSlideKeys'] {
  const own = new Set((keys ?? []).map((key) => PAIR.exec(key.text)?.[1]));
  const added = defaults.filter((given) => !own.has(given.key)).map(({ text, line }) => ({ text, line }));
  return keys || added.length > 0 ? [...(keys ?? []), ...added] : undefined;
}

/**
 * Reads the defaults as the front matter of each slide after the first that has none of its own, as cut-slides.ts reads
 * a slide's: before its content, with its picture after it, and its place in a table of contents. Slots that already put
 * it in two columns keep that layout.
 */
export function applySlideDefaults(slides: readonly RawSlide[], defaults: readonly SlideDefault[], warn: (line: number, message: string) => void): void {
  for (const slide of slides.slice(1)) {
    if (slide.frontMatter) continue;
    const given = slide.body.some((line) => ANY_LAYOUT.test(line.text)) ? defaults.filter((d) => d.key !== 'layout') : defaults;
    if (given.length === 0) continue;
    const rewritten = rewriteSlideFrontMatter(given.map((d) => d.text), (i, message) => warn(given[i]!.line, message));
    slide.body.unshift(...rewritten.lines.flatMap((text, i) => text.split('\n').map((line) => ({ text: line, number: given[i]!.line }))));
    for (const t of rewritten.trailing) slide.body.push({ text: t.text, number: given[t.index]!.line });
    if (rewritten.toc) slide.toc = { ...rewritten.toc, ...slide.toc };
  }
}
