/** The words of a search as the text-search configurations parse them, kept between searches. */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/client.js';

/**
 * The words of a search as each language's text-search configuration reads them (a tsquery's text), and as pg_trgm
 * compares them with names (lowercased, unaccented).
 */
export interface ParsedWords {
  en: string;
  es: string;
  plain: string;
}

/**
 * Searches whose words are kept parsed, per database: the parse decides the query's shape (common or rare words), so
 * it is a round trip before the search's own; readers repeat searches (the same words, another page or filter), and a
 * repeated search then costs one round trip. The configurations change only in a migration, which runs before a
 * server starts, so a kept parse is never stale. The oldest is dropped first.
 */
const PARSED_KEPT = 1000;
const keptWords = new WeakMap<Db, Map<string, Promise<ParsedWords>>>();

export function parsedWords(db: Db, q: string): Promise<ParsedWords> {
  let kept = keptWords.get(db);
  if (!kept) {
    kept = new Map();
    keptWords.set(db, kept);
  }
  const hit = kept.get(q);
  if (hit) return hit;
  const parsing = queryRows<ParsedWords>(
    db,
    sql`select websearch_to_tsquery('puente_english', ${q})::text as en, websearch_to_tsquery('puente_spanish', ${q})::text as es,
      lower(unaccent(${q})) as plain`,
  ).then(([row]) => row ?? { en: '', es: '', plain: '' });
  if (kept.size >= PARSED_KEPT) kept.delete(kept.keys().next().value as string);
  kept.set(q, parsing);
  // A failed parse is not kept: the next search asks again.
  parsing.catch(() => kept.delete(q));
  return parsing;
}
