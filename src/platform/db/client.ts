/**
 * One Db type over two engines: embedded PGlite (default, zero setup) and a PostgreSQL server
 * (DATABASE_URL, for several app processes). Services only ever see `Db`.
 */

import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { StartupError } from '../errors.js';
import { lockDataDir } from './data-dir-lock.js';
import { committedMigrationHashes } from './migration-files.js';
import { DrizzlePGlite } from './pglite-client.js';
import { copyMigratedTemplate, pgliteExtensions, readPgliteTemplate } from './pglite-template.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgres';

/** Rows of a raw query (`db.execute`); both drivers answer `{ rows }` (PGlite's Results, pg's QueryResult). */
export async function queryRows<R>(db: Db, query: SQL): Promise<R[]> {
  return ((await db.execute(query)) as unknown as { rows: R[] }).rows;
}

export interface DbHandle {
  db: Db;
  engine: Engine;
  /** The underlying driver, for the few things Drizzle does not cover (migration locking). */
  driver: { engine: 'pglite'; client: PGlite } | { engine: 'postgres'; pool: pg.Pool };
  /** Where the data lives, safe to log (no password). */
  location: string;
  close(): Promise<void>;
}

export type DbTarget =
  | {
      engine: 'pglite';
      dataDir: string | null;
      command?: string;
      /** Start from a dump made with dumpDataDir (tests start from a migrated copy). */
      snapshot?: Blob;
    }
  | {
      engine: 'postgres';
      url: string;
      maxConnections?: number;
      /** The variable that named it, when not DATABASE_URL (a read replica), for the error message. */
      replicaOf?: string;
    };

/**
 * A database being opened. `db` exists at once, so the app can be built while the engine starts
 * (PGlite compiles its WebAssembly and starts Postgres meanwhile); nothing may query it before
 * `opened` resolves, and if `opened` rejects everything was released already.
 */
export interface OpeningDb {
  db: Db;
  opened: Promise<DbHandle>;
}

export async function openDb(target: DbTarget): Promise<DbHandle> {
  return startOpeningDb(target).opened;
}

/** Throws (a StartupError) at once when the data directory is held by another process. */
export function startOpeningDb(target: DbTarget): OpeningDb {
  return target.engine === 'pglite' ? startOpeningPglite(target) : startOpeningPostgres(target);
}

/**
 * PGlite's Postgres lives in one WebAssembly heap that grows and never shrinks, and it zeroes its
 * shared memory at start. With Postgres's defaults (shared_buffers 128MB) a server was ~310 MB resident
 * before its first page; with 32MB ~205 MB, and with 16MB ~175 MB (measured on the demo's data dir),
 * which keeps a server under 400 MB after the HTTP bench. A coalition's data is tens of MB, its files
 * stay in the operating system's cache, and public pages come from the render cache, so a page read
 * from there instead of from the buffers costs a system call, not a disk read (docs/deployment.md,
 * "Memory"). maintenance_work_mem bounds what an index build in a migration may add to the heap for
 * good. wal_buffers keeps the default's 4MB (it would follow shared_buffers down): loading the demo into
 * a new data dir, one long transaction, wrote its log in small pieces and took ~40% longer.
 */
/**
 * Settings of every connection, on both engines. Synchronized scans off: a sequential scan of a table larger than a
 * quarter of shared_buffers otherwise starts where another scan of it is (or last was), so a query that reads rows in
 * storage order until it has enough (search's common words, word-density.ts) found other rows at each call, and page 2
 * did not follow page 1 (both engines, 250,000 recommendations). It cannot travel inside the search's statement: a
 * scan has started before anything in its filter runs.
 */
const CONNECTION_SETTINGS = ['-c', 'synchronize_seqscans=off'];
const PGLITE_SETTINGS = [
  '-c',
  'shared_buffers=16MB',
  '-c',
  'maintenance_work_mem=16MB',
  '-c',
  'wal_buffers=4MB',
  ...CONNECTION_SETTINGS,
];

/** `dataDir: null` keeps everything in memory (tests). */
function startOpeningPglite(target: Extract<DbTarget, { engine: 'pglite' }>): OpeningDb {
  const { dataDir } = target;
  const lock = dataDir ? lockDataDir(dataDir, target.command ?? 'puente') : null;
  const failed = (error: unknown): never => {
    lock?.release();
    if (error instanceof StartupError) throw error;
    throw new StartupError(
      `The embedded database in ${dataDir ?? 'memory'} could not be opened (${describe(error)}): check the directory, or restore it from a backup.`,
      { cause: error },
    );
  };
  try {
    const clusterDir = dataDir ? join(dataDir, 'pglite') : null;
    // A new data dir starts as a copy of a template (pglite-template.ts): the migrated one when it
    // fits, copied as files; else the bare cluster, loaded by PGlite (~1 s instead of ~6 s of initdb).
    const isNew = clusterDir !== null && !existsSync(clusterDir);
    const copied = isNew && !target.snapshot && copyMigratedTemplate(clusterDir, committedMigrationHashes());
    const startFrom = target.snapshot ?? (isNew && !copied ? readPgliteTemplate() : null);
    // Drizzle's text types read by the client itself, not merged into a copy of its parsers per query (pglite-client.ts).
    const client = new DrizzlePGlite(clusterDir ?? 'memory://', {
      extensions: pgliteExtensions,
      startParams: [...DrizzlePGlite.defaultStartParams, ...PGLITE_SETTINGS],
      ...(startFrom ? { loadDataDir: startFrom } : {}),
    });
    const handle: DbHandle = {
      db: drizzlePglite(client, { schema }) as unknown as Db,
      engine: 'pglite',
      driver: { engine: 'pglite', client },
      location: dataDir ?? 'memory',
      close: async () => {
        try {
          await client.close();
        } finally {
          lock?.release();
        }
      },
    };
    return { db: handle.db, opened: client.waitReady.then(() => handle, failed) };
  } catch (error) {
    return failed(error);
  }
}

function startOpeningPostgres(target: { url: string; maxConnections?: number; replicaOf?: string }): OpeningDb {
  const pool = new pg.Pool({
    connectionString: withDefaultUser(target.url),
    max: target.maxConnections ?? 10,
    options: CONNECTION_SETTINGS.join(' '),
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const location = redactDatabaseUrl(target.url);
  const handle: DbHandle = {
    db: drizzlePostgres(pool, { schema }) as unknown as Db,
    engine: 'postgres',
    driver: { engine: 'postgres', pool },
    location,
    close: () => pool.end(),
  };
  const opened = pool.connect().then(
    (client) => {
      client.release();
      return handle;
    },
    async (error: unknown) => {
      await pool.end().catch(() => {});
      throw new StartupError(
        target.replicaOf
          ? `Cannot connect to the read replica at ${location} (${describe(error)}): check that it is running and ${target.replicaOf} is right, or unset ${target.replicaOf}.`
          : `Cannot connect to PostgreSQL at ${location} (${describe(error)}): check that the server is running and DATABASE_URL is right, or unset DATABASE_URL to use the embedded database.`,
        { cause: error },
      );
    },
  );
  return { db: handle.db, opened };
}

/** Like libpq (psql), a URL without a user name connects as PGUSER or the operating-system user. */
export function withDefaultUser(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (!url.username) url.username = process.env.PGUSER || userInfo().username;
  return url.toString();
}

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (e?.code && e.message) return `${e.code}: ${e.message}`;
  return e?.code ?? e?.message ?? String(error);
}

/** Database URL with the password hidden, for log lines and error messages. */
export function redactDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
