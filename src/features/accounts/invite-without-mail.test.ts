/**
 * A server without SMTP_URL: the admin still adds people, and hands over a one-time sign-in link shown
 * once; "Forgot password" says honestly that no email can be sent. Over HTTP, on both engines.
 */
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, signedIn, Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import { listAudit, systemActor } from '../../platform/audit.js';
import * as t from '../../platform/db/schema/index.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';
import { createUser, issueToken } from './service.js';

const BASE = 'https://puente.example.org';

/** The link as the page shows it: the labelled read-only input #invitation-link. */
function shownLink(body: string): { path: string; label: string; expiry: string } {
  const $ = cheerio.load(body);
  const input = $('#invitation-link');
  expect(input.attr('readonly')).toBeDefined();
  const url = input.attr('value') ?? '';
  expect(url.startsWith(`${BASE}/`), url).toBe(true);
  return {
    path: url.slice(BASE.length),
    label: $('label[for="invitation-link"]').text(),
    expiry: $(`#${input.attr('aria-describedby')}`).text(),
  };
}

describeEachEngine('adding people without email (no SMTP_URL)', (ctx) => {
  const clock = new Date('2026-11-27T12:00:00Z');
  let app: FastifyTypeBox;
  let admin: Visitor;
  let adminId = 0;

  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db, now: () => clock, sendsMail: false, baseUrl: BASE });
    adminId = (await createUserWithPassword(ctx.db, { email: 'admin@example.org', role: 'admin' }, clock)).id;
    admin = await signedIn(app, 'admin@example.org');
  });

  const userRow = async (email: string) => (await ctx.db.select().from(t.users).where(eq(t.users.email, email)))[0];

  it('the admin adds a member and gets a one-time link with its expiry; the link sets a password and signs in', async () => {
    const form = cheerio.load((await admin.get('/en/admin/users')).body);
    expect(form('form[method=post][action="/en/admin/users"] button:not([name=_action])').text()).toBe(
      'Add the person and make a sign-in link',
    );
    expect(form('form[method=post][action="/en/admin/users"]').text()).toContain('This server cannot send email');

    const added = await admin.post(
      '/en/admin/users',
      { email: 'new@cejil.org', role: 'member', organization: 'cejil' },
      '/en/admin/users',
    );
    expect(added.statusCode).toBe(200);
    expect(added.headers['cache-control']).toBe('no-store');
    expect(added.body).toContain('The account of new@cejil.org is ready.');
    expect(added.body).not.toContain('Invitation sent');
    const shown = shownLink(added.body);
    expect(shown.label).toBe('One-time sign-in link');
    // 72 hours after the clock, in the viewer's language.
    expect(shown.expiry).toContain('It works once, until November 30, 2026 at 12:00 PM UTC.');
    // The Copy button: an external script (CSP 'self'), hidden until that script shows it.
    const $ = cheerio.load(added.body);
    const button = $('button[data-copy="invitation-link"]');
    expect(button.text()).toBe('Copy the link');
    expect(button.attr('hidden')).toBeDefined();
    const src = $('script[src^="/assets/copy."]').attr('src')!;
    const script = await new Visitor(app).get(src);
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toContain('text/javascript');
    expect(script.body).toContain('clipboard');

    // Shown once: the list does not show it again.
    expect((await admin.get('/en/admin/users')).body).not.toContain(shown.path);

    const row = await userRow('new@cejil.org');
    expect(row).toMatchObject({ role: 'member', passwordHash: null });
    const trail = await listAudit(ctx.db, 'user', row!.id);
    expect(trail.map((e) => e.action)).toEqual(['create', 'invite']);
    expect(trail[1]).toMatchObject({ actorUserId: adminId, after: { delivery: 'link' } });

    const invitee = new Visitor(app);
    expect((await invitee.get(shown.path)).statusCode).toBe(200);
    expect((await invitee.post(shown.path, { password: 'my own new password' }, shown.path)).statusCode).toBe(303);
    expect((await invitee.signIn('new@cejil.org', 'my own new password')).statusCode).toBe(303);
    expect((await invitee.get('/en/account')).body).toContain('organization member');
    expect((await new Visitor(app).get(shown.path)).statusCode).toBe(404);
  });

  it('shows the expiry in Spanish to a Spanish reader, and the link opens the Spanish page', async () => {
    const added = await admin.post(
      '/es/admin/users',
      { email: 'editora@example.org', role: 'editor', organization: '' },
      '/es/admin/users',
    );
    expect(added.statusCode).toBe(200);
    const shown = shownLink(added.body);
    expect(shown.label).toBe('Enlace de acceso de un solo uso');
    expect(shown.expiry).toContain('Funciona una sola vez, hasta el 30 de noviembre de 2026 a las 12:00 UTC.');
    expect(shown.path.startsWith('/es/set-password/')).toBe(true);
    expect(cheerio.load(added.body)('button[data-copy]').text()).toBe('Copiar el enlace');
  });

  it('a refused invitation shows the form again with what was typed, says which field to fix, and adds nobody', async () => {
    const typedBack = (body: string) => {
      const $ = cheerio.load(body);
      return {
        email: $('#email').attr('value'),
        role: $('#role option[selected]').attr('value'),
        organization: $('#organization option[selected]').attr('value'),
        alert: $('[role=alert]').text(),
      };
    };
    const taken = await admin.post(
      '/en/admin/users',
      { email: 'Admin@Example.org', role: 'editor', organization: '' },
      '/en/admin/users',
    );
    expect(taken.statusCode).toBe(400);
    expect(typedBack(taken.body)).toMatchObject({ email: 'Admin@Example.org', role: 'editor' });
    expect(typedBack(taken.body).alert).toContain('Email: Admin@Example.org already has an account.');

    const notEmail = await admin.post(
      '/es/admin/users',
      { email: 'ana at cejil', role: 'member', organization: 'cejil' },
      '/es/admin/users',
    );
    expect(notEmail.statusCode).toBe(400);
    expect(typedBack(notEmail.body)).toEqual({
      email: 'ana at cejil',
      role: 'member',
      organization: 'cejil',
      alert: 'Correo: escribe una dirección de correo completa, como nombre@ejemplo.org.',
    });

    const noOrganization = await admin.post(
      '/en/admin/users',
      { email: 'ana@cejil.org', role: 'member', organization: '' },
      '/en/admin/users',
    );
    expect(noOrganization.statusCode).toBe(400);
    expect(typedBack(noOrganization.body)).toMatchObject({ email: 'ana@cejil.org', role: 'member' });
    expect(typedBack(noOrganization.body).alert).toContain('Choose the organization of this member');

    const unknown = await admin.post(
      '/en/admin/users',
      { email: 'ana@cejil.org', role: 'member', organization: 'gone-away' },
      '/en/admin/users',
    );
    expect(unknown.statusCode).toBe(400);
    expect(typedBack(unknown.body)).toMatchObject({ email: 'ana@cejil.org', role: 'member' });
    expect(typedBack(unknown.body).alert).toContain('Organization: that organization does not exist');
    expect(await userRow('ana@cejil.org')).toBeUndefined();
    expect(await userRow('ana at cejil')).toBeUndefined();
  });

  it('a fresh link for someone without a password: shown once, and the earlier link stops working', async () => {
    const invited = await createUser(ctx.db, { email: 'late@example.org', role: 'editor' }, systemActor('t'), clock);
    const oldToken = await issueToken(ctx.db, invited.id, 'invitation', clock);
    const page = cheerio.load((await admin.get(`/en/admin/users/${invited.id}`)).body);
    const form = page(`form[action="/en/admin/users/${invited.id}/invitation"]`);
    expect(form.find('button').text()).toBe('Make a new sign-in link');
    const renewed = await admin.post(`/en/admin/users/${invited.id}/invitation`, { version: 1 });
    expect(renewed.statusCode).toBe(200);
    expect(renewed.headers['cache-control']).toBe('no-store');
    expect(renewed.body).toContain('earlier links no longer work');
    const shown = shownLink(renewed.body);
    expect((await new Visitor(app).get(`/en/set-password/${oldToken}`)).statusCode).toBe(404);
    const invitee = new Visitor(app);
    expect((await invitee.post(shown.path, { password: 'a brand new password' }, shown.path)).statusCode).toBe(303);
    expect((await invitee.signIn('late@example.org', 'a brand new password')).statusCode).toBe(303);
    const last = (await listAudit(ctx.db, 'user', invited.id)).find((e) => e.action === 'resend_invitation');
    expect(last).toMatchObject({ actorUserId: adminId, after: { delivery: 'link' } });
    // With a password chosen, no new link: the page offers none and a crafted post is refused.
    const after = cheerio.load((await admin.get(`/en/admin/users/${invited.id}`)).body);
    expect(after(`form[action="/en/admin/users/${invited.id}/invitation"]`).length).toBe(0);
    const version = (await userRow('late@example.org'))!.version;
    const refused = await admin.post(`/en/admin/users/${invited.id}/invitation`, { version });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).not.toContain('invitation-link');
  });

  it('"Forgot password" says no email can be sent and whom to ask, the same for any address', async () => {
    await createUserWithPassword(ctx.db, { email: 'forgetful@example.org', role: 'editor' }, clock);
    const page = await new Visitor(app).get('/en/forgot-password');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('This server cannot send email');
    expect(page.body).toContain('coordinator or admin');
    expect(page.body).not.toContain('We will send you a link');
    expect(cheerio.load(page.body)('form[action="/en/forgot-password"]').length).toBe(0);
    // A form opened before email was turned off still gets an honest answer.
    const ask = async (email: string, locale: 'en' | 'es') => {
      const answer = await new Visitor(app).post(`/${locale}/forgot-password`, { email }, `/${locale}/sign-in`);
      expect(answer.statusCode).toBe(200);
      return answer.body;
    };
    const known = await ask('forgetful@example.org', 'en');
    expect(known).toBe(await ask('nobody@example.org', 'en'));
    expect(known).toContain('cannot send you a link');
    expect(known).not.toContain('we have sent it a link');
    const spanish = await ask('forgetful@example.org', 'es');
    expect(spanish).toContain('Este servidor no puede enviar correos');
    expect(spanish).not.toContain('le enviamos un enlace');
    const tokens = await ctx.db.select().from(t.singleUseTokens);
    const forgetful = await userRow('forgetful@example.org');
    // No reset link was made (one that nobody is sent would only be a risk).
    expect(tokens.filter((row) => row.userId === forgetful!.id && row.purpose === 'password_reset')).toEqual([]);
  });
});
