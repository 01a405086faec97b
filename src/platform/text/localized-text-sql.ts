/**
 * `translationState()` of localized-text.ts in SQL, over a JSONB LocalizedText: lists of what to
 * translate are counted and paged in the database instead of loading every text into JS. Same rules:
 * an empty or blank entry is missing; a translation is stale when its `sourceFingerprint` differs from
 * the current original's fingerprint (sha256 of the NFC-normalized, trimmed text, 16 hex digits).
 * localized-text-sql.test.ts checks both agree, on both engines.
 */
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { LOCALES, type Locale } from '../i18n/locales.js';

/** What JavaScript's String.prototype.trim() removes: its white space and line terminators. */
const JS_WHITESPACE =
  ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const trimSet = sql.raw(`'${JS_WHITESPACE}'`);

type Value = AnyColumn | SQL;

const entryText = (value: Value, locale: Locale) => sql`(${value}->${sql.raw(`'${locale}'`)}->>'text')`;
const entryField = (value: Value, locale: Locale, field: 'origin' | 'sourceFingerprint') =>
  sql`(${value}->${sql.raw(`'${locale}'`)}->>${sql.raw(`'${field}'`)})`;
const blank = (text: SQL) => sql`coalesce(btrim(${text}, ${trimSet}), '') = ''`;

/** The original's text: the first language (in LOCALES order) marked original with text, else null. */
function originalText(value: Value): SQL {
  const cases = LOCALES.map(
    (l) =>
      sql`when ${entryField(value, l, 'origin')} = 'original' and not ${blank(entryText(value, l))} then ${entryText(value, l)}`,
  );
  return sql`(case ${sql.join(cases, sql` `)} end)`;
}

/** fingerprint() of localized-text.ts. */
export function fingerprintSql(text: SQL): SQL<string> {
  return sql`substr(encode(sha256(convert_to(btrim(normalize(${text}, NFC), ${trimSet}), 'UTF8')), 'hex'), 1, 16)`;
}

/** The state of one language of a LocalizedText: 'original' | 'translation' | 'stale' | 'missing'. */
export function translationStateSql(value: Value, locale: Locale): SQL<string> {
  const source = entryField(value, locale, 'sourceFingerprint');
  const original = originalText(value);
  return sql`(case
    when ${blank(entryText(value, locale))} then 'missing'
    when ${entryField(value, locale, 'origin')} = 'original' then 'original'
    when ${original} is not null and coalesce(${source}, '') <> '' and ${source} <> ${fingerprintSql(original)} then 'stale'
    else 'translation' end)`;
}

/** Whether any language has text (a field with none is nothing to translate). */
export function hasAnyTextSql(value: Value): SQL<boolean> {
  return sql`(${sql.join(
    LOCALES.map((l) => sql`not ${blank(entryText(value, l))}`),
    sql` or `,
  )})`;
}
