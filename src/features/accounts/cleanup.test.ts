/** Cleanup of ended sessions, used/expired links and old rate-limit counters, on the injected clock. */
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { systemActor } from '../../platform/audit.js';
import * as t from '../../platform/db/schema/index.js';
import { claimScheduledRun } from '../../platform/scheduled-runs.js';
import {
  createSession,
  findSession,
  revokeSession,
  SESSION_IDLE_MS,
  SESSION_MAX_AGE_MS,
} from '../../platform/sessions.js';
import { hitRateLimit, RATE_LIMITS } from '../../platform/web/rate-limit.js';
import { CLEANUP_FIRST_RUN_AFTER_MS, cleanupExpired, scheduleCleanup, type Timers } from './cleanup.js';
import { createUser, issueToken, setPasswordWithToken } from './service.js';

const T = new Date('2026-11-27T12:00:00Z');
const later = (ms: number) => new Date(T.getTime() + ms);
const MINUTE = 60_000;

describeEachEngine('cleanup of expired rows', (ctx) => {
  let userId = 0;
  beforeAll(async () => {
    userId = (await createUser(ctx.db, { email: 'c@example.org', role: 'editor' }, systemActor('test'), T)).id;
  });
  // Cleanup counts every row of these tables: each test starts with none, not with what another left.
  beforeEach(async () => {
    await ctx.db.delete(t.sessions);
    await ctx.db.delete(t.singleUseTokens);
    await ctx.db.delete(t.rateLimitBuckets);
  });

  const sessionIds = async () => (await ctx.db.select({ id: t.sessions.id }).from(t.sessions)).map((r) => r.id);
  const tokenCount = async () => (await ctx.db.select().from(t.singleUseTokens)).length;
  const bucketKeys = async () => (await ctx.db.select().from(t.rateLimitBuckets)).map((r) => r.key).sort();

  it('deletes only what can never be used again, and keeps what still works', async () => {
    // First: setting a password revokes the user's sessions.
    await setPasswordWithToken(ctx.db, await issueToken(ctx.db, userId, 'invitation', T), 'a long enough password', T);
    const alive = await createSession(ctx.db, userId, later(SESSION_IDLE_MS));
    const revoked = await createSession(ctx.db, userId, later(SESSION_IDLE_MS));
    await revokeSession(ctx.db, revoked, later(SESSION_IDLE_MS));
    await createSession(ctx.db, userId, T); // idle for longer than the idle limit at `now`
    await createSession(ctx.db, userId, later(-SESSION_MAX_AGE_MS)); // past its absolute limit
    await issueToken(ctx.db, userId, 'password_reset', later(-2 * 60 * MINUTE)); // expired
    const fresh = await issueToken(ctx.db, userId, 'password_reset', later(SESSION_IDLE_MS));
    await hitRateLimit(ctx.db, 'old', RATE_LIMITS.reset, T);
    await hitRateLimit(ctx.db, 'recent', RATE_LIMITS.reset, later(SESSION_IDLE_MS));

    const now = later(SESSION_IDLE_MS + MINUTE);
    expect(await cleanupExpired(ctx.db, now)).toEqual({ sessions: 3, tokens: 2, rateLimitBuckets: 1 });
    expect(await sessionIds()).toHaveLength(1);
    expect(await findSession(ctx.db, alive, now)).not.toBeNull();
    expect(await tokenCount()).toBe(1);
    const [kept] = await ctx.db.select().from(t.singleUseTokens);
    expect(kept?.usedAt).toBeNull();
    expect(fresh).toBeTruthy();
    expect(await bucketKeys()).toEqual(['recent']);
    // Nothing left to delete: a second run finds nothing.
    expect(await cleanupExpired(ctx.db, now)).toEqual({ sessions: 0, tokens: 0, rateLimitBuckets: 0 });
  });

  it('never touches the audit log or the accounts', async () => {
    const before = (await ctx.db.select().from(t.auditLog)).length;
    await cleanupExpired(ctx.db, later(365 * 24 * 60 * MINUTE));
    expect((await ctx.db.select().from(t.auditLog)).length).toBe(before);
    expect(await ctx.db.select().from(t.users).where(eq(t.users.id, userId))).toHaveLength(1);
  });

  it('runs soon after start and then on an unref-ed interval on the injected clock, and stops when asked', async () => {
    let tick: (() => void) | null = null;
    let first: (() => void) | null = null;
    let unrefed = 0;
    let cleared = 0;
    const unrefable = { unref: () => unrefed++ };
    const timers: Timers = {
      setTimeout: (fn, ms) => {
        expect(ms).toBe(CLEANUP_FIRST_RUN_AFTER_MS);
        first = fn;
        return unrefable;
      },
      setInterval: (fn) => {
        tick = fn;
        return unrefable;
      },
      clearTimeout: () => cleared++,
      clearInterval: () => cleared++,
    };
    let clock = later(400 * 24 * 60 * MINUTE);
    const reports: unknown[] = [];
    let skipped = 0;
    await createSession(ctx.db, userId, clock);
    const scheduled = scheduleCleanup(ctx.db, {
      now: () => clock,
      timers,
      onDone: (r) => reports.push(r),
      onSkipped: () => skipped++,
    });
    expect(unrefed).toBe(2);
    first!();
    tick!(); // while the first run is busy: skipped, not queued
    await vi.waitFor(() => expect(reports).toHaveLength(1));
    expect(reports).toEqual([{ sessions: 0, tokens: 0, rateLimitBuckets: 0 }]);
    // Later in the same hour (a restart, or another instance): this hour's run is done already.
    clock = new Date(clock.getTime() + MINUTE);
    tick!();
    await vi.waitFor(() => expect(skipped).toBe(1));
    // The next hour: runs again, and the session has expired by then.
    clock = new Date(clock.getTime() + SESSION_MAX_AGE_MS + MINUTE);
    tick!();
    await scheduled.stop();
    expect(cleared).toBe(2);
    expect(reports).toEqual([
      { sessions: 0, tokens: 0, rateLimitBuckets: 0 },
      { sessions: 1, tokens: 0, rateLimitBuckets: 0 },
    ]);
    tick!(); // after stop: does nothing
    await scheduled.stop();
    expect(reports).toHaveLength(2);
  });

  it("keeps the scheduled jobs' claims when it deletes old rate-limit counters", async () => {
    expect(await claimScheduledRun(ctx.db, 'test-job', T, 60 * MINUTE)).toBe(true);
    await cleanupExpired(ctx.db, later(365 * 24 * 60 * MINUTE));
    expect(await claimScheduledRun(ctx.db, 'test-job', later(MINUTE), 60 * MINUTE)).toBe(false);
  });
});
