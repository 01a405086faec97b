/** Applies the committed SQL migrations in drizzle/ (at start, and with `puente db migrate`). */
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { type DbHandle, queryRows } from './client.js';
import { committedMigrationHashes, migrationsFolder } from './migration-files.js';

// Any constant works; it only has to be the same in every Puente process.
const MIGRATION_LOCK_KEY = 7_355_608;

export async function runMigrations(handle: DbHandle): Promise<void> {
  // Almost every start finds nothing to do: one query says so, without drizzle's schema and table
  // creation, its transaction, or (on PostgreSQL) waiting for the migration lock.
  if (await isUpToDate(handle)) return;
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

/**
 * Whether the newest committed migration is the newest applied one, in one query. Drizzle applies
 * migrations in order and records each one's hash (sha256 of its file) in the same transaction, so
 * this hash on top means every migration is there. No table yet (a new database) reads as "not up to date".
 */
async function isUpToDate(handle: DbHandle): Promise<boolean> {
  const newest = committedMigrationHashes().at(-1);
  try {
    const [applied] = await queryRows<{ hash: string }>(
      handle.db,
      sql`select hash from drizzle.__drizzle_migrations order by created_at desc limit 1`,
    );
    return applied !== undefined && applied.hash === newest;
  } catch {
    return false;
  }
}
