/**
 * One timeline per recommendation: responses, status updates (with evidence), meetings,
 * commitments and the press releases that highlight it, in date order.
 *
 * The public timeline uses the visibility rule (platform/visibility.ts) on every kind of entry; the
 * editors' timeline (`includeDrafts`, policy-checked by the caller) also shows drafts, marked.
 */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import {
  publicCommitmentCondition,
  publicMeetingCondition,
  publicReleasesCondition,
} from '../../platform/visibility.js';
import { type FileRef, fileRefs } from '../files/index.js';
import { latestUpdate } from './status.js';

export type ResponseRow = typeof t.followupResponses.$inferSelect;
export type StatusUpdateRow = typeof t.followupStatusUpdates.$inferSelect;
export type EvidenceRow = typeof t.followupEvidence.$inferSelect;
export type MeetingRow = typeof t.followupMeetings.$inferSelect;
export type CommitmentRow = typeof t.followupCommitments.$inferSelect;
type AddresseeRow = typeof t.addressees.$inferSelect;
type OrganizationRow = typeof t.organizations.$inferSelect;
type ReleaseRow = typeof t.releases.$inferSelect;

export type TimelineEntry =
  | { kind: 'response'; date: string; id: number; response: ResponseRow; addressee: AddresseeRow }
  | { kind: 'status_update'; date: string; id: number; update: StatusUpdateRow; evidence: EvidenceRow[] }
  | {
      kind: 'meeting';
      date: string;
      id: number;
      meeting: MeetingRow;
      organizations: OrganizationRow[];
      addressees: AddresseeRow[];
    }
  | {
      kind: 'commitment';
      date: string;
      id: number;
      commitment: CommitmentRow;
      by: { addressee: AddresseeRow | null; organization: OrganizationRow | null };
    }
  | { kind: 'release'; date: string; id: number; release: ReleaseRow };

/** Within a day: what was said (release, response), then what was done, then the meeting and its commitments. */
const KIND_ORDER: Record<TimelineEntry['kind'], number> = {
  release: 0,
  response: 1,
  status_update: 2,
  meeting: 3,
  commitment: 4,
};

export function sortTimeline(entries: TimelineEntry[]): TimelineEntry[] {
  return [...entries].sort(
    (a, b) =>
      (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.id - b.id,
  );
}

export interface Timeline {
  entries: TimelineEntry[];
  current: StatusUpdateRow | null;
  /** The newest status update recorded (any publication): the editors' form sends it back (conflict check). */
  latestRecordedId: number;
  /** The uploaded copies the entries cite, by sha256 (type and size for the links). */
  copies: Map<string, FileRef>;
}

/** The stored copy an entry cites, if any. */
export const copyOf = (timeline: Timeline, sha256: string | null): FileRef | null =>
  sha256 ? (timeline.copies.get(sha256) ?? null) : null;

export async function loadTimeline(
  db: Db,
  recommendationId: number,
  options: { now: Date; includeDrafts: boolean },
): Promise<Timeline> {
  const { now, includeDrafts } = options;
  const published = (column: typeof t.followupResponses.publication | typeof t.followupStatusUpdates.publication) =>
    includeDrafts ? undefined : eq(column, 'published');
  const meetingRule: SQL | undefined = includeDrafts
    ? undefined
    : publicMeetingCondition(t.followupMeetings.id, t.followupMeetings.publication, now);
  const commitmentRule: SQL | undefined = includeDrafts
    ? undefined
    : publicCommitmentCondition(t.followupCommitments.id, t.followupCommitments.publication, now);

  const [responses, updates, meetings, commitments, releases] = await Promise.all([
    db
      .select({ response: t.followupResponses, addressee: t.addressees })
      .from(t.followupResponses)
      .innerJoin(t.addressees, eq(t.addressees.id, t.followupResponses.addresseeId))
      .where(
        and(eq(t.followupResponses.recommendationId, recommendationId), published(t.followupResponses.publication)),
      ),
    db
      .select()
      .from(t.followupStatusUpdates)
      .where(
        and(
          eq(t.followupStatusUpdates.recommendationId, recommendationId),
          published(t.followupStatusUpdates.publication),
        ),
      ),
    db
      .select({ meeting: t.followupMeetings })
      .from(t.followupMeetingRecommendations)
      .innerJoin(t.followupMeetings, eq(t.followupMeetings.id, t.followupMeetingRecommendations.meetingId))
      .where(and(eq(t.followupMeetingRecommendations.recommendationId, recommendationId), meetingRule)),
    db
      .select({ commitment: t.followupCommitments, addressee: t.addressees, organization: t.organizations })
      .from(t.followupCommitmentRecommendations)
      .innerJoin(t.followupCommitments, eq(t.followupCommitments.id, t.followupCommitmentRecommendations.commitmentId))
      .leftJoin(t.addressees, eq(t.addressees.id, t.followupCommitments.addresseeId))
      .leftJoin(t.organizations, eq(t.organizations.id, t.followupCommitments.organizationId))
      .where(and(eq(t.followupCommitmentRecommendations.recommendationId, recommendationId), commitmentRule)),
    db
      .selectDistinct({ release: t.releases })
      .from(t.releaseHighlights)
      .innerJoin(t.releases, eq(t.releases.id, t.releaseHighlights.releaseId))
      .where(
        and(
          eq(t.releaseHighlights.recommendationId, recommendationId),
          includeDrafts ? undefined : publicReleasesCondition(now),
        ),
      ),
  ]);

  const updateIds = updates.map((u) => u.id);
  const meetingIds = meetings.map((m) => m.meeting.id);
  const [evidence, participants] = await Promise.all([
    updateIds.length === 0
      ? []
      : db
          .select()
          .from(t.followupEvidence)
          .where(inArray(t.followupEvidence.statusUpdateId, updateIds))
          .orderBy(asc(t.followupEvidence.position)),
    meetingIds.length === 0
      ? []
      : db
          .select({
            meetingId: t.followupMeetingParticipants.meetingId,
            organization: t.organizations,
            addressee: t.addressees,
          })
          .from(t.followupMeetingParticipants)
          .leftJoin(t.organizations, eq(t.organizations.id, t.followupMeetingParticipants.organizationId))
          .leftJoin(t.addressees, eq(t.addressees.id, t.followupMeetingParticipants.addresseeId))
          .where(inArray(t.followupMeetingParticipants.meetingId, meetingIds))
          .orderBy(asc(t.followupMeetingParticipants.id)),
  ]);

  const entries: TimelineEntry[] = [
    ...responses.map((r) => ({
      kind: 'response' as const,
      date: r.response.date,
      id: r.response.id,
      response: r.response,
      addressee: r.addressee,
    })),
    ...updates.map((update) => ({
      kind: 'status_update' as const,
      date: update.date,
      id: update.id,
      update,
      evidence: evidence.filter((e) => e.statusUpdateId === update.id),
    })),
    ...meetings.map(({ meeting }) => {
      const mine = participants.filter((p) => p.meetingId === meeting.id);
      return {
        kind: 'meeting' as const,
        date: meeting.date,
        id: meeting.id,
        meeting,
        organizations: mine.flatMap((p) => (p.organization ? [p.organization] : [])),
        addressees: mine.flatMap((p) => (p.addressee ? [p.addressee] : [])),
      };
    }),
    ...commitments.map((c) => ({
      kind: 'commitment' as const,
      date: c.commitment.date,
      id: c.commitment.id,
      commitment: c.commitment,
      by: { addressee: c.addressee, organization: c.organization },
    })),
    ...releases.map(({ release }) => ({
      kind: 'release' as const,
      date: release.releaseDate,
      id: release.id,
      release,
    })),
  ];
  const publishedUpdates = updates.filter((u) => u.publication === 'published');
  const copies = await fileRefs(db, [
    ...responses.map((r) => r.response.sourceUpload),
    ...evidence.map((e) => e.upload),
    ...meetings.map((m) => m.meeting.minutesUpload),
  ]);
  return {
    copies,
    entries: sortTimeline(entries),
    current: latestUpdate(publishedUpdates),
    latestRecordedId: updates.reduce((max, u) => Math.max(max, u.id), 0),
  };
}
