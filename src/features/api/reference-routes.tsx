import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { localizedRoutes } from '../../platform/web/localized-routes.js';
import type { SiteDeps } from '../../platform/web/site-deps.js';
import { pageContext, sendHtml } from '../../platform/web/site-deps.js';
import { ApiReferencePage } from './reference-views.js';
import type { OpenApiSource } from './routes.js';

/** `/{lang}/api`: the reference page, in the reader's language, from the same document the API serves. */
export function registerApiReferenceRoutes(app: FastifyTypeBox, deps: SiteDeps, document: OpenApiSource): void {
  localizedRoutes(app, (scope, locale) => {
    scope.get('/api', async (request, reply) => {
      const ctx = pageContext(deps, request, locale);
      return sendHtml(reply, await (<ApiReferencePage ctx={ctx} document={document()} />));
    });
  });
}
