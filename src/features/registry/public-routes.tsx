import { Type } from '@fastify/type-provider-typebox';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { localizedRoutes } from '../../platform/web/localized-routes.js';
import { PageQuery } from '../../platform/web/page-query.js';
import { pageContext, type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { keysetLinks, pageHref } from '../../ui/pager.js';
import { logosFor } from '../files/index.js';
import { getOrganization, listDirectory } from './public-service.js';
import { OrganizationPage, OrganizationsPage } from './public-views.js';

export function registerOrganizationRoutes(app: FastifyTypeBox, deps: SiteDeps): void {
  localizedRoutes(app, (scope, locale) => {
    scope.get('/organizations', { schema: { querystring: Type.Object(PageQuery) } }, async (request, reply) => {
      const page = await listDirectory(deps.db, locale, request.query);
      const logos = await logosFor(
        deps.db,
        page.items.map((o) => o.id),
      );
      const ctx = pageContext(deps, request, locale);
      const pager = keysetLinks(page, (cursor) => pageHref(`/${locale}/organizations`, {}, cursor));
      return sendHtml(
        reply,
        await (<OrganizationsPage ctx={ctx} organizations={page.items} logos={logos} pager={pager} />),
      );
    });

    scope.get(
      '/organizations/:slug',
      {
        schema: {
          params: Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) }),
          querystring: Type.Object(PageQuery),
        },
      },
      async (request, reply) => {
        const detail = await getOrganization(deps.db, request.params.slug, deps.now(), request.query);
        const logo = (await logosFor(deps.db, [detail.organization.id])).get(detail.organization.id) ?? null;
        const ctx = pageContext(deps, request, locale);
        const path = `/${locale}/organizations/${detail.organization.slug}`;
        const pager = keysetLinks(detail.statementsSigned, (cursor) => `${pageHref(path, {}, cursor)}#signed-heading`);
        return sendHtml(reply, await (<OrganizationPage ctx={ctx} detail={detail} logo={logo} pager={pager} />));
      },
    );
  });
}
