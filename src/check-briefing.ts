import type { Diagnostic } from './errors.js';
import type { Briefing, LoadedAsset } from './model.js';

/** Size budgets `check` warns about: far below the hard limits, sized for a deck that travels by e-mail. */
export interface Budgets {
  imageBytes: number;
  deckBytes: number;
}

export const DEFAULT_BUDGETS: Budgets = { imageBytes: 500 * 1024, deckBytes: 3 * 1024 * 1024 };

/** Lints a parsed briefing for problems that still build but should not be presented: structure, content and budgets. */
export function checkBriefing(briefing: Briefing, assets: ReadonlyMap<number, LoadedAsset>, deckBytes: number, budgets: Budgets = DEFAULT_BUDGETS): Diagnostic[] {
  const found: Diagnostic[] = [];
  const add = (d: Diagnostic) => found.push(d);
  const meta = briefing.meta;

  for (const section of briefing.sections) {
    if (section.slideNumbers.length === 1) {
      add({ code: 'E_EMPTY_SECTION', severity: 'error', message: `section "${section.title}" has no slides`, ...section.source, hint: 'add a `## Heading` slide under it, or remove the section' });
    }
  }
  for (const wanted of meta.sections ?? []) {
    if (!briefing.sections.some((s) => s.title === wanted)) {
      add({
        code: 'E_MISSING_SECTION',
        severity: 'error',
        message: `section "${wanted}" is declared in the metadata but missing`,
        ...briefing.metaSource,
        hint: `add a line \`# ${wanted}\` to a Markdown file, or remove it from \`sections:\``,
      });
    }
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
    const name = `slide ${slide.number}${slide.title ? ` "${slide.title}"` : ''}`;
    if (slide.bodyHtml.trim() === '') {
      add({ code: 'E_EMPTY_SLIDE', severity: 'error', message: `${name} has no content`, ...where, hint: 'add text under the heading, or remove the slide' });
    }
    if (slide.bulletCount > meta.maxBullets) {
      add({ code: 'W_BULLETS', severity: 'warning', message: `${name} has ${slide.bulletCount} bullets, over the budget of ${meta.maxBullets}`, ...where, hint: 'split the slide with ---, or raise maxBullets in the metadata' });
    }
    if (!slide.notes) {
      add({ code: 'W_NO_NOTES', severity: 'warning', message: `${name} has no speaker notes`, ...where, hint: 'add a line starting "Note:" with what you will say' });
    }
  }
  briefing.images.forEach((image, index) => {
    const where = { file: image.source.file, line: image.source.line };
    if (image.alt.trim() === '') {
      add({ code: 'W_IMAGE_ALT', severity: 'warning', message: `image ${image.src} has no alt text`, ...where, hint: 'describe it: ![what the image shows](file.png)' });
    }
    const bytes = assets.get(index)?.bytes.length ?? 0;
    if (bytes > budgets.imageBytes) {
      add({ code: 'W_IMAGE_BUDGET', severity: 'warning', message: `image ${image.src} is ${kb(bytes)}, over the ${kb(budgets.imageBytes)} image budget`, ...where, hint: 'compress or resize it' });
    }
  });
  if (deckBytes > budgets.deckBytes) {
    add({ code: 'W_DECK_BUDGET', severity: 'warning', message: `the deck is ${kb(deckBytes)}, over the ${kb(budgets.deckBytes)} budget`, ...briefing.metaSource, hint: 'compress the largest images' });
  }
  return found;
}

function kb(bytes: number): string {
  return bytes < 10 * 1024 ? `${bytes} bytes` : `${Math.round(bytes / 1024)} KB`;
}
