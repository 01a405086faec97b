/** /{lang}/workspace/organizations…: list, new, overview (the member's view), edit, archive. */

import { eq } from 'drizzle-orm';
import * as t from '../../platform/db/schema/index.js';
import { NotFound } from '../../platform/errors.js';
import { type Form, fields, SlugParams } from '../../platform/forms/form-body.js';
import { canManageOrganizations } from '../../platform/policy.js';
import type { AuthOptions } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { workspaceRoutes } from '../../platform/web/workspace-request.js';
import { assertAllowed } from '../../platform/write.js';
import { readConfirmed, readLocaleValues } from '../../ui/form.js';
import { ListQuery } from './form-body.js';
import {
  createOrganization,
  getOrganizationForEdit,
  listOrganizationsForWorkspace,
  type OrganizationForm,
  organizationArchiveRecord,
  organizationOverview,
  updateOrganization,
} from './organizations-service.js';
import {
  OrganizationFormPage,
  OrganizationListPage,
  OrganizationOverviewPage,
  organizationFormValues,
} from './organizations-views.js';
import { registerRecordForms } from './record-routes.js';

function readOrganizationForm(body: Form): OrganizationForm {
  return {
    ...fields(body, ['name', 'acronym', 'aliases', 'website', 'country', 'kind']),
    localizedName: readLocaleValues(body, 'localizedName'),
    boilerplate: readLocaleValues(body, 'boilerplate'),
    confirmed: { localizedName: readConfirmed(body, 'localizedName'), boilerplate: readConfirmed(body, 'boilerplate') },
  };
}

export function registerOrganizationWorkspaceRoutes(app: FastifyTypeBox, deps: SiteDeps, options: AuthOptions) {
  workspaceRoutes(app, { deps, auth: options }, (scope, locale) => {
    const path = '/workspace/organizations';
    const base = `/${locale}${path}`;

    scope.get(path, { schema: { querystring: ListQuery } }, async (request, reply) => {
      const w = request.workspace;
      const q = request.query;
      const filter = { q: q.q ?? '', kind: q.kind ?? '', country: q.country ?? '', archived: q.archived === '1' };
      const page = await listOrganizationsForWorkspace(deps.db, w.user, filter, q);
      return sendHtml(reply, await (<OrganizationListPage {...w} page={page} filter={filter} />));
    });

    scope.get(`${path}/new`, async (request, reply) => {
      const w = request.workspace;
      assertAllowed(canManageOrganizations(w.user));
      const form = organizationFormValues(null);
      return sendHtml(reply, await (<OrganizationFormPage {...w} organization={null} form={form} />));
    });

    // A member's own organization, wherever its slug goes.
    scope.get('/workspace/my-organization', async (request, reply) => {
      const w = request.workspace;
      const id = w.user.organizationId;
      const [own] = id ? await deps.db.select().from(t.organizations).where(eq(t.organizations.id, id)) : [];
      if (!own) throw new NotFound('This account belongs to no organization');
      return reply.redirect(`${base}/${own.slug}`, 303);
    });

    scope.get(`${path}/:slug`, { schema: { params: SlugParams, querystring: ListQuery } }, async (request, reply) => {
      const w = request.workspace;
      const overview = await organizationOverview(deps.db, request.params.slug, w.user, deps.now());
      const saved = request.query.saved === '1';
      return sendHtml(reply, await (<OrganizationOverviewPage {...w} overview={overview} saved={saved} />));
    });

    scope.get(`${path}/:slug/edit`, { schema: { params: SlugParams } }, async (request, reply) => {
      const w = request.workspace;
      const organization = await getOrganizationForEdit(deps.db, request.params.slug, w.user);
      const form = organizationFormValues(organization);
      return sendHtml(reply, await (<OrganizationFormPage {...w} organization={organization} form={form} />));
    });

    registerRecordForms(scope, deps, {
      path,
      read: readOrganizationForm,
      create: createOrganization,
      update: updateOrganization,
      archive: organizationArchiveRecord,
      current: getOrganizationForEdit,
      formOf: () => organizationFormValues,
      done: (slug) => `${base}/${slug}?saved=1`,
      page: (w, shown) => (
        <OrganizationFormPage
          {...w}
          organization={shown.current}
          form={shown.form}
          outcome={shown.outcome}
          version={shown.version}
        />
      ),
    });
  });
}
