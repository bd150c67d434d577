import { findBrowser } from '../src/find-browser.js';

/** Announces once whether browser tests will run; under CI a missing browser fails the run. */
export default function setup(): void {
  const found = findBrowser();
  if (found.path !== null) return;
  if (process.env.CI === 'true') {
    throw new Error('CI=true but no Chromium was found (install the Debian package "chromium" or set CHROME_PATH); browser tests cannot be skipped in CI');
  }
  process.stderr.write('notice: no Chromium found (set CHROME_PATH or apt-get install chromium); browser tests are skipped\n');
}
