import type { TokenizerAndRendererExtension, Tokens } from 'marked';
import { calloutExtension } from './callouts.js';
import { classDivExtensions, inlineStyleDivExtension, keptFragmentExtension, placedDivExtension, steppedListDivExtension, styledDivExtension } from './class-divs.js';
import { layoutGridExtension } from './layout-grid.js';
import { pandocTableExtensions } from './tables.js';
import { theoremDivExtensions } from './theorem-divs.js';
import { crossRefDivExtension } from './cross-ref-divs.js';
import type { CrossRefs } from './cross-refs.js';

// Pandoc's blocks that plain Markdown would show with their markers: definition lists and line blocks, with Quarto's callouts.

/** A definition's marker, `:` or `~`, then its text; lines indented under it go on with it. */
const DEFINITION = /^ {0,3}[:~][ \t]+([^\n]*)((?:\n(?: {2,}|\t)[^\n]*)*)(?:\n|$)/;
/**
 * A term: one line of text that is not itself a definition, a list item or a block's opening, a fenced div's included
 * (`::: {layout-ncol=2}` over a table's caption line, `: Costs`, is a div, never a term).
 */
const TERM = /^(?! {0,3}[:~][ \t])(?! {0,3}(?:[-*+]|\d+[.)])[ \t])(?! {0,3}(?:[#>|`~<]|:::))([^\n]+)\n(?:[ \t]*\n)?(?= {0,3}[:~][ \t])/;
/** A GFM table's delimiter row, which makes `|` lines a table, never a line block. */
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/**
 * Pandoc's definition lists (`Term` then `: Definition`, or `~`; several
 * terms in a row, several definitions to a term) and line blocks (`| ` lines,
 * whose breaks and leading spaces are kept), which Pandoc and Quarto decks
 * use and plain Markdown would show with their markers as text; grid and
 * simple tables, and table captions; Quarto's callouts, drawn as boxes, column grids, asides, stacks, theorems and proofs, figure and table divs. `report` warns, at the block
 * being rendered; `calloutTitle` gives a callout's title when it names none.
 */
export function pandocBlockExtensions(crossRefs: CrossRefs, report: (message: string, hint?: string) => void, calloutTitle?: (kind: string) => string): TokenizerAndRendererExtension[] {
  return [
    // First, so last in marked's order (it tries the extensions registered later first): a div another kept div reads
    // (a callout, an aside, a grid) is never read as a div of the deck's own classes.
    styledDivExtension(report),
    steppedListDivExtension(report),
    inlineStyleDivExtension(report),
    calloutExtension(report, calloutTitle),
    ...pandocTableExtensions(crossRefs),
    layoutGridExtension(report),
    ...classDivExtensions(report),
    keptFragmentExtension(report),
    placedDivExtension(report),
    ...theoremDivExtensions(crossRefs, report),
    crossRefDivExtension(crossRefs, report),
    {
      name: 'definitionList',
      level: 'block',
      tokenizer(src: string) {
        const items: { term: Tokens.Generic[]; definitions: Tokens.Generic[][] }[] = [];
        let rest = src;
        let raw = '';
        for (let term = TERM.exec(rest); term && term[1]!.trim() !== ''; term = TERM.exec(rest)) {
          // Inline text is queued, as marked does for its own blocks, so links defined further down resolve.
          const item = { term: this.lexer.inline(term[1]!.trim()), definitions: [] as Tokens.Generic[][] };
          let used = term[0];
          for (let definition = DEFINITION.exec(rest.slice(used.length)); definition; definition = DEFINITION.exec(rest.slice(used.length))) {
            item.definitions.push(this.lexer.inline(`${definition[1]}${definition[2]!.replace(/\n[ \t]+/g, ' ')}`.trim()));
            used += definition[0];
          }
          items.push(item);
          raw += used;
          rest = rest.slice(used.length);
          const gap = /^(?:[ \t]*\n)+/.exec(rest)?.[0] ?? '';
          if (!TERM.test(rest.slice(gap.length))) break;
          raw += gap;
          rest = rest.slice(gap.length);
        }
        return items.length > 0 ? { type: 'definitionList', raw, items } : undefined;
      },
      renderer(token) {
        const { items } = token as unknown as { items: { term: Tokens.Generic[]; definitions: Tokens.Generic[][] }[] };
        const entries = items.map(({ term, definitions }) => `<dt>${this.parser.parseInline(term)}</dt>${definitions.map((d) => `<dd>${this.parser.parseInline(d)}</dd>`).join('')}`);
        return `<dl>${entries.join('')}</dl>\n`;
      },
    },
    {
      name: 'lineBlock',
      level: 'block',
      tokenizer(src: string) {
        const match = /^(?: {0,3}\|(?:[ \t][^\n]*)?(?:\n|$))+/.exec(src);
        if (!match) return undefined;
        const lines = match[0].replace(/\n$/, '').split('\n');
        // A table's rows start with `|` too; its second line is its delimiter row.
        if (lines.length > 1 && TABLE_DELIMITER.test(lines[1]!)) return undefined;
        if (lines.some((line) => /\|[ \t]*$/.test(line.trim().slice(1)))) return undefined;
        const text = lines.map((line) => line.replace(/^ {0,3}\|[ \t]?/, ''));
        return { type: 'lineBlock', raw: match[0], lines: text.map((line) => this.lexer.inline(line.replace(/^ +/, (spaces) => '\u00a0'.repeat(spaces.length)))) };
      },
      renderer(token) {
        const { lines } = token as unknown as { lines: Tokens.Generic[][] };
        return `<p class="line-block">${lines.map((line) => this.parser.parseInline(line)).join('<br>')}</p>\n`;
      },
    },
  ];
}
