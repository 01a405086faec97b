/**
 * Issue 18's acceptance for sends, on both engines, against a real SMTP server (smtp-server on a local
 * port): a release embargoed two minutes ahead (injected clock) reaches three lists in each recipient's
 * language at the lift and not before; unsubscribed and suppressed contacts get nothing; a permanent
 * refusal (550) marks the contact bounced. Also: under embargo only to trusted contacts, with the
 * embargo stated; cancelling and changing a send before the lift.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { CONTACTS_CSV, embargoedRelease, pressThemes, RELEASE_HEADLINE } from '../../../test/support/press.js';
import { bodyOf, captureSmtp } from '../../../test/support/smtp.js';
import { createUserWithPassword } from '../../../test/support/visitors.js';
import * as t from '../../platform/db/schema/index.js';
import { Invalid } from '../../platform/errors.js';
import { createMailer } from '../../platform/mail.js';
import { sendDueMail, suppressAddress } from '../../platform/outbox/index.js';
import type { Editor } from '../../platform/write.js';
import { createList } from './lists-service.js';
import { cancelSend, changeSend, createSend, sendRecipients, syncContactStatuses } from './sends-service.js';
import { commitContactImport, readCsv } from './transfer.js';

const T0 = new Date('2026-06-01T11:58:00Z');
const LIFT = new Date('2026-06-01T12:00:00Z');
const BASE_URL = 'https://puente.example.org';
const at = (ms: number) => new Date(T0.getTime() + ms);

describeEachEngine('press: sending a release', (ctx) => {
  const smtp = captureSmtp({
    refuse: (address) => (address.startsWith('refused@') ? { code: 550, message: '5.1.1 No such user here' } : null),
  });
  let mailer: ReturnType<typeof createMailer>;
  let editor: Editor;
  const contactId = async (email: string) =>
    (await ctx.db.select().from(t.pressContacts).where(eq(t.pressContacts.email, email)))[0]!;
  const deliver = (now: Date) => sendDueMail(ctx.db, { mailer, now: () => now, ratePerSecond: 1000 });
  const delivered = () => smtp.received.flatMap((m) => m.to);

  beforeAll(async () => {
    const port = await smtp.listen();
    mailer = createMailer(`smtp://127.0.0.1:${port}`, 'Puente <no-reply@puente.example.org>');
    editor = await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' }, T0);
    await pressThemes(ctx.db);
    await commitContactImport(ctx.db, editor, CONTACTS_CSV, T0);
  });

  afterAll(async () => {
    mailer?.close();
    await smtp.close();
  });

  describe('at the lift, to three lists', () => {
    let sendId: number;

    beforeAll(async () => {
      const spanish = await createList(
        ctx.db,
        { name: 'Spanish readers', kind: 'filter', languages: ['es'], countries: [], beats: [], members: '' },
        editor,
        T0,
      );
      const justice = await createList(
        ctx.db,
        { name: 'Justice beat', kind: 'filter', languages: [], countries: [], beats: ['justice'], members: '' },
        editor,
        T0,
      );
      const picked = await createList(
        ctx.db,
        {
          name: 'Picked',
          kind: 'picked',
          languages: [],
          countries: [],
          beats: [],
          members: 'dan@wire.example\nrefused@gone.example\nana@diario.example',
        },
        editor,
        T0,
      );
      await embargoedRelease(ctx.db, 'safe-passage', LIFT);
      const send = await createSend(
        ctx.db,
        editor,
        {
          release: 'safe-passage',
          mode: 'lift',
          note: 'Dear colleague, ahead of Monday.',
          listIds: [spanish.id, justice.id, picked.id],
          contactIds: [],
        },
        { baseUrl: BASE_URL, now: T0 },
      );
      sendId = send.id;
      // Eve unsubscribes after the send was scheduled: the outbox honours it at the lift.
      await suppressAddress(ctx.db, 'eve@times.example', 'unsubscribe', at(30_000));
    });

    it('queues one message per recipient, for the lift, none to an unsubscribed contact', async () => {
      const [send] = await ctx.db.select().from(t.pressSends).where(eq(t.pressSends.id, sendId));
      expect(send!.sendAfter.toISOString()).toBe(LIFT.toISOString());
      const rows = await sendRecipients(ctx.db, editor, sendId);
      expect(rows.map((r) => r.to).sort()).toEqual([
        'ana@diario.example',
        'ben@post.example',
        'carla@radio.example',
        'eve@times.example',
        'refused@gone.example',
      ]);
      expect(rows.every((r) => r.status === 'queued')).toBe(true);
    });

    it('sends nothing before the lift', async () => {
      await deliver(at(60_000));
      await deliver(new Date(LIFT.getTime() - 1));
      expect(smtp.received).toHaveLength(0);
    });

    it('at the lift: each recipient once, in their language; the unsubscribed and the suppressed get nothing', async () => {
      await deliver(LIFT);
      expect(delivered().sort()).toEqual(['ana@diario.example', 'ben@post.example', 'carla@radio.example']);
      const mailTo = (address: string) => bodyOf(smtp.received.find((m) => m.to.includes(address))!.raw);
      for (const address of ['ana@diario.example', 'carla@radio.example']) {
        const mail = mailTo(address);
        // ASCII parts of the headlines: bodyOf undoes quoted-printable byte by byte, not as UTF-8.
        expect(mail).toContain('pide un paso seguro');
        expect(mail).not.toContain('safe passage');
        expect(mail).toContain(`${BASE_URL}/es/releases/safe-passage/release.pdf`);
      }
      const ben = mailTo('ben@post.example');
      expect(ben).toContain(RELEASE_HEADLINE.en);
      expect(ben).not.toContain('paso seguro');
      expect(ben).toContain(`${BASE_URL}/en/releases/safe-passage/release.docx`);
      expect(ben).toContain('Dear colleague, ahead of Monday.');
      expect(ben).toMatch(/List-Unsubscribe:\s+<https:\/\/puente\.example\.org\/en\/unsubscribe\//);
      expect(ben).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      // Nothing goes twice, however often the sender runs.
      await deliver(at(10 * 60_000));
      expect(delivered()).toHaveLength(3);
    });

    it('a permanent refusal marks the contact bounced; the status page shows the SMTP reply', async () => {
      const rows = await sendRecipients(ctx.db, editor, sendId);
      const refused = rows.find((r) => r.to === 'refused@gone.example')!;
      expect(refused.status).toBe('bounced');
      expect(refused.lastReply).toMatch(/550/);
      expect(rows.find((r) => r.to === 'eve@times.example')!.status).toBe('suppressed');
      expect(rows.find((r) => r.to === 'ben@post.example')!.status).toBe('sent');
      await syncContactStatuses(ctx.db, at(11 * 60_000));
      expect((await contactId('refused@gone.example')).status).toBe('bounced');
      expect((await contactId('eve@times.example')).status).toBe('unsubscribed');
      expect((await contactId('ben@post.example')).status).toBe('active');
      const audit = await ctx.db
        .select()
        .from(t.auditLog)
        .where(and(eq(t.auditLog.entityType, 'press_contact'), eq(t.auditLog.action, 'bounce')));
      expect(audit.map((a) => a.entityId)).toEqual([String((await contactId('refused@gone.example')).id)]);
    });
  });

  describe('before the lift', () => {
    const lift = new Date('2026-07-01T12:00:00Z');
    const now = new Date('2026-07-01T11:00:00Z');
    let list: number;

    beforeAll(async () => {
      await embargoedRelease(ctx.db, 'july-release', lift);
      list = (
        await createList(
          ctx.db,
          { name: 'Everyone', kind: 'filter', languages: [], countries: [], beats: [], members: '' },
          editor,
          now,
        )
      ).id;
    });

    it('refuses "now" while the embargo holds, and "under embargo" to a contact who is not trusted', async () => {
      const form = { release: 'july-release', note: '', listIds: [list], contactIds: [] };
      const refused = (mode: string, contactIds: number[] = []) =>
        createSend(ctx.db, editor, { ...form, mode, contactIds }, { baseUrl: BASE_URL, now }).then(
          () => null,
          (error: unknown) => (error instanceof Invalid ? error.problems.map((p) => `${p.field}:${p.problem}`) : error),
        );
      expect(await refused('now')).toEqual(['mode:workspaceErrPressStillEmbargoed']);
      const carla = (await contactId('carla@radio.example')).id;
      expect(await refused('embargo', [carla])).toEqual(['contacts:workspaceErrPressNotTrusted']);
      expect(await ctx.db.select().from(t.pressSends).where(eq(t.pressSends.mode, 'now'))).toEqual([]);
    });

    it('under embargo: only the trusted contact, at once, with the embargo in subject and body', async () => {
      const before = smtp.received.length;
      const ben = (await contactId('ben@post.example')).id;
      await createSend(
        ctx.db,
        editor,
        { release: 'july-release', mode: 'embargo', note: '', listIds: [], contactIds: [ben] },
        { baseUrl: BASE_URL, now },
      );
      await deliver(now);
      const mails = smtp.received.slice(before);
      expect(mails.map((m) => m.to)).toEqual([['ben@post.example']]);
      const mail = bodyOf(mails[0]!.raw);
      expect(mail).toMatch(/Subject: EMBARGOED: Coalition asks for safe passage/);
      expect(mail).toContain('Under embargo until July 1, 2026');
    });

    it('a cancelled send sends nothing at the lift; a changed one goes to its new lists only', async () => {
      const spanishOnly = (
        await createList(
          ctx.db,
          { name: 'Spanish only', kind: 'filter', languages: ['es'], countries: [], beats: [], members: '' },
          editor,
          now,
        )
      ).id;
      const cancelled = await createSend(
        ctx.db,
        editor,
        { release: 'july-release', mode: 'lift', note: '', listIds: [list], contactIds: [] },
        { baseUrl: BASE_URL, now },
      );
      await cancelSend(ctx.db, editor, cancelled.id, cancelled.version, now);
      const changed = await createSend(
        ctx.db,
        editor,
        { release: 'july-release', mode: 'lift', note: '', listIds: [list], contactIds: [] },
        { baseUrl: BASE_URL, now },
      );
      await changeSend(
        ctx.db,
        editor,
        changed.id,
        { mode: 'lift', note: 'Now only in Spanish', listIds: [spanishOnly], contactIds: [] },
        changed.version,
        { baseUrl: BASE_URL, now },
      );
      const before = smtp.received.length;
      await deliver(lift);
      expect(
        smtp.received
          .slice(before)
          .flatMap((m) => m.to)
          .sort(),
      ).toEqual(['ana@diario.example', 'carla@radio.example']);
      expect(await sendRecipients(ctx.db, editor, cancelled.id)).toEqual([]);
      // After the lift it can no longer change.
      await expect(cancelSend(ctx.db, editor, changed.id, changed.version + 1, lift)).rejects.toBeInstanceOf(Invalid);
    });
  });

  it('reads the CSV back as it was written', () => {
    expect(readCsv(CONTACTS_CSV)).toHaveLength(7);
  });
});
