/**
 * Rows a bulk import has checked but not yet published (platform/db/staged-write.ts): written a chunk at
 * a time, each chunk its own short transaction, so the site is served while a large file is read; nothing
 * here is visible to anyone. One final transaction copies a batch into the real tables. A batch whose
 * importer stopped (a crash, a restart) is deleted by the next import once it has not moved for a while.
 */
import { index, integer, json, pgTable, text } from 'drizzle-orm/pg-core';
import { id, tz } from './columns.js';

export const importBatches = pgTable('import_batches', {
  id: id(),
  /** What is importing (a file name), for an operator looking at a leftover batch. */
  label: text('label').notNull(),
  startedAt: tz('started_at').notNull().defaultNow(),
  /** Moved by every chunk staged: a batch that stopped moving lost its importer. */
  touchedAt: tz('touched_at').notNull().defaultNow(),
});

export const importStagedRows = pgTable(
  'import_staged_rows',
  {
    id: id(),
    batchId: integer('batch_id')
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    /** The real table the rows go to. */
    tableName: text('table_name').notNull(),
    /**
     * One chunk's rows as a JSON array, read back with json_populate_recordset and the table's own row
     * type. `json`, not `jsonb`: stored as sent, parsed once when published.
     */
    rows: json('rows').notNull(),
  },
  (t) => [index('import_staged_rows_batch_idx').on(t.batchId, t.tableName, t.id)],
);
