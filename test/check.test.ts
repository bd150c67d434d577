import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSharedBrowser } from './browser-harness.js';
import { BROWSER_PATH, DEFAULT_BRIEFING, FIXTURES, ROOT, readFixtureCases, runBin, runCapture, writeBriefing } from './helpers.js';

interface Expected {
  args: string[];
  exit: number;
  strictExit: number;
  browser: boolean;
  diagnostics: string[];
}

const CHECK = path.join(FIXTURES, 'check');
const cases = readFixtureCases<Expected>(CHECK);
const diagnosticLines = (stderr: string) => stderr.split('\n').filter((l) => / (error|warning): /.test(l));
// The deck's own size moves with every theme tweak; the budget message is checked for its shape, not that number.
const sizeFree = (lines: string[]) => lines.map((l) => l.replace(/the deck is \d+ KB/, 'the deck is N KB'));

describe('briefdeck check', () => {
  // One Chromium for the whole file: the fixtures run in-process and open their pages in it.
  useSharedBrowser();

  for (const { name, expected } of cases) {
    it.skipIf(expected.browser && BROWSER_PATH === null)(`${name}: reports exactly its diagnostics, with the documented exit codes`, async () => {
      // A fixture whose diagnostics do not come from the browser is checked without laying it out (--no-layout); the
      // layout path itself runs on the fixtures that need it (overflow), on clean, and on the default briefing below.
      const layout = expected.browser || name === 'clean' ? [] : ['--no-layout'];
      const result = await runCapture(['check', name, ...layout, ...expected.args], CHECK);
      expect(sizeFree(diagnosticLines(result.err))).toEqual(sizeFree(expected.diagnostics));
      expect(result.code).toBe(expected.exit);
      const strict = await runCapture(['check', name, '--strict', ...layout, ...expected.args], CHECK);
      expect(sizeFree(diagnosticLines(strict.err))).toEqual(sizeFree(expected.diagnostics));
      expect(strict.code).toBe(expected.strictExit);
    });
  }

  // The process edge (argv, stderr, exit code); the browser path through a process is covered by the pdf and shots tests.
  it('runs as its own process with the same diagnostics and exit code', () => {
    const result = runBin(['check', 'empty-slide', '--no-layout'], CHECK);
    expect(diagnosticLines(result.err)).toEqual(cases.find((c) => c.name === 'empty-slide')!.expected.diagnostics);
    expect(result.code).toBe(1);
  });

  it('--no-layout skips the browser: an overflowing slide passes, and the output says the layout was not checked', async () => {
    const result = await runCapture(['check', 'overflow', '--no-layout'], CHECK);
    expect(diagnosticLines(result.err)).toEqual([]);
    expect(result.err).toContain('check: layout not checked (--no-layout)');
    expect(result.err).not.toContain('laying out');
    expect(result.code).toBe(0);
  });

  it('names a slide of a long title by its number and the title cut short, so each problem stays one line', async () => {
    const title = `A title ${'that goes on '.repeat(20)}to the end`;
    const dir = writeBriefing({ 'briefing.yml': 'title: Long\n', 'a.md': `## ${title}\n\nText.\n` }, 'check-long-title');
    const result = await runCapture(['check', dir, '--no-layout'], ROOT);
    const line = result.err.split('\n').find((l) => l.includes('has no speaker notes'))!;
    expect(line).toMatch(/a\.md:1: warning: slide 2 "A title that goes on that goes on .{10,50}…" has no speaker notes$/);
    expect(/"([^"]*)"/.exec(line)![1]!.length).toBeLessThanOrEqual(60);
  });

  it("warns of a missing title where it would make the title slide: in briefdeck's own deck and a Quarto one, not in a Marp or Slidev deck, whose first slide is its cover", async () => {
    const titleWarning = async (files: Record<string, string>, name: string, input: string) => {
      const result = await runCapture(['check', path.join(writeBriefing(files, name), input), '--no-layout'], ROOT);
      return result.err.split('\n').filter((l) => l.includes('has no title'));
    };
    expect(await titleWarning({ 'briefing.yml': 'author: A\n', 'a.md': '## One\n\nText.\n' }, 'check-untitled-own', '.')).toEqual([expect.stringMatching(/check-untitled-own\/briefing\.yml:1: warning: the briefing has no title, so the deck has no title slide$/)]);
    expect(await titleWarning({ 'deck.qmd': '---\nformat: revealjs\n---\n\n## One\n\nText.\n' }, 'check-untitled-quarto', 'deck.qmd')).toHaveLength(1);
    expect(await titleWarning({ 'deck.md': '---\nmarp: true\n---\n\n# Cover\n\n---\n\n## Two\n' }, 'check-untitled-marp', 'deck.md')).toEqual([]);
    expect(await titleWarning({ 'slides.md': '---\nlayout: cover\n---\n\n# Cover\n\n---\n\n# Two\n' }, 'check-untitled-slidev', 'slides.md')).toEqual([]);
  });

  it.skipIf(BROWSER_PATH === null)('says when it draws a Mermaid diagram, as build does', async () => {
    // A diagram of this run's own, so it is drawn here rather than read from an earlier run's cache.
    const dir = writeBriefing({ 'deck.md': `---\ntitle: D\n---\n\n## One\n\n\`\`\`mermaid\nflowchart LR\n  A --> B${Date.now().toString(36)}\n\`\`\`\n\n<!-- notes -->\n` }, 'check-mermaid');
    const result = await runCapture(['check', dir, '--no-layout'], ROOT);
    expect(result.err).toContain('check: drawing 1 Mermaid diagram');
  });

  it.skipIf(BROWSER_PATH === null)('draws at most a few thousand characters to look for missing ones, and then says its count is a floor', async () => {
    // Planes 4 to 13 have no characters assigned: no font on any machine draws these.
    const unassigned = Array.from({ length: 3100 }, (_, i) => String.fromCodePoint(0x40000 + i)).join('');
    const dir = writeBriefing({ 'briefing.yml': 'title: Many\n', 'a.md': `## Many characters\n\n${unassigned.replace(/(.{100})/gu, '$1\n\n')}\n\nNote: none drawn.\n` }, 'check-many-glyphs');
    const result = await runCapture(['check', dir], ROOT);
    expect(diagnosticLines(result.err).filter((l) => l.includes('no font here'))).toEqual([
      expect.stringMatching(/a\.md:1: warning: slide 2 "Many characters" has characters that no font here can draw \((?:\S+ ){7}\S+ and at least \d{4} more\), so this browser shows them as empty boxes$/),
    ]);
  });

  it.skipIf(BROWSER_PATH === null)("a Quarto table of contents that lists the slides fits its slide, set smaller in columns, up to some fifty lines; past that its overflow's hint is toc-depth: 1", async () => {
    const deck = (parts: number, slides: number) => {
      let text = '---\ntitle: Contents\ntoc: true\n---\n\n';
      for (let p = 1; p <= parts; p++) {
        text += `# Part ${p} of the review\n\n`;
        for (let i = 1; i <= slides; i++) text += `## Slide ${p}.${i} with a title of ordinary length\n\nText.\n\nNote: said.\n\n`;
      }
      return writeBriefing({ 'deck.qmd': text }, `check-toc-${parts}-${slides}`);
    };
    const fits = await runCapture(['check', path.join(deck(5, 6), 'deck.qmd')], ROOT);
    expect(diagnosticLines(fits.err)).toEqual([]);
    const long = await runCapture(['check', path.join(deck(10, 6), 'deck.qmd')], ROOT);
    expect(long.err).toMatch(/deck\.qmd:2: error: slide 2 "Table of contents" overflows vertically by \d+ px .*\n {2}hint: list the sections alone with toc-depth: 1\n/);
  });

  it('reports every problem of a briefing in one run', async () => {
    const result = await runCapture(['check', 'empty-slide'], CHECK);
    expect(diagnosticLines(result.err)).toHaveLength(2);
    expect(result.err).toMatch(/check: 1 error, 1 warning$/m);
  });

  it('prints machine-readable diagnostics with --json', async () => {
    const result = await runCapture(['check', 'too-many-bullets', '--json'], CHECK);
    const report = JSON.parse(result.out) as { errors: number; warnings: number; diagnostics: Record<string, unknown>[] };
    expect(report.errors).toBe(0);
    expect(report.warnings).toBe(1);
    expect(report.diagnostics[0]).toMatchObject({ code: 'W_BULLETS', severity: 'warning', file: 'too-many-bullets/slides.md', line: 1 });
  });

  it.skipIf(BROWSER_PATH === null)('passes the default briefing with --strict', async () => {
    const result = await runCapture(['check', DEFAULT_BRIEFING, '--strict'], ROOT);
    expect(diagnosticLines(result.err)).toEqual([]);
    // Progress while Chromium lays the slides out, ending at the last one.
    const slides = /laying out (\d+) slides/.exec(result.err)?.[1];
    expect(slides).toBeDefined();
    expect(result.err).toContain(`check: measured slide ${slides} of ${slides}`);
    expect(result.code).toBe(0);
  });

  it('fails with the documented error when --browser-path points at nothing', () => {
    const result = runBin(['check', 'clean', '--browser-path', '/nonexistent/chrome'], CHECK);
    expect(result.err).toContain('error: no browser at --browser-path /nonexistent/chrome');
    expect(result.code).toBe(1);
  });
});
