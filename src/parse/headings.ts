// Markdown's ATX headings, as the deck is cut at them (cut-slides.ts) and as the deck-wide count that picks its
// slide level reads them.
import { createFenceReader } from './read-fences.js';

/** A `#` heading, and its text. */
export const H1 = /^#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
/** A `##` heading, and its text. */
export const H2 = /^##[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
/** A heading of any level: its `#`s, and its text. */
export const ANY_HEADING = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/**
 * Counts `#` and `##` headings outside code fences, to pick the slide level
 * the way Pandoc does: a deck whose slides are all `#` headings (the habit
 * in Marp, reveal-md and Slidev) has `#` as its slide title, not a section;
 * and Pandoc's own rule for its decks, whether a `#` heading is followed at
 * once by content.
 */
export function countHeadings(text: string): { h1: number; h2: number; h1BeforeContent: boolean } {
  const counts = { h1: 0, h2: 0, h1BeforeContent: false };
  const fences = createFenceReader();
  // Whether the last heading read was a `#` one with nothing but blank lines after it yet.
  let afterH1 = false;
  for (const line of text.split('\n')) {
    if (afterH1 && line.trim() !== '') {
      // Pandoc's test for its slide level: a `#` heading followed at once by content, not by another heading.
      if (!ANY_HEADING.test(line)) counts.h1BeforeContent = true;
      afterH1 = false;
    }
    if (fences.read(line)) continue;
    if (H1.test(line)) {
      counts.h1++;
      afterH1 = true;
    } else if (H2.test(line)) counts.h2++;
  }
  return counts;
}
