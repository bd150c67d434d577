import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../src/build-deck.js';
import { FIXTURES, writeBriefing } from './helpers.js';
import { copyFileSync } from 'node:fs';

describe("build steps with reveal's effects and order", () => {
  it("Quarto's .fragment on a span, a picture and a div keeps reveal's effects and fragment-index; a class that is no effect is named", async () => {
    const folder = writeBriefing({
      'deck.qmd': [
        '---', 'title: F', 'format: revealjs', '---', '',
        '## Steps', '',
        '[Red last]{.fragment .highlight-red fragment-index=2} and [faded first]{.fragment .semi-fade-out fragment-index=1}.', '',
        '![](dot.svg){.fragment .grow fragment-index=3}', '',
        '::: {.fragment .fade-up fragment-index=1}', 'Up.', ':::', '',
        '[Own]{.fragment .custom}', '',
      ].join('\n'),
    }, 'fragment-effects');
    copyFileSync(path.join(FIXTURES, 'dialects', 'dot.svg'), path.join(folder, 'dot.svg'));
    const built = await buildDeck(path.join(folder, 'deck.qmd'));
    const body = built.briefing.slides.find((s) => s.title === 'Steps')!.bodyHtml;
    expect(body).toContain('<span class="fragment highlight-red" data-fragment-index="2">Red last</span>');
    expect(body).toContain('<span class="fragment semi-fade-out" data-fragment-index="1">faded first</span>');
    expect(body).toMatch(/<img src="briefdeck-asset:0" alt=""[^>]* class="fragment grow" data-fragment-index="3">/);
    expect(body).toMatch(/<div class="fragment fade-up" data-fragment-index="1"><p>Up\.<\/p>\s*<\/div>/);
    expect(body).toContain('<span class="fragment">Own</span>');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['16: Pandoc attributes .custom are not supported and were left out']);
  });

  it("a briefdeck step's effects are reveal's fragment classes only, and its index digits only", async () => {
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': ['# Part', '', '## One', '', 'First.', '', '<!-- pause: fade-up made-up-class index=4 -->', '', 'Then.', ''].join('\n') }, 'fragment-own'), 'deck.md'));
    expect(built.briefing.slides.find((s) => s.title === 'One')!.bodyHtml).toContain('<div class="fragment fade-up" data-fragment-index="4"><p>Then.</p>');
  });
});
