/** /{lang}/workspace/press/lists: every list, new, edit. */
import { Type } from '@fastify/type-provider-typebox';
import * as t from '../../platform/db/schema/index.js';
import { type Form, FormBody, field, RowNumber, seenVersion } from '../../platform/forms/form-body.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { saveForm, type WorkspaceRequest } from '../../platform/web/workspace-request.js';
import { themeOptions } from './contacts-routes.js';
import { many } from './form-parts.js';
import {
  createList,
  getList,
  type ListForm,
  type ListRow,
  listLists,
  memberText,
  updateList,
} from './lists-service.js';
import { ListFormPage, ListsPage } from './lists-views.js';

const IdParams = Type.Object({ id: RowNumber });

function readListForm(body: Form): ListForm {
  return {
    name: field(body, 'name'),
    kind: field(body, 'kind'),
    languages: many(body.languages),
    countries: many(body.countries),
    beats: many(body.beats),
    members: field(body, 'members'),
  };
}

export function registerListRoutes(scope: FastifyTypeBox, deps: SiteDeps): void {
  const base = (w: WorkspaceRequest) => `/${w.ctx.locale}/workspace/press/lists`;
  const slugsById = async () =>
    new Map((await deps.db.select({ id: t.themes.id, slug: t.themes.slug }).from(t.themes)).map((r) => [r.id, r.slug]));
  const formOf = async (list: ListRow): Promise<ListForm> => {
    const slugs = await slugsById();
    return {
      name: list.name,
      kind: list.kind,
      languages: list.languages,
      countries: list.countries,
      beats: list.beatIds.map((id) => slugs.get(id) ?? ''),
      members: list.kind === 'picked' ? await memberText(deps.db, list.id) : '',
    };
  };
  const empty: ListForm = { name: '', kind: 'filter', languages: [], countries: [], beats: [], members: '' };

  scope.get('/workspace/press/lists', async (request, reply) => {
    const w = request.workspace;
    const lists = await listLists(deps.db, w.user);
    const themes = await themeOptions(deps.db, w);
    const slugs = await slugsById();
    const labels = new Map(themes.map((o) => [o.value, o.label]));
    const beatLabels = new Map([...slugs].map(([id, slug]) => [id, labels.get(slug) ?? slug]));
    return sendHtml(reply, await (<ListsPage {...w} lists={lists} beatLabels={beatLabels} />));
  });

  scope.get('/workspace/press/lists/new', async (request, reply) => {
    const w = request.workspace;
    await listLists(deps.db, w.user); // the policy check, before showing an empty form
    return sendHtml(
      reply,
      await (<ListFormPage {...w} list={null} form={empty} themes={await themeOptions(deps.db, w)} />),
    );
  });

  scope.post('/workspace/press/lists', { schema: { body: FormBody } }, async (request, reply) => {
    const w = request.workspace;
    const form = readListForm(request.body as Form);
    return saveForm(
      reply,
      w.ctx,
      async () => {
        await createList(deps.db, form, w.user, deps.now());
        return base(w);
      },
      async (outcome) => (
        <ListFormPage {...w} list={null} form={form} themes={await themeOptions(deps.db, w)} outcome={outcome} />
      ),
    );
  });

  scope.get('/workspace/press/lists/:id/edit', { schema: { params: IdParams } }, async (request, reply) => {
    const w = request.workspace;
    const list = await getList(deps.db, w.user, request.params.id);
    return sendHtml(
      reply,
      await (<ListFormPage {...w} list={list} form={await formOf(list)} themes={await themeOptions(deps.db, w)} />),
    );
  });

  scope.post(
    '/workspace/press/lists/:id/edit',
    { schema: { params: IdParams, body: FormBody } },
    async (request, reply) => {
      const w = request.workspace;
      const body = request.body as Form;
      const form = readListForm(body);
      const seen = seenVersion(body);
      return saveForm(
        reply,
        w.ctx,
        async () => {
          await updateList(deps.db, request.params.id, form, seen, w.user, deps.now());
          return base(w);
        },
        async (outcome) => {
          const list = await getList(deps.db, w.user, request.params.id);
          const shown = outcome.conflict ? await formOf(list) : form;
          return (
            <ListFormPage
              {...w}
              list={list}
              form={shown}
              themes={await themeOptions(deps.db, w)}
              outcome={outcome}
              version={outcome.conflict ? list.version : seen}
            />
          );
        },
      );
    },
  );
}
