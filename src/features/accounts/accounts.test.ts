import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, PASSWORD, signedIn, Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import { redactUrl } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { FREE_ATTEMPTS, issueToken, TOKEN_TTL_MS } from './service.js';

describe('redactUrl', () => {
  it('keeps single-use link tokens out of log lines', () => {
    expect(redactUrl('/es/set-password/abcDEF_123-x?x=1')).toBe('/es/set-password/***?x=1');
    expect(redactUrl('/en/statements/x')).toBe('/en/statements/x');
  });
});

describeEachEngine('accounts: sign-in, sessions, CSRF', (ctx) => {
  let clock = new Date('2026-11-27T12:00:00Z');
  const advance = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  let app: FastifyTypeBox;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, now: () => clock });
    await createUserWithPassword(ctx.db, { email: 'Editor@Example.org', role: 'editor' }, clock);
  });

  it('signs in with the email in any case; the cookie is HttpOnly, SameSite=Lax, not Secure over HTTP', async () => {
    const visitor = new Visitor(app);
    const response = await visitor.signIn('editor@example.ORG');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/en/account');
    const cookie = response.cookies.find((c) => c.name === 'puente_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    const account = await visitor.get('/en/account');
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('Editor@Example.org');
  });

  it('marks cookies Secure with PUENTE_SECURE_COOKIES (secureCookies), under the __Host- prefix', async () => {
    const secureApp = await buildApp({ db: ctx.db, now: () => clock, secureCookies: true });
    const page = await secureApp.inject({ method: 'GET', url: '/en/sign-in' });
    const cookie = page.cookies.find((c) => c.name === '__Host-puente_csrf')!;
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const wrong = await new Visitor(app).signIn('editor@example.org', 'not the password');
    const unknown = await new Visitor(app).signIn('nobody@example.org', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const message = (body: string) => /<p class="form-error"[^>]*>([^<]*)</.exec(body)?.[1];
    expect(message(wrong.body)).toBeTruthy();
    expect(message(wrong.body)).toBe(message(unknown.body));
  });

  it('locks an account after repeated failures, even for the right password, until the back-off passes', async () => {
    await createUserWithPassword(ctx.db, { email: 'target@example.org', role: 'editor' }, clock);
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      expect((await new Visitor(app).signIn('target@example.org', `guess ${i}`)).statusCode).toBe(401);
    }
    expect((await new Visitor(app).signIn('target@example.org')).statusCode).toBe(401);
    advance(61_000);
    expect((await new Visitor(app).signIn('target@example.org')).statusCode).toBe(303);
  });

  it('rate-limits sign-in attempts from one address (429 with Retry-After)', async () => {
    const visitor = new Visitor(app);
    let last = await visitor.signIn('nobody@example.org', 'x');
    for (let i = 0; i < 20 && last.statusCode !== 429; i++) last = await visitor.signIn('nobody@example.org', 'x');
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses a POST without the CSRF token, or with a token from another browser', async () => {
    const visitor = await signedIn(app, 'editor@example.org');
    const noToken = await visitor.request('POST', '/en/sign-out', { _csrf: '' });
    expect(noToken.statusCode).toBe(403);
    const other = new Visitor(app);
    const foreign = await visitor.request('POST', '/en/sign-out', { _csrf: await other.csrfFrom('/en/sign-in') });
    expect(foreign.statusCode).toBe(403);
    const anonymous = await new Visitor(app).request('POST', '/en/sign-in', {
      _csrf: 'x',
      email: 'editor@example.org',
      password: PASSWORD,
    });
    expect(anonymous.statusCode).toBe(403);
    expect((await visitor.get('/en/account')).statusCode).toBe(200);
  });

  it('signs out: the old cookie no longer works', async () => {
    const visitor = await signedIn(app, 'editor@example.org');
    const stolen = visitor.cookieHeader();
    expect((await visitor.post('/en/sign-out', {})).statusCode).toBe(303);
    const replay = await app.inject({ method: 'GET', url: '/en/account', headers: { cookie: stolen } });
    expect(replay.headers.location).toBe('/en/sign-in');
  });

  it('a stolen session cookie stops working after "sign out everywhere"', async () => {
    const laptop = await signedIn(app, 'editor@example.org');
    const phone = await signedIn(app, 'editor@example.org');
    const stolen = phone.cookieHeader();
    expect((await laptop.post('/en/sign-out-everywhere', {})).statusCode).toBe(303);
    for (const cookie of [stolen, laptop.cookieHeader()]) {
      const response = await app.inject({ method: 'GET', url: '/en/account', headers: { cookie } });
      expect(response.statusCode).toBe(303);
    }
    expect((await phone.get('/en/account')).headers.location).toBe('/en/sign-in');
  });

  it('rotates the session at sign-in: a cookie planted before it is worthless after', async () => {
    const visitor = await signedIn(app, 'editor@example.org');
    const before = visitor.cookies.get('puente_session');
    await visitor.post('/en/sign-in', { email: 'editor@example.org', password: PASSWORD }, '/en/account');
    const after = visitor.cookies.get('puente_session');
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    const old = await app.inject({
      method: 'GET',
      url: '/en/account',
      headers: { cookie: `puente_session=${before}` },
    });
    expect(old.statusCode).toBe(303);
  });

  it('ends a session after 2 idle hours', async () => {
    const visitor = await signedIn(app, 'editor@example.org');
    advance(2 * 60 * 60_000 + 1000);
    expect((await visitor.get('/en/account')).headers.location).toBe('/en/sign-in');
  });

  it('a set-password link works once, and not after it expires', async () => {
    const user = await createUserWithPassword(ctx.db, { email: 'reset@example.org', role: 'editor' }, clock);
    const token = await issueToken(ctx.db, user.id, 'password_reset', clock);
    const visitor = new Visitor(app);
    const url = `/en/set-password/${token}`;
    expect((await visitor.get(url)).statusCode).toBe(200);
    const used = await visitor.post(url, { password: 'a brand new password' }, url);
    expect(used.statusCode).toBe(303);
    expect((await new Visitor(app).signIn('reset@example.org', 'a brand new password')).statusCode).toBe(303);
    expect((await visitor.get(url)).statusCode).toBe(404);
    expect((await visitor.post(url, { password: 'another new password' }, '/en/sign-in')).statusCode).toBe(404);

    const late = await issueToken(ctx.db, user.id, 'password_reset', clock);
    advance(TOKEN_TTL_MS.password_reset + 1000);
    const lateUrl = `/en/set-password/${late}`;
    expect((await visitor.get(lateUrl)).statusCode).toBe(404);
    expect((await visitor.post(lateUrl, { password: 'too late a password' }, '/en/sign-in')).statusCode).toBe(404);
  });

  it('refuses a password shorter than 12 characters, keeping the link usable', async () => {
    const user = await createUserWithPassword(ctx.db, { email: 'short@example.org', role: 'editor' }, clock);
    const token = await issueToken(ctx.db, user.id, 'password_reset', clock);
    const url = `/en/set-password/${token}`;
    const visitor = new Visitor(app);
    expect((await visitor.post(url, { password: 'short' }, url)).statusCode).toBe(400);
    expect((await visitor.post(url, { password: 'long enough password' }, url)).statusCode).toBe(303);
  });
});
