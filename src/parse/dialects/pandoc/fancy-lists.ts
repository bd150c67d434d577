import type { TokenizerAndRendererExtension, Tokens } from 'marked';
import { startWithinWindowOf } from '../../extension-start.js';

// Pandoc's ordered lists that CommonMark does not read, which would show as a
// paragraph of run-together items: lettered and Roman-numbered lists (`a.`,
// `b)`, `(c)`, `i.`, `IV.`; an upper-case letter with a period needs two
// spaces after it, as in Pandoc, so `B. Russell` stays a name), numbers in
// parentheses (`(1)`), and example lists (`(@)`, `(@label)`), numbered on
// through the whole deck.

/** How a list numbers its items, as HTML's `type` names it. */
type Numbering = '1' | 'a' | 'A' | 'i' | 'I' | 'example';

/** The class that numbers a list's items in its style: reveal's stylesheet numbers every `<ol>` 1, 2, 3, over its `type`. */
const NUMBERING_CLASS: Record<'a' | 'A' | 'i' | 'I', string> = { a: 'lower-alpha', A: 'upper-alpha', i: 'lower-roman', I: 'upper-roman' };

/** Every class a list's numbering may take, for the sanitizer's allowlist. */
export const LIST_NUMBERING_CLASSES: readonly string[] = Object.values(NUMBERING_CLASS);

/** A list item's first line: its marker, the space after it, and its text. */
const ITEM = /^ {0,3}(?:\((@[\w-]*)\)|\(([A-Za-z]|[ivxlcdmIVXLCDM]{1,8}|\d{1,9})\)|([A-Za-z]|[ivxlcdmIVXLCDM]{1,8})([.)]))([ \t]+)(\S[^\n]*)?(?:\n|$)/;

/**
 * The numbering and value a marker stands for, as Pandoc reads one: `i` alone is a Roman one, any other single
 * letter a letter (`v.` is the 22nd), and several letters a Roman numeral; inside a lettered list (`within`),
 * a single letter goes on as a letter (`h.`, `i.`, `j.`), and inside a Roman one as a numeral (`iv.`, `v.`).
 */
function readMarker(marker: string, within?: Numbering): { numbering: Numbering; value: number } | null {
  // `(1)`: a number in parentheses, which CommonMark does not read (it reads `1.` and `1)` itself).
  if (/^\d+$/.test(marker)) return { numbering: '1', value: Number(marker) };
  const letter = (upper: boolean) => ({ numbering: (upper ? 'A' : 'a') as Numbering, value: marker.toLowerCase().charCodeAt(0) - 96 });
  if (marker.length === 1 && (within === 'a' || within === 'A') && (within === 'A') === (marker === marker.toUpperCase())) return letter(within === 'A');
  // Inside a Roman list, `v.` goes on as five.
  if ((within === 'i' && /^[ivxlcdm]+$/.test(marker)) || (within === 'I' && /^[IVXLCDM]+$/.test(marker))) {
    const value = romanValue(marker.toLowerCase());
    return value === null ? null : { numbering: within, value };
  }
  const roman = (marker.length > 1 || marker === 'i' || marker === 'I') && /^(?:[ivxlcdm]+|[IVXLCDM]+)$/.test(marker) ? romanValue(marker.toLowerCase()) : null;
  if (roman !== null) return { numbering: marker === marker.toUpperCase() ? 'I' : 'i', value: roman };
  return marker.length === 1 ? letter(marker === marker.toUpperCase()) : null;
}

/** A lower-case Roman numeral's value, or null when the letters are not one. */
function romanValue(numeral: string): number | null {
  const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const value = values[numeral[i]!]!;
    const next = values[numeral[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total > 0 && total < 4000 ? total : null;
}

interface FancyItem {
  tokens: Tokens.Generic[];
  label?: string;
}

/**
 * Marked extensions for Pandoc's lettered, Roman-numbered and example lists, read where `enabled` says
 * (in a Pandoc or Quarto deck); example items are numbered on from one list to the next, and `(@label)`
 * in the text reads as its example's number.
 */
export function fancyListExtensions(enabled: () => boolean): TokenizerAndRendererExtension[] {
  /** The example items numbered so far, and the numbers of their labels. */
  let examples = 0;
  const labels = new Map<string, number>();
  const list: TokenizerAndRendererExtension = {
    name: 'fancyList',
    level: 'block',
    tokenizer(src: string) {
      if (!enabled()) return undefined;
      const first = ITEM.exec(src);
      const kind = first ? describe(first) : null;
      if (!first || !kind) return undefined;
      const items: FancyItem[] = [];
      let rest = src;
      let raw = '';
      let loose = false;
      for (let item = ITEM.exec(rest); item; item = ITEM.exec(rest)) {
        const next = describe(item, kind.numbering);
        if (!next || next.numbering !== kind.numbering || next.delimiter !== kind.delimiter) break;
        // Its text goes on over the lines under it: indented ones, and unindented ones of the same paragraph.
        const width = item[0].length - (item[6]?.length ?? 0) - (item[0].endsWith('\n') ? 1 : 0);
        const lines = [item[6] ?? ''];
        let used = item[0];
        let after = rest.slice(used.length);
        for (;;) {
          const line = /^([^\n]*)(?:\n|$)/.exec(after)!;
          if (line[0] === '') break;
          const blankThenIndented = /^[ \t]*\n(?=(?: {2,}|\t)\S)/.exec(after);
          if (line[1]!.trim() === '' && !blankThenIndented) break;
          if (blankThenIndented) {
            loose = true;
            lines.push('');
            used += blankThenIndented[0];
            after = after.slice(blankThenIndented[0].length);
            continue;
          }
          const indented = /^(?: {2,}|\t)/.test(line[1]!);
          if (!indented && (ITEM.test(after) || /^ {0,3}(?:[-*+]|\d+[.)])[ \t]|^ {0,3}[#>`~]/.test(line[1]!))) break;
          lines.push(line[1]!.replace(new RegExp(`^ {0,${Math.max(width, 2)}}|^\\t`), ''));
          used += line[0];
          after = after.slice(line[0].length);
        }
        items.push({ tokens: this.lexer.blockTokens(lines.join('\n'), []), ...(next.label ? { label: next.label } : {}) });
        raw += used;
        rest = rest.slice(used.length);
        const gap = /^(?:[ \t]*\n)+/.exec(rest)?.[0] ?? '';
        const following = ITEM.exec(rest.slice(gap.length));
        const same = following ? describe(following, kind.numbering) : null;
        if (!same || same.numbering !== kind.numbering || same.delimiter !== kind.delimiter) break;
        if (gap) loose = true;
        raw += gap;
        rest = rest.slice(gap.length);
      }
      return { type: 'fancyList', raw, numbering: kind.numbering, start: kind.value, items, loose };
    },
    renderer(token) {
      const { numbering, start, items, loose } = token as unknown as { numbering: Numbering; start: number; items: FancyItem[]; loose: boolean };
      const render = (item: FancyItem) => {
        const only = item.tokens.filter((t) => t.type !== 'space');
        // A tight list's items are their text, as marked writes its own lists.
        return !loose && only.length === 1 && only[0]!.type === 'paragraph' ? this.parser.parseInline((only[0] as Tokens.Paragraph).tokens) : this.parser.parse(item.tokens);
      };
      if (numbering === 'example') {
        const from = examples + 1;
        for (const item of items) {
          examples++;
          if (item.label) labels.set(item.label, examples);
        }
        return `<ol${from === 1 ? '' : ` start="${from}"`}>\n${items.map((item) => `<li>${render(item)}</li>\n`).join('')}</ol>\n`;
      }
      return `<ol${numbering === '1' ? '' : ` type="${numbering}" class="${NUMBERING_CLASS[numbering]}"`}${start === 1 ? '' : ` start="${start}"`}>\n${items.map((item) => `<li>${render(item)}</li>\n`).join('')}</ol>\n`;
    },
  };
  return [list, exampleReferenceExtension(enabled, (label) => labels.get(label))];
}

/** A reference to an example by its label, `(@good)`, in the text. */
export function exampleReferenceExtension(enabled: () => boolean, numberOf: (label: string) => number | undefined): TokenizerAndRendererExtension {
  return {
    name: 'exampleReference',
    level: 'inline',
    // Where an example reference could start, looked for a bounded way ahead.
    start: startWithinWindowOf((text) => text.indexOf('(@'), 2, enabled),
    tokenizer(src: string) {
      const match = enabled() ? /^\(@([\w-]+)\)/.exec(src) : null;
      return match ? { type: 'exampleReference', raw: match[0], label: match[1]! } : undefined;
    },
    renderer(token) {
      const { raw, label } = token as unknown as { raw: string; label: string };
      const number = numberOf(label);
      // Numbered as its list is rendered: a label no list has (yet) stays as written, as in Pandoc.
      return number === undefined ? raw : `(${number})`;
    },
  };
}

/** What an item's marker says: its numbering, its value, its delimiter and an example's label; null when it is not a marker Pandoc reads. */
function describe(item: RegExpExecArray, within?: Numbering): { numbering: Numbering; value: number; delimiter: string; label?: string } | null {
  const [, example, parenthesised, bare, delimiter, space] = item;
  if (example !== undefined) return { numbering: 'example', value: 1, delimiter: '(@)', ...(example.length > 1 ? { label: example.slice(1) } : {}) };
  const marker = readMarker(parenthesised ?? bare!, within);
  if (!marker) return null;
  // `B. Russell`: an upper-case letter and a period start a list only with two spaces after them.
  if (marker.numbering === 'A' && delimiter === '.' && space!.length < 2 && space !== '\t') return null;
  return { ...marker, delimiter: parenthesised !== undefined ? '()' : delimiter! };
}
