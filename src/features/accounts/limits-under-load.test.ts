/**
 * Every limit holds when the requests come all at once (issue 13): the account lock, the two-step
 * lock, single-use reset links and the per-address and per-account rate limits. Each scenario runs
 * in one process on both engines, and against two real server processes on one PostgreSQL database
 * with the requests split between them.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { type Instances, startInstances } from '../../../test/support/instances.js';
import { createUserWithPassword, PASSWORD, signedIn, Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { messages } from '../../platform/i18n/format.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { RATE_LIMITS } from '../../platform/web/rate-limit.js';
import { FREE_ATTEMPTS, issueToken } from './service.js';
import { enableTwoFactor, newTotpSecret, totpCode } from './two-factor.js';

/** How many requests each scenario fires at once. */
const AT_ONCE = 50;

/** Where the requests go (an app, or two servers in turn), the database behind it, and its clock. */
interface Site {
  app: Pick<FastifyTypeBox, 'inject'>;
  db: Db;
  now: () => Date;
}

const countBy = <T>(items: T[], key: (item: T) => string) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

/** Why each failed sign-in step of this account failed, counted (from the audit log). */
async function failureReasons(db: Db, userId: number): Promise<Record<string, number>> {
  const rows = await db
    .select()
    .from(t.auditLog)
    .where(
      and(
        eq(t.auditLog.entityType, 'user'),
        eq(t.auditLog.entityId, String(userId)),
        eq(t.auditLog.action, 'sign_in_failed'),
      ),
    );
  return countBy(rows, (r) => (r.after as { reason: string }).reason);
}

async function lockRows(db: Db, userId: number) {
  const rows = await db
    .select()
    .from(t.auditLog)
    .where(and(eq(t.auditLog.entityId, String(userId)), eq(t.auditLog.action, 'locked')));
  return rows.length;
}

/** `count` visitors, each with its own address and the CSRF token of `formPage`, ready to post at once. */
async function readyVisitors(site: Site, count: number, formPage: string | ((i: number) => string)) {
  const visitors = Array.from({ length: count }, () => new Visitor(site.app));
  const page = (i: number) => (typeof formPage === 'string' ? formPage : formPage(i));
  const tokens = await Promise.all(visitors.map((v, i) => v.csrfFrom(page(i))));
  return visitors.map((visitor, i) => ({ visitor, csrf: tokens[i]! }));
}

const statuses = (answers: { statusCode: number }[]) => countBy(answers, (a) => String(a.statusCode));

function scenarios(site: () => Site, label: string) {
  it(`${AT_ONCE} wrong passwords at once from ${AT_ONCE} addresses: only ${FREE_ATTEMPTS} are checked, then the account is locked, even for the right password`, async () => {
    const { app, db, now } = site();
    const email = `guessed-${label}@example.org`;
    const user = await createUserWithPassword(db, { email, role: 'editor' }, now());
    const guessers = await readyVisitors(site(), AT_ONCE, '/en/sign-in');
    const answers = await Promise.all(
      guessers.map(({ visitor, csrf }, i) =>
        visitor.request('POST', '/en/sign-in', { _csrf: csrf, email, password: `wrong guess number ${i}` }),
      ),
    );
    expect(statuses(answers)).toEqual({ 401: AT_ONCE });
    expect((await new Visitor(app).signIn(email)).statusCode).toBe(401);
    expect(await failureReasons(db, user.id)).toEqual({
      wrong_password: FREE_ATTEMPTS,
      account_locked: AT_ONCE + 1 - FREE_ATTEMPTS,
    });
    expect(await lockRows(db, user.id)).toBe(1);
  });

  it(`${AT_ONCE} wrong two-step codes at once on one half-signed-in session: only ${FREE_ATTEMPTS} are checked, then the right code is refused`, async () => {
    const { app, db, now } = site();
    const email = `two-step-${label}@example.org`;
    const user = await createUserWithPassword(db, { email, role: 'editor' }, now(), { twoFactor: false });
    const secret = newTotpSecret();
    // Enabled with the previous step's code, so the current one is still unused.
    await enableTwoFactor(db, user, secret, totpCode(secret, new Date(now().getTime() - 30_000)), now());
    const visitor = new Visitor(app);
    expect((await visitor.signIn(email)).headers.location).toBe('/en/sign-in/two-factor');
    const csrf = await visitor.csrfFrom('/en/sign-in/two-factor');
    const valid = new Set([-2, -1, 0, 1, 2].map((s) => totpCode(secret, new Date(now().getTime() + s * 30_000))));
    const wrong = Array.from({ length: AT_ONCE * 2 }, (_, i) => String(100_000 + i * 7919))
      .filter((code) => !valid.has(code))
      .slice(0, AT_ONCE);
    const answers = await Promise.all(
      wrong.map((code) => visitor.request('POST', '/en/sign-in/two-factor', { _csrf: csrf, code })),
    );
    expect(statuses(answers)).toEqual({ 401: AT_ONCE });
    const right = await visitor.request('POST', '/en/sign-in/two-factor', {
      _csrf: csrf,
      code: totpCode(secret, now()),
    });
    expect(right.statusCode).toBe(401);
    expect((await visitor.get('/en/account')).headers.location).toBe('/en/sign-in');
    expect(await failureReasons(db, user.id)).toEqual({
      wrong_second_factor: FREE_ATTEMPTS,
      account_locked: AT_ONCE + 1 - FREE_ATTEMPTS,
    });
  });

  it(`${AT_ONCE} wrong confirmations at once to turn two-step sign-in off, on one signed-in session: only ${FREE_ATTEMPTS} are checked, then the right ones are refused too`, async () => {
    const { app, db, now } = site();
    const email = `stolen-session-${label}@example.org`;
    const user = await createUserWithPassword(db, { email, role: 'editor' }, now(), { twoFactor: false });
    const secret = newTotpSecret();
    const step = (n: number) => new Date(now().getTime() + n * 30_000);
    await enableTwoFactor(db, user, secret, totpCode(secret, step(-1)), now());
    const visitor = new Visitor(app);
    await visitor.signIn(email);
    const csrfHalfWay = await visitor.csrfFrom('/en/sign-in/two-factor');
    const signedInNow = await visitor.request('POST', '/en/sign-in/two-factor', {
      _csrf: csrfHalfWay,
      code: totpCode(secret, now()),
    });
    expect(signedInNow.headers.location).toBe('/en/account');
    const csrf = await visitor.csrfFrom('/en/account/two-factor');
    const answers = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, i) =>
        visitor.request('POST', '/en/account/two-factor/off', {
          _csrf: csrf,
          password: `a guessed password ${i}`,
          code: String(100_000 + i),
        }),
      ),
    );
    expect(statuses(answers)).toEqual({ 400: AT_ONCE });
    const right = await visitor.request('POST', '/en/account/two-factor/off', {
      _csrf: csrf,
      password: PASSWORD,
      code: totpCode(secret, step(1)),
    });
    expect(right.statusCode).toBe(400);
    expect(right.body).toContain(messages('en').accountsConfirmLocked);
    const spanish = await visitor.request('POST', '/es/account/two-factor/off', {
      _csrf: csrf,
      password: PASSWORD,
      code: totpCode(secret, step(1)),
    });
    expect(spanish.statusCode).toBe(400);
    expect(spanish.body).toContain(messages('es').accountsConfirmLocked);
    const [row] = await db.select().from(t.users).where(eq(t.users.id, user.id));
    expect(row?.totpEnabledAt).not.toBeNull();
    const refusals = await db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityId, String(user.id)), eq(t.auditLog.action, 'two_factor_change_refused')));
    expect(countBy(refusals, (r) => (r.after as { reason: string }).reason)).toEqual({
      wrong_password: FREE_ATTEMPTS,
      account_locked: AT_ONCE + 2 - FREE_ATTEMPTS,
    });
  });

  it(`${AT_ONCE} submissions at once over four reset links: one sets the password, and every link is dead after`, async () => {
    const { app, db, now } = site();
    const email = `reset-${label}@example.org`;
    const user = await createUserWithPassword(db, { email, role: 'editor' }, now());
    const links: string[] = [];
    for (let i = 0; i < 4; i++)
      links.push(`/en/set-password/${await issueToken(db, user.id, 'password_reset', now())}`);
    const senders = await readyVisitors(site(), AT_ONCE, (i) => links[i % links.length]!);
    const answers = await Promise.all(
      senders.map(({ visitor, csrf }, i) =>
        visitor.request('POST', links[i % links.length]!, { _csrf: csrf, password: `new password number ${i}` }),
      ),
    );
    expect(statuses(answers)).toEqual({ 303: 1, 404: AT_ONCE - 1 });
    for (const refused of answers.filter((a) => a.statusCode === 404)) {
      expect(refused.body).toContain(messages('en').linkNotValid);
    }
    const winner = answers.findIndex((a) => a.statusCode === 303);
    expect((await new Visitor(app).signIn(email, `new password number ${winner}`)).statusCode).toBe(303);
    for (const link of links) expect((await new Visitor(app).get(link)).statusCode).toBe(404);
  });

  it(`rate limits: ${AT_ONCE} or more requests at once get exactly the limit through, per address and per account`, async () => {
    const { app, db } = site();
    // Sign-in attempts from one address (unknown email: 401 when let through).
    const [one] = await readyVisitors(site(), 1, '/en/sign-in');
    const signIns = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, i) =>
        one!.visitor.request('POST', '/en/sign-in', {
          _csrf: one!.csrf,
          email: `nobody${i}@example.org`,
          password: 'x',
        }),
      ),
    );
    expect(statuses(signIns)).toEqual({ 401: RATE_LIMITS.signIn.limit, 429: AT_ONCE - RATE_LIMITS.signIn.limit });

    // Reset requests from one address.
    // Without email the reset page has no form (it says to ask an admin); the POST is still rate-limited.
    const [asker] = await readyVisitors(site(), 1, '/en/sign-in');
    const resets = await Promise.all(
      Array.from({ length: AT_ONCE }, () =>
        asker!.visitor.request('POST', '/en/forgot-password', { _csrf: asker!.csrf, email: 'nobody@example.org' }),
      ),
    );
    expect(statuses(resets)).toEqual({ 200: RATE_LIMITS.reset.limit, 429: AT_ONCE - RATE_LIMITS.reset.limit });

    // Any POST from one address before sign-in (no CSRF token: refused with 403, but counted first).
    const stranger = new Visitor(app);
    const over = 10;
    const posts = await Promise.all(
      Array.from({ length: RATE_LIMITS.post.limit + over }, () =>
        stranger.request('POST', '/en/sign-out', { _csrf: 'x' }),
      ),
    );
    expect(statuses(posts)).toEqual({ 403: RATE_LIMITS.post.limit, 429: over });

    // Any POST by one signed-in person, whatever the address.
    await createUserWithPassword(db, { email: `busy-${label}@example.org`, role: 'editor' });
    const busy = await signedIn(app, `busy-${label}@example.org`);
    const ownPosts = await Promise.all(
      Array.from({ length: RATE_LIMITS.signedInPost.limit + over }, () =>
        busy.request('POST', '/en/sign-out', { _csrf: 'x' }),
      ),
    );
    expect(statuses(ownPosts)).toEqual({ 403: RATE_LIMITS.signedInPost.limit, 429: over });
  });
}

describeEachEngine('limits under concurrent requests, in one process', (ctx) => {
  const clock = new Date('2026-11-27T12:00:00Z');
  let app: FastifyTypeBox;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, now: () => clock });
  });
  scenarios(() => ({ app, db: ctx.db, now: () => clock }), ctx.engine);
});

describe.runIf(process.env.TEST_DATABASE_URL)(
  '[postgres] limits under concurrent requests, across two server processes',
  () => {
    let instances: Instances;
    beforeAll(async () => {
      instances = await startInstances(2);
    }, 120_000);
    afterAll(async () => {
      await instances?.stop();
    }, 60_000);
    scenarios(() => ({ app: instances.app, db: instances.handle.db, now: () => new Date() }), 'instances');
  },
);
