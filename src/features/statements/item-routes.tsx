/**
 * /{lang}/workspace/statements/:slug/recommendations… and …/quotes…: one recommendation or quote of a
 * statement, created, edited (a stale form comes back merged three ways) or deleted.
 */
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isFindPost } from '../../platform/forms/choice-limits.js';
import type { Form } from '../../platform/forms/form-body.js';
import {
  FormBody,
  field,
  ItemParams,
  originalLocale,
  pair,
  rowId,
  SlugParams,
  seenVersion,
} from '../../platform/forms/form-body.js';
import type { FieldErrors } from '../../platform/forms/validation.js';
import type { Locale } from '../../platform/i18n/locales.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { type FormOutcome, saveForm, type WorkspaceRequest } from '../../platform/web/workspace-request.js';
import { statementBySlug } from './edit-service.js';
import { rebaseTyped } from './form-input.js';
import { QuotePage, RecommendationPage } from './item-views.js';
import { asIds } from './ordered-picker.js';
import { createQuote, deleteQuote, getQuote, updateQuote } from './quote-service.js';
import type { LinksState } from './recommendation-link-views.js';
import { linksForEditing, recommendationsToLink } from './recommendation-links.js';
import { createRecommendation, deleteRecommendation, updateRecommendation } from './recommendation-service.js';
import { recommendationForEditing, registryChoices } from './workspace-read.js';

/** How page-forms.ts gets a post's signed-in editor (in a signed-in scope: `request.workspace`). */
export type Guard = (request: FastifyRequest, reply: FastifyReply) => WorkspaceRequest | null;

function recommendationFields(body: Form, locale: Locale) {
  return {
    text: pair(body, 'text'),
    themeIds: asIds(body.themes),
    addresseeIds: asIds(body.addressees),
    originalLocale: originalLocale(body, locale),
  };
}

/** What the links section shows after a Find or a refused add: the search, the pick, the messages. */
export interface LinkInput {
  find: string;
  chosen: number | null;
  errors: FieldErrors;
}

/** A recommendation's workspace page (its form, then its links), for its own routes and the links' routes. */
export function recommendationPage(deps: SiteDeps) {
  return async (
    w: WorkspaceRequest,
    slug: string,
    id: number | null,
    typed: Form | undefined,
    outcome: FormOutcome,
    link: LinkInput = { find: '', chosen: null, errors: {} },
  ): Promise<string> => {
    // The statement's row and this one recommendation (with its number), not all of its recommendations.
    const [statement, choices] = await Promise.all([statementBySlug(deps.db, slug), registryChoices(deps.db)]);
    const current = id === null ? null : await recommendationForEditing(deps.db, statement.id, id);
    const links = current ? await linksState(deps, statement.id, current.id, link) : undefined;
    return RecommendationPage({
      links,
      ...w,
      statement,
      choices,
      typed:
        typed && current && outcome.conflict ? rebaseTyped(typed, outcome.conflict, { text: current.text }) : typed,
      outcome,
      recommendation: current,
      number: current?.number ?? 0,
    }) as Promise<string>;
  };
}

async function linksState(deps: SiteDeps, statementId: number, id: number, link: LinkInput): Promise<LinksState> {
  const [linked, choices] = await Promise.all([
    linksForEditing(deps.db, id),
    recommendationsToLink(deps.db, { statementId, chosen: link.chosen === null ? [] : [link.chosen], find: link.find }),
  ]);
  return {
    ...linked,
    choices: choices.rows,
    search: { find: link.find, more: choices.more, offered: choices.offered },
    chosen: link.chosen,
    errors: link.errors,
  };
}

export function registerRecommendationPages(scope: FastifyTypeBox, deps: SiteDeps, locale: Locale, path: string) {
  const build = recommendationPage(deps);
  const page: ItemPage = (w, slug, id, typed, outcome) => build(w, slug, id, typed, outcome);

  registerItemRoutes(scope, locale, path, {
    path: 'recommendations',
    page,
    create: (body, slug, user) =>
      createRecommendation(deps.db, { ...recommendationFields(body, locale), statementSlug: slug }, user, deps.now()),
    update: (body, statementSlug, id, user) =>
      updateRecommendation(
        deps.db,
        { ...recommendationFields(body, locale), statementSlug, id, version: seenVersion(body) },
        user,
        deps.now(),
      ),
    remove: (body, statementSlug, id, user) =>
      deleteRecommendation(deps.db, { statementSlug, id, version: seenVersion(body) }, user, deps.now()),
  });
}

export function registerQuotePages(scope: FastifyTypeBox, deps: SiteDeps, locale: Locale, path: string) {
  const page: ItemPage = async (w, slug, id, typed, outcome, find = '') => {
    const quote = id === null ? null : await getQuote(deps.db, slug, id);
    const chosen = [quote?.personId, rowId(typed ? field(typed, 'personId') : '')].filter((n) => typeof n === 'number');
    // A quote's page needs the statement's row only, not its recommendations (hundreds, with their links).
    const [statement, choices] = await Promise.all([
      statementBySlug(deps.db, slug),
      registryChoices(deps.db, { people: { chosen, find } }),
    ]);
    const merged =
      typed && quote && outcome.conflict
        ? rebaseTyped(typed, outcome.conflict, { text: quote.text }, { personId: String(quote.personId) })
        : typed;
    return QuotePage({
      ...w,
      statement,
      choices,
      typed: merged,
      outcome,
      quote,
      find,
    }) as Promise<string>;
  };
  const quoteFields = (body: Form) => ({
    personId: rowId(field(body, 'personId')) ?? 0,
    text: pair(body, 'text'),
    originalLocale: originalLocale(body, locale),
  });

  registerItemRoutes(scope, locale, path, {
    path: 'quotes',
    page,
    create: (body, slug, user) => createQuote(deps.db, { ...quoteFields(body), statementSlug: slug }, user, deps.now()),
    update: (body, statementSlug, id, user) =>
      updateQuote(deps.db, { ...quoteFields(body), statementSlug, id, version: seenVersion(body) }, user, deps.now()),
    remove: (body, statementSlug, id, user) =>
      deleteQuote(deps.db, { statementSlug, id, version: seenVersion(body) }, user, deps.now()),
  });
}

type ItemPage = (
  w: WorkspaceRequest,
  slug: string,
  id: number | null,
  typed: Form | undefined,
  outcome: FormOutcome,
  /** The words the quote's person search looks for ('' for none). */
  find?: string,
) => Promise<string>;

/** An item page's query: a quote's person is searched by name (`?find-person=`). */
const FindQuery = Type.Object({ 'find-person': Type.Optional(Type.String({ maxLength: 100 })) });

/** What differs between a statement's recommendations and its quotes; the routes around them are the same. */
interface ItemRoutes {
  /** URL segment, and the id of the statement page's section to return to (`${path}-title`). */
  path: 'recommendations' | 'quotes';
  page: ItemPage;
  create(body: Form, slug: string, user: WorkspaceRequest['user']): Promise<unknown>;
  /** Saving and deleting find the item under the statement in the address (statementItem()). */
  update(body: Form, statementSlug: string, id: number, user: WorkspaceRequest['user']): Promise<unknown>;
  remove(body: Form, statementSlug: string, id: number, user: WorkspaceRequest['user']): Promise<unknown>;
}

/**
 * New, edit, create, save and delete for one kind of item under `{path}/:slug` (in a signed-in locale
 * scope); a failed save shows the form again (saveForm).
 */
function registerItemRoutes(scope: FastifyTypeBox, locale: Locale, path: string, item: ItemRoutes) {
  const base = `${path}/:slug/${item.path}`;
  const back = (slug: string) => `/${locale}${path}/${slug}#${item.path}-title`;
  scope.get(`${base}/new`, { schema: { params: SlugParams, querystring: FindQuery } }, async (request, reply) => {
    const w = request.workspace;
    const find = request.query['find-person'] ?? '';
    return sendHtml(reply, await item.page(w, request.params.slug, null, undefined, {}, find));
  });
  scope.get(`${base}/:id`, { schema: { params: ItemParams, querystring: FindQuery } }, async (request, reply) => {
    const w = request.workspace;
    const find = request.query['find-person'] ?? '';
    return sendHtml(reply, await item.page(w, request.params.slug, request.params.id, undefined, {}, find));
  });
  scope.post(base, { schema: { params: SlugParams, body: FormBody } }, async (request, reply) => {
    const w = request.workspace;
    const { slug } = request.params;
    const body = request.body as Form;
    // Find (a picker's search) draws the form again as typed, with what it found: nothing is saved.
    if (isFindPost(body)) return sendHtml(reply, await item.page(w, slug, null, body, {}, field(body, 'find-person')));
    return saveForm(
      reply,
      w.ctx,
      async () => {
        await item.create(body, slug, w.user);
        return back(slug);
      },
      (outcome) => item.page(w, slug, null, body, outcome),
    );
  });
  /** Saving and deleting one item; a failed save shows its form again, as typed (a failed delete, as stored). */
  const itemPost = (
    suffix: '' | '/delete',
    run: (body: Form, statementSlug: string, id: number, user: WorkspaceRequest['user']) => Promise<unknown>,
    keepTyped: boolean,
  ) =>
    scope.post(`${base}/:id${suffix}`, { schema: { params: ItemParams, body: FormBody } }, async (request, reply) => {
      const w = request.workspace;
      const { slug, id } = request.params;
      const body = request.body as Form;
      if (keepTyped && isFindPost(body))
        return sendHtml(reply, await item.page(w, slug, id, body, {}, field(body, 'find-person')));
      return saveForm(
        reply,
        w.ctx,
        async () => {
          await run(body, slug, id, w.user);
          return back(slug);
        },
        (outcome) => item.page(w, slug, id, keepTyped ? body : undefined, outcome),
      );
    });
  itemPost('', item.update, true);
  itemPost('/delete', item.remove, false);
}
