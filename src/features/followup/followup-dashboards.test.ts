/**
 * Every dashboard view × every combination of filters × both languages, over HTTP. Each chart must
 * carry a <title> and a <desc>, every drawn value must equal the table cell with the same key, and
 * the by-status numbers must equal an independent count: the pure derivation (status.ts) applied
 * in JavaScript to every public recommendation's published updates.
 */
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createTestApp } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/db.js';
import * as t from '../../platform/db/schema/index.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import { localized } from '../../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';
import { refreshCurrentStatus } from './current-status.js';
import { DASHBOARD_VIEWS, viewPath } from './dashboard-frame.js';
import { type DashboardFilters, filterQuery } from './filters.js';
import { currentStatus, STATUS_KEYS } from './status.js';

const NOW = new Date('2026-11-27T12:00:00Z');
const VIEWS = DASHBOARD_VIEWS.map(viewPath);
const CHOICES: DashboardFilters[] = [
  { theme: 'comprehensive-immigration-systems' },
  { addressee: 'guatemala-government' },
  { country: 'US' },
  { statement: 'guatemala-vp-visit-2021' },
  { from: '2021-01-01', to: '2021-12-31' },
];

/**
 * Subsets of the five filters (date range counted as one): every one of the 32 by default, or those of at
 * most `upTo` filters plus all five together, where the filters' SQL is already proven and only the words around
 * them change (the Spanish pages) or each combination costs a request per status.
 */
function combinations(upTo = CHOICES.length): DashboardFilters[] {
  const out: DashboardFilters[] = [];
  for (let mask = 0; mask < 1 << CHOICES.length; mask++) {
    const size = CHOICES.filter((_, i) => mask & (1 << i)).length;
    if (size > upTo && size < CHOICES.length) continue;
    out.push(Object.assign({}, ...CHOICES.filter((_, i) => mask & (1 << i))));
  }
  return out;
}

describeEachEngine('follow-up dashboards over HTTP', (ctx) => {
  let app: FastifyTypeBox;

  beforeAll(async () => {
    await loadDemo(ctx.db);
    // A second public statement (2023) and a draft one, each with follow-up, so filters have something to exclude.
    const text = (s: string) => localized('en', s, { es: `${s} (es)` });
    const [guatemala] = await ctx.db.select().from(t.addressees).where(eq(t.addressees.slug, 'guatemala-government'));
    const [theme] = await ctx.db.select().from(t.themes).where(eq(t.themes.slug, 'governance-rule-of-law'));
    for (const [slug, status] of [
      ['later-2023', 'published'],
      ['secret-draft', 'draft'],
    ] as const) {
      const [s] = await ctx.db
        .insert(t.statements)
        .values({ slug, title: text(slug), date: '2023-03-01', status })
        .returning();
      for (let i = 1; i <= 3; i++) {
        const [r] = await ctx.db
          .insert(t.recommendations)
          .values({ statementId: s!.id, slug: `r${i}`, position: i, text: text(`${slug} ${i}`) })
          .returning();
        await ctx.db.insert(t.recommendationAddressees).values({ recommendationId: r!.id, addresseeId: guatemala!.id });
        await ctx.db.insert(t.recommendationThemes).values({ recommendationId: r!.id, themeId: theme!.id });
        await ctx.db.insert(t.followupStatusUpdates).values([
          {
            recommendationId: r!.id,
            statementId: s!.id,
            status: 'in_progress',
            date: '2023-06-01',
            publication: 'published',
          },
          {
            recommendationId: r!.id,
            statementId: s!.id,
            status: i === 1 ? 'implemented' : 'reversed',
            date: '2024-02-01',
            publication: i === 3 ? 'draft' : 'published',
          },
        ]);
        await refreshCurrentStatus(ctx.db, r!.id);
      }
    }
    app = await createTestApp(ctx.db, () => NOW);
  });

  /** The by-status counts computed without the dashboard's SQL. */
  async function expectedByStatus(filters: DashboardFilters): Promise<Record<string, number>> {
    const recs = await ctx.db
      .select({ r: t.recommendations, s: t.statements })
      .from(t.recommendations)
      .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId));
    const themes = await ctx.db
      .select({ rid: t.recommendationThemes.recommendationId, slug: t.themes.slug })
      .from(t.recommendationThemes)
      .innerJoin(t.themes, eq(t.themes.id, t.recommendationThemes.themeId));
    const addressees = await ctx.db
      .select({ rid: t.recommendationAddressees.recommendationId, a: t.addressees })
      .from(t.recommendationAddressees)
      .innerJoin(t.addressees, eq(t.addressees.id, t.recommendationAddressees.addresseeId));
    const updates = await ctx.db
      .select()
      .from(t.followupStatusUpdates)
      .where(eq(t.followupStatusUpdates.publication, 'published'));
    const counts: Record<string, number> = {};
    for (const { r, s } of recs) {
      if (s.status !== 'published') continue;
      if (filters.statement && s.slug !== filters.statement) continue;
      if (filters.from && s.date < filters.from) continue;
      if (filters.to && s.date > filters.to) continue;
      if (filters.theme && !themes.some((x) => x.rid === r.id && x.slug === filters.theme)) continue;
      const mine = addressees.filter((x) => x.rid === r.id);
      if (filters.addressee && !mine.some((x) => x.a.slug === filters.addressee)) continue;
      if (
        filters.country &&
        !mine.some((x) => x.a.country === filters.country && (!filters.addressee || x.a.slug === filters.addressee))
      )
        continue;
      const status = currentStatus(updates.filter((u) => u.recommendationId === r.id)) ?? 'none';
      counts[status] = (counts[status] ?? 0) + 1;
    }
    return counts;
  }

  function chartMatchesTable($: cheerio.CheerioAPI, url: string) {
    const svg = $('svg.chart');
    expect(svg.length, url).toBe(1);
    expect(svg.find('title').first().text().trim(), url).not.toBe('');
    expect(svg.find('desc').text().trim(), url).not.toBe('');
    expect(svg.attr('aria-labelledby'), url).toBe(svg.find('title').first().attr('id'));
    expect(svg.attr('aria-describedby'), url).toBe(svg.find('desc').attr('id'));
    const drawn = svg
      .find('rect[data-key]')
      .map((_, el) => [[$(el).attr('data-key')!, $(el).attr('data-value')!]])
      .get() as unknown as [string, string][];
    expect(drawn.length, url).toBeGreaterThan(0);
    for (const [key, value] of drawn) {
      const cell = $(`table.data td[data-key="${key}"]`);
      expect(cell.length, `${url} ${key}`).toBe(1);
      expect(cell.attr('data-value') ?? cell.text().trim(), `${url} ${key}`).toBe(value);
    }
  }

  for (const locale of LOCALES) {
    const all = locale === 'en';
    it(`[${locale}] every view answers ${all ? 'every filter combination' : 'each filter alone and all together'}, charts and tables agree, counts are right`, async () => {
      let charts = 0;
      for (const filters of combinations(all ? CHOICES.length : 1)) {
        const query = filterQuery(filters);
        const expected = await expectedByStatus(filters);
        const total = Object.values(expected).reduce((a, b) => a + b, 0);
        for (const view of VIEWS) {
          const url = `/${locale}${view}${query}`;
          const response = await app.inject({ url });
          expect(response.statusCode, url).toBe(200);
          const $ = cheerio.load(response.body);
          expect($('html').attr('lang')).toBe(locale);
          expect($('script').length, url).toBe(0);
          expect(response.body, url).not.toContain('secret-draft');
          // The filter form shows the filters the URL holds: the URL is the view.
          if (filters.theme) expect($('#filter-theme option[selected]').attr('value')).toBe(filters.theme);
          if (filters.from) expect($('#filter-from').attr('value')).toBe(filters.from);
          if (total === 0) {
            expect($('svg.chart').length, url).toBe(0);
            continue;
          }
          if (view === '/follow-up/recommendations') {
            expect($('td[data-status]').length, url).toBe(total);
            continue;
          }
          if (view === '/follow-up/over-time' && $('svg.chart').length === 0) continue;
          chartMatchesTable($, url);
          charts++;
          if (view === '/follow-up') {
            for (const [status, n] of Object.entries(expected)) {
              expect($(`td[data-key="all|${status}"]`).text(), `${url} ${status}`).toBe(String(n));
            }
            expect($('tfoot td').text()).toBe(String(total));
          }
        }
      }
      expect(charts).toBeGreaterThan(all ? 50 : 10);
    }, 240_000);
  }

  it('the list filtered by a status shows exactly the recommendations in it, for every pair of filters and all five', async () => {
    for (const filters of combinations(2)) {
      const expected = await expectedByStatus(filters);
      for (const status of STATUS_KEYS) {
        const url = `/en/follow-up/recommendations${filterQuery({ ...filters, status })}`;
        const $ = cheerio.load((await app.inject({ url })).body);
        const shown = $('td[data-status]')
          .map((_, el) => $(el).attr('data-status'))
          .get();
        expect(shown.length, url).toBe(expected[status] ?? 0);
        expect(new Set(shown).size, url).toBeLessThanOrEqual(1);
        if (shown.length > 0) expect(shown[0], url).toBe(status);
      }
    }
  }, 120_000);

  it('shows the scorecard formula to readers, in their language', async () => {
    const en = cheerio.load((await app.inject({ url: '/en/follow-up/scorecard' })).body);
    expect(en('details.formula li').length).toBe(5);
    expect(en('details.formula').text()).toContain('rounded half up');
    const es = cheerio.load((await app.inject({ url: '/es/follow-up/scorecard' })).body);
    expect(es('details.formula').text()).toContain('redondeado');
  });

  it('status over time ends with today’s counts', async () => {
    const $ = cheerio.load((await app.inject({ url: '/en/follow-up/over-time?statement=later-2023' })).body);
    const years = $('table.data tbody tr th')
      .map((_, el) => $(el).text())
      .get();
    expect(years).toEqual(['2023', '2024', '2025', '2026']);
    const expected = await expectedByStatus({ statement: 'later-2023' });
    expect($('td[data-key="2026|implemented"]').text()).toBe(String(expected.implemented));
    expect($('td[data-key="2026|reversed"]').text()).toBe(String(expected.reversed));
    expect($('td[data-key="2023|in_progress"]').text()).toBe('3');
  });

  it('drops malformed filters instead of failing', async () => {
    const response = await app.inject({ url: '/en/follow-up?theme=%3Cscript%3E&from=2021-02-30&country=usa' });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('<script>');
    const $ = cheerio.load(response.body);
    expect($('#filter-from').attr('value')).toBe('');
  });
});
