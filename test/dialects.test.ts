import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../src/build-deck.js';
import { FIXTURES } from './helpers.js';

const DIALECTS = path.join(FIXTURES, 'dialects');
const notesOf = (built: Awaited<ReturnType<typeof buildDeck>>) => built.briefing.slides.filter((s) => s.kind === 'content').map((s) => s.notes?.markdown ?? null);

describe('speaker notes in other tools\' syntax', () => {
  it('Pandoc and Quarto: ::: notes and ::: {.notes} in a .qmd file are notes, and the slide goes on after them', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'pandoc.qmd'));
    expect(notesOf(built)).toEqual(['Said aloud for the first point.', 'Said aloud for the second point,\nover two lines.']);
    const first = built.briefing.slides.find((s) => s.title === 'First point')!;
    expect(first.bodyHtml).toContain('Also shown, after the notes.');
    for (const s of built.briefing.slides) expect(s.bodyHtml).not.toContain(':::');
    const handout = await buildDeck(path.join(DIALECTS, 'pandoc.qmd'), { handout: true });
    expect(handout.deck.html).not.toContain('Said aloud');
  });

  it('reveal.js: <aside class="notes"> on one line or several is notes, never shown on the slide', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'reveal-aside.md'));
    expect(notesOf(built)).toEqual(['Said for the one-line aside.', 'Said for the aside\nthat runs over lines.']);
    for (const slide of built.briefing.slides) expect(slide.bodyHtml).not.toMatch(/aside|Said for/);
    const handout = await buildDeck(path.join(DIALECTS, 'reveal-aside.md'), { handout: true });
    expect(handout.deck.html).not.toContain('Said for');
  });
});

describe('inline Markdown in titles', () => {
  it('renders bold and code in slide and section titles, and shows plain text in footers and the Agenda', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'inline-titles.md'));
    const slide = built.briefing.slides.find((s) => s.kind === 'content')!;
    expect(slide.titleHtml).toBe('The <strong>big</strong> idea with <code>code</code>');
    expect(slide.title).toBe('The big idea with code');
    expect(slide.section).toBe('The first part');
    expect(built.deck.html).toContain('<h2 class="slide-title">The <strong>big</strong> idea with <code>code</code></h2>');
    expect(built.deck.html).toContain('<span class="agenda-title">The first part</span>');
    expect(built.deck.html).not.toMatch(/\*\*big\*\*|`code`/);
  });
});

describe('other tools\' front matter', () => {
  it('Marp: its keys are warnings naming Marp, its theme maps to a built-in one, its size is read', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'marp.md'));
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '2: "marp" is Marp\'s metadata; briefdeck ignores it',
      '4: "paginate" is Marp\'s metadata; briefdeck ignores it',
      '3: Marp\'s theme "gaia" is not built in; using white',
    ]);
    expect(built.briefing.meta.size).toBe('4:3');
    expect(built.briefing.slides.some((s) => s.kind === 'title')).toBe(false);
  });

  it('Slidev: duration: 35min is 35 minutes, and its other keys are warnings', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'slidev.md'));
    expect(built.briefing.meta.duration).toBe(35);
    expect(built.warnings.map((w) => w.message)).toEqual(['"info" is Slidev\'s metadata; briefdeck ignores it', '"transition" is Slidev\'s metadata; briefdeck ignores it']);
  });

  it('Quarto: format: revealjs: incremental: true makes lists step in', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'quarto.qmd'));
    expect(built.warnings).toEqual([]);
    expect(built.briefing.meta.incremental).toBe(true);
    expect(built.deck.html).toContain('<li class="fragment">one</li>');
  });
});

describe('slide level', () => {
  it('with no ## headings and several # headings, # titles the slides: no section dividers, no Agenda', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'hash-titles.md'));
    expect(built.briefing.slides.map((s) => [s.kind, s.title])).toEqual([
      ['title', 'Hash titles'],
      ['content', 'First slide'],
      ['content', 'Second slide'],
    ]);
    expect(built.briefing.slides[2]!.bodyHtml).toContain('<h3>A heading inside</h3>');
  });
});

describe('slideLevel in the metadata', () => {
  it('slideLevel: 1 makes # a slide even when ## headings exist, which then stay inside the slide', async () => {
    const { writeBriefing } = await import('./helpers.js');
    const dir = writeBriefing({ 'briefing.yml': 'title: Levels\nslideLevel: 1\n', 'a.md': '# One\n\n## Inside\n\nText.\n\n# Two\n\nMore.\n' });
    const built = await buildDeck(dir);
    expect(built.briefing.slides.filter((s) => s.kind === 'content').map((s) => s.title)).toEqual(['One', 'Two']);
    expect(built.briefing.slides.some((s) => s.kind === 'agenda' || s.kind === 'section')).toBe(false);
  });
});

describe('notes written as HTML comments', () => {
  it('Marp: every comment that is not a directive is a note; directives never show', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'marp-notes.md'));
    expect(notesOf(built)).toEqual(['Said aloud on the Marp slide.', 'A note over\ntwo lines.']);
    for (const slide of built.briefing.slides) expect(slide.bodyHtml).not.toMatch(/_class|Said aloud|A note over/);
    const handout = await buildDeck(path.join(DIALECTS, 'marp-notes.md'), { handout: true });
    expect(handout.deck.html).not.toContain('Said aloud');
  });

  it('Slidev: the last comment block of a slide is its note; earlier comments are not', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'slidev-notes.md'));
    expect(notesOf(built)).toEqual(['The presenter says this.', null]);
    const handout = await buildDeck(path.join(DIALECTS, 'slidev-notes.md'), { handout: true });
    expect(handout.deck.html).not.toContain('The presenter says this.');
  });
});

describe('Pandoc and reveal structure', () => {
  it('columns, incremental divs, other divs, pauses, heading attributes and vertical separators: no peer syntax reaches the slide', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'pandoc-structure.md'));
    const content = built.briefing.slides.filter((s) => s.kind === 'content');
    expect(content.map((s) => [s.title, s.layout])).toEqual([
      ['Two sides', 'two-column'],
      ['Steps', 'content'],
      ['After a vertical separator', 'content'],
      ["After reveal-md's marker", 'content'],
    ]);
    expect(content[0]!.columns).toHaveLength(2);
    expect(content[0]!.columns![0]).toContain('Left side.');
    expect(content[0]!.columns![1]).toContain('Right side.');
    expect(content[1]!.bodyHtml).toContain('<li class="fragment">first</li>');
    expect(content[1]!.bodyHtml).toContain('Inside a callout.');
    for (const slide of content) expect(slide.bodyHtml).not.toMatch(/:::|\{\.|\. \. \.|<p>--<\/p>|<!--v-->/);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '5: heading attributes {.smaller} are not supported yet and were left out',
      '23: Pandoc pause ". . ." is not supported yet; the slide shows all at once',
      '25: Pandoc div "::: {.callout-note}" has no briefdeck meaning; its content is shown without it',
    ]);
  });
});

describe('Slidev per-slide front matter and Marp image keywords', () => {
  it('Slidev: a slide\'s own front matter sets its layout, ::right:: splits the columns, and nothing of it shows', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'slidev-layouts.md'));
    const content = built.briefing.slides.filter((s) => s.kind === 'content');
    expect(content.map((s) => [s.title, s.layout])).toEqual([
      ['Opening', 'content'],
      ['Both sides', 'two-column'],
      ['A quote', 'quote'],
    ]);
    expect(content[1]!.columns!.map((c) => c.replace(/<[^>]+>|\n/g, ''))).toEqual(['Left words.', 'Right words.']);
    for (const slide of content) expect(slide.bodyHtml).not.toMatch(/layout:|class:|::right::/);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '3: "transition" is Slidev\'s metadata; briefdeck ignores it',
      '12: Slidev slide option "class" is not supported yet and was left out',
    ]);
  });

  it('Marp: w: and h: size the image, other keywords are reported, and none of them is alt text', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'marp-images.md'));
    expect(built.briefing.images.map((i) => i.alt)).toEqual(['A dot', '']);
    expect(built.briefing.slides.find((s) => s.title === 'Pictures')!.bodyHtml).toMatch(/alt="A dot" width="300"/);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '2: "marp" is Marp\'s metadata; briefdeck ignores it',
      '9: Marp image keywords bg right:40% are not supported yet; the image is shown in place',
    ]);
  });
});

describe('reveal slide and element directives', () => {
  it('.slide: sets a safe background colour and class on the slide it precedes; .element: makes fragments; unsafe values are refused', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'reveal-looks.md'));
    const content = built.briefing.slides.filter((s) => s.kind === 'content');
    expect(content.map((s) => s.title)).toEqual(['Coloured', 'Refused looks']);
    expect(content[0]!.look).toEqual({ backgroundColor: '#123456', className: 'lead' });
    expect(content[0]!.bodyHtml).toContain('<li class="fragment" data-fragment-index="2">stepped item </li>');
    expect(content[1]!.look).toEqual({});
    expect(built.deck.html).toMatch(/<section class="layout-content kind-content lead" data-layout="content" data-background-color="#123456">/);
    expect(built.deck.html).not.toContain('example.com/x.png');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['13: slide settings data-background-image, class reveal are not supported and were left out']);
  });
});

describe('honest leftovers', () => {
  it('components, shortcodes, snippet imports, diagrams and style blocks never show; each is a warning at its line; v-clicks step in', async () => {
    const built = await buildDeck(path.join(DIALECTS, 'leftovers.md'));
    const [clicks, extras] = built.briefing.slides.filter((s) => s.kind === 'content');
    expect(clicks!.bodyHtml).toContain('<li class="fragment">first</li>');
    // `<Img>` is HTML in another case, not a component: the sanitizer handles it like any raw <img>.
    expect(extras!.bodyHtml.replace(/\s+/g, ' ').trim()).toBe('<img /><p>Kept text.</p>');
    expect(built.warnings.filter((w) => w.code === 'W_PEER_SYNTAX').map((w) => w.line)).toEqual([19, 21, 23, 25, 29]);
    for (const w of built.warnings.filter((w) => w.code === 'W_PEER_SYNTAX')) expect(w.message).toMatch(/not (supported|drawn)/);
  });
});

describe('malformed directives', () => {
  it('are warnings at their line with the directive they most likely meant; plain comments are not', async () => {
    const { writeBriefing } = await import('./helpers.js');
    const dir = writeBriefing({ 'briefing.yml': 'title: Typos\n', 'a.md': '## One\n<!-- layout two-column -->\n\nText.\n\n## Two\n<!-- layuot: quote -->\n<!-- TODO: check the figures -->\n\n> Words.\n' });
    const built = await buildDeck(dir);
    expect(built.warnings.map((w) => `${w.line}: ${w.message} (${w.hint})`)).toEqual([
      '2: malformed directive <!-- layout two-column --> (did you mean <!-- layout: two-column -->?)',
      '7: malformed directive <!-- layuot: quote --> (did you mean <!-- layout: quote -->?)',
    ]);
  });
});
