import { escapeHtml } from '../html-text.js';
import { rewriteSlideHtml, type DeckCitations, type Slide } from '../model.js';
import type { Bibliography } from './bibliography.js';
import { REFERENCES_MARK } from './dialects/pandoc/citations.js';

// Where a deck's list of works cited goes, once every slide has been read and
// so every citation is known: Pandoc's `::: {#refs}` div, else a slide of its own.

/** The keys `nocite:` lists that the deck has references for; `*` is all of them. */
function nociteIds(nocite: string[] | undefined, ids: readonly string[]): string[] {
  if (!nocite) return [];
  return nocite.includes('*') ? [...ids] : nocite.filter((id) => ids.includes(id));
}

/**
 * Lists the works `cited` on slides (in the order first cited) and those `nocite:` names, where Pandoc puts
 * the list: in the `::: {#refs}` div (each slide that has one), else on a slide of its own at the end, titled
 * by `reference-section-title` (else "References"); nowhere with `suppress-bibliography: true`, or when
 * nothing was cited.
 */
export function placeWorksCited(slides: Slide[], bibliography: Bibliography, cited: readonly string[], citations: DeckCitations, push: (slide: Omit<Slide, 'number'>) => Slide, location: Slide['source']): void {
  const list = bibliography.list([...cited, ...nociteIds(citations.nocite, bibliography.ids)].filter((id, i, all) => all.indexOf(id) === i));
  const html = list === '' || citations.suppressBibliography ? '' : `<div class="references">${list}</div>`;
  let placed = false;
  for (const slide of slides) {
    rewriteSlideHtml(slide, (part) => {
      if (!part.includes(REFERENCES_MARK)) return part;
      placed = true;
      return part.replaceAll(REFERENCES_MARK, html);
    });
  }
  if (placed || html === '') return;
  const title = citations.sectionTitle ?? 'References';
  push({ kind: 'content', layout: 'content', title, titleHtml: escapeHtml(title), bodyHtml: html, columns: null, notes: null, section: null, source: location, incremental: false, images: [], bulletCount: 0 });
}
