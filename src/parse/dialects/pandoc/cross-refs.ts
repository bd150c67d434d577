// Quarto's cross-references. A labelled display formula (`$$ … $$ {#eq-name}`),
// figure (`![Caption](a.png){#fig-name}`), table (a caption line ending
// `{#tbl-name}`), figure or table div (`::: {#fig-name}`, its last paragraph the caption, the
// figures or tables labelled inside it its parts, (a), (b)), code listing (a fence opening ```{#lst-name .sql lst-cap="…"}),
// theorem-like div (`::: {#thm-name}`, and lem, cor, prp, cnj, def, exm, exr) or
// section (a heading `## Name {#sec-name}`) is numbered, each kind on its own
// count, in the order the briefing's text gives, as Quarto numbers them: the
// formula shows its number beside it, the figure, table and listing captions
// begin "Figure 1:", "Table 1:", "Listing 1:". Sections are numbered by their
// headings' levels (1, 1.1, 1.2, 2), counted from the deck's highest level, as
// Quarto numbers them; an `.unnumbered` heading is not counted.
// `@fig-name` (or `@Fig-name`, `[@fig-name]`) reads "Figure 1", `[-@fig-name]`
// is the number alone, `[Fig @fig-name]` puts the author's word before it, and
// `[@fig-a; @fig-b]` lists them. pandoc-crossref's labels, written with a colon (`{#fig:name}`,
// `[@fig:name]`), are read alike. In a deck written for Pandoc or Quarto, a reference to a label
// nothing has shows as Quarto shows it, `?@fig-name` in bold, and is reported;
// in any other deck it is text.
import type { TokenizerAndRendererExtension } from 'marked';
import { createFenceReader } from '../../read-fences.js';
import { startWithinWindowOf } from '../../extension-start.js';
import { suggestClosest } from '../../../did-you-mean.js';
import type { BriefingMeta } from '../../../model.js';
import { escapeHtml } from '../../../html-text.js';

/** Quarto's theorem-like divs, by their labels' prefix, and what each is called. */
export const THEOREM_KINDS: Readonly<Record<string, string>> = { thm: 'Theorem', lem: 'Lemma', cor: 'Corollary', prp: 'Proposition', cnj: 'Conjecture', def: 'Definition', exm: 'Example', exr: 'Exercise' };

/** The kinds of things numbered, by their labels' prefix, and what a reference calls each. */
export const CROSS_REF_KINDS: Readonly<Record<string, string>> = { eq: 'Equation', fig: 'Figure', tbl: 'Table', lst: 'Listing', sec: 'Section', ...THEOREM_KINDS };
/** The kinds whose captions (or a theorem's title) begin with their word, which Quarto's `crossref:` names `<kind>-title`. */
export const TITLED_KINDS = ['fig', 'tbl', 'lst', ...Object.keys(THEOREM_KINDS)];

/** What a caption and a reference call a kind of label, and what follows a caption's number. */
export interface CrossRefWords {
  title: string;
  prefix: string;
  delim: string;
}

/**
 * Readers of Quarto's `crossref:` options, for front-matter.ts: `fig-title` (a caption's word), `fig-prefix` (a reference's),
 * and so for each kind, and `title-delim` (what follows a caption's number, `:` by default). Each keeps a non-empty string.
 */
export function crossRefWordReaders(meta: Pick<BriefingMeta, 'crossRefWords'>): Record<string, (value: unknown) => boolean> {
  const words = () => (meta.crossRefWords ??= { titles: {}, prefixes: {} });
  const text = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
  return {
    ...Object.fromEntries(TITLED_KINDS.map((kind) => [`${kind}-title`, (v: unknown) => text(v) && ((words().titles[kind] = v.trim()), true)])),
    ...Object.fromEntries(Object.keys(CROSS_REF_KINDS).map((kind) => [`${kind}-prefix`, (v: unknown) => text(v) && ((words().prefixes[kind] = v.trim()), true)])),
    'title-delim': (v) => text(v) && ((words().titleDelim = v.trim()), true),
  };
}

/**
 * The words of one kind of label: those the deck's `crossref:` gave, else its `language:` words (a reference's word
 * defaulting to the caption's, as Quarto's does), else Quarto's English ones.
 */
function wordsOf(kind: string, given: BriefingMeta['crossRefWords'], language: BriefingMeta['quartoLanguage']): CrossRefWords {
  const title = given?.titles[kind] ?? language?.[`crossref-${kind}-title`] ?? CROSS_REF_KINDS[kind]!;
  const prefix = given?.prefixes[kind] ?? language?.[`crossref-${kind}-prefix`] ?? language?.[`crossref-${kind}-title`] ?? CROSS_REF_KINDS[kind]!;
  return { title, prefix, delim: given?.titleDelim ?? ':' };
}

/** How each kind is labelled, for a hint; NAME stands for the label. */
const LABEL_HINTS: Record<string, string> = {
  eq: 'label the formula: $$ … $$ {#NAME}',
  fig: 'label the figure: ![Caption](picture.png){#NAME}',
  tbl: 'label the table with a caption line under it: : Caption {#NAME}',
  lst: 'label the code block: ```{#NAME .python lst-cap="Caption"}',
  sec: 'label the heading: ## Title {#NAME}',
  ...Object.fromEntries(Object.keys(THEOREM_KINDS).map((kind) => [kind, 'label the div: ::: {#NAME}'])),
};

/** What a reference to a label nothing has names, by kind. */
const MISSING: Record<string, string> = {
  lst: 'no code block labelled so',
  sec: 'no heading labelled so',
  ...Object.fromEntries(Object.keys(THEOREM_KINDS).map((kind) => [kind, 'no div labelled so'])),
};

/** A label's number (`fig-map` → "1", `sec-plan` → "2.1"), and for a part of a figure or table div, its letter (b of "1 (b)"). */
export interface CrossRef {
  number: string;
  /** What its caption and a reference to it call it (crossRefWordReaders). */
  words: CrossRefWords;
  sub?: string;
  /** The label of a code cell's output, which only running the cell makes: it has no number here. */
  cell?: true;
}

/** Labels and their numbers; each kind is counted on its own. */
export type CrossRefs = ReadonlyMap<string, CrossRef>;

/** The kind of a label (`fig` of `fig-map`, or of pandoc-crossref's `fig:map`). */
function kindOf(label: string): string {
  return /^[a-z]+/.exec(label)![0];
}

/** A display formula's closing `$$` with its label, at the end of its line. */
const EQUATION_LABEL = /\$\$[ \t]*\{#(eq[-:][\w:-]+)\}[ \t]*$/;
/** An image with an attribute block, whose label, if any, is a figure's. */
const IMAGE_ATTRIBUTES = /!\[[^\]\n]*\]\([^)\n]*\)\{([^}\n]*)\}/g;
/** A table's caption line, `: Caption {#tbl-name}` or `Table: …`. */
const TABLE_LABEL = /^(?:Table)?:[ \t].*\{#(tbl[-:][\w:-]+)\}[ \t]*$/;
/** A code fence's opening with a listing's label among its attributes (```{#lst-query .sql lst-cap="…"}). */
const LISTING_LABEL = /^ {0,3}(?:`{3,}|~{3,})[ \t]*\{(?:[^}\n]*?\s)?#(lst[-:][\w:-]+)/;
/** A theorem-like div's opening (`::: {#thm-line}`). */
const THEOREM_LABEL = new RegExp(`^ {0,3}:{3,}[ \\t]*\\{[ \\t]*#((?:${Object.keys(THEOREM_KINDS).join('|')})[-:][\\w:-]+)`);
/** A fenced div's opening and closing fences. */
const DIV_OPEN = /^ {0,3}:{3,}[ \t]*\S/;
const DIV_CLOSE = /^ {0,3}:{3,}[ \t]*$/;
/** An ATX heading's opening, whose marks give its level. */
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
/** The attributes at a line's end (`## Plan {#sec-plan .smaller}`), looked for from each `{` no further than the next. */
const END_ATTRIBUTES = /\{([^{}\n]*)\}[ \t]*$/;

/** A Quarto or R Markdown cell's opening (```{python}, ```{r label}), and its option line naming its output's label. */
const CELL_OPENING = /^ {0,3}(?:`{3,}|~{3,})[ \t]*\{[A-Za-z]/;
const CELL_LABEL = /^[ \t]*(?:#|\/\/|--)\|[ \t]*label[ \t]*:[ \t]*["']?((?:fig|tbl)-[\w-]+)/;

/** A figure or table div's opening, labelled (`::: {#fig-elephants layout-ncol=2}`): Quarto's cross-reference div. */
const CROSS_REF_DIV_LABEL = /^ {0,3}:{3,}[ \t]*\{[ \t]*#((?:fig|tbl)[-:][\w:-]+)/;

/** A subfigure's or subtable's letter, by its place in its div: a, b, …, then numbers past z. */
function subLetter(index: number): string {
  return index < 26 ? String.fromCharCode(97 + index) : String(index + 1);
}

/** The labels' numbers, and the level sections are counted from (the highest heading level), when the headings were read. */
export interface NumberedCrossRefs {
  refs: Map<string, CrossRef>;
  sectionTop: number | undefined;
}

/**
 * Numbers the labelled formulas, figures, tables, listings, theorems and sections in `texts`, in order, outside code
 * blocks; a label used twice keeps its first number. The headings are read when a section is labelled, or when
 * `numberSections` asks (Quarto's `number-sections`, whose numbers cut-slides.ts writes before the headings).
 */
export function numberCrossRefs(texts: readonly string[], numberSections = false, given?: BriefingMeta['crossRefWords'], language?: BriefingMeta['quartoLanguage']): NumberedCrossRefs {
  const numbers = new Map<string, CrossRef>();
  const words = (label: string) => wordsOf(kindOf(label), given, language);
  const counts: Record<string, number> = {};
  const add = (label: string | undefined) => {
    if (label === undefined || numbers.has(label)) return;
    const kind = kindOf(label);
    numbers.set(label, { number: String((counts[kind] = (counts[kind] ?? 0) + 1)), words: words(label) });
  };
  // Headings are read only when a section is labelled or numbers are shown: every heading counts toward the numbers.
  const sections = numberSections || texts.some((text) => text.includes('#sec-') || text.includes('#sec:'));
  const headings: { level: number; label: string | undefined }[] = [];
  for (const text of texts) {
    // Every label is written `{#…}`: a text without one, as most are, is not read line by line, unless its headings count.
    if (!text.includes('{#') && !sections && !text.includes('label:')) continue;
    const fences = createFenceReader();
    // Whether the code block the line is in is a Quarto cell (```{python}), whose `#| label: fig-…` names its output.
    let cell = false;
    // The divs open around the line; a figure or table div's label and how many labelled parts it has so far.
    const divs: { label?: string; parts: number }[] = [];
    /** Labels a figure inside a figure div (a table inside a table div) as its part, lettered in order; else numbers it. */
    const addPart = (label: string | undefined) => {
      const parent = label === undefined ? undefined : divs.findLast((div) => div.label !== undefined);
      if (!parent || kindOf(parent.label!) !== kindOf(label!) || numbers.has(label!) || !numbers.has(parent.label!)) return add(label);
      numbers.set(label!, { number: numbers.get(parent.label!)!.number, sub: subLetter(parent.parts++), words: words(label!) });
    };
    for (const line of text.split('\n')) {
      const outside = !fences.inside;
      if (fences.read(line)) {
        // The line that opens a code block carries a listing's label.
        if (outside && line.includes('{#')) add(LISTING_LABEL.exec(line)?.[1]);
        if (outside) cell = CELL_OPENING.test(line);
        else if (cell && line.includes('label:')) {
          const label = CELL_LABEL.exec(line)?.[1];
          if (label !== undefined && !numbers.has(label)) numbers.set(label, { number: '', cell: true, words: words(label) });
        }
        continue;
      }
      if (line.includes(':::')) {
        if (DIV_CLOSE.test(line)) divs.pop();
        else if (DIV_OPEN.test(line)) {
          // A figure or table div is numbered where it opens, before the parts inside it.
          const label = CROSS_REF_DIV_LABEL.exec(line)?.[1];
          add(label);
          divs.push(label === undefined ? { parts: 0 } : { label, parts: 0 });
        }
      }
      // A heading inside a div (a theorem's name, a callout's title, a tab's) titles that div, not a section.
      if (sections && divs.length === 0 && line.includes('#')) {
        const heading = HEADING.exec(line);
        const attributes = heading ? readEndAttributes(line) : '';
        // Pandoc's `{-}` and `{.unnumbered}` leave a heading out of the count.
        if (heading && !isUnnumbered(attributes)) headings.push({ level: heading[1]!.length, label: /(?:^|\s)#(sec[-:][\w:-]+)/.exec(attributes)?.[1] });
      }
      if (!line.includes('#')) continue;
      add(EQUATION_LABEL.exec(line)?.[1]);
      addPart(TABLE_LABEL.exec(line)?.[1]);
      add(THEOREM_LABEL.exec(line)?.[1]);
      if (line.includes('![')) for (const image of line.matchAll(IMAGE_ATTRIBUTES)) addPart(/(?:^|\s)#(fig[-:][\w:-]+)/.exec(image[1]!)?.[1]);
    }
  }
  const sectionTop = headings.length > 0 ? Math.min(...headings.map((h) => h.level)) : undefined;
  const counters: number[] = [];
  for (const { level, label } of headings) {
    const number = countSection(counters, level - sectionTop!);
    if (label !== undefined && !numbers.has(label)) numbers.set(label, { number, words: words(label) });
  }
  return { refs: numbers, sectionTop };
}

/** Counts a heading `levelsBelow` levels below the top one in `counters` (one count a level), and gives its number: "1", "1.2". */
export function countSection(counters: number[], levelsBelow: number): string {
  // A heading above the top (one the count never saw) is counted at the top.
  const depth = Math.max(0, levelsBelow);
  counters.length = depth + 1;
  counters[depth] = (counters[depth] ?? 0) + 1;
  return Array.from(counters, (n) => n ?? 0).join('.');
}

/** The attributes at a line's end (`## Plan {#sec-plan .smaller}`), or ''. */
export function readEndAttributes(line: string): string {
  return END_ATTRIBUTES.exec(line)?.[1] ?? '';
}

/** Whether a heading's attributes (`{-}`, `{.unnumbered}`) leave it out of the section numbers. */
export function isUnnumbered(attributes: string): boolean {
  return /(?:^|\s)(?:-|\.unnumbered)(?:\s|$)/.test(attributes);
}

/** How a reference shows a label's number: "1", "1.2", or a part's "1 (b)". */
function writeNumber(ref: CrossRef): string {
  return ref.sub === undefined ? ref.number : `${ref.number} (${ref.sub})`;
}

/** What a caption of a labelled figure, table or listing begins with, as HTML: "Figure 1: ", a part's "(b) ", or nothing for a label without a number. */
export function captionPrefix(label: string | undefined, refs: CrossRefs): string {
  const ref = label === undefined ? undefined : refs.get(label);
  if (ref === undefined || ref.cell) return '';
  return ref.sub === undefined ? `${escapeHtml(ref.words.title)} ${ref.number}${escapeHtml(ref.words.delim)} ` : `(${ref.sub}) `;
}

/** A label's kind as a reference may write it: `fig`, or capitalised, `Fig` (Quarto's capitalised reference). */
const WRITTEN_KIND = Object.keys(CROSS_REF_KINDS)
  .map((kind) => `${kind}|${kind[0]!.toUpperCase()}${kind.slice(1)}`)
  .join('|');
/** A label in a reference: its kind, then `-` or `:`, then its name. */
const LABEL = `(?:${WRITTEN_KIND})[-:][\\w:-]*[\\w-]`;
/** A bare reference, `@fig-name` or `@Fig-name`. */
const BARE_REFERENCE = new RegExp(`^@(${LABEL})`);
/** A bracketed reference or several (`[@fig-a]`, `[-@fig-a]`, `[Fig @fig-a]`, `[@fig-a; @fig-b]`), never a link's text. */
const BRACKETED = new RegExp(`^\\[((?:[^\\[\\]@;\\n]*-?@${LABEL}[ \\t]*;[ \\t]*)*[^\\[\\]@;\\n]*-?@${LABEL})\\](?![(\\[{])`);
/** One reference in a bracket: the author's own word before it, a `-` that leaves the kind out, its label. */
const BRACKETED_ITEM = new RegExp(`^([^@]*?)(-?)@(${LABEL})$`);
/** Where a reference may start: a bracket with one in it, or `@` and a label's kind. */
const REFERENCE_START = new RegExp(`\\[[^\\[\\]\\n]{0,80}?-?@(?:${WRITTEN_KIND})[-:]|@(?:${WRITTEN_KIND})[-:]`);

/** A label as its target has it: a capitalised reference (`@Fig-a`) names `fig-a`. */
function labelOf(written: string): string {
  return written[0]!.toLowerCase() + written.slice(1);
}

/** Where references to labels nothing has are reported: in the files `active` says are written for Pandoc or Quarto. */
export interface UnresolvedRefs {
  active: () => boolean;
  report: (raw: string, message: string, hint: string) => void;
}

/** One reference of a token: how it reads ('' when its label has no number), and its label. */
interface Reference {
  text: string;
  label: string;
}

/**
 * The marked extension that writes references to numbered formulas, figures, tables, listings, theorems and sections as
 * Quarto does. Where `unresolved` is active, a reference to a label nothing has is `?@label` in bold, as Quarto shows
 * it, and reported with a "did you mean".
 */
export function crossRefExtension(refs: CrossRefs, unresolved?: UnresolvedRefs): TokenizerAndRendererExtension {
  const read = (written: string, word: string, bare: boolean): Reference => {
    const label = labelOf(written);
    const ref = refs.get(label);
    if (ref === undefined || ref.cell) return { text: '', label };
    const number = writeNumber(ref);
    return { text: escapeHtml(bare ? number : word !== '' ? `${word} ${number}` : `${ref.words.prefix} ${number}`), label };
  };
  return {
    name: 'crossRef',
    level: 'inline',
    // Nothing labelled and nothing to report, nothing to look for: the extension never cuts a deck's text.
    start: startWithinWindowOf((text) => text.search(REFERENCE_START), 100, () => refs.size > 0 || unresolved?.active() === true),
    tokenizer(src, tokens) {
      let references: Reference[];
      let raw: string;
      if (src.startsWith('[')) {
        const match = BRACKETED.exec(src);
        if (!match) return undefined;
        raw = match[0];
        references = match[1]!.split(';').map((part) => {
          const item = BRACKETED_ITEM.exec(part.trim())!;
          return read(item[3]!, item[1]!.trim(), item[2] === '-');
        });
      } else {
        const match = BARE_REFERENCE.exec(src);
        // A bare reference starts a word, as a citation does: the `@fig-…` of an address (me@fig-one.org) is text.
        if (!match || /[\w.@-]/.test(tokens.at(-1)?.raw.slice(-1) ?? '')) return undefined;
        raw = match[0];
        references = [read(match[1]!, '', false)];
      }
      if (references.some((r) => r.text === '') && unresolved?.active() !== true) return undefined;
      return { type: 'crossRef', raw, text: '', references };
    },
    renderer(token) {
      const { raw, references } = token as unknown as { raw: string; references: Reference[] };
      return references
        .map(({ text, label }) => {
          if (text !== '') return text;
          // Rendered, not tokenized: marked may tokenize a text more than once, and each reference is reported once.
          const kind = kindOf(label);
          if (refs.get(label)?.cell) {
            unresolved!.report(raw, `the cross-reference @${label} names the output of a code cell, which only Quarto can make by running it; it shows as ?@${label}`, 'see "Coming from another tool" in the README for what briefdeck reads');
            return `<strong>?@${label}</strong>`;
          }
          const meant = suggestClosest(label, [...refs.keys()].filter((known) => kindOf(known) === kind && !refs.get(known)!.cell));
          unresolved!.report(raw, `the cross-reference @${label} names ${MISSING[kind] ?? 'no labelled figure, table or equation'}; it shows as ?@${label}`, meant ? `did you mean @${meant}?` : LABEL_HINTS[kind]!.replace('NAME', label));
          return `<strong>?@${label}</strong>`;
        })
        .join(', ');
    },
  };
}
