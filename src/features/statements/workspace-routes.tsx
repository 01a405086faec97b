/**
 * /{lang}/workspace/statements…: editors' pages for statements, their recommendations and quotes.
 * Every save goes through saveForm (platform/web/workspace-request.ts): 303 on success; the same page with messages
 * next to the fields (400) or with the other editor's change above the typed text (409) otherwise.
 */
import { Type } from '@fastify/type-provider-typebox';
import type { PageRequest } from '../../platform/db/keyset.js';
import * as t from '../../platform/db/schema/index.js';
import { Forbidden } from '../../platform/errors.js';
import {
  type Form,
  FormBody,
  field,
  ItemParams,
  originalLocale,
  PageCursorQuery,
  pair,
  SlugParams,
  seenVersion,
} from '../../platform/forms/form-body.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { canEditStatement } from '../../platform/policy.js';
import type { UserRow } from '../../platform/sessions.js';
import { isVisibilityState } from '../../platform/visibility.js';
import type { AuthOptions } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { saveForm, type WorkspaceRequest, workspaceRoutes } from '../../platform/web/workspace-request.js';
import { pageHref } from '../../ui/pager.js';
import {
  createStatement,
  deleteStatement,
  type StatementFields,
  setSignatories,
  setStatementAddressees,
  updateStatement,
} from './edit-service.js';
import { registerQuotePages, registerRecommendationPages } from './item-routes.js';
import { readPicked } from './ordered-picker.js';
import { type FailedForm, pageFormPoster } from './page-forms.js';
import { registerRecommendationLinkRoutes } from './recommendation-link-routes.js';
import { moved, reorderStatementItems } from './recommendation-service.js';
import { StatementListPage } from './workspace-parts.js';
import {
  addresseesToPick,
  editorPageOf,
  getStatementForEditing,
  listStatementsForEditing,
  registryChoices,
  statementItemIds,
} from './workspace-read.js';
import { NewStatementPage, StatementEditPage, type StatementForm } from './workspace-views.js';
import { statementItem } from './write-support.js';

const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  state: Type.Optional(Type.String({ maxLength: 20 })),
  ...PageCursorQuery,
});

/** Signed-in people other than editors and the admin are refused (403 page). */
function editorsOnly(user: UserRow): void {
  if (!canEditStatement(user)) throw new Forbidden('Statements are edited by editors and the admin');
}

function statementFields(body: Form, locale: Locale): StatementFields {
  return {
    title: pair(body, 'title'),
    summary: pair(body, 'summary'),
    occasion: pair(body, 'occasion'),
    body: pair(body, 'body'),
    date: field(body, 'date'),
    fullDocumentUrl: field(body, 'fullDocumentUrl'),
    originalLocale: originalLocale(body, locale),
  };
}

/** The statement page's query: the words the signatories' search looks for. */
const StatementPageQuery = Type.Object({
  'find-signatories': Type.Optional(Type.String({ maxLength: 100 })),
  ...PageCursorQuery,
});

/**
 * The statement's page, optionally with one form's failure (typed values and messages, or a conflict).
 * The signatories' picker lists the chosen organizations (stored, or ticked in a failed save) and a
 * few more: those `findSignatories` matches.
 */
export async function renderStatementPage(
  deps: SiteDeps,
  w: WorkspaceRequest,
  slug: string,
  failed?: FailedForm<StatementForm>,
  findSignatories = '',
  page: PageRequest = {},
): Promise<string> {
  const data = await getStatementForEditing(deps.db, slug, deps.now(), page);
  // A posted picker form (a search, or a failed save) offers what it ticked and searches for its words.
  const posted = (form: StatementForm) => (failed?.form === form ? failed.typed : undefined);
  const signatoriesForm = posted('signatories');
  const addresseesForm = posted('addressees');
  const find = signatoriesForm ? field(signatoriesForm, 'find-signatories') : findSignatories;
  const findAddressees = addresseesForm ? field(addresseesForm, 'find-addressees') : '';
  const chosen = [
    ...data.signatories.map((x) => x.organizationId),
    ...(signatoriesForm ? readPicked(signatoriesForm, 'signatories') : []),
  ];
  const [choices, addressees] = await Promise.all([
    registryChoices(deps.db, { organizations: { chosen, find } }),
    addresseesToPick(deps.db, {
      chosen: [...data.addresseeIds, ...(addresseesForm ? readPicked(addresseesForm, 'addressees') : [])],
      find: findAddressees,
    }),
  ]);
  return StatementEditPage({
    ...w,
    data,
    choices,
    addressees,
    failed,
    findSignatories: find,
    findAddressees,
    page,
  }) as Promise<string>;
}

export function registerStatementWorkspaceRoutes(app: FastifyTypeBox, deps: SiteDeps, options: AuthOptions): void {
  workspaceRoutes(app, { deps, auth: options, allow: editorsOnly }, (scope, locale) => {
    const path = '/workspace/statements';
    const root = `/${locale}${path}`;

    scope.get(path, { schema: { querystring: ListQuery } }, async (request, reply) => {
      const w = request.workspace;
      const q = request.query.q ?? '';
      const state = isVisibilityState(request.query.state) ? request.query.state : '';
      const filter = { q, ...(state ? { state } : {}) };
      const page = await listStatementsForEditing(deps.db, filter, deps.now(), request.query);
      return sendHtml(reply, await (<StatementListPage {...w} page={page} q={q} state={state} />));
    });

    scope.get(`${path}/new`, async (request, reply) => {
      const w = request.workspace;
      return sendHtml(reply, await (<NewStatementPage {...w} typed={undefined} outcome={{}} />));
    });

    scope.post(path, { schema: { body: FormBody } }, async (request, reply) => {
      const w = request.workspace;
      const body = request.body as Form;
      return saveForm(
        reply,
        w.ctx,
        async () => {
          const s = await createStatement(
            deps.db,
            { ...statementFields(body, locale), slug: field(body, 'slug') },
            w.user,
            deps.now(),
          );
          return `${root}/${s.slug}`;
        },
        (outcome) => <NewStatementPage {...w} typed={body} outcome={outcome} />,
      );
    });

    scope.get(
      `${path}/:slug`,
      { schema: { params: SlugParams, querystring: StatementPageQuery } },
      async (request, reply) => {
        const w = request.workspace;
        const { after, before } = request.query;
        const find = request.query['find-signatories'] ?? '';
        const page = { after, before };
        return sendHtml(reply, await renderStatementPage(deps, w, request.params.slug, undefined, find, page));
      },
    );

    // Every save below says where to go (an absolute URL), so `root` is only the route path here.
    const statementPost = pageFormPoster<StatementForm>(scope, {
      root: path,
      guard: (request) => request.workspace,
      render: (w, slug, failed) => renderStatementPage(deps, w, slug, failed),
    });

    statementPost('', 'details', async (w, slug, body) => {
      await updateStatement(
        deps.db,
        { ...statementFields(body, locale), slug, version: seenVersion(body) },
        w.user,
        deps.now(),
      );
      return `${root}/${slug}`;
    });
    statementPost('/signatories', 'signatories', async (w, slug, body) => {
      const signatories = readPicked(body, 'signatories').map((organizationId) => ({
        organizationId,
        role:
          field(body, `signatories_role_${organizationId}`) === 'convener'
            ? ('convener' as const)
            : ('signatory' as const),
      }));
      await setSignatories(deps.db, { slug, version: seenVersion(body), signatories }, w.user, deps.now());
      return `${root}/${slug}#signatories-title`;
    });
    statementPost('/addressees', 'addressees', async (w, slug, body) => {
      const addresseeIds = readPicked(body, 'addressees');
      await setStatementAddressees(deps.db, { slug, version: seenVersion(body), addresseeIds }, w.user, deps.now());
      return `${root}/${slug}#addressees-title`;
    });
    statementPost('/delete', 'delete', async (w, slug, body) => {
      await deleteStatement(deps.db, { slug, version: seenVersion(body) }, w.user, deps.now());
      return root;
    });

    for (const kind of ['recommendations', 'quotes'] as const) {
      scope.post(
        `${path}/:slug/${kind}/:id/move`,
        { schema: { params: ItemParams, body: FormBody } },
        async (request, reply) => {
          const w = request.workspace;
          const { slug, id } = request.params;
          const body = request.body as Form;
          return saveForm(
            reply,
            w.ctx,
            async () => {
              // Only an item of this statement moves (another statement's is NotFound, as for its page).
              const item = await statementItem(
                deps.db,
                kind === 'recommendations' ? t.recommendations : t.quotes,
                slug,
                id,
              );
              const ids = await statementItemIds(deps.db, item.statementId, kind);
              const order = moved(ids, id, field(body, 'direction') === 'up' ? 'up' : 'down');
              await reorderStatementItems(
                deps.db,
                { statementSlug: slug, version: seenVersion(body), kind, order },
                w.user,
                deps.now(),
              );
              if (kind === 'quotes') return `${root}/${slug}#quotes-title`;
              // Back to the page of the list that now holds the moved recommendation, scrolled to it.
              const page = await editorPageOf(deps.db, item.statementId, id);
              return `${pageHref(`${root}/${slug}`, {}, page)}#recommendation-${id}`;
            },
            (outcome) => renderStatementPage(deps, w, slug, { form: 'order', typed: undefined, outcome }),
          );
        },
      );
    }

    registerRecommendationPages(scope, deps, locale, path);
    registerRecommendationLinkRoutes(scope, deps, locale, path);
    registerQuotePages(scope, deps, locale, path);
  });
}
