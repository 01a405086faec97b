/** People pages of the workspace: the list and the form (new and edit). */

import { LOCALES } from '../../lib/locales.js';
import { LocalizedSpan } from '../../lib/localized-view.js';
import type { PageContext } from '../../lib/page-context.js';
import { BilingualField, CheckboxField, HiddenFields, SelectField, TextField } from '../workspace/form.js';
import { WorkspaceLayout, type WorkspaceProps } from '../workspace/layout.js';
import { DataTable, FilterBar } from '../workspace/list.js';
import type { FormOutcome } from '../workspace/web.js';
import { ArchivedBadge, ArchiveForm, bilingualLabels, FormProblems, SavedNotice } from './common.js';
import type { PersonForm, PersonListRow, PersonRow } from './people-service.js';

type OrganizationRow = PersonListRow['organization'] & {};

const base = (ctx: PageContext) => `/${ctx.locale}/workspace/people`;

export function PeopleListPage(
  props: WorkspaceProps & {
    rows: PersonListRow[];
    organizations: OrganizationRow[];
    filter: { q: string; organization: string; archived: boolean };
    saved: boolean;
  },
) {
  const { ctx, rows, filter } = props;
  const { t } = ctx;
  return (
    <WorkspaceLayout {...props} title={t.registryPeopleTitle}>
      <h1 safe>{t.registryPeopleTitle}</h1>
      <SavedNotice ctx={ctx} saved={props.saved} />
      <p>
        <a class="button" href={`${base(ctx)}/new`} safe>
          {t.registryNewPerson}
        </a>
      </p>
      <FilterBar
        ctx={ctx}
        action={base(ctx)}
        q={filter.q}
        showArchived={filter.archived}
        filters={[
          {
            name: 'organization',
            label: t.registryPersonOrganization,
            value: filter.organization,
            options: props.organizations.map((o) => ({ value: o.slug, label: o.name })),
          },
        ]}
      />
      <DataTable
        ctx={ctx}
        caption={t.registryPeopleTitle}
        rows={rows}
        columns={[
          {
            header: t.registryColumnName,
            cell: ({ person: p }) => (
              <>
                <a href={`${base(ctx)}/${p.slug}/edit`} safe>
                  {p.name}
                </a>{' '}
                <ArchivedBadge ctx={ctx} archivedAt={p.archivedAt} />
              </>
            ),
          },
          { header: t.registryColumnRole, cell: ({ person: p }) => <LocalizedSpan value={p.role} ctx={ctx} /> },
          { header: t.registryColumnOrganization, cell: ({ organization: o }) => <span safe>{o?.name ?? ''}</span> },
          {
            header: t.registryColumnContact,
            cell: ({ person: p }) => (
              <span safe>
                {[p.email, p.phone, p.isPressContact ? t.registryPressContact : null].filter(Boolean).join(' · ')}
              </span>
            ),
          },
        ]}
      />
    </WorkspaceLayout>
  );
}

export function personFormValues(p: PersonRow | null, organizationSlug = ''): PersonForm {
  return {
    name: p?.name ?? '',
    role: Object.fromEntries(LOCALES.map((l) => [l, p?.role[l]?.text ?? ''])),
    roleConfirmed: [],
    organization: organizationSlug,
    email: p?.email ?? '',
    phone: p?.phone ?? '',
    isPressContact: p?.isPressContact ?? true,
  };
}

export function PersonFormPage(
  props: WorkspaceProps & {
    person: PersonRow | null;
    form: PersonForm;
    organizations: OrganizationRow[];
    outcome?: FormOutcome;
    version?: number;
    /** The people list for editors; a member's own organization page for a member. */
    backHref: string;
  },
) {
  const { ctx, csrf, person: p, form, outcome = {} } = props;
  const { t } = ctx;
  const errors = outcome.errors ?? {};
  const title = p ? t.registryEditPerson(p.name) : t.registryNewPerson;
  const labels: Record<string, string> = {
    name: t.registryPersonName,
    organization: t.registryPersonOrganization,
    email: t.registryPersonEmail,
    phone: t.registryPersonPhone,
  };
  Object.assign(labels, bilingualLabels('role', t.registryPersonRole));
  const isMember = props.user.role === 'member';
  return (
    <WorkspaceLayout {...props} title={title}>
      <h1 safe>{title}</h1>
      <FormProblems
        ctx={ctx}
        conflict={outcome.conflict}
        errors={errors}
        labels={labels}
        conflictLabels={{
          role: t.registryPersonRole,
          organizationId: t.registryPersonOrganization,
          isPressContact: t.registryPressContact,
          archivedAt: t.workspaceArchived,
        }}
      />
      <form method="post" action={p ? `${base(ctx)}/${p.slug}/edit` : base(ctx)} novalidate>
        <HiddenFields csrf={csrf} version={props.version ?? p?.version} />
        <TextField
          ctx={ctx}
          name="name"
          label={labels.name!}
          value={form.name}
          error={errors.name}
          required
          autocomplete="off"
        />
        <BilingualField
          ctx={ctx}
          name="role"
          label={t.registryPersonRole}
          hint={t.registryPersonRoleHint}
          stored={p?.role}
          values={form.role}
          errors={errors}
        />
        <SelectField
          ctx={ctx}
          name="organization"
          label={labels.organization!}
          value={form.organization}
          options={props.organizations.map((o) => ({ value: o.slug, label: o.name }))}
          error={errors.organization}
          required={isMember}
          {...(isMember ? {} : { emptyLabel: t.registryPersonNoOrganization })}
        />
        <TextField
          ctx={ctx}
          name="email"
          type="email"
          label={labels.email!}
          value={form.email}
          error={errors.email}
          autocomplete="off"
        />
        <TextField
          ctx={ctx}
          name="phone"
          type="tel"
          label={labels.phone!}
          hint={t.registryPersonPhoneHint}
          value={form.phone}
          error={errors.phone}
          autocomplete="off"
        />
        <CheckboxField name="isPressContact" label={t.registryPersonPressContact} checked={form.isPressContact} />
        <p class="form-actions">
          <button type="submit" safe>
            {p ? t.workspaceSave : t.workspaceCreate}
          </button>
          <a href={props.backHref} safe>
            {t.workspaceCancel}
          </a>
        </p>
      </form>
      {p ? (
        <ArchiveForm
          ctx={ctx}
          csrf={csrf}
          action={`${base(ctx)}/${p.slug}/archive`}
          archived={p.archivedAt !== null}
          version={p.version}
        />
      ) : (
        ''
      )}
    </WorkspaceLayout>
  );
}
