// R Markdown's `output:`: the format (or a map of formats and their options) a deck is knitted to. Its slide formats
// are what briefdeck makes anyway; the options they share with briefdeck are read, and xaringan's decks are remark's.
import type { BriefingMeta } from '../../model.js';
import { applyEachOption, applyOptions, applyRevealOptionBlock, applyRevealTheme, applyTransition } from './reveal-option-blocks.js';
import { applyStyleSheets } from './style-sheet-names.js';

/** Reads R Markdown's `output:`: true when all of it is read, false when none is, else the names of the options left unread. */
export function applyRMarkdownOutput(value: unknown, meta: BriefingMeta, line: number): boolean | string[] {
  // xaringan's decks are remark's (dialects/remark.ts).
  const formats = typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.keys(value) : [];
  if (formats.some((f) => f.startsWith('xaringan::')) && !meta.peerTools.includes('remark')) meta.peerTools.push('remark');
  if (formats.includes('ioslides_presentation') && !meta.peerTools.includes('ioslides')) meta.peerTools.push('ioslides');
  // remark draws a deck 4:3 unless xaringan's `nature: ratio:` says otherwise, and ioslides unless `widescreen: true` does.
  if ((formats.includes('xaringan::moon_reader') || formats.includes('ioslides_presentation')) && meta.keyLines.size === undefined) meta.size = '4:3';
  if (typeof value === 'string') return /_presentation$|^xaringan::/.test(value);
  if (typeof value !== 'object' || value === null) return false;
  const applied = Object.entries(value as Record<string, unknown>).map(([format, options]) => {
    if (options === null || options === 'default') return true;
    // The revealjs package's format: its theme is one of reveal.js's, its `reveal_options` reveal.js's options, and
    // a file standing alone (`self_contained`) is what briefdeck makes either way.
    const reveal: Record<string, (v: unknown) => boolean | string[]> = /^(?:revealjs::)?revealjs_presentation$/.test(format)
      ? { theme: (v: unknown) => applyRevealTheme(v, meta), reveal_options: (v: unknown) => applyRevealOptionBlock('slideOptions', v, meta, line), self_contained: (v: unknown) => typeof v === 'boolean' }
      : {};
    // ioslides' `widescreen` (its slides 16:9, else 4:3) and `logo` (a picture on its title slide and each slide's foot: the deck's logo).
    const ioslides: Record<string, (v: unknown) => boolean> = format === 'ioslides_presentation'
      ? {
          widescreen: (v) => typeof v === 'boolean' && (meta.keyLines.size === undefined ? ((meta.size = v ? '16:9' : '4:3'), true) : true),
          logo: (v) => typeof v === 'string' && v.trim() !== '' && (meta.logo === undefined ? ((meta.logo = v.trim()), (meta.keyLines.logo ??= line), true) : true),
        }
      : {};
    const read = applyOptions(options, {
      ...reveal,
      ...ioslides,
      incremental: (v) => typeof v === 'boolean' && ((meta.incremental = v), true),
      smaller: (v) => typeof v === 'boolean' && ((meta.smaller = v), true),
      slide_level: (v) => (v === 1 || v === 2) && ((meta.slideLevel ??= v), true),
      transition: (v) => applyTransition(v, meta),
      nature: (v) => applyRemarkNature(v, meta),
      // Its own style sheets, by their file names; a name without `.css` is xaringan's built-in theme (`default`, `metropolis`), never here.
      css: (v) => applyStyleSheets(v, meta, line, /\.css$/i),
    });
    // The format itself is read: options none of which are are named, rather than the whole key.
    return read === false && typeof options === 'object' ? Object.keys(options as object) : read;
  });
  return applied.every((a) => a === true) ? true : applied.every((a) => a === false) ? false : applied.flatMap((a) => (Array.isArray(a) ? a : []));
}

/**
 * xaringan's `nature:`, the options it hands remark: `ratio` is the deck's size, and what briefdeck does anyway is read
 * (`highlightLines: true`, which lights code lines marked with `*`; `countIncrementalSlides: false`, as `--` steps are a slide's own).
 */
function applyRemarkNature(value: unknown, meta: BriefingMeta): boolean | string[] {
  const unread = applyEachOption(value, {
    ratio: (v) => (v === '16:9' || v === '4:3') && (meta.keyLines.size === undefined ? ((meta.size = v), true) : true),
    highlightLines: (v) => v === true && ((meta.highlightLines = true), true),
    countIncrementalSlides: (v) => v === false,
  });
  return unread === null ? false : unread.length === 0 ? true : unread;
}
