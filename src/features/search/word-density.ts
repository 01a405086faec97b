/**
 * How common the words of a search are among the search documents, from the planner's own statistics (`pg_stats`:
 * the share of rows holding each of the most common lexemes, gathered by ANALYZE), so the search can pick how to find
 * its candidates (service.ts):
 *
 * - rare words: the full-text index lists their few rows;
 * - common words (all of them together in one row in DENSE_SHARE or more): reading rows in storage order and keeping
 *   those that match finds SEARCH_CANDIDATES in a few thousand rows, while the index would first list every match
 *   (tens of thousands at 250,000 recommendations: most of a search's time). The planner cannot tell: it takes the
 *   words of "deportaciones por edad" as independent and expects a few thousand matches where there are 31,000.
 *
 * Two common words that rarely meet are the other way round: "decree published" (3 % and 12 % of the rows) meets in
 * a few thousand rows, all far into the table, so reading in storage order went through 46,000 rows to find 200
 * (measured at 250,000 recommendations: 33 ms on PostgreSQL and 52 ms on PGlite, against 2 and 4.5 ms by the index).
 * So the share of rows holding all the words is estimated (`matchShare`), not taken from the rarest word alone.
 *
 * Without statistics (a database never analyzed) every word counts as rare: the index, as before.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/client.js';
import type { Locale } from '../../platform/i18n/locales.js';
import type { ParsedWords } from './parsed-words.js';
import { isYearLexeme } from './year-words.js';

/** Share of rows from which a search's words count as common (see the header). */
export const DENSE_SHARE = 0.05;
/** Statistics change only when ANALYZE runs (autovacuum, bulk loads); read them again after this long. */
const STATISTICS_TTL_MS = 10 * 60_000;

export type Shares = { en: Map<string, number>; es: Map<string, number> };
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
      // A dated document's year lexeme is no word anyone types: not a word's share.
      if (!isYearLexeme(lexeme)) map.set(lexeme, Number(row.freqs?.[i] ?? 0));
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
 * How many times likelier the words of one search are to share a row than by chance. Words typed together often come
 * from one phrase of the texts ("deportaciones por edad": each in 9 % of the rows, together in 9 %, 11 times their
 * product), or not ("decree published": 3 % and 12 %, together in 3.7 % but clustered where reading finds them late).
 * Fitted between the two at 250,000 recommendations (measured with scripts/measure-search.ts): from 6 "deportaciones
 * por edad" is read (4.7 against 7.3 ms on PostgreSQL), and below 13 "decree published" takes the index.
 */
export const TOGETHER_ALLOWANCE = 8;

/**
 * The estimated share of rows holding every word: their shares' product (as if independent) times
 * TOGETHER_ALLOWANCE, and never more than the rarest word's share, since each such row holds it. 0 when a word is not
 * among the common (no statistics, or rarer than those listed).
 */
export function matchShare(lexemes: readonly string[], shares: Map<string, number>): number {
  if (lexemes.length === 0) return 0;
  const each = lexemes.map((lexeme) => shares.get(lexeme) ?? 0);
  // One word: its own share (the cap), as the product times the allowance is never less.
  const product = each.reduce((a, b) => a * b, 1);
  return Math.min(Math.min(...each), product * TOGETHER_ALLOWANCE);
}

/**
 * Whether the entries' candidates are found by reading rows (the words are common together in some language the search
 * reads, `locales`) rather than by the full-text index. `shares` null: no statistics asked (a filter keeps a small
 * share of the rows, see hits-query.ts), the index.
 */
export function wordsAreDense(parsed: ParsedWords, shares: Shares | null, locales: readonly Locale[]): boolean {
  if (!shares) return false;
  return locales.some((l) => {
    const lexemes = andedLexemes(parsed[l]);
    return lexemes !== null && matchShare(lexemes, shares[l]) >= DENSE_SHARE;
  });
}
