/** People pages of the workspace: the list and the form (new and edit). */

import type { KeysetPage } from '../../platform/db/keyset.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { boundFields } from '../../ui/bound-fields.js';
import { ChoiceSearch, choiceSearchProps } from '../../ui/choice-search.js';
import { CheckboxField } from '../../ui/form.js';
import { ListPage } from '../../ui/list-page.js';
import { LocalizedSpan } from '../../ui/localized-view.js';
import type { WorkspaceProps } from '../../ui/workspace-layout.js';
import { ArchivableName, type RecordFormProps, RegistryFormPage } from './common.js';
import type { PersonForm, PersonListRow, PersonOrganizationChoices, PersonRow } from './people-service.js';
import { PERSON_LIMITS } from './people-service.js';

type OrganizationRow = PersonListRow['organization'] & {};

const base = (ctx: PageContext) => `/${ctx.locale}/workspace/people`;

export function PeopleListPage(
  props: WorkspaceProps & {
    page: KeysetPage<PersonListRow>;
    /** The organization filter's choices: the one it is set to, if any. */
    organizations: OrganizationRow[];
    filter: { q: string; organization: string; archived: boolean };
    saved: boolean;
  },
) {
  const { ctx, filter } = props;
  const { t } = ctx;
  return (
    <ListPage
      {...props}
      rows={props.page.items}
      page={props.page}
      title={t.registryPeopleTitle}
      create={{ href: `${base(ctx)}/new`, label: t.registryNewPerson }}
      search={{
        action: base(ctx),
        q: filter.q,
        showArchived: filter.archived,
        filters:
          props.organizations.length === 0
            ? []
            : [
                {
                  name: 'organization',
                  label: t.registryPersonOrganization,
                  value: filter.organization,
                  options: props.organizations.map((o) => ({ value: o.slug, label: o.name })),
                },
              ],
      }}
      columns={[
        {
          header: t.registryColumnName,
          cell: ({ person: p }) => (
            <ArchivableName ctx={ctx} href={`${base(ctx)}/${p.slug}/edit`} name={p.name} archivedAt={p.archivedAt} />
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

/** The person form's organization search: its words are posted with the form (`_action=find`). */
export const FIND_ORGANIZATION = 'find-organization';

export function PersonFormPage(
  props: RecordFormProps<PersonForm> & {
    person: PersonRow | null;
    organizations: PersonOrganizationChoices;
    /** The people list for editors; a member's own organization page for a member. */
    backHref: string;
  },
) {
  const { ctx, person: p, form, outcome = {} } = props;
  const { t } = ctx;
  const errors = outcome.errors ?? {};
  const title = p ? t.registryEditPerson(p.name) : t.registryNewPerson;
  const labels: Record<string, string> = {
    name: t.registryPersonName,
    organization: t.registryPersonOrganization,
    email: t.registryPersonEmail,
    phone: t.registryPersonPhone,
  };
  const isMember = props.user.role === 'member';
  const search = props.organizations.search;
  const f = boundFields(ctx, { labels, values: form, errors });
  return (
    <RegistryFormPage
      {...props}
      title={title}
      outcome={outcome}
      labels={labels}
      bilingual={{ role: t.registryPersonRole }}
      conflictLabels={{
        organizationId: t.registryPersonOrganization,
        isPressContact: t.registryPressContact,
        archivedAt: t.workspaceArchived,
      }}
      base={base(ctx)}
      record={p}
      cancelHref={props.backHref}
      archivable
    >
      <f.Text name="name" required autocomplete="off" maxlength={PERSON_LIMITS.name} />
      <f.Bilingual
        name="role"
        label={t.registryPersonRole}
        hint={t.registryPersonRoleHint}
        stored={p?.role}
        maxLength={PERSON_LIMITS.role}
      />
      <f.Select
        name="organization"
        options={props.organizations.rows.map((o) => ({ value: o.slug, label: o.name }))}
        required={isMember}
        {...(isMember ? {} : { emptyLabel: t.registryPersonNoOrganization })}
      />
      {search ? (
        <ChoiceSearch
          ctx={ctx}
          {...choiceSearchProps(search, {
            param: FIND_ORGANIZATION,
            what: t.choicesWhatOrganizations,
            page: p ? `${base(ctx)}/${p.slug}/edit` : base(ctx),
          })}
        />
      ) : (
        ''
      )}
      <f.Text name="email" type="email" autocomplete="off" maxlength={PERSON_LIMITS.email} />
      <f.Text
        name="phone"
        type="tel"
        hint={t.registryPersonPhoneHint}
        autocomplete="off"
        maxlength={PERSON_LIMITS.phone}
      />
      <CheckboxField name="isPressContact" label={t.registryPersonPressContact} checked={form.isPressContact} />
    </RegistryFormPage>
  );
}
