/** Searching a LocalizedText column: the texts of every language, accents and case ignored. */
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { LOCALES } from '../i18n/locales.js';

/** `like` is an ILIKE pattern the caller escaped (see likePattern). */
export function localizedTextMatches(column: AnyColumn, like: string): SQL {
  const texts = sql.join(
    LOCALES.map((l) => sql`coalesce(${column}->${l}->>'text', '')`),
    sql` || ' ' || `,
  );
  return sql`unaccent(${texts}) ilike unaccent(${like})`;
}

/** Any of several plain texts (nulls skipped) contains the pattern, accents and case ignored. */
export function textsMatch(texts: (AnyColumn | SQL)[], like: string): SQL {
  return sql`unaccent(concat_ws(' ', ${sql.join(texts, sql`, `)})) ilike unaccent(${like})`;
}

/** "50%" typed in a search box matches the characters, not "anything". */
export function likePattern(words: string): string {
  return `%${words.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
