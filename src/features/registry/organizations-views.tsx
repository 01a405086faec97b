/** Organization pages of the workspace: the list, the overview (a member's own view), the form. */

import type { KeysetPage } from '../../platform/db/keyset.js';
import { countryLabel, countryOptions } from '../../platform/i18n/countries.js';
import { countryName, formatDate, messages } from '../../platform/i18n/format.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import {
  canEditOrganization,
  canEditPerson,
  canManageOrganizations,
  canSetOrganizationLogo,
} from '../../platform/policy.js';
import type { LocaleValues } from '../../platform/text/bilingual.js';
import { translationState } from '../../platform/text/localized-text.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { StateBadge } from '../../ui/bilingual-field.js';
import { boundFields } from '../../ui/bound-fields.js';
import { ListPage } from '../../ui/list-page.js';
import { LocalizedSpan } from '../../ui/localized-view.js';
import { WorkspaceLayout, type WorkspaceProps } from '../../ui/workspace-layout.js';
import {
  ArchivableName,
  ArchiveForm,
  CountryField,
  type RecordFormProps,
  RegistryFormPage,
  TranslationBadges,
} from './common.js';
import {
  ORGANIZATION_KINDS,
  ORGANIZATION_LIMITS,
  type OrganizationFilter,
  type OrganizationForm,
  type OrganizationOverview,
  type OrganizationRow,
} from './organizations-service.js';
import { kindLabel } from './public-views.js';

const base = (ctx: PageContext) => `/${ctx.locale}/workspace/organizations`;

function kindOptions(ctx: PageContext) {
  return ORGANIZATION_KINDS.map((k) => ({ value: k, label: kindLabel(k, ctx.t) }));
}

export function OrganizationListPage(
  props: WorkspaceProps & { page: KeysetPage<OrganizationRow>; filter: OrganizationFilter },
) {
  const { ctx, user, filter } = props;
  const { t, locale } = ctx;
  return (
    <ListPage
      {...props}
      rows={props.page.items}
      page={props.page}
      title={t.registryOrganizationsTitle}
      create={canManageOrganizations(user) ? { href: `${base(ctx)}/new`, label: t.registryNewOrganization } : undefined}
      search={{
        action: base(ctx),
        q: filter.q,
        showArchived: filter.archived,
        filters: [
          { name: 'kind', label: t.registryOrgKind, value: filter.kind, options: kindOptions(ctx) },
          { name: 'country', label: t.registryOrgCountry, value: filter.country, options: countryOptions(locale) },
        ],
      }}
      columns={[
        {
          header: t.registryColumnName,
          cell: (o) => (
            <ArchivableName ctx={ctx} href={`${base(ctx)}/${o.slug}`} name={o.name} archivedAt={o.archivedAt} />
          ),
        },
        { header: t.registryColumnAcronym, cell: (o) => <span safe>{o.acronym ?? ''}</span> },
        {
          header: t.registryColumnCountry,
          cell: (o) => <span safe>{countryLabel(o.country, locale)}</span>,
        },
        {
          header: t.registryOrgBoilerplate,
          cell: (o) => <TranslationBadges ctx={ctx} value={o.boilerplate} />,
        },
      ]}
    />
  );
}

/** `saved` is no longer read: WorkspaceLayout says "Saved." from the address (`ctx.saved`). */
export function OrganizationOverviewPage(props: WorkspaceProps & { overview: OrganizationOverview; saved: boolean }) {
  const { ctx, user, csrf, overview } = props;
  const { organization: o, contacts, statementsSigned } = overview;
  const { t, locale } = ctx;
  return (
    <WorkspaceLayout {...props} title={o.name}>
      <h1 safe>{o.name}</h1>
      {o.archivedAt ? (
        <p class="notice" safe>
          {t.registryArchivedNotice}
        </p>
      ) : (
        ''
      )}
      <p class="form-actions">
        {canEditOrganization(user, o) ? (
          <a class="button" href={`${base(ctx)}/${o.slug}/edit`} safe>
            {t.registryEditProfile}
          </a>
        ) : (
          ''
        )}
        {canSetOrganizationLogo(user, o) ? (
          <a href={`${base(ctx)}/${o.slug}/logo`} safe>
            {t.filesLogoTitle}
          </a>
        ) : (
          ''
        )}
        <a href={`/${locale}/organizations/${o.slug}`} safe>
          {t.registryPublicPage}
        </a>
      </p>
      <h2 safe>{t.registryProfile}</h2>
      <dl class="facts">
        {o.acronym ? (
          <>
            <dt safe>{t.registryOrgAcronym}</dt>
            <dd safe>{o.acronym}</dd>
          </>
        ) : (
          ''
        )}
        <dt safe>{t.registryOrgKind}</dt>
        <dd safe>{kindLabel(o.kind, t)}</dd>
        <dt safe>{t.registryOrgCountry}</dt>
        <dd safe>{o.country ? countryName(o.country, locale) : t.registryNoCountry}</dd>
        <dt safe>{t.registryOrgWebsite}</dt>
        <dd safe>{o.website ?? '—'}</dd>
        {o.aliases.length > 0 ? (
          <>
            <dt safe>{t.registryOrgAliases}</dt>
            <dd safe>{o.aliases.join(' · ')}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      <h2 safe>{t.registryOrgBoilerplate}</h2>
      <div class="bilingual-columns boilerplates">
        {LOCALES.map((l) => (
          // Plain text, as every release format prints it.
          <section lang={l} aria-labelledby={`about-${l}`}>
            <h3 id={`about-${l}`}>
              <span safe>{messages(l).switchToThisLanguage}</span>{' '}
              <StateBadge t={t} state={translationState(o.boilerplate, l)} />
            </h3>
            <p class="boilerplate-text" safe>
              {o.boilerplate[l]?.text ?? ''}
            </p>
          </section>
        ))}
      </div>
      <h2 safe>{t.registryContacts}</h2>
      {contacts.length === 0 ? <p safe>{t.registryNoContacts}</p> : ''}
      <ul class="directory">
        {contacts.map((p) => (
          <li>
            <strong safe>{p.name}</strong> <LocalizedSpan value={p.role} ctx={ctx} />
            {p.isPressContact ? (
              <span class="badge" safe>
                {t.registryPressContact}
              </span>
            ) : (
              ''
            )}
            <br />
            <span class="muted" safe>
              {[p.email, p.phone].filter(Boolean).join(' · ')}
            </span>{' '}
            {canEditPerson(user, p) ? (
              <a href={`/${locale}/workspace/people/${p.slug}/edit`} aria-label={t.workspaceEditNamed(p.name)} safe>
                {t.workspaceEdit}
              </a>
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>
      {canEditPerson(user, { organizationId: o.id }) ? (
        <p>
          <a href={`/${locale}/workspace/people/new?organization=${encodeURIComponent(o.slug)}`} safe>
            {t.registryAddContact}
          </a>
        </p>
      ) : (
        ''
      )}
      <h2 safe>{t.registryStatementsSigned}</h2>
      {statementsSigned.length === 0 ? <p safe>{t.registryNoStatementsSigned}</p> : ''}
      <ul class="directory">
        {statementsSigned.map(({ statement, role }) => (
          <li>
            <a href={`/${locale}/statements/${statement.slug}`}>
              <LocalizedSpan value={statement.title} ctx={ctx} />
            </a>{' '}
            <span class="muted" safe>
              {formatDate(statement.date, locale) + (role === 'convener' ? ` · ${t.registryConvener}` : '')}
            </span>
          </li>
        ))}
      </ul>
      {canManageOrganizations(user) ? (
        <ArchiveForm
          ctx={ctx}
          csrf={csrf}
          action={`${base(ctx)}/${o.slug}/archive`}
          archived={o.archivedAt !== null}
          version={o.version}
        />
      ) : (
        ''
      )}
    </WorkspaceLayout>
  );
}

/** The form values to show: typed ones after a failed save, otherwise the stored row. */
export function organizationFormValues(o: OrganizationRow | null): OrganizationForm {
  const pick = (v: OrganizationRow['boilerplate'] | undefined): LocaleValues =>
    Object.fromEntries(LOCALES.map((l) => [l, v?.[l]?.text ?? '']));
  return {
    name: o?.name ?? '',
    acronym: o?.acronym ?? '',
    aliases: (o?.aliases ?? []).join('\n'),
    website: o?.website ?? '',
    country: o?.country ?? '',
    kind: o?.kind ?? 'ngo',
    localizedName: pick(o?.localizedName),
    boilerplate: pick(o?.boilerplate),
    confirmed: { localizedName: [], boilerplate: [] },
  };
}

export function OrganizationFormPage(
  props: RecordFormProps<OrganizationForm> & { organization: OrganizationRow | null },
) {
  const { ctx, organization: o, form, outcome = {} } = props;
  const { t } = ctx;
  const errors = outcome.errors ?? {};
  const title = o ? t.registryEditOrganization(o.name) : t.registryNewOrganization;
  const labels: Record<string, string> = {
    name: t.registryOrgName,
    acronym: t.registryOrgAcronym,
    aliases: t.registryOrgAliases,
    website: t.registryOrgWebsite,
    country: t.registryOrgCountry,
    kind: t.registryOrgKind,
  };
  const f = boundFields(ctx, { labels, values: form, errors });
  return (
    <RegistryFormPage
      {...props}
      title={title}
      outcome={outcome}
      labels={labels}
      bilingual={{ localizedName: t.registryOrgLocalizedName, boilerplate: t.registryOrgBoilerplate }}
      conflictLabels={{ archivedAt: t.workspaceArchived }}
      base={base(ctx)}
      record={o}
      cancelHref={o ? `${base(ctx)}/${o.slug}` : base(ctx)}
    >
      <f.Text name="name" hint={t.registryOrgNameHint} required maxlength={ORGANIZATION_LIMITS.name} />
      <f.Bilingual
        name="localizedName"
        label={t.registryOrgLocalizedName}
        hint={t.registryOrgLocalizedNameHint}
        stored={o?.localizedName}
        maxLength={ORGANIZATION_LIMITS.localizedName}
      />
      <f.Text name="acronym" maxlength={ORGANIZATION_LIMITS.acronym} />
      <f.TextArea name="aliases" hint={t.registryOrgAliasesHint} rows={3} maxlength={ORGANIZATION_LIMITS.aliases} />
      <f.Text name="website" type="url" hint={t.registryOrgWebsiteHint} maxlength={ORGANIZATION_LIMITS.website} />
      <CountryField ctx={ctx} value={form.country} error={errors.country} />
      <f.Select name="kind" options={kindOptions(ctx)} required />
      <f.Bilingual
        name="boilerplate"
        label={t.registryOrgBoilerplate}
        hint={t.registryOrgBoilerplateHint}
        stored={o?.boilerplate}
        multiline
        rows={6}
        maxLength={ORGANIZATION_LIMITS.boilerplate}
      />
    </RegistryFormPage>
  );
}
