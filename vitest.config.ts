import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests need the built app and Chromium: vitest.browser.config.ts runs them.
    exclude: ['test/browser/**', 'node_modules/**'],
    setupFiles: ['test/setup/fast-check.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A committed `.only` would silently skip the rest of the suite in CI.
    allowOnly: !process.env.CI,
    reporters: ['default'],
  },
});
