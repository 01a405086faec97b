/**
 * Issue 15, "everything paged", public side: every public list that grows with the database is read
 * one keyset page at a time (platform/db/keyset.ts, ui/pager.tsx). Each list here holds more rows than
 * a page; walking it by its Next links finds every row exactly once and in order, walking back by its
 * Previous links gives the same pages, the links keep the page's other parameters, and a page's size
 * stays put when rows are added.
 */
import { beforeAll, expect, it } from 'vitest';
import { createTestApp, getPage } from '../../test/support/app.js';
import { describeEachEngine } from '../../test/support/db.js';
import { allItems, walkPages } from '../../test/support/paging.js';
import * as t from '../platform/db/schema/index.js';
import { localized } from '../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../platform/web/fastify-typebox.js';

const STATEMENTS = 120; // home: 50 a page
const ORGANIZATIONS = 130; // directory and signatories: 100 a page
const BIG_STATEMENT_RECOMMENDATIONS = 120; // statement page: 50 a page
const SMALL_STATEMENT_RECOMMENDATIONS = 3; // on the first 10 statements, so the follow-up list crosses statements
const RELEASES = 70; // newsroom: 50 a page

const pad = (n: number) => String(n).padStart(3, '0');
/** Three statements a day, so the keyset's second key (slug) decides between them. */
const dateOf = (i: number) => new Date(Date.UTC(2020, 0, 1 + Math.floor(i / 3))).toISOString().slice(0, 10);

describeEachEngine('public lists are paged', (ctx) => {
  let app: FastifyTypeBox;
  let bigSlug: string;
  let firstOrganizationId: number;

  async function addStatements(from: number, count: number) {
    return ctx.db
      .insert(t.statements)
      .values(
        Array.from({ length: count }, (_, k) => {
          const i = from + k;
          return {
            slug: `statement-${pad(i)}`,
            title: localized('en', `Statement ${pad(i)}`),
            summary: localized('en', `Summary of statement ${pad(i)}, long enough to be like a real one.`),
            date: dateOf(i),
            status: 'published' as const,
          };
        }),
      )
      .returning();
  }

  beforeAll(async () => {
    app = await createTestApp(ctx.db);
    const statements = await addStatements(0, STATEMENTS);
    const organizations = await ctx.db
      .insert(t.organizations)
      .values(
        Array.from({ length: ORGANIZATIONS }, (_, i) => ({
          slug: `org-${pad(i)}`,
          // Names out of slug order, so the directory's order is the name's.
          name: `Organization ${pad((i * 7) % ORGANIZATIONS)}`,
          localizedName: localized('en', `Organization ${pad((i * 7) % ORGANIZATIONS)}`),
        })),
      )
      .returning();
    firstOrganizationId = organizations[0]!.id;
    const big = statements.at(-1)!;
    bigSlug = big.slug;
    const [theme] = await ctx.db
      .insert(t.themes)
      .values({ slug: 'every-third', label: localized('en', 'Every third'), position: 1 })
      .returning();
    const recommendations = await ctx.db
      .insert(t.recommendations)
      .values([
        ...Array.from({ length: BIG_STATEMENT_RECOMMENDATIONS }, (_, i) => ({
          statementId: big.id,
          slug: `r${i + 1}`,
          position: i + 1,
          text: localized('en', `Big recommendation ${i + 1}`),
        })),
        ...statements.slice(0, 10).flatMap((s) =>
          Array.from({ length: SMALL_STATEMENT_RECOMMENDATIONS }, (_, i) => ({
            statementId: s.id,
            slug: `r${i + 1}`,
            position: i + 1,
            text: localized('en', `${s.slug} recommendation ${i + 1}`),
          })),
        ),
      ])
      .returning();
    await ctx.db
      .insert(t.recommendationThemes)
      .values(
        recommendations
          .filter((r) => r.statementId === big.id && r.position % 3 === 0)
          .map((r) => ({ recommendationId: r.id, themeId: theme!.id })),
      );
    // Every organization signs the big statement; the first signs every statement.
    await ctx.db
      .insert(t.signatories)
      .values([
        ...organizations.map((o, i) => ({ statementId: big.id, organizationId: o.id, position: i })),
        ...statements
          .filter((s) => s.id !== big.id)
          .map((s) => ({ statementId: s.id, organizationId: organizations[0]!.id, position: 0 })),
      ]);
    await ctx.db.insert(t.releases).values(
      Array.from({ length: RELEASES }, (_, i) => ({
        slug: `release-${pad(i)}`,
        status: 'published' as const,
        releaseDate: dateOf(i),
        // A few embargoes already lifted: the newsroom's second key.
        embargoedUntil: i % 4 === 0 ? new Date(Date.UTC(2020, 0, 1, i)) : null,
        headline: localized('en', `Release ${pad(i)}`),
      })),
    );
  });

  it('home: every public statement once, newest first, with Previous and Next in the page and its head', async () => {
    const walk = await walkPages(app, '/en/', { item: 'ul.cards li.card h2 a', attr: 'href' });
    expect(walk.pages.map((p) => p.length)).toEqual([50, 50, 20]);
    const expected = Array.from({ length: STATEMENTS }, (_, i) => i)
      .sort((a, b) => dateOf(b).localeCompare(dateOf(a)) || a - b)
      .map((i) => `/en/statements/statement-${pad(i)}`);
    expect(allItems(walk)).toEqual(expected);
    const second = await getPage(app, walk.urls[1]!);
    expect(second.$('head link[rel="next"]').attr('href')).toBe(second.$('nav.pager a[rel="next"]').attr('href'));
    expect(second.$('head link[rel="prev"]').attr('href')).toBe(second.$('nav.pager a[rel="prev"]').attr('href'));
    // A "First page" link once the previous page is not the first.
    const third = await getPage(app, walk.urls[2]!);
    expect(third.$('nav.pager a[href="/en/"]').length).toBe(1);
  });

  it('directory: every organization once, by the name shown, in both languages', async () => {
    for (const locale of ['en', 'es']) {
      const walk = await walkPages(app, `/${locale}/organizations`, { item: 'ul.directory li > a' });
      expect(walk.pages.map((p) => p.length)).toEqual([100, 30]);
      const names = allItems(walk);
      expect(new Set(names).size).toBe(ORGANIZATIONS);
      expect(names).toEqual([...names].sort(new Intl.Collator(locale).compare));
    }
  });

  it("an organization's profile pages the statements it signed", async () => {
    const walk = await walkPages(app, '/en/organizations/org-000', {
      item: 'section[aria-labelledby="signed-heading"] li a',
      attr: 'href',
    });
    expect(walk.pages.map((p) => p.length)).toEqual([50, 50, 20]);
    expect(new Set(allItems(walk)).size).toBe(STATEMENTS);
    expect(walk.urls[1]).toMatch(/^\/en\/organizations\/org-000\?after=[\w-]+#signed-heading$/);
  });

  it('newsroom: every release once, newest first', async () => {
    const walk = await walkPages(app, '/en/releases', { item: 'ul.newsroom li h2 a', attr: 'href' });
    expect(walk.pages.map((p) => p.length)).toEqual([50, 20]);
    const items = allItems(walk);
    expect(new Set(items).size).toBe(RELEASES);
    expect(items[0]).toBe(`/en/releases/release-${pad(69)}`);
  });

  it('a statement page: recommendations 50 a page, numbered by their place in the statement, the theme kept', async () => {
    const url = `/en/statements/${bigSlug}`;
    const scope = 'section[aria-labelledby="recommendations-heading"] nav.pager';
    const all = await walkPages(app, url, { item: 'li.recommendation', attr: 'id', pager: scope });
    expect(all.pages.map((p) => p.length)).toEqual([50, 50, 20]);
    expect(allItems(all)).toEqual(Array.from({ length: 120 }, (_, i) => `recommendation-${i + 1}`));

    const themed = await walkPages(app, `${url}?theme=every-third`, {
      item: 'li.recommendation',
      attr: 'id',
      pager: scope,
    });
    expect(allItems(themed)).toEqual(Array.from({ length: 40 }, (_, i) => `recommendation-${(i + 1) * 3}`));
    expect(themed.pages.length).toBe(1);
    const shown = await getPage(app, `${url}?theme=every-third`);
    expect(shown.$('.filter-state').text()).toContain('40');
    expect(shown.$('.filter-state').text()).toContain('120');
  });

  it('a statement page: the theme filter travels with the recommendations pager, the other list keeps its place', async () => {
    const url = `/en/statements/${bigSlug}`;
    const first = await getPage(app, url);
    const signatoriesNext = first
      .$('section[aria-labelledby="signatories-heading"] nav.pager a[rel="next"]')
      .attr('href')!;
    expect(signatoriesNext).toContain('signatories-after=');
    const onSecondSignatories = await getPage(app, signatoriesNext);
    const recommendationsNext = onSecondSignatories
      .$('section[aria-labelledby="recommendations-heading"] nav.pager a[rel="next"]')
      .attr('href')!;
    // Recommendations' Next keeps the signatories' page and vice versa.
    expect(recommendationsNext).toContain('signatories-after=');
    expect(recommendationsNext).toContain('after=');
    const both = await getPage(app, recommendationsNext);
    expect(both.$('li.recommendation').first().attr('id')).toBe('recommendation-51');
    expect(both.$('ol.signatories li').length).toBe(ORGANIZATIONS - 100);
  });

  it('a statement page: every signatory once, 100 a page', async () => {
    const walk = await walkPages(app, `/en/statements/${bigSlug}`, {
      item: 'ol.signatories li a',
      attr: 'href',
      pager: 'section[aria-labelledby="signatories-heading"] nav.pager',
    });
    expect(walk.pages.map((p) => p.length)).toEqual([100, 30]);
    expect(allItems(walk)).toEqual(Array.from({ length: ORGANIZATIONS }, (_, i) => `/en/organizations/org-${pad(i)}`));
  });

  it("follow-up list: every public recommendation once across statements, filters kept in the pager's links", async () => {
    const walk = await walkPages(app, '/en/follow-up/recommendations?from=2020-01-01&status=none', {
      item: 'table.data tbody tr td:first-child a',
      attr: 'href',
    });
    const total = BIG_STATEMENT_RECOMMENDATIONS + 10 * SMALL_STATEMENT_RECOMMENDATIONS;
    expect(walk.pages.map((p) => p.length)).toEqual([50, 50, 50]);
    expect(new Set(allItems(walk)).size).toBe(total);
    for (const url of walk.urls.slice(1)) expect(url).toMatch(/from=2020-01-01&status=none&(after|before)=/);
    // Newest statement first (the big one), its recommendations in order.
    expect(allItems(walk).slice(0, 2)).toEqual([
      `/en/statements/${bigSlug}/recommendations/r1/follow-up`,
      `/en/statements/${bigSlug}/recommendations/r2/follow-up`,
    ]);
    const unfiltered = await walkPages(app, '/en/follow-up/recommendations', {
      item: 'table.data tbody tr td:first-child a',
      attr: 'href',
    });
    expect(allItems(unfiltered)).toEqual(allItems(walk));
  });

  it("the dashboards' statement filter offers the newest 50 statements, plus the chosen one", async () => {
    const page = await getPage(app, '/en/follow-up?statement=statement-000');
    const options = page.$('#filter-statement option');
    expect(options.length).toBe(1 + 50 + 1);
    expect(page.$('#filter-statement option[selected]').attr('value')).toBe('statement-000');
    const narrowed = await getPage(app, '/en/follow-up?to=2020-01-02');
    expect(narrowed.$('#filter-statement option').length).toBe(1 + 6);
  });

  it('a tampered or unreadable cursor is only the first page', async () => {
    const first = await getPage(app, '/en/');
    for (const cursor of ['not-a-cursor', Buffer.from('[1]').toString('base64url'), '%00']) {
      const page = await getPage(app, `/en/?after=${cursor}`);
      expect([200, 400]).toContain(page.status);
      if (page.status === 200) expect(page.$('ul.cards li').length).toBe(first.$('ul.cards li').length);
    }
  });

  it("a page's size does not grow when rows are added", async () => {
    const urls = [
      '/en/',
      '/en/organizations',
      '/en/organizations/org-000',
      '/en/releases',
      `/en/statements/${bigSlug}`,
      '/en/follow-up',
      '/en/follow-up/recommendations',
    ];
    const sizes = async () =>
      Promise.all(urls.map(async (url) => (await getPage(app, url)).response.rawPayload.length));
    const before = await sizes();
    const added = await addStatements(STATEMENTS, 100);
    await ctx.db
      .insert(t.signatories)
      .values(added.map((s) => ({ statementId: s.id, organizationId: firstOrganizationId, position: 0 })))
      .onConflictDoNothing();
    const after = await sizes();
    urls.forEach((url, i) => {
      // Same number of rows a page; only their texts differ by a few characters.
      expect(after[i]!, url).toBeLessThan(before[i]! * 1.05 + 200);
    });
  });
});
