// Links from one slide to another. Other tools let an author name a slide and
// link to it by name: Pandoc and Quarto by a heading's identifier (`{#plan}`,
// or the one Pandoc makes from the title), reveal.js by `<!-- .slide: id="plan" -->`,
// Slidev by `routeAlias:`; Marp and Slidev link to a page by its number
// (`#3`). Each such link is written as reveal's address of that slide's place
// (`#/4`, `#/4/1` below another), which reveal follows without any element
// of the page carrying an author's id: an id would put a name of the author's
// choosing among the page's globals (`window.process`), where bundled code
// may look for its own.
import { MAX_GUESSES, suggestClosest } from '../did-you-mean.js';
import { rewriteSlideHtml, type Slide } from '../model.js';
import { slideAnchor, slideIndices } from '../slide-places.js';
import { decodePercentEscapes } from '../decode-percent.js';

/** A link to an anchor in the deck, as written, and where: the pass that points it at its slide warns of one that names none. */
export interface AnchorLink {
  href: string;
  at: { file: string; line: number };
}

/** An id an author may give a slide: a letter, then letters, digits, `_`, `-`, `.` or `:`, as Pandoc's identifiers are. */
const SLIDE_ID = /^\p{L}[\p{L}\p{N}_.:-]{0,99}$/u;

/** The id as written when it is one a slide may have (SLIDE_ID), else undefined. */
export function readSlideId(written: string): string | undefined {
  return SLIDE_ID.test(written) ? written : undefined;
}

/**
 * The identifier Pandoc makes from a heading's text (its `auto_identifiers`):
 * lower case, only letters, digits, `_`, `-` and `.` kept, spaces as hyphens,
 * everything before the first letter dropped; `section` when nothing is left.
 */
export function writePandocIdentifier(title: string): string {
  const id = title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_.\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/^[^\p{L}]+/u, '');
  return id === '' ? 'section' : id;
}

/** What a deck's tool lets a link name a slide by, besides the ids its slides were given. */
export interface AnchorRules {
  /** Pandoc's and Quarto's: every titled slide has the identifier Pandoc makes from its title. */
  titleIds: boolean;
  /** Marp's and Slidev's: `#3` is the third of these, the author's own slides (null in other decks). */
  pages: readonly Slide[] | null;
}

/**
 * Points every link to a slide by name or page (`#plan`, `#/plan`, Marp's `#3`) at that slide's place in
 * reveal's grid, in each slide's title and body, and warns, at the link, of one that names no slide. reveal's
 * own addresses (`#/3`, `#/3/1`) are left as written. `ids` are the ids slides were given, by slide.
 */
export function linkSlideAnchors(slides: Slide[], ids: ReadonlyMap<Slide, string>, links: readonly AnchorLink[], rules: AnchorRules, warn: (at: AnchorLink['at'], message: string, hint: string) => void): void {
  const indices = slideIndices(slides);
  const targets = new Map<string, string>();
  slides.forEach((slide, i) => {
    const id = ids.get(slide);
    if (id !== undefined && !targets.has(id)) targets.set(id, slideAnchor(indices[i]!));
  });
  if (rules.titleIds) {
    // Pandoc numbers a repeated identifier, the second `plan-1`, the third `plan-2`, and skips those taken.
    slides.forEach((slide, i) => {
      if (slide.title === null || ids.has(slide)) return;
      const base = writePandocIdentifier(slide.title);
      let id = base;
      for (let n = 1; targets.has(id); n++) id = `${base}-${n}`;
      targets.set(id, slideAnchor(indices[i]!));
    });
  }
  /** Where a link's target is in reveal's grid, or null when it names no slide, or undefined for reveal's own addresses. */
  const resolve = (href: string): string | null | undefined => {
    // An anchor with a broken % escape is looked for as written.
    const anchor = href.replace(/^#\/?/, '');
    const name = decodePercentEscapes(anchor) ?? anchor;
    if (/^\d+(?:\/\d+)?$/.test(name) && href.startsWith('#/')) return undefined;
    if (rules.pages && /^\d+$/.test(name) && !href.startsWith('#/')) {
      const page = rules.pages[Number(name) - 1];
      return page === undefined ? null : slideAnchor(indices[slides.indexOf(page)]!);
    }
    return targets.get(name) ?? null;
  };
  // A guess costs a comparison with every id: made once per name, for the first names only, so a deck of thousands
  // of slides and dead links cannot spend its time limit guessing.
  const guesses = new Map<string, string | undefined>();
  const names = [...targets.keys()];
  for (const link of links) {
    if (link.href === '#' || resolve(link.href) !== null) continue;
    const name = link.href.replace(/^#\/?/, '');
    if (!guesses.has(name)) guesses.set(name, guesses.size < MAX_GUESSES ? suggestClosest(name, names) : undefined);
    const guess = guesses.get(name);
    warn(link.at, `link to "${link.href}" names no slide, so it goes nowhere`, guess ? `did you mean #${guess}?` : rules.pages ? `link to a slide by its number (#3), or give the slide an id` : `give the slide that id, as in ## Title {#${name}}, or <!-- .slide: id="${name}" -->`);
  }
  const rewrite = (html: string) =>
    html.includes('href="#')
      ? html.replace(/href="(#[^"]*)"/g, (whole, href: string) => {
          const target = resolve(href.replace(/&amp;/g, '&'));
          return target ? `href="${target}"` : whole;
        })
      : html;
  for (const slide of slides) {
    if (slide.titleHtml !== null) slide.titleHtml = rewrite(slide.titleHtml);
    rewriteSlideHtml(slide, rewrite);
  }
}


