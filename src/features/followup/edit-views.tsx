/**
 * The editors' follow-up pages, inside the workspace frame (WorkspaceLayout): reminders, one
 * recommendation's timeline with drafts and publish buttons, and the four forms. Plain forms
 * (no htmx needed): each works without JavaScript.
 */
import { formatDate } from '../../lib/i18n.js';
import { LocalizedSpan, localizedPlain } from '../../lib/localized-view.js';
import type { PageContext } from '../../lib/page-context.js';
import type { UserRow } from '../accounts/sessions.js';
import { CsrfField } from '../accounts/views.js';
import { WorkspaceLayout } from '../workspace/layout.js';
import { EVIDENCE_SLOTS, POSITIONS } from './edit-forms.js';
import {
  Checkbox,
  CheckboxGroup,
  type FieldState,
  ProblemsSummary,
  SelectField,
  TextArea,
  TextField,
} from './form-fields.js';
import type { OverdueCommitment, StaleRecommendation } from './reminders.js';
import { IMPLEMENTATION_STATUSES } from './status.js';
import type { Timeline, TimelineEntry } from './timeline-service.js';
import { TimelineList } from './timeline-views.js';
import type { EditorRecommendation } from './workspace-service.js';

export const workspaceBase = (ctx: PageContext) => `/${ctx.locale}/workspace/followup`;
export const recommendationBase = (ctx: PageContext, id: number) => `${workspaceBase(ctx)}/recommendations/${id}`;

export function RemindersPage(props: {
  ctx: PageContext;
  user: UserRow;
  csrf: string;
  months: number;
  stale: StaleRecommendation[];
  overdue: OverdueCommitment[];
}) {
  const { ctx, months } = props;
  const { t, locale } = ctx;
  return (
    <WorkspaceLayout ctx={ctx} user={props.user} csrf={props.csrf} title={t.followupWorkspaceTitle}>
      <h1 safe>{t.followupWorkspaceTitle}</h1>
      <p safe>{t.followupWorkspaceIntro}</p>
      <section aria-labelledby="stale">
        <h2 id="stale" safe>
          {t.followupRemindersStaleTitle(months)}
        </h2>
        {props.stale.length === 0 ? (
          <p safe>{t.followupRemindersNone}</p>
        ) : (
          <ul class="reminders" data-reminder="stale">
            {props.stale.map((r) => (
              <li>
                <a href={recommendationBase(ctx, r.id)}>
                  <LocalizedSpan value={r.statementTitle} ctx={ctx} />
                  <span safe>{` — ${t.recommendationTitle(r.position)}`}</span>
                </a>{' '}
                <span class="hint" safe>
                  {r.lastUpdate ? t.followupLastUpdate(formatDate(r.lastUpdate, locale)) : t.followupNeverUpdated}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="overdue-commitments">
        <h2 id="overdue-commitments" safe>
          {t.followupRemindersOverdueTitle}
        </h2>
        {props.overdue.length === 0 ? (
          <p safe>{t.followupRemindersNone}</p>
        ) : (
          <ul class="reminders" data-reminder="overdue">
            {props.overdue.map((o) => (
              <li>
                <strong safe>
                  {o.addressee ? localizedPlain(o.addressee.name, ctx) : (o.organization?.name ?? '')}
                </strong>
                {': '}
                <LocalizedSpan value={o.commitment.text} ctx={ctx} />{' '}
                <span class="badge badge-overdue" safe>
                  {t.followupDueOn(formatDate(o.commitment.dueOn!, locale))}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </WorkspaceLayout>
  );
}

function entryRef(entry: TimelineEntry): { kind: string; id: number; version: number; publication: string } | null {
  switch (entry.kind) {
    case 'response':
      return {
        kind: 'response',
        id: entry.id,
        version: entry.response.version,
        publication: entry.response.publication,
      };
    case 'status_update':
      return {
        kind: 'status_update',
        id: entry.id,
        version: entry.update.version,
        publication: entry.update.publication,
      };
    case 'meeting':
      return { kind: 'meeting', id: entry.id, version: entry.meeting.version, publication: entry.meeting.publication };
    case 'commitment':
      return {
        kind: 'commitment',
        id: entry.id,
        version: entry.commitment.version,
        publication: entry.commitment.publication,
      };
    default:
      return null;
  }
}

function EntryActions(props: { ctx: PageContext; csrf: string; entry: TimelineEntry; back: string }) {
  const { ctx, csrf, entry } = props;
  const ref = entryRef(entry);
  if (!ref) return '';
  const publish = ref.publication === 'draft';
  return (
    <div class="entry-actions">
      <form method="post" action={`${workspaceBase(ctx)}/${ref.kind}/${ref.id}/publication`} class="inline">
        <CsrfField token={csrf} />
        <input type="hidden" name="version" value={String(ref.version)} />
        <input type="hidden" name="publication" value={publish ? 'published' : 'draft'} />
        <input type="hidden" name="back" value={props.back} />
        <button type="submit" safe>
          {publish ? ctx.t.followupPublish : ctx.t.followupUnpublish}
        </button>
      </form>
      {entry.kind === 'commitment' && !entry.commitment.fulfilledOn ? (
        <form method="post" action={`${workspaceBase(ctx)}/commitment/${ref.id}/kept`} class="inline">
          <CsrfField token={csrf} />
          <input type="hidden" name="version" value={String(ref.version)} />
          <input type="hidden" name="back" value={props.back} />
          <button type="submit" safe>
            {ctx.t.followupMarkKept}
          </button>
        </form>
      ) : (
        ''
      )}
    </div>
  );
}

export function RecommendationWorkspacePage(props: {
  ctx: PageContext;
  user: UserRow;
  csrf: string;
  rec: EditorRecommendation;
  timeline: Timeline;
  now: Date;
}) {
  const { ctx, rec } = props;
  const { t } = ctx;
  const base = recommendationBase(ctx, rec.recommendation.id);
  return (
    <WorkspaceLayout ctx={ctx} user={props.user} csrf={props.csrf} title={t.followupTimelineTitle(rec.number)}>
      <p class="breadcrumb">
        <a href={workspaceBase(ctx)} safe>
          {t.followupWorkspaceTitle}
        </a>
      </p>
      <h1 safe>{t.followupTimelineTitle(rec.number)}</h1>
      <p>
        <LocalizedSpan value={rec.statement.title} ctx={ctx} />
      </p>
      <blockquote>
        <LocalizedSpan value={rec.recommendation.text} ctx={ctx} />
      </blockquote>
      <ul class="nav-list actions">
        <li>
          <a href={`${base}/response`} safe>
            {t.followupRecordResponse}
          </a>
        </li>
        <li>
          <a href={`${base}/status`} safe>
            {t.followupRecordStatus}
          </a>
        </li>
        <li>
          <a href={`${base}/meeting`} safe>
            {t.followupRecordMeeting}
          </a>
        </li>
        <li>
          <a href={`${base}/commitment`} safe>
            {t.followupRecordCommitment}
          </a>
        </li>
      </ul>
      <h2 safe>{t.followupEditorTimeline}</h2>
      <TimelineList
        ctx={ctx}
        timeline={props.timeline}
        now={props.now}
        editor
        actions={(entry) => <EntryActions ctx={ctx} csrf={props.csrf} entry={entry} back={base} />}
      />
    </WorkspaceLayout>
  );
}

interface FormPageProps {
  ctx: PageContext;
  user: UserRow;
  csrf: string;
  rec: EditorRecommendation;
  state: FieldState;
}

function FormPage(props: FormPageProps & { title: string; action: string; children?: unknown }) {
  const { ctx, rec } = props;
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
      <ProblemsSummary state={props.state} />
      <form method="post" action={props.action} class="form" novalidate>
        <CsrfField token={props.csrf} />
        {props.children as 'safe'}
        <Checkbox state={props.state} name="publish" label={ctx.t.followupFieldPublish} />
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
      title={t.followupRecordResponse}
      action={`${recommendationBase(ctx, rec.recommendation.id)}/response`}
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
      <TextField state={state} name="source_upload" label={t.followupFieldUpload} />
    </FormPage>
  );
}

export function StatusFormPage(props: FormPageProps & { seen: number }) {
  const { ctx, rec, state } = props;
  const { t } = ctx;
  const slots = Array.from({ length: EVIDENCE_SLOTS }, (_, i) => i + 1);
  return (
    <FormPage
      {...props}
      title={t.followupRecordStatus}
      action={`${recommendationBase(ctx, rec.recommendation.id)}/status`}
    >
      <input type="hidden" name="seen" value={String(props.seen)} />
      <SelectField
        state={state}
        name="status"
        label={t.followupFieldStatus}
        options={IMPLEMENTATION_STATUSES.map((s) => ({ value: s, label: t.followupStatusLabel(s) }))}
      />
      <TextField state={state} name="date" type="date" label={t.followupFieldDate} required />
      <SummaryPair state={state} prefix="summary" en={t.followupFieldSummaryEn} es={t.followupFieldSummaryEs} />
      <p class="hint" safe>
        {t.followupEvidenceHelp}
      </p>
      {slots.map((n) => (
        <fieldset>
          <legend safe>{t.followupEvidenceLegend(n)}</legend>
          <TextField state={state} name={`evidence_url_${n}`} type="url" label={t.followupFieldEvidenceUrl} />
          <TextField state={state} name={`evidence_title_${n}`} label={t.followupFieldEvidenceTitle} />
          <TextField state={state} name={`evidence_publisher_${n}`} label={t.followupFieldEvidencePublisher} />
          <TextField state={state} name={`evidence_date_${n}`} type="date" label={t.followupFieldEvidenceDate} />
          <TextField state={state} name={`evidence_upload_${n}`} label={t.followupFieldUpload} />
        </fieldset>
      ))}
    </FormPage>
  );
}

const recommendationOptions = (ctx: PageContext, rec: EditorRecommendation) =>
  rec.siblings.map((s) => ({
    value: String(s.id),
    label: `${ctx.t.recommendationTitle(s.number)}: ${localizedPlain(s.text, ctx).slice(0, 90)}`,
  }));

export function MeetingFormPage(props: FormPageProps) {
  const { ctx, rec, state } = props;
  const { t } = ctx;
  return (
    <FormPage
      {...props}
      title={t.followupRecordMeeting}
      action={`${recommendationBase(ctx, rec.recommendation.id)}/meeting`}
    >
      <TextField state={state} name="date" type="date" label={t.followupFieldDate} required />
      <TextField state={state} name="place" label={t.followupFieldPlace} />
      <Checkbox state={state} name="online" label={t.followupFieldOnline} />
      <SummaryPair state={state} prefix="summary" en={t.followupFieldSummaryEn} es={t.followupFieldSummaryEs} />
      <TextField state={state} name="minutes_url" type="url" label={t.followupFieldMinutesUrl} />
      <TextField state={state} name="minutes_upload" label={t.followupFieldUpload} />
      <CheckboxGroup
        state={state}
        name="organization"
        legend={t.followupFieldOrganizations}
        options={rec.organizations.map((o) => ({ value: String(o.id), label: o.name }))}
      />
      <CheckboxGroup
        state={state}
        name="addressee"
        legend={t.followupFieldAddressees}
        options={rec.allAddressees.map((a) => ({ value: String(a.id), label: localizedPlain(a.name, ctx) }))}
      />
      <CheckboxGroup
        state={state}
        name="recommendation"
        legend={t.followupFieldRecommendations}
        options={recommendationOptions(ctx, rec)}
      />
    </FormPage>
  );
}

export function CommitmentFormPage(props: FormPageProps) {
  const { ctx, rec, state } = props;
  const { t, locale } = ctx;
  return (
    <FormPage
      {...props}
      title={t.followupRecordCommitment}
      action={`${recommendationBase(ctx, rec.recommendation.id)}/commitment`}
    >
      <SelectField
        state={state}
        name="committer"
        label={t.followupFieldCommitter}
        options={[
          ...rec.allAddressees.map((a) => ({ value: `a:${a.id}`, label: localizedPlain(a.name, ctx) })),
          ...rec.organizations.map((o) => ({ value: `o:${o.id}`, label: o.name })),
        ]}
      />
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
      <CheckboxGroup
        state={state}
        name="recommendation"
        legend={t.followupFieldRecommendations}
        options={recommendationOptions(ctx, rec)}
      />
    </FormPage>
  );
}
