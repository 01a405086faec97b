/**
 * One pass over a recommendation spreadsheet (import-rows.ts reads, checks, matches and stages it a chunk
 * at a time, each chunk its own short write, so the site is served while a large file is read), then ONE
 * transaction that publishes the staged rows into the real tables, only when the commit was asked for and
 * no row had a problem. Nothing of an import is visible before that transaction commits, and the staged
 * rows are deleted either way (a crash's are deleted by the next import: platform/db/staged-write.ts).
 * The dry run is the same pass without the publishing, so what it reports is what the commit would do
 * (names created by an earlier row are matched by a later one). It does not publish and roll back: on
 * PGlite that would hold the one connection, every page waiting, as long as the commit does; the real
 * tables' own checks run at the commit, which writes nothing if one fails. Re-running a committed file
 * matches every row and adds nothing.
 */
import type { Readable } from 'node:stream';
import { writeAudit } from '../../platform/audit.js';
import { numberAtInsert, pauseDerivedUpkeep, resumeDerivedUpkeep } from '../../platform/db/bulk-write.js';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { dropStagingBatch, openStagingBatch, publishStaged } from '../../platform/db/staged-write.js';
import { importRows, type PassOptions } from './import-rows.js';
import { emptyReport, hasProblems, type SheetReport } from './report.js';
import { markCurrentStatus } from './write-entries.js';

/**
 * From this size on, a file is published in bulk: the derived tables' triggers (follow-up rollups, search
 * index, content version) are off for the publishing transaction and their work done once at the end
 * (platform/db/bulk-write.ts). Row by row, the triggers recount every statement touched again and again
 * (20,000 rows: 80 s). The switch locks those tables until the transaction commits: fine for a bulk
 * load, too much for a small file while the site is read.
 */
export const BULK_FROM_BYTES = 1_000_000;

/** The tables an import writes, each after those it refers to. */
const PUBLISH_ORDER = [
  t.themes,
  t.addressees,
  t.statements,
  t.recommendations,
  t.recommendationThemes,
  t.recommendationAddressees,
  t.followupResponses,
  t.followupStatusUpdates,
  t.followupEvidence,
];

export interface RunOptions extends PassOptions {
  /** Switch the derived tables' triggers off and rebuild once (BULK_FROM_BYTES); default: by nothing, row by row. */
  bulk?: boolean;
  commit: boolean;
  /** Ids per statement of the publish's derived upkeep (bulk-write.ts's UPKEEP_SLICE); tests set a small one. */
  upkeepSliceSize?: number;
}

export async function runSheetImport(db: Db, source: Readable, options: RunOptions): Promise<SheetReport> {
  let report = emptyReport(options.fileName);
  const batch = await openStagingBatch(db, `sheet import ${options.fileName}`);
  try {
    const pass = await importRows(db, batch, source, options);
    report = pass.report;
    if (!options.commit || hasProblems(report)) return report;
    await db.transaction(async (tx) => {
      if (options.bulk) await pauseDerivedUpkeep(tx);
      await publishStaged(tx, batch, PUBLISH_ORDER, [
        { table: t.recommendations, column: 'number', value: (row) => numberAtInsert(pass.created, row) },
      ]);
      await markCurrentStatus(tx, pass.created.statusUpdates, options.upkeepSliceSize);
      if (options.bulk) await resumeDerivedUpkeep(tx, pass.created, { sliceSize: options.upkeepSliceSize });
      // One audit record for the whole import (platform/audit.ts allows a summary for a bulk command): the file and its counts.
      await writeAudit(tx, {
        actor: options.actor,
        at: options.now,
        entityType: 'sheet_import',
        entityId: options.fileName,
        action: 'commit',
        after: {
          rows: report.rows,
          statements: report.statements.created,
          recommendations: report.recommendations.created,
          responses: report.responses.created,
          statusUpdates: report.statusUpdates.created,
        },
      });
    });
    report.committed = true;
  } finally {
    await dropStagingBatch(db, batch);
  }
  return report;
}
