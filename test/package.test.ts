import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let tree: string[] | undefined;
/** The folders of the production dependency tree, as `npm ls` lists them (this checkout's own folder first); read once for both tests, since npm ls takes a CPU-second. */
function productionTree(): string[] {
  tree ??= execFileSync(npm, ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');
  return tree;
}

describe('installed as a tool', () => {
  it('packs lib/ and no tests, runs from the packed files with only its declared dependencies, and runs init and build there', () => {
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
    // The README links the full list of other tools' syntax; it ships beside it.
    expect(files).toContain('docs/coming-from-other-tools.md');
    expect(files.filter((f) => f.startsWith('test/') || f.endsWith('.map') || f.startsWith('briefing/'))).toEqual([]);

    // The tarball unpacked, beside a node_modules holding the production tree and nothing else, each package linked from
    // this checkout: what \`npm install\` of the tarball places, without extracting its 120 MB again (half the suite's
    // time for this one file). A module lib/ needs but package.json leaves out, or lists only for development, is
    // missing here as in a real install; a linked package finds its own dependencies where npm put them.
    execFileSync('tar', ['-xzf', path.join(out, packed[0]!.filename), '-C', out]);
    const installed = path.join(out, 'package');
    const modules = path.join(ROOT, 'node_modules');
    const production = productionTree().slice(1);
    expect(production.length).toBeGreaterThan(10);
    for (const dir of production) {
      const name = path.relative(modules, dir);
      // Nested copies come with the package they are nested in.
      if (name.startsWith('..') || name.includes(`${path.sep}node_modules${path.sep}`)) continue;
      mkdirSync(path.dirname(path.join(installed, 'node_modules', name)), { recursive: true });
      symlinkSync(dir, path.join(installed, 'node_modules', name), 'dir');
    }
    expect(existsSync(path.join(installed, 'node_modules', 'vega'))).toBe(false);
    const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const bin = path.join(installed, manifest.bin.briefdeck!);
    expect(readFileSync(bin, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    const run = (args: string[], cwd: string) => execFileSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, BRIEFDECK_CACHE_DIR: '' } });

    const work = path.join(out, 'work');
    mkdirSync(work);
    expect(run(['--help'], work)).toContain('usage: briefdeck <command>');
    run(['init', 'my-briefing'], work);
    // A chart in the new briefing draws from the bundled Vega in the installed tool.
    appendFileSync(path.join(work, 'my-briefing', 'whats-next.md'), '\n---\n\n## Tests\n\n```chart\ntype: column\ndata:\n  - {year: "2017", tests: 20}\n  - {year: "2018", tests: 3}\n```\n');
    expect(run(['build', 'my-briefing'], work)).toMatch(/^built dist\/my-briefing\.html: 11 slides/);
    expect(readdirSync(path.join(work, 'dist'))).toEqual(['my-briefing.html']);
    const drawn = readFileSync(path.join(work, 'dist', 'my-briefing.html'), 'utf8');
    expect(drawn.includes('<figure class="chart chart-column"><svg'), 'the chart was drawn').toBe(true);
  }, 180_000);
});

describe('engines', () => {
  it('no runtime dependency asks for a newer Node.js than package.json promises', () => {
    const ours = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    const minimum = /^>=\s*(\d+)\.(\d+)/.exec(ours)!.slice(1).map(Number) as [number, number];
    const dirs = productionTree().slice(1);
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
