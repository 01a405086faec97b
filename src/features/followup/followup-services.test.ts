/**
 * Follow-up services on both engines: status derivation (out-of-order and same-day entries),
 * the scorecard's arithmetic, overdue commitments with an injected clock, and the audit trail.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { bilingual, followupRecorder } from '../../../test/support/followup.js';
import { createUserWithPassword } from '../../../test/support/visitors.js';
import { listAudit } from '../../platform/audit.js';
import * as t from '../../platform/db/schema/index.js';
import type { Editor } from '../../platform/write.js';
import { countByStatus } from './dashboard-counts.js';
import { isOverdue, monthsBefore } from './overdue.js';
import {
  countOverdueCommitments,
  countStaleRecommendations,
  overdueCommitments,
  staleRecommendations,
} from './reminders.js';
import { percent, scorecardShares } from './scorecard.js';
import { scorecard } from './scorecard-service.js';
import { compareTimeline, currentStatus, type DatedUpdate, statusOn } from './status.js';
import { loadTimeline } from './timeline-service.js';
import { recordCommitment } from './write-service.js';

describe('status derivation (pure)', () => {
  const u = (id: number, date: string, status: DatedUpdate['status']): DatedUpdate => ({ id, date, status });

  it('takes the latest by date, whatever order the updates were recorded in', () => {
    // Recorded: implemented (June), then a late entry about March saying in progress.
    const updates = [u(1, '2022-06-01', 'implemented'), u(2, '2022-03-01', 'in_progress')];
    expect(currentStatus(updates)).toBe('implemented');
    expect(statusOn(updates, '2022-04-30')).toBe('in_progress');
    expect(statusOn(updates, '2022-02-28')).toBeNull();
  });

  it('on the same day, the one recorded later wins', () => {
    expect(currentStatus([u(5, '2022-06-01', 'in_progress'), u(9, '2022-06-01', 'reversed')])).toBe('reversed');
    expect(currentStatus([u(9, '2022-06-01', 'reversed'), u(5, '2022-06-01', 'in_progress')])).toBe('reversed');
  });

  it('sorts the timeline by date then by recording order, and has no status without updates', () => {
    const sorted = [
      u(3, '2022-01-02', 'in_progress'),
      u(2, '2022-01-01', 'reversed'),
      u(1, '2022-01-02', 'implemented'),
    ]
      .sort(compareTimeline)
      .map((x) => x.id);
    expect(sorted).toEqual([2, 1, 3]);
    expect(currentStatus([])).toBeNull();
  });
});

describe('scorecard arithmetic (pure)', () => {
  it('divides by N and rounds half up to whole percent; 0 % when N is 0', () => {
    expect(percent(1, 8)).toBe(13); // 12.5 → 13
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
    expect(percent(0, 0)).toBe(0);
    expect(scorecardShares({ total: 8, answered: 5, accepted: 3, implemented: 1 })).toEqual({
      answered: 63,
      accepted: 38,
      implemented: 13,
    });
  });
});

describe('overdue with an injected clock (pure)', () => {
  it('is overdue only after the due day, and never once kept', () => {
    const c = { dueOn: '2024-03-31', fulfilledOn: null };
    expect(isOverdue(c, new Date('2024-03-31T23:59:59Z'))).toBe(false);
    expect(isOverdue(c, new Date('2024-04-01T00:00:00Z'))).toBe(true);
    expect(isOverdue({ ...c, fulfilledOn: '2024-05-01' }, new Date('2025-01-01T00:00:00Z'))).toBe(false);
    expect(isOverdue({ dueOn: null, fulfilledOn: null }, new Date('2030-01-01T00:00:00Z'))).toBe(false);
    expect(monthsBefore(new Date('2024-05-31T10:00:00Z'), 3)).toBe('2024-02-29');
  });
});

describeEachEngine('follow-up services', (ctx) => {
  const now = new Date('2024-06-15T12:00:00Z');
  let editor: Editor;
  const text = bilingual;

  beforeAll(async () => {
    editor = await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' }, now);
  });

  /**
   * A published statement of the test's own with four recommendations r1–r4, all addressed to a
   * government `a` and r1–r2 also to `b`: what one test records does not show in another's.
   */
  async function seed(tag: string) {
    const [statement] = await ctx.db
      .insert(t.statements)
      .values({ slug: `s-${tag}`, title: text(`S ${tag}`), date: '2023-01-10', status: 'published' })
      .returning();
    const addressees: number[] = [];
    for (const slug of ['a', 'b']) {
      const [a] = await ctx.db
        .insert(t.addressees)
        .values({ slug: `gov-${tag}-${slug}`, name: text(`${slug} ${tag}`), kind: 'government' })
        .returning();
      addressees.push(a!.id);
    }
    const recs: number[] = [];
    for (let i = 1; i <= 4; i++) {
      const [r] = await ctx.db
        .insert(t.recommendations)
        .values({ statementId: statement!.id, slug: `r${i}`, position: i, text: text(`R${i}`) })
        .returning();
      recs.push(r!.id);
      await ctx.db.insert(t.recommendationAddressees).values({ recommendationId: r!.id, addresseeId: addressees[0]! });
      if (i <= 2)
        await ctx.db
          .insert(t.recommendationAddressees)
          .values({ recommendationId: r!.id, addresseeId: addressees[1]! });
    }
    return { recs, addressees };
  }

  const recorder = followupRecorder(ctx, () => editor, now);
  const update = recorder.statusUpdate;
  const currentRows = (recommendationId: number) =>
    ctx.db
      .select()
      .from(t.followupStatusUpdates)
      .where(
        and(
          eq(t.followupStatusUpdates.recommendationId, recommendationId),
          eq(t.followupStatusUpdates.isCurrent, true),
        ),
      );

  it('derives the current status from the timeline: out-of-order and same-day entries, drafts ignored', async () => {
    const { recs } = await seed('derive');
    const r = recs[0]!;
    await update(r, '2024-05-01', 'implemented');
    await update(r, '2024-02-01', 'in_progress'); // recorded later, about an earlier day
    let timeline = await loadTimeline(ctx.db, r, { now, includeDrafts: false });
    expect(timeline.current?.status).toBe('implemented');
    expect(await currentRows(r)).toHaveLength(1);
    expect((await currentRows(r))[0]!.status).toBe('implemented');

    await update(r, '2024-05-01', 'reversed'); // same day, recorded later: wins
    timeline = await loadTimeline(ctx.db, r, { now, includeDrafts: false });
    expect(timeline.current?.status).toBe('reversed');
    expect((await currentRows(r)).map((x) => x.status)).toEqual(['reversed']);

    const draft = await update(r, '2024-06-01', 'no_longer_relevant', { publication: 'draft' });
    expect((await loadTimeline(ctx.db, r, { now, includeDrafts: false })).current?.status).toBe('reversed');
    expect((await countByStatus(ctx.db, {}, now)).reversed).toBe(1);

    await recorder.publication('status_update', { id: draft.id, version: 1 }, 'published');
    expect((await loadTimeline(ctx.db, r, { now, includeDrafts: false })).current?.status).toBe('no_longer_relevant');
    expect((await currentRows(r)).map((x) => x.status)).toEqual(['no_longer_relevant']);
    const counts = await countByStatus(ctx.db, {}, now);
    expect(counts.no_longer_relevant).toBe(1);
    expect(counts.reversed).toBe(0);
  });

  it('a status update without evidence is allowed, recorded with its author, and audited', async () => {
    const { recs } = await seed('no-evidence');
    const row = await update(recs[1]!, '2024-04-01', 'implemented');
    const timeline = await loadTimeline(ctx.db, recs[1]!, { now, includeDrafts: true });
    const entry = timeline.entries.find((e) => e.kind === 'status_update' && e.id === row.id);
    expect(entry?.kind === 'status_update' && entry.evidence).toEqual([]);
    expect(row.recordedByLabel).toBe('editor@example.org');
    const audit = await listAudit(ctx.db, 'followup_status_update', row.id);
    expect(audit.map((a) => [a.action, a.actorLabel])).toEqual([['create', 'editor@example.org']]);
  });

  it('refuses a stale status form (someone recorded an update since) with a conflict', async () => {
    const { recs } = await seed('stale-form');
    const timeline = await loadTimeline(ctx.db, recs[2]!, { now, includeDrafts: true });
    await update(recs[2]!, '2024-01-01', 'in_progress', { seenLatestId: timeline.latestRecordedId });
    await expect(
      update(recs[2]!, '2024-01-02', 'implemented', { seenLatestId: timeline.latestRecordedId }),
    ).rejects.toMatchObject({ statusCode: 409 });
  });

  it('computes the scorecard by the documented formula', async () => {
    const { recs, addressees } = await seed('scorecard');
    const respond = recorder.response;
    const [a, b] = addressees as [number, number];
    await update(recs[1]!, '2024-04-01', 'implemented'); // r2's current status
    await respond(recs[0]!, a, 'accepted', '2024-01-01');
    await respond(recs[0]!, a, 'rejected', '2024-03-01'); // latest: no longer accepted
    await respond(recs[1]!, a, 'rejected', '2024-01-01');
    await respond(recs[1]!, a, 'partially_accepted', '2024-03-01'); // latest: accepted
    await respond(recs[2]!, a, 'no_response', '2024-01-01'); // not an answer
    await respond(recs[3]!, a, 'accepted', '2024-01-01', 'draft'); // not public
    await respond(recs[3]!, b, 'accepted', '2024-01-01'); // r4 is not addressed to b: ignored
    await respond(recs[0]!, b, 'noted', '2024-01-01');
    const rows = await scorecard(ctx.db, {}, now);
    const of = (id: number) => rows.find((r) => r.addressee.id === id);
    // a: N=4; answered r1,r2; accepted r2; implemented r2 (current status implemented).
    expect(of(a)).toMatchObject({ total: 4, answered: 2, accepted: 1, implemented: 1 });
    expect(scorecardShares(of(a)!)).toEqual({ answered: 50, accepted: 25, implemented: 25 });
    // b: N=2 (r1, r2); answered r1 (noted); accepted none; implemented r2.
    expect(of(b)).toMatchObject({ total: 2, answered: 1, accepted: 0, implemented: 1 });
  });

  it('finds overdue commitments and stale recommendations against the injected clock', async () => {
    const { recs, addressees } = await seed('reminders');
    await update(recs[0]!, '2024-05-01', 'in_progress'); // r1 was last updated in May 2024
    const commitment = await recordCommitment(
      ctx.db,
      {
        meetingId: null,
        addresseeId: addressees[0]!,
        organizationId: null,
        text: text('Do it'),
        date: '2024-01-01',
        dueOn: '2024-06-30',
        recommendationIds: [recs[3]!],
        publication: 'published',
      },
      editor,
      now,
    );
    expect(await overdueCommitments(ctx.db, now)).toHaveLength(0);
    const later = new Date('2024-07-01T00:00:00Z');
    expect((await overdueCommitments(ctx.db, later)).map((o) => o.commitment.id)).toEqual([commitment.id]);
    // r4 never had an update; the statement is older than 6 months at "later".
    expect((await staleRecommendations(ctx.db, later, 6)).map((r) => r.id)).toContain(recs[3]!);
    expect((await staleRecommendations(ctx.db, later, 6)).map((r) => r.id)).not.toContain(recs[0]!);
    expect((await staleRecommendations(ctx.db, new Date('2025-06-15T00:00:00Z'), 6)).map((r) => r.id)).toContain(
      recs[0]!,
    );
    // The home's capped counts are the lists' lengths, and stop at the cap.
    for (const at of [now, later, new Date('2025-06-15T00:00:00Z')]) {
      const stale = await staleRecommendations(ctx.db, at, 6);
      expect(await countStaleRecommendations(ctx.db, at, 6, 200)).toBe(stale.length);
      expect(await countOverdueCommitments(ctx.db, at, 200)).toBe((await overdueCommitments(ctx.db, at)).length);
    }
    expect(await countStaleRecommendations(ctx.db, later, 6, 1)).toBe(1);
    expect((await staleRecommendations(ctx.db, later, 6)).find((r) => r.id === recs[0])?.lastUpdate).toBeUndefined();
    expect(
      (await staleRecommendations(ctx.db, new Date('2025-06-15T00:00:00Z'), 6)).find((r) => r.id === recs[0])
        ?.lastUpdate,
    ).toBe('2024-05-01');
  });
});
