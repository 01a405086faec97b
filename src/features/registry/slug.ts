/** URL names for new registry rows: from the name, without accents, unique in their table. */
import { like } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.js';

export function slugify(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'item';
}

/** `base`, or `base-2`, `base-3`… whichever is free. */
export async function uniqueSlug(db: Db, table: PgTable & { slug: PgColumn }, text: string): Promise<string> {
  const base = slugify(text);
  const taken = new Set(
    (
      await db
        .select({ slug: table.slug })
        .from(table as PgTable)
        .where(like(table.slug, `${base}%`))
    ).map((r) => String(r.slug)),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
