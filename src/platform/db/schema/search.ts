/**
 * Search (features/search): one row per searchable thing — a statement, a recommendation, a press
 * release, an organization, a follow-up response or status update — holding its texts per language and
 * their full-text vectors. Kept by triggers on the source tables (migration `search_documents`), in the
 * same transaction as every write, so it is never stale and no code path has to remember it; the
 * function `search_documents_rebuild()` fills it from scratch (the migration, bulk loads that disable
 * triggers).
 *
 * Derived, not public in itself: whether the public finds a row is its span `publicFrom`–`publicUntil`,
 * derived from platform/visibility.ts's conditions on the source rows, against the request's clock, so an
 * embargo lifts by the clock alone.
 * The vectors use the text search configurations `puente_english` and `puente_spanish` (the built-in
 * stemmers behind `unaccent`), so "titulo" finds "Título"; `names` (an organization's names in every
 * form: own, per language, acronym, aliases) is lowercased and unaccented for pg_trgm, which forgives
 * typos in a name. Only organizations have names: on longer titles, word similarity matched any
 * title sharing one word with the search.
 */
import { sql } from 'drizzle-orm';
import { check, customType, date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const SEARCH_KINDS = [
  'statement',
  'recommendation',
  'release',
  'organization',
  'followup_response',
  'followup_status_update',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const searchDocuments = pgTable(
  'search_documents',
  {
    kind: text('kind').$type<SearchKind>().notNull(),
    sourceId: integer('source_id').notNull(),
    /** The statement whose visibility rules this row (statements, recommendations, follow-up entries). */
    statementId: integer('statement_id'),
    /** The recommendation (recommendations, follow-up entries), for the theme filter and links. */
    recommendationId: integer('recommendation_id'),
    /** The date shown and filtered by year (statement date, release date, entry date); null for organizations. */
    date: date('date', { mode: 'string' }),
    titleEn: text('title_en').notNull().default(''),
    titleEs: text('title_es').notNull().default(''),
    bodyEn: text('body_en').notNull().default(''),
    bodyEs: text('body_es').notNull().default(''),
    names: text('names').notNull().default(''),
    /**
     * The texts' words, and for a dated row its year as one more lexeme (`'year 2019'`, no position: migration 0033,
     * features/search/year-words.ts), so a search within a year is found by these vectors' indexes.
     */
    tsvEn: tsvector('tsv_en').notNull(),
    tsvEs: tsvector('tsv_es').notNull(),
    /**
     * When the public may find the row: from `publicFrom` (null: never, e.g. a draft) until `publicUntil`
     * (excluded; null: no end). Platform/visibility.ts's rule asked at the instants its answer can change
     * (features/search/public-windows.ts), kept by the same triggers; the clock does the rest.
     */
    publicFrom: timestamp('public_from', { withTimezone: true }),
    publicUntil: timestamp('public_until', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.sourceId] }),
    check(
      'search_documents_kind',
      sql`${t.kind} in ('statement', 'recommendation', 'release', 'organization', 'followup_response', 'followup_status_update')`,
    ),
    // One full-text index per language and group of kinds (features/search: SEARCH_GROUPS), partial on
    // `kind`, so the few thousand titled rows are found without reading the postings of the hundreds of
    // thousands of entries, and the few hundred organizations without rechecking the thousands of releases
    // that name a signatory ("FLACSO Guatemala" matched 3,000 releases, 10 ms, to find 52 organizations). fastupdate off: with it on, new entries wait in a pending list that every
    // search reads from end to end until a vacuum merges it (PGlite never vacuums by itself); measured at
    // 250,000 recommendations, reading that list cost more than the rest of a search. Writes pay instead.
    ...(['en', 'es'] as const).flatMap((l) =>
      (
        [
          ['organization', sql`${t.kind} = 'organization'`],
          ['titled', sql`${t.kind} in ('statement', 'release')`],
          ['entries', sql`${t.kind} in ('recommendation', 'followup_response', 'followup_status_update')`],
        ] as const
      ).map(([group, kinds]) =>
        index(`search_documents_${group}_tsv_${l}_idx`)
          .using('gin', l === 'en' ? t.tsvEn : t.tsvEs)
          .where(kinds)
          .with({ fastupdate: false }),
      ),
    ),
    index('search_documents_names_trgm_idx')
      .using('gin', sql`${t.names} gin_trgm_ops`)
      .where(sql`${t.names} <> ''`)
      .with({ fastupdate: false }),
    index('search_documents_statement_idx').on(t.statementId),
    // The years one may filter by (search's filter choices): statements' and releases' dates.
    index('search_documents_dated_idx').on(t.date).where(sql`${t.kind} in ('statement', 'release')`),
  ],
);
