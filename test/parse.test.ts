import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../src/errors.js';
import { decodeSource } from '../src/load/decode-source.js';
import type { LoadedBriefing } from '../src/model.js';
import { parseBriefing } from '../src/parse/parse-briefing.js';

function folder(meta: string, files: Record<string, string>): LoadedBriefing {
  return {
    root: '/virtual/deck',
    name: 'deck',
    metaFile: { path: 'deck/briefing.yml', relPath: 'briefing.yml', text: meta },
    markdownFiles: Object.entries(files).map(([name, text]) => ({ path: `deck/${name}`, relPath: name, text })),
    singleFile: false,
  };
}

function single(text: string): LoadedBriefing {
  return { root: '/virtual', name: 'talk', markdownFiles: [{ path: 'talk.md', relPath: 'talk.md', text }], singleFile: true };
}

function parse(loaded: LoadedBriefing) {
  const bag = new DiagnosticBag();
  const briefing = parseBriefing(loaded, bag);
  return { briefing, bag };
}

const content = (b: ReturnType<typeof parse>['briefing']) => b.slides.filter((s) => s.kind === 'content' || s.kind === 'section');

describe('parseBriefing', () => {
  it('makes a divider slide for each # section and a slide for each ## heading', () => {
    const { briefing, bag } = parse(folder('title: T', { 'a.md': '# One\n\n## A\n\ntext\n\n## B\n\nmore\n\n# Two\n\n## C\n\nx\n' }));
    expect(bag.errors).toEqual([]);
    expect(content(briefing).map((s) => [s.kind, s.title, s.section])).toEqual([
      ['section', 'One', 'One'],
      ['content', 'A', 'One'],
      ['content', 'B', 'One'],
      ['section', 'Two', 'Two'],
      ['content', 'C', 'Two'],
    ]);
    expect(briefing.sections.map((s) => [s.title, s.slideNumbers])).toEqual([
      ['One', [3, 4, 5]],
      ['Two', [6, 7]],
    ]);
  });

  it('adds title, bottom-line and agenda slides from the metadata', () => {
    const { briefing } = parse(folder('title: Deck\nbottomLine: It worked.', { 'a.md': '# S\n\n## A\n\nx\n' }));
    expect(briefing.slides.slice(0, 3).map((s) => [s.kind, s.title])).toEqual([
      ['title', 'Deck'],
      ['bottom-line', 'Bottom line'],
      ['agenda', 'Agenda'],
    ]);
  });

  it('leaves out the bottom-line slide when bottomLine is not set', () => {
    const { briefing } = parse(folder('title: Deck', { 'a.md': '# S\n\n## A\n\nx\n' }));
    expect(briefing.slides.map((s) => s.kind)).not.toContain('bottom-line');
  });

  it('starts a slide at a --- line, and a ## heading right after --- names that slide instead of adding one', () => {
    const { briefing } = parse(folder('title: T', { 'a.md': '## A\n\none\n\n---\n\nuntitled\n\n---\n\n## C\n\nthree\n' }));
    expect(content(briefing).map((s) => [s.title, s.bodyHtml.trim()])).toEqual([
      ['A', '<p>one</p>'],
      [null, '<p>untitled</p>'],
      ['C', '<p>three</p>'],
    ]);
  });

  it('does not split on --- or # lines inside a fenced code block', () => {
    const { briefing } = parse(folder('title: T', { 'a.md': '## Code\n\n```yaml\n---\n# not a heading\n```\n' }));
    const slides = content(briefing);
    expect(slides).toHaveLength(1);
    expect(slides[0]!.bodyHtml).toContain('# not a heading');
  });

  it("reads link and footnote definitions for the whole deck, as Markdown keeps them at a file's end: a slide refers to one made on another, its own outweigh the deck's on it, and one in a code block is none", () => {
    const { briefing, bag } = parse(folder('title: Refs\n', {
      'a.md': '## One\n\nSee [the docs][docs], [Marp] and a note[^n].\n\n## Two\n\nThe sources.\n\n[docs]: https://example.com/docs "Docs"\n[Marp]: https://marp.app/\n[^n]: The note, defined elsewhere.\n',
      'b.md': '## Three\n\n[Marp], mine. Not a link: [code].\n\n```md\n[code]: https://code.example/\n```\n\n[marp]: https://mine.example/\n\n## Four\n\nPublic [priv] and[^s].\n\nNote:\nSaid only.\n\n[priv]: https://private.example/\n[^s]: A secret.\n',
    }));
    const body = (title: string) => content(briefing).find((s) => s.title === title)!.bodyHtml;
    expect(body('One')).toContain('<a href="https://example.com/docs" title="Docs"');
    expect(body('One')).toContain('<a href="https://marp.app/"');
    expect(body('One')).toMatch(/a note<sup class="footnote-ref">1<\/sup>[\s\S]*<ol class="footnotes"><li>The note, defined elsewhere\.<\/li><\/ol>/);
    expect(body('Two').replace(/\n/g, '')).toBe('<p>The sources.</p>');
    expect(body('Three')).toContain('<a href="https://mine.example/"');
    expect(body('Three')).toContain('Not a link: [code].');
    // Definitions in speaker notes stay there: their words never reach a slide.
    expect(body('Four')).toBe('<p>Public [priv] and[^s].</p>\n');
    expect(bag.items).toEqual([]);
  });

  it('reads Note: and Notes: lines as speaker notes that run to the end of the slide', () => {
    const { briefing } = parse(
      folder('title: T', { 'a.md': '## A\n\n- point\n\nNote: Say this first.\nAnd this too.\n\n## B\n\nx\n\nNotes: Second slide notes.\n' }),
    );
    const [a, b] = content(briefing);
    expect(a!.notes?.markdown).toBe('Say this first.\nAnd this too.');
    expect(a!.bodyHtml).not.toContain('Say this first');
    expect(b!.notes?.html).toContain('Second slide notes.');
  });

  it('records the source file and line of every slide', () => {
    const { briefing } = parse(folder('title: T', { '01.md': '# S\n\n## A\n\nx\n', '02.md': '\n\n## B\n\ny\n' }));
    expect(content(briefing).map((s) => `${s.source.file}:${s.source.line}`)).toEqual(['deck/01.md:1', 'deck/01.md:3', 'deck/02.md:3']);
  });

  it('reads metadata from the front matter of a single-file briefing and counts lines from the file start', () => {
    const { briefing, bag } = parse(single('---\ntitle: Single\nlang: fr\n---\n\n## First\n\nbody\n'));
    expect(bag.errors).toEqual([]);
    expect(briefing.meta.title).toBe('Single');
    expect(briefing.meta.lang).toBe('fr');
    expect(content(briefing)[0]!.source).toEqual({ file: 'talk.md', line: 6 });
  });

  it('handles CRLF line endings and a UTF-8 BOM without losing the first heading', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('---\r\ntitle: Bom\r\n---\r\n# Section\r\n\r\n## Slide\r\n\r\ntext\r\n')]);
    const text = decodeSource(bytes, 'bom.md');
    const { briefing, bag } = parse(single(text));
    expect(bag.errors).toEqual([]);
    expect(briefing.meta.title).toBe('Bom');
    expect(content(briefing).map((s) => s.title)).toEqual(['Section', 'Slide']);
    expect(content(briefing)[1]!.bodyHtml).toBe('<p>text</p>\n');
  });

  it('renders GFM tables, block quotes and nested lists', () => {
    const { briefing } = parse(folder('title: T', { 'a.md': '## A\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quoted\n\n- one\n  - nested\n' }));
    const html = content(briefing)[0]!.bodyHtml;
    expect(html).toContain('<table>');
    expect(html).toContain('<blockquote>');
    expect(html).toMatch(/<li>one\s*<ul>\s*<li>nested<\/li>/);
  });

  it('resolves images relative to their Markdown file and leaves a placeholder for the renderer', () => {
    const { briefing } = parse(folder('title: T', { 'a.md': '## A\n\n![Chart](img/chart.png)\n' }));
    expect(briefing.images).toEqual([{ src: 'img/chart.png', relPath: 'img/chart.png', alt: 'Chart', source: { file: 'deck/a.md', line: 3 } }]);
    expect(content(briefing)[0]!.bodyHtml).toContain('src="briefdeck-asset:0" alt="Chart"');
  });

  it('reports every image that would leave the folder or the machine, each with its line', () => {
    const { bag } = parse(
      folder('title: T', { 'a.md': '## A\n\n![](../secret.png)\n\n![](/etc/passwd)\n\n![](https://example.com/x.png)\n\n![](file:///etc/hosts)\n\n![](%2e%2e/x.png)\n' }),
    );
    expect(bag.errors.map((d) => [d.code, d.line])).toEqual([
      ['E_PATH_OUTSIDE', 3],
      ['E_PATH_OUTSIDE', 5],
      ['E_REMOTE_URL', 7],
      ['E_PATH_OUTSIDE', 9],
      ['E_PATH_OUTSIDE', 11],
    ]);
  });

  it('applies <!-- incremental --> and <!-- layout: name --> directives to their slide only', () => {
    const { briefing } = parse(folder('title: T', { 'a.md': '## A\n<!-- incremental -->\n<!-- layout: sources -->\n\n- one\n- two\n\n## B\n\n- three\n' }));
    const [a, b] = content(briefing);
    expect(a!.layout).toBe('sources');
    expect(a!.bodyHtml).toContain('<li class="fragment">one</li>');
    expect(a!.bodyHtml).not.toContain('<!--');
    expect(b!.layout).toBe('content');
    expect(b!.bodyHtml).not.toContain('fragment');
  });

  it('counts top-level bullets for the bullet budget', () => {
    const { briefing } = parse(folder('title: T', { 'a.md': '## A\n\n- 1\n- 2\n  - 2a\n- 3\n' }));
    expect(content(briefing)[0]!.bulletCount).toBe(3);
  });

  it('reports unknown keys and wrong types with the line of the key; a missing title is no error, only no title slide', () => {
    const { bag, briefing } = parse(folder('subtitle: x\ncolour: red\nduration: soon\n', { 'a.md': '## A\n\nx\n' }));
    expect(bag.errors.map((d) => [d.line, d.message])).toEqual([
      [2, 'unknown metadata key "colour"'],
      [3, '"duration" must be a positive number, not soon'],
    ]);
    expect(briefing.slides.some((s) => s.kind === 'title')).toBe(false);
    // YAML 1.1's yes and no are text to YAML 1.2, which briefdeck reads: the hint says which of true and false was meant.
    const yes = parse(folder('title: T\nincremental: yes\nhtml: Off\nagenda: maybe\n', { 'a.md': '## A\n\nx\n' })).bag.errors;
    expect(yes.map((d) => [d.line, d.message, d.hint])).toEqual([
      [2, '"incremental" must be true or false, not yes', 'did you mean incremental: true? (reveal list items one at a time)'],
      [3, '"html" must be true or false, not Off', 'did you mean html: false? (keep raw HTML from a trusted author)'],
      [4, '"agenda" must be true or false, not maybe', expect.stringMatching(/^agenda: /)],
    ]);
  });

  it('refuses a duration of more than a day, as minutes no talk takes, at its line', () => {
    const { bag, briefing } = parse(folder('title: T\nduration: 3600\n', { 'a.md': '## A\n\nx\n' }));
    expect(bag.errors.map((d) => [d.line, d.message])).toEqual([[2, '"duration" is 3600 minutes, more than a day']]);
    expect(briefing.meta.duration).toBeUndefined();
    expect(parse(folder('title: T\nduration: 1440\n', { 'a.md': '## A\n\nx\n' })).briefing.meta.duration).toBe(1440);
  });

  it('reports invalid YAML and duplicate keys with their line', () => {
    const broken = parse(folder('title: T\nsubtitle: [unclosed\n', { 'a.md': '## A\n\nx\n' }));
    expect(broken.bag.errors[0]).toMatchObject({ code: 'E_YAML', file: 'deck/briefing.yml' });
    const duplicate = parse(folder('title: A\ntitle: B\n', { 'a.md': '## A\n\nx\n' }));
    expect(duplicate.bag.errors[0]).toMatchObject({ code: 'E_YAML', line: 2 });
    expect(duplicate.bag.errors[0]!.message).toContain('duplicate key');
  });

  it('refuses executable front matter such as ---js instead of running it', () => {
    const { bag } = parse(single('---js\n{ title: (() => { throw new Error("ran") })() }\n---\n## A\n'));
    expect(bag.errors[0]).toMatchObject({ code: 'E_META', line: 1 });
  });

  it('neutralises raw HTML it cannot keep and warns with the line', () => {
    const { briefing, bag } = parse(folder('title: T', { 'a.md': '## A\n\n<script>alert(1)</script>\n\n<b onclick="x()">bold</b>\n' }));
    const html = content(briefing)[0]!.bodyHtml;
    expect(html).not.toMatch(/<script|onclick/i);
    expect(html).toContain('<b>bold</b>');
    expect(bag.warnings[0]).toMatchObject({ code: 'W_RAW_HTML', line: 3 });
  });

  it('keeps raw HTML when the metadata sets html: true', () => {
    const { briefing, bag } = parse(folder('title: T\nhtml: true', { 'a.md': '## A\n\n<div class="x">kept</div>\n' }));
    expect(content(briefing)[0]!.bodyHtml).toContain('<div class="x">kept</div>');
    expect(bag.warnings).toEqual([]);
  });

  it('drops javascript: links in any spelling and keeps https links with noopener', () => {
    const { briefing, bag } = parse(
      folder('title: T', { 'a.md': '## A\n\n[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](&#106;avascript:alert(1)) [d](https://example.org)\n' }),
    );
    const html = content(briefing)[0]!.bodyHtml;
    expect(html).not.toMatch(/javascript/i);
    expect(html).toContain('<a href="https://example.org" target="_blank" rel="noopener noreferrer">d</a>');
    expect(bag.warnings.filter((w) => w.code === 'W_LINK')).toHaveLength(3);
  });

  it('reports a briefing with no slides', () => {
    const { bag } = parse(folder('title: T', { 'a.md': '\n\n' }));
    expect(bag.errors.map((d) => d.code)).toEqual(['E_NO_SLIDES']);
  });
});

describe('files: in the metadata', () => {
  it('reads the listed files in the listed order, and warns about a file left out', () => {
    const { briefing, bag } = parse(folder('title: T\nfiles: [b.md, a.md]', { 'a.md': '## A\n\nx\n', 'b.md': '## B\n\ny\n', 'c.md': '## C\n\nz\n' }));
    expect(briefing.slides.filter((s) => s.kind === 'content').map((s) => s.title)).toEqual(['B', 'A']);
    expect(bag.warnings.map((w) => [w.code, w.file])).toEqual([['W_FILE_SKIPPED', 'deck/c.md']]);
  });

  it('reports a listed file that does not exist, at its item', () => {
    const { bag } = parse(folder('title: T\nfiles:\n  - a.md\n  - missing.md', { 'a.md': '## A\n\nx\n' }));
    expect(bag.errors.map((e) => [e.message, e.line])).toEqual([['"files" lists missing.md, which is not a Markdown file in the briefing folder', 4]]);
  });

  it('warns at its second item about a file listed twice, whose slides show twice', () => {
    const { briefing, bag } = parse(folder('title: T\nfiles:\n  - a.md\n  - b.md\n  - a.md', { 'a.md': '## A\n\nx\n', 'b.md': '## B\n\ny\n' }));
    expect(briefing.slides.filter((s) => s.kind === 'content').map((s) => s.title)).toEqual(['A', 'B', 'A']);
    expect(bag.warnings.map((w) => [w.code, w.line, w.message])).toEqual([['W_FILE_REPEATED', 5, '"files" lists a.md more than once, so its slides show again here']]);
  });
});

describe("block extensions' start", () => {
  it('looks for a block only before the next blank line, where a paragraph ends, so a long deck is read in linear time', async () => {
    const { startWithinParagraph } = await import('../src/parse/extension-start.js');
    const start = startWithinParagraph(/^\$\$/m).bind(undefined);
    expect(start('a line\n$$ x $$\nmore')).toBe(7);
    // A `$$` past the blank line cannot cut this paragraph: the search never reaches it.
    expect(start('a line\n\n$$ x $$\n')).toBeUndefined();
    expect(start(`${'text\n'.repeat(3)}`)).toBeUndefined();
  });

  it('inline ones look a bounded way ahead and cut the text there, short of a needle that could straddle the cut; the output is whole', async () => {
    const { startWithinWindow } = await import('../src/parse/extension-start.js');
    const note = startWithinWindow('^[');
    expect(note('ab^[c]')).toBe(2);
    expect(note('x'.repeat(5000))).toBe(2046);
    expect(note(`${'x'.repeat(100)}^[`)).toBe(100);
    // A needle straddling the window's edge is not found, and the cut stops short of its first character.
    expect(note(`${'x'.repeat(2047)}^[a]`)).toBe(2046);
    // Past the window: an inline note, an emoji and math far down a long paragraph, all read.
    const words = 'word '.repeat(409);
    const long = `${words}^[A note.] ${words.repeat(3)}:rocket: ${words}$x^2$ end.`;
    const briefing = parseBriefing(folder('title: T\n', { 'a.md': `## Long\n\n${long}\n` }), new DiagnosticBag());
    const body = briefing.slides.at(-1)!.bodyHtml;
    expect(body).toContain('<sup class="footnote-ref">1</sup>');
    expect(body).toContain('🚀');
    expect(body).toContain('class="katex"');
    expect(body).toContain('<ol class="footnotes"><li>A note.</li></ol>');
  });

  it('made one, give the nearest of the answers each gives alone, wherever the openings stand in or past the window, and whichever starts are switched off', async () => {
    const fc = (await import('fast-check')).default;
    const { combineWindowedStarts, startWithinWindow } = await import('../src/parse/extension-start.js');
    const { wikiLinkExtension } = await import('../src/parse/dialects/wiki-links.js');
    const { mdcInlineExtension } = await import('../src/parse/dialects/mdc.js');
    const { crossRefExtension } = await import('../src/parse/dialects/pandoc/cross-refs.js');
    const { exampleReferenceExtension } = await import('../src/parse/dialects/pandoc/fancy-lists.js');
    const { emojiExtension } = await import('../src/parse/emoji.js');
    const switches = { refs: false, examples: false };
    const ignore = () => undefined;
    const needle = (text: string) => ({ name: `needle ${text}`, level: 'inline' as const, start: startWithinWindow(text), tokenizer: ignore });
    const extensions = [
      needle('{'),
      needle('{{<'),
      needle('^['),
      needle('\\'),
      emojiExtension,
      wikiLinkExtension(ignore),
      mdcInlineExtension(ignore),
      crossRefExtension(new Map(), { active: () => switches.refs, report: ignore }),
      exampleReferenceExtension(() => switches.examples, () => undefined),
      { name: 'unwindowed', level: 'inline' as const, tokenizer: ignore },
    ];
    type Start = (src: string) => number | void;
    const startOf = (extension: unknown) => (extension as { start?: Start }).start;
    const alone = extensions.map(startOf).filter((start): start is Start => start !== undefined);
    const made = combineWindowedStarts(extensions).map(startOf).filter((start): start is Start => start !== undefined);
    expect(made).toHaveLength(1);
    // marked cuts at the nearest start a start gives as a number from 0 on; -1 or none is no cut.
    const nearest = (starts: Start[], src: string) => Math.min(...starts.map((start) => start(src)).filter((at): at is number => typeof at === 'number' && at >= 0));
    const openings = ['{', '{{<', '{{', '^[', '^', '\\', ':smile:', ':', ' :a', '(:b', 'x:c', '[[', '![[', '!', '@fig-a', '[-@tbl-b', '(@a', '(@', 'x'];
    fc.assert(
      fc.property(
        fc.nat({ max: 4600 }),
        fc.array(fc.record({ at: fc.oneof(fc.nat({ max: 4600 }), fc.integer({ min: 2035, max: 2050 })), text: fc.constantFrom(...openings) }), { maxLength: 6 }),
        fc.boolean(),
        fc.boolean(),
        (length, placed, refs, examples) => {
          let src = 'x'.repeat(length);
          for (const { at, text } of placed) src = src.slice(0, at) + text + src.slice(at);
          Object.assign(switches, { refs, examples });
          // Asked twice, since the start that was nearest last time looks first the next time.
          expect([nearest(made, src), nearest(made, src.slice(1))]).toEqual([nearest(alone, src), nearest(alone, src.slice(1))]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('math', () => {
  it('$$…$$ inside a paragraph is a display formula, as Pandoc and Marp read it, never dollar signs around an inline one', () => {
    const briefing = parseBriefing(folder('title: T\n', { 'a.md': '## Math\n\nInline $a^2$ and shown $$x^2$$ and $$\\frac{1}{2}$$ too; $5 and $$ stays.\n' }), new DiagnosticBag());
    const body = briefing.slides.at(-1)!.bodyHtml;
    expect(body.match(/class="katex-display"/g)).toHaveLength(2);
    expect(body.match(/class="katex"/g)).toHaveLength(3);
    // No dollar sign is left beside a formula.
    expect(body).not.toMatch(/\$<span class="katex|<\/span>\$/);
    expect(body).toContain('$5 and $$ stays.');
  });

  it('an inline formula may run over the lines of its paragraph (a matrix\'s rows), as Pandoc, Marp and Slidev read it; a dollar at a line\'s end or before a digit still closes none', () => {
    const text = '## Math\n\nSo $\\begin{bmatrix} 3 & 6 \\\\\n7 & 14\\end{bmatrix}$ holds.\n\nIt costs $5\nor $\n6 dollars.\n';
    const body = parseBriefing(folder('title: T\n', { 'a.md': text }), new DiagnosticBag()).slides.at(-1)!.bodyHtml;
    expect(body.match(/class="katex"/g)).toHaveLength(1);
    expect(body).not.toContain('$\\begin');
    expect(body).toContain('It costs $5\nor $\n6 dollars.');
  });

  it('in a reveal.js deck, an environment written bare (inside \\[ \\] that Markdown eats, entities as HTML decodes them) and MathJax\'s <script type="math/tex"> are typeset, as reveal\'s math plugin typesets them; elsewhere a bare environment is text', () => {
    const text = '## Math\n\n\\[\\begin{aligned}\na &amp; = b \\\\\nc &amp; = d\n\\end{aligned} \\]\n\n<script type="math/tex; mode=display">\n  \\sum_{k=1}^n k\n</script>\n';
    const reveal = parseBriefing(folder('title: T\nrevealOptions:\n  transition: fade\n', { 'a.md': text }), new DiagnosticBag()).slides.at(-1)!.bodyHtml;
    expect(reveal.match(/class="katex-display"/g)).toHaveLength(2);
    expect(reveal).toContain('<mi>d</mi>');
    // The brackets go with the backslashes Markdown ate; an entity is its character (the TeX annotation escapes it again).
    expect(reveal).not.toMatch(/\[<span|<\/span>\]|<script|math\/tex|&amp;amp;/);
    const own = parseBriefing(folder('title: T\n', { 'a.md': text.replace(/<script[\s\S]*<\/script>\n/, '') }), new DiagnosticBag()).slides.at(-1)!.bodyHtml;
    expect(own).not.toContain('katex');
  });

  it("GitHub's and GitLab's math ($`…`$, a ```math block) is typeset; reveal.js's formula in backticks is too, in a reveal-md deck only", () => {
    const text = '## Math\n\nGitHub $`x^2 + 1`$ here.\n\n```math\n\\frac{a}{b}\n```\n\nReveal `$y_1$`, `$$ z $$`, `$5 and $6` and `x`.\n';
    const github = parseBriefing(folder('title: T\n', { 'a.md': text }), new DiagnosticBag()).slides.at(-1)!.bodyHtml;
    expect(github.match(/class="katex-display"/g)).toHaveLength(1);
    // One inline formula, with no backtick or quote left of the code span around it.
    expect(github.match(/class="katex"/g)).toHaveLength(2);
    expect(github).not.toMatch(/[`‘’]/);
    expect(github).not.toContain('<pre>');
    // Elsewhere `$y_1$` is code, as Marp, Slidev and Pandoc show it.
    expect(github).toContain('<code>$y_1$</code>');
    const reveal = parseBriefing(folder('title: T\nrevealOptions:\n  transition: fade\n', { 'a.md': text }), new DiagnosticBag()).slides.at(-1)!.bodyHtml;
    expect(reveal.match(/class="katex-display"/g)).toHaveLength(2);
    expect(reveal).not.toMatch(/<code>\$(y_1|\$)/);
    expect(reveal).toContain('<code>$5 and $6</code>');
    expect(reveal).toContain('<code>x</code>');
  });

  it('a code span that opens a line with what opens a block ($$, [^1]:, <!-- references -->) stays one code span; in a reveal-md deck its formula is typeset', () => {
    const text = '## Spans\n\n`$$ z $$`\n\n`[^1]: a note` is a footnote.\n\n`<!-- references -->` places them.\n';
    const own = parseBriefing(folder('title: T\n', { 'a.md': text }), new DiagnosticBag()).slides.at(-1)!.bodyHtml;
    expect(own).toBe('<p><code>$$ z $$</code></p>\n<p><code>[^1]: a note</code> is a footnote.</p>\n<p><code>&lt;!-- references --&gt;</code> places them.</p>\n');
    const reveal = parseBriefing(folder('title: T\nrevealOptions:\n  transition: fade\n', { 'a.md': text }), new DiagnosticBag()).slides.at(-1)!.bodyHtml;
    expect(reveal.match(/class="katex-display"/g)).toHaveLength(1);
    expect(reveal).not.toContain('$$');
  });
});

describe('citations past the most a deck has formatted', () => {
  it('each citation is formatted once; past the limit a new one is left as written and reported', async () => {
    const { readBibliography } = await import('../src/parse/bibliography.js');
    const { citationExtension } = await import('../src/parse/dialects/pandoc/citations.js');
    const { Marked } = await import('marked');
    const problems: string[] = [];
    const bibliography = readBibliography({ bibliography: [], references: [{ id: 'a', type: 'book', title: 'A', author: [{ family: 'Doe', given: 'J' }], issued: { 'date-parts': [[2005]] } }], line: 3 }, [], 'deck.md', { lang: 'en' }, (message) => problems.push(message), 2)!;
    expect(bibliography.cite([{ id: 'a', locator: '1', label: 'page' }])).toBe('(Doe, 2005, p. 1)');
    expect(bibliography.cite([{ id: 'a', locator: '2', label: 'page' }])).toBe('(Doe, 2005, p. 2)');
    // Known ones still format; a third different one does not.
    expect(bibliography.cite([{ id: 'a', locator: '1', label: 'page' }])).toBe('(Doe, 2005, p. 1)');
    expect(bibliography.cite([{ id: 'a', locator: '3', label: 'page' }])).toBeNull();
    const unformatted: string[] = [];
    const marked = new Marked({ extensions: [citationExtension(bibliography, () => undefined, () => undefined, (raw) => unformatted.push(raw))] });
    expect(marked.parseInline('See [@a, p. 1] and [@a, p. 9].')).toBe('See (Doe, 2005, p. 1) and [@a, p. 9].');
    expect(unformatted).toEqual(['[@a, p. 9]']);
    expect(problems).toEqual([]);
  });
});
