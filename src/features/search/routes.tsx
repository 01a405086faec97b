import { Type } from '@fastify/type-provider-typebox';
import { Forbidden } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/feature.js';
import { canSeeUnpublished } from '../../platform/policy.js';
import type { UserRow } from '../../platform/sessions.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { localizedRoutes } from '../../platform/web/localized-routes.js';
import { hitRateLimit, RATE_LIMITS, sendTooManyRequests } from '../../platform/web/rate-limit.js';
import { pageContext, sendHtml } from '../../platform/web/site-deps.js';
import { workspaceRoutes } from '../../platform/web/workspace-request.js';
import { readSearchRequest } from './request.js';
import { search } from './service.js';
import { SearchResultsPage, WorkspaceSearchPage } from './views.js';

/**
 * The shape only: longer or odd values are read by `readSearchRequest`, which names what is wrong on
 * the page rather than answering a bare 404.
 */
const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 2000 })),
  kind: Type.Optional(Type.String({ maxLength: 200 })),
  theme: Type.Optional(Type.String({ maxLength: 200 })),
  year: Type.Optional(Type.String({ maxLength: 200 })),
  lang: Type.Optional(Type.String({ maxLength: 200 })),
  page: Type.Optional(Type.String({ maxLength: 200 })),
});

export function registerSearchRoutes(app: FastifyTypeBox, deps: AppDeps): void {
  localizedRoutes(app, (scope, locale) => {
    // Public and anonymous: kept by the render cache per address, and rate-limited per address before
    // the database searches (a kept page costs nothing and is not counted).
    scope.get('/search', { schema: { querystring: SearchQuery } }, async (request, reply) => {
      const now = deps.now();
      const input = readSearchRequest(request.query);
      if (input.q !== '') {
        const limit = await hitRateLimit(deps.db, `search:${request.ip}`, RATE_LIMITS.search, now);
        if (!limit.allowed) return sendTooManyRequests(request, reply, limit.retryAfterSeconds);
      }
      const page = await search(deps.db, input, locale, now);
      const ctx = pageContext(deps, request, locale);
      return sendHtml(reply, await (<SearchResultsPage ctx={ctx} page={page} />), input.problems.length ? 400 : 200);
    });
  });

  // Those who may see unpublished material (platform/policy.ts) find it here; anyone else is refused
  // (403) and uses the public search, which is the same for everyone.
  workspaceRoutes(app, { deps, auth: deps.auth, allow: unpublishedReaders }, (scope, locale) => {
    scope.get('/workspace/search', { schema: { querystring: SearchQuery } }, async (request, reply) => {
      const w = request.workspace;
      const input = readSearchRequest(request.query);
      const page = await search(deps.db, input, locale, deps.now(), 'unpublished');
      return sendHtml(reply, await (<WorkspaceSearchPage {...w} page={page} />), input.problems.length ? 400 : 200);
    });
  });
}

function unpublishedReaders(user: UserRow): void {
  if (!canSeeUnpublished(user)) throw new Forbidden('The workspace search is for editors and the admin');
}
