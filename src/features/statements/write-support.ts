/**
 * What every editorial write shares: who may write, the version check that refuses a stale form
 * (with what changed since, for the 409 page), and whether material was ever public (published
 * material is archived — withdrawn — never deleted).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Problems } from '../../platform/forms/problems.js';
import type { PolicyUser } from '../../platform/policy.js';
import { actorOf, updateIfUnchanged } from '../../platform/write.js';

/** A signed-in person (the routes' currentUser, or a CLI's user row). */
export type Editor = NonNullable<PolicyUser> & { email: string };

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export { actorOf };

type Versioned = typeof t.statements | typeof t.recommendations | typeof t.quotes | typeof t.releases;

/**
 * `update … set … where id = :id and version = :seen`, bumping the version (the shell's
 * updateIfUnchanged, typed per table); statements write their own audit rows.
 */
export function updateVersioned<T extends Versioned>(
  tx: Db,
  table: T,
  entityType: string,
  before: { id: number; version: number },
  seen: number,
  set: Partial<T['$inferInsert']>,
  now: Date,
): Promise<T['$inferSelect']> {
  return updateIfUnchanged<T['$inferSelect']>(tx, { table, entityType, before, seenVersion: seen, set, now });
}

/** A versioned update and its audit row: what the row was and became, as `audited` keeps it. */
export async function updateAudited<T extends Versioned>(
  tx: Db,
  change: {
    table: T;
    entityType: string;
    before: T['$inferSelect'];
    seenVersion: number;
    set: Partial<T['$inferInsert']>;
    audited: (row: T['$inferSelect']) => Record<string, unknown>;
  },
  user: Editor,
  now: Date,
): Promise<T['$inferSelect']> {
  const { table, entityType, before, audited } = change;
  const after = await updateVersioned(tx, table, entityType, before, change.seenVersion, change.set, now);
  await writeAudit(tx, {
    actor: actorOf(user),
    at: now,
    entityType,
    entityId: after.id,
    action: 'update',
    before: audited(before),
    after: audited(after),
  });
  return after;
}

/** Published now, or published once (the audit log remembers): such material is kept. */
export async function wasEverPublished(
  tx: Db,
  entityType: 'statement' | 'release',
  row: { id: number; status: string },
): Promise<boolean> {
  if (row.status === 'published') return true;
  const published = await tx
    .select({ id: t.auditLog.id })
    .from(t.auditLog)
    .where(
      and(
        eq(t.auditLog.entityType, entityType),
        eq(t.auditLog.entityId, String(row.id)),
        inArray(t.auditLog.action, ['publish']),
      ),
    )
    .limit(1);
  return published.length > 0;
}

const ITEMS_KEPT = { recommendation: 'Recommendations', quote: 'Quotes' } as const;

/**
 * Removes a recommendation or a quote, against the version the editor saw, only while its
 * statement was never published (published material is kept); the audit row keeps `audited`.
 */
export async function deleteStatementItem(
  tx: Db,
  item: {
    table: typeof t.recommendations | typeof t.quotes;
    entityType: keyof typeof ITEMS_KEPT;
    before: { id: number; version: number; statementId: number };
    audited: Record<string, unknown>;
  },
  seenVersion: number,
  user: Editor,
  now: Date,
): Promise<void> {
  const { entityType, before } = item;
  const [statement] = await tx.select().from(t.statements).where(eq(t.statements.id, before.statementId));
  if (statement && (await wasEverPublished(tx, 'statement', statement))) {
    const p = new Problems();
    p.add(entityType, 'editorialErrPublishedKept');
    p.throwIfAny(`${ITEMS_KEPT[entityType]} of a published statement are kept`);
  }
  // One of the two item tables; both have the columns used here.
  const table = item.table as typeof t.quotes;
  await updateVersioned(tx, table, entityType, before, seenVersion, {}, now);
  await tx.delete(table).where(eq(table.id, before.id));
  await writeAudit(tx, {
    actor: actorOf(user),
    at: now,
    entityType,
    entityId: before.id,
    action: 'delete',
    before: item.audited,
  });
}

/** Ids that do not exist in `table`, so a form naming a deleted row gets a clear answer. */
export async function missingIds(
  tx: Db,
  table: typeof t.themes | typeof t.addressees | typeof t.organizations | typeof t.people,
  ids: number[],
): Promise<number[]> {
  if (ids.length === 0) return [];
  const anyTable = table as typeof t.themes;
  const found = await tx.select({ id: anyTable.id }).from(anyTable).where(inArray(anyTable.id, ids));
  const have = new Set(found.map((r) => r.id));
  return ids.filter((id) => !have.has(id));
}
