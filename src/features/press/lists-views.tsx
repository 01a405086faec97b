/** Press lists: all of them with their member counts, and the form (a saved filter or hand-picked addresses). */
import { countryLabel, countryOptions } from '../../platform/i18n/countries.js';
import type { PageContext } from '../../platform/web/page-context.js';
import type { FormOutcome } from '../../platform/web/workspace-request.js';
import { ConflictNotice } from '../../ui/conflict-notice.js';
import { ErrorSummary, HiddenFields, TextAreaField, TextField } from '../../ui/form.js';
import { DataTable } from '../../ui/list.js';
import { WorkspaceLayout, type WorkspaceProps } from '../../ui/workspace-layout.js';
import type { ThemeOption } from './contacts-views.js';
import { CheckboxGroup, languageOptions, PressMenu, RadioGroup, SaveOrCancel } from './form-parts.js';
import { LIST_NAME_MAX, type ListForm, type ListRow } from './lists-service.js';

const base = (ctx: PageContext) => `/${ctx.locale}/workspace/press/lists`;

export function ListsPage(
  props: WorkspaceProps & { lists: (ListRow & { members: number })[]; beatLabels: Map<number, string> },
) {
  const { ctx } = props;
  const { t } = ctx;
  const criteria = (l: ListRow) =>
    l.kind === 'picked'
      ? t.pressListPicked
      : [
          l.languages.join(', '),
          l.countries.map((c) => countryLabel(c, ctx.locale)).join(', '),
          l.beatIds.map((id) => props.beatLabels.get(id) ?? '').join(', '),
        ]
          .filter(Boolean)
          .join(' · ') || t.pressListEveryone;
  return (
    <WorkspaceLayout {...props} title={t.pressListsTitle}>
      <PressMenu ctx={ctx} current="lists" />
      <h1 safe>{t.pressListsTitle}</h1>
      <p class="hint" safe>
        {t.pressListsHint}
      </p>
      <p>
        <a class="button" href={`${base(ctx)}/new`} safe>
          {t.pressNewList}
        </a>
      </p>
      <DataTable
        ctx={ctx}
        caption={t.pressListsTitle}
        rows={props.lists}
        columns={[
          {
            header: t.pressName,
            cell: (l) => (
              <a href={`${base(ctx)}/${l.id}/edit`} safe>
                {l.name}
              </a>
            ),
          },
          { header: t.pressListCriteria, cell: (l) => <span safe>{criteria(l)}</span> },
          { header: t.pressListMembers, cell: (l) => <span safe>{String(l.members)}</span> },
        ]}
      />
    </WorkspaceLayout>
  );
}

export function ListFormPage(
  props: WorkspaceProps & {
    list: ListRow | null;
    form: ListForm;
    themes: ThemeOption[];
    outcome?: FormOutcome;
    version?: number;
  },
) {
  const { ctx, list, form, outcome = {} } = props;
  const { t } = ctx;
  const errors = outcome.errors ?? {};
  const labels = {
    name: t.pressName,
    kind: t.pressListKind,
    languages: t.pressLanguages,
    countries: t.pressCountries,
    beats: t.pressBeats,
    members: t.pressListMembersField,
  };
  const title = list ? t.pressEditList(list.name) : t.pressNewList;
  return (
    <WorkspaceLayout {...props} title={title}>
      <PressMenu ctx={ctx} current="lists" />
      <h1 safe>{title}</h1>
      {outcome.conflict ? <ConflictNotice ctx={ctx} history={outcome.conflict} labels={labels} /> : ''}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <form method="post" action={list ? `${base(ctx)}/${list.id}/edit` : base(ctx)} novalidate>
        <HiddenFields csrf={props.csrf} version={list ? (props.version ?? list.version) : undefined} />
        <TextField
          ctx={ctx}
          name="name"
          label={t.pressName}
          value={form.name}
          error={errors.name}
          required
          maxlength={LIST_NAME_MAX}
          autocomplete="off"
        />
        <RadioGroup
          ctx={ctx}
          name="kind"
          legend={t.pressListKind}
          options={[
            { value: 'filter', label: t.pressListKindFilter },
            { value: 'picked', label: t.pressListKindPicked },
          ]}
          checked={form.kind === 'picked' ? 'picked' : 'filter'}
          error={errors.kind}
        />
        <h2 safe>{t.pressListFilterHeading}</h2>
        <p class="hint" safe>
          {t.pressListFilterHint}
        </p>
        <CheckboxGroup
          ctx={ctx}
          name="languages"
          legend={t.pressLanguages}
          options={languageOptions(ctx)}
          checked={form.languages}
          error={errors.languages}
        />
        <div class={errors.countries ? 'field field-invalid' : 'field'}>
          <label for="f-countries" safe>
            {t.pressCountries}
          </label>
          <span class="hint" id="f-countries-hint" safe>
            {t.pressCountriesHint}
          </span>
          {errors.countries ? (
            <span class="field-error" safe>
              {errors.countries}
            </span>
          ) : (
            ''
          )}
          <select id="f-countries" name="countries" multiple="multiple" size="6" aria-describedby="f-countries-hint">
            {countryOptions(ctx.locale).map((o) => (
              <option value={o.value} selected={form.countries.includes(o.value)} safe>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <CheckboxGroup
          ctx={ctx}
          name="beats"
          legend={t.pressBeats}
          options={props.themes}
          checked={form.beats}
          error={errors.beats}
        />
        <h2 safe>{t.pressListPickedHeading}</h2>
        <TextAreaField
          ctx={ctx}
          name="members"
          label={t.pressListMembersField}
          hint={t.pressListMembersHint}
          value={form.members}
          error={errors.members}
          rows={6}
        />
        <SaveOrCancel ctx={ctx} cancelHref={base(ctx)} />
      </form>
    </WorkspaceLayout>
  );
}
