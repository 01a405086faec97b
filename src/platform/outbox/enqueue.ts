/**
 * Putting mail in the outbox: one row per recipient, in the caller's transaction, so the message exists
 * exactly when the change that causes it commits (a rolled-back invitation mails nobody). The sender
 * (sender.ts) sends it afterwards; no request waits for SMTP.
 */
import { EventEmitter } from 'node:events';
import type { Db } from '../db/client.js';
import { type MailAttachmentRef, mailOutbox } from '../db/schema/index.js';

export interface OutgoingMail {
  /** Unique: enqueueing the same key twice is a no-op, so a message goes at most once per recipient. */
  idempotencyKey: string;
  /** One recipient per row. */
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What it is: 'invitation' | 'password-reset' | 'digest' | 'release' | 'signon' … */
  kind: string;
  /** Not before this instant (e.g. the embargo lift); default: now. */
  sendAfter?: Date;
  /** Adds List-Unsubscribe and List-Unsubscribe-Post: List-Unsubscribe=One-Click (RFC 8058). */
  unsubscribe?: { url: string };
  /** Files of the `files` table, by reference (their sha256), so a row stays small. */
  attachments?: MailAttachmentRef[];
  /** What caused it, so the feature can show per-recipient status (`outboxStatus`). */
  ref?: { table: string; id: string };
  /**
   * The body holds a secret (a one-time sign-in link): the sender empties it once the message is sent or
   * given up on, so the database keeps no working link (tokens are otherwise stored only as hashes).
   */
  forgetBody?: boolean;
}

/** The longest idempotency key, so a runaway caller gets a clear error rather than a huge index entry. */
const MAX_KEY_LENGTH = 400;

/** Senders in this process listen here, so a message enqueued here goes out without waiting for a poll. */
export const outboxWakeups = new EventEmitter();
outboxWakeups.setMaxListeners(0);

/**
 * Queues `mail` (one or many) in `db`, which may be a transaction: pass the transaction of the change that
 * causes the mail. A key already in the outbox is skipped (whatever its status), never sent again.
 * `now` is when it was queued (and the default `sendAfter`).
 */
export async function enqueueMail(db: Db, mail: OutgoingMail | OutgoingMail[], now = new Date()): Promise<void> {
  const all = Array.isArray(mail) ? mail : [mail];
  if (all.length === 0) return;
  const rows = all.map((m) => outboxRow(m, now));
  // Batches keep each statement's parameters well under PostgreSQL's 65,535 for a list of thousands.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(mailOutbox)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing({ target: mailOutbox.idempotencyKey });
  }
  wakeOutboxSenders();
}

/**
 * The outbox row of one mail, checked; for a caller that writes it in the statement of the change that
 * causes it (insertFrom, then `on conflict (idempotency_key) do nothing` and wakeOutboxSenders()).
 */
export function outboxRow(m: OutgoingMail, now: Date): typeof mailOutbox.$inferInsert {
  if (!m.idempotencyKey || m.idempotencyKey.length > MAX_KEY_LENGTH) {
    throw new Error(
      `enqueueMail: the idempotency key must be 1 to ${MAX_KEY_LENGTH} characters (got "${m.idempotencyKey}")`,
    );
  }
  if (!m.to.includes('@')) throw new Error(`enqueueMail: "${m.to}" is not an email address (key ${m.idempotencyKey})`);
  return {
    idempotencyKey: m.idempotencyKey,
    kind: m.kind,
    to: m.to.trim(),
    subject: m.subject,
    text: m.text,
    html: m.html ?? null,
    unsubscribeUrl: m.unsubscribe?.url ?? null,
    attachments: m.attachments ?? [],
    refTable: m.ref?.table ?? null,
    refId: m.ref?.id ?? null,
    forgetBody: m.forgetBody ?? false,
    sendAfter: m.sendAfter ?? now,
    createdAt: now,
  };
}

/** Inside a transaction the rows are not visible until it commits: then the next poll finds them. */
export function wakeOutboxSenders(): void {
  setImmediate(() => outboxWakeups.emit('wake'));
}
