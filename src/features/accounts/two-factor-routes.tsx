import { Type } from '@fastify/type-provider-typebox';
import { Invalid } from '../../platform/errors.js';
import { createSession, revokeSession } from '../../platform/sessions.js';
import {
  type AuthOptions,
  csrfToken,
  needsTwoFactorFirst,
  pendingSecondFactor,
  setSessionCookie,
} from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { localizedRoutes } from '../../platform/web/localized-routes.js';
import { pageContext, type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { signedInRoutes } from '../../platform/web/workspace-request.js';
import { countSignInAttempt, recordFailedSignIn, recordSignIn } from './service.js';
import {
  disableTwoFactor,
  enableTwoFactor,
  newTotpSecret,
  regenerateRecoveryCodes,
  totpQrSvg,
  totpUri,
  verifySecondFactor,
} from './two-factor.js';
import { SecondFactorPage, TwoFactorSetupPage } from './two-factor-views.js';

const Csrf = Type.String({ maxLength: 200 });

/** A confirmation refused because the account is locked (confirmBothFactors), not for a wrong answer. */
const isLock = (error: Invalid) => error.problems.some((p) => p.problem === 'locked');

export function registerTwoFactorRoutes(app: FastifyTypeBox, deps: SiteDeps, options: AuthOptions): void {
  localizedRoutes(app, (scope, locale) => {
    scope.get('/sign-in/two-factor', async (request, reply) => {
      if (!pendingSecondFactor(request)) return reply.redirect(`/${locale}/sign-in`, 303);
      const csrf = csrfToken(request, reply, options);
      return sendHtml(reply, await (<SecondFactorPage ctx={pageContext(deps, request, locale)} csrf={csrf} />));
    });

    scope.post(
      '/sign-in/two-factor',
      { schema: { body: Type.Object({ _csrf: Csrf, code: Type.String({ maxLength: 20 }) }) } },
      async (request, reply) => {
        const pending = pendingSecondFactor(request);
        if (!pending) return reply.redirect(`/${locale}/sign-in`, 303);
        const now = deps.now();
        const { user } = pending;
        // Counted before the code is checked: codes sent at once cannot outrun the lock (see countSignInAttempt).
        const attempt = await countSignInAttempt(deps.db, user.id, now);
        const ok = attempt !== null && (await verifySecondFactor(deps.db, user, request.body.code, now));
        if (!ok) {
          const reason = attempt ? 'wrong_second_factor' : 'account_locked';
          await recordFailedSignIn(deps.db, user, attempt, now, reason, request.ip);
          const csrf = csrfToken(request, reply, options);
          const page = <SecondFactorPage ctx={pageContext(deps, request, locale)} csrf={csrf} failed />;
          return sendHtml(reply, await page, 401);
        }
        // Both factors checked: the half-way session is replaced by a new, full one.
        await revokeSession(deps.db, pending.token, now);
        setSessionCookie(request, reply, options, await createSession(deps.db, user.id, now));
        const kind = /^\d{6}$/.test(request.body.code.trim()) ? 'totp' : 'recovery_code';
        await recordSignIn(deps.db, user, now, request.ip, kind);
        return reply.redirect(`/${locale}/account`, 303);
      },
    );

    // Managing two-step sign-in: for signed-in people only.
    signedInRoutes(scope, { deps, auth: options }, (guarded) => {
      guarded.get('/account/two-factor', async (request, reply) => {
        const { user } = request.workspace;
        const ctx = pageContext(deps, request, locale);
        const csrf = csrfToken(request, reply, options);
        const enabled = user.totpEnabledAt !== null;
        const secret = enabled ? undefined : newTotpSecret();
        const uri = secret ? totpUri(secret, user.email) : undefined;
        const qr = uri ? await totpQrSvg(uri, ctx.t.accountsQrLabel) : undefined;
        const required = needsTwoFactorFirst(user);
        const page = (
          <TwoFactorSetupPage
            ctx={ctx}
            csrf={csrf}
            enabled={enabled}
            secret={secret}
            uri={uri}
            qr={qr}
            required={required}
          />
        );
        return sendHtml(reply, await page);
      });

      const Confirm = Type.Object({
        _csrf: Csrf,
        password: Type.String({ maxLength: 1000 }),
        code: Type.String({ maxLength: 20 }),
      });

      guarded.post('/account/two-factor/off', { schema: { body: Confirm } }, async (request, reply) => {
        const { user } = request.workspace;
        try {
          await disableTwoFactor(deps.db, user, request.body.password, request.body.code, deps.now());
        } catch (error) {
          if (!(error instanceof Invalid)) throw error;
          const ctx = pageContext(deps, request, locale);
          const csrf = csrfToken(request, reply, options);
          const page = <TwoFactorSetupPage ctx={ctx} csrf={csrf} enabled confirmFailed confirmLocked={isLock(error)} />;
          return sendHtml(reply, await page, 400);
        }
        return reply.redirect('/account/two-factor', 303);
      });

      guarded.post('/account/two-factor/recovery-codes', { schema: { body: Confirm } }, async (request, reply) => {
        const { user } = request.workspace;
        const ctx = pageContext(deps, request, locale);
        const csrf = csrfToken(request, reply, options);
        const enabled = user.totpEnabledAt !== null;
        try {
          const { password, code } = request.body;
          const codes = await regenerateRecoveryCodes(deps.db, user, password, code, deps.now());
          return sendHtml(reply, await (<TwoFactorSetupPage ctx={ctx} csrf={csrf} enabled recoveryCodes={codes} />));
        } catch (error) {
          if (!(error instanceof Invalid)) throw error;
          if (!enabled) return reply.redirect('/account/two-factor', 303);
          const page = <TwoFactorSetupPage ctx={ctx} csrf={csrf} enabled confirmFailed confirmLocked={isLock(error)} />;
          return sendHtml(reply, await page, 400);
        }
      });

      guarded.post(
        '/account/two-factor',
        {
          schema: {
            body: Type.Object({
              _csrf: Csrf,
              secret: Type.String({ minLength: 16, maxLength: 64, pattern: '^[A-Z2-7]+=*$' }),
              code: Type.String({ maxLength: 10 }),
            }),
          },
        },
        async (request, reply) => {
          const { user } = request.workspace;
          const ctx = pageContext(deps, request, locale);
          const csrf = csrfToken(request, reply, options);
          const { secret, code } = request.body;
          // Sent again (a reload of the codes page): the codes were shown once and are not shown again.
          if (user.totpEnabledAt) {
            return sendHtml(reply, await (<TwoFactorSetupPage ctx={ctx} csrf={csrf} enabled alreadyOn />), 409);
          }
          try {
            const recoveryCodes = await enableTwoFactor(deps.db, user, secret, code, deps.now());
            const page = <TwoFactorSetupPage ctx={ctx} csrf={csrf} enabled recoveryCodes={recoveryCodes} />;
            return sendHtml(reply, await page);
          } catch {
            const uri = totpUri(secret, user.email);
            const qr = await totpQrSvg(uri, ctx.t.accountsQrLabel);
            const page = (
              <TwoFactorSetupPage ctx={ctx} csrf={csrf} enabled={false} secret={secret} uri={uri} qr={qr} failed />
            );
            return sendHtml(reply, await page, 400);
          }
        },
      );
    });
  });
}
