import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../src/build-deck.js';
import { FIXTURES, runCapture, stackTitles, writeBriefing } from './helpers.js';

const JUPYTER = path.join(FIXTURES, 'dialects', 'jupyter');

describe('a Jupyter notebook made for slides (slideshow cell types, as nbconvert and RISE read them)', () => {
  const built = buildDeck(path.join(JUPYTER, 'slides.ipynb'));

  it('cuts slides at slide cells, stacks subslides below them, steps at fragments, keeps notes cells as notes and leaves skipped and removed cells out', async () => {
    const { briefing, deck } = await built;
    expect(briefing.slides.map((s) => s.title)).toEqual(['Quarterly numbers', 'Loading', 'A chart', 'Errors and widgets']);
    expect(stackTitles(deck.html)).toEqual([['Loading', 'A chart']]);
    const [, loading] = briefing.slides;
    expect(loading!.notes?.markdown).toBe('Say this aloud.');
    expect(loading!.bodyHtml).toMatch(/3\.141592653589793[\s\S]*<div class="fragment"[^>]*>[\s\S]*More after a pause/);
    for (const slide of briefing.slides) expect(slide.bodyHtml).not.toMatch(/Say this aloud|Skipped cell|secret|hidden/);
    const handout = await buildDeck(path.join(JUPYTER, 'slides.ipynb'), { handout: true });
    expect(handout.deck.html).not.toContain('Say this aloud');
  });

  it('shows code in the notebook\'s language and its outputs as Jupyter does: text as text, a table as HTML, pictures from the notebook itself, a traceback without terminal colours', async () => {
    const { briefing, deck, warnings } = await built;
    const [, loading, chart, errors] = briefing.slides;
    expect(loading!.bodyHtml).toContain('<code class="hljs language-python"><span class="hljs-keyword">import</span> math');
    expect(chart!.images.map((i) => briefing.images[i]!.relPath)).toEqual(['slides.ipynb.pictures/cell-6-dot.png', 'slides.ipynb.pictures/cell-7-output-1.png']);
    expect(deck.html.match(/<img src="data:image\/png;base64,iVBORw0KGgo/g)).toHaveLength(2);
    expect(chart!.bodyHtml).toMatch(/<table>\s*<tr><th>a<\/th><\/tr>\s*<tr><td>1<\/td><\/tr>\s*<\/table>/);
    expect(errors!.bodyHtml).toContain('ZeroDivisionError: division by zero');
    expect(errors!.bodyHtml).not.toMatch(/\u001b|\[0;31m/);
    // A rule in a Markdown cell is drawn, not a cut: the slide goes on after it.
    expect(errors!.bodyHtml).toMatch(/<hr \/>[\s\S]*still this slide/);
    expect(warnings.map((w) => `${w.line}: ${w.message}`)).toEqual(['183: an interactive output (a widget, JavaScript, or a plot drawn by script) was left out: a deck runs only its own script; save a picture of it in the notebook to keep it']);
  });
});

describe('check on a notebook', () => {
  it('hints in its terms: a slide without notes takes a notes cell', async () => {
    const result = await runCapture(['check', 'slides.ipynb', '--no-layout'], JUPYTER);
    expect(result.err).toMatch(/slides\.ipynb:\d+: warning: slide 1 "Quarterly numbers" has no speaker notes\n  hint: add a cell of slide type "Notes" after its cells with what you will say/);
  });
});

describe('a Quarto notebook (front matter in its first raw cell)', () => {
  it('reads its front matter as a .qmd\'s, shows a cell\'s code only with echo: true (its option lines left out), its outputs unless include is false', async () => {
    const { briefing, deck } = await buildDeck(path.join(JUPYTER, 'quarto.ipynb'));
    expect(briefing.meta.title).toBe('A Quarto notebook');
    expect(briefing.slides.map((s) => s.title)).toEqual(['A Quarto notebook', 'First slide', 'Second slide']);
    const first = briefing.slides[1]!;
    expect(first.bodyHtml).not.toMatch(/plot\(\)|#\|/);
    expect(first.images.map((i) => briefing.images[i]!.relPath)).toEqual(['quarto.ipynb.pictures/cell-3-output-1.png']);
    // Its code numbered, as Quarto's reveal.js format numbers a cell's code; its output not.
    expect(first.bodyHtml).toMatch(/<pre><code class="hljs language-python line-numbers"><span class="code-line"><span class="hljs-built_in">print<\/span>\(<span class="hljs-string">&#x27;shown code&#x27;<\/span>\)<\/span><\/code><\/pre>\s*<pre><code class="hljs">shown code<\/code><\/pre>/);
    expect(briefing.slides[2]!.notes?.markdown).toBe('Quarto notes');
    expect(deck.html).not.toMatch(/never|setup\(\)/);
  });
});

describe("RISE's options (the notebook's metadata.rise)", () => {
  it('set the theme, transition, slide numbers, scrolling, header and footer as a front matter\'s reveal.js options would; what only the live notebook uses passes silently, and another option is named at the line of "rise"', async () => {
    const cell = (type: string, source: string[]) => ({ cell_type: 'markdown', metadata: { slideshow: { slide_type: type } }, source });
    const notebook = (rise: unknown, firstCell: object[] = []) =>
      JSON.stringify({ cells: [...firstCell, cell('slide', ['## One\n', '\n', 'Text']), cell('slide', ['## Two'])], metadata: { kernelspec: { language: 'python' }, rise }, nbformat: 4, nbformat_minor: 5 }, null, 1);
    const rise = { theme: 'sky', transition: 'zoom', slideNumber: false, scroll: true, footer: '<h3>Team talk</h3>', header: '<b>Draft</b>', autolaunch: true, enable_chalkboard: true, start_slideshow_at: 'selected', bogus_option: 1 };
    const dir = writeBriefing({ 'talk.ipynb': notebook(rise) }, 'rise-options');
    const built = await buildDeck(path.join(dir, 'talk.ipynb'));
    const { meta } = built.briefing;
    expect([meta.theme, meta.transition, meta.pageNumbers, meta.scrollable, meta.headerText, meta.footerText]).toEqual(['sky', 'zoom', false, true, 'Draft', 'Team talk']);
    const riseLine = readFileSync(path.join(dir, 'talk.ipynb'), 'utf8').split('\n').findIndex((line) => line.includes('"rise"')) + 1;
    expect(built.warnings.map((w) => `${path.basename(w.file!)}:${w.line}: ${w.message}`)).toEqual([`talk.ipynb:${riseLine}: RISE's option "bogus_option" in the notebook's metadata does nothing in briefdeck, and was left out`]);
    // A Quarto notebook's own front matter, in its first cell, wins over them.
    const front = { cell_type: 'raw', metadata: {}, source: ['---\n', 'title: Own\n', 'format:\n', '  revealjs:\n', '    theme: night\n', '---'] };
    const own = await buildDeck(path.join(writeBriefing({ 'talk.ipynb': notebook({ theme: 'sky' }, [front]) }, 'rise-under-front-matter'), 'talk.ipynb'));
    expect([own.briefing.meta.title, own.briefing.meta.theme]).toEqual(['Own', 'night']);
  });
});

describe('a notebook\'s pictures', () => {
  it('are read from the notebook only: a name the notebook does not hold is a missing picture, never a file on disk', async () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const notebook = { nbformat: 4, metadata: {}, cells: [{ cell_type: 'markdown', metadata: {}, source: ['## Pictures\n', '\n', '![held](n.ipynb.pictures/cell-1-output-9.png)'] }, { cell_type: 'code', metadata: {}, source: 'x', outputs: [{ output_type: 'display_data', data: { 'image/png': png } }] }] };
    const dir = writeBriefing({ 'n.ipynb': JSON.stringify(notebook, null, 1), 'n.ipynb.pictures': '' });
    const { briefing, warnings } = await buildDeck(path.join(dir, 'n.ipynb'));
    expect(briefing.images.map((i) => i.relPath)).toEqual(['n.ipynb.pictures/cell-1-output-9.png', 'n.ipynb.pictures/cell-2-output-1.png']);
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^image not found: n\.ipynb\.pictures\/cell-1-output-9\.png; it was left out/)]);
  });

  it('an attachment the cell does not hold, or an output picture whose data is damaged, is left out with a warning at its line: the notebook still builds (each stopped the build)', async () => {
    const cells = [
      { cell_type: 'markdown', metadata: {}, source: ['## Pictures\n', '\n', '![A lost chart](attachment:lost.png)'] },
      { cell_type: 'code', metadata: {}, source: 'plot()', outputs: [{ output_type: 'display_data', data: { 'image/png': 'bm90IGEgcGljdHVyZQ==', 'text/plain': '<Figure>' } }] },
    ];
    const dir = writeBriefing({ 'n.ipynb': JSON.stringify({ nbformat: 4, metadata: {}, cells }, null, 1) });
    const { briefing, warnings } = await buildDeck(path.join(dir, 'n.ipynb'));
    expect(warnings.map((w) => [w.code, w.line, w.message])).toEqual([
      ['W_IMAGE_MISSING', 11, 'the attachment lost.png is not in this cell; the picture was left out, its alt text in its place'],
      ['W_IMAGE_MISSING', 17, 'n.ipynb.pictures/cell-2-output-1.png is not a PNG, JPEG, GIF, WebP or SVG image; it was left out, its alt text in its place'],
    ]);
    expect(briefing.slides[0]!.bodyHtml).toContain('A lost chart');
    expect(briefing.slides[0]!.bodyHtml).not.toContain('attachment:');
  });

  it('an attachment named with a broken % escape is a missing one, with its warning (the notebook failed with "URI malformed")', async () => {
    const cells = [{ cell_type: 'markdown', metadata: {}, attachments: {}, source: ['## Pictures\n', '\n', '![Broken](attachment:a%E0%A4%A.png)'] }];
    const dir = writeBriefing({ 'n.ipynb': JSON.stringify({ nbformat: 4, metadata: {}, cells }, null, 1) });
    const { warnings } = await buildDeck(path.join(dir, 'n.ipynb'));
    expect(warnings.map((w) => w.message)).toEqual(['the attachment a%E0%A4%A.png is not in this cell; the picture was left out, its alt text in its place']);
  });

  it('JSON nested deeper than any notebook is E_NOTEBOOK at its line, at once (a million levels ran the parse out of memory after seconds)', async () => {
    const dir = writeBriefing({ 'deep.ipynb': `{\n "nbformat": 4,\n "x": ${'['.repeat(100_000)}${']'.repeat(100_000)},\n "cells": []\n}` });
    const error = await buildDeck(path.join(dir, 'deep.ipynb')).catch((e: unknown) => e as { code: string; diagnostics: { message: string; line?: number }[] });
    expect(error).toMatchObject({ code: 'E_NOTEBOOK', diagnostics: [{ message: "the notebook's JSON is nested more than 64 deep", line: 3 }] });
  });

  it('a notebook whose text is written with escapes (\\u0041 for A) is read whole, within the time limit: its lines are not each searched for to the end of the file', async () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => `"\\u0041 line ${i}\\n"`).join(',');
    const dir = writeBriefing({ 'escaped.ipynb': `{"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "markdown", "metadata": {}, "source": ["## Escaped\\n", ${lines}]}]}` });
    const { briefing } = await buildDeck(path.join(dir, 'escaped.ipynb'));
    expect(briefing.slides[0]!.title).toBe('Escaped');
    expect(briefing.slides[0]!.bodyHtml).toContain('A line 59999');
  });

  it('a cell that is not an object (null, a number) is read as empty, and the cells after it keep their pictures', async () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const notebook = { nbformat: 4, metadata: {}, cells: [null, 7, { cell_type: 'markdown', source: '## After' }, { cell_type: 'code', source: 'x', outputs: [null, { output_type: 'display_data', data: { 'image/png': png } }] }] };
    const { briefing, deck } = await buildDeck(path.join(writeBriefing({ 'odd.ipynb': JSON.stringify(notebook) }), 'odd.ipynb'));
    expect(briefing.slides.map((s) => s.title)).toEqual(['After']);
    expect(briefing.images.map((i) => i.relPath)).toEqual(['odd.ipynb.pictures/cell-4-output-2.png']);
    expect(deck.html).toContain('<img src="data:image/png;base64,iVBORw0KGgo');
  });

  it('an nbformat 3 notebook, or JSON that is not a notebook, is E_NOTEBOOK with a hint', async () => {
    const dir = writeBriefing({ 'old.ipynb': JSON.stringify({ nbformat: 3, worksheets: [] }) });
    const error = await buildDeck(path.join(dir, 'old.ipynb')).catch((e: unknown) => e as { code: string; diagnostics: { message: string; hint?: string }[] });
    expect(error).toMatchObject({ code: 'E_NOTEBOOK', diagnostics: [{ message: 'not a Jupyter notebook of nbformat 4 (no list of cells)', hint: expect.stringContaining('nbconvert') }] });
  });
});
