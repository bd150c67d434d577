import { describe, expect, it } from 'vitest';
import { escapeToAscii } from '../src/ascii-source.js';

describe('an ASCII copy of a bundle (escapeToAscii)', () => {
  it('escapes each non-ASCII character of a comment or a string, and the code means the same', () => {
    const source = "// a dash — and a line ───\n/* ΔE */\nmodule.exports = ['voilà', \"naïve ◯ 😀\", 'x'.length];\n";
    const ascii = escapeToAscii(source)!;
    expect(ascii).toMatch(/^[\x00-\x7f]*$/);
    expect(ascii).toContain('// a dash \\u2014 and a line \\u2500\\u2500\\u2500');
    const run = (text: string) => {
      const module = { exports: undefined as unknown };
      new Function('module', text)(module);
      return module.exports;
    };
    expect(run(ascii)).toEqual(run(source));
  });

  it('makes no copy where an escape would mean something else, or not parse: a template, a pattern, a name, a line separator that ends a comment', () => {
    expect(escapeToAscii('const s = String.raw`é`;')).toBeUndefined();
    expect(escapeToAscii('const r = /[é]/u;')).toBeUndefined();
    expect(escapeToAscii('const café = 1;')).toBeUndefined();
    // U+2028 ends a line comment, so it stands between tokens there; inside a string it is the string's, and escapes.
    expect(escapeToAscii('// note\u2028const x = "é";')).toBeUndefined();
    expect(escapeToAscii('const x = "a\u2028b";')).toBe('const x = "a\\u2028b";');
    expect(escapeToAscii('const x = "é')).toBeUndefined();
  });
});
