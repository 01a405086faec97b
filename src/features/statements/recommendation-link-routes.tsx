/**
 * /{lang}/workspace/statements/:slug/recommendations/:id/links…: add a link from the recommendation to
 * one it echoes (or Find, which draws the page again with the search's results, saving nothing), and
 * remove a link either way. Statement editors only (the scope's `editorsOnly`, and the services' policy).
 */
import { Invalid } from '../../platform/errors.js';
import { isFindPost } from '../../platform/forms/choice-limits.js';
import { FlatFormBody, type Form, field, ItemParams, rowId } from '../../platform/forms/form-body.js';
import { fieldErrors } from '../../platform/forms/validation.js';
import type { Locale } from '../../platform/i18n/locales.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { redirectSaved } from '../../platform/web/workspace-request.js';
import { statementBySlug } from './edit-service.js';
import { recommendationPage } from './item-routes.js';
import { linkRecommendationIds, unlinkRecommendationIds } from './recommendation-links.js';
import { recommendationForEditing } from './workspace-read.js';

export function registerRecommendationLinkRoutes(scope: FastifyTypeBox, deps: SiteDeps, locale: Locale, path: string) {
  const page = recommendationPage(deps);
  const base = `${path}/:slug/recommendations/:id/links`;
  /** The recommendation in the address, refused (404) when it is not that statement's. */
  const target = async (slug: string, id: number) =>
    recommendationForEditing(deps.db, (await statementBySlug(deps.db, slug)).id, id);
  const pageOf = (slug: string, id: number) => `/${locale}${path}/${slug}/recommendations/${id}#links`;

  scope.post(base, { schema: { params: ItemParams, body: FlatFormBody } }, async (request, reply) => {
    const w = request.workspace;
    const { slug, id } = request.params;
    const body = request.body as Form;
    const recommendation = await target(slug, id);
    const chosen = rowId(field(body, 'echoes'));
    const find = field(body, 'find-link').slice(0, 100);
    if (isFindPost(body)) {
      return sendHtml(reply, await page(w, slug, id, undefined, {}, { find, chosen, errors: {} }));
    }
    try {
      await linkRecommendationIds(deps.db, w.user, recommendation.id, chosen, deps.now());
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      const errors = fieldErrors(error.problems, w.ctx.t);
      return sendHtml(reply, await page(w, slug, id, undefined, {}, { find, chosen, errors }), 400);
    }
    return redirectSaved(reply, pageOf(slug, id));
  });

  scope.post(`${base}/remove`, { schema: { params: ItemParams, body: FlatFormBody } }, async (request, reply) => {
    const w = request.workspace;
    const { slug, id } = request.params;
    const body = request.body as Form;
    const recommendation = await target(slug, id);
    const other = rowId(field(body, 'other'));
    if (other !== null) {
      // This page's recommendation is the echoing side of an "echoes" link, the echoed side of the other.
      const [echoing, echoed] =
        field(body, 'direction') === 'echoed-by' ? [other, recommendation.id] : [recommendation.id, other];
      await unlinkRecommendationIds(deps.db, w.user, echoing, echoed, deps.now());
    }
    return redirectSaved(reply, pageOf(slug, id));
  });
}
