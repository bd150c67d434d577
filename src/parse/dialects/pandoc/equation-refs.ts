// Quarto's cross-references to equations. A display formula labelled
// `$$ … $$ {#eq-name}` is numbered in the order the briefing's text gives, as
// Quarto numbers it, and shows its number beside it; `@eq-name` (or
// `[@eq-name]`) reads "Equation 1", and `[-@eq-name]` is the number alone. A
// reference to a label no formula has stays as written, as Pandoc leaves an
// unresolved citation.
import type { TokenizerAndRendererExtension } from 'marked';
import { createFenceReader } from '../../cut-slides.js';
import { startWithinWindowOf } from '../../extension-start.js';

/** A display formula's closing `$$` with Quarto's label after it, at the end of its line. */
const LABELLED_CLOSE = /\$\$[ \t]*\{#(eq-[\w-]+)\}[ \t]*$/;

/** Numbers the labelled display formulas in `texts`, in order, outside code blocks; a label used twice keeps its first number. */
export function numberEquations(texts: readonly string[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const text of texts) {
    const fences = createFenceReader();
    for (const line of text.split('\n')) {
      if (fences.read(line)) continue;
      const label = LABELLED_CLOSE.exec(line)?.[1];
      if (label && !numbers.has(label)) numbers.set(label, numbers.size + 1);
    }
  }
  return numbers;
}

/** A reference to a numbered equation: `@eq-name`, `[@eq-name]` or `[-@eq-name]` (the number alone). */
const REFERENCE = /^(?:\[(-?)@(eq-[\w-]+)\]|@(eq-[\w-]+))/;

/** The marked extension that writes references to the numbered equations as Quarto does. */
export function equationRefExtension(numbers: ReadonlyMap<string, number>): TokenizerAndRendererExtension {
  return {
    name: 'equationRef',
    level: 'inline',
    // No labelled formula, nothing to look for: the extension never cuts a deck's text.
    start: numbers.size === 0 ? () => undefined : startWithinWindowOf((text) => text.search(/\[-?@eq-|@eq-/), '[-@eq-'.length),
    tokenizer(src, tokens) {
      const match = REFERENCE.exec(src);
      const number = match ? numbers.get(match[2] ?? match[3]!) : undefined;
      if (!match || number === undefined) return undefined;
      // A bare reference starts a word, as a citation does: the `@eq-…` of an address (me@eq-one.org) is text.
      if (match[3] !== undefined && /[\w.@-]$/.test(tokens.at(-1)?.raw ?? '')) return undefined;
      return { type: 'equationRef', raw: match[0], text: match[1] === '-' ? String(number) : `Equation ${number}` };
    },
    renderer: (token) => (token as unknown as { text: string }).text,
  };
}
