/**
 * How common the words of a search are among the search documents, from the planner's own statistics (`pg_stats`:
 * the share of rows holding each of the most common lexemes, gathered by ANALYZE), so the search can pick how to find
 * its candidates (service.ts):
 *
 * - rare words: the full-text index lists their few rows;
 * - common words (in one row in DENSE_SHARE or more): reading rows in storage order and keeping those that match finds
 *   SEARCH_CANDIDATES in a few thousand rows, while the index would first list every match (tens of thousands at
 *   250,000 recommendations: most of a search's time). The planner cannot tell: it takes the words of "deportaciones
 *   por edad" as independent and expects a few thousand matches where there are 31,000.
 *
 * Without statistics (a database never analyzed) every word counts as rare: the index, as before.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/client.js';

/** Share of rows from which a search's words count as common (see the header). */
export const DENSE_SHARE = 0.05;
/** Statistics change only when ANALYZE runs (autovacuum, bulk loads); read them again after this long. */
const STATISTICS_TTL_MS = 10 * 60_000;

type Shares = { en: Map<string, number>; es: Map<string, number> };
const cached = new WeakMap<Db, { at: number; shares: Promise<Shares> }>();

async function readShares(db: Db): Promise<Shares> {
  const rows = await queryRows<{ attname: string; elems: string[] | null; freqs: number[] | null }>(
    db,
    sql`select attname, most_common_elems::text::text[] as elems, most_common_elem_freqs::real[] as freqs
      from pg_stats where schemaname = current_schema() and tablename = 'search_documents' and attname in ('tsv_en', 'tsv_es')`,
  );
  const shares: Shares = { en: new Map(), es: new Map() };
  for (const row of rows) {
    const map = row.attname === 'tsv_en' ? shares.en : shares.es;
    // The frequencies list one share per element, then the minimum and maximum (ts_typanalyze).
    for (const [i, lexeme] of (row.elems ?? []).entries()) {
      // A dated document's year lexeme (year-words.ts) is no word anyone types: not a word's share.
      if (!lexeme.includes(' ')) map.set(lexeme, Number(row.freqs?.[i] ?? 0));
    }
  }
  return shares;
}

/** The lexemes' shares, read at most once per STATISTICS_TTL_MS per database. */
export function lexemeShares(db: Db, now = Date.now()): Promise<Shares> {
  const hit = cached.get(db);
  if (hit && now - hit.at < STATISTICS_TTL_MS) return hit.shares;
  const shares = readShares(db);
  cached.set(db, { at: now, shares });
  // A failed read is not kept: the next search asks again.
  shares.catch(() => cached.delete(db));
  return shares;
}

/**
 * The lexemes of a tsquery that only ANDs them (`'deport' & 'edad'`), or null for any other shape (or, not,
 * phrase, prefix, weights): those are left to the index.
 */
export function andedLexemes(tsquery: string): string[] | null {
  if (tsquery.trim() === '') return null;
  const parts = tsquery.split(' & ');
  const lexemes: string[] = [];
  for (const part of parts) {
    const m = /^'((?:[^']|'')*)'$/.exec(part.trim());
    if (!m) return null;
    lexemes.push((m[1] as string).replaceAll("''", "'"));
  }
  return lexemes;
}

/**
 * The share of rows that match at least: each row holding all the words holds the rarest one, and words of one text
 * go together more often than apart, so the rarest word's share is the estimate (0 when a word is not among the common).
 */
export function matchShare(lexemes: readonly string[], shares: Map<string, number>): number {
  if (lexemes.length === 0) return 0;
  return Math.min(...lexemes.map((lexeme) => shares.get(lexeme) ?? 0));
}
