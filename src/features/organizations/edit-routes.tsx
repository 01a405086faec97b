import { Type } from '@fastify/type-provider-typebox';
import { Forbidden } from '../../lib/errors.js';
import type { FastifyTypeBox } from '../../lib/fastify-typebox.js';
import { LOCALES } from '../../lib/locales.js';
import { pageContext, type SiteDeps, sendHtml } from '../../lib/site-deps.js';
import { type AuthOptions, csrfToken, currentUser } from '../accounts/web.js';
import { getEditableOrganization, updateBoilerplate } from './edit-service.js';
import { BoilerplateEditPage } from './edit-views.js';

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
