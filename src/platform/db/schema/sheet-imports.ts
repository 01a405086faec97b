/**
 * Spreadsheet imports of recommendations (issue 17) run in the background: the upload is a job row,
 * one process claims it (`state` queued → running, features/sheet-import/jobs.ts), writes its progress
 * here as it reads, and leaves the report. The progress page reads only this row, so it survives a
 * reload, another instance, and the editor leaving and coming back.
 */
import { index, integer, jsonb, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { bytea, id, timestamps, tz } from './columns.js';

export const sheetImportPhase = pgEnum('sheet_import_phase', ['check', 'commit']);
export const sheetImportState = pgEnum('sheet_import_state', ['queued', 'running', 'done', 'failed']);

export const sheetImportJobs = pgTable(
  'sheet_import_jobs',
  {
    id: id(),
    fileName: text('file_name').notNull(),
    /** The uploaded file, kept until it is committed (the commit reads it again) and then dropped. */
    file: bytea('file'),
    fileBytes: integer('file_bytes').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** `check`: the dry run (nothing kept); `commit`: the one all-or-nothing write. */
    phase: sheetImportPhase('phase').notNull().default('check'),
    state: sheetImportState('state').notNull().default('queued'),
    /** Progress of the current phase: rows read so far, and bytes of the file read (of `file_bytes`). */
    rowsDone: integer('rows_done').notNull().default(0),
    bytesDone: integer('bytes_done').notNull().default(0),
    /** The last phase's report (features/sheet-import/report.ts `SheetReport`). */
    report: jsonb('report'),
    /** A failure nobody foresaw (the report holds the foreseen ones, row by row). */
    failure: text('failure'),
    startedAt: tz('started_at'),
    finishedAt: tz('finished_at'),
    ...timestamps,
  },
  (t) => [index('sheet_import_jobs_state_idx').on(t.state, t.id)],
);
