/**
 * Staging a bulk import so the site stays up while it runs, and so it is all-or-nothing as users see it.
 *
 * On PGlite there is one connection: an import written in ONE transaction made every page wait for it
 * (a minute for 250,000 rows). Here the importer writes its checked rows a chunk at a time into
 * `import_staged_rows` (one JSON array per chunk and table, each its own short statement, so pages are
 * served between chunks), with ids taken from the real tables' own sequences so later chunks can refer
 * to earlier rows. Nothing staged is visible. `publishStaged` then copies the batch into the real
 * tables in ONE short transaction (set-based inserts, no checking or matching left to do), and
 * `dropStagingBatch` deletes it, published or not.
 *
 * Leftovers: a batch whose importer stopped (a crash, a restart mid-import) stays unpublished, so it is
 * never visible; `openStagingBatch` deletes every batch that has not moved for STALE_MS before it starts
 * a new one (every staged chunk moves its batch), so the next import cleans up after a crashed one.
 */
import { getTableColumns, getTableName, type SQL, sql, type Table } from 'drizzle-orm';
import { type Tx, tableRowsAsJson } from './bulk-write.js';
import { type Db, queryRows } from './client.js';

/** A batch that has not staged a chunk for this long lost its importer (a chunk takes well under a second). */
export const STALE_MS = 5 * 60_000;

export interface StagingBatch {
  id: number;
  /** The columns staged for each table (every chunk of a table names the same ones). */
  columns: Map<string, string[]>;
}

export async function openStagingBatch(db: Db, label: string): Promise<StagingBatch> {
  // The database's clock on both sides: the batch's touched_at is written by it.
  await db.execute(
    sql`delete from import_batches where touched_at < now() - make_interval(secs => ${STALE_MS / 1000})`,
  );
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`insert into import_batches (label) values (${label}) returning id`,
  );
  return { id: Number(row!.id), columns: new Map() };
}

/**
 * `count` new ids of `table`, from its own identity sequence, so they never meet another writer's: one block,
 * the sequence moved past it at once. The table's writers (an insert takes its id while it holds the table's
 * row-exclusive lock) wait for this short transaction, so no id of the block is handed to anyone else
 * meanwhile; readers do not wait. One nextval per id cost ~6 µs each on PGlite (two ids a row: ~3 s of a
 * 250,000-row import).
 */
export async function takeIds(db: Db, table: Table, count: number): Promise<number[]> {
  if (count === 0) return [];
  const name = getTableName(table);
  const first = await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`lock table "${name}" in share row exclusive mode`));
    const [row] = await queryRows<{ first: number }>(
      tx,
      sql`select (setval(s.name, nextval(s.name) + ${count - 1}) - ${count - 1})::int as first
          from (select pg_get_serial_sequence(${`"${name}"`}, 'id')::regclass as name) s`,
    );
    return Number(row!.first);
  });
  return Array.from({ length: count }, (_, k) => first + k);
}

/**
 * Stages `rows` (Drizzle's insert shape, ids included where the table has one; every row of a table names
 * the same columns) for `table`, and moves the batch. Throws when the batch is gone (deleted as stale).
 */
export async function stageRows<T extends Table>(
  db: Db,
  batch: StagingBatch,
  table: T,
  rows: T['$inferInsert'][],
): Promise<void> {
  if (rows.length === 0) return;
  const name = getTableName(table);
  const { names, payload } = tableRowsAsJson(table, rows);
  const before = batch.columns.get(name);
  if (before && before.join() !== names.join()) {
    throw new Error(`stageRows: ${name} staged with columns ${before.join()} and then ${names.join()}`);
  }
  batch.columns.set(name, names);
  // The chunk travels as bytes and becomes JSON in the database: PGlite measures a long string parameter a
  // character at a time, twice, before encoding it (~4.5 s of a 250,000-row pass), while a byte array goes as it is
  // (pglite-client.ts). The same on PostgreSQL, where node-postgres sends a Buffer as it is too.
  const staged = await queryRows<{ id: number }>(
    db,
    sql`with touched as (update import_batches set touched_at = now() where id = ${batch.id} returning id)
        insert into import_staged_rows (batch_id, table_name, rows)
        select id, ${name}, convert_from(${Buffer.from(payload)}::bytea, 'UTF8')::json from touched returning id`,
  );
  if (staged.length === 0) throw new Error(`import batch ${batch.id} was deleted as stale while it ran`);
}

/** Stages new rows of a table with an identity key, and answers their ids (in the order of `rows`). */
export async function stageNewRows<T extends Table>(
  db: Db,
  batch: StagingBatch,
  table: T,
  rows: T['$inferInsert'][],
): Promise<number[]> {
  const ids = await takeIds(db, table, rows.length);
  await stageRows(
    db,
    batch,
    table,
    rows.map((row, k) => ({ id: ids[k], ...row })),
  );
  return ids;
}

/** The rows of `table` staged in the batch, as a relation with the table's columns (for the importer's own lookups). */
export function stagedRows(batch: StagingBatch, table: Table) {
  const name = sql.raw(`"${getTableName(table)}"`);
  return sql`(select r.* from import_staged_rows s cross join lateral json_populate_recordset(null::${name}, s.rows) r
              where s.batch_id = ${batch.id} and s.table_name = ${getTableName(table)})`;
}

/**
 * A column a table's rows get as they are published rather than as they were staged: `value(row)` is an
 * expression over the staged row (e.g. bulk-write.ts's `numberAtInsert`).
 */
export interface ComputedColumn {
  table: Table;
  column: string;
  value: (row: SQL) => SQL;
}

/**
 * Copies the batch into the real tables, `tables` in the order their references need (a parent before
 * its children), inside the caller's transaction. Every check of the real tables runs here.
 */
export async function publishStaged(
  tx: Tx,
  batch: StagingBatch,
  tables: Table[],
  computed: ComputedColumn[] = [],
): Promise<void> {
  // Held to the commit: another import's clean-up (a long publish may look stale) waits instead of
  // deleting the rows between two of these inserts.
  const held = await queryRows<{ id: number }>(
    tx,
    sql`select id from import_batches where id = ${batch.id} for update`,
  );
  if (held.length === 0) throw new Error(`import batch ${batch.id} was deleted as stale before it was published`);
  for (const table of tables) {
    const name = getTableName(table);
    const names = batch.columns.get(name);
    if (!names) continue;
    const extra = computed.filter((c) => c.table === table);
    const list = [...names, ...extra.map((c) => `"${c.column}"`)].join(', ');
    const hasIdentity = Object.values(getTableColumns(table)).some(
      (column) => (column as { generatedIdentity?: unknown }).generatedIdentity !== undefined,
    );
    // One statement per staged chunk, not one for the whole table: each insert's foreign-key checks are
    // queued as one event per row until the statement ends, so one statement of 250,000 rows held them all
    // in memory at once (on PGlite, in the process's own heap, which never shrinks).
    const chunks = await queryRows<{ id: number }>(
      tx,
      sql`select id from import_staged_rows where batch_id = ${batch.id} and table_name = ${name} order by id`,
    );
    const row = sql.raw('r');
    const insert = sql
      .raw(
        `insert into "${name}" (${list}) ${hasIdentity ? 'overriding system value ' : ''}select ${names.map((n) => `r.${n}`).join(', ')}`,
      )
      .append(sql.join([sql``, ...extra.map((c) => c.value(row))], sql`, `))
      .append(
        sql.raw(` from import_staged_rows s cross join lateral json_populate_recordset(null::"${name}", s.rows) r `),
      );
    for (const chunk of chunks) {
      await tx.execute(sql`${insert}`.append(sql`where s.id = ${Number(chunk.id)}`));
    }
  }
}

export async function dropStagingBatch(db: Db | Tx, batch: StagingBatch): Promise<void> {
  await db.execute(sql`delete from import_batches where id = ${batch.id}`);
}
