import { defineConfig } from 'vitest/config';

// Real Chromium with the built extension (.output/chrome-mv3), driven by playwright-core.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
