// RISE, Jupyter's live reveal.js slideshow, keeps its options in the notebook's metadata (`"rise": {"theme": "sky",
// "transition": "zoom", "scroll": true}`) and hands them to reveal.js. They are read as a front matter's reveal.js options
// would be, under the notebook's own front matter (a Quarto notebook's first cell); what only RISE's live notebook uses
// (starting by itself, its chalkboard, its buttons) passes silently, and any other option is named at the line of "rise".
import type { DiagnosticBag } from '../../errors.js';
import type { BriefingMeta, SourceFile } from '../../model.js';
import { applyPeerKey } from './front-matter.js';
import { applyRevealOptionBlock } from './reveal-option-blocks.js';
import { PEER_SYNTAX_HINT } from '../render-markdown.js';

/** RISE's options for its live notebook, which say nothing of how a deck looks or is cut. */
const LIVE_ONLY = new Set(['autolaunch', 'enable_chalkboard', 'chalkboard', 'start_slideshow_at', 'auto_select', 'auto_select_fragment', 'auto_select_timeout', 'show_buttons_on_startup', 'shortcuts', 'reveal_shortcuts', 'controls', 'progress', 'center', 'overlay', 'backimage']);

/** reveal.js's options as RISE names them, by reveal's own names (slideNumber, not slide_number). */
const REVEAL_NAMES: Record<string, string> = { theme: 'theme', transition: 'transition', slideNumber: 'slideNumber', slide_number: 'slideNumber', width: 'width', height: 'height' };

/**
 * RISE's options (`metadata.rise` of a notebook, whose key stands at `line` of `file`), for parseMeta to set before the
 * notebook's own front matter; undefined when the notebook has none.
 */
export function readRiseOptions(rise: unknown, file: SourceFile, line: number, bag: DiagnosticBag): ((meta: BriefingMeta) => void) | undefined {
  if (typeof rise !== 'object' || rise === null || Array.isArray(rise)) return undefined;
  return (meta) => {
    for (const [key, value] of Object.entries(rise as Record<string, unknown>)) {
      if (LIVE_ONLY.has(key)) continue;
      if (!applyRiseOption(key, value, meta, line)) bag.warn('W_META_IGNORED', `RISE's option "${key}" in the notebook's metadata does nothing in briefdeck, and was left out`, { file: file.path, line, hint: PEER_SYNTAX_HINT });
    }
  };
}

/** Sets one of RISE's options as reveal.js's of that name in a front matter would be; false when briefdeck reads none of it. */
function applyRiseOption(key: string, value: unknown, meta: BriefingMeta, line: number): boolean {
  if (Object.hasOwn(REVEAL_NAMES, key)) return applyRevealOptionBlock('slideOptions', { [REVEAL_NAMES[key]!]: value }, meta, line) === true;
  // A slide taller than the screen scrolls, as Quarto's `scrollable` makes it; the header and footer (HTML, which RISE
  // writes into the page) are the deck's, as a front matter's, shown as plain text.
  const asKey = key === 'scroll' ? 'scrollable' : key === 'header' || key === 'footer' ? key : undefined;
  return asKey !== undefined && applyPeerKey(asKey, value, meta, line) === true;
}
