/**
 * The write pattern every workspace save follows, in one place (every editable row goes through it):
 *   1. the policy check (the caller passes its verdict, from platform/policy.ts);
 *   2. validation first, so bad input changes nothing (`Invalid` with field problems);
 *   3. `update … where id = :id and version = :seen`, bumping the version (`updateVersioned`), or an
 *      insert (`insertAudited`);
 *   4. an audit row in the same transaction;
 *   5. no row updated → `Conflict` carrying what others changed since `seen` (shown as the 409 page,
 *      or by the workspace with the editor's typed text kept).
 */
import { and, eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type Actor, changesSince, writeAudit } from './audit.js';
import type { Db } from './db/client.js';
import { Conflict, Forbidden } from './errors.js';
import type { PolicyUser } from './policy.js';

/** A signed-in person who writes (the routes' currentUser, or a CLI's user row). */
export type Editor = NonNullable<PolicyUser> & { email: string };

/** A transaction, as `db.transaction` hands it to its callback. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The audit log's "who" for a person. */
export const actorOf = (user: Pick<Editor, 'id' | 'email'>): Actor => ({ id: user.id, label: user.email });

export function assertAllowed(allowed: boolean, message = 'You may not change this'): void {
  if (!allowed) throw new Forbidden(message);
}

/** A table with the columns this pattern relies on. */
export type VersionedTable = PgTable & { version: PgColumn; updatedAt: PgColumn };

type AuditRecord = Record<string, unknown>;
/** A row as stored: every versioned row has these. */
type Stored<Row> = Row & { id: number; version: number };

export interface VersionedUpdate<Row> {
  table: VersionedTable;
  /** The row as read in this transaction (for the audit's "before", and the Conflict's history). */
  before: Stored<Row>;
  /** The version the editor's form was built from. */
  seenVersion: number;
  /** The columns changed; none: the version alone is bumped (a change to the row's children). */
  set?: Record<string, unknown>;
  entityType: string;
  action: string;
  actor: Actor;
  now: Date;
  /**
   * What the audit keeps of a row, before and after (no secrets; bookkeeping columns are dropped by
   * the diff); the version is added to both, for `changesSince`.
   */
  audited?: (row: Row) => AuditRecord;
  /** Or the audit's before and after given outright (children set anew, a row deleted: no after). */
  audit?: {
    before?: AuditRecord | null;
    after?: (row: Stored<Row>) => AuditRecord | null | Promise<AuditRecord | null>;
  };
  /** Writes to the rows beside this one, once the version check passed and before the audit (which may read them). */
  alongside?: (row: Stored<Row>) => Promise<unknown>;
  /** What the Conflict's message calls the row (default: the entity type). */
  what?: string;
  /** The row's key when it is not `id` (the audit's entity id is then its value). */
  key?: { column: PgColumn; value: number };
}

/**
 * Which row, as seen at which version, whose change and when: the part of a VersionedUpdate every
 * editor's save has (what is set and what is audited is the caller's).
 */
export function versionedChange<Row extends { id: number; version: number }>(
  table: VersionedTable,
  entityType: string,
  before: Row,
  seenVersion: number,
  action: string,
  user: Editor,
  now: Date,
) {
  return { table, entityType, before, seenVersion, action, actor: actorOf(user), now };
}

/** A stale write: what others changed since `seenVersion`, for the 409 page or the workspace's notice. */
export async function staleWrite(
  tx: Db,
  input: { entityType: string; entityId: number | undefined; seenVersion: number; version: number; what?: string },
): Promise<Conflict> {
  return new Conflict(`This ${input.what ?? input.entityType} was changed by someone else`, {
    version: input.version,
    changes:
      input.entityId === undefined ? [] : await changesSince(tx, input.entityType, input.entityId, input.seenVersion),
  });
}

/** Steps 3–5 above: the version-checked update and its audit row; call it inside `db.transaction`. */
export async function updateVersioned<Row>(tx: Db, input: VersionedUpdate<Row>): Promise<Stored<Row>> {
  const { table, before } = input;
  const key = input.key ?? { column: (table as unknown as { id: PgColumn }).id, value: before.id };
  const rows = (await tx
    .update(table)
    .set({ ...input.set, version: before.version + 1, updatedAt: input.now } as never)
    .where(and(eq(key.column, key.value), eq(table.version, input.seenVersion)))
    .returning()) as Stored<Row>[];
  const after = rows[0];
  if (!after) throw await staleWrite(tx, { ...input, entityId: key.value, version: before.version });
  await input.alongside?.(after);
  const { audited } = input;
  await writeAudit(tx, {
    actor: input.actor,
    at: input.now,
    entityType: input.entityType,
    entityId: key.value,
    action: input.action,
    ...(audited
      ? {
          before: { ...audited(before), version: before.version },
          after: { ...audited(after), version: after.version },
        }
      : { before: input.audit?.before, after: await input.audit?.after?.(after) }),
  });
  return after;
}

/** Archiving (or restoring) a row: `archivedAt` set or cleared, audited as "archive"/"restore". */
export function updateArchived<Row>(
  tx: Db,
  input: Omit<VersionedUpdate<Row>, 'set' | 'action'> & { archived: boolean },
): Promise<Stored<Row>> {
  const { archived, ...rest } = input;
  return updateVersioned(tx, {
    ...rest,
    set: { archivedAt: archived ? input.now : null },
    action: archived ? 'archive' : 'restore',
  });
}

/** An insert and its audit row (before = nothing; "create" unless told); call it inside `db.transaction`. */
export async function insertAudited<Row>(
  tx: Db,
  input: {
    table: PgTable;
    values: Record<string, unknown>;
    entityType: string;
    action?: string;
    actor: Actor;
    now: Date;
    /** What the audit keeps of the new row; version 1 is added. */
    audited: (row: Row) => AuditRecord;
    /** The audit's entity id when the row's key is not `id`. */
    entityId?: number;
    /** A row someone else inserted first (a unique key taken) is a stale write, not an error. */
    orConflict?: { what?: string };
  },
): Promise<Row> {
  const insert = tx
    .insert(input.table)
    .values({ ...input.values, createdAt: input.now, updatedAt: input.now } as never);
  const rows = (await (input.orConflict ? insert.onConflictDoNothing() : insert).returning()) as Row[];
  const row = rows[0];
  if (!row) {
    throw await staleWrite(tx, { ...input.orConflict, ...input, entityId: input.entityId, seenVersion: 0, version: 0 });
  }
  await writeAudit(tx, {
    actor: input.actor,
    at: input.now,
    entityType: input.entityType,
    entityId: input.entityId ?? (row as unknown as { id: number }).id,
    action: input.action ?? 'create',
    before: null,
    after: { ...input.audited(row), version: 1 },
  });
  return row;
}
