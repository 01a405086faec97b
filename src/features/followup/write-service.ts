/**
 * Write side of follow-up: record a response, a status update with its evidence, a meeting, a
 * commitment; publish or unpublish any of them; mark a commitment kept. Each checks the policy,
 * writes one audit row in the same transaction, and on a stale version throws `Conflict` (409 page).
 * Input arrives validated (write-validation.ts, at the route); services trust it.
 */
import { and, desc, eq, gt } from 'drizzle-orm';
import { type Actor, changesSince, writeAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Conflict, Forbidden, NotFound } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { canPublishFollowup, canRecordFollowup, type PolicyUser } from '../../platform/policy.js';
import { type LocalizedText, localized } from '../../platform/text/localized-text.js';
import type { FollowupPublication } from '../../platform/visibility.js';
import { refreshCurrentStatus } from './current-status.js';
import type { ImplementationStatus } from './status.js';

export type Editor = NonNullable<PolicyUser> & { email: string };
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** A text typed in both languages on one form; the form's language is the original when both are given. */
export interface TextPair {
  en: string;
  es: string;
}

export function pairToLocalized(pair: TextPair, formLocale: Locale): LocalizedText {
  const other: Locale = formLocale === 'en' ? 'es' : 'en';
  const mine = pair[formLocale].trim();
  const theirs = pair[other].trim();
  if (mine) return localized(formLocale, mine, theirs ? { [other]: theirs } : {});
  return theirs ? localized(other, theirs) : {};
}

function actorOf(user: Editor): Actor {
  return { id: user.id, label: user.email };
}

function mayRecord(user: PolicyUser): asserts user is NonNullable<PolicyUser> {
  if (!canRecordFollowup(user)) throw new Forbidden('Only editors may record follow-up');
}

async function recommendationExists(db: Tx, id: number) {
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
    const [row] = await tx
      .insert(t.followupResponses)
      .values({ ...input, recordedBy: user.id, createdAt: now, updatedAt: now })
      .returning();
    await writeAudit(tx, {
      actor: actorOf(user),
      at: now,
      entityType: 'followup_response',
      entityId: row!.id,
      action: 'create',
      after: row,
    });
    return row!;
  });
}

export interface EvidenceInput {
  url: string;
  title: string;
  publisher: string;
  publishedOn: string | null;
}

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
    const [row] = await tx
      .insert(su)
      .values({
        recommendationId: recommendation.id,
        statementId: recommendation.statementId,
        status: input.status,
        date: input.date,
        summary: input.summary,
        publication: input.publication,
        recordedBy: user.id,
        recordedByLabel: user.email,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (input.evidence.length > 0) {
      await tx.insert(t.followupEvidence).values(
        input.evidence.map((e, position) => ({
          url: e.url,
          title: e.title,
          publisher: e.publisher,
          publishedOn: e.publishedOn,
          statusUpdateId: row!.id,
          position,
        })),
      );
    }
    await refreshCurrentStatus(tx, recommendation.id);
    await writeAudit(tx, {
      actor: actorOf(user),
      at: now,
      entityType: 'followup_status_update',
      entityId: row!.id,
      action: 'create',
      after: {
        ...row,
        isCurrent: undefined,
        evidence: input.evidence.map(({ url, title, publisher, publishedOn }) => ({
          url,
          title,
          publisher,
          publishedOn,
        })),
      },
    });
    return row!;
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
    const [row] = await tx
      .insert(t.followupMeetings)
      .values({ ...fields, recordedBy: user.id, createdAt: now, updatedAt: now })
      .returning();
    const participants = [
      ...organizationIds.map((organizationId) => ({ meetingId: row!.id, organizationId })),
      ...addresseeIds.map((addresseeId) => ({ meetingId: row!.id, addresseeId })),
    ];
    if (participants.length > 0) await tx.insert(t.followupMeetingParticipants).values(participants);
    if (recommendationIds.length > 0) {
      await tx
        .insert(t.followupMeetingRecommendations)
        .values(recommendationIds.map((recommendationId) => ({ meetingId: row!.id, recommendationId })));
    }
    await writeAudit(tx, {
      actor: actorOf(user),
      at: now,
      entityType: 'followup_meeting',
      entityId: row!.id,
      action: 'create',
      after: { ...row, organizationIds, addresseeIds, recommendationIds },
    });
    return row!;
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
    const [row] = await tx
      .insert(t.followupCommitments)
      .values({ ...fields, recordedBy: user.id, createdAt: now, updatedAt: now })
      .returning();
    if (recommendationIds.length > 0) {
      await tx
        .insert(t.followupCommitmentRecommendations)
        .values(recommendationIds.map((recommendationId) => ({ commitmentId: row!.id, recommendationId })));
    }
    await writeAudit(tx, {
      actor: actorOf(user),
      at: now,
      entityType: 'followup_commitment',
      entityId: row!.id,
      action: 'create',
      after: { ...row, recommendationIds },
    });
    return row!;
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
    const [after] = await tx
      .update(table)
      .set({ publication: input.publication, version: before.version + 1, updatedAt: now })
      .where(and(eq(table.id, input.id), eq(table.version, input.version)))
      .returning();
    if (!after) {
      throw new Conflict(`This ${input.kind} was changed by someone else`, {
        version: before.version,
        changes: await changesSince(tx, entityType, before.id, input.version),
      });
    }
    if (input.kind === 'status_update')
      await refreshCurrentStatus(tx, (after as typeof su.$inferSelect).recommendationId);
    await writeAudit(tx, {
      actor: actorOf(user),
      at: now,
      entityType,
      entityId: after.id,
      action: input.publication === 'published' ? 'publish' : 'unpublish',
      before: { publication: before.publication, version: before.version },
      after: { publication: after.publication, version: after.version },
    });
    return after;
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
    const [after] = await tx
      .update(c)
      .set({ fulfilledOn: input.fulfilledOn, version: before.version + 1, updatedAt: now })
      .where(and(eq(c.id, input.id), eq(c.version, input.version)))
      .returning();
    if (!after) {
      throw new Conflict('This commitment was changed by someone else', {
        version: before.version,
        changes: await changesSince(tx, 'followup_commitment', before.id, input.version),
      });
    }
    await writeAudit(tx, {
      actor: actorOf(user),
      at: now,
      entityType: 'followup_commitment',
      entityId: after.id,
      action: 'mark_kept',
      before: { fulfilledOn: before.fulfilledOn, version: before.version },
      after: { fulfilledOn: after.fulfilledOn, version: after.version },
    });
    return after;
  });
}
