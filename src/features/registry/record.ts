/**
 * The edit and archive steps every registry row shares (organizations, people, themes,
 * addressees): read the row for this user inside the transaction, then one versioned, audited
 * write. Each kind says only how it is found and checked, and what of it the audit keeps.
 */
import type { Db } from '../../platform/db/client.js';
import type { Editor } from '../../platform/write.js';
import { actorOf, updateArchived, updateVersioned, type VersionedTable } from '../../platform/write.js';

export interface RegistryRecord<Row> {
  table: VersionedTable;
  entityType: string;
  audited: (row: Row) => Record<string, unknown>;
  /** The row by slug, refused (NotFound, Forbidden) when this user may not change it. */
  load: (tx: Db, slug: string, user: Editor) => Promise<Row>;
}

/** What an edit or archive form posts about its row: which one, the version it was built from, by whom, when. */
export interface RecordChange {
  slug: string;
  seenVersion: number;
  user: Editor;
  now: Date;
}

type Stored = { id: number; version: number };

/**
 * Writes the columns `columnsOf` gives for the row as read (it validates, so bad input changes
 * nothing) against the version the editor saw.
 */
export function updateRecord<Row extends Stored>(
  db: Db,
  record: RegistryRecord<Row>,
  change: RecordChange,
  columnsOf: (tx: Db, before: Row) => Record<string, unknown> | Promise<Record<string, unknown>>,
): Promise<Row> {
  return db.transaction(async (tx) => {
    const before = await record.load(tx, change.slug, change.user);
    return updateVersioned<Row>(tx, {
      table: record.table,
      before,
      seenVersion: change.seenVersion,
      set: await columnsOf(tx, before),
      entityType: record.entityType,
      action: 'update',
      actor: actorOf(change.user),
      now: change.now,
      audited: record.audited,
    });
  });
}

/** Archive (or restore): out of lists and pickers, never deleted, since statements cite registry rows. */
export function setRecordArchived<Row extends Stored>(
  db: Db,
  record: RegistryRecord<Row>,
  change: RecordChange & { archived: boolean },
): Promise<Row> {
  return db.transaction(async (tx) => {
    const before = await record.load(tx, change.slug, change.user);
    return updateArchived<Row>(tx, {
      table: record.table,
      before,
      seenVersion: change.seenVersion,
      archived: change.archived,
      entityType: record.entityType,
      actor: actorOf(change.user),
      now: change.now,
      audited: record.audited,
    });
  });
}
