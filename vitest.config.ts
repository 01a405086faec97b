import { defineConfig } from 'vitest/config';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: '@kitajs/html' },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Test names show which engine ran (pglite / postgres): list them all in CI.
    reporters: process.env.CI ? ['verbose'] : ['default'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files share a worker process and its loaded modules instead of each starting a new one: importing
    // the app (Fastify, PDF and DOCX writers, jsdom) took more time than many files' tests. Measured on the whole
    // suite in one afternoon on this machine: 24 min against 58 min under the same load, every test passing.
    // Each file still builds its own app and databases, and passes alone (`npm run test:each`).
    isolate: false,
  },
});
