import { suggestClosest } from '../../did-you-mean.js';
import { type BriefingMeta } from '../../model.js';
import { REVEAL_THEMES } from '../../themes.js';
import { TRANSITION_NAMES } from './reveal.js';

// The options a tool nests under one key of its front matter, read one by one (reveal.js's, as reveal-md, HackMD,
// Markdown Preview Enhanced and reveal-hugo write them; Quarto's `format: revealjs:`; R Markdown's `output:`), and
// the values several tools' keys share: a transition and whether slides show their number.

/** Marp's `paginate` and Quarto's `slide-number`: true or false, or Quarto's format for the number (`c/t`, `h.v`, …), which shows it. */
export function applySlideNumber(value: unknown, meta: BriefingMeta): boolean {
  if (typeof value === 'boolean') meta.pageNumbers = value;
  else if (typeof value === 'string' && /^(?:c|c\/t|h\.v|h\/v)$/.test(value)) meta.pageNumbers = true;
  else return false;
  meta.pageNumbersSet = true;
  return true;
}

/** Applies each known option of a nested block: true when every option in it was understood, false when none was, else those that were not. */
export function applyOptions(value: unknown, known: Record<string, (v: unknown) => boolean | string[]>): boolean | string[] {
  const ignored = applyEachOption(value, known);
  if (ignored === null) return false;
  // None read: every option is named whole, none in part (`nature.highlightStyle`).
  const keys = Object.keys(value as object);
  const noneRead = ignored.length === keys.length && !ignored.some((name) => keys.some((key) => name.startsWith(`${key}.`)));
  return ignored.length === 0 ? true : noneRead ? false : ignored;
}

/**
 * Applies each option of a map that `known` reads; returns those it did not, an option near one it reads with that one
 * (`slide-numbr (did you mean slide-number?)`), or null for a value that is no map. An option that is a map of its own
 * may be read in part: its reader returns the options in it left unread, named under it (`nature.highlightStyle`).
 */
export function applyEachOption(value: unknown, known: Record<string, (v: unknown) => boolean | string[]>): string[] | null {
  if (typeof value !== 'object' || value === null) return null;
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
    const applied = Object.hasOwn(known, k) ? known[k]!(v) : false;
    if (applied === true) return [];
    if (Array.isArray(applied)) return applied.map((option) => `${k}.${option}`);
    // An option near one briefdeck reads is likely a typo of it.
    const meant = Object.hasOwn(known, k) ? undefined : suggestClosest(k, Object.keys(known), { byPrefix: false });
    return [meant === undefined ? k : `${k} (did you mean ${meant}?)`];
  });
}

/** A transition by reveal's name or one of the other tools' names for it; false for a name with no match. */
export function applyTransition(value: unknown, meta: BriefingMeta): boolean {
  // A slide reveal moves one way (Slidev's `slide-left | slide-right`, forwards | backwards) takes the first.
  const name = typeof value === 'string' ? value.split('|')[0]!.trim() : undefined;
  if (name === undefined || !Object.hasOwn(TRANSITION_NAMES, name)) return false;
  meta.transition = TRANSITION_NAMES[name];
  return true;
}

/** A reveal theme named by an option (`moon`; Markdown Preview Enhanced names its CSS file, `moon.css`), unless the metadata names one of its own. */
export function applyRevealTheme(value: unknown, meta: BriefingMeta): boolean {
  const name = typeof value === 'string' ? value.replace(/\.css$/, '') : undefined;
  if (name === undefined || !REVEAL_THEMES.includes(name)) return false;
  if (meta.keyLines.theme === undefined) meta.theme = name;
  return true;
}

/**
 * reveal.js's options as a tool nests them: reveal-md's `revealOptions` (its transition), HackMD's `slideOptions`,
 * Markdown Preview Enhanced's `presentation` and reveal-hugo's `reveal_hugo` (their theme, transition, slide numbers and page size).
 */
export function applyRevealOptionBlock(key: 'revealOptions' | 'slideOptions' | 'presentation' | 'reveal_hugo', value: unknown, meta: BriefingMeta, line = 1): boolean | string[] {
  const transition = (v: unknown) => applyTransition(v, meta);
  const numbers = (v: unknown) => applySlideNumber(v, meta);
  // reveal's page size, whose shape is the deck's (parse-meta.ts), as the front matter's `width:` and `height:` are.
  const page = (side: 'width' | 'height') => (v: unknown) => typeof v === 'number' && v > 0 && v <= 100_000 && ((meta.revealPage = { ...meta.revealPage, [side]: v, line: meta.revealPage?.line ?? line }), true);
  const size = { width: page('width'), height: page('height') };
  // reveal-md's theme is a key of its own, beside the block.
  if (key === 'revealOptions') return applyOptions(value, { transition, slideNumber: numbers, ...size });
  const theme = (v: unknown) => applyRevealTheme(v, meta);
  if (key === 'reveal_hugo') return applyOptions(value, { theme, transition, slide_number: numbers, ...size });
  // Markdown Preview Enhanced's speaker view shows the notes when told to; briefdeck's always does.
  if (key === 'presentation') return applyOptions(value, { theme, transition, slideNumber: numbers, enableSpeakerNotes: (v) => v === true, ...size });
  return applyOptions(value, { theme, transition, slideNumber: numbers, ...size });
}
