import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, loadModel, type BuiltDeck } from '../src/build-deck.js';
import { drawCharts } from '../src/charts/draw-chart.js';
import { DiagnosticBag } from '../src/errors.js';
import { loadTemplates } from '../src/load-templates.js';
import { renderDeck } from '../src/render-deck.js';
import { processSandbox, SandboxWorker } from '../src/sandbox-worker.js';
import { DEFAULT_BRIEFING, FIXTURES, ROOT, TINY_PNG, runBin, runCapture, tempDir, writeBriefing, buildDefaultBriefing } from './helpers.js';

/** Every URL-bearing place in HTML or CSS that could make the browser fetch something. */
const EXTERNAL_REFERENCE = /(?:\s(?:src|href|srcset|poster|data|action|formaction|data-src|data-background[\w-]*)\s*=\s*["']?\s*(?:https?:)?\/\/)|url\(\s*["']?\s*(?:https?:)?\/\/|@import\s+(?:url\()?\s*["']?\s*(?:https?:)?\/\//i;

describe('building the default briefing', () => {
  let outDir: string;
  let html: string;
  let built: BuiltDeck;
  let summary: string;

  beforeAll(async () => {
    outDir = tempDir();
    const result = runBin(['build', DEFAULT_BRIEFING, '-o', path.join(outDir, 'briefing.html')], ROOT);
    expect(result.code, result.err).toBe(0);
    summary = result.out.trim();
    html = readFileSync(path.join(outDir, 'briefing.html'), 'utf8');
    built = await buildDefaultBriefing();
  });

  it('writes exactly one file', () => {
    expect(readdirSync(outDir)).toEqual(['briefing.html']);
  });

  it('prints one summary line with slides, bytes and milliseconds', () => {
    expect(summary).toMatch(/^built .*briefing\.html: \d+ slides, [\d,]+ bytes, \d+ ms$/);
    expect(summary).toContain(`${built.briefing.slides.length} slides`);
  });

  it('refers to nothing outside the file', () => {
    expect(html).not.toMatch(EXTERNAL_REFERENCE);
    expect(html).not.toMatch(/fonts\.googleapis|cdn\.jsdelivr|unpkg\.com|cdnjs/i);
  });

  it('puts <meta charset> first in <head>, then a CSP that forbids the network and inline script', () => {
    const head = html.slice(html.indexOf('<head>') + 6, html.indexOf('</head>')).trim();
    expect(head.startsWith('<meta charset="utf-8">')).toBe(true);
    const csp = /^<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(head)?.[1];
    expect(csp).toBeDefined();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('img-src data:');
    expect(csp).toContain('font-src data:');
    expect(csp).toContain("connect-src 'none'");
    const scriptSrc = /script-src ([^;]+)/.exec(csp!)![1]!;
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).toMatch(/^('sha256-[A-Za-z0-9+/=]+' ?)+$/);
  });

  it('allows by hash exactly the inline scripts the deck runs', async () => {
    const { createHash } = await import('node:crypto');
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    const executable = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => createHash('sha256').update(m[1]!).digest('base64'));
    expect(executable.length).toBeGreaterThan(0);
    for (const hash of executable) expect(csp).toContain(`'sha256-${hash}'`);
  });

  it('holds one <section> per slide of the model', () => {
    expect((html.match(/<section\b/g) ?? []).length).toBe(built.briefing.slides.length);
  });

  it('carries speaker notes on every content slide, and the model has 2 to 5 sentences of notes for each', () => {
    const contentSlides = built.briefing.slides.filter((s) => s.kind === 'content');
    expect(contentSlides.length).toBeGreaterThan(10);
    for (const slide of contentSlides) {
      expect(slide.notes, `${slide.source.file}:${slide.source.line}`).not.toBeNull();
      const sentences = slide.notes!.markdown.split(/(?<=[.!?])\s+/).filter((s) => s.trim() !== '');
      expect(sentences.length, `${slide.title}`).toBeGreaterThanOrEqual(2);
      expect(sentences.length, `${slide.title}`).toBeLessThanOrEqual(5);
    }
    // The generated Bottom line slide carries notes too, from bottomLineNotes.
    expect((html.match(/<aside class="notes">/g) ?? []).length).toBe(contentSlides.length + 1);
  });

  it('inlines every image as a data URI', () => {
    const sources = [...html.matchAll(/<img[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources.length).toBeGreaterThan(0);
    for (const src of sources) expect(src).toMatch(/^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,/);
  });

  it('inlines the theme fonts as woff2', () => {
    expect((html.match(/url\(data:font\/woff2;base64,/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });

  it('takes <html lang> and <title> from the metadata', () => {
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain(`<title>${built.briefing.meta.title}</title>`);
  });

  it('follows the briefing structure: context, the three sections, and a sources slide', () => {
    expect(built.briefing.sections.map((s) => s.title)).toEqual(['Context: the 2017 crisis', 'What worked', 'What didn\u2019t', 'What\u2019s next']);
    for (const section of built.briefing.sections.slice(1)) {
      expect(section.slideNumbers.length - 1).toBeGreaterThanOrEqual(3);
      expect(section.slideNumbers.length - 1).toBeLessThanOrEqual(5);
    }
    const last = built.briefing.slides.at(-1)!;
    expect(last.layout).toBe('sources');
    expect(last.bodyHtml).toContain('Katie Stallard');
  });

  it('keeps every slide within six bullets and spells the leader Kim Jong Un', () => {
    for (const slide of built.briefing.slides) expect(slide.bulletCount, slide.title ?? '').toBeLessThanOrEqual(6);
    expect(html).not.toContain('Jing-un');
    expect(html).toContain('Kim Jong Un');
  });

  it('builds byte-identical output from the same input', async () => {
    const again = await buildDeck(DEFAULT_BRIEFING);
    expect(again.deck.html).toBe(built.deck.html);
    expect(again.deck.html).toBe(html);
  });

  it('writes dist/briefing.html by default', () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'briefing'));
    for (const name of readdirSync(DEFAULT_BRIEFING)) writeFileSync(path.join(cwd, 'briefing', name), readFileSync(path.join(DEFAULT_BRIEFING, name)));
    const result = runBin(['build'], cwd);
    expect(result.code, result.err).toBe(0);
    expect(readdirSync(path.join(cwd, 'dist'))).toEqual(['briefing.html']);
  });
});

describe('the handout', () => {
  it('leaves the text of every speaker note out of the file', async () => {
    const full = await buildDeck(DEFAULT_BRIEFING);
    const handout = await buildDeck(DEFAULT_BRIEFING, { handout: true });
    const notes = full.briefing.slides.flatMap((s) => (s.notes ? [s.notes] : []));
    expect(notes.length).toBeGreaterThan(10);
    // Every run of text in a note, as the file holds it (typeset, escaped), is in the full deck and nowhere in the handout.
    for (const note of notes) {
      for (const run of note.html.split(/<[^>]+>/).filter((t) => t.trim().length >= 30)) {
        const probe = run.trim().slice(0, 30);
        expect(full.deck.html.includes(probe), probe).toBe(true);
        expect(handout.deck.html.includes(probe), probe).toBe(false);
      }
    }
    expect(handout.deck.html).not.toContain('class="notes"');
  });
});

describe('the sandbox worker\'s code cache', () => {
  it('is written after a build (and replaces those of earlier builds), and a damaged one is refused by V8 and rewritten, with the same output', () => {
    // A cache folder of its own: other test files' workers read and write the shared one while this runs.
    const cacheDir = tempDir();
    const env = { BRIEFDECK_CACHE_DIR: cacheDir };
    const out = (n: number) => path.join(tempDir(), `deck-${n}.html`);
    const deck = path.join(tempDir(), 'small.md');
    writeFileSync(deck, '---\ntitle: Small\n---\n\n## One\n\nText.\n');
    const caches = () => readdirSync(cacheDir).filter((f) => /^sandbox-core-[0-9a-f]{16}\.v8$/.test(f));
    // A stale cache of an earlier build of the bundle stands in for the one this build will make.
    writeFileSync(path.join(cacheDir, 'sandbox-core-0000000000000000.v8'), 'stale');
    const listing = () => readdirSync(cacheDir).filter((f) => f.startsWith('sandbox-core-')).map((f) => `${f} (${statSync(path.join(cacheDir, f)).size} bytes)`).join(', ');
    const first = out(1);
    const built = runBin(['build', deck, '-o', first], ROOT, env);
    expect(built.code, built.err).toBe(0);
    // One cache for the bundle as it is now; those of earlier builds of it are removed when it is written.
    expect(caches(), listing()).toHaveLength(1);
    const file = path.join(cacheDir, caches()[0]!);
    expect(readFileSync(file).length, listing()).toBeGreaterThan(50_000);
    // Garbage where the cache was: V8 rejects it, the build compiles as usual and writes a good one back.
    writeFileSync(file, Buffer.alloc(4096, 7));
    const second = out(2);
    const rebuilt = runBin(['build', deck, '-o', second], ROOT, env);
    expect(rebuilt.code, rebuilt.err).toBe(0);
    expect(readFileSync(second).equals(readFileSync(first)), 'the same output with and without a good cache').toBe(true);
    expect(readFileSync(file).length, listing()).toBeGreaterThan(50_000);
  });

  it('is found without node:crypto, which the worker never loads: its start is on every build\'s critical path', () => {
    // Loading node:crypto, and hashing the bundle with it, took ~8 ms of that start; the head and scripts markers are drawn on the main thread.
    for (const file of ['sandbox-entry.cjs', 'sandbox-core.cjs']) expect(readFileSync(path.join(ROOT, 'lib', file), 'utf8'), file).not.toMatch(/require\("(?:node:)?crypto"\)/);
  });

  it('is ASCII, as every compiled file of the CLI is, so Node reads it as a one-byte string', () => {
    // One non-ASCII character (esbuild copies a regular expression's as written) made the 1 MB bundle a two-byte string: slower to read and to compile.
    const files = readdirSync(path.join(ROOT, 'lib')).filter((f) => /\.c?js$/.test(f));
    expect(files).toContain('sandbox-core.cjs');
    const nonAscii = files.flatMap((file) => {
      const text = readFileSync(path.join(ROOT, 'lib', file), 'utf8');
      const at = text.search(/[^\x00-\x7f]/);
      return at < 0 ? [] : [`${file}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}`];
    });
    expect(nonAscii).toEqual([]);
  });
});

describe("the parse worker's critical path", () => {
  it('a deck with nothing to read between parse and render is rendered in its parse job, to the same bytes as in a render job of its own; one with a picture or a theme file goes back to the main thread first', async () => {
    const sandbox = new SandboxWorker();
    try {
      // Counts the render jobs the build sends, without mocking the module (the suite shares its modules).
      let renderJobs = 0;
      const render = sandbox.render.bind(sandbox);
      sandbox.render = (...args) => ((renderJobs += 1), render(...args));
      const dir = tempDir();
      const plain = path.join(dir, 'plain.md');
      writeFileSync(plain, '---\ntitle: Plain\n---\n\n## One\n\n- a **b**\n\nNote: said.\n');
      const built = await buildDeck(plain, { sandbox });
      expect(renderJobs).toBe(0);
      // The same deck rendered the long way, through a render job of its own, is the same deck.
      const model = await loadModel(plain, { sandbox });
      const options = { handout: false, markerNonce: '0123456789abcdef' };
      const [ahead, apart] = await Promise.all([
        sandbox.parseAndRender({ root: dir, name: 'plain', singleFile: true, markdownFiles: [{ path: plain, relPath: 'plain.md', text: readFileSync(plain, 'utf8') }], today: '2026-12-01' }, model.templates, options).rendered,
        sandbox.render(model.briefing, model.templates, new Map(), options),
      ]);
      expect(ahead?.rendered?.html).toBe(apart.rendered!.html);
      expect(built.deck.html).toContain('<li>a <strong>b</strong></li>');
      // A picture is read by the main thread before the render; so is a theme file.
      writeFileSync(path.join(dir, 'a.png'), TINY_PNG);
      writeFileSync(path.join(dir, 'look.css'), '.reveal { color: #123456; }\n');
      const pictured = path.join(dir, 'pictured.md');
      writeFileSync(pictured, '---\ntitle: Pictured\n---\n\n## One\n\n![A dot](a.png)\n');
      const themed = path.join(dir, 'themed.md');
      writeFileSync(themed, '---\ntitle: Themed\ntheme: look.css\n---\n\n## One\n\nText.\n');
      for (const deck of [pictured, themed]) {
        renderJobs = 0;
        await buildDeck(deck, { sandbox });
        expect(renderJobs, deck).toBe(1);
      }
    } finally {
      await sandbox.close();
    }
  });

  it('the CLI starts one parse worker, from its CommonJS entry before its ES modules load, and a command that parses nothing starts none', () => {
    // Counts the worker threads the process makes, and where the first was made, from a script loaded before the CLI.
    const counter = path.join(tempDir(), 'count-workers.cjs');
    writeFileSync(counter, [
      "const threads = require('node:worker_threads');",
      'const made = [];',
      'const Original = threads.Worker;',
      'threads.Worker = class extends Original { constructor(...args) { made.push(new Error().stack.split("\\n").slice(2, 4).join(" ")); super(...args); } };',
      "require('node:module').syncBuiltinESMExports();",
      "process.on('exit', () => process.stderr.write(`workers made: ${made.length}; first by ${made[0] ?? 'none'}\\n`));",
    ].join('\n'));
    const deck = path.join(tempDir(), 'small.md');
    writeFileSync(deck, '---\ntitle: Small\n---\n\n## One\n\nText.\n');
    const run = (argv: string[]) => spawnSync(process.execPath, ['--require', counter, path.join(ROOT, 'bin', 'briefdeck.js'), ...argv], { cwd: ROOT, encoding: 'utf8' });
    const built = run(['build', deck, '-o', path.join(tempDir(), 'small.html')]);
    expect(built.status, built.stderr).toBe(0);
    expect(built.stderr).toMatch(/workers made: 1; first by .*early-sandbox\.cjs/);
    expect(run(['--help']).stderr).toContain('workers made: 0;');
  });
});

describe('the built-in templates, compiled when the CLI is compiled', () => {
  it('ship compiled inside the sandbox, one per template, and render the default briefing exactly as templates compiled at build time do', async () => {
    const templates = loadTemplates();
    const bundle = readFileSync(path.join(ROOT, 'lib', 'sandbox-core.cjs'), 'utf8');
    expect(bundle.match(/compiler:\[8,/g)?.length).toBe(1 + Object.keys(templates.layouts).length);
    // The worker renders with the ahead-of-time specs; renderDeck here, outside the worker, has none and compiles each template.
    const model = await loadModel(DEFAULT_BRIEFING);
    const { rendered } = await processSandbox().render(model.briefing, templates, model.assets, { handout: false, chartData: [...model.chartData], markerNonce: 'a1b2' });
    const bag = new DiagnosticBag();
    const { figures } = await drawCharts(model.briefing.charts, model.chartData, bag);
    const compiledHere = renderDeck(model.briefing, templates, model.assets, { handout: false, markerNonce: 'a1b2' }, bag, figures);
    expect(rendered!.html).toBe(compiledHere.html);
    // An edited template matches no ahead-of-time spec and is compiled as written.
    const edited = { ...templates, deck: { ...templates.deck, text: templates.deck.text.replace('<body', '<body data-edited="yes"') } };
    const { rendered: fromEdited } = await processSandbox().render(model.briefing, edited, model.assets, { handout: false, chartData: [...model.chartData], markerNonce: 'a1b2' });
    expect(fromEdited!.html).toContain('data-edited="yes"');
  });
});

describe('single-file briefings', () => {
  it('builds a .md file with front matter to dist/<name>.html', () => {
    const cwd = tempDir();
    writeFileSync(path.join(cwd, 'talk.md'), '---\ntitle: One file\n---\n\n## Hello\n\nWorld.\n\nNote: Hi. Bye.\n');
    const result = runBin(['build', 'talk.md'], cwd);
    expect(result.code, result.err).toBe(0);
    const html = readFileSync(path.join(cwd, 'dist', 'talk.html'), 'utf8');
    expect(html).toContain('<h2 class="slide-title">Hello</h2>');
  });

  it('reads a Markdown file under another ending editors give it (.mkd, .mdown) as a .md one, named without it', async () => {
    const dir = writeBriefing({ 'talk.mkd': '---\ntitle: One file\n---\n\n## Hello\n\nWorld.\n', 'other.mdown': '## Again\n\nText.\n' }, 'markdown-endings');
    const mkd = await buildDeck(path.join(dir, 'talk.mkd'));
    expect([mkd.name, mkd.briefing.meta.title, mkd.briefing.slides.map((s) => s.title)]).toEqual(['talk', 'One file', ['One file', 'Hello']]);
    expect((await buildDeck(path.join(dir, 'other.mdown'))).briefing.slides.map((s) => s.title)).toEqual(['Again']);
  });
});

describe('metadata is data, never markup or template source', () => {
  it('prints a title containing <script> and {{…}} literally', async () => {
    const cwd = tempDir();
    writeFileSync(
      path.join(cwd, 'evil.md'),
      // Typesetting off: this is about escaping, and the quotes must stay as typed to be compared.
      `---\ntitle: "<script>window.pwned=1</script> {{constructor.constructor('return process')()}}"\nauthor: "<img src=x onerror=alert(1)>"\nsmartypants: false\n---\n\n## Slide\n\nx\n`,
    );
    const built = await buildDeck('evil.md', { cwd });
    expect(built.deck.html.includes('<title>&lt;script&gt;window.pwned&#x3D;1&lt;/script&gt; {{constructor.constructor(&#x27;return process&#x27;)()}}</title>')).toBe(true);
    expect(built.deck.html).not.toContain('<script>window.pwned');
    expect(built.deck.html).not.toContain('<img src=x');
  });
});

describe('the CLI', () => {
  it('documents every build option in --help', async () => {
    const { code, out } = await runCapture(['build', '--help'], ROOT);
    expect(code).toBe(0);
    for (const option of ['--output', '--handout', '--help', 'input']) expect(out).toContain(option);
    // The input it takes when none is named, as defaultInput chooses it.
    expect(out).toContain('(default: briefing/, or the folder you are in when it holds a deck)');
  });

  it.each(['build', 'dev', 'init', 'check', 'pdf', 'shots', 'pptx'])('%s --help prints its usage and every option, and exits 0', async (command) => {
    const { code, out } = await runCapture([command, '--help'], ROOT);
    expect(code).toBe(0);
    expect(out).toContain(`usage: briefdeck ${command} [`);
    expect(out).toMatch(/^ {2}-h, --help +show this help$/m);
  });

  it('lists its commands in --help', async () => {
    const { code, out } = await runCapture(['--help'], ROOT);
    expect(code).toBe(0);
    for (const command of ['build', 'dev', 'init', 'check', 'pdf', 'shots', 'pptx']) expect(out).toMatch(new RegExp(`^ {2}${command} `, 'm'));
  });

  it('builds the presenter fixture with a 4:3 size', async () => {
    const built = await buildDeck(path.join(FIXTURES, 'presenter'));
    expect(built.deck.html).toContain('"width":960,"height":720');
  });
});

describe('speaker notes for the generated Bottom line slide', () => {
  it('renders bottomLineNotes as the slide notes, and --handout leaves them out', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'briefing.yml'), 'title: Scripted\nbottomLine: Decide today.\nbottomLineNotes: Say **why** first.\n');
    writeFileSync(path.join(dir, 'a.md'), '## Evidence\n\nText.\n\nNote: Explain.\n');
    const built = await buildDeck(dir);
    const bottom = built.briefing.slides.find((s) => s.kind === 'bottom-line')!;
    expect(bottom.notes?.html).toContain('<strong>why</strong>');
    expect(built.deck.html).toMatch(/kind-bottom-line[\s\S]*?<aside class="notes"><p>Say <strong>why<\/strong> first\.<\/p>/);
    const handout = await buildDeck(dir, { handout: true });
    expect(handout.deck.html).not.toContain('Say <strong>why</strong>');
  });

  it('gives every slide of the default briefing notes, the bottom line included', async () => {
    const built = await buildDeck(DEFAULT_BRIEFING);
    const silent = built.briefing.slides.filter((s) => (s.kind === 'content' || s.kind === 'bottom-line') && !s.notes).map((s) => s.title);
    expect(silent).toEqual([]);
    expect(built.briefing.slides.some((s) => s.kind === 'bottom-line')).toBe(true);
  });
});

describe('the built-in themes', () => {
  it("set their type at the house theme's sizes, so a deck laid out in one fits in another (reveal's own, 40–42px text and titles of 2.5–3.77em, overflowed four to eight slides of the default briefing in each)", async () => {
    const { default: postcss } = await import('postcss');
    const { bundleTheme } = await import('../src/bundle/bundle-theme.js');
    const { BUILTIN_THEMES } = await import('../src/themes.js');
    const sizes = ['--r-main-font-size', '--r-heading1-size', '--r-heading2-size', '--r-heading3-size', '--r-heading4-size'];
    for (const theme of BUILTIN_THEMES.filter((t) => t !== 'briefing')) {
      // The value each size has at the end of the cascade: the last declaration of it on :root.
      const last = new Map<string, string>();
      postcss.parse(await bundleTheme(theme)).walkDecls((decl) => {
        if (sizes.includes(decl.prop) && (decl.parent as { selector?: string }).selector === ':root') last.set(decl.prop, decl.value.trim());
      });
      expect(sizes.map((s) => last.get(s)), theme).toEqual(['30px', '60px', '46px', '34px', '30px']);
    }
  });

  it("carry their fonts as Latin woff2 faces: reveal's white and black themes ship Source Sans Pro as four whole woff fonts (570 KB), which become the same weights and styles of Source Sans 3 (16 KB each)", async () => {
    const { default: postcss } = await import('postcss');
    const { bundleTheme } = await import('../src/bundle/bundle-theme.js');
    for (const theme of ['white', 'black', 'white-contrast', 'black-contrast']) {
      const css = await bundleTheme(theme);
      const faces: string[] = [];
      postcss.parse(css).walkAtRules('font-face', (face) => {
        const value = (prop: string) => (face.nodes ?? []).flatMap((n) => (n.type === 'decl' && n.prop === prop ? [n.value.replace(/["']/g, '')] : []))[0];
        faces.push(`${value('font-family')} ${value('font-weight')} ${value('font-style')} ${/^url\(data:font\/woff2;base64,/.test(value('src') ?? '') ? 'woff2' : 'other'}`);
      });
      expect(faces.sort(), theme).toEqual(['Source Sans Pro 400 italic woff2', 'Source Sans Pro 400 normal woff2', 'Source Sans Pro 600 italic woff2', 'Source Sans Pro 600 normal woff2']);
      expect(css.length, theme).toBeLessThan(200_000);
    }
  });
});
