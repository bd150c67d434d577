// R Markdown's dates that knitr fills when it knits the deck: `` `r Sys.Date()` `` and, as RStudio's templates write it,
// `` `r format(Sys.time(), '%d %B %Y')` ``. Here they are the build's day, printed as R prints it (its month and weekday
// names in the deck's language). A format with the time of day (`%H:%M`) is left as written: a build has no such time.

/**
 * Inline R code that is today's date, with the format it is printed in (none: R's own, 2024-05-01). Curly quotes are written
 * as escapes: esbuild copies a pattern's characters as they are, and one non-ASCII character makes Node read the worker's
 * whole bundle as a two-byte string, slower to read and to compile (a test checks the bundles).
 */
const R_TODAY = /`r[ \t]+(?:Sys\.Date\(\)|format\([ \t]*Sys\.(?:Date|time)\(\)[ \t]*,[ \t]*(?:format[ \t]*=[ \t]*)?['"\u2018\u2019\u201c\u201d]([^'"\u2018\u2019\u201c\u201d`\n]{0,80})['"\u2018\u2019\u201c\u201d][ \t]*\))[ \t]*`/g;

/** The conversions of R's `format` that a day has (no time of day). */
const DAY_CONVERSIONS = /%[YymdeBbhAaj%]/g;

/** `date` with each of R's inline codes for today filled with `today` (an ISO day), formatted in `lang`; the rest as written. */
export function fillRDates(date: string, today: string, lang: string): string {
  return date.replace(R_TODAY, (code: string, format: string | undefined) => (format === undefined ? today : (formatDay(today, format, lang) ?? code)));
}

/** An ISO day printed by one of R's date formats, or undefined when the format asks for more than a day. */
function formatDay(iso: string, format: string, lang: string): string | undefined {
  if (format.replace(DAY_CONVERSIONS, '').includes('%')) return undefined;
  const day = new Date(`${iso}T00:00:00Z`);
  const name = (options: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' }).format(day);
    } catch {
      return new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' }).format(day);
    }
  };
  const two = (n: number) => String(n).padStart(2, '0');
  const start = Date.UTC(day.getUTCFullYear(), 0, 1);
  const values: Record<string, () => string> = {
    Y: () => String(day.getUTCFullYear()),
    y: () => two(day.getUTCFullYear() % 100),
    m: () => two(day.getUTCMonth() + 1),
    d: () => two(day.getUTCDate()),
    e: () => String(day.getUTCDate()).padStart(2, ' '),
    B: () => name({ month: 'long' }),
    b: () => name({ month: 'short' }),
    h: () => name({ month: 'short' }),
    A: () => name({ weekday: 'long' }),
    a: () => name({ weekday: 'short' }),
    j: () => String(Math.round((day.getTime() - start) / 86_400_000) + 1).padStart(3, '0'),
    '%': () => '%',
  };
  return format.replace(DAY_CONVERSIONS, (conversion) => values[conversion[1]!]!());
}
