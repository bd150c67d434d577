// Quarto's cross-references. A labelled display formula (`$$ … $$ {#eq-name}`),
// figure (`![Caption](a.png){#fig-name}`) or table (a caption line ending
// `{#tbl-name}`) is numbered, each kind on its own count, in the order the
// briefing's text gives, as Quarto numbers them: the formula shows its number
// beside it, the figure and table captions begin "Figure 1:" and "Table 1:".
// `@fig-name` (or `[@fig-name]`) reads "Figure 1", and `[-@fig-name]` is the
// number alone. pandoc-crossref's labels, written with a colon (`{#fig:name}`,
// `[@fig:name]`), are read alike. In a deck written for Pandoc or Quarto, a reference to a label
// nothing has shows as Quarto shows it, `?@fig-name` in bold, and is reported;
// in any other deck it is text.
import type { TokenizerAndRendererExtension } from 'marked';
import { createFenceReader } from '../../read-fences.js';
import { startWithinWindowOf } from '../../extension-start.js';
import { suggestClosest } from '../../../did-you-mean.js';

/** The kinds of things numbered, by their labels' prefix, and what a reference calls each. */
const KINDS: Record<string, string> = { eq: 'Equation', fig: 'Figure', tbl: 'Table' };

/** How each kind is labelled, for a hint; NAME stands for the label. */
const LABEL_HINTS: Record<string, string> = {
  eq: 'label the formula: $$ … $$ {#NAME}',
  fig: 'label the figure: ![Caption](picture.png){#NAME}',
  tbl: 'label the table with a caption line under it: : Caption {#NAME}',
};

/** Labels and their numbers (`fig-map` → 1); each kind is counted on its own. */
export type CrossRefs = ReadonlyMap<string, number>;

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

/** Numbers the labelled formulas, figures and tables in `texts`, in order, outside code blocks; a label used twice keeps its first number. */
export function numberCrossRefs(texts: readonly string[]): Map<string, number> {
  const numbers = new Map<string, number>();
  const counts: Record<string, number> = {};
  const add = (label: string | undefined) => {
    if (label === undefined || numbers.has(label)) return;
    const kind = kindOf(label);
    numbers.set(label, (counts[kind] = (counts[kind] ?? 0) + 1));
  };
  for (const text of texts) {
    // Every label is written `{#…}`: a text without one, as most are, is not read line by line.
    if (!text.includes('{#')) continue;
    const fences = createFenceReader();
    for (const line of text.split('\n')) {
      if (fences.read(line)) continue;
      add(EQUATION_LABEL.exec(line)?.[1]);
      add(TABLE_LABEL.exec(line)?.[1]);
      if (line.includes('![')) for (const image of line.matchAll(IMAGE_ATTRIBUTES)) add(/(?:^|\s)#(fig[-:][\w:-]+)/.exec(image[1]!)?.[1]);
    }
  }
  return numbers;
}

/** What a caption of a labelled figure or table begins with: "Figure 1: ", or nothing for a label without a number. */
export function captionPrefix(label: string | undefined, refs: CrossRefs): string {
  const number = label === undefined ? undefined : refs.get(label);
  return number === undefined ? '' : `${KINDS[kindOf(label!)]} ${number}: `;
}

/** A reference: `@fig-name`, `[@fig-name]` or `[-@fig-name]` (the number alone), to a formula, figure or table. */
const REFERENCE = /^(?:\[(-?)@((?:eq|fig|tbl)[-:][\w:-]*[\w-])\]|@((?:eq|fig|tbl)[-:][\w:-]*[\w-]))/;

/** Where references to labels nothing has are reported: in the files `active` says are written for Pandoc or Quarto. */
export interface UnresolvedRefs {
  active: () => boolean;
  report: (raw: string, message: string, hint: string) => void;
}

/**
 * The marked extension that writes references to numbered formulas, figures and tables as Quarto does. Where `unresolved`
 * is active, a reference to a label nothing has is `?@label` in bold, as Quarto shows it, and reported with a "did you mean".
 */
export function crossRefExtension(refs: CrossRefs, unresolved?: UnresolvedRefs): TokenizerAndRendererExtension {
  return {
    name: 'crossRef',
    level: 'inline',
    // Nothing labelled and nothing to report, nothing to look for: the extension never cuts a deck's text.
    start: startWithinWindowOf((text) => text.search(/\[-?@(?:eq|fig|tbl)[-:]|@(?:eq|fig|tbl)[-:]/), '[-@fig-'.length, () => refs.size > 0 || unresolved?.active() === true),
    tokenizer(src, tokens) {
      const match = REFERENCE.exec(src);
      const label = match?.[2] ?? match?.[3];
      if (!match || label === undefined) return undefined;
      // A bare reference starts a word, as a citation does: the `@fig-…` of an address (me@fig-one.org) is text.
      if (match[3] !== undefined && /[\w.@-]/.test(tokens.at(-1)?.raw.slice(-1) ?? '')) return undefined;
      const number = refs.get(label);
      if (number === undefined) return unresolved?.active() ? { type: 'crossRef', raw: match[0], text: '', label } : undefined;
      return { type: 'crossRef', raw: match[0], text: match[1] === '-' ? String(number) : `${KINDS[kindOf(label)]} ${number}` };
    },
    renderer(token) {
      const { raw, text, label } = token as unknown as { raw: string; text: string; label: string };
      if (text !== '') return text;
      // Rendered, not tokenized: marked may tokenize a text more than once, and each reference is reported once.
      const meant = suggestClosest(label, [...refs.keys()]);
      unresolved!.report(raw, `the cross-reference @${label} names no labelled figure, table or equation; it shows as ?@${label}`, meant ? `did you mean @${meant}?` : LABEL_HINTS[kindOf(label)]!.replace('NAME', label));
      return `<strong>?@${label}</strong>`;
    },
  };
}
