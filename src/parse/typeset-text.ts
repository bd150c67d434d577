// Typesetting at build time: curly quotes and apostrophes, en and em dashes,
// ellipses (SmartyPants), quotes in the deck's language, en dashes in number
// ranges and no-break spaces where a number meets its unit. Only text is
// touched: never tags or attributes, and never code, math or preformatted text.
import { smartypants } from 'smartypants';

/** Elements whose content is left exactly as written. */
const VERBATIM = /^<(\/?)(code|pre|kbd|samp|script|style|math|svg)\b/i;

/** Double quotes by language: opening, closing. English-style curly quotes are the default. */
const DOUBLE_QUOTES: Record<string, [string, string]> = {
  de: ['\u201e', '\u201c'],
  fr: ['\u00ab\u00a0', '\u00a0\u00bb'],
  it: ['\u00ab', '\u00bb'],
  es: ['\u00ab', '\u00bb'],
  ru: ['\u00ab', '\u00bb'],
};

/** Typesets rendered HTML for a deck in `lang`. */
export function typesetHtml(html: string, lang: string): string {
  // marked escapes quotes in text; SmartyPants needs the characters, and sees tags, so attributes stay as they are.
  // SmartyPants is slow, so it runs only when the text (not the tags) holds something it would change.
  let quotesOrDashes = false;
  const plain = mapText(html, (text) => {
    const read = text.includes('&') ? text.replace(/&quot;/g, '"').replace(/&#39;/g, "'") : text;
    quotesOrDashes ||= /["'`]|--|\.\.\./.test(read);
    return read;
  });
  const curly = quotesOrDashes ? decodeSmartEntities(smartypants(plain, 'qDe')) : plain;
  const quotes = quotesFor(lang);
  return mapText(curly, (text) => localise(fixRangesAndSpaces(text), quotes));
}

/** Typesets plain text (metadata shown through templates, which escape it). */
export function typesetPlain(text: string, lang: string): string {
  return localise(fixRangesAndSpaces(decodeSmartEntities(smartypants(text.replace(/</g, '\u0001'), 'qDe')).replace(/\u0001/g, '<')), quotesFor(lang));
}

/** Applies `change` to every run of text outside tags and outside verbatim elements. */
function mapText(html: string, change: (text: string) => string): string {
  // One pass over the tags rather than split, map and join: this runs twice on every slide, title and note.
  // A tag is from `<` to the next `>`; the expression is made per call, since its cursor (lastIndex) is state.
  const tags = /<[^>]*>/g;
  let verbatim = 0;
  let out = '';
  let from = 0;
  const visit = (text: string) => (out += text === '' || verbatim > 0 ? text : change(text));
  for (let match = tags.exec(html); match !== null; match = tags.exec(html)) {
    visit(html.slice(from, match.index));
    const part = match[0];
    const tag = VERBATIM.exec(part);
    if (tag && !part.endsWith('/>')) verbatim = Math.max(0, verbatim + (tag[1] ? -1 : 1));
    out += part;
    from = tags.lastIndex;
  }
  visit(html.slice(from));
  return out;
}

/** SmartyPants writes numeric entities; the deck is UTF-8, so they become characters. */
function decodeSmartEntities(text: string): string {
  return text.replace(/&#(8211|8212|8216|8217|8220|8221|8230);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

/** Units and magnitudes a number is never parted from at a line break. */
const UNIT = /(\d) (?=(?:%|per ?cent|percent|seconds?|minutes?|hours?|days?|weeks?|months?|years?|km|kg|m|cm|mm|mi|miles?|t|tons?|tonnes?|thousand|million|billion|trillion|people|troops|missiles?|tests?)\b)/gi;

/** What any rule of fixRangesAndSpaces needs in order to match: checking for it first is far cheaper than trying them all. */
const MAY_NEED_SPACING = /\d|(?:Mr|Mrs|Ms|Dr|St) /;

/** An en dash between numbers (2017-2018, 10-12); no-break spaces between a number and its unit (20 minutes), a currency and its amount (US$ 5), and a title and a name (Mr Kim). */
function fixRangesAndSpaces(text: string): string {
  // Every rule needs a digit or a title before a space; most runs of text (and all the white space between tags) have neither.
  if (!MAY_NEED_SPACING.test(text)) return text;
  return text
    .replace(/(?<![\w.-])(\d{1,4})-(\d{1,4})(?![\w.-])/g, '$1\u2013$2')
    .replace(UNIT, '$1\u00a0')
    .replace(/(US\$|\$|\u20ac|\u00a3|\u00a5) (?=\d)/g, '$1\u00a0')
    .replace(/\b(Mr|Mrs|Ms|Dr|St) (?=\p{Lu})/gu, '$1\u00a0');
}

/** The language's own double quotes, or null when English-style curly quotes are right for it. */
function quotesFor(lang: string): [string, string] | null {
  const primary = lang.toLowerCase().split('-')[0]!;
  return Object.hasOwn(DOUBLE_QUOTES, primary) ? DOUBLE_QUOTES[primary]! : null;
}

/** Swaps English curly double quotes for the language's own. */
function localise(text: string, quotes: [string, string] | null): string {
  if (!quotes || !text.includes('\u201c') && !text.includes('\u201d')) return text;
  return text.replace(/\u201c\s*/g, quotes[0]).replace(/\s*\u201d/g, quotes[1]);
}
