import { Type } from '@fastify/type-provider-typebox';
import { Invalid, NotFound } from '../../platform/errors.js';
import { createSession, revokeAllSessions, revokeSession } from '../../platform/sessions.js';
import {
  type AuthOptions,
  clearSessionCookie,
  csrfToken,
  currentAuth,
  pendingSecondFactor,
  setSessionCookie,
} from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { localizedRoutes } from '../../platform/web/localized-routes.js';
import { hitRateLimit, RATE_LIMITS, sendTooManyRequests } from '../../platform/web/rate-limit.js';
import { pageContext, type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { signedInRoutes } from '../../platform/web/workspace-request.js';
import { peekToken, recordSignIn, setPasswordWithToken, signIn } from './service.js';
import { AccountPage, SetPasswordPage, SignInPage } from './views.js';

const Csrf = Type.String({ maxLength: 200 });
/** `?password=set`: arriving from a set-password link just used, so the page says the password is saved. */
const SignInQuery = Type.Object({ password: Type.Optional(Type.String({ maxLength: 20 })) });
const TokenParam = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) });

export function registerAccountRoutes(app: FastifyTypeBox, deps: SiteDeps, options: AuthOptions): void {
  localizedRoutes(app, (scope, locale) => {
    scope.get('/sign-in', { schema: { querystring: SignInQuery } }, async (request, reply) => {
      if (currentAuth(request)) return reply.redirect(`/${locale}/account`, 303);
      const csrf = csrfToken(request, reply, options);
      const passwordSet = request.query.password === 'set';
      const page = <SignInPage ctx={pageContext(deps, request, locale)} csrf={csrf} passwordSet={passwordSet} />;
      return sendHtml(reply, await page);
    });

    scope.post(
      '/sign-in',
      {
        schema: {
          body: Type.Object({
            _csrf: Csrf,
            email: Type.String({ minLength: 1, maxLength: 320 }),
            password: Type.String({ minLength: 1, maxLength: 1000 }),
          }),
        },
      },
      async (request, reply) => {
        const now = deps.now();
        const limit = await hitRateLimit(deps.db, `sign-in:${request.ip}`, RATE_LIMITS.signIn, now);
        if (!limit.allowed) {
          return sendTooManyRequests(request, reply, limit.retryAfterSeconds);
        }
        const result = await signIn(deps.db, request.body.email, request.body.password, now, request.ip);
        if (!result.ok) {
          const ctx = pageContext(deps, request, locale);
          const csrf = csrfToken(request, reply, options);
          return sendHtml(reply, await (<SignInPage ctx={ctx} csrf={csrf} failed />), 401);
        }
        // A new session on every sign-in: a token planted before it (session fixation) is worthless.
        const previous = currentAuth(request) ?? pendingSecondFactor(request);
        if (previous) await revokeSession(deps.db, previous.token, now);
        const secondFactorPending = result.user.totpEnabledAt !== null;
        const token = await createSession(deps.db, result.user.id, now, { secondFactorPending });
        if (!secondFactorPending) await recordSignIn(deps.db, result.user, now, request.ip, 'none');
        setSessionCookie(request, reply, options, token);
        return reply.redirect(secondFactorPending ? `/${locale}/sign-in/two-factor` : `/${locale}/account`, 303);
      },
    );

    scope.post('/sign-out', { schema: { body: Type.Object({ _csrf: Csrf }) } }, async (request, reply) => {
      const auth = currentAuth(request);
      if (auth) await revokeSession(deps.db, auth.token, deps.now());
      clearSessionCookie(request, reply, options);
      return reply.redirect(`/${locale}/`, 303);
    });

    scope.post('/sign-out-everywhere', { schema: { body: Type.Object({ _csrf: Csrf }) } }, async (request, reply) => {
      const auth = currentAuth(request);
      if (auth) await revokeAllSessions(deps.db, auth.user.id, deps.now());
      clearSessionCookie(request, reply, options);
      return reply.redirect(`/${locale}/`, 303);
    });

    signedInRoutes(scope, { deps, auth: options }, (guarded) =>
      guarded.get('/account', async (request, reply) => {
        const { ctx, csrf, user } = request.workspace;
        return sendHtml(reply, await (<AccountPage ctx={ctx} csrf={csrf} user={user} />));
      }),
    );

    // The link is only checked here; it is used up when the form is sent.
    scope.get('/set-password/:token', { schema: { params: TokenParam } }, async (request, reply) => {
      const valid = await peekToken(deps.db, request.params.token, deps.now());
      const ctx = pageContext(deps, request, locale);
      const csrf = csrfToken(request, reply, options);
      const page = <SetPasswordPage ctx={ctx} csrf={csrf} token={request.params.token} valid={valid} />;
      return sendHtml(reply, await page, valid ? 200 : 404);
    });

    scope.post(
      '/set-password/:token',
      {
        schema: {
          params: TokenParam,
          body: Type.Object({ _csrf: Csrf, password: Type.String({ maxLength: 1000 }) }),
        },
      },
      async (request, reply) => {
        const ctx = pageContext(deps, request, locale);
        try {
          await setPasswordWithToken(deps.db, request.params.token, request.body.password, deps.now());
        } catch (error) {
          const csrf = csrfToken(request, reply, options);
          // A link used, expired or ended by a password change since: the page says so, as the GET does.
          if (error instanceof NotFound) {
            const page = <SetPasswordPage ctx={ctx} csrf={csrf} token={request.params.token} valid={false} />;
            return sendHtml(reply, await page, 404);
          }
          if (!(error instanceof Invalid)) throw error;
          const page = <SetPasswordPage ctx={ctx} csrf={csrf} token={request.params.token} valid tooShort />;
          return sendHtml(reply, await page, 400);
        }
        clearSessionCookie(request, reply, options);
        return reply.redirect(`/${locale}/sign-in?password=set`, 303);
      },
    );
  });
}
