// Link reference definitions (`[docs]: https://example.com/docs`) across a deck. marked reads one slide at a time,
// so a definition was known only on its own slide, and a slide that used one from elsewhere (Markdown documents keep
// them at the end of the file) showed `[the docs][docs]` as text. CommonMark, Pandoc and markdown-it over a whole
// file (Marp) read them for the whole document; a slide's own definition still wins on that slide, as it does where
// each slide is read alone (reveal.js's Markdown plugin, Slidev), so no deck's links change where they worked.
import { Lexer, type Links } from 'marked';
import { createFenceReader } from './read-fences.js';
import type { Line } from './source-lines.js';

/** A line that may be a definition: a bracketed label and a colon at its start (marked decides what it is); not a footnote's, `[^1]:`. */
const DEFINITION_START = /^ {0,3}\[(?!\^)(?:[^\]\\\n]|\\.){1,999}\]:/;

/** The definitions among `lines` outside code blocks, as marked reads them: by label (lower case, spaces collapsed), the first of each. */
export function readLinkDefinitions(lines: readonly Line[]): Links {
  // Most slides have no line that could be one: the code blocks are not followed for them (every build reads every slide here).
  if (!lines.some((line) => DEFINITION_START.test(line.text))) return {};
  const fences = createFenceReader();
  const candidates: string[] = [];
  for (const { text } of lines) if (!fences.read(text) && DEFINITION_START.test(text)) candidates.push(text);
  // All of them in code: marked is not asked.
  if (candidates.length === 0) return {};
  // marked's own reading, without the deck's extensions: a definition is CommonMark's, whatever tool the deck is for.
  return Lexer.lex(candidates.join('\n\n'), { gfm: true }).links;
}

/** The definitions a deck's slides make, each slide's read on its own, the first of each label in the deck kept. */
export function readDeckLinkDefinitions(slides: readonly (readonly Line[])[]): Links {
  // Without a prototype, as marked keeps its own: a label such as `constructor` is a label like any other.
  const links = Object.create(null) as Links;
  for (const lines of slides) for (const [label, link] of Object.entries(readLinkDefinitions(lines))) links[label] ??= link;
  return links;
}

/**
 * The definitions a slide's lexer reads links by: its own, as marked sets them while it reads the slide's blocks, then,
 * once `readingInline` is called (its blocks read, its text not yet), the deck's for labels it does not define. Looked
 * up, never copied, so a deck of many slides and many definitions costs no more per slide than one.
 */
export function scopeLinks(deck: Links): { links: Links; readingInline: () => void } {
  const own: Links = Object.create(null) as Links;
  let inline = false;
  const fallback = (label: string | symbol) => (inline && typeof label === 'string' && !Object.hasOwn(own, label) && Object.hasOwn(deck, label) ? deck[label] : undefined);
  const links = new Proxy(own, {
    get: (target, label) => (Object.hasOwn(target, label) ? target[label as string] : fallback(label)),
    has: (target, label) => Object.hasOwn(target, label) || fallback(label) !== undefined,
    getOwnPropertyDescriptor: (target, label) => {
      const found = Object.getOwnPropertyDescriptor(target, label);
      if (found) return found;
      const link = fallback(label);
      return link === undefined ? undefined : { value: link, writable: true, enumerable: true, configurable: true };
    },
  });
  return { links, readingInline: () => void (inline = true) };
}
