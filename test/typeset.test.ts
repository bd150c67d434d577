import { describe, expect, it } from 'vitest';
import { typesetHtml, typesetPlain } from '../src/parse/typeset-text.js';
import { buildDeck } from '../src/build-deck.js';
import { writeBriefing } from './helpers.js';

describe('typesetting at build time', () => {
  it('curls quotes and apostrophes, and sets dashes and ellipses, in text', () => {
    expect(typesetHtml('<p>&quot;Fire and fury&quot; -- Kim&#39;s view --- and more...</p>', 'en')).toBe('<p>\u201cFire and fury\u201d \u2013 Kim\u2019s view \u2014 and more\u2026</p>');
  });

  it('never touches code spans, code blocks, attributes or URLs', () => {
    const html = '<p><code>a--b &quot;q&quot;</code> <a href="https://x.org/a--b?q=1-2" title="say &quot;hi&quot;">it&#39;s</a></p><pre><code>x = "y" -- z...\n</code></pre>';
    expect(typesetHtml(html, 'en')).toBe('<p><code>a--b &quot;q&quot;</code> <a href="https://x.org/a--b?q=1-2" title="say &quot;hi&quot;">it\u2019s</a></p><pre><code>x = "y" -- z...\n</code></pre>');
  });

  it('uses the deck language\u2019s quotes: \u201e \u201c for de, \u00ab \u00bb with no-break spaces for fr', () => {
    expect(typesetHtml('<p>&quot;Ja&quot;</p>', 'de')).toBe('<p>\u201eJa\u201c</p>');
    expect(typesetHtml('<p>&quot;Oui&quot;</p>', 'fr-CA')).toBe('<p>\u00ab\u00a0Oui\u00a0\u00bb</p>');
    for (const lang of ['it', 'es', 'ru']) expect(typesetHtml('<p>&quot;Sì&quot;</p>', lang), lang).toBe('<p>\u00abSì\u00bb</p>');
    expect(typesetPlain('"Yes"', 'en')).toBe('\u201cYes\u201d');
    expect(typesetPlain('"Yes"', 'en-GB')).toBe('\u201cYes\u201d');
  });

  it('puts an en dash in number ranges and a no-break space between a number and its unit', () => {
    expect(typesetHtml('<p>From 2017-2018, for 20 minutes, US$ 5 billion, Mr Kim; not 2017-05-01 or v1-2</p>', 'en')).toBe('<p>From 2017\u20132018, for 20\u00a0minutes, US$\u00a05\u00a0billion, Mr\u00a0Kim; not 2017-05-01 or v1-2</p>');
  });

  it('tells tags from text the same way wherever they stand: a "<" runs to the next ">", a self-closing element opens nothing, and text after code is set again', () => {
    const html = '<p>1 < 2-3 and "a"</p><svg/>"b" 4-5<pre><code>"c" 6-7</code></pre>"d" Dr Who 10 km';
    expect(typesetHtml(html, 'de')).toBe('<p>1 < 2-3 and "a"</p><svg/>\u201eb\u201c 4\u20135<pre><code>"c" 6-7</code></pre>\u201ed\u201c Dr\u00a0Who 10\u00a0km');
    // White space alone between tags, and text with neither a digit nor a title, come out exactly as they went in.
    expect(typesetHtml('<ul>\n<li>Plain words</li>\n</ul>\n', 'fr')).toBe('<ul>\n<li>Plain words</li>\n</ul>\n');
  });

  it('a deck sets its Markdown, titles and metadata this way, leaves math and code alone, and smartypants: false turns it off', async () => {
    const files = (extra: string) => ({ 'briefing.yml': `title: "Kim's \\"deal\\""\n${extra}`, 'a.md': '## It\'s "done"\n\nSaid "yes" -- twice. Math $a-b$ and `x--y`.\n' });
    const on = await buildDeck(writeBriefing(files(''), 'typeset-on'));
    const slide = on.briefing.slides.find((s) => s.kind === 'content')!;
    expect(on.briefing.meta.title).toBe('Kim\u2019s \u201cdeal\u201d');
    expect(slide.title).toBe('It\u2019s \u201cdone\u201d');
    expect(slide.bodyHtml).toContain('Said \u201cyes\u201d \u2013 twice.');
    expect(slide.bodyHtml).toContain('<code>x--y</code>');
    expect(slide.bodyHtml).toMatch(/annotation encoding="application\/x-tex">a-b<\/annotation>/);
    const off = await buildDeck(writeBriefing(files('smartypants: false\n'), 'typeset-off'));
    expect(off.briefing.slides.find((s) => s.kind === 'content')!.bodyHtml).toContain('Said &quot;yes&quot; -- twice.');
  });
});
