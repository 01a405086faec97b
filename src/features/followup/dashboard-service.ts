/**
 * Read side of the dashboards: counts of public recommendations by current status, theme,
 * addressee, over time, and the scorecard per addressee; the filtered list.
 *
 * Every query starts from the same filtered set of recommendations (`recommendationFilter`), which
 * includes the one public rule (platform/visibility.ts), so a draft statement or entry is never counted.
 * Current status = the status update marked `is_current` (maintained from the timeline, status.ts),
 * read through the partial index `followup_status_updates_current_idx`.
 */
import { and, asc, count, desc, eq, exists, gte, inArray, isNotNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/client.js';
import {
  decodeCursor,
  type KeysetPage,
  keysetCondition,
  keysetOrder,
  keysetPage,
  type PageRequest,
  type SortKey,
} from '../../platform/db/keyset.js';
import * as t from '../../platform/db/schema/index.js';
import { publicCommitmentCondition, publicStatementsCondition } from '../../platform/visibility.js';
import type { DashboardFilters, ListFilters } from './filters.js';
import { transitionDeltas, type YearCounts, yearSnapshots } from './over-time.js';
import { dayOf } from './overdue.js';
import { overdueCommitments, type RecommendationInStatement } from './reminders.js';
import {
  type RollupRow,
  rollupByAddressee,
  rollupByStatus,
  rollupByTheme,
  rollupTransitions,
  statementsWithStatus,
} from './rollup-service.js';
import { ACCEPTING_POSITIONS, type ScorecardCounts } from './scorecard.js';
import { emptyCounts, type ImplementationStatus, STATUS_KEYS, type StatusCounts } from './status.js';

const su = t.followupStatusUpdates;

/** A recommendation's current status update (the published one `is_current` marks), for a left join. */
export const currentJoin = and(eq(su.recommendationId, t.recommendations.id), eq(su.isCurrent, true));

/** Public statements selected by the filters (statement, date range), as a condition on `statements`. */
function statementFilter(filters: DashboardFilters, now: Date): SQL {
  return and(
    publicStatementsCondition(now),
    filters.statement ? eq(t.statements.slug, filters.statement) : undefined,
    filters.from ? gte(t.statements.date, filters.from) : undefined,
    filters.to ? lte(t.statements.date, filters.to) : undefined,
  ) as SQL;
}

/**
 * The filters on a recommendation itself (a theme; an addressee and/or an addressee's country), as a
 * condition on `recommendations`. Slugs are looked up once per query (a scalar subquery), not per row.
 */
export function ownFilter(filters: DashboardFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.theme) {
    conditions.push(
      exists(
        sql`(select 1 from ${t.recommendationThemes} where ${t.recommendationThemes.recommendationId} = ${t.recommendations.id} and ${t.recommendationThemes.themeId} = (select ${t.themes.id} from ${t.themes} where ${t.themes.slug} = ${filters.theme}))`,
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
  return conditions.length > 0 ? (and(...conditions) as SQL) : undefined;
}

/** Public recommendations selected by the filters, as a condition on `recommendations` ⋈ `statements`. */
export function recommendationFilter(filters: DashboardFilters, now: Date): SQL {
  return and(statementFilter(filters, now), ownFilter(filters)) as SQL;
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

export const LIST_PAGE_SIZE = 50;

export interface ListedRecommendation extends RecommendationInStatement {
  /** The stored position, for ordering only: the number shown is `recommendationNumber()`'s. */
  position: number;
  statementId: number;
  status: ImplementationStatus | null;
  statusDate: string | null;
}

/** The statements' walk: newest first, then id. */
const STATEMENT_WALK: SortKey[] = [
  { column: t.statements.date, direction: 'desc' },
  { column: t.statements.id, direction: 'asc' },
];
/** The list's order, on the walk's output (`s`: the statement, `x`: its recommendation). */
const LIST_ORDER: SortKey[] = [
  { column: sql`s.date`, direction: 'desc' },
  { column: sql`s.id`, direction: 'asc' },
  { column: sql`x.position`, direction: 'asc' },
  { column: sql`x.id`, direction: 'asc' },
];

/**
 * One keyset page of the filtered list (platform/db/keyset.ts), newest statements first: page 400
 * costs what page 1 does, and there is no costly total count.
 *
 * Written as a walk down the selected statements by date, each joined (LATERAL) to its own matching
 * recommendations, so a page stops after the first statements that fill it instead of filtering all
 * 250,000 recommendations and sorting them. The walk starts at the cursor's statement (the keyset
 * on the statements alone), and the full cursor then picks up inside it. With a status the walk
 * enters each statement through the current-status index (statement, status), which is what keeps a
 * status-filtered list fast.
 */
export async function listRecommendations(
  db: Db,
  filters: ListFilters,
  now: Date,
  request: PageRequest = {},
): Promise<KeysetPage<ListedRecommendation>> {
  const r = t.recommendations;
  const own = ownFilter(filters);
  const inStatement =
    filters.status === undefined || filters.status === 'none'
      ? sql`select ${r.id}, ${r.slug}, ${r.position}, ${r.text}, ${su.status} as status, ${su.date}::text as status_date
            from ${r} left join ${su} on ${currentJoin}
            where ${r.statementId} = s.id and ${filters.status === 'none' ? sql`${su.id} is null` : sql`true`}
              and ${own ?? sql`true`}`
      : sql`select ${r.id}, ${r.slug}, ${r.position}, ${r.text}, ${su.status} as status, ${su.date}::text as status_date
            from ${su} join ${r} on ${r.id} = ${su.recommendationId}
            where ${su.statementId} = s.id and ${su.isCurrent} and ${su.status} = ${filters.status}
              and ${own ?? sql`true`}`;
  // The same reading of the cursor as keysetPage's, for the walk's start.
  const after = decodeCursor(request.after, LIST_ORDER.length);
  const before = after ? undefined : decodeCursor(request.before, LIST_ORDER.length);
  const from = after ?? before;
  const reverse = before !== undefined;
  const walkStart = from
    ? or(
        keysetCondition(STATEMENT_WALK, from.slice(0, 2), reverse),
        and(eq(t.statements.date, String(from[0])), eq(t.statements.id, Number(from[1]))),
      )
    : undefined;
  type Row = Omit<ListedRecommendation, 'id' | 'position' | 'statementId'> & {
    id: number;
    position: number;
    statementId: number;
  };
  const page = await keysetPage({
    keys: LIST_ORDER,
    request,
    size: LIST_PAGE_SIZE,
    keyOf: (row: Row) => [row.statementDate, Number(row.statementId), Number(row.position), Number(row.id)],
    fetch: (where, orderBy, limit) =>
      queryRows<Row>(
        db,
        sql`select x.id, x.slug, x.position, x.text, s.id as "statementId", s.slug as "statementSlug",
              s.title as "statementTitle", s.date::text as "statementDate", x.status, x.status_date as "statusDate"
            from (select ${t.statements.id} as id, ${t.statements.slug} as slug, ${t.statements.title} as title,
                    ${t.statements.date} as date
                  from ${t.statements}
                  where ${and(
                    statementFilter(filters, now),
                    filters.status ? statementsWithStatus(filters, filters.status) : undefined,
                    walkStart,
                  )}
                  order by ${sql.join(keysetOrder(STATEMENT_WALK, reverse), sql`, `)}) s
            cross join lateral (${inStatement}) x
            where ${where ?? sql`true`}
            order by ${sql.join(orderBy, sql`, `)}
            limit ${limit}`,
      ),
  });
  return {
    ...page,
    items: page.items.map((row) => ({
      ...row,
      id: Number(row.id),
      position: Number(row.position),
      statementId: Number(row.statementId),
    })),
  };
}

/** Public commitments past due and still open, soonest due first. */
export function publicOverdueCommitments(db: Db, now: Date, limit = 20) {
  const c = t.followupCommitments;
  return overdueCommitments(db, now, limit, publicCommitmentCondition(c.id, c.publication, now));
}

/**
 * How many statements the filter form offers: the newest in the chosen dates, so the form stays small
 * however many statements there are; narrowing the dates reaches any older one.
 */
export const STATEMENT_CHOICES = 50;

/**
 * How many addressees the filter form offers, A to Z (plus the chosen one): the form is on every
 * dashboard page, so it must not grow with the addressees; the full table (`?all=1`) links each
 * addressee to its own dashboard.
 */
export const ADDRESSEE_CHOICES = 50;

/**
 * The choices of the filter form: every theme and country, the first addressees A to Z, and the
 * newest public statements within the chosen dates (plus the chosen statement and addressee,
 * wherever they fall).
 */
export async function filterOptions(db: Db, now: Date, filters: DashboardFilters = {}) {
  const inDates = and(
    publicStatementsCondition(now),
    filters.from ? gte(t.statements.date, filters.from) : undefined,
    filters.to ? lte(t.statements.date, filters.to) : undefined,
  );
  const choice = { slug: t.statements.slug, title: t.statements.title, date: t.statements.date };
  const addresseeChoice = { slug: t.addressees.slug, name: t.addressees.name };
  const [themes, firstAddressees, chosenAddressee, countries, newest, chosen] = await Promise.all([
    db.select().from(t.themes).orderBy(asc(t.themes.position), asc(t.themes.slug)),
    db
      .select(addresseeChoice)
      .from(t.addressees)
      .orderBy(asc(t.addressees.slug))
      .limit(ADDRESSEE_CHOICES + 1),
    filters.addressee
      ? db.select(addresseeChoice).from(t.addressees).where(eq(t.addressees.slug, filters.addressee))
      : Promise.resolve([]),
    db
      .selectDistinct({ country: t.addressees.country })
      .from(t.addressees)
      .where(isNotNull(t.addressees.country))
      .orderBy(asc(t.addressees.country)),
    db
      .select(choice)
      .from(t.statements)
      .where(inDates)
      .orderBy(desc(t.statements.date), asc(t.statements.slug))
      .limit(STATEMENT_CHOICES),
    filters.statement
      ? db
          .select(choice)
          .from(t.statements)
          .where(and(publicStatementsCondition(now), eq(t.statements.slug, filters.statement)))
      : Promise.resolve([]),
  ]);
  const statements = [...newest, ...chosen.filter((c) => !newest.some((s) => s.slug === c.slug))];
  const shown = firstAddressees.slice(0, ADDRESSEE_CHOICES);
  const addressees = [...shown, ...chosenAddressee.filter((c) => !shown.some((a) => a.slug === c.slug))];
  return {
    themes,
    addressees,
    /** Whether some addressees are not offered (the form then says where they are). */
    moreAddressees: firstAddressees.length > ADDRESSEE_CHOICES,
    statements,
    countries: countries.map((c) => c.country).filter((c): c is string => Boolean(c)),
  };
}
