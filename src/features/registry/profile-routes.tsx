import { Type } from '@fastify/type-provider-typebox';
import { Forbidden } from '../../platform/errors.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import { type AuthOptions, csrfToken, currentUser } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { pageContext, type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { getEditableOrganization, updateBoilerplate } from './profile-service.js';
import { BoilerplateEditPage } from './profile-views.js';

const Params = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });

export function registerOrganizationEditRoutes(app: FastifyTypeBox, deps: SiteDeps, options: AuthOptions): void {
  for (const locale of LOCALES) {
    app.get(`/${locale}/organizations/:slug/boilerplate`, { schema: { params: Params } }, async (request, reply) => {
      const user = currentUser(request);
      if (!user) return reply.redirect(`/${locale}/sign-in`, 303);
      const organization = await getEditableOrganization(deps.db, request.params.slug, user);
      const ctx = pageContext(deps, request, locale);
      const csrf = csrfToken(request, reply, options);
      return sendHtml(reply, await (<BoilerplateEditPage ctx={ctx} csrf={csrf} organization={organization} />));
    });

    app.post(
      `/${locale}/organizations/:slug/boilerplate`,
      {
        schema: {
          params: Params,
          body: Type.Object({
            _csrf: Type.String({ maxLength: 200 }),
            version: Type.Integer({ minimum: 1 }),
            locale: Type.Union(LOCALES.map((l) => Type.Literal(l))),
            text: Type.String({ maxLength: 5000 }),
          }),
        },
      },
      async (request, reply) => {
        const user = currentUser(request);
        if (!user) throw new Forbidden('Sign in first');
        const { version, locale: textLocale, text } = request.body;
        await updateBoilerplate(
          deps.db,
          { slug: request.params.slug, locale: textLocale, text, version },
          user,
          deps.now(),
        );
        return reply.redirect(`/${locale}/organizations/${request.params.slug}`, 303);
      },
    );
  }
}
