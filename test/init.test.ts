import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../src/build-deck.js';
import { useSharedBrowser } from './browser-harness.js';
import { BROWSER_PATH, runBin, runCapture, tempDir } from './helpers.js';

useSharedBrowser();

describe('briefdeck init', () => {
  it('scaffolds briefing.yml, the three section files and an image', () => {
    const cwd = tempDir();
    const result = runBin(['init', 'review'], cwd);
    expect(result.code, result.err).toBe(0);
    expect(readdirSync(path.join(cwd, 'review'))).toEqual(['briefing.yml', 'chart.svg', 'what-didnt.md', 'what-worked.md', 'whats-next.md']);
  });

  it('scaffolds a briefing that builds, in the order of its sections', async () => {
    const cwd = tempDir();
    expect(runBin(['init', 'review'], cwd).code).toBe(0);
    const built = await buildDeck('review', { cwd });
    expect(built.briefing.sections.map((s) => s.title)).toEqual(['What worked', 'What didn\u2019t', 'What\u2019s next']);
    expect(built.briefing.images).toHaveLength(1);
    expect(built.briefing.slides.filter((s) => s.kind === 'content').every((s) => s.notes !== null)).toBe(true);
    expect(built.warnings).toEqual([]);
  });

  it.skipIf(BROWSER_PATH === null)('scaffolds a briefing that passes check --strict', async () => {
    const cwd = tempDir();
    expect(runBin(['init', 'review'], cwd).code).toBe(0);
    const result = await runCapture(['check', 'review', '--strict'], cwd);
    expect(result.err).toContain('check: 0 errors, 0 warnings');
    expect(result.code).toBe(0);
  });

  it('refuses to write into a folder that is not empty', () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'taken'));
    writeFileSync(path.join(cwd, 'taken', 'notes.md'), 'mine');
    const result = runBin(['init', 'taken'], cwd);
    expect(result.code).toBe(1);
    expect(result.err.split('\n')[0]).toBe('taken: error: taken already exists and is not empty');
    expect(readdirSync(path.join(cwd, 'taken'))).toEqual(['notes.md']);
  });
});
