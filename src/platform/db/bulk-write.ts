/**
 * Writing many rows at once, for the importers (spreadsheet, UPR Info, OHCHR lists).
 *
 * `bulkInsert` sends a batch as ONE parameter (a JSON array) read back by `jsonb_populate_recordset` with
 * the table's own row type, instead of Drizzle's multi-row VALUES (one parameter per cell, and a query
 * object per cell to build and collect): on 250,000 rows Drizzle's query building alone was seconds and
 * most of the import's garbage (peak RSS). Same on both engines; the database's checks all still run.
 *
 * `pauseDerivedUpkeep` / `resumeDerivedUpkeep`: the derived data (follow-up rollups, search index, recommendations'
 * stored numbers) and the content version are kept by triggers that, on a bulk load, recount what every batch
 * touched again and queue one deferred event per row. Between the two calls they are off for the transaction, and
 * `resumeDerivedUpkeep` does their work once, set-based, for the rows the load created. `alter table …
 * disable trigger` locks those tables until the transaction ends: for bulk loads only.
 */
import { getTableColumns, getTableName, type SQL, sql, type Table } from 'drizzle-orm';
import { type Db, queryRows } from './client.js';
import { IdList } from './id-list.js';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * `rows` (Drizzle's insert shape, keyed by property) as one JSON array keyed by the table's column names,
 * which `json(b)_populate_recordset(null::table, …)` reads back; `names` are those columns, quoted.
 */
export function tableRowsAsJson<T extends Table>(
  table: T,
  rows: T['$inferInsert'][],
): { names: string[]; payload: string } {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = Object.keys(rows[0] as object);
  const names = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return column.name;
  });
  const payload = JSON.stringify(
    rows.map((row) => {
      const record: Record<string, unknown> = {};
      keys.forEach((key, k) => {
        record[names[k]!] = (row as Record<string, unknown>)[key] ?? null;
      });
      return record;
    }),
  );
  return { names: names.map((n) => `"${n}"`), payload };
}

/**
 * Inserts `rows` (Drizzle's insert shape; every row names the same columns, which must be enough for
 * the table) and answers the `returning` columns of each, in the order of `rows`.
 */
export async function bulkInsert<T extends Table, R = Record<string, never>>(
  tx: Tx | Db,
  table: T,
  rows: T['$inferInsert'][],
  returning: string[] = [],
): Promise<R[]> {
  if (rows.length === 0) return [];
  const { names, payload } = tableRowsAsJson(table, rows);
  const list = names.join(', ');
  const table_ = `"${getTableName(table)}"`;
  const result = await tx.execute(
    sql
      .raw(`insert into ${table_} (${list}) select ${list} from jsonb_populate_recordset(null::${table_}, `)
      .append(sql`${payload}::jsonb)`)
      .append(sql.raw(returning.length > 0 ? ` returning ${returning.map((r) => `"${r}"`).join(', ')}` : '')),
  );
  return (result as unknown as { rows: R[] }).rows;
}

/**
 * The triggers a bulk load switches off, by table: the derived tables' (rebuilt once by resumeDerivedUpkeep)
 * and the content version's (a row-level deferred trigger: one queued event per row, which on 250,000
 * rows cost more than the rows; the version is bumped once instead).
 */
const DERIVED_TRIGGERS: [string, string[]][] = [
  ['themes', ['content_changed']],
  ['addressees', ['content_changed']],
  ['statements', ['search_inserted', 'content_changed']],
  ['statement_addressees', ['content_changed']],
  [
    'recommendations',
    ['search_inserted', 'recommendations_rollup_insert', 'recommendations_number_insert', 'content_changed'],
  ],
  ['recommendation_themes', ['recommendation_themes_rollup_insert', 'content_changed']],
  ['recommendation_addressees', ['recommendation_addressees_rollup_insert', 'content_changed']],
  ['recommendation_recommenders', ['content_changed']],
  ['followup_responses', ['search_inserted', 'followup_responses_rollup_insert', 'content_changed']],
  [
    'followup_status_updates',
    [
      'search_inserted',
      'search_updated',
      'followup_status_updates_rollup_insert',
      'followup_status_updates_rollup_update',
      'content_changed',
    ],
  ],
  ['followup_evidence', ['content_changed']],
];

async function switchDerivedTriggers(tx: Tx, on: boolean): Promise<void> {
  for (const [table, triggers] of DERIVED_TRIGGERS) {
    for (const trigger of triggers) {
      await tx.execute(sql.raw(`alter table "${table}" ${on ? 'enable' : 'disable'} trigger "${trigger}"`));
    }
  }
}

/**
 * What a bulk load created, for the derived tables' upkeep: kept from the load's first row to the end of its
 * catch-up, so the lists as large as the load are IdLists (typed arrays, outside the JS heap).
 */
export interface CreatedRows {
  /** Every statement whose recommendations or entries changed (the rollups are per statement). */
  statements: Set<number>;
  newStatements: IdList;
  recommendations: IdList;
  responses: IdList;
  statusUpdates: IdList;
  /**
   * New statements whose recommendations were written with their stored number already (their positions are
   * exactly 1…n, so each number is its position: `numberedByPosition()`). The catch-up renumbers only the
   * others: rewriting every row of a bulk load to set its number was an update of the whole load (11 s of a
   * 50,000-row import's 76 s catch-up).
   */
  numberedByPosition: Set<number>;
}

export const noRowsCreated = (): CreatedRows => ({
  statements: new Set(),
  newStatements: new IdList(),
  recommendations: new IdList(),
  responses: new IdList(),
  statusUpdates: new IdList(),
  numberedByPosition: new Set(),
});

/**
 * The stored number of a recommendation as it is inserted, for `publishStaged`'s `computed` columns: its
 * position when its statement is one of `created.numberedByPosition` (the rule of migration 0030: the
 * rank by position, then id, within the statement, which for positions 1…n is the position), else 0 until
 * the catch-up renumbers it.
 */
export function numberAtInsert(created: CreatedRows, row: SQL): SQL {
  const ids = `{${[...created.numberedByPosition].join(',')}}`;
  return sql`case when ${row}.statement_id = any(${ids}::integer[]) then ${row}.position else 0 end`;
}

export async function pauseDerivedUpkeep(tx: Tx): Promise<void> {
  await switchDerivedTriggers(tx, false);
}

/**
 * How many ids one statement of the search index's catch-up (and of the sheet import's current-status step)
 * handles. Each is set-based over what it is given, and its working memory grew with it: one `search_refresh`
 * over 250,000 recommendations grew PGlite's WebAssembly heap by 25 MB, which never shrinks (issue 17's 512 MB).
 * Slices keep every statement's working memory the same whatever the size of the load; they all run inside the
 * caller's transaction, so the load stays all-or-nothing. The per-statement steps (renumbering, rollups) are not
 * sliced: see resumeDerivedUpkeep.
 */
export const UPKEEP_SLICE = 10_000;

/** `ids` (deduplicated, in order) as Postgres array literals of at most `size` ids each. */
export function idSlices(ids: Iterable<number>, size: number): string[] {
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`idSlices: the slice size must be a whole number ≥ 1, not ${size}`);
  const list = ids instanceof IdList ? ids.view() : [...ids];
  // A load's ids come from sequences, so they rise and are unique already: sliced as they are, without a Set
  // and an array as long as the load made at the catch-up's start.
  const unique = isStrictlyRising(list) ? list : [...new Set(list)];
  const slices: string[] = [];
  for (let start = 0; start < unique.length; start += size) {
    slices.push(`{${unique.slice(start, start + size).join(',')}}`);
  }
  return slices;
}

function isStrictlyRising(ids: ArrayLike<number>): boolean {
  for (let k = 1; k < ids.length; k++) if (ids[k]! <= ids[k - 1]!) return false;
  return true;
}

/** Runs `step` once per slice of `ids` (none when there are none), one statement after the other. */
export async function forEachSlice(
  ids: Iterable<number>,
  size: number,
  step: (slice: string) => Promise<unknown>,
): Promise<void> {
  for (const slice of idSlices(ids, size)) await step(slice);
}

export interface UpkeepOptions {
  /** Ids per statement of the search index's catch-up (UPKEEP_SLICE); tests set a small one to cover several slices quickly. */
  sliceSize?: number;
}

/**
 * Plans every query of the catch-up for its own parameters: the search functions filter by `ids IS NULL
 * OR id = ANY(ids)`, and once the plan cache switched them to a generic plan each call scanned the whole
 * table comparing every row with every id (quadratic: most of the 808 s that 250,000 rows took). Only
 * from here on: set for the whole load, it also re-planned the foreign-key check of every inserted row.
 */
export async function resumeDerivedUpkeep(tx: Tx, created: CreatedRows, options: UpkeepOptions = {}): Promise<void> {
  const size = options.sliceSize ?? UPKEEP_SLICE;
  await tx.execute(sql`set local plan_cache_mode = force_custom_plan`);
  // On PGlite, each sort and hash of the catch-up may take work_mem (4 MB, twice that for a hash) in the WebAssembly
  // heap, whose pages stay resident once touched: a rollup refresh has a dozen of them. With 1 MB, what does not
  // fit spills to temporary files instead, which cost no measurable CPU (250,000 rows: the catch-up's WebAssembly
  // pages 102 → 90 MB at their highest, the publish's CPU time the same within 3%: docs/deployment.md, "Memory").
  // Not on PostgreSQL, where the server's memory is not the import's.
  await tx.execute(sql`select set_config('work_mem', '1MB', true) where version() like '%PGlite%'`);
  // The content-version triggers are deferred to the commit; a table with pending events cannot be
  // altered, so they run now (the version moves either way, once the transaction commits).
  await tx.execute(sql`set constraints all immediate`);
  // The per-statement steps run once over every statement the load touched, not in slices: with work_mem capped
  // above, their working memory no longer grows with the statements given (250,000 rows in one call or in 25
  // slices of 10,000 recommendations: the same 90 MB of WebAssembly pages), while each call reads the tables again
  // (25 slices doubled the rollup refresh's CPU time, 15 → 31 s).
  // The stored numbers (recommendations.number), while the content-version trigger is still off, so the renumbered
  // rows queue no event each.
  const renumbered = [...created.statements].filter((id) => !created.numberedByPosition.has(id));
  if (renumbered.length > 0) {
    await tx.execute(sql`select recommendations_renumber_statements(${`{${renumbered.join(',')}}`}::integer[])`);
  }
  await switchDerivedTriggers(tx, true);
  if (created.statements.size > 0) {
    await tx.execute(sql`select followup_rollup_refresh(${`{${[...created.statements].join(',')}}`}::integer[])`);
  }
  await withGinPendingLists(tx, 'search_documents', async () => {
    // Kind by kind in this order: a statement's refresh carries its span to the documents of its recommendations
    // and entries that exist, and theirs are then written with the span already.
    const kinds: [string, IdList][] = [
      ['statement', created.newStatements],
      ['recommendation', created.recommendations],
      ['followup_response', created.responses],
      ['followup_status_update', created.statusUpdates],
    ];
    for (const [kind, list] of kinds) {
      await forEachSlice(list, size, (ids) => tx.execute(sql`select search_refresh(${kind}, ${ids}::integer[])`));
    }
  });
  await bumpContentVersion(tx);
  // Fresh planner statistics for what the load added: PGlite has no autovacuum, and with the row counts
  // of before the load the dashboards' queries chose plans for a few rows (the large-coalition bench does the same).
  // Not sliced: analyze reads a fixed-size sample of each table, whatever the load.
  await tx.execute(sql`analyze`);
}

/**
 * Runs `load` with the table's full-text (GIN) indexes gathering new entries in their pending lists, then
 * merges the lists into the indexes once and puts the indexes back as they were, all inside the caller's
 * transaction. The search index's GIN indexes are built with fastupdate off (a search never reads a pending
 * list), so each inserted document went into the index tree word by word: half of the search index's
 * catch-up (20,000 recommendations: 21 s, and 9 s with the pending lists; measured on PGlite). On PGlite
 * only: changing an index's options takes an exclusive lock on it until the transaction ends, which on
 * PostgreSQL would make every search wait for the load's commit (readers must keep being served there; on
 * PGlite the one connection is held by the publish anyway).
 */
async function withGinPendingLists(tx: Tx, table: string, load: () => Promise<void>): Promise<void> {
  const indexes = await queryRows<{ name: string }>(
    tx,
    sql`select c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam
        where i.indrelid = ${table}::regclass and am.amname = 'gin' and 'fastupdate=false' = any(c.reloptions)
          and version() like '%PGlite%'
        order by c.relname`,
  );
  const setFastUpdate = async (on: boolean) => {
    for (const { name } of indexes) {
      // Spelled as the migrations spell it: the option is kept as written, and found by that text next time.
      await tx.execute(sql.raw(`alter index "${name}" set (fastupdate = ${on ? 'true' : 'false'})`));
    }
  };
  // Transactional like the rest: if the load fails, the rollback puts the options back too.
  await setFastUpdate(true);
  await load();
  for (const { name } of indexes) await tx.execute(sql`select gin_clean_pending_list(${name}::regclass)`);
  await setFastUpdate(false);
}

/** What the content-version trigger does once per transaction (migration 0015), for the rows it did not see. */
async function bumpContentVersion(tx: Tx): Promise<void> {
  await tx.execute(sql`do $$
    declare bumped bigint;
    begin
      if current_setting('puente.content_changed', true) is distinct from 'yes' then
        perform set_config('puente.content_changed', 'yes', true);
        update content_version set version = version + 1, changed_at = now() where id = 1 returning version into bumped;
        perform pg_notify('puente_content_version', bumped::text);
      end if;
    end $$`);
}
