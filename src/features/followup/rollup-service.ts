/**
 * Dashboard counts read from the rollup (src/platform/db/schema/followup-rollup.ts) instead of counting
 * 250,000 recommendations at each request. Each function answers the same numbers as the live query
 * of the same name in dashboard-counts.ts, scorecard-service.ts and over-time-service.ts, or `null` when the filters ask for a cell the rollup does
 * not keep (the caller then runs the live query, which stays the reference implementation).
 *
 * The visibility rule is applied here at request time, never stored: we read the totals over published
 * statements and subtract the few published statements that are embargoed or withdrawn at `now`; a
 * date range sums the per-statement rows of the statements public now, except the whole statement
 * years that status over time keeps totals for (`visibleRows`).
 */
import { and, eq, gte, lte, not, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { publicStatementsCondition } from '../../platform/visibility.js';
import type { DashboardFilters } from './filters.js';
import type { YearDelta } from './over-time.js';
import type { StatusKey } from './status.js';

const g = t.followupRollup;
const rs = t.followupRollupStatements;
const tg = t.followupRollupTransitions;
const ts = t.followupRollupTransitionsStatements;

export interface RollupRow {
  groupId: number;
  status: string;
  n: number;
  /** Scorecard counts, only in by-addressee rows (0 elsewhere). */
  answered: number;
  accepted: number;
}

/** Which cell (or group of cells) of the rollup a request reads. */
interface Cell {
  theme: SQL;
  addressee: SQL;
  country: SQL;
}

const idOf = (table: typeof t.themes | typeof t.addressees, slug: string) =>
  sql`coalesce((select ${table.id} from ${table} where ${table.slug} = ${slug}), -1)`;

function fixedCell(filters: DashboardFilters) {
  return {
    theme: filters.theme ? idOf(t.themes, filters.theme) : sql`0`,
    addressee: filters.addressee ? idOf(t.addressees, filters.addressee) : sql`0`,
    country: sql`${filters.country ?? ''}`,
  };
}

/**
 * The rollup keeps (all), (theme), (addressee), (country), (theme × country), (theme × addressee), and
 * (theme | all) × addressee × (country of any addressee of the recommendation) for the by-addressee views.
 * By status with addressee and country means "an addressee of that country", which no cell keeps.
 */
function kept(filters: DashboardFilters): boolean {
  // Source, cycle, recommending State and response (issue 17) are no cells either: those views count live.
  return (
    !filters.statement &&
    !(filters.addressee && filters.country) &&
    !filters.source &&
    !filters.cycle &&
    !filters.recommender &&
    !filters.response
  );
}

type GroupBy = 'none' | 'theme' | 'addressee';

/** Whole statement years, `null` meaning unbounded on that side. */
export interface StatementYears {
  first: number | null;
  last: number | null;
}

/**
 * The whole calendar years of statement dates a date range covers (a range from 1 January, to
 * 31 December), or null when it covers none: those years can be read from totals kept per statement
 * year, only the days of the edge years need the statements one by one.
 */
export function wholeYears(filters: Pick<DashboardFilters, 'from' | 'to'>): StatementYears | null {
  const year = (day: string) => Number(day.slice(0, 4));
  const first = filters.from ? year(filters.from) + (filters.from.endsWith('-01-01') ? 0 : 1) : null;
  const last = filters.to ? year(filters.to) - (filters.to.endsWith('-12-31') ? 0 : 1) : null;
  return first !== null && last !== null && first > last ? null : { first, last };
}

/** Statement dates within those years, as a condition on `statements` (index on the date). */
function datedWithin(years: StatementYears): SQL {
  return (
    and(
      years.first === null ? undefined : gte(t.statements.date, `${years.first}-01-01`),
      years.last === null ? undefined : lte(t.statements.date, `${years.last}-12-31`),
    ) ?? sql`true`
  );
}

/**
 * The rows of a rollup to sum under the visibility rule, whose state is never stored:
 * - the totals (published statements) of the whole statement years the filters cover, when `totals`
 *   can select them (`null`: this rollup keeps no totals for those years);
 * - minus, in those years, the per-statement rows of published statements not public at `now` (few:
 *   embargoed or withdrawn);
 * - plus, for a date range, the per-statement rows of the public statements in range outside them.
 * `perStatement(which, sign)` selects one rollup's per-statement rows of the statements `which` selects.
 */
function visibleRows(
  filters: DashboardFilters,
  now: Date,
  totals: (years: StatementYears) => SQL | null,
  perStatement: (which: SQL, sign: SQL) => SQL,
): SQL {
  const ranged = Boolean(filters.from || filters.to);
  const years = ranged ? wholeYears(filters) : { first: null, last: null };
  const totalRows = years && totals(years);
  const parts: SQL[] = [];
  if (years && totalRows) {
    const hidden = and(eq(t.statements.status, 'published'), not(publicStatementsCondition(now)), datedWithin(years));
    parts.push(totalRows, perStatement(hidden as SQL, sql`-1`));
  }
  if (ranged) {
    const inRange = and(
      publicStatementsCondition(now),
      filters.from ? gte(t.statements.date, filters.from) : undefined,
      filters.to ? lte(t.statements.date, filters.to) : undefined,
      years && totalRows ? not(datedWithin(years)) : undefined,
    );
    parts.push(perStatement(inRange as SQL, sql`1`));
  }
  return sql.join(parts, sql` union all `);
}

async function sumCells(db: Db, filters: DashboardFilters, now: Date, cell: Cell, by: GroupBy): Promise<RollupRow[]> {
  const column = (table: typeof g | typeof rs) =>
    by === 'theme' ? table.themeId : by === 'addressee' ? table.addresseeId : sql`0`;
  const where = (table: typeof g | typeof rs) =>
    and(
      by === 'theme' ? sql`${table.themeId} <> 0` : eq(table.themeId, cell.theme),
      by === 'addressee' ? sql`${table.addresseeId} <> 0` : eq(table.addresseeId, cell.addressee),
      eq(table.country, cell.country),
    );
  // The counts' totals are not kept per statement year: usable only without a date range.
  const totals = (years: StatementYears) =>
    years.first === null && years.last === null
      ? sql`
    select ${column(g)} as group_id, ${g.status} as status, ${g.n} as n, ${g.answered} as answered,
      ${g.accepted} as accepted
    from ${g} where ${where(g)}`
      : null;
  const perStatement = (statements: SQL, sign: SQL) => sql`
    select ${column(rs)} as group_id, ${rs.status} as status, ${sign} * ${rs.n} as n,
      ${sign} * ${rs.answered} as answered, ${sign} * ${rs.accepted} as accepted
    from ${rs} join ${t.statements} on ${t.statements.id} = ${rs.statementId}
    where ${where(rs)} and ${statements}`;
  const rows = await queryRows<{ group_id: number; status: string; n: number; answered: number; accepted: number }>(
    db,
    sql`select group_id, status, sum(n)::int as n, sum(answered)::int as answered, sum(accepted)::int as accepted
        from (${visibleRows(filters, now, totals, perStatement)}) cells group by group_id, status having sum(n) <> 0`,
  );
  return rows.map((r) => ({
    groupId: Number(r.group_id),
    status: r.status,
    n: Number(r.n),
    answered: Number(r.answered),
    accepted: Number(r.accepted),
  }));
}

/** By status: one cell. */
export async function rollupByStatus(db: Db, filters: DashboardFilters, now: Date): Promise<RollupRow[] | null> {
  if (!kept(filters)) return null;
  return sumCells(db, filters, now, fixedCell(filters), 'none');
}

/** By theme: the (theme × addressee | country) cells; a theme filter would need theme × theme. */
export async function rollupByTheme(db: Db, filters: DashboardFilters, now: Date): Promise<RollupRow[] | null> {
  if (!kept(filters) || filters.theme) return null;
  return sumCells(db, filters, now, fixedCell(filters), 'theme');
}

/**
 * By addressee, and the scorecard (answered / accepted in the same rows): the (theme × addressee ×
 * country of any addressee) cells; an addressee filter would need addressee × addressee.
 */
export async function rollupByAddressee(db: Db, filters: DashboardFilters, now: Date): Promise<RollupRow[] | null> {
  if (!kept(filters) || filters.addressee) return null;
  return sumCells(db, filters, now, fixedCell(filters), 'addressee');
}

/**
 * Status over time: the yearly transitions of the one cell the filters select (year 0: how many
 * recommendations start in 'none'), every year the rollup has, plus the `extra` (year, status, delta)
 * rows the caller adds in the same query (over-time-service.ts takes back changes dated after today).
 */
export async function rollupTransitions(
  db: Db,
  filters: DashboardFilters,
  now: Date,
  extra: SQL = sql`select 0 as year, 'none' as status, 0 as delta where false`,
): Promise<YearDelta[] | null> {
  if (!kept(filters)) return null;
  const cell = fixedCell(filters);
  const where = (table: typeof tg | typeof ts) =>
    and(eq(table.themeId, cell.theme), eq(table.addresseeId, cell.addressee), eq(table.country, cell.country));
  const totals = (years: StatementYears) => sql`
    select ${tg.year} as year, ${tg.status} as status, ${tg.delta} as delta from ${tg}
    where ${where(tg)}
      and ${years.first === null ? sql`true` : gte(tg.statementYear, years.first)}
      and ${years.last === null ? sql`true` : lte(tg.statementYear, years.last)}`;
  const perStatement = (statements: SQL, sign: SQL) => sql`
    select ${ts.year} as year, ${ts.status} as status, ${sign} * ${ts.delta} as delta
    from ${ts} join ${t.statements} on ${t.statements.id} = ${ts.statementId}
    where ${where(ts)} and ${statements}`;
  const rows = await queryRows<{ year: number; status: StatusKey; delta: number }>(
    db,
    sql`select year, status, sum(delta)::int as delta
        from (${visibleRows(filters, now, totals, perStatement)} union all ${extra}) cells
        group by year, status having sum(delta) <> 0`,
  );
  return rows.map((r) => ({ year: Number(r.year), status: r.status, delta: Number(r.delta) }));
}

/**
 * For the filtered list with a status: the statements having at least one recommendation in the
 * filters' cell with that current status, from the per-statement rollup, so the list's walk down the
 * statements skips those with nothing to show (a rare status under a theme would otherwise visit
 * hundreds). `undefined` when the rollup keeps no such cell.
 */
export function statementsWithStatus(filters: DashboardFilters, status: StatusKey): SQL | undefined {
  if (filters.addressee && filters.country) return undefined;
  const cell = fixedCell(filters);
  return sql`${t.statements.id} in (select ${rs.statementId} from ${rs}
    where ${rs.themeId} = ${cell.theme} and ${rs.addresseeId} = ${cell.addressee} and ${rs.country} = ${cell.country}
      and ${rs.status} = ${status} and ${rs.n} > 0)`;
}
