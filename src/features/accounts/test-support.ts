/** Test helpers for signed-in visitors: real accounts, real sign-in over app.inject, a cookie jar. */
import * as cheerio from 'cheerio';
import type { Db } from '../../db/client.js';
import type { FastifyTypeBox } from '../../lib/fastify-typebox.js';
import { systemActor } from './audit.js';
import { createUser, issueToken, type NewUser, setPasswordWithToken } from './service.js';
import type { UserRow } from './sessions.js';

export const PASSWORD = 'correct horse battery staple';

/** A user with a password, made the way people get one: an invitation link, used. */
export async function createUserWithPassword(db: Db, input: NewUser, now = new Date()): Promise<UserRow> {
  const user = await createUser(db, input, systemActor('test'), now);
  await setPasswordWithToken(db, await issueToken(db, user.id, 'invitation', now), PASSWORD, now);
  return user;
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
    readonly app: FastifyTypeBox,
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

export async function signedIn(app: FastifyTypeBox, email: string, password = PASSWORD): Promise<Visitor> {
  const visitor = new Visitor(app);
  const response = await visitor.signIn(email, password);
  if (response.statusCode !== 303) throw new Error(`sign-in of ${email} failed: ${response.statusCode}`);
  return visitor;
}
