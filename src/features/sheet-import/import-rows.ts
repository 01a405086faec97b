/**
 * The pass over the file: rows are read as a stream, checked (validate-row.ts), and matched and staged a
 * chunk at a time (platform/db/staged-write.ts), so one chunk of parsed rows is in memory at once, each
 * chunk costs a few short queries, and pages are served between them. Nothing is visible until run.ts
 * publishes the batch.
 */
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/audit.js';
import { type CreatedRows, noRowsCreated } from '../../platform/db/bulk-write.js';
import type { Db } from '../../platform/db/client.js';
import type { StagingBatch } from '../../platform/db/staged-write.js';
import { addProblem, type ImportState } from './import-state.js';
import { readSheet, SheetFileError, type SheetFormat } from './read-sheet.js';
import { emptyReport, type SheetReport } from './report.js';
import { SeenRecommendations } from './seen-recommendations.js';
import { type ParsedRow, validateRow } from './validate-row.js';
import { writeEntries } from './write-entries.js';
import { numberedByPosition, writeRecommendations } from './write-recommendations.js';

/** Rows checked and staged together: few queries per chunk, one chunk of objects in memory, and a chunk is short enough for a page to wait behind it. */
export const CHUNK = 2000;

/** What one pass needs to know (run.ts's RunOptions adds whether to commit). */
export interface PassOptions {
  fileName: string;
  format: SheetFormat;
  actor: Actor;
  now: Date;
  /** Called after each chunk: rows read so far and bytes of the file read so far. */
  onProgress?: (rows: number, bytes: number) => void | Promise<void>;
}

export async function importRows(
  db: Db,
  batch: StagingBatch,
  source: Readable,
  options: PassOptions,
): Promise<{ report: SheetReport; created: CreatedRows }> {
  const state: ImportState = {
    db,
    batch,
    actor: options.actor,
    now: options.now,
    report: emptyReport(options.fileName),
    created: noRowsCreated(),
    statements: new Map(),
    recommendations: new SeenRecommendations(),
    numbersTaken: new Map(),
    vocabulary: { theme: new Map(), addressee: new Map() },
  };
  const { report } = state;
  const writeChunk = async (chunk: ParsedRow[]) => {
    if (chunk.length === 0) return;
    await writeEntries(state, await writeRecommendations(state, chunk));
  };
  let bytes = 0;
  let chunk: ParsedRow[] = [];
  try {
    for await (const sheetRow of readSheet(source, options.format, (read) => {
      bytes = read;
    })) {
      report.rows++;
      const checked = validateRow(sheetRow);
      if (checked.parsed) chunk.push(checked.parsed);
      else for (const problem of checked.problems) addProblem(state, problem);
      if (report.rows % CHUNK === 0) {
        await writeChunk(chunk);
        chunk = [];
        await options.onProgress?.(report.rows, bytes);
      }
    }
    await writeChunk(chunk);
    await options.onProgress?.(report.rows, bytes);
  } catch (error) {
    if (!(error instanceof SheetFileError)) throw error;
    report.fileProblem = { code: error.code, detail: error.detail };
  }
  state.created.numberedByPosition = numberedByPosition(state);
  report.themes.sort((a, b) => a.written.localeCompare(b.written));
  report.addressees.sort((a, b) => a.written.localeCompare(b.written));
  return { report, created: state.created };
}
