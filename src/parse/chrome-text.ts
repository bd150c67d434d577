// The deck's chrome, the text the title slide, the page's title, the header and the footer show, is plain text: the
// metadata's fields lose the Quarto shortcodes and the Markdown written in them (Marp's `header: **Draft**`, Pandoc's
// `author: "[Ann](https://…)"`), a picture in them said once and left out.
import type { DiagnosticBag } from '../errors.js';
import type { BriefingMeta, SourceFile } from '../model.js';
import { writtenForPandoc } from '../written-for.js';
import { readShortcodesInText, shortcodeLeftOut } from './dialects/pandoc/shortcodes.js';
import { findKeySource } from './key-source.js';
import { toPlainText } from './plain-text.js';
import { PEER_SYNTAX_HINT } from './render-markdown.js';

/** Stands in for a picture in a header or footer until its text is plain: a private-use character no deck writes. */
const CHROME_PICTURE = '\uE000';

/** A header's, footer's or title's text as plain text, read as inline Markdown at its file and line. */
export type ChromeText = (file: SourceFile, line: number, text: string, pictureLeftOut?: string) => string;

/** Makes the reader of chrome text for one deck: a picture in a header or footer is said once for the deck, however many slides carry it. */
export function createChromeText(markdown: { renderInline(file: SourceFile, line: number, text: string): string }, bag: DiagnosticBag): ChromeText {
  // Marp's header and footer, and Quarto's footer, are inline Markdown (`**Draft**`, `<https://…>`); the deck's chrome shows them as plain text.
  // A picture in one (Marp's `header: ![logo](a.png)`) has no place in a line of text: it goes, said once for each header or
  // footer, and is never looked up. A mark stands in its place until the text is plain, so emphasis around it
  // (`***![logo](a.png)***`) still closes.
  const warnedPictures = new Set<string>();
  return (file, line, text, pictureLeftOut = 'a picture in a header or footer was left out: they show text only') => {
    const marked = text.replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, CHROME_PICTURE);
    const plain = toPlainText(markdown.renderInline(file, line, marked));
    if (marked === text) return plain.trim();
    // A header carried from slide to slide is read on each: its picture is named once, at the first.
    if (!warnedPictures.has(`${file.path}\0${text}`)) {
      warnedPictures.add(`${file.path}\0${text}`);
      bag.warn('W_PEER_SYNTAX', pictureLeftOut, { file: file.path, line, hint: "put the picture on a slide, or name it with the deck's logo: key to show it on every slide" });
    }
    return plain.split(CHROME_PICTURE).join('').replace(/\s+/g, ' ').trim();
  };
}

/**
 * Makes the title, subtitle, author, date, header and footer plain text, as read from `chromeSource` (the metadata's
 * file, or the first Markdown file for a deck whose settings stand in its body); `fallbackLine` is the metadata's line.
 */
export function settleChromeText(meta: BriefingMeta, chromeSource: SourceFile | undefined, fallbackLine: number, chromeText: ChromeText, bag: DiagnosticBag, projectFiles: readonly SourceFile[] = []): void {
  /** Where a field was set: its line in the deck's metadata, or in a project file beside the deck that set it (key-source.ts). */
  const sourceOf = (key: string, deck: SourceFile) => {
    const at = findKeySource(meta, key, { file: deck.path, line: fallbackLine });
    return { file: projectFiles.find((f) => f.path === at.file) ?? deck, line: at.line };
  };
  // Quarto's shortcodes in the title and its kin, header and footer too (`title: "… {{< fa github >}}"`), read as in a line, never shown as written.
  // `{{< meta author >}}` is read once every field has lost its own shortcodes, so it never brings one in.
  for (const keepMeta of [true, false]) {
    for (const key of ['title', 'subtitle', 'author', 'date', 'headerText', 'footerText'] as const) {
      const text = meta[key];
      if (!text?.includes('{{<') || !chromeSource) continue;
      meta[key] = readShortcodesInText(text, meta, (shortcode) => bag.warn('W_PEER_SYNTAX', shortcodeLeftOut(shortcode, meta), { ...findKeySource(meta, key === 'headerText' ? 'header' : key === 'footerText' ? 'footer' : key, { file: chromeSource.path, line: fallbackLine }), hint: PEER_SYNTAX_HINT }), keepMeta);
    }
  }
  // Pandoc reads the title, subtitle, author and date as Markdown (xaringan's `author: "[Ann](https://…)"`): their text, as
  // the title slide, the page's title and the footer show them. Not with math, which has no plain text.
  for (const key of writtenForPandoc(meta.peerTools) && chromeSource ? (['title', 'subtitle', 'author', 'date'] as const) : []) {
    const text = meta[key];
    if (!text || !/[[*_`\\~^]/.test(text) || text.includes('$')) continue;
    const at = sourceOf(key, chromeSource!);
    meta[key] = chromeText(at.file, at.line, text, `a picture in the ${key} was left out: it shows text only`);
  }
  for (const key of ['headerText', 'footerText'] as const) {
    const text = meta[key];
    if (!text || !chromeSource) continue;
    const at = sourceOf(key === 'headerText' ? 'header' : 'footer', chromeSource);
    meta[key] = chromeText(at.file, at.line, text);
  }
}
