/**
 * Once per test run: build a migrated PGlite database and dump it, so each test file starts from
 * a copy in ~1 s instead of running initdb (~5 s). Also says which engines will run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDb } from '../../src/platform/db/client.js';
import { runMigrations } from '../../src/platform/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshotPath: string;
  }
}

export default async function setup(project: TestProject) {
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
