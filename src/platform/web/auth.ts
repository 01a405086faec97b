/**
 * Accounts on the web: who is signed in (session cookie → database), CSRF on every state change,
 * and the DB-backed rate limit on every POST.
 *
 * CSRF is a synchronizer token derived from a secret the browser holds in an HttpOnly cookie:
 * the session token when signed in (so the token changes with the session), otherwise a random
 * "pre-session" cookie (sign-in and other public forms). Forms carry sha256("csrf:" + secret);
 * a cross-site page can neither read the cookie nor our pages, so it cannot produce the field.
 * With Secure cookies the names take the __Host- prefix, which a sibling subdomain cannot set.
 * We wrote this instead of @fastify/csrf-protection because binding its token to the session
 * needs a server-wide HMAC key to configure and rotate, while our session token already is one.
 */
import { createHash } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type {} from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Forbidden } from '../errors.js';
import { randomSecret, sameSecret } from '../secrets.js';
import { findSession, SESSION_MAX_AGE_MS, type SessionRow, type UserRow } from '../sessions.js';
import type { FastifyTypeBox } from './fastify-typebox.js';
import { hitRateLimit, RATE_LIMITS, sendTooManyRequests } from './rate-limit.js';
import type { SiteDeps } from './site-deps.js';
import { setViewer } from './viewer.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * This route takes multipart/form-data and checks its `_csrf` field itself, while streaming,
     * before it reads the file (features/files/multipart.ts). Any other route refuses multipart.
     */
    multipartCsrf?: boolean;
    /**
     * The one route that takes a POST without a CSRF token: RFC 8058's one-click unsubscribe, which
     * mail providers POST with no cookie and no form of ours. The signed token in its URL is the proof.
     * Still rate-limited like every POST.
     */
    csrfExemptFor?: 'rfc8058-one-click-unsubscribe';
  }
}

export interface AuthOptions {
  /** Secure cookies even when this process sees plain HTTP (TLS ends at a proxy): PUENTE_SECURE_COOKIES=1. */
  secureCookies: boolean;
}

export interface Auth {
  user: UserRow;
  session: SessionRow;
  token: string;
}

const state = new WeakMap<FastifyRequest, Auth>();
/** Password checked, second factor awaited: such a session opens nothing but the code form. */
const pendingState = new WeakMap<FastifyRequest, Auth>();

export function pendingSecondFactor(request: FastifyRequest): Auth | null {
  return pendingState.get(request) ?? null;
}

export function currentAuth(request: FastifyRequest): Auth | null {
  return state.get(request) ?? null;
}

export function currentUser(request: FastifyRequest): UserRow | null {
  return state.get(request)?.user ?? null;
}

function isSecure(request: FastifyRequest, options: AuthOptions): boolean {
  return options.secureCookies || request.protocol === 'https';
}

export function cookieNames(secure: boolean) {
  const prefix = secure ? '__Host-' : '';
  return { session: `${prefix}puente_session`, csrf: `${prefix}puente_csrf` };
}

function cookieOptions(secure: boolean, maxAgeMs?: number): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    ...(maxAgeMs ? { maxAge: Math.floor(maxAgeMs / 1000) } : {}),
  };
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, options: AuthOptions, token: string) {
  const secure = isSecure(request, options);
  reply.setCookie(cookieNames(secure).session, token, cookieOptions(secure, SESSION_MAX_AGE_MS));
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, options: AuthOptions) {
  const secure = isSecure(request, options);
  reply.clearCookie(cookieNames(secure).session, cookieOptions(secure));
}

function deriveCsrf(secret: string): string {
  return createHash('sha256').update(`csrf:${secret}`).digest('base64url');
}

/** The hidden `_csrf` field for a form on this page; sets the pre-session cookie if needed. */
export function csrfToken(request: FastifyRequest, reply: FastifyReply, options: AuthOptions): string {
  const auth = currentAuth(request) ?? pendingSecondFactor(request);
  if (auth) return deriveCsrf(auth.token);
  const secure = isSecure(request, options);
  const name = cookieNames(secure).csrf;
  let secret = request.cookies[name];
  if (!secret) {
    secret = randomSecret();
    reply.setCookie(name, secret, cookieOptions(secure));
  }
  return deriveCsrf(secret);
}

/** Is `sent` the CSRF token of this browser (its session, or its pre-session cookie)? */
export function csrfMatches(request: FastifyRequest, options: AuthOptions, sent: string): boolean {
  const auth = currentAuth(request) ?? pendingSecondFactor(request);
  const secret = auth ? auth.token : request.cookies[cookieNames(isSecure(request, options)).csrf];
  return Boolean(secret && sent && sameSecret(sent, deriveCsrf(secret)));
}

/** Request URLs as logged: single-use link tokens are credentials, so they never reach a log line. */
export function redactUrl(url: string): string {
  return url.replace(/(\/set-password\/)[^/?#]+/, '$1***');
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Admins always need two-factor (no setting to forget switched off): the admin pages hold every
 * account, every history and every draft's before/after values. An admin without it is sent to set
 * it up first; their other powers are an editor's, which need no more than an editor has.
 */
export function needsTwoFactorFirst(user: UserRow): boolean {
  return user.role === 'admin' && !user.disabled && user.totpEnabledAt === null;
}

const ADMIN_PAGE = /^\/([a-z]{2})\/admin(?:[/?]|$)/;

export function registerAuth(app: FastifyTypeBox, deps: SiteDeps, options: AuthOptions): void {
  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[cookieNames(isSecure(request, options)).session];
    if (!token) return;
    const found = await findSession(deps.db, token, deps.now());
    if (found) (found.session.secondFactorPending ? pendingState : state).set(request, { ...found, token });
    if (found && !found.session.secondFactorPending)
      setViewer(request, { label: found.user.email, csrf: deriveCsrf(token) });
    const adminPage = ADMIN_PAGE.exec(request.url);
    if (adminPage && found && !found.session.secondFactorPending && needsTwoFactorFirst(found.user)) {
      if (request.method !== 'GET' && request.method !== 'HEAD') throw new Forbidden('Turn on two-step sign-in first');
      return reply.redirect(`/${adminPage[1]}/account/two-factor`, 303);
    }
  });

  // Pages for signed-in people (and any answer that sets a cookie) must not sit in a shared cache.
  app.addHook('onSend', async (request, reply, payload) => {
    const personal = currentAuth(request) || reply.hasHeader('set-cookie');
    if (personal && !reply.hasHeader('cache-control')) reply.header('cache-control', 'private, no-store');
    return payload;
  });

  // After body parsing, before any handler: every state change is rate-limited and needs the token.
  app.addHook('preHandler', async (request, reply) => {
    if (!STATE_CHANGING.has(request.method)) return;
    const auth = currentAuth(request);
    const limit = auth
      ? await hitRateLimit(deps.db, `post:user:${auth.user.id}`, RATE_LIMITS.signedInPost, deps.now())
      : await hitRateLimit(deps.db, `post:${request.ip}`, RATE_LIMITS.post, deps.now());
    if (!limit.allowed) {
      return sendTooManyRequests(request, reply, limit.retryAfterSeconds);
    }
    if (request.routeOptions.config.csrfExemptFor === 'rfc8058-one-click-unsubscribe') return;
    // A multipart body is still unread here (it is streamed by the handler): only routes that check
    // the token themselves, before reading any file, may take one.
    if (request.isMultipart()) {
      if (request.routeOptions.config.multipartCsrf) return;
      throw new Forbidden('Invalid or missing CSRF token');
    }
    const body = request.body as { _csrf?: unknown } | undefined;
    const sent = typeof body?._csrf === 'string' ? body._csrf : '';
    if (!csrfMatches(request, options, sent)) throw new Forbidden('Invalid or missing CSRF token');
  });
}
