/**
 * The write pattern every workspace save follows, in one place:
 *   1. the policy check (the caller passes its verdict, from platform/policy.ts);
 *   2. validation first, so bad input changes nothing (`Invalid` with field problems);
 *   3. `update … where id = :id and version = :seen`, bumping the version;
 *   4. an audit row in the same transaction;
 *   5. no row updated → `Conflict` carrying what others changed since `seen` (shown as the 409 page,
 *      or by the workspace with the editor's typed text kept).
 */
import { and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type Actor, changesSince, writeAudit } from './audit.js';
import type { Db } from './db/client.js';
import { Conflict, Forbidden } from './errors.js';

export interface EditingUser {
  id: number;
  email: string;
}

export const actorOf = (user: EditingUser): Actor => ({ id: user.id, label: user.email });

export function assertAllowed(allowed: boolean, message = 'You may not change this'): void {
  if (!allowed) throw new Forbidden(message);
}

/** A table with the columns this pattern relies on. */
export type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

export interface VersionedUpdate<Row> {
  table: VersionedTable;
  /** The row as read in this transaction (for the audit's "before"). */
  before: Row & { id: number; version: number };
  /** The version the editor's form was built from. */
  seenVersion: number;
  set: Record<string, unknown>;
  entityType: string;
  action: string;
  actor: Actor;
  now: Date;
  /** The audited fields of a row (no secrets; bookkeeping columns are dropped by the diff). */
  audited: (row: Row) => Record<string, unknown>;
}

/**
 * Steps 3 and 5 alone, for callers that write their own audit row: the version-checked update, or a
 * Conflict carrying the audit entries after `seenVersion`, so nothing is overwritten.
 */
export async function updateIfUnchanged<Row>(
  tx: Db,
  input: Pick<VersionedUpdate<unknown>, 'table' | 'seenVersion' | 'set' | 'entityType' | 'now'> & {
    before: { id: number; version: number };
  },
): Promise<Row> {
  const { table, before } = input;
  const rows = (await tx
    .update(table)
    .set({ ...input.set, version: before.version + 1, updatedAt: input.now } as never)
    .where(and(eq(table.id, before.id), eq(table.version, input.seenVersion)))
    .returning()) as Row[];
  const after = rows[0];
  if (!after) {
    throw new Conflict(`This ${input.entityType} was changed by someone else`, {
      version: before.version,
      changes: await changesSince(tx, input.entityType, before.id, input.seenVersion),
    });
  }
  return after;
}

/** Steps 3–5 above; call it inside `db.transaction`. */
export async function updateVersioned<Row>(tx: Db, input: VersionedUpdate<Row>): Promise<Row> {
  const { before } = input;
  const after = await updateIfUnchanged<Row>(tx, input);
  await writeAudit(tx, {
    actor: input.actor,
    at: input.now,
    entityType: input.entityType,
    entityId: before.id,
    action: input.action,
    before: { ...input.audited(before), version: before.version },
    after: { ...input.audited(after), version: before.version + 1 },
  });
  return after;
}

/** Archiving (or restoring) a row: `archivedAt` set or cleared, audited as "archive"/"restore". */
export function updateArchived<Row>(
  tx: Db,
  input: Omit<VersionedUpdate<Row>, 'set' | 'action'> & { archived: boolean },
): Promise<Row> {
  const { archived, ...rest } = input;
  return updateVersioned(tx, {
    ...rest,
    set: { archivedAt: archived ? input.now : null },
    action: archived ? 'archive' : 'restore',
  });
}

/** An insert and its audit row ("created", before = nothing); call it inside `db.transaction`. */
export async function insertAudited<Row extends { id: number }>(
  tx: Db,
  input: {
    table: PgTable;
    values: Record<string, unknown>;
    entityType: string;
    actor: Actor;
    now: Date;
    audited: (row: Row) => Record<string, unknown>;
  },
): Promise<Row> {
  const rows = (await tx
    .insert(input.table)
    .values({ ...input.values, createdAt: input.now, updatedAt: input.now } as never)
    .returning()) as Row[];
  const row = rows[0]!;
  await writeAudit(tx, {
    actor: input.actor,
    at: input.now,
    entityType: input.entityType,
    entityId: row.id,
    action: 'create',
    before: null,
    after: { ...input.audited(row), version: 1 },
  });
  return row;
}
