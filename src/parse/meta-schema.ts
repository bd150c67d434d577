// briefdeck's own metadata keys: each key's type and meaning, and how a value is set. The deck's metadata is read by
// parse-meta.ts; a project's files beside a deck (Quarto's `_quarto.yml`) set the same keys the same way.
import type { BriefingMeta } from '../model.js';
import { readAuthorList, readDurationText } from './dialects/meta-values.js';

/** The metadata schema: every key a briefing may set, its type and what it means. */
export const META_SCHEMA: Record<string, { type: 'string' | 'number' | 'boolean' | 'string[]'; doc: string }> = {
  title: { type: 'string', doc: 'the deck title; without it there is no title slide' },
  subtitle: { type: 'string', doc: 'a line under the title' },
  author: { type: 'string', doc: 'who presents or wrote it (a list of names is joined with commas)' },
  date: { type: 'string', doc: 'the date shown on the title slide' },
  lang: { type: 'string', doc: 'the language tag, default en' },
  theme: { type: 'string', doc: 'briefing (default) or a reveal.js theme name' },
  classification: { type: 'string', doc: 'banner text on every slide' },
  logo: { type: 'string', doc: "a picture in the briefing folder shown on every slide, at the footer's right (Quarto's logo too)" },
  bottomLine: { type: 'string', doc: 'the bottom line up front' },
  bottomLineNotes: { type: 'string', doc: 'speaker notes (Markdown) for the generated Bottom line slide' },
  duration: { type: 'number', doc: 'talk length in minutes, for the pacing timer' },
  incremental: { type: 'boolean', doc: 'reveal list items one at a time' },
  size: { type: 'string', doc: '16:9 (default) or 4:3' },
  html: { type: 'boolean', doc: 'keep raw HTML from a trusted author' },
  sections: { type: 'string[]', doc: 'section titles the briefing must contain' },
  files: { type: 'string[]', doc: 'Markdown files in reading order (default: every .md file, by name)' },
  maxBullets: { type: 'number', doc: 'bullet budget per slide, default 6' },
  agenda: { type: 'boolean', doc: 'false leaves out the generated Agenda slide' },
  smartypants: { type: 'boolean', doc: 'false keeps straight quotes and ASCII dashes as typed' },
  slideLevel: { type: 'number', doc: '1: `#` titles each slide; 2 (default): `#` starts a section, `##` a slide' },
};

/** A language tag as `lang` takes one: `en`, `fr`, `en-GB`. */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** The longest talk `duration` may give, in minutes: a day. */
const MAX_DURATION_MINUTES = 24 * 60;

/**
 * Sets one of briefdeck's own keys from its value (`data()`: the value as plain data, for a list of authors); false when
 * the value is not of the key's type. A value of the type but out of range is `refuse`d with why, and is not set.
 */
export function setSchemaValue(meta: BriefingMeta, key: string, value: unknown, data: () => unknown, refuse: (message: string, hint: string) => void): boolean {
  const record = meta as unknown as Record<string, unknown>;
  switch (META_SCHEMA[key]?.type) {
    case 'string': {
      // Pandoc and Quarto list several authors, or write each as a map with a name.
      const authors = key === 'author' && typeof value !== 'string' ? readAuthorList(data()) : undefined;
      if (typeof value === 'string' || (key === 'date' && typeof value === 'number')) record[key] = String(value);
      else if (authors !== undefined) meta.author = authors;
      else return false;
      return true;
    }
    case 'number': {
      // Slidev writes durations with their unit: `duration: 35min`.
      const number = key === 'duration' ? (readDurationText(value) ?? value) : value;
      // A talk is minutes long, at most a day: more (`duration: 1e9`, seconds written as minutes) would set the pacing timer for ever.
      if (key === 'duration' && typeof number === 'number' && number > MAX_DURATION_MINUTES) refuse(`"duration" is ${number} minutes, more than a day`, `duration: the talk's length in minutes, at most ${MAX_DURATION_MINUTES}, such as 20`);
      else if (typeof number === 'number' && Number.isFinite(number) && number > 0) record[key] = number;
      else return false;
      return true;
    }
    case 'boolean':
      if (typeof value !== 'boolean') return false;
      record[key] = value;
      return true;
    case 'string[]':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return false;
      record[key] = value;
      return true;
    default:
      return false;
  }
}
