// The directive lines briefdeck's own Markdown reads (`<!-- pause -->`, `<!-- column -->`, `<!-- layout: … -->`,
// `<!-- footer -->`), into which other tools' syntax is rewritten as a deck is cut, and what a dialect module
// that reads a tool's lines one by one hands back for each.

/**
 * A build step: `<!-- pause -->` (what Pandoc's `. . .` and Slidev's `<v-click>` become) starts one, `<!-- pause: end -->` ends it.
 * `<!-- pause: fade-up index=2 -->` (Quarto's `::: {.fragment .fade-up fragment-index=2}`) starts one with reveal's
 * effects and its place in the order: group 2, read by readStepSpec.
 */
export const PAUSE = /^[ \t]*<!--[ \t]*pause(?:(:[ \t]*end)|:([a-z0-9= \t-]{0,200}))?[ \t]*-->[ \t]*$/;

/** A step's effects (reveal's fragment classes, checked where the step is drawn) and index, from a pause's words. */
export function readStepSpec(spec: string | undefined): { effects?: string; index?: string; withPrevious?: true } {
  const words = (spec ?? '').split(/[ \t]+/).filter(Boolean);
  const index = words.map((w) => /^index=(\d{1,3})$/.exec(w)?.[1]).find((i) => i !== undefined);
  // `with-previous` (Slidev's `<v-after>`): the step comes with the click before it.
  const withPrevious = words.includes('with-previous');
  const effects = words.filter((w) => !w.startsWith('index=') && w !== 'with-previous').join(' ');
  return { ...(effects ? { effects } : {}), ...(index !== undefined ? { index } : {}), ...(withPrevious ? { withPrevious } : {}) };
}

/** A slide's own footer: `<!-- footer -->` (what Quarto's `::: footer` div becomes) starts it, `<!-- footer: end -->` ends it. */
export const FOOTER = /^[ \t]*<!--[ \t]*footer(:[ \t]*end)?[ \t]*-->[ \t]*$/;
/**
 * A `<!-- incremental -->`, `<!-- nonincremental -->`, `<!-- column -->` or `<!-- layout: name -->` line: a
 * column may give its width (`<!-- column: 40% -->`), and the first column its own (`<!-- column-width: 60% -->`);
 * `<!-- column-start -->` (Slidev's `::left::`) starts the first column, what stands before it spanning them all, and
 * `<!-- column-end -->` ends the columns, what follows spanning them below.
 * `<!-- incremental: start -->` … `<!-- incremental: end -->` (Pandoc's `::: incremental`, Slidev's `<v-clicks>`) steps in
 * the lists between them only, as `<!-- nonincremental: start -->` shows those at once; `depth=1` steps in a list's own
 * items only, each with the lists nested in it (Slidev's default), `depth=2` theirs too; `every=2` two items at a click.
 * Named groups: `directive`, a region's `start` or `end` and its `depth` and `every`, a `column`'s kind and `width` in percent, the `layout`'s name.
 */
export const DIRECTIVE = /^[ \t]*<!--[ \t]*(?<directive>(?:non)?incremental(?:[ \t]*:[ \t]*(?<region>start|end)(?:[ \t]+depth=(?<depth>\d{1,2}))?(?:[ \t]+every=(?<every>\d{1,3}))?)?|column(?<column>-width|-start|-end)?(?:[ \t]*:[ \t]*(?<width>\d{1,3}(?:\.\d+)?)%)?|layout[ \t]*:[ \t]*(?<layout>[A-Za-z0-9_-]+))[ \t]*-->[ \t]*$/;

/** A tool's first column: it starts the columns, on a two-column slide. */
export const FIRST_COLUMN: DialectLine = { text: '<!-- column-start -->', before: ['<!-- layout: two-column -->'] };
/** A tool's next column. */
export const NEXT_COLUMN: DialectLine = { text: '<!-- column -->' };

/** What a dialect module makes of one line: the text to read instead, and what else the line does. */
export interface DialectLine {
  text: string;
  /** Lines of the slide's to read before `text`, such as the two-column layout a first column asks for. */
  before?: readonly string[];
  /** Lines to read after `text`, at its line, each as a line of its own: the background of the slide a GitPitch delimiter starts. */
  after?: readonly string[];
  /** The line reads as nothing at all, not even a blank line (mdp's stop between list items, which would part them). */
  omit?: boolean;
  /** The line is a line of the slide's notes (Deckset's `^ …`), which goes there and nowhere else. */
  note?: string;
  /** The line leaves its slide out (remark's `exclude: true`). */
  hidden?: boolean;
  /** Whether the slide shows its number, where the line sets it otherwise than the deck (Deckset's `[.slidenumbers: false]`). */
  pageNumber?: boolean;
  warning?: string;
}
