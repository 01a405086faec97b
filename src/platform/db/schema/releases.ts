/**
 * Press releases. Kept in their own file (re-exported from schema.ts) so this feature's tables merge
 * cleanly with other branches' schema changes.
 *
 * One release holds every language: translatable fields are LocalizedText, like the rest of the schema,
 * so all languages share one structure (contacts, blocks, highlights, boilerplates) and cannot drift.
 * Names, phones, e-mails and boilerplates are never copied here: they are referenced and read from the
 * registry at render time, so one edit there reaches every format.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { bytea, id, localizedText, requiredRef, timestamps, tz, version } from './columns.js';
import { organizations, people, recommendations, statements } from './core.js';

export const releaseStatus = pgEnum('release_status', ['draft', 'published']);
/** `###` is the usual American end mark; `-30-` is the older newsroom one some desks still expect. */
export const releaseEndMark = pgEnum('release_end_mark', ['###', '-30-']);
/** Free Markdown, a quote from a person in the registry, or the highlighted recommendations. */
export const releaseBlockKind = pgEnum('release_block_kind', ['text', 'quote', 'highlights']);

export const releases = pgTable(
  'releases',
  {
    id: id(),
    slug: text('slug').notNull(),
    statementId: integer('statement_id').references(() => statements.id, { onDelete: 'set null' }),
    status: releaseStatus('status').notNull().default('draft'),
    /** Null: for immediate release. Otherwise the instant the embargo lifts. */
    embargoedUntil: tz('embargoed_until'),
    /** IANA zone the embargo is stated in ("America/Guatemala"); journalists read it in local time. */
    timeZone: text('time_zone').notNull().default('UTC'),
    /** Withdrawn from this instant on: hidden from the public again, kept for the record (platform/visibility.ts). */
    withdrawnAt: tz('withdrawn_at'),
    releaseDate: date('release_date', { mode: 'string' }).notNull(),
    headline: localizedText('headline'),
    subheadline: localizedText('subheadline'),
    datelinePlace: localizedText('dateline_place'),
    /** Markdown: the first paragraph, printed after the dateline. */
    lead: localizedText('lead'),
    /** Null: use the statement's full document, if any. */
    fullDocumentUrl: text('full_document_url'),
    endMark: releaseEndMark('end_mark').notNull().default('###'),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('releases_slug_key').on(t.slug),
    index('releases_statement_idx').on(t.statementId),
    // The newsroom's and the workspace list's keyset order: newest first, then slug (`desc` puts nulls
    // first, so must the index).
    index('releases_date_desc_slug_idx').on(t.releaseDate.desc().nullsFirst(), t.slug),
    // The workspace home: the newest drafts, and the embargoes still ahead (soonest first).
    index('releases_status_updated_idx').on(t.status, t.updatedAt),
    index('releases_embargo_ahead_idx')
      .on(t.embargoedUntil)
      .where(sql`${t.status} = 'published' and ${t.withdrawnAt} is null and ${t.embargoedUntil} is not null`),
  ],
);

/**
 * The linter's findings for a release, kept so the workspace home and the editor read them instead of
 * linting on every view (features/releases/lint-results.ts). What they were computed against is kept
 * beside them: the release's `version` (every edit of it or its parts bumps it) and `inputsStamp`, the
 * UTC day and the last audit entry of what a lint reads besides the release (organizations, people,
 * statements…); a result whose release version or stamp differs from today's is stale and linted again.
 */
export const releaseLintResults = pgTable('release_lint_results', {
  releaseId: integer('release_id')
    .primaryKey()
    .references(() => releases.id, { onDelete: 'cascade' }),
  releaseVersion: integer('release_version').notNull(),
  inputsStamp: text('inputs_stamp').notNull(),
  errors: integer('errors').notNull(),
  warnings: integer('warnings').notNull(),
  /** The findings as the linter returns them (features/lint's Finding[]). */
  findings: jsonb('findings').$type<unknown[]>().notNull(),
  lintedAt: tz('linted_at').notNull(),
});

export const releaseContacts = pgTable(
  'release_contacts',
  {
    releaseId: requiredRef('release_id', () => releases.id, 'cascade'),
    personId: requiredRef('person_id', () => people.id, 'restrict'),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.personId] })],
);

/** The body after the lead, in order: paragraphs, quotes and the highlights list interleave. */
export const releaseBlocks = pgTable(
  'release_blocks',
  {
    id: id(),
    releaseId: requiredRef('release_id', () => releases.id, 'cascade'),
    position: integer('position').notNull(),
    kind: releaseBlockKind('kind').notNull(),
    /** Markdown for text, the quoted words for a quote, the introducing line for highlights. */
    text: localizedText('text'),
    personId: integer('person_id').references(() => people.id, { onDelete: 'restrict' }),
  },
  (t) => [
    index('release_blocks_release_idx').on(t.releaseId),
    check('release_blocks_quote_has_person', sql`(${t.kind} = 'quote') = (${t.personId} is not null)`),
  ],
);

/** Bullets of the highlights block: a recommendation of the statement, or a free bullet. */
export const releaseHighlights = pgTable(
  'release_highlights',
  {
    id: id(),
    releaseId: requiredRef('release_id', () => releases.id, 'cascade'),
    position: integer('position').notNull(),
    recommendationId: integer('recommendation_id').references(() => recommendations.id, { onDelete: 'cascade' }),
    text: localizedText('text'),
  },
  (t) => [
    index('release_highlights_release_idx').on(t.releaseId),
    check('release_highlights_one_source', sql`(${t.recommendationId} is null) <> (${t.text} = '{}'::jsonb)`),
  ],
);

/** Organizations whose "About" closes the release. No rows: the statement's signatories, in order. */
export const releaseBoilerplates = pgTable(
  'release_boilerplates',
  {
    releaseId: requiredRef('release_id', () => releases.id, 'cascade'),
    organizationId: requiredRef('organization_id', () => organizations.id, 'restrict'),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.organizationId] })],
);

/**
 * Public downloads (PDF, DOCX, …) as written, by a hash of everything they show (features/releases/
 * download-cache.ts): written once per release content and kept here, so every instance and every
 * restart reuses them instead of spending ~200 ms of CPU on each. Not public material in itself (no
 * content-version trigger); a row whose release changed is never asked for again and is pruned by age.
 */
export const releaseDownloads = pgTable('release_downloads', {
  key: text('key').primaryKey(),
  body: bytea('body').notNull(),
  createdAt: tz('created_at').notNull().defaultNow(),
});
