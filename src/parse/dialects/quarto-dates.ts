// Quarto's `date-format:`, how a deck's date is written on its title slide: a style (`full`, `long`, `medium`,
// `short`, `iso`), written in the deck's language as Quarto writes it, or a format of dayjs's tokens (`MMMM D, YYYY`,
// `[Week of] MMM D`). The date is read in the forms Quarto reads (`2005-03-07`, `03/07/2005`, `03-07-05`, `7 3 2005`,
// `March 7, 2005` stays as written); one it cannot read stays as written too.

/** Quarto's named styles, as `Intl`'s date styles; `iso` is written apart. */
const STYLES: Readonly<Record<string, 'full' | 'long' | 'medium' | 'short'>> = { full: 'full', long: 'long', medium: 'medium', short: 'short' };

/** A format's tokens, longest first, and text in brackets, which stays as written. */
const TOKENS = /\[([^\]]*)\]|YYYY|YY|MMMM|MMM|MM|M|DD|D|dddd|ddd/g;

/** Whether `date-format` is one briefdeck writes dates in: a named style, or a format of at least one of dayjs's date tokens. */
export function isDateFormat(format: string): boolean {
  return Object.hasOwn(STYLES, format) || format === 'iso' || /YY|M|D/.test(format.replace(/\[[^\]]*\]/g, ''));
}

/** A date as Quarto reads one (year, month, day; a two-digit year in this century), or undefined for a date it cannot read. */
export function readQuartoDate(written: string): { year: number; month: number; day: number } | undefined {
  const text = written.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  const parts = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : (m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})$/.exec(text)) ? { month: Number(m[1]), day: Number(m[2]), year: Number(m[3]!.length === 2 ? `20${m[3]}` : m[3]) } : (m = /^(\d{1,2}) (\d{1,2}) (\d{4})$/.exec(text)) ? { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) } : undefined;
  if (!parts || parts.month < 1 || parts.month > 12 || parts.day < 1) return undefined;
  // A day past its month's end (`02/30/2005`) is no date.
  const last = new Date(Date.UTC(parts.year, parts.month, 0)).getUTCDate();
  return parts.day <= last ? parts : undefined;
}

/** A date written in `format` (a style or a format of tokens) in `lang`'s words; undefined when the date cannot be read. */
export function formatQuartoDate(written: string, format: string, lang: string): string | undefined {
  const date = readQuartoDate(written);
  if (!date) return undefined;
  const when = new Date(Date.UTC(date.year, date.month - 1, date.day));
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  if (format === 'iso') return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
  const words = (options: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' }).format(when);
    } catch {
      return new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' }).format(when);
    }
  };
  if (Object.hasOwn(STYLES, format)) return words({ dateStyle: STYLES[format] });
  return format.replace(TOKENS, (token, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    switch (token) {
      case 'YYYY': return pad(date.year, 4);
      case 'YY': return pad(date.year % 100);
      case 'MMMM': return words({ month: 'long' });
      case 'MMM': return words({ month: 'short' });
      case 'MM': return pad(date.month);
      case 'M': return String(date.month);
      case 'DD': return pad(date.day);
      case 'D': return String(date.day);
      case 'dddd': return words({ weekday: 'long' });
      default: return words({ weekday: 'short' });
    }
  });
}
