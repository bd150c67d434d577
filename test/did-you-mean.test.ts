import { describe, expect, it } from 'vitest';
import { hintWithSuggestion, suggestClosest } from '../src/did-you-mean.js';
import { suggestCodeLanguage } from '../src/parse/render-code.js';

describe('did you mean', () => {
  it.each([
    ['authour', ['author', 'title', 'theme'], 'author'],
    ['bottomline', ['bottomLine', 'bottomLineNotes'], 'bottomLine'],
    ['quotation', ['quote', 'content', 'closing'], 'quote'],
    ['biuld', ['build', 'dev', 'init', 'check', 'pdf', 'shots'], 'build'],
    ['Chart.svg', ['chart.svg', 'timeline.svg'], 'chart.svg'],
    ['--outptu', ['--output', '--handout'], '--output'],
  ])('%s → %s', (name, candidates, expected) => {
    expect(suggestClosest(name, candidates)).toBe(expected);
  });

  it('guesses nothing when nothing is close', () => {
    expect(suggestClosest('zebra', ['build', 'dev', 'init'])).toBeUndefined();
    expect(hintWithSuggestion('zebra', ['build', 'dev'], 'commands')).toBe('valid commands: build, dev');
    expect(hintWithSuggestion('biuld', ['build', 'dev'], 'commands')).toBe('did you mean "build"? valid commands: build, dev');
  });

  it.each([
    ['pyhton', 'python'],
    ['javscript', 'javascript'],
    ['Typescirpt {1,3}', 'typescript'],
    // Known languages and aliases, plain-text names, and languages highlight.js lacks are no typos.
    ['python', undefined],
    ['jsonc', undefined],
    ['text', undefined],
    ['nohighlight', undefined],
    ['vue', undefined],
    ['plantuml', undefined],
    [undefined, undefined],
  ])('a code block in %s: did you mean %s?', (language, expected) => {
    expect(suggestCodeLanguage(language)).toBe(expected);
  });
});
