import os from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// A shared machine under load slows every test down; the time limit grows with the load instead of failing tests (same rule as `scaled` in test/helpers.ts).
const load = Math.min(5, Math.max(1, os.loadavg()[0]! / os.cpus().length));

/**
 * The test files that take longest, longest first (seconds on the 2-core machine, from its runs). Two workers
 * finish together only if the long files start first; without a timing cache, as in a fresh clone in CI,
 * vitest would order files by size and could leave the fifteen themes or the export runs for last.
 */
const SLOWEST_FIRST = ['themes.browser', 'export.browser', 'isolation.browser', 'present.browser', 'dialects.browser', 'safety', 'hardening', 'package', 'pptx', 'build', 'check', 'dev', 'dialects', 'xss.browser', 'screenshots.browser'];

/** Runs the files in SLOWEST_FIRST in that order, then the rest in vitest's own order. */
class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const at = SLOWEST_FIRST.findIndex((name) => file.moduleId.endsWith(`/${name}.test.ts`));
      return at < 0 ? SLOWEST_FIRST.length : at;
    };
    // Array sort is stable: files outside the list keep the order vitest gave them.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: Math.round(60_000 * load),
    hookTimeout: Math.round(60_000 * load),
    // Browser tests each launch Chromium; two at once is what this 2-core machine can carry.
    maxWorkers: 2,
    // Worker threads, not processes: cheaper to start and to switch between on two cores.
    pool: 'threads',
    // Test files share each worker's module cache: playwright, esbuild and the pipeline load once per worker, not once per file.
    isolate: false,
    // Concurrent tests within a file share its browser; two at a time keeps a 2-core machine responsive.
    maxConcurrency: 2,
    sequence: { sequencer: SlowestFirst },
  },
});
