/** Applies the committed SQL migrations in drizzle/ (at start, and with `puente db migrate`). */
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { fromPackageRoot } from '../package-root.js';
import type { DbHandle } from './client.js';

const migrationsFolder = fromPackageRoot('drizzle');

// Any constant works; it only has to be the same in every Puente process.
const MIGRATION_LOCK_KEY = 7_355_608;

export async function runMigrations(handle: DbHandle): Promise<void> {
  const { driver } = handle;
  if (driver.engine === 'pglite') {
    await migratePglite(drizzlePglite(driver.client), { migrationsFolder });
    return;
  }
  // Several app processes may start together on one server: one migrates while the others wait
  // on a session lock held by one dedicated connection.
  const client = await driver.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migratePostgres(drizzlePostgres(client), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
