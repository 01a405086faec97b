/**
 * Reading the content version (schema/content-version.ts): the counter every public-material write
 * bumps at its commit. Readers that must never miss a committed write read it on every request;
 * `freshReader` makes that cheap under load by letting requests that arrive together share a read,
 * but only a read that *started after they arrived*: so a write acknowledged before a request came in
 * is always seen, on every instance.
 */
import { eq } from 'drizzle-orm';
import type { Db } from './client.js';
import { contentVersion } from './schema/index.js';

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
