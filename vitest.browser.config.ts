import { defineConfig } from 'vitest/config';

/** Browser tests: the built app in Debian's Chromium, one file at a time (they share 2 cores). */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    globalSetup: ['test/browser/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    allowOnly: !process.env.CI,
    // Conditions are awaited, not times: on a busy 2-core machine a condition can take seconds to hold.
    expect: { poll: { timeout: 30_000, interval: 50 } },
  },
});
