/**
 * /{lang}/workspace/statements/:slug/recommendations… and …/quotes…: one recommendation or quote of a
 * statement, created, edited (a stale form comes back merged three ways) or deleted.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotFound } from '../../lib/errors.js';
import type { FastifyTypeBox } from '../../lib/fastify-typebox.js';
import type { Locale } from '../../lib/locales.js';
import { type SiteDeps, sendHtml } from '../../lib/site-deps.js';
import { type FormOutcome, saveForm, type WorkspaceRequest } from '../workspace/web.js';
import {
  type Form,
  FormBody,
  field,
  ItemParams,
  originalLocale,
  pair,
  rebaseTyped,
  SlugParams,
  seenVersion,
} from './form-input.js';
import { QuotePage, RecommendationPage } from './item-views.js';
import { asIds } from './ordered-picker.js';
import { createQuote, deleteQuote, getQuote, updateQuote } from './quote-service.js';
import { createRecommendation, deleteRecommendation, updateRecommendation } from './recommendation-service.js';
import { getStatementForEditing, registryChoices } from './workspace-read.js';

export type Guard = (request: FastifyRequest, reply: FastifyReply) => WorkspaceRequest | null;

function recommendationFields(body: Form, locale: Locale) {
  return {
    text: pair(body, 'text'),
    themeIds: asIds(body.themes),
    addresseeIds: asIds(body.addressees),
    originalLocale: originalLocale(body, locale),
  };
}

export function registerRecommendationPages(
  app: FastifyTypeBox,
  deps: SiteDeps,
  locale: Locale,
  root: string,
  guard: Guard,
) {
  const page = async (
    w: WorkspaceRequest,
    slug: string,
    id: number | null,
    typed: Form | undefined,
    outcome: FormOutcome,
  ) => {
    const [data, choices] = await Promise.all([
      getStatementForEditing(deps.db, slug, deps.now()),
      registryChoices(deps.db),
    ]);
    const index = id === null ? -1 : data.recommendations.findIndex((r) => r.id === id);
    if (id !== null && index < 0) throw new NotFound(`No recommendation ${id} in "${slug}"`);
    const current = index >= 0 ? data.recommendations[index]! : null;
    return RecommendationPage({
      ...w,
      statement: data.statement,
      choices,
      typed:
        typed && current && outcome.conflict ? rebaseTyped(typed, outcome.conflict, { text: current.text }) : typed,
      outcome,
      recommendation: index >= 0 ? data.recommendations[index]! : null,
      number: index + 1,
    }) as Promise<string>;
  };

  app.get(`${root}/:slug/recommendations/new`, { schema: { params: SlugParams } }, async (request, reply) => {
    const w = guard(request, reply);
    if (!w) return reply;
    return sendHtml(reply, await page(w, request.params.slug, null, undefined, {}));
  });
  app.get(`${root}/:slug/recommendations/:id`, { schema: { params: ItemParams } }, async (request, reply) => {
    const w = guard(request, reply);
    if (!w) return reply;
    return sendHtml(reply, await page(w, request.params.slug, request.params.id, undefined, {}));
  });
  app.post(
    `${root}/:slug/recommendations`,
    { schema: { params: SlugParams, body: FormBody } },
    async (request, reply) => {
      const w = guard(request, reply);
      if (!w) return reply;
      const { slug } = request.params;
      const body = request.body as Form;
      return saveForm(
        reply,
        w.ctx,
        async () => {
          await createRecommendation(
            deps.db,
            { ...recommendationFields(body, locale), statementSlug: slug },
            w.user,
            deps.now(),
          );
          return `${root}/${slug}#recommendations-title`;
        },
        (outcome) => page(w, slug, null, body, outcome),
      );
    },
  );
  app.post(
    `${root}/:slug/recommendations/:id`,
    { schema: { params: ItemParams, body: FormBody } },
    async (request, reply) => {
      const w = guard(request, reply);
      if (!w) return reply;
      const { slug, id } = request.params;
      const body = request.body as Form;
      return saveForm(
        reply,
        w.ctx,
        async () => {
          await updateRecommendation(
            deps.db,
            { ...recommendationFields(body, locale), id, version: seenVersion(body) },
            w.user,
            deps.now(),
          );
          return `${root}/${slug}#recommendations-title`;
        },
        (outcome) => page(w, slug, id, body, outcome),
      );
    },
  );
  app.post(
    `${root}/:slug/recommendations/:id/delete`,
    { schema: { params: ItemParams, body: FormBody } },
    async (request, reply) => {
      const w = guard(request, reply);
      if (!w) return reply;
      const { slug, id } = request.params;
      const body = request.body as Form;
      return saveForm(
        reply,
        w.ctx,
        async () => {
          await deleteRecommendation(deps.db, { id, version: seenVersion(body) }, w.user, deps.now());
          return `${root}/${slug}#recommendations-title`;
        },
        (outcome) => page(w, slug, id, undefined, outcome),
      );
    },
  );
}

export function registerQuotePages(app: FastifyTypeBox, deps: SiteDeps, locale: Locale, root: string, guard: Guard) {
  const page = async (
    w: WorkspaceRequest,
    slug: string,
    id: number | null,
    typed: Form | undefined,
    outcome: FormOutcome,
  ) => {
    const [data, choices] = await Promise.all([
      getStatementForEditing(deps.db, slug, deps.now()),
      registryChoices(deps.db),
    ]);
    const quote = id === null ? null : await getQuote(deps.db, id);
    if (quote && quote.statementId !== data.statement.id) throw new NotFound(`No quote ${id} in "${slug}"`);
    const merged =
      typed && quote && outcome.conflict
        ? rebaseTyped(typed, outcome.conflict, { text: quote.text }, { personId: String(quote.personId) })
        : typed;
    return QuotePage({ ...w, statement: data.statement, choices, typed: merged, outcome, quote }) as Promise<string>;
  };
  const quoteFields = (body: Form) => ({
    personId: Number(field(body, 'personId')) || 0,
    text: pair(body, 'text'),
    originalLocale: originalLocale(body, locale),
  });

  app.get(`${root}/:slug/quotes/new`, { schema: { params: SlugParams } }, async (request, reply) => {
    const w = guard(request, reply);
    if (!w) return reply;
    return sendHtml(reply, await page(w, request.params.slug, null, undefined, {}));
  });
  app.get(`${root}/:slug/quotes/:id`, { schema: { params: ItemParams } }, async (request, reply) => {
    const w = guard(request, reply);
    if (!w) return reply;
    return sendHtml(reply, await page(w, request.params.slug, request.params.id, undefined, {}));
  });
  app.post(`${root}/:slug/quotes`, { schema: { params: SlugParams, body: FormBody } }, async (request, reply) => {
    const w = guard(request, reply);
    if (!w) return reply;
    const { slug } = request.params;
    const body = request.body as Form;
    return saveForm(
      reply,
      w.ctx,
      async () => {
        await createQuote(deps.db, { ...quoteFields(body), statementSlug: slug }, w.user, deps.now());
        return `${root}/${slug}#quotes-title`;
      },
      (outcome) => page(w, slug, null, body, outcome),
    );
  });
  app.post(`${root}/:slug/quotes/:id`, { schema: { params: ItemParams, body: FormBody } }, async (request, reply) => {
    const w = guard(request, reply);
    if (!w) return reply;
    const { slug, id } = request.params;
    const body = request.body as Form;
    return saveForm(
      reply,
      w.ctx,
      async () => {
        await updateQuote(deps.db, { ...quoteFields(body), id, version: seenVersion(body) }, w.user, deps.now());
        return `${root}/${slug}#quotes-title`;
      },
      (outcome) => page(w, slug, id, body, outcome),
    );
  });
  app.post(
    `${root}/:slug/quotes/:id/delete`,
    { schema: { params: ItemParams, body: FormBody } },
    async (request, reply) => {
      const w = guard(request, reply);
      if (!w) return reply;
      const { slug, id } = request.params;
      const body = request.body as Form;
      return saveForm(
        reply,
        w.ctx,
        async () => {
          await deleteQuote(deps.db, { id, version: seenVersion(body) }, w.user, deps.now());
          return `${root}/${slug}#quotes-title`;
        },
        (outcome) => page(w, slug, id, undefined, outcome),
      );
    },
  );
}
