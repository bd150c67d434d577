import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findBrowser } from '../src/find-browser.js';

/**
 * Announces once whether browser tests will run (under CI a missing browser fails the run), and makes the one
 * folder every test's temp folders go in. Vitest ends its worker threads without their 'exit' event, so a
 * per-folder exit hook in a worker never ran; the folder is removed here, when the whole run ends.
 */
export default function setup(): () => void {
  const found = findBrowser();
  if (found.path === null) {
    if (process.env.CI === 'true') {
      throw new Error('CI=true but no Chromium was found (install the Debian package "chromium" or set CHROME_PATH); browser tests cannot be skipped in CI');
    }
    process.stderr.write('notice: no Chromium found (set CHROME_PATH or apt-get install chromium); browser tests are skipped\n');
  }
  const root = mkdtempSync(path.join(tmpdir(), 'briefdeck-tests-'));
  // Worker threads start with a copy of this environment, so tests find the folder through it.
  process.env.BRIEFDECK_TEST_TMP = root;
  return () => rmSync(root, { recursive: true, force: true });
}
