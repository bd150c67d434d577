import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../src/build-deck.js';
import { scopeAuthorStyles } from '../src/parse/author-styles.js';
import { TINY_PNG, writeBriefing } from './helpers.js';

type P5 = { nodeName: string; tagName?: string; childNodes?: P5[]; content?: P5; value?: string };
const elements = (n: P5): P5[] => [n, ...(n.childNodes ?? []).flatMap(elements), ...(n.content ? elements(n.content) : [])];
const build = (files: Record<string, string | Uint8Array>, name: string, entry = 'deck.md') => buildDeck(path.join(writeBriefing(files, name), entry));
/** The author's rules as the deck carries them, one per line, without the guard that comes first. */
const rulesOf = (css: string | undefined) => (css ?? '').split('\n').slice(1).map((l) => l.trim()).filter(Boolean);

const SLIDE = '.reveal .slides section[data-layout]';
const BODY = `${SLIDE} .slide-body`;

describe("the author's own styles", () => {
  it("Marp's style directive and <style> style every slide, <style scoped> its own; section and :root are the slide, a # title is their h1; none of it shows as text", async () => {
    const built = await build({
      'deck.md': [
        '---', 'marp: true', 'style: |', '  section { background: #fafafa; }', '  img[alt~="center"] { display: block; }', '---', '',
        '# One', '', 'Text', '', '<style>', 'section.lead h1, p > em, section > p { text-align: center; }', '@media print { p { color: gray } }', '</style>', '',
        '---', '', '<style scoped>', 'p { color: red; }', ':root { font-size: 20px; }', 'section::after { content: "x" }', '</style>', '', '## Two', '', 'Red text', '',
      ].join('\n'),
    }, 'styles-marp');
    // Marp's page number is its section::after; the slide itself takes only its background and its type.
    expect(built.warnings.map((w) => [w.code, w.line, w.message])).toEqual([
      ['W_STYLE', 22, "a style's content on the slide itself was left out: a slide's own style may set its background and its type, and the rest of it is the deck's"],
    ]);
    const h1 = ':is(h1:not(.slide-title), [data-title-level="1"] .slide-title)';
    expect(rulesOf(built.briefing.authorCss)).toEqual([
      `${SLIDE} { background: #fafafa; }`,
      `${BODY} img[alt~="center"] { display: block; }`,
      `${SLIDE}.lead .slide-body ${h1},${BODY} p > em,${BODY} p { text-align: center; }`,
      `@media print { ${BODY} p { color: gray } }`,
      `${SLIDE}[data-style-scope="2"] .slide-body p { color: red; }`,
      `${SLIDE}[data-style-scope="2"] { font-size: 20px; }`,
    ]);
    expect(built.briefing.slides.map((s) => [s.title, s.titleLevel, s.ownStyle === true, s.bodyHtml.replace(/\s+/g, ' ').trim()])).toEqual([
      ['One', 1, false, '<p>Text</p>'],
      ['Two', 2, true, '<p>Red text</p>'],
    ]);
    expect(built.deck.html).toMatch(/<section [^>]*data-layout="content" data-title-level="1">/);
    expect(built.deck.html).toMatch(/<section [^>]*data-style-scope="2" data-title-level="2">/);
    // After the theme, so an author's rule wins over the theme's of the same weight.
    const style = built.deck.html.slice(built.deck.html.indexOf('<style>'), built.deck.html.indexOf('</style>'));
    expect(style.indexOf(`${SLIDE} { background: #fafafa; }`)).toBeGreaterThan(style.indexOf('.slide-title'));
  });

  it("Slidev's <style> is its slide's own, .slidev-layout the slide; a Quarto deck's styles every slide, what names the page (.reveal, body, :root) read as the slide", async () => {
    const slidev = await build({ 'deck.md': ['---', 'theme: default', 'mdc: true', '---', '', '# Cover', '', '---', '', '# Styled', '', 'Text', '', '<style>', '.slidev-layout h2 { color: teal }', '</style>', ''].join('\n') }, 'styles-slidev');
    expect(rulesOf(slidev.briefing.authorCss)).toEqual([`${SLIDE}[data-style-scope="2"] .slide-body :is(h2:not(.slide-title), [data-title-level="2"] .slide-title) { color: teal }`]);
    const quarto = await build({ 'deck.qmd': ['---', 'title: Q', 'format: revealjs', '---', '', '## One', '', '<style>', '.reveal h2 { color: navy }', ':root { --r-main-font-size: 30px }', 'body { background: white }', 'p, h2 { margin: 0 }', '.reveal .slides section.smaller { font-size: 20px }', '</style>', '', 'Text', ''].join('\n') }, 'styles-quarto', 'deck.qmd');
    expect(rulesOf(quarto.briefing.authorCss)).toEqual([
      `${BODY} h2 { color: navy }`,
      `${SLIDE} { background: white }`,
      `${BODY} p,${BODY} h2 { margin: 0 }`,
      `${SLIDE}.smaller { font-size: 20px }`,
    ]);
    expect(quarto.warnings.map((w) => [w.line, w.message.split(' was')[0]])).toEqual([[10, "a style's --r-main-font-size on the slide itself"]]);
    expect(quarto.briefing.slides.find((s) => s.title === 'One')!.bodyHtml.trim()).toBe('<p>Text</p>');
  });

  it("a class the deck's styles give the slide (section.big) is one a slide may take, as data-author-class, carried on by Marp's class directive; a class none defines is still left out with a warning", async () => {
    const built = await build({
      'deck.md': ['---', 'marp: true', '---', '', '<style>', 'section.big h1, :root.quiet { color: gray }', 'section.present, section.a\\"b { color: red }', '</style>', '', '<!-- class: big -->', '<!-- _class: big lead present -->', '', '# One', '', '---', '', '# Two', '', '---', '', '<!-- _class: quiet other -->', '', '# Three', ''].join('\n'),
    }, 'styles-classes');
    expect(built.briefing.slides.map((s) => [s.title, s.look?.className, s.look?.authorClass])).toEqual([
      ['One', 'lead', 'big present'],
      ['Two', undefined, 'big'],
      ['Three', undefined, 'quiet'],
    ]);
    // reveal's own `present` is a class of the deck's here too, but never a class on the slide: reveal would take it for the current slide.
    expect(built.deck.html).toMatch(/<section class="layout-content kind-content lead" data-layout="content" data-author-class="big present"/);
    expect(rulesOf(built.briefing.authorCss)).toEqual([
      // A rule for both the slide and what is on it is two rules, the slide's kept to what a slide may take.
      `${SLIDE}[data-author-class~="big"] .slide-body :is(h1:not(.slide-title), [data-title-level="1"] .slide-title) { color: gray }`,
      `${SLIDE}[data-author-class~="quiet"] { color: gray }`,
      `${SLIDE}[data-author-class~="present"],${SLIDE}.a\\"b { color: red }`,
    ]);
    expect(built.warnings.map((w) => [w.line, w.message])).toEqual([[21, 'slide settings class other are not supported and were left out']]);
  });

  it("an element of a slide's HTML keeps a class the deck's styles name (<p class=\"big\">), which they then style; one none names, and the deck's chrome classes, still go", async () => {
    const built = await build({
      'deck.md': ['---', 'marp: true', '---', '', '<style>', '.big { font-size: 2em }', '.classification, .note em { color: red }', '</style>', '', '# One', '', '<p class="big other">Big</p>', '', '<div class="note classification">', '', 'A *note*', '', '</div>', ''].join('\n'),
    }, 'styles-element-classes');
    const body = built.briefing.slides[0]!.bodyHtml;
    expect(body).toContain('<p class="big">Big</p>');
    expect(body).toContain('<div class="note">');
    expect(body).not.toContain('classification');
    expect(built.briefing.authorCss).toContain('.reveal .slides section[data-layout] .slide-body .big { font-size: 2em }');
  });

  it("Marp's front-matter class: names a class the deck's styles define too, for every slide; one no style defines is named in a warning at its line", async () => {
    const built = await build({ 'deck.md': ['---', 'marp: true', 'class:', '  - big', '  - lead', '  - odd', '---', '', '<style>', 'section.big h1 { color: gray }', '</style>', '', '# One', '', '---', '', '# Two', ''].join('\n') }, 'styles-front-class');
    expect(built.briefing.slides.map((s) => [s.look?.className, s.look?.authorClass])).toEqual([['lead', 'big'], ['lead', 'big']]);
    expect(built.warnings.map((w) => [w.line, w.message])).toEqual([[3, '"class" is Marp\'s metadata; briefdeck reads part of it and ignores odd']]);
  });

  it('whatever would fetch is left out with a warning at its line (@import, url() that is not data:, image-set); broken CSS is a warning and the deck still builds', async () => {
    const built = await build({
      'deck.md': [
        '---', 'marp: true', 'style: |', '  @import url("https://fonts.example/css");', '  h1 { background: url(https://x.example/a.png); color: red }', '---', '',
        '# One', '', '<style>', '@font-face { font-family: F; src: url(//x.example/f.woff2), url(data:font/woff2;base64,AA==); }',
        'p { background-image: image-set("https://x.example/b.png" 1x); border: 1px solid; }', 'q { background: url(data:image/png;base64,AA==) }', '</style>', '',
        '---', '', '<style scoped>', 'p { color: red', '</style>', '', '# Two', '',
      ].join('\n'),
    }, 'styles-fetch');
    expect(built.warnings.map((w) => [w.code, w.line, w.message.replace(/:.*? was left out/, ' … was left out').split(',')[0]])).toEqual([
      ['W_STYLE', 4, "a style's @import url(\"https … was left out: a deck carries nothing from elsewhere"],
      ['W_STYLE', 5, "a style's background … was left out: a deck carries nothing from elsewhere"],
      ['W_STYLE', 11, "a style's src … was left out: a deck carries nothing from elsewhere"],
      ['W_STYLE', 12, "a style's background-image … was left out: a deck carries nothing from elsewhere"],
      ['W_STYLE', 19, "a style block's CSS does not parse (Unclosed block)"],
    ]);
    expect(built.warnings.every((w) => w.hint)).toBe(true);
    const css = built.briefing.authorCss!;
    expect(css).not.toMatch(/example|@import/);
    expect(css).toContain('border: 1px solid');
    expect(css).toContain('url(data:image/png;base64,AA==)');
    expect(built.deck.html).not.toContain('x.example');
  });

  it("a style cannot end the deck's <style> element, and one written as a string in front matter is CSS, not markup; nothing it says reaches past a slide's body but the slide's background and type", async () => {
    const built = await build({
      'deck.md': ['---', 'marp: true', 'style: "h1 { content: \\"</style><script>alert(1)</script>\\" }"', '---', '', '# One', '', 'Text', '', '<!-- A note -->', '',
        '<style>', 'aside, .classification, .deck-footer { display: none !important }', 'section { display: none; opacity: 0; color: navy }', '~ .deck-footer, section ~ section, .reveal + div { display: none }', 'section { & .deck-header { display: none } }', '</style>', ''].join('\n'),
    }, 'styles-hostile');
    const doc = parse(built.deck.html) as unknown as P5;
    const tags = elements(doc).map((n) => n.tagName).filter(Boolean);
    // One style element and the deck's own scripts: the config and the runtime, nothing from the style.
    expect(tags.filter((t) => t === 'style')).toHaveLength(1);
    expect(tags.filter((t) => t === 'script')).toHaveLength(2);
    expect(built.briefing.authorCss!.split('\n')[0]).toBe(`${BODY}{isolation:isolate}${SLIDE} .classification,${SLIDE} .deck-header,${SLIDE} .deck-footer{z-index:1}`);
    const rules = rulesOf(built.briefing.authorCss);
    expect(rules.slice(1)).toEqual([
      `${BODY} aside,${BODY} .classification,${BODY} .deck-footer { display: none !important }`,
      `${SLIDE} { color: navy }`,
    ]);
    expect(rules[0]).toMatch(/^\.reveal \.slides section\[data-layout\] \.slide-body :is\(h1:not\(\.slide-title\), \[data-title-level="1"\] \.slide-title\) \{ content: ".*alert\(1\).*" \}$/);
    expect(rules[0]).not.toContain('</style');
    // What a block sets on the slide that a slide does not take is named in one warning, at the first of it.
    expect(built.warnings.map((w) => [w.line, w.message.split(' left out')[0]])).toEqual([[14, "a style's display, opacity and nested rule & .deck-header on the slide itself were"]]);
  });

  it("a rendered page's style that sets dozens of things on the slide is named in one warning per block, each property once and at most eight of them", async () => {
    const props = ['margin', 'padding', 'border', 'display', 'width', 'height', 'overflow', 'position', 'top', 'left', 'z-index'];
    const css = ['.reveal .slides section {', ...props.map((p) => `  ${p}: 0;`), '}', 'section { margin: 1px; color: navy; }'];
    const built = await build({ 'deck.md': ['---', 'marp: true', '---', '', '# One', '', '<style>', ...css, '</style>', ''].join('\n') }, 'styles-many');
    expect(built.warnings.map((w) => [w.line, w.message])).toEqual([
      [9, "a style's margin, padding, border, display, width, height, overflow, position and 3 more on the slide itself were left out: a slide's own style may set its background and its type, and the rest of it is the deck's"],
    ]);
    expect(rulesOf(built.briefing.authorCss)).toContain(`${SLIDE} { color: navy; }`);
  });

  it("a variable of the author's own on the slide (a Marp theme's section { --color-primary }) is kept for its rules to use; one the chrome or reveal reads (--r-main-color, --bd-accent, --slide-scale) is not", async () => {
    const css = ['section {', '  --color-primary: #0a7;', '  --r-main-color: transparent;', '  --bd-accent: transparent;', '  --slide-scale: 3;', '  --Bg: url(https://example.com/a.png);', '}', 'h1 { color: var(--color-primary); }'];
    const built = await build({ 'deck.md': ['---', 'marp: true', '---', '', '# One', '', '<style>', ...css, '</style>', ''].join('\n') }, 'styles-variables');
    expect((built.briefing.authorCss ?? '').replace(/\s+/g, ' ')).toContain(`${SLIDE} { --color-primary: #0a7; }`);
    expect(built.briefing.authorCss).not.toMatch(/--r-main-color|--bd-accent|--slide-scale|example\.com/);
    expect(built.warnings.map((w) => [w.line, w.message.split(' left out')[0]])).toEqual([
      [13, "a style's --Bg: url(https://example.com/a.png) was"],
      [10, "a style's --r-main-color, --bd-accent and --slide-scale on the slide itself were"],
    ]);
  });

  it('a <style> block never closed takes the rest of the file, as a browser reads it, and says so at its line', async () => {
    const built = await build({ 'deck.md': ['---', 'marp: true', '---', '', '# One', '', 'Shown.', '', '<style>', 'h1 { color: red }', '', '---', '', '# Two', ''].join('\n') }, 'styles-unclosed');
    expect(built.briefing.slides.map((s) => s.title)).toEqual(['One']);
    expect(built.briefing.authorCss).toBeUndefined();
    expect(built.warnings.map((w) => [w.code, w.line, w.message])).toEqual([['W_PEER_SYNTAX', 9, 'a <style> block is never closed, so everything after it was taken for its CSS and left off the slides; close it with </style>']]);
  });

  it('readStyleClasses finds the classes a style gives the slide in its <style> blocks and the style directive, and every class the styles name; a text of unclosed blocks defines none', async () => {
    const { readStyleClasses } = await import('../src/parse/author-styles.js');
    const read = readStyleClasses(['<STYLE>section.big h1 {}</style>\n<style scoped>\n:root.quiet {}\n</style>'], 'section.wide {} .note p.small, .lead {}', true);
    expect([...read.slide]).toEqual(['big', 'quiet', 'wide']);
    // Every class named, the built-in looks (lead) apart, which the sanitizer keeps anyway.
    expect([...read.element]).toEqual(['big', 'quiet', 'wide', 'note', 'small']);
    // A style naming more classes than any deck's (a hostile one) gives elements the first 500 only: the sanitizer looks each up.
    expect(readStyleClasses([`<style>${Array.from({ length: 2000 }, (_, i) => `.c${i}`).join(',')} {}</style>`], undefined, true).element.size).toBe(500);
    const readSlideClasses = (texts: string[], deckStyle: string | undefined, rootIsSlide: boolean) => readStyleClasses(texts, deckStyle, rootIsSlide).slide;
    expect([...readSlideClasses(['<style>section.one {}</style>', `${'<style>'.repeat(20000)}section.two {}`], undefined, true)]).toEqual(['one']);
    // `:root` is the slide only in Marp's and Slidev's decks.
    expect([...readSlideClasses(['<style>:root.page {} section.slide {}</style>'], undefined, false)]).toEqual(['slide']);
  });

  it('scopeAuthorStyles leaves keyframes and nested rules as written, and drops at-rules that are not the deck\'s (@namespace, @page)', () => {
    const warnings: string[] = [];
    const css = scopeAuthorStyles([{ css: '@keyframes k { from { opacity: 0 } 50% { opacity: 1 } }\n.card { color: blue; & h3 { color: green } }\n@namespace svg url(http://www.w3.org/2000/svg);\n@page { margin: 0 }', line: 3, file: 'deck.md' }], new Map(), (_file, line, message) => warnings.push(`${line} ${message}`));
    expect(rulesOf(css)).toEqual(['@keyframes k { from { opacity: 0 } 50% { opacity: 1 } }', `${BODY} .card { color: blue; & h3 { color: green } }`]);
    expect(warnings).toEqual([]);
    expect(scopeAuthorStyles([], new Map(), () => undefined)).toBe('');
  });
});

describe('style sheets the metadata names', () => {
  it("a picture a style names in the briefing folder is the deck's, inlined where the style names it (a Marp theme's background, a <style>'s logo, an imported sheet's picture from its own folder); one outside, not there, or not a picture is left out, said at its line", async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="#0a0"/></svg>';
    const built = await build({
      'deck.md': [
        '---', 'marp: true', 'style: |', '  @import "theme/look.css";', "  section.lead { background: #fff url(images/bg.png) no-repeat center / cover; }", '---', '',
        '# One', '', '<style>', ".logo { background-image: url('./logo.svg'), image-set(\"images/bg.png\" 1x); }", 'h1 { background: url(../outside.png) }',
        'h2 { background: url(gone.png) }', 'h3 { cursor: url(pointer.cur), auto; }', '@font-face { font-family: Own; src: url(fonts/own.woff2); }',
        // One written as the render stage's own reference reaches for nothing of the deck's.
        'h4 { background: url(briefdeck-asset:0) }', '</style>', '', '<div class="logo">Logo</div>', '',
      ].join('\n'),
      'images/bg.png': TINY_PNG,
      'logo.svg': svg,
      'theme/look.css': 'h1 { background: url("pics/mark.png?v=2") }\n',
      'theme/pics/mark.png': TINY_PNG,
      'pointer.cur': 'not a picture',
    }, 'styles-pictures');
    expect(built.warnings.map((w) => [w.code, w.file?.split('/').pop(), w.line, w.message.split(':')[0]])).toEqual([
      ['W_IMAGE_MISSING', 'deck.md', 12, 'picture "../outside.png" is outside the briefing folder, so it was left out'],
      ['W_STYLE', 'deck.md', 14, "a style's cursor"],
      ['W_STYLE', 'deck.md', 15, "a style's src"],
      ['W_STYLE', 'deck.md', 16, "a style's background"],
      ['W_IMAGE_MISSING', 'deck.md', 13, 'image not found'],
    ]);
    // A picture of a style has no alt text to show in its place.
    expect(built.warnings.at(-1)!.message).toBe('image not found: gone.png; it was left out');
    // Each is one of the deck's pictures, read from beside the sheet that names it.
    expect(built.briefing.images.map((image) => [image.relPath, image.source.file.split('/').pop(), image.source.line])).toEqual([
      ['theme/pics/mark.png', 'look.css', 1], ['images/bg.png', 'deck.md', 5], ['logo.svg', 'deck.md', 11], ['images/bg.png', 'deck.md', 11], ['gone.png', 'deck.md', 13],
    ]);
    const png = `data:image/png;base64,${TINY_PNG.toString('base64')}`;
    const html = built.deck.html;
    const h = (level: number) => `:is(h${level}:not(.slide-title), [data-title-level="${level}"] .slide-title)`;
    // Each place a picture is named carries it; nothing is left to fetch, and no path or asset reference remains.
    expect(html).toContain(`${BODY} ${h(1)} { background: url("${png}") }`);
    expect(html).toContain(`${SLIDE}.lead { background: #fff url("${png}") no-repeat center / cover; }`);
    expect(html).toContain(`${BODY} .logo { background-image: url("data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"), image-set(url("${png}") 1x); }`);
    // A picture not there leaves no picture, and the rest of its declaration stands.
    expect(html).toContain(`${BODY} ${h(2)} { background: none }`);
    expect(html).not.toMatch(/briefdeck-asset|outside\.png|pointer\.cur|own\.woff2|bg\.png|mark\.png/);
    expect(built.briefing.images.every((image) => image.decorative && image.alt === '')).toBe(true);
  });

  it("reveal-md's css: and Quarto's format: revealjs: css: style every slide from their files, read from the briefing folder and scoped like any style; a file not there, one outside the folder and an address are each a warning at the line naming it", async () => {
    const revealMd = await build({
      'deck.md': ['---', 'title: R', 'separator: <!--s-->', 'css: custom.css', '---', '', '# One', '', 'Text', '', '<p class="aside-note">Styled by the file</p>', ''].join('\n'),
      'custom.css': '.reveal h1 { color: red; }\n@import url("https://example.org/font.css");\n.aside-note { font-size: 0.8em; }\n',
    }, 'styles-reveal-md-css');
    expect(rulesOf(revealMd.briefing.authorCss)).toEqual([`${BODY} h1 { color: red; }`, `${BODY} .aside-note { font-size: 0.8em; }`]);
    // An element keeps a class the file's styles name.
    expect(revealMd.briefing.slides.at(-1)!.bodyHtml).toContain('<p class="aside-note">Styled by the file</p>');
    // The style sheet's own lines are its messages' places.
    expect(revealMd.warnings.map((w) => `${w.file?.split('/').pop()}:${w.line}: ${w.message}`)).toEqual(['custom.css:2: a style\'s @import url("https://example.org/font.css") was left out: a deck carries nothing from elsewhere']);
    const dir = writeBriefing({
      'deck.qmd': ['---', 'title: Q', 'format:', '  revealjs:', '    css: [styles.css, style.css, ../elsewhere.css, "https://example.org/a.css"]', '---', '', '## One', '', 'Text.', ''].join('\n'),
      'styles.css': 'h2 { color: rgb(1, 2, 3); }\n',
    }, 'styles-quarto-css');
    const quarto = await buildDeck(path.join(dir, 'deck.qmd'));
    expect(rulesOf(quarto.briefing.authorCss)).toEqual([`${BODY} h2 { color: rgb(1, 2, 3); }`]);
    // A Quarto div (or span) of classes the deck's css: names is kept for it to style; one of classes none names is shown without its box.
    const styledDir = writeBriefing({
      'deck.qmd': ['---', 'title: Q', 'css: styles.css', '---', '', '## One', '', '::: {.highlight .wide}', 'Boxed **text**.', ':::', '', '::: {.unknown}', 'Plain.', ':::', '', 'A [marked]{.highlight} word.', ''].join('\n'),
      'styles.css': '.highlight { background: #ffe; }\n.wide { width: 100%; }\n',
    }, 'styles-quarto-divs');
    const styled = await buildDeck(path.join(styledDir, 'deck.qmd'));
    expect(styled.briefing.slides.find((s) => s.title === 'One')!.bodyHtml).toBe('<div class="highlight wide"><p>Boxed <strong>text</strong>.</p>\n</div>\n<p>Plain.</p>\n<p>A <span class="highlight">marked</span> word.</p>\n');
    expect(styled.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['12: Pandoc div "::: {.unknown}" has no briefdeck meaning; its content is shown without it']);
    expect(quarto.deck.html).toContain(`${BODY} h2 { color: rgb(1, 2, 3); }`);
    expect(quarto.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      `3: the style sheet style.css was left out: file not found: ${path.relative(process.cwd(), path.join(dir, 'style.css'))}; did you mean styles.css?`,
      '3: the style sheet ../elsewhere.css was left out: it is not in the briefing folder',
      '3: the style sheet https://example.org/a.css was left out: a deck carries nothing from elsewhere, and an address is never fetched',
    ]);
  });

  it("Quarto's theme files (theme: [simple, custom.scss]) are compiled together by Sass, as Quarto compiles them: their rules are the deck's style, and the variables of Quarto's they set colour what Quarto colours; one Sass cannot compile is named at format:'s line and left out", async () => {
    const deck = (theme: string) => ['---', 'title: Q', 'format:', '  revealjs:', `    theme: ${theme}`, '---', '', '## One', '', 'A [link](https://example.org).', ''].join('\n');
    const built = await build({
      'deck.qmd': deck('[simple, custom.scss, more.scss]'),
      'custom.scss': ['/*-- scss:defaults --*/', '$link-color: #d94827;', '$accent: #123456;', '/*-- scss:rules --*/', '.note { color: $accent; .inner { font-weight: 700; } }', ''].join('\n'),
      // A later file's value of a variable is the one used, and its rules may use the earlier file's variables.
      'more.scss': ['/*-- scss:defaults --*/', '$link-color: #2a9d8f;', '/*-- scss:rules --*/', '.more { border-color: rgba($accent, 0.5); }', ''].join('\n'),
    }, 'styles-quarto-scss', 'deck.qmd');
    expect(built.warnings).toEqual([]);
    expect(built.briefing.meta.theme).toBe('simple');
    expect(rulesOf(built.briefing.authorCss).join('\n').replace(/\s+/g, ' ')).toBe([
      `${BODY} .note { color: #123456; }`,
      `${BODY} .note .inner { font-weight: 700; }`,
      `${BODY} .more { border-color: rgba(18, 52, 86, 0.5); }`,
      `${BODY} a { color: #2a9d8f; }`,
    ].join(' '));
    const broken = await build({ 'deck.qmd': deck('[simple, broken.scss]'), 'broken.scss': ['/*-- scss:rules --*/', '@import "elsewhere";', '.a { color: $nowhere; }', ''].join('\n') }, 'styles-quarto-scss-broken', 'deck.qmd');
    expect(broken.warnings.map((w) => [w.line, w.message])).toEqual([[3, "the theme file broken.scss was left out: Sass cannot compile it (Can't find stylesheet to import, at broken.scss:2)"]]);
    expect(broken.briefing.authorCss).toBeUndefined();
  });

  it("a theme file may use any variable Quarto defines, and its function, and may set reveal.js's own variables ($backgroundColor, $headingColor), which colour what reveal.js colours", async () => {
    const deck = ['---', 'title: Q', 'format:', '  revealjs:', '    theme: [default, custom.scss]', '---', '', '## One', '', 'Text.', ''].join('\n');
    const built = await build({
      'deck.qmd': deck,
      'custom.scss': [
        '/*-- scss:defaults --*/', '$backgroundColor: #fdf6e3;', '$headingColor: #6c3483;', '',
        '/*-- scss:rules --*/', '.boxed { border: $border-width solid $border-color; border-radius: $border-radius; }', '.small h2 { font-size: $presentation-h2-font-size; color: $mainColor; }', '.tint { fill: #{colorToRGB($link-color)}; }', '',
      ].join('\n'),
    }, 'styles-quarto-scss-defaults', 'deck.qmd');
    expect(built.warnings).toEqual([]);
    expect(rulesOf(built.briefing.authorCss).join('\n').replace(/\s+/g, ' ')).toBe([
      `${BODY} .boxed { border: 1px solid rgb(110.5, 110.5, 110.5); border-radius: 3px; }`,
      `${BODY} .small h2 { font-size: 1.6em; color: #222; }`,
      `${BODY} .tint { fill: rgb(42, 118, 221); }`,
      `${SLIDE} { background-color: #fdf6e3; }`,
      `${BODY} h1,${BODY} h2,${BODY} h3,${BODY} h4,${BODY} h5,${BODY} h6 { color: #6c3483; }`,
    ].join(' '));
  });

  it("a theme file that draws the slides' background itself (its bodyBackground mixin, with reveal.js's gradient mixins) has it drawn on every slide", async () => {
    const deck = ['---', 'title: Q', 'format:', '  revealjs:', '    theme: [default, custom.scss]', '---', '', '## One', '', 'Text.', ''].join('\n');
    const built = await build({
      'deck.qmd': deck,
      'custom.scss': ['/*-- scss:mixins --*/', '@mixin bodyBackground() {', '  @include radial-gradient(#102030, #304050);', '}', '', '/*-- scss:rules --*/', '.note { @include vertical-gradient(#fff, #ccd); }', ''].join('\n'),
    }, 'styles-quarto-scss-background', 'deck.qmd');
    expect(built.warnings).toEqual([]);
    expect(rulesOf(built.briefing.authorCss).join('\n').replace(/\s+/g, ' ')).toBe([
      `${BODY} .note { background: #fff; background: linear-gradient(to bottom, #fff 0%, #ccd 100%); }`,
      `${SLIDE} { background: #102030; background: radial-gradient(circle farthest-corner at center, #304050 0%, #102030 100%); }`,
    ].join(' '));
    // A file that leaves the background alone leaves the deck's theme its own.
    const plain = await build({ 'deck.qmd': deck, 'custom.scss': ['/*-- scss:rules --*/', '.note { color: red; }', ''].join('\n') }, 'styles-quarto-scss-no-background', 'deck.qmd');
    expect(rulesOf(plain.briefing.authorCss).join('\n').replace(/\s+/g, ' ')).toBe(`${BODY} .note { color: red; }`);
  });

  it("a theme file imports the Sass files of its folder and those below (@import, @use), found as Sass finds them, and never one elsewhere; a message names the partial's own line", async () => {
    const deck = ['---', 'title: Q', 'format:', '  revealjs:', '    theme: [simple, theme/custom.scss]', '---', '', '## One', '', 'Text.', ''].join('\n');
    const built = await build({
      'deck.qmd': deck,
      'theme/custom.scss': ['/*-- scss:uses --*/', '@use "mixins" as m;', '/*-- scss:defaults --*/', '@import "parts/colors";', '$link-color: $brand;', '/*-- scss:rules --*/', '.note { @include m.boxed; color: $brand; }', ''].join('\n'),
      'theme/_mixins.scss': ['@mixin boxed {', '  border: 2px solid #345678;', '}', ''].join('\n'),
      'theme/parts/_colors.scss': ['@import "more";', '$brand: #c0392b;', ''].join('\n'),
      // Imported from the partial's own folder, as Sass resolves it; its remote picture is named at its own line.
      'theme/parts/more.scss': ['', '.far { background: url(https://example.org/bg.png); }', ''].join('\n'),
      // A file of the same name outside the theme's folder is never read for it.
      'elsewhere.scss': '$brand: #000000;\n',
    }, 'styles-quarto-scss-imports', 'deck.qmd');
    expect(rulesOf(built.briefing.authorCss).join('\n').replace(/\s+/g, ' ')).toBe([
      // The partial's rule, imported first, left empty by the picture it may not fetch.
      `${BODY} .far { }`,
      `${BODY} .note { border: 2px solid #345678; color: #c0392b; }`,
      `${BODY} a { color: #c0392b; }`,
    ].join(' '));
    expect(built.warnings.map((w) => [w.file?.split(/[\\/]/).slice(-2).join('/'), w.line, w.message.replace(/ was left out.*/, '')])).toEqual([['parts/more.scss', 2, "a style's background: url(https://example.org/bg.png)"]]);
    // An import of a file not among them stops the compile, named at the partial's line that asks for it.
    const missing = await build({
      'deck.qmd': deck,
      'theme/custom.scss': ['/*-- scss:defaults --*/', '@import "parts/colors";', ''].join('\n'),
      'theme/parts/_colors.scss': ['$brand: red;', '@import "../../elsewhere";', ''].join('\n'),
      'elsewhere.scss': '$brand: #000000;\n',
    }, 'styles-quarto-scss-import-outside', 'deck.qmd');
    expect(missing.warnings.map((w) => [w.line, w.message])).toEqual([[3, "the theme file theme/custom.scss was left out: Sass cannot compile it (Can't find stylesheet to import, at theme/parts/_colors.scss:2)"]]);
  });

  it("a message about a compiled theme file's CSS names the file and line Sass's source map places it at, the second file's own among them", async () => {
    const deck = ['---', 'title: Q', 'format:', '  revealjs:', '    theme: [simple, custom.scss, more.scss]', '---', '', '## One', '', 'Text.', ''].join('\n');
    const built = await build({
      'deck.qmd': deck,
      'custom.scss': ['/*-- scss:defaults --*/', "@import url('https://fonts.example.org/a.css');", '$link-color: #d94827;', '', '/*-- scss:rules --*/', '.note {', '  color: $link-color;', '  background: url(https://example.org/bg.png);', '}', ''].join('\n'),
      'more.scss': ['/*-- scss:rules --*/', '', '.more { color: red; }', '', 'section {', '  position: absolute;', '}', ''].join('\n'),
    }, 'styles-quarto-scss-lines', 'deck.qmd');
    expect(built.warnings.map((w) => [path.basename(w.file ?? ''), w.line, w.message.replace(/ was left out.*| on the slide itself.*/, '')])).toEqual([
      ['custom.scss', 2, 'a style\'s @import url("https://fonts.example.org/a.css")'],
      ['custom.scss', 8, "a style's background: url(https://example.org/bg.png)"],
      ['more.scss', 6, "a style's position"],
    ]);
  });

  it("the <style> of Pandoc's header-includes and Quarto's include-in-header (text: or a file, at the top or under format: revealjs:) styles every slide; what else they hold is left out with a warning, and a file outside the folder is never read", async () => {
    const pandoc = await build({
      'deck.md': ['---', 'title: P', 'header-includes: |', '  <style>', '  .transcript { color: #555; }', '  </style>', '  <script src="https://example.org/a.js"></script>', '---', '', '# One', '', '## Two', '', '<div class="transcript">Said aloud</div>', ''].join('\n'),
    }, 'styles-header-includes');
    expect(rulesOf(pandoc.briefing.authorCss)).toEqual([`${BODY} .transcript { color: #555; }`]);
    expect(pandoc.briefing.slides.at(-1)!.bodyHtml).toContain('<div class="transcript">Said aloud</div>');
    expect(pandoc.warnings.map((w) => [w.code, w.line, w.message])).toEqual([
      ['W_STYLE', 4, 'what header-includes puts in the page besides its <style> (a script, a link, LaTeX) was left out'],
    ]);
    expect(pandoc.deck.html).not.toContain('example.org');
    // Beamer's LaTeX holds no style: the key is ignored, as before.
    const beamer = await build({ 'deck.md': ['---', 'title: B', 'header-includes: \\usepackage{xcolor}', '---', '', '## One', '', 'Text.', ''].join('\n') }, 'styles-header-includes-latex');
    expect(beamer.warnings.map((w) => [w.code, w.line, w.message])).toEqual([['W_META_IGNORED', 3, '"header-includes" is Pandoc\'s metadata; briefdeck ignores it']]);
    const dir = writeBriefing({
      'deck.qmd': [
        '---', 'title: Q', 'include-in-header:', '  - text: |', '      <style>', '      .note-box { border: 1px solid; }', '      </style>', '  - file: head.html', '  - file: ../outside.html',
        'format:', '  revealjs:', '    include-in-header: more.html', '---', '', '## One', '', '::: {.note-box}', 'Boxed.', ':::', '', '[Wide]{.wide} and [tall]{.tall}.', '',
      ].join('\n'),
      'head.html': '<link rel="stylesheet" href="https://fonts.example.org/a.css">\n<style>\n.wide { width: 100%; }\n</style>\n',
      'more.html': '<style>.tall { height: 2em; }</style>',
    }, 'styles-include-in-header');
    writeFileSync(path.join(dir, '..', 'outside.html'), '<style>.secret { color: red; }</style>');
    const quarto = await buildDeck(path.join(dir, 'deck.qmd'));
    expect(rulesOf(quarto.briefing.authorCss)).toEqual([`${BODY} .note-box { border: 1px solid; }`, `${BODY} .wide { width: 100%; }`, `${BODY} .tall { height: 2em; }`]);
    expect(quarto.briefing.slides.at(-1)!.bodyHtml).toBe('<div class="note-box"><p>Boxed.</p>\n</div>\n<p><span class="wide">Wide</span> and <span class="tall">tall</span>.</p>\n');
    expect(quarto.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '3: what include-in-header puts in the page besides its <style> (a script, a link, LaTeX) was left out',
      '3: the file ../outside.html that include-in-header names was left out: it is not in the briefing folder',
    ]);
    expect(quarto.deck.html).not.toMatch(/secret|fonts\.example/);
  });
});
