import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Two projects, both run by `vitest run` (npm run test:unit, CI): `unit` is the quick loop
// (`npx vitest run --project unit`); `corpus` holds the tests over the whole real corpus in ../shared (SHARED_DIR),
// which take most of the suite's time and are skipped, saying so, where ../shared is missing.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    setupFiles: ['test/support/browser-i18n.ts', 'test/support/fast-check-seed.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'] } },
      { extends: true, test: { name: 'corpus', include: ['test/corpus/**/*.test.ts', 'test/corpus/**/*.test.tsx'] } },
    ],
  },
});
