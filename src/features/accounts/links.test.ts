/**
 * Reset and invitation links by email, through a real SMTP server (the smtp-server package,
 * listening on a local port) that captures what nodemailer sends.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { bodyOf, type Captured, captureSmtp } from '../../../test/support/smtp.js';
import { createUserWithPassword, signedIn, Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import { listAudit } from '../../platform/audit.js';
import * as t from '../../platform/db/schema/index.js';
import { createMailer, type Mailer } from '../../platform/mail.js';
import { type OutboxSender, startOutboxSender } from '../../platform/outbox/index.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';
import { TOKEN_TTL_MS } from './service.js';

function linkPath(mail: Captured): string {
  const match = /https:\/\/puente\.test(\/(?:en|es)\/set-password\/[A-Za-z0-9_-]+)/.exec(bodyOf(mail.raw));
  if (!match?.[1]) throw new Error(`no link in ${mail.raw}`);
  return match[1];
}

describeEachEngine('emailed single-use links (reset, invitation)', (ctx) => {
  const { received, nextMail, listen, close } = captureSmtp();

  let clock = new Date('2026-11-27T12:00:00Z');
  let app: FastifyTypeBox;
  let mailer: Mailer;
  let sender: OutboxSender;
  beforeAll(async () => {
    const port = await listen();
    mailer = createMailer(`smtp://127.0.0.1:${port}`, 'Puente <no-reply@puente.test>');
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db, now: () => clock, sendsMail: true, baseUrl: 'https://puente.test' });
    // The outbox's sender, as serve.ts runs it; a short poll, since mail queued in a transaction is found by polling.
    sender = startOutboxSender(ctx.db, { mailer, now: () => clock, pollMs: 50 });
    await createUserWithPassword(ctx.db, { email: 'Forgetful@Example.org', role: 'editor' }, clock);
    await createUserWithPassword(ctx.db, { email: 'admin@example.org', role: 'admin' }, clock);
  });
  afterAll(async () => {
    await sender.stop();
    mailer.close();
    await close();
  });

  it('answers the same for an unknown and a known address, and mails only the known one', async () => {
    const ask = (email: string) =>
      new Visitor(app).post('/es/forgot-password', { email }, '/es/forgot-password').then((r) => r.body);
    const earlier = received.length;
    const arriving = nextMail();
    const unknown = await ask('nobody@example.org');
    const known = await ask('forgetful@example.org');
    expect(known).toBe(unknown);
    expect(known).toContain('Si existe una cuenta');
    const mail = await arriving;
    expect(mail.to.map((a) => a.toLowerCase())).toEqual(['forgetful@example.org']);
    expect(bodyOf(mail.raw)).toContain('Funciona una sola vez');
    expect(received.slice(earlier)).toHaveLength(1);
  });

  it('a reset link works once', async () => {
    const arriving = nextMail();
    await new Visitor(app).post('/en/forgot-password', { email: 'forgetful@example.org' }, '/en/forgot-password');
    const path = linkPath(await arriving);
    const visitor = new Visitor(app);
    expect((await visitor.get(path)).statusCode).toBe(200);
    expect((await visitor.post(path, { password: 'remembered at last' }, path)).statusCode).toBe(303);
    expect((await visitor.signIn('forgetful@example.org', 'remembered at last')).statusCode).toBe(303);
    const again = new Visitor(app);
    expect((await again.get(path)).statusCode).toBe(404);
    expect((await again.post(path, { password: 'hijacked password' }, '/en/sign-in')).statusCode).toBe(404);
  });

  it('a new password ends every other link and every session: of four reset emails, the last one used, the first no longer works', async () => {
    await createUserWithPassword(ctx.db, { email: 'four-mails@example.org', role: 'editor' }, clock);
    const before = await signedIn(app, 'four-mails@example.org');
    const paths: string[] = [];
    for (let i = 0; i < 4; i++) {
      const arriving = nextMail();
      await new Visitor(app).post('/en/forgot-password', { email: 'four-mails@example.org' }, '/en/forgot-password');
      paths.push(linkPath(await arriving));
    }
    const visitor = new Visitor(app);
    expect((await visitor.post(paths[3]!, { password: 'chosen with the last' }, paths[3]!)).statusCode).toBe(303);
    for (const path of paths.slice(0, 3)) {
      const stale = new Visitor(app);
      expect((await stale.get(path)).statusCode).toBe(404);
      const refused = await stale.post(path, { password: 'set again by an old mail' }, '/en/sign-in');
      expect(refused.statusCode).toBe(404);
      expect(refused.body).toContain('the password was changed after it was sent');
    }
    // In the reader's language.
    const spanish = paths[0]!.replace('/en/', '/es/');
    const refused = await new Visitor(app).post(spanish, { password: 'set again by an old mail' }, '/es/sign-in');
    expect(refused.statusCode).toBe(404);
    expect(refused.body).toContain('la contraseña se cambió después de enviarlo');
    expect((await new Visitor(app).signIn('four-mails@example.org', 'set again by an old mail')).statusCode).toBe(401);
    expect((await new Visitor(app).signIn('four-mails@example.org', 'chosen with the last')).statusCode).toBe(303);
    expect((await before.get('/en/account')).headers.location).toBe('/en/sign-in');
  });

  it('a reset link expires after an hour', async () => {
    const arriving = nextMail();
    await new Visitor(app).post('/en/forgot-password', { email: 'forgetful@example.org' }, '/en/forgot-password');
    const path = linkPath(await arriving);
    const issued = clock;
    clock = new Date(clock.getTime() + TOKEN_TTL_MS.password_reset + 1000);
    try {
      const visitor = new Visitor(app);
      expect((await visitor.get(path)).statusCode).toBe(404);
      expect((await visitor.post(path, { password: 'too late for this' }, '/en/sign-in')).statusCode).toBe(404);
    } finally {
      // Back to the time the other tests expect, whatever order they run in.
      clock = issued;
    }
  });

  it('the admin invites a member; the invitation sets a password once and signs in as that member', async () => {
    const admin = await signedIn(app, 'admin@example.org');
    const arriving = nextMail();
    const invited = await admin.post(
      '/en/admin/users',
      { email: 'new@cejil.org', role: 'member', organization: 'cejil' },
      '/en/admin/users',
    );
    expect(invited.statusCode).toBe(200);
    expect(invited.body).toContain('Invitation sent to new@cejil.org.');
    // Mailed, so not shown: the page carries no link to hand over.
    expect(invited.body).not.toContain('invitation-link');
    expect(invited.body).not.toContain('/set-password/');
    const mail = await arriving;
    expect(mail.to).toEqual(['new@cejil.org']);
    const path = linkPath(mail);
    const invitee = new Visitor(app);
    expect((await invitee.post(path, { password: 'my own new password' }, path)).statusCode).toBe(303);
    expect((await invitee.signIn('new@cejil.org', 'my own new password')).statusCode).toBe(303);
    expect((await invitee.get('/en/account')).body).toContain('organization member');
    expect((await invitee.get('/en/organizations/cejil/boilerplate')).statusCode).toBe(200);
    const [row] = await ctx.db.select().from(t.users).where(eq(t.users.email, 'new@cejil.org'));
    expect(row?.role).toBe('member');
    const trail = await listAudit(ctx.db, 'user', row!.id);
    expect(trail.find((e) => e.action === 'invite')?.after).toEqual({ delivery: 'email' });
  });

  it('with email set up, the invite form and "Forgot password" say a link will be emailed', async () => {
    const admin = await signedIn(app, 'admin@example.org');
    const form = (await admin.get('/en/admin/users')).body;
    expect(form).toContain('The person gets an email with a one-time link');
    expect(form).toContain('Send the invitation');
    const forgot = (await new Visitor(app).get('/es/forgot-password')).body;
    expect(forgot).toContain('Te enviaremos un enlace');
    expect(forgot).not.toContain('no puede enviar correos');
  });

  it('only the admin may invite', async () => {
    // An editor of its own: forgetful's password is whatever the reset tests left it.
    await createUserWithPassword(ctx.db, { email: 'not-admin@example.org', role: 'editor' }, clock);
    const editor = await signedIn(app, 'not-admin@example.org');
    expect((await editor.get('/en/admin/users')).statusCode).toBe(403);
    const csrf = await editor.csrfFrom('/en/account');
    const refused = await editor.request('POST', '/en/admin/users', {
      _csrf: csrf,
      email: 'sneaky@example.org',
      role: 'admin',
      organization: '',
    });
    expect(refused.statusCode).toBe(403);
  });
});
