/**
 * A cheap fingerprint of everything a request could change in the database, for tests that assert a
 * refused request changed nothing: per table, its row count and an order-free sum of its rows' hashes,
 * all in one query.
 *
 * Left out, because they record attempts rather than content and a refusal is allowed to touch them by
 * design: the request counters (`rate_limit_buckets`), sessions' last-seen times (`sessions`), failed
 * sign-in attempts and locks (their audit rows, and the counters on `users`: ASVS 2.2.1, 7.2.1).
 * File bytes are left to their sha256 (files are content-addressed).
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../src/platform/db/client.js';

const ATTEMPT_TABLES = new Set(['rate_limit_buckets', 'sessions', '__drizzle_migrations']);
const ATTEMPT_COLUMNS = new Set(['users.failed_sign_ins', 'users.locked_until']);
const ATTEMPT_AUDIT = "action not in ('sign_in_failed', 'locked', 'two_factor_change_refused')";

export type Fingerprint = Record<string, string>;

const queries = new WeakMap<Db, string>();

async function fingerprintQuery(db: Db): Promise<string> {
  const cached = queries.get(db);
  if (cached) return cached;
  const columns = await queryRows<{ table_name: string; column_name: string; data_type: string }>(
    db,
    sql`select c.table_name, c.column_name, c.data_type from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        order by c.table_name, c.ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const c of columns) {
    if (ATTEMPT_TABLES.has(c.table_name) || ATTEMPT_COLUMNS.has(`${c.table_name}.${c.column_name}`)) continue;
    if (c.data_type === 'bytea') continue;
    byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), `x."${c.column_name}"`]);
  }
  const query = [...byTable]
    .map(([table, cols]) => {
      const where = table === 'audit_log' ? ` where ${ATTEMPT_AUDIT}` : '';
      return `select '${table}' as t, count(*) || ':' || coalesce(sum(hashtext(row(${cols.join(', ')})::text)::bigint), 0) as f from "${table}" x${where}`;
    })
    .join(' union all ');
  queries.set(db, query);
  return query;
}

export async function dbFingerprint(db: Db): Promise<Fingerprint> {
  const rows = await queryRows<{ t: string; f: string }>(db, sql.raw(await fingerprintQuery(db)));
  return Object.fromEntries(rows.map((r) => [r.t, String(r.f)]));
}

/** The tables whose fingerprint differs, for a readable failure message. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}
