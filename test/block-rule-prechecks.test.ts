import fc from 'fast-check';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { BLOCK_RULE_PRECHECKS, SETEXT_WINDOW, SetextAwareLexer } from '../src/parse/block-rule-prechecks.js';
import { startWithinParagraph } from '../src/parse/extension-start.js';

const plain = new Marked({ gfm: true, async: false });
const checked = new Marked({ gfm: true, async: false });
checked.use({ tokenizer: { ...BLOCK_RULE_PRECHECKS } });

/** Pieces that start, end or nearly make the blocks the checks skip: underlines, blank and all-but-blank lines, table rows, quotes, HTML, definitions. */
const PIECES = ['a', 'text', '\n', '\n', '\n\n', '===', '---', '   ===', '    ---', '-', '=', ' ', '  ', '\t', '|', '| a | b |', '|---|---|', ':--', '--:', '> ', '>', '  >', '<div>', '</div>', '<!-- c -->', '<b>', '<?x?>', '<![CDATA[x]]>', '<script>', '[x]: /u', '   [y]: z "t"', '[x]', '- ', '1. ', '# ', '```', '~~~', '\r', '\r\n', '\u00a0', '\f', '*', '_', 'x|y', '***'];

describe("skipping marked's block rules a block cannot match", () => {
  it('gives the same tokens as marked alone, for any mix of the pieces those rules read', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }), (pieces) => {
        const source = pieces.join('');
        expect(checked.lexer(source)).toEqual(plain.lexer(source));
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves a setext heading whose underline lies past the bounded look to marked, and reads one inside it', () => {
    for (const source of [`${'a\n'.repeat(3000)}===\n`, `${'a'.repeat(5000)}\n---\n`, `${'x '.repeat(100)}\n`.repeat(50) + '---\n', `${'a\n'.repeat(3000)}\n===\n`, 'Title\n===\n\nText\n']) {
      expect(checked.lexer(source)).toEqual(plain.lexer(source));
    }
    expect(checked.lexer(`${'a\n'.repeat(3000)}===\n`)[0]).toMatchObject({ type: 'heading', depth: 1 });
  });

  it("gives marked's tokens past the bounded look too, where each block's underlines and blank lines are found once: long paragraphs and list items of lazy lines, with underlines and blank lines far in", () => {
    const long = ['x'.repeat(1500), 'a\n'.repeat(900), 'lazy words\n'.repeat(400)];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES, ...long, ...long), { maxLength: 12 }), (pieces) => {
        const source = pieces.join('');
        expect(SetextAwareLexer.lexBlocks(source, checked.defaults)).toEqual(plain.lexer(source));
      }),
      { numRuns: 150 },
    );
  });

  it("never hands marked's setext rule a list item's lazy line when no underline follows: marked reads such an item a line at a time, and its rule read to the item's end at each (12,000 lines took 9 s)", () => {
    let asked = 0;
    const counted = new Marked({ gfm: true, async: false });
    // Uses made later run first: the checks, then this count of what reaches marked's own rule.
    counted.use({ tokenizer: { lheading: () => ((asked += 1), false) } });
    counted.use({ tokenizer: { ...BLOCK_RULE_PRECHECKS } });
    const item = `- item\n${'lazy line of words\n'.repeat(3000)}`;
    expect(item.length).toBeGreaterThan(10 * SETEXT_WINDOW);
    const tokens = SetextAwareLexer.lexBlocks(item, counted.defaults);
    expect(tokens).toEqual(plain.lexer(item));
    expect(asked).toBe(0);
    // marked's own lexer, which keeps no such list, asks the rule at every line past the bounded look.
    counted.lexer(item);
    expect(asked).toBeGreaterThan(2000);
    // With an underline far in, the rule is asked, and reads the heading.
    asked = 0;
    const heading = `${'a line\n'.repeat(1000)}===\n`;
    expect(SetextAwareLexer.lexBlocks(heading, counted.defaults)[0]).toMatchObject({ type: 'heading', depth: 1 });
    expect(asked).toBe(1);
  });
});

describe("block extensions' start in a list item", () => {
  it("is not looked for where marked reads no paragraph (a list item's text, read a line at a time), whose answer it never uses; at the top of a block it is", () => {
    const start = startWithinParagraph(/^\$\$/m);
    expect(start.call({ lexer: { state: { top: true } } }, 'a line\n$$ x $$\n')).toBe(7);
    expect(start.call({ lexer: { state: { top: false } } }, 'a line\n$$ x $$\n')).toBeUndefined();
  });
});
