import type { Diagnostic } from './errors.js';
import { HTML_DECK, NOTEBOOK, type Briefing, type LoadedAsset, type SlideSize } from './model.js';
import { readByPandoc, writtenForAnotherTool } from './written-for.js';
import { nameSlide } from './slide-name.js';
import { showPictureSource } from './data-picture.js';

/** The slide sizes in CSS pixels; an image more than twice as large in either direction is wasted bytes. */
const SLIDE_PIXELS: Record<SlideSize, { width: number; height: number }> = { '16:9': { width: 1280, height: 720 }, '4:3': { width: 960, height: 720 } };

/** Size budgets `check` warns about: far below the hard limits, sized for a deck that travels by e-mail. */
export interface Budgets {
  imageBytes: number;
  deckBytes: number;
}

export const DEFAULT_BUDGETS: Budgets = { imageBytes: 500 * 1024, deckBytes: 3 * 1024 * 1024 };

/** Lints a parsed briefing for problems that still build but should not be presented: structure and content. */
export function checkBriefing(briefing: Briefing): Diagnostic[] {
  const found: Diagnostic[] = [];
  const add = (d: Diagnostic) => found.push(d);
  const meta = briefing.meta;

  for (const section of briefing.sections) {
    if (section.slideNumbers.length === 1) {
      add({ code: 'E_EMPTY_SECTION', severity: 'error', message: `section "${section.title}" has no slides`, ...section.source, hint: 'add a `## Heading` slide under it, or remove the section' });
    }
  }
  for (const [i, wanted] of (meta.sections ?? []).entries()) {
    if (!briefing.sections.some((s) => s.title === wanted)) {
      add({
        code: 'E_MISSING_SECTION',
        severity: 'error',
        message: `section "${wanted}" is declared in the metadata but missing`,
        // At the item that names it, as the metadata's other messages are at their key.
        file: briefing.metaSource.file,
        line: meta.keyLines[`sections[${i}]`] ?? meta.keyLines.sections ?? briefing.metaSource.line,
        hint: `add a line \`# ${wanted}\` to a Markdown file, or remove it from \`sections:\``,
      });
    }
  }
  // A deck whose tool makes no title slide of its title (its first slide is its cover) lacks none without one.
  if (!meta.title && !meta.ownCover) {
    add({ code: 'W_NO_TITLE', severity: 'warning', message: 'the briefing has no title, so the deck has no title slide', ...briefing.metaSource, hint: 'add a line `title: …` to the metadata' });
  }
  const bottomLine = briefing.slides.find((s) => s.kind === 'bottom-line');
  if (bottomLine && !bottomLine.notes) {
    add({
      code: 'W_NO_NOTES',
      severity: 'warning',
      message: `slide ${bottomLine.number} "Bottom line" has no speaker notes`,
      file: briefing.metaSource.file,
      line: meta.keyLines.bottomLine ?? briefing.metaSource.line,
      hint: 'add `bottomLineNotes: …` to the metadata with what you will say',
    });
  }
  for (const slide of briefing.slides) {
    if (slide.kind !== 'content') continue;
    const where = { file: slide.source.file, line: slide.source.line };
    const name = nameSlide(slide);
    // A slide of a reveal.js page is written as HTML, and a notebook's in cells, where a "Note:" line would be text.
    const page = HTML_DECK.test(slide.source.file);
    if (slide.bodyHtml.trim() === '' && slide.look?.backgroundImage === undefined) {
      // In another tool's deck a slide of a heading alone is a divider its author meant (remark's `class: middle`, a Marp
      // lead slide), so a deck that builds unchanged is not failed for it; in briefdeck's own, a content slide needs content.
      if (slide.title && writtenForAnotherTool(meta)) add({ code: 'W_TITLE_ONLY', severity: 'warning', message: `${name} shows only its title`, ...where, hint: 'leave it as a divider, or add what the audience should read under the heading' });
      else add({ code: 'E_EMPTY_SLIDE', severity: 'error', message: `${name} has no content`, ...where, hint: page ? 'add content under the heading in its <section>, or remove the section' : 'add text under the heading, or remove the slide' });
    }
    if (!slide.notes) add({ code: 'W_NO_NOTES', severity: 'warning', message: `${name} has no speaker notes`, ...where, hint: notesHint(slide.source.file, meta.peerTools) });
  }
  briefing.images.forEach((image, index) => {
    const where = { file: image.source.file, line: image.source.line };
    if (image.alt.trim() === '' && !image.decorative) {
      add({ code: 'W_IMAGE_ALT', severity: 'warning', message: `image ${showPictureSource(image.src)} has no alt text`, ...where, hint: 'describe it: ![what the image shows](file.png)' });
    }
  });
  return found;
}

/**
 * The budgets `build` itself warns about, so a deck that grows too heavy or
 * too dense is flagged on every build, not only by `check`: bullets over
 * `maxBullets`, an image over its byte budget or over twice the slide's
 * pixel size, and a deck over its byte budget.
 */
export function lintBudgets(briefing: Briefing, assets: ReadonlyMap<number, LoadedAsset>, deckBytes: number, budgets: Budgets = DEFAULT_BUDGETS): Diagnostic[] {
  const found: Diagnostic[] = [];
  const meta = briefing.meta;
  for (const slide of briefing.slides) {
    if (slide.kind !== 'content' || slide.bulletCount <= meta.maxBullets) continue;
    const name = nameSlide(slide);
    found.push({ code: 'W_BULLETS', severity: 'warning', message: `${name} has ${slide.bulletCount} bullets, over the budget of ${meta.maxBullets}`, file: slide.source.file, line: slide.source.line, hint: 'split the slide with ---, or raise maxBullets in the metadata' });
  }
  const slide = SLIDE_PIXELS[meta.size];
  briefing.images.forEach((image, index) => {
    const where = { file: image.source.file, line: image.source.line };
    const asset = assets.get(index);
    const bytes = asset?.bytes.length ?? 0;
    if (bytes > budgets.imageBytes) {
      found.push({ code: 'W_IMAGE_BUDGET', severity: 'warning', message: `image ${showPictureSource(image.src)} is ${kb(bytes)}, over the ${kb(budgets.imageBytes)} image budget`, ...where, hint: 'compress or resize it' });
    }
    const size = asset?.pixels;
    if (size && (size.width > slide.width * 2 || size.height > slide.height * 2)) {
      found.push({
        code: 'W_IMAGE_PIXELS',
        severity: 'warning',
        message: `image ${showPictureSource(image.src)} is ${size.width}×${size.height} pixels, over twice the ${slide.width}×${slide.height} slide`,
        ...where,
        hint: `resize it to at most ${slide.width * 2}×${slide.height * 2}; the extra pixels only add bytes`,
      });
    }
  });
  if (deckBytes > budgets.deckBytes) {
    found.push({ code: 'W_DECK_BUDGET', severity: 'warning', message: `the deck is ${kb(deckBytes)}, over the ${kb(budgets.deckBytes)} budget`, ...briefing.metaSource, hint: 'compress the largest images' });
  }
  return found;
}

function kb(bytes: number): string {
  return bytes < 10 * 1024 ? `${bytes} bytes` : `${Math.round(bytes / 1024)} KB`;
}

/** How to add a slide's notes in the deck's own syntax, so a deck written for another tool keeps working there. */
function notesHint(file: string, peerTools: readonly string[]): string {
  const tool = (name: string) => peerTools.includes(name);
  if (HTML_DECK.test(file)) return 'add an <aside class="notes"> in its section with what you will say';
  if (NOTEBOOK.test(file)) return 'add a cell of slide type "Notes" after its cells with what you will say';
  if (tool('remark')) return "add a line ??? at the slide's end, then what you will say";
  if (readByPandoc(peerTools, [file])) return 'add a ::: notes block (closed by :::) to the slide with what you will say';
  if (tool('Deckset')) return 'add a line starting "^ " with what you will say';
  if (tool('Marp')) return 'add an HTML comment <!-- … --> to the slide with what you will say';
  if (tool('Slidev')) return "add an HTML comment <!-- … --> at the slide's end with what you will say";
  if (tool('Advanced Slides')) return "add a line note: at the slide's end, then what you will say";
  if (tool('MDX')) return 'add <Notes> … </Notes> to the slide with what you will say';
  if (tool('reveal-hugo')) return 'add {{% note %}} … {{% /note %}} to the slide with what you will say';
  if (tool('iA Presenter')) return 'write what you will say at the margin, not indented: iA Presenter keeps it off the slide';
  if (tool('presenterm')) return 'add <!-- speaker_note: … --> to the slide with what you will say';
  if (tool('Markdown Preview Enhanced')) return 'add an <aside class="notes"> … </aside> to the slide with what you will say';
  return 'add a line starting "Note:" with what you will say';
}
