// Which layouts a deck may ask for is known once its templates are found: the
// built-in ones and the briefing's own. Checked before rendering, with the
// load stage's other problems, so one run reports them all.
import type { DiagnosticBag } from './errors.js';
import { hintWithSuggestion } from './did-you-mean.js';
import type { Briefing } from './model.js';
import type { TemplateSource } from './load-templates.js';

/** Reports each slide whose layout no template renders (`layouts`, the built-in ones and the briefing's own), with the nearest name. */
export function checkLayouts(briefing: Briefing, layouts: readonly string[], bag: DiagnosticBag): void {
  const valid = [...layouts].sort();
  for (const slide of briefing.slides) {
    if (!layouts.includes(slide.layout)) {
      bag.error('E_LAYOUT_UNKNOWN', `unknown layout "${slide.layout}"`, {
        file: slide.source.file,
        line: slide.layoutLine ?? slide.source.line,
        hint: hintWithSuggestion(slide.layout, valid, 'layouts'),
      });
    }
  }
}

/**
 * Warns of each slide split with `<!-- column -->` whose layout shows one column: its columns run on as one, which the
 * author did not ask for. A template that names `columns` anywhere is taken to show them (a briefing's own may).
 */
export function warnUnshownColumns(briefing: Briefing, layouts: Readonly<Record<string, TemplateSource>>, bag: DiagnosticBag): void {
  for (const slide of briefing.slides) {
    const template = layouts[slide.layout];
    if (slide.columns === null || template === undefined || template.text.includes('columns')) continue;
    bag.warn('W_DIRECTIVE', `the slide is split into ${slide.columns.length} columns, but its layout "${slide.layout}" shows one: they run on as one column`, {
      file: slide.source.file,
      line: slide.layoutLine ?? slide.source.line,
      hint: 'add <!-- layout: two-column --> to the slide to set them side by side, or take out its <!-- column --> lines',
    });
  }
}
