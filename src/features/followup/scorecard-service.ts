/** The scorecard per addressee, and the addressees' chart and full table (top N, then keyset pages A to Z). */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/client.js';
import { type KeysetPage, keysetPage, type PageRequest, type SortKey } from '../../platform/db/keyset.js';
import * as t from '../../platform/db/schema/index.js';
import { fromRollup, groupTally, liveCountByAddressee } from './dashboard-counts.js';
import { recommendationFilter } from './dashboard-filter.js';
import { LIST_PAGE_SIZE } from './dashboard-list.js';
import type { DashboardFilters } from './filters.js';
import { rollupByAddressee } from './rollup-service.js';
import { ACCEPTING_POSITIONS, type ScorecardCounts } from './scorecard.js';

export type AddresseeRow = typeof t.addressees.$inferSelect;

export interface ScorecardRow extends ScorecardCounts {
  addressee: AddresseeRow;
}

/** The scorecard's counts per addressee (the formula is in scorecard.ts): from the rollup when it keeps the cells. */
export async function scorecard(db: Db, filters: DashboardFilters, now: Date): Promise<ScorecardRow[]> {
  const rows = await rollupByAddressee(db, filters, now);
  if (!rows) return liveScorecard(db, filters, now);
  const addressees = await db.select().from(t.addressees).orderBy(asc(t.addressees.slug));
  const shares = new Map<number, { answered: number; accepted: number }>();
  for (const row of rows) {
    const sum = shares.get(row.groupId) ?? { answered: 0, accepted: 0 };
    shares.set(row.groupId, { answered: sum.answered + row.answered, accepted: sum.accepted + row.accepted });
  }
  return groupTally(addressees, fromRollup(rows)).map(({ group, counts, total }) => ({
    addressee: group,
    total,
    answered: shares.get(group.id)?.answered ?? 0,
    accepted: shares.get(group.id)?.accepted ?? 0,
    implemented: counts.implemented,
  }));
}

/** Live scorecard (the reference for the rollup). */
export async function liveScorecard(db: Db, filters: DashboardFilters, now: Date): Promise<ScorecardRow[]> {
  const fr = t.followupResponses;
  const ra = t.recommendationAddressees;
  const responseScope = and(
    recommendationFilter(filters, now),
    eq(fr.publication, 'published'),
    eq(ra.addresseeId, fr.addresseeId),
  );
  const [byAddressee, answered, accepted] = await Promise.all([
    liveCountByAddressee(db, filters, now),
    db
      .select({ addresseeId: fr.addresseeId, n: sql<number>`count(distinct ${fr.recommendationId})` })
      .from(fr)
      .innerJoin(t.recommendations, eq(t.recommendations.id, fr.recommendationId))
      .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
      .innerJoin(ra, eq(ra.recommendationId, fr.recommendationId))
      .where(and(responseScope, sql`${fr.position} <> 'no_response'`))
      .groupBy(fr.addresseeId),
    // The latest published response per (recommendation, addressee): by date, then recording order.
    queryRows<{ addressee_id: number; n: number }>(
      db,
      sql`
      select addressee_id, count(*)::int as n from (
        select distinct on (${fr.recommendationId}, ${fr.addresseeId}) ${fr.addresseeId} as addressee_id, ${fr.position} as position
        from ${fr}
        join ${t.recommendations} on ${t.recommendations.id} = ${fr.recommendationId}
        join ${t.statements} on ${t.statements.id} = ${t.recommendations.statementId}
        join ${ra} on ${ra.recommendationId} = ${fr.recommendationId}
        where ${responseScope}
        order by ${fr.recommendationId}, ${fr.addresseeId}, ${fr.date} desc, ${fr.id} desc
      ) latest
      where position in (${sql.join(
        ACCEPTING_POSITIONS.map((p) => sql`${p}`),
        sql`, `,
      )})
      group by addressee_id`,
    ),
  ]);
  const answeredBy = new Map(answered.map((r) => [r.addresseeId, Number(r.n)]));
  const acceptedBy = new Map(accepted.map((r) => [Number(r.addressee_id), Number(r.n)]));
  return byAddressee.map(({ group, counts, total }) => ({
    addressee: group,
    total,
    answered: answeredBy.get(group.id) ?? 0,
    accepted: acceptedBy.get(group.id) ?? 0,
    implemented: counts.implemented,
  }));
}

/**
 * How many addressees the addressees chart and the scorecard draw: a coalition may follow hundreds,
 * and a page must not grow with them. The rest are counted ("and K more") and listed, a page at a
 * time, in the full table (`addresseeTablePage`).
 */
export const ADDRESSEES_SHOWN = 15;

/** The addressees with the most recommendations (then by slug), at most `limit`, and how many are left out. */
export function topAddressees<R extends { total: number }>(
  rows: R[],
  slugOf: (row: R) => string,
  limit = ADDRESSEES_SHOWN,
): { shown: R[]; more: number } {
  const ranked = [...rows].sort((a, b) => b.total - a.total || slugOf(a).localeCompare(slugOf(b)));
  return { shown: ranked.slice(0, limit), more: Math.max(0, ranked.length - limit) };
}

const ADDRESSEE_ORDER: SortKey[] = [
  { column: t.addressees.slug, direction: 'asc' },
  { column: t.addressees.id, direction: 'asc' },
];

/**
 * One keyset page (by slug) of every addressee that has a row in `rows` (the counts under the
 * filters, `countByAddressee` or `scorecard`): the full table behind the capped chart. The page is
 * read as an index range of `addressees`; the counts themselves are per addressee, a few numbers each.
 */
export async function addresseeTablePage<R>(
  db: Db,
  rows: R[],
  idOf: (row: R) => number,
  request: PageRequest,
): Promise<KeysetPage<R>> {
  const byId = new Map(rows.map((row) => [idOf(row), row]));
  if (byId.size === 0) return { items: [] };
  const page = await keysetPage({
    keys: ADDRESSEE_ORDER,
    request,
    size: LIST_PAGE_SIZE,
    keyOf: (row: { id: number; slug: string }) => [row.slug, row.id],
    fetch: (where, orderBy, limit) =>
      db
        .select({ id: t.addressees.id, slug: t.addressees.slug })
        .from(t.addressees)
        .where(and(inArray(t.addressees.id, [...byId.keys()]), where))
        .orderBy(...orderBy)
        .limit(limit),
  });
  return { ...page, items: page.items.map((row) => byId.get(row.id)!) };
}
