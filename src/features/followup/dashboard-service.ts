/**
 * Read side of the dashboards: counts of public recommendations by current status, theme,
 * addressee, over time, and the scorecard per addressee; the filtered list.
 *
 * Every query starts from the same filtered set of recommendations (`recommendationFilter`), which
 * includes the one public rule (lib/visibility.ts), so a draft statement or entry is never counted.
 * Current status = the status update marked `is_current` (maintained from the timeline, status.ts),
 * read through the partial index `followup_status_updates_current_idx`.
 */
import { and, asc, count, desc, eq, exists, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import * as t from '../../db/schema.js';
import { publicCommitmentCondition, publicStatementsCondition } from '../../lib/visibility.js';
import type { DashboardFilters, ListFilters } from './filters.js';
import { dayOf } from './overdue.js';
import { type RollupRow, rollupByAddressee, rollupByStatus, rollupByTheme } from './rollup-service.js';
import { ACCEPTING_POSITIONS, type ScorecardCounts } from './scorecard.js';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from './status.js';

/** A status bucket: an implementation status, or "none" for recommendations without any update. */
export type StatusKey = ImplementationStatus | 'none';
export const STATUS_KEYS: readonly StatusKey[] = [...IMPLEMENTATION_STATUSES, 'none'];
export type StatusCounts = Record<StatusKey, number>;

export const emptyCounts = (): StatusCounts => Object.fromEntries(STATUS_KEYS.map((k) => [k, 0])) as StatusCounts;

const su = t.followupStatusUpdates;

/** Raw SQL rows: both drivers answer `{ rows }` (PGlite's Results, pg's QueryResult). */
async function sqlRows<R>(db: Db, query: SQL): Promise<R[]> {
  const result = (await db.execute(query)) as unknown as { rows: R[] };
  return result.rows;
}
const currentJoin = and(eq(su.recommendationId, t.recommendations.id), eq(su.isCurrent, true));

/** Public recommendations selected by the filters, as a condition on `recommendations` ⋈ `statements`. */
export function recommendationFilter(filters: DashboardFilters, now: Date): SQL {
  const conditions: SQL[] = [publicStatementsCondition(now)];
  if (filters.statement) conditions.push(eq(t.statements.slug, filters.statement));
  if (filters.from) conditions.push(gte(t.statements.date, filters.from));
  if (filters.to) conditions.push(lte(t.statements.date, filters.to));
  if (filters.theme) {
    conditions.push(
      exists(
        sql`(select 1 from ${t.recommendationThemes} join ${t.themes} on ${t.themes.id} = ${t.recommendationThemes.themeId} where ${t.recommendationThemes.recommendationId} = ${t.recommendations.id} and ${t.themes.slug} = ${filters.theme})`,
      ),
    );
  }
  if (filters.addressee || filters.country) {
    const which = and(
      filters.addressee ? eq(t.addressees.slug, filters.addressee) : undefined,
      filters.country ? eq(t.addressees.country, filters.country) : undefined,
    );
    conditions.push(
      exists(
        sql`(select 1 from ${t.recommendationAddressees} join ${t.addressees} on ${t.addressees.id} = ${t.recommendationAddressees.addresseeId} where ${t.recommendationAddressees.recommendationId} = ${t.recommendations.id} and ${which})`,
      ),
    );
  }
  return and(...conditions) as SQL;
}

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

function groupTally<G extends { id: number }>(
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

export async function liveCountByTheme(db: Db, filters: DashboardFilters, now: Date) {
  const [themes, rows] = await Promise.all([
    db.select().from(t.themes).orderBy(asc(t.themes.position), asc(t.themes.slug)),
    db
      .select({ groupId: t.recommendationThemes.themeId, status: su.status, n: count() })
      .from(t.recommendations)
      .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
      .innerJoin(t.recommendationThemes, eq(t.recommendationThemes.recommendationId, t.recommendations.id))
      .leftJoin(su, currentJoin)
      .where(recommendationFilter(filters, now))
      .groupBy(t.recommendationThemes.themeId, su.status),
  ]);
  return groupTally(themes, rows);
}

export async function liveCountByAddressee(db: Db, filters: DashboardFilters, now: Date) {
  const [addressees, rows] = await Promise.all([
    db.select().from(t.addressees).orderBy(asc(t.addressees.slug)),
    db
      .select({ groupId: t.recommendationAddressees.addresseeId, status: su.status, n: count() })
      .from(t.recommendations)
      .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
      .innerJoin(t.recommendationAddressees, eq(t.recommendationAddressees.recommendationId, t.recommendations.id))
      .leftJoin(su, currentJoin)
      .where(recommendationFilter(filters, now))
      .groupBy(t.recommendationAddressees.addresseeId, su.status),
  ]);
  return groupTally(addressees, rows);
}

/** Rollup rows as the live queries' rows ('none' is the bucket of recommendations without an update). */
const fromRollup = (rows: RollupRow[]) =>
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
    sqlRows<{ addressee_id: number; n: number }>(
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

export interface YearCounts {
  year: number;
  counts: StatusCounts;
}

/**
 * Status at the end of each year. Each published update is a transition (previous status → new
 * status, the previous one by the same timeline order as status.ts); summing transitions year by
 * year gives the snapshot without re-deriving every recommendation for every year.
 */
export async function statusOverTime(db: Db, filters: DashboardFilters, now: Date): Promise<YearCounts[]> {
  const [total, transitions] = await Promise.all([
    db
      .select({ n: count() })
      .from(t.recommendations)
      .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
      .where(recommendationFilter(filters, now)),
    sqlRows<{ year: number; status: ImplementationStatus; previous: ImplementationStatus | null; n: number }>(
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
      group by year, status, previous
      order by year`,
    ),
  ]);
  const rows = transitions.map((r) => ({ ...r, year: Number(r.year), n: Number(r.n) }));
  if (rows.length === 0) return [];
  const firstYear = Math.max(rows[0]!.year, filters.from ? Number(filters.from.slice(0, 4)) : 0);
  const lastYear = Math.min(now.getUTCFullYear(), filters.to ? Number(filters.to.slice(0, 4)) : 9999);
  const running = emptyCounts();
  running.none = Number(total[0]?.n ?? 0);
  const years: YearCounts[] = [];
  let i = 0;
  for (let year = rows[0]!.year; year <= lastYear; year++) {
    for (; i < rows.length && rows[i]!.year === year; i++) {
      const row = rows[i]!;
      running[row.status] += row.n;
      running[row.previous ?? 'none'] -= row.n;
    }
    if (year >= firstYear) years.push({ year, counts: { ...running } });
  }
  return years;
}

export const LIST_PAGE_SIZE = 50;

export interface ListedRecommendation {
  id: number;
  slug: string;
  position: number;
  text: typeof t.recommendations.$inferSelect.text;
  statementSlug: string;
  statementTitle: typeof t.statements.$inferSelect.title;
  statementDate: string;
  status: ImplementationStatus | null;
  statusDate: string | null;
}

/** One page of the filtered list, newest statements first; `hasMore` instead of a costly total count. */
export async function listRecommendations(
  db: Db,
  filters: ListFilters,
  now: Date,
): Promise<{ items: ListedRecommendation[]; hasMore: boolean }> {
  const statusCondition =
    filters.status === undefined
      ? undefined
      : filters.status === 'none'
        ? sql`${su.id} is null`
        : eq(su.status, filters.status);
  const page = filters.page ?? 1;
  const rows = await db
    .select({
      id: t.recommendations.id,
      slug: t.recommendations.slug,
      position: t.recommendations.position,
      text: t.recommendations.text,
      statementSlug: t.statements.slug,
      statementTitle: t.statements.title,
      statementDate: t.statements.date,
      status: su.status,
      statusDate: su.date,
    })
    .from(t.recommendations)
    .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
    .leftJoin(su, currentJoin)
    .where(and(recommendationFilter(filters, now), statusCondition))
    .orderBy(desc(t.statements.date), asc(t.statements.id), asc(t.recommendations.position))
    .limit(LIST_PAGE_SIZE + 1)
    .offset((page - 1) * LIST_PAGE_SIZE);
  return { items: rows.slice(0, LIST_PAGE_SIZE), hasMore: rows.length > LIST_PAGE_SIZE };
}

/** Public commitments past due and still open, soonest due first. */
export async function publicOverdueCommitments(db: Db, now: Date, limit = 20) {
  const c = t.followupCommitments;
  return db
    .select({ commitment: c, addressee: t.addressees, organization: t.organizations })
    .from(c)
    .leftJoin(t.addressees, eq(t.addressees.id, c.addresseeId))
    .leftJoin(t.organizations, eq(t.organizations.id, c.organizationId))
    .where(
      and(
        publicCommitmentCondition(c.id, c.publication, now),
        sql`${c.fulfilledOn} is null`,
        sql`${c.dueOn} < ${dayOf(now)}`,
      ),
    )
    .orderBy(asc(c.dueOn), asc(c.id))
    .limit(limit);
}

/** The choices of the filter form: every theme, addressee, country and public statement. */
export async function filterOptions(db: Db, now: Date) {
  const [themes, addressees, statements] = await Promise.all([
    db.select().from(t.themes).orderBy(asc(t.themes.position), asc(t.themes.slug)),
    db.select().from(t.addressees).orderBy(asc(t.addressees.slug)),
    db
      .select({ slug: t.statements.slug, title: t.statements.title, date: t.statements.date })
      .from(t.statements)
      .where(publicStatementsCondition(now))
      .orderBy(desc(t.statements.date))
      .limit(500),
  ]);
  const countries = [...new Set(addressees.map((a) => a.country).filter((c): c is string => Boolean(c)))].sort();
  return { themes, addressees, statements, countries };
}
