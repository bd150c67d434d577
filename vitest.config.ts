import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Browser tests each launch Chromium; two at once is what this 2-core machine can carry.
    maxWorkers: 2,
    // Test files share each worker's module cache: playwright, esbuild and the pipeline load once per worker, not once per file.
    isolate: false,
    // Concurrent tests within a file share its browser; two at a time keeps a 2-core machine responsive.
    maxConcurrency: 2,
  },
});
