import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openInBrowser } from '../src/open-browser.js';
import { buildDeck } from '../src/build-deck.js';
import { spawnSync } from 'node:child_process';
import { ROOT, runCapture, tempDir, writeBriefing } from './helpers.js';

describe('CLI conveniences', () => {
  it('npm run bench -- --help says what the bench measures and which peer variables it reads, and runs nothing; an argument it does not take is one error line, exit 2; the contact sheet\'s --help writes nothing', () => {
    const bench = (arg: string) => spawnSync(process.execPath, [path.join(ROOT, 'lib', 'bench.js'), arg], { encoding: 'utf8', timeout: 60_000 });
    const help = bench('--help');
    expect([help.status, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toMatch(/^briefdeck bench: /);
    for (const word of ['BENCH_PEER ', 'BENCH_PEER_PDF', '{in}', '{out}', 'node -e 0']) expect(help.stdout).toContain(word);
    const wrong = bench('--peer=marp');
    expect([wrong.status, wrong.stdout]).toEqual([2, '']);
    expect(wrong.stderr.trim().split('\n')).toEqual(['error: the bench takes no arguments, but was given --peer=marp', '  hint: name a peer with BENCH_PEER (see npm run bench -- --help)']);
    // The contact sheet rewrites a committed picture: asked for help, it says so and leaves the picture alone.
    const sheet = path.join(ROOT, 'docs', 'contact-sheet.png');
    const before = statSync(sheet).mtimeMs;
    const sheetHelp = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'contact-sheet.mjs'), '--help'], { encoding: 'utf8', timeout: 60_000 });
    expect([sheetHelp.status, sheetHelp.stdout]).toEqual([0, expect.stringContaining('writes docs/contact-sheet.png')]);
    expect(statSync(sheet).mtimeMs).toBe(before);
  });

  it('build inside a briefing folder builds that folder', async () => {
    const dir = writeBriefing({ 'briefing.yml': 'title: Here\n', 'a.md': '## A\n\nText.\n' });
    const result = await runCapture(['build'], dir);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(/^built dist\/deck\.html: 2 slides/);
    expect(readdirSync(path.join(dir, 'dist'))).toEqual(['deck.html']);
  });

  it("build inside another tool's project builds the deck it holds (Slidev's slides.md beside a README), as that tool would; a folder of a README alone is no deck", async () => {
    const dir = writeBriefing({ 'slides.md': '---\ntheme: seriph\n---\n\n# Cover\n\n---\n\n# Next\n', 'README.md': '# The project\n' }, 'talk');
    const result = await runCapture(['build'], dir);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toMatch(/^built dist\/talk\.html: 2 slides/);
    const readme = writeBriefing({ 'README.md': '# Notes\n' }, 'notes');
    const none = await runCapture(['build'], readme);
    expect([none.code, none.err.split('\n')[0]]).toEqual([1, 'briefing: error: input not found: briefing']);
  });

  it('warns about Markdown in a subfolder, and reads it once files: lists it', async () => {
    const dir = writeBriefing({ 'briefing.yml': 'title: Nested\n', 'a.md': '## A\n\nText.\n' });
    mkdirSync(path.join(dir, 'extra'));
    writeFileSync(path.join(dir, 'extra', 'b.md'), '## B\n\nMore.\n');
    const skipped = await runCapture(['build', 'deck'], path.dirname(dir));
    expect(skipped.err.split('\n')[0]).toBe('deck/extra/b.md: warning: extra/b.md is in a subfolder and is left out');
    expect(skipped.out).toContain(': 2 slides');
    writeFileSync(path.join(dir, 'briefing.yml'), 'title: Nested\nfiles: [a.md, extra/b.md]\n');
    const listed = await runCapture(['build', 'deck'], path.dirname(dir));
    expect(listed.err).toBe('');
    expect(listed.out).toContain(': 3 slides');
  });

  it('init suggests npx briefdeck when briefdeck is not on PATH', async () => {
    const saved = process.env.PATH;
    process.env.PATH = tempDir();
    try {
      const result = await runCapture(['init', 'my-briefing'], tempDir());
      expect(result.out).toContain('next: npx briefdeck dev my-briefing   (live preview)  or  npx briefdeck build my-briefing');
      // A folder the shell would split, or read a quote in, is quoted, so the line can be pasted as it is.
      const spaced = await runCapture(['init', "Kim's deck"], tempDir());
      expect(spaced.out).toContain("next: npx briefdeck dev 'Kim'\\''s deck'   (live preview)  or  npx briefdeck build 'Kim'\\''s deck'");
    } finally {
      process.env.PATH = saved;
    }
  });

  it('dev --open says when no browser could be opened', async () => {
    const saved = process.env.PATH;
    process.env.PATH = tempDir();
    try {
      const reason = await new Promise<string>((resolve) => openInBrowser('http://127.0.0.1:1/', resolve));
      expect(reason).toMatch(/^(xdg-open|open|cmd) is not installed$/);
    } finally {
      process.env.PATH = saved;
    }
  });

  it('reports diagnostics sorted by file, then line', async () => {
    const dir = writeBriefing({ 'briefing.yml': 'title: Sorted\ncolour: red\n', 'a.md': '## A\n\n![x](one.png)\n\n![y](two.png)\n' });
    const result = await runCapture(['build', 'deck'], path.dirname(dir));
    expect(result.err.split('\n').filter((l) => / error: /.test(l)).map((l) => l.split(': error')[0])).toEqual(['deck/a.md:3', 'deck/a.md:5', 'deck/briefing.yml:2']);
  });
});

/** A PNG whose header claims `width`×`height`, padded to `bytes`: enough for the type sniffer and the size reader. */
function fakePng(width: number, height: number, bytes = 64): Buffer {
  const header = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const size = Buffer.alloc(8);
  size.writeUInt32BE(width, 0);
  size.writeUInt32BE(height, 4);
  return Buffer.concat([header, size, Buffer.from('0806000000', 'hex'), Buffer.alloc(Math.max(0, bytes - 29))]);
}

describe('build warns at file:line without a browser', () => {
  it('about too many bullets, a photo far larger than the slide, an image over its budget and a deck over its budget', async () => {
    const dir = writeBriefing({
      'briefing.yml': 'title: Heavy\n',
      'a.md': `## Dense\n\n${Array.from({ length: 8 }, (_, i) => `- point ${i}`).join('\n')}\n\n## Photo\n\n![A photo](photo.png)\n\n## Scan\n\n![A scan](scan.png)\n`,
      'photo.png': fakePng(4000, 3000),
      'scan.png': fakePng(800, 600, 3_300_000),
    });
    const result = await runCapture(['build', 'deck'], path.dirname(dir));
    expect(result.code).toBe(0);
    const warnings = result.err.split('\n').filter((l) => / warning: /.test(l));
    expect(warnings).toEqual([
      'deck/a.md:1: warning: slide 2 "Dense" has 8 bullets, over the budget of 6',
      'deck/a.md:14: warning: image photo.png is 4000×3000 pixels, over twice the 1280×720 slide',
      'deck/a.md:18: warning: image scan.png is 3223 KB, over the 500 KB image budget',
      expect.stringMatching(/^deck\/briefing\.yml:1: warning: the deck is \d+ KB, over the 3072 KB budget$/),
    ]);
  });
});

describe('messages point at their own line and name what they mean', () => {
  it("keeps the HTML decks written for other tools use to set text apart (a README's <p align=\"center\">, <center>, <details>, a table's caption and footer), with no warning, and still takes off what could run, load or reach outside", async () => {
    const html = [
      '<p align="center"><b>Centred</b></p>',
      '<center>Old centre</center>',
      '<details open ontoggle="alert(1)"><summary>More</summary>Hidden</details>',
      '<table><caption>Cap</caption><tfoot><tr><td>Total</td></tr></tfoot><tbody><tr><td>Row</td></tr></tbody></table>',
      '<font color="red">Red</font> <var>x</var> <samp>out</samp> <dfn>term</dfn> <time datetime="2020-01-01">then</time> a<wbr>b <ruby>漢<rt>kan</rt></ruby> <strike>old</strike> <tt>mono</tt>',
      '<ol reversed start="3"><li>three</li></ol>',
    ].join('\n\n');
    const dir = writeBriefing({ 'briefing.yml': 'title: Kept\n', 'a.md': `## Kept\n\n${html}\n` }, 'kept-html');
    const built = await buildDeck(dir);
    expect(built.warnings.filter((w) => w.code === 'W_RAW_HTML').map((w) => w.message)).toEqual(['raw HTML was neutralised: removed ontoggle on <details>']);
    // The slide as built, not the whole file: a failure then shows the slide, not the deck's runtime.
    const slide = built.deck.html.slice(built.deck.html.indexOf('Centred') - 200, built.deck.html.indexOf('three') + 20);
    for (const kept of ['<p align="center"><b>Centred</b></p>', '<center>Old centre</center>', '<details open><summary>More</summary>Hidden</details>', '<caption>Cap</caption>', '<tfoot><tr><td>Total</td></tr></tfoot>', '<font color="red">Red</font>', '<time datetime="2020-01-01">then</time>', '<ruby>漢<rt>kan</rt></ruby>', '<ol reversed start="3">']) {
      expect(slide).toContain(kept);
    }
    expect(slide).not.toContain('ontoggle');
    // In PowerPoint the footer's row is the table's last, as a browser lays it out.
    const { loadModel } = await import('../src/build-deck.js');
    const { readSlideBlocks } = await import('../src/export/read-slide-blocks.js');
    const model = await loadModel(dir);
    const blocks = readSlideBlocks(model.briefing.slides.find((s) => s.kind === 'content')!.bodyHtml).blocks;
    const table = blocks.find((b) => b.kind === 'table');
    // The caption is the line above it, as a browser shows it.
    expect(blocks[blocks.indexOf(table!) - 1]).toEqual({ kind: 'paragraph', runs: [{ text: 'Cap' }] });
    expect(table && table.kind === 'table' ? table.rows.map((row) => row.map((cell) => cell.map((run) => run.text).join(''))) : []).toEqual([['Row'], ['Total']]);
  });

  it('a block that only groups content (<section>, <header>, <article>, <main>, <aside>, …) becomes a div: its text stays apart from the next (it ran into it) and no slide holds a landmark of its own', async () => {
    const html = '<section><header>Head</header><article>Body</article><footer>Foot</footer><aside>Side</aside><nav>Links</nav><main>Centre</main></section>';
    const built = await buildDeck(writeBriefing({ 'briefing.yml': 'title: Grouped\n', 'a.md': `## Grouped\n\n${html}\n` }, 'grouped-html'));
    expect(built.warnings.filter((w) => w.code === 'W_RAW_HTML')).toEqual([]);
    const body = built.briefing.slides.find((s) => s.kind === 'content')!.bodyHtml;
    expect(body).toContain('<div><div>Head</div><div>Body</div><div>Foot</div><div>Side</div><div>Links</div><div>Centre</div></div>');
    expect(body).not.toMatch(/<(section|header|article|footer|aside|nav|main)\b/);
  });

  it('a link deep in a list is reported at its own line, and neutralised HTML names the tag and the attribute', async () => {
    const dir = writeBriefing({
      'briefing.yml': 'title: Precise\n',
      'a.md': '## Links\n\n- first\n- second\n- see [the file](../notes.txt)\n\n<p>fine</p>\n<b onclick="x()">bold</b>\n<script>alert(1)</script>\n',
    });
    const result = await runCapture(['build', 'deck'], path.dirname(dir));
    expect(result.err.split('\n').filter((l) => / warning: /.test(l))).toEqual([
      'deck/a.md:5: warning: link to "../notes.txt" was removed; links may be https:, mailto: or #anchors',
      'deck/a.md:8: warning: raw HTML was neutralised: removed onclick on <b>, <script>',
    ]);
  });
});
