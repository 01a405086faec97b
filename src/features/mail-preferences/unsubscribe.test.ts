/**
 * Unsubscribing from list mail, against a real SMTP server on both engines: the headers every list
 * message carries (RFC 2369, RFC 8058), the page and its button in both languages, the one-click POST
 * without cookie or CSRF token, forged tokens refused, and the address suppressed for every later message.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getPage } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/db.js';
import { captureSmtp } from '../../../test/support/smtp.js';
import { Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import { listAudit } from '../../platform/audit.js';
import { createMailer, type Mailer } from '../../platform/mail.js';
import { enqueueMail, type OutgoingMail, outboxStatus, sendDueMail } from '../../platform/outbox/index.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { unsubscribeLink } from './index.js';

const FROM = 'Puente <no-reply@puente.test>';
const BASE = 'https://puente.test';

describeEachEngine('unsubscribing (one click, RFC 8058)', (ctx) => {
  const smtp = captureSmtp();
  const clock = new Date('2026-12-01T10:00:00Z');
  let mailer: Mailer;
  let app: FastifyTypeBox;
  let n = 0;
  const sender = () => ({ mailer, now: () => clock });
  const mail = (over: Partial<OutgoingMail> = {}): OutgoingMail => {
    n++;
    return {
      idempotencyKey: `list:${n}`,
      to: `person${n}@example.org`,
      subject: `News ${n}`,
      text: 'News',
      kind: 'test',
      ...over,
    };
  };
  const receivedBy = (address: string) =>
    smtp.received.filter((m) => m.to.some((to) => to.toLowerCase() === address.toLowerCase()));

  beforeAll(async () => {
    const port = await smtp.listen();
    mailer = createMailer(`smtp://127.0.0.1:${port}`, FROM);
    app = await buildApp({ db: ctx.db, now: () => clock, sendsMail: true, baseUrl: BASE });
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
  });

  it('list mail carries List-Unsubscribe (RFC 2369) and List-Unsubscribe-Post (RFC 8058); one click unsubscribes, no cookie or CSRF token needed', async () => {
    const to = 'Reader@Example.org';
    const url = await unsubscribeLink(ctx.db, BASE, 'es', to);
    const news = mail({ to, unsubscribe: { url } });
    await enqueueMail(ctx.db, news, clock);
    expect(await sendDueMail(ctx.db, sender())).toEqual({ sent: 1 });
    const raw = receivedBy(to)[0]!.raw.replace(/\r?\n[ \t]+/g, ' ');
    expect(raw).toContain(`List-Unsubscribe: <${url}>`);
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);

    const path = url.slice(BASE.length);
    // The page, in both languages, with a button that works without JavaScript.
    const page = await getPage(app, path);
    expect(page.status).toBe(200);
    expect(page.$('h1').text()).toBe('Dejar de recibir estos correos');
    expect(page.$('main').text()).toContain('Puente no enviará más correos a reader@example.org.');
    expect(page.$(`form[method="post"][action="${path}"] button[type="submit"]`).text()).toBe('Darme de baja');
    const english = await getPage(app, path.replace('/es/', '/en/'));
    expect(english.$('main').text()).toContain('Puente will send no more emails to reader@example.org.');

    // What a mail provider sends (RFC 8058): a bare POST, no cookie, no token of ours.
    const oneClick = await app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.headers['cache-control']).toBe('private, no-store');
    expect(oneClick.body).toContain('Listo: reader@example.org ya no recibirá correos de Puente.');
    const audit = await listAudit(ctx.db, 'mail_suppression', 'reader@example.org');
    expect(audit.map((a) => a.action)).toEqual(['unsubscribe']);

    // Honoured by every later message, even one queued with the address written otherwise.
    const after = mail({ to: 'reader@example.org' });
    await enqueueMail(ctx.db, after, clock);
    expect(await sendDueMail(ctx.db, sender())).toEqual({ suppressed: 1 });
    expect(receivedBy('reader@example.org')).toHaveLength(1);
    expect((await getPage(app, path)).$('main').text()).toContain('reader@example.org ya está dado de baja');
  });

  it('a forged or altered token unsubscribes nobody (404), and the exemption from CSRF is only this route', async () => {
    const url = await unsubscribeLink(ctx.db, BASE, 'en', 'victim@example.org');
    const [encoded, signature] = url.slice(`${BASE}/en/unsubscribe/`.length).split('.') as [string, string];
    const other = Buffer.from('other@example.org').toString('base64url');
    for (const token of [`${other}.${signature}`, `${encoded}.${signature.slice(1)}x`, 'bm9ib2R5.nothing-here']) {
      const forged = await app.inject({
        method: 'POST',
        url: `/en/unsubscribe/${token}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      expect(forged.statusCode).toBe(404);
    }
    expect(await outboxStatus(ctx.db, { to: 'other@example.org' })).toEqual([]);
    // Any other form still needs its token.
    const refused = await new Visitor(app).request('POST', '/en/forgot-password', {
      email: 'a@example.org',
      _csrf: 'x',
    });
    expect(refused.statusCode).toBe(403);
  });
});
