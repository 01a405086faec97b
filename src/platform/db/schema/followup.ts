/**
 * Follow-up (issue 7): what governments did with each recommendation.
 *
 * Every row that the public may see carries its own `publication` (draft/published); whether the
 * public sees it is decided by platform/visibility.ts, which also requires the recommendation's statement
 * to be public. Editable rows carry `version` (optimistic locking) and every write leaves an audit row.
 *
 * The current status of a recommendation is not a column anywhere: it is the latest published status
 * update (by date, then by id for the same day), see features/followup/status.ts. `is_current` marks
 * that row so the dashboards can count with one index; it is recomputed from the timeline in the same
 * transaction as every write (`refreshCurrentStatus`), so it can never say something the timeline
 * does not.
 *
 * Uploaded copies (a response's source document, evidence, minutes) are foreign keys to the
 * content-addressed `files` table (schema/files.ts), like the other file references: on delete
 * restrict, so a stored copy an entry cites cannot disappear. A copy is public exactly when its entry
 * is (features/files/service.ts `getPublicFile` asks platform/visibility.ts's follow-up rule).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgEnum, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { id, localizedText, requiredRef, timestamps, version } from './columns.js';
import { addressees, organizations, recommendations, statements } from './core.js';
import { files } from './files.js';

const sha256 = (name: string) => text(name).references(() => files.sha256, { onDelete: 'restrict' });
const recordedBy = () => integer('recorded_by').references(() => users.id, { onDelete: 'set null' });

export const followupPublication = pgEnum('followup_publication', ['draft', 'published']);

export const responsePosition = pgEnum('response_position', [
  'accepted',
  'partially_accepted',
  'noted',
  'rejected',
  'no_response',
]);

export const implementationStatus = pgEnum('implementation_status', [
  'not_started',
  'in_progress',
  'partially_implemented',
  'implemented',
  'reversed',
  'no_longer_relevant',
]);

/** A government's (an addressee's) answer to one recommendation. */
export const followupResponses = pgTable(
  'followup_responses',
  {
    id: id(),
    recommendationId: requiredRef('recommendation_id', () => recommendations.id, 'cascade'),
    addresseeId: requiredRef('addressee_id', () => addressees.id, 'restrict'),
    position: responsePosition('position').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    /** The answer's text or a summary of it. */
    summary: localizedText('summary'),
    sourceUrl: text('source_url'),
    sourceTitle: text('source_title'),
    sourceUpload: sha256('source_upload_sha256'),
    publication: followupPublication('publication').notNull().default('draft'),
    recordedBy: recordedBy(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    index('followup_responses_recommendation_idx').on(t.recommendationId, t.date),
    index('followup_responses_addressee_idx').on(t.addresseeId, t.recommendationId),
    check('followup_responses_upload_sha256', sql`${t.sourceUpload} is null or ${t.sourceUpload} ~ '^[0-9a-f]{64}$'`),
    // The public file route looks a hash up here; deleting a file checks the restrict here too.
    index('followup_responses_upload_idx').on(t.sourceUpload).where(sql`${t.sourceUpload} is not null`),
  ],
);

/** One dated change of a recommendation's implementation status: the timeline. */
export const followupStatusUpdates = pgTable(
  'followup_status_updates',
  {
    id: id(),
    recommendationId: requiredRef('recommendation_id', () => recommendations.id, 'cascade'),
    /**
     * The recommendation's statement, copied at insert because a recommendation never changes
     * statement: the public rule (statement visibility) and the dashboards' filters then need no join.
     */
    statementId: requiredRef('statement_id', () => statements.id, 'cascade'),
    status: implementationStatus('status').notNull(),
    /** The day the change happened (not the day it was recorded). */
    date: date('date', { mode: 'string' }).notNull(),
    summary: localizedText('summary'),
    publication: followupPublication('publication').notNull().default('draft'),
    /** The latest published update of its recommendation (see the file comment); maintained, never edited. */
    isCurrent: boolean('is_current').notNull().default(false),
    recordedBy: recordedBy(),
    recordedByLabel: text('recorded_by_label'),
    version: version(),
    ...timestamps,
  },
  (t) => [
    // The timeline and the derivation: latest first, same day → later id first.
    index('followup_status_updates_timeline_idx').on(t.recommendationId, t.date.desc(), t.id.desc()),
    // Dashboards: count current statuses per statement without touching the table.
    index('followup_status_updates_current_idx')
      .on(t.statementId, t.status, t.recommendationId)
      .where(sql`${t.isCurrent}`),
    // Status over time: every published change, by date.
    index('followup_status_updates_published_date_idx')
      .on(t.date, t.status, t.recommendationId)
      .where(sql`${t.publication} = 'published'`),
  ],
);

/** A source backing a status update. An update with none is shown as "unverified". */
export const followupEvidence = pgTable(
  'followup_evidence',
  {
    id: id(),
    statusUpdateId: requiredRef('status_update_id', () => followupStatusUpdates.id, 'cascade'),
    url: text('url').notNull(),
    title: text('title').notNull(),
    publisher: text('publisher').notNull(),
    publishedOn: date('published_on', { mode: 'string' }),
    upload: sha256('upload_sha256'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('followup_evidence_update_idx').on(t.statusUpdateId),
    check('followup_evidence_upload_sha256', sql`${t.upload} is null or ${t.upload} ~ '^[0-9a-f]{64}$'`),
    index('followup_evidence_upload_idx').on(t.upload).where(sql`${t.upload} is not null`),
  ],
);

/** A dialogue meeting between coalition organizations and addressees. */
export const followupMeetings = pgTable(
  'followup_meetings',
  {
    id: id(),
    date: date('date', { mode: 'string' }).notNull(),
    /** Null when the meeting was online. */
    place: text('place'),
    online: boolean('online').notNull().default(false),
    summary: localizedText('summary'),
    minutesUrl: text('minutes_url'),
    minutesUpload: sha256('minutes_upload_sha256'),
    publication: followupPublication('publication').notNull().default('draft'),
    recordedBy: recordedBy(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    index('followup_meetings_date_idx').on(t.date),
    check('followup_meetings_minutes_sha256', sql`${t.minutesUpload} is null or ${t.minutesUpload} ~ '^[0-9a-f]{64}$'`),
    index('followup_meetings_minutes_idx').on(t.minutesUpload).where(sql`${t.minutesUpload} is not null`),
  ],
);

/** Who took part: an organization of the registry or an addressee, exactly one per row. */
export const followupMeetingParticipants = pgTable(
  'followup_meeting_participants',
  {
    id: id(),
    meetingId: requiredRef('meeting_id', () => followupMeetings.id, 'cascade'),
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'restrict' }),
    addresseeId: integer('addressee_id').references(() => addressees.id, { onDelete: 'restrict' }),
  },
  (t) => [
    index('followup_meeting_participants_meeting_idx').on(t.meetingId),
    check('followup_meeting_participants_one', sql`(${t.organizationId} is null) <> (${t.addresseeId} is null)`),
  ],
);

/** The recommendations a meeting discussed: the meeting appears on their timelines. */
export const followupMeetingRecommendations = pgTable(
  'followup_meeting_recommendations',
  {
    meetingId: requiredRef('meeting_id', () => followupMeetings.id, 'cascade'),
    recommendationId: requiredRef('recommendation_id', () => recommendations.id, 'cascade'),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.recommendationId] }),
    index('followup_meeting_recommendations_rec_idx').on(t.recommendationId),
  ],
);

/** What someone committed to (usually at a meeting), by when, for which recommendations. */
export const followupCommitments = pgTable(
  'followup_commitments',
  {
    id: id(),
    meetingId: integer('meeting_id').references(() => followupMeetings.id, { onDelete: 'set null' }),
    /** Who committed: an addressee (a government office) or an organization, exactly one. */
    addresseeId: integer('addressee_id').references(() => addressees.id, { onDelete: 'restrict' }),
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'restrict' }),
    text: localizedText('text'),
    /** The day it was made. */
    date: date('date', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    /** Set when it was kept; an open commitment past `due_on` is overdue. */
    fulfilledOn: date('fulfilled_on', { mode: 'string' }),
    publication: followupPublication('publication').notNull().default('draft'),
    recordedBy: recordedBy(),
    version: version(),
    ...timestamps,
  },
  (t) => [
    index('followup_commitments_due_idx').on(t.dueOn).where(sql`${t.fulfilledOn} is null`),
    check('followup_commitments_who', sql`(${t.organizationId} is null) <> (${t.addresseeId} is null)`),
  ],
);

export const followupCommitmentRecommendations = pgTable(
  'followup_commitment_recommendations',
  {
    commitmentId: requiredRef('commitment_id', () => followupCommitments.id, 'cascade'),
    recommendationId: requiredRef('recommendation_id', () => recommendations.id, 'cascade'),
  },
  (t) => [
    primaryKey({ columns: [t.commitmentId, t.recommendationId] }),
    index('followup_commitment_recommendations_rec_idx').on(t.recommendationId),
  ],
);
