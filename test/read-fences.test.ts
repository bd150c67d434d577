import fc from 'fast-check';
import { Marked, type Token } from 'marked';
import { describe, expect, it } from 'vitest';
import { blankFencedCode, createFenceReader } from '../src/parse/read-fences.js';

const marked = new Marked({ gfm: true, async: false });

/** Lines a slide reader must never take for syntax when they are code: briefdeck's, Marp's and reveal's. */
const CODE_LINES = ['<!-- pause -->', '---', 'Note: x', '<!-- _class: lead -->', 'plain', ''];

/**
 * Markdown of paragraphs, fenced code blocks and lists (nested two deep) whose items hold paragraphs, fences and
 * lists, each fence indented 0 to 3 spaces past its container's content, as authors indent them. Every code line
 * ends with its own label (`L12`), so the lines marked puts in code can be named.
 */
function markdownWithFences(): fc.Arbitrary<string> {
  let label = 0;
  const fence = (indent: number) =>
    fc.record({ marker: fc.constantFrom('```', '~~~', '````'), extra: fc.integer({ min: 0, max: 3 }), body: fc.array(fc.constantFrom(...CODE_LINES), { maxLength: 3 }), info: fc.constantFrom('', 'js', 'markdown') }).map(({ marker, extra, body, info }) => {
      const pad = ' '.repeat(indent + extra);
      return [pad + marker + info, ...body.map((text) => (text ? `${pad}${text} L${label++}` : '')), pad + marker];
    });
  const item = (indent: number, depth: number): fc.Arbitrary<string[]> =>
    fc.record({ marker: fc.constantFrom('- ', '* ', '+ ', '1. ', '1) ', '-   '), blank: fc.boolean(), parts: fc.array(fc.constantFrom('text', 'fence', 'list'), { maxLength: 3 }) }).chain(({ marker, blank, parts }) => {
      const content = indent + marker.length;
      const blocks = parts.map((part) => (part === 'fence' ? fence(content) : part === 'list' && depth < 2 ? item(content, depth + 1) : fc.constant([`${' '.repeat(content)}Text`])));
      return fc.tuple(...blocks).map((inner) => [`${' '.repeat(indent)}${marker}Item`, ...inner.flatMap((lines) => (blank ? ['', ...lines] : lines))]);
    });
  const block = fc.oneof(fc.constant(['Text']), fence(0), item(0, 0), fc.integer({ min: 1, max: 3 }).chain((indent) => item(indent, 0)));
  return fc.array(block, { maxLength: 6 }).map((blocks) => blocks.map((lines) => lines.join('\n')).join('\n\n'));
}

/** The labels of the lines marked reads as fenced code. */
function labelsMarkedReadsAsCode(tokens: Token[], found = new Set<string>()): Set<string> {
  for (const token of tokens as (Token & { tokens?: Token[]; items?: Token[]; codeBlockStyle?: string; text?: string })[]) {
    if (token.type === 'code' && token.codeBlockStyle !== 'indented') for (const label of token.text!.matchAll(/L\d+/g)) found.add(label[0]);
    for (const inner of [token.tokens, token.items]) if (inner) labelsMarkedReadsAsCode(inner, found);
  }
  return found;
}

/** The labels of the lines the fence reader reads as code, its fences' own lines aside. */
function labelsReaderReadsAsCode(text: string): Set<string> {
  const reader = createFenceReader();
  const found = new Set<string>();
  for (const line of text.split('\n')) {
    const inside = reader.inside;
    if (reader.read(line) && inside && reader.inside) for (const label of line.matchAll(/L\d+/g)) found.add(label[0]);
  }
  return found;
}

describe('the fence reader', () => {
  it('reads as code the lines marked reads as code, in fences at the margin and in list items, however the items nest', () => {
    fc.assert(
      fc.property(markdownWithFences(), (text) => {
        expect([...labelsReaderReadsAsCode(text)].sort()).toEqual([...labelsMarkedReadsAsCode(marked.lexer(text))].sort());
      }),
      { numRuns: 1000 },
    );
  });

  it('reads a fence inside a list item indented to the item content, and a fence on the item line; a rule of dashes is not an item', () => {
    const text = ['1. Write:', '', '    ```yaml', '    --- L1', '    ```', '- ```js', '  x L2', '  ```', '- - -', '    ```', '    y L3', '    ```'].join('\n');
    expect([...labelsReaderReadsAsCode(text)]).toEqual(['L1', 'L2']);
    expect([...labelsMarkedReadsAsCode(marked.lexer(text))]).toEqual(['L1', 'L2']);
  });

  it("ends an item's code where marked ends the item (a rule at the margin, a line after a blank), and carries it on through a lazy line", () => {
    for (const [lines, code] of [
      [['- ```js', '  x L1', '---', 'after L2'], ['L1']],
      [['1. Step', '   ```', '   a L1', '', 'b L2'], ['L1']],
      [['1. Install:', '   ```bash', '   npm ci L1', 'npm install L2', '   ```', '', 'After L3'], ['L1', 'L2']],
    ] as const) {
      const text = lines.join('\n');
      expect([...labelsReaderReadsAsCode(text)]).toEqual(code);
      expect([...labelsMarkedReadsAsCode(marked.lexer(text))]).toEqual(code);
    }
  });

  it('blankFencedCode empties the lines inside fences, line for line, and keeps the opening lines', () => {
    expect(blankFencedCode('a\n```ts {monaco}\n<!-- _class: x -->\n```\nb')).toBe('a\n```ts {monaco}\n\n\nb');
    expect(blankFencedCode('no fences here')).toBe('no fences here');
    // A block the caller keeps (Slidev's front matter in a block, after a cut) stays whole; one elsewhere is still emptied.
    const keepAfterCut = (opening: string, before: string | undefined) => opening === '```yaml' && before === '---';
    expect(blankFencedCode('---\n\n```yaml\nlayout: center\n```\n\ntext\n```yaml\na: 1\n```', keepAfterCut)).toBe('---\n\n```yaml\nlayout: center\n```\n\ntext\n```yaml\n\n');
  });
});
