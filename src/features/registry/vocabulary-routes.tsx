/** /{lang}/workspace/themes… and /{lang}/workspace/addressees…: list, new, edit, archive; themes also move. */
import { eq, isNull } from 'drizzle-orm';
import * as t from '../../platform/db/schema/index.js';
import { FlatFormBody, type Form, fields, SlugParams, seenVersion } from '../../platform/forms/form-body.js';
import { canEditRegistry } from '../../platform/policy.js';
import type { AuthOptions } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { redirectSaved, workspaceRoutes } from '../../platform/web/workspace-request.js';
import { assertAllowed } from '../../platform/write.js';
import { readConfirmed, readLocaleValues } from '../../ui/form.js';
import { ListQuery } from './form-body.js';
import { registerRecordForms } from './record-routes.js';
import {
  type AddresseeForm,
  addresseeRecord,
  createAddressee,
  createTheme,
  getAddressee,
  getTheme,
  type LabelForm,
  listAddressees,
  listThemeMappings,
  listThemes,
  moveTheme,
  themeRecord,
  updateAddressee,
  updateTheme,
} from './vocabulary-service.js';
import {
  AddresseeFormPage,
  AddresseeListPage,
  addresseeFormValues,
  ThemeFormPage,
  ThemeListPage,
  ThemeMappingsPage,
  themeFormValues,
} from './vocabulary-views.js';

const readLabelForm = (body: Form, name: string): LabelForm => ({
  label: readLocaleValues(body, name),
  confirmed: readConfirmed(body, name),
});

function readAddresseeForm(body: Form): AddresseeForm {
  return {
    ...fields(body, ['kind', 'country', 'parent']),
    name: readLocaleValues(body, 'name'),
    confirmed: readConfirmed(body, 'name'),
  };
}

export function registerVocabularyWorkspaceRoutes(app: FastifyTypeBox, deps: SiteDeps, options: AuthOptions) {
  const parents = () => deps.db.select().from(t.addressees).where(isNull(t.addressees.archivedAt));
  const parentSlug = async (id: number | null) =>
    id === null
      ? ''
      : ((await deps.db.select({ slug: t.addressees.slug }).from(t.addressees).where(eq(t.addressees.id, id)))[0]
          ?.slug ?? '');

  workspaceRoutes(app, { deps, auth: options }, (scope, locale) => {
    const themes = '/workspace/themes';
    const addressees = '/workspace/addressees';
    const themesPage = `/${locale}${themes}`;
    const addresseesPage = `/${locale}${addressees}`;

    scope.get(themes, { schema: { querystring: ListQuery } }, async (request, reply) => {
      const w = request.workspace;
      const filter = { q: request.query.q ?? '', archived: request.query.archived === '1' };
      const rows = await listThemes(deps.db, w.user, filter);
      const saved = request.query.saved === '1';
      return sendHtml(reply, await (<ThemeListPage {...w} rows={rows} filter={filter} saved={saved} />));
    });

    scope.get(`${themes}/mappings`, { schema: { querystring: ListQuery } }, async (request, reply) => {
      const w = request.workspace;
      const q = request.query.q ?? '';
      const rows = await listThemeMappings(deps.db, w.user, { q });
      return sendHtml(reply, await (<ThemeMappingsPage {...w} rows={rows} q={q} />));
    });

    scope.get(`${themes}/new`, async (request, reply) => {
      const w = request.workspace;
      assertAllowed(canEditRegistry(w.user));
      return sendHtml(reply, await (<ThemeFormPage {...w} theme={null} form={themeFormValues(null)} />));
    });

    scope.get(`${themes}/:slug/edit`, { schema: { params: SlugParams } }, async (request, reply) => {
      const w = request.workspace;
      const theme = await getTheme(deps.db, request.params.slug, w.user);
      return sendHtml(reply, await (<ThemeFormPage {...w} theme={theme} form={themeFormValues(theme)} />));
    });

    registerRecordForms(scope, deps, {
      path: themes,
      read: (body) => readLabelForm(body, 'label'),
      create: createTheme,
      update: updateTheme,
      archive: themeRecord,
      current: getTheme,
      formOf: () => themeFormValues,
      done: () => `${themesPage}?saved=1`,
      page: (w, shown) => (
        <ThemeFormPage {...w} theme={shown.current} form={shown.form} outcome={shown.outcome} version={shown.version} />
      ),
    });
    scope.post(
      `${themes}/:slug/move`,
      { schema: { params: SlugParams, body: FlatFormBody } },
      async (request, reply) => {
        const w = request.workspace;
        const body = request.body as Form;
        const direction = body.direction === 'up' ? 'up' : 'down';
        await moveTheme(deps.db, request.params.slug, direction, seenVersion(body), w.user, deps.now());
        return redirectSaved(reply, themesPage);
      },
    );

    scope.get(addressees, { schema: { querystring: ListQuery } }, async (request, reply) => {
      const w = request.workspace;
      const q = request.query;
      const filter = { q: q.q ?? '', kind: q.kind ?? '', archived: q.archived === '1' };
      const rows = await listAddressees(deps.db, w.user, filter);
      return sendHtml(reply, await (<AddresseeListPage {...w} rows={rows} filter={filter} saved={q.saved === '1'} />));
    });

    scope.get(`${addressees}/new`, async (request, reply) => {
      const w = request.workspace;
      assertAllowed(canEditRegistry(w.user));
      const form = addresseeFormValues(null, '');
      return sendHtml(
        reply,
        await (<AddresseeFormPage {...w} addressee={null} form={form} parents={await parents()} />),
      );
    });

    scope.get(`${addressees}/:slug/edit`, { schema: { params: SlugParams } }, async (request, reply) => {
      const w = request.workspace;
      const addressee = await getAddressee(deps.db, request.params.slug, w.user);
      const form = addresseeFormValues(addressee, await parentSlug(addressee.parentId));
      return sendHtml(
        reply,
        await (<AddresseeFormPage {...w} addressee={addressee} form={form} parents={await parents()} />),
      );
    });

    registerRecordForms(scope, deps, {
      path: addressees,
      read: readAddresseeForm,
      create: createAddressee,
      update: updateAddressee,
      archive: addresseeRecord,
      current: getAddressee,
      formOf: async (current) => {
        const parentNow = await parentSlug(current.parentId);
        return (row) => addresseeFormValues(row, parentNow);
      },
      done: () => `${addresseesPage}?saved=1`,
      page: async (w, shown) => (
        <AddresseeFormPage
          {...w}
          addressee={shown.current}
          form={shown.form}
          parents={await parents()}
          outcome={shown.outcome}
          version={shown.version}
        />
      ),
    });
  });
}
