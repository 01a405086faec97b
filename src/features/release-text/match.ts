/**
 * Names in a release matched to the registry, most certain first: the exact name (accents, case and curly
 * apostrophes ignored), an alias, the acronym, then trigram similarity (pg_trgm) at or above
 * FUZZY_THRESHOLD. Whatever matches nothing is a proposal: shown to the user, created only on commit.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/client.js';
import { acronymOf, cleanOrgName, isAllCaps } from './names.js';

/**
 * 0.45, measured on the demo registry by scripts/measure-trgm.ts (docs/decisions/0011-one-release-parser-for-import-and-lint.md):
 * variants of registered names that releases print score 0.64 and up; the closest pair of different
 * registered names scores 0.26. The line sits halfway, far from both.
 */
export const FUZZY_THRESHOLD = 0.45;

export type MatchHow = 'name' | 'alias' | 'acronym' | 'fuzzy';

export interface RegistryMatch {
  id: number;
  slug: string;
  name: string;
  how: MatchHow;
  /** 1 for exact matches; the trigram similarity for fuzzy ones. */
  score: number;
}

/** The SQL form of our comparison key: lower case, no accents, straight apostrophes. */
export const matchKey = (column: ReturnType<typeof sql>) => sql`lower(unaccent(translate(${column}, '’‘', '''''')))`;
const key = matchKey;

export async function matchOrganization(db: Db, rawName: string): Promise<RegistryMatch | null> {
  const name = cleanOrgName(rawName);
  if (name === '') return null;
  const exact = await queryRows<{ id: number; slug: string; name: string; how: MatchHow }>(
    db,
    sql`
    select id, slug, name, case when ${key(sql`name`)} = ${key(sql`${name}`)} then 'name' else 'alias' end as how
    from organizations
    where ${key(sql`name`)} = ${key(sql`${name}`)}
       or ${key(sql`localized_name->'en'->>'text'`)} = ${key(sql`${name}`)}
       or ${key(sql`localized_name->'es'->>'text'`)} = ${key(sql`${name}`)}
       or exists (select 1 from unnest(aliases) a where ${key(sql`a`)} = ${key(sql`${name}`)})
    order by how desc, id limit 1`,
  );
  const row = exact[0];
  if (row) return { ...row, id: Number(row.id), score: 1 };
  const acronym = acronymOf(rawName) ?? (isAllCaps(name) ? name : null);
  if (acronym) {
    const byAcronym = await queryRows<{ id: number; slug: string; name: string }>(
      db,
      sql`select id, slug, name from organizations where lower(acronym) = lower(${acronym}) order by id limit 1`,
    );
    const a = byAcronym[0];
    if (a) return { ...a, id: Number(a.id), how: 'acronym', score: 1 };
  }
  const fuzzy = await queryRows<{ id: number; slug: string; name: string; score: number }>(
    db,
    sql`
    select id, slug, name, greatest(
      similarity(${key(sql`name`)}, ${key(sql`${name}`)}),
      coalesce((select max(similarity(${key(sql`a`)}, ${key(sql`${name}`)})) from unnest(aliases) a), 0)
    ) as score
    from organizations order by score desc, id limit 1`,
  );
  const best = fuzzy[0];
  return best && Number(best.score) >= FUZZY_THRESHOLD
    ? { id: Number(best.id), slug: best.slug, name: best.name, how: 'fuzzy', score: Number(best.score) }
    : null;
}

export async function matchPerson(db: Db, name: string): Promise<RegistryMatch | null> {
  const exact = await queryRows<{ id: number; slug: string; name: string }>(
    db,
    sql`select id, slug, name from people where ${key(sql`name`)} = ${key(sql`${name}`)} order by id limit 1`,
  );
  const row = exact[0];
  if (row) return { ...row, id: Number(row.id), how: 'name', score: 1 };
  const fuzzy = await queryRows<{ id: number; slug: string; name: string; score: number }>(
    db,
    sql`
    select id, slug, name, similarity(${key(sql`name`)}, ${key(sql`${name}`)}) as score
    from people order by score desc, id limit 1`,
  );
  const best = fuzzy[0];
  return best && Number(best.score) >= FUZZY_THRESHOLD
    ? { id: Number(best.id), slug: best.slug, name: best.name, how: 'fuzzy', score: Number(best.score) }
    : null;
}

/** Trigram similarity of two names with the same key as the matcher (for measurements and the linter). */
export async function nameSimilarity(db: Db, a: string, b: string): Promise<number> {
  const result = await queryRows<{ s: number }>(db, sql`select similarity(${key(sql`${a}`)}, ${key(sql`${b}`)}) as s`);
  return Number(result[0]?.s ?? 0);
}
