import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../src/dev-server.js';
import { useSharedBrowser } from './browser-harness.js';
import { DEFAULT_BRIEFING, FIXTURES, readFixtureCases, runBin, runCapture, tempDir, writeBriefing, scaled } from './helpers.js';

// In-process check runs lay out their slides in one shared Chromium.
useSharedBrowser();

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** A briefing folder with one slide that references `image`. */
function briefingWith(image: string, extra: Record<string, string | Buffer> = {}): string {
  return writeBriefing({ 'briefing.yml': 'title: Hardening\n', 'a.md': `## Picture\n\n![a picture](${image})\n`, ...extra });
}

const canMakeFifo = (() => {
  try {
    const probe = path.join(tempDir(), 'probe');
    execFileSync('mkfifo', [probe]);
    return true;
  } catch {
    return false;
  }
})();

describe('special files are refused, never read', () => {
  it.skipIf(!canMakeFifo)('a FIFO as an image, a Markdown file or a template is an error at its file:line, without hanging', async () => {
    const dir = briefingWith('pipe.png');
    execFileSync('mkfifo', [path.join(dir, 'pipe.png')]);
    const result = await runCapture(['build', 'deck'], path.dirname(dir));
    expect(result.code).toBe(1);
    expect(result.err).toContain('deck/a.md:3: error: pipe.png is a named pipe (FIFO), not a regular file');

    const md = briefingWith('x.png', { 'x.png': PNG });
    execFileSync('mkfifo', [path.join(md, 'b.md')]);
    const second = await runCapture(['build', 'deck'], path.dirname(md));
    expect(second.code).toBe(1);
    expect(second.err).toContain('deck/b.md: error: deck/b.md is a named pipe (FIFO), not a regular file');

    const tpl = briefingWith('x.png', { 'x.png': PNG });
    mkdirSync(path.join(tpl, 'templates', 'layouts'), { recursive: true });
    execFileSync('mkfifo', [path.join(tpl, 'templates', 'layouts', 'content.hbs')]);
    const third = await runCapture(['build', 'deck'], path.dirname(tpl));
    expect(third.code).toBe(1);
    expect(third.err).toMatch(/content\.hbs is a named pipe \(FIFO\), not a regular file/);
  });

  it.skipIf(!canMakeFifo)('a FIFO as the theme, and a socket as an image, are errors too', async () => {
    const themed = briefingWith('x.png', { 'x.png': PNG });
    writeFileSync(path.join(themed, 'briefing.yml'), 'title: Themed\ntheme: ./pipe.css\n');
    execFileSync('mkfifo', [path.join(themed, 'pipe.css')]);
    const theme = await runCapture(['build', 'deck'], path.dirname(themed));
    expect(theme.code).toBe(1);
    expect(theme.err).toContain('deck/briefing.yml:2: error: ./pipe.css is not a regular file');

    const socketed = briefingWith('sock.png');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path.join(socketed, 'sock.png'), resolve));
    try {
      const image = await runCapture(['build', 'deck'], path.dirname(socketed));
      expect(image.code).toBe(1);
      expect(image.err).toContain('deck/a.md:3: error: sock.png is a socket, not a regular file');
    } finally {
      server.close();
    }
  });

  it('a folder named like an image is an error, not an internal error', async () => {
    const dir = briefingWith('folder.png');
    mkdirSync(path.join(dir, 'folder.png'));
    const result = await runCapture(['build', 'deck'], path.dirname(dir));
    expect(result.code).toBe(1);
    expect(result.err).toContain('deck/a.md:3: error: folder.png is a folder, not a regular file');
  });

  it('a character device is refused: by path confinement when linked, by type when it sits in the folder', async () => {
    const dir = briefingWith('zero.png');
    symlinkSync('/dev/zero', path.join(dir, 'zero.png'));
    const linked = await runCapture(['build', 'deck'], path.dirname(dir));
    expect(linked.code).toBe(1);
    expect(linked.err).toContain('deck/a.md:3: error: zero.png resolves outside the briefing folder');
    const local = briefingWith('zero.png');
    try {
      execFileSync('mknod', [path.join(local, 'zero.png'), 'c', '1', '5']);
    } catch {
      return; // Only root can make a device node; the linked case above still ran.
    }
    const inside = await runCapture(['build', 'deck'], path.dirname(local));
    expect(inside.code).toBe(1);
    expect(inside.err).toContain('zero.png is a character device, not a regular file');
  });

  it('a Markdown file of the folder that links outside it is an error named at that file, in the file:line form of every error', async () => {
    const dir = briefingWith('x.png', { 'x.png': PNG });
    writeFileSync(path.join(path.dirname(dir), 'outside.md'), '## Secret\n');
    symlinkSync(path.join(path.dirname(dir), 'outside.md'), path.join(dir, 'b.md'));
    const result = await runCapture(['build', 'deck'], path.dirname(dir));
    expect(result.code).toBe(1);
    expect(result.err.split('\n')[0]).toBe('deck/b.md: error: deck/b.md resolves outside the briefing folder');
    expect(result.err).not.toContain('Secret');
  });

  it('says "outside" for a path outside the folder whether or not it exists there', async () => {
    const present = briefingWith('exists.png');
    symlinkSync('/etc/hostname', path.join(present, 'exists.png'));
    const absent = briefingWith('exists.png');
    symlinkSync('/nonexistent-briefdeck/secret.png', path.join(absent, 'exists.png'));
    const a = await runCapture(['build', 'deck'], path.dirname(present));
    const b = await runCapture(['build', 'deck'], path.dirname(absent));
    expect(a.err).toContain('resolves outside the briefing folder');
    expect(b.err).toBe(a.err);
  });
});

describe('the deck-size limit counts what is written', () => {
  it('an image referenced twelve times costs twelve copies; passing the limit is one error, and the pictures after it are not read', async () => {
    const dir = writeBriefing({
      'briefing.yml': 'title: Twelve\n',
      'big.png': Buffer.concat([PNG, Buffer.alloc(100_000)]),
      'a.md': Array.from({ length: 12 }, (_, i) => `## Slide ${i}\n\n![copy](big.png)\n`).join('\n'),
    });
    const result = await runCapture(['build', 'deck', '--max-deck-bytes', '1000000'], path.dirname(dir));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/deck\/a\.md:39: error: images add up to more than the 1000000-byte deck limit at big\.png; the 2 after it were not read\n/);
    expect(result.err.match(/error:/g)).toHaveLength(1);
  });
});

describe('the output path', () => {
  it('refuses a device, a folder or a FIFO for -o, and leaves them as they were', async () => {
    const dir = briefingWith('x.png', { 'x.png': PNG });
    const cwd = path.dirname(dir);
    const devNull = await runCapture(['build', 'deck', '-o', '/dev/null'], cwd);
    expect(devNull.code).toBe(1);
    expect(devNull.err).toContain('error: cannot write /dev/null: it is a device, not a regular file');
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    const folder = path.join(cwd, 'out');
    mkdirSync(folder);
    const intoFolder = await runCapture(['build', 'deck', '-o', folder], cwd);
    expect(intoFolder.err).toContain('it is a folder, not a regular file');
    expect(readdirSync(folder)).toEqual([]);
    if (canMakeFifo) {
      const fifo = path.join(cwd, 'fifo.html');
      execFileSync('mkfifo', [fifo]);
      const intoFifo = await runCapture(['build', 'deck', '-o', fifo], cwd);
      expect(intoFifo.err).toContain('it is a named pipe (FIFO), not a regular file');
      expect(lstatSync(fifo).isFIFO()).toBe(true);
    }
    // No temp file is left behind by any refusal.
    expect(readdirSync(cwd).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  // Node's recursive mkdir never returns when the system refuses a folder with "no such file" under a parent that
  // exists, as /proc does: each run is a process of its own, with a time limit, since an endless loop cannot be interrupted in-process.
  it.skipIf(!existsSync('/proc/self'))('a folder the system refuses to make is an error, not a hang: for -o, for init and for the cache', () => {
    const dir = briefingWith('x.png', { 'x.png': PNG });
    const cwd = path.dirname(dir);
    const run = (argv: string[], env: NodeJS.ProcessEnv = {}) => runBin(argv, cwd, env, scaled(20_000));
    const build = run(['build', 'deck', '-o', '/proc/briefdeck-none/deck.html']);
    expect(build.code).toBe(1);
    expect(build.err.trim()).toBe('/proc/briefdeck-none/deck.html: error: cannot write /proc/briefdeck-none/deck.html: ENOENT\n  hint: check that the folder exists and is writable, or choose another path with -o');
    const init = run(['init', '/proc/briefdeck-none']);
    expect(init.code).toBe(1);
    expect(init.err.split('\n')[0]).toBe('/proc/briefdeck-none: error: cannot make the folder /proc/briefdeck-none: ENOENT');
    // A cache that cannot be made is done without: the build goes on and writes its deck.
    const cached = run(['build', 'deck', '-o', 'cached.html'], { BRIEFDECK_CACHE_DIR: '/proc/briefdeck-none/cache' });
    expect(cached.code, cached.err).toBe(0);
    expect(existsSync(path.join(cwd, 'cached.html'))).toBe(true);
  });

  it('a file where a folder should be is refused in one line: init\'s folder, and shots\' -o before the deck is built', async () => {
    const dir = briefingWith('x.png', { 'x.png': PNG });
    const cwd = path.dirname(dir);
    writeFileSync(path.join(cwd, 'taken'), 'mine');
    const init = await runCapture(['init', 'taken'], cwd);
    expect(init.code).toBe(1);
    expect(init.err).toBe('taken: error: taken already exists and is not a folder\n  hint: choose a new folder: briefdeck init my-briefing');
    const shots = await runCapture(['shots', 'deck', '-o', 'taken'], cwd);
    expect(shots.code).toBe(1);
    // Refused first: no stage of the export ran.
    expect(shots.err).toBe('taken: error: cannot write into taken: it is a file, not a folder\n  hint: choose another folder');
  });
});

describe("shots' pictures are written as one set", () => {
  it("an earlier, longer deck's set is replaced whole: new pictures in place, the rest removed, no staging folder left", async () => {
    const { writeSlideImages } = await import('../src/write-slide-images.js');
    const dir = path.join(tempDir(), 'shots');
    mkdirSync(dir);
    for (const n of [1, 2, 3, 4, 5]) writeFileSync(path.join(dir, `slide-00${n}.png`), 'old');
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    writeSlideImages(dir, 'shots', [Buffer.from('new one'), Buffer.from('new two')]);
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'slide-001.png', 'slide-002.png']);
    expect(readFileSync(path.join(dir, 'slide-002.png'), 'utf8')).toBe('new two');
  });

  it('a slide picture in its folder that is not a file is refused before the deck is built, and the folder is left as it was (it was an internal error after the shots were taken)', async () => {
    const dir = briefingWith('x.png', { 'x.png': PNG });
    const cwd = path.dirname(dir);
    mkdirSync(path.join(cwd, 'out', 'slide-002.png'), { recursive: true });
    writeFileSync(path.join(cwd, 'out', 'slide-001.png'), 'old');
    const result = await runCapture(['shots', 'deck', '-o', 'out'], cwd);
    expect(result.code).toBe(1);
    expect(result.err).toBe('out/slide-002.png: error: cannot replace out/slide-002.png: it is not a file\n  hint: move it out of the way, or choose another folder with -o');
    expect(readdirSync(path.join(cwd, 'out')).sort()).toEqual(['slide-001.png', 'slide-002.png']);
    expect(readFileSync(path.join(cwd, 'out', 'slide-001.png'), 'utf8')).toBe('old');
  });
});

describe('control characters from the input never reach the terminal raw', () => {
  it('escapes ESC, BEL and newlines in file names and messages, on stderr and in --json', async () => {
    const root = tempDir();
    const name = 'evil\n\u001b]0;pwned\u0007.md';
    writeFileSync(path.join(root, name), '---\ntitle: T\n---\n## Slide\n\n![x](missing.png)\n');
    writeFileSync(path.join(root, 'title.md'), '---\ntitle: T\nmaxBullets: 1\n---\n## Head\u001b]0;x\u0007ing\n\n- a\n- b\n\nNote: n.\n');
    const titled = await runCapture(['check', 'title.md', '--json'], root);
    expect(titled.out).toContain('Head\\\\u001b]0;x\\\\u0007ing');
    expect(titled.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    const result = runBin(['build', name], root);
    expect(result.code).toBe(1);
    expect(result.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(result.err).toContain('evil\\n\\u001b]0;pwned\\u0007.md');
    // Exactly one line carries the error: a newline in the name cannot forge a second one.
    expect(result.err.split('\n').filter((l) => / error: /.test(l))).toHaveLength(1);
    const json = runBin(['check', name, '--json', '--browser-path', '/nonexistent/chrome'], root);
    expect(json.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    const report = JSON.parse(json.out) as { diagnostics: { file: string }[] };
    expect(report.diagnostics[0]!.file).toContain('\\u001b');
  });
});

describe('the dev server under hostile requests', () => {
  let server: DevServer;
  let dir: string;
  beforeAll(async () => {
    dir = briefingWith('x.png', { 'x.png': PNG });
    server = await startDevServer(dir, { port: 0, cwd: path.dirname(dir), log: () => undefined });
  });
  afterAll(async () => server?.close());

  /** Sends raw bytes and returns the status line the server answers with, or '' if it closed. */
  const raw = (request: string) =>
    new Promise<string>((resolve) => {
      const socket = connect(server.port, '127.0.0.1');
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString('latin1')));
      socket.on('error', () => resolve(data.split('\r\n')[0] ?? ''));
      socket.on('close', () => resolve(data.split('\r\n')[0] ?? ''));
      socket.setTimeout(5_000, () => socket.destroy());
      socket.end(request);
    });

  it('answers a malformed URL with 400 and keeps serving', async () => {
    expect(await raw('GET //[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')).toBe('HTTP/1.1 400 Bad Request');
    expect((await fetch(server.url)).status).toBe(200);
  });

  it('sends frame, sniffing and resource-policy headers, and refuses the reload channel to other origins', async () => {
    const res = await fetch(server.url);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    const foreign = await fetch(new URL('/__briefdeck/events', server.url), { headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
  });

  it('survives a bounded fuzz of malformed requests', async () => {
    const junk = ['GET /%zz HTTP/1.1', 'GET http://[::1 HTTP/1.1', 'POST / HTTP/1.1', 'GET /\u0000 HTTP/1.1', 'BREW / HTTP/1.1', 'GET ////////[[ HTTP/1.1', '\u0016\u0003\u0001', 'GET / HTTP/9.9', 'GET /?a=%%%% HTTP/1.1'];
    for (let round = 0; round < 20; round++) {
      const line = junk[round % junk.length]!;
      await raw(`${line}\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc`);
    }
    expect((await fetch(server.url)).status).toBe(200);
  });

  it('shows the overlay and keeps serving when a save turns an image into a folder', async () => {
    const image = path.join(dir, 'x.png');
    execFileSync('rm', [image]);
    mkdirSync(image);
    // Node's recursive watcher on Linux settles asynchronously; saving the slide as well is what an editor would do next.
    let outcome;
    for (let attempt = 0; attempt < 20 && !outcome?.version; attempt++) {
      const next = server.nextBuild();
      writeFileSync(path.join(dir, 'a.md'), `## Picture\n\n![a picture](x.png)\n\n<!-- save ${attempt} -->\n`);
      outcome = await Promise.race([next, new Promise<undefined>((r) => setTimeout(r, 1_000))]);
    }
    expect(outcome?.ok).toBe(false);
    const page = await (await fetch(server.url)).text();
    expect(page).toContain('briefdeck-error-overlay');
    expect(page).toContain('x.png is a folder, not a regular file');
  });
});

describe('author HTML cannot navigate or frame, even with html: true', () => {
  it('removes meta refresh, base, iframe, object and embed with a warning, and keeps the rest', async () => {
    const dir = writeBriefing({
      'briefing.yml': 'title: Trusted\nhtml: true\n',
      'a.md': '## Raw\n\n<meta http-equiv="refresh" content="0;url=https://example.com/">\n<base href="https://example.com/">\n<iframe src="file:///etc/hostname"></iframe>\n<object data="x.pdf"></object>\n<embed src="x.swf">\n<div class="kept"><b>kept</b></div>\n\nNote: n.\n',
    });
    const { buildDeck } = await import('../src/build-deck.js');
    const built = await buildDeck('deck', { cwd: path.dirname(dir) });
    const body = built.briefing.slides.find((s) => s.title === 'Raw')!.bodyHtml;
    expect(body).toContain('<div class="kept"><b>kept</b></div>');
    expect(body).not.toMatch(/<(meta|base|iframe|object|embed)\b/i);
    expect(built.warnings.map((w) => `${w.file}:${w.line}: ${w.code}`)).toEqual(['deck/a.md:3: W_RAW_HTML']);
  });

  it('removes event handlers, script addresses in any attribute and animations that would set a link or a handler, and keeps the markup around them', async () => {
    const raw = [
      '<math><mi href="javascript:alert(1)">x</mi></math>',
      '<svg><a href="javascript:alert(2)"><text x="0" y="10">z</text></a><animate attributeName="href" to="javascript:alert(3)"/><set attributeName="onmouseover" to="alert(4)"/><circle r="1"/></svg>',
      '<form><button formaction="javascript:alert(5)">b</button></form>',
      '<details open ontoggle="alert(6)" OnClick="alert(7)"><summary>s</summary></details>',
      '<img src="javascript:alert(8)" alt="gone">',
    ].join('\n');
    const dir = writeBriefing({ 'briefing.yml': 'title: Trusted\nhtml: true\n', 'a.md': `## Raw\n\n${raw}\n` }, 'trusted-handlers');
    const { buildDeck } = await import('../src/build-deck.js');
    const built = await buildDeck(dir);
    const body = built.briefing.slides.find((s) => s.title === 'Raw')!.bodyHtml;
    expect(body).not.toMatch(/javascript|alert|\son[a-z]+=|<animate|<set\b|formaction/i);
    expect(body).toContain('<math><mi>x</mi></math>');
    expect(body).toMatch(/<svg><a><text x="0" y="10">z<\/text><\/a><circle r="1"><\/circle><\/svg>/);
    expect(body).toContain('<details open><summary>s</summary></details>');
    expect(built.warnings.map((w) => w.code)).toContain('W_RAW_HTML');
  });
});

describe('the file stays sealed, whatever the templates say', () => {
  it('the built-in templates and sanitizer produce a sealed file, so decks made only of them may skip the check', async () => {
    const { buildDeck } = await import('../src/build-deck.js');
    const { verifySealedDeck } = await import('../src/bundle/verify-seal.js');
    const { DiagnosticBag } = await import('../src/errors.js');
    for (const dir of [DEFAULT_BRIEFING, path.join(FIXTURES, 'layouts'), path.join(FIXTURES, 'xss')]) {
      const built = await buildDeck(dir);
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(built.deck.html)![1]!;
      const hashes = [...csp.matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]!);
      const bag = new DiagnosticBag();
      verifySealedDeck(built.deck.html, { csp, scriptHashes: hashes, template: 'deck.hbs' }, bag);
      expect(bag.items, dir).toEqual([]);
    }
  });

  const UNSEALED = path.join(FIXTURES, 'unsealed');
  for (const { name, expected } of readFixtureCases<{ exit: number; errors: string[] }>(UNSEALED)) {
    it(`${name}: refused, naming the template, and nothing is written`, async () => {
      const out = path.join(tempDir(), 'deck.html');
      const result = await runCapture(['build', name, '-o', out], UNSEALED);
      expect(result.code).toBe(expected.exit);
      expect(result.err.split('\n').filter((l) => l.includes(' error: '))).toEqual(expected.errors);
      expect(existsSync(out)).toBe(false);
    });
  }
});

describe('templates render under the same limits as the Markdown', () => {
  it('partials that multiply without end are stopped with E_TEMPLATE, not a hung build', { timeout: scaled(30_000) }, async () => {
    const { buildDeck } = await import('../src/build-deck.js');
    const { SandboxWorker } = await import('../src/sandbox-worker.js');
    const { BriefdeckError } = await import('../src/errors.js');
    // One second is enough: the partials multiply without end, and every second more is a second of CPU the suite waits for.
    const sandbox = new SandboxWorker({ timeoutMs: 1_000, maxMemoryMb: 128 });
    try {
      const error = await buildDeck('template-bomb', { cwd: FIXTURES, sandbox }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BriefdeckError);
      const { code, file, message } = error as InstanceType<typeof BriefdeckError>;
      expect(code).toBe('E_TEMPLATE');
      expect(file).toMatch(/templates[\\/]deck\.hbs$/);
      expect(message).toMatch(/^rendering the templates (took longer than 1 s|needed more than 128 MB)$/);
    } finally {
      await sandbox.close();
    }
  });

  it('a worker that fails after its job has ended cannot crash the process', async () => {
    const { SandboxWorker } = await import('../src/sandbox-worker.js');
    const sandbox = new SandboxWorker();
    await sandbox.parse({ root: '/virtual', name: 'x', singleFile: true, markdownFiles: [{ path: 'x.md', relPath: 'x.md', text: '---\ntitle: X\n---\n## A\n' }] });
    const worker = (sandbox as unknown as { worker: import('node:events').EventEmitter }).worker;
    // An out-of-memory error that arrives once no job is listening, as one can after a timeout.
    expect(() => worker.emit('error', Object.assign(new Error('late'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }))).not.toThrow();
    await sandbox.close();
  });
});

describe('author HTML cannot impersonate the deck or link where Markdown may not', () => {
  it('with html: false, raw <a href> follows the Markdown link rules, with a warning at its line', async () => {
    const { buildDeck } = await import('../src/build-deck.js');
    const dir = writeBriefing({
      'briefing.yml': 'title: Links\n',
      'a.md': '## Raw links\n\n<a href="../secret.html">up</a> <a href="/etc/passwd">root</a> <a href="https://example.com/" target="_self">ok</a> <a href="#top">top</a>\n\nNote: n.\n',
    });
    const built = await buildDeck('deck', { cwd: path.dirname(dir) });
    const body = built.briefing.slides.find((s) => s.title === 'Raw links')!.bodyHtml;
    expect(body).toContain('<a>up</a>');
    expect(body).toContain('<a>root</a>');
    expect(body).toContain('<a href="https://example.com/" target="_blank" rel="noopener noreferrer">ok</a>');
    expect(body).toContain('<a href="#top">top</a>');
    expect(built.warnings.filter((w) => w.code === 'W_LINK').map((w) => `${w.line}: ${w.message}`)).toEqual([
      '3: link to "../secret.html" in raw HTML was removed; links may be https:, mailto: or #anchors',
      '3: link to "/etc/passwd" in raw HTML was removed; links may be https:, mailto: or #anchors',
      // An anchor is kept, and, like a Markdown link's, named when no slide has it.
      '3: link to "#top" names no slide, so it goes nowhere',
    ]);
    // Each address that went is named once, in its own words: never again as markup neutralised.
    expect(built.warnings.filter((w) => w.code === 'W_RAW_HTML')).toEqual([]);
  });

  it.each([false, true])('with html: %s, a slide cannot wear the deck chrome: banner, footer and slide-number classes are removed', async (trusted) => {
    const { buildDeck } = await import('../src/build-deck.js');
    const dir = writeBriefing({
      'briefing.yml': `title: Chrome\nhtml: ${trusted}\n`,
      'a.md': '## Fake banner\n\n<span class="classification classification-top mine">TOP SECRET</span> <span class="footer-number">9 / 9</span> <div data-preview-link="https://example.com/" data-background-iframe="file:///etc/hostname">x</div>\n\nNote: n.\n',
    });
    const built = await buildDeck('deck', { cwd: path.dirname(dir) });
    const body = built.briefing.slides.find((s) => s.title === 'Fake banner')!.bodyHtml;
    expect(body).toContain('TOP SECRET');
    expect(body).not.toMatch(/classification|footer-number|data-preview|data-background/);
    if (trusted) expect(body).toContain('<span class="mine">TOP SECRET</span>');
  });
});

describe('theme CSS is read with a CSS parser', () => {
  it.each([
    ['image-set', '.reveal { background-image: image-set("https://example.com/a.png" 1x); }', 'https://example.com/a.png'],
    ['-webkit-image-set', '.reveal {\n  background: -webkit-image-set(url(https://example.com/b.png) 1x);\n}', 'https://example.com/b.png'],
    ['@import', '@import url("https://example.com/x.css");', 'https://example.com/x.css'],
    ['@font-face src', '@font-face { font-family: X; src: url(//example.com/x.woff2) format("woff2"); }', '//example.com/x.woff2'],
    ['an absolute path', '.reveal { background: url("/etc/hostname"); }', '/etc/hostname'],
  ])('%s pointing outside is E_REMOTE_URL at its line', async (_name, css, url) => {
    const dir = writeBriefing({ 'briefing.yml': 'title: Themed\ntheme: ./theme.css\n', 'a.md': '## Slide\n\nText.\n\nNote: n.\n', 'theme.css': `/* a theme */\n${css}\n` });
    const result = await runCapture(['build', 'deck'], path.dirname(dir));
    expect(result.code).toBe(1);
    const line = 2 + (css.startsWith('.reveal {\n') ? 1 : 0);
    expect(result.err.split('\n')[0]).toBe(`deck/theme.css:${line}: error: theme refers to "${url}", which cannot be inlined`);
  });

  it('a relative image-set() string, which esbuild leaves as a reference, is refused after bundling at the theme line', async () => {
    const dir = writeBriefing({ 'briefing.yml': 'title: Themed\ntheme: ./theme.css\n', 'a.md': '## Slide\n\nText.\n\nNote: n.\n', 'theme.css': '.reveal { background-image: image-set("pic.png" 1x); }\n', 'pic.png': PNG });
    const result = await runCapture(['build', 'deck'], path.dirname(dir));
    expect(result.code).toBe(1);
    expect(result.err.split('\n')[0]).toBe('deck/briefing.yml:2: error: theme CSS refers to "pic.png", which is not inlined');
  });

  it('the built-in themes inline everything they use', async () => {
    const { findExternalReferences } = await import('../src/css-references.js');
    const { bundleTheme } = await import('../src/bundle/bundle-theme.js');
    const { BUILTIN_THEMES } = await import('../src/themes.js');
    for (const theme of BUILTIN_THEMES) expect(findExternalReferences(await bundleTheme(theme)), theme).toEqual([]);
    expect(findExternalReferences('.a { background: image-set("https://x/y.png" 1x) }')).toEqual([{ url: 'https://x/y.png', line: 1 }]);
  });

  it('an escaped name hides no reference: u\\72 l( is url(, \\69mport is import, as the browser reads them', async () => {
    const { findExternalReferences } = await import('../src/css-references.js');
    const { placeStylePictures } = await import('../src/parse/style-pictures.js');
    const postcss = (await import('postcss')).default;
    // `u\\72 l(` splits into two words for the parser: the escaped one is taken for the reference it is.
    expect(findExternalReferences('.a { background: u\\72 l(https://x/a.png) }\n.b { background: \\69mage-set("https://x/c.png" 1x) }\n.c { content: "\\201C" }')).toEqual([
      { url: 'u\\72', line: 1 },
      { url: 'https://x/c.png', line: 2 },
    ]);
    expect(placeStylePictures(postcss.decl({ prop: 'background', value: '\\55RL(//x/d.png) no-repeat' }), false, () => 'never asked', 1)).toEqual({ kept: false, fetched: '//x/d.png' });
    // A deck's own style sheet loses them with a warning, like any reference that would fetch; an escaped
    // at-rule (`@\\69mport`), which the CSS parser cannot read, takes its whole block with it.
    const { buildDeck } = await import('../src/build-deck.js');
    const built = await buildDeck(path.join(writeBriefing({ 'deck.md': ['---', 'marp: true', '---', '', '<style>', 'h1 { background: u\\72 l(https://x.example/a.png); color: red }', '</style>', '', '<style>', '@\\69mport "https://x.example/b.css";', '</style>', '', '# One', ''].join('\n') }, 'escaped-style'), 'deck.md'));
    expect(built.deck.html).not.toContain('x.example');
    expect(built.warnings.map((w) => [w.code, w.line, w.message.split(':')[0]])).toEqual([['W_STYLE', 6, "a style's background"], ['W_STYLE', 10, "a style block's CSS does not parse (At-rule without name), so it was left out"]]);
    // The warning shows the address the escape hid, not the escape alone (`url(u\72)`).
    expect(built.warnings[0]!.message).toBe("a style's background: u\\72 l(https://x.example/a.png) was left out: a deck carries nothing from elsewhere");
    // In a theme file it is an error at its line, never an internal one.
    const dir = writeBriefing({ 'briefing.yml': 'title: T\ntheme: ./t.css\n', 'a.md': '## S\n\nText.\n\nNote: n.\n', 't.css': '.reveal { color: red }\n@\\69mport "https://x.example/b.css";\n' }, 'escaped-theme');
    const result = await runCapture(['build', path.basename(dir)], path.dirname(dir));
    expect([result.code, result.err.split('\n')[0]]).toEqual([1, `${path.basename(dir)}/t.css:2: error: theme CSS does not parse: At-rule without name`]);
  });
});

describe("a deck's references are data, never markup or a way out", () => {
  it('a citation style cannot read a file through an entity or put markup in the deck, and a reference\'s own text is escaped', async () => {
    const { buildDeck } = await import('../src/build-deck.js');
    const style = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<!DOCTYPE style [<!ENTITY leak SYSTEM "file://SECRET_PATH">]>',
      '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">',
      '  <info><title>X</title><id>x</id><updated>2026-01-01T00:00:00+00:00</updated></info>',
      '  <citation><layout prefix="[" suffix="]"><text value="&leak;"/><text value="&lt;script&gt;window.pwned=1&lt;/script&gt;"/></layout></citation>',
      '  <bibliography><layout><text variable="title"/></layout></bibliography>',
      '</style>',
    ].join('\n');
    const secret = path.join(tempDir(), 'secret.txt');
    writeFileSync(secret, 'SECRET-FROM-OUTSIDE\n');
    const dir = writeBriefing({
      'deck.md': '---\ntitle: T\nbibliography: refs.bib\ncsl: style.csl\n---\n\n## One\n\nCite [@a].\n',
      'refs.bib': '@book{a, title = {T<img src=x onerror=alert(2)>}, author = {X, Y}, year = {2000}}\n',
      'style.csl': style.replace('SECRET_PATH', secret),
    }, 'hostile-references');
    const built = await buildDeck(path.join(dir, 'deck.md'));
    const body = built.briefing.slides.find((s) => s.title === 'One')!.bodyHtml;
    expect(body).toBe('<p>Cite [&amp;leak;&lt;script&gt;window.pwned=1&lt;/script&gt;].</p>\n');
    expect(built.deck.html).not.toContain('SECRET-FROM-OUTSIDE');
    expect(built.briefing.slides.at(-1)!.bodyHtml).toContain('T&lt;img src=x onerror=alert(2)&gt;');
    expect(built.deck.html).not.toMatch(/<img src=x|<script>window\.pwned/);
  });

  it('a bibliography or style linked from outside the folder, or named by an absolute path, is never read', async () => {
    const { buildDeck } = await import('../src/build-deck.js');
    const outside = path.join(tempDir(), 'outside.bib');
    writeFileSync(outside, '@book{leak, title = {SECRET-BIB}, year = {2000}}\n');
    const dir = writeBriefing({ 'deck.qmd': '---\ntitle: T\nbibliography:\n  - refs.bib\n  - /refs.bib\n  - ok.bib\ncsl: /etc/passwd\n---\n\n## One\n\nCite [@leak] and [@ok].\n', 'ok.bib': '@book{ok, title = {Fine}, author = {A, B}, year = {2001}}\n' }, 'bibliography-outside');
    symlinkSync(outside, path.join(dir, 'refs.bib'));
    const built = await buildDeck(path.join(dir, 'deck.qmd'));
    expect(built.deck.html).not.toContain('SECRET-BIB');
    expect(built.warnings.map((w) => w.message.replace(/\(.*\)/, '(…)'))).toEqual([
      'the bibliography refs.bib could not be read (…), so its references are left out',
      'the bibliography /refs.bib could not be read (…), so its references are left out',
      "the citation style /etc/passwd could not be read (…), so the deck's references are in Harvard style",
      'no reference has the key leak; the citation shows as (…)',
    ]);
  });
});
