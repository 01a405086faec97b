/**
 * A large import is staged a chunk at a time and published in one transaction (platform/db/staged-write.ts),
 * on both engines: between chunks the database answers other queries (on PGlite, the connection every
 * page shares) and shows none of the import; a failure mid-way leaves nothing visible and nothing staged;
 * a crashed import's staged rows are deleted by the next import.
 */
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { count, inArray, like, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { systemActor } from '../../platform/audit.js';
import { type Db, queryRows } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { openStagingBatch, STALE_MS, stageNewRows, takeIds } from '../../platform/db/staged-write.js';
import { localized } from '../../platform/text/localized-text.js';
import { type ExportRow, HEADERS } from '../exports/index.js';
import { CHUNK } from './import-rows.js';
import { runSheetImport } from './run.js';

/** Two chunks and a bit: enough for chunks to be staged before the end. */
const ROWS = 2 * CHUNK + 10;
/** Far apart, so none matches another by similarity. */
const THEMES = ['Water access', 'Housing', 'Schools'];
const THEME_SLUGS = ['water-access', 'housing', 'schools', 'left-behind'];

function fileOf(prefix: string): Buffer {
  const rows: ExportRow[] = [];
  for (let i = 1; i <= ROWS; i++) {
    const statement = `${prefix}-${Math.ceil(i / 100)}`;
    // The last statement's numbers leave gaps (2, 4, …), so it is renumbered after the load; the others' are 1…100.
    const number = (((i - 1) % 100) + 1) * (i > ROWS - (ROWS % 100) ? 2 : 1);
    rows.push({
      statement_slug: statement,
      statement_date: '2023-01-20',
      statement_state: 'published',
      statement_title_en: `Recommendations ${statement}`,
      statement_title_es: '',
      recommendation_slug: `r${number}`,
      recommendation_number: String(number),
      recommendation_original_language: 'en',
      recommendation_text_en: `Protect human rights defenders, ${i}.`,
      recommendation_text_es: '',
      themes: THEMES[i % 3]!,
      addressees: 'Staged Ministry',
      current_status: '',
      current_status_date: '',
      entry_type: 'response',
      entry_date: '2023-05-01',
      entry_publication: 'published',
      entry_value: i % 2 ? 'accepted' : 'noted',
      entry_addressee: 'Staged Ministry',
      entry_summary_en: '',
      entry_summary_es: '',
      entry_source_url: '',
      entry_evidence_urls: '',
    });
  }
  return Buffer.from(stringify(rows, { header: true, columns: [...HEADERS] }));
}

/** The file in 64 KB pieces, failing with `failure` once `failAfter` bytes have been read. */
function source(bytes: Buffer, failure?: { after: number; error: Error }): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += 64 * 1024) {
        if (failure && at >= failure.after) throw failure.error;
        yield bytes.subarray(at, at + 64 * 1024);
      }
    })(),
  );
}

async function visible(db: Db, prefix: string) {
  const [statements] = await db
    .select({ n: count() })
    .from(t.statements)
    .where(like(t.statements.slug, `${prefix}-%`));
  const [themes] = await db
    .select({ n: count() })
    .from(t.themes)
    .where(inArray(t.themes.slug, prefix === 'none' ? THEME_SLUGS.slice(3) : THEME_SLUGS));
  return { statements: statements!.n, themes: themes!.n };
}

async function staged(db: Db) {
  const [row] = await queryRows<{ batches: number; chunks: number }>(
    db,
    sql`select (select count(*) from import_batches)::int as batches, (select count(*) from import_staged_rows)::int as chunks`,
  );
  return row!;
}

const options = (commit: boolean, onProgress?: (rows: number) => Promise<void>) => ({
  fileName: 'large.csv',
  format: 'csv' as const,
  commit,
  bulk: true,
  actor: systemActor('test'),
  now: new Date('2026-06-01T12:00:00Z'),
  onProgress,
});

describeEachEngine('spreadsheet import, staged', (ctx) => {
  it('answers other queries between chunks and shows nothing until it is published; a failure mid-way leaves nothing', async () => {
    const file = fileOf('mid-fail');
    const seenMidway: { statements: number; themes: number; chunks: number }[] = [];
    const failing = runSheetImport(
      ctx.db,
      source(file, { after: Math.floor(file.length * 0.75), error: new Error('the upload was cut') }),
      options(true, async () => {
        // Awaited inside the import: on PGlite this query would wait forever for a transaction held across chunks.
        seenMidway.push({ ...(await visible(ctx.db, 'mid-fail')), chunks: (await staged(ctx.db)).chunks });
      }),
    );
    await expect(failing).rejects.toThrow('the upload was cut');
    expect(seenMidway.length).toBeGreaterThanOrEqual(1);
    expect(seenMidway.every((s) => s.statements === 0 && s.themes === 0)).toBe(true);
    expect(seenMidway.at(-1)!.chunks).toBeGreaterThan(0);
    expect(await visible(ctx.db, 'mid-fail')).toEqual({ statements: 0, themes: 0 });
    expect(await staged(ctx.db)).toEqual({ batches: 0, chunks: 0 });
  });

  it('publishes every chunk at once, with the derived tables, and stages nothing for long', async () => {
    const file = fileOf('published');
    const dry = await runSheetImport(ctx.db, source(file), options(false));
    expect(dry.committed).toBe(false);
    expect(dry.recommendations.created).toBe(ROWS);
    expect(await visible(ctx.db, 'published')).toEqual({ statements: 0, themes: 0 });
    expect(await staged(ctx.db)).toEqual({ batches: 0, chunks: 0 });

    const midway: number[] = [];
    const report = await runSheetImport(
      ctx.db,
      source(file),
      options(true, async () => {
        midway.push((await visible(ctx.db, 'published')).statements);
      }),
    );
    expect(report.committed).toBe(true);
    expect(midway.every((n) => n === 0)).toBe(true);
    expect(await visible(ctx.db, 'published')).toEqual({ statements: Math.ceil(ROWS / 100), themes: 3 });
    const [published] = await queryRows<{ recommendations: number; responses: number; found: number }>(
      ctx.db,
      sql`select (select count(*) from recommendations r join statements s on s.id = r.statement_id where s.slug like 'published-%')::int as recommendations,
                 (select count(*) from followup_responses f join recommendations r on r.id = f.recommendation_id
                    join statements s on s.id = r.statement_id where s.slug like 'published-%')::int as responses,
                 (select count(*) from search_documents d join statements s on s.id = d.statement_id
                    where d.kind = 'recommendation' and s.slug like 'published-%')::int as found`,
    );
    expect(published).toEqual({ recommendations: ROWS, responses: ROWS, found: ROWS });
    // The stored numbers are those migration 0030's rule gives, whether written with the rows (positions
    // 1…n) or by the catch-up's renumbering (the last statement's gaps).
    const [numbers] = await queryRows<{ wrong: number; renumbered: number }>(
      ctx.db,
      sql`select count(*) filter (where r.number <> r.rank)::int as wrong,
                 count(*) filter (where r.number <> r.position)::int as renumbered
          from (select number, position, row_number() over (partition by statement_id order by position, id) as rank
                from recommendations where statement_id in (select id from statements where slug like 'published-%')) r`,
    );
    expect(numbers).toEqual({ wrong: 0, renumbered: ROWS % 100 });
    // The search index's GIN indexes took the load through their pending lists (bulk-write.ts): after the
    // commit they are as they were, fastupdate off, so a search never reads a pending list.
    const [gin] = await queryRows<{ fast: number; slow: number }>(
      ctx.db,
      sql`select count(*) filter (where 'fastupdate=false' <> all(coalesce(c.reloptions, '{}')))::int as fast,
                 count(*) filter (where 'fastupdate=false' = any(c.reloptions))::int as slow
          from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam
          where i.indrelid = 'search_documents'::regclass and am.amname = 'gin'`,
    );
    expect(gin!.fast).toBe(0);
    expect(gin!.slow).toBeGreaterThan(0);
    expect(await staged(ctx.db)).toEqual({ batches: 0, chunks: 0 });
  });

  it('takes ids in one block that no other writer’s id meets, even while others insert', async () => {
    const others = Array.from({ length: 20 }, (_, k) =>
      ctx.db
        .insert(t.themes)
        .values({ slug: `other-writer-${k}`, label: localized('en', `Other writer ${k}`) })
        .returning({ id: t.themes.id }),
    );
    const [block, ...inserted] = await Promise.all([takeIds(ctx.db, t.themes, 500), ...others]);
    expect(block).toEqual(Array.from({ length: 500 }, (_, k) => block![0]! + k));
    const theirs = inserted.map((rows) => rows[0]!.id);
    expect(theirs.filter((id) => block!.includes(id))).toEqual([]);
    const [after] = await ctx.db
      .insert(t.themes)
      .values({ slug: 'after-the-block', label: localized('en', 'After') })
      .returning({ id: t.themes.id });
    expect(after!.id).toBeGreaterThan(block!.at(-1)!);
    expect(await takeIds(ctx.db, t.themes, 0)).toEqual([]);
  });

  it('deletes a crashed import’s staged rows at the next import, leaving a running one alone', async () => {
    const crashed = await openStagingBatch(ctx.db, 'crashed import');
    await stageNewRows(ctx.db, crashed, t.themes, [{ slug: 'left-behind', label: localized('en', 'Left behind') }]);
    await ctx.db.execute(
      sql`update import_batches set touched_at = now() - make_interval(secs => ${(2 * STALE_MS) / 1000}) where id = ${crashed.id}`,
    );
    const running = await openStagingBatch(ctx.db, 'an import still running');
    expect(await visible(ctx.db, 'none')).toEqual({ statements: 0, themes: 0 });

    await runSheetImport(ctx.db, source(fileOf('after-crash')), options(false));
    const left = await queryRows<{ id: number }>(ctx.db, sql`select id from import_batches order by id`);
    expect(left.map((b) => Number(b.id))).toEqual([running.id]);
    expect(await staged(ctx.db)).toEqual({ batches: 1, chunks: 0 });
    expect(await visible(ctx.db, 'none')).toEqual({ statements: 0, themes: 0 });
  });
});
