/**
 * Taking mail back out of the outbox: what a feature cancels before it goes (a scheduled send changed or
 * cancelled before the embargo lift), and everything kept about one address when a person's data is
 * erased. Messages already sent are history and stay unless the person is erased.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { mailOutbox } from '../db/schema/index.js';

/** Drops the still-queued messages `ref` caused (in the caller's transaction); returns how many. */
export async function cancelQueued(db: Db, ref: { table: string; id: string }): Promise<number> {
  const dropped = await db
    .delete(mailOutbox)
    .where(and(eq(mailOutbox.refTable, ref.table), eq(mailOutbox.refId, ref.id), eq(mailOutbox.status, 'queued')))
    .returning({ id: mailOutbox.id });
  return dropped.length;
}

/**
 * Forgets every message to `email`, whatever its status (queued ones are not sent): erasing a person's
 * data erases the mail Puente wrote them and the SMTP replies about them. Their suppression, if any, is
 * kept: it is what stops mail to them should the address come back.
 */
export async function forgetRecipient(db: Db, email: string): Promise<number> {
  const dropped = await db
    .delete(mailOutbox)
    .where(sql`lower(${mailOutbox.to}) = lower(${email})`)
    .returning({ id: mailOutbox.id });
  return dropped.length;
}
