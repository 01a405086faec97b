/**
 * Issue 17's round trip, on both engines: the demo coalition exported (workspace scope: every state, draft
 * entries) as CSV and as XLSX, each imported into an empty database, exported again: the same bytes.
 */
import { text } from 'node:stream/consumers';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachEngine } from '../../../test/support/db.js';
import { systemActor } from '../../platform/audit.js';
import type { Db, DbHandle } from '../../platform/db/client.js';
import { loadDemo } from '../demo/index.js';
import { csvStream, exportRows, xlsxStream } from '../exports/index.js';
import { bufferSource } from './read-sheet.js';
import { runSheetImport } from './run.js';

const NOW = new Date('2026-06-01T12:00:00Z');

async function exported(db: Db, format: 'csv' | 'xlsx'): Promise<Buffer> {
  const rows = exportRows(db, { now: NOW, statementId: null, unpublished: true });
  const stream = format === 'csv' ? csvStream(rows) : xlsxStream(rows, 'Recommendations');
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

describeEachEngine('spreadsheet round trip', (ctx) => {
  const targets: DbHandle[] = [];
  beforeAll(async () => {
    await loadDemo(ctx.db);
  });
  afterAll(async () => {
    for (const target of targets) await target.close();
  });

  const derived = async (db: Db) => ({
    search: await db.execute(
      sql`select kind, source_id, title_en, body_en from search_documents order by kind, source_id`,
    ),
    // Cells counting nothing are left behind by the triggers' increments and not made by a rebuild: the same counts.
    rollup: await db.execute(
      sql`select * from followup_rollup where n + answered + accepted <> 0 order by theme_id, addressee_id, country, status`,
    ),
    transitions: await db.execute(
      sql`select * from followup_rollup_transitions where delta <> 0 order by 1, 2, 3, 4, 5, 6`,
    ),
  });
  const results: Record<string, Awaited<ReturnType<typeof derived>>> = {};

  for (const [format, bulk] of [
    ['csv', false],
    ['xlsx', false],
    ['csv', true],
  ] as const) {
    it(`${format}${bulk ? ' in bulk' : ''}: export → import into an empty database → export gives the same file`, async () => {
      const first = await exported(ctx.db, format);
      const target = await createTestDb(ctx.engine);
      targets.push(target);
      const report = await runSheetImport(target.db, bufferSource(first), {
        fileName: `demo.${format}`,
        format,
        commit: true,
        bulk,
        actor: systemActor('test'),
        now: NOW,
      });
      expect(report.problems).toEqual([]);
      expect(report.committed).toBe(true);
      expect(report.recommendations.created).toBeGreaterThan(5);
      const second = await exported(target.db, format);
      if (format === 'csv') expect(await text(bufferSource(second))).toBe(await text(bufferSource(first)));
      expect(second.equals(first)).toBe(true);
      results[`${format}${bulk}`] = await derived(target.db);
    });
  }

  it('leaves the same search index and follow-up rollups in bulk (triggers off, rebuilt once) as row by row', () => {
    const rowByRow = results.csvfalse!;
    const inBulk = results.csvtrue!;
    expect((rowByRow.search as unknown as { rows: unknown[] }).rows.length).toBeGreaterThan(5);
    const rowsOf = (r: unknown) => (r as { rows: unknown[] }).rows;
    for (const part of ['search', 'rollup', 'transitions'] as const) {
      expect({ part, rows: rowsOf(inBulk[part]) }).toEqual({ part, rows: rowsOf(rowByRow[part]) });
    }
  });
});
