import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findBrowser } from '../src/find-browser.js';

/**
 * Announces once whether browser tests will run (under CI a missing browser fails the run), and makes the one
 * folder every test's temp folders go in. Vitest ends its worker threads without their 'exit' event, so a
 * per-folder exit hook in a worker never ran; the folder is removed here, when the whole run ends, with the
 * browser profiles in it.
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
  // Playwright makes each browser's profile in the temp folder and removes it only when the browser is closed; a
  // worker's shared browsers end with the worker instead, which left four profiles (5 MB each) in /tmp per run.
  // As the temp folder of the workers and of every command they run, this folder takes them with it.
  process.env.TMPDIR = root;
  return () => {
    stopBrowsersUsing(root);
    // A stopped browser may still be writing its profile for a moment: retried, not failed.
    rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  };
}

/**
 * Stops the browsers whose profile is in `root`. A worker's shared browsers are children of this process, not of the
 * worker, so they outlive the workers and would write into their profiles while the folder is being removed.
 * Linux only (it reads /proc), as is the race; elsewhere they exit with this process, as before.
 */
function stopBrowsersUsing(root: string): void {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return;
  }
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--user-data-dir=${root}`)) process.kill(Number(pid), 'SIGKILL');
    } catch {
      // The process ended meanwhile, or is not ours to read.
    }
  }
}
