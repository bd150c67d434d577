// Where a metadata key was set. Most keys are set by the deck's own metadata, but a project's files beside the deck
// (Quarto's `_quarto.yml`, reveal-md's reveal-md.json) set some before it does: a message about such a key's value
// must name the line in that file, not a line of the deck.
import type { BriefingMeta } from '../model.js';

/** The file and line that set `key`: a project file's, when one set it and the deck did not, else the deck's line with `fallback`'s file. */
export function findKeySource(meta: BriefingMeta, key: string, fallback: { file: string; line: number }): { file: string; line: number } {
  return { file: meta.keyFiles?.[key] ?? fallback.file, line: meta.keyLines[key] ?? fallback.line };
}

/**
 * Runs `apply`, which sets metadata from a file other than the deck's, and names that file as the source of whatever it
 * set that is reported later: the keys whose lines it recorded, the style sheets it named, the page size it gave, the
 * title slide's look, the references.
 */
export function applyFromFile<T>(meta: BriefingMeta, file: string, apply: () => T): T {
  const lines = { ...meta.keyLines };
  const sheets = meta.styleSheets?.length ?? 0;
  const page = meta.revealPage;
  const citations = meta.citations;
  const titleSlide = meta.titleSlideLook;
  const result = apply();
  if (meta.titleSlideLook && meta.titleSlideLook !== titleSlide) meta.titleSlideLook.file = file;
  // The references it names (a `bibliography:`) are reported, if they cannot be read, at its line in it.
  if (meta.citations && !citations) (meta.keyFiles ??= {}).citations = file;
  for (const [key, line] of Object.entries(meta.keyLines)) if (lines[key] !== line) (meta.keyFiles ??= {})[key] = file;
  for (const sheet of meta.styleSheets?.slice(sheets) ?? []) sheet.namedIn = file;
  if (meta.revealPage && meta.revealPage !== page) meta.revealPage.file = file;
  return result;
}

/** Runs `apply`, which sets metadata from the deck's own front matter: a key whose line it records is the deck's again, whichever file set it before. */
export function applyFromDeck<T>(meta: BriefingMeta, apply: () => T): T {
  if (!meta.keyFiles) return apply();
  const lines = { ...meta.keyLines };
  const result = apply();
  for (const [key, line] of Object.entries(meta.keyLines)) if (lines[key] !== line) delete meta.keyFiles[key];
  return result;
}
