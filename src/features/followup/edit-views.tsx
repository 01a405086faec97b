/**
 * The editors' follow-up pages, inside the workspace frame (WorkspaceLayout): reminders, one
 * recommendation's timeline with drafts and publish buttons, and the four forms. Plain forms
 * (no htmx needed): each works without JavaScript.
 */
import type { ChangeSince } from '../../lib/conflict-page.js';
import { formatDate } from '../../lib/i18n.js';
import { LocalizedSpan, localizedPlain } from '../../lib/localized-view.js';
import type { PageContext } from '../../lib/page-context.js';
import { isVisibleToPublic } from '../../lib/visibility.js';
import type { UserRow } from '../accounts/sessions.js';
import { CsrfField } from '../accounts/views.js';
import { ConflictNotice } from '../workspace/conflict.js';
import { WorkspaceLayout } from '../workspace/layout.js';
import { CopyForms, type CopyProblem } from './copy-views.js';
import { evidenceSlots, one, POSITIONS } from './edit-forms.js';
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
import { copyOf, type Timeline, type TimelineEntry } from './timeline-service.js';
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

/** The form that records (and edits) each kind of entry. */
const FORM_OF = {
  response: 'response',
  status_update: 'status',
  meeting: 'meeting',
  commitment: 'commitment',
} as const;

function entryRef(
  entry: TimelineEntry,
): { kind: keyof typeof FORM_OF; id: number; version: number; publication: string } | null {
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

interface CopyContext {
  timeline: Timeline;
  limitBytes: number;
  problem: CopyProblem | null;
}

/** The copy forms of one entry: its source or minutes, or each of its evidence links. */
function EntryCopies(props: {
  ctx: PageContext;
  csrf: string;
  entry: TimelineEntry;
  base: string;
  copies: CopyContext;
}) {
  const { ctx, entry, copies } = props;
  const common = { ctx, csrf: props.csrf, base: props.base, limitBytes: copies.limitBytes, problem: copies.problem };
  const copy = (sha256: string | null) => copyOf(copies.timeline, sha256);
  if (entry.kind === 'response' || entry.kind === 'meeting') {
    // One copy on the entry's own row: a response's source, a meeting's minutes.
    const own =
      entry.kind === 'response'
        ? { row: entry.response, upload: entry.response.sourceUpload, label: ctx.t.followupCopyOfSource }
        : { row: entry.meeting, upload: entry.meeting.minutesUpload, label: ctx.t.followupCopyOfMinutes };
    return (
      <CopyForms
        {...common}
        kind={entry.kind}
        id={own.row.id}
        version={own.row.version}
        label={own.label}
        copy={copy(own.upload)}
      />
    );
  }
  if (entry.kind === 'status_update') {
    return (
      <>
        {entry.evidence.map((e) => (
          <CopyForms
            {...common}
            kind="evidence"
            id={e.id}
            version={entry.update.version}
            label={ctx.t.followupCopyOfEvidence(e.title)}
            copy={copy(e.upload)}
          />
        ))}
      </>
    );
  }
  return '';
}

function EntryActions(props: {
  ctx: PageContext;
  csrf: string;
  entry: TimelineEntry;
  back: string;
  copies: CopyContext;
}) {
  const { ctx, csrf, entry } = props;
  const ref = entryRef(entry);
  if (!ref) return '';
  const publish = ref.publication === 'draft';
  return (
    <div class="entry-actions">
      <a href={`${props.back}/${FORM_OF[ref.kind]}/${ref.id}/edit`} data-edit={`${ref.kind}-${ref.id}`} safe>
        {ctx.t.followupEdit}
      </a>{' '}
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
      <EntryCopies ctx={ctx} csrf={csrf} entry={entry} base={props.back} copies={props.copies} />
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
  /** The largest copy accepted (PUENTE_DOCUMENT_MAX_BYTES). */
  copyLimitBytes: number;
  /** A refused copy: shown next to its form, the page answering with the upload's status. */
  copyProblem?: CopyProblem | null;
}) {
  const { ctx, rec } = props;
  const { t } = ctx;
  const base = recommendationBase(ctx, rec.recommendation.id);
  const copies = { timeline: props.timeline, limitBytes: props.copyLimitBytes, problem: props.copyProblem ?? null };
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
        statementPublic={isVisibleToPublic(rec.statement, props.now)}
        actions={(entry) => <EntryActions ctx={ctx} csrf={props.csrf} entry={entry} back={base} copies={copies} />}
      />
    </WorkspaceLayout>
  );
}

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
      title={props.edit ? t.followupEditMeeting : t.followupRecordMeeting}
      action={formAction(ctx, rec.recommendation.id, 'meeting', props.edit)}
    >
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
      title={props.edit ? t.followupEditCommitment : t.followupRecordCommitment}
      action={formAction(ctx, rec.recommendation.id, 'commitment', props.edit)}
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
