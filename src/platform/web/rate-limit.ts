/**
 * Fixed-window rate limits stored in the database (one upsert per hit), so every app process on
 * one PostgreSQL counts against the same bucket. The window and the clock are the caller's.
 */
import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.js';
import { rateLimitBuckets } from '../db/schema/index.js';
import { messages } from '../i18n/format.js';
import { requestLocale } from '../i18n/negotiate-locale.js';

export interface RateLimit {
  limit: number;
  windowMs: number;
}

export const RATE_LIMITS = {
  /** Any POST from one address, before sign-in. */
  post: { limit: 60, windowMs: 60_000 },
  /**
   * Any POST by one signed-in person, counted per account rather than per address: a coalition office
   * behind one shared address must not throttle its whole staff (live previews post as people type).
   */
  signedInPost: { limit: 120, windowMs: 60_000 },
  /** Sign-in attempts from one address (the per-account back-off is separate). */
  signIn: { limit: 20, windowMs: 15 * 60_000 },
  /** Password-reset requests from one address. */
  reset: { limit: 5, windowMs: 60 * 60_000 },
  /** Public searches from one address (a page the render cache keeps is not counted). */
  search: { limit: 30, windowMs: 60_000 },
  /**
   * Public API requests from one address that reach the database (answers kept by the render cache are
   * not counted): enough for a script walking every list, not for hammering one.
   */
  api: { limit: 300, windowMs: 60_000 },
  /** Unsubscribe pages from one address (each checks a signed token). */
  unsubscribe: { limit: 30, windowMs: 60_000 },
  /** Public sign-on forms sent from one address: a coalition office signs a few, a script many. */
  openSignOn: { limit: 10, windowMs: 10 * 60_000 },
  /** Public sign-on forms naming one email: each queues a verification mail to that address. */
  openSignOnEmail: { limit: 5, windowMs: 60 * 60_000 },
  /** Spreadsheet exports from one address: each reads every recommendation it covers. */
  export: { limit: 30, windowMs: 60_000 },
} satisfies Record<string, RateLimit>;

export interface RateLimitHit {
  allowed: boolean;
  retryAfterSeconds: number;
}

export async function hitRateLimit(db: Db, key: string, limit: RateLimit, now: Date): Promise<RateLimitHit> {
  const [row] = await bucketUpsert(db, key, limit, now);
  if (!row) throw new Error('rate limit upsert returned nothing');
  return hitOf(row, limit, now);
}

/**
 * Several buckets counted in one statement (one upsert each, as data-modifying CTEs), so a form checked
 * against limits per address and per email costs one round trip. Each bucket is counted, allowed or not.
 */
export async function hitRateLimits(
  db: Db,
  hits: { key: string; limit: RateLimit }[],
  now: Date,
): Promise<RateLimitHit[]> {
  // One statement may not write a row twice: two hits on one key are one hit.
  if (new Set(hits.map((h) => h.key)).size !== hits.length) throw new Error('hitRateLimits: a key named twice');
  const buckets = hits.map(({ key, limit }, i) => db.$with(`bucket${i}`).as(bucketUpsert(db, key, limit, now)));
  const [first, ...others] = buckets;
  if (!first) return [];
  const selection = Object.fromEntries(
    buckets.map((b, i) => [`b${i}`, { windowStart: b.windowStart, count: b.count }]),
  ) as Record<string, { windowStart: typeof first.windowStart; count: typeof first.count }>;
  // Each upsert answers exactly one row: their cross product is one row holding every bucket.
  let query = db
    .with(...buckets)
    .select(selection)
    .from(first)
    .$dynamic();
  for (const other of others) query = query.crossJoin(other);
  const [row] = await query;
  if (!row) throw new Error('rate limit upsert returned nothing');
  return hits.map(({ limit }, i) => {
    const bucket = row[`b${i}`];
    if (!bucket) throw new Error('rate limit upsert returned nothing');
    return hitOf(bucket, limit, now);
  });
}

function hitOf(bucket: { windowStart: Date; count: number }, limit: RateLimit, now: Date): RateLimitHit {
  const resetAt = new Date(bucket.windowStart).getTime() + limit.windowMs;
  return {
    allowed: bucket.count <= limit.limit,
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now.getTime()) / 1000)),
  };
}

function bucketUpsert(db: Db, key: string, { windowMs }: RateLimit, now: Date) {
  const cutoff = new Date(now.getTime() - windowMs).toISOString();
  const expired = sql`${rateLimitBuckets.windowStart} <= ${cutoff}::timestamptz`;
  return db
    .insert(rateLimitBuckets)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        windowStart: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${rateLimitBuckets.windowStart} end`,
        count: sql`case when ${expired} then 1 else ${rateLimitBuckets.count} + 1 end`,
      },
    })
    .returning({ windowStart: rateLimitBuckets.windowStart, count: rateLimitBuckets.count });
}

/** The one answer to a visitor over a limit: 429, when to retry, and why in their language. */
export function sendTooManyRequests(request: FastifyRequest, reply: FastifyReply, retryAfterSeconds: number) {
  return reply
    .code(429)
    .header('retry-after', String(retryAfterSeconds))
    .type('text/plain; charset=utf-8')
    .send(messages(requestLocale(request)).tooManyRequests);
}
