/**
 * The editors' four follow-up forms (response, status update, meeting, commitment), for recording an
 * entry or editing a recorded one, inside the workspace frame. Plain forms: each works without
 * JavaScript.
 */

import type { ChangeSince } from '../../platform/conflict.js';
import { formatDate } from '../../platform/i18n/format.js';
import type { UserRow } from '../../platform/sessions.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { ChoiceSearch, type ChoiceSearchProps, choiceSearchProps } from '../../ui/choice-search.js';
import { ConflictNotice } from '../../ui/conflict-notice.js';
import { CsrfField } from '../../ui/form.js';
import { LocalizedSpan, localizedPlain } from '../../ui/localized-view.js';
import { WorkspaceLayout } from '../../ui/workspace-layout.js';
import { evidenceSlots, one, POSITIONS } from './edit-forms.js';
import { recommendationBase } from './edit-views.js';
import {
  Checkbox,
  CheckboxGroup,
  type FieldState,
  ProblemsSummary,
  SelectField,
  TextArea,
  TextField,
} from './form-fields.js';
import { IMPLEMENTATION_STATUSES } from './status.js';
import type { EditorRecommendation } from './workspace-service.js';

/** Editing a recorded entry: its id and the version the form was built from (a stale save is a conflict). */
export interface EditTarget {
  entryId: number;
  version: number;
  /** After a stale save: what others changed since, shown above the form with the typed text kept. */
  conflict?: ChangeSince[];
}

interface FormPageProps {
  ctx: PageContext;
  user: UserRow;
  csrf: string;
  rec: EditorRecommendation;
  state: FieldState;
  edit?: EditTarget | null;
}

/** The form's address: the recording form, or the entry's edit form. */
export function formAction(ctx: PageContext, recommendationId: number, form: string, edit?: EditTarget | null) {
  const base = `${recommendationBase(ctx, recommendationId)}/${form}`;
  return edit ? `${base}/${edit.entryId}/edit` : base;
}

function FormPage(props: FormPageProps & { title: string; action: string; children?: unknown }) {
  const { ctx, rec, edit } = props;
  return (
    <WorkspaceLayout ctx={ctx} user={props.user} csrf={props.csrf} title={props.title}>
      <p class="breadcrumb">
        <a href={recommendationBase(ctx, rec.recommendation.id)} safe>
          {ctx.t.followupTimelineTitle(rec.number)}
        </a>
      </p>
      <h1 safe>{props.title}</h1>
      <blockquote>
        <LocalizedSpan value={rec.recommendation.text} ctx={ctx} />
      </blockquote>
      {edit?.conflict ? <ConflictNotice ctx={ctx} history={edit.conflict} /> : ''}
      <ProblemsSummary state={props.state} />
      <form method="post" action={props.action} class="form" novalidate>
        <CsrfField token={props.csrf} />
        {edit ? <input type="hidden" name="version" value={String(edit.version)} /> : ''}
        {props.children as 'safe'}
        {/* Editing: the box shows the entry's state (ticked while published), not an action to take. */}
        <Checkbox
          state={props.state}
          name="publish"
          label={edit ? ctx.t.followupFieldPublished : ctx.t.followupFieldPublish}
        />
        <p>
          <button type="submit" safe>
            {ctx.t.followupSave}
          </button>
        </p>
      </form>
    </WorkspaceLayout>
  );
}

function SummaryPair({ state, prefix, en, es }: { state: FieldState; prefix: string; en: string; es: string }) {
  return (
    <>
      <TextArea state={state} name={`${prefix}_en`} label={en} lang="en" />
      <TextArea state={state} name={`${prefix}_es`} label={es} lang="es" />
    </>
  );
}

export function ResponseFormPage(props: FormPageProps) {
  const { ctx, rec, state } = props;
  const { t } = ctx;
  return (
    <FormPage
      {...props}
      title={props.edit ? t.followupEditResponse : t.followupRecordResponse}
      action={formAction(ctx, rec.recommendation.id, 'response', props.edit)}
    >
      <SelectField
        state={state}
        name="addressee"
        label={t.followupFieldAddressee}
        options={rec.addressees.map((a) => ({ value: String(a.id), label: localizedPlain(a.name, ctx) }))}
      />
      <SelectField
        state={state}
        name="position"
        label={t.followupFieldPosition}
        options={POSITIONS.map((p) => ({ value: p, label: t.followupPositionLabel(p) }))}
      />
      <TextField state={state} name="date" type="date" label={t.followupFieldDate} required />
      <SummaryPair state={state} prefix="summary" en={t.followupFieldSummaryEn} es={t.followupFieldSummaryEs} />
      <TextField state={state} name="source_url" type="url" label={t.followupFieldSourceUrl} />
      <TextField state={state} name="source_title" label={t.followupFieldSourceTitle} />
    </FormPage>
  );
}

export function StatusFormPage(props: FormPageProps & { seen: number }) {
  const { ctx, rec, state } = props;
  const { t } = ctx;
  const slots = Array.from({ length: evidenceSlots(state.values) }, (_, i) => i + 1);
  return (
    <FormPage
      {...props}
      title={props.edit ? t.followupEditStatus : t.followupRecordStatus}
      action={formAction(ctx, rec.recommendation.id, 'status', props.edit)}
    >
      {props.edit ? '' : <input type="hidden" name="seen" value={String(props.seen)} />}
      <SelectField
        state={state}
        name="status"
        label={props.edit ? t.followupFieldStatusEdit : t.followupFieldStatus}
        options={IMPLEMENTATION_STATUSES.map((s) => ({ value: s, label: t.followupStatusLabel(s) }))}
      />
      <TextField state={state} name="date" type="date" label={t.followupFieldDate} required />
      <SummaryPair state={state} prefix="summary" en={t.followupFieldSummaryEn} es={t.followupFieldSummaryEs} />
      <p class="hint" safe>
        {t.followupEvidenceHelp}
      </p>
      {props.edit ? (
        <p class="hint" safe>
          {t.followupEvidenceEditHelp}
        </p>
      ) : (
        ''
      )}
      {slots.map((n) => (
        <fieldset>
          <legend safe>{t.followupEvidenceLegend(n)}</legend>
          {one(state.values, `evidence_id_${n}`) ? (
            <input type="hidden" name={`evidence_id_${n}`} value={one(state.values, `evidence_id_${n}`)} />
          ) : (
            ''
          )}
          <TextField state={state} name={`evidence_url_${n}`} type="url" label={t.followupFieldEvidenceUrl} />
          <TextField state={state} name={`evidence_title_${n}`} label={t.followupFieldEvidenceTitle} />
          <TextField state={state} name={`evidence_publisher_${n}`} label={t.followupFieldEvidencePublisher} />
          <TextField state={state} name={`evidence_date_${n}`} type="date" label={t.followupFieldEvidenceDate} />
        </fieldset>
      ))}
    </FormPage>
  );
}

/**
 * The searches of the meeting and commitment forms: organizations and the statement's recommendations
 * are offered bounded (workspace-service.ts), and Find posts the form to itself to find the others.
 */
function organizationSearch(ctx: PageContext, rec: EditorRecommendation, action: string): ChoiceSearchProps {
  const options = { param: 'find-organization', what: ctx.t.choicesWhatOrganizations, page: action };
  return choiceSearchProps(rec.organizationSearch, options);
}

function addresseeSearch(ctx: PageContext, rec: EditorRecommendation, action: string): ChoiceSearchProps {
  return choiceSearchProps(rec.addresseeSearch, {
    param: 'find-addressee',
    what: ctx.t.choicesWhatAddressees,
    page: action,
  });
}

function RecommendationsField(props: {
  ctx: PageContext;
  rec: EditorRecommendation;
  state: FieldState;
  action: string;
}) {
  const { ctx, rec, state } = props;
  return (
    <>
      <CheckboxGroup
        state={state}
        name="recommendation"
        legend={ctx.t.followupFieldRecommendations}
        options={rec.siblings.map((s) => ({
          value: String(s.id),
          label: `${ctx.t.recommendationTitle(s.number)}: ${localizedPlain(s.text, ctx).slice(0, 90)}`,
        }))}
      />
      <ChoiceSearch
        ctx={ctx}
        {...choiceSearchProps(rec.recommendationSearch, {
          param: 'find-recommendation',
          what: ctx.t.choicesWhatRecommendations,
          page: props.action,
        })}
      />
    </>
  );
}

export function MeetingFormPage(props: FormPageProps) {
  const { ctx, rec, state } = props;
  const { t } = ctx;
  const action = formAction(ctx, rec.recommendation.id, 'meeting', props.edit);
  const search = organizationSearch(ctx, rec, action);
  return (
    <FormPage {...props} title={props.edit ? t.followupEditMeeting : t.followupRecordMeeting} action={action}>
      <TextField state={state} name="date" type="date" label={t.followupFieldDate} required />
      <TextField state={state} name="place" label={t.followupFieldPlace} />
      <Checkbox state={state} name="online" label={t.followupFieldOnline} />
      <SummaryPair state={state} prefix="summary" en={t.followupFieldSummaryEn} es={t.followupFieldSummaryEs} />
      <TextField state={state} name="minutes_url" type="url" label={t.followupFieldMinutesUrl} />
      <CheckboxGroup
        state={state}
        name="organization"
        legend={t.followupFieldOrganizations}
        options={rec.organizations.map((o) => ({ value: String(o.id), label: o.name }))}
      />
      <ChoiceSearch ctx={ctx} {...search} />
      <CheckboxGroup
        state={state}
        name="addressee"
        legend={t.followupFieldAddressees}
        options={rec.addresseeChoices.map((a) => ({ value: String(a.id), label: localizedPlain(a.name, ctx) }))}
      />
      <ChoiceSearch ctx={ctx} {...addresseeSearch(ctx, rec, action)} />
      <RecommendationsField ctx={ctx} rec={rec} state={state} action={action} />
    </FormPage>
  );
}

export function CommitmentFormPage(props: FormPageProps) {
  const { ctx, rec, state } = props;
  const { t, locale } = ctx;
  const action = formAction(ctx, rec.recommendation.id, 'commitment', props.edit);
  const search = organizationSearch(ctx, rec, action);
  return (
    <FormPage {...props} title={props.edit ? t.followupEditCommitment : t.followupRecordCommitment} action={action}>
      <SelectField
        state={state}
        name="committer"
        label={t.followupFieldCommitter}
        options={[
          ...rec.addresseeChoices.map((a) => ({ value: `a:${a.id}`, label: localizedPlain(a.name, ctx) })),
          ...rec.organizations.map((o) => ({ value: `o:${o.id}`, label: o.name })),
        ]}
      />
      <ChoiceSearch ctx={ctx} {...addresseeSearch(ctx, rec, action)} />
      <ChoiceSearch ctx={ctx} {...search} />
      <SelectField
        state={state}
        name="meeting"
        label={t.followupFieldMeeting}
        empty={t.followupNoMeeting}
        options={rec.meetings.map((m) => ({
          value: String(m.id),
          label: `${formatDate(m.date, locale)} · ${m.online ? t.followupOnline : (m.place ?? '')}`,
        }))}
      />
      <TextField state={state} name="date" type="date" label={t.followupFieldDate} required />
      <TextField state={state} name="due_on" type="date" label={t.followupFieldDueOn} />
      <SummaryPair state={state} prefix="text" en={t.followupFieldTextEn} es={t.followupFieldTextEs} />
      <RecommendationsField ctx={ctx} rec={rec} state={state} action={action} />
    </FormPage>
  );
}
