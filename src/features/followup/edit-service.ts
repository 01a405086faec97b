/**
 * Editing follow-up entries after they were recorded: a response, a status update (with its evidence
 * rows), a meeting, a commitment. The house write pattern (platform/write.ts): policy, the row's
 * `version` as the form saw it (stale → Conflict, shown with the typed text kept), one audit row with
 * before/after in the same transaction. A status update's edit recomputes `is_current` in that
 * transaction, since its date, status or publication can change which update is the latest.
 * Uploaded copies are not touched here: they have their own forms (copy-service.ts).
 */
import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { NotFound } from '../../platform/errors.js';
import { canRecordFollowup } from '../../platform/policy.js';
import { mergeTyped } from '../../platform/text/localized-input.js';
import { type LocalizedText, originalOf } from '../../platform/text/localized-text.js';
import { assertAllowed, type Editor, type Tx, updateVersioned, versionedChange } from '../../platform/write.js';
import { refreshCurrentStatus } from './current-status.js';
import { commitmentValues, type FormValues, meetingValues, responseValues, statusValues } from './edit-forms.js';
import type { EditorRecommendation } from './workspace-service.js';
import type { CommitmentInput, EvidenceEdit, MeetingInput, ResponseInput, StatusUpdateInput } from './write-service.js';

type Versioned = { id: number; version: number };

const mayEdit = (user: Editor) => assertAllowed(canRecordFollowup(user), 'Only editors may edit follow-up');

/** What an entry's audit row keeps: its own fields, not the bookkeeping columns. */
function audited<Row extends Record<string, unknown>>(row: Row): Record<string, unknown> {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, isCurrent: _i, recordedBy: _r, ...rest } = row;
  return rest;
}

function found<Row>(rows: Row[], what: string, id: number): Row {
  if (!rows[0]) throw new NotFound(`No ${what} ${id}`);
  return rows[0];
}

/**
 * An edit of an entry with rows beside its own (evidence, participants, recommendation links), in one
 * transaction: the entry (`load`ed, NotFound if missing) at the version seen, then `rewrite` for the
 * other rows, and one audit row with both, `rows` reading what the other rows hold before and after.
 */
async function editWithRows<Row extends { id: number; version: number }>(
  db: Db,
  edit: {
    table: typeof t.followupStatusUpdates | typeof t.followupMeetings | typeof t.followupCommitments;
    entityType: string;
    id: number;
    seenVersion: number;
    user: Editor;
    now: Date;
    load: (tx: Tx) => Promise<Row[]>;
    set: (before: Row) => Record<string, unknown>;
    rows: (tx: Tx) => Promise<Record<string, unknown>>;
    rewrite: (tx: Tx, before: Row) => Promise<unknown>;
  },
): Promise<Row> {
  mayEdit(edit.user);
  const { id, entityType, now } = edit;
  return db.transaction(async (tx) => {
    const before = found(await edit.load(tx), entityType, id);
    const rowsBefore = await edit.rows(tx);
    return updateVersioned<Row>(tx, {
      ...versionedChange(edit.table, entityType, before, edit.seenVersion, 'update', edit.user, now),
      set: edit.set(before),
      alongside: () => edit.rewrite(tx, before),
      audit: {
        before: { ...audited(before), ...rowsBefore, version: before.version },
        after: async (row) => ({ ...audited(row), ...(await edit.rows(tx)), version: row.version }),
      },
    });
  });
}

/**
 * A form's text saved over the stored one by the rule every bilingual editor uses (localized-input.ts
 * mergeTyped): the original stays the original in its language while it has text, whichever language
 * the form is in; an unchanged translation keeps its fingerprint, so it shows as stale when the
 * original changed. `typed` is the form's pair as parsed for a new entry: its original is the form's
 * language, which only counts when the stored original was emptied.
 */
export function editedText(before: LocalizedText, typed: LocalizedText): LocalizedText {
  return mergeTyped(before, (locale) => typed[locale]?.text.trim() ?? '', originalOf(typed)?.locale, []);
}

// ---- response ---------------------------------------------------------------------------------

export type ResponseEdit = Omit<ResponseInput, 'recommendationId'> & Versioned;

export async function editResponse(db: Db, input: ResponseEdit, user: Editor, now: Date) {
  mayEdit(user);
  const { id, version, ...fields } = input;
  return db.transaction(async (tx) => {
    const before = found(
      await tx.select().from(t.followupResponses).where(eq(t.followupResponses.id, id)),
      'response',
      id,
    );
    return updateVersioned(tx, {
      ...versionedChange(t.followupResponses, 'followup_response', before, version, 'update', user, now),
      set: { ...fields, summary: editedText(before.summary, fields.summary) },
      audited,
    });
  });
}

// ---- status update and its evidence ------------------------------------------------------------

export type StatusUpdateEdit = Omit<StatusUpdateInput, 'recommendationId' | 'seenLatestId' | 'evidence'> &
  Versioned & { evidence: EvidenceEdit[] };

const su = t.followupStatusUpdates;
const ev = t.followupEvidence;

const auditedEvidence = (rows: (typeof ev.$inferSelect)[]) =>
  rows.map(({ id, url, title, publisher, publishedOn, upload }) => ({
    id,
    url,
    title,
    publisher,
    publishedOn,
    upload,
  }));

export function evidenceOf(db: Db | Tx, statusUpdateId: number) {
  return db.select().from(ev).where(eq(ev.statusUpdateId, statusUpdateId)).orderBy(asc(ev.position), asc(ev.id));
}

/**
 * Evidence rows keep their id (and so their uploaded copy) when edited; rows left out of the form are
 * removed with their link to the copy (the stored file stays, as every stored file does); rows
 * without an id are added. The order is the form's.
 */
export function editStatusUpdate(db: Db, input: StatusUpdateEdit, user: Editor, now: Date) {
  const { id, version, evidence, ...fields } = input;
  return editWithRows(db, {
    table: su,
    entityType: 'followup_status_update',
    id,
    seenVersion: version,
    user,
    now,
    load: (tx) => tx.select().from(su).where(eq(su.id, id)),
    set: (before) => ({ ...fields, summary: editedText(before.summary, fields.summary) }),
    rows: async (tx) => ({ evidence: auditedEvidence(await evidenceOf(tx, id)) }),
    rewrite: async (tx, before) => {
      await replaceEvidence(tx, id, evidence);
      await refreshCurrentStatus(tx, before.recommendationId);
    },
  });
}

async function replaceEvidence(tx: Tx, statusUpdateId: number, evidence: EvidenceEdit[]) {
  const known = new Set((await evidenceOf(tx, statusUpdateId)).map((e) => e.id));
  const kept = evidence.flatMap((e) => (e.id !== null && known.has(e.id) ? [e.id] : []));
  await tx
    .delete(ev)
    .where(and(eq(ev.statusUpdateId, statusUpdateId), kept.length > 0 ? notInArray(ev.id, kept) : undefined));
  for (const [position, e] of evidence.entries()) {
    const values = { url: e.url, title: e.title, publisher: e.publisher, publishedOn: e.publishedOn, position };
    if (e.id !== null && known.has(e.id)) await tx.update(ev).set(values).where(eq(ev.id, e.id));
    else await tx.insert(ev).values({ ...values, statusUpdateId });
  }
}

// ---- meeting and commitment: their rows plus link rows ------------------------------------------

/**
 * `scope`: the recommendations the form offered (one statement's). Links to recommendations outside
 * it (a meeting that also discussed another statement) are kept, since the editor could not see them.
 */
export type MeetingEdit = MeetingInput & Versioned & { scope: number[] };

export function editMeeting(db: Db, input: MeetingEdit, user: Editor, now: Date) {
  const { id, version, organizationIds, addresseeIds, recommendationIds, scope, ...fields } = input;
  const m = t.followupMeetings;
  const mp = t.followupMeetingParticipants;
  const mr = t.followupMeetingRecommendations;
  return editWithRows(db, {
    table: m,
    entityType: 'followup_meeting',
    id,
    seenVersion: version,
    user,
    now,
    load: (tx) => tx.select().from(m).where(eq(m.id, id)),
    set: (before) => ({ ...fields, summary: editedText(before.summary, fields.summary) }),
    rows: async (tx) => {
      const participants = await tx.select().from(mp).where(eq(mp.meetingId, id)).orderBy(asc(mp.id));
      return {
        organizationIds: participants.flatMap((p) => (p.organizationId ? [p.organizationId] : [])),
        addresseeIds: participants.flatMap((p) => (p.addresseeId ? [p.addresseeId] : [])),
        recommendationIds: await linkedIds(tx, mr, mr.meetingId, id),
      };
    },
    rewrite: async (tx) => {
      await tx.delete(mp).where(eq(mp.meetingId, id));
      const rows = [
        ...organizationIds.map((organizationId) => ({ meetingId: id, organizationId })),
        ...addresseeIds.map((addresseeId) => ({ meetingId: id, addresseeId })),
      ];
      if (rows.length > 0) await tx.insert(mp).values(rows);
      await replaceLinks(tx, mr, mr.meetingId, id, scope, recommendationIds, (recommendationId) => ({
        meetingId: id,
        recommendationId,
      }));
    },
  });
}

export type CommitmentEdit = CommitmentInput & Versioned & { scope: number[] };

export function editCommitment(db: Db, input: CommitmentEdit, user: Editor, now: Date) {
  const { id, version, recommendationIds, scope, ...fields } = input;
  const c = t.followupCommitments;
  const cr = t.followupCommitmentRecommendations;
  return editWithRows(db, {
    table: c,
    entityType: 'followup_commitment',
    id,
    seenVersion: version,
    user,
    now,
    load: (tx) => tx.select().from(c).where(eq(c.id, id)),
    set: (before) => ({ ...fields, text: editedText(before.text, fields.text) }),
    rows: async (tx) => ({ recommendationIds: await linkedIds(tx, cr, cr.commitmentId, id) }),
    rewrite: (tx) =>
      replaceLinks(tx, cr, cr.commitmentId, id, scope, recommendationIds, (recommendationId) => ({
        commitmentId: id,
        recommendationId,
      })),
  });
}

type LinkTable = typeof t.followupMeetingRecommendations | typeof t.followupCommitmentRecommendations;
type OwnerColumn =
  | typeof t.followupMeetingRecommendations.meetingId
  | typeof t.followupCommitmentRecommendations.commitmentId;

/** Within `scope`, the recommendations an entry is linked to become exactly `ids` (rows already there stay). */
async function replaceLinks(
  tx: Tx,
  table: LinkTable,
  ownerColumn: OwnerColumn,
  ownerId: number,
  scope: number[],
  ids: number[],
  row: (recommendationId: number) => Record<string, number>,
) {
  // Both link tables have the owner's key and recommendation_id; Drizzle cannot type a union of tables.
  const linkTable = table as typeof t.followupMeetingRecommendations;
  const dropped = scope.filter((id) => !ids.includes(id));
  if (dropped.length > 0) {
    await tx.delete(linkTable).where(and(eq(ownerColumn, ownerId), inArray(linkTable.recommendationId, dropped)));
  }
  if (ids.length > 0)
    await tx
      .insert(linkTable)
      .values(ids.map(row) as never)
      .onConflictDoNothing();
}

async function linkedIds(tx: Tx, table: LinkTable, ownerColumn: OwnerColumn, ownerId: number): Promise<number[]> {
  const linkTable = table as typeof t.followupMeetingRecommendations;
  const rows = await tx.select({ id: linkTable.recommendationId }).from(linkTable).where(eq(ownerColumn, ownerId));
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** The links of one meeting or commitment, for pre-filling its edit form. */
export async function linksOf(db: Db, kind: 'meeting' | 'commitment', id: number) {
  if (kind === 'meeting') {
    const mp = t.followupMeetingParticipants;
    const [participants, recs] = await Promise.all([
      db.select().from(mp).where(eq(mp.meetingId, id)).orderBy(asc(mp.id)),
      db
        .select({ id: t.followupMeetingRecommendations.recommendationId })
        .from(t.followupMeetingRecommendations)
        .where(eq(t.followupMeetingRecommendations.meetingId, id)),
    ]);
    return {
      organizationIds: participants.flatMap((p) => (p.organizationId ? [p.organizationId] : [])),
      addresseeIds: participants.flatMap((p) => (p.addresseeId ? [p.addresseeId] : [])),
      recommendationIds: recs.map((r) => r.id),
    };
  }
  const recs = await db
    .select({ id: t.followupCommitmentRecommendations.recommendationId })
    .from(t.followupCommitmentRecommendations)
    .where(eq(t.followupCommitmentRecommendations.commitmentId, id));
  return { organizationIds: [], addresseeIds: [], recommendationIds: recs.map((r) => r.id) };
}

/** What a recommendation's page edits: its entries, and (for their copies) the evidence rows. */
export type EntryKind = 'response' | 'status' | 'meeting' | 'commitment' | 'evidence';

/**
 * Only an entry of this recommendation is edited, or has its copy changed, from the recommendation's
 * page; another one is NotFound there, since its form would offer the wrong addressees and
 * recommendations. A meeting or commitment belongs to every recommendation it is linked to.
 */
export async function assertEntryOf(db: Db, kind: EntryKind, id: number, recommendationId: number) {
  const owners = await ownersOf(db, kind, id);
  if (!owners.includes(recommendationId)) throw new NotFound(`No ${kind} ${id} for recommendation ${recommendationId}`);
}

async function ownersOf(db: Db, kind: EntryKind, id: number): Promise<number[]> {
  if (kind === 'meeting' || kind === 'commitment') return (await linksOf(db, kind, id)).recommendationIds;
  const rows =
    kind === 'response'
      ? await db
          .select({ owner: t.followupResponses.recommendationId })
          .from(t.followupResponses)
          .where(eq(t.followupResponses.id, id))
      : kind === 'status'
        ? await db.select({ owner: su.recommendationId }).from(su).where(eq(su.id, id))
        : await db
            .select({ owner: su.recommendationId })
            .from(ev)
            .innerJoin(su, eq(su.id, ev.statusUpdateId))
            .where(eq(ev.id, id));
  return rows.map((r) => r.owner);
}

/**
 * The recommendation's choices (workspace-service.ts) for one entry's edit form. A commitment made at
 * a meeting about another recommendation keeps that meeting among them, so it is shown (by date and
 * place) and saving the form unchanged works; other meetings stay out of reach.
 */
export async function choicesForEdit(
  db: Db,
  form: 'response' | 'status' | 'meeting' | 'commitment',
  id: number,
  rec: EditorRecommendation,
): Promise<EditorRecommendation> {
  if (form !== 'commitment') return rec;
  const [row] = await db
    .select({ meeting: t.followupMeetings })
    .from(t.followupCommitments)
    .innerJoin(t.followupMeetings, eq(t.followupMeetings.id, t.followupCommitments.meetingId))
    .where(eq(t.followupCommitments.id, id));
  if (!row || rec.meetings.some((m) => m.id === row.meeting.id)) return rec;
  const meetings = [...rec.meetings, row.meeting].sort((a, b) => a.date.localeCompare(b.date));
  return { ...rec, meetings };
}

/** A recorded entry of this recommendation (see assertEntryOf) as its edit form's values, and its version. */
export async function recordedValues(
  db: Db,
  form: 'response' | 'status' | 'meeting' | 'commitment',
  id: number,
  recommendationId: number,
): Promise<{ values: FormValues; version: number }> {
  await assertEntryOf(db, form, id, recommendationId);
  if (form === 'response') {
    const row = found(await db.select().from(t.followupResponses).where(eq(t.followupResponses.id, id)), form, id);
    return { values: responseValues(row), version: row.version };
  }
  if (form === 'status') {
    const row = found(await db.select().from(su).where(eq(su.id, id)), 'status update', id);
    return { values: statusValues(row, await evidenceOf(db, id)), version: row.version };
  }
  const links = await linksOf(db, form, id);
  if (form === 'meeting') {
    const row = found(await db.select().from(t.followupMeetings).where(eq(t.followupMeetings.id, id)), form, id);
    return { values: meetingValues(row, links), version: row.version };
  }
  const row = found(await db.select().from(t.followupCommitments).where(eq(t.followupCommitments.id, id)), form, id);
  return { values: commitmentValues(row, links), version: row.version };
}
