/** /{lang}/workspace/people…: list, new, edit, archive. Members reach their own contacts from their organization page. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { type Form, field, fields, SlugParams } from '../../platform/forms/form-body.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { canViewRegistry, type PolicyUser } from '../../platform/policy.js';
import type { AuthOptions } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { workspaceRoutes } from '../../platform/web/workspace-request.js';
import { readConfirmed, readLocaleValues } from '../../ui/form.js';
import { ListQuery } from './form-body.js';
import {
  createPerson,
  getPersonForEdit,
  listPeople,
  organizationChoices,
  type PersonForm,
  personRecord,
  updatePerson,
} from './people-service.js';
import { FIND_ORGANIZATION, PeopleListPage, PersonFormPage, personFormValues } from './people-views.js';
import { registerRecordForms } from './record-routes.js';

function readPersonForm(body: Form): PersonForm {
  return {
    ...fields(body, ['name', 'organization', 'email', 'phone']),
    role: readLocaleValues(body, 'role'),
    roleConfirmed: readConfirmed(body, 'role'),
    isPressContact: body.isPressContact === '1',
  };
}

async function organizationSlug(db: Db, id: number | null): Promise<string> {
  if (id === null) return '';
  const [o] = await db.select({ slug: t.organizations.slug }).from(t.organizations).where(eq(t.organizations.id, id));
  return o?.slug ?? '';
}

/** Where to go after a save or cancel: editors to the people list, a member to their organization. */
async function backHref(db: Db, locale: Locale, user: PolicyUser & { organizationId: number | null }) {
  if (canViewRegistry(user)) return `/${locale}/workspace/people`;
  return `/${locale}/workspace/organizations/${await organizationSlug(db, user.organizationId)}`;
}

export function registerPeopleWorkspaceRoutes(app: FastifyTypeBox, deps: SiteDeps, options: AuthOptions) {
  workspaceRoutes(app, { deps, auth: options }, (scope, locale) => {
    const path = '/workspace/people';

    scope.get(path, { schema: { querystring: ListQuery } }, async (request, reply) => {
      const w = request.workspace;
      const q = request.query;
      const filter = { q: q.q ?? '', organization: q.organization ?? '', archived: q.archived === '1' };
      const page = await listPeople(deps.db, w.user, filter, q);
      // The search finds people by their organization's name; the organization filter (an address
      // from elsewhere) offers only the one it names, so the page never lists the whole registry.
      const [organization] = filter.organization
        ? await deps.db.select().from(t.organizations).where(eq(t.organizations.slug, filter.organization))
        : [];
      return sendHtml(
        reply,
        await (
          <PeopleListPage
            {...w}
            page={page}
            organizations={organization ? [organization] : []}
            filter={filter}
            saved={q.saved === '1'}
          />
        ),
      );
    });

    scope.get(`${path}/new`, { schema: { querystring: ListQuery } }, async (request, reply) => {
      const w = request.workspace;
      const preset = request.query.organization ?? (await organizationSlug(deps.db, w.user.organizationId));
      const form = personFormValues(null, preset);
      const organizations = await organizationChoices(deps.db, w.user, { chosenSlug: preset });
      const back = await backHref(deps.db, locale, w.user);
      return sendHtml(
        reply,
        await (<PersonFormPage {...w} person={null} form={form} organizations={organizations} backHref={back} />),
      );
    });

    scope.get(`${path}/:slug/edit`, { schema: { params: SlugParams } }, async (request, reply) => {
      const w = request.workspace;
      const person = await getPersonForEdit(deps.db, request.params.slug, w.user);
      const form = personFormValues(person, await organizationSlug(deps.db, person.organizationId));
      const organizations = await organizationChoices(deps.db, w.user, { chosenSlug: form.organization });
      const back = await backHref(deps.db, locale, w.user);
      return sendHtml(
        reply,
        await (<PersonFormPage {...w} person={person} form={form} organizations={organizations} backHref={back} />),
      );
    });

    registerRecordForms(scope, deps, {
      path,
      read: readPersonForm,
      create: createPerson,
      update: updatePerson,
      archive: personRecord,
      current: getPersonForEdit,
      formOf: async (current) => {
        const slugNow = await organizationSlug(deps.db, current.organizationId);
        return (row) => personFormValues(row, slugNow);
      },
      done: async (_slug, w) => `${await backHref(deps.db, locale, w.user)}?saved=1`,
      page: async (w, shown) => (
        <PersonFormPage
          {...w}
          person={shown.current}
          form={shown.form}
          organizations={
            await organizationChoices(deps.db, w.user, {
              chosenSlug: shown.form.organization,
              find: shown.posted ? field(shown.posted, FIND_ORGANIZATION) : undefined,
            })
          }
          outcome={shown.outcome}
          version={shown.version}
          backHref={await backHref(deps.db, locale, w.user)}
        />
      ),
    });
  });
}
