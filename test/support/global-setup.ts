/**
 * Once per test run: build a migrated PGlite database and dump it, so each test file starts from
 * a copy in ~1 s instead of running initdb (~5 s); bring dist/ up to date for the tests that start Puente
 * as a process. Also says which engines will run.
 *
 * First of all, the Debian packages the tests run (Chromium, poppler, LibreOffice; see system-tools.ts):
 * missing ones are installed when this process may (root, apt-get), or the run stops at once with one line
 * naming them, rather than failing deep inside a test.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
// @ts-expect-error: the build script is plain JavaScript without type declarations
import { ensureBuilt } from '../../scripts/build.js';
import { openDb } from '../../src/platform/db/client.js';
import { runMigrations } from '../../src/platform/db/migrate.js';
import { adminQuery } from './postgres-admin.js';
import { ensureSystemTools, MissingSystemTools } from './system-tools.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshotPath: string;
    /** A migrated PostgreSQL database that createTestDb copies ('' without TEST_DATABASE_URL). */
    postgresTemplate: string;
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
  const template = await migratedPostgresTemplate();
  project.provide('postgresTemplate', template?.name ?? '');

  const engines = process.env.TEST_DATABASE_URL
    ? 'pglite (in memory) and postgres (TEST_DATABASE_URL, one database per describe block)'
    : 'pglite only; set TEST_DATABASE_URL=postgres://… to run every database test on PostgreSQL too';
  console.log(`Database engines under test: ${engines}`);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    await template?.drop();
  };
}

/** Migrated once here; a template database must have no open connection while it is copied. */
async function migratedPostgresTemplate() {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return undefined;
  const name = `puente_test_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDb({ engine: 'postgres', url: url.toString(), maxConnections: 1 });
  await runMigrations(handle);
  await handle.close();
  return { name, drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`) };
}
