/** The contacts pages: the list, the form (new and edit, with erase and "download their data"). */
import type { ChangeSince } from '../../platform/conflict.js';
import type { KeysetPage } from '../../platform/db/keyset.js';
import { countryLabel, countryOptions } from '../../platform/i18n/countries.js';
import type { PageContext } from '../../platform/web/page-context.js';
import type { FormOutcome } from '../../platform/web/workspace-request.js';
import { ConflictNotice } from '../../ui/conflict-notice.js';
import { CheckboxField, ErrorSummary, HiddenFields, SelectField, TextAreaField, TextField } from '../../ui/form.js';
import { DataTable, FilterBar } from '../../ui/list.js';
import { type ListSearch, searchQuery } from '../../ui/list-page.js';
import { keysetLinks, Pager, pageHref } from '../../ui/pager.js';
import { WorkspaceLayout, type WorkspaceProps } from '../../ui/workspace-layout.js';
import { CONTACT_LIMITS, CONTACT_STATUSES, type ContactForm } from './contact-fields.js';
import type { ContactFilter, ContactRow } from './contacts-service.js';
import { CheckboxGroup, languageOptions, PressMenu, SaveOrCancel } from './form-parts.js';

export interface ThemeOption {
  value: string;
  label: string;
}

const base = (ctx: PageContext) => `/${ctx.locale}/workspace/press`;

export const statusLabel = (ctx: PageContext, status: string) =>
  ctx.t.pressStatus(status as (typeof CONTACT_STATUSES)[number]);

export function ContactsListPage(
  props: WorkspaceProps & { page: KeysetPage<ContactRow>; filter: ContactFilter; themes: ThemeOption[] },
) {
  const { ctx, filter } = props;
  const { t } = ctx;
  const search: ListSearch = {
    action: base(ctx),
    q: filter.q,
    filters: [
      { name: 'language', label: t.pressLanguages, value: filter.language, options: languageOptions(ctx) },
      { name: 'country', label: t.pressCountry, value: filter.country, options: countryOptions(ctx.locale) },
      { name: 'beat', label: t.pressBeats, value: filter.beat, options: props.themes },
      {
        name: 'status',
        label: t.pressStatusLabel,
        value: filter.status,
        options: CONTACT_STATUSES.map((s) => ({ value: s, label: statusLabel(ctx, s) })),
      },
    ],
  };
  const links = keysetLinks(props.page, (cursor) => pageHref(search.action, searchQuery(search), cursor));
  return (
    <WorkspaceLayout {...props} title={t.pressContactsTitle}>
      <PressMenu ctx={ctx} current="contacts" />
      <h1 safe>{t.pressContactsTitle}</h1>
      <p class="hint" safe>
        {t.pressContactsHint}
      </p>
      <p>
        <a class="button" href={`${base(ctx)}/contacts/new`} safe>
          {t.pressNewContact}
        </a>{' '}
        <a href={`${base(ctx)}/import`} safe>
          {t.pressImportTitle}
        </a>{' '}
        · <a href={`${base(ctx)}/contacts.csv`}>{t.pressExportCsv as 'safe'}</a> ·{' '}
        <a href={`${base(ctx)}/contacts.xlsx`}>{t.pressExportXlsx as 'safe'}</a>
      </p>
      <FilterBar ctx={ctx} action={search.action} q={search.q} filters={search.filters ?? []} />
      <DataTable
        ctx={ctx}
        caption={t.pressContactsTitle}
        rows={props.page.items}
        paged={Boolean(links.next || links.previous)}
        columns={[
          {
            header: t.pressName,
            cell: (c) => (
              <a href={`${base(ctx)}/contacts/${c.id}/edit`} safe>
                {c.name}
              </a>
            ),
          },
          { header: t.pressOutlet, cell: (c) => <span safe>{c.outlet}</span> },
          { header: t.pressEmail, cell: (c) => <span safe>{c.email}</span> },
          { header: t.pressLanguages, cell: (c) => <span safe>{c.languages.join(', ')}</span> },
          { header: t.pressCountry, cell: (c) => <span safe>{countryLabel(c.country, ctx.locale)}</span> },
          {
            header: t.pressStatusLabel,
            cell: (c) => (
              <span safe>
                {[statusLabel(ctx, c.status), c.trusted ? t.pressTrustedShort : ''].filter(Boolean).join(' · ')}
              </span>
            ),
          },
        ]}
      />
      <Pager ctx={ctx} links={links} />
    </WorkspaceLayout>
  );
}

export function contactFormValues(c: ContactRow | null, themeSlugs: ReadonlyMap<number, string>): ContactForm {
  return {
    name: c?.name ?? '',
    outlet: c?.outlet ?? '',
    email: c?.email ?? '',
    languages: c?.languages ?? [],
    country: c?.country ?? '',
    beats: (c?.beatIds ?? []).map((id) => themeSlugs.get(id) ?? '').filter((s) => s !== ''),
    notes: c?.notes ?? '',
    source: c?.source ?? '',
    trusted: c?.trusted ?? false,
    status: c?.status ?? 'active',
  };
}

export function ContactFormPage(
  props: WorkspaceProps & {
    contact: ContactRow | null;
    form: ContactForm;
    themes: ThemeOption[];
    outcome?: FormOutcome;
    version?: number;
  },
) {
  const { ctx, contact, form, outcome = {} } = props;
  const { t } = ctx;
  const errors = outcome.errors ?? {};
  const labels: Record<string, string> = {
    name: t.pressName,
    outlet: t.pressOutlet,
    email: t.pressEmail,
    languages: t.pressLanguages,
    country: t.pressCountry,
    beats: t.pressBeats,
    notes: t.pressNotes,
    source: t.pressSource,
    status: t.pressStatusLabel,
  };
  const title = contact ? t.pressEditContact(contact.name) : t.pressNewContact;
  const action = contact ? `${base(ctx)}/contacts/${contact.id}/edit` : `${base(ctx)}/contacts`;
  return (
    <WorkspaceLayout {...props} title={title}>
      <PressMenu ctx={ctx} current="contacts" />
      <h1 safe>{title}</h1>
      <p class="hint" safe>
        {t.pressPersonalDataHint}
      </p>
      {outcome.conflict ? <ConflictNotice ctx={ctx} history={outcome.conflict as ChangeSince[]} labels={labels} /> : ''}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={action} novalidate>
        <HiddenFields csrf={props.csrf} version={contact ? (props.version ?? contact.version) : undefined} />
        <TextField
          ctx={ctx}
          name="name"
          label={t.pressName}
          value={form.name}
          error={errors.name}
          required
          autocomplete="off"
          maxlength={CONTACT_LIMITS.name}
        />
        <TextField
          ctx={ctx}
          name="outlet"
          label={t.pressOutlet}
          value={form.outlet}
          error={errors.outlet}
          maxlength={CONTACT_LIMITS.outlet}
          autocomplete="off"
        />
        <TextField
          ctx={ctx}
          name="email"
          type="email"
          label={t.pressEmail}
          value={form.email}
          error={errors.email}
          required
          autocomplete="off"
          maxlength={CONTACT_LIMITS.email}
        />
        <CheckboxGroup
          ctx={ctx}
          name="languages"
          legend={t.pressLanguages}
          hint={t.pressLanguagesHint}
          options={languageOptions(ctx)}
          checked={form.languages}
          error={errors.languages}
        />
        <SelectField
          ctx={ctx}
          name="country"
          label={t.pressCountry}
          value={form.country}
          options={countryOptions(ctx.locale, form.country)}
          emptyLabel={t.pressNoCountry}
          error={errors.country}
        />
        <CheckboxGroup
          ctx={ctx}
          name="beats"
          legend={t.pressBeats}
          hint={t.pressBeatsHint}
          options={props.themes}
          checked={form.beats}
          error={errors.beats}
        />
        <TextAreaField
          ctx={ctx}
          name="source"
          label={t.pressSource}
          hint={t.pressSourceHint}
          value={form.source}
          error={errors.source}
          rows={2}
          maxlength={CONTACT_LIMITS.source}
        />
        <TextAreaField
          ctx={ctx}
          name="notes"
          label={t.pressNotes}
          value={form.notes}
          error={errors.notes}
          rows={3}
          maxlength={CONTACT_LIMITS.notes}
        />
        <CheckboxField name="trusted" label={t.pressTrusted} hint={t.pressTrustedHint} checked={form.trusted} />
        <SelectField
          ctx={ctx}
          name="status"
          label={t.pressStatusLabel}
          hint={t.pressStatusHint}
          value={form.status}
          options={CONTACT_STATUSES.map((s) => ({ value: s, label: statusLabel(ctx, s) }))}
          error={errors.status}
          required
        />
        <SaveOrCancel ctx={ctx} cancelHref={base(ctx)} />
      </form>
      {contact ? (
        <section aria-labelledby="contact-data">
          <h2 id="contact-data" safe>
            {t.pressTheirData}
          </h2>
          <p>
            <a href={`${base(ctx)}/contacts/${contact.id}/data.json`} download="" safe>
              {t.pressDownloadData}
            </a>
          </p>
          <form method="post" action={`${base(ctx)}/contacts/${contact.id}/erase`}>
            <HiddenFields csrf={props.csrf} />
            <CheckboxField
              name="confirm"
              label={t.pressEraseConfirm(contact.name)}
              hint={t.pressEraseHint}
              checked={false}
            />
            <button type="submit" class="button-secondary" safe>
              {t.pressErase}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
    </WorkspaceLayout>
  );
}
