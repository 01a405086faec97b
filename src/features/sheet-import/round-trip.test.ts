/**
 * Issue 17's round trip, on both engines: the demo coalition exported (workspace scope: every state, draft
 * entries) as CSV and as XLSX, each imported into an empty database, exported again: the same bytes.
 */
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDb, describeEachEngine } from '../../../test/support/db.js';
import { systemActor } from '../../platform/audit.js';
import type { DbHandle } from '../../platform/db/client.js';
import type { Db } from '../../platform/db/client.js';
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

  for (const format of ['csv', 'xlsx'] as const) {
    it(`${format}: export → import into an empty database → export gives the same file`, async () => {
      const first = await exported(ctx.db, format);
      const target = await createTestDb(ctx.engine);
      targets.push(target);
      const report = await runSheetImport(target.db, bufferSource(first), {
        fileName: `demo.${format}`,
        format,
        commit: true,
        actor: systemActor('test'),
        now: NOW,
      });
      expect(report.problems).toEqual([]);
      expect(report.committed).toBe(true);
      expect(report.recommendations.created).toBeGreaterThan(5);
      const second = await exported(target.db, format);
      if (format === 'csv') expect(await text(bufferSource(second))).toBe(await text(bufferSource(first)));
      expect(second.equals(first)).toBe(true);
    });
  }
});
