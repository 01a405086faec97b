/**
 * What the app put in the outbox (platform/outbox), for tests of what it would mail when no sender
 * runs: the rows as queued, oldest first.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/client.js';
import { mailOutbox } from '../../src/platform/db/schema/index.js';

export async function queuedMail(db: Db, to?: string) {
  return db
    .select()
    .from(mailOutbox)
    .where(to ? eq(mailOutbox.to, to) : undefined)
    .orderBy(asc(mailOutbox.id));
}
