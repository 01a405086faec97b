/**
 * Open sign-on (issue 19): anyone may sign a public statement without an account. A submission is kept
 * unverified until its emailed link is followed; only verified ones reach the editors' moderation queue.
 * Approved submissions are the statement's open signatories; linked to a registry organization they also
 * join `signatories` (and so the release's list). Links are single-use, expiring and stored as sha256 only.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { id, requiredRef, timestampsSetByService, tz, version } from './columns.js';
import { organizations, statements } from './core.js';
import { files } from './files.js';

/** The optional fields a statement's form may ask for (the name and the email are always asked). */
export const OPEN_SIGN_ON_FIELDS = ['acronym', 'country', 'website', 'contactName', 'logo'] as const;
export type OpenSignOnField = (typeof OPEN_SIGN_ON_FIELDS)[number];

/** One row per statement, once an editor opened it to the public. */
export const openSignOnSettings = pgTable('open_sign_on_settings', {
  statementId: integer('statement_id')
    .primaryKey()
    .references(() => statements.id, { onDelete: 'cascade' }),
  open: boolean('open').notNull().default(false),
  deadline: tz('deadline'),
  timeZone: text('time_zone').notNull().default('UTC'),
  individualsAllowed: boolean('individuals_allowed').notNull().default(false),
  fields: text('fields').array().$type<OpenSignOnField[]>().notNull().default(sql`'{}'::text[]`),
  version: version(),
  ...timestampsSetByService,
});

export const openSignOnStatus = pgEnum('open_sign_on_status', [
  'unverified',
  'verified',
  'approved',
  'rejected',
  'spam',
  'merged',
  'withdrawn',
]);
export const openSignOnKind = pgEnum('open_sign_on_kind', ['organization', 'individual']);

export const openSignOnSubmissions = pgTable(
  'open_sign_on_submissions',
  {
    id: id(),
    statementId: requiredRef('statement_id', () => statements.id, 'cascade'),
    kind: openSignOnKind('kind').notNull().default('organization'),
    name: text('name').notNull(),
    acronym: text('acronym'),
    country: text('country'),
    website: text('website'),
    contactName: text('contact_name'),
    email: text('email').notNull(),
    /**
     * The logo sent with the form (when the statement asks for one), checked like an organization's
     * logo upload. Not public: only editors see it, until the signer joins the registry with it.
     */
    logoSha256: text('logo_sha256').references(() => files.sha256, { onDelete: 'restrict' }),
    /** The signer's language: their mail and pages are in it. */
    locale: text('locale').notNull(),
    status: openSignOnStatus('status').notNull().default('unverified'),
    /** Lower case, no accents, letters and digits only: the same signer typing again is the same row. */
    nameKey: text('name_key').notNull(),
    emailKey: text('email_key').notNull(),
    /**
     * The name as the registry matcher compares names (release-text's matchKey: lower case, no accents,
     * straight apostrophes), kept so duplicates are found by the trigram index rather than pair by pair.
     */
    nameMatch: text('name_match').notNull().default(''),
    /** The submission this one was merged into (a duplicate the editors folded). */
    mergedInto: integer('merged_into').references((): AnyPgColumn => openSignOnSubmissions.id, {
      onDelete: 'set null',
    }),
    /** The registry organization it stands for, once an editor linked it. */
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    verifiedAt: tz('verified_at'),
    decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
    version: version(),
    ...timestampsSetByService,
  },
  (t) => [
    // Re-submitting (a double click, a retry, two tabs) is the same row, whatever the concurrency.
    uniqueIndex('open_sign_on_submissions_signer_key').on(t.statementId, t.emailKey, t.nameKey),
    index('open_sign_on_submissions_queue_idx').on(t.statementId, t.status, t.id),
    // Likely duplicates by name (moderation-service.ts): `%` at the importer's threshold probes this index.
    index('open_sign_on_submissions_name_trgm_idx').using('gin', sql`${t.nameMatch} gin_trgm_ops`),
    check('open_sign_on_submissions_country_iso', sql`${t.country} is null or ${t.country} ~ '^[A-Z]{2}$'`),
  ],
);

export const openSignOnTokenPurpose = pgEnum('open_sign_on_token_purpose', ['verify', 'withdraw']);

export const openSignOnTokens = pgTable(
  'open_sign_on_tokens',
  {
    id: id(),
    tokenHash: text('token_hash').notNull(),
    submissionId: requiredRef('submission_id', () => openSignOnSubmissions.id, 'cascade'),
    purpose: openSignOnTokenPurpose('purpose').notNull(),
    createdAt: tz('created_at').notNull(),
    expiresAt: tz('expires_at').notNull(),
    usedAt: tz('used_at'),
  },
  (t) => [
    uniqueIndex('open_sign_on_tokens_token_hash_key').on(t.tokenHash),
    index('open_sign_on_tokens_submission_idx').on(t.submissionId),
  ],
);
