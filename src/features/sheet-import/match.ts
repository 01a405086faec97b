/**
 * Theme and addressee cells matched to the registry, most certain first: the slug (what an export
 * writes), the name in either language (accents, case and curly apostrophes ignored), then pg_trgm
 * similarity at the release importer's threshold (release-text's FUZZY_THRESHOLD, measured there). A
 * name that matches nothing would be created, and the closest existing rows are offered as suggestions,
 * so a typo is caught in the dry run rather than becoming a second theme.
 *
 * Each distinct cell value is matched once per import (a file of 250,000 rows names a few hundred).
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/client.js';
import { slugify } from '../../platform/forms/problems.js';
import { FUZZY_THRESHOLD } from '../release-text/index.js';

export type VocabularyKind = 'theme' | 'addressee';
export type MatchHow = 'slug' | 'name' | 'fuzzy' | 'new';

export interface VocabularyMatch {
  /** As written in the file. */
  written: string;
  how: MatchHow;
  /** The row matched or to be created. */
  slug: string;
  score: number;
  /** Closest existing rows (for `new` and `fuzzy`), best first. */
  suggestions: { slug: string; name: string; score: number }[];
}

/** Suggestions shown below this similarity would be noise. */
const SUGGEST_FROM = 0.2;

const key = (value: ReturnType<typeof sql>) => sql`lower(unaccent(translate(${value}, '’‘', '''''')))`;

function table(kind: VocabularyKind) {
  return kind === 'theme'
    ? { name: sql.raw('themes'), text: sql.raw('label') }
    : { name: sql.raw('addressees'), text: sql.raw('name') };
}

/** `alsoRows`: rows not in the table yet that count as its rows (an import's staged rows, same columns). */
export async function matchVocabulary(
  db: Db,
  kind: VocabularyKind,
  written: string,
  alsoRows?: SQL,
): Promise<VocabularyMatch & { id: number | null }> {
  const { name: tableName, text } = table(kind);
  const name = alsoRows
    ? sql`(select * from ${tableName} union all select * from ${alsoRows} staged) as ${tableName}`
    : tableName;
  const bySlug = await queryRows<{ id: number; slug: string }>(
    db,
    sql`select id, slug from ${name} where slug = ${written} limit 1`,
  );
  if (bySlug[0])
    return { written, how: 'slug', slug: bySlug[0].slug, id: Number(bySlug[0].id), score: 1, suggestions: [] };
  const byName = await queryRows<{ id: number; slug: string }>(
    db,
    sql`select id, slug from ${name}
        where ${key(sql`${text}->'en'->>'text'`)} = ${key(sql`${written}`)}
           or ${key(sql`${text}->'es'->>'text'`)} = ${key(sql`${written}`)}
        order by archived_at nulls first, id limit 1`,
  );
  if (byName[0])
    return { written, how: 'name', slug: byName[0].slug, id: Number(byName[0].id), score: 1, suggestions: [] };
  const close = await queryRows<{ id: number; slug: string; label: string; score: number }>(
    db,
    sql`select id, slug, coalesce(${text}->'en'->>'text', ${text}->'es'->>'text', slug) as label,
          greatest(
            similarity(${key(sql`coalesce(${text}->'en'->>'text', '')`)}, ${key(sql`${written}`)}),
            similarity(${key(sql`coalesce(${text}->'es'->>'text', '')`)}, ${key(sql`${written}`)}),
            similarity(replace(slug, '-', ' '), ${key(sql`${written}`)})
          ) as score
        from ${name} where archived_at is null
        order by score desc, id limit 3`,
  );
  const suggestions = close
    .map((c) => ({ slug: c.slug, name: c.label, score: Number(c.score) }))
    .filter((c) => c.score >= SUGGEST_FROM);
  const best = close[0];
  if (best && Number(best.score) >= FUZZY_THRESHOLD) {
    return {
      written,
      how: 'fuzzy',
      slug: best.slug,
      id: Number(best.id),
      score: Number(best.score),
      suggestions: suggestions.slice(1),
    };
  }
  return { written, how: 'new', slug: slugify(written), id: null, score: 0, suggestions };
}
