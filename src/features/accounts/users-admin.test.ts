/** The admin's account pages over HTTP, every role × action, on both engines. */
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { queuedMail } from '../../../test/support/outbox.js';
import { createUserWithPassword, PASSWORD, signedIn, Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import { listAudit, systemActor } from '../../platform/audit.js';
import * as t from '../../platform/db/schema/index.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';
import { createUser, issueToken } from './service.js';

type Who = 'anonymous' | 'member' | 'editor' | 'admin';
const everyone: Who[] = ['anonymous', 'member', 'editor', 'admin'];

describeEachEngine('admin account management: list, role, disable, invitation', (ctx) => {
  const clock = new Date('2026-11-27T12:00:00Z');
  let app: FastifyTypeBox;
  const visitors = new Map<Who, Visitor>();
  let cejilId = 0;
  let adminId = 0;

  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db, now: () => clock, sendsMail: true, baseUrl: 'https://puente.example.org' });
    cejilId = (await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil')))[0]!.id;
    adminId = (await createUserWithPassword(ctx.db, { email: 'admin@example.org', role: 'admin' }, clock)).id;
    await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' }, clock);
    await createUserWithPassword(ctx.db, { email: 'm@cejil.org', role: 'member', organizationId: cejilId }, clock);
    visitors.set('anonymous', new Visitor(app));
    visitors.set('admin', await signedIn(app, 'admin@example.org'));
    visitors.set('editor', await signedIn(app, 'editor@example.org'));
    visitors.set('member', await signedIn(app, 'm@cejil.org'));
  });

  const userRow = async (email: string) => (await ctx.db.select().from(t.users).where(eq(t.users.email, email)))[0]!;
  /** A fresh target per test, so tests do not depend on each other's changes. */
  let targets = 0;
  const newTarget = async (role: 'editor' | 'member' = 'editor') => {
    targets += 1;
    const email = `target${targets}@example.org`;
    const organizationId = role === 'member' ? cejilId : null;
    return createUserWithPassword(ctx.db, { email, role, organizationId }, clock);
  };

  const actions = {
    'see the list': (v: Visitor) => v.get('/en/admin/users'),
    'see one account': async (v: Visitor) => v.get(`/en/admin/users/${(await newTarget()).id}`),
    'change a role': async (v: Visitor) => {
      const target = await newTarget();
      return v.post(`/en/admin/users/${target.id}/role`, { version: 2, role: 'member', organization: 'cejil' });
    },
    'disable an account': async (v: Visitor) =>
      v.post(`/en/admin/users/${(await newTarget()).id}/disable`, { version: 2 }),
    'enable an account': async (v: Visitor) =>
      v.post(`/en/admin/users/${(await newTarget()).id}/enable`, { version: 2 }),
    'send an invitation again': async (v: Visitor) => {
      const invited = await createUser(
        ctx.db,
        { email: `inv${++targets}@example.org`, role: 'editor' },
        systemActor('t'),
        clock,
      );
      return v.post(`/en/admin/users/${invited.id}/invitation`, { version: 1 });
    },
  };

  for (const [action, attempt] of Object.entries(actions)) {
    for (const who of everyone) {
      const allowed = who === 'admin';
      const expected = allowed ? 200 : who === 'anonymous' && action.startsWith('see') ? 303 : 403;
      it(`${who} ${allowed ? 'may' : 'may not'} ${action} (${expected})`, async () => {
        const response = await attempt(visitors.get(who)!);
        expect(response.statusCode, response.body.slice(0, 300)).toBe(expected);
        if (expected === 303) expect(response.headers.location).toBe('/en/sign-in');
      });
    }
  }

  it('lists email, role, organization, two-factor, status and last sign-in, in both languages', async () => {
    const admin = visitors.get('admin')!;
    const $ = cheerio.load((await admin.get('/en/admin/users')).body);
    const row = (email: string) => $(`tr:has(a:contains("${email}"))`);
    expect(row('m@cejil.org').find('td').eq(1).text()).toBe('Center for Justice and International Law');
    expect(row('admin@example.org').find('.two-factor').text()).toBe('on');
    expect(row('editor@example.org').find('.two-factor').text()).toBe('off');
    expect(row('editor@example.org').find('.last-sign-in').text()).toBe('2026-11-27 12:00 UTC');
    expect(row('editor@example.org').find('.status').text()).toBe('active');
    const es = cheerio.load((await admin.get('/es/admin/users')).body);
    expect(es('h1').text()).toBe('Personas con cuenta');
    expect(es('th').first().text()).toBe('Correo');
  });

  it('a role change signs the person out everywhere and is audited with before and after', async () => {
    const target = await newTarget();
    const session = await signedIn(app, target.email);
    const admin = visitors.get('admin')!;
    const done = await admin.post(`/en/admin/users/${target.id}/role`, {
      version: (await userRow(target.email)).version,
      role: 'member',
      organization: 'cejil',
    });
    expect(done.body).toContain('signed out everywhere');
    expect((await session.get('/en/account')).headers.location).toBe('/en/sign-in');
    expect(await userRow(target.email)).toMatchObject({ role: 'member', organizationId: cejilId });
    const last = (await listAudit(ctx.db, 'user', target.id)).at(-1)!;
    expect(last).toMatchObject({ action: 'change_role', actorUserId: adminId });
    expect(last.before).toMatchObject({ role: 'editor', organizationId: null });
    expect(last.after).toMatchObject({ role: 'member', organizationId: cejilId });
  });

  it('a disabled account cannot sign in and its sessions end; enabled, it signs in again', async () => {
    const target = await newTarget('member');
    const session = await signedIn(app, target.email);
    const admin = visitors.get('admin')!;
    const version = (await userRow(target.email)).version;
    const disabled = await admin.post(`/en/admin/users/${target.id}/disable`, { version });
    expect(disabled.statusCode).toBe(200);
    expect((await session.get('/en/account')).headers.location).toBe('/en/sign-in');
    expect((await new Visitor(app).signIn(target.email, PASSWORD)).statusCode).toBe(401);
    expect(
      cheerio
        .load((await admin.get('/en/admin/users')).body)(`tr:has(a:contains("${target.email}")) .status`)
        .text(),
    ).toBe('disabled');
    await admin.post(`/en/admin/users/${target.id}/enable`, { version: version + 1 });
    expect((await new Visitor(app).signIn(target.email, PASSWORD)).statusCode).toBe(303);
    const trail = (await listAudit(ctx.db, 'user', target.id)).map((e) => e.action);
    expect(trail).toEqual(expect.arrayContaining(['disable', 'enable']));
  });

  it('a change from a stale page is a 409 showing what changed since', async () => {
    const target = await newTarget();
    const admin = visitors.get('admin')!;
    const version = (await userRow(target.email)).version;
    await admin.post(`/en/admin/users/${target.id}/disable`, { version });
    const stale = await admin.post(`/en/admin/users/${target.id}/role`, { version, role: 'admin', organization: '' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('disabled');
    expect((await userRow(target.email)).role).toBe('editor');
  });

  it('refuses, with a clear message and no change: own account, a member without organization', async () => {
    const admin = visitors.get('admin')!;
    const own = await admin.post(`/en/admin/users/${adminId}/disable`, {
      version: (await userRow('admin@example.org')).version,
    });
    expect(own.statusCode).toBe(400);
    expect(own.body).toContain('You cannot change your own role or disable your own account');
    expect((await userRow('admin@example.org')).disabled).toBe(false);
    const target = await newTarget();
    const noOrg = await admin.post(
      `/es/admin/users/${target.id}/role`,
      { version: 2, role: 'member', organization: '' },
      '/es/admin/users',
    );
    expect(noOrg.statusCode).toBe(400);
    expect(noOrg.body).toContain('Elige la organización de esta persona miembro');
    expect((await userRow(target.email)).role).toBe('editor');
  });

  it('sends the invitation again: the new link works, the earlier one does not', async () => {
    const invited = await createUser(ctx.db, { email: 'late@example.org', role: 'editor' }, systemActor('t'), clock);
    const oldToken = await issueToken(ctx.db, invited.id, 'invitation', clock);
    const admin = visitors.get('admin')!;
    const page = cheerio.load((await admin.get(`/en/admin/users/${invited.id}`)).body);
    expect(page(`form[action="/en/admin/users/${invited.id}/invitation"]`).length).toBe(1);
    const sent = await admin.post(`/en/admin/users/${invited.id}/invitation`, { version: 1 });
    expect(sent.body).toContain('A new invitation was sent to late@example.org');
    const mail = (await queuedMail(ctx.db, 'late@example.org')).at(-1)!;
    expect(mail.to).toBe('late@example.org');
    const path = /https:\/\/puente\.example\.org(\/en\/set-password\/[\w-]+)/.exec(mail.text)![1]!;
    const visitor = new Visitor(app);
    expect((await visitor.get(`/en/set-password/${oldToken}`)).statusCode).toBe(404);
    expect((await visitor.post(path, { password: 'a brand new password' }, path)).statusCode).toBe(303);
    // A disabled account gets no invitation until it is enabled.
    const off = await createUser(ctx.db, { email: 'off@example.org', role: 'editor' }, systemActor('t'), clock);
    await admin.post(`/en/admin/users/${off.id}/disable`, { version: 1 });
    const refusedOff = await admin.post(`/es/admin/users/${off.id}/invitation`, { version: 2 }, '/es/admin/users');
    expect(refusedOff.statusCode).toBe(400);
    expect(refusedOff.body).toContain('Esta cuenta está desactivada');
    // Someone with a password gets no second invitation.
    const again = await admin.post(`/en/admin/users/${invited.id}/invitation`, {
      version: (await userRow('late@example.org')).version,
    });
    expect(again.statusCode).toBe(400);
  });
});
