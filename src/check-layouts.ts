// Which layouts a deck may ask for is known once its templates are found: the
// built-in ones and the briefing's own. Checked before rendering, with the
// load stage's other problems, so one run reports them all.
import type { DiagnosticBag } from './errors.js';
import { hintWithSuggestion } from './did-you-mean.js';
import type { Briefing } from './model.js';

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
