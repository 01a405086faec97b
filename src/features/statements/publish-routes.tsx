import { Type } from '@fastify/type-provider-typebox';
import { Forbidden } from '../../lib/errors.js';
import type { FastifyTypeBox } from '../../lib/fastify-typebox.js';
import { LOCALES } from '../../lib/locales.js';
import type { SiteDeps } from '../../lib/site-deps.js';
import { currentUser } from '../accounts/web.js';
import { changePublication } from './publish-service.js';

const Params = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });
const Body = Type.Object({
  _csrf: Type.String({ maxLength: 200 }),
  version: Type.Integer({ minimum: 1 }),
  /** ISO 8601 instant, with `publish` only; empty means no embargo. */
  embargoUntil: Type.Optional(Type.Union([Type.Literal(''), Type.String({ format: 'date-time', maxLength: 40 })])),
});

export function registerStatementPublishRoutes(app: FastifyTypeBox, deps: SiteDeps): void {
  for (const locale of LOCALES) {
    for (const action of ['publish', 'unpublish', 'withdraw'] as const) {
      app.post(
        `/${locale}/statements/:slug/${action}`,
        { schema: { params: Params, body: Body } },
        async (request, reply) => {
          const user = currentUser(request);
          if (!user) throw new Forbidden('Sign in first');
          const { version, embargoUntil } = request.body;
          const input = {
            slug: request.params.slug,
            action,
            version,
            embargoUntil: action === 'publish' && embargoUntil ? new Date(embargoUntil) : null,
          };
          await changePublication(deps.db, input, user, deps.now());
          return reply.redirect(`/${locale}/account`, 303);
        },
      );
    }
  }
}
