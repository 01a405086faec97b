/**
 * Search (features/search): one row per searchable thing — a statement, a recommendation, a press
 * release, an organization, a follow-up response or status update — holding its texts per language and
 * their full-text vectors. Kept by triggers on the source tables (migration `search_documents`), in the
 * same transaction as every write, so it is never stale and no code path has to remember it; the
 * function `search_documents_rebuild()` fills it from scratch (the migration, bulk loads that disable
 * triggers).
 *
 * Derived, not public in itself: whether the public finds a row is decided at query time by
 * platform/visibility.ts's conditions on the source rows, so an embargo lifts by the clock alone.
 * The vectors use the text search configurations `puente_english` and `puente_spanish` (the built-in
 * stemmers behind `unaccent`), so "titulo" finds "Título"; `names` (an organization's names in every
 * form: own, per language, acronym, aliases) is lowercased and unaccented for pg_trgm, which forgives
 * typos in a name. Only organizations have names: on longer titles, word similarity matched any
 * title sharing one word with the search.
 */
import { sql } from 'drizzle-orm';
import { check, customType, date, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

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
    tsvEn: tsvector('tsv_en').notNull(),
    tsvEs: tsvector('tsv_es').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.sourceId] }),
    check(
      'search_documents_kind',
      sql`${t.kind} in ('statement', 'recommendation', 'release', 'organization', 'followup_response', 'followup_status_update')`,
    ),
    index('search_documents_tsv_en_idx').using('gin', t.tsvEn),
    index('search_documents_tsv_es_idx').using('gin', t.tsvEs),
    index('search_documents_names_trgm_idx').using('gin', sql`${t.names} gin_trgm_ops`).where(sql`${t.names} <> ''`),
    index('search_documents_statement_idx').on(t.statementId),
  ],
);
