// A remark.js deck as an HTML page (what xaringan renders, remark's own boilerplate): its slides are the Markdown in
// `<textarea id="source">`, which remark reads in the browser. That Markdown is read as a remark deck's, each line
// at its line in the page.
import type { DefaultTreeAdapterMap } from 'parse5';
import { textOf } from '../html-fragment.js';
import type { DeckText } from '../parse-meta.js';

type Element = DefaultTreeAdapterMap['element'];

/** remark's start (`remark.create(…)`), or its script, which tell a remark page from a page that merely has a textarea. */
const REMARK_SCRIPT = /\bremark\.create\s*\(|(?:^|\/)remark(?:-latest)?(?:\.min)?\.js(?:[?#]|$)/;

/**
 * The Markdown of a remark page's slides, as a remark deck's body at its lines in the page; null when the page is
 * none (no `<textarea id="source">`, or nothing of remark's to start it).
 */
export function readRemarkSource(all: readonly Element[], pageText: string): Omit<DeckText, 'meta'> | null {
  const source = all.find((n) => n.tagName === 'textarea' && n.attrs.some((a) => a.name === 'id' && a.value === 'source'));
  const remark = all.some((n) => n.tagName === 'script' && REMARK_SCRIPT.test(n.attrs.find((a) => a.name === 'src')?.value ?? textOf(n)));
  if (!source || !remark) return null;
  const text = textOf(source).replace(/\r\n?/g, '\n');
  // The text starts on the start tag's line, or on the next after the newline there, which HTML drops.
  const tag = source.sourceCodeLocation?.startTag;
  const afterNewline = tag !== undefined && /^\r?\n/.test(pageText.slice(tag.endOffset, tag.endOffset + 2));
  return { body: text, bodyLine: (tag?.endLine ?? 1) + (afterNewline ? 1 : 0), tools: ['remark'] };
}
