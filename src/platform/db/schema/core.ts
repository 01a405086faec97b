/**
 * The one Drizzle schema, shared by PGlite and PostgreSQL.
 * Translatable fields are JSONB `LocalizedText` values (see docs/architecture.md).
 * Editable rows carry `version` for optimistic locking (a stale write is a conflict).
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

import { archivedAt, id, localizedText, requiredRef, timestamps, tz, version } from './columns.js';

export const organizationKind = pgEnum('organization_kind', [
  'ngo',
  'network',
  'academic',
  'faith_based',
  'agency',
  'government',
  'other',
]);

export const addresseeKind = pgEnum('addressee_kind', [
  'person',
  'office',
  'government',
  'agency',
  'legislature',
  'international_body',
  'other',
]);

export const statementStatus = pgEnum('statement_status', ['draft', 'published']);
/**
 * Who made a statement's recommendations: the coalition itself, or others it follows (issue 17): a UPR
 * review (recommending States to the State under review), a treaty body's or a special procedure's report.
 * All live in the same tables, so follow-up, dashboards, search, the API and exports read them alike.
 */
export const statementKind = pgEnum('statement_kind', ['coalition', 'upr_review', 'treaty_body', 'special_procedure']);
export const signatoryRole = pgEnum('signatory_role', ['convener', 'signatory']);

export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    slug: text('slug').notNull(),
    /** The name the organization uses for itself, as it writes it. */
    name: text('name').notNull(),
    acronym: text('acronym'),
    /** Other names the organization is known by (used to match imported text). */
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
    /** The name per language, where the organization has one (e.g. FLACSO's Spanish name). */
    localizedName: localizedText('localized_name'),
    boilerplate: localizedText('boilerplate'),
    website: text('website'),
    /** ISO 3166-1 alpha-2 */
    country: text('country'),
    kind: organizationKind('kind').notNull().default('ngo'),
    archivedAt: archivedAt(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('organizations_slug_key').on(t.slug),
    check('organizations_country_iso', sql`${t.country} is null or ${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

export const people = pgTable(
  'people',
  {
    id: id(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** Title or role, per language ("President of the Board"). */
    role: localizedText('role'),
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    email: text('email'),
    /** E.164, normalized with libphonenumber-js. */
    phone: text('phone'),
    isPressContact: boolean('is_press_contact').notNull().default(false),
    archivedAt: archivedAt(),
    version: version(),
    ...timestamps,
  },
  (t) => [uniqueIndex('people_slug_key').on(t.slug), index('people_organization_idx').on(t.organizationId)],
);

export const themes = pgTable(
  'themes',
  {
    id: id(),
    slug: text('slug').notNull(),
    label: localizedText('label'),
    position: integer('position').notNull().default(0),
    archivedAt: archivedAt(),
    version: version(),
    ...timestamps,
  },
  (t) => [uniqueIndex('themes_slug_key').on(t.slug)],
);

export const addressees = pgTable(
  'addressees',
  {
    id: id(),
    slug: text('slug').notNull(),
    name: localizedText('name'),
    kind: addresseeKind('kind').notNull(),
    country: text('country'),
    parentId: integer('parent_id').references((): AnyPgColumn => addressees.id, { onDelete: 'set null' }),
    archivedAt: archivedAt(),
    version: version(),
    ...timestamps,
  },
  (t) => [uniqueIndex('addressees_slug_key').on(t.slug)],
);

export const statements = pgTable(
  'statements',
  {
    id: id(),
    slug: text('slug').notNull(),
    title: localizedText('title'),
    summary: localizedText('summary'),
    /** Markdown. */
    body: localizedText('body'),
    occasion: localizedText('occasion'),
    date: date('date', { mode: 'string' }).notNull(),
    status: statementStatus('status').notNull().default('draft'),
    /** Published but embargoed: invisible to the public until this instant (platform/visibility.ts). */
    embargoUntil: tz('embargo_until'),
    /** Withdrawn from this instant on: invisible to the public again, kept for the record. */
    withdrawnAt: tz('withdrawn_at'),
    fullDocumentUrl: text('full_document_url'),
    kind: statementKind('kind').notNull().default('coalition'),
    /** UPR reviews: the cycle (1–4…) and Working Group session; the State under review is the statement's addressee. */
    cycle: integer('cycle'),
    session: integer('session'),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('statements_slug_key').on(t.slug),
    // The dashboards' and the API's cycle filter.
    index('statements_kind_cycle_idx').on(t.kind, t.cycle),
    // The home page's and the workspace list's keyset order: newest first, then slug (`desc` puts nulls
    // first, so must the index).
    index('statements_date_desc_slug_idx').on(t.date.desc().nullsFirst(), t.slug),
    // The workspace home's newest drafts.
    index('statements_status_updated_idx').on(t.status, t.updatedAt),
  ],
);

export const statementAddressees = pgTable(
  'statement_addressees',
  {
    statementId: requiredRef('statement_id', () => statements.id, 'cascade'),
    addresseeId: requiredRef('addressee_id', () => addressees.id, 'restrict'),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.statementId, t.addresseeId] })],
);

export const recommendations = pgTable(
  'recommendations',
  {
    id: id(),
    statementId: requiredRef('statement_id', () => statements.id, 'cascade'),
    /** Unique within its statement; part of the public URL. */
    slug: text('slug').notNull(),
    position: integer('position').notNull(),
    /**
     * What readers call it ("Recommendation 3"): its place in its statement's order (position, then id),
     * 1..n without gaps. Kept by the recommendations_number_* triggers (migration 0028), which renumber only the
     * rows at or after a change; bulk loads switch them off and resumeDerivedUpkeep numbers their statements once.
     * Stored because counting the earlier siblings per row cost thousands of index entries per row in a UPR statement.
     */
    number: integer('number').notNull().default(0),
    text: localizedText('text'),
    /**
     * Imported recommendations (issue 17): a stable key from their source (a hash of cycle, State under
     * review, recommending States and text), so importing the same file again adds nothing. Null when typed.
     */
    sourceKey: text('source_key'),
    /** Where the source numbers it: "121.1" (OHCHR's paragraph), with its document ("A/HRC/43/15"). */
    sourceReference: text('source_reference'),
    /** Sustainable Development Goals (1–17) the source relates it to. */
    sdgs: smallint('sdgs').array().notNull().default(sql`'{}'::smallint[]`),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('recommendations_statement_slug_key').on(t.statementId, t.slug),
    uniqueIndex('recommendations_source_key').on(t.sourceKey).where(sql`${t.sourceKey} is not null`),
    // A statement's order (position, then id): the public page's keyset, and the renumbering's start (migration 0028).
    index('recommendations_statement_order_idx').on(t.statementId, t.position, t.id),
  ],
);

export const recommendationThemes = pgTable(
  'recommendation_themes',
  {
    recommendationId: requiredRef('recommendation_id', () => recommendations.id, 'cascade'),
    themeId: requiredRef('theme_id', () => themes.id, 'restrict'),
  },
  (t) => [
    primaryKey({ columns: [t.recommendationId, t.themeId] }),
    index('recommendation_themes_theme_idx').on(t.themeId),
  ],
);

export const recommendationAddressees = pgTable(
  'recommendation_addressees',
  {
    recommendationId: requiredRef('recommendation_id', () => recommendations.id, 'cascade'),
    addresseeId: requiredRef('addressee_id', () => addressees.id, 'restrict'),
  },
  (t) => [
    primaryKey({ columns: [t.recommendationId, t.addresseeId] }),
    // Follow-up dashboards filter by addressee and country (issue 7), like recommendation_themes_theme_idx.
    index('recommendation_addressees_addressee_idx').on(t.addresseeId),
  ],
);

export const signatories = pgTable(
  'signatories',
  {
    statementId: requiredRef('statement_id', () => statements.id, 'cascade'),
    organizationId: requiredRef('organization_id', () => organizations.id, 'restrict'),
    role: signatoryRole('role').notNull().default('signatory'),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.statementId, t.organizationId] }),
    index('signatories_organization_idx').on(t.organizationId),
    // A statement's signatories in order, one keyset page at a time (features/statements/page-service.ts).
    index('signatories_statement_order_idx').on(t.statementId, t.position, t.organizationId),
  ],
);

export const quotes = pgTable(
  'quotes',
  {
    id: id(),
    statementId: requiredRef('statement_id', () => statements.id, 'cascade'),
    personId: requiredRef('person_id', () => people.id, 'restrict'),
    text: localizedText('text'),
    position: integer('position').notNull().default(0),
    version: version(),
    ...timestamps,
  },
  (t) => [index('quotes_statement_idx').on(t.statementId)],
);
