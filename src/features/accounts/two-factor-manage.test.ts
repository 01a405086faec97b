/**
 * Managing two-factor: new recovery codes (the old stop working), turning it off (password and a
 * current code), and admins sent to set it up before any admin page.
 */
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, PASSWORD, signedIn, Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import * as t from '../../platform/db/schema/index.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { RECOVERY_CODE_COUNT, totpCode } from './two-factor.js';

const PAGE = '/en/account/two-factor';

describeEachEngine('two-factor management and the admin requirement', (ctx) => {
  let clock = new Date('2026-11-27T12:00:00Z');
  /** Each code a new 30-second step: a code is accepted once. */
  const nextStep = () => {
    clock = new Date(clock.getTime() + 30_000);
  };
  let app: FastifyTypeBox;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, now: () => clock });
  });

  /** Signs `email` in and turns two-factor on through the pages; returns the secret and codes. */
  async function withTwoFactor(email: string) {
    await createUserWithPassword(ctx.db, { email, role: 'editor' }, clock);
    const visitor = await signedIn(app, email);
    const secret = cheerio
      .load((await visitor.get(PAGE)).body)('input[name=secret]')
      .attr('value')!;
    const done = await visitor.post(PAGE, { secret, code: totpCode(secret, clock) }, PAGE);
    nextStep();
    return { visitor, secret, codes: codesOn(done.body) };
  }
  const codesOn = (html: string) =>
    cheerio
      .load(html)('.recovery-codes code')
      .map((_, el) => cheerio.load(el).text())
      .get();

  async function signInWithCode(email: string, code: string) {
    const visitor = new Visitor(app);
    await visitor.signIn(email);
    return (await visitor.post('/en/sign-in/two-factor', { code }, '/en/sign-in/two-factor')).statusCode;
  }

  it('new recovery codes: the old ones stop working, the new ones work once', async () => {
    const { visitor, secret, codes } = await withTwoFactor('regen@example.org');
    const wrong = await visitor.post(
      `${PAGE}/recovery-codes`,
      { password: 'not it at all', code: totpCode(secret, clock) },
      PAGE,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('The password or the code is wrong');
    nextStep();
    const made = await visitor.post(
      `${PAGE}/recovery-codes`,
      { password: PASSWORD, code: totpCode(secret, clock) },
      PAGE,
    );
    nextStep();
    expect(made.statusCode).toBe(200);
    const fresh = codesOn(made.body);
    expect(fresh).toHaveLength(RECOVERY_CODE_COUNT);
    expect(fresh).not.toContain(codes[0]);
    expect(await signInWithCode('regen@example.org', codes[0]!)).toBe(401);
    expect(await signInWithCode('regen@example.org', fresh[0]!)).toBe(303);
    expect(await signInWithCode('regen@example.org', fresh[0]!)).toBe(401);
  });

  it('turning it off needs the password and a current code; afterwards the password alone signs in', async () => {
    const { visitor, secret } = await withTwoFactor('off@example.org');
    const page = cheerio.load((await visitor.get(PAGE)).body);
    expect(page(`form[action="${PAGE}/off"] input[name=password]`).length).toBe(1);
    const noCode = await visitor.post(`${PAGE}/off`, { password: PASSWORD, code: '000000' }, PAGE);
    expect(noCode.statusCode).toBe(400);
    expect((await new Visitor(app).signIn('off@example.org')).headers.location).toBe('/en/sign-in/two-factor');
    const off = await visitor.post(`${PAGE}/off`, { password: PASSWORD, code: totpCode(secret, clock) }, PAGE);
    expect(off.statusCode).toBe(303);
    expect((await new Visitor(app).signIn('off@example.org')).headers.location).toBe('/en/account');
    const [user] = await ctx.db.select().from(t.users).where(eq(t.users.email, 'off@example.org'));
    expect(user).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expect(await ctx.db.select().from(t.recoveryCodes).where(eq(t.recoveryCodes.userId, user!.id))).toEqual([]);
    const actions = (
      await ctx.db
        .select()
        .from(t.auditLog)
        .where(eq(t.auditLog.entityId, String(user!.id)))
    ).map((r) => r.action);
    expect(actions).toContain('two_factor_change_refused');
    expect(actions).toContain('disable_two_factor');
  });

  it("signed out, nobody can turn anyone's two-factor off", async () => {
    const anonymous = new Visitor(app);
    const response = await anonymous.post(`${PAGE}/off`, { password: PASSWORD, code: '123456' }, '/en/sign-in');
    expect(response.headers.location).toBe('/en/sign-in');
  });

  it('an admin without two-factor is sent to set it up before any admin page, and may continue after', async () => {
    await createUserWithPassword(ctx.db, { email: 'newadmin@example.org', role: 'admin' }, clock, { twoFactor: false });
    const admin = await signedIn(app, 'newadmin@example.org');
    for (const path of ['/en/admin/users', '/es/admin/users', '/en/admin/history/user/1']) {
      const response = await admin.get(path);
      expect(response.statusCode, path).toBe(303);
      expect(response.headers.location).toBe(path.startsWith('/es') ? '/es/account/two-factor' : PAGE);
    }
    const setup = await admin.get(PAGE);
    expect(setup.body).toContain('Coalition admins must turn on two-step sign-in');
    const refused = await admin.post('/en/admin/users', { email: 'x@example.org', role: 'editor', organization: '' });
    expect(refused.statusCode).toBe(403);
    // Their account page (not an admin page) stays reachable.
    expect((await admin.get('/en/account')).statusCode).toBe(200);
    const secret = cheerio.load(setup.body)('input[name=secret]').attr('value')!;
    expect((await admin.post(PAGE, { secret, code: totpCode(secret, clock) }, PAGE)).statusCode).toBe(200);
    nextStep();
    expect((await admin.get('/en/admin/users')).statusCode).toBe(200);
  });

  it('editors and members are not asked for two-factor (they never reach admin pages anyway)', async () => {
    await createUserWithPassword(ctx.db, { email: 'ed@example.org', role: 'editor' }, clock);
    const editor = await signedIn(app, 'ed@example.org');
    expect((await editor.get('/en/admin/users')).statusCode).toBe(403);
  });
});
