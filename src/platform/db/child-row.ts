/**
 * The one way to look up a row that a URL addresses under its parent (`/statements/:slug/quotes/:id`,
 * `/sign-on/:slug/requests/:id`): the child's id and the parent's key in one query, joined on the
 * child's reference to the parent. A child of another parent is `NotFound`, exactly like an id that does
 * not exist, so no page, save, delete or move can reach it through the wrong parent's address.
 */
import { and, eq, getTableColumns, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { NotFound } from '../errors.js';
import type { Db } from './client.js';

export interface ChildOf<Child extends PgTable> {
  child: Child & { id: PgColumn };
  /** The child's column that references the parent's id. */
  parentRef: PgColumn;
  parent: PgTable & { id: PgColumn };
  /** The parent as the URL names it, e.g. `eq(statements.slug, slug)`. */
  parentIs: SQL;
}

export async function childRow<Child extends PgTable>(
  db: Db,
  { child, parentRef, parent, parentIs }: ChildOf<Child>,
  id: number,
  notFound: string,
): Promise<Child['$inferSelect']> {
  const [row] = await db
    .select(getTableColumns(child as PgTable))
    .from(child as PgTable)
    .innerJoin(parent, eq(parentRef, parent.id))
    .where(and(eq(child.id, id), parentIs));
  if (!row) throw new NotFound(notFound);
  return row as Child['$inferSelect'];
}
