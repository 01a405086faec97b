/**
 * Issue 15: the meeting and commitment forms never list every organization, nor every recommendation
 * of the statement. With more than offered, the forms stay small; Find posts the form to itself
 * (`_action=find`), which comes back with what was typed and what was found, writing nothing; an
 * organization found so is saved as a meeting's participant and as a commitment's committer, and a
 * recommendation found by its number or words is linked. Addressees likewise: the recommendation's own
 * and a few more, the rest by search. Both engines.
 */
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, signedIn, type Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import { CHOICES_FIRST, CHOICES_LIMIT } from '../../platform/db/choices.js';
import * as t from '../../platform/db/schema/index.js';
import { localized } from '../../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';

const NOW = new Date('2026-11-27T12:00:00Z');

describeEachEngine('follow-up forms offer organizations and addressees bounded', (ctx) => {
  let app: FastifyTypeBox;
  let editor: Visitor;
  let base: string;
  let recId: number;
  let needle: number;
  let needleAddressee: number;
  const page = async (url: string) => {
    const response = await editor.get(url);
    expect(response.statusCode).toBe(200);
    return { $: cheerio.load(response.body), bytes: response.rawPayload.length };
  };

  beforeAll(async () => {
    await loadDemo(ctx.db);
    await ctx.db
      .insert(t.organizations)
      .values([
        ...Array.from({ length: CHOICES_LIMIT * 3 }, (_, i) => ({ slug: `bulk-${i}`, name: `Bulk organization ${i}` })),
        { slug: 'zeta-needle', name: 'Zeta Needle Collective' },
      ]);
    needle = (await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'zeta-needle')))[0]!.id;
    await ctx.db.insert(t.addressees).values([
      ...Array.from({ length: CHOICES_LIMIT * 3 }, (_, i) => ({
        slug: `bulk-addressee-${i}`,
        name: localized('en', `Bulk ministry ${i}`),
        kind: 'government' as const,
      })),
      {
        slug: 'zz-needle-ministry',
        name: localized('en', 'Ministry of Needles', { es: 'Ministerio de Agujas' }),
        kind: 'government' as const,
      },
    ]);
    needleAddressee = (await ctx.db.select().from(t.addressees).where(eq(t.addressees.slug, 'zz-needle-ministry')))[0]!
      .id;
    const [rec] = await ctx.db.select().from(t.recommendations).where(eq(t.recommendations.slug, 'family-unity'));
    recId = rec!.id;
    // The statement gets more recommendations than a form offers; the last one is the needle.
    await ctx.db.insert(t.recommendations).values([
      ...Array.from({ length: CHOICES_FIRST + 5 }, (_, i) => ({
        statementId: rec!.statementId,
        slug: `bulk-rec-${i}`,
        position: 100 + i,
        text: localized('en', `Bulk recommendation ${i}`),
      })),
      { statementId: rec!.statementId, slug: 'needle-rec', position: 200, text: localized('en', 'Thread the needle') },
    ]);
    base = `/en/workspace/followup/recommendations/${recId}`;
    app = await buildApp({ db: ctx.db, now: () => NOW });
    await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' }, NOW);
    editor = await signedIn(app, 'editor@example.org');
  });

  it('meeting: participants bounded; a searched organization is saved as a participant', async () => {
    const { $, bytes } = await page(`${base}/meeting`);
    expect($('input[type=checkbox][name=organization]').length).toBe(CHOICES_FIRST);
    expect(bytes).toBeLessThan(30 * 1024);
    expect($(`input[name=organization][value="${needle}"]`).length).toBe(0);
    expect($('form[method=get]').length).toBe(0);
    // Typed text and ticks survive the search; nothing is recorded by it.
    const search = await editor.post(
      `${base}/meeting`,
      {
        _action: 'find',
        'find-organization': 'needle',
        date: '2026-11-20',
        place: 'Typed place',
        recommendation: String(recId),
      },
      `${base}/meeting`,
    );
    expect(search.statusCode).toBe(200);
    const found = cheerio.load(search.body);
    expect(found(`input[name=organization][value="${needle}"]`).length).toBe(1);
    expect(found('input[name=place]').val()).toBe('Typed place');
    expect(found(`input[name=recommendation][value="${recId}"]`).attr('checked')).toBeDefined();
    expect(await ctx.db.select().from(t.followupMeetings).where(eq(t.followupMeetings.place, 'Typed place'))).toEqual(
      [],
    );
    const saved = await editor.post(
      `${base}/meeting`,
      {
        date: '2026-11-20',
        summary_en: 'Met the needle.',
        organization: String(needle),
        recommendation: String(recId),
      },
      `${base}/meeting`,
    );
    expect(saved.statusCode).toBe(303);
    const participants = await ctx.db
      .select()
      .from(t.followupMeetingParticipants)
      .where(eq(t.followupMeetingParticipants.organizationId, needle));
    expect(participants).toHaveLength(1);
    // Its edit form offers (and ticks) the participant without a search.
    const edit = (await page(`${base}/meeting/${participants[0]!.meetingId}/edit`)).$;
    expect(edit(`input[name=organization][value="${needle}"]`).attr('checked')).toBeDefined();
  });

  it('commitment: the committer list is bounded; a searched organization is saved as committer', async () => {
    const { $ } = await page(`${base}/commitment`);
    expect($('select[name=committer] option[value^="o:"]').length).toBe(CHOICES_FIRST);
    const search = await editor.post(
      `${base}/commitment`,
      { _action: 'find', 'find-organization': 'needle', date: '2026-11-20', text_en: 'Typed commitment' },
      `${base}/commitment`,
    );
    const found = cheerio.load(search.body);
    expect(found(`select[name=committer] option[value="o:${needle}"]`).length).toBe(1);
    expect(found('textarea[name=text_en]').text()).toBe('Typed commitment');
    const saved = await editor.post(
      `${base}/commitment`,
      { committer: `o:${needle}`, date: '2026-11-20', text_en: 'We will.', recommendation: String(recId) },
      `${base}/commitment`,
    );
    expect(saved.statusCode).toBe(303);
    const [commitment] = await ctx.db
      .select()
      .from(t.followupCommitments)
      .where(eq(t.followupCommitments.organizationId, needle));
    expect(commitment).toBeDefined();
    const edit = (await page(`${base}/commitment/${commitment!.id}/edit`)).$;
    expect(edit(`select[name=committer] option[value="o:${needle}"]`).attr('selected')).toBeDefined();
  });

  it('addressees: the recommendation’s own and the first few; one found by its Spanish name is saved, then offered on edit', async () => {
    const own = await ctx.db
      .select()
      .from(t.recommendationAddressees)
      .where(eq(t.recommendationAddressees.recommendationId, recId));
    expect(own.length).toBeGreaterThan(0);
    const { $ } = await page(`${base}/meeting`);
    const offered = $('input[type=checkbox][name=addressee]')
      .map((_, el) => Number($(el).attr('value')))
      .get();
    expect(offered.length).toBeLessThanOrEqual(own.length + CHOICES_FIRST);
    for (const { addresseeId } of own) expect(offered).toContain(addresseeId);
    expect(offered).not.toContain(needleAddressee);
    const search = await editor.post(
      `${base}/meeting`,
      { _action: 'find', 'find-addressee': 'agujas', date: '2026-11-21', place: 'Typed place 2' },
      `${base}/meeting`,
    );
    expect(search.statusCode).toBe(200);
    const found = cheerio.load(search.body);
    expect(found(`input[name=addressee][value="${needleAddressee}"]`).length).toBe(1);
    expect(found('input[name=place]').val()).toBe('Typed place 2');
    const saved = await editor.post(
      `${base}/meeting`,
      {
        date: '2026-11-21',
        summary_en: 'Met the ministry.',
        addressee: String(needleAddressee),
        recommendation: String(recId),
      },
      `${base}/meeting`,
    );
    expect(saved.statusCode).toBe(303);
    const [participant] = await ctx.db
      .select()
      .from(t.followupMeetingParticipants)
      .where(eq(t.followupMeetingParticipants.addresseeId, needleAddressee));
    expect(participant).toBeDefined();
    const edit = (await page(`${base}/meeting/${participant!.meetingId}/edit`)).$;
    expect(edit(`input[name=addressee][value="${needleAddressee}"]`).attr('checked')).toBeDefined();

    const committed = await editor.post(
      `${base}/commitment`,
      {
        committer: `a:${needleAddressee}`,
        date: '2026-11-21',
        text_en: 'The ministry will.',
        recommendation: String(recId),
      },
      `${base}/commitment`,
    );
    expect(committed.statusCode).toBe(303);
    const [commitment] = await ctx.db
      .select()
      .from(t.followupCommitments)
      .where(eq(t.followupCommitments.addresseeId, needleAddressee));
    const commitmentEdit = (await page(`${base}/commitment/${commitment!.id}/edit`)).$;
    expect(
      commitmentEdit(`select[name=committer] option[value="a:${needleAddressee}"]`).attr('selected'),
    ).toBeDefined();
    expect(commitmentEdit('select[name=committer] option[value^="a:"]').length).toBeLessThanOrEqual(
      own.length + CHOICES_FIRST + 1,
    );
  });

  it('recommendations: the statement’s first ones and the chosen; found by words or number, then linked', async () => {
    const { $ } = await page(`${base}/commitment`);
    const offered = $('input[type=checkbox][name=recommendation]');
    // This one (chosen) and the first CHOICES_FIRST others.
    expect(offered.length).toBe(CHOICES_FIRST + 1);
    expect($(`input[name=recommendation][value="${recId}"]`).attr('checked')).toBeDefined();
    const [needleRec] = await ctx.db.select().from(t.recommendations).where(eq(t.recommendations.slug, 'needle-rec'));
    expect($(`input[name=recommendation][value="${needleRec!.id}"]`).length).toBe(0);
    const find = async (words: string) =>
      cheerio.load(
        (
          await editor.post(
            `${base}/commitment`,
            { _action: 'find', 'find-recommendation': words, recommendation: String(recId) },
            `${base}/commitment`,
          )
        ).body,
      );
    expect((await find('needle'))(`input[name=recommendation][value="${needleRec!.id}"]`).length).toBe(1);
    const all = await ctx.db
      .select({ id: t.recommendations.id })
      .from(t.recommendations)
      .where(eq(t.recommendations.statementId, needleRec!.statementId));
    const byNumber = await find(String(all.length));
    expect(byNumber(`input[name=recommendation][value="${needleRec!.id}"]`).length).toBe(1);
    const saved = await editor.post(
      `${base}/commitment`,
      {
        committer: `o:${needle}`,
        date: '2026-11-21',
        text_en: 'Threaded.',
        recommendation: String(needleRec!.id),
      },
      `${base}/commitment`,
    );
    expect(saved.statusCode).toBe(303);
    const links = await ctx.db
      .select()
      .from(t.followupCommitmentRecommendations)
      .where(eq(t.followupCommitmentRecommendations.recommendationId, needleRec!.id));
    expect(links).toHaveLength(1);
  });
});
