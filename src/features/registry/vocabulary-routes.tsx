/** /{lang}/workspace/themes… and /{lang}/workspace/addressees…: list, new, edit, archive; themes also move. */
import { eq, isNull } from 'drizzle-orm';
import * as t from '../../platform/db/schema/index.js';
import {
  FlatFormBody,
  type Form,
  field,
  readConfirmed,
  readLocaleValues,
  SlugParams,
  seenVersion,
} from '../../platform/forms/form-body.js';
import { canEditRegistry } from '../../platform/policy.js';
import type { AuthOptions } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { saveForm, workspaceRoutes } from '../../platform/web/workspace-request.js';
import { assertAllowed } from '../../platform/write.js';
import { ListQuery } from './form-body.js';
import { formAfterFailure, recordChange, registerArchiveRoute } from './record-routes.js';
import {
  type AddresseeForm,
  addresseeRecord,
  createAddressee,
  createTheme,
  getAddressee,
  getTheme,
  type LabelForm,
  listAddressees,
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
  themeFormValues,
} from './vocabulary-views.js';

const readLabelForm = (body: Form, name: string): LabelForm => ({
  label: readLocaleValues(body, name),
  confirmed: readConfirmed(body, name),
});

function readAddresseeForm(body: Form): AddresseeForm {
  return {
    name: readLocaleValues(body, 'name'),
    confirmed: readConfirmed(body, 'name'),
    kind: field(body, 'kind'),
    country: field(body, 'country'),
    parent: field(body, 'parent'),
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

    scope.get(`${themes}/new`, async (request, reply) => {
      const w = request.workspace;
      assertAllowed(canEditRegistry(w.user));
      return sendHtml(reply, await (<ThemeFormPage {...w} theme={null} form={themeFormValues(null)} />));
    });

    scope.post(themes, { schema: { body: FlatFormBody } }, async (request, reply) => {
      const w = request.workspace;
      const form = readLabelForm(request.body as Form, 'label');
      return saveForm(
        reply,
        w.ctx,
        async () => {
          await createTheme(deps.db, form, w.user, deps.now());
          return `${themesPage}?saved=1`;
        },
        (outcome) => <ThemeFormPage {...w} theme={null} form={form} outcome={outcome} />,
      );
    });

    scope.get(`${themes}/:slug/edit`, { schema: { params: SlugParams } }, async (request, reply) => {
      const w = request.workspace;
      const theme = await getTheme(deps.db, request.params.slug, w.user);
      return sendHtml(reply, await (<ThemeFormPage {...w} theme={theme} form={themeFormValues(theme)} />));
    });

    scope.post(
      `${themes}/:slug/edit`,
      { schema: { params: SlugParams, body: FlatFormBody } },
      async (request, reply) => {
        const w = request.workspace;
        const body = request.body as Form;
        const form = readLabelForm(body, 'label');
        const { slug } = request.params;
        return saveForm(
          reply,
          w.ctx,
          async () => {
            await updateTheme(deps.db, form, recordChange(deps, w, slug, body));
            return `${themesPage}?saved=1`;
          },
          async (outcome) => {
            const current = await getTheme(deps.db, slug, w.user);
            const shown = formAfterFailure(
              { typed: form, outcome, seenVersion: seenVersion(body) },
              current,
              themeFormValues,
            );
            return <ThemeFormPage {...w} theme={current} form={shown.form} outcome={outcome} version={shown.version} />;
          },
        );
      },
    );

    registerArchiveRoute(scope, deps, {
      path: themes,
      record: themeRecord,
      done: () => `${themesPage}?saved=1`,
    });

    scope.post(
      `${themes}/:slug/move`,
      { schema: { params: SlugParams, body: FlatFormBody } },
      async (request, reply) => {
        const w = request.workspace;
        const body = request.body as Form;
        const direction = body.direction === 'up' ? 'up' : 'down';
        await moveTheme(deps.db, request.params.slug, direction, seenVersion(body), w.user, deps.now());
        return reply.redirect(themesPage, 303);
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

    scope.post(addressees, { schema: { body: FlatFormBody } }, async (request, reply) => {
      const w = request.workspace;
      const form = readAddresseeForm(request.body as Form);
      return saveForm(
        reply,
        w.ctx,
        async () => {
          await createAddressee(deps.db, form, w.user, deps.now());
          return `${addresseesPage}?saved=1`;
        },
        async (outcome) => (
          <AddresseeFormPage {...w} addressee={null} form={form} parents={await parents()} outcome={outcome} />
        ),
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

    scope.post(
      `${addressees}/:slug/edit`,
      { schema: { params: SlugParams, body: FlatFormBody } },
      async (request, reply) => {
        const w = request.workspace;
        const body = request.body as Form;
        const form = readAddresseeForm(body);
        const { slug } = request.params;
        return saveForm(
          reply,
          w.ctx,
          async () => {
            await updateAddressee(deps.db, form, recordChange(deps, w, slug, body));
            return `${addresseesPage}?saved=1`;
          },
          async (outcome) => {
            const current = await getAddressee(deps.db, slug, w.user);
            const parentNow = await parentSlug(current.parentId);
            const shown = formAfterFailure({ typed: form, outcome, seenVersion: seenVersion(body) }, current, (row) =>
              addresseeFormValues(row, parentNow),
            );
            return (
              <AddresseeFormPage
                {...w}
                addressee={current}
                form={shown.form}
                parents={await parents()}
                outcome={outcome}
                version={shown.version}
              />
            );
          },
        );
      },
    );

    registerArchiveRoute(scope, deps, {
      path: addressees,
      record: addresseeRecord,
      done: () => `${addresseesPage}?saved=1`,
    });
  });
}
