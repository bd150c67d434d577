// Markdown's ATX headings, as the deck is cut at them (cut-slides.ts) and as the deck-wide count that picks its
// slide level reads them.
import { createFenceReader } from './read-fences.js';

/** A `#` heading, and its text. */
export const H1 = /^#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
/** A `##` heading, and its text. */
export const H2 = /^##[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
/** A `##` heading with no text (`##`, or `## ##`): Pandoc's untitled slide, at slide level 2. */
export const EMPTY_H2 = /^##(?:[ \t]+#*)?[ \t]*$/;
/** A heading of any level: its `#`s, and its text. */
export const ANY_HEADING = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/**
 * Counts `#` and `##` headings outside code fences, to pick the slide level
 * the way Pandoc does: a deck whose slides are all `#` headings (the habit
 * in Marp, reveal-md and Slidev) has `#` as its slide title, not a section;
 * and Pandoc's own rule for its decks, whether a `#` heading is followed at
 * once by content.
 */
export function countHeadings(text: string): HeadingCounts {
  const counts = { h1: 0, h2: 0, h1BeforeContent: false, rules: 0 };
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
    else if (RULE.test(line)) counts.rules++;
  }
  return counts;
}

/** The counts of countHeadings, and of the rulers (`---`) that may cut the deck: for a deck of several files, their sums. */
export interface HeadingCounts {
  h1: number;
  h2: number;
  h1BeforeContent: boolean;
  rules: number;
}

/** A line of three or more dashes, stars or underscores alone: a ruler, which cuts a slide in most tools. */
const RULE = /^ {0,3}(?:-{3,}|\*{3,}|_{3,})[ \t]*$/;

/** countHeadings over every file of a deck, summed. */
export function countDeckHeadings(texts: readonly string[]): HeadingCounts {
  return texts.map(countHeadings).reduce((a, b) => ({ h1: a.h1 + b.h1, h2: a.h2 + b.h2, h1BeforeContent: a.h1BeforeContent || b.h1BeforeContent, rules: a.rules + b.rules }), { h1: 0, h2: 0, h1BeforeContent: false, rules: 0 });
}

/**
 * Whether a plain deck (no metadata) is a talk cut at a ruler before each `#` title, whose `#` headings have text under
 * them (`# Objectives` … `---` `# Criteria` …): its `#` headings title its slides, as in every tool that cuts at `---`,
 * and its few `##` ones are headings inside them. A document of `#` parts over `##` slides is not.
 */
export function titlesSlidesAtRules(counts: HeadingCounts): boolean {
  return counts.h1 > 1 && counts.h1BeforeContent && counts.rules >= counts.h1 - 1 && counts.h2 < counts.h1;
}
