import { defineConfig } from 'vitest/config';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: '@kitajs/html' },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Test names show which engine ran (pglite / postgres): list them all in CI.
    reporters: process.env.CI ? ['verbose'] : ['default'],
    // A test that waits longer than this is stuck; the heaviest (a crawl of every page, a 10,000-document property
    // test, a cold LibreOffice) take tens of seconds on a 2-core machine that runs two test files at once.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Test files share a worker process and its loaded modules instead of each starting a new one: importing
    // the app (Fastify, PDF and DOCX writers, jsdom) took more time than many files' tests. Measured on the whole
    // suite in one afternoon on this machine: 24 min against 58 min under the same load, every test passing.
    // Each file still builds its own app and databases, and passes alone (`npm run test:each`).
    isolate: false,
    // Two test files at once, even on 2 cores (vitest would run one): a file spends much of its time waiting on
    // PostgreSQL, Chromium, LibreOffice or a server process it started. The whole suite, one run each beside the
    // same other work on this machine: 2,806 s with two workers against 4,300 s with one (0.65×).
    maxWorkers: 2,
    minWorkers: 2,
  },
});
