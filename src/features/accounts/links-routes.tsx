import { Type } from '@fastify/type-provider-typebox';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.js';
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
import { renderUsersPage, sendHandOverLink } from './users-routes.js';

export function registerLinkRoutes(app: FastifyTypeBox, deps: SiteDeps, auth: AuthOptions, links: LinkOptions): void {
  localizedRoutes(app, (scope, locale) => {
    scope.get('/forgot-password', async (request, reply) => {
      const csrf = csrfToken(request, reply, auth);
      const ctx = pageContext(deps, request, locale);
      return sendHtml(reply, await (<ForgotPasswordPage ctx={ctx} csrf={csrf} canEmail={links.sendsMail} />));
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
        if (links.sendsMail) {
          // Not awaited: the answer must come as fast for an unknown address as for a known one.
          requestPasswordReset(
            deps.db,
            { sendsMail: true, baseUrl: links.baseUrl, locale },
            request.body.email,
            now,
            request.ip,
          ).catch((error) => request.log.error({ err: error }, 'could not send a password-reset email'));
        } else {
          request.log.warn('password reset asked, but SMTP_URL is not set: no email sent');
        }
        const ctx = pageContext(deps, request, locale);
        return sendHtml(reply, await (<ForgotPasswordPage ctx={ctx} csrf="" canEmail={links.sendsMail} sent />));
      },
    );

    scope.post(
      '/admin/users',
      {
        schema: {
          body: Type.Object({
            _csrf: Type.String({ maxLength: 200 }),
            // No minimum: a short or empty address is the service's to refuse, with the form kept.
            email: Type.String({ maxLength: 320 }),
            role: Type.Union([Type.Literal('admin'), Type.Literal('editor'), Type.Literal('member')]),
            organization: Type.String({ maxLength: 200 }),
          }),
        },
      },
      async (request, reply) => {
        const user = currentUser(request);
        if (!user || !canManageUsers(user)) throw new Forbidden('Only the coalition admin manages accounts');
        const ctx = pageContext(deps, request, locale);
        const { t } = ctx;
        const { email, role, organization } = request.body;
        const canEmail = links.sendsMail;
        // A refusal shows the form again with what was typed, and says which field to fix.
        const refuse = (text: string) =>
          renderUsersPage(deps, request, reply, locale, auth, {
            canEmail,
            notice: { kind: 'error', text },
            typed: { email, role, organization },
          });
        let organizationId: number | null = null;
        if (organization) {
          try {
            organizationId = (await getOrganization(deps.db, organization, deps.now())).organization.id;
          } catch (error) {
            if (error instanceof NotFound) return refuse(t.accountsInviteUnknownOrganization);
            throw error;
          }
        }
        const linkContext = { sendsMail: links.sendsMail, baseUrl: links.baseUrl, locale };
        const actor = { id: user.id, label: user.email };
        let invited: Awaited<ReturnType<typeof inviteUser>>;
        try {
          invited = await inviteUser(deps.db, linkContext, { email, role, organizationId }, actor, deps.now());
        } catch (error) {
          if (error instanceof Conflict) return refuse(t.accountsInviteEmailTaken(email.trim()));
          if (!(error instanceof Invalid)) throw error;
          const field = error.problems[0]?.field;
          return refuse(field === 'email' ? t.accountsInviteEmailInvalid : t.accountsMemberNeedsOrganization);
        }
        const { delivery } = invited;
        if (delivery.mailed) {
          return renderUsersPage(deps, request, reply, locale, auth, {
            canEmail,
            notice: { kind: 'done', text: t.invitationSent(invited.user.email) },
          });
        }
        const made = { email: invited.user.email, userId: invited.user.id, link: delivery.link, renewed: false };
        return sendHandOverLink(reply, ctx, made);
      },
    );
  });
}
