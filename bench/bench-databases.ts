/**
 * Databases for the benches that run the app at the demo size or at the large coalition
 * (bench/large-coalition.ts), on PGlite (a data directory) or PostgreSQL (a throw-away database).
 *
 * Building the large coalition takes one to three minutes (most of it the follow-up rollup's rebuild),
 * so it is built once and kept, keyed by a hash of everything that shapes it (migrations, demo, the
 * generator): a PGlite data directory under the system's temporary directory, copied for each run,
 * and a template database on the PostgreSQL server (`puente_bench_large_<key>`), cloned for each run.
 * A change to any of those files makes a new key, so a kept copy is never stale. BENCH_FRESH=1 builds
 * anew (and replaces the kept copy).
 */
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadDemo } from '../src/features/demo/index.js';
import { type DbTarget, openDb, withDefaultUser } from '../src/platform/db/client.js';
import { runMigrations } from '../src/platform/db/migrate.js';
import { packageRoot } from '../src/platform/package-root.js';
import { makeLargeCoalition } from './make-large-coalition.js';

export type Size = 'demo' | 'large';

export interface BenchDatabase {
  /** What the app's environment needs: PUENTE_DATA_DIR or DATABASE_URL. */
  env: Record<string, string>;
  target: DbTarget;
  drop(): Promise<void>;
}

/** The PostgreSQL server the benches may use, or null (PGlite only). */
export function postgresServerUrl(): string | null {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? null;
}

function cacheKey(): string {
  const hash = createHash('sha256');
  const files = (dir: string) =>
    readdirSync(join(packageRoot, dir))
      .filter((name) => /\.(sql|ts)$/.test(name))
      .sort()
      .map((name) => join(dir, name));
  for (const file of [
    ...files('drizzle'),
    ...files('demo'),
    ...files('src/features/demo'),
    'bench/large-coalition.ts',
    'bench/make-large-coalition.ts',
  ]) {
    hash.update(file).update(readFileSync(join(packageRoot, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

const fresh = () => process.env.BENCH_FRESH === '1';
const log = (line: string) => console.log(line);

/** A PGlite data directory at that size, the caller's to use and then drop. */
export async function pgliteDatabase(size: Size): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'puente-bench-'));
  const dataDir = join(dir, 'data');
  const drop = async () => rmSync(dir, { recursive: true, force: true });
  if (size === 'demo') {
    const handle = await openDb({ engine: 'pglite', dataDir, command: 'bench' });
    try {
      await runMigrations(handle);
      await loadDemo(handle.db);
    } finally {
      await handle.close();
    }
  } else {
    const kept = join(tmpdir(), `puente-bench-large-${cacheKey()}`);
    if (fresh() || !existsSync(kept)) {
      console.log(`building the large coalition on PGlite (kept in ${kept} for the next runs)…`);
      const building = `${kept}.building-${process.pid}`;
      await makeLargeCoalition({ engine: 'pglite', dataDir: building, command: 'bench' }, log);
      rmSync(kept, { recursive: true, force: true });
      renameSync(building, kept);
    }
    cpSync(kept, dataDir, { recursive: true });
  }
  return { env: { PUENTE_DATA_DIR: dataDir }, target: { engine: 'pglite', dataDir, command: 'bench' }, drop };
}

/** One statement on the server's default database, in a connection of its own; how many rows it returned or touched. */
export async function admin(serverUrl: string, statement: string): Promise<number> {
  const client = new pg.Client({ connectionString: withDefaultUser(serverUrl) });
  await client.connect();
  try {
    return (await client.query(statement)).rowCount ?? 0;
  } finally {
    await client.end();
  }
}

/** The URL of another database on the same server. */
export function urlOf(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A throw-away PostgreSQL database at that size on `serverUrl`, dropped by `drop()`. */
export async function postgresDatabase(serverUrl: string, size: Size): Promise<BenchDatabase> {
  const name = `puente_bench_${randomBytes(4).toString('hex')}`;
  if (size === 'demo') {
    await admin(serverUrl, `create database ${name}`);
    const handle = await openDb({ engine: 'postgres', url: urlOf(serverUrl, name) });
    try {
      await runMigrations(handle);
      await loadDemo(handle.db);
    } finally {
      await handle.close();
    }
  } else {
    const template = `puente_bench_large_${cacheKey()}`;
    const exists = await admin(serverUrl, `select 1 from pg_database where datname = '${template}'`);
    if (fresh() || exists === 0) {
      console.log(`building the large coalition on PostgreSQL (kept as database ${template} for the next runs)…`);
      const building = `${template}_building`;
      await admin(serverUrl, `drop database if exists ${building} with (force)`);
      await admin(serverUrl, `create database ${building}`);
      await makeLargeCoalition({ engine: 'postgres', url: urlOf(serverUrl, building) }, log);
      await admin(serverUrl, `drop database if exists ${template} with (force)`);
      await admin(serverUrl, `alter database ${building} rename to ${template}`);
    }
    await admin(serverUrl, `create database ${name} template ${template}`);
  }
  const url = urlOf(serverUrl, name);
  return {
    env: { DATABASE_URL: url },
    target: { engine: 'postgres', url },
    drop: async () => {
      await admin(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
