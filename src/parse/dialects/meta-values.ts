// Values other tools' metadata writes in shapes of their own, read into briefdeck's: Slidev's `duration: 35min`, Pandoc's
// and Quarto's lists and maps of authors, and the date keywords Quarto and R Markdown fill in when the deck is rendered.
import type { BriefingMeta } from '../../model.js';
import { fillRDates } from './r-dates.js';
import { formatQuartoDate } from './quarto-dates.js';

/** A YAML node as the plain data it holds (a scalar's value, a list, a map); null for none. An alias stays unread. */
export function plainData(node: unknown): unknown {
  return node && typeof (node as { toJSON?: unknown }).toJSON === 'function' ? (node as { toJSON(): unknown }).toJSON() : null;
}

/** Slidev's `duration: 35min` (also `35m`, `1h`, `1.5h`) as minutes, or undefined when it is not such a string. */
export function readDurationText(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(min|mins|minutes?|m|h|hours?)?\s*$/i.exec(value);
  if (!match) return undefined;
  const amount = Number(match[1]);
  return /^h/i.test(match[2] ?? '') ? amount * 60 : amount;
}

/**
 * Several authors, as Pandoc and Quarto write them: a list of names, or
 * Quarto's maps with a `name` (a string, or `given` and `family`), one map or
 * a list of them. Joined with commas; undefined for any other shape.
 */
export function readAuthorList(value: unknown): string | undefined {
  const nameOf = (author: unknown): string | undefined => {
    if (typeof author === 'string') return author.trim();
    if (typeof author !== 'object' || author === null) return undefined;
    const name = (author as { name?: unknown }).name;
    if (typeof name === 'string') return name.trim();
    if (typeof name === 'object' && name !== null) {
      const { literal, given, family } = name as { literal?: unknown; given?: unknown; family?: unknown };
      if (typeof literal === 'string') return literal.trim();
      const parts = [given, family].filter((p): p is string => typeof p === 'string');
      return parts.length > 0 ? parts.join(' ') : undefined;
    }
    return undefined;
  };
  const names = (Array.isArray(value) ? value : [value]).map(nameOf);
  return names.length > 0 && names.every((n): n is string => n !== undefined && n !== '') ? names.join(', ') : undefined;
}

/** Quarto's date keywords, which stand for the day the deck is rendered, and LaTeX's `\today` (a Beamer deck's `date: \today`), which does too. */
const DATE_KEYWORDS = new Set(['today', 'now', '\\today']);

/**
 * Quarto's `date: today` (or `now`): the build's day, and `date: last-modified`: the day its file was last
 * changed, each written out in the deck's language, as Quarto shows it, or as its `date-format:` says; and R Markdown's `` `r Sys.Date()` `` in a date.
 */
export function resolveDateKeyword(meta: BriefingMeta, days: { today?: string; lastModified?: string }): void {
  // R Markdown's `` `r Sys.Date()` `` (xaringan's starter deck: `date: "2016/12/12 (updated: `r Sys.Date()`)"`) is the day
  // knitr knits the deck, printed as R prints a date: the build's day, here (r-dates.ts).
  if (meta.date !== undefined && days.today !== undefined && (meta.peerTools.includes('R Markdown') || meta.peerTools.includes('remark'))) {
    meta.date = fillRDates(meta.date, days.today, meta.lang);
  }
  const keyword = meta.date?.trim();
  const iso = keyword === undefined ? undefined : DATE_KEYWORDS.has(keyword) ? days.today : keyword === 'last-modified' ? days.lastModified : undefined;
  // Quarto's `date-format:` writes the date, a keyword's day or one as written, its way; a date it cannot read stays as written.
  if (meta.dateFormat !== undefined && (iso ?? keyword) !== undefined) {
    meta.date = formatQuartoDate((iso ?? keyword)!, meta.dateFormat, meta.lang) ?? meta.date;
    return;
  }
  if (iso === undefined) return;
  const day = new Date(`${iso}T00:00:00Z`);
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(meta.lang, { dateStyle: 'long', timeZone: 'UTC' });
  } catch {
    format = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });
  }
  meta.date = format.format(day);
}
