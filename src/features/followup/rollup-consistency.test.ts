/**
 * The dashboard rollup (drizzle/0010_followup_rollup_triggers.sql, rollup-service.ts) against the
 * live queries, which stay the reference: after every write of a sequence that touches each thing the
 * triggers watch (status updates recorded, published, unpublished, edited; responses recorded and
 * edited; recommendations added and removed
 * with themes and addressees; statements published, embargoed, withdrawn; an addressee's country), every
 * by-status, by-theme and by-addressee number for every filter combination equals the live count.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { followupRecorder } from '../../../test/support/followup.js';
import { createUserWithPassword } from '../../../test/support/visitors.js';
import * as t from '../../platform/db/schema/index.js';
import { localized } from '../../platform/text/localized-text.js';
import type { Editor } from '../../platform/write.js';
import {
  countByAddressee,
  countByStatus,
  countByTheme,
  liveCountByAddressee,
  liveCountByStatus,
  liveCountByTheme,
} from './dashboard-counts.js';
import { editResponse, editStatusUpdate } from './edit-service.js';
import type { DashboardFilters } from './filters.js';
import { liveStatusOverTime, statusOverTime } from './over-time-service.js';
import { rollupByAddressee, rollupByStatus, rollupByTheme, rollupTransitions } from './rollup-service.js';
import { liveScorecard, scorecard } from './scorecard-service.js';
import type { ImplementationStatus } from './status.js';
import type { ResponseInput } from './write-service.js';

const NOW = new Date('2026-11-27T12:00:00Z');
const LATER = new Date('2027-06-01T12:00:00Z');
const text = (s: string) => localized('en', s, { es: `${s} (es)` });

const CHOICES: DashboardFilters[] = [
  { theme: 'theme-1' },
  { addressee: 'gov-2' },
  { country: 'GT' },
  // Whole years 2022–2023 (read from the per-year totals) and the edges: 2021 in, 2024 out.
  { from: '2021-02-01', to: '2024-02-01' },
  { statement: 'statement-2' },
];
const COMBINATIONS: DashboardFilters[] = Array.from({ length: 1 << CHOICES.length }, (_, mask) =>
  Object.assign({}, ...CHOICES.filter((_, i) => mask & (1 << i))),
);

describeEachEngine('follow-up dashboard rollup equals the live counts', (ctx) => {
  let editor: Editor;
  const themes: number[] = [];
  const addressees: number[] = [];
  const statements: number[] = [];
  const recs: number[] = [];

  async function addRecommendation(statementId: number, i: number) {
    const [r] = await ctx.db
      .insert(t.recommendations)
      .values({ statementId, slug: `r${i}`, position: i, text: text(`R${i}`) })
      .returning();
    await ctx.db.insert(t.recommendationThemes).values({ recommendationId: r!.id, themeId: themes[i % 3]! });
    if (i % 2 === 0 && i % 3 !== 2)
      await ctx.db.insert(t.recommendationThemes).values({ recommendationId: r!.id, themeId: themes[2]! });
    await ctx.db
      .insert(t.recommendationAddressees)
      .values({ recommendationId: r!.id, addresseeId: addressees[i % 4]! });
    // Some recommendations go to two addressees of the same country (GT): counted once for the country.
    if (i % 3 === 0) {
      const second = addressees[i % 4 === 0 ? 1 : 0]!;
      await ctx.db.insert(t.recommendationAddressees).values({ recommendationId: r!.id, addresseeId: second });
    }
    recs.push(r!.id);
    return r!.id;
  }

  beforeAll(async () => {
    editor = await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' }, NOW);
    for (let i = 1; i <= 3; i++) {
      const [th] = await ctx.db
        .insert(t.themes)
        .values({ slug: `theme-${i}`, label: text(`Theme ${i}`), position: i })
        .returning();
      themes.push(th!.id);
    }
    for (const [i, country] of [
      [1, 'GT'],
      [2, 'GT'],
      [3, 'HN'],
      [4, null],
    ] as const) {
      const [a] = await ctx.db
        .insert(t.addressees)
        .values({ slug: `gov-${i}`, name: text(`Gov ${i}`), kind: 'government', country })
        .returning();
      addressees.push(a!.id);
    }
    for (let s = 1; s <= 4; s++) {
      const [row] = await ctx.db
        .insert(t.statements)
        .values({
          slug: `statement-${s}`,
          title: text(`S${s}`),
          date: `202${s}-03-01`,
          status: s === 4 ? 'draft' : 'published',
        })
        .returning();
      statements.push(row!.id);
      for (let i = 1; i <= 6; i++) await addRecommendation(row!.id, s * 10 + i);
    }
  });

  const recorder = followupRecorder(ctx, () => editor, NOW);
  const record = (recommendationId: number, date: string, status: ImplementationStatus, publication = 'published') =>
    recorder.statusUpdate(recommendationId, date, status, { publication: publication as 'published' | 'draft' });
  const respond = (
    recommendationId: number,
    addresseeIndex: number,
    position: ResponseInput['position'],
    date: string,
    publication?: ResponseInput['publication'],
  ) => recorder.response(recommendationId, addressees[addresseeIndex]!, position, date, publication);

  /** A recorded update as the edit form would send it back unchanged. */
  const editable = (row: Awaited<ReturnType<typeof record>>) => ({
    id: row.id,
    version: row.version,
    status: row.status,
    date: row.date,
    summary: row.summary,
    publication: row.publication,
    evidence: [],
  });

  /**
   * Where a view's rollup does not answer a combination (it returns null), the view runs the live query
   * itself and the comparison would be the live query against itself: only the answered ones are compared.
   */
  async function expectConsistent(step: string) {
    let fromRollup = 0;
    for (const now of [NOW, LATER]) {
      for (const filters of COMBINATIONS) {
        const where = `${step} at ${now.toISOString()} with ${JSON.stringify(filters)}`;
        const [byStatus, byTheme, byAddressee, transitions] = await Promise.all([
          rollupByStatus(ctx.db, filters, now),
          rollupByTheme(ctx.db, filters, now),
          rollupByAddressee(ctx.db, filters, now),
          rollupTransitions(ctx.db, filters, now),
        ]);
        if (byStatus) {
          expect(await countByStatus(ctx.db, filters, now), where).toEqual(
            await liveCountByStatus(ctx.db, filters, now),
          );
        }
        if (byTheme) {
          expect(await countByTheme(ctx.db, filters, now), where).toEqual(await liveCountByTheme(ctx.db, filters, now));
        }
        if (byAddressee) {
          expect(await countByAddressee(ctx.db, filters, now), where).toEqual(
            await liveCountByAddressee(ctx.db, filters, now),
          );
          expect(await scorecard(ctx.db, filters, now), where).toEqual(await liveScorecard(ctx.db, filters, now));
        }
        if (transitions) {
          expect(await statusOverTime(ctx.db, filters, now), where).toEqual(
            await liveStatusOverTime(ctx.db, filters, now),
          );
        }
        fromRollup += [byStatus, byAddressee, transitions].filter(Boolean).length;
      }
    }
    // The rollup really answers: by status and over time every combination without a statement except
    // addressee × country (12 of 32 each), by addressee every one without a statement or an addressee (8).
    expect(fromRollup).toBe(2 * (12 + 8 + 12));
  }

  it('stays equal through a sequence of writes', async () => {
    await expectConsistent('initial');

    const first = await record(recs[0]!, '2024-01-10', 'in_progress');
    const implemented = await record(recs[1]!, '2024-02-10', 'implemented');
    await record(recs[7]!, '2024-02-10', 'reversed');
    await expectConsistent('recorded published updates');

    // An update about an earlier day never overrides the newer one; a draft never counts until published.
    await record(recs[0]!, '2023-12-01', 'not_started');
    const draft = await record(recs[0]!, '2025-05-05', 'implemented', 'draft');
    await expectConsistent('out-of-order and draft updates');
    const published = await recorder.publication('status_update', draft, 'published');
    await expectConsistent('published the draft');
    await recorder.publication('status_update', published, 'draft');
    await recorder.publication('status_update', first, 'draft');
    await expectConsistent('unpublished two updates');

    // Over time: updates dated after NOW (later this year, next year, after LATER in its year) count only
    // once their day has come; editing a published update's date and status moves its transition.
    await record(recs[2]!, '2026-12-15', 'implemented');
    await record(recs[3]!, '2027-03-01', 'reversed');
    await record(recs[2]!, '2027-09-01', 'no_longer_relevant');
    await record(recs[12]!, '2026-12-20', 'in_progress');
    await expectConsistent('updates dated in the future');
    await ctx.db
      .update(t.followupStatusUpdates)
      .set({ date: '2022-07-07', status: 'partially_implemented' })
      .where(eq(t.followupStatusUpdates.recommendationId, recs[7]!));
    await expectConsistent('a published update edited (date and status)');

    // Responses (the scorecard): latest by date then recording order, "no response yet" is no answer,
    // drafts count once published, a response from an addressee the recommendation is not addressed to never.
    const scored = await respond(recs[1]!, 0, 'accepted', '2024-01-01');
    await respond(recs[1]!, 0, 'rejected', '2023-06-01');
    await respond(recs[1]!, 1, 'no_response', '2024-01-01');
    const pending = await respond(recs[1]!, 1, 'partially_accepted', '2024-05-01', 'draft');
    await respond(recs[4]!, 3, 'noted', '2024-02-02');
    await respond(recs[0]!, 2, 'accepted', '2024-02-02');
    await respond(recs[9]!, 1, 'accepted', '2024-03-03');
    await respond(recs[9]!, 1, 'rejected', '2024-03-03');
    await expectConsistent('responses recorded');
    await recorder.publication('response', pending, 'published');
    await expectConsistent('a draft response published');

    // Editing recorded entries (edit-service.ts): an UPDATE of a status update's date and status, of
    // the current row (its status changes) and of a newer one moved before the current (the current
    // row changes), and of a response's position and date.
    await editStatusUpdate(ctx.db, { ...editable(implemented), status: 'reversed', date: '2023-01-01' }, editor, NOW);
    const newer = await record(recs[7]!, '2024-06-01', 'in_progress');
    await expectConsistent('a newer update recorded before the edit');
    await editStatusUpdate(ctx.db, { ...editable(newer), status: 'implemented', date: '2023-05-05' }, editor, NOW);
    await editResponse(
      ctx.db,
      {
        id: scored.id,
        version: scored.version,
        addresseeId: scored.addresseeId,
        position: 'rejected',
        date: '2025-01-01',
        summary: scored.summary,
        sourceUrl: null,
        sourceTitle: null,
        publication: 'published',
      },
      editor,
      NOW,
    );
    await expectConsistent('status updates and a response edited');

    // New recommendations with themes and addressees; a theme added and an addressee removed later.
    const added = await addRecommendation(statements[1]!, 90);
    await record(added, '2024-03-03', 'partially_implemented');
    await ctx.db.insert(t.recommendationThemes).values({ recommendationId: recs[2]!, themeId: themes[0]! });
    await ctx.db
      .delete(t.recommendationAddressees)
      .where(
        and(
          eq(t.recommendationAddressees.recommendationId, recs[3]!),
          eq(t.recommendationAddressees.addresseeId, addressees[2]!),
        ),
      );
    await expectConsistent('recommendations, themes and addressees changed');

    // Statements: the draft published, one embargoed until after NOW, one withdrawn before LATER.
    await ctx.db.update(t.statements).set({ status: 'published' }).where(eq(t.statements.id, statements[3]!));
    await ctx.db
      .update(t.statements)
      .set({ embargoUntil: new Date('2027-01-01T00:00:00Z') })
      .where(eq(t.statements.id, statements[0]!));
    await ctx.db
      .update(t.statements)
      .set({ withdrawnAt: new Date('2027-02-01T00:00:00Z') })
      .where(eq(t.statements.id, statements[2]!));
    await expectConsistent('statements published, embargoed, withdrawn');

    // Back to draft, an addressee moving country, a recommendation deleted.
    await ctx.db.update(t.statements).set({ status: 'draft' }).where(eq(t.statements.id, statements[1]!));
    await ctx.db.update(t.addressees).set({ country: 'HN' }).where(eq(t.addressees.id, addressees[1]!));
    await ctx.db.update(t.statements).set({ date: '2025-05-05' }).where(eq(t.statements.id, statements[2]!));
    await ctx.db.delete(t.recommendations).where(eq(t.recommendations.id, recs[8]!));
    await expectConsistent('unpublished statement, moved addressee and statement date, deleted recommendation');
    // Every step: 32 filter combinations × 2 instants × 5 views, each the rollup answers against the live query.
  }, 120_000);
});
