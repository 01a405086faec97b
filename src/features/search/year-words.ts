/**
 * A search within a year, found by the full-text index itself: every dated search document holds its year as one more
 * lexeme of both vectors ("year 2019", migration 0033: search_year_vector), and the words' query ANDs that lexeme, so
 * the index intersects the word's rows with the year's instead of listing every row of the word for the date filter
 * to keep the year's (Honduras in 2019: 22,700 matches read to keep 200). The lexeme holds a space, which no parsed
 * word does, so no typed search finds it. Only the candidates' match uses it: ranks and excerpts use the words alone.
 */
import { type SQL, sql } from 'drizzle-orm';

/**
 * The words' query (`words`: a tsquery expression; `parsed`: its text as parsed, parsed-words.ts) narrowed to a year,
 * or as it is without one. Words that parse to nothing (only stop words) match nothing, and stay so: ANDed to the
 * year's lexeme alone they would match the whole year.
 */
export function wordsInYear(words: SQL, parsed: string, year: number | null): SQL {
  if (year === null || parsed === '') return words;
  return sql`(${words} && search_year_query(${year}::integer))`;
}

/** Whether a lexeme of the stored vectors is a year's (migration 0033's search_year_lexeme: "year 2019"), not a word's. */
export function isYearLexeme(lexeme: string): boolean {
  return /^year \d+$/.test(lexeme);
}
