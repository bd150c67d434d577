import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('installed as a tool', () => {
  it('packs lib/ and no tests, installs into a clean prefix, and runs init and build there', () => {
    const out = tempDir('briefdeck-pack-');
    // `npm test` has just compiled lib/; prepack would recompile it in place while other test files run from it.
    const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', out], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { filename: string; files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path);
    expect(files).toContain('lib/main.js');
    expect(files).toContain('lib/sandbox-entry.cjs');
    // Vega is bundled into one file, with the licences of everything inside it; it is not a dependency to install.
    expect(files).toContain('lib/vega-modules.cjs');
    expect(files).toContain('lib/vega-modules.LICENSES.txt');
    expect(files).toContain('src/runtime/deck-runtime.ts');
    expect(files).toContain('templates/deck.hbs');
    expect(files.filter((f) => f.startsWith('test/') || f.endsWith('.map') || f.startsWith('briefing/'))).toEqual([]);

    const prefix = path.join(out, 'prefix');
    // The dependencies are already in npm's cache from `npm ci`; --prefer-offline keeps this quick.
    execFileSync(npm, ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', path.join(out, packed[0]!.filename)], { stdio: 'ignore' });
    const bin = path.join(prefix, 'bin', 'briefdeck');
    const work = path.join(out, 'work');
    execFileSync('mkdir', [work]);
    const env = { ...process.env, PATH: `${path.dirname(bin)}${path.delimiter}${process.env.PATH}` };
    expect(execFileSync(bin, ['--help'], { cwd: work, encoding: 'utf8', env })).toContain('usage: briefdeck <command>');
    execFileSync(bin, ['init', 'my-briefing'], { cwd: work, env, stdio: 'ignore' });
    const built = execFileSync(bin, ['build', 'my-briefing'], { cwd: work, encoding: 'utf8', env });
    expect(built).toMatch(/^built dist\/my-briefing\.html: 10 slides/);
    expect(readdirSync(path.join(work, 'dist'))).toEqual(['my-briefing.html']);
    expect(existsSync(path.join(work, 'dist', 'my-briefing.html'))).toBe(true);
    expect(existsSync(path.join(prefix, 'lib', 'node_modules', 'briefdeck', 'node_modules', 'vega'))).toBe(false);
    // A chart draws from the bundled Vega in the installed tool.
    const chartDeck = path.join(work, 'chart.md');
    writeFileSync(chartDeck, '---\ntitle: A chart\n---\n\n## Tests\n\n```chart\ntype: column\ndata:\n  - {year: "2017", tests: 20}\n  - {year: "2018", tests: 3}\n```\n');
    execFileSync(bin, ['build', chartDeck, '-o', path.join(work, 'chart.html')], { cwd: work, env, stdio: 'ignore' });
    const drawn = readFileSync(path.join(work, 'chart.html'), 'utf8');
    expect(drawn.includes('<figure class="chart chart-column"><svg'), 'the chart was drawn').toBe(true);
  }, 180_000);
});

describe('engines', () => {
  it('no runtime dependency asks for a newer Node.js than package.json promises', () => {
    const ours = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    const minimum = /^>=\s*(\d+)\.(\d+)/.exec(ours)!.slice(1).map(Number) as [number, number];
    const dirs = execFileSync(npm, ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').slice(1);
    expect(dirs.length).toBeGreaterThan(10);
    const tooNew: string[] = [];
    for (const dir of dirs) {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string; engines?: { node?: string } };
      const wanted = /^>=\s*(\d+)(?:\.(\d+))?/.exec(manifest.engines?.node ?? '');
      if (!wanted) continue;
      const [major, minor] = [Number(wanted[1]), Number(wanted[2] ?? 0)];
      if (major > minimum[0] || (major === minimum[0] && minor > minimum[1])) tooNew.push(`${manifest.name} wants node ${manifest.engines!.node}`);
    }
    expect(tooNew).toEqual([]);
  });
});
