/**
 * `/{lang}/unsubscribe/:token`: GET shows the page with its button; POST unsubscribes, from that button
 * or straight from a mail provider (RFC 8058 one-click: `List-Unsubscribe=One-Click`, no cookie, no
 * CSRF token: the route is exempt by name in platform/web/auth.ts). Never kept by the render cache
 * (not a public channel) and never stored by a browser or proxy: the URL is the recipient's key.
 */
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { localizedRoutes } from '../../platform/web/localized-routes.js';
import { hitRateLimit, RATE_LIMITS, sendTooManyRequests } from '../../platform/web/rate-limit.js';
import { pageContext, type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { unsubscribe, unsubscribeState } from './service.js';
import { UnsubscribePage } from './views.js';

const Params = Type.Object({ token: Type.String({ minLength: 10, maxLength: 600, pattern: '^[A-Za-z0-9_.-]+$' }) });

function private_(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer');
}

export function registerUnsubscribeRoutes(app: FastifyTypeBox, deps: SiteDeps): void {
  localizedRoutes(app, (scope, locale) => {
    scope.get('/unsubscribe/:token', { schema: { params: Params } }, async (request, reply) => {
      const limit = await hitRateLimit(deps.db, `unsubscribe:${request.ip}`, RATE_LIMITS.unsubscribe, deps.now());
      if (!limit.allowed) return sendTooManyRequests(request, reply, limit.retryAfterSeconds);
      const { email, suppressed } = await unsubscribeState(deps.db, request.params.token);
      const ctx = pageContext(deps, request, locale);
      const action = `/${locale}/unsubscribe/${request.params.token}`;
      const page = <UnsubscribePage ctx={ctx} email={email} action={action} state={suppressed ? 'already' : 'ask'} />;
      return sendHtml(private_(reply), await page);
    });

    scope.post(
      '/unsubscribe/:token',
      { schema: { params: Params }, config: { csrfExemptFor: 'rfc8058-one-click-unsubscribe' } },
      async (request, reply) => {
        const limit = await hitRateLimit(deps.db, `unsubscribe:${request.ip}`, RATE_LIMITS.unsubscribe, deps.now());
        if (!limit.allowed) return sendTooManyRequests(request, reply, limit.retryAfterSeconds);
        const { email } = await unsubscribe(deps.db, request.params.token, deps.now(), request.ip);
        const ctx = pageContext(deps, request, locale);
        return sendHtml(private_(reply), await (<UnsubscribePage ctx={ctx} email={email} action="" state="done" />));
      },
    );
  });
}
