// Which tool a deck was written for, as its metadata's peer tools say, and what follows: whether it builds unchanged
// with warnings where a briefdeck deck has errors, and whether Pandoc reads it.
import type { BriefingMeta } from './model.js';

/**
 * Whether a deck was written for another tool (its keys, a `.qmd` name or its own lines say which), or is plain Markdown
 * with no metadata at all, which every tool reads: such a deck builds unchanged, so what only the tool could give it (a
 * remote or missing picture, a key of its own) is a warning, where in a briefdeck deck (one with metadata) it is an error.
 */
export function writtenForAnotherTool(meta: Pick<BriefingMeta, 'peerTools' | 'plain'>): boolean {
  return meta.peerTools.length > 0 || meta.plain === true;
}

/** Whether the deck was written for Pandoc, Quarto or R Markdown (xaringan's too), whose metadata and raw TeX Pandoc reads. */
export const writtenForPandoc = (peerTools: readonly string[]): boolean => peerTools.some((tool) => tool === 'Pandoc' || tool === 'Quarto' || tool === 'R Markdown');

/** A Quarto or R Markdown file, which Pandoc reads through that tool. */
const QUARTO_OR_RMARKDOWN_FILE = /\.(?:qmd|rmd)$/i;

/** Whether Pandoc reads the deck: one written for Pandoc, Quarto or R Markdown (or a `.qmd`/`.Rmd` file), but xaringan's, which remark reads in the browser. */
export function readByPandoc(peerTools: readonly string[], files: readonly string[]): boolean {
  return !peerTools.includes('remark') && (writtenForPandoc(peerTools) || files.some((file) => QUARTO_OR_RMARKDOWN_FILE.test(file)));
}

/**
 * The folder in the briefing a picture path that starts with `/` is read from, as the deck's tool reads it: Quarto's
 * project root (the briefing folder, ''), Slidev's `public/` folder; undefined in other decks, where such a path is absolute.
 */
export function readRootedPathsIn(peerTools: readonly string[], file: string): string | undefined {
  if (peerTools.includes('Quarto') || /\.qmd$/i.test(file)) return '';
  return peerTools.includes('Slidev') ? 'public' : undefined;
}

/**
 * Whether a picture in a file another one brings in (Slidev's `src:`, presenterm's include) is found from that file's
 * folder, as those tools find it; Quarto's include is text put in place, so its pictures are found from the deck's file.
 */
export function readsPicturesFromOwnFile(peerTools: readonly string[]): boolean {
  return peerTools.includes('Slidev') || peerTools.includes('presenterm');
}

/** Whether Pandoc reads the deck on its own, with its own defaults (its slide level), not through Quarto or R Markdown, whose formats set theirs. */
export function readByPandocItself(peerTools: readonly string[], files: readonly string[]): boolean {
  return peerTools.includes('Pandoc') && !peerTools.includes('Quarto') && !peerTools.includes('R Markdown') && !files.some((file) => QUARTO_OR_RMARKDOWN_FILE.test(file));
}
