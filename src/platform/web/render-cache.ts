/**
 * The render cache for public pages and downloads (issue 15): a page the public reads is rendered
 * once per content version and kept, then answered from memory with its ETag, compressed copies and
 * headers — until the next write to public material, or the next instant at which time alone changes
 * what the public sees (an embargo lifting, a new day for "overdue"), whichever comes first.
 *
 * Never stale, by construction:
 * - The key is the address (path and query, which carry the language) and the entry remembers the
 *   content version it was rendered at (`platform/db/content-version.ts`: bumped by a trigger at the
 *   commit of every write to public material, whoever writes). Each request reads the version with a
 *   read that began after the request arrived (shared by the requests of a burst), so a write committed
 *   on any instance is seen by the next request on every instance: no message bus, no TTL to tune.
 * - The version is read before the page is rendered, so a page that already shows a newer write is
 *   at worst kept under an older version, and replaced by the next request.
 * - Each entry expires at the next instant the visibility rule changes its answer by time alone
 *   (`nextVisibilityChange`: an embargo lifting, a scheduled withdrawal) or the next UTC midnight (dates
 *   and overdue commitments are UTC days), so a release appears at its embargo's lift, not a request later.
 * Only what is the same for everyone is kept: GET/HEAD of a public channel (the manifests'
 * `publicChannels`), without a session cookie, answered 200 without a cookie of its own and without a
 * private `Cache-Control`. Signed-in pages are never read from or written to this cache.
 *
 * Downstream caches get `Cache-Control: public, max-age=…, stale-while-revalidate=…` (never reaching
 * past the next public change), a strong ETag with 304 answers, `Last-Modified`, and `Surrogate-Key`
 * / `Cache-Tag: puente-public` for purging by tag (docs/deployment.md); `X-Cache: HIT` or `MISS` says
 * whether this instance answered from memory.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { Db } from '../db/client.js';
import { contentVersionReader } from '../db/content-version.js';
import { nextVisibilityChange } from '../visibility.js';
import type { FastifyTypeBox } from './fastify-typebox.js';

export interface RenderCacheOptions {
  db: Db;
  now: () => Date;
  /** Route patterns (`/en/releases/:slug`, `/files/:sha256`) whose anonymous answers may be kept. */
  publicRoutes: ReadonlySet<string>;
  /** Bytes of pages kept per instance (bodies and their compressed copies). */
  maxBytes?: number;
  /** Longest `max-age` downstream caches may hold a page without asking again. */
  maxAgeSeconds?: number;
  /** How long after that they may still answer with it while they ask. */
  staleWhileRevalidateSeconds?: number;
  /**
   * A read replica (platform/db/read-replica.ts): a page to render is read from it when its content
   * version has caught up with the primary's as read for this request, else from the primary (`db`).
   */
  replica?: { db: Db; onReplica<T>(fn: () => T): T };
}

interface Entry {
  version: number;
  /** Time alone changes the page at this instant (ms since the epoch). */
  expiresAt: number;
  renderedAt: number;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
  etag: string;
}

/** The version a request was answered under: read in onRequest, stored with the page in onSend. */
interface Snapshot {
  key: string;
  version: number;
  expiresAt: number;
  /** True when this answer came from the cache (onSend leaves it alone). */
  served: boolean;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?puente_session=/;
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|atom\+xml|rss\+xml|javascript))/;
/** Headers that belong to one answer, not to the page: never replayed. */
const NOT_REPLAYED = new Set(['content-length', 'set-cookie', 'date', 'connection', 'keep-alive', 'transfer-encoding']);
export const PUBLIC_CACHE_TAG = 'puente-public';

export function registerRenderCache(app: FastifyTypeBox, options: RenderCacheOptions): RenderCache {
  const cache = new RenderCache(options);
  // First hooks of all: a kept page is answered before any other work (helmet's headers are in the entry).
  app.addHook('onRequest', (request, reply, done) => {
    cache.answer(request, reply).then(
      (answer) => {
        if (answer === 'replica') options.replica!.onReplica(() => done());
        else if (answer !== 'answered') done();
      },
      (error: Error) => done(error),
    );
  });
  app.addHook('onSend', async (request, reply, payload) => cache.keep(request, reply, payload));
  return cache;
}

export class RenderCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly snapshots = new WeakMap<FastifyRequest, Snapshot>();
  private readonly readVersion: () => Promise<{ version: number; expiresAt: number }>;
  private readonly readReplicaVersion: (() => Promise<number>) | null;
  private readonly counts = { hits: 0, misses: 0, notModified: 0, kept: 0, fromReplica: 0 };
  /** The next public change as last computed, and for which version and instant. */
  private schedule: { version: number; computedAt: number; expiresAt: number } | null = null;
  private scheduling: { version: number; computedAt: number; promise: Promise<number> } | null = null;

  constructor(private readonly options: RenderCacheOptions) {
    this.entries = new LRUCache<string, Entry>({
      maxSize: options.maxBytes ?? DEFAULT_MAX_BYTES,
      sizeCalculation: (e) => e.body.length + (e.gzip?.length ?? 0) + (e.br?.length ?? 0) + 512,
    });
    const currentVersion = contentVersionReader(options.db);
    this.readReplicaVersion = options.replica ? contentVersionReader(options.replica.db) : null;
    this.readVersion = async () => {
      const version = await currentVersion();
      return { version, expiresAt: await this.nextChange(version) };
    };
  }

  /** Hits, misses and 304s since start (tests and diagnostics). */
  stats(): Readonly<RenderCache['counts']> {
    return { ...this.counts };
  }

  /**
   * Calls `listener` once per change of what the public sees — a committed write (the version moved) or
   * a scheduled change passing (an embargo lifted) — looking every `everyMs`: the purge hook
   * (PUENTE_PURGE_URL) that tells a CDN or reverse proxy to drop its copies at once. Returns the stop.
   */
  watch(listener: (change: { version: number; reason: 'write' | 'schedule' }) => void, everyMs = 2000): () => void {
    let last: { version: number; expiresAt: number } | null = null;
    let busy = false;
    const look = async () => {
      if (busy) return;
      busy = true;
      try {
        const seen = await this.readVersion();
        if (last && seen.version !== last.version) listener({ version: seen.version, reason: 'write' });
        else if (last && seen.expiresAt !== last.expiresAt) listener({ version: seen.version, reason: 'schedule' });
        last = seen;
      } finally {
        busy = false;
      }
    };
    const timer = setInterval(() => void look().catch(() => {}), everyMs);
    timer.unref();
    void look().catch(() => {});
    return () => clearInterval(timer);
  }

  /** Forget every kept page (an operator's purge; never needed for correctness). */
  clear(): void {
    this.entries.clear();
  }

  /**
   * Answers a request from the cache when it can ('answered'); otherwise says where the page is to be
   * read: 'replica' for a public page the replica is up to date for, else 'primary'.
   */
  async answer(request: FastifyRequest, reply: FastifyReply): Promise<'answered' | 'replica' | 'primary'> {
    if (!this.mayKeep(request)) return 'primary';
    const { version, expiresAt } = await this.readVersion();
    const key = request.url;
    const now = this.options.now().getTime();
    const entry = this.entries.get(key);
    const fresh = entry !== undefined && entry.version === version && entry.renderedAt <= now && now < entry.expiresAt;
    this.snapshots.set(request, { key, version, expiresAt, served: fresh });
    if (!fresh) {
      this.counts.misses++;
      return (await this.replicaHasCaughtUp(version)) ? 'replica' : 'primary';
    }
    this.counts.hits++;
    this.send(request, reply, entry, now);
    return 'answered';
  }

  /** Whether the replica holds every public write up to `version` (read after it); a replica that fails to answer has not. */
  private async replicaHasCaughtUp(version: number): Promise<boolean> {
    if (!this.readReplicaVersion) return false;
    const replicaVersion = await this.readReplicaVersion().catch(() => -1);
    if (replicaVersion < version) return false;
    this.counts.fromReplica++;
    return true;
  }

  /** onSend: keeps a public answer rendered on a miss, and gives it the cache headers. */
  keep(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
    const snapshot = this.snapshots.get(request);
    if (!snapshot || snapshot.served) return payload;
    if (reply.statusCode !== 200 || reply.hasHeader('set-cookie')) return payload;
    const control = String(reply.getHeader('cache-control') ?? '');
    if (/private|no-store/.test(control)) return payload;
    if (reply.hasHeader('content-encoding')) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : Buffer.isBuffer(payload) ? payload : null;
    if (!body) return payload;
    const now = this.options.now().getTime();
    const entry = this.entryFor(reply, body, snapshot, now);
    this.entries.set(snapshot.key, entry);
    this.counts.kept++;
    // This answer leaves through the other onSend hooks (compression) with the same headers a hit gets.
    for (const [name, value] of Object.entries(this.answerHeaders(entry, now))) reply.header(name, value);
    reply.header('x-cache', 'MISS');
    return body;
  }

  private mayKeep(request: FastifyRequest): boolean {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const route = request.routeOptions.url;
    if (!route || !this.options.publicRoutes.has(route)) return false;
    const cookie = request.headers.cookie;
    return !(cookie && SESSION_COOKIE.test(cookie));
  }

  private entryFor(reply: FastifyReply, body: Buffer, snapshot: Snapshot, now: number): Entry {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value === undefined || NOT_REPLAYED.has(name)) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    const type = headers['content-type'] ?? '';
    const compress = COMPRESSIBLE.test(type) && body.length >= 1024;
    return {
      version: snapshot.version,
      expiresAt: snapshot.expiresAt,
      renderedAt: now,
      status: reply.statusCode,
      headers,
      body,
      gzip: compress ? gzipSync(body, { level: 6 }) : null,
      br: compress
        ? brotliCompressSync(body, {
            params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
          })
        : null,
      // A route's own validator wins: a download's is a hash of what it shows, the same on every
      // instance (its bytes differ by creation time), so a proxy's revalidation matches anywhere.
      etag: headers.etag ?? `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
    };
  }

  /** The headers every answer of a kept page carries: validators, freshness for downstream caches, tags. */
  private answerHeaders(entry: Entry, now: number): Record<string, string> {
    const untilChange = Math.max(0, Math.floor((entry.expiresAt - now) / 1000));
    const maxAge = Math.min(this.options.maxAgeSeconds ?? 10, untilChange);
    const stale = Math.min(this.options.staleWhileRevalidateSeconds ?? 30, untilChange - maxAge);
    // A route that chose its own public policy keeps it: files say `no-cache`, so a document taken down
    // stops being served by every cache at once (features/files/routes.tsx).
    const own = entry.headers['cache-control'];
    const headers: Record<string, string> = {
      etag: entry.etag,
      'last-modified': new Date(entry.renderedAt).toUTCString(),
      'cache-control': own
        ? own
        : stale > 0
          ? `public, max-age=${maxAge}, stale-while-revalidate=${stale}`
          : `public, max-age=${maxAge}`,
      'surrogate-key': PUBLIC_CACHE_TAG,
      'cache-tag': PUBLIC_CACHE_TAG,
    };
    if (entry.gzip) headers.vary = 'Accept-Encoding';
    return headers;
  }

  private send(request: FastifyRequest, reply: FastifyReply, entry: Entry, now: number): void {
    reply.headers(entry.headers).headers(this.answerHeaders(entry, now)).header('x-cache', 'HIT');
    if (isNotModified(request, entry)) {
      this.counts.notModified++;
      reply.code(304).send();
      return;
    }
    const encoding = entry.gzip ? preferredEncoding(request.headers['accept-encoding']) : null;
    const body = encoding === 'br' ? entry.br : encoding === 'gzip' ? entry.gzip : null;
    if (encoding && body) reply.header('content-encoding', encoding);
    reply.code(entry.status).send(body ?? entry.body);
  }

  /**
   * The earliest instant time alone changes a public page: the next embargo lift or scheduled
   * withdrawal (platform/visibility.ts), or the next UTC midnight. Asked again when the version moves or the instant passes.
   */
  private nextChange(version: number): Promise<number> {
    const now = this.options.now();
    const at = now.getTime();
    const known = this.schedule;
    // Only between when it was computed and when it passes: a clock set back (tests, a stepped system
    // clock) may be before a change that was already past when it was computed.
    if (known && known.version === version && known.computedAt <= at && at < known.expiresAt) {
      return Promise.resolve(known.expiresAt);
    }
    // Requests that find it outdated together share one computation.
    const pending = this.scheduling;
    if (pending && pending.version === version && pending.computedAt <= at) return pending.promise;
    const promise = this.computeNextChange(version, now).finally(() => {
      if (this.scheduling?.promise === promise) this.scheduling = null;
    });
    this.scheduling = { version, computedAt: at, promise };
    return promise;
  }

  private async computeNextChange(version: number, now: Date): Promise<number> {
    const at = now.getTime();
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    const scheduled = await nextVisibilityChange(this.options.db, now);
    const expiresAt = Math.min(midnight, scheduled?.getTime() ?? midnight);
    this.schedule = { version, computedAt: at, expiresAt };
    return expiresAt;
  }
}

function isNotModified(request: FastifyRequest, entry: Entry): boolean {
  const tags = request.headers['if-none-match'];
  // Weak comparison (RFC 9110 §13.1.2), as a GET may use: W/ on either side is ignored.
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  if (tags !== undefined) return tags.split(',').some((tag) => opaque(tag) === opaque(entry.etag));
  const since = Date.parse(String(request.headers['if-modified-since'] ?? ''));
  // Whole seconds in the header: only a date past the render's own second proves the copy is as new.
  return Number.isFinite(since) && since >= Math.floor(entry.renderedAt / 1000) * 1000 + 1000;
}

/** br when the client takes it, else gzip, else none (a `q=0` refuses a coding). */
function preferredEncoding(header: string | undefined): 'br' | 'gzip' | null {
  if (!header) return null;
  const accepted = new Set<string>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) continue;
    accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return null;
}
