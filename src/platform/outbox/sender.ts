/**
 * The outbox sender: one loop per process, safe with several processes on one PostgreSQL database.
 *
 * A pass claims a batch of due rows (queued with `send_after` reached, or `sending` with an expired
 * lease: their sender died) with `FOR UPDATE SKIP LOCKED`, so two senders never claim the same row,
 * marks them `sending` with its own claim token and a lease, then sends each and records the outcome,
 * only while its claim still holds (`claim_token` matches):
 * - accepted (2xx): `sent`, with the server's reply;
 * - refused permanently (5xx): `bounced`, with the reply (a feature may suppress the address);
 * - anything else (4xx, connection lost): back to `queued` after an exponential backoff, or `failed`
 *   after MAX_ATTEMPTS;
 * - the address is on the suppression list: `suppressed`, nothing sent.
 *
 * Exactly once per recipient "in practice": a row is marked `sent` right after the server accepts it.
 * A crash in between (milliseconds) leaves it `sending`; once its lease expires it is sent again, with
 * the same Message-ID (message-id.ts), which receiving servers and clients may use to drop the copy.
 * That window is the at-least-once part no SMTP client can close (SMTP has no two-phase commit).
 *
 * It wakes on `enqueueMail` in this process, and otherwise polls every `pollMs` (other instances'
 * mail, mail queued inside a transaction, `send_after` and retry times arriving). A send rate limit
 * (messages per second, per process) spaces the messages out.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.js';
import { files, type MailAttachmentRef, type MailStatus, mailOutbox } from '../db/schema/index.js';
import { type Mailer, type SmtpMessage, smtpReply } from '../mail.js';
import { OUTBOX_DEFAULTS } from './defaults.js';
import { outboxWakeups } from './enqueue.js';
import { messageIdFor } from './message-id.js';
import { suppressedAmong, suppressionKey } from './suppressions.js';

const MAX_RETRY_WAIT_MS = 3_600_000;

export interface OutboxSenderOptions {
  mailer: Mailer;
  now?: () => Date;
  ratePerSecond?: number;
  leaseMs?: number;
  maxAttempts?: number;
  retryBaseMs?: number;
  pollMs?: number;
  concurrency?: number;
  /**
   * Put every `sending` row back in the queue at start. Only for PGlite: one process holds its data
   * directory, so any claim found at start is a dead process's. With PostgreSQL, leases decide.
   */
  reclaimAtStart?: boolean;
  onError?: (error: unknown) => void;
}

type Row = typeof mailOutbox.$inferSelect;

/** What one pass did, by outcome. */
export type PassReport = Partial<Record<MailStatus, number>>;

/** Waits so that no more than `perSecond` messages start in any second (per process). */
function rateLimiter(perSecond: number) {
  const gapMs = 1000 / perSecond;
  let next = 0;
  return async () => {
    const now = Date.now();
    const at = Math.max(now, next);
    next = at + gapMs;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  };
}

function settings(options: OutboxSenderOptions) {
  const ratePerSecond = options.ratePerSecond ?? OUTBOX_DEFAULTS.ratePerSecond;
  const leaseMs = options.leaseMs ?? OUTBOX_DEFAULTS.leaseMs;
  return {
    mailer: options.mailer,
    now: options.now ?? (() => new Date()),
    ratePerSecond,
    leaseMs,
    maxAttempts: options.maxAttempts ?? OUTBOX_DEFAULTS.maxAttempts,
    retryBaseMs: options.retryBaseMs ?? OUTBOX_DEFAULTS.retryBaseMs,
    concurrency: options.concurrency ?? OUTBOX_DEFAULTS.concurrency,
    // Small batches spread a queue over several instances; the lease is renewed while one is sent.
    batchSize: 50,
    throttle: rateLimiter(ratePerSecond),
  };
}
type Settings = ReturnType<typeof settings>;

/** Claims up to `limit` due rows for this sender (a new claim token), or none. */
async function claim(db: Db, s: Settings, limit: number): Promise<{ token: string; rows: Row[] }> {
  const token = randomUUID();
  const now = s.now();
  const leaseUntil = new Date(now.getTime() + s.leaseMs);
  const ids = await queryRows<{ id: number }>(
    db,
    sql`update ${mailOutbox} set status = 'sending', claim_token = ${token},
          lease_until = ${leaseUntil.toISOString()}, attempts = ${mailOutbox.attempts} + 1
        where ${mailOutbox.id} in (
          select id from ${mailOutbox}
          where (status = 'queued' and send_after <= ${now.toISOString()})
             or (status = 'sending' and lease_until <= ${now.toISOString()})
          order by send_after, id
          limit ${limit}
          for update skip locked)
        returning ${mailOutbox.id}`,
  );
  if (ids.length === 0) return { token, rows: [] };
  const rows = await db
    .select()
    .from(mailOutbox)
    .where(
      and(
        inArray(
          mailOutbox.id,
          ids.map((r) => r.id),
        ),
        eq(mailOutbox.claimToken, token),
      ),
    )
    .orderBy(mailOutbox.sendAfter, mailOutbox.id);
  return { token, rows };
}

/** Extends the lease of `ids` still claimed by `token`; the ones it still holds. */
async function renewLease(db: Db, s: Settings, token: string, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const renewed = await db
    .update(mailOutbox)
    .set({ leaseUntil: new Date(s.now().getTime() + s.leaseMs) })
    .where(and(inArray(mailOutbox.id, ids), eq(mailOutbox.claimToken, token), eq(mailOutbox.status, 'sending')))
    .returning({ id: mailOutbox.id });
  return new Set(renewed.map((r) => r.id));
}

interface Outcome {
  row: Row;
  status: MailStatus;
  fields: { lastReply?: string; sendAfter?: Date; sentAt?: Date };
}
type Settle = (row: Row, status: MailStatus, fields: Outcome['fields']) => Promise<void>;

/**
 * Records outcomes, only where this sender's claim still holds (no other sender took the row over).
 * Outcomes that arrive while one write is running go together in the next (one statement for several
 * messages in flight, not one each): nothing waits on purpose, so a message is marked sent as soon as
 * the database can, which keeps the resend-after-crash window as short as it is.
 */
function settler(db: Db, token: string): Settle {
  let pending: { outcome: Outcome; done: () => void; failed: (e: unknown) => void }[] = [];
  let writing = false;
  const flush = async () => {
    writing = true;
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        await settleMany(
          db,
          token,
          batch.map((b) => b.outcome),
        );
        for (const b of batch) b.done();
      } catch (error) {
        for (const b of batch) b.failed(error);
      }
    }
    writing = false;
  };
  return (row, status, fields) =>
    new Promise<void>((done, failed) => {
      pending.push({ outcome: { row, status, fields }, done, failed });
      if (!writing) void flush();
    });
}

async function settleMany(db: Db, token: string, outcomes: Outcome[]): Promise<void> {
  const values = outcomes.map(({ row, status, fields }) => {
    const forget = status !== 'queued' && row.forgetBody;
    return sql`(${row.id}::int, ${status}::text, ${fields.lastReply?.slice(0, 2000) ?? null}::text,
      ${fields.sendAfter?.toISOString() ?? null}::timestamptz, ${fields.sentAt?.toISOString() ?? null}::timestamptz,
      ${forget}::boolean)`;
  });
  await db.execute(sql`update ${mailOutbox} as m set
      status = v.status, claim_token = null, lease_until = null,
      last_reply = coalesce(v.reply, m.last_reply),
      send_after = coalesce(v.send_after, m.send_after),
      sent_at = coalesce(v.sent_at, m.sent_at),
      text_body = case when v.forget then '' else m.text_body end,
      html_body = case when v.forget then null else m.html_body end
    from (values ${sql.join(values, sql`, `)}) as v(id, status, reply, send_after, sent_at, forget)
    where m.id = v.id and m.claim_token = ${token}`);
}

async function attachmentsOf(db: Db, refs: MailAttachmentRef[]): Promise<SmtpMessage['attachments']> {
  if (refs.length === 0) return undefined;
  const found = await db
    .select({ sha256: files.sha256, bytes: files.bytes })
    .from(files)
    .where(
      inArray(
        files.sha256,
        refs.map((r) => r.sha256),
      ),
    );
  const bytes = new Map(found.map((f) => [f.sha256, f.bytes]));
  return refs.map((r) => {
    const content = bytes.get(r.sha256);
    if (!content) throw new Error(`attachment ${r.filename} (${r.sha256}) is not in the files table`);
    return { filename: r.filename, content };
  });
}

export function smtpMessageOf(row: Row, from: string): Omit<SmtpMessage, 'attachments'> {
  const headers: Record<string, string> = { 'X-Puente-Kind': row.kind };
  if (row.unsubscribeUrl) {
    headers['List-Unsubscribe'] = `<${row.unsubscribeUrl}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return {
    to: row.to,
    subject: row.subject,
    text: row.text,
    ...(row.html ? { html: row.html } : {}),
    messageId: messageIdFor(row.idempotencyKey, from),
    headers,
  };
}

async function sendOne(db: Db, s: Settings, row: Row, settle: Settle): Promise<MailStatus> {
  if (row.attempts > s.maxAttempts) {
    await settle(row, 'failed', { lastReply: row.lastReply ?? `gave up after ${s.maxAttempts} attempts` });
    return 'failed';
  }
  await s.throttle();
  let info: { response: string };
  try {
    const attachments = await attachmentsOf(db, row.attachments);
    info = await s.mailer.send({
      ...smtpMessageOf(row, s.mailer.from),
      ...(attachments ? { attachments } : {}),
    });
  } catch (error) {
    const reply = smtpReply(error);
    if (reply.code !== null && reply.code >= 500) {
      await settle(row, 'bounced', { lastReply: reply.text });
      return 'bounced';
    }
    if (row.attempts >= s.maxAttempts) {
      await settle(row, 'failed', { lastReply: reply.text });
      return 'failed';
    }
    const wait = Math.min(MAX_RETRY_WAIT_MS, s.retryBaseMs * 2 ** (row.attempts - 1));
    await settle(row, 'queued', { lastReply: reply.text, sendAfter: new Date(s.now().getTime() + wait) });
    return 'queued';
  }
  // Outside the try: a failure to record it must not pass for an SMTP refusal (it was sent). The row
  // stays `sending`, and is retried, with the same Message-ID, once its lease ends.
  await settle(row, 'sent', { lastReply: info.response, sentAt: s.now() });
  return 'sent';
}

/** One claimed batch, sent `concurrency` at a time; what happened to each row. */
async function sendBatch(db: Db, s: Settings, stopping: () => boolean = () => false): Promise<PassReport> {
  const { token, rows } = await claim(db, s, s.batchSize);
  const report: PassReport = {};
  const count = (status: MailStatus) => {
    report[status] = (report[status] ?? 0) + 1;
  };
  if (rows.length === 0) return report;
  const settle = settler(db, token);
  const suppressed = await suppressedAmong(
    db,
    rows.map((r) => r.to),
  );
  const toSend: Row[] = [];
  for (const row of rows) {
    if (suppressed.has(suppressionKey(row.to))) {
      await settle(row, 'suppressed', { lastReply: 'suppressed: the address is on the suppression list' });
      count('suppressed');
    } else toSend.push(row);
  }
  // While the batch is sent, its lease is renewed (every third of it), so a batch that takes longer than
  // one lease (a slow server, a low rate) is not taken over and sent twice by another sender. A row the
  // renewal no longer finds as ours (its lease ran out while this process stalled) is not sent.
  const held = new Set(toSend.map((r) => r.id));
  let renewing: Promise<void> = Promise.resolve();
  const heartbeat = setInterval(() => {
    renewing = renewLease(db, s, token, [...held]).then(
      (still) => {
        for (const id of held) if (!still.has(id)) held.delete(id);
      },
      () => {},
    );
  }, s.leaseMs / 3);
  let next = 0;
  const worker = async () => {
    while (next < toSend.length && !stopping()) {
      const row = toSend[next++]!;
      if (!held.has(row.id)) continue;
      count(await sendOne(db, s, row, settle));
      held.delete(row.id);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(s.concurrency, toSend.length) }, worker));
  } finally {
    clearInterval(heartbeat);
    await renewing;
  }
  // Stopping: the rows not begun go back to the queue at once (their attempt not counted), for the
  // next start or another instance, instead of waiting out the lease.
  const unsent = toSend.slice(next).map((r) => r.id);
  if (unsent.length > 0) {
    await db
      .update(mailOutbox)
      .set({ status: 'queued', claimToken: null, leaseUntil: null, attempts: sql`${mailOutbox.attempts} - 1` })
      .where(and(inArray(mailOutbox.id, unsent), eq(mailOutbox.claimToken, token)));
  }
  return report;
}

function total(report: PassReport): number {
  return Object.values(report).reduce((a, b) => a + (b ?? 0), 0);
}

/**
 * Sends what is due now, batch after batch, until nothing is due (the CLI, and tests that move the
 * clock); returns the outcomes. Mail waiting for a retry or a later `sendAfter` stays queued.
 */
export async function sendDueMail(db: Db, options: OutboxSenderOptions): Promise<PassReport> {
  const s = settings(options);
  const report: PassReport = {};
  for (;;) {
    const pass = await sendBatch(db, s);
    if (total(pass) === 0) return report;
    for (const [status, n] of Object.entries(pass))
      report[status as MailStatus] = (report[status as MailStatus] ?? 0) + n;
  }
}

export interface OutboxSender {
  /** Look for due mail now (e.g. after a test moved its clock). */
  wake(): void;
  /** Finishes the messages in flight (sent and recorded), puts the rest of its batch back, then stops. */
  stop(): Promise<void>;
}

/** Starts this process's sender loop on `db`. */
export function startOutboxSender(db: Db, options: OutboxSenderOptions): OutboxSender {
  const s = settings(options);
  const onError = options.onError ?? (() => {});
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let resolveWait: (() => void) | undefined;
  let woken = false;
  const wake = () => {
    woken = true;
    resolveWait?.();
  };
  outboxWakeups.on('wake', wake);

  const idle = () =>
    new Promise<void>((resolve) => {
      if (woken || stopped) return resolve();
      resolveWait = resolve;
      timer = setTimeout(resolve, options.pollMs ?? OUTBOX_DEFAULTS.pollMs);
    }).finally(() => {
      clearTimeout(timer);
      resolveWait = undefined;
    });

  const loop = (async () => {
    if (options.reclaimAtStart) {
      await db
        .update(mailOutbox)
        .set({ status: 'queued', claimToken: null, leaseUntil: null })
        .where(eq(mailOutbox.status, 'sending'))
        .catch(onError);
    }
    while (!stopped) {
      woken = false;
      let sent = 0;
      try {
        sent = total(await sendBatch(db, s, () => stopped));
      } catch (error) {
        onError(error);
      }
      if (sent === 0 && !stopped) await idle();
    }
  })();

  return {
    wake,
    async stop() {
      stopped = true;
      outboxWakeups.off('wake', wake);
      resolveWait?.();
      await loop;
    },
  };
}
