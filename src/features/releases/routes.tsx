import { Type } from '@fastify/type-provider-typebox';
import { canEditRelease } from '../../platform/policy.js';
import { currentUser } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { localizedRoutes } from '../../platform/web/localized-routes.js';
import { PageQuery } from '../../platform/web/page-query.js';
import { pageContext, type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { keysetLinks, pageHref } from '../../ui/pager.js';
import { logosFor } from '../files/index.js';
import { cachedDownload, downloadKey } from './download-cache.js';
import { lintWithStore } from './lint-results.js';
import { CONTENT_TYPES, writeFormat } from './render.js';
import { buildRenderModel, gapMessage } from './render-model.js';
import { getPublicRelease, listPublicReleases } from './service.js';
import { DOWNLOAD_FORMATS, NewsroomPage, ReleasePage } from './views.js';

const Slug = Type.String({ minLength: 1, maxLength: 200 });
const DownloadParams = Type.Object({
  slug: Slug,
  format: Type.Union(DOWNLOAD_FORMATS.map((f) => Type.Literal(f))),
});
/** Letter by default (the seed coalition's U.S. press list); A4 for everyone else. */
const DownloadQuery = Type.Object({ size: Type.Optional(Type.Union([Type.Literal('letter'), Type.Literal('a4')])) });

export function registerReleaseRoutes(app: FastifyTypeBox, deps: SiteDeps): void {
  localizedRoutes(app, (scope, locale) => {
    scope.get('/releases', { schema: { querystring: Type.Object(PageQuery) } }, async (request, reply) => {
      const page = await listPublicReleases(deps.db, deps.now(), { request: request.query });
      const pager = keysetLinks(page, (cursor) => pageHref(`/${locale}/releases`, {}, cursor));
      const ctx = pageContext(deps, request, locale);
      return sendHtml(reply, await (<NewsroomPage ctx={ctx} releases={page.items} pager={pager} />));
    });

    scope.get('/releases/:slug', { schema: { params: Type.Object({ slug: Slug }) } }, async (request, reply) => {
      const source = await getPublicRelease(deps.db, request.params.slug, deps.now());
      const model = buildRenderModel(source, locale, { baseUrl: deps.baseUrl });
      const ctx = pageContext(deps, request, locale);
      // What is missing is editors' business; the public sees the release as it renders.
      const editor = canEditRelease(currentUser(request));
      const gaps = editor ? model.gaps.map((gap) => gapMessage(gap, ctx.t)) : [];
      const findings = editor ? await lintWithStore(deps.db, source, deps.now()) : [];
      const logoMap = await logosFor(
        deps.db,
        source.boilerplates.map((o) => o.id),
      );
      const logos = source.boilerplates.flatMap((o, i) => {
        const logo = logoMap.get(o.id);
        return logo ? [{ name: model.organizations[i] ?? o.name, logo }] : [];
      });
      return sendHtml(reply, await (<ReleasePage ctx={ctx} m={model} gaps={gaps} findings={findings} logos={logos} />));
    });

    scope.get(
      '/releases/:slug/release.:format',
      { schema: { params: DownloadParams, querystring: DownloadQuery } },
      async (request, reply) => {
        const { slug, format } = request.params;
        // The same visibility rule as the page: an embargoed release has no downloads either.
        const source = await getPublicRelease(deps.db, slug, deps.now());
        const model = buildRenderModel(source, locale, { baseUrl: deps.baseUrl });
        const pageSize = request.query.size === 'a4' ? 'A4' : 'LETTER';
        const key = downloadKey(model, format, pageSize);
        // Weak: instances that wrote the same content separately differ in the PDF's creation time only.
        const etag = `W/"${key}"`;
        // Freshness for shared caches is the render cache's, as for the release's page.
        reply.header('etag', etag);
        const known = String(request.headers['if-none-match'] ?? '').split(',');
        if (known.some((tag) => tag.trim() === etag)) return reply.code(304).send();
        const body = await cachedDownload(deps.db, key, () => writeFormat(model, format, pageSize));
        return reply
          .type(CONTENT_TYPES[format])
          .header('content-disposition', `attachment; filename="${slug}-${locale}.${format}"`)
          .send(body);
      },
    );
  });
}
