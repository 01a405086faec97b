import { Type } from '@fastify/type-provider-typebox';
import { Forbidden } from '../../lib/errors.js';
import type { FastifyTypeBox } from '../../lib/fastify-typebox.js';
import { LOCALES } from '../../lib/locales.js';
import type { SiteDeps } from '../../lib/site-deps.js';
import { currentUser } from '../accounts/web.js';
import { setStatementStatus } from './publish-service.js';

const Params = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });
const Body = Type.Object({ _csrf: Type.String({ maxLength: 200 }), version: Type.Integer({ minimum: 1 }) });

export function registerStatementPublishRoutes(app: FastifyTypeBox, deps: SiteDeps): void {
  for (const locale of LOCALES) {
    for (const [action, status] of [
      ['publish', 'published'],
      ['unpublish', 'draft'],
    ] as const) {
      app.post(
        `/${locale}/statements/:slug/${action}`,
        { schema: { params: Params, body: Body } },
        async (request, reply) => {
          const user = currentUser(request);
          if (!user) throw new Forbidden('Sign in first');
          const input = { slug: request.params.slug, status, version: request.body.version };
          await setStatementStatus(deps.db, input, user, deps.now());
          return reply.redirect(`/${locale}/account`, 303);
        },
      );
    }
  }
}
