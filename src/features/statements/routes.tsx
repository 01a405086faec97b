import { Type } from '@fastify/type-provider-typebox';
import type { StatementPageSection } from '../../platform/feature.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { localizedRoutes } from '../../platform/web/localized-routes.js';
import { PageQuery } from '../../platform/web/page-query.js';
import { pageContext, type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { keysetLinks, pageHref } from '../../ui/pager.js';
import { documentOf } from '../files/index.js';
import { StatementPageQuery, statementListCursors, statementPagers } from './page-links.js';
import { getPublicRecommendation, getPublicStatementPage } from './page-service.js';
import { followsReviews, listPublicStatements } from './service.js';
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
    scope.get(
      '/',
      { prefixTrailingSlash: 'slash', schema: { querystring: Type.Object(PageQuery) } },
      async (request, reply) => {
        const now = deps.now();
        const [page, reviews] = await Promise.all([
          listPublicStatements(deps.db, now, request.query),
          followsReviews(deps.db, now),
        ]);
        const pager = keysetLinks(page, (cursor) => pageHref(`/${locale}/`, {}, cursor));
        const ctx = pageContext(deps, request, locale);
        return sendHtml(
          reply,
          await (<HomePage ctx={ctx} items={page.items} pager={pager} followsReviews={reviews} />),
        );
      },
    );

    // `?theme=<slug>`: only that theme's recommendations (a link on the page, so no JavaScript is needed).
    // `?after=`/`?before=` page the recommendations, `?signatories-after=`/`-before=` the signatories.
    scope.get(
      '/statements/:slug',
      {
        schema: {
          params: Type.Object({ slug: Slug }),
          querystring: Type.Object({
            theme: Type.Optional(Type.String({ maxLength: 200 })),
            ...StatementPageQuery,
          }),
        },
      },
      async (request, reply) => {
        const query = request.query;
        const theme = query.theme?.trim() || null;
        const detail = await getPublicStatementPage(deps.db, request.params.slug, deps.now(), {
          theme,
          ...statementListCursors(query),
        });
        const document = await documentOf(deps.db, detail.statement.id);
        const ctx = pageContext(deps, request, locale);
        const extra = await Promise.all(sections.map((section) => section(deps, ctx, detail.statement.id)));
        // Each list's links keep the other list's place and the theme filter.
        const path = `/${locale}/statements/${detail.statement.slug}`;
        const kept = { ...query, theme: theme ?? undefined };
        const pagers = statementPagers(path, kept, detail);
        return sendHtml(
          reply,
          await (
            <StatementPage
              ctx={ctx}
              detail={detail}
              pagers={pagers}
              sections={extra}
              document={document}
              theme={theme}
            />
          ),
        );
      },
    );

    scope.get(
      '/statements/:slug/recommendations/:recommendation',
      { schema: { params: Type.Object({ slug: Slug, recommendation: Slug }) } },
      async (request, reply) => {
        const { slug, recommendation } = request.params;
        const found = await getPublicRecommendation(deps.db, slug, recommendation, deps.now());
        const ctx = pageContext(deps, request, locale);
        return sendHtml(reply, await (<RecommendationPage ctx={ctx} found={found} />));
      },
    );
  });
}
