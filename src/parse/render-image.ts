// How a Markdown picture is rendered (marked's image renderer, for render-markdown.ts): confined to the
// briefing folder and named by its asset; in a Marp or Deckset deck its alt text's keywords place it (a slide's
// background, several side by side, a split); Pandoc's attributes size it, step it in, label it as a figure or give
// it its text alternative; a picture alone in its paragraph in a deck Pandoc reads is captioned by its alt text.
import type { Tokens } from 'marked';
import type { DiagnosticBag } from '../errors.js';
import { escapeHtml } from '../html-text.js';
import { toPlainText } from './plain-text.js';
import { ASSET_SCHEME, imageFilterClass, type BriefingMeta, type ImageRef, type SourceFile } from '../model.js';
import { writtenForAnotherTool } from '../written-for.js';
import { resolveImagePath } from './resolve-references.js';
import { MAX_BACKGROUNDS, MAX_IMAGE_FILTERS, readMarpImage, type MarpBackground } from './dialects/marp.js';
import { readPresentermImage } from './dialects/presenterm.js';
import { captionPrefix, type CrossRefs } from './dialects/pandoc/cross-refs.js';
import { writeFragmentPlace, type PandocFragment } from './dialects/pandoc/inline-extensions.js';

/** What the image renderer reads of the rendering around it. */
export interface ImageRendererDeps {
  meta: BriefingMeta;
  images: ImageRef[];
  bag: DiagnosticBag;
  crossRefs: CrossRefs;
  /** Where a token stands, for a message. */
  where: (raw: string) => { file: string; line: number };
  /** The file being rendered, which a relative path is resolved from. */
  file: () => SourceFile;
  /** The folder of the briefing a picture path from `/` is read from, as the file's tool reads it (written-for.ts); undefined where it is absolute. */
  rootedIn: () => string | undefined;
  /** Makes a picture the slide's background (Marp's `![bg](…)`). */
  setBackground: (background: MarpBackground) => void;
  /** The hint of a warning about another tool's syntax. */
  peerHint: string;
  /** The deck's different image filters (Marp's `sepia`, `brightness:.5`), as CSS filter values; a picture's class names its index. */
  imageFilters: string[];
  /** An image's description (its brackets) rendered as the inline Markdown it is (`Photo by [A](https://…)`). */
  describe?: (text: string) => string;
}

/** A description with Markdown in it (a link, emphasis, code, an escape), which is rendered rather than shown as written. */
const MARKED_UP = /[[*_`\\]/;

/** A marked image renderer over `deps`, and the reset of its count of a slide's backgrounds, for each slide. */
export function createImageRenderer(deps: ImageRendererDeps): { render: (token: Tokens.Image) => string; beginSlide: () => void } {
  const remoteImages = writtenForAnotherTool(deps.meta) ? 'leave out' : 'error';
  /** Marp's full-slide background pictures met on the slide being rendered. */
  let backgroundsOnSlide = 0;
  /** The index of a picture's filter among the deck's, or undefined (with a warning) past the most a deck takes. */
  const filterIndex = (filter: string | undefined, where: { file: string; line: number }): number | undefined => {
    if (filter === undefined) return undefined;
    if (!deps.imageFilters.includes(filter)) {
      if (deps.imageFilters.length >= MAX_IMAGE_FILTERS) {
        deps.bag.warn('W_PEER_SYNTAX', `a deck's pictures take at most ${MAX_IMAGE_FILTERS} different filters; this picture is shown without its ${filter}`, { ...where, hint: 'give more pictures the same filters' });
        return undefined;
      }
      deps.imageFilters.push(filter);
    }
    return deps.imageFilters.indexOf(filter);
  };
  const render = (token: Tokens.Image): string => {
    const where = deps.where(token.raw);
    // In a Marp deck, sizing and placement keywords in the alt text are instructions, never alt text; Deckset's are written as Marp's (deckset.ts).
    // Whose words they are, as a warning names them: Deckset's are read as Marp's.
    const keywordsOf = deps.meta.peerTools.includes('Deckset') ? "Deckset's" : 'Marp';
    const marp = deps.meta.peerTools.includes('Marp') || deps.meta.peerTools.includes('Deckset') ? readMarpImage(token.text) : deps.meta.peerTools.includes('presenterm') ? { ...readPresentermImage(token.text), ignored: [] as string[] } : { alt: token.text, ignored: [] as string[] };
    // Marp's filters: a class of the deck's for each different one, which the render stage gives its CSS.
    const filter = filterIndex('filter' in marp ? marp.filter : undefined, where);
    const filterClass = filter === undefined ? '' : ` ${imageFilterClass(filter)}`;
    if ('background' in marp && marp.background) {
      // Marp sets several backgrounds side by side (marp.ts arranges them once the slide is read), up to a limit.
      if (!marp.background.side && backgroundsOnSlide >= MAX_BACKGROUNDS) {
        deps.bag.warn('W_PEER_SYNTAX', `a slide shows at most ${MAX_BACKGROUNDS} background pictures; Marp's further ones were left out`, { ...where, hint: deps.peerHint });
        return '';
      }
      const relPath = resolveImagePath(token.href, deps.file(), where, deps.bag, 'image', remoteImages, deps.rootedIn());
      if (relPath === null) return '';
      deps.images.push({ src: token.href, relPath, alt: marp.alt, source: where, decorative: true });
      const { side, percent, vertical, size } = marp.background;
      if (marp.ignored.length > 0) deps.bag.warn('W_PEER_SYNTAX', `${keywordsOf} image keywords ${marp.ignored.join(' ')} are not supported yet; the background is shown without them`, { ...where, hint: deps.peerHint });
      if (!side) {
        backgroundsOnSlide++;
        // The first is the slide's background; each after it a marker in the slide, for the arrangement.
        if (backgroundsOnSlide === 1) {
          deps.setBackground({ image: deps.images.length - 1, vertical: vertical === true, ...(size ? { size } : {}), ...(filter !== undefined ? { filter } : {}) });
          return '';
        }
        return `<img src="${ASSET_SCHEME}${deps.images.length - 1}" alt="${escapeHtml(marp.alt)}" class="bg-multi${vertical ? ' bg-multi-vertical' : ''}${filterClass}">`;
      }
      // A split: the picture beside the content, in steps of 10% (CSS classes, which a slide's raw HTML keeps through the sanitizer).
      const width = Math.min(70, Math.max(20, Math.round(percent / 10) * 10));
      return `<img src="${ASSET_SCHEME}${deps.images.length - 1}" alt="${escapeHtml(marp.alt)}" class="bg-split bg-split-${side} bg-split-${width}${filterClass}">`;
    }
    if (marp.ignored.length > 0) {
      deps.bag.warn('W_PEER_SYNTAX', `${keywordsOf} image keywords ${marp.ignored.join(' ')} are not supported yet; the image is shown in place`, { ...where, hint: 'see "Coming from another tool" in the README' });
    }
    // A size, a step, a figure label and a text alternative from Pandoc's attributes (`{width=50%}`), read by pandocInlineExtensions.
    const pandoc = token as Tokens.Image & { pandocSize?: { width?: string; height?: string }; pandocFragment?: PandocFragment; pandocLooks?: string[]; pandocStretch?: string; pandocPlace?: string; pandocFigure?: string; pandocAlt?: string; implicitFigure?: boolean };
    // The description as a caption shows it, and as plain text for the alt text, as CommonMark takes an image's alt.
    const caption = deps.describe && MARKED_UP.test(marp.alt) ? deps.describe(marp.alt) : escapeHtml(marp.alt);
    const description = caption === escapeHtml(marp.alt) ? marp.alt : toPlainText(caption);
    const alt = escapeHtml(pandoc.pandocAlt ?? description);
    const relPath = resolveImagePath(token.href, deps.file(), where, deps.bag, 'image', remoteImages, deps.rootedIn());
    if (relPath === null) return `<span class="missing-image">${alt}</span>`;
    deps.images.push({ src: token.href, relPath, alt: pandoc.pandocAlt ?? description, source: where });
    const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
    const width = ('width' in marp && marp.width) || pandoc.pandocSize?.width;
    const height = ('height' in marp && marp.height) || pandoc.pandocSize?.height;
    const size = `${width ? ` width="${width}"` : ''}${height ? ` height="${height}"` : ''}`;
    const classes = `${pandoc.pandocFragment ? ` ${['fragment', ...pandoc.pandocFragment.effects].join(' ')}` : ''}${pandoc.pandocStretch ? ` ${pandoc.pandocStretch}` : ''}${pandoc.pandocLooks ? ` ${pandoc.pandocLooks.join(' ')}` : ''}${filterClass}`.trim();
    const step = pandoc.pandocFragment ? writeFragmentPlace(pandoc.pandocFragment) : '';
    // Quarto's `.absolute`: a place on the slide, from values read as lengths only (inline-extensions.ts).
    // And Marp's size in a length of the text or the slide (`w:10em`), which no width attribute can say.
    const sizeStyle = 'sizeStyle' in marp ? marp.sizeStyle : undefined;
    const styles = [pandoc.pandocPlace ? `position:absolute;${pandoc.pandocPlace}` : '', sizeStyle ?? ''].filter(Boolean).join(';');
    const place = styles ? ` style="${styles}"` : '';
    const img = `<img src="${ASSET_SCHEME}${deps.images.length - 1}" alt="${alt}"${title}${size}${classes ? ` class="${classes}"` : ''}${step}${place}>`;
    // A labelled figure (`{#fig-map}`) is captioned under it, numbered as Quarto numbers it (cross-refs.ts).
    if (pandoc.pandocFigure !== undefined) return `${img}<span class="figure-caption">${captionPrefix(pandoc.pandocFigure, deps.crossRefs)}${caption}</span>`;
    // Pandoc's implicit figure: a picture alone in its paragraph is captioned by its alt text, hidden from a screen reader that reads it as the alt.
    return pandoc.implicitFigure && marp.alt.trim() !== '' ? `${img}<span class="figure-caption" aria-hidden="true">${caption}</span>` : img;
  };
  return { render, beginSlide: () => void (backgroundsOnSlide = 0) };
}

/** Marks the picture of a paragraph that holds nothing else (but its attributes) as Pandoc's implicit figure, captioned by the image renderer. */
export function markImplicitFigure(paragraph: Tokens.Paragraph): void {
  const parts = paragraph.tokens.filter((t) => !(t.type === 'text' && t.raw.trim() === ''));
  if (parts[0]?.type === 'image' && (parts.length === 1 || (parts.length === 2 && parts[1]!.type === 'pandocAttributes'))) (parts[0] as Tokens.Image & { implicitFigure?: boolean }).implicitFigure = true;
}
