/**
 * Editing recorded follow-up entries and their uploaded copies, on both engines: version checks,
 * audit rows with before/after, `is_current` after an edit that reorders the timeline, evidence rows
 * added/changed/removed, and a copy the public may fetch exactly when its entry is public.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { tinyPdf } from '../../../test/support/files.js';
import { bilingual, followupRecorder, seedStatement } from '../../../test/support/followup.js';
import { createUserWithPassword } from '../../../test/support/visitors.js';
import { listAudit } from '../../platform/audit.js';
import * as t from '../../platform/db/schema/index.js';
import { type LocalizedText, localized, translationState } from '../../platform/text/localized-text.js';
import type { Editor } from '../../platform/write.js';
import { getPublicFile, sha256Hex } from '../files/index.js';
import { setFollowupCopy } from './copy-service.js';
import { editCommitment, editMeeting, editResponse, editStatusUpdate, evidenceOf } from './edit-service.js';
import { loadTimeline } from './timeline-service.js';
import {
  pairToLocalized,
  recordCommitment,
  recordMeeting,
  recordResponse,
  type StatusUpdateInput,
  setEntryPublication,
} from './write-service.js';

const now = new Date('2024-06-15T12:00:00Z');
const text = bilingual;
const pdf = (label: string) => ({
  mediaType: 'application/pdf' as const,
  bytes: tinyPdf(label),
  originalName: `${label}.pdf`,
});

describeEachEngine('editing follow-up entries and their copies', (ctx) => {
  let editor: Editor;
  let statementId: number;
  let otherStatementRec: number;
  const recs: number[] = [];
  let addresseeId: number;

  beforeAll(async () => {
    editor = await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' }, now);
    const seeded = await seedStatement(ctx.db, { slug: 's', title: 'S', status: 'draft', count: 3 });
    statementId = seeded.statementId;
    const [other] = await ctx.db
      .insert(t.statements)
      .values({ slug: 'other', title: text('O'), date: '2023-01-10', status: 'published' })
      .returning();
    const [a] = await ctx.db
      .insert(t.addressees)
      .values({ slug: 'gov', name: text('Gov'), kind: 'government' })
      .returning();
    addresseeId = a!.id;
    recs.push(...seeded.recommendationIds);
    const [r] = await ctx.db
      .insert(t.recommendations)
      .values({ statementId: other!.id, slug: 'o1', position: 1, text: text('O1') })
      .returning();
    otherStatementRec = r!.id;
  });

  const evidence = [
    { url: 'https://example.org/a', title: 'A', publisher: 'P', publishedOn: null },
    { url: 'https://example.org/b', title: 'B', publisher: 'P', publishedOn: null },
  ];
  const recorder = followupRecorder(ctx, () => editor, now);
  const update = (recommendationId: number, date: string, status: StatusUpdateInput['status']) =>
    recorder.statusUpdate(recommendationId, date, status, { evidence });
  const current = async (recommendationId: number) =>
    (
      await ctx.db
        .select({ id: t.followupStatusUpdates.id })
        .from(t.followupStatusUpdates)
        .where(
          and(
            eq(t.followupStatusUpdates.recommendationId, recommendationId),
            eq(t.followupStatusUpdates.isCurrent, true),
          ),
        )
    ).map((r) => r.id);

  /** A draft response 'noted' on 2024-01-01. */
  const draftResponse = (summary: LocalizedText, recommendationId = recs[0]!) =>
    recordResponse(
      ctx.db,
      {
        recommendationId,
        addresseeId,
        position: 'noted',
        date: '2024-01-01',
        summary,
        sourceUrl: null,
        sourceTitle: null,
        publication: 'draft',
      },
      editor,
      now,
    );

  it('edits a response at the version seen; a stale version is a conflict and changes nothing; audited', async () => {
    const response = await draftResponse(text('Noted.'));
    const fields = {
      addresseeId,
      position: 'accepted' as const,
      date: '2024-01-02',
      summary: text('Accepted after all.'),
      sourceUrl: 'https://example.org/answer',
      sourceTitle: 'Answer',
      publication: 'draft' as const,
    };
    const edited = await editResponse(ctx.db, { ...fields, id: response.id, version: 1 }, editor, now);
    expect(edited.position).toBe('accepted');
    expect(edited.version).toBe(2);
    await expect(
      editResponse(ctx.db, { ...fields, position: 'rejected', id: response.id, version: 1 }, editor, now),
    ).rejects.toMatchObject({ statusCode: 409 });
    const [row] = await ctx.db.select().from(t.followupResponses).where(eq(t.followupResponses.id, response.id));
    expect(row!.position).toBe('accepted');
    const audit = await listAudit(ctx.db, 'followup_response', response.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]!.before).toMatchObject({ position: 'noted', date: '2024-01-01', version: 1 });
    expect(audit[1]!.after).toMatchObject({ position: 'accepted', date: '2024-01-02', version: 2 });
  });

  it('an edit keeps each text’s origin whatever the form’s language; a translation left as it was goes stale', async () => {
    const response = await draftResponse(localized('es', 'Tomó nota.', { en: 'Noted.' }));
    const fields = { addresseeId, position: 'noted' as const, date: '2024-01-01', sourceUrl: null, sourceTitle: null };
    // As the English form sends it (pairToLocalized makes its language the original of a new entry).
    const typed = (en: string, es: string) => pairToLocalized({ en, es }, 'en');
    const edit = (summary: LocalizedText, version: number) =>
      editResponse(ctx.db, { ...fields, summary, publication: 'draft', id: response.id, version }, editor, now);
    // Fixing the English translation: Spanish stays the original, English a current translation of it.
    const fixed = await edit(typed('Took note.', 'Tomó nota.'), 1);
    expect(fixed.summary.es).toEqual({ text: 'Tomó nota.', origin: 'original' });
    expect(fixed.summary.en).toMatchObject({ text: 'Took note.', origin: 'translation' });
    expect(translationState(fixed.summary, 'en')).toBe('translation');
    // Changing the Spanish original alone: English is now out of date, by fingerprint.
    const changed = await edit(typed('Took note.', 'Tomó nota y responderá.'), 2);
    expect(changed.summary.es).toEqual({ text: 'Tomó nota y responderá.', origin: 'original' });
    expect(changed.summary.en).toEqual(fixed.summary.en);
    expect(translationState(changed.summary, 'en')).toBe('stale');
    // Emptying the original hands it to the language that still has text.
    const english = await edit(typed('Took note.', ''), 3);
    expect(english.summary).toEqual({ en: { text: 'Took note.', origin: 'original' } });
  });

  it('editing a status update’s date reorders the timeline and moves is_current in the same write', async () => {
    const r = recs[1]!;
    const march = await update(r, '2024-03-01', 'in_progress');
    const may = await update(r, '2024-05-01', 'implemented');
    expect(await current(r)).toEqual([may.id]);
    const [a, b] = await evidenceOf(ctx.db, may.id);
    // May's update was really about January: March's becomes the latest.
    const edited = await editStatusUpdate(
      ctx.db,
      {
        id: may.id,
        version: 1,
        status: 'reversed',
        date: '2024-01-15',
        summary: text('Reversed in January.'),
        publication: 'published',
        evidence: [
          { id: b!.id, url: 'https://example.org/b2', title: 'B2', publisher: 'P', publishedOn: '2024-01-20' },
          { id: null, url: 'https://example.org/c', title: 'C', publisher: 'Q', publishedOn: null },
        ],
      },
      editor,
      now,
    );
    expect(edited.version).toBe(2);
    expect(await current(r)).toEqual([march.id]);
    const timeline = await loadTimeline(ctx.db, r, { now, includeDrafts: true });
    expect(timeline.current?.id).toBe(march.id);
    const evidence = await evidenceOf(ctx.db, may.id);
    expect(evidence.map((e) => [e.title, e.position])).toEqual([
      ['B2', 0],
      ['C', 1],
    ]);
    expect(evidence[0]!.id).toBe(b!.id); // changed in place: a copy attached to it would stay
    expect(evidence.some((e) => e.id === a!.id)).toBe(false);
    const audit = await listAudit(ctx.db, 'followup_status_update', may.id);
    expect(audit.map((x) => x.action)).toEqual(['create', 'update']);
    expect(audit[1]!.before).toMatchObject({ status: 'implemented', date: '2024-05-01', version: 1 });
    expect(audit[1]!.after).toMatchObject({ status: 'reversed', date: '2024-01-15', version: 2 });
    expect((audit[1]!.after as { evidence: unknown[] }).evidence).toHaveLength(2);

    // Unpublishing March's through the edit form leaves the January one current.
    const editMarch = (status: StatusUpdateInput['status']) =>
      editStatusUpdate(
        ctx.db,
        {
          id: march.id,
          version: 1,
          status,
          date: '2024-03-01',
          summary: text('x'),
          publication: 'draft',
          evidence: [],
        },
        editor,
        now,
      );
    await editMarch('in_progress');
    expect(await current(r)).toEqual([may.id]);
    // A second save at the version already saved over is stale.
    await expect(editMarch('implemented')).rejects.toMatchObject({ statusCode: 409 });
  });

  it('edits a meeting and a commitment, keeping links to recommendations the form did not offer', async () => {
    const meeting = await recordMeeting(
      ctx.db,
      {
        date: '2024-02-01',
        place: 'Guatemala City',
        online: false,
        summary: text('Met.'),
        minutesUrl: null,
        organizationIds: [],
        addresseeIds: [addresseeId],
        recommendationIds: [recs[0]!, otherStatementRec],
        publication: 'draft',
      },
      editor,
      now,
    );
    await editMeeting(
      ctx.db,
      {
        id: meeting.id,
        version: 1,
        scope: recs,
        date: '2024-02-02',
        place: null,
        online: true,
        summary: text('Met online.'),
        minutesUrl: 'https://example.org/minutes',
        organizationIds: [],
        addresseeIds: [],
        recommendationIds: [recs[2]!],
        publication: 'published',
      },
      editor,
      now,
    );
    const links = await ctx.db
      .select()
      .from(t.followupMeetingRecommendations)
      .where(eq(t.followupMeetingRecommendations.meetingId, meeting.id));
    expect(links.map((l) => l.recommendationId).sort((x, y) => x - y)).toEqual(
      [recs[2]!, otherStatementRec].sort((x, y) => x - y),
    );
    const meetingAudit = await listAudit(ctx.db, 'followup_meeting', meeting.id);
    expect(meetingAudit.at(-1)!.after).toMatchObject({ online: true, addresseeIds: [], version: 2 });

    const commitment = await recordCommitment(
      ctx.db,
      {
        meetingId: meeting.id,
        addresseeId,
        organizationId: null,
        text: text('Will publish.'),
        date: '2024-02-02',
        dueOn: '2024-05-01',
        recommendationIds: [recs[0]!],
        publication: 'draft',
      },
      editor,
      now,
    );
    const input = {
      id: commitment.id,
      version: 1,
      scope: recs,
      meetingId: null,
      addresseeId,
      organizationId: null,
      text: text('Will publish by June.'),
      date: '2024-02-02',
      dueOn: '2024-06-01',
      recommendationIds: [recs[0]!, recs[1]!],
      publication: 'draft' as const,
    };
    const edited = await editCommitment(ctx.db, input, editor, now);
    expect(edited.dueOn).toBe('2024-06-01');
    await expect(editCommitment(ctx.db, input, editor, now)).rejects.toMatchObject({ statusCode: 409 });
    const audit = await listAudit(ctx.db, 'followup_commitment', commitment.id);
    expect(audit.at(-1)!.before).toMatchObject({ dueOn: '2024-05-01', recommendationIds: [recs[0]!] });
  });

  it('attaches, replaces and removes copies (version-checked, audited); served only while the entry is public', async () => {
    const r = recs[2]!;
    const statusUpdate = await update(r, '2024-04-01', 'in_progress');
    const [evidence] = await evidenceOf(ctx.db, statusUpdate.id);
    const first = pdf('first');
    const copy = await setFollowupCopy(
      ctx.db,
      { kind: 'evidence', id: evidence!.id, version: 1, file: first },
      editor,
      now,
    );
    expect(copy).toMatchObject({ sha256: sha256Hex(first.bytes), mediaType: 'application/pdf' });
    // The status update's version was checked and bumped: the same page cannot attach twice.
    await expect(
      setFollowupCopy(ctx.db, { kind: 'evidence', id: evidence!.id, version: 1, file: pdf('x') }, editor, now),
    ).rejects.toMatchObject({ statusCode: 409 });

    // The statement is a draft: the published update's copy stays hidden.
    await expect(getPublicFile(ctx.db, copy!.sha256, now)).rejects.toMatchObject({ statusCode: 404 });
    await ctx.db.update(t.statements).set({ status: 'published' }).where(eq(t.statements.id, statementId));
    expect((await getPublicFile(ctx.db, copy!.sha256, now)).bytes.equals(first.bytes)).toBe(true);
    // Back to a draft entry: hidden again.
    await recorder.publication('status_update', { id: statusUpdate.id, version: 2 }, 'draft');
    await expect(getPublicFile(ctx.db, copy!.sha256, now)).rejects.toMatchObject({ statusCode: 404 });

    const second = pdf('second');
    await setFollowupCopy(ctx.db, { kind: 'evidence', id: evidence!.id, version: 3, file: second }, editor, now);
    await setFollowupCopy(ctx.db, { kind: 'evidence', id: evidence!.id, version: 4, file: null }, editor, now);
    const [after] = await evidenceOf(ctx.db, statusUpdate.id);
    expect(after!.upload).toBeNull();
    const audit = await listAudit(ctx.db, 'followup_status_update', statusUpdate.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'attach_copy', 'unpublish', 'replace_copy', 'remove_copy']);
    expect(audit[3]!.before).toMatchObject({ evidenceId: evidence!.id, copy: { sha256: sha256Hex(first.bytes) } });
    expect(audit[3]!.after).toMatchObject({ copy: { sha256: sha256Hex(second.bytes), originalName: 'second.pdf' } });

    // A response's source copy and a meeting's minutes, by the same rule.
    const response = await draftResponse(text('Yes.'), r);
    // Private while its draft entry is; served once the entry is published.
    const copyFollowsPublication = async (kind: 'response' | 'meeting', id: number) => {
      const copy = await setFollowupCopy(ctx.db, { kind, id, version: 1, file: pdf(kind) }, editor, now);
      await expect(getPublicFile(ctx.db, copy!.sha256, now)).rejects.toMatchObject({ statusCode: 404 });
      await setEntryPublication(ctx.db, { kind, id, publication: 'published', version: 2 }, editor, now);
      expect(await getPublicFile(ctx.db, copy!.sha256, now)).toMatchObject({ mediaType: 'application/pdf' });
      return copy!;
    };
    await copyFollowsPublication('response', response.id);

    const meeting = await recordMeeting(
      ctx.db,
      {
        date: '2024-02-01',
        place: null,
        online: true,
        summary: text('Met.'),
        minutesUrl: null,
        organizationIds: [],
        addresseeIds: [],
        recommendationIds: [r],
        publication: 'draft',
      },
      editor,
      now,
    );
    const minutes = await copyFollowsPublication('meeting', meeting.id);
    // A cited copy cannot be deleted from the files table (on delete restrict).
    await expect(ctx.db.delete(t.files).where(eq(t.files.sha256, minutes!.sha256))).rejects.toThrow();
  });
});
