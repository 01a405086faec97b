/** One recommendation's follow-up timeline, for the public page and (with drafts) the workspace. */

import { formatDate } from '../../platform/i18n/format.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { Layout } from '../../ui/layout.js';
import { EmptyOr } from '../../ui/list.js';
import { LocalizedMarkdown, LocalizedSpan, localizedPlain } from '../../ui/localized-view.js';
import { siteFeeds } from '../../ui/page-meta.js';
import type { FileRef } from '../files/index.js';
import { documentMeta, fileUrl } from '../files/index.js';
import type { RecommendationDetail, RecommendationInStatement } from '../statements/index.js';
import { LinkedRecommendations } from '../statements/index.js';
import { isOverdue } from './overdue.js';
import { isUnverified } from './status.js';
import { copyOf, type Timeline, type TimelineEntry } from './timeline-service.js';

function Draft({ ctx, publication }: { ctx: PageContext; publication: string }) {
  return publication === 'draft' ? (
    <span class="badge badge-draft" safe>
      {ctx.t.followupDraft}
    </span>
  ) : (
    ''
  );
}

function SourceLink({ url, title }: { url: string | null; title: string | null }) {
  if (!url) return '';
  return (
    <a href={url} rel="external noopener" safe>
      {title || url}
    </a>
  );
}

/**
 * "copy (PDF, 120 KB)" linking the stored file. `linked` is false on the editors' page while the
 * entry is not public: the file route would answer 404, so the name is shown instead of a link.
 */
export function CopyLink(props: { ctx: PageContext; copy: FileRef | null | undefined; linked: boolean }) {
  const { ctx, copy } = props;
  if (!copy) return '';
  const text = ctx.t.followupCopyLink(documentMeta(ctx, copy));
  return (
    <span class="followup-copy" data-copy={copy.sha256}>
      {' · '}
      {props.linked ? (
        <a href={fileUrl(copy)} safe>
          {text}
        </a>
      ) : (
        <span safe>{`${text}: ${copy.originalName}, ${ctx.t.followupCopyNotPublic}`}</span>
      )}
    </span>
  );
}

function Entry(props: {
  ctx: PageContext;
  entry: TimelineEntry;
  timeline: Timeline;
  now: Date;
  editor: boolean;
  /** Whether the entry's statement is public (always on the public page). */
  statementPublic: boolean;
  actions?: (e: TimelineEntry) => JSX.Element;
}) {
  const { ctx, entry, now, timeline } = props;
  const linked = (publication: string) => props.statementPublic && publication === 'published';
  /** An entry's stored copy, linked while the entry is public. */
  const Copy = (p: { sha256: string | null; publication: string }) => (
    <CopyLink ctx={ctx} copy={copyOf(timeline, p.sha256)} linked={linked(p.publication)} />
  );
  const { t, locale } = ctx;
  const when = (
    <time datetime={entry.date} safe>
      {formatDate(entry.date, locale)}
    </time>
  );
  const actions = props.actions ? props.actions(entry) : '';
  switch (entry.kind) {
    case 'release':
      return (
        <li class="timeline-entry kind-release">
          {when}
          <h3 safe>{t.followupEntryRelease}</h3>
          <p>
            <a href={`/${locale}/releases/${entry.release.slug}`}>
              <LocalizedSpan value={entry.release.headline} ctx={ctx} />
            </a>
          </p>
        </li>
      );
    case 'response':
      return (
        <li class="timeline-entry kind-response" data-kind="response">
          {when}
          <h3>
            <span safe>{t.followupEntryResponse(localizedPlain(entry.addressee.name, ctx))}</span>{' '}
            <span class={`badge position-${entry.response.position}`} safe>
              {t.followupPositionLabel(entry.response.position)}
            </span>{' '}
            <Draft ctx={ctx} publication={entry.response.publication} />
          </h3>
          <LocalizedMarkdown value={entry.response.summary} ctx={ctx} />
          {entry.response.sourceUrl || entry.response.sourceUpload ? (
            <p>
              <span safe>{`${t.followupSource}: `}</span>
              <SourceLink url={entry.response.sourceUrl} title={entry.response.sourceTitle} />
              <Copy sha256={entry.response.sourceUpload} publication={entry.response.publication} />
            </p>
          ) : (
            ''
          )}
          {actions as 'safe'}
        </li>
      );
    case 'status_update': {
      const unverified = isUnverified({ evidenceCount: entry.evidence.length });
      return (
        <li class="timeline-entry kind-status" data-kind="status_update" data-status={entry.update.status}>
          {when}
          <h3>
            <span safe>{t.followupEntryStatus(t.followupStatusLabel(entry.update.status))}</span>{' '}
            {unverified ? (
              <span class="badge badge-unverified" safe>
                {t.followupUnverified}
              </span>
            ) : (
              ''
            )}{' '}
            <Draft ctx={ctx} publication={entry.update.publication} />
          </h3>
          <LocalizedMarkdown value={entry.update.summary} ctx={ctx} />
          {entry.evidence.length > 0 ? (
            <div class="evidence">
              <h4 safe>{t.followupEvidence}</h4>
              <ul>
                {entry.evidence.map((e) => (
                  <li>
                    <cite>
                      <SourceLink url={e.url} title={e.title} />
                    </cite>
                    <span
                      safe
                    >{`, ${e.publisher}${e.publishedOn ? `, ${formatDate(e.publishedOn, locale)}` : ''}`}</span>
                    <Copy sha256={e.upload} publication={entry.update.publication} />
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            ''
          )}
          {props.editor && entry.update.recordedByLabel ? (
            <p class="hint" safe>
              {t.followupRecordedBy(entry.update.recordedByLabel)}
            </p>
          ) : (
            ''
          )}
          {actions as 'safe'}
        </li>
      );
    }
    case 'meeting': {
      const participants = [
        ...entry.organizations.map((o) => o.name),
        ...entry.addressees.map((a) => localizedPlain(a.name, ctx)),
      ];
      return (
        <li class="timeline-entry kind-meeting" data-kind="meeting">
          {when}
          <h3>
            <span safe>{t.followupEntryMeeting}</span>
            <span safe>{` · ${entry.meeting.online ? t.followupOnline : (entry.meeting.place ?? '')}`}</span>{' '}
            <Draft ctx={ctx} publication={entry.meeting.publication} />
          </h3>
          {participants.length > 0 ? <p safe>{`${t.followupParticipants}: ${participants.join(', ')}`}</p> : ''}
          <LocalizedMarkdown value={entry.meeting.summary} ctx={ctx} />
          {entry.meeting.minutesUrl || entry.meeting.minutesUpload ? (
            <p>
              {entry.meeting.minutesUrl ? (
                <SourceLink url={entry.meeting.minutesUrl} title={t.followupMinutes} />
              ) : (
                <span safe>{t.followupMinutes}</span>
              )}
              <Copy sha256={entry.meeting.minutesUpload} publication={entry.meeting.publication} />
            </p>
          ) : (
            ''
          )}
          {actions as 'safe'}
        </li>
      );
    }
    case 'commitment': {
      const c = entry.commitment;
      const who = entry.by.addressee
        ? localizedPlain(entry.by.addressee.name, ctx)
        : (entry.by.organization?.name ?? '');
      const overdue = isOverdue(c, now);
      return (
        <li class="timeline-entry kind-commitment" data-kind="commitment">
          {when}
          <h3>
            <span safe>{`${t.followupEntryCommitment} · ${t.followupCommittedBy(who)}`}</span>{' '}
            {overdue ? (
              <span class="badge badge-overdue" safe>
                {t.followupOverdue}
              </span>
            ) : (
              ''
            )}{' '}
            <Draft ctx={ctx} publication={c.publication} />
          </h3>
          <LocalizedMarkdown value={c.text} ctx={ctx} />
          <p safe>
            {[
              c.dueOn ? t.followupDueOn(formatDate(c.dueOn, locale)) : '',
              c.fulfilledOn ? t.followupKeptOn(formatDate(c.fulfilledOn, locale)) : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          {actions as 'safe'}
        </li>
      );
    }
  }
}

export function TimelineList(props: {
  ctx: PageContext;
  timeline: Timeline;
  now: Date;
  editor?: boolean;
  statementPublic?: boolean;
  actions?: (e: TimelineEntry) => JSX.Element;
}) {
  const { ctx, timeline } = props;
  const { t, locale } = ctx;
  return (
    <>
      <p class="current-status">
        <strong safe>{`${t.followupCurrentStatus}: `}</strong>
        <span data-current-status={timeline.current?.status ?? 'none'} safe>
          {t.followupStatusLabel(timeline.current?.status ?? 'none')}
        </span>
        {timeline.current ? <span safe>{` (${t.followupSince(formatDate(timeline.current.date, locale))})`}</span> : ''}
      </p>
      <EmptyOr empty={t.followupTimelineEmpty} isEmpty={timeline.entries.length === 0}>
        <ol class="timeline">
          {timeline.entries.map((entry) => (
            <Entry
              ctx={ctx}
              entry={entry}
              timeline={timeline}
              now={props.now}
              editor={props.editor ?? false}
              statementPublic={props.statementPublic ?? true}
              actions={props.actions}
            />
          ))}
        </ol>
      </EmptyOr>
    </>
  );
}

export function TimelinePage(props: {
  ctx: PageContext;
  statement: RecommendationInStatement['statement'];
  recommendation: RecommendationDetail;
  timeline: Timeline;
  now: Date;
  /** Its links to recommendations of public statements (issue 17): what it echoes, what echoes it. */
  links?: Pick<RecommendationInStatement, 'echoes' | 'echoedBy'>;
}) {
  const { ctx, statement, recommendation, timeline } = props;
  const { t, locale } = ctx;
  const statementUrl = `/${locale}/statements/${statement.slug}`;
  return (
    <Layout
      ctx={ctx}
      title={t.followupTimelineTitle(recommendation.number)}
      feeds={[
        siteFeeds.statementFollowup(ctx, statement.slug, localizedPlain(statement.title, ctx)),
        siteFeeds.followup(ctx),
      ]}
    >
      <p class="breadcrumb">
        <a href={statementUrl}>
          <LocalizedSpan value={statement.title} ctx={ctx} />
        </a>
        {' › '}
        <a href={`${statementUrl}/recommendations/${recommendation.slug}`} safe>
          {t.recommendationTitle(recommendation.number)}
        </a>
      </p>
      <h1 safe>{t.followupTimelineTitle(recommendation.number)}</h1>
      <blockquote>
        <LocalizedSpan value={recommendation.text} ctx={ctx} />
      </blockquote>
      <p safe>{t.followupTimelineIntro}</p>
      <TimelineList ctx={ctx} timeline={timeline} now={props.now} />
      {props.links ? (
        <>
          <LinkedRecommendations ctx={ctx} title={t.recommendationEchoes} list={props.links.echoes} />
          <LinkedRecommendations ctx={ctx} title={t.recommendationEchoedBy} list={props.links.echoedBy} />
        </>
      ) : (
        ''
      )}
      <p>
        <a href={`/${locale}/follow-up?statement=${statement.slug}`} safe>
          {t.followupDashboardTitle}
        </a>
      </p>
    </Layout>
  );
}
