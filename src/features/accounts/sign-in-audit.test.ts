/**
 * Failed sign-ins, lockouts, second-factor failures and reset requests reach the audit log: with
 * the account when the email has one, with the client's address, and never with what was typed.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { queuedMail } from '../../../test/support/outbox.js';
import { createUserWithPassword, signedIn, Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import * as t from '../../platform/db/schema/index.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { requestPasswordReset } from './links.js';
import { FREE_ATTEMPTS } from './service.js';
import { enableTwoFactor, newTotpSecret, totpCode } from './two-factor.js';

describeEachEngine('the audit log records sign-in failures without secrets', (ctx) => {
  const clock = new Date('2026-11-27T12:00:00Z');
  let app: FastifyTypeBox;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, now: () => clock });
  });

  const rowsFor = async (entityType: string, entityId: string | number) =>
    ctx.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, entityType), eq(t.auditLog.entityId, String(entityId))))
      .orderBy(t.auditLog.id);
  const wholeLog = async () => JSON.stringify(await ctx.db.select().from(t.auditLog));

  it('a wrong password: who (the address), which account, why; the password typed is nowhere', async () => {
    const user = await createUserWithPassword(ctx.db, { email: 'wrong@example.org', role: 'editor' }, clock);
    const visitor = new Visitor(app);
    await visitor.signIn('wrong@example.org', 'a guessed password 1');
    const failures = (await rowsFor('user', user.id)).filter((r) => r.action === 'sign_in_failed');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      actorUserId: null,
      actorLabel: `sign-in attempt from ${visitor.remoteAddress}`,
      after: { reason: 'wrong_password' },
    });
    expect(await wholeLog()).not.toContain('a guessed password 1');
  });

  it('an unknown email: one row for "unknown account", without the text typed in the email box', async () => {
    const before = (await rowsFor('sign_in', 'unknown-account')).length;
    await new Visitor(app).signIn('my secret passphrase typed in the wrong box', 'x');
    const rows = await rowsFor('sign_in', 'unknown-account');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ action: 'sign_in_failed', before: null, after: null });
    expect(await wholeLog()).not.toContain('my secret passphrase');
  });

  it('the lock and every attempt while locked, even with the right password', async () => {
    const user = await createUserWithPassword(ctx.db, { email: 'locked@example.org', role: 'editor' }, clock);
    for (let i = 0; i < FREE_ATTEMPTS; i++) await new Visitor(app).signIn('locked@example.org', `guess ${i}`);
    await new Visitor(app).signIn('locked@example.org');
    const actions = (await rowsFor('user', user.id)).map((r) => r.action);
    expect(actions.filter((a) => a === 'locked')).toHaveLength(1);
    const rows = await rowsFor('user', user.id);
    expect(rows.at(-1)).toMatchObject({ action: 'sign_in_failed', after: { reason: 'account_locked' } });
    const lock = rows.find((r) => r.action === 'locked')!;
    expect(lock.after).toMatchObject({ failedSignIns: FREE_ATTEMPTS });
  });

  it('a wrong second factor, then a successful sign-in and when it happened', async () => {
    const user = await createUserWithPassword(ctx.db, { email: 'twofa@example.org', role: 'editor' }, clock);
    const secret = newTotpSecret();
    await enableTwoFactor(ctx.db, user, secret, totpCode(secret, new Date(clock.getTime() - 30_000)), clock);
    const visitor = new Visitor(app);
    await visitor.signIn('twofa@example.org');
    await visitor.post('/en/sign-in/two-factor', { code: '123456' }, '/en/sign-in/two-factor');
    const failed = (await rowsFor('user', user.id)).at(-1);
    expect(failed).toMatchObject({ action: 'sign_in_failed', after: { reason: 'wrong_second_factor' } });
    expect(await wholeLog()).not.toContain('"123456"');
    const ok = await visitor.post(
      '/en/sign-in/two-factor',
      { code: totpCode(secret, clock) },
      '/en/sign-in/two-factor',
    );
    expect(ok.statusCode).toBe(303);
    expect((await rowsFor('user', user.id)).at(-1)).toMatchObject({
      action: 'signed_in',
      actorUserId: user.id,
      after: { secondFactor: 'totp' },
    });
    const [row] = await ctx.db.select().from(t.users).where(eq(t.users.id, user.id));
    expect(row?.lastSignInAt?.toISOString()).toBe(clock.toISOString());
  });

  it('a successful password-only sign-in is recorded too', async () => {
    const user = await createUserWithPassword(ctx.db, { email: 'ok@example.org', role: 'editor' }, clock);
    await signedIn(app, 'ok@example.org');
    expect((await rowsFor('user', user.id)).at(-1)).toMatchObject({
      action: 'signed_in',
      after: { secondFactor: 'none' },
    });
  });

  it('reset requests: against the account when there is one, "unknown account" otherwise; no link in the log', async () => {
    const user = await createUserWithPassword(ctx.db, { email: 'reset@example.org', role: 'editor' }, clock);
    const links = { sendsMail: true, baseUrl: 'https://puente.example.org', locale: 'en' as const };
    await requestPasswordReset(ctx.db, links, 'reset@example.org', clock, '192.0.2.7');
    await requestPasswordReset(ctx.db, links, 'who@example.org', clock, '192.0.2.7');
    expect((await rowsFor('user', user.id)).at(-1)).toMatchObject({
      action: 'password_reset_requested',
      actorLabel: 'password-reset request from 192.0.2.7',
    });
    expect((await rowsFor('password_reset', 'unknown-account')).at(-1)).toMatchObject({
      action: 'password_reset_requested',
    });
    const sent = await queuedMail(ctx.db);
    expect(sent.map((m) => m.to)).toEqual(['reset@example.org']);
    const token = /set-password\/([\w-]+)/.exec(sent[0]!.text)![1]!;
    const log = await wholeLog();
    expect(log).not.toContain(token);
    expect(log).not.toContain('who@example.org');
  });
});
