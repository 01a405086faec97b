/**
 * Did a request change the database? For tests that assert a refused request changed nothing.
 *
 * `watchWrites(db)` puts a row trigger on every table that counts each committed insert, update and
 * delete in one counter row (a write rolled back is not counted, as it changed nothing); `writes(db)`
 * reads the counter, one cheap query, so a test can compare it before and after every request.
 *
 * Not counted, because they record attempts rather than content and a refusal may touch them by
 * design: the request counters (`rate_limit_buckets`), sessions' last-seen times (`sessions`), failed
 * sign-in attempts and locks (their audit rows, and the counters on `users`: ASVS 2.2.1, 7.2.1), and the
 * results kept from content (written downloads, lint results, the translations to-do list), which a page
 * read may bring up to date.
 * Test databases only: nothing here is a migration.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../src/platform/db/client.js';

const NOT_WATCHED = [
  'rate_limit_buckets',
  'sessions',
  '__drizzle_migrations',
  'test_write_count',
  // Kept results, computed again from the content whenever it changes: a page read may refresh them.
  'release_downloads',
  'release_lint_results',
  'translation_todos',
  'translation_todos_stamp',
];
/** Columns of `users` a failed sign-in changes. */
const ATTEMPT_COLUMNS = ['failed_sign_ins', 'locked_until'];
const ATTEMPT_AUDIT = ['sign_in_failed', 'locked', 'two_factor_change_refused'];

export async function watchWrites(db: Db): Promise<void> {
  await db.execute(sql.raw('create table if not exists test_write_count (n bigint not null)'));
  await db.execute(sql.raw('insert into test_write_count select 0 where not exists (select 1 from test_write_count)'));
  await db.execute(
    sql.raw(`create or replace function test_count_write() returns trigger language plpgsql as $$
      declare
        before_row jsonb;
        after_row jsonb;
        ignored text;
      begin
        if tg_op = 'UPDATE' then
          before_row := to_jsonb(old);
          after_row := to_jsonb(new);
          foreach ignored in array coalesce(tg_argv, '{}') loop
            before_row := before_row - ignored;
            after_row := after_row - ignored;
          end loop;
          if before_row = after_row then return null; end if;
        end if;
        if tg_table_name = 'audit_log' and tg_op = 'INSERT' then
          if to_jsonb(new)->>'action' in (${ATTEMPT_AUDIT.map((a) => `'${a}'`).join(', ')}) then return null; end if;
        end if;
        update test_write_count set n = n + 1;
        return null;
      end $$`),
  );
  const tables = await queryRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  for (const { table_name: table } of tables) {
    if (NOT_WATCHED.includes(table)) continue;
    const ignored = table === 'users' ? ATTEMPT_COLUMNS.map((c) => `'${c}'`).join(', ') : '';
    await db.execute(sql.raw(`drop trigger if exists test_count_write on "${table}"`));
    await db.execute(
      sql.raw(`create trigger test_count_write after insert or update or delete on "${table}"
        for each row execute function test_count_write(${ignored})`),
    );
  }
}

/** Committed writes so far (see watchWrites). */
export async function writes(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(db, sql`select n from test_write_count`);
  return Number(row?.n ?? 0);
}
