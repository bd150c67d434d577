// The slides briefdeck makes from the metadata, before the deck's own: the title slide (with Quarto's
// `title-slide-attributes` background), the Bottom line and the Agenda; and the deck's logo, a picture of the
// briefing folder shown on every slide.
import type { DiagnosticBag } from '../errors.js';
import { escapeHtml } from '../html-text.js';
import type { BriefingMeta, ImageRef, Slide, SourceLocation, SpeakerNotes } from '../model.js';
import { readRootedPathsIn, writtenForAnotherTool } from '../written-for.js';
import type { MetaSource } from './parse-meta.js';
import { opensWithOwnCover } from './peer-tools.js';
import { resolveImagePath } from './resolve-references.js';
import { findKeySource } from './key-source.js';

/** What making the metadata's slides needs: the metadata and where it is, the deck's pictures, and how a slide is added. */
export interface MetaSlidesContext {
  meta: BriefingMeta;
  metaSource: MetaSource | undefined;
  location: SourceLocation;
  images: ImageRef[];
  bag: DiagnosticBag;
  push: (slide: Omit<Slide, 'number'>) => Slide;
  /** The Bottom line slide's notes (`bottomLineNotes:`), rendered. */
  bottomLineNotes: () => SpeakerNotes | null;
  /** Whether the deck has sections, which an Agenda lists. */
  hasSections: boolean;
  /** A deck Pandoc reads, which lists its sections only when asked (`toc: true`). */
  pandocFamily: boolean;
}

/** The deck's logo (`logo:`), confined and inlined like any picture (a remote one, like any): its index into the images, if any. */
export function readLogo(c: Pick<MetaSlidesContext, 'meta' | 'metaSource' | 'images' | 'bag'>): number | undefined {
  const { meta, metaSource } = c;
  if (meta.logo === undefined || !metaSource) return undefined;
  const source = findKeySource(meta, 'logo', { file: metaSource.file.path, line: metaSource.firstLine });
  const relPath = resolveImagePath(meta.logo, metaSource.file, source, c.bag, 'logo', writtenForAnotherTool(meta) ? 'leave out' : 'error', readRootedPathsIn(meta.peerTools, metaSource.file.path));
  if (relPath === null) return undefined;
  c.images.push({ src: meta.logo, relPath, alt: '', source, decorative: true });
  return c.images.length - 1;
}

/** Adds the slides the metadata makes: the title slide (unless the deck opens with a cover of its own), the Bottom line and the Agenda. */
export function generateMetaSlides(c: MetaSlidesContext): void {
  const { meta, metaSource } = c;
  // Their templates render them from the metadata.
  const generate = (kind: 'title' | 'bottom-line' | 'agenda', title: string, notes: SpeakerNotes | null = null) =>
    c.push({ kind, layout: kind, title, titleHtml: escapeHtml(title), bodyHtml: '', columns: null, notes, section: null, source: c.location, incremental: false, images: [], bulletCount: 0 });
  if (opensWithOwnCover(meta.peerTools)) meta.ownCover = true;
  if (meta.title && !meta.ownCover) {
    const title = generate('title', meta.title);
    // Quarto's `title-slide-attributes`: the title slide's own background, its picture confined and inlined like any.
    const own = meta.titleSlideLook;
    if (own && metaSource) {
      const where = { file: own.file ?? metaSource.file.path, line: own.line };
      const relPath = own.backgroundImage === undefined ? null : resolveImagePath(own.backgroundImage, metaSource.file, where, c.bag, 'background image', 'leave out', readRootedPathsIn(meta.peerTools, metaSource.file.path));
      title.look = own.backgroundColor === undefined ? {} : { backgroundColor: own.backgroundColor };
      if (relPath !== null) {
        c.images.push({ src: own.backgroundImage!, relPath, alt: '', source: where, decorative: true });
        title.look.backgroundImage = c.images.length - 1;
        title.images = [c.images.length - 1];
      }
    }
  }
  if (meta.bottomLine) generate('bottom-line', 'Bottom line', c.bottomLineNotes());
  // Pandoc and Quarto list a deck's sections only when asked (`toc: true`), so their decks have an agenda only then; `agenda:` set wins.
  const agenda = meta.keyLines.agenda === undefined && c.pandocFamily ? meta.toc?.show === true : meta.agenda;
  if (agenda && c.hasSections) generate('agenda', meta.toc?.title ?? tableOfContentsTitle(meta, c.pandocFamily));
}

/**
 * The title of the slide that lists the sections when the deck gives none (`toc-title:`): Quarto's, "Table of contents"
 * (its English; its translations for another `lang` are not applied); none in a deck for Pandoc, whose template titles
 * that slide only with `toc-title`; briefdeck's own "Agenda" otherwise, and wherever `agenda:` asked for it.
 */
function tableOfContentsTitle(meta: BriefingMeta, pandocFamily: boolean): string {
  if (!pandocFamily || meta.keyLines.agenda !== undefined) return 'Agenda';
  return meta.peerTools.includes('Quarto') ? 'Table of contents' : '';
}
