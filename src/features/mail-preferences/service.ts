/**
 * Unsubscribing: a signed link in every list email (platform/outbox's tokens) leads here; one click
 * (or a mail provider's RFC 8058 POST) puts the address on the suppression list, which the outbox's
 * sender checks before every message, so mail already queued is not sent either.
 */
import { systemActor, writeAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { NotFound } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/locales.js';
import {
  suppressAddress,
  suppressedAmong,
  unsubscribeToken,
  verifyUnsubscribeToken,
} from '../../platform/outbox/index.js';

/** The address of the unsubscribe page for `email`, in `locale`; put it in `OutgoingMail.unsubscribe.url`. */
export async function unsubscribeLink(db: Db, baseUrl: string, locale: Locale, email: string): Promise<string> {
  return `${baseUrl}/${locale}/unsubscribe/${await unsubscribeToken(db, email)}`;
}

/** The address a token unsubscribes and whether it is already off the list; NotFound for a bad token. */
export async function unsubscribeState(db: Db, token: string): Promise<{ email: string; suppressed: boolean }> {
  const email = await verifyUnsubscribeToken(db, token);
  if (!email) throw new NotFound('unsubscribe link');
  return { email, suppressed: (await suppressedAmong(db, [email])).size === 1 };
}

/** Suppresses the token's address (once; audited), whoever asks: the link itself is the proof. */
export async function unsubscribe(db: Db, token: string, now: Date, from: string): Promise<{ email: string }> {
  const email = await verifyUnsubscribeToken(db, token);
  if (!email) throw new NotFound('unsubscribe link');
  await db.transaction(async (tx) => {
    if (await suppressAddress(tx, email, 'unsubscribed', now)) {
      await writeAudit(tx, {
        actor: systemActor(`one-click unsubscribe from ${from}`),
        at: now,
        entityType: 'mail_suppression',
        entityId: email,
        action: 'unsubscribe',
      });
    }
  });
  return { email };
}
