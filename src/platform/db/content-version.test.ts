import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { queryRows } from './client.js';
import { contentVersionReader, freshReader, readContentVersion } from './content-version.js';

/**
 * Tables that hold nothing the public reads: accounts, sessions, links, rate limits, the record of changes;
 * and `search_documents`, derived by triggers from public tables in the same transaction, so every write
 * to it comes with a write that bumps the version already; `theme_mappings` and `recommendation_source_themes`, read by importers and the workspace only.
 */
const NOT_PUBLIC = [
  'app_secrets',
  'audit_log',
  'content_version',
  'import_batches',
  'import_staged_rows',
  'mail_outbox',
  'mail_suppressions',
  'open_sign_on_tokens',
  'press_contacts',
  'press_list_members',
  'press_lists',
  'press_sends',
  'rate_limit_buckets',
  'recommendation_source_themes',
  'recovery_codes',
  'release_lint_results',
  'release_downloads',
  'search_documents',
  'sessions',
  'sheet_import_jobs',
  'single_use_tokens',
  'theme_mappings',
  'translation_todos',
  'translation_todos_stamp',
  'users',
];

/**
 * Tables whose public part is a subset of their rows: their triggers fire only for rows of that subset.
 * Open signatures are public once approved (migration 0027), so one submitted or confirmed keeps the cache.
 */
const PUBLIC_IN_PART: Record<string, string[]> = {
  open_sign_on_submissions: [
    'content_changed',
    'content_changed_on_delete',
    'content_changed_on_insert',
    'content_truncated',
  ],
};

describeEachEngine('content version', (ctx) => {
  it('is bumped by every table of public material, and only those', async () => {
    const tables = await queryRows<{ name: string; triggers: string[] }>(
      ctx.db,
      sql`select c.relname as name,
            coalesce(array_agg(tg.tgname::text order by tg.tgname) filter (where tg.tgname is not null), '{}') as triggers
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          left join pg_trigger tg on tg.tgrelid = c.oid and not tg.tgisinternal and tg.tgname like 'content\_%'
          where n.nspname = 'public' and c.relkind = 'r' and c.relname not like '__drizzle%'
          group by c.relname order by c.relname`,
    );
    expect(tables.length).toBeGreaterThan(30);
    for (const { name, triggers } of tables) {
      const expected = NOT_PUBLIC.includes(name)
        ? []
        : (PUBLIC_IN_PART[name] ?? ['content_changed', 'content_truncated']);
      expect(triggers, `${name}: add it to migration 0015's trigger list, or to NOT_PUBLIC here`).toEqual(expected);
    }
  });

  it('moves once per committed transaction, at its commit, and not for one rolled back', async () => {
    const before = await readContentVersion(ctx.db);
    await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`insert into themes (slug, label) values ('cv-one', '{}'::jsonb), ('cv-two', '{}'::jsonb)`);
      await tx.execute(sql`update themes set position = position + 1 where slug like 'cv-%'`);
    });
    const after = await readContentVersion(ctx.db);
    expect(after.version).toBe(before.version + 1);
    await expect(
      ctx.db.transaction(async (tx) => {
        await tx.execute(sql`delete from themes where slug like 'cv-%'`);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await readContentVersion(ctx.db)).version).toBe(after.version);
    await ctx.db.execute(sql`delete from themes where slug like 'cv-%'`);
    expect((await readContentVersion(ctx.db)).version).toBe(after.version + 1);
  });
});

describeEachEngine('content version reader (what the render cache asks on every request)', (ctx) => {
  it('knows a committed write as soon as the writer goes on, and ignores one rolled back', async () => {
    const current = contentVersionReader(ctx.db);
    const before = await current();
    expect(before).toBe((await readContentVersion(ctx.db)).version);
    await ctx.db.execute(sql`insert into themes (slug, label) values ('reader-one', '{}'::jsonb)`);
    expect(await current()).toBe(before + 1);
    await expect(
      ctx.db.transaction(async (tx) => {
        await tx.execute(sql`delete from themes where slug = 'reader-one'`);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await current()).toBe(before + 1);
    await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`delete from themes where slug = 'reader-one'`);
    });
    expect(await current()).toBe(before + 2);
  });
});

describe('freshReader', () => {
  it('answers each caller from a read that began after it asked, sharing reads between callers', async () => {
    const loads: { started: number; resolve: (v: number) => void }[] = [];
    let calls = 0;
    const read = freshReader(
      () =>
        new Promise<number>((resolve) => {
          loads.push({ started: calls, resolve });
        }),
    );
    calls = 1;
    const a = read(); // starts load 0
    calls = 2;
    const b = read(); // load 0 began before b asked: b waits for load 1
    calls = 3;
    const c = read(); // shares load 1 with b
    expect(loads).toHaveLength(1);
    loads[0]!.resolve(10);
    expect(await a).toBe(10);
    await Promise.resolve();
    await Promise.resolve();
    expect(loads).toHaveLength(2);
    expect(loads[1]!.started).toBe(3);
    loads[1]!.resolve(11);
    expect(await b).toBe(11);
    expect(await c).toBe(11);
    const d = read();
    expect(loads).toHaveLength(3);
    loads[2]!.resolve(12);
    expect(await d).toBe(12);
  });

  it('gives a failed read to its callers only; the next caller reads again', async () => {
    let n = 0;
    const read = freshReader(async () => {
      n += 1;
      if (n === 1) throw new Error('connection lost');
      return n;
    });
    await expect(read()).rejects.toThrow('connection lost');
    expect(await read()).toBe(2);
  });
});
