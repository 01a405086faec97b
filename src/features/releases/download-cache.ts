/**
 * Public downloads (PDF, DOCX, …) kept by what they show, so a release is written once per instance and
 * content rather than once per download: a PDF costs ~200 ms of CPU, and on press day fifty journalists
 * open it at once (issue 15).
 *
 * Never stale by construction: the key is a hash of the render model (every text the file prints, read
 * from the database on this request under the public visibility rule), the format and the page size. A
 * change to anything the file shows — the release, its statement, an organization's "About" — makes a
 * new key; an embargoed or withdrawn release never reaches this (the route refuses it first). Concurrent
 * requests for the same key share one write. Bounded by bytes; the least recently used go first.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { RenderModel } from './render-model.js';

type Body = string | Buffer;

const MAX_BYTES = 64 * 1024 * 1024;

const written = new LRUCache<string, Body>({
  maxSize: MAX_BYTES,
  sizeCalculation: (body) => Math.max(1, Buffer.byteLength(body)),
});
const writing = new Map<string, Promise<Body>>();
const counts = { hits: 0, writes: 0 };

/** The cache key, also the download's (weak) ETag: the same for the same content on every instance. */
export function downloadKey(model: RenderModel, format: string, pageSize?: string): string {
  return createHash('sha256')
    .update(JSON.stringify([format, pageSize ?? null, model]))
    .digest('base64url');
}

/** The body for `key`, written by `write` only when no copy is kept or being written. */
export async function cachedDownload(key: string, write: () => Promise<Body>): Promise<Body> {
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
  counts.writes++;
  const promise = write();
  writing.set(key, promise);
  try {
    const body = await promise;
    written.set(key, body);
    return body;
  } finally {
    writing.delete(key);
  }
}

/** How often a download was served from a kept copy, and how often written (tests, diagnostics). */
export function downloadCacheCounts(): Readonly<typeof counts> {
  return { ...counts };
}
