/**
 * Housekeeping: rows that can never be used again are deleted, so tables of credentials stay
 * small and a leaked backup holds as little as possible. Nothing here is evidence: the audit log
 * keeps who signed in, reset or changed what; these rows only ever answered "is this still valid?".
 *
 * - sessions: expired, revoked, or idle past the idle limit (findSession refuses them already);
 * - single-use tokens (reset, invitation): used or expired;
 * - rate-limit buckets: their window (the longest of RATE_LIMITS) has passed.
 *
 * Run by `puente maintenance cleanup`, and inside `puente serve` at start and then hourly, once per clock
 * hour however many instances serve the site (scheduleCleanup below).
 */
import { and, isNotNull, lte, notLike, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { rateLimitBuckets, sessions, singleUseTokens } from '../../platform/db/schema/index.js';
import { claimScheduledRun, JOB_KEY_PREFIX } from '../../platform/scheduled-runs.js';
import { SESSION_IDLE_MS } from '../../platform/sessions.js';
import { RATE_LIMITS } from '../../platform/web/rate-limit.js';

export const CLEANUP_EVERY_MS = 60 * 60_000;
/**
 * The first run waits this long after the server listens: on PGlite its queries (on tables no page has
 * read yet, so with cold caches) would otherwise share the one database thread with the first page.
 */
export const CLEANUP_FIRST_RUN_AFTER_MS = 1_000;
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
      // Scheduled jobs' claims live there too (platform/scheduled-runs.ts): kept, or a job could run twice in its period.
      .where(and(lte(rateLimitBuckets.windowStart, windowsBefore), notLike(rateLimitBuckets.key, `${JOB_KEY_PREFIX}%`)))
      .returning({ key: rateLimitBuckets.key });
    return { sessions: deadSessions.length, tokens: deadTokens.length, rateLimitBuckets: oldBuckets.length };
  });
}

export function describeCleanup(report: CleanupReport): string {
  return `Deleted ${report.sessions} ended sessions, ${report.tokens} used or expired links, ${report.rateLimitBuckets} old rate-limit counters.`;
}

/** The timer functions, injectable so a test can fire the timers itself instead of waiting. */
export interface Timers {
  setInterval(fn: () => void, ms: number): { unref(): unknown };
  clearInterval(handle: unknown): void;
  setTimeout(fn: () => void, ms: number): { unref(): unknown };
  clearTimeout(handle: unknown): void;
}

/** The name of the cleanup's claim (platform/scheduled-runs.ts). */
export const CLEANUP_JOB = 'cleanup';

/**
 * Runs `cleanupExpired` a second after start and then every `everyMs` on the app's clock; returns the
 * function that stops it. At start too, because a server restarted more often than hourly (a deploy,
 * a laptop) would otherwise never clean up. Before each run the instance claims the current period
 * (`claimScheduledRun`): with several instances on one database exactly one of them runs it per
 * period; the others call `onSkipped`. The timers are unref'd: they never keep a process alive that has
 * nothing else to do.
 */
export function scheduleCleanup(
  db: Db,
  options: {
    now: () => Date;
    everyMs?: number;
    onDone?: (report: CleanupReport) => void;
    onSkipped?: () => void;
    onError?: (error: unknown) => void;
    timers?: Timers;
  },
): { stop(): Promise<void> } {
  const timers: Timers = options.timers ?? { setInterval, clearInterval, setTimeout, clearTimeout };
  const everyMs = options.everyMs ?? CLEANUP_EVERY_MS;
  let running: Promise<void> | null = null;
  let stopped = false;
  const runOnce = async () => {
    const now = options.now();
    if (!(await claimScheduledRun(db, CLEANUP_JOB, now, everyMs))) {
      options.onSkipped?.();
      return;
    }
    options.onDone?.(await cleanupExpired(db, now));
  };
  const tick = () => {
    // One run at a time: a slow database skips a beat rather than piling up overlapping deletes.
    if (stopped || running) return;
    running = runOnce()
      .catch((error) => options.onError?.(error))
      .finally(() => {
        running = null;
      });
  };
  const first = timers.setTimeout(tick, CLEANUP_FIRST_RUN_AFTER_MS);
  first.unref();
  const handle = timers.setInterval(tick, everyMs);
  handle.unref();
  return {
    async stop() {
      stopped = true;
      timers.clearTimeout(first);
      timers.clearInterval(handle);
      // The database closes after this: let a run in progress finish first.
      await running;
    },
  };
}
