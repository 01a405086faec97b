/**
 * Once per test run: build a migrated PGlite database and dump it, so each test file starts from
 * a copy in ~1 s instead of running initdb (~5 s); bring dist/ up to date for the tests that start Puente
 * as a process. Also says which engines will run.
 *
 * First of all, the Debian packages the tests run (Chromium, poppler, LibreOffice; see system-tools.ts):
 * missing ones are installed when this process may (root, apt-get), or the run stops at once with one line
 * naming them, rather than failing deep inside a test.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
// @ts-expect-error: the build script is plain JavaScript without type declarations
import { ensureBuilt } from '../../scripts/build.js';
import { openDb } from '../../src/platform/db/client.js';
import { runMigrations } from '../../src/platform/db/migrate.js';
import { ensureSystemTools, MissingSystemTools } from './system-tools.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshotPath: string;
  }
}

export default async function setup(project: TestProject) {
  try {
    ensureSystemTools();
  } catch (error) {
    if (!(error instanceof MissingSystemTools)) throw error;
    // One line and out: a thrown error would be reported with vitest's stack trace around it.
    console.error(error.message);
    process.exit(1);
  }
  // The CLI and server processes the tests start run the compiled dist/ (test/support/processes.ts): built
  // here once, so that test files starting them in parallel never build it at the same time.
  await ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'puente-test-'));
  const handle = await openDb({ engine: 'pglite', dataDir: null });
  await runMigrations(handle);
  if (handle.driver.engine !== 'pglite') throw new Error('expected PGlite');
  const dump = await handle.driver.client.dumpDataDir('none');
  await handle.close();
  const path = join(dir, 'migrated.tar');
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteSnapshotPath', path);

  const engines = process.env.TEST_DATABASE_URL
    ? 'pglite (in memory) and postgres (TEST_DATABASE_URL, one database per describe block)'
    : 'pglite only; set TEST_DATABASE_URL=postgres://… to run every database test on PostgreSQL too';
  console.log(`Database engines under test: ${engines}`);

  return () => rmSync(dir, { recursive: true, force: true });
}
