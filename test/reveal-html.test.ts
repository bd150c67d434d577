import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../src/build-deck.js';
import { fenceFor } from '../src/parse/read-fences.js';
import { toPlainText } from '../src/parse/plain-text.js';
import { FIXTURES, runCapture, stackTitles, writeBriefing } from './helpers.js';

const PAGE = path.join(FIXTURES, 'dialects', 'reveal-html', 'index.html');

describe('a reveal.js deck written as an HTML page', () => {
  const built = buildDeck(PAGE);

  it("is the deck of a folder with no Markdown that holds it as a reveal.js project does (its index.html, beside other pages), from the folder or from inside it with no input; several pages and no index.html are several decks", async () => {
    const page = (title: string) => `<div class="reveal"><div class="slides"><section><h2>${title}</h2><p>Text</p></section></div></div>\n`;
    const dir = writeBriefing({ 'index.html': page('The deck'), 'demo.html': page('A demo'), 'css/theme.css': 'h2 { color: red; }' }, 'reveal-project');
    for (const [argv, cwd] of [[['build', dir, '-o', path.join(dir, 'out', 'a.html')], process.cwd()], [['build', '-o', 'out/b.html'], dir]] as const) {
      const result = await runCapture([...argv], cwd);
      expect([result.code, result.err]).toEqual([0, '']);
      // One slide, counted as one.
      expect(result.out).toMatch(/^built .*\.html: 1 slide, [\d,]+ bytes, \d+ ms$/);
    }
    const text = toPlainText(readFileSync(path.join(dir, 'out', 'a.html'), 'utf8'));
    expect([text.includes('The deck'), text.includes('A demo')]).toEqual([true, false]);
    expect((await buildDeck(dir)).name).toBe('reveal-project');
    const pages = writeBriefing({ 'one.html': page('One'), 'two.html': page('Two') }, 'two-pages');
    const several = (await buildDeck(pages).catch((e: unknown) => e)) as { code: string; message: string; hint: string };
    expect([several.code, several.message.replace(/.*two-pages /, ''), several.hint.replace(/\(briefdeck build \S*two-pages\//, '(briefdeck build two-pages/')]).toEqual(['E_SEVERAL_DECKS', 'holds 2 decks, each a reveal.js page or notebook of its own (one.html and two.html), and no Markdown; a folder builds as one deck', 'build one of them (briefdeck build two-pages/one.html)']);
    // A page linked in from outside the folder is no page of it: an error, and never read.
    const outside = writeBriefing({ 'secret.html': page('Kept out') }, 'outside-page');
    const linked = writeBriefing({}, 'linked-page');
    symlinkSync(path.join(outside, 'secret.html'), path.join(linked, 'index.html'));
    const refused = (await buildDeck(linked).catch((e: unknown) => e)) as { code: string; message: string };
    expect([refused.code, refused.message]).toEqual(['E_PATH_OUTSIDE', `${path.relative(process.cwd(), path.join(linked, 'index.html'))} resolves outside the briefing folder`]);
  });

  it('makes a slide of each <section> but a hidden one, a vertical stack of nested ones, and keeps the page\'s title, language and theme', async () => {
    const { briefing, deck } = await built;
    expect(briefing.slides.map((s) => s.title)).toEqual([
      'Cover *not emphasis* and $5 [not a link]',
      'Stack top',
      'Stack below',
      null,
      'Inline Markdown',
      'Second from the template',
      'From the chapter file',
      'Chapter below',
      'From a script template',
      'Last',
      'Over a picture',
      'Typeset E=mc2',
    ]);
    expect(stackTitles(deck.html)).toEqual([['Stack top', 'Stack below'], ['From the chapter file', 'Chapter below']]);
    expect(briefing.meta).toMatchObject({ title: 'A reveal.js deck & its notes', lang: 'fr', theme: 'moon' });
    expect(deck.html).toMatch(/<html lang="fr"/);
    // The page's cover is the deck's: no title slide is made from its <title>.
    expect(briefing.slides[0]!.kind).toBe('content');
    expect(briefing.slides[0]!.look?.backgroundColor).toBe('#102030');
    // A section's background picture is confined and inlined like any; a hidden section (data-visibility="hidden") is left out, as reveal leaves it out.
    const pictured = briefing.slides.find((slide) => slide.title === 'Over a picture')!;
    expect(briefing.images[pictured.look!.backgroundImage!]!.relPath).toBe('dot.svg');
    expect(deck.html).not.toContain('Never shown');
  });

  it('keeps <aside class="notes">, data-notes and Note: as speaker notes, never on a slide, and out of a handout', async () => {
    const { briefing } = await built;
    expect(briefing.slides.map((s) => s.notes?.markdown ?? null)).toEqual([
      null,
      'Said over the <strong>stack top</strong>.',
      'Said from the attribute.',
      null,
      'said for the inline Markdown.',
      null,
      null,
      'said in the chapter.',
      null,
      null,
      null,
      null,
    ]);
    expect(briefing.slides[1]!.notes!.html).toContain('<strong>stack top</strong>');
    for (const slide of briefing.slides) expect(slide.bodyHtml).not.toMatch(/Said|said (?:for|in)|<aside/);
    const handout = await buildDeck(PAGE, { handout: true });
    expect(handout.deck.html).not.toMatch(/Said over|Said from|said for the inline|said in the chapter/);
  });

  it('shows the HTML as HTML and none of the page\'s markup as text: code is a highlighted block, pictures are carried, scripts never run', async () => {
    const { briefing, deck } = await built;
    const [cover, , code, loose] = briefing.slides;
    // Markdown's markup in a heading's text stays text.
    expect(cover!.titleHtml).not.toMatch(/<em>|<a /);
    // Its data-line-numbers and data-ln-start-from: numbered from 10, lines 1 and 2 standing out, then line 4, a click later.
    expect(code!.bodyHtml).toContain('<code class="hljs language-python has-highlights line-numbers line-start-10 code-steps hl-on-1 hl-on-2">');
    expect(code!.bodyHtml).toMatch(/r \* r<\/span>\n<span class="code-line"><\/span>\n<span class="code-line hl-2"><span class="hljs-built_in">print<\/span>\(area\(<span class="hljs-number">2<\/span>\) &lt; <span class="hljs-number">20<\/span>\)<\/span><\/code><span class="fragment code-step"><\/span><\/pre>/);
    expect(loose!.bodyHtml).toContain('<p>Loose text with <em>emphasis</em> beside a picture <img src="briefdeck-asset:');
    expect(loose!.images.map((i) => briefing.images[i]!.relPath)).toEqual(['dot.svg']);
    expect(deck.html).toContain('alt="A dot"');
    expect(loose!.bodyHtml).toContain('Note: this line is shown, not a note');
    expect(loose!.bodyHtml).toMatch(/A paragraph — over lines/);
    for (const slide of briefing.slides) expect(slide.bodyHtml).not.toMatch(/&lt;(?:section|textarea|script|p)|data-template|data-markdown|<script/);
    expect(deck.html).not.toMatch(/document\.title = 'scripted'|Reveal\.initialize\(\{ hash/);
    // The page's own <style> styles the deck, scoped to the slides like any deck's, and the element it names keeps its class.
    expect(deck.html).toMatch(/\.callout-red\s*\{\s*color:\s*#aa0011/);
    expect(loose!.bodyHtml).toContain('<p class="callout-red">Note: this line is shown, not a note</p>');
  });

  it('typesets the math reveal\'s math plugin would (\\(…\\), \\[…\\], Pandoc\'s math spans) in titles and paragraphs, keeping the rest text; reads Pandoc\'s code blocks and leaves its structural classes unmentioned', async () => {
    const { briefing, warnings } = await built;
    const typeset = briefing.slides.at(-1)!;
    expect(typeset.titleHtml).toMatch(/^Typeset <span class="katex">/);
    expect(typeset.bodyHtml).toMatch(/^<p class="fragment">Energy <span class="math inline"><span class="katex">[\s\S]*<annotation encoding="application\/x-tex">E = mc\^2<\/annotation>[\s\S]*<\/span> costs \$5 - \*not emphasis\*, and 2 &lt; 3 ?<\/p>/);
    expect(typeset.bodyHtml).toMatch(/<div class="math-display"><span class="katex-display">[\s\S]*\\sum_\{i=1\}\^\{n\} i/);
    expect(typeset.bodyHtml).toContain('<pre><code class="hljs language-python"><span class="hljs-built_in">print</span>(<span class="hljs-number">1</span>)</code></pre>');
    expect(typeset.bodyHtml).not.toMatch(/\\\(|\\\[|sourceCode|cb1/);
    expect(warnings.filter((w) => w.line! >= 85)).toEqual([]);
  });

  it('typesets math in a list of text and inline elements, written as a Markdown list (nested lists, fragments and markup characters kept); a list whose item holds a paragraph stays HTML, its math as written', async () => {
    const page = [
      '<div class="reveal"><div class="slides"><section><h2>Lists</h2>',
      '<ul>', '  <li>Energy \\(E = mc^2\\) and <em>more</em></li>', '  <li class="fragment">Area \\(\\pi r^2\\)', '    <ol><li>Nested \\(a^2\\)</li><li>1. *plain*</li></ol>', '  </li>', '</ul>',
      '<ul><li><p>Block \\(x\\)</p></li></ul>',
      '</section></div></div>',
    ].join('\n');
    const { briefing, warnings } = await buildDeck(path.join(writeBriefing({ 'page.html': page }), 'page.html'));
    const body = briefing.slides[0]!.bodyHtml.replace(/\n/g, '');
    const tex = [...body.matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g)].map((m) => m[1]);
    expect(tex).toEqual(['E = mc^2', '\\pi r^2', 'a^2']);
    expect(body).toMatch(/^<ul><li>Energy <span class="katex">[\s\S]*<\/span> and <em>more<\/em><\/li><li class="fragment">Area [\s\S]*<ol><li>Nested [\s\S]*<\/li><li>1\. \*plain\*<\/li><\/ol><\/li><\/ul><ul><li><p>Block \\\(x\\\)<\/p><\/li><\/ul>$/);
    expect(warnings).toEqual([]);
  });

  it("reads a remark page (as xaringan renders one): the Markdown in its <textarea id=\"source\">, each line at its line in the page, its cover its own, its notes notes", async () => {
    const page = [
      '<!DOCTYPE html>', '<html lang="en">', '<head>', '<title>Rendered talk</title>', '<link href="libs/remark-css/default.css" rel="stylesheet" />', '</head>', '<body>',
      '<textarea id="source">',
      'class: center, middle, inverse', '', '# Rendered talk', '### Ann Author', '', '---', '',
      '# Second', '', 'Text with x &lt; y and a .shout[loud] word.', '', '???', '', 'Said, not shown.', '',
      '</textarea>',
      '<script src="https://remarkjs.com/downloads/remark-latest.min.js"></script>', '<script>var slideshow = remark.create();</script>',
      '</body>', '</html>',
    ].join('\n');
    const { briefing, warnings, deck } = await buildDeck(path.join(writeBriefing({ 'talk.html': page }), 'talk.html'));
    // The cover is the page's first slide: none is made of its <title>; the cover's title names the deck.
    expect(briefing.slides.map((s) => [s.kind, s.title])).toEqual([['content', 'Rendered talk'], ['content', 'Second']]);
    expect(deck.html).toContain('<title>Rendered talk</title>');
    expect(briefing.meta.peerTools).toContain('remark');
    expect(toPlainText(briefing.slides[1]!.bodyHtml).trim()).toBe('Text with x < y and a loud word.');
    expect(toPlainText(briefing.slides[1]!.notes!.html).trim()).toBe('Said, not shown.');
    expect(briefing.slides[1]!.source.line).toBe(16);
    expect(warnings.map((w) => `${w.line}: ${w.message.split(';')[0]}`)).toEqual(["18: remark's content class .shout[…] is not supported"]);
    // A textarea with nothing of remark's to start it is no deck.
    const plain = await buildDeck(path.join(writeBriefing({ 'form.html': '<html><body><textarea id="source"># Not a slide</textarea></body></html>' }), 'form.html')).catch((e: unknown) => e);
    expect(plain).toMatchObject({ code: 'E_NO_SLIDES' });
  });

  it('reads a Marp deck as marp-cli renders it: each <svg data-marpit-svg> a slide, its background picture, steps, math and notes kept, its footer and Marp\'s viewer left out, said once', async () => {
    const page = [
      '<!DOCTYPE html><html lang="C"><head><title>Marp talk</title><style>section { font-size: 29px; }</style></head><body>',
      '<div class="bespoke-marp-osc"><button data-bespoke-marp-osc="prev">Previous slide</button></div>',
      '<div id=":$p"><svg data-marpit-svg="" viewBox="0 0 1280 720">',
      '<foreignObject width="1280" height="720"><section data-marpit-advanced-background="background"><div data-marpit-advanced-background-container="true"><figure style="background-image:url(&quot;square.png&quot;);"></figure></div></section></foreignObject>',
      '<foreignObject width="50%" height="720" x="50%"><section id="1" data-footer="Course" lang="C" style="--footer:Course;" data-marpit-advanced-background="content">',
      '<h1 id="first">First</h1>', '<p>Hello <em>world</em> <mjx-container class="MathJax" jax="SVG"><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" role="img"><rect width="5" height="5"></rect></svg></mjx-container></p>', '<footer>Course</footer>',
      '</section></foreignObject>',
      '<foreignObject width="1280" height="720" data-marpit-advanced-background="pseudo"><section data-marpit-advanced-background="pseudo"></section></foreignObject></svg>',
      '<svg data-marpit-svg="" viewBox="0 0 1280 720"><foreignObject width="1280" height="720"><section id="2" data-class="lead course-title" class="lead course-title" data-marpit-fragments="2">',
      '<h2 id="second">Second <img class="emoji" draggable="false" alt="🔗" src="https://cdn.jsdelivr.net/gh/jdecked/twemoji@16.0.1/assets/svg/1f517.svg" data-marp-twemoji=""/></h2>', '<ul>', '<li data-marpit-fragment="1">One step</li>', '<li data-marpit-fragment="2">Two steps</li>', '</ul>', '<footer>Course</footer>',
      '</section></foreignObject></svg></div>',
      '<div class="bespoke-marp-note" data-index="0" tabindex="0"><p>Open with the picture.</p></div><div class="bespoke-marp-note" data-index="1" tabindex="0"><p>Then the steps.</p></div>',
      '<script>!function(){"use strict";window.bespoke=1}();</script>',
      '</body></html>',
    ].join('\n');
    const { briefing, warnings, deck } = await buildDeck(path.join(writeBriefing({ 'deck.html': page, 'square.png': readFileSync(path.join(FIXTURES, 'layouts', 'square.png')) }, 'marp-page'), 'deck.html'));
    // Marp's emoji picture (a remote one) is the emoji itself.
    expect(briefing.slides.map((s) => [s.title, s.look?.className ?? null])).toEqual([['First', null], ['Second 🔗', 'lead']]);
    expect(briefing.slides.map((s) => toPlainText(s.notes?.html ?? '').trim())).toEqual(['Open with the picture.', 'Then the steps.']);
    expect(briefing.images.map((i) => [i.relPath, i.decorative === true])).toEqual([['square.png', true], ['#inline-svg-1', false]]);
    expect(briefing.slides[0]!.look?.backgroundImage).toBe(0);
    expect(briefing.slides[1]!.bodyHtml).toMatch(/<li class="fragment">One step<\/li>\s*<li class="fragment">Two steps<\/li>/);
    // Neither Marp's footer nor its viewer's buttons are on a slide.
    for (const slide of briefing.slides) expect(toPlainText(`${slide.titleHtml} ${slide.bodyHtml}`)).not.toMatch(/Course|Previous slide/);
    expect(deck.html).not.toContain('bespoke');
    expect(briefing.authorCss ?? '').not.toContain('29px');
    expect(warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      "5: this page is a Marp deck as marp-cli renders it: its slides are read, and Marp's theme and viewer in it are not; left out of its slides: its footer, the classes of its theme (course-title)",
    ]);
  });

  it("reads Quarto's and Pandoc's columns (<div class=\"columns\"> of <div class=\"column\">) as the slide's columns, sized as written, what stands before and after them spanning them", async () => {
    const page = [
      '<div class="reveal"><div class="slides"><section><h2>Cols</h2>', '<p>Above both</p>',
      '<div class="columns">', '<div class="column" style="width:40%;">', '<ul><li>Left one</li><li>Left two</li></ul>', '</div><div class="column" style="width:60%;">', '<p>Right text</p>', '</div>', '</div>',
      '<p>Under both</p>',
      '</section><section><h2>Not columns</h2><div class="columns"><p>Loose text</p></div></section></div></div>',
    ].join('\n');
    const { briefing, warnings } = await buildDeck(path.join(writeBriefing({ 'page.html': page }), 'page.html'));
    const [cols, loose] = briefing.slides;
    expect(cols!.layout).toBe('two-column');
    const flat = (html: string | undefined) => (html ?? '').replace(/\n/g, '');
    expect([cols!.columnsLead, ...cols!.columns!, cols!.columnsTail].map(flat)).toEqual(['<p>Above both</p>', '<ul><li>Left one</li><li>Left two</li></ul>', '<p>Right text</p>', '<p>Under both</p>']);
    expect(cols!.columnWidths).toEqual([40, 60]);
    // A box of that class with anything but columns in it stays a box, its class named as any.
    expect([loose!.layout, toPlainText(loose!.bodyHtml).trim()]).toEqual(['content', 'Loose text']);
    expect(warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['11: classes no style of the deck names were left out of raw HTML (<div>)']);
  });

  it('reads an HTML Slidy or S5 page (Pandoc\'s, R Markdown\'s): each <div class="slide"> a slide, its cover its own, its incremental lists stepping in; Slidy\'s own style sheet and script said nothing of', async () => {
    const page = [
      '<!DOCTYPE html><html lang="en"><head><title>Slidy talk</title>',
      '<link rel="stylesheet" type="text/css" href="https://www.w3.org/Talks/Tools/Slidy2/styles/slidy.css" />',
      '<script src="https://www.w3.org/Talks/Tools/Slidy2/scripts/slidy.js" type="text/javascript"></script></head><body>',
      '<div class="slide titlepage">', '<h1 class="title">Slidy talk</h1>', '<p class="author">Ann Author</p>', '</div>',
      '<div id="first" class="slide section level1">', '<h1>First</h1>', '<ul class="incremental">', '<li>One</li>', '<li>Two<ul><li>Under two</li></ul></li>', '</ul>', '</div>',
      '<div id="second" class="slide section level1">', '<h1>Second</h1>', '<p>Plain text.</p>', '</div>',
      '</body></html>',
    ].join('\n');
    const { briefing, warnings } = await buildDeck(path.join(writeBriefing({ 'talk.html': page }), 'talk.html'));
    expect(warnings).toEqual([]);
    expect(briefing.slides.map((s) => [s.kind, s.title])).toEqual([['content', 'Slidy talk'], ['content', 'First'], ['content', 'Second']]);
    expect(toPlainText(briefing.slides[0]!.bodyHtml).trim()).toBe('Ann Author');
    // The incremental list's own items step in; a list inside an item steps as its own class says.
    expect(briefing.slides[1]!.bodyHtml.replace(/\s*\n\s*|(?<=>) (?=<)/g, '')).toBe('<ul><li class="fragment">One</li><li class="fragment">Two<ul><li>Under two</li></ul></li></ul>');
  });

  it("reads a Shower page (<body class=\"shower\">): each <section class=\"slide\"> a slide, its <footer> the presenter's notes, an element of class next a step", async () => {
    const page = [
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Shower talk</title></head>',
      '<body class="shower list">', '<header class="caption"><h1>Shower talk</h1></header>',
      '<section class="slide" id="cover"><h2>Cover</h2><p>Opening words.</p></section>',
      '<section class="slide"><h2>Steps</h2><ol><li>First</li><li class="next">Then</li></ol>', '<footer class="notes"><p>Said only.</p></footer></section>',
      '</body></html>',
    ].join('\n');
    const { briefing, warnings } = await buildDeck(path.join(writeBriefing({ 'talk.html': page }), 'talk.html'));
    expect(briefing.slides.map((s) => [s.title, s.notes ? toPlainText(s.notes.html).trim() : null])).toEqual([['Cover', null], ['Steps', 'Said only.']]);
    expect(briefing.slides[1]!.bodyHtml.replace(/\s*\n\s*/g, '')).toBe('<ol><li>First</li><li class="fragment">Then</li></ol>');
    expect(warnings).toEqual([]);
  });

  it('reads a deck.js page (each <section class="slide">, a .slide inside one a step) and a WebSlides or bespoke.js page (each <section> in an <article>)', async () => {
    const deckJs = [
      '<!DOCTYPE html><html><head><meta charset="utf-8"><title>deck.js talk</title></head><body><div class="deck-container">',
      '<section class="slide" id="title-slide"><h1>Getting started</h1></section>',
      '<section class="slide"><h2>How to</h2><ol><li><p>Write slides.</p></li><li class="slide"><p>Choose a theme.</p></li></ol></section>',
      '</div></body></html>',
    ].join('\n');
    const webSlides = ['<!doctype html><html><head><meta charset="utf-8"><title>WebSlides</title></head><body><main role="main"><article id="webslides">', '<section><h1>Opening</h1><p>Easy.</p></section>', '<section><h2>Second</h2><p>Body text.</p></section>', '</article></main></body></html>'].join('\n');
    const dir = writeBriefing({ 'deck.html': deckJs, 'ws.html': webSlides });
    const deck = await buildDeck(path.join(dir, 'deck.html'));
    expect(deck.briefing.slides.map((s) => s.title)).toEqual(['Getting started', 'How to']);
    expect(deck.briefing.slides[1]!.bodyHtml.replace(/\s*\n\s*/g, '')).toBe('<ol><li><p>Write slides.</p></li><li class="fragment"><p>Choose a theme.</p></li></ol>');
    expect(deck.warnings).toEqual([]);
    const ws = await buildDeck(path.join(dir, 'ws.html'));
    expect(ws.briefing.slides.map((s) => [s.title, toPlainText(s.bodyHtml).trim()])).toEqual([['Opening', 'Easy.'], ['Second', 'Body text.']]);
    expect(ws.warnings).toEqual([]);
    // bespoke.js keeps its sections in an <article> too.
    writeFileSync(path.join(dir, 'bespoke.html'), webSlides.replace('<article id="webslides">', '<article id="presentation">'));
    expect((await buildDeck(path.join(dir, 'bespoke.html'))).briefing.slides.map((s) => s.title)).toEqual(['Opening', 'Second']);
  });

  it("reads the page R Markdown's ioslides renders: each <slide> in <slides> a slide, its cover from the page's title (its script, which fills it, not run), a build's items steps, a note the presenter's, the backdrop no slide", async () => {
    const page = [
      '<!DOCTYPE html><html><head><title>Habits</title><meta charset="utf-8"></head><body style="opacity: 0">',
      '<slides class="layout-widescreen">',
      '<slide class="title-slide segue nobackground"><hgroup class="auto-fadein"><h1 data-config-title></h1><h2 data-config-subtitle></h2><p data-config-presenter></p></hgroup></slide>',
      '<slide class=""><hgroup><h2>Getting up</h2></hgroup><article id="getting-up" class="build">', '<ul><li>Turn off alarm</li><li>Get out of bed</li></ul>',
      '<aside class="note"><section><p>Remember the alarm.</p></section></aside>', '</article></slide>',
      '<slide class="backdrop"></slide>', '</slides>', '</body></html>',
    ].join('\n');
    const { briefing, warnings } = await buildDeck(path.join(writeBriefing({ 'talk.html': page }), 'talk.html'));
    expect(briefing.slides.map((s) => [s.title, s.notes ? toPlainText(s.notes.html).trim() : null])).toEqual([['Habits', null], ['Getting up', 'Remember the alarm.']]);
    expect(briefing.slides[1]!.bodyHtml.replace(/\s*\n\s*/g, '')).toBe('<ul><li class="fragment">Turn off alarm</li><li class="fragment">Get out of bed</li></ul>');
    expect(warnings).toEqual([]);
  });

  it('reads an impress.js page: each step inside <div id="impress"> a slide, its canvas placement gone, a step inside a step part of it, its presenter notes notes', async () => {
    const page = [
      '<!doctype html><html><head><meta charset="utf-8"><title>Impress talk</title></head><body class="impress-not-supported">',
      '<div class="fallback-message"><p>Your browser does not support impress.js.</p></div>',
      '<div id="impress" data-transition-duration="1000">',
      '<div id="bored" class="step" data-x="-1000" data-y="-1500" data-rotate="90"><q>Bored with <b>slides</b>?</q></div>',
      '<div class="step" data-x="0" data-y="-1500"><h1>Second</h1><p>Text here</p><div class="step">Part of it</div><div class="notes">Said only.</div></div>',
      '</div>',
      '<script>impress().init();</script>',
      '</body></html>',
    ].join('\n');
    const { briefing, warnings, deck } = await buildDeck(path.join(writeBriefing({ 'talk.html': page }), 'talk.html'));
    expect(briefing.slides.map((s) => [s.title, toPlainText(s.bodyHtml.replace(/></g, '> <')).replace(/\s+/g, ' ').trim(), s.notes?.markdown ?? null])).toEqual([
      [null, 'Bored with slides?', null],
      ['Second', 'Text here Part of it', 'Said only.'],
    ]);
    expect(deck.html).not.toMatch(/data-rotate|data-x=|does not support impress/);
    expect(warnings.map((w) => w.message)).toEqual(["scripts of the page's own (an inline script) are not run: a deck runs only its own; what they would draw or change is missing"]);
  });

  it("reads a rendered Quarto page's code block as code, its copy button (the page's chrome, run by its script) left out without a word", async () => {
    const page = [
      '<div class="reveal"><div class="slides"><section><h2>Code</h2>',
      '<div class="sourceCode" id="cb1"><pre class="sourceCode r code-with-copy"><code class="sourceCode r"><span id="cb1-1"><a href="#cb1-1" aria-hidden="true" tabindex="-1"></a>x <span class="ot">&lt;-</span> <span class="dv">1</span></span>',
      '<span id="cb1-2"><a href="#cb1-2" aria-hidden="true" tabindex="-1"></a><span class="fu">print</span>(x)</span></code><button title="Copy to Clipboard" class="code-copy-button"><i class="bi"></i></button></pre></div>',
      '</section></div></div>',
    ].join('\n');
    const { briefing, warnings } = await buildDeck(path.join(writeBriefing({ 'page.html': page }), 'page.html'));
    expect(warnings).toEqual([]);
    const body = briefing.slides[0]!.bodyHtml;
    expect(body).toMatch(/^<pre><code class="hljs language-r">x <span class="hljs-operator">&lt;-<\/span> 1\nprint[\s\S]*<\/code><\/pre>\s*$/);
    expect(body).not.toMatch(/button|Copy/);
  });

  it('a step (a list item, a paragraph) that ends with math steps in whole: the formula never takes the step', async () => {
    const page = ['<div class="reveal"><div class="slides"><section><h2>Steps</h2>', '<ul>', '<li class="fragment">One <span class="math inline">\\(x^2\\)</span></li>', '<li class="fragment">Two</li>', '</ul>', '<p class="fragment">Energy <span class="math inline">\\(E\\)</span></p>', '</section></div></div>'].join('\n');
    const { briefing } = await buildDeck(path.join(writeBriefing({ 'page.html': page }), 'page.html'));
    const body = briefing.slides[0]!.bodyHtml;
    expect(body.match(/<li class="fragment">/g)).toHaveLength(2);
    expect(body).toContain('<li class="fragment">One <span class="math inline"><span class="katex">');
    expect(body).toContain('<p class="fragment">Energy <span class="math inline"><span class="katex">');
    expect(body).not.toMatch(/class="[^"]*math[^"]*fragment/);
  });

  it("a page Quarto rendered: its plumbing (ids, aria-describedby, code lines' anchors, tabindex, data-layout-align, quarto- classes) goes unmentioned, its cells' code is a code block; the author's own slide id and classes stay", async () => {
    const page = [
      '<html><head><meta name="generator" content="quarto-1.4.550"></head><body><div class="reveal"><div class="slides">',
      '<section id="title-slide" class="quarto-title-block center"><h1 class="title">Deck</h1></section>',
      '<section id="slide-one" class="slide level2"><h2>Slide one</h2>',
      '<p>Text with <span id="tbl-x">a span</span>.</p>',
      '<div id="fig-plot" class="quarto-float quarto-figure anchored"><figure class="quarto-float quarto-float-fig figure"><div aria-describedby="fig-plot-caption"><p>Plot</p></div><figcaption class="quarto-float-caption" id="fig-plot-caption">Figure 1: A plot</figcaption></figure></div>',
      '<div class="cell" data-layout-align="center"><div class="sourceCode cell-code" id="cb1"><pre class="sourceCode r code-with-copy"><code class="sourceCode r"><span id="cb1-1"><a href="#cb1-1" aria-hidden="true" tabindex="-1"></a>x <span class="ot">&lt;-</span> 1</span></code></pre></div>',
      '<div class="cell-output cell-output-stdout"><pre><code>[1] 1</code></pre></div></div>',
      '</section></div></div></body></html>',
    ].join('\n');
    const quarto = await buildDeck(path.join(writeBriefing({ 'page.html': page }), 'page.html'));
    expect(quarto.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([]);
    const body = quarto.briefing.slides.find((s) => s.title === 'Slide one')!.bodyHtml;
    expect(body).toMatch(/<pre><code class="hljs language-r">x <span class="hljs-operator">&lt;-<\/span> 1<\/code><\/pre>\s*<pre><code class="hljs">\[1\] 1<\/code><\/pre>/);
    expect(body).toContain('<figcaption>Figure 1: A plot</figcaption>');
    expect(body).not.toMatch(/\sid=|aria-|tabindex|quarto-|#cb1/);
    // The same page, not Quarto's: its attributes are the author's, and their removal is said, as in any page.
    const plain = await buildDeck(path.join(writeBriefing({ 'page.html': page.replace('<meta name="generator" content="quarto-1.4.550">', '') }), 'page.html'));
    expect(plain.warnings.map((w) => w.message).join('\n')).toMatch(/removed id on <span>/);
  });

  it('typesets math in a heading below the title (reveal\'s math example: <h3>… \\(k\\) heads …</h3>), at its level; a heading without math stays HTML', async () => {
    const page = ['<div class="reveal"><div class="slides"><section><h2>Odds</h2>', '<h3>The chance of \\(k\\) heads in \\(n\\) flips</h3>', '<h4>Plain</h4>', '</section>', '<section><h3>Only \\(k\\)</h3><p>Text.</p></section></div></div>'].join('\n');
    const { briefing } = await buildDeck(path.join(writeBriefing({ 'page.html': page }), 'page.html'));
    const bodies = briefing.slides.map((s) => s.bodyHtml);
    expect(bodies[0]).toMatch(/^<h3>The chance of <span class="katex">[\s\S]*<annotation encoding="application\/x-tex">k<\/annotation>[\s\S]* heads in <span class="katex">[\s\S]*<\/h3>\s*<h4>Plain<\/h4>/);
    expect(bodies[1]).toMatch(/^<h3>Only <span class="katex">/);
    for (const body of bodies) expect(toPlainText(body)).not.toContain('\\(');
  });

  it("typesets math inside a box (Quarto's <div class=\"fragment\">, a class of the page's, boxes in boxes, a definition list, a quotation), the box's tags and steps kept and its dollars text", async () => {
    const page = [
      '<div class="reveal"><div class="slides"><section><h2>Boxes</h2>',
      '<div class="fragment fade-in">', '<p>Values of <span class="math inline">\\(\\eta\\)</span> differ.</p>', '</div>',
      '<div class="highlight-last">', '<ul>', '<li class="fragment">If <span class="math inline">\\(\\eta = 0\\)</span>, the answer is $60,000.</li>', '</ul>',
      '<div class="inner"><p>Deeper \\(a^2\\)</p></div>', '</div>',
      '<div class="plain"><p>No math, $5.</p></div>',
      '</section><section><h2>Definitions</h2>',
      '<dl>', '<dt>Harm</dt>', '<dd><p><span class="math inline">\\(H/n\\)</span> each</p></dd>', '<dt>Term \\(x\\)</dt>', '</dl>',
      '<blockquote><p>Quoted \\(z\\)</p></blockquote>',
      '</section></div></div>',
    ].join('\n');
    const { briefing } = await buildDeck(path.join(writeBriefing({ 'page.html': page }), 'page.html'));
    const body = briefing.slides[0]!.bodyHtml.replace(/\n/g, '');
    const typeset = (html: string) => [...html.matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g)].map((m) => m[1]);
    expect(typeset(body)).toEqual(['\\eta', '\\eta = 0', 'a^2']);
    expect(toPlainText(body)).not.toMatch(/\\\(|\\\)/);
    // In a definition list and a quotation too, their structure kept.
    const definitions = briefing.slides[1]!.bodyHtml.replace(/\n/g, '');
    expect(typeset(definitions)).toEqual(['H/n', 'x', 'z']);
    expect(definitions).toMatch(/^<dl><dt>Harm<\/dt><dd><p><span class="math inline">[\s\S]* each<\/p><\/dd><dt><p>Term [\s\S]*<\/p><\/dt><\/dl><blockquote><p>Quoted [\s\S]*<\/p><\/blockquote>$/);
    expect(body).toMatch(/^<div class="fragment fade-in"><p>Values of <span class="math inline"><span class="katex">[\s\S]*<\/p><\/div><div><ul><li class="fragment">If [\s\S]*, the answer is \$60,000\.\s*<\/li><\/ul><div><p>Deeper [\s\S]*<\/p><\/div><\/div><div><p>No math, \$5\.<\/p><\/div>$/);
  });

  it('warns, at the page\'s lines, of what it does not read', async () => {
    const { warnings } = await built;
    expect([...warnings].sort((a, b) => a.line! - b.line!).map((w) => `${w.line}: ${w.message.replace(/\(file not found: [^)]*\)/, '(file not found)')}`)).toEqual([
      '10: style sheets the page links to (local.css) are not read; write their rules in a <style> element in the page to keep them',
      "69: the file absent.md that reveal.js's <section data-markdown> names could not be read (file not found), so it was left out",
      '70: data-separator="^(---|\\+\\+\\+)$" is not read: briefdeck cuts this section\'s Markdown at --- (and -- or ---- for a vertical slide)',
      '77: raw HTML was neutralised: removed <script>',
    ]);
    expect(warnings.every((w) => w.file!.endsWith('index.html'))).toBe(true);
    // A section's own transition is the slide's.
    expect((await built).briefing.slides.find((s) => s.title === 'Last')!.look).toEqual({ transition: 'zoom' });
  });

  it('names the page\'s own scripts, which are not run, and not reveal\'s (its core, plugins and the call that starts it)', async () => {
    const dir = writeBriefing({
      'page.html': '<script src="dist/reveal.js"></script>\n<script src="plugin/notes/notes.js"></script>\n<script src="https://cdn.example/chart.js"></script>\n<div class="reveal"><div class="slides"><section><h2>A</h2></section></div></div>\n<script>drawThings();</script>\n<script>Reveal.initialize({ hash: true });</script>\n',
    });
    const { warnings } = await buildDeck(path.join(dir, 'page.html'));
    expect(warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(["3: scripts of the page's own (https://cdn.example/chart.js, an inline script) are not run: a deck runs only its own; what they would draw or change is missing"]);
  });

  it('names a rendered page\'s many resources in a line: inline scripts counted, at most five addresses, each cut short (a sheet written out as data)', async () => {
    const sheets = [`data:text/css;base64,${'Ym9keXt9'.repeat(5_000)}`, ...['a', 'b', 'c', 'd', 'e', 'f'].map((n) => `${n}.css`)];
    const dir = writeBriefing({
      'page.html': `${sheets.map((s) => `<link rel="stylesheet" href="${s}">`).join('\n')}\n<div class="reveal"><div class="slides"><section><h2>A</h2></section></div></div>\n${'<script>draw();</script>\n'.repeat(18)}`,
    });
    const { warnings } = await buildDeck(path.join(dir, 'page.html'));
    const [sheetWarning, scriptWarning] = warnings.map((w) => `${w.line}: ${w.message}`);
    expect(sheetWarning).toMatch(/^1: style sheets the page links to \(data:text\/css;base64,Ym9keXt9[^,]{0,80}, a\.css, b\.css, c\.css, d\.css, 2 more\) are not read/);
    expect(scriptWarning).toBe("9: scripts of the page's own (18 inline scripts) are not run: a deck runs only its own; what they would draw or change is missing");
  });

  it("reads the options its Reveal.initialize starts the deck with, never running it: transition, slideNumber: false and the slide's shape; the rest that a deck does not do anyway is named", async () => {
    const slides = '<div class="reveal"><div class="slides"><section><h2>A</h2></section><section><h2>B</h2></section></div></div>\n';
    const classic = writeBriefing({ 'page.html': `${slides}<script>\n  Reveal.initialize({\n    hash: true, controls: true, transition: 'zoom', slideNumber: false,\n    width: 960, height: 700, autoSlide: 5000, parallaxBackgroundImage: bg(),\n    plugins: [RevealNotes],\n  });\n</script>\n` });
    const built = await buildDeck(path.join(classic, 'page.html'));
    expect([built.briefing.meta.transition, built.briefing.meta.pageNumbers, built.briefing.meta.size]).toEqual(['zoom', false, '4:3']);
    expect(built.deck.html).not.toContain('class="footer-number"');
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(["5: reveal.js options autoSlide, parallaxBackgroundImage in the page's Reveal.initialize are not read; the deck keeps briefdeck's own"]);
    // reveal 4's module form: a deck made with new Reveal, started with its initialize; a computed value is not read.
    const module = writeBriefing({ 'page.html': `${slides}<script type="module">\n  import Reveal from './dist/reveal.esm.js';\n  const deck = new Reveal();\n  deck.initialize({ transition: pick(), width: 1280, height: 720 });\n</script>\n` });
    const read = await buildDeck(path.join(module, 'page.html'));
    expect([read.briefing.meta.transition, read.briefing.meta.size]).toEqual([undefined, '16:9']);
    expect(read.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(["5: reveal.js options transition in the page's Reveal.initialize are not read; the deck keeps briefdeck's own"]);
  });

  it("reads a section's id, so a link to it (#/intro, #intro) goes to its place; reveal's own addresses stay", async () => {
    const page = ['<div class="reveal"><div class="slides">', '<section id="intro"><h2>Intro</h2><p>Start.</p></section>', '<section><h2>Two</h2><p><a href="#/intro">Back</a>, <a href="#intro">again</a> and <a href="#/1">here</a>.</p></section>', '</div></div>'].join('\n');
    const { briefing, warnings } = await buildDeck(path.join(writeBriefing({ 'page.html': page }, 'page-ids'), 'page.html'));
    expect([...briefing.slides[1]!.bodyHtml.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1])).toEqual(['#/0', '#/0', '#/1']);
    expect(warnings).toEqual([]);
  });

  it('keeps briefdeck\'s theme, with a warning, when the page\'s theme style sheet is not one of reveal\'s', async () => {
    const dir = writeBriefing({ 'page.html': '<link rel="stylesheet" href="css/theme/house.css">\n<div class="reveal"><div class="slides"><section><h2>A</h2></section></div></div>\n' });
    const { briefing, warnings } = await buildDeck(path.join(dir, 'page.html'));
    expect(briefing.meta.theme).toBe('briefing');
    expect(warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(["1: the theme style sheet css/theme/house.css is not one of reveal's built-in themes, so the deck keeps briefdeck's own; its rules are not read"]);
  });

  it('check hints in the page\'s own terms: notes in an <aside class="notes">; a section of a heading alone is a divider', async () => {
    const dir = writeBriefing({ 'page.html': '<div class="reveal"><div class="slides">\n<section><h2>Empty</h2></section>\n</div></div>\n' });
    const result = await runCapture(['check', 'page.html', '--no-layout'], dir);
    // A section of a heading alone is a divider in a reveal.js page, as in other tools' decks: a warning, not an error.
    expect(result.code).toBe(0);
    expect(result.err).toContain('page.html:2: warning: slide 1 "Empty" shows only its title\n  hint: leave it as a divider, or add what the audience should read under the heading');
    expect(result.err).toContain('page.html:2: warning: slide 1 "Empty" has no speaker notes\n  hint: add an <aside class="notes"> in its section with what you will say');
  });

  it('takes a heading that opens a section from inside a box (as slide editors write them) for its title, but not one after the slide\'s text', async () => {
    const page = '<div class="reveal"><div class="slides">\n<section><div class="block"><div><h2>Wrapped title</h2></div></div><div><p>Body text</p></div></section>\n<section><h2>Direct</h2><div><h2>Second heading</h2></div></section>\n<section><div><p>Text first</p><h2>Not a title</h2></div></section>\n</div></div>\n';
    const { briefing } = await buildDeck(path.join(writeBriefing({ 'page.html': page }), 'page.html'));
    expect(briefing.slides.map((s) => s.title)).toEqual(['Wrapped title', 'Direct', null]);
    expect(briefing.slides[0]!.bodyHtml).not.toContain('Wrapped title');
    expect(briefing.slides[0]!.bodyHtml).toContain('Body text');
    expect(briefing.slides[1]!.bodyHtml).toContain('<h2>Second heading</h2>');
  });

  it('reads reveal\'s default notes separators, and warns of another, whose notes would otherwise show', async () => {
    const page = '<div class="reveal"><div class="slides">\n<section data-markdown data-separator-notes="^Note:"><textarea data-template>\n## One\nNote: said\n</textarea></section>\n<section data-markdown data-separator-notes="^Speaker:"><textarea data-template>\n## Two\nSpeaker: shown\n</textarea></section>\n</div></div>\n';
    const { briefing, warnings } = await buildDeck(path.join(writeBriefing({ 'page.html': page }), 'page.html'));
    expect(briefing.slides.map((s) => s.notes?.markdown ?? null)).toEqual(['said', null]);
    expect(warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['6: data-separator-notes="^Speaker:" is not read: this section\'s notes start at a "Note:" line']);
  });

  it('cuts at a separator of the page\'s own that is one line of text (+++, xxx), in an external file at its own lines and in a template, and at one of blank lines (reveal.js\'s own ^\\n\\n\\n and ^\\n\\n); a pattern of another shape is named', async () => {
    const page = [
      '<div class="reveal"><div class="slides">',
      '<section data-markdown="part.md" data-separator="^(\\r?)\\n---(\\r?)\\n" data-separator-vertical="^(\\r?)\\n\\+\\+\\+(\\r?)\\n"></section>',
      '<section data-markdown data-separator="^\\nxxx\\n"><textarea data-template>\n## Three\n\nxxx\n\n## Four\n</textarea></section>',
      '<section data-markdown data-separator="^(---|\\+\\+\\+)$"><textarea data-template>\n## Five\n</textarea></section>',
      '<section data-markdown data-separator="^\\n\\n\\n" data-separator-vertical="^\\n\\n"><textarea data-template>\n## Six\n\nText.\n\n\n\n## Seven\n\n\n## Eight\n</textarea></section>',
      '</div></div>', '',
    ].join('\n');
    const part = '## One\n\nQuestion?\n\n+++\n\n## Answer\n\n![missing](gone.png)\n';
    const { briefing, warnings, deck } = await buildDeck(path.join(writeBriefing({ 'page.html': page, 'part.md': part }), 'page.html'));
    expect(stackTitles(deck.html)).toEqual([['One', 'Answer'], ['Seven', 'Eight']]);
    expect(briefing.slides.map((s) => s.title)).toEqual(['One', 'Answer', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight']);
    expect(briefing.slides.map((s) => s.bodyHtml).join('')).not.toMatch(/\+\+\+|xxx/);
    // The external file's lines keep their numbers: its missing picture is named at its own line.
    expect(warnings.map((w) => `${path.basename(w.file ?? '')}:${w.line}: ${w.message.split(';')[0]}`)).toEqual([
      'page.html:10: data-separator="^(---|\\+\\+\\+)$" is not read: briefdeck cuts this section\'s Markdown at --- (and -- or ---- for a vertical slide)',
      'part.md:9: image not found: gone.png',
    ]);
  });

  it('refuses a deck briefdeck built, a reveal.js page whose slides are its templates\' markup, with a hint to build its briefing', async () => {
    const dir = writeBriefing({ 'deck.md': '## One\n\nText\n' });
    const built = await buildDeck(path.join(dir, 'deck.md'));
    writeFileSync(path.join(dir, 'built.html'), built.deck.html);
    const error = await buildDeck(path.join(dir, 'built.html')).catch((e: unknown) => e as { code: string; diagnostics: { message: string; hint?: string }[] });
    expect(error).toMatchObject({ code: 'E_INPUT_TYPE', diagnostics: [{ message: 'this page is a deck briefdeck built, not one to build', hint: 'build the briefing it was built from (its folder or Markdown file)' }] });
  });

  it('is read only as a deck of its own: an HTML file in a briefing folder is not one of its parts', async () => {
    const dir = writeBriefing({ 'slides.md': '## The only slide\n\nText\n', 'page.html': '<div class="reveal"><div class="slides"><section><h2>Not read</h2></section></div></div>' });
    const { briefing } = await buildDeck(dir);
    expect(briefing.slides.filter((s) => s.kind === 'content').map((s) => s.title)).toEqual(['The only slide']);
  });
});

describe('a Markdown file of reveal.js sections (a Jekyll or Hugo page for a reveal layout)', () => {
  it('is read as a reveal.js page\'s slides: Markdown written in a section or its template, notes, HTML sections and stacks; the page\'s layout key is the site\'s', async () => {
    const deck = [
      '---', 'layout: slide', 'title: Beginner *nix', 'theme: black', '---', '',
      '<section data-markdown>', '## Agenda', '1. What is *nix?', '2. What is Bash?', '</section>', '',
      '<section data-markdown data-separator-notes="^Note:">', '## What is *nix?', '> A Unix-like system.', 'Note:', 'Any OS that is similar to Unix', '</section>', '',
      '<section data-markdown>', '<script type="text/template">', '## What is Bash?', 'A command line interpreter.', 'Note:', 'Show the prompt', '</script>', '</section>', '',
      '<section>', '<section><h2>Stack top</h2><p>Above.</p></section>', '<section><h2>Stack below</h2></section>', '</section>', '',
    ].join('\n');
    const built = await buildDeck(path.join(writeBriefing({ 'slide.md': deck }, 'reveal-sections-md'), 'slide.md'));
    expect(built.briefing.meta.peerTools).toContain('reveal.js');
    expect(built.briefing.slides.map((s) => [s.title, s.notes?.markdown ?? null])).toEqual([
      ['Agenda', null],
      ['What is *nix?', 'Any OS that is similar to Unix'],
      ['What is Bash?', 'Show the prompt'],
      ['Stack top', null],
      ['Stack below', null],
    ]);
    expect(stackTitles(built.deck.html)).toEqual([['Stack top', 'Stack below']]);
    expect(built.briefing.slides[0]!.bodyHtml).toContain('<ol>');
    expect(built.briefing.slides.map((s) => s.bodyHtml).join('\n')).not.toMatch(/data-markdown|text\/template|##|Note:/);
    expect(built.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['2: "layout" of a page of reveal.js sections is its site generator\'s (Jekyll\'s, Hugo\'s); briefdeck ignores it']);
    // A Markdown deck that only holds a section among its text is read as Markdown, as before.
    const plain = await buildDeck(path.join(writeBriefing({ 'deck.md': '---\ntitle: P\n---\n\n## One\n\n<section>Raw</section>\n' }, 'markdown-with-section'), 'deck.md'));
    expect(plain.briefing.meta.peerTools).not.toContain('reveal.js');
  });
});

describe('a fence for code written out as Markdown', () => {
  it('is longer than any run of backticks in the code, read in one pass however many runs there are (a million overflowed the stack spread into Math.max)', () => {
    expect(fenceFor('plain')).toBe('```');
    expect(fenceFor('a ```` b `` c')).toBe('`````');
    expect(fenceFor('` '.repeat(1_000_000))).toBe('```');
  });
});
