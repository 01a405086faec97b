/**
 * The outbox against a real SMTP server (the smtp-server package on a local port), on both engines:
 * queued in the caller's transaction, sent once per key, retried after a 4xx, bounced on a 5xx,
 * suppressed addresses skipped, a dead sender's claim retried. Unsubscribing: features/mail-preferences.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { bodyOf, captureSmtp, messageIdOf, type Refusal } from '../../../test/support/smtp.js';
import { mailOutbox } from '../db/schema/index.js';
import { createMailer, type Mailer } from '../mail.js';
import {
  enqueueMail,
  messageIdFor,
  type OutgoingMail,
  outboxCounts,
  outboxStatus,
  sendDueMail,
  startOutboxSender,
  suppressAddress,
} from './index.js';

const FROM = 'Puente <no-reply@puente.test>';

describeEachEngine('the outbox', (ctx) => {
  /** What the SMTP server answers each address, set per test. */
  const refusals = new Map<string, Refusal[]>();
  const smtp = captureSmtp({ refuse: (address) => refusals.get(address)?.shift() ?? null });
  let clock = new Date('2026-12-01T10:00:00Z');
  let mailer: Mailer;
  let n = 0;
  const sender = () => ({ mailer, now: () => clock, retryBaseMs: 60_000, maxAttempts: 3 });
  const mail = (over: Partial<OutgoingMail> = {}): OutgoingMail => {
    n++;
    return {
      idempotencyKey: `test:${n}`,
      to: `person${n}@example.org`,
      subject: `Message ${n}`,
      text: `Body of message ${n}`,
      kind: 'test',
      ...over,
    };
  };
  const rowOf = async (key: string) => (await outboxStatus(ctx.db, { idempotencyKey: key }))[0]!;
  const receivedBy = (address: string) =>
    smtp.received.filter((m) => m.to.some((to) => to.toLowerCase() === address.toLowerCase()));

  beforeAll(async () => {
    const port = await smtp.listen();
    mailer = createMailer(`smtp://127.0.0.1:${port}`, FROM);
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
  });
  beforeEach(() => refusals.clear());

  it('a message queued in a transaction that rolls back is never sent; one that commits is', async () => {
    const lost = mail();
    const kept = mail();
    await ctx.db
      .transaction(async (tx) => {
        await enqueueMail(tx, lost, clock);
        throw new Error('the change failed');
      })
      .catch(() => {});
    await ctx.db.transaction((tx) => enqueueMail(tx, kept, clock));
    const report = await sendDueMail(ctx.db, sender());
    expect(report).toEqual({ sent: 1 });
    expect(receivedBy(lost.to)).toHaveLength(0);
    expect(receivedBy(kept.to)).toHaveLength(1);
    expect(await outboxStatus(ctx.db, { idempotencyKey: lost.idempotencyKey })).toEqual([]);
    const row = await rowOf(kept.idempotencyKey);
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    expect(row.lastReply).toMatch(/^250 /);
  });

  it('the same key twice is one message; its Message-ID comes from the key', async () => {
    const once = mail();
    await enqueueMail(ctx.db, once, clock);
    await enqueueMail(ctx.db, { ...once, subject: 'a second try' }, clock);
    await sendDueMail(ctx.db, sender());
    await enqueueMail(ctx.db, once, clock);
    await sendDueMail(ctx.db, sender());
    const got = receivedBy(once.to);
    expect(got).toHaveLength(1);
    expect(messageIdOf(got[0]!.raw)).toBe(messageIdFor(once.idempotencyKey, FROM));
    expect(messageIdOf(got[0]!.raw)).toMatch(/^<[0-9a-f]{40}\.outbox@puente\.test>$/);
    expect(got[0]!.raw).toMatch(/^Subject: Message \d+$/m);
  });

  it('a 4xx reply is retried after a backoff, with the reply shown meanwhile; then sent', async () => {
    const later = mail();
    refusals.set(later.to, [{ code: 451, message: 'Greylisted, try again later' }]);
    await enqueueMail(ctx.db, later, clock);
    expect(await sendDueMail(ctx.db, sender())).toEqual({ queued: 1 });
    const waiting = await rowOf(later.idempotencyKey);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting.lastReply).toContain('451 Greylisted, try again later');
    expect(waiting.sendAfter.getTime()).toBe(clock.getTime() + 60_000);
    // Not before its time.
    expect(await sendDueMail(ctx.db, sender())).toEqual({});
    clock = new Date(clock.getTime() + 60_000);
    expect(await sendDueMail(ctx.db, sender())).toEqual({ sent: 1 });
    expect(await rowOf(later.idempotencyKey)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(receivedBy(later.to)).toHaveLength(1);
  });

  it('a 5xx reply marks the recipient bounced with the reply, and is not retried', async () => {
    const gone = mail();
    refusals.set(gone.to, [{ code: 550, message: 'No such user here' }]);
    await enqueueMail(ctx.db, gone, clock);
    expect(await sendDueMail(ctx.db, sender())).toEqual({ bounced: 1 });
    const row = await rowOf(gone.idempotencyKey);
    expect(row).toMatchObject({ status: 'bounced', attempts: 1 });
    expect(row.lastReply).toContain('550 No such user here');
    clock = new Date(clock.getTime() + 86_400_000);
    expect(await sendDueMail(ctx.db, sender())).toEqual({});
    expect(receivedBy(gone.to)).toHaveLength(0);
  });

  it('after the last attempt a message is failed', async () => {
    const never = mail();
    refusals.set(
      never.to,
      Array.from({ length: 3 }, () => ({ code: 452, message: 'Mailbox full, try later' })),
    );
    await enqueueMail(ctx.db, never, clock);
    for (let i = 0; i < 3; i++) {
      await sendDueMail(ctx.db, sender());
      clock = new Date(clock.getTime() + 3_600_000);
    }
    expect(await rowOf(never.idempotencyKey)).toMatchObject({ status: 'failed', attempts: 3 });
  });

  it('waits for sendAfter (an embargo lift)', async () => {
    const lift = new Date(clock.getTime() + 120_000);
    const embargoed = mail({ sendAfter: lift, ref: { table: 'release_sends', id: '7' } });
    await enqueueMail(ctx.db, embargoed, clock);
    expect(await sendDueMail(ctx.db, sender())).toEqual({});
    clock = new Date(lift.getTime() - 1);
    expect(await sendDueMail(ctx.db, sender())).toEqual({});
    clock = lift;
    expect(await sendDueMail(ctx.db, sender())).toEqual({ sent: 1 });
    expect(await outboxStatus(ctx.db, { ref: { table: 'release_sends', id: '7' } })).toMatchObject([
      { to: embargoed.to, status: 'sent', ref: { table: 'release_sends', id: '7' } },
    ]);
    expect(await outboxCounts(ctx.db, { ref: { table: 'release_sends' } })).toEqual({ sent: 1 });
  });

  it('an address on the suppression list gets nothing: the row ends suppressed', async () => {
    const quiet = mail();
    await suppressAddress(ctx.db, quiet.to.toUpperCase(), 'test', clock);
    await enqueueMail(ctx.db, quiet, clock);
    expect(await sendDueMail(ctx.db, sender())).toEqual({ suppressed: 1 });
    expect(await rowOf(quiet.idempotencyKey)).toMatchObject({ status: 'suppressed' });
    expect(receivedBy(quiet.to)).toHaveLength(0);
  });

  it('a sign-in link is forgotten once sent', async () => {
    const secret = mail({ text: 'your link: https://puente.test/en/set-password/SECRET', forgetBody: true });
    await enqueueMail(ctx.db, secret, clock);
    await sendDueMail(ctx.db, sender());
    expect(bodyOf(receivedBy(secret.to)[0]!.raw)).toContain('set-password/SECRET');
    const [row] = await ctx.db.select().from(mailOutbox).where(eq(mailOutbox.idempotencyKey, secret.idempotencyKey));
    expect(row).toMatchObject({ status: 'sent', text: '', html: null });
  });

  it('a message whose sender died while sending is sent again once its lease is over, with the same Message-ID', async () => {
    const orphan = mail();
    await enqueueMail(ctx.db, orphan, clock);
    // A sender claimed it and died: status sending, lease running.
    await ctx.db
      .update(mailOutbox)
      .set({ status: 'sending', claimToken: 'dead', leaseUntil: new Date(clock.getTime() + 120_000), attempts: 1 })
      .where(eq(mailOutbox.idempotencyKey, orphan.idempotencyKey));
    expect(await sendDueMail(ctx.db, sender())).toEqual({});
    clock = new Date(clock.getTime() + 120_000);
    expect(await sendDueMail(ctx.db, sender())).toEqual({ sent: 1 });
    expect(await rowOf(orphan.idempotencyKey)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(messageIdOf(receivedBy(orphan.to)[0]!.raw)).toBe(messageIdFor(orphan.idempotencyKey, FROM));
  });

  it('the running sender sends what is enqueued without being asked, and stops cleanly', async () => {
    const running = startOutboxSender(ctx.db, { ...sender(), pollMs: 50 });
    try {
      const prompt = mail();
      const arriving = smtp.nextMail();
      await enqueueMail(ctx.db, prompt, clock);
      expect((await arriving).to).toEqual([prompt.to]);
    } finally {
      await running.stop();
    }
  });
});
