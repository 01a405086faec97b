/** Theme and addressee pages of the workspace. */

import type { Catalog } from '../../platform/i18n/catalog.js';
import { countryLabel } from '../../platform/i18n/countries.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import type { LocaleValues } from '../../platform/text/bilingual.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { BilingualField } from '../../ui/bilingual-field.js';
import { boundFields } from '../../ui/bound-fields.js';
import { CsrfField } from '../../ui/form.js';
import { ListPage } from '../../ui/list-page.js';
import { localizedPlain } from '../../ui/localized-view.js';
import type { WorkspaceProps } from '../../ui/workspace-layout.js';
import { ArchivableName, CountryField, type RecordFormProps, RegistryFormPage, TranslationBadges } from './common.js';
import { mappingsBase } from './theme-mapping-views.js';
import {
  ADDRESSEE_KINDS,
  ADDRESSEE_NAME_MAX,
  type AddresseeForm,
  type AddresseeRow,
  type LabelForm,
  THEME_LABEL_MAX,
  type ThemeMappingRow,
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
  const { ctx, csrf, filter } = props;
  const { t } = ctx;
  return (
    <ListPage
      {...props}
      title={t.registryThemesTitle}
      create={{ href: `${themesBase(ctx)}/new`, label: t.registryNewTheme }}
      related={{ href: `${themesBase(ctx)}/mappings`, label: t.registryThemeMappingsTitle }}
      hint={t.registryThemesOrderHint}
      search={{ action: themesBase(ctx), q: filter.q, showArchived: filter.archived }}
      columns={[
        {
          header: t.registryThemeLabel,
          cell: (r) => (
            <ArchivableName
              ctx={ctx}
              href={`${themesBase(ctx)}/${r.slug}/edit`}
              name={r.label}
              archivedAt={r.archivedAt}
            />
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
  );
}

export const themeFormValues = (r: ThemeRow | null): LabelForm => ({ label: valuesOf(r?.label), confirmed: [] });

/** What a conflict may show that the theme and addressee forms do not have fields for. */
const vocabularyConflictLabels = (t: Catalog) => ({
  archivedAt: t.workspaceArchived,
  parentId: t.registryAddresseeParent,
  position: t.registryColumnOrder,
});

/** The import sources' theme labels and the theme each files under, for editors to review. */
export function ThemeMappingsPage(props: WorkspaceProps & { rows: ThemeMappingRow[]; q: string }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <ListPage
      {...props}
      title={t.registryThemeMappingsTitle}
      create={{ href: `${mappingsBase(ctx)}/new`, label: t.registryNewThemeMapping }}
      hint={t.registryThemeMappingsHint}
      search={{ action: mappingsBase(ctx), q: props.q }}
      columns={[
        { header: t.registryColumnSource, cell: (r) => <span safe>{t.registryMappingSource(r.source)}</span> },
        { header: t.registryColumnSourceLabel, cell: (r) => <span safe>{r.label}</span> },
        {
          header: t.registryThemeLabel,
          cell: (r) => (
            <a href={`${themesBase(ctx)}/${r.themeSlug}/edit`} safe>
              {localizedPlain(r.themeLabel, ctx)}
            </a>
          ),
        },
        {
          header: t.registryColumnChange,
          cell: (r) => (
            <a href={`${mappingsBase(ctx)}/${r.id}/edit`}>
              <span safe>{t.registryColumnChange}</span>
              <span class="visually-hidden" safe>{` “${r.label}” (${t.registryMappingSource(r.source)})`}</span>
            </a>
          ),
        },
      ]}
    />
  );
}

export function ThemeFormPage(props: RecordFormProps<LabelForm> & { theme: ThemeRow | null }) {
  const { ctx, theme: r, form, outcome = {} } = props;
  const { t } = ctx;
  const labels: Record<string, string> = { label: t.registryThemeLabel };
  return (
    <RegistryFormPage
      {...props}
      title={r ? t.registryEditTheme : t.registryNewTheme}
      outcome={outcome}
      labels={labels}
      bilingual={{ label: t.registryThemeLabel }}
      conflictLabels={vocabularyConflictLabels(t)}
      base={themesBase(ctx)}
      record={r}
      archivable
    >
      <BilingualField
        ctx={ctx}
        name="label"
        label={t.registryThemeLabel}
        stored={r?.label}
        values={form.label}
        errors={outcome.errors ?? {}}
        maxLength={THEME_LABEL_MAX}
      />
    </RegistryFormPage>
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
  const { ctx, filter } = props;
  const { t, locale } = ctx;
  return (
    <ListPage
      {...props}
      title={t.registryAddresseesTitle}
      create={{ href: `${addresseesBase(ctx)}/new`, label: t.registryNewAddressee }}
      search={{
        action: addresseesBase(ctx),
        q: filter.q,
        showArchived: filter.archived,
        filters: [{ name: 'kind', label: t.registryAddresseeKind, value: filter.kind, options: kindOptions(t) }],
      }}
      columns={[
        {
          header: t.registryAddresseeName,
          cell: (r) => (
            <ArchivableName
              ctx={ctx}
              href={`${addresseesBase(ctx)}/${r.slug}/edit`}
              name={r.name}
              archivedAt={r.archivedAt}
            />
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
  );
}

export function addresseeFormValues(r: AddresseeRow | null, parentSlug: string): AddresseeForm {
  return { name: valuesOf(r?.name), confirmed: [], kind: r?.kind ?? '', country: r?.country ?? '', parent: parentSlug };
}

export function AddresseeFormPage(
  props: RecordFormProps<AddresseeForm> & { addressee: AddresseeRow | null; parents: AddresseeRow[] },
) {
  const { ctx, addressee: r, form, outcome = {} } = props;
  const { t } = ctx;
  const errors = outcome.errors ?? {};
  const labels: Record<string, string> = {
    name: t.registryAddresseeName,
    kind: t.registryAddresseeKind,
    country: t.registryOrgCountry,
    parent: t.registryAddresseeParent,
  };
  const f = boundFields(ctx, { labels, values: form, errors });
  return (
    <RegistryFormPage
      {...props}
      title={r ? t.registryEditAddressee : t.registryNewAddressee}
      outcome={outcome}
      labels={labels}
      bilingual={{ name: t.registryAddresseeName }}
      conflictLabels={vocabularyConflictLabels(t)}
      base={addresseesBase(ctx)}
      record={r}
      archivable
    >
      <f.Bilingual name="name" label={t.registryAddresseeName} stored={r?.name} maxLength={ADDRESSEE_NAME_MAX} />
      <f.Select name="kind" options={kindOptions(t)} emptyLabel="" required />
      <CountryField ctx={ctx} value={form.country} error={errors.country} />
      <f.Select
        name="parent"
        hint={t.registryAddresseeParentHint}
        options={props.parents
          .filter((p) => p.id !== r?.id)
          .map((p) => ({ value: p.slug, label: localizedPlain(p.name, ctx) }))}
        emptyLabel={t.registryAddresseeNoParent}
      />
    </RegistryFormPage>
  );
}
