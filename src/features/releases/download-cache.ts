/**
 * Public downloads (PDF, DOCX, …) kept by what they show, so a release is written once per content
 * rather than once per download: a PDF costs ~200 ms of CPU, and on press day fifty journalists open it
 * at once (issue 15). Kept in memory (per instance) and in the database (`release_downloads`: shared by
 * every instance and kept across restarts). In front of this, the render cache (platform/web/
 * render-cache.ts) answers repeated downloads of an unchanged site without reaching the route at all;
 * this layer spares the writing when the site changed but the file did not.
 *
 * Never stale by construction: the key is a hash of the render model (every text the file prints, read
 * from the database on this request under the public visibility rule), the format and the page size. A
 * change to anything the file shows — the release, its statement, an organization's "About" — makes a
 * new key; an embargoed or withdrawn release never reaches this (the route refuses it first). Concurrent
 * requests for the same key share one write. Bounded by bytes; the least recently used go first.
 */
import { createHash } from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Db } from '../../platform/db/client.js';
import { releaseDownloads } from '../../platform/db/schema/index.js';
import type { RenderModel } from './render-model.js';

type Body = string | Buffer;

const MAX_BYTES = 64 * 1024 * 1024;
/** A kept file not written again for this long is deleted: its release changed, or nobody asks any more. */
const KEPT_DAYS = 30;

const written = new LRUCache<string, Body>({
  maxSize: MAX_BYTES,
  sizeCalculation: (body) => Math.max(1, Buffer.byteLength(body)),
});
const writing = new Map<string, Promise<Body>>();
const counts = { hits: 0, stored: 0, writes: 0 };

/** The cache key, also the download's (weak) ETag: the same for the same content on every instance. */
export function downloadKey(model: RenderModel, format: string, pageSize?: string): string {
  return createHash('sha256')
    .update(JSON.stringify([format, pageSize ?? null, model]))
    .digest('base64url');
}

/** The body for `key`, written by `write` only when no copy is kept (here or in the database) or being written. */
export async function cachedDownload(db: Db, key: string, write: () => Promise<Body>): Promise<Body> {
  const kept = written.get(key);
  if (kept !== undefined) {
    counts.hits++;
    return kept;
  }
  const pending = writing.get(key);
  if (pending) {
    counts.hits++;
    return pending;
  }
  const promise = storedOrWritten(db, key, write);
  writing.set(key, promise);
  try {
    const body = await promise;
    written.set(key, body);
    return body;
  } finally {
    writing.delete(key);
  }
}

async function storedOrWritten(db: Db, key: string, write: () => Promise<Body>): Promise<Body> {
  const [stored] = await db
    .select({ body: releaseDownloads.body })
    .from(releaseDownloads)
    .where(eq(releaseDownloads.key, key));
  if (stored) {
    counts.stored++;
    return stored.body;
  }
  counts.writes++;
  const body = await write();
  // Two instances may write the same file at once: the first kept wins, both answers are the same file.
  await db
    .insert(releaseDownloads)
    .values({ key, body: Buffer.isBuffer(body) ? body : Buffer.from(body) })
    .onConflictDoNothing();
  await db
    .delete(releaseDownloads)
    .where(lt(releaseDownloads.createdAt, sql`now() - make_interval(days => ${KEPT_DAYS})`));
  return body;
}

/** How often a download came from memory (hits), from the database (stored), or was written (tests, diagnostics). */
export function downloadCacheCounts(): Readonly<typeof counts> {
  return { ...counts };
}

/** Forgets the copies kept in this process's memory, as a new instance starts (tests). */
export function forgetDownloadsInMemory(): void {
  written.clear();
}
