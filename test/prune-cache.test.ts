import { readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cached } from '../src/build-cache.js';
import { pruneCache } from '../src/prune-cache.js';
import { tempDir } from './helpers.js';

/** Writes a file whose last use was `minutesAgo` minutes ago. */
function writeUsed(dir: string, name: string, minutesAgo: number): void {
  const file = path.join(dir, name);
  writeFileSync(file, name);
  const when = new Date(Date.now() - minutesAgo * 60_000);
  utimesSync(file, when, when);
}

describe('the cache folder', () => {
  it('keeps the entries of a kind used most recently, and the one just written, and removes the rest and abandoned temp files', () => {
    const dir = tempDir();
    for (let i = 0; i < 6; i++) writeUsed(dir, `theme-${i}.json`, i + 1);
    writeUsed(dir, 'theme-new.json', 60); // just written, though its clock says otherwise
    writeUsed(dir, 'theme-2.json.123.tmp', 30); // a process killed mid-write
    writeUsed(dir, 'theme-3.json.456.tmp', 0); // a write under way
    writeUsed(dir, 'runtime-old.json', 600); // another kind: not this call's to prune
    pruneCache(dir, 'theme-', 3, path.join(dir, 'theme-new.json'));
    expect(readdirSync(dir).sort()).toEqual(['runtime-old.json', 'theme-0.json', 'theme-1.json', 'theme-3.json.456.tmp', 'theme-new.json']);
  });

  it('renews an entry on each use, and a new entry pushes out the least recently used of its kind', async () => {
    const dir = tempDir();
    const make = (value: string) => async () => ({ value });
    expect(await cached('runtime', ['a'], make('a'), dir)).toEqual({ value: 'a' });
    expect(await cached('runtime', ['b'], make('b'), dir)).toEqual({ value: 'b' });
    const [first, second] = readdirSync(dir).sort((x, y) => statSync(path.join(dir, x)).mtimeMs - statSync(path.join(dir, y)).mtimeMs);
    // Make the first entry look old, then use it: the hit comes from the file, not from `make`, and renews it.
    utimesSync(path.join(dir, first!), new Date(0), new Date(0));
    utimesSync(path.join(dir, second!), new Date(60_000), new Date(60_000));
    expect(await cached('runtime', ['a'], make('not made again'), dir)).toEqual({ value: 'a' });
    expect(statSync(path.join(dir, first!)).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
    // The runtime keeps two: a third pushes out the second, now the least recently used.
    await cached('runtime', ['c'], make('c'), dir);
    const left = readdirSync(dir);
    expect(left).toHaveLength(2);
    expect(left).toContain(first);
    expect(left).not.toContain(second);
  });
});
