/** TOTP two-factor over HTTP on the injected clock: window, replay, recovery codes once. */
import * as cheerio from 'cheerio';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, PASSWORD, signedIn, Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { FREE_ATTEMPTS } from './service.js';
import { enableTwoFactor, newTotpSecret, RECOVERY_CODE_COUNT, totpCode } from './two-factor.js';

describeEachEngine('two-factor sign-in (TOTP and recovery codes)', (ctx) => {
  let clock = new Date('2026-11-27T12:00:00Z');
  const at = (seconds: number) => new Date(clock.getTime() + seconds * 1000);
  let app: FastifyTypeBox;
  let secret = '';
  let recoveryCodes: string[] = [];

  /** Password, then the code form: returns the visitor half-way, and the code answer. */
  async function signInWith(code: string) {
    const visitor = new Visitor(app);
    const first = await visitor.signIn('two@example.org');
    expect(first.headers.location).toBe('/en/sign-in/two-factor');
    const second = await visitor.post('/en/sign-in/two-factor', { code }, '/en/sign-in/two-factor');
    return { visitor, status: second.statusCode };
  }

  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, now: () => clock });
    await createUserWithPassword(ctx.db, { email: 'two@example.org', role: 'editor' }, clock);
    const visitor = await signedIn(app, 'two@example.org');
    const setup = cheerio.load((await visitor.get('/en/account/two-factor')).body);
    secret = setup('input[name=secret]').attr('value')!;
    expect(setup('a[href^="otpauth://totp/"]').length).toBe(1);
    const wrong = await visitor.post('/en/account/two-factor', { secret, code: '000000' });
    expect(wrong.statusCode).toBe(400);
    const done = await visitor.post('/en/account/two-factor', { secret, code: totpCode(secret, clock) });
    expect(done.statusCode).toBe(200);
    recoveryCodes = cheerio
      .load(done.body)('.recovery-codes code')
      .map((_, el) => cheerio.load(el).text())
      .get();
    clock = at(60);
  });

  it('shows the recovery codes once, and says two-step sign-in is on afterwards', async () => {
    expect(recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    const visitor = new Visitor(app);
    await visitor.signIn('two@example.org');
    await visitor.post('/en/sign-in/two-factor', { code: totpCode(secret, clock) }, '/en/sign-in/two-factor');
    const page = await visitor.get('/en/account/two-factor');
    expect(page.body).toContain('Two-step sign-in is on');
    expect(page.body).not.toContain(recoveryCodes[0]!);
    clock = at(60);
  });

  it('the password alone opens nothing', async () => {
    const visitor = new Visitor(app);
    await visitor.signIn('two@example.org', PASSWORD);
    expect((await visitor.get('/en/account')).headers.location).toBe('/en/sign-in');
    expect((await visitor.get('/en/organizations/cejil/boilerplate')).statusCode).toBe(303);
  });

  it('accepts the code of the previous 30-second step (clock drift), refuses one two steps old', async () => {
    expect((await signInWith(totpCode(secret, at(-65)))).status).toBe(401);
    const { visitor, status } = await signInWith(totpCode(secret, at(-30)));
    expect(status).toBe(303);
    expect((await visitor.get('/en/account')).statusCode).toBe(200);
    clock = at(60);
  });

  it('refuses a code that was already used (replay)', async () => {
    const code = totpCode(secret, clock);
    expect((await signInWith(code)).status).toBe(303);
    expect((await signInWith(code)).status).toBe(401);
    clock = at(60);
  });

  it('knowing the password does not restart the count of wrong codes: the back-off keeps growing', async () => {
    const user = await createUserWithPassword(ctx.db, { email: 'code-guessed@example.org', role: 'editor' }, clock, {
      twoFactor: false,
    });
    const own = newTotpSecret();
    await enableTwoFactor(ctx.db, user, own, totpCode(own, at(-30)), clock);
    const wrongCode = () => {
      const valid = new Set([-1, 0, 1].map((step) => totpCode(own, at(step * 30))));
      return ['111111', '222222', '333333'].find((code) => !valid.has(code))!;
    };
    async function halfSignedIn() {
      const visitor = new Visitor(app);
      expect((await visitor.signIn('code-guessed@example.org')).headers.location).toBe('/en/sign-in/two-factor');
      const csrf = await visitor.csrfFrom('/en/sign-in/two-factor');
      return (code: string) => visitor.request('POST', '/en/sign-in/two-factor', { _csrf: csrf, code });
    }
    const first = await halfSignedIn();
    for (let i = 0; i < FREE_ATTEMPTS; i++) expect((await first(wrongCode())).statusCode).toBe(401);
    expect((await first(totpCode(own, clock))).statusCode).toBe(401);
    // The one-minute lock passes; the password is accepted again, but one more wrong code locks at once.
    clock = at(61);
    const second = await halfSignedIn();
    expect((await second(wrongCode())).statusCode).toBe(401);
    expect((await second(totpCode(own, clock))).statusCode).toBe(401);
    // That lock is two minutes; after it, the right code signs in and the count starts over.
    clock = at(121);
    const third = await halfSignedIn();
    expect((await third(totpCode(own, clock))).statusCode).toBe(303);
    clock = at(60);
  });

  it('a recovery code works once', async () => {
    const code = recoveryCodes[3]!;
    expect((await signInWith(code.toUpperCase())).status).toBe(303);
    expect((await signInWith(code)).status).toBe(401);
    expect((await signInWith(recoveryCodes[4]!)).status).toBe(303);
  });
});
