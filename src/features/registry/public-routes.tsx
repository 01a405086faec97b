import { Type } from '@fastify/type-provider-typebox';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { localizedRoutes } from '../../platform/web/localized-routes.js';
import { pageContext, type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { logosFor } from '../files/index.js';
import { getOrganization, listDirectory } from './public-service.js';
import { OrganizationPage, OrganizationsPage } from './public-views.js';

export function registerOrganizationRoutes(app: FastifyTypeBox, deps: SiteDeps): void {
  localizedRoutes(app, (scope, locale) => {
    scope.get('/organizations', async (request, reply) => {
      const organizations = await listDirectory(deps.db, locale);
      const logos = await logosFor(
        deps.db,
        organizations.map((o) => o.id),
      );
      const ctx = pageContext(deps, request, locale);
      return sendHtml(reply, await (<OrganizationsPage ctx={ctx} organizations={organizations} logos={logos} />));
    });

    scope.get(
      '/organizations/:slug',
      { schema: { params: Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) }) } },
      async (request, reply) => {
        const detail = await getOrganization(deps.db, request.params.slug, deps.now());
        const logo = (await logosFor(deps.db, [detail.organization.id])).get(detail.organization.id) ?? null;
        const ctx = pageContext(deps, request, locale);
        return sendHtml(reply, await (<OrganizationPage ctx={ctx} detail={detail} logo={logo} />));
      },
    );
  });
}
