import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../src/build-deck.js';
import { captureSlides } from '../src/print-pdf.js';
import { useSharedBrowser } from './browser-harness.js';
import { BROWSER_PATH, FIXTURES, scaled } from './helpers.js';

// Every layout, shot at half size and compared with the shots of the last accepted build, so a change
// nobody meant (a lost title rule, a caption on the footer) fails here. `npm run screenshots:update`
// accepts the current look after a deliberate change.
const BASELINES = path.join(FIXTURES, 'screenshots', 'layouts');
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
/** Share of a slide's pixels that may differ (anti-aliasing, a font hint): a lost 3 px rule across the slide is more than this. */
const TOLERANCE = 0.002;

useSharedBrowser();

describe.skipIf(BROWSER_PATH === null)('screenshots of every layout', () => {
  it('match the accepted shots within a small tolerance', { timeout: scaled(60_000) }, async () => {
    const built = await buildDeck(path.join(FIXTURES, 'layouts'));
    const version = await browserVersion();
    const { shots, warnings } = await captureSlides(built, { browserPath: BROWSER_PATH!, timeoutMs: scaled(60_000), scale: 0.5, progress: () => undefined });
    // Every character of the layouts fixture is one the deck's own fonts draw.
    expect(warnings).toEqual([]);
    const versionFile = path.join(BASELINES, 'chromium-version.txt');
    if (UPDATE) {
      mkdirSync(BASELINES, { recursive: true });
      shots.forEach((png, i) => writeFileSync(path.join(BASELINES, `slide-${String(i + 1).padStart(3, '0')}.png`), png));
      writeFileSync(versionFile, `${version}\n`);
    }
    expect(existsSync(versionFile), 'no accepted shots: run npm run screenshots:update').toBe(true);
    const accepted = readFileSync(versionFile, 'utf8').trim();
    // Another Chromium draws text a few pixels differently; the comparison means something only against its own version.
    if (accepted.split('.')[0] !== version.split('.')[0]) {
      process.stderr.write(`notice: screenshots were accepted with Chromium ${accepted}, this is ${version}; comparison skipped\n`);
      return;
    }
    const differing: string[] = [];
    shots.forEach((png, i) => {
      const name = `slide-${String(i + 1).padStart(3, '0')}.png`;
      const baseline = path.join(BASELINES, name);
      expect(existsSync(baseline), `${name} has no accepted shot: run npm run screenshots:update`).toBe(true);
      const a = PNG.sync.read(readFileSync(baseline));
      const b = PNG.sync.read(Buffer.from(png));
      expect([b.width, b.height], name).toEqual([a.width, a.height]);
      const changed = pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: 0.15 });
      const share = changed / (a.width * a.height);
      if (share > TOLERANCE) differing.push(`${name} (${built.briefing.slides[i]!.layout}): ${(share * 100).toFixed(2)}% of pixels differ`);
    });
    expect(differing).toEqual([]);
  });
});

/** The system Chromium's version, as `chromium --version` prints it (no second browser is started for it). */
async function browserVersion(): Promise<string> {
  const printed = execFileSync(BROWSER_PATH!, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return /(\d+\.\d+\.\d+\.\d+)/.exec(printed)?.[1] ?? 'unknown';
}
