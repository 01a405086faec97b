/** Workspace pages for one recommendation or one quote of a statement. */

import type { PageContext } from '../../platform/web/page-context.js';
import type { FormOutcome } from '../../platform/web/workspace-request.js';
import { BilingualField } from '../../ui/bilingual-field.js';
import { ChoiceSearch } from '../../ui/choice-search.js';
import { ConflictNotice } from '../../ui/conflict-notice.js';
import { ErrorSummary, HiddenFields, readLocaleValues, SelectField } from '../../ui/form.js';
import { localizedPlain } from '../../ui/localized-view.js';
import { WorkspaceLayout, type WorkspaceProps } from '../../ui/workspace-layout.js';
import type { StatementRow } from './edit-service.js';
import { asIds, CheckboxGroup } from './ordered-picker.js';
import { DeleteDraftForm } from './publication-controls.js';
import type { QuoteRow } from './quote-service.js';
import { QUOTE_MAX } from './quote-service.js';
import { LinksSection, type LinksState } from './recommendation-link-views.js';
import { MAX_TEXT } from './recommendation-service.js';
import type { RecommendationForEditing, RegistryChoices } from './workspace-read.js';
import type { Typed } from './workspace-views.js';

interface ItemProps extends WorkspaceProps {
  statement: StatementRow;
  choices: RegistryChoices;
  typed: Typed;
  outcome: FormOutcome;
}

function Frame(props: ItemProps & { title: string; children: JSX.Element | JSX.Element[] }): JSX.Element {
  const { ctx, statement } = props;
  const { t, locale } = ctx;
  return (
    <WorkspaceLayout {...props} title={props.title}>
      <p>
        <a href={`/${locale}/workspace/statements/${statement.slug}`} safe>
          {`${t.editorialBackToStatement}: ${localizedPlain(statement.title, ctx)}`}
        </a>
      </p>
      <h1 safe>{props.title}</h1>
      {props.outcome.conflict ? <ConflictNotice ctx={ctx} history={props.outcome.conflict} labels={labels(ctx)} /> : ''}
      {props.children as 'safe'}
    </WorkspaceLayout>
  );
}

function labels(ctx: PageContext): Record<string, string> {
  const { t } = ctx;
  return {
    text: t.editorialRecommendationText,
    themes: t.editorialThemes,
    addressees: t.editorialRecommendationAddressees,
    personId: t.editorialQuotePerson,
    themeIds: t.editorialThemes,
    addresseeIds: t.editorialRecommendationAddressees,
    recommendation: t.editorialDelete,
    quote: t.editorialDelete,
  };
}

/** New (no `recommendation`) or existing recommendation. */
export function RecommendationPage(
  props: ItemProps & {
    recommendation: RecommendationForEditing | null;
    number: number;
    /** An existing recommendation's links to others (issue 17), with the picker's state. */
    links?: LinksState | undefined;
  },
): JSX.Element {
  const { ctx, csrf, statement, choices, typed, outcome, recommendation: r } = props;
  const { t, locale } = ctx;
  const errors = outcome.errors ?? {};
  const base = `/${locale}/workspace/statements/${statement.slug}/recommendations`;
  const selected = (name: string, stored: number[]) => (typed ? asIds(typed[name]) : stored);
  return (
    <Frame {...props} title={r ? t.editorialRecommendationNumber(props.number) : t.editorialAddRecommendation}>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels(ctx)} />
      <form method="post" action={r ? `${base}/${r.id}` : base} class="form" novalidate>
        <HiddenFields csrf={csrf} version={r?.version} />
        <input type="hidden" name="originalLocale" value={locale} />
        <BilingualField
          ctx={ctx}
          name="text"
          label={t.editorialRecommendationText}
          stored={r?.text}
          values={typed ? readLocaleValues(typed, 'text') : undefined}
          errors={errors}
          multiline
          rows={5}
          maxLength={MAX_TEXT}
          required
        />
        <CheckboxGroup
          name="themes"
          legend={t.editorialThemes}
          rows={choices.themes.map((th) => ({ id: th.id, label: localizedPlain(th.label, ctx) }))}
          selected={selected('themes', r?.themeIds ?? [])}
          error={errors.themes}
        />
        <CheckboxGroup
          name="addressees"
          legend={t.editorialRecommendationAddressees}
          rows={choices.addressees.map((a) => ({ id: a.id, label: localizedPlain(a.name, ctx) }))}
          selected={selected('addressees', r?.addresseeIds ?? [])}
          error={errors.addressees}
        />
        <p class="form-actions">
          <button type="submit" safe>
            {r ? t.workspaceSave : t.workspaceCreate}
          </button>
        </p>
      </form>
      {r ? (
        <DeleteDraftForm
          formClass="delete-form"
          ctx={ctx}
          csrf={csrf}
          action={`${base}/${r.id}/delete`}
          version={r.version}
        />
      ) : (
        ''
      )}
      {r && props.links ? <LinksSection ctx={ctx} csrf={csrf} base={`${base}/${r.id}`} links={props.links} /> : ''}
    </Frame>
  );
}

export function QuotePage(props: ItemProps & { quote: QuoteRow | null; find: string }): JSX.Element {
  const { ctx, csrf, statement, choices, typed, outcome, quote: q } = props;
  const { t, locale } = ctx;
  const errors = outcome.errors ?? {};
  const base = `/${locale}/workspace/statements/${statement.slug}/quotes`;
  // People are bounded (the quote's and a few more): Find posts this form to find the others.
  const personSearch = {
    param: 'find-person',
    what: t.choicesWhatPeople,
    value: props.find,
    more: choices.more.people,
    offered: choices.offered.people,
    page: q ? `${base}/${q.id}` : base,
    anchor: 'f-personId',
  };
  const person = typeof typed?.personId === 'string' ? typed.personId : q ? String(q.personId) : '';
  return (
    <Frame {...props} title={q ? t.editorialQuoteTitle : t.editorialAddQuote}>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels(ctx)} />
      <form method="post" action={q ? `${base}/${q.id}` : base} class="form" novalidate>
        <HiddenFields csrf={csrf} version={q?.version} />
        <input type="hidden" name="originalLocale" value={locale} />
        <SelectField
          ctx={ctx}
          name="personId"
          label={t.editorialQuotePerson}
          value={person}
          emptyLabel={t.editorialChoose}
          options={choices.people.map((p) => ({ value: String(p.id), label: p.name }))}
          error={errors.personId}
          required
        />
        <ChoiceSearch ctx={ctx} {...personSearch} />
        <BilingualField
          ctx={ctx}
          name="text"
          label={t.editorialQuoteText}
          stored={q?.text}
          values={typed ? readLocaleValues(typed, 'text') : undefined}
          errors={errors}
          multiline
          rows={4}
          maxLength={QUOTE_MAX}
          required
        />
        <p class="form-actions">
          <button type="submit" safe>
            {q ? t.workspaceSave : t.workspaceCreate}
          </button>
        </p>
      </form>
      {q ? (
        <DeleteDraftForm
          formClass="delete-form"
          ctx={ctx}
          csrf={csrf}
          action={`${base}/${q.id}/delete`}
          version={q.version}
        />
      ) : (
        ''
      )}
    </Frame>
  );
}
