import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../src/build-deck.js';
import { BriefdeckError, DiagnosticBag, formatDiagnosticReport } from '../src/errors.js';
import { FIXTURES, copyToTemp, readFixtureCases, runBin, runCapture, tempDir, writeBriefing } from './helpers.js';

interface Expected {
  input: string;
  code: string;
  exit: number;
  stderr: string[];
}

const ERRORS = path.join(FIXTURES, 'errors');
const cases = readFixtureCases<Expected>(ERRORS);

describe('broken briefings', () => {
  // One copy of all fixtures, so no run can write into the repository.
  const work = copyToTemp(ERRORS);

  // In-process, through the same runCli the binary calls; the tests below run the binary itself for what only a process shows.
  it.each(cases)("$name: prints its one error with file:line and a hint, exits non-zero and writes nothing", async ({ expected }) => {
    const outputName = path.basename(expected.input);
    const previous = path.join(work, 'dist', `${outputName}.html`);
    const result = await runCapture(['build', expected.input], work);
    expect(result.code).toBe(expected.exit);
    expect(result.err.trimEnd().split('\n')).toEqual(expected.stderr);
    expect(result.err).not.toMatch(/^\s+at /m);
    expect(result.out).toBe('');
    expect(existsSync(previous)).toBe(false);
  });

  it.each(cases)('$name: fails with the stable code', async ({ expected }) => {
    const error = await buildDeck(expected.input, { cwd: work }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefdeckError);
    expect((error as BriefdeckError).code).toBe(expected.code);
  });

  it('leaves a previous output byte-identical, with no temp file, when a build fails', () => {
    const out = path.join(work, 'previous', 'deck.html');
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, 'previous good deck');
    const result = runBin(['build', 'invalid-yaml', '-o', out], work);
    expect(result.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('previous good deck');
    expect(readdirSync(path.dirname(out))).toEqual(['deck.html']);
  });

  it('never writes over the file the deck is read from: a reveal.js page built to itself is an error, and the page stays as it was', async () => {
    const dir = path.join(tempDir(), 'page');
    mkdirSync(dir);
    const page = '<div class="reveal"><div class="slides"><section><h2>Only</h2><p>Text</p></section></div></div>\n';
    writeFileSync(path.join(dir, 'index.html'), page);
    for (const command of [['build', 'index.html', '-o', 'index.html'], ['build', 'index.html', '-o', './index.html']]) {
      const result = await runCapture(command, dir);
      expect(result.code).toBe(1);
      expect(result.err).toContain(`${path.join(dir, 'index.html')}: error: cannot write ${path.join(dir, 'index.html')}: it is the file the deck is built from`);
      expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).toBe(page);
      expect(readdirSync(dir)).toEqual(['index.html']);
    }
    // A briefing folder named as the output is called a folder, not a file.
    const folder = await runCapture(['build', '.', '-o', '.'], dir);
    expect([folder.code, folder.err.split('\n')[0]]).toEqual([1, `${dir}: error: cannot write ${dir}: it is the folder the deck is built from`]);
    expect(readdirSync(dir)).toEqual(['index.html']);
    // Another command's output named as the page is refused sooner, for its name: PowerPoint is never written into an .html file.
    const pptx = await runCapture(['pptx', 'index.html', '-o', './index.html'], dir);
    expect(pptx.code).toBe(2);
    expect(pptx.err).toMatch(/^error: -o \.\/index\.html names an HTML file, but briefdeck pptx writes a PowerPoint file$/m);
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).toBe(page);
    expect(readdirSync(dir)).toEqual(['index.html']);
  });

  it('never writes over another file the deck reads: a picture of its slides, its style sheet or a file it includes is an error, and stays as it was', async () => {
    const dot = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><circle cx="5" cy="5" r="4"/></svg>';
    const dir = writeBriefing({ 'deck.md': '---\ntitle: T\nformat: revealjs\ncss: look.css\n---\n\n## One\n\n![A dot](dot.svg)\n\n{{< include part.qmd >}}\n', 'dot.svg': dot, 'look.css': '.reveal h2 { color: teal; }\n', 'part.qmd': 'Included text.\n' }, 'reads-files');
    for (const [command, target] of [['build', 'dot.svg'], ['pptx', 'look.css'], ['build', 'part.qmd']] as const) {
      const before = readFileSync(path.join(dir, target));
      const result = await runCapture([command, 'deck.md', '-o', target], dir);
      expect(result.code, target).toBe(1);
      expect(result.err, target).toContain(`${path.join(dir, target)}: error: cannot write ${path.join(dir, target)}: it is a file the deck reads, which the output would replace`);
      expect(readFileSync(path.join(dir, target)), target).toEqual(before);
    }
    // A new file beside them is written as ever.
    expect((await runCapture(['build', 'deck.md', '-o', 'deck.html'], dir)).code).toBe(0);
  });

  it("a slide whose HTML would outgrow a string (a long link reference used thousands of times) is an error at the slide's line that says so, not a parse failure", async () => {
    // Made here rather than kept as a fixture: 130 KB of one reference, which only its use multiplies.
    const deck = `## Grows\n\nText\n\n[x]: https://example.com/${'a'.repeat(70_000)}\n\n${'[x] '.repeat(16_000)}\n`;
    const result = await runCapture(['build', path.join(writeBriefing({ 'deck.md': deck }, 'grows-too-large'), 'deck.md'), '-o', path.join(tempDir(), 'grows.html')], tempDir());
    expect(result.code).toBe(1);
    expect(result.err.trimEnd().split('\n').map((line) => line.replace(/^.*deck\.md:/, 'deck.md:'))).toEqual([
      'deck.md:3: error: the slide grows too large to build: its HTML would be longer than a string can hold',
      '  hint: a link reference, abbreviation or footnote is copied wherever it is used: shorten the long ones, or use them less',
    ]);
  });

  it('reports every problem in one run, not just the first', () => {
    const dir = path.join(tempDir(), 'many');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'briefing.yml'), 'subtitle: no title\ncolour: red\n');
    writeFileSync(path.join(dir, 'a.md'), '## One\n\n![gone](gone.png)\n\n![far](../far.png)\n');
    const result = runBin(['build', dir], path.dirname(dir));
    expect(result.code).toBe(1);
    const lines = result.err.split('\n').filter((l) => l.includes('error:'));
    expect(lines).toEqual([
      // In reading order: by file, then line.
      'many/a.md:3: error: image not found: gone.png',
      'many/a.md:5: error: image "../far.png" is outside the briefing folder',
      'many/briefing.yml:2: error: unknown metadata key "colour"',
    ]);
  });

  it('looks for a likely name for the first 50 missing pictures only, and lists each folder once, so thousands of them stay cheap', async () => {
    const dir = path.join(tempDir(), 'missing-many');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'square.png'), readFileSync(path.join(FIXTURES, 'layouts', 'square.png')));
    // A deck for another tool, where a missing picture is a warning: sixty names a typo from square.png.
    writeFileSync(path.join(dir, 'deck.qmd'), `---\ntitle: M\n---\n\n## Pictures\n\n${Array.from({ length: 60 }, (_, i) => `![p](squar${i}.png)`).join('\n\n')}\n`);
    const { warnings } = await buildDeck(path.join(dir, 'deck.qmd'));
    const missing = warnings.filter((w) => w.code === 'W_IMAGE_MISSING');
    expect(missing).toHaveLength(60);
    expect(missing.filter((w) => w.hint!.startsWith('did you mean')).length).toBe(50);
  });

  it('leaves out a damaged picture, or a file that is no picture, in a deck written for another tool, with a warning at its line and its alt text in its place', async () => {
    const dir = path.join(tempDir(), 'damaged-peer');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'cut.png'), readFileSync(path.join(ERRORS, 'damaged-image', 'tally.png')));
    writeFileSync(path.join(dir, 'clip.png'), 'not a picture at all');
    writeFileSync(path.join(dir, 'deck.md'), '---\nmarp: true\n---\n\n# Pictures\n\n![The cut tally](cut.png)\n\n![The clip](clip.png)\n');
    const built = await buildDeck(path.join(dir, 'deck.md'));
    expect(built.warnings.map((w) => [w.code, w.line, w.message])).toEqual([
      ['W_IMAGE_MISSING', 7, 'cut.png is a damaged PNG image: its size cannot be read from its header; it was left out, its alt text in its place'],
      ['W_IMAGE_MISSING', 9, 'clip.png is not a PNG, JPEG, GIF, WebP or SVG image; it was left out, its alt text in its place'],
    ]);
    expect(built.deck.html).toContain('The cut tally');
    expect(built.deck.html).not.toMatch(/data:image\/png/);
  });

  it('a theme CSS that does not parse is its E_THEME_CSS error at its line in a build with an SVG picture and in pptx, as in a plain build (each ended in an internal error)', async () => {
    const dir = copyToTemp(path.join(ERRORS, 'theme-css-unreadable'));
    // An SVG picture gets the theme's typeface, read from the theme before the deck is bundled.
    writeFileSync(path.join(dir, 'dot.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><text>a</text></svg>');
    writeFileSync(path.join(dir, 'slides.md'), `${readFileSync(path.join(dir, 'slides.md'), 'utf8')}\n## Picture\n\n![A dot](dot.svg)\n`);
    const cwd = path.dirname(dir);
    const name = path.basename(dir);
    const expected = [`${name}/theme.css:2: error: theme CSS does not parse: At-rule without name`, '  hint: check the CSS at that line: a brace, quote or comment left open, or an at-rule written with an escape'];
    const build = await runCapture(['build', name, '-o', 'out.html'], cwd);
    expect(build.code).toBe(1);
    expect(build.err.split('\n')).toEqual(expected);
    const pptx = await runCapture(['pptx', name, '-o', 'out.pptx'], cwd);
    expect(pptx.code).toBe(1);
    expect(pptx.err.split('\n').filter((line) => !line.startsWith('pptx: '))).toEqual(expected);
    expect(existsSync(path.join(cwd, 'out.html')) || existsSync(path.join(cwd, 'out.pptx'))).toBe(false);
  });

  it("a theme's url() with a broken % escape is an error at the theme's line, not at a line of esbuild's own code", async () => {
    const dir = writeBriefing({ 'briefing.yml': 'title: T\ntheme: ./escaped.css\n', 'a.md': '## A\n\nText.\n', 'escaped.css': '.reveal { color: #222; }\n.reveal { background: url("a%E0%A4%A.png"); }\n' }, 'theme-broken-escape');
    const result = await runCapture(['build', 'theme-broken-escape', '-o', 'out.html'], path.dirname(dir));
    expect(result.code).toBe(1);
    expect(result.err.split('\n')[0]).toBe('theme-broken-escape/escaped.css:2: error: theme escaped.css: a%E0%A4%A.png has a broken % escape');
  });

  it('refuses an image that is a symlink pointing outside the briefing folder, without reading it', () => {
    const base = tempDir();
    const dir = path.join(base, 'deck');
    mkdirSync(dir);
    writeFileSync(path.join(base, 'outside.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    symlinkSync(path.join(base, 'outside.png'), path.join(dir, 'inside.png'));
    writeFileSync(path.join(dir, 'briefing.yml'), 'title: Link\n');
    writeFileSync(path.join(dir, 'a.md'), '## One\n\n![chart](inside.png)\n');
    const result = runBin(['build', 'deck'], base);
    expect(result.code).toBe(1);
    expect(result.err.split('\n')[0]).toBe('deck/a.md:3: error: inside.png resolves outside the briefing folder');
  });

  it("never reads a file Quarto's include names through a symlink pointing outside the briefing folder: a warning at the include, and the deck builds without it", () => {
    const base = tempDir();
    const dir = path.join(base, 'deck');
    mkdirSync(dir);
    writeFileSync(path.join(base, 'secret.qmd'), 'SECRET-BEHIND-LINK\n');
    symlinkSync(path.join(base, 'secret.qmd'), path.join(dir, '_part.qmd'));
    writeFileSync(path.join(dir, 'deck.qmd'), '---\ntitle: Link\nformat: revealjs\n---\n\n## One\n\n{{< include _part.qmd >}}\n');
    const out = path.join(base, 'deck.html');
    const result = runBin(['build', 'deck/deck.qmd', '-o', out], base);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain("deck/deck.qmd:8: warning: the file _part.qmd that Quarto's include names could not be read (deck/_part.qmd resolves outside the briefing folder), so it was left out");
    expect(readFileSync(out, 'utf8')).not.toContain('SECRET-BEHIND-LINK');
  });

  it('names the deck or folder beside a missing input that was likely meant, as the input was written, for build and dev; nothing when none is near', async () => {
    const dir = writeBriefing({ 'deck.md': '# One\n', 'notes.txt': 'x' }, 'missing-input');
    mkdirSync(path.join(dir, 'slides'));
    const cwd = path.dirname(dir);
    const report = async (argv: string[]) => {
      const result = await runCapture(argv, cwd);
      expect(result.code).toBe(1);
      return result.err;
    };
    expect(await report(['build', 'missing-input/deck.mdd'])).toBe('missing-input/deck.mdd: error: input not found: missing-input/deck.mdd\n  hint: did you mean missing-input/deck.md? pass a briefing folder or a deck file');
    expect(await report(['dev', 'missing-input/slide/'])).toContain('hint: did you mean missing-input/slides? pass a briefing folder or a deck file');
    // A file near the name that is no deck (notes.txt) is not offered.
    expect(await report(['build', 'missing-input/notes.tx'])).toContain('hint: pass a briefing folder or a .md file, for example `briefdeck build briefing/`');
  });

  it('refuses a SOURCE_DATE_EPOCH that names no date, as the convention asks, with exit code 2; an empty one is unset', async () => {
    const saved = process.env.SOURCE_DATE_EPOCH;
    const dir = writeBriefing({ 'deck.md': '## One\n\nText.\n' }, 'epoch-malformed');
    try {
      for (const value of ['yesterday', '1.5', '99999999999999']) {
        process.env.SOURCE_DATE_EPOCH = value;
        const result = await runCapture(['build', 'deck.md', '-o', 'deck.html'], dir);
        expect([result.code, result.err.split('\n')[0]]).toEqual([2, `error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, up to the year 9999, not "${value}"`]);
      }
      expect(existsSync(path.join(dir, 'deck.html'))).toBe(false);
      process.env.SOURCE_DATE_EPOCH = '';
      expect((await runCapture(['build', 'deck.md', '-o', 'deck.html'], dir)).code).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });

  it('rejects unknown options with a usage message and exit code 2', () => {
    const result = runBin(['build', '--frobnicate'], work);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^error: unknown option --frobnicate$/m);
    expect(result.err).toContain('usage: briefdeck build');
  });
});

describe('one line per problem', () => {
  it('the same problem met again at the same place is reported once; at another line, or with another code, it is another problem', () => {
    const bag = new DiagnosticBag();
    for (let i = 0; i < 3; i++) bag.warn('W_REMOTE_IMAGE', 'remote picture left out', { file: 'deck.md', line: 3, hint: 'download it' });
    bag.warn('W_REMOTE_IMAGE', 'remote picture left out', { file: 'deck.md', line: 9, hint: 'download it' });
    bag.warn('W_LINK', 'remote picture left out', { file: 'deck.md', line: 3, hint: 'download it' });
    bag.error('E_YAML', 'bad', { file: 'deck.md', line: 1 });
    bag.error('E_YAML', 'bad', { file: 'deck.md', line: 1 });
    expect(bag.items.map((d) => `${d.code} ${d.line}`)).toEqual(['W_REMOTE_IMAGE 3', 'W_REMOTE_IMAGE 9', 'W_LINK 3', 'E_YAML 1']);
  });
});

describe('a deck of thousands of problems', () => {
  it('is collected whole (appended item by item: spread into one call, a few hundred thousand overflowed the stack), and reported as the first 200, errors first, and a count of the rest by code', () => {
    const bag = new DiagnosticBag();
    bag.addAll(Array.from({ length: 700_000 }, (_, i) => ({ code: 'W_PEER_SYNTAX' as const, severity: 'warning' as const, message: `left out ${i}`, file: 'deck.md', line: i + 2 })));
    bag.addAll([{ code: 'E_YAML', severity: 'error', message: 'bad', file: 'deck.md', line: 1_000_000 }]);
    expect(bag.items).toHaveLength(700_001);
    // The report of a long list (its first thousand here: sorting them all would only add to the suite's time).
    const report = formatDiagnosticReport([...bag.items.slice(0, 1_000), bag.items.at(-1)!]);
    expect(report).toHaveLength(201);
    expect(report[0]).toBe('deck.md:1000000: error: bad');
    expect(report[1]).toBe('deck.md:2: warning: left out 0');
    expect(report.at(-1)).toBe('… and 801 more not shown (801 W_PEER_SYNTAX); the first 200 are above');
    // A short list is every problem, by file and line.
    expect(formatDiagnosticReport(bag.items.slice(0, 2).reverse())).toEqual(['deck.md:2: warning: left out 0', 'deck.md:3: warning: left out 1']);
  });

  it('says the same warning at many lines of a file once, at its first, naming the other lines; each error is listed where it stands', () => {
    const at = (line: number, message: string, severity: 'warning' | 'error' = 'warning', file = 'deck.md') => ({ code: severity === 'error' ? ('E_META' as const) : ('W_PEER_SYNTAX' as const), severity, message, file, line, hint: 'see the guide' });
    const report = formatDiagnosticReport([
      ...[41, 3, 9, 12, 20, 25, 30].map((line) => at(line, 'option "color" left out')),
      at(5, 'layout "side" left out'), at(8, 'layout "side" left out'),
      at(6, 'class "x" left out'), at(7, 'class "x" left out'), at(11, 'class "x" left out'),
      at(4, 'option "color" left out', 'warning', 'other.md'),
      at(2, 'bad key'), at(2, 'bad key'),
      at(14, 'bad key', 'error'), at(15, 'bad key', 'error'),
    ]);
    expect(report.map((line) => line.split('\n')[0])).toEqual([
      'deck.md:2: warning: bad key',
      'deck.md:3: warning: option "color" left out (also at lines 9, 12, 20, 25, 30 and 1 more)',
      'deck.md:5: warning: layout "side" left out (also at line 8)',
      'deck.md:6: warning: class "x" left out (also at lines 7 and 11)',
      'deck.md:14: error: bad key',
      'deck.md:15: error: bad key',
      'other.md:4: warning: option "color" left out',
    ]);
    expect(report[1]).toBe('deck.md:3: warning: option "color" left out (also at lines 9, 12, 20, 25, 30 and 1 more)\n  hint: see the guide');
  });
});

describe('CLI conventions', () => {
  it.each([
    [[], /usage: briefdeck <command>/],
    [['dev', '--port', 'abc'], /error: --port must be a whole number from 0 to 65535, not abc\n  hint: --port 8000; usage: briefdeck dev/],
    [['shots', '--scale', '0'], /error: --scale must be a number above 0 and at most 4, not 0\n  hint: for example --scale 2; usage: briefdeck shots/],
    [['biuld'], /error: unknown command "biuld"\n  hint: did you mean "build"\?/],
    [['build', '--outptu', 'x.html'], /error: unknown option --outptu; did you mean --output\?/],
    [['build', '-o'], /error: option -o needs a value/],
    [['build', '--max-file-bytes', '-1'], /error: option --max-file-bytes needs a value; one that starts with a dash is written --max-file-bytes=-…\n/],
    [['build', '--handout=yes'], /error: option --handout takes no value/],
    [['help', 'biuld'], /error: unknown command "biuld"/],
    // An option of another command, or another tool's habit, is said in briefdeck's terms.
    [['pdf', '--scale', '2'], /error: unknown option --scale\n  hint: --scale is an option of briefdeck shots; usage: briefdeck pdf/],
    [['check', '-o', 'x'], /error: unknown option -o\n  hint: usage: briefdeck check/],
    [['check', '--output', 'x'], /hint: --output is an option of briefdeck build, pdf, pptx and shots; usage/],
    [['build', '--pdf'], /error: unknown option --pdf\n  hint: a PDF is its own command: briefdeck pdf; usage/],
    [['build', '--theme=night'], /error: unknown option --theme\n  hint: the theme is set in the deck: theme: night in its front matter or briefing.yml; usage/],
    [['build', '-w'], /hint: briefdeck dev serves the deck and reloads it on every save; usage/],
    // An output named for what another command writes is refused before any work.
    [['pptx', 'no-such-deck', '-o', 'x.pdf'], /error: -o x.pdf names a PDF, but briefdeck pptx writes a PowerPoint file\n  hint: did you mean briefdeck pdf -o x.pdf\? Or name the file x.pptx; usage: briefdeck pptx/],
    [['build', 'no-such-deck', '-o', 'deck.PPTX'], /error: -o deck.PPTX names a PowerPoint file, but briefdeck build writes an HTML file\n  hint: did you mean briefdeck pptx -o deck.PPTX\? Or name the file deck.html/],
    [['pdf', 'no-such-deck', '-o', 'x.htm'], /error: -o x.htm names an HTML file, but briefdeck pdf writes a PDF\n  hint: did you mean briefdeck build -o x.htm\? Or name the file x.pdf/],
    // An empty value, a shell variable left unset (`-o "$OUT"`), names nothing: it was taken for the working folder.
    [['build', 'no-such-deck', '-o', ''], /^error: option --output was given an empty value\n  hint: give it one, or leave the option out; usage: briefdeck build/],
    [['build', ''], /^error: the input is empty\n  hint: name it, or leave it out for the default; usage: briefdeck build/],
    [['shots', 'no-such-deck', '-o', 'x.pdf'], /error: -o x.pdf names a PDF, but briefdeck shots writes a folder of PNG pictures\n  hint: did you mean briefdeck pdf -o x.pdf\? Or name a folder for the pictures/],
  ])('usage error %j exits 2 with its own words', async (argv, message) => {
    const result = await runCapture(argv as string[], tempDir());
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err).not.toMatch(/ERR_PARSE_ARGS|^\s+at /m);
  });

  it('briefdeck help <command> prints that command\'s help', async () => {
    const help = await runCapture(['help', 'build'], tempDir());
    expect(help.code).toBe(0);
    expect(help.out).toBe((await runCapture(['build', '--help'], tempDir())).out);
    expect(help.out).toMatch(/^briefdeck build: /);
  });
});
