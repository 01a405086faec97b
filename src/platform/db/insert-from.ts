/**
 * Rows that hang from a row written earlier in the same statement (a data-modifying CTE): `insert into
 * table (columns) select values from cte`, one select per row. A chain of inserts (a row, its audit row,
 * its mail) becomes one statement and one round trip, atomic without a transaction, and the rows are
 * written only when the CTE returned its row (an `on conflict do nothing` that did nothing writes none).
 */
import { getTableColumns, getTableName, is, SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

/** A row as `.values()` takes it, where a value may also be SQL naming the CTE's columns. */
export type RowFrom<T extends PgTable> = { [K in keyof T['$inferInsert']]?: T['$inferInsert'][K] | SQL };

export function insertFrom<T extends PgTable>(table: T, rows: RowFrom<T>[], from: SQL, suffix?: SQL): SQL {
  const first = rows[0];
  if (!first) throw new Error(`insertFrom: no rows for ${getTableName(table)}`);
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(first).filter((key) => (first as Record<string, unknown>)[key] !== undefined);
  const column = (key: string) => {
    const found = columns[key];
    if (!found) throw new Error(`insertFrom: ${getTableName(table)} has no column ${key}`);
    return found;
  };
  // Each parameter is cast to its column's type: in a select list PostgreSQL would otherwise guess text.
  const value = (row: Record<string, unknown>, key: string) => {
    const v = row[key];
    if (is(v, SQL)) return v;
    const col = column(key);
    return sql`${sql.param(v ?? null, col)}::${sql.raw(col.getSQLType())}`;
  };
  const selects = rows.map(
    (row) =>
      sql`select ${sql.join(
        keys.map((key) => value(row as Record<string, unknown>, key)),
        sql`, `,
      )} from ${from}`,
  );
  const names = sql.join(
    keys.map((key) => sql.identifier(column(key).name)),
    sql`, `,
  );
  return sql`insert into ${table} (${names}) ${sql.join(selects, sql` union all `)}${suffix ?? sql``}`;
}
