/**
 * One pass over a recommendation spreadsheet, in ONE transaction (import-rows.ts reads, checks, matches
 * and writes it a chunk at a time), committed only when it was asked for and no row had a problem;
 * otherwise rolled back. The dry run is the same pass rolled back, so what it reports is exactly what
 * the commit would do (names created by an earlier row are matched by a later one, the database's own
 * checks run) and all-or-nothing is the transaction's. Re-running a committed file matches every row and
 * adds nothing.
 */
import type { Readable } from 'node:stream';
import { writeAudit } from '../../platform/audit.js';
import { pauseDerivedUpkeep, resumeDerivedUpkeep } from '../../platform/db/bulk-write.js';
import type { Db } from '../../platform/db/client.js';
import { importRows, type PassOptions } from './import-rows.js';
import { emptyReport, hasProblems, type SheetReport } from './report.js';

/**
 * From this size on, a file is imported in bulk: the derived tables' triggers (follow-up rollups, search
 * index, content version) are off for the transaction and their work done once at the end
 * (platform/db/bulk-write.ts). Row by row, each batch made the triggers recount every statement it touched
 * again (20,000 rows: 80 s). The switch locks those tables until the import commits: fine for a bulk
 * load, too much for a small file while the site is read.
 */
export const BULK_FROM_BYTES = 1_000_000;

export interface RunOptions extends PassOptions {
  /** Switch the derived tables' triggers off and rebuild once (BULK_FROM_BYTES); default: by nothing, row by row. */
  bulk?: boolean;
  commit: boolean;
}

class RollBack extends Error {}

export async function runSheetImport(db: Db, source: Readable, options: RunOptions): Promise<SheetReport> {
  let report = emptyReport(options.fileName);
  try {
    await db.transaction(async (tx) => {
      if (options.bulk) await pauseDerivedUpkeep(tx);
      const pass = await importRows(tx, source, options);
      report = pass.report;
      if (!options.commit || hasProblems(report)) throw new RollBack();
      if (options.bulk) await resumeDerivedUpkeep(tx, pass.created);
      report.committed = true;
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
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return report;
}
