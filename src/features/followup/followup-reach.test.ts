/**
 * Every recommendation reachable for follow-up (issue 14, item 2): a brand-new recommendation of a
 * published statement is in the editors' follow-up list at once, and reached by following links (never
 * by typing its address) from the workspace statement page and from the public statement page; the
 * list's search and each filter narrow it; the numbers are those of the public site, from 1.
 */
import * as cheerio from 'cheerio';
import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoCoalition } from '../../../demo/coalition.js';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, signedIn, Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import { listAudit } from '../../platform/audit.js';
import * as t from '../../platform/db/schema/index.js';
import { localized } from '../../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';

const NOW = new Date('2026-11-27T12:00:00Z');
const demo = demoCoalition.statements[0]!;
const LIST = '/en/workspace/followup';
/** A word of the new recommendation's text found in no demo text, typed without its accent. */
const NEW_TEXT_EN = 'Publish the consular registry of deported minors every quarter.';
const NEW_TEXT_ES = 'Publicar cada trimestre el registro consular de menores deportados.';

describeEachEngine('every recommendation reachable for follow-up', (ctx) => {
  let app: FastifyTypeBox;
  let editor: Visitor;
  let newId: number;
  let statementId: number;

  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db, now: () => NOW, followupStaleMonths: 3 });
    await createUserWithPassword(ctx.db, { email: 'reach@example.org', role: 'editor' }, NOW);
    editor = await signedIn(app, 'reach@example.org');
    const [statement] = await ctx.db.select().from(t.statements).where(eq(t.statements.slug, demo.slug));
    statementId = statement!.id;
    // A second published statement, newer than the demo's, with one recommendation: the filters have something to leave out.
    const [other] = await ctx.db
      .insert(t.statements)
      .values({
        slug: 'second-statement',
        title: localized('en', 'A second statement', { es: 'Una segunda declaración' }),
        date: '2026-10-01',
        status: 'published',
      })
      .returning();
    await ctx.db
      .insert(t.recommendations)
      .values({ statementId: other!.id, slug: 'other-rec', position: 1, text: localized('en', 'Fund shelters.') });

    // The brand-new recommendation, added as an editor adds one: through the statement's form.
    const [theme] = await ctx.db.select().from(t.themes).where(eq(t.themes.slug, demoCoalition.themes[0]!.slug));
    const [addressee] = await ctx.db.select().from(t.addressees).where(eq(t.addressees.slug, 'us-vice-president'));
    const base = `/en/workspace/statements/${demo.slug}/recommendations`;
    const created = await editor.post(
      base,
      {
        text_en: NEW_TEXT_EN,
        text_es: NEW_TEXT_ES,
        originalLocale: 'en',
        themes: String(theme!.id),
        addressees: String(addressee!.id),
      },
      `${base}/new`,
    );
    expect(created.statusCode).toBe(303);
    const [row] = await ctx.db
      .select()
      .from(t.recommendations)
      .where(and(eq(t.recommendations.statementId, statementId), eq(t.recommendations.text, localizedNew())));
    newId = row!.id;
  });

  /** The new recommendation's stored text, as the form saves it (English original, Spanish translation). */
  const localizedNew = () => localized('en', NEW_TEXT_EN, { es: NEW_TEXT_ES });

  const page = async (url: string, who: Visitor = editor) => {
    const response = await who.get(url);
    expect(response.statusCode, url).toBe(200);
    return cheerio.load(response.body);
  };
  /** The list's rows: recommendation id and the number shown. */
  const rows = ($: cheerio.CheerioAPI) =>
    $('table[data-list=recommendations] tbody tr')
      .toArray()
      .map((tr) => ({
        id: Number($(tr).attr('data-recommendation')),
        label: $(tr).find('a.rec-number').text(),
        status: $(tr).find('[data-status]').attr('data-status'),
      }));
  /** Submits the list's GET form as a browser does: its fields as they are, with `changes` typed or chosen. */
  const submitFilters = async ($: cheerio.CheerioAPI, changes: Record<string, string>) => {
    const form = $('form.filter-bar');
    const params = new URLSearchParams();
    form.find('input[name], select[name]').each((_, el) => {
      const name = $(el).attr('name')!;
      const value =
        changes[name] ??
        ($(el).is('select') ? ($(el).find('option[selected]').attr('value') ?? '') : ($(el).attr('value') ?? ''));
      if (changes[name] !== undefined && $(el).is('select')) {
        // Only a choice the form offers can be chosen.
        expect($(el).find(`option[value="${changes[name]}"]`).length, `${name}=${changes[name]}`).toBe(1);
      }
      params.set(name, value);
    });
    return page(`${form.attr('action')}?${params}`);
  };

  it('lists the new recommendation of a published statement, numbered as on the public site', async () => {
    const $ = await page(LIST);
    const listed = rows($);
    // Every recommendation of both published statements (the demo's 7, the new one, the second's), newest statement first, numbered from 1.
    expect(listed).toHaveLength(demo.recommendations.length + 2);
    expect(listed.map((r) => r.label)).toEqual([
      'Recommendation 1',
      ...demo.recommendations.map((_, i) => `Recommendation ${i + 1}`),
      `Recommendation ${demo.recommendations.length + 1}`,
    ]);
    expect(listed.at(-1)!.id).toBe(newId);
    expect($('table[data-list=recommendations]').text()).not.toContain('Recommendation 0');
    // The stale reminder stays in view: a count (the demo's and the new one, of an old statement, without
    // an update yet), and a link to the list of them.
    expect($('[data-reminder=stale]').text()).toContain(`${demo.recommendations.length + 1} recommendations.`);
  });

  it('reaches the follow-up editor from the workspace statement page by its links', async () => {
    const statementPage = await page(`/en/workspace/statements/${demo.slug}`);
    const link = statementPage(`a.followup-link[data-followup="${newId}"]`);
    expect(link.text()).toBe(`Record follow-up for recommendation ${demo.recommendations.length + 1}`);
    expect(statementPage('a.followup-link').length).toBe(demo.recommendations.length + 1);
    const followup = await page(link.attr('href')!);
    expect(followup('h1').text()).toContain(`${demo.recommendations.length + 1}`);
    expect(followup('blockquote').text()).toBe(NEW_TEXT_EN);
    const record = followup('a').filter((_, a) => followup(a).text() === 'Record a status update');
    const form = await page(record.attr('href')!);
    expect(form('form[method=post] input[name=_csrf]').length).toBeGreaterThan(0);
  });

  it('offers no follow-up link on a draft statement (nothing to follow up before it is published)', async () => {
    const [draft] = await ctx.db
      .insert(t.statements)
      .values({ slug: 'draft-statement', title: localized('en', 'A draft'), date: '2026-11-01', status: 'draft' })
      .returning();
    const [draftRec] = await ctx.db
      .insert(t.recommendations)
      .values({ statementId: draft!.id, slug: 'draft-rec', position: 1, text: localized('en', 'Draft text.') })
      .returning();
    try {
      const $ = await page('/en/workspace/statements/draft-statement');
      expect($('.workspace-items').text()).toContain('Draft text.');
      expect($('a.followup-link').length).toBe(0);
      // Nor is it in the follow-up list, which holds published statements only.
      expect(rows(await page(LIST)).map((r) => r.id)).not.toContain(draftRec!.id);
    } finally {
      await ctx.db.delete(t.statements).where(eq(t.statements.id, draft!.id));
    }
  });

  it('reaches the public follow-up from the public statement page by its links', async () => {
    const reader = new Visitor(app);
    const statementPage = await page(`/en/statements/${demo.slug}`, reader);
    const item = statementPage('li.recommendation').filter((_, li) => statementPage(li).text().includes(NEW_TEXT_EN));
    expect(item.length).toBe(1);
    expect(item.find('a.rec-number').text()).toBe(`Recommendation ${demo.recommendations.length + 1}`);
    const timeline = await page(item.find('a.followup-link').attr('href')!, reader);
    expect(timeline('main').text()).toContain(NEW_TEXT_EN);
  });

  it('follows the new recommendation from the list to its editor, where a status update is recorded and audited', async () => {
    const $ = await submitFilters(await page(LIST), { q: 'CONSULAR registry' });
    expect(rows($).map((r) => r.id)).toEqual([newId]);
    const href = $(`tr[data-recommendation="${newId}"] a.rec-number`).attr('href')!;
    const editorPage = await page(href);
    const formHref = editorPage('a')
      .filter((_, a) => editorPage(a).text() === 'Record a status update')
      .attr('href')!;
    const saved = await editor.post(
      formHref,
      { status: 'in_progress', date: '2026-11-20', summary_en: 'Work began.', publish: '1' },
      formHref,
    );
    expect(saved.statusCode).toBe(303);
    const [update] = await ctx.db
      .select()
      .from(t.followupStatusUpdates)
      .where(eq(t.followupStatusUpdates.recommendationId, newId));
    expect(update!.status).toBe('in_progress');
    expect(await listAudit(ctx.db, 'followup_status_update', update!.id)).toHaveLength(1);
    const after = rows(await page(`${LIST}?status=in_progress`));
    expect(after.some((r) => r.id === newId)).toBe(true);
    expect(after.every((r) => r.status === 'in_progress')).toBe(true);
  });

  describe('search and each filter narrow the list', () => {
    it('search: words of the text in either language, accents and case ignored', async () => {
      const start = await page(LIST);
      for (const q of ['consular', 'REGISTRO CONSULAR', 'menores deportados', 'deportes?']) {
        const listed = rows(await submitFilters(start, { q }));
        if (q === 'deportes?') expect(listed).toEqual([]);
        else
          expect(
            listed.map((r) => r.id),
            q,
          ).toEqual([newId]);
      }
      // "Reunificacion" without its accent finds the demo's family-unity recommendation in Spanish.
      const accent = rows(await submitFilters(start, { q: 'reunificacion' }));
      expect(accent.length).toBeGreaterThan(0);
      const empty = await submitFilters(start, { q: 'no such words anywhere' });
      expect(empty('.result-count').text()).toBe('No recommendation of a published statement matches.');
    });

    it('statement, addressee, theme, status and stale', async () => {
      const start = await page(LIST);
      const all = rows(start).length;
      const byStatement = rows(await submitFilters(start, { statement: 'second-statement' }));
      expect(byStatement.map((r) => r.label)).toEqual(['Recommendation 1']);

      const [vp] = await ctx.db.select().from(t.addressees).where(eq(t.addressees.slug, 'us-vice-president'));
      const vpRecs = await ctx.db
        .select({ id: t.recommendationAddressees.recommendationId })
        .from(t.recommendationAddressees)
        .where(eq(t.recommendationAddressees.addresseeId, vp!.id));
      const byAddressee = rows(await submitFilters(start, { addressee: 'us-vice-president' }));
      expect(byAddressee.map((r) => r.id).sort()).toEqual(vpRecs.map((r) => r.id).sort());
      expect(byAddressee.length).toBeLessThan(all);

      const theme = demoCoalition.themes[1]!;
      const byTheme = rows(await submitFilters(start, { theme: theme.slug }));
      expect(byTheme.map((r) => r.label)).toEqual(
        demo.recommendations.flatMap((r, i) => (r.themes.includes(theme.slug) ? [`Recommendation ${i + 1}`] : [])),
      );

      const none = rows(await submitFilters(start, { status: 'none' }));
      expect(none.every((r) => r.status === 'none')).toBe(true);
      expect(none.length).toBeLessThan(all);

      // Stale: the demo's (its statement is years old, none updated since August), never the second
      // statement's, younger than three months.
      const stale = rows(await submitFilters(start, { stale: '1' }));
      const demoIds = (
        await ctx.db.select().from(t.recommendations).where(eq(t.recommendations.statementId, statementId))
      )
        .filter((r) => r.id !== newId)
        .map((r) => r.id);
      expect(
        stale
          .filter((r) => r.id !== newId)
          .map((r) => r.id)
          .sort(),
      ).toEqual(demoIds.sort());
      // The reminder's link leads to the same list.
      const reminder = start('[data-reminder=stale] a').attr('href')!;
      expect(rows(await page(reminder))).toEqual(stale);

      // Filters combine: the first theme's stale ones.
      const combined = rows(await submitFilters(start, { stale: '1', theme: demoCoalition.themes[0]!.slug }));
      expect(combined.length).toBeGreaterThan(0);
      expect(combined.every((r) => stale.some((s) => s.id === r.id))).toBe(true);
      expect(combined.some((r) => r.id === newId)).toBe(false);
    });

    it('pages a long list, keeping its filters', async () => {
      const [extra] = await ctx.db
        .insert(t.statements)
        .values({ slug: 'long-statement', title: localized('en', 'Long'), date: '2026-09-01', status: 'published' })
        .returning();
      await ctx.db.insert(t.recommendations).values(
        Array.from({ length: 60 }, (_, i) => ({
          statementId: extra!.id,
          slug: `long-${i}`,
          position: i + 1,
          text: localized('en', `Long recommendation ${i + 1}`),
        })),
      );
      try {
        const first = await submitFilters(await page(LIST), { statement: 'long-statement' });
        expect(rows(first)).toHaveLength(50);
        const next = first('nav.pager a[rel=next]').attr('href')!;
        expect(next).toContain('statement=long-statement');
        const second = await page(next);
        expect(rows(second).map((r) => r.label)).toEqual(
          Array.from({ length: 10 }, (_, i) => `Recommendation ${51 + i}`),
        );
        expect(second('.result-count').text()).toBe('10 recommendations on this page.');
        const prev = second('nav.pager a[rel=prev]').attr('href')!;
        expect(prev).toContain('statement=long-statement');
        expect(rows(await page(prev)).map((r) => r.label)).toEqual(rows(first).map((r) => r.label));
      } finally {
        await ctx.db.delete(t.statements).where(eq(t.statements.id, extra!.id));
      }
    });

    it('leaves draft and withdrawn statements out, and ignores malformed filters', async () => {
      await ctx.db.update(t.statements).set({ withdrawnAt: NOW }).where(eq(t.statements.slug, 'second-statement'));
      try {
        const listed = rows(await page(`${LIST}?statement=second-statement`));
        expect(listed).toEqual([]);
      } finally {
        await ctx.db.update(t.statements).set({ withdrawnAt: null }).where(eq(t.statements.slug, 'second-statement'));
      }
      const malformed = await page(`${LIST}?status=bogus&theme=%3Cscript%3E&page=-3&stale=yes`);
      expect(rows(malformed).length).toBe(rows(await page(LIST)).length);
      const unfiltered = await ctx.db
        .select({ id: t.recommendations.id })
        .from(t.recommendations)
        .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
        .where(and(eq(t.statements.status, 'published'), isNull(t.statements.withdrawnAt)));
      expect(rows(malformed).length).toBe(unfiltered.length);
    });
  });

  it('in Spanish too', async () => {
    const $ = await page('/es/workspace/followup?q=menores');
    expect(rows($).map((r) => r.label)).toEqual([`Recomendación ${demo.recommendations.length + 1}`]);
    expect($('label[for=list-stale]').text()).toBe('Actualizaciones de estado');
  });
});
