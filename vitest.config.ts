import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    coverage: {
      // On in CI (CI=true): `npm test` there also fails under the thresholds below.
      enabled: process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false',
      provider: 'v8',
      include: ['storage/**/*.ts', 'render/**/*.ts', 'src/**/*.ts'],
      thresholds: { lines: 85, functions: 85, branches: 80, statements: 85 },
    },
  },
});
