import os from 'node:os';
import { defineConfig } from 'vitest/config';

// A shared machine under load slows every test down; the time limit grows with the load instead of failing tests (same rule as `scaled` in test/helpers.ts).
const load = Math.min(5, Math.max(1, os.loadavg()[0]! / os.cpus().length));

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
  },
});
