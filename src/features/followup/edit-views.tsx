import type { KeysetPage } from '../../platform/db/keyset.js';
import { formatDate } from '../../platform/i18n/format.js';
import type { UserRow } from '../../platform/sessions.js';
import { isVisibleToPublic } from '../../platform/visibility.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { CsrfField } from '../../ui/form.js';
import { Section } from '../../ui/layout.js';
import { EmptyOr, FilterBar, type ListFilter, TableHead } from '../../ui/list.js';
import { LocalizedSpan, localizedPlain } from '../../ui/localized-view.js';
import { keysetLinks, Pager } from '../../ui/pager.js';
import { WorkspaceLayout } from '../../ui/workspace-layout.js';
import { CopyForms, type CopyProblem } from './copy-views.js';
import { OverdueCommitmentItem } from './dashboard-views.js';
import { type WorkspaceListFilters, workspaceFilterQuery } from './filters.js';
import type { OverdueCommitment } from './reminders.js';
import { STATUS_KEYS } from './status.js';
import { copyOf, type Timeline, type TimelineEntry } from './timeline-service.js';
import { TimelineList } from './timeline-views.js';
import type { WorkspaceFilterOptions, WorkspaceListItem } from './workspace-list.js';
import type { EditorRecommendation } from './workspace-service.js';

export const workspaceBase = (ctx: PageContext) => `/${ctx.locale}/workspace/followup`;
export const recommendationBase = (ctx: PageContext, id: number) => `${workspaceBase(ctx)}/recommendations/${id}`;

/**
 * /workspace/followup: every recommendation of a published statement, searchable and filterable by a GET
 * form (works without JavaScript), one page at a time, each linking to its follow-up page; above it the
 * stale reminder's count (a link to the list filtered to them), below it the commitments past due.
 */
export function FollowupListPage(props: {
  ctx: PageContext;
  user: UserRow;
  csrf: string;
  months: number;
  /** How many recommendations the stale reminder counts; `atLeast` when the count was cut at its limit. */
  stale: { count: number; atLeast: boolean };
  filters: WorkspaceListFilters;
  options: WorkspaceFilterOptions;
  list: KeysetPage<WorkspaceListItem>;
  overdue: OverdueCommitment[];
}) {
  const { ctx, months, filters, options, list } = props;
  const { t, locale } = ctx;
  const filtered = workspaceFilterQuery(filters);
  const pageUrl = (cursor: { after?: string; before?: string }) => {
    const query = new URLSearchParams(filtered.slice(1));
    for (const [name, value] of Object.entries(cursor)) query.set(name, value);
    const text = query.toString();
    return `${workspaceBase(ctx)}${text ? `?${text}` : ''}#all-recommendations`;
  };
  const filterFields: ListFilter[] = [
    {
      name: 'statement',
      label: t.followupFilterStatement,
      value: filters.statement ?? '',
      options: options.statements.map((s) => ({
        value: s.slug,
        label: `${localizedPlain(s.title, ctx)} (${formatDate(s.date, locale)})`,
      })),
    },
    {
      name: 'addressee',
      label: t.followupFilterAddressee,
      value: filters.addressee ?? '',
      options: options.addressees.map((a) => ({ value: a.slug, label: localizedPlain(a.name, ctx) })),
    },
    {
      name: 'theme',
      label: t.followupFilterTheme,
      value: filters.theme ?? '',
      options: options.themes.map((th) => ({ value: th.slug, label: localizedPlain(th.label, ctx) })),
    },
    {
      name: 'status',
      label: t.followupFilterStatus,
      value: filters.status ?? '',
      options: STATUS_KEYS.map((k) => ({ value: k, label: t.followupStatusLabel(k) })),
    },
    {
      name: 'stale',
      label: t.followupFilterStale,
      value: filters.stale ? '1' : '',
      options: [{ value: '1', label: t.followupFilterStaleOnly(months) }],
    },
  ];
  return (
    <WorkspaceLayout ctx={ctx} user={props.user} csrf={props.csrf} title={t.followupWorkspaceTitle}>
      <h1 safe>{t.followupWorkspaceTitle}</h1>
      <p safe>{t.followupWorkspaceIntro}</p>
      <Section id="stale" title={t.followupRemindersStaleTitle(months)}>
        <p data-reminder="stale">
          <span safe>{t.followupStaleCount(props.stale.count, props.stale.atLeast)}</span>
          {props.stale.count > 0 ? (
            <>
              {' '}
              <a href={`${workspaceBase(ctx)}?stale=1#all-recommendations`} safe>
                {t.followupStaleShow}
              </a>
            </>
          ) : (
            ''
          )}
        </p>
      </Section>
      <Section id="all-recommendations" title={t.followupAllTitle}>
        <p class="hint" safe>
          {t.followupAllHint}
        </p>
        <FilterBar ctx={ctx} action={workspaceBase(ctx)} q={filters.q ?? ''} filters={filterFields} />
        <p class="result-count" role="status" safe>
          {list.items.length === 0
            ? t.followupAllNone
            : t.followupAllShowing(list.items.length, list.next !== undefined)}
        </p>
        {list.items.length === 0 ? (
          ''
        ) : (
          <section class="table-scroll" aria-label={t.followupAllTitle} tabindex="0">
            <table class="data-table" data-list="recommendations">
              <caption class="visually-hidden" safe>
                {t.followupAllTitle}
              </caption>
              <TableHead
                headers={[
                  t.followupColumnRecommendation,
                  t.followupFilterStatement,
                  t.followupCurrentStatus,
                  t.followupStatusDate,
                ]}
              />
              <tbody>
                {list.items.map((r) => (
                  <tr data-recommendation={String(r.id)}>
                    <td>
                      <a class="rec-number" href={recommendationBase(ctx, r.id)} safe>
                        {t.recommendationTitle(r.number)}
                      </a>
                      <br />
                      <LocalizedSpan value={r.text} ctx={ctx} />
                    </td>
                    <td>
                      <LocalizedSpan value={r.statementTitle} ctx={ctx} />
                    </td>
                    <td data-status={r.status ?? 'none'} safe>
                      {t.followupStatusLabel(r.status ?? 'none')}
                    </td>
                    <td>{r.statusDate ? formatDate(r.statusDate, locale) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        <Pager ctx={ctx} links={keysetLinks(list, pageUrl)} />
      </Section>
      <Section id="overdue-commitments" title={t.followupRemindersOverdueTitle}>
        <EmptyOr empty={t.followupRemindersNone} isEmpty={props.overdue.length === 0}>
          <ul class="reminders" data-reminder="overdue">
            {props.overdue.map((o) => (
              <OverdueCommitmentItem ctx={ctx} item={o} badge={(due) => t.followupDueOn(due)} />
            ))}
          </ul>
        </EmptyOr>
      </Section>
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
        {(
          [
            ['response', t.followupRecordResponse],
            ['status', t.followupRecordStatus],
            ['meeting', t.followupRecordMeeting],
            ['commitment', t.followupRecordCommitment],
          ] as const
        ).map(([form, label]) => (
          <li>
            <a href={`${base}/${form}`} safe>
              {label}
            </a>
          </li>
        ))}
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
