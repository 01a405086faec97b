/**
 * Reading the content version (schema/content-version.ts): the counter every public-material write
 * bumps at its commit. A reader that must never miss a committed write (the render cache) asks
 * `contentVersionReader(db)` on every request:
 * - on PostgreSQL, other processes write too, so it reads the row, with a read that began after the
 *   request arrived (`freshReader`: requests that arrive together share one), so a write acknowledged
 *   before a request came in is always seen, on every instance;
 * - on the embedded engine this process is the only one (the data-dir lock), and the trigger's
 *   `pg_notify` reaches its listener while the committing query is still being answered, before the
 *   writer's code goes on: the version is known without a query (a PGlite query holds the event loop
 *   for a millisecond or two, which under load would be most of a kept page's cost).
 */
import { PGlite } from '@electric-sql/pglite';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from './client.js';
import { contentVersion } from './schema/index.js';

/** The channel the trigger notifies (migration 0015). */
const CHANNEL = 'puente_content_version';
const READ = 'select version from content_version where id = 1';

export interface ContentVersion {
  version: number;
  changedAt: Date;
}

export async function readContentVersion(db: Db): Promise<ContentVersion> {
  const [row] = await db
    .select({ version: contentVersion.version, changedAt: contentVersion.changedAt })
    .from(contentVersion)
    .where(eq(contentVersion.id, 1));
  // The migration inserts the row; a database restored without it reads as "never changed".
  return row ?? { version: 0, changedAt: new Date(0) };
}

/**
 * `read()` answers from a call to `load` that began after `read()` was called. While one load is in
 * flight, every new caller waits for the next one, which starts as soon as the current one ends: under
 * load, one query serves a whole batch of requests, and none gets an answer older than itself.
 */
export function freshReader<T>(load: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  let queued: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const running = load().finally(() => {
      if (inFlight === running) inFlight = null;
    });
    inFlight = running;
    return running;
  };
  return () => {
    if (!inFlight) return start();
    if (!queued) {
      const current = inFlight;
      queued = current
        .catch(() => undefined)
        .then(() => {
          queued = null;
          return start();
        });
    }
    return queued;
  };
}

/** One reader per database, shared by every caller (the render cache, search's filter choices): one listener on PGlite. */
const readers = new WeakMap<Db, () => Promise<number>>();

/** The current content version, as the render cache needs it on every request (see the top of this file). */
export function contentVersionReader(db: Db): () => Promise<number> {
  let reader = readers.get(db);
  if (!reader) {
    reader = newReader(db);
    readers.set(db, reader);
  }
  return reader;
}

function newReader(db: Db): () => Promise<number> {
  const client = (db as { $client?: unknown }).$client;
  if (client instanceof PGlite) return notifiedVersion(client);
  if (client instanceof pg.Pool) {
    const pool = client;
    return freshReader(async () => Number((await pool.query<{ version: string }>(READ)).rows[0]?.version ?? 0));
  }
  return freshReader(async () => (await readContentVersion(db)).version);
}

function notifiedVersion(client: PGlite): () => Promise<number> {
  let current: number | null = null;
  let starting: Promise<number> | null = null;
  const raise = (version: number) => {
    if (current === null || version > current) current = version;
  };
  const start = async (): Promise<number> => {
    // Listen first, then read: a commit between the two is caught by one or the other.
    await client.listen(CHANNEL, (payload) => raise(Number(payload)));
    raise(Number((await client.query<{ version: string | number }>(READ)).rows[0]?.version ?? 0));
    return current as number;
  };
  return () => {
    if (current !== null) return Promise.resolve(current);
    starting ??= start().catch((error: unknown) => {
      starting = null;
      throw error;
    });
    return starting;
  };
}
