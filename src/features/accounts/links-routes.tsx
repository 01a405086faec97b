import { Type } from '@fastify/type-provider-typebox';
import { Forbidden, Invalid } from '../../platform/errors.js';
import { canManageUsers } from '../../platform/policy.js';
import { type AuthOptions, csrfToken, currentUser } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { localizedRoutes } from '../../platform/web/localized-routes.js';
import { hitRateLimit, RATE_LIMITS, sendTooManyRequests } from '../../platform/web/rate-limit.js';
import { pageContext, type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { getOrganization } from '../registry/index.js';
import type { LinkOptions } from './links.js';
import { inviteUser, requestPasswordReset } from './links.js';
import { ForgotPasswordPage } from './links-views.js';
import { renderUsersPage } from './users-routes.js';

export function registerLinkRoutes(app: FastifyTypeBox, deps: SiteDeps, auth: AuthOptions, links: LinkOptions): void {
  localizedRoutes(app, (scope, locale) => {
    scope.get('/forgot-password', async (request, reply) => {
      const csrf = csrfToken(request, reply, auth);
      return sendHtml(reply, await (<ForgotPasswordPage ctx={pageContext(deps, request, locale)} csrf={csrf} />));
    });

    scope.post(
      '/forgot-password',
      {
        schema: {
          body: Type.Object({ _csrf: Type.String({ maxLength: 200 }), email: Type.String({ maxLength: 320 }) }),
        },
      },
      async (request, reply) => {
        const now = deps.now();
        const limit = await hitRateLimit(deps.db, `reset:${request.ip}`, RATE_LIMITS.reset, now);
        if (!limit.allowed) {
          return sendTooManyRequests(request, reply, limit.retryAfterSeconds);
        }
        const { mailer } = links;
        if (mailer) {
          // Not awaited: the answer must come as fast for an unknown address as for a known one.
          requestPasswordReset(
            deps.db,
            { mailer, baseUrl: links.baseUrl, locale },
            request.body.email,
            now,
            request.ip,
          ).catch((error) => request.log.error({ err: error }, 'could not send a password-reset email'));
        } else {
          request.log.warn('password reset asked, but SMTP_URL is not set: no email sent');
        }
        const ctx = pageContext(deps, request, locale);
        return sendHtml(reply, await (<ForgotPasswordPage ctx={ctx} csrf="" sent />));
      },
    );

    scope.post(
      '/admin/users',
      {
        schema: {
          body: Type.Object({
            _csrf: Type.String({ maxLength: 200 }),
            email: Type.String({ minLength: 3, maxLength: 320 }),
            role: Type.Union([Type.Literal('admin'), Type.Literal('editor'), Type.Literal('member')]),
            organization: Type.String({ maxLength: 200 }),
          }),
        },
      },
      async (request, reply) => {
        const user = currentUser(request);
        if (!user || !canManageUsers(user)) throw new Forbidden('Only the coalition admin manages accounts');
        const t = pageContext(deps, request, locale).t;
        if (!links.mailer) throw new Invalid('Email is not set up (SMTP_URL)', [], 'mailNotConfigured');
        const { email, role, organization } = request.body;
        const org = organization ? (await getOrganization(deps.db, organization)).organization : null;
        const ctx = { mailer: links.mailer, baseUrl: links.baseUrl, locale };
        const actor = { id: user.id, label: user.email };
        await inviteUser(deps.db, ctx, { email, role, organizationId: org?.id ?? null }, actor, deps.now());
        return renderUsersPage(deps, request, reply, locale, auth, { kind: 'done', text: t.invitationSent(email) });
      },
    );
  });
}
