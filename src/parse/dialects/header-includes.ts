import type { BriefingMeta } from '../../model.js';
import { parseHtmlFragment, textOf } from '../html-fragment.js';

// What Pandoc's `header-includes` and Quarto's `include-in-header` put in the page's head: raw HTML (or, for
// Beamer, LaTeX). Their `<style>` elements are the deck's style sheets, read and scoped as a `css:` file is
// (parse/author-styles.ts); whatever else they hold (a <script>, a <link> to a font, LaTeX) is left out.

/** The keys that put HTML in the page's head, as the messages name them. */
export type HeadKey = NonNullable<NonNullable<BriefingMeta['styleSheets']>[number]['includedBy']>;

/**
 * Records what `header-includes` (text, or a list of texts) or `include-in-header` (a file's name, or a list of names
 * and of `text:` or `file:` items) holds, for the parse to read its `<style>`: false when nothing in it could hold one,
 * so the key is named as ignored, as before. A text block starts a line after its key.
 */
export function applyHeadIncludes(key: HeadKey, value: unknown, meta: BriefingMeta, line: number): boolean {
  const items = Array.isArray(value) ? value : [value];
  const read: { path?: string; text?: string; line: number; includedBy: HeadKey }[] = [];
  for (const item of items) {
    const file = key === 'include-in-header' ? (typeof item === 'string' ? item : readItemKey(item, 'file')) : undefined;
    const text = key === 'header-includes' ? (typeof item === 'string' ? item : undefined) : readItemKey(item, 'text');
    if (file !== undefined && file.trim() !== '') read.push({ path: file.trim(), line, includedBy: key });
    else if (text !== undefined && /<style[\s>]/i.test(text)) read.push({ text, line: text.includes('\n') ? line + 1 : line, includedBy: key });
  }
  if (read.length === 0) return false;
  (meta.styleSheets ??= []).push(...read);
  return true;
}

/** A string an item of the list names by `name` (`- text: |`), or undefined. */
function readItemKey(item: unknown, name: string): string | undefined {
  const value = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The CSS of each `<style>` element of HTML for the head, with the number of lines before it, and whether anything else was in it. */
export function readHeadStyles(html: string): { styles: { css: string; linesBefore: number }[]; leftOut: boolean } {
  const styles: { css: string; linesBefore: number }[] = [];
  let leftOut = false;
  let searchFrom = 0;
  for (const node of parseHtmlFragment(html).childNodes) {
    if (node.nodeName === 'style') {
      const css = textOf(node);
      const at = html.indexOf(css, searchFrom);
      searchFrom = at === -1 ? searchFrom : at + css.length;
      styles.push({ css, linesBefore: at === -1 ? 0 : html.slice(0, at).split('\n').length - 1 });
    } else if (node.nodeName === '#comment' || (node.nodeName === '#text' && textOf(node).trim() === '')) continue;
    else leftOut = true;
  }
  return { styles, leftOut };
}
