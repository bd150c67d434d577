import { chmodSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import * as parse5 from 'parse5';
import { parseFragment } from 'parse5';
import { parseHtmlFragment } from '../src/parse/html-fragment.js';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildDeck, loadModel } from '../src/build-deck.js';
import { BriefdeckError, DiagnosticBag } from '../src/errors.js';
import { loadTemplates } from '../src/load-templates.js';
import type { LoadedBriefing } from '../src/model.js';
import { parseBriefing } from '../src/parse/parse-briefing.js';
import { findExcessiveHtmlNesting, MAX_HTML_DEPTH } from '../src/parse/html-depth.js';
import { SandboxWorker } from '../src/sandbox-worker.js';
import { createPresentermState, rewritePresentermLine } from '../src/parse/dialects/presenterm.js';
import { renderDeck } from '../src/render-deck.js';
import { writeFileAtomic } from '../src/write-output.js';
import { TINY_PNG, runBin, tempDir, scaled } from './helpers.js';

/** Writes a folder briefing into a temp folder and returns its path. */
function briefing(files: Record<string, string | Buffer>, meta = 'title: Test\n'): string {
  const dir = path.join(tempDir(), 'deck');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'briefing.yml'), meta);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

/** An ordinary paragraph: emphasis, code, a link and raw HTML, as a deck of text has them. */
const ORDINARY_PARAGRAPH = 'Some *text* with `code`, a [link](https://example.org) and <b>bold</b> words.\n\n';

/** The size of the smallest ordinary deck an input is timed against: smaller decks take mostly the sandbox's fixed time. */
const ORDINARY_BYTES = 180_000;

/**
 * Loads a pathological input in the sandbox and fails unless it took under `ratio` times as long as an ordinary deck
 * of its size (at least 180 KB). The readers these inputs caught, looking along the rest of the text from each opening,
 * took 15 times an ordinary deck and more at these sizes; the fixed readers take 0.1 to 2.5 times.
 * An ordinary deck's load grows in proportion to its size, so the smallest one is timed once per sandbox, warm, and a
 * larger one's time is read off it. An input over the limit against that estimate is timed again, just after an
 * ordinary deck of its own size, so a busy moment slows both alike and cannot fail it; a slow reader fails both times.
 */
function loadWithinOrdinary(sandbox: SandboxWorker, ratio = 8) {
  const timeOrdinary = async (bytes: number) => {
    const ordinary = briefing({ 'a.md': `## Ordinary\n\n${ORDINARY_PARAGRAPH.repeat(Math.ceil(bytes / ORDINARY_PARAGRAPH.length))}` });
    const started = performance.now();
    await loadModel(ordinary, { sandbox });
    return performance.now() - started;
  };
  let smallestMs: Promise<number> | undefined;
  return async <T>(what: string, bytes: number, load: () => Promise<T>): Promise<T> => {
    const size = Math.max(bytes, ORDINARY_BYTES);
    // The first load in a sandbox compiles the parsers as it goes; the second is the one to go by.
    smallestMs ??= timeOrdinary(ORDINARY_BYTES).then(() => timeOrdinary(ORDINARY_BYTES));
    const estimatedMs = ((await smallestMs) * size) / ORDINARY_BYTES;
    const timeInput = async () => {
      const started = performance.now();
      const result = await load();
      return { result, ms: performance.now() - started };
    };
    const first = await timeInput();
    if (first.ms / estimatedMs < ratio) return first.result;
    const ordinaryMs = await timeOrdinary(size);
    const again = await timeInput();
    expect(again.ms / ordinaryMs, `${what}: ${Math.round(again.ms)} ms against ${Math.round(ordinaryMs)} ms for an ordinary deck of its size (${Math.round(first.ms)} ms against an estimated ${Math.round(estimatedMs)} ms before)`).toBeLessThan(ratio);
    return again.result;
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BriefdeckError);
  return (error as BriefdeckError).code;
}

describe('pathological Markdown finishes or stops with a clear error', () => {
  it('2,000 nested block quotes: a nesting error at its line', { timeout: scaled(15_000) }, async () => {
    const dir = briefing({ 'a.md': `## Deep\n\n${'>'.repeat(2000)} x\n` });
    const error = (await buildDeck(dir).catch((e: unknown) => e)) as BriefdeckError;
    expect(error.code).toBe('E_MARKDOWN');
    expect(error.line).toBe(3);
    expect(error.message).toBe('lists or quotes are nested more than 32 levels deep');
  });

  it('a list nested 1,000 deep: a nesting error, not a multi-second parse', { timeout: scaled(15_000) }, async () => {
    const list = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i * 2)}- item ${i}`).join('\n');
    expect(await codeOf(buildDeck(briefing({ 'a.md': `## Deep\n\n${list}\n` })))).toBe('E_MARKDOWN');
  });

  it('markers nested on one line (- - - … x, > - > - … x), 20,000 deep: a nesting error at its line, at once rather than at the time limit; a line of markers alone is a rule', { timeout: scaled(15_000) }, async () => {
    for (const markers of ['- '.repeat(20_000), '> - '.repeat(10_000), '1. '.repeat(20_000)]) {
      const error = (await buildDeck(briefing({ 'a.md': `## Deep\n\nHead\n${markers}x\n` })).catch((e: unknown) => e)) as BriefdeckError;
      expect([error.code, error.line, error.message]).toEqual(['E_MARKDOWN', 4, 'lists or quotes are nested more than 32 levels deep']);
    }
    const rule = await buildDeck(briefing({ 'a.md': `## Rule\n\nAbove\n\n${'- '.repeat(40)}\n\nBelow\n` }));
    expect(rule.briefing.slides.find((s) => s.title === 'Rule')!.bodyHtml.replace(/\n/g, '')).toBe('<p>Above</p><hr><p>Below</p>');
  });

  it("long lines that other tools' readers look along (<a <a …, {{ {{ …, {{< a {{< a …, [name=[name= …, <!-- slide a=\"b\" … unclosed, {/* {/* … in an MDX deck, {{{ … in a Quarto heading, a caption over a line of pipes, runs of spaces in a reveal.js page, mdp's centred lines, a Slidev aspectRatio, a run of remark's classes) are read as text, well inside the time limit", { timeout: scaled(30_000) }, async () => {
    // Only read (loadModel), each timed against an ordinary deck of its size: the readers are what took the time.
    // The sandbox's own limit is only a backstop, so a busy machine cannot fail the test.
    const sandbox = new SandboxWorker({ timeoutMs: scaled(30_000), maxMemoryMb: 512 });
    onTestFinished(() => sandbox.close());
    const within = loadWithinOrdinary(sandbox);
    // HackMD's tags, looked for in every deck to know one of HackMD's: each opening was looked along to the line's end.
    for (const line of ['<a '.repeat(60_000), '{{ '.repeat(60_000), '{{< a '.repeat(30_000), `: cap\n${'|'.repeat(180_000)}`, '[name='.repeat(60_000)]) {
      const built = await within(line.slice(0, 6), line.length, () => loadModel(briefing({ 'a.md': `## Long\n\n${line}\n` }), { sandbox }));
      expect(built.briefing.slides.find((s) => s.title === 'Long')!.bodyHtml.length).toBeGreaterThan(100_000);
    }
    // remark's content classes given together (`.red.bold[…]`), a run of thousands with no bracket after it, each once looked along the run.
    const classes = await within('.a.a.a… in a remark deck', 100_000, () => loadModel(briefing({ 'a.md': `## Long\n\n[ ${'.a'.repeat(50_000)}\n\n???\nA note.\n` }), { sandbox }));
    expect(classes.briefing.slides.find((s) => s.title === 'Long')!.bodyHtml.length).toBeGreaterThan(100_000);
    // An MDX deck's comments, opened thousands of times on a line and never closed, each looked along for its end.
    const mdxDir = briefing({});
    writeFileSync(path.join(mdxDir, 'deck.mdx'), `# Long\n\nShown.\n\n${'{/* '.repeat(150_000)}\n`);
    const mdx = await within('{/* in MDX', 600_000, () => loadModel(path.join(mdxDir, 'deck.mdx'), { sandbox }));
    expect(mdx.briefing.slides[0]!.bodyHtml).toBe('<p>Shown.</p>\n');
    // A Quarto heading of thousands of `{` never closed, each once looked along to the line's end for an attribute block's close.
    const qmdDir = briefing({});
    writeFileSync(path.join(qmdDir, 'deck.qmd'), `## Braces ${'{'.repeat(100_000)}\n\nShown.\n`);
    const braces = await within('{ in a Quarto heading', 100_000, () => loadModel(path.join(qmdDir, 'deck.qmd'), { sandbox }));
    expect(braces.briefing.slides.some((s) => s.bodyHtml === '<p>Shown.</p>\n')).toBe(true);
    // Its tags that hold JavaScript, read by a JavaScript parser: thousands of lines each opening one never closed, each
    // read to the end of the parser's window, within one budget for the file (jsx-tags.ts).
    writeFileSync(path.join(mdxDir, 'tags.mdx'), `# Tags\n\nShown.\n\n${'<A b={[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,\n'.repeat(5000)}`);
    const tags = await within('MDX tags', 320_000, () => loadModel(path.join(mdxDir, 'tags.mdx'), { sandbox }));
    expect(tags.briefing.slides[0]!.bodyHtml).toMatch(/^<p>Shown\.<\/p>/);
    // Advanced Slides' annotations, unclosed, each looked along for its attributes: the deck builds, the comments show nothing.
    const annotations = await within('<!-- slide', 12_000, () => loadModel(briefing({ 'a.md': `## Long\n\n<split>\n\n${'<!-- slide a="b" a="b" '.repeat(500)}\n` }), { sandbox }));
    expect(annotations.briefing.slides.find((s) => s.title === 'Long')!.bodyHtml).not.toContain('slide a=');
    // reveal's `.slide:` comments inside a line, thousands on one between code spans, each read for whether a code span holds it.
    const looks = await within('.slide: in a line', 1_080_000, () => loadModel(briefing({ 'a.md': `## Long\n\n${'x `c` <!-- .slide: class="lead" --> '.repeat(30_000)}\n` }), { sandbox }));
    expect(looks.briefing.slides.find((s) => s.title === 'Long')!.look?.className).toBe('lead');
    // A reveal.js page's HTML and code, with long runs of spaces that a pattern would look along from each of their characters.
    const dir = briefing({});
    writeFileSync(path.join(dir, 'page.html'), `<div class="reveal"><div class="slides"><section><h2>Long</h2><p>${' '.repeat(70_000)}x</p><pre><code>a${' '.repeat(70_000)}b\n</code></pre></section></div></div>`);
    const page = await within('a reveal.js page', 140_000, () => loadModel(path.join(dir, 'page.html'), { sandbox }));
    expect(page.briefing.slides[0]!.bodyHtml).toMatch(/<p> *x<\/p>[\s\S]*a {70000}b/);
    // mdp's centred lines (`-> text <-`), looked for in every deck and read in mdp's: a long run of spaces before the line's end.
    const arrows = `-> x${' '.repeat(100_000)}y`;
    const centred = await within('-> in a deck', 100_000, () => loadModel(briefing({ 'a.md': `## Long\n\n${arrows}\n` }), { sandbox }));
    expect(centred.briefing.slides.find((s) => s.title === 'Long')!.bodyHtml).toContain('-&gt; x');
    writeFileSync(path.join(dir, 'mdp.md'), `%title: Long${' '.repeat(100_000)}z\n\n${arrows}\n\n-> a <-\n`);
    const mdp = await within('-> in an mdp deck', 200_000, () => loadModel(path.join(dir, 'mdp.md'), { sandbox }));
    expect([mdp.briefing.meta.peerTools, mdp.briefing.slides[0]!.bodyHtml.startsWith('<p>x ')]).toEqual([['mdp'], true]);
    // A page shape of Slidev's (`aspectRatio: 4/3`) that is a long run of spaces between a number and a letter.
    writeFileSync(path.join(dir, 'ratio.md'), `---\nhighlighter: shiki\naspectRatio: "1${' '.repeat(100_000)}x"\n---\n\n# Long\n`);
    const ratio = await within('a Slidev aspectRatio', 100_000, () => loadModel(path.join(dir, 'ratio.md'), { sandbox }));
    expect(ratio.briefing.meta.size).toBe('16:9');
  });

  it('a 10 MB paragraph: over the file limit by default; with the limit raised, it builds whole, over the deck budget', { timeout: scaled(30_000) }, async () => {
    const dir = briefing({ 'a.md': `## Long\n\n${'word '.repeat(2 * 1024 * 1024)}\n` });
    expect(await codeOf(buildDeck(dir))).toBe('E_FILE_TOO_LARGE');
    // marked's setext pattern, asked of the whole line, overflowed its stack here (an E_MARKDOWN at line 3); the line's own
    // list of underlines and blank lines (SetextAwareLexer) shows it has none, so the pattern is never asked.
    const built = await buildDeck(dir, { limits: { maxFileBytes: 20 * 1024 * 1024, maxImageBytes: 1, maxDeckBytes: 1 } });
    const long = built.briefing.slides.find((s) => s.title === 'Long');
    expect(long!.bodyHtml.length).toBeGreaterThan(10 * 1024 * 1024);
    expect(built.warnings.map((w) => w.code)).toContain('W_DECK_BUDGET');
  });

  it("thousands of blocks with no blank line between (code blocks, reveal's element comments) build inside the time limit: no reader looks along the rest of the deck from each", { timeout: scaled(30_000) }, async () => {
    // A simple table's reader split off every line to the next blank one before it looked at the first two; and in a
    // Slidev deck, each code block of a slide with no title was looked at as its block frontmatter, with all before it.
    const deck = path.join(tempDir(), 'blocks.md');
    writeFileSync(deck, `---\nlayout: center\n---\n\n# One\n\n---\n\n${'```js\nx\n```\n'.repeat(20_000)}`);
    const fences = await buildDeck(deck);
    expect(fences.briefing.meta.peerTools).toEqual(['Slidev']);
    expect(fences.briefing.slides.at(-1)!.bodyHtml.match(/<pre>/g)).toHaveLength(20_000);
    // reveal's element comments: each looked back along all the nodes before it for the one it names.
    const comments = path.join(tempDir(), 'comments.md');
    writeFileSync(comments, `---\nrevealOptions:\n  transition: fade\n---\n\n# One\n\n${'a <!-- .element: class="fragment" -->\n'.repeat(20_000)}`);
    const stepped = await buildDeck(comments);
    expect(stepped.briefing.slides[0]!.bodyHtml).toMatch(/^<p class="fragment">a\s/);
  });

  it("Marp's comments that only YAML reads, two long ones and hundreds of short ones, build inside the time limit: past a budget of text, a comment is read by its first line", { timeout: scaled(30_000) }, async () => {
    // YAML reads about half a megabyte a second here: a deck of such comments, each read so, took seconds a megabyte.
    const long = `<!--\n_class: lead\n${Array.from({ length: 12_000 }, (_, i) => `k${i}: v`).join('\n')}\n_paginate: false\n-->`;
    const deck = path.join(tempDir(), 'long.md');
    writeFileSync(deck, `<!-- paginate: true -->\n\n# One\n\n${long}\n\n---\n\n# Two\n\n${long}\n`);
    const built = await buildDeck(deck);
    expect(built.briefing.slides.map((s) => [s.title, s.look?.className, s.pageNumber, s.notes])).toEqual([
      ['One', 'lead', true, null],
      ['Two', 'lead', true, null],
    ]);
    // Hundreds of comments YAML alone reads (a class list), each different: the first ones are read whole.
    const many = Array.from({ length: 500 }, (_, i) => `# S${i}\n\n<!--\n_class: [lead, c${i}]\ntheme: gaia\n-->\n`).join('\n---\n\n');
    writeFileSync(deck, many);
    const listed = await buildDeck(deck);
    expect(listed.briefing.slides).toHaveLength(500);
    expect(listed.briefing.slides[0]!.look?.className).toBe('lead');
    expect(listed.briefing.meta.theme).toBe('beige');
  });

  it('parses HTML as parse5 does, a fragment of 100,000 elements in a time that grows with its length (parse5 took each from the front of a list, 15 s here)', { timeout: scaled(10_000) }, () => {
    // Misnested markup moves nodes between parents (the adoption agency, foster parenting): the tree is parse5's own.
    for (const html of ['<b><p>x</b>y</p>', '<a><div>x</a>y</div>', '<table><tr><td>a</td></tr>b</table>', '<p>a<p>b', '<i>a<b>b</i>c</b>', '<template><td>x</td></template>y']) {
      expect(parse5.serialize(parseHtmlFragment(html))).toBe(parse5.serialize(parseFragment(html)));
    }
    // And random misnested markup of the tags that move nodes most.
    const tags = ['<b>', '</b>', '<i>', '</i>', '<p>', '</p>', '<a>', '</a>', '<div>', '</div>', '<table>', '<td>', '<tr>', 'x', '<li>', '<ul>', '</ul>', '<nobr>', '<font>', '</font>', '<button>', '<select>', '<option>', '<h1>', '</h1>', '<template>', '</template>', '<form>', '</form>'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...tags), { maxLength: 30 }), (parts) => parse5.serialize(parseHtmlFragment(parts.join(''))) === parse5.serialize(parseFragment(parts.join('')))), { numRuns: 500 });
    const wide = '<i>x</i>'.repeat(100_000);
    const fragment = parseHtmlFragment(wide);
    expect(fragment.childNodes).toHaveLength(100_000);
    expect(parse5.serialize(fragment)).toBe(wide);
  });

  it('thousands of unmatched brackets and asterisks: built as text', { timeout: scaled(15_000) }, async () => {
    const built = await buildDeck(briefing({ 'a.md': `## Noise\n\n${'['.repeat(20_000)}\n\n${'*a '.repeat(20_000)}\n\n${'_'.repeat(20_000)}\n\n${'[a]('.repeat(5_000)}\n` }));
    expect(built.briefing.slides.at(-1)!.bodyHtml).toContain('[[[[');
  });

  it('thousands of unclosed openings (HTML comments in a title, in text and in raw HTML, or on lines of their own in a Marp or Slidev deck; Pandoc\'s divs), a line of short pieces in an MDC deck, thousands of raw pictures left out, and thousands of slides referring to links and notes defined at the end of the deck are read well inside a tight time limit', { timeout: scaled(30_000) }, async () => {
    // Each of these took time that grew with the square (or the cube) of its size, 15 times an ordinary deck's and more at these sizes.
    // Only read (loadModel): the parse is what took the time, and rendering and bundling them would only add to the suite's.
    const sandbox = new SandboxWorker({ timeoutMs: scaled(30_000), maxMemoryMb: 512 });
    const within = loadWithinOrdinary(sandbox);
    try {
      // Each <!-- was looked along to the end of the line for a close.
      const open = '<!--x '.repeat(30_000);
      const built = await within('<!--x', 3 * open.length, () => loadModel(briefing({ 'a.md': `## Title ${open}\n\nText ${open}\n\n${open}\n` }), { sandbox }));
      expect(built.briefing.slides.at(-1)!.title!.length).toBeGreaterThan(150_000);
      // Marp's and Slidev's notes, written as comments: each unclosed opening on a line of its own read every line after it, again and again.
      for (const front of ['marp: true', 'theme: seriph\nlayout: cover']) {
        const notes = await within(front, 14_000, () => loadModel(path.join(briefing({ 'deck.md': `---\n${front}\n---\n\n# Long\n\n${'<!-- x\n'.repeat(2_000)}` }), 'deck.md'), { sandbox }));
        // No comment closes, so none is a note: the lines are one HTML block that runs to the end, as markdown-it reads it.
        expect([notes.briefing.slides[0]!.title, notes.briefing.slides[0]!.bodyHtml, notes.briefing.slides[0]!.notes]).toEqual(['Long', '', null]);
      }
      // Marp reads comments inside a line too: a line of openings that one close ends, in a title and in text, is one note each.
      const inline = await within('Marp <!-- in a line', 36_000, () => loadModel(path.join(briefing({ 'deck.md': `---\nmarp: true\n---\n\n# Long ${'<!--x '.repeat(3_000)}-->\n\nText ${'<!--x '.repeat(3_000)}-->\n` }), 'deck.md'), { sandbox }));
      const slide = inline.briefing.slides[0]!;
      expect([slide.title, slide.bodyHtml.replace(/\s+/g, '')]).toEqual(['Long', '<p>Text</p>']);
      expect(slide.notes!.markdown.length).toBeGreaterThan(2 * 3_000 * 5);
      // Pandoc's and Quarto's divs, opened on line after line and never closed: the fence of each counted every div open around it.
      const divs = await within('::: divs', 400_000, () => loadModel(path.join(briefing({ 'deck.qmd': `---\ntitle: Q\nformat: revealjs\n---\n\n## Long\n\n${'::: {.callout-note}\n'.repeat(20_000)}` }), 'deck.qmd'), { sandbox }));
      expect(divs.briefing.slides.at(-1)!.title).toBe('Long');
      // In an MDC deck, a line of short pieces of text (each a failed link): MDC's inline component read the text before each
      // piece, which marked had joined into one ever longer string, made afresh at every piece.
      const mdc = await within('MDC [x]', 240_000, () => loadModel(path.join(briefing({ 'deck.md': `---\ntheme: default\nmdc: true\n---\n\n# Long\n\n${'[x] '.repeat(60_000)}\n` }), 'deck.md'), { sandbox }));
      expect(mdc.briefing.slides[0]!.bodyHtml.length).toBeGreaterThan(200_000);
      // Raw <img> tags whose pictures cannot be used, each said at its line: the newlines before each were counted from the slide's start.
      const pictures = await within('<img>', 180_000, () => loadModel(briefing({ 'a.md': `## Pictures\n\n${'<img src=x>\n'.repeat(15_000)}` }), { sandbox }));
      expect(pictures.warnings.filter((w) => w.code === 'W_RAW_HTML').map((w) => w.line).slice(-2)).toEqual([15_001, 15_002]);
      // Metadata with thousands of keys in one map (another tool's, warned of once): yaml's own check for a repeated key
      // compared each key with every other (20,000 took 4 s); a repeat is still an error at its line.
      const keys = Array.from({ length: 20_000 }, (_, i) => `  k${i}: ${i}`).join('\n');
      const repeated = (await within('20,000 keys', keys.length, () => loadModel(briefing({ 'a.md': '## One\n' }, `title: T\ndrawings:\n${keys}\n  k7: again\n`), { sandbox }).catch((e: unknown) => e))) as BriefdeckError;
      expect([repeated.code, repeated.line, repeated.message]).toEqual(['E_YAML', 20_003, 'duplicate key "k7" in metadata']);
      // presenterm's comments of several lines, hundreds of them, each read as YAML within a budget: past it, by their first line.
    const note = '<!--\nspeaker_note: Said.\n' + Array.from({ length: 40 }, (_, i) => `k${i}: v`).join('\n') + '\n-->\n\n';
    const presenterm = await within('presenterm notes', 500 * note.length, () => loadModel(path.join(briefing({ 'deck.md': `A\n===\n\n<!-- end_slide -->\n\nB\n===\n\n${note.repeat(500)}` }), 'deck.md'), { sandbox }));
    expect(presenterm.briefing.slides.at(-1)!.notes!.markdown.split('\n')).toHaveLength(500);
    // Within the budget a note is read as YAML (a block of lines); past it, from its first line.
    const readNote = (yamlLeft: number, lines: string[]) => {
      const state = { ...createPresentermState(), yamlLeft };
      return lines.map((line) => rewritePresentermLine(line, state)).at(-1)?.note;
    };
    expect(readNote(100_000, ['<!--', 'speaker_note: |', '  One', '  Two', '-->'])).toBe('One\nTwo');
    expect(readNote(0, ['<!--', 'speaker_note: Said.', 'k: v', '-->'])).toBe('Said.');
    // Closed comments still go, from a title and from text.
      const closed = await loadModel(briefing({ 'a.md': '## A <!-- hidden --> title\n\nText <!-- note --> more <!--> and <!---> end\n' }), { sandbox });
      expect([closed.briefing.slides.at(-1)!.title, closed.briefing.slides.at(-1)!.bodyHtml]).toEqual(['A title', '<p>Text  more  and  end</p>\n']);
      // Thousands of slides, each referring to a link and a note among thousands defined at the deck's end: each slide
      // looks the deck's definitions up, never copies them, so the deck reads in a time that grows with it, not its square.
      const count = 2_500;
      const refs = Array.from({ length: count }, (_, i) => `## S${i}\n\nSee [x${i}] and a note[^n${i}].\n`).join('\n');
      const defs = [...Array.from({ length: count }, (_, i) => `[x${i}]: https://example.org/${i}\n`), ...Array.from({ length: count }, (_, i) => `[^n${i}]: Note ${i}.\n`)].join('');
      const refsDeck = `${refs}\n${defs}`;
      const linked = await within('definitions for the whole deck', refsDeck.length, () => loadModel(briefing({ 'a.md': refsDeck }), { sandbox }));
      expect(linked.briefing.slides.find((s) => s.title === 'S7')!.bodyHtml).toMatch(/<a href="https:\/\/example\.org\/7"[\s\S]*<li>Note 7\.<\/li>/);
    } finally {
      await sandbox.close();
    }
  });

  it('a parse that runs past its time limit is stopped with E_MARKDOWN', { timeout: scaled(15_000) }, async () => {
    const worker = new SandboxWorker({ timeoutMs: 1, maxMemoryMb: 256 });
    const loaded: LoadedBriefing = {
      root: '/virtual',
      name: 'slow',
      singleFile: true,
      markdownFiles: [{ path: 'slow.md', relPath: 'slow.md', text: `---\ntitle: Slow\n---\n${'## Slide\n\n- a\n  - b\n\n'.repeat(20_000)}` }],
    };
    const error = (await worker.parse(loaded).catch((e: unknown) => e)) as BriefdeckError;
    expect(error).toBeInstanceOf(BriefdeckError);
    expect(error.code).toBe('E_MARKDOWN');
    expect(error.message).toBe('parsing the Markdown took longer than 0.001 s');
    // A page or a notebook is named as what its author wrote.
    const page = (await worker.parse({ ...loaded, markdownFiles: [{ path: 'slow.html', relPath: 'slow.html', text: '<section>x</section>'.repeat(20_000) }] }).catch((e: unknown) => e)) as BriefdeckError;
    expect(page.message).toBe('parsing the page took longer than 0.001 s');
    expect(page.diagnostics[0]!.hint).toBe('look for what is nested deeply or repeated without end in it');
    await worker.close();
  });
});

describe('the depth guard for HTML', () => {
  const nest = (depth: number) => `${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`;

  it('finds the line of the first element nested deeper than the limit, and passes anything shallower', () => {
    expect(findExcessiveHtmlNesting(nest(MAX_HTML_DEPTH))).toBeUndefined();
    expect(findExcessiveHtmlNesting(`<p>a</p>\n<p>b</p>\n${nest(MAX_HTML_DEPTH + 1)}`)).toBe(3);
  });

  it('counts what a browser nests: elements whose end tag may be left out, void and self-closed elements, and text in scripts do not add depth', () => {
    const list = `<ul>${'<li>item'.repeat(5000)}</ul>`;
    const para = '<p>para'.repeat(5000);
    const voids = '<br><img src="a.png"><hr>'.repeat(2000);
    const svg = `<svg>${'<path d="M0 0"/>'.repeat(2000)}</svg>`;
    const script = `<script>${'if (a <div> b) {}'.repeat(2000)}</script>`;
    const misnested = '<b><i>x</b></i>'.repeat(2000);
    for (const html of [list, para, voids, svg, script, misnested]) expect(findExcessiveHtmlNesting(html)).toBeUndefined();
  });
});

describe('input files', () => {
  it.each([
    ['little-endian', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['big-endian', (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
  ])('UTF-16 with its byte-order mark (%s), as Notepad and PowerShell save it, builds like UTF-8: no BOM in the text, CRLF read as LF', async (_order, encode) => {
    const text = '## Café talks\r\n\r\n- Pyongyang — Hanoi 🤝\r\n\r\nNote: a note\r\n';
    const utf16 = await buildDeck(briefing({ 'a.md': encode(text), 'briefing.yml': encode('title: Summit\r\n') }, ''));
    const utf8 = await buildDeck(briefing({ 'a.md': text, 'briefing.yml': 'title: Summit\r\n' }, ''));
    expect(utf16.deck.html).toBe(utf8.deck.html);
    expect(utf16.deck.html).toContain('Café talks</h2>');
    expect(utf16.deck.html).not.toContain('\uFEFF');
  });

  it('UTF-16 without a byte-order mark is refused with a hint that says what it looks like, not "binary"', async () => {
    const error = await buildDeck(briefing({ 'a.md': Buffer.from('## Hi\n\ntext\n', 'utf16le') })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefdeckError);
    expect(error).toMatchObject({ code: 'E_ENCODING', line: 1, hint: expect.stringContaining('looks like UTF-16 without a byte-order mark') });
  });

  it.each([
    ['damaged UTF-16 (an unpaired surrogate)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('## Hi\n', 'utf16le'), Buffer.from([0x3d, 0xd8])]), 'E_ENCODING'],
    ['UTF-16 with a NUL character', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('## Hi\n\0\n', 'utf16le')]), 'E_ENCODING'],
    ['a NUL byte', Buffer.from('## Hi\n\nnul\0here\n'), 'E_ENCODING'],
    ['invalid UTF-8', Buffer.from([0x23, 0x23, 0x20, 0xc3, 0x28, 0x0a]), 'E_ENCODING'],
  ])('%s is a clear error', async (_name, bytes, code) => {
    expect(await codeOf(buildDeck(briefing({ 'a.md': bytes })))).toBe(code);
  });

  it('an image is typed by its content: a text file named .png is refused', async () => {
    expect(await codeOf(buildDeck(briefing({ 'a.md': '## A\n\n![x](fake.png)\n', 'fake.png': 'not an image' })))).toBe('E_IMAGE_TYPE');
  });

  it('an SVG is only ever embedded as an image, never inlined as markup', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><rect width="1" height="1"/></svg>';
    const built = await buildDeck(briefing({ 'a.md': '## A\n\n![logo](logo.svg)\n', 'logo.svg': svg }));
    expect(built.deck.html).toContain(`src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"`);
    expect(built.deck.html).not.toContain('<svg xmlns="http://www.w3.org/2000/svg" onload');
  });

  it('enforces the per-image and per-deck size limits', async () => {
    const png = Buffer.concat([TINY_PNG, Buffer.alloc(2000)]);
    const dir = briefing({ 'a.md': '## A\n\n![a](a.png)\n\n![b](b.png)\n', 'a.png': png, 'b.png': png });
    expect(await codeOf(buildDeck(dir, { limits: { maxFileBytes: 1e6, maxImageBytes: 1000, maxDeckBytes: 1e6 } }))).toBe('E_IMAGE_TOO_LARGE');
    expect(await codeOf(buildDeck(dir, { limits: { maxFileBytes: 1e6, maxImageBytes: 1e6, maxDeckBytes: 3000 } }))).toBe('E_DECK_TOO_LARGE');
  });

  it('metadata YAML may not use tags, and a non-string title is an error', async () => {
    expect(await codeOf(buildDeck(briefing({ 'a.md': '## A\n\nx\n' }, 'title: !!js/function "function(){}"\n')))).toBe('E_YAML');
    expect(await codeOf(buildDeck(briefing({ 'a.md': '## A\n\nx\n' }, 'title: 42\n')))).toBe('E_META');
    expect(await codeOf(buildDeck(briefing({ 'a.md': '## A\n\nx\n' }, 'title: [a, b]\n')))).toBe('E_META');
  });
});

describe('output is written atomically', () => {
  it('a failure after rendering (in the bundle stage) leaves the previous file byte-identical and no temp file', () => {
    const dir = briefing({ 'a.md': '## A\n\nx\n' }, 'title: Test\ntheme: no-such-theme\n');
    const outDir = path.join(path.dirname(dir), 'out');
    mkdirSync(outDir);
    const previous = Buffer.from('<!doctype html><p>previous deck</p>');
    writeFileSync(path.join(outDir, 'deck.html'), previous);
    const result = runBin(['build', dir, '-o', path.join(outDir, 'deck.html')], path.dirname(dir));
    expect(result.code).toBe(1);
    expect(result.err).toContain('unknown theme "no-such-theme"');
    expect(readFileSync(path.join(outDir, 'deck.html')).equals(previous)).toBe(true);
    expect(readdirSync(outDir)).toEqual(['deck.html']);
  });

  it('a write that fails leaves no temp file behind and reports E_WRITE', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'deck.html'), 'old');
    chmodSync(dir, 0o500);
    try {
      // root ignores directory permissions, so write into a path whose parent is a file instead.
      const error = (() => {
        try {
          writeFileAtomic(path.join(dir, 'deck.html', 'nested.html'), 'new');
        } catch (e) {
          return e;
        }
      })() as BriefdeckError;
      expect(error).toBeInstanceOf(BriefdeckError);
      expect(error.code).toBe('E_WRITE');
    } finally {
      chmodSync(dir, 0o700);
    }
    expect(readdirSync(dir)).toEqual(['deck.html']);
    expect(readFileSync(path.join(dir, 'deck.html'), 'utf8')).toBe('old');
  });
});

describe('raw HTML is read as a browser reads it, by every pass', () => {
  /** The content slides of a one-file briefing of `markdown`, parsed in this process. */
  const parseContentSlides = (markdown: string) => {
    const loaded: LoadedBriefing = { root: '/virtual', name: 'raw', singleFile: false, metaFile: { path: 'raw/briefing.yml', relPath: 'briefing.yml', text: 'title: T\n' }, markdownFiles: [{ path: 'raw/a.md', relPath: 'a.md', text: markdown }] };
    return parseBriefing(loaded, new DiagnosticBag()).slides.filter((s) => s.kind === 'content');
  };

  it('an inline style keeps the look of its own element, and never a place over the slide, a negative margin, a transform or anything that loads', () => {
    const [slide] = parseContentSlides([
      '## Styled', '',
      '<p style="text-align: center; color: #123456; font-size: 0.8em; position: fixed; top: 0; z-index: 9999">Centred</p>',
      '<div style="display: grid; grid-template-columns: 1fr 40%; gap: 2em; margin: -40px 0 0; transform: translateY(-200px); background: url(https://example.org/x.png)">Grid</div>',
      '<span style="color: expression(alert(1)); background-color: rgba(0, 0, 0, 0.5); width: calc(100% + 10px); margin-top: -2em; font-weight: bold">Span</span>',
      '<p style="position: absolute; inset: 0; z-index: 10">Cover</p>', '',
    ].join('\n'));
    const styles = [...slide!.bodyHtml.matchAll(/<(\w+)(?: style="([^"]*)")?>(\w+)</g)].map((m) => `${m[1]} ${m[3]}: ${m[2] ?? ''}`);
    expect(styles).toEqual([
      'p Centred: text-align:center;color:#123456;font-size:0.8em',
      'div Grid: display:grid;grid-template-columns:1fr 40%;gap:2em',
      'span Span: background-color:rgba(0, 0, 0, 0.5);font-weight:bold',
      'p Cover: ',
    ]);
    expect(slide!.bodyHtml).not.toMatch(/fixed|z-index|transform|url\(|expression|calc|-40px|-2em|inset/);
  });

  it('a note or a paragraph inside an element whose content a browser reads as text (noscript, iframe, xmp) never shows as a slide\'s markup', () => {
    const slides = parseContentSlides('## Noscript\n\n<p><noscript></p><div class="notes">Said only</div></noscript></p>\n\n## Iframe\n\n<div><iframe></p><aside class="notes">Said only</aside></iframe></div>\n\n## Xmp\n\n<xmp><b>bold?</b></xmp>\n');
    expect(slides.map((s) => s.bodyHtml.trim())).toEqual(['<p></p>', '<div></div>', '<p></p><pre>&lt;b&gt;bold?&lt;/b&gt;</pre><p></p>']);
  });

  it('an <svg> in raw HTML is shown as a picture of itself, which runs and loads nothing, not removed: its markup an image of the deck, its label the alt text', async () => {
    const svg = '<svg width="120" height="60" aria-label="Two boxes"><rect width="50" height="50" fill="#369"/><rect x="65" width="50" height="50" onclick="alert(1)"/><script>alert(2)</script></svg>';
    const built = await buildDeck(briefing({ 'a.md': `## Drawing\n\n${svg}\n\nText after.\n` }));
    const slide = built.briefing.slides.find((s) => s.title === 'Drawing')!;
    expect(slide.bodyHtml).toMatch(/^<p><img src="briefdeck-asset:\d+" alt="Two boxes" \/?><\/p>/);
    const image = built.briefing.images[slide.images[0]!]!;
    expect(image.inlineSvg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="120"/);
    expect(built.warnings.filter((w) => /svg/i.test(w.message))).toEqual([]);
    // In the file: an image, never markup, so its script and handler can never run.
    expect(built.deck.html).toContain('<img src="data:image/svg+xml;base64,');
    expect(built.deck.html).not.toMatch(/<svg[^>]*aria-label="Two boxes"|alert\([12]\)/);
    // A trusted author's SVG stays markup, as before (its script removed).
    const trusted = await buildDeck(briefing({ 'a.md': `## Drawing\n\n${svg}\n` }, 'title: Test\nhtml: true\n'));
    expect(trusted.briefing.slides.find((s) => s.title === 'Drawing')!.bodyHtml).toMatch(/^<p><svg width="120"/);
    // Over the image limit, like any picture, with a hint about where it was written (it named a notebook).
    const large = (await buildDeck(briefing({ 'a.md': `## Drawing\n\n${svg}\n` }), { limits: { maxFileBytes: 1_000_000, maxImageBytes: 100, maxDeckBytes: 1_000_000 } }).catch((e: unknown) => e)) as BriefdeckError;
    expect([large.code, large.hint]).toEqual(['E_IMAGE_TOO_LARGE', 'make the <svg> written in the slide smaller, or keep it in a file, or raise the limit with --max-image-bytes']);
  });

  it('an <svg> hidden from screen readers (aria-hidden, or the role presentation or none: an icon beside its words) is a decorative picture, its alt empty and none asked of it; one with no text alternative is still asked for one', async () => {
    const { checkBriefing } = await import('../src/check-briefing.js');
    const icon = (attributes: string) => `<svg width="20" height="20"${attributes}><title>Icon</title><rect width="20" height="20"/></svg>`;
    const built = await buildDeck(briefing({ 'a.md': `## Icons\n\n${icon(' aria-hidden="true"')} Hidden\n\n${icon(' role="presentation"')} Presentation\n\n${icon(' role="none"')} None\n\n<svg width="20" height="20"><rect width="20" height="20"/></svg> Unlabelled\n` }));
    const slide = built.briefing.slides.find((s) => s.title === 'Icons')!;
    expect([...slide.bodyHtml.matchAll(/<img [^>]*alt="([^"]*)"/g)].map((m) => m[1])).toEqual(['', '', '', '']);
    expect(slide.images.map((i) => built.briefing.images[i]!.decorative ?? false)).toEqual([true, true, true, false]);
    expect(checkBriefing(built.briefing).filter((d) => d.code === 'W_IMAGE_ALT').map((d) => d.line)).toEqual([9]);
    // Several in one block of HTML are each said at their own line, past the <svg>s inside one.
    const block = await buildDeck(briefing({ 'a.md': '## Two\n\n<div>\n<svg width="9" height="9"><svg width="3" height="3"><rect width="1" height="1"/></svg></svg>\n<svg width="4" height="4"/>\n<svg width="5" height="5"><rect width="2" height="2"/></svg>\n</div>\n' }));
    expect(checkBriefing(block.briefing).filter((d) => d.code === 'W_IMAGE_ALT').map((d) => d.line)).toEqual([4, 5, 6]);
    // Found in one pass over the source, however many there are: 200,000 that close themselves (each once looked for past
    // the one before, to the end of the source, which took seconds at 20,000) and a run of openings with no close.
    const { findTopLevelSvgs } = await import('../src/parse/inline-svg.js');
    expect(findTopLevelSvgs('<svg/>'.repeat(200_000))).toHaveLength(200_000);
    expect(findTopLevelSvgs(`${'<svg '.repeat(100_000)}<svg>${'<svg>'.repeat(100_000)}`)).toEqual([500_000]);
  });

  it("an <svg> picture carries no address from elsewhere, each taken off named at its line, and stays XML: a no-break space in its text is written so", async () => {
    const svg = [
      '<svg width="120" height="60"><defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs>',
      '<style>@import url("https://evil.example/a.css"); rect { fill: url(#g); }</style>',
      '<use href="https://evil.example/x.svg#a"/><image xlink:href="//evil.example/i.png" width="9" height="9"/>',
      '<rect width="50" height="50" style="fill: url(#g)"/><rect x="60" width="50" height="50" style="background: url(https://evil.example/b.png)"/>',
      '<a href="#g"><text x="0" y="58">a&nbsp;b</text></a></svg>',
    ].join('');
    const built = await buildDeck(briefing({ 'a.md': `## Drawing\n\n${svg}\n` }));
    const slide = built.briefing.slides.find((s) => s.title === 'Drawing')!;
    const picture = built.briefing.images[slide.images[0]!]!.inlineSvg!;
    expect(picture).not.toMatch(/evil\.example/);
    // What stays within the picture stays: its gradient, by #g in a style, an attribute and a link.
    expect(picture).toContain('fill: url(#g)');
    expect(picture).toContain('<a href="#g">');
    expect(picture).toContain('<text x="0" y="58">a&#160;b</text>');
    expect(picture).not.toContain('&nbsp;');
    expect(built.warnings.filter((w) => w.message.includes("<svg>'s reference")).map((w) => [w.line, w.message])).toEqual([
      [3, "an <svg>'s reference out of the picture was left out: https://evil.example/a.css, https://evil.example/x.svg#a, //evil.example/i.png, https://evil.example/b.png"],
    ]);
  });

  it('text after a notes element on its line cannot open a code block that would show the notes after it', () => {
    const [slide] = parseContentSlides('## A\n\n<aside class="notes">Said</aside>```\nNote: said too\n');
    expect(slide!.notes?.markdown).toBe('Said\nsaid too');
    expect(slide!.bodyHtml).not.toMatch(/<pre>|said too/);
  });

  it('keeps a formula through every pass that reads the slide\'s HTML with parse5 (a reveal element comment, a noscript settled), which drops the marks that hold its place', () => {
    const slides = parseContentSlides('## Comment\n\nEnergy $E=mc^2$ here <!-- .element: class="fragment" -->\n\n## Noscript\n\nEnergy $E=mc^2$ <noscript>x</noscript> here\n');
    for (const slide of slides) expect(slide.bodyHtml).toMatch(/^<p( class="fragment")?>Energy <span class="katex">[\s\S]*<annotation encoding="application\/x-tex">E=mc\^2<\/annotation>[\s\S]* here/);
  });
});

describe('property: random input never fails with anything but BriefdeckError', () => {
  const templates = loadTemplates();
  const markdownChunk = fc.oneof(
    fc.constantFrom('# ', '## ', '---', '\n', '\n\n', '- ', '  - ', '> ', '1. ', '```', '~~~', '|', '| --- |', '*', '**', '_', '`', '[', ']', '(', ')', '![', '<', '>', '&', '#', 'Note:', 'Notes: ', '<!-- incremental -->', '<!-- layout: content -->', '<!-- layout: x -->', '<b>', '</b>', '<script>', 'javascript:', 'https://a.b', '../', '\t', '\\', '\r\n', '\u00a0', '\u200b', '日本', '🙂'),
    fc.string({ maxLength: 12 }),
  );
  const markdown = fc.array(markdownChunk, { maxLength: 60 }).map((parts) => parts.join(''));
  const yamlValue = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }));
  const meta = fc.dictionary(fc.constantFrom('title', 'subtitle', 'author', 'date', 'lang', 'theme', 'classification', 'bottomLine', 'duration', 'incremental', 'size', 'html', 'sections', 'maxBullets', 'colour'), yamlValue);
  const rawYaml = fc.oneof(
    meta.map((m) => Object.entries(m).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n')),
    fc.array(fc.constantFrom('title: x', 'title:', ': :', '- a', '  b: c', '"', "'", '{', '[', '&a', '*a', '!!str', '!tag x', '---', '...', '\t', '#'), { maxLength: 8 }).map((l) => l.join('\n')),
  );

  it('parses and renders random Markdown and metadata', () => {
    fc.assert(
      fc.property(rawYaml, markdown, markdown, (yaml, a, b) => {
        const loaded: LoadedBriefing = {
          root: '/virtual',
          name: 'random',
          singleFile: false,
          metaFile: { path: 'random/briefing.yml', relPath: 'briefing.yml', text: yaml },
          markdownFiles: [
            { path: 'random/a.md', relPath: 'a.md', text: a },
            { path: 'random/b.md', relPath: 'b.md', text: b },
          ],
        };
        const bag = new DiagnosticBag();
        try {
          const parsed = parseBriefing(loaded, bag);
          bag.throwIfErrors();
          renderDeck(parsed, templates, new Map(), { handout: false, markerNonce: 'a1b2' }, bag);
        } catch (err) {
          if (!(err instanceof BriefdeckError)) throw err;
          for (const d of err.diagnostics) expect(d.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });

  // Other tools' syntax goes through extensions of its own (footnotes, attributes, callouts, notes in HTML): mixed at random,
  // with hostile HTML among it, nothing of it may carry a script, a handler (unless the author is trusted), a parser's
  // placeholder character or an element of notes onto a slide.
  const peerChunk = fc.constantFrom('[', ']', '{', '}', '^', ':', '~', '|', '$', '\n', '\n\n', '.', '#', '=', ' ', 'a', '::: ', ':::', '{.callout-note}', '{layout-ncol=2}', '::::', '::: aside', '{.r-stack}', '{.r-hstack}', '{.panel-tabset}', '{#eq-a}', '@eq-a', '![a](b.png){#fig-a}', '@fig-a', '{#tbl-a}', '\\pause', '\\begin{equation}', '\\end{equation}', '\\begin{itemize}', '\\newpage', '#. ', '{-}', '+---+---+\n', '+===+===+\n', '| x | y |\n', '--  --\n', 'Table: ', '[-@eq-a]', '::: {#thm-a}\n', '::: {.proof}\n', '::: {#thm-b name="<script>alert(1)</script>"}\n', '{#sec-a}', '@sec-a', '@Fig-a', '[Fig @fig-a]', '[@fig-a; @tbl-a]', '::: {#fig-b layout-ncol=2}\n', '::: {#tbl-b layout="[1,2]"}\n', '```{#lst-a .js lst-cap="<img src=x onerror=alert(1)>"}\n', '{visibility="hidden"}', '````md magic-move\n', '::right::\n', '::left::\n', '<template #1>x</template>\n', '`{python} 1`', '## {background-color="red"}\n', '<!-- class: lead -->', '<!-- backgroundColor: red -->', '<!-- _paginate: false -->', '<!-- header: x -->', "<!-- backgroundImage: url('a.png') -->", '<!-- color: red -->', '{{< kbd Ctrl-C >}}', '{{< meta title >}}', '{{< fa x >}}', '{{< ', '::: {.content-hidden}\n', '::: {.content-visible when-format="pdf"}\n', '{.content-hidden}', '<RenderWhen context="presenter">', '</RenderWhen>', '{{< include _x.qmd >}}\n', '{{< include ../x.qmd >}}\n', '---\nsrc: ./x.md\n---\n', 'layout: image-right\nimage: a.png\n', '{.smallcaps}', '{.fragment}', '[^1]', '[^1]: ', '^[', '`', '```', '```{=html}', '<aside class="notes">', '</aside>', '<div class=notes>', '</div>', '<aside class="notes">Said only</aside>', '\n\n<div class="notes">\nSaid only\n</div>\n\n', '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '{width=50%}', ':rocket:', '==', '{.mark}', '% ', '---\n', '\n## Page {{ $page }} of <SlidesTotal />\n', '{{ $slidev.nav.total }}', '\n<div class="columns-2">\n', '\n<div>\n', '\n</div>\n', '\n<div class="notes">\n', '\n* * *\n', '\n<<< @/x.ts#r {1}\n', '{{ 1 + 1 }}', '\n<Toc mode="onlySiblings" />\n', '\n???\n', '\n---\nlayout: true\nclass: inverse\n', '{{content}}', '\n---\nlayout: false\n', 'hideInToc: true\nlevel: 2\n', '\n```js [1|2]\n', '\n```ts {2|all}{lines:true,startLine:3}\n', '\n``` {.r code-line-numbers="1|2"}\n', ' #<<\n', '\n::: {.absolute top=10 left=0}\n', '\n<style>.hl { color: red }</style>\n', '[w]{.hl}', '<p class="text-xl hl notes">x</p>', '![a](b.png){.absolute top=5}', '\n```mermaid\n', 'layout: quote\n', '* ', '- ', '> ', '| ', ': ', '<!-- footer -->', '<!-- _footer: x -->', '$$', '\\', '"', '<', '&');
  type Node = { tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; content?: Node };
  const elements = (n: Node): Node[] => [n, ...(n.childNodes ?? []).flatMap(elements), ...(n.content ? elements(n.content) : [])];
  /** Text a note holds that shows outside code, where it is the slide's own text: code shows its source as written. */
  const shownText = (n: Node & { nodeName?: string; value?: string }): string => (n.tagName === 'code' || n.tagName === 'pre' ? '' : (n.value ?? '') + (n.childNodes ?? []).map(shownText).join(''));
  /** What a rendered fragment must never hold, read with an HTML parser as a browser would read it. */
  const problems = (html: string, trusted: boolean, notesAllowed: boolean) => [
    ...(/\u0000|\uffff/.test(html) ? ['placeholder'] : []),
    // A note whose `<` was escaped (`\\<aside …>`, a page's `<xmp>`) is text the author asked to show, markup and all.
    ...(!notesAllowed && shownText(parseFragment(html) as Node).replace(/notes\W{0,2}>\s*Said only|data-notes=\W?Said only/g, '').includes('Said only') ? ['note text'] : []),
    ...elements(parseFragment(html) as Node).flatMap((n) => [
      ...(n.tagName === 'script' ? ['script'] : []),
      ...(n.attrs ?? []).flatMap((a) => [...(!trusted && a.name.startsWith('on') ? [a.name] : []), ...(!notesAllowed && a.name === 'class' && a.value.split(/\s+/).includes('notes') ? ['notes'] : [])]),
    ]),
  ];

  // PEER_RUNS and PEER_SEED run it longer or elsewhere by hand; the suite runs the same 300 cases every time.
  it('reads random mixes of other tools\' syntax without a script, a handler or notes reaching a slide', () => {
    fc.assert(
      fc.property(fc.array(peerChunk, { maxLength: 120 }), fc.boolean(), (parts, trusted) => {
        const loaded: LoadedBriefing = {
          root: '/virtual',
          name: 'peer',
          singleFile: false,
          metaFile: { path: 'peer/briefing.yml', relPath: 'briefing.yml', text: `title: T\nhtml: ${trusted}\n` },
          markdownFiles: [{ path: 'peer/a.qmd', relPath: 'a.qmd', text: `## S\n\n${parts.join('')}` }],
        };
        for (const slide of parseBriefing(loaded, new DiagnosticBag()).slides) {
          for (const html of [slide.bodyHtml, slide.titleHtml ?? '', ...(slide.columns ?? [])]) expect(problems(html, trusted, false)).toEqual([]);
          expect(problems(slide.notes?.html ?? '', trusted, true)).toEqual([]);
          // The plain title goes into the page's <title>, the agenda and the outline.
          expect(slide.title ?? '').not.toMatch(/\u0000|\uffff/);
        }
      }),
      { numRuns: Number(process.env.PEER_RUNS ?? 300), seed: Number(process.env.PEER_SEED ?? 20261129) },
    );
  });

  // GitPitch's, reveal-hugo's, HackMD's, Markdown Preview Enhanced's and iA Presenter's decks are rewritten line by line
  // (or before the cut): their syntax, mixed at random with hostile HTML and each tool's notes, carries no script, handler or note onto a slide.
  const rewrittenChunk = fc.constantFrom('---?image=a.png&size=auto 100%\n', '---?color=linear-gradient(red, blue)&opacity=50\n', '---?include=x.md\n', '---?code=x.py&lang=js\n', '---?video=x.mp4\n', '+++\n', '#VSLIDE\n', '@snap[north]\n', '@snapend\n', '@ul\n', '@ul[x](false)\n', '@ulend\n', '@fa[x](y)', '@color[red](<img src=x onerror=alert(1)>)', '@quote[<b onclick=x>a</b>](b)', '@box[c](T#<script>alert(1)</script>)', '@img[c](javascript:alert(1))', '```js\n', '@[1](c)\n', '{{% note %}}\n', '{{% /note %}}\n', '{{% note %}}Said only{{% /note %}}', '{{% section %}}\n', '{{% /section %}}\n', '{{% fragment %}}', '{{% /fragment %}}', '{{< slide background-color="red" onclick="alert(1)" class="notes" >}}\n', '{{< frag c="<script>alert(1)</script>" >}}', '{{< figure src="javascript:alert(1)" caption="<img src=x onerror=alert(1)>" >}}', '{{< youtube "><script> >}}', ':::info\n', ':::spoiler <img src=x onerror=alert(1)>\n', ':::\n', '[name=<b onclick=x>x</b>]', '{%youtube "><script> %}', '{%vimeo 123 %}', '<!-- slide -->\n', '<!-- slide onclick="alert(1)" class="notes" -->\n', '<!-- slide vertical=true -->\n', '\tShown\n', 'Spoken\n', '/a.png\n', '<!-- end_slide -->\n', '<!-- speaker_note: Said only -->\n', '\n<!--\nspeaker_note: |\n  Said only\n-->\n', '<!--\n', '-->\n', '<!-- column_layout: [1, 2] -->\n', '<!-- column: 0 -->\n', '<!-- column: 1 -->\n', '<!-- reset_layout -->\n', '<!-- pause -->\n', '<!-- incremental_lists: true -->\n', '<!-- jump_to_middle -->\n', '<!-- skip_slide -->\n', '<!-- include: x.md -->\n', '\n<!--config:\nSaid only\n-->\n', '<!-- Said only <img src=x onerror=alert(1)> -->\n', '<!-- a --> b\n', '```rust {1|2} +line_numbers +exec\n', '```mermaid\n', 'Title <img src=x onerror=alert(1)>\n===\n', 'T\n---\n', '![image:width:50% <b onclick=x>](a.png)', '\nNote:\nSaid only\n', '<aside class="notes">Said only</aside>', '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '---\n', '\n', '\n\n', '- ', '# ', 'a');
  const rewrittenDecks = fc.constantFrom(['peer/PITCHME.md', ''], ['peer/talk.iapresenter/text.md', ''], ['peer/a.md', '{{% note %}}Said only{{% /note %}}\n\n'], ['peer/a.md', ':::info\nx\n:::\n\n'], ['peer/a.md', '<!-- slide -->\n# S\n\n<!-- slide -->\n'], ['peer/a.md', 'S\n===\n\n<!-- end_slide -->\n\n'], ['peer/a.md', '', 'title: T\npatat:\n  incrementalLists: true\n']);
  it("reads random mixes of GitPitch's, reveal-hugo's, HackMD's, Markdown Preview Enhanced's, iA Presenter's, presenterm's and patat's syntax without a script, a handler or notes reaching a slide", () => {
    fc.assert(
      fc.property(rewrittenDecks, fc.array(rewrittenChunk, { maxLength: 80 }), ([file, opening, meta], parts) => {
        const loaded: LoadedBriefing = { root: '/virtual', name: 'peer', singleFile: false, metaFile: { path: 'peer/briefing.yml', relPath: 'briefing.yml', text: meta ?? 'title: T\n' }, markdownFiles: [{ path: file, relPath: file.slice('peer/'.length), text: `${opening}${parts.join('')}` }] };
        for (const slide of parseBriefing(loaded, new DiagnosticBag()).slides) {
          for (const html of [slide.bodyHtml, slide.titleHtml ?? '', ...(slide.columns ?? []), slide.columnsLead ?? '']) expect(problems(html, false, false)).toEqual([]);
          expect(problems(slide.notes?.html ?? '', false, true)).toEqual([]);
        }
      }),
      { numRuns: Number(process.env.PEER_RUNS ?? 60), seed: Number(process.env.PEER_SEED ?? 20261130) },
    );
  });

  // Obsidian's Advanced Slides is read line by line (dialects/advanced-slides.ts): its tags, annotations and blocks, mixed
  // at random with hostile HTML, notes and other tools' divs, carry no script, handler or note onto a slide.
  const advancedChunk = fc.constantFrom('<split even>\n', '<split left="2" right="1">\n', '</split>\n', '<grid drag="60 55" drop="5 10">\n', '</grid>\n', '<!-- slide bg="red" -->', '<!-- slide bg="[[x.png]]" -->', '<!-- slide bg="javascript:alert(1)" -->', '<!-- element class="fragment" -->', '<!-- element onclick="alert(1)" -->', '::: left\n', '::: right\n', '::: block\n', ':::\n', '::: {.callout-note}\n', '::: notes\n', '\nnote: Said only\n', '<aside class="notes">Said only</aside>', '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '---\n', '--\n', '\n', '\n\n', '- ', 'a', '**', '$$', '![[x.png]]', '<');
  it('reads random mixes of Advanced Slides\' syntax without a script, a handler or notes reaching a slide', () => {
    fc.assert(
      fc.property(fc.array(advancedChunk, { maxLength: 100 }), (parts) => {
        const loaded: LoadedBriefing = { root: '/virtual', name: 'obsidian', singleFile: false, metaFile: { path: 'obsidian/briefing.yml', relPath: 'briefing.yml', text: 'title: T\n' }, markdownFiles: [{ path: 'obsidian/a.md', relPath: 'a.md', text: `<split even>\n\n${parts.join('')}` }] };
        for (const slide of parseBriefing(loaded, new DiagnosticBag()).slides) {
          for (const html of [slide.bodyHtml, slide.titleHtml ?? '', ...(slide.columns ?? []), slide.columnsLead ?? '']) expect(problems(html, false, false)).toEqual([]);
          expect(problems(slide.notes?.html ?? '', false, true)).toEqual([]);
        }
      }),
      { numRuns: Number(process.env.PEER_RUNS ?? 40), seed: Number(process.env.PEER_SEED ?? 20261129) },
    );
  });

  // A Jupyter notebook's cells are written out as Markdown (dialects/jupyter.ts): random cells of every kind and slide
  // type, with hostile Markdown, HTML outputs and notes, carry no script, handler or note onto a slide.
  // In a notebook a "Note:" line is a cell's text; its notes are notes cells, which here all say "Said only".
  const cellText = fc.array(fc.constantFrom('# T\n', '## S\n', '---\n', '--\n', '\nNote: in the text\n', '<aside class="notes">Said only</aside>', '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '```\n', '$$', 'a', '\n', '![x](attachment:a.png)', '<!-- .slide: onclick="x" -->', '\u001b[31m'), { maxLength: 12 }).map((parts) => parts.join(''));
  const cell = fc.record({
    cell_type: fc.constantFrom('markdown', 'code', 'raw'),
    metadata: fc.record({ slideshow: fc.record({ slide_type: fc.constantFrom('slide', 'subslide', 'fragment', '-', 'skip', 'notes') }), tags: fc.subarray(['remove_input', 'remove_output', 'remove_cell']) }),
    source: cellText,
    outputs: fc.array(fc.oneof(fc.record({ output_type: fc.constant('stream'), text: cellText }), fc.record({ output_type: fc.constant('display_data'), data: fc.record({ 'text/html': cellText }) })), { maxLength: 2 }),
  }).map((c) => (c.metadata.slideshow.slide_type === 'notes' ? { ...c, source: `Said only ${c.source}` } : c));
  it('reads random Jupyter notebooks without a script, a handler or notes reaching a slide', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 8, arbitrary: cell }, { weight: 1, arbitrary: fc.constantFrom(null, 1, 'x', [], { cell_type: 'code', source: null, outputs: [null, { output_type: 'display_data', data: null }] }) }), { maxLength: 12 }), (cells) => {
        const page = { path: 'nb/deck.ipynb', relPath: 'deck.ipynb', text: JSON.stringify({ nbformat: 4, metadata: {}, cells }, null, 1) };
        const loaded: LoadedBriefing = { root: '/virtual', name: 'deck', singleFile: true, markdownFiles: [page] };
        for (const slide of parseBriefing(loaded, new DiagnosticBag()).slides) {
          for (const html of [slide.bodyHtml, slide.titleHtml ?? '', ...(slide.columns ?? [])]) expect(problems(html, false, false)).toEqual([]);
          expect(problems(slide.notes?.html ?? '', false, true)).toEqual([]);
        }
      }),
      { numRuns: Number(process.env.PEER_RUNS ?? 30), seed: Number(process.env.PEER_SEED ?? 20261129) },
    );
  });

  // A reveal.js page is read with an HTML parser and written out as reveal Markdown (dialects/reveal-html.ts): no mix of
  // sections, templates, notes, raw-text elements and hostile markup may carry a script, a handler or a note onto a slide.
  const pageChunk = fc.constantFrom('<section>', '</section>', '<section data-markdown>', '<section data-markdown="x.md">', '<textarea data-template>', '</textarea>', '<script type="text/template">', '</script>', '<section data-notes="Said only">', '<aside class="notes">Said only</aside>', '<div class="notes">Said only</div>', '<h1>', '<h2>', '</h2>', '<pre><code class="language-js">', '</code></pre>', '<pre>', '</pre>', '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '<svg><script>alert(1)</script></svg>', '<style>', '</style>', '<section onclick="alert(1)">', '<section data-background-color="red -->">', '<p onclick=x>', '</p>', '<a href="javascript:alert(1)">', '<iframe src=javascript:alert(1)>', '<template>', '</template>', '<xmp>', '<noscript>', '<title>', '<!--', '-->', '<!-- .slide: data-background-color="red" -->', '---', '--', 'Note:', '```', '## ', '\n', '\n\n', 'a', '*', '{', '"', "'", '<', '>', '&', '\\(', '\\)', '\\[', '\\]', '$$', '<p class="fragment">', '<span class="math inline">', '<div class="sourceCode"><pre><code class="python">');
  it('reads random reveal.js pages without a script, a handler or notes reaching a slide', () => {
    fc.assert(
      fc.property(fc.array(pageChunk, { maxLength: 80 }), (parts) => {
        const page = { path: 'page/index.html', relPath: 'index.html', text: `<title>T</title><div class="reveal"><div class="slides"><section>${parts.join('')}</div></div>` };
        const loaded: LoadedBriefing = { root: '/virtual', name: 'index', singleFile: true, markdownFiles: [page] };
        for (const slide of parseBriefing(loaded, new DiagnosticBag()).slides) {
          for (const html of [slide.bodyHtml, slide.titleHtml ?? '', ...(slide.columns ?? [])]) expect(problems(html, false, false)).toEqual([]);
          expect(problems(slide.notes?.html ?? '', false, true)).toEqual([]);
        }
      }),
      { numRuns: Number(process.env.PEER_RUNS ?? 40), seed: Number(process.env.PEER_SEED ?? 20261129) },
    );
  });
});
