/**
 * Write side of follow-up: record a response, a status update with its evidence, a meeting, a
 * commitment; publish or unpublish any of them; mark a commitment kept. Each checks the policy,
 * writes one audit row in the same transaction, and on a stale version throws `Conflict` (409 page).
 * Input arrives validated (write-validation.ts, at the route); services trust it.
 */
import { and, desc, eq, gt } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Conflict, Forbidden, NotFound } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { canPublishFollowup, canRecordFollowup, type PolicyUser } from '../../platform/policy.js';
import { mergeTyped } from '../../platform/text/localized-input.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import type { FollowupPublication } from '../../platform/visibility.js';
import { actorOf, type Editor, insertAudited, updateVersioned, versionedChange } from '../../platform/write.js';
import { refreshCurrentStatus } from './current-status.js';
import type { ImplementationStatus } from './status.js';

/** A text typed in both languages on one form; the form's language is the original when both are given. */
export interface TextPair {
  en: string;
  es: string;
}

/** A new entry's text from the pair, by the one bilingual rule (mergeTyped): the form's language is the original when it has text. */
export function pairToLocalized(pair: TextPair, formLocale: Locale): LocalizedText {
  return mergeTyped({}, (locale) => pair[locale].trim(), formLocale, []);
}

function mayRecord(user: PolicyUser): asserts user is NonNullable<PolicyUser> {
  if (!canRecordFollowup(user)) throw new Forbidden('Only editors may record follow-up');
}

/** A follow-up entry recorded now by this editor: what its insertAudited needs besides the values. */
const recorded = (table: PgTable, entityType: string, user: Editor, now: Date) => ({
  table,
  entityType,
  actor: actorOf(user),
  now,
});

async function recommendationExists(db: Db, id: number) {
  const [row] = await db.select().from(t.recommendations).where(eq(t.recommendations.id, id));
  if (!row) throw new NotFound(`No recommendation ${id}`);
  return row;
}

export interface ResponseInput {
  recommendationId: number;
  addresseeId: number;
  position: (typeof t.responsePosition.enumValues)[number];
  date: string;
  summary: LocalizedText;
  sourceUrl: string | null;
  sourceTitle: string | null;
  publication: FollowupPublication;
}

export async function recordResponse(db: Db, input: ResponseInput, user: Editor, now: Date) {
  mayRecord(user);
  return db.transaction(async (tx) => {
    await recommendationExists(tx, input.recommendationId);
    return insertAudited<typeof t.followupResponses.$inferSelect>(tx, {
      ...recorded(t.followupResponses, 'followup_response', user, now),
      values: { ...input, recordedBy: user.id },
      audited: (row) => row,
    });
  });
}

export interface EvidenceInput {
  url: string;
  title: string;
  publisher: string;
  publishedOn: string | null;
}

/** An evidence row as the edit form sends it: `id` when it was already recorded, null for a new one. */
export type EvidenceEdit = EvidenceInput & { id: number | null };

export interface StatusUpdateInput {
  recommendationId: number;
  status: ImplementationStatus;
  date: string;
  summary: LocalizedText;
  evidence: EvidenceInput[];
  publication: FollowupPublication;
  /** The newest update the editor saw on the form (0: none). A newer one means someone else recorded in between. */
  seenLatestId: number;
}

const su = t.followupStatusUpdates;

export async function recordStatusUpdate(db: Db, input: StatusUpdateInput, user: Editor, now: Date) {
  mayRecord(user);
  return db.transaction(async (tx) => {
    const recommendation = await recommendationExists(tx, input.recommendationId);
    const newer = await tx
      .select()
      .from(su)
      .where(and(eq(su.recommendationId, recommendation.id), gt(su.id, input.seenLatestId)))
      .orderBy(desc(su.id));
    if (newer.length > 0) {
      throw new Conflict('Someone recorded a status update for this recommendation in the meantime', {
        version: input.seenLatestId,
        changes: newer.map((u) => ({
          actorLabel: u.recordedByLabel ?? '—',
          at: u.createdAt.toISOString(),
          changes: [
            { field: 'status', before: null, after: u.status },
            { field: 'date', before: null, after: u.date },
            { field: 'summary', before: null, after: u.summary },
          ],
        })),
      });
    }
    const evidence = input.evidence.map(({ url, title, publisher, publishedOn }) => ({
      url,
      title,
      publisher,
      publishedOn,
    }));
    const row = await insertAudited<typeof su.$inferSelect>(tx, {
      ...recorded(su, 'followup_status_update', user, now),
      values: {
        recommendationId: recommendation.id,
        statementId: recommendation.statementId,
        status: input.status,
        date: input.date,
        summary: input.summary,
        publication: input.publication,
        recordedBy: user.id,
        recordedByLabel: user.email,
      },
      audited: (row) => ({ ...row, isCurrent: undefined, evidence }),
    });
    if (evidence.length > 0) {
      await tx
        .insert(t.followupEvidence)
        .values(evidence.map((e, position) => ({ ...e, statusUpdateId: row.id, position })));
    }
    await refreshCurrentStatus(tx, recommendation.id);
    return row;
  });
}

export interface MeetingInput {
  date: string;
  place: string | null;
  online: boolean;
  summary: LocalizedText;
  minutesUrl: string | null;
  organizationIds: number[];
  addresseeIds: number[];
  recommendationIds: number[];
  publication: FollowupPublication;
}

export async function recordMeeting(db: Db, input: MeetingInput, user: Editor, now: Date) {
  mayRecord(user);
  const { organizationIds, addresseeIds, recommendationIds, ...fields } = input;
  return db.transaction(async (tx) => {
    const row = await insertAudited<typeof t.followupMeetings.$inferSelect>(tx, {
      ...recorded(t.followupMeetings, 'followup_meeting', user, now),
      values: { ...fields, recordedBy: user.id },
      audited: (row) => ({ ...row, organizationIds, addresseeIds, recommendationIds }),
    });
    const participants = [
      ...organizationIds.map((organizationId) => ({ meetingId: row.id, organizationId })),
      ...addresseeIds.map((addresseeId) => ({ meetingId: row.id, addresseeId })),
    ];
    if (participants.length > 0) await tx.insert(t.followupMeetingParticipants).values(participants);
    if (recommendationIds.length > 0) {
      await tx
        .insert(t.followupMeetingRecommendations)
        .values(recommendationIds.map((recommendationId) => ({ meetingId: row.id, recommendationId })));
    }
    return row;
  });
}

export interface CommitmentInput {
  meetingId: number | null;
  addresseeId: number | null;
  organizationId: number | null;
  text: LocalizedText;
  date: string;
  dueOn: string | null;
  recommendationIds: number[];
  publication: FollowupPublication;
}

export async function recordCommitment(db: Db, input: CommitmentInput, user: Editor, now: Date) {
  mayRecord(user);
  const { recommendationIds, ...fields } = input;
  return db.transaction(async (tx) => {
    const row = await insertAudited<typeof t.followupCommitments.$inferSelect>(tx, {
      ...recorded(t.followupCommitments, 'followup_commitment', user, now),
      values: { ...fields, recordedBy: user.id },
      audited: (row) => ({ ...row, recommendationIds }),
    });
    if (recommendationIds.length > 0) {
      await tx
        .insert(t.followupCommitmentRecommendations)
        .values(recommendationIds.map((recommendationId) => ({ commitmentId: row.id, recommendationId })));
    }
    return row;
  });
}

export const ENTRY_KINDS = ['response', 'status_update', 'meeting', 'commitment'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

const tables = {
  response: t.followupResponses,
  status_update: t.followupStatusUpdates,
  meeting: t.followupMeetings,
  commitment: t.followupCommitments,
} as const;

export interface PublicationInput {
  kind: EntryKind;
  id: number;
  publication: FollowupPublication;
  version: number;
}

/** Publish or unpublish one entry, version-checked. */
export async function setEntryPublication(db: Db, input: PublicationInput, user: Editor, now: Date) {
  if (!canPublishFollowup(user)) throw new Forbidden('Only editors may publish follow-up');
  const table = tables[input.kind];
  const entityType = `followup_${input.kind}`;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(table).where(eq(table.id, input.id));
    if (!before) throw new NotFound(`No ${input.kind} ${input.id}`);
    const action = input.publication === 'published' ? 'publish' : 'unpublish';
    return updateVersioned<typeof before>(tx, {
      ...versionedChange(table, entityType, before, input.version, action, user, now),
      what: input.kind,
      set: { publication: input.publication },
      alongside: async (after) => {
        if (input.kind === 'status_update')
          await refreshCurrentStatus(tx, (after as typeof su.$inferSelect).recommendationId);
      },
      audit: {
        before: { publication: before.publication, version: before.version },
        after: (after) => ({ publication: after.publication, version: after.version }),
      },
    });
  });
}

/** A commitment was kept on `fulfilledOn`: it stops being overdue. */
export async function markCommitmentKept(
  db: Db,
  input: { id: number; fulfilledOn: string; version: number },
  user: Editor,
  now: Date,
) {
  mayRecord(user);
  const c = t.followupCommitments;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(c).where(eq(c.id, input.id));
    if (!before) throw new NotFound(`No commitment ${input.id}`);
    return updateVersioned(tx, {
      ...versionedChange(c, 'followup_commitment', before, input.version, 'mark_kept', user, now),
      what: 'commitment',
      set: { fulfilledOn: input.fulfilledOn },
      audit: {
        before: { fulfilledOn: before.fulfilledOn, version: before.version },
        after: (after) => ({ fulfilledOn: after.fulfilledOn, version: after.version }),
      },
    });
  });
}
