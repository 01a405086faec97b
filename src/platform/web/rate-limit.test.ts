import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedPostgresDatabase, describeEachEngine } from '../../../test/support/db.js';
import { type DbHandle, openDb } from '../db/client.js';
import { hitRateLimit, hitRateLimits } from './rate-limit.js';

const limit = { limit: 3, windowMs: 60_000 };
const t0 = new Date('2026-11-27T12:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describeEachEngine('rate limits stored in the database', (ctx) => {
  it('allows the limit, refuses the next with the time left, and starts over in the next window', async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit(ctx.db, 'k1', limit, at(i * 1000)));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfterSeconds).toBe(57);
    expect((await hitRateLimit(ctx.db, 'k1', limit, at(60_000))).allowed).toBe(true);
  });

  it('counts each key apart', async () => {
    for (let i = 0; i < 3; i++) await hitRateLimit(ctx.db, 'k2', limit, t0);
    expect((await hitRateLimit(ctx.db, 'k2', limit, t0)).allowed).toBe(false);
    expect((await hitRateLimit(ctx.db, 'k3', limit, t0)).allowed).toBe(true);
  });

  it('counts several buckets with their own limits and windows in one statement', async () => {
    const short = { limit: 2, windowMs: 10_000 };
    const both = (ms: number) =>
      hitRateLimits(
        ctx.db,
        [
          { key: 'm-address', limit },
          { key: 'm-email', limit: short },
        ],
        at(ms),
      );
    const results = [await both(0), await both(1000), await both(2000)];
    expect(results.map((r) => r.map((h) => h.allowed))).toEqual([
      [true, true],
      [true, true],
      [true, false],
    ]);
    expect(results[2]!.map((h) => h.retryAfterSeconds)).toEqual([58, 8]);
    // The short window is over, the long one is not: each bucket starts over on its own.
    expect((await both(10_000)).map((h) => h.allowed)).toEqual([false, true]);
    // The same buckets as hitRateLimit counts them.
    expect((await hitRateLimit(ctx.db, 'm-email', short, at(10_000))).allowed).toBe(true);
    await expect(
      hitRateLimits(
        ctx.db,
        [
          { key: 'm', limit },
          { key: 'm', limit },
        ],
        t0,
      ),
    ).rejects.toThrow(/twice/);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('[postgres] rate limits across app processes', () => {
  let handles: DbHandle[] = [];
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await createMigratedPostgresDatabase();
    drop = database.drop;
    // Two pools on one database stand for two app processes: they share nothing but the server.
    handles = [
      await openDb({ engine: 'postgres', url: database.url, maxConnections: 4 }),
      await openDb({ engine: 'postgres', url: database.url, maxConnections: 4 }),
    ];
  });
  afterAll(async () => {
    for (const h of handles) await h.close();
    await drop();
  });

  it('hits from two processes, even at the same moment, count against one bucket', async () => {
    const hits = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        hitRateLimit(handles[i % 2]!.db, 'shared', { limit: 6, windowMs: 60_000 }, t0),
      ),
    );
    expect(hits.filter((h) => h.allowed)).toHaveLength(6);
  });
});
