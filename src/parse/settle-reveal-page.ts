// reveal.js's page size, given by another tool's keys (Pandoc's and Quarto's `width`/`height`, reveal-md's reveal.json,
// Beamer's `aspectratio`), settles the deck's shape once every source of metadata has been read.
import type { DiagnosticBag } from '../errors.js';
import type { BriefingMeta } from '../model.js';

/**
 * reveal.js's page size (Pandoc's, Quarto's `width: 1024`, `height: 768`, a shape such as Beamer's `aspectratio`): a shape
 * nearer 4:3 than 16:9 is 4:3, as for a reveal.js page's options, unless the deck says its size; one side alone says no shape.
 */
export function settleRevealPage(meta: BriefingMeta, sizeSaid: boolean, file: string, bag: DiagnosticBag): BriefingMeta {
  if (!meta.revealPage) return meta;
  const { width, height, line, file: namedIn } = meta.revealPage;
  delete meta.revealPage;
  if (width !== undefined && height !== undefined) {
    if (!sizeSaid) meta.size = width / height < (4 / 3 + 16 / 9) / 2 ? '4:3' : '16:9';
  } else {
    bag.warn('W_META_IGNORED', `"${width === undefined ? 'height' : 'width'}" without "${width === undefined ? 'width' : 'height'}" says no shape of the page, so it is ignored; the deck is ${meta.size}`, { file: namedIn ?? file, line, hint: 'give both, as reveal.js takes them (width: 1024, height: 768 is 4:3), or size: 4:3' });
  }
  return meta;
}
