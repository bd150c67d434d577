import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type BuiltDeck } from '../src/build-deck.js';
import { BriefdeckError } from '../src/errors.js';
import { DEFAULT_BRIEFING, FIXTURES, tempDir, buildDefaultBriefing } from './helpers.js';

/** The HTML of the <section> for the slide with this title. */
function sectionOf(built: BuiltDeck, title: string): string {
  const slide = built.briefing.slides.find((s) => s.title === title)!;
  const sections = built.deck.html.split('<section ').slice(1);
  return sections[slide.number - 1]!.split('</section>')[0]!;
}

describe('slide layouts', () => {
  let built: BuiltDeck;
  beforeAll(async () => {
    built = await buildDeck(path.join(FIXTURES, 'layouts'));
  });

  it('two-column puts each <!-- column --> part in its own column', () => {
    const html = sectionOf(built, 'Two columns');
    expect(html).toMatch(/class="columns columns-2">\s*<div class="column">[\s\S]*Left point one[\s\S]*<\/div>\s*<div class="column">[\s\S]*Right point one/);
  });

  it('quote wraps the block quote and its attribution in a figure', () => {
    expect(sectionOf(built, 'A quotation')).toMatch(/<figure class="quote-figure">\s*<blockquote>\s*<p>Plans are worthless[\s\S]*<\/blockquote>\s*<p>— A general, on preparation<\/p>\s*<\/figure>/);
  });

  it('stat shows one big number with its label', () => {
    expect(sectionOf(built, 'A statistic')).toMatch(/<div class="stat">\s*<p><strong>42%<\/strong><\/p>\s*<p>of respondents preferred a single-file deck<\/p>/);
  });

  it('image fills the slide, with the title over it and the caption below', () => {
    expect(sectionOf(built, 'A picture')).toMatch(/<figure class="full-bleed">\s*<h2 class="full-bleed-title">A picture<\/h2>\s*<p><img src="data:image\/png;base64,[^"]+" alt="A red square"><\/p>\s*<p>The caption says what the picture shows.<\/p>/);
  });

  it('table wraps the table for full-width styling', () => {
    expect(sectionOf(built, 'A table')).toMatch(/<div class="table-wrap">\s*<table>\s*<thead>/);
  });

  it('timeline lays out a dated list', () => {
    expect(sectionOf(built, 'A timeline')).toMatch(/<div class="timeline">\s*<ul>\s*<li><strong>2017<\/strong> Tests and threats<\/li>/);
  });

  it('closing numbers the asks', () => {
    expect(sectionOf(built, 'Decisions')).toMatch(/<div class="closing">\s*<ol>\s*<li>Approve the plan<\/li>/);
  });

  it('marks every slide with its layout', () => {
    for (const layout of ['two-column', 'quote', 'stat', 'image', 'table', 'timeline', 'closing', 'content', 'section', 'title', 'bottom-line', 'agenda']) {
      expect(built.deck.html).toContain(`data-layout="${layout}"`);
    }
  });

  it('the default briefing uses at least four layouts beyond content', async () => {
    const deck = await buildDefaultBriefing();
    const layouts = new Set(deck.briefing.slides.map((s) => s.layout));
    const special = [...layouts].filter((l) => !['title', 'bottom-line', 'agenda', 'section', 'content', 'sources'].includes(l));
    expect(special.length).toBeGreaterThanOrEqual(4);
  });
});

describe('template overrides', () => {
  it('a briefing’s own deck.hbs and layouts/content.hbs replace the built-in ones', async () => {
    const built = await buildDeck(path.join(FIXTURES, 'override'));
    expect(built.deck.html).toContain('<meta name="x-house-style" content="ministry-of-examples">');
    expect(built.deck.html).toContain('<div class="reveal ministry-deck">');
    expect(built.deck.html).toMatch(/<h2 class="slide-title ministry-title">A normal slide<\/h2>\s*<div class="slide-content ministry-content" data-slide-number="2">/);
    // The title slide still uses the built-in layout.
    expect(built.deck.html).toContain('<h1 class="deck-title">Overridden templates</h1>');
    // Each slide is handed the text its footer shows, worked out as the built-in shell shows it: here the deck's title.
    expect(built.deck.html.match(/data-footer="[^"]*"/g)).toContain('data-footer="Overridden templates"');
  });

  it('a deck.hbs that drops the head or scripts marker is an error naming the file', async () => {
    const dir = path.join(tempDir(), 'broken');
    mkdirSync(path.join(dir, 'templates'), { recursive: true });
    writeFileSync(path.join(dir, 'briefing.yml'), 'title: Broken shell\n');
    writeFileSync(path.join(dir, 'a.md'), '## A\n\nx\n');
    writeFileSync(path.join(dir, 'templates', 'deck.hbs'), '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{{#each slides}}<section>{{> (lookup . "layout")}}</section>{{/each}}</body></html>');
    const error = (await buildDeck(dir).catch((e: unknown) => e)) as BriefdeckError;
    expect(error.code).toBe('E_TEMPLATE');
    expect(error.file).toBe(path.join(path.relative(process.cwd(), dir), 'templates', 'deck.hbs'));
  });

  it('a template that is a symlink to a file outside the briefing is refused', async () => {
    const base = tempDir();
    const dir = path.join(base, 'deck');
    mkdirSync(path.join(dir, 'templates', 'layouts'), { recursive: true });
    writeFileSync(path.join(base, 'outside.hbs'), '{{{body}}}');
    symlinkSync(path.join(base, 'outside.hbs'), path.join(dir, 'templates', 'layouts', 'content.hbs'));
    writeFileSync(path.join(dir, 'briefing.yml'), 'title: Link\n');
    writeFileSync(path.join(dir, 'a.md'), '## A\n\nx\n');
    const error = (await buildDeck(dir).catch((e: unknown) => e)) as BriefdeckError;
    expect(error.code).toBe('E_PATH_OUTSIDE');
  });
});

describe('themes', () => {
  it('an unknown theme name is an error at the theme line that lists the built-in themes', async () => {
    const dir = path.join(tempDir(), 'deck');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'briefing.yml'), 'title: T\ntheme: neon\n');
    writeFileSync(path.join(dir, 'a.md'), '## A\n\nx\n');
    const error = (await buildDeck(dir).catch((e: unknown) => e)) as BriefdeckError;
    expect(error.code).toBe('E_META');
    expect(error.line).toBe(2);
    expect(error.hint).toContain('briefing, beige, black');
  });

  it('theme: ./file.css inlines the briefing’s own CSS and its url() assets', async () => {
    const dir = path.join(tempDir(), 'deck');
    mkdirSync(path.join(dir, 'assets'), { recursive: true });
    writeFileSync(path.join(dir, 'briefing.yml'), 'title: T\ntheme: ./house.css\n');
    writeFileSync(path.join(dir, 'a.md'), '## A\n\nx\n');
    writeFileSync(path.join(dir, 'assets', 'logo.png'), Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));
    writeFileSync(path.join(dir, 'house.css'), ':root { --r-link-color: #8a1538; }\n.reveal .slide-frame { background: url(assets/logo.png) no-repeat right 20px top 20px; }\n');
    const built = await buildDeck(dir);
    expect(built.deck.html).toMatch(/--r-link-color: ?#8a1538/);
    expect(built.deck.html).toMatch(/background:url\(data:image\/png;base64,/);
  });

  it.each([
    ['a url() that leaves the folder', 'url(../secret.png)', 'resolves outside the briefing folder'],
    ['a remote url()', 'url(https://example.com/font.woff2)', 'which cannot be inlined'],
    ['an @import from the network', '@import "https://fonts.googleapis.com/css?family=Roboto";', 'which cannot be inlined'],
  ])('a custom theme with %s is an error, and nothing outside is read', async (_name, css, message) => {
    const base = tempDir();
    const dir = path.join(base, 'deck');
    mkdirSync(dir);
    writeFileSync(path.join(base, 'secret.png'), 'secret');
    writeFileSync(path.join(dir, 'briefing.yml'), 'title: T\ntheme: ./house.css\n');
    writeFileSync(path.join(dir, 'a.md'), '## A\n\nx\n');
    writeFileSync(path.join(dir, 'house.css'), css.startsWith('@import') ? `${css}\n` : `.reveal { background: ${css}; }\n`);
    const error = (await buildDeck(dir).catch((e: unknown) => e)) as BriefdeckError;
    expect(error).toBeInstanceOf(BriefdeckError);
    expect(error.message).toContain(message);
  });

  it('a custom theme path outside the folder is refused', async () => {
    const dir = path.join(tempDir(), 'deck');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'briefing.yml'), 'title: T\ntheme: ../elsewhere.css\n');
    writeFileSync(path.join(path.dirname(dir), 'elsewhere.css'), '.reveal{}');
    writeFileSync(path.join(dir, 'a.md'), '## A\n\nx\n');
    const error = (await buildDeck(dir).catch((e: unknown) => e)) as BriefdeckError;
    expect(error.code).toBe('E_PATH_OUTSIDE');
    expect(error.line).toBe(2);
  });
});
