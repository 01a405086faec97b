/** Status over time: year-end counts of the filtered recommendations, from the rollup's transitions or live. */
import { count, eq, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { recommendationFilter, su } from './dashboard-filter.js';
import type { DashboardFilters } from './filters.js';
import { transitionDeltas, type YearCounts, yearSnapshots } from './over-time.js';
import { dayOf } from './overdue.js';
import { rollupTransitions } from './rollup-service.js';
import type { ImplementationStatus } from './status.js';

/**
 * Status at the end of each year (over-time.ts): the yearly transitions from the rollup when the
 * filters select a cell it keeps, live otherwise. The rollup holds every published update whatever its
 * date, so the changes dated after today in the current year are taken back out in the same query
 * (later years are never shown): each recommendation concerned moves from its status at the end of
 * the year back to its status today.
 */
export async function statusOverTime(db: Db, filters: DashboardFilters, now: Date): Promise<YearCounts[]> {
  const rolled = await rollupTransitions(db, filters, now, changesLaterThisYear(filters, now));
  if (!rolled) return liveStatusOverTime(db, filters, now);
  const total = rolled.filter((r) => r.year === 0).reduce((sum, r) => sum + r.delta, 0);
  const deltas = rolled.filter((r) => r.year !== 0);
  return yearSnapshots(total, deltas, firstShownYear(filters), lastShownYear(filters, now));
}

const firstShownYear = (filters: DashboardFilters) => (filters.from ? Number(filters.from.slice(0, 4)) : 0);
const lastShownYear = (filters: DashboardFilters, now: Date) =>
  Math.min(now.getUTCFullYear(), filters.to ? Number(filters.to.slice(0, 4)) : 9999);

/**
 * (year, status, delta) rows undoing the changes dated after today but within this year, for the
 * selected recommendations: +1 to the status today, -1 to the status at the end of the year. Few rows,
 * found through the published-date index.
 */
function changesLaterThisYear(filters: DashboardFilters, now: Date): SQL {
  const today = dayOf(now);
  const thisYear = now.getUTCFullYear();
  const statusOn = (day: string) => sql`(
    select x.status::text from ${su} x
    where x.recommendation_id = ${t.recommendations.id} and x.publication = 'published' and x.date <= ${day}
    order by x.date desc, x.id desc limit 1)`;
  return sql`
    select ${thisYear}::int as year, undo.status, undo.delta
    from (
      select ${statusOn(today)} as today, ${statusOn(`${thisYear}-12-31`)} as year_end
      from ${t.recommendations} join ${t.statements} on ${t.statements.id} = ${t.recommendations.statementId}
      where ${t.recommendations.id} in (
          select ${su.recommendationId} from ${su}
          where ${su.publication} = 'published' and ${su.date} > ${today} and ${su.date} <= ${`${thisYear}-12-31`})
        and ${recommendationFilter(filters, now)}
    ) pending
    cross join lateral (values (coalesce(pending.today, 'none'), 1), (pending.year_end, -1)) undo(status, delta)`;
}

/** The reference for the rollup: every transition of the selected recommendations up to today. */
export async function liveStatusOverTime(db: Db, filters: DashboardFilters, now: Date): Promise<YearCounts[]> {
  const [total, transitions] = await Promise.all([
    db
      .select({ n: count() })
      .from(t.recommendations)
      .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
      .where(recommendationFilter(filters, now)),
    queryRows<{ year: number; status: ImplementationStatus; previous: ImplementationStatus | null; n: number }>(
      db,
      sql`
      select year, status, previous, count(*)::int as n from (
        select extract(year from ${su.date})::int as year, ${su.status} as status,
          lag(${su.status}) over (partition by ${su.recommendationId} order by ${su.date}, ${su.id}) as previous
        from ${su}
        join ${t.recommendations} on ${t.recommendations.id} = ${su.recommendationId}
        join ${t.statements} on ${t.statements.id} = ${t.recommendations.statementId}
        where ${su.publication} = 'published' and ${su.date} <= ${dayOf(now)} and ${recommendationFilter(filters, now)}
      ) changes
      group by year, status, previous`,
    ),
  ]);
  const deltas = transitionDeltas(transitions.map((r) => ({ ...r, year: Number(r.year), n: Number(r.n) })));
  return yearSnapshots(Number(total[0]?.n ?? 0), deltas, firstShownYear(filters), lastShownYear(filters, now));
}
