/** Per-recipient status of queued mail, for the features that caused it (e.g. a release send's page). */
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { type MailStatus, mailOutbox } from '../db/schema/index.js';

export interface OutboxFilter {
  /** What caused the mail (`ref` of enqueueMail); `id` optional: every row of that table. */
  ref?: { table: string; id?: string };
  kind?: string;
  to?: string;
  idempotencyKey?: string;
  /** At most this many rows (default 1,000), oldest first. */
  limit?: number;
}

export interface RecipientStatus {
  idempotencyKey: string;
  to: string;
  kind: string;
  status: MailStatus;
  attempts: number;
  /** The last SMTP reply (accepted, refused) or connection error. */
  lastReply: string | null;
  sendAfter: Date;
  sentAt: Date | null;
  ref: { table: string; id: string } | null;
}

export async function outboxStatus(db: Db, filter: OutboxFilter = {}): Promise<RecipientStatus[]> {
  const where: SQL[] = [];
  if (filter.ref) {
    where.push(eq(mailOutbox.refTable, filter.ref.table));
    if (filter.ref.id !== undefined) where.push(eq(mailOutbox.refId, filter.ref.id));
  }
  if (filter.kind) where.push(eq(mailOutbox.kind, filter.kind));
  if (filter.to) where.push(eq(mailOutbox.to, filter.to));
  if (filter.idempotencyKey) where.push(eq(mailOutbox.idempotencyKey, filter.idempotencyKey));
  const rows = await db
    .select({
      idempotencyKey: mailOutbox.idempotencyKey,
      to: mailOutbox.to,
      kind: mailOutbox.kind,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      lastReply: mailOutbox.lastReply,
      sendAfter: mailOutbox.sendAfter,
      sentAt: mailOutbox.sentAt,
      refTable: mailOutbox.refTable,
      refId: mailOutbox.refId,
    })
    .from(mailOutbox)
    .where(and(...where))
    .orderBy(asc(mailOutbox.id))
    .limit(filter.limit ?? 1000);
  return rows.map(({ refTable, refId, ...r }) => ({
    ...r,
    ref: refTable && refId ? { table: refTable, id: refId } : null,
  }));
}

/** How many rows of each status match (e.g. "4,980 sent, 12 queued, 8 bounced"). */
export async function outboxCounts(
  db: Db,
  filter: Omit<OutboxFilter, 'limit'> = {},
): Promise<Partial<Record<MailStatus, number>>> {
  const where: SQL[] = [];
  if (filter.ref) {
    where.push(eq(mailOutbox.refTable, filter.ref.table));
    if (filter.ref.id !== undefined) where.push(eq(mailOutbox.refId, filter.ref.id));
  }
  if (filter.kind) where.push(eq(mailOutbox.kind, filter.kind));
  const rows = await db
    .select({ status: mailOutbox.status, n: sql<number>`count(*)::int` })
    .from(mailOutbox)
    .where(and(...where))
    .groupBy(mailOutbox.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
