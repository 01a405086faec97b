/** A scheduled job's period is claimed once, however many instances try at the same moment. */
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/db.js';
import { claimScheduledRun, periodStart } from './scheduled-runs.js';

const HOUR = 60 * 60_000;
const T = new Date('2026-12-02T10:20:00Z');
const at = (ms: number) => new Date(T.getTime() + ms);

it('aligns periods to the clock, so instances started at different times agree', () => {
  expect(periodStart(T, HOUR)).toEqual(new Date('2026-12-02T10:00:00Z'));
  expect(periodStart(new Date('2026-12-02T10:59:59.999Z'), HOUR)).toEqual(new Date('2026-12-02T10:00:00Z'));
  expect(periodStart(new Date('2026-12-02T11:00:00Z'), HOUR)).toEqual(new Date('2026-12-02T11:00:00Z'));
});

describeEachEngine('scheduled runs', (t) => {
  it('grants one claim per period: the first caller gets it, later callers in that period do not', async () => {
    expect(await claimScheduledRun(t.db, 'once', T, HOUR)).toBe(true);
    expect(await claimScheduledRun(t.db, 'once', at(30 * 60_000), HOUR)).toBe(false);
    expect(await claimScheduledRun(t.db, 'once', at(40 * 60_000), HOUR)).toBe(true); // 11:00, the next hour
    // Another job's claim is its own.
    expect(await claimScheduledRun(t.db, 'other', T, HOUR)).toBe(true);
  });

  it('grants exactly one of many claims made at the same moment (on PostgreSQL, over several connections)', async () => {
    const claims = await Promise.all(Array.from({ length: 12 }, () => claimScheduledRun(t.db, 'race', T, HOUR)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('never goes back to an older period (an instance whose clock lags behind)', async () => {
    expect(await claimScheduledRun(t.db, 'clock', at(HOUR), HOUR)).toBe(true);
    expect(await claimScheduledRun(t.db, 'clock', T, HOUR)).toBe(false);
  });
});
