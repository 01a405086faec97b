import { Type } from '@fastify/type-provider-typebox';
import type { StatementPageSection } from '../../platform/feature.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { localizedRoutes } from '../../platform/web/localized-routes.js';
import { pageContext, type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { documentOf } from '../files/index.js';
import { findRecommendation, getPublicStatement, listPublicStatements } from './service.js';
import { HomePage, RecommendationPage, StatementPage } from './views.js';

const Slug = Type.String({ minLength: 1, maxLength: 200 });

/** `sections`: what other features add to a statement's page (a release list), from their manifests. */
export function registerStatementRoutes(
  app: FastifyTypeBox,
  deps: SiteDeps,
  sections: readonly StatementPageSection[] = [],
): void {
  localizedRoutes(app, (scope, locale) => {
    // `/en/`, not `/en`, in the route table (either address answers: ignoreTrailingSlash).
    scope.get('/', { prefixTrailingSlash: 'slash' }, async (request, reply) => {
      const items = await listPublicStatements(deps.db, deps.now());
      return sendHtml(reply, await (<HomePage ctx={pageContext(deps, request, locale)} items={items} />));
    });

    // `?theme=<slug>`: only that theme's recommendations (a link on the page, so no JavaScript is needed).
    scope.get(
      '/statements/:slug',
      {
        schema: {
          params: Type.Object({ slug: Slug }),
          querystring: Type.Object({ theme: Type.Optional(Type.String({ maxLength: 200 })) }),
        },
      },
      async (request, reply) => {
        const detail = await getPublicStatement(deps.db, request.params.slug, deps.now());
        const document = await documentOf(deps.db, detail.statement.id);
        const ctx = pageContext(deps, request, locale);
        const extra = await Promise.all(sections.map((section) => section(deps, ctx, detail.statement.id)));
        const theme = request.query.theme?.trim() || null;
        return sendHtml(
          reply,
          await (<StatementPage ctx={ctx} detail={detail} sections={extra} document={document} theme={theme} />),
        );
      },
    );

    scope.get(
      '/statements/:slug/recommendations/:recommendation',
      { schema: { params: Type.Object({ slug: Slug, recommendation: Slug }) } },
      async (request, reply) => {
        const detail = await getPublicStatement(deps.db, request.params.slug, deps.now());
        const recommendation = findRecommendation(detail, request.params.recommendation);
        const ctx = pageContext(deps, request, locale);
        return sendHtml(
          reply,
          await (<RecommendationPage ctx={ctx} detail={detail} recommendation={recommendation} />),
        );
      },
    );
  });
}
