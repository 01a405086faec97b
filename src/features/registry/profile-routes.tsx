import { Type } from '@fastify/type-provider-typebox';
import { RowNumber } from '../../platform/forms/form-body.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import type { AuthOptions } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { localizedRoutes } from '../../platform/web/localized-routes.js';
import { type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { signedInRoutes } from '../../platform/web/workspace-request.js';
import { getEditableOrganization, updateBoilerplate } from './profile-service.js';
import { BoilerplateEditPage } from './profile-views.js';

const Params = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });

export function registerOrganizationEditRoutes(app: FastifyTypeBox, deps: SiteDeps, options: AuthOptions): void {
  localizedRoutes(app, (scope, locale) => {
    signedInRoutes(scope, { deps, auth: options }, (guarded) =>
      guarded.get('/organizations/:slug/boilerplate', { schema: { params: Params } }, async (request, reply) => {
        const { user, ctx, csrf } = request.workspace;
        const organization = await getEditableOrganization(deps.db, request.params.slug, user);
        return sendHtml(reply, await (<BoilerplateEditPage ctx={ctx} csrf={csrf} organization={organization} />));
      }),
    );

    // Sent by the page above: without a session, a refusal (403) rather than a redirect.
    signedInRoutes(scope, { deps, auth: options, signedOut: 'refuse' }, (guarded) =>
      guarded.post(
        '/organizations/:slug/boilerplate',
        {
          schema: {
            params: Params,
            body: Type.Object({
              _csrf: Type.String({ maxLength: 200 }),
              version: RowNumber,
              locale: Type.Union(LOCALES.map((l) => Type.Literal(l))),
              text: Type.String({ maxLength: 5000 }),
            }),
          },
        },
        async (request, reply) => {
          const { user } = request.workspace;
          const { version, locale: textLocale, text } = request.body;
          await updateBoilerplate(
            deps.db,
            { slug: request.params.slug, locale: textLocale, text, version },
            user,
            deps.now(),
          );
          return reply.redirect(`/${locale}/organizations/${request.params.slug}`, 303);
        },
      ),
    );
  });
}
