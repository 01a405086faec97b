/** URL names for new registry rows: from the name, without accents, unique in their table. */
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.js';
import { freeSlug, slugify } from '../../platform/forms/problems.js';

/** The slug of `text`, or with `-2`, `-3`… whichever is free. */
export function uniqueSlug(db: Db, table: PgTable & { slug: PgColumn }, text: string): Promise<string> {
  return freeSlug(db, table, slugify(text));
}
