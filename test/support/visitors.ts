/** Test helpers for signed-in visitors: real accounts, real sign-in over app.inject, a cookie jar. */
import { randomBytes } from 'node:crypto';
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import {
  createUser,
  enableTwoFactor,
  issueToken,
  type NewUser,
  newTotpSecret,
  setPasswordWithToken,
  totpCode,
} from '../../src/features/accounts/index.js';
import { systemActor } from '../../src/platform/audit.js';
import type { Db } from '../../src/platform/db/client.js';
import { organizations, recoveryCodes, users } from '../../src/platform/db/schema/index.js';
import { hashToken } from '../../src/platform/secrets.js';
import type { UserRow } from '../../src/platform/sessions.js';
import type { FastifyTypeBox } from '../../src/platform/web/fastify-typebox.js';

export const PASSWORD = 'correct horse battery staple';

/** Recovery codes of test admins by lower-case email, so `signedIn` can pass the second factor. */
const adminSecondFactors = new Map<string, { db: Db; userId: number }>();

/**
 * A user with a password, made the way people get one: an invitation link, used. Admins also get
 * two-factor (admin pages require it) unless `twoFactor: false`; `signedIn` then answers its
 * second step with a fresh recovery code, which works whatever the app's injected clock says.
 */
export async function createUserWithPassword(
  db: Db,
  input: NewUser,
  now = new Date(),
  { twoFactor = input.role === 'admin' } = {},
): Promise<UserRow> {
  const user = await createUser(db, input, systemActor('test'), now);
  await setPasswordWithToken(db, await issueToken(db, user.id, 'invitation', now), PASSWORD, now);
  if (twoFactor) {
    const secret = newTotpSecret();
    const [fresh] = await db.select().from(users).where(eq(users.id, user.id));
    await enableTwoFactor(db, fresh!, secret, totpCode(secret, now), now);
    adminSecondFactors.set(user.email.toLowerCase(), { db, userId: user.id });
  }
  return user;
}

/** A new one-use recovery code for a test user with two-factor (stored hashed, as real ones are). */
export async function freshRecoveryCode(email: string): Promise<string | null> {
  const known = adminSecondFactors.get(email.toLowerCase());
  if (!known) return null;
  const code = `t${randomBytes(7).toString('hex')}`;
  await known.db.insert(recoveryCodes).values({ userId: known.userId, codeHash: hashToken(code) });
  return code;
}

type Form = Record<string, string | number>;

let visitors = 0;
/** Each visitor its own address, so the per-address rate limits of one test do not spill into another. */
function nextAddress(): string {
  visitors += 1;
  return `10.${(process.pid >> 8) & 255}.${(visitors >> 8) & 255}.${visitors & 255}`;
}

/** One browser: keeps its cookies between requests, like a real one (no JavaScript needed). */
export class Visitor {
  cookies = new Map<string, string>();
  constructor(
    /** An app (its `inject`), or running server processes spoken to over HTTP (test/support/instances.ts). */
    readonly app: Pick<FastifyTypeBox, 'inject'>,
    readonly remoteAddress = nextAddress(),
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method: 'GET' | 'POST', url: string, form?: Form) {
    const response = await this.app.inject({
      method,
      url,
      remoteAddress: this.remoteAddress,
      headers: {
        cookie: this.cookieHeader(),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form
        ? {
            payload: new URLSearchParams(
              Object.entries(form).map(([k, v]): [string, string] => [k, String(v)]),
            ).toString(),
          }
        : {}),
    });
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() <= Date.now());
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }

  get(url: string) {
    return this.request('GET', url);
  }

  /** The CSRF field of a form page, as a browser would submit it. */
  async csrfFrom(url: string): Promise<string> {
    const page = await this.get(url);
    const token = cheerio.load(page.body)('input[name=_csrf]').first().attr('value');
    if (!token) throw new Error(`no _csrf field on ${url} (status ${page.statusCode})`);
    return token;
  }

  /** POST a form with the CSRF token taken from `formPage` (defaults to the account page). */
  async post(url: string, form: Form, formPage = this.isSignedIn() ? '/en/account' : '/en/sign-in') {
    return this.request('POST', url, { _csrf: await this.csrfFrom(formPage), ...form });
  }

  isSignedIn(): boolean {
    return this.cookies.has('puente_session');
  }

  async signIn(email: string, password = PASSWORD) {
    return this.post('/en/sign-in', { email, password }, '/en/sign-in');
  }
}

export async function signedIn(
  app: Pick<FastifyTypeBox, 'inject'>,
  email: string,
  password = PASSWORD,
): Promise<Visitor> {
  const visitor = new Visitor(app);
  let response = await visitor.signIn(email, password);
  if (response.headers.location === '/en/sign-in/two-factor') {
    const code = await freshRecoveryCode(email);
    if (!code) throw new Error(`${email} has two-factor on, but not through createUserWithPassword`);
    response = await visitor.post('/en/sign-in/two-factor', { code }, '/en/sign-in/two-factor');
  }
  if (response.statusCode !== 303) throw new Error(`sign-in of ${email} failed: ${response.statusCode}`);
  return visitor;
}

/** An account to sign in as: its email and role, and for members the slug of their organization. */
export type Account = { email: string; role: NewUser['role']; organization?: string };

/**
 * One visitor per name: the accounts are created in the order given, then each signs in; null is a
 * visitor who is not signed in.
 */
export async function visitorsAs<Who extends string>(
  app: FastifyTypeBox,
  db: Db,
  accounts: Record<Who, Account | null>,
): Promise<Map<Who, Visitor>> {
  const entries = Object.entries(accounts) as [Who, Account | null][];
  for (const [, account] of entries) {
    if (!account) continue;
    const { organization, ...user } = account;
    const organizationId = organization
      ? (await db.select().from(organizations).where(eq(organizations.slug, organization)))[0]!.id
      : undefined;
    await createUserWithPassword(db, organizationId === undefined ? user : { ...user, organizationId });
  }
  const visitors = new Map<Who, Visitor>();
  for (const [who, account] of entries)
    visitors.set(who, account ? await signedIn(app, account.email) : new Visitor(app));
  return visitors;
}

/** Who the policy matrices ask about: the public, the admin, an editor, a CEJIL member and another organization's. */
export const POLICY_ACCOUNTS = {
  anonymous: null,
  admin: { email: 'admin@example.org', role: 'admin' },
  editor: { email: 'editor@example.org', role: 'editor' },
  memberOwn: { email: 'own@cejil.org', role: 'member', organization: 'cejil' },
  memberOther: { email: 'other@example.org', role: 'member', organization: 'alianza-americas' },
} as const satisfies Record<string, Account | null>;
