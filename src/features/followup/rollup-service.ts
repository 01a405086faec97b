/**
 * Dashboard counts read from the rollup (src/db/schema-followup-rollup.ts) instead of counting
 * 250,000 recommendations at each request. Each function answers the same numbers as the live query
 * of the same name in dashboard-service.ts, or `null` when the filters ask for a cell the rollup does
 * not keep (the caller then runs the live query, which stays the reference implementation).
 *
 * The visibility rule is applied here at request time, never stored: without a date range we read the
 * totals over published statements and subtract the few published statements that are embargoed or
 * withdrawn at `now`; with a date range we sum the per-statement rows of the statements public now.
 */
import { and, eq, gte, lte, not, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import * as t from '../../db/schema.js';
import { publicStatementsCondition } from '../../lib/visibility.js';
import type { DashboardFilters } from './filters.js';

const g = t.followupRollup;
const rs = t.followupRollupStatements;

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
  return !filters.statement && !(filters.addressee && filters.country);
}

type GroupBy = 'none' | 'theme' | 'addressee';

async function sumCells(db: Db, filters: DashboardFilters, now: Date, cell: Cell, by: GroupBy): Promise<RollupRow[]> {
  const column = (table: typeof g | typeof rs) =>
    by === 'theme' ? table.themeId : by === 'addressee' ? table.addresseeId : sql`0`;
  const where = (table: typeof g | typeof rs) =>
    and(
      by === 'theme' ? sql`${table.themeId} <> 0` : eq(table.themeId, cell.theme),
      by === 'addressee' ? sql`${table.addresseeId} <> 0` : eq(table.addresseeId, cell.addressee),
      eq(table.country, cell.country),
    );
  const perStatement = (statements: SQL, sign: SQL) => sql`
    select ${column(rs)} as group_id, ${rs.status} as status, ${sign} * ${rs.n} as n,
      ${sign} * ${rs.answered} as answered, ${sign} * ${rs.accepted} as accepted
    from ${rs} join ${t.statements} on ${t.statements.id} = ${rs.statementId}
    where ${where(rs)} and ${statements}`;
  let source: SQL;
  if (filters.from || filters.to) {
    const inRange = and(
      publicStatementsCondition(now),
      filters.from ? gte(t.statements.date, filters.from) : undefined,
      filters.to ? lte(t.statements.date, filters.to) : undefined,
    ) as SQL;
    source = perStatement(inRange, sql`1`);
  } else {
    const hidden = and(eq(t.statements.status, 'published'), not(publicStatementsCondition(now))) as SQL;
    source = sql`
      select ${column(g)} as group_id, ${g.status} as status, ${g.n} as n, ${g.answered} as answered,
        ${g.accepted} as accepted
      from ${g} where ${where(g)}
      union all ${perStatement(hidden, sql`-1`)}`;
  }
  const result = (await db.execute(
    sql`select group_id, status, sum(n)::int as n, sum(answered)::int as answered, sum(accepted)::int as accepted
        from (${source}) cells group by group_id, status having sum(n) <> 0`,
  )) as unknown as { rows: { group_id: number; status: string; n: number; answered: number; accepted: number }[] };
  return result.rows.map((r) => ({
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
