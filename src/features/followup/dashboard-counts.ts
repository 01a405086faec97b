/** The dashboards' counts of public recommendations by current status, theme and addressee: from the rollup when it keeps the cell, else live. */
import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { currentJoin, recommendationFilter, su } from './dashboard-filter.js';
import type { DashboardFilters } from './filters.js';
import { type RollupRow, rollupByAddressee, rollupByStatus, rollupByTheme } from './rollup-service.js';
import { emptyCounts, type ImplementationStatus, STATUS_KEYS, type StatusCounts } from './status.js';

function tally(rows: { status: ImplementationStatus | null; n: number }[]): StatusCounts {
  const counts = emptyCounts();
  for (const row of rows) counts[row.status ?? 'none'] += Number(row.n);
  return counts;
}

/** Live count (the reference for the rollup, rollup-service.ts): reads every selected recommendation. */
export async function liveCountByStatus(db: Db, filters: DashboardFilters, now: Date): Promise<StatusCounts> {
  const rows = await db
    .select({ status: su.status, n: count() })
    .from(t.recommendations)
    .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
    .leftJoin(su, currentJoin)
    .where(recommendationFilter(filters, now))
    .groupBy(su.status);
  return tally(rows);
}

export interface GroupCounts<G> {
  group: G;
  counts: StatusCounts;
  total: number;
}

export function groupTally<G extends { id: number }>(
  groups: G[],
  rows: { groupId: number; status: ImplementationStatus | null; n: number }[],
): GroupCounts<G>[] {
  const byId = new Map(groups.map((g) => [g.id, emptyCounts()]));
  for (const row of rows) {
    const counts = byId.get(row.groupId);
    if (counts) counts[row.status ?? 'none'] += Number(row.n);
  }
  return groups
    .map((group) => {
      const counts = byId.get(group.id)!;
      return { group, counts, total: STATUS_KEYS.reduce((sum, k) => sum + counts[k], 0) };
    })
    .filter((g) => g.total > 0);
}

/** The filtered recommendations' current statuses counted per group (theme or addressee) of a link table. */
function liveGroupRows(
  db: Db,
  filters: DashboardFilters,
  now: Date,
  link: typeof t.recommendationThemes | typeof t.recommendationAddressees,
  groupId: typeof t.recommendationThemes.themeId | typeof t.recommendationAddressees.addresseeId,
) {
  return db
    .select({ groupId, status: su.status, n: count() })
    .from(t.recommendations)
    .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
    .innerJoin(link, eq(link.recommendationId, t.recommendations.id))
    .leftJoin(su, currentJoin)
    .where(recommendationFilter(filters, now))
    .groupBy(groupId, su.status);
}

export async function liveCountByTheme(db: Db, filters: DashboardFilters, now: Date) {
  const [themes, rows] = await Promise.all([
    db.select().from(t.themes).orderBy(asc(t.themes.position), asc(t.themes.slug)),
    liveGroupRows(db, filters, now, t.recommendationThemes, t.recommendationThemes.themeId),
  ]);
  return groupTally(themes, rows);
}

export async function liveCountByAddressee(db: Db, filters: DashboardFilters, now: Date) {
  const [addressees, rows] = await Promise.all([
    db.select().from(t.addressees).orderBy(asc(t.addressees.slug)),
    liveGroupRows(db, filters, now, t.recommendationAddressees, t.recommendationAddressees.addresseeId),
  ]);
  return groupTally(addressees, rows);
}

/** Rollup rows as the live queries' rows ('none' is the bucket of recommendations without an update). */
export const fromRollup = (rows: RollupRow[]) =>
  rows.map((r) => ({
    groupId: r.groupId,
    status: r.status === 'none' ? null : (r.status as ImplementationStatus),
    n: r.n,
  }));

/** By status: from the rollup when it keeps the filtered cell, else live (same numbers either way). */
export async function countByStatus(db: Db, filters: DashboardFilters, now: Date): Promise<StatusCounts> {
  const rows = await rollupByStatus(db, filters, now);
  return rows ? tally(fromRollup(rows)) : liveCountByStatus(db, filters, now);
}

export async function countByTheme(db: Db, filters: DashboardFilters, now: Date) {
  const rows = await rollupByTheme(db, filters, now);
  if (!rows) return liveCountByTheme(db, filters, now);
  const themes = await db.select().from(t.themes).orderBy(asc(t.themes.position), asc(t.themes.slug));
  return groupTally(themes, fromRollup(rows));
}

export async function countByAddressee(db: Db, filters: DashboardFilters, now: Date) {
  const rows = await rollupByAddressee(db, filters, now);
  if (!rows) return liveCountByAddressee(db, filters, now);
  const addressees = await db.select().from(t.addressees).orderBy(asc(t.addressees.slug));
  return groupTally(addressees, fromRollup(rows));
}
