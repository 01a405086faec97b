/**
 * What editorial writes share beyond platform/write.ts (the versioned, audited update): whether
 * material was ever public (published material is archived — withdrawn — never deleted), removing a
 * statement's item, and ids a form names that no longer exist.
 */
import { and, eq, inArray, max } from 'drizzle-orm';
import { childRow } from '../../platform/db/child-row.js';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Problems } from '../../platform/forms/problems.js';
import { type Editor, updateVersioned, versionedChange } from '../../platform/write.js';

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
 * A recommendation or a quote as its URL addresses it, under the statement `slug` (platform/db/child-row.ts):
 * another statement's item is NotFound, for the page, the save, the delete and the move alike.
 */
export function statementItem<Table extends typeof t.recommendations | typeof t.quotes>(
  tx: Db,
  table: Table,
  statementSlug: string,
  id: number,
): Promise<Table['$inferSelect']> {
  const what = table === t.quotes ? 'quote' : 'recommendation';
  return childRow(
    tx,
    {
      child: table,
      parentRef: table.statementId,
      parent: t.statements,
      parentIs: eq(t.statements.slug, statementSlug),
    },
    id,
    `No ${what} ${id} in "${statementSlug}"`,
  );
}

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
  await updateVersioned(tx, {
    ...versionedChange(table, entityType, before, seenVersion, 'delete', user, now),
    audit: { before: item.audited },
  });
  await tx.delete(table).where(eq(table.id, before.id));
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

/** The position after a statement's last recommendation or quote (1 for its first). */
export async function nextPosition(
  tx: Db,
  table: typeof t.recommendations | typeof t.quotes,
  statementId: number,
): Promise<number> {
  // One of the two item tables; both have the columns used here.
  const items = table as typeof t.quotes;
  const [last] = await tx
    .select({ position: max(items.position) })
    .from(items)
    .where(eq(items.statementId, statementId));
  return (last?.position ?? 0) + 1;
}
