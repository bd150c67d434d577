import type { TokenizerAndRendererExtension, Tokens } from 'marked';
import { escapeHtml } from '../../../html-text.js';
import { startWithinParagraph, startWithinWindowOf } from '../../extension-start.js';
import type { Bibliography, CiteItem } from '../../bibliography.js';

// Pandoc's citation syntax, read where a deck has references to cite
// (bibliography.ts formats them):
// - `[@doe99]`, `[see @doe99, pp. 33-35; also @smith04, chap. 1]`: a group in
//   brackets, each citation with its prefix, locator and suffix;
// - `[-@doe99]`: the year without the author;
// - `@doe99`, `@doe99 [p. 33]`: the author in the text, the year after.
// A key starts with a letter, digit or `_` and may hold internal punctuation,
// or is written in braces (`@{a key}`). Quarto's cross-references
// (`@fig-…`, `@tbl-…`, `@eq-…`) are read before this, by cross-refs.ts.

/** A citation key, its punctuation only inside it, as Pandoc reads one. */
const KEY = String.raw`(?:\{[^{}\n]{1,200}\}|[\w](?:[\w]|[:.#$%&\-+?<>~/](?=[\w])){0,200})`;
/** One citation inside brackets: prefix, `-`, key, then a locator and suffix after a comma. */
const ITEM = new RegExp(String.raw`^([^@;\[\]]*?)(-?)@(${KEY})(?:,?[ \t]*([^;\[\]]*))?$`);
/** A bracketed group: text with citations, no nested brackets, not a link (`](`) or span (`]{`). */
const GROUP = /^\[([^[\]\n]{0,1000}?@[^[\]\n]{0,1000}?)\](?![([{])/;
/** A key in the text, with an optional bracketed locator after it. */
const IN_TEXT = new RegExp(String.raw`^@(${KEY})(?:[ \t]+\[([^[\]\n]{1,300})\](?![([{]))?`);
/** Quarto's cross-reference labels, never citations. */
const CROSS_REF = /^(?:fig|tbl|eq|sec|lst|thm|lem|cor|prp|cnj|def|exm|exr)-/;

/** Locator terms Pandoc reads, by the CSL label each stands for (§ and ¶ as escapes, as in `R_TODAY` of r-dates.ts). */
const LOCATOR_TERMS: [RegExp, string][] = [
  [/^(?:pp?\.|pages?)/i, 'page'],
  [/^(?:chaps?\.|chapters?)/i, 'chapter'],
  [/^(?:secs?\.|sections?|\u00a7\u00a7?)/i, 'section'],
  [/^(?:paras?\.|paragraphs?|\u00b6\u00b6?)/i, 'paragraph'],
  [/^(?:figs?\.|figures?)/i, 'figure'],
  [/^(?:vols?\.|volumes?)/i, 'volume'],
  [/^(?:nn?\.|notes?)/i, 'note'],
  [/^(?:ll?\.|lines?)/i, 'line'],
  [/^(?:cols?\.|columns?)/i, 'column'],
  [/^(?:bks?\.|books?)/i, 'book'],
  [/^(?:pts?\.|parts?)/i, 'part'],
  [/^(?:nos?\.|numbers?)/i, 'issue'],
  [/^(?:vv?\.|verses?)/i, 'verse'],
];
/** A locator's value: numbers or numerals, and ranges and lists of them (joined by hyphens, en or em dashes). */
const LOCATOR_VALUE = /^[ \t]*([\dIVXLCDMivxlcdm]+[a-z]?(?:[ \t]*(?:[-\u2013\u2014,&]|--|and)[ \t]*[\dIVXLCDMivxlcdm]+[a-z]?)*)/;

/** Splits what follows a key into its locator (with its CSL label) and the rest, its suffix, as Pandoc does. */
export function readLocator(text: string): Pick<CiteItem, 'locator' | 'label' | 'suffix'> {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  for (const [term, label] of LOCATOR_TERMS) {
    const named = term.exec(trimmed);
    const value = named ? LOCATOR_VALUE.exec(trimmed.slice(named[0].length)) : null;
    if (named && value) return withSuffix({ locator: value[1]!, label }, trimmed.slice(named[0].length + value[0].length));
  }
  // A bare number is a page.
  const page = /^\d/.test(trimmed) ? LOCATOR_VALUE.exec(trimmed) : null;
  if (page) return withSuffix({ locator: page[1]!, label: 'page' }, trimmed.slice(page[0].length));
  return { suffix: trimmed };
}

function withSuffix(found: Pick<CiteItem, 'locator' | 'label'>, rest: string): Pick<CiteItem, 'locator' | 'label' | 'suffix'> {
  const suffix = rest.trim();
  return suffix === '' ? found : { ...found, suffix: /^[,;]/.test(suffix) ? suffix : ` ${suffix}` };
}

/** Reads a bracketed group's citations, or null when one part is not a citation (then it is text, as in Pandoc). */
export function readCitationGroup(inside: string): CiteItem[] | null {
  const items: CiteItem[] = [];
  for (const part of inside.split(';')) {
    const match = ITEM.exec(part.trim());
    if (!match) return null;
    const [, prefix, minus, key, rest] = match;
    items.push({ id: unbrace(key!), ...(prefix!.trim() ? { prefix: `${prefix!.trim()} ` } : {}), ...readLocator(rest ?? ''), ...(minus ? { mode: 'suppress-author' as const } : {}) });
  }
  return items.length > 0 && !items.some((item) => CROSS_REF.test(item.id)) ? items : null;
}

function unbrace(key: string): string {
  return key.startsWith('{') ? key.slice(1, -1).trim() : key;
}

/**
 * A marked extension for citations: each is formatted by `bibliography`, and `cited` hears of every key
 * in the order cited; a key with no reference shows as Pandoc shows it, `(key?)`, and goes to `missing`;
 * a citation past the most a deck has formatted stays as written, and goes to `unformatted`.
 */
export function citationExtension(bibliography: Bibliography, cited: (id: string) => void, missing: (raw: string, id: string) => void, unformatted: (raw: string) => void): TokenizerAndRendererExtension {
  return {
    name: 'citation',
    level: 'inline',
    // A citation starts a group (marked stops at every `[` already) or a word: the `@` of an address is text.
    // (The pattern opens with the `@`, and looks back from it, so that the search skips along to each `@`.)
    start: startWithinWindowOf((text) => text.search(/@(?<=(?:^|[^\w@.])@)[\w{]/), 3),
    tokenizer(src: string, tokens: Tokens.Generic[]) {
      const group = GROUP.exec(src);
      const items = group ? readCitationGroup(group[1]!) : null;
      if (group && items) return { type: 'citation', raw: group[0], items, inText: false };
      if (!src.startsWith('@') || /[\w.@-]/.test(tokens.at(-1)?.raw.slice(-1) ?? '')) return undefined;
      const inText = IN_TEXT.exec(src);
      if (!inText || CROSS_REF.test(unbrace(inText[1]!))) return undefined;
      return { type: 'citation', raw: inText[0], items: [{ id: unbrace(inText[1]!), ...readLocator(inText[2] ?? '') }], inText: true };
    },
    renderer(token) {
      const { raw, items, inText } = token as unknown as { raw: string; items: CiteItem[]; inText: boolean };
      for (const item of items) if (bibliography.has(item.id)) cited(item.id);
      const unknown = items.filter((item) => !bibliography.has(item.id));
      for (const item of unknown) missing(raw, item.id);
      if (unknown.length > 0) return `(${items.map((item) => `<strong>${escapeHtml(item.id)}?</strong>`).join('; ')})`;
      // In the text: the author, then the rest of the citation as the style writes it without the author.
      const html = inText ? [bibliography.cite([{ ...items[0]!, mode: 'author-only' }]), bibliography.cite([{ ...items[0]!, mode: 'suppress-author' }])] : [bibliography.cite(items)];
      if (html.some((part) => part === null)) {
        unformatted(raw);
        return escapeHtml(raw);
      }
      return html.join(' ');
    },
  };
}

/** Where the list of works cited goes in a slide's HTML, until the whole deck has been read (parse-briefing.ts). */
export const REFERENCES_MARK = '\u0000references\u0000';

/** The line Pandoc's `::: {#refs}` div becomes (rewrite-line.ts): the list of works cited goes there. */
export const REFERENCES_LINE = '<!-- references -->';

/** A marked extension that leaves REFERENCES_MARK where a `<!-- references -->` line stands. */
export function referencesPlaceExtension(): TokenizerAndRendererExtension {
  return {
    name: 'referencesPlace',
    level: 'block',
    start: startWithinParagraph(/^<!-- references -->/m),
    tokenizer(src: string) {
      const match = /^<!-- references -->[ \t]*(?:\n+|$)/.exec(src);
      return match ? { type: 'referencesPlace', raw: match[0] } : undefined;
    },
    renderer: () => `${REFERENCES_MARK}\n`,
  };
}
