/**
 * Housekeeping: rows that can never be used again are deleted, so tables of credentials stay
 * small and a leaked backup holds as little as possible. Nothing here is evidence: the audit log
 * keeps who signed in, reset or changed what; these rows only ever answered "is this still valid?".
 *
 * - sessions: expired, revoked, or idle past the idle limit (findSession refuses them already);
 * - single-use tokens (reset, invitation): used or expired;
 * - rate-limit buckets: their window (the longest of RATE_LIMITS) has passed.
 *
 * Run by `puente maintenance cleanup` and hourly inside `puente serve`.
 */
import { isNotNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { rateLimitBuckets, sessions, singleUseTokens } from '../../platform/db/schema/index.js';
import { SESSION_IDLE_MS } from '../../platform/sessions.js';
import { RATE_LIMITS } from '../../platform/web/rate-limit.js';

export const CLEANUP_EVERY_MS = 60 * 60_000;
const LONGEST_WINDOW_MS = Math.max(...Object.values(RATE_LIMITS).map((l) => l.windowMs));

export interface CleanupReport {
  sessions: number;
  tokens: number;
  rateLimitBuckets: number;
}

export async function cleanupExpired(db: Db, now: Date): Promise<CleanupReport> {
  const idleSince = new Date(now.getTime() - SESSION_IDLE_MS);
  const windowsBefore = new Date(now.getTime() - LONGEST_WINDOW_MS);
  return db.transaction(async (tx) => {
    const deadSessions = await tx
      .delete(sessions)
      .where(or(lte(sessions.expiresAt, now), isNotNull(sessions.revokedAt), lte(sessions.lastSeenAt, idleSince)))
      .returning({ id: sessions.id });
    const deadTokens = await tx
      .delete(singleUseTokens)
      .where(or(isNotNull(singleUseTokens.usedAt), lte(singleUseTokens.expiresAt, now)))
      .returning({ id: singleUseTokens.id });
    const oldBuckets = await tx
      .delete(rateLimitBuckets)
      .where(lte(rateLimitBuckets.windowStart, windowsBefore))
      .returning({ key: rateLimitBuckets.key });
    return { sessions: deadSessions.length, tokens: deadTokens.length, rateLimitBuckets: oldBuckets.length };
  });
}

export function describeCleanup(report: CleanupReport): string {
  return `Deleted ${report.sessions} ended sessions, ${report.tokens} used or expired links, ${report.rateLimitBuckets} old rate-limit counters.`;
}

/** The timer functions, injectable so a test can fire the interval itself instead of waiting. */
export interface Timers {
  setInterval(fn: () => void, ms: number): { unref(): unknown };
  clearInterval(handle: unknown): void;
}

/**
 * Runs `cleanupExpired` every `everyMs` on the app's clock; returns the function that stops it.
 * The timer is unref'd: it never keeps a process alive that has nothing else to do.
 */
export function scheduleCleanup(
  db: Db,
  options: {
    now: () => Date;
    everyMs?: number;
    onDone?: (report: CleanupReport) => void;
    onError?: (error: unknown) => void;
    timers?: Timers;
  },
): { stop(): Promise<void> } {
  const timers: Timers = options.timers ?? { setInterval, clearInterval };
  let running: Promise<void> | null = null;
  let stopped = false;
  const handle = timers.setInterval(() => {
    // One run at a time: a slow database skips a beat rather than piling up overlapping deletes.
    if (stopped || running) return;
    running = cleanupExpired(db, options.now())
      .then(
        (report) => options.onDone?.(report),
        (error) => options.onError?.(error),
      )
      .finally(() => {
        running = null;
      });
  }, options.everyMs ?? CLEANUP_EVERY_MS);
  handle.unref();
  return {
    async stop() {
      stopped = true;
      timers.clearInterval(handle);
      // The database closes after this: let a run in progress finish first.
      await running;
    },
  };
}
