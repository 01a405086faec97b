/** Theme and addressee pages of the workspace. */

import type { Catalog } from '../../i18n/catalog.js';
import { LOCALES } from '../../lib/locales.js';
import { LocalizedSpan, localizedPlain } from '../../lib/localized-view.js';
import type { PageContext } from '../../lib/page-context.js';
import { CsrfField } from '../accounts/views.js';
import { countryLabel, countryOptions } from '../workspace/countries.js';
import { BilingualField, HiddenFields, type LocaleValues, SelectField } from '../workspace/form.js';
import { WorkspaceLayout, type WorkspaceProps } from '../workspace/layout.js';
import { DataTable, FilterBar } from '../workspace/list.js';
import type { FormOutcome } from '../workspace/web.js';
import { ArchivedBadge, ArchiveForm, bilingualLabels, FormProblems, SavedNotice, TranslationBadges } from './common.js';
import {
  ADDRESSEE_KINDS,
  type AddresseeForm,
  type AddresseeRow,
  type LabelForm,
  type ThemeRow,
} from './vocabulary-service.js';

const themesBase = (ctx: PageContext) => `/${ctx.locale}/workspace/themes`;
const addresseesBase = (ctx: PageContext) => `/${ctx.locale}/workspace/addressees`;

const valuesOf = (v: ThemeRow['label'] | undefined): LocaleValues =>
  Object.fromEntries(LOCALES.map((l) => [l, v?.[l]?.text ?? '']));

function MoveButton(props: { ctx: PageContext; csrf: string; theme: ThemeRow; direction: 'up' | 'down' }) {
  const { ctx, theme, direction } = props;
  const name = localizedPlain(theme.label, ctx);
  return (
    <form method="post" action={`${themesBase(ctx)}/${theme.slug}/move`}>
      <CsrfField token={props.csrf} />
      <input type="hidden" name="version" value={String(theme.version)} />
      <input type="hidden" name="direction" value={direction} />
      <button
        type="submit"
        class="link-button"
        aria-label={direction === 'up' ? ctx.t.workspaceMoveUpNamed(name) : ctx.t.workspaceMoveDownNamed(name)}
        safe
      >
        {direction === 'up' ? ctx.t.workspaceMoveUp : ctx.t.workspaceMoveDown}
      </button>
    </form>
  );
}

export function ThemeListPage(
  props: WorkspaceProps & { rows: ThemeRow[]; filter: { q: string; archived: boolean }; saved: boolean },
) {
  const { ctx, csrf, rows, filter } = props;
  const { t } = ctx;
  return (
    <WorkspaceLayout {...props} title={t.registryThemesTitle}>
      <h1 safe>{t.registryThemesTitle}</h1>
      <SavedNotice ctx={ctx} saved={props.saved} />
      <p>
        <a class="button" href={`${themesBase(ctx)}/new`} safe>
          {t.registryNewTheme}
        </a>
      </p>
      <p class="hint" safe>
        {t.registryThemesOrderHint}
      </p>
      <FilterBar ctx={ctx} action={themesBase(ctx)} q={filter.q} showArchived={filter.archived} />
      <DataTable
        ctx={ctx}
        caption={t.registryThemesTitle}
        rows={rows}
        columns={[
          {
            header: t.registryThemeLabel,
            cell: (r) => (
              <>
                <a href={`${themesBase(ctx)}/${r.slug}/edit`}>
                  <LocalizedSpan value={r.label} ctx={ctx} />
                </a>{' '}
                <ArchivedBadge ctx={ctx} archivedAt={r.archivedAt} />
              </>
            ),
          },
          { header: t.registryColumnTranslations, cell: (r) => <TranslationBadges ctx={ctx} value={r.label} /> },
          {
            header: t.registryColumnOrder,
            cell: (r) =>
              r.archivedAt ? (
                ''
              ) : (
                <div class="row-actions">
                  <MoveButton ctx={ctx} csrf={csrf} theme={r} direction="up" />
                  <MoveButton ctx={ctx} csrf={csrf} theme={r} direction="down" />
                </div>
              ),
          },
        ]}
      />
    </WorkspaceLayout>
  );
}

export const themeFormValues = (r: ThemeRow | null): LabelForm => ({ label: valuesOf(r?.label), confirmed: [] });

export function ThemeFormPage(
  props: WorkspaceProps & { theme: ThemeRow | null; form: LabelForm; outcome?: FormOutcome; version?: number },
) {
  const { ctx, csrf, theme: r, form, outcome = {} } = props;
  const { t } = ctx;
  const errors = outcome.errors ?? {};
  const title = r ? t.registryEditTheme : t.registryNewTheme;
  const labels: Record<string, string> = { label: t.registryThemeLabel };
  Object.assign(labels, bilingualLabels('label', t.registryThemeLabel));
  return (
    <WorkspaceLayout {...props} title={title}>
      <h1 safe>{title}</h1>
      <FormProblems
        ctx={ctx}
        conflict={outcome.conflict}
        errors={errors}
        labels={labels}
        conflictLabels={{
          archivedAt: t.workspaceArchived,
          parentId: t.registryAddresseeParent,
          position: t.registryColumnOrder,
        }}
      />
      <form method="post" action={r ? `${themesBase(ctx)}/${r.slug}/edit` : themesBase(ctx)} novalidate>
        <HiddenFields csrf={csrf} version={props.version ?? r?.version} />
        <BilingualField
          ctx={ctx}
          name="label"
          label={t.registryThemeLabel}
          stored={r?.label}
          values={form.label}
          errors={errors}
        />
        <FormButtons ctx={ctx} editing={r !== null} cancel={themesBase(ctx)} />
      </form>
      {r ? (
        <ArchiveForm
          ctx={ctx}
          csrf={csrf}
          action={`${themesBase(ctx)}/${r.slug}/archive`}
          archived={r.archivedAt !== null}
          version={r.version}
        />
      ) : (
        ''
      )}
    </WorkspaceLayout>
  );
}

function FormButtons({ ctx, editing, cancel }: { ctx: PageContext; editing: boolean; cancel: string }) {
  return (
    <p class="form-actions">
      <button type="submit" safe>
        {editing ? ctx.t.workspaceSave : ctx.t.workspaceCreate}
      </button>
      <a href={cancel} safe>
        {ctx.t.workspaceCancel}
      </a>
    </p>
  );
}

export function addresseeKindLabel(kind: AddresseeRow['kind'], t: Catalog): string {
  const labels: Record<AddresseeRow['kind'], string> = {
    person: t.registryAddresseeKindPerson,
    office: t.registryAddresseeKindOffice,
    government: t.registryAddresseeKindGovernment,
    agency: t.registryAddresseeKindAgency,
    legislature: t.registryAddresseeKindLegislature,
    international_body: t.registryAddresseeKindInternationalBody,
    other: t.registryAddresseeKindOther,
  };
  return labels[kind];
}

const kindOptions = (t: Catalog) => ADDRESSEE_KINDS.map((k) => ({ value: k, label: addresseeKindLabel(k, t) }));

export function AddresseeListPage(
  props: WorkspaceProps & {
    rows: AddresseeRow[];
    filter: { q: string; kind: string; archived: boolean };
    saved: boolean;
  },
) {
  const { ctx, rows, filter } = props;
  const { t, locale } = ctx;
  return (
    <WorkspaceLayout {...props} title={t.registryAddresseesTitle}>
      <h1 safe>{t.registryAddresseesTitle}</h1>
      <SavedNotice ctx={ctx} saved={props.saved} />
      <p>
        <a class="button" href={`${addresseesBase(ctx)}/new`} safe>
          {t.registryNewAddressee}
        </a>
      </p>
      <FilterBar
        ctx={ctx}
        action={addresseesBase(ctx)}
        q={filter.q}
        showArchived={filter.archived}
        filters={[{ name: 'kind', label: t.registryAddresseeKind, value: filter.kind, options: kindOptions(t) }]}
      />
      <DataTable
        ctx={ctx}
        caption={t.registryAddresseesTitle}
        rows={rows}
        columns={[
          {
            header: t.registryAddresseeName,
            cell: (r) => (
              <>
                <a href={`${addresseesBase(ctx)}/${r.slug}/edit`}>
                  <LocalizedSpan value={r.name} ctx={ctx} />
                </a>{' '}
                <ArchivedBadge ctx={ctx} archivedAt={r.archivedAt} />
              </>
            ),
          },
          { header: t.registryColumnKind, cell: (r) => <span safe>{addresseeKindLabel(r.kind, t)}</span> },
          {
            header: t.registryColumnCountry,
            cell: (r) => <span safe>{countryLabel(r.country, locale)}</span>,
          },
          { header: t.registryColumnTranslations, cell: (r) => <TranslationBadges ctx={ctx} value={r.name} /> },
        ]}
      />
    </WorkspaceLayout>
  );
}

export function addresseeFormValues(r: AddresseeRow | null, parentSlug: string): AddresseeForm {
  return { name: valuesOf(r?.name), confirmed: [], kind: r?.kind ?? '', country: r?.country ?? '', parent: parentSlug };
}

export function AddresseeFormPage(
  props: WorkspaceProps & {
    addressee: AddresseeRow | null;
    form: AddresseeForm;
    parents: AddresseeRow[];
    outcome?: FormOutcome;
    version?: number;
  },
) {
  const { ctx, csrf, addressee: r, form, outcome = {} } = props;
  const { t, locale } = ctx;
  const errors = outcome.errors ?? {};
  const title = r ? t.registryEditAddressee : t.registryNewAddressee;
  const labels: Record<string, string> = {
    name: t.registryAddresseeName,
    kind: t.registryAddresseeKind,
    country: t.registryOrgCountry,
    parent: t.registryAddresseeParent,
  };
  Object.assign(labels, bilingualLabels('name', t.registryAddresseeName));
  return (
    <WorkspaceLayout {...props} title={title}>
      <h1 safe>{title}</h1>
      <FormProblems
        ctx={ctx}
        conflict={outcome.conflict}
        errors={errors}
        labels={labels}
        conflictLabels={{
          archivedAt: t.workspaceArchived,
          parentId: t.registryAddresseeParent,
          position: t.registryColumnOrder,
        }}
      />
      <form method="post" action={r ? `${addresseesBase(ctx)}/${r.slug}/edit` : addresseesBase(ctx)} novalidate>
        <HiddenFields csrf={csrf} version={props.version ?? r?.version} />
        <BilingualField
          ctx={ctx}
          name="name"
          label={t.registryAddresseeName}
          stored={r?.name}
          values={form.name}
          errors={errors}
        />
        <SelectField
          ctx={ctx}
          name="kind"
          label={labels.kind!}
          value={form.kind}
          options={kindOptions(t)}
          emptyLabel=""
          error={errors.kind}
          required
        />
        <SelectField
          ctx={ctx}
          name="country"
          label={labels.country!}
          value={form.country}
          options={countryOptions(locale)}
          emptyLabel={t.registryNoCountry}
          error={errors.country}
        />
        <SelectField
          ctx={ctx}
          name="parent"
          label={labels.parent!}
          hint={t.registryAddresseeParentHint}
          value={form.parent}
          options={props.parents
            .filter((p) => p.id !== r?.id)
            .map((p) => ({ value: p.slug, label: localizedPlain(p.name, ctx) }))}
          emptyLabel={t.registryAddresseeNoParent}
          error={errors.parent}
        />
        <FormButtons ctx={ctx} editing={r !== null} cancel={addresseesBase(ctx)} />
      </form>
      {r ? (
        <ArchiveForm
          ctx={ctx}
          csrf={csrf}
          action={`${addresseesBase(ctx)}/${r.slug}/archive`}
          archived={r.archivedAt !== null}
          version={r.version}
        />
      ) : (
        ''
      )}
    </WorkspaceLayout>
  );
}
