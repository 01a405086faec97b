/**
 * The suppression list: addresses that get no more mail (unsubscribed with one click, or added by a
 * feature, e.g. a contact marked bounced). The sender checks it for every message just before sending,
 * so a later unsubscribe is honoured by mail queued earlier too.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { mailSuppressions } from '../db/schema/index.js';

/** One address is one row however it is typed. */
export function suppressionKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Adds `email` to the list (the first reason and time are kept); true when it was not there yet. */
export async function suppressAddress(db: Db, email: string, reason: string, now: Date): Promise<boolean> {
  const added = await db
    .insert(mailSuppressions)
    .values({ email: suppressionKey(email), reason, at: now })
    .onConflictDoNothing()
    .returning({ email: mailSuppressions.email });
  return added.length === 1;
}

/** Takes `email` off the list (e.g. the person asks to hear again); true when it was there. */
export async function unsuppressAddress(db: Db, email: string): Promise<boolean> {
  const removed = await db
    .delete(mailSuppressions)
    .where(sql`${mailSuppressions.email} = ${suppressionKey(email)}`)
    .returning({ email: mailSuppressions.email });
  return removed.length === 1;
}

/** Which of `emails` are suppressed (as suppressionKey()). */
export async function suppressedAmong(db: Db, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await db
    .select({ email: mailSuppressions.email })
    .from(mailSuppressions)
    .where(inArray(mailSuppressions.email, [...new Set(emails.map(suppressionKey))]));
  return new Set(rows.map((r) => r.email));
}
