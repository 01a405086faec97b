/**
 * Scheduled jobs when several instances share one database: every instance keeps its own timer, and
 * before each run it claims the job's current period in the database. Exactly one claim per period
 * succeeds, however many instances try and however close together, so the job runs once per period
 * (not once per instance) and never twice at the same moment. On PGlite there is one process, and the
 * same claim still keeps a restart within the period from running the job again.
 *
 * Periods are aligned to the clock (every hour on the hour for an hourly job), so instances started at
 * different times agree on which period it is. The claim is a row in `rate_limit_buckets` (key
 * `job:<name>`, window = the period): a run is a fixed-window counter that may only reach one, the
 * table every instance already shares for such counters (so no table of its own is needed).
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from './db/client.js';
import { rateLimitBuckets } from './db/schema/index.js';

/** The prefix of a job's key in rate_limit_buckets; the cleanup of old counters leaves these alone. */
export const JOB_KEY_PREFIX = 'job:';

/** The start of the period `now` falls in, periods of `everyMs` counted from the Unix epoch. */
export function periodStart(now: Date, everyMs: number): Date {
  return new Date(Math.floor(now.getTime() / everyMs) * everyMs);
}

/**
 * True for the one caller that claims `job`'s current period first; false for every other caller in
 * that period. One statement: an insert, or an update only when the stored period is an older one
 * (PostgreSQL re-checks that condition after waiting for a concurrent claim's row lock).
 */
export async function claimScheduledRun(db: Db, job: string, now: Date, everyMs: number): Promise<boolean> {
  const period = periodStart(now, everyMs);
  const claimed = await queryRows<{ key: string }>(
    db,
    sql`insert into ${rateLimitBuckets} (key, window_start, count)
        values (${JOB_KEY_PREFIX + job}, ${period.toISOString()}, 1)
        on conflict (key) do update set window_start = excluded.window_start, count = 1
        where rate_limit_buckets.window_start < excluded.window_start
        returning key`,
  );
  return claimed.length === 1;
}
