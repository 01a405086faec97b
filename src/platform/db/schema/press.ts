/**
 * Press contacts, lists and release sends (issue 18). Contacts are journalists' personal data: only
 * editors and admins see them (features/press), erasing one deletes its row (the audit keeps only that
 * it happened), and nothing here is public material (content-version's NOT_PUBLIC).
 * Kept in its own file so this feature's tables merge cleanly with other branches' schema changes.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { id, requiredRef, timestampsSetByService, tz, version } from './columns.js';
import { releases } from './releases.js';

/** Unsubscribed and bounced contacts get nothing; only an editor sets one back to active. */
export const pressContactStatus = pgEnum('press_contact_status', ['active', 'unsubscribed', 'bounced']);

export const pressContacts = pgTable(
  'press_contacts',
  {
    id: id(),
    name: text('name').notNull(),
    outlet: text('outlet').notNull().default(''),
    email: text('email').notNull(),
    /** The languages they read ('en', 'es'), first preferred: the version of a release they are sent. */
    languages: text('languages').array().notNull(),
    /** ISO 3166-1 alpha-2, or null. */
    country: text('country'),
    /** Their beats: ids of the coalition's themes. */
    beatIds: integer('beat_ids').array().notNull().default(sql`'{}'::integer[]`),
    notes: text('notes').notNull().default(''),
    /** Where the address came from and on what footing they agreed to receive releases. */
    source: text('source').notNull().default(''),
    /** May receive a release before its lift, under embargo (platform/visibility.ts: `releaseMaySendTo`). */
    trusted: boolean('trusted').notNull().default(false),
    status: pressContactStatus('status').notNull().default('active'),
    version: version(),
    ...timestampsSetByService,
  },
  (t) => [
    uniqueIndex('press_contacts_email_key').on(sql`lower(${t.email})`),
    // The workspace list's keyset order (name, then id).
    index('press_contacts_name_idx').on(sql`lower(${t.name})`, t.id),
  ],
);

/** A saved filter (languages, countries, beats: each empty means any) or a hand-picked set of contacts. */
export const pressListKind = pgEnum('press_list_kind', ['filter', 'picked']);

export const pressLists = pgTable(
  'press_lists',
  {
    id: id(),
    name: text('name').notNull(),
    kind: pressListKind('kind').notNull(),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
    beatIds: integer('beat_ids').array().notNull().default(sql`'{}'::integer[]`),
    version: version(),
    ...timestampsSetByService,
  },
  (t) => [uniqueIndex('press_lists_name_key').on(sql`lower(${t.name})`)],
);

export const pressListMembers = pgTable(
  'press_list_members',
  {
    listId: requiredRef('list_id', () => pressLists.id, 'cascade'),
    contactId: requiredRef('contact_id', () => pressContacts.id, 'cascade'),
  },
  (t) => [primaryKey({ columns: [t.listId, t.contactId] }), index('press_list_members_contact_idx').on(t.contactId)],
);

/** At the embargo lift, at once, or before the lift to trusted contacts with the embargo stated. */
export const pressSendMode = pgEnum('press_send_mode', ['lift', 'now', 'embargo']);
export const pressSendState = pgEnum('press_send_state', ['scheduled', 'cancelled']);

/** One send of a release: to whom it was planned is in the outbox (ref press_sends/id), one message each. */
export const pressSends = pgTable(
  'press_sends',
  {
    id: id(),
    releaseId: requiredRef('release_id', () => releases.id, 'cascade'),
    mode: pressSendMode('mode').notNull(),
    /** The editor's personal note, above the release. */
    note: text('note').notNull().default(''),
    /** When the outbox may send: the lift, or the moment it was queued. */
    sendAfter: tz('send_after').notNull(),
    listIds: integer('list_ids').array().notNull().default(sql`'{}'::integer[]`),
    /** Under embargo: the trusted contacts chosen by hand. */
    contactIds: integer('contact_ids').array().notNull().default(sql`'{}'::integer[]`),
    recipients: integer('recipients').notNull().default(0),
    state: pressSendState('state').notNull().default('scheduled'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: version(),
    ...timestampsSetByService,
  },
  (t) => [index('press_sends_release_idx').on(t.releaseId, t.id)],
);
