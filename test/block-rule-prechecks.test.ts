import fc from 'fast-check';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { BLOCK_RULE_PRECHECKS } from '../src/parse/block-rule-prechecks.js';

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
});
