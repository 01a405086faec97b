/**
 * The links form of a recommendation's workspace page (issue 17): a bounded picker of other statements'
 * recommendations (Find saves nothing), add and remove with an audit row each, problems named on the
 * field; the public recommendation and follow-up pages show a link only while its statement is public.
 */
import * as cheerio from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createTestApp, getPage } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, signedIn, type Visitor } from '../../../test/support/visitors.js';
import * as t from '../../platform/db/schema/index.js';
import { CHOICES_FIRST } from '../../platform/forms/choice-limits.js';
import { localized } from '../../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';

const NOW = new Date('2026-12-01T12:00:00Z');

describeEachEngine('linking recommendations in the workspace', (ctx) => {
  let app: FastifyTypeBox;
  let editor: Visitor;
  let ours: number;
  let escazu: number;
  let hidden: number;
  const page = () => `/en/workspace/statements/coalition-2026/recommendations/${ours}`;
  const links = () => ctx.db.select().from(t.recommendationLinks);

  beforeAll(async () => {
    const statement = async (slug: string, values: Partial<typeof t.statements.$inferInsert>) => {
      const [row] = await ctx.db
        .insert(t.statements)
        .values({
          slug,
          title: localized('en', `Statement ${slug}`),
          date: '2026-01-10',
          status: 'published',
          ...values,
        })
        .returning({ id: t.statements.id });
      return row?.id as number;
    };
    const recommendation = async (statementId: number, slug: string, text: string, position: number) => {
      const [row] = await ctx.db
        .insert(t.recommendations)
        .values({ statementId, slug, position, text: localized('en', text), sourceReference: `99.${position}` })
        .returning({ id: t.recommendations.id });
      return row?.id as number;
    };
    const coalition = await statement('coalition-2026', {});
    ours = await recommendation(coalition, 'ratify', 'Ratify the Escazú Agreement.', 1);
    await recommendation(coalition, 'other', 'Another ask of ours.', 2);
    const review = await statement('upr-14-guatemala', {
      kind: 'upr_review',
      cycle: 2,
      session: 14,
      date: '2012-10-22',
    });
    // More than the picker offers without a search, so a search is what finds the right one.
    for (let i = 1; i <= CHOICES_FIRST + 2; i++)
      await recommendation(review, `r${i}`, `Protect defenders, point ${i}.`, i);
    escazu = await recommendation(review, 'escazu', 'Ratify the Regional Agreement on Access (Escazú).', 40);
    const draft = await statement('draft-review', { status: 'draft', date: '2026-02-01' });
    hidden = await recommendation(draft, 'secret', 'A draft recommendation.', 1);
    await createUserWithPassword(ctx.db, { email: 'linker@example.org', role: 'editor' });
    app = await createTestApp(ctx.db, () => NOW);
    editor = await signedIn(app, 'linker@example.org');
  });

  it('offers a bounded list of other statements’ recommendations; Find searches and saves nothing', async () => {
    const $ = cheerio.load((await editor.get(page())).body);
    expect($('#links-title').text()).toBe('Linked recommendations');
    const offered = $('#f-echoes option[value!=""]').toArray();
    expect(offered.length).toBe(CHOICES_FIRST);
    expect($(`#f-echoes option[value="${ours}"]`)).toHaveLength(0);

    const found = await editor.post(`${page()}/links`, { _action: 'find', 'find-link': 'escazú', echoes: '' }, page());
    expect(found.statusCode).toBe(200);
    const f = cheerio.load(found.body);
    expect(
      f('#f-echoes option[value!=""]')
        .toArray()
        .map((o) => f(o).attr('value')),
    ).toEqual([String(escazu)]);
    expect(f('#find-link-words').attr('value')).toBe('escazú');
    expect(await links()).toEqual([]);
  });

  it('adds a link with an audit row, shown on both workspace pages', async () => {
    const added = await editor.post(`${page()}/links`, { echoes: String(escazu) }, page());
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`${page()}?saved=1#links`);
    expect(await links()).toEqual([{ recommendationId: ours, echoesId: escazu }]);
    const audit = await ctx.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.entityType, 'recommendation'), eq(t.auditLog.action, 'link')));
    expect(audit.map((a) => a.after)).toEqual([{ echoes: escazu }]);

    const $ = cheerio.load((await editor.get(page())).body);
    expect($('#links .linked-recommendations a').text()).toBe('Statement upr-14-guatemala — Recommendation 13 (99.40)');
    const theirs = cheerio.load(
      (await editor.get(`/es/workspace/statements/upr-14-guatemala/recommendations/${escazu}`)).body,
    );
    expect(theirs('#links h3').text()).toBe('La retoman');
    expect(theirs('#links .linked-recommendations a').attr('href')).toBe(
      `/es/workspace/statements/coalition-2026/recommendations/${ours}`,
    );
  });

  it('names what is wrong on the field, and adds nothing', async () => {
    const none = await editor.post(`${page()}/links`, { echoes: '' }, page());
    expect(none.statusCode).toBe(400);
    expect(cheerio.load(none.body)('#f-echoes-error').text()).toContain('Fill this in.');
    const self = await editor.post(`${page()}/links`, { echoes: String(ours) }, page());
    expect(self.statusCode).toBe(400);
    expect(cheerio.load(self.body)('#f-echoes-error').text()).toContain('cannot be linked to itself');
    expect(await links()).toHaveLength(1);
  });

  it('the public pages show a link only to a recommendation of a public statement', async () => {
    expect((await editor.post(`${page()}/links`, { echoes: String(hidden) }, page())).statusCode).toBe(303);
    for (const path of ['', '/follow-up']) {
      const { status, $ } = await getPage(app, `/en/statements/coalition-2026/recommendations/ratify${path}`);
      expect(status).toBe(200);
      expect($('main').text()).toContain('Echoes these recommendations');
      expect($('a[href="/en/statements/upr-14-guatemala/recommendations/escazu"]')).toHaveLength(1);
      expect($('a[href*="draft-review"]')).toHaveLength(0);
      expect($('main').text()).not.toContain('A draft recommendation.');
    }
    const upr = await getPage(app, '/es/statements/upr-14-guatemala/recommendations/escazu/follow-up');
    expect(upr.$('a[href="/es/statements/coalition-2026/recommendations/ratify"]').text()).toBe(
      'Ratify the Escazú Agreement.',
    );
  });

  it('removes a link from either side, with an audit row', async () => {
    const removed = await editor.post(
      `/en/workspace/statements/upr-14-guatemala/recommendations/${escazu}/links/remove`,
      { other: String(ours), direction: 'echoed-by' },
      page(),
    );
    expect(removed.statusCode).toBe(303);
    expect(await links()).toEqual([{ recommendationId: ours, echoesId: hidden }]);
    const audit = await ctx.db.select().from(t.auditLog).where(eq(t.auditLog.action, 'unlink'));
    expect(audit.map((a) => [a.entityId, a.before])).toEqual([[String(ours), { echoes: escazu }]]);
  });

  it('only editors link, and only a recommendation of the statement in the address', async () => {
    const [org] = await ctx.db
      .insert(t.organizations)
      .values({ slug: 'member-org', name: 'Member org' })
      .returning({ id: t.organizations.id });
    await createUserWithPassword(ctx.db, { email: 'reader@example.org', role: 'member', organizationId: org?.id });
    const member = await signedIn(app, 'reader@example.org');
    const refused = await member.post(`${page()}/links`, { echoes: String(escazu) }, '/en/account');
    expect(refused.statusCode).toBe(403);
    const elsewhere = await editor.post(
      `/en/workspace/statements/upr-14-guatemala/recommendations/${ours}/links`,
      { echoes: String(escazu) },
      page(),
    );
    expect(elsewhere.statusCode).toBe(404);
    expect(await links()).toEqual([{ recommendationId: ours, echoesId: hidden }]);
  });
});
