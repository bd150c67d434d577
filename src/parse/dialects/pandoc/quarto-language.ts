// Quarto's words for its labels in the deck's language: its `language:` option names them one by one
// (`callout-tip-title: Tipp`, `crossref-fig-title: Abbildung`), as Quarto's own translations of them do for
// `lang: de`. briefdeck carries no translations: a Quarto deck in another language shows the English words unless
// its `language:` gives them, and is told so, once, at its `lang:` (reportEnglishLabels).
import type { DiagnosticBag } from '../../../errors.js';
import type { BriefingMeta } from '../../../model.js';
import { nameSome } from '../../../name-some.js';
import { CALLOUT_TITLES } from './callouts.js';
import { CROSS_REF_KINDS, TITLED_KINDS, type CrossRef } from './cross-refs.js';

/** The `language:` keys briefdeck shows: a callout's title, a caption's word, and a reference's word, by kind. */
const LANGUAGE_KEYS = [
  ...Object.keys(CALLOUT_TITLES).map((kind) => `callout-${kind}-title`),
  ...TITLED_KINDS.map((kind) => `crossref-${kind}-title`),
  ...Object.keys(CROSS_REF_KINDS).map((kind) => `crossref-${kind}-prefix`),
];

/** English words a deck shows for Quarto's labels, by the `language:` key that would give them in another language. */
export type EnglishLabels = Map<string, string>;

/** Readers of Quarto's `language:` map, for front-matter.ts: each key briefdeck shows keeps a non-empty string; the others are named as ignored. */
export function quartoLanguageReaders(meta: Pick<BriefingMeta, 'quartoLanguage'>): Record<string, (value: unknown) => boolean> {
  return Object.fromEntries(LANGUAGE_KEYS.map((key) => [key, (value: unknown) => typeof value === 'string' && value.trim() !== '' && (((meta.quartoLanguage ??= {})[key] = value.trim()), true)]));
}

/** A callout's title when it names none: the deck's `language:` word for its kind, else Quarto's English one (noted in `english`). */
export function calloutTitle(kind: string, language: BriefingMeta['quartoLanguage'], english: EnglishLabels): string {
  const key = `callout-${kind}-title`;
  const given = language?.[key];
  if (given !== undefined) return given;
  english.set(key, CALLOUT_TITLES[kind]!);
  return CALLOUT_TITLES[kind]!;
}

/**
 * Adds to `english` the English words the captions of the deck's numbered figures, tables, listings and theorems
 * show. A reference's word is not counted: where one is made is not known here.
 */
export function addEnglishCaptionWords(refs: ReadonlyMap<string, CrossRef>, english: EnglishLabels): void {
  for (const [label, ref] of refs) {
    const kind = /^[a-z]+/.exec(label)![0];
    if (ref.sub === undefined && TITLED_KINDS.includes(kind) && ref.words.title === CROSS_REF_KINDS[kind]) english.set(`crossref-${kind}-title`, ref.words.title);
  }
}

/** Warns once, at the deck's `lang:`, when a Quarto deck in a language other than English shows Quarto's English words for its labels. */
export function reportEnglishLabels(meta: BriefingMeta, english: EnglishLabels, at: { file: string; line: number }, bag: DiagnosticBag): void {
  if (!meta.peerTools.includes('Quarto') || /^en(?:-|$)/i.test(meta.lang) || english.size === 0) return;
  const words = [...new Set(english.values())].map((word) => `"${word}"`);
  const [key, word] = [...english][0]!;
  bag.warn('W_PEER_SYNTAX', `Quarto writes its labels in the deck's language (lang: ${meta.lang}), but briefdeck has no translations of them: ${nameSome(words, 4)} ${words.length === 1 ? 'stays' : 'stay'} in English`, {
    ...at,
    hint: `give each its word under language: in the front matter, such as language: {${key}: …} for "${word}"`,
  });
}
