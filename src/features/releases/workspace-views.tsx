/** Workspace pages for press releases: the list and the create form (the editor is editor-views.tsx). */

import type { KeysetPage } from '../../platform/db/keyset.js';
import type { FieldErrors } from '../../platform/forms/validation.js';
import type { VisibilityState } from '../../platform/visibility.js';
import type { PageContext } from '../../platform/web/page-context.js';
import type { FormOutcome } from '../../platform/web/workspace-request.js';
import { BilingualFields, typedText } from '../../ui/bound-fields.js';
import { ChoiceSearch, type ChoiceSearchProps } from '../../ui/choice-search.js';
import { SelectField, TextField } from '../../ui/form.js';
import { localizedPlain } from '../../ui/localized-view.js';
import type { WorkspaceProps } from '../../ui/workspace-layout.js';
import type { RegistryChoices, Typed } from '../statements/index.js';
import { DateField, EditorialListPage, NewDraftPage, TimeZoneField } from '../statements/index.js';
import type { ReleaseRow } from './edit-service.js';
import { LIMITS } from './edit-service.js';

export const str = typedText;

export function ReleaseListPage(
  props: WorkspaceProps & {
    page: KeysetPage<{ release: ReleaseRow; state: VisibilityState }>;
    q: string;
    state: string;
  },
): JSX.Element {
  const { t } = props.ctx;
  return (
    <EditorialListPage
      {...props}
      path="releases"
      title={t.editorialReleasesTitle}
      caption={t.editorialReleasesCaption}
      newLabel={t.editorialNewRelease}
      titleHeader={t.editorialReleaseHeadline}
      of={(i) => ({ slug: i.release.slug, title: i.release.headline, date: i.release.releaseDate, state: i.state })}
    />
  );
}

export function releaseLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx;
  return {
    slug: t.editorialStatementSlug,
    statementId: t.editorialReleaseStatement,
    releaseDate: t.editorialReleaseDate,
    headline: t.editorialReleaseHeadline,
    subheadline: t.editorialReleaseSubheadline,
    datelinePlace: t.editorialReleaseDateline,
    lead: t.editorialReleaseLead,
    fullDocumentUrl: t.editorialFullDocumentUrl,
    timeZone: t.editorialTimeZone,
    embargoLocal: t.editorialEmbargoLocal,
    contacts: t.editorialContacts,
    highlights: t.editorialHighlights,
    boilerplates: t.editorialBoilerplates,
    release: t.editorialDelete,
  };
}

/** The release's own fields: what it presents, when, headline to lead, and its timing. */
export function ReleaseFields(props: {
  ctx: PageContext;
  stored: ReleaseRow | null;
  typed: Typed;
  errors: FieldErrors;
  choices: RegistryChoices;
  embargoLocal: string;
  /** The statements offered are bounded: the search that finds the others (the editor only). */
  statementSearch?: ChoiceSearchProps | undefined;
}): JSX.Element {
  const { ctx, stored, typed, errors, choices } = props;
  const { t } = ctx;
  const timing = str(typed, 'timing') ?? (stored?.embargoedUntil ? 'embargoed' : 'immediate');
  const statementId = str(typed, 'statementId') ?? (stored?.statementId ? String(stored.statementId) : '');
  return (
    <>
      <SelectField
        ctx={ctx}
        name="statementId"
        label={t.editorialReleaseStatement}
        value={statementId}
        emptyLabel={t.editorialNoStatement}
        options={choices.statements.map((s) => ({ value: String(s.id), label: localizedPlain(s.title, ctx) }))}
        error={errors.statementId}
      />
      {props.statementSearch ? <ChoiceSearch ctx={ctx} {...props.statementSearch} /> : ''}
      <DateField
        ctx={ctx}
        type="date"
        name="releaseDate"
        label={t.editorialReleaseDate}
        value={str(typed, 'releaseDate') ?? stored?.releaseDate ?? ''}
        error={errors.releaseDate}
        required
      />
      <BilingualFields
        ctx={ctx}
        typed={typed}
        errors={errors}
        fields={[
          {
            name: 'headline',
            label: t.editorialReleaseHeadline,
            stored: stored?.headline,
            required: true,
            maxLength: LIMITS.headline,
          },
          {
            name: 'subheadline',
            label: t.editorialReleaseSubheadline,
            stored: stored?.subheadline,
            maxLength: LIMITS.subheadline,
          },
          {
            name: 'datelinePlace',
            label: t.editorialReleaseDateline,
            stored: stored?.datelinePlace,
            maxLength: LIMITS.datelinePlace,
          },
          {
            name: 'lead',
            label: t.editorialReleaseLead,
            stored: stored?.lead,
            markdown: true,
            rows: 6,
            maxLength: LIMITS.lead,
          },
        ]}
      />
      <TextField
        ctx={ctx}
        name="fullDocumentUrl"
        type="url"
        label={t.editorialFullDocumentUrl}
        hint={t.editorialFullDocumentUrlHint}
        value={str(typed, 'fullDocumentUrl') ?? stored?.fullDocumentUrl ?? ''}
        error={errors.fullDocumentUrl}
      />
      <SelectField
        ctx={ctx}
        name="endMark"
        label={t.editorialEndMark}
        value={str(typed, 'endMark') ?? stored?.endMark ?? '###'}
        options={[
          { value: '###', label: '###' },
          { value: '-30-', label: '-30-' },
        ]}
        required
      />
      <fieldset class="timing" id="f-timing">
        <legend safe>{t.editorialTiming}</legend>
        {(
          [
            ['immediate', t.editorialImmediate],
            ['embargoed', t.editorialEmbargoed],
          ] as const
        ).map(([value, label]) => (
          <div class="field-checkbox">
            <input type="radio" id={`timing-${value}`} name="timing" value={value} checked={timing === value} />
            <label for={`timing-${value}`} safe>
              {label}
            </label>
          </div>
        ))}
        <DateField
          ctx={ctx}
          type="datetime-local"
          name="embargoLocal"
          label={t.editorialEmbargoLocal}
          value={str(typed, 'embargoLocal') ?? props.embargoLocal}
          error={errors.embargoLocal}
        />
        <TimeZoneField ctx={ctx} value={str(typed, 'timeZone') ?? stored?.timeZone} error={errors.timeZone} />
      </fieldset>
    </>
  );
}

export function NewReleasePage(
  props: WorkspaceProps & { typed: Typed; outcome: FormOutcome; choices: RegistryChoices },
): JSX.Element {
  const { ctx, typed, outcome, choices } = props;
  return (
    <NewDraftPage
      {...props}
      title={ctx.t.editorialNewRelease}
      action={`/${ctx.locale}/workspace/releases`}
      labels={releaseLabels(ctx)}
      typed={{ originalLocale: str(typed, 'originalLocale'), slug: str(typed, 'slug') }}
    >
      <ReleaseFields
        ctx={ctx}
        stored={null}
        typed={typed}
        errors={outcome.errors ?? {}}
        choices={choices}
        embargoLocal=""
      />
    </NewDraftPage>
  );
}
