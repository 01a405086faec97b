/**
 * The durable outbox (issue 18): every email Puente sends is first a row here, written in the same
 * transaction as the change that causes it, and sent later by the outbox sender (platform/outbox/).
 * One row per recipient, so each has its own status, attempts and SMTP reply. Not public material.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, tz } from './columns.js';

export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed', 'bounced', 'suppressed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** A file of the `files` table sent along, by reference, so a release to 5,000 people stores its PDF once. */
export interface MailAttachmentRef {
  filename: string;
  sha256: string;
}

export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: id(),
    /** Unique: enqueueing the same key again is a no-op, so a message goes at most once per recipient. */
    idempotencyKey: text('idempotency_key').notNull(),
    kind: text('kind').notNull(),
    to: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text_body').notNull(),
    html: text('html_body'),
    unsubscribeUrl: text('unsubscribe_url'),
    /** The body carries a secret (a sign-in link): emptied once the message is sent or given up on. */
    forgetBody: boolean('forget_body').notNull().default(false),
    attachments: jsonb('attachments').$type<MailAttachmentRef[]>().notNull().default([]),
    /** What caused it (e.g. a release send), so the feature can show per-recipient status. */
    refTable: text('ref_table'),
    refId: text('ref_id'),
    status: text('status').$type<MailStatus>().notNull().default('queued'),
    /** Not before: the embargo lift, or the next retry. */
    sendAfter: tz('send_after').notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** While `sending`: which sender claimed it and until when; past that, another sender may retry it. */
    claimToken: text('claim_token'),
    leaseUntil: tz('lease_until'),
    /** The last SMTP reply (or connection error), shown to editors. */
    lastReply: text('last_reply'),
    createdAt: tz('created_at').notNull(),
    sentAt: tz('sent_at'),
  },
  (t) => [
    uniqueIndex('mail_outbox_idempotency_key').on(t.idempotencyKey),
    // The sender's claim: due queued rows, and expired leases, in order.
    index('mail_outbox_due_idx').on(t.sendAfter, t.id).where(sql`${t.status} = 'queued'`),
    index('mail_outbox_lease_idx').on(t.leaseUntil).where(sql`${t.status} = 'sending'`),
    index('mail_outbox_ref_idx').on(t.refTable, t.refId),
    check('mail_outbox_status_known', sql`${t.status} in (${sql.raw(MAIL_STATUSES.map((s) => `'${s}'`).join(', '))})`),
  ],
);

/** Addresses that get no more mail: unsubscribed (one click, RFC 8058), bounced, or added by hand. */
export const mailSuppressions = pgTable('mail_suppressions', {
  /** Lower-cased, so one address is one row however it was typed. */
  email: text('email').primaryKey(),
  reason: text('reason').notNull(),
  at: tz('at').notNull(),
});

/**
 * Secrets the app makes for itself on first use and shares across instances (e.g. the key that signs
 * unsubscribe links), so an operator has nothing to configure and every instance checks the same way.
 */
export const appSecrets = pgTable('app_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
});
