import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../src/build-deck.js';
import { writePandocIdentifier } from '../src/parse/slide-anchors.js';
import { writeBriefing } from './helpers.js';

/** Builds one file and gives the deck's links (address and text), its warnings by line, and whether any slide carries an id. */
async function linksOf(name: string, file: string, text: string) {
  const built = await buildDeck(path.join(writeBriefing({ [file]: text }, name), file));
  const slidesHtml = built.briefing.slides.map((s) => `${s.titleHtml ?? ''}${s.bodyHtml}`).join('');
  return {
    built,
    links: [...slidesHtml.matchAll(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => `${m[2]} ${m[1]}`),
    warnings: built.warnings.map((w) => `${w.line}: ${w.message} (${w.hint})`),
    sectionIds: [...built.deck.html.matchAll(/<section\b[^>]*\sid="[^"]*"/g)].length,
  };
}

describe('links from one slide to another', () => {
  it("Pandoc and Quarto: a heading's {#id} and the identifier Pandoc makes from a title (a repeat numbered), as #id or #/id, go to that slide's place; reveal's own addresses stay", async () => {
    const quarto = await linksOf('anchors-quarto', 'deck.qmd', [
      '---', 'title: Links', '---', '',
      '# Part one', '',
      '## The Plan, in 2 steps', '', 'See [the repeat](#the-plan-in-2-steps-1), [results](#results), [by slash](#/results), [the part](#part-one) and [by index](#/2/0).', '',
      '## The Plan, in 2 steps', '', 'Again.', '',
      '## Results {#results}', '', 'A [typo](#reslts), and [nothing](#unheard-of).', '',
    ].join('\n'));
    // The title slide is 0, the part 1, the two plans 2 and 3, the results 4.
    expect(quarto.links).toEqual(['the repeat #/3', 'results #/4', 'by slash #/4', 'the part #/1', 'by index #/2/0', 'typo #reslts', 'nothing #unheard-of']);
    expect(quarto.warnings).toEqual([
      '17: link to "#reslts" names no slide, so it goes nowhere (did you mean #results?)',
      '17: link to "#unheard-of" names no slide, so it goes nowhere (give the slide that id, as in ## Title {#unheard-of}, or <!-- .slide: id="unheard-of" -->)',
    ]);
    // No author's id reaches the page, where it would be a global name bundled code could mistake for its own.
    expect(quarto.sectionIds).toBe(0);
  });

  it('guesses a did-you-mean for the first 50 names of dead links only, so thousands of them cannot spend the parse\'s time limit', async () => {
    const links = Array.from({ length: 60 }, (_, i) => `[x](#target-${i}x)`).join(' ');
    const deck = ['---', 'title: Many', '---', '', ...Array.from({ length: 60 }, (_, i) => [`## T ${i} {#target-${i}}`, '', i === 0 ? links : 'Text.', '']).flat()].join('\n');
    const { warnings } = await linksOf('anchors-many-dead', 'deck.qmd', deck);
    const hints = warnings.filter((w) => w.includes('names no slide'));
    expect(hints).toHaveLength(60);
    expect(hints.filter((w) => w.includes('did you mean #target-')).length).toBe(50);
  });

  it('reads links in raw HTML the same way, with html: true or without: one to a slide goes to its place, one to no slide is a warning at its line', async () => {
    for (const trust of [[], ['html: true']]) {
      const raw = await linksOf('anchors-raw-html', 'deck.qmd', ['---', 'title: R', ...trust, '---', '', '## One {#one}', '', '<p><a href="#one">back</a> and <a href="#onee">a typo</a></p>', ''].join('\n'));
      expect(raw.links, trust.join()).toEqual(['back #/1', 'a typo #onee']);
      expect(raw.warnings.filter((w) => w.includes('#onee')), trust.join()).toEqual([`${7 + trust.length}: link to "#onee" names no slide, so it goes nowhere (did you mean #one?)`]);
    }
  });

  it("Pandoc's identifiers: lower case, letters, digits, _ - . kept, spaces as hyphens, nothing before the first letter", () => {
    expect(writePandocIdentifier('The Plan, in 2 steps')).toBe('the-plan-in-2-steps');
    expect(writePandocIdentifier('2024: The reader’s reply')).toBe('the-readers-reply');
    expect(writePandocIdentifier('Étape un_deux.trois')).toBe('étape-un_deux.trois');
    expect(writePandocIdentifier('1 2 3')).toBe('section');
  });

  it("reveal's .slide: id and a vertical slide's place; an id that cannot be one is named; a briefdeck deck's link to no slide is a warning", async () => {
    const reveal = await linksOf('anchors-reveal', 'deck.md', [
      '---', 'revealOptions:', '  transition: fade', '---', '',
      '# One', '', 'To [below](#below).', '',
      '----', '', '<!-- .slide: id="below" -->', '', '# Below', '', 'Text.', '',
      '---', '', '<!-- .slide: id="two words" -->', '', '# Three', '',
    ].join('\n'));
    expect(reveal.links).toEqual(['below #/0/1']);
    expect(reveal.warnings).toEqual(['20: slide settings id="two words" are not supported and were left out (a slide may set a background colour, picture or gradient, the classes its deck\'s styles define, and the classes lead, invert, center, text-center, smaller, dark, light or compact)']);
    const own = await linksOf('anchors-own', 'deck.md', ['# Part', '', '## One', '', 'To [the end](#end).', ''].join('\n'));
    expect(own.warnings).toEqual(['5: link to "#end" names no slide, so it goes nowhere (give the slide that id, as in ## Title {#end}, or <!-- .slide: id="end" -->)']);
  });

  it("Marp: #3 is the deck's third page; a page it lacks is named", async () => {
    const marp = await linksOf('anchors-marp', 'deck.md', ['---', 'marp: true', '---', '', '# One', '', 'To [three](#3) and [nine](#9).', '', '---', '', '# Two', '', '---', '', '# Three', ''].join('\n'));
    expect(marp.links).toEqual(['three #/2', 'nine #9']);
    expect(marp.warnings).toEqual(['7: link to "#9" names no slide, so it goes nowhere (link to a slide by its number (#3), or give the slide an id)']);
  });

  it("Slidev: <Link to> a page's number or a slide's routeAlias, with its text or title, a space before its /> or not; <AutoFitText>'s text stays", async () => {
    const slidev = await linksOf('anchors-slidev', 'slides.md', [
      '---', 'title: S', 'transition: fade', '---', '',
      '# One', '', 'Go to <Link to="3">the third</Link> or <Link to="solutions" title="Solutions"/>.', '',
      // As Prettier writes a tag that closes itself: a space before its />.
      '<Link to="3" title="The third, again" />', '',
      '<AutoFitText :max="200" :min="100" modelValue="Fitted words"/>', '',
      '---', 'routeAlias: solutions', '---', '', '# Two', '', 'Back to [the start](#1).', '',
      '---', '', '# Three', '',
    ].join('\n'));
    expect(slidev.links).toEqual(['the third #/2', 'Solutions #/1', 'The third, again #/2', 'the start #/0']);
    expect(slidev.built.briefing.slides[0]!.bodyHtml).toContain('<p>Fitted words</p>');
    expect(slidev.warnings).toEqual([`12: component <AutoFitText> (Slidev, Vue) is not supported; its text shows at the slide's own size (see "Coming from another tool" in the README for what briefdeck reads)`]);
  });

  it("Slidev: a <Link> inside a block of raw HTML (a cover's <div>), its to among other attributes, is a link there too, its style kept; a deck whose metadata adds Marp's style: to Slidev's keys, or names no tool's key, is read as Slidev's by such a body", async () => {
    const cover = (to: string) => ['<div class="flex flex-col">', '  <p>Course</p>', `  <Link style="color: #9dc4c4;" to="${to}">← Back to contents</Link>`, '</div>', ''];
    // Slidev's keys beside Marp's style: (the body has Slidev's slide front matter); and a theme no tool is known to have, with nothing but the <Link> to say whose it is.
    const decks = [
      ['with-marp-style', ['theme: penguin', 'highlighter: shiki', 'style: |', '  table { width: 100%; }'], [...cover('contents'), '---', 'layout: default', 'routeAlias: contents', '---', '', '# Contents', '']],
      ['theme-alone', ['theme: penguin'], [...cover('2'), '---', '', '# Contents', '']],
    ] as const;
    for (const [name, head, body] of decks) {
      const deck = await linksOf(`slidev-link-${name}`, 'slides.md', ['---', ...head, 'title: Links', '---', '', ...body].join('\n'));
      expect(deck.links, name).toEqual(['← Back to contents #/1']);
      expect(deck.built.briefing.slides[0]!.bodyHtml, name).toContain('<a href="#/1" style="color:#9dc4c4">');
      expect(deck.warnings.filter((w) => /neutralised|<link>/i.test(w)), name).toEqual([]);
    }
  });
});
