import type { CheerioAPI } from 'cheerio';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, getPage } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, signedIn, Visitor } from '../../../test/support/visitors.js';
import { queryRows } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';
import { highlightedHtml, readSearchRequest, search } from './index.js';
import type { EntriesBy } from './request.js';
import { DENSE_SHARE, lexemeShares } from './word-density.js';

const STATEMENT = 'guatemala-vp-visit-2021';
const hrefs = ($: CheerioAPI) =>
  $('.search-hit h3 a')
    .map((_, el) => $(el).attr('href'))
    .get();

describe('highlighted excerpts', () => {
  it('escape every character of the text and add only their own balanced <mark>', () => {
    expect(highlightedHtml('a <b>\uE000x&y\uE001 "q"')).toBe('a &lt;b><mark>x&amp;y</mark> &#34;q&#34;');
    expect(highlightedHtml('\uE001stray \uE000open')).toBe('stray <mark>open</mark>');
  });
});

describeEachEngine('search', (ctx) => {
  let app: FastifyTypeBox;
  let clock = new Date('2026-01-15T12:00:00Z');
  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await createTestApp(ctx.db, () => clock);
  });

  for (const locale of LOCALES) {
    it(`[${locale}] "titulo 42" finds the recommendation that says "Título 42", with the words marked`, async () => {
      const { status, $ } = await getPage(app, `/${locale}/search?q=titulo+42`);
      expect(status).toBe(200);
      expect(hrefs($)[0]).toBe(`/${locale}/statements/${STATEMENT}/recommendations/non-deportation-due-process`);
      expect($('.search-hit').first().find('mark').text()).toMatch(/T[ií]tul?o?.*42|42/);
    });

    it(`[${locale}] "Flacso" and "FLACSO Guatemala" (and a typo) find the organization first`, async () => {
      for (const q of ['Flacso', 'FLACSO Guatemala', 'flacos guatemala']) {
        const { $ } = await getPage(app, `/${locale}/search?q=${encodeURIComponent(q)}&kind=organization`);
        expect(hrefs($)[0], q).toBe(`/${locale}/organizations/flacso-guatemala`);
      }
      const { $ } = await getPage(app, `/${locale}/search?q=Flacso`);
      expect(hrefs($)[0]).toBe(`/${locale}/organizations/flacso-guatemala`);
    });

    it(`[${locale}] "TPS" finds the Temporary Protected Status recommendation`, async () => {
      const { $ } = await getPage(app, `/${locale}/search?q=TPS`);
      expect(hrefs($)).toContain(`/${locale}/statements/${STATEMENT}/recommendations/tps-guatemala`);
    });
  }

  it('filters are plain links that keep the words; an empty search explains itself; bad filters are named', async () => {
    const { $ } = await getPage(app, '/en/search?q=asylum');
    const release = $('.search-filters a')
      .map((_, el) => $(el).attr('href'))
      .get()
      .find((h) => h.includes('kind=release'));
    expect(release).toBe('/en/search?q=asylum&kind=release');
    const empty = await getPage(app, '/es/search');
    expect(empty.status).toBe(200);
    expect(empty.$('main .empty').text()).toContain('Escribe');
    const bad = await getPage(app, '/en/search?q=asylum&page=99&year=21');
    expect(bad.status).toBe(400);
    expect(bad.$('.notice-error').text()).toContain('“page” must be a whole number from 1 to 10');
    expect(bad.$('.notice-error').text()).toContain('“year”');
    const none = await getPage(app, '/en/search?q=zzyzxquux');
    expect(none.$('.search-results .empty').text()).toContain('Nothing found for “zzyzxquux”');
  });

  it('the header of every public page has the search box, in both languages', async () => {
    for (const locale of LOCALES) {
      const { $ } = await getPage(app, `/${locale}/organizations`);
      expect($('header search form').attr('action')).toBe(`/${locale}/search`);
      expect($('header search label').text()).toBe(locale === 'en' ? 'Search the site' : 'Buscar en el sitio');
    }
  });

  it('an embargoed release is not found until it lifts; a draft recommendation only by editors', async () => {
    const [release] = await ctx.db.select().from(t.releases).where(eq(t.releases.slug, STATEMENT));
    const lifts = new Date(clock.getTime() + 60 * 60_000);
    await ctx.db.update(t.releases).set({ embargoedUntil: lifts }).where(eq(t.releases.id, release!.id));
    const url = '/en/search?q=speak+out+upcoming+visit&kind=release';
    expect(hrefs((await getPage(app, url)).$)).toEqual([]);
    clock = new Date(lifts.getTime() + 1000);
    expect(hrefs((await getPage(app, url)).$)).toEqual([`/en/releases/${release!.slug}`]);

    // A draft statement's recommendation, written after the index was built: the triggers keep it.
    const [draft] = await ctx.db
      .insert(t.statements)
      .values({ slug: 'draft-search', title: { en: { text: 'Draft', origin: 'original' } }, date: '2026-01-01' })
      .returning();
    await ctx.db.insert(t.recommendations).values({
      statementId: draft!.id,
      slug: 'quetzal',
      position: 1,
      text: { es: { text: 'Proteger al quetzal resplandeciente', origin: 'original' } },
    });
    const publicHits = hrefs((await getPage(app, '/es/search?q=quetzales')).$);
    expect(publicHits).toEqual([]);
    await createUserWithPassword(ctx.db, { email: 'search-editor@example.org', role: 'editor' });
    const editor = await signedIn(app, 'search-editor@example.org');
    const page = await editor.get('/es/workspace/search?q=quetzales');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`/es/workspace/statements/draft-search/recommendations/`);
    expect(page.body).toContain('Borrador');
    const anonymous = await new Visitor(app).get('/es/workspace/search?q=quetzales');
    expect(anonymous.statusCode).toBe(303);
  });

  it('common words: reading the entries finds what the index finds (same hits, filters and drafts included)', async () => {
    await ctx.db.execute(sql`analyze search_documents`);
    // Read the statistics again now that they exist (earlier searches kept the empty ones).
    const shares = await lexemeShares(ctx.db, Date.now() + 24 * 3600_000);
    const [common] = [...shares.en].sort((a, b) => b[1] - a[1]);
    expect(common?.[1]).toBeGreaterThanOrEqual(DENSE_SHARE);
    const hitsOf = async (request: Record<string, string>, audience: 'public' | 'unpublished', by: EntriesBy) =>
      (await search(ctx.db, readSearchRequest(request), 'es', clock, audience, by)).hits.map(
        (h) => `${h.kind} ${h.slug ?? h.recommendationSlug ?? h.statementSlug} ${h.shownLocale} ${h.excerpt}`,
      );
    const requests: Record<string, string>[] = [
      { q: common![0] },
      { q: 'asylum' },
      { q: 'asilo frontera', kind: 'recommendation' },
      { q: 'gobierno', lang: 'es' },
      { q: 'asylum', year: '2021' },
      { q: 'asylum', page: '2' },
    ];
    let found = 0;
    for (const request of requests) {
      for (const audience of ['public', 'unpublished'] as const) {
        const byIndex = await hitsOf(request, audience, 'index');
        expect(await hitsOf(request, audience, 'scan'), `${JSON.stringify(request)} ${audience}`).toEqual(byIndex);
        found += byIndex.length;
      }
    }
    expect(found).toBeGreaterThan(10);
  });

  it('a typo finds a name at the search’s own similarity threshold, which does not outlast the search', async () => {
    const threshold = async () =>
      (
        await queryRows<{ t: string }>(
          ctx.db,
          sql`select current_setting('pg_trgm.word_similarity_threshold', true) as t`,
        )
      )[0]?.t;
    const before = await threshold();
    // 'flacos' is 0.57 like 'flacso': found at the search's 0.5, not at pg_trgm's default 0.6.
    const { hits } = await search(ctx.db, readSearchRequest({ q: 'flacos', kind: 'organization' }), 'en', clock);
    expect(hits.map((h) => h.slug)).toContain('flacso-guatemala');
    expect(await threshold()).toBe(before);
    expect(before).not.toBe('0.5');
  });

  it('reads a common word’s rows from the table’s start at every call: synchronized scans are off on every connection', async () => {
    // At 250,000 rows a scan otherwise started where the last one stopped, and the same search found other rows.
    const [row] = await queryRows<{ s: string }>(ctx.db, sql`select current_setting('synchronize_seqscans') as s`);
    expect(row?.s).toBe('off');
  });

  it('the filter years follow writes and embargo lifts (kept between searches, never stale)', async () => {
    const years = async (now: Date, audience: 'public' | 'unpublished' = 'public') =>
      (await search(ctx.db, readSearchRequest({ q: 'asylum' }), 'en', now, audience)).years;
    const [statement] = await ctx.db.select().from(t.statements).where(eq(t.statements.slug, STATEMENT));
    const start = new Date(clock.getTime() + 24 * 3600_000);
    expect(await years(start)).not.toContain(1998);
    // A write: the statement moves to 1998 under an embargo; editors' years have it, the public's not yet.
    const lifts = new Date(start.getTime() + 3600_000);
    await ctx.db
      .update(t.statements)
      .set({ date: '1998-05-01', embargoUntil: lifts })
      .where(eq(t.statements.id, statement!.id));
    expect(await years(start)).not.toContain(1998);
    expect(await years(start, 'unpublished')).toContain(1998);
    // Time alone: the embargo lifts with no write, and the public's years have it.
    expect(await years(new Date(lifts.getTime() + 1000))).toContain(1998);
    // And back: a search at an earlier instant does not get the later instant's years.
    expect(await years(start)).not.toContain(1998);
    await ctx.db
      .update(t.statements)
      .set({ date: statement!.date, embargoUntil: statement!.embargoUntil })
      .where(eq(t.statements.id, statement!.id));
    expect(await years(new Date(lifts.getTime() + 1000))).not.toContain(1998);
  });

  it('a year finds exactly that year’s matches (31 December, 1 January) through its year lexeme, ranked and marked by the words alone', async () => {
    const text = (en: string) => ({ en: { text: en, origin: 'original' as const } });
    const dated = {
      '2018-12-31': 'dec-2018',
      '2019-01-01': 'jan-2019',
      '2019-12-31': 'dec-2019',
      '2020-01-01': 'jan-2020',
    };
    const ids: Record<string, number> = {};
    for (const [date, slug] of Object.entries(dated)) {
      const [statement] = await ctx.db
        .insert(t.statements)
        .values({ slug: `quokka-${slug}`, title: text(`Quokka census ${slug}`), date, status: 'published' })
        .returning();
      ids[slug] = statement!.id;
      await ctx.db.insert(t.recommendations).values({
        statementId: statement!.id,
        slug: `quokka-${slug}`,
        position: 1,
        text: text(`Count every quokka on the island (${slug})`),
      });
    }
    const found = async (q: string, year: string) => {
      const { hits } = await search(ctx.db, readSearchRequest({ q, year }), 'en', clock);
      return hits;
    };
    const names = (hits: { kind: string; slug: string | null; statementSlug: string | null }[]) =>
      hits.map((h) => `${h.kind} ${h.statementSlug}`).sort();
    const both = (slug: string) => [`recommendation quokka-${slug}`, `statement quokka-${slug}`];
    expect(names(await found('quokka', '2019'))).toEqual([...both('dec-2019'), ...both('jan-2019')].sort());
    expect(names(await found('quokka', '2018'))).toEqual(both('dec-2018'));
    expect(names(await found('quokka', '2020'))).toEqual(both('jan-2020'));
    // Only the words are marked: never the year, which is not in the text.
    for (const hit of await found('quokka', '2019')) {
      const marked = `${hit.title} ${hit.excerpt}`.match(/\uE000[^\uE001]*\uE001/g) ?? [];
      expect(marked.length, hit.statementSlug ?? '').toBeGreaterThan(0);
      for (const m of marked) expect(m.toLowerCase()).toBe('\uE000quokka\uE001');
    }
    // Stop words alone match nothing, with a year as without.
    expect(await found('the', '2019')).toEqual([]);

    // The year is a lexeme of the documents' vectors, and the candidates are found by it.
    const withLexeme = async (year: number) =>
      (
        await queryRows<{ slug: string }>(
          ctx.db,
          sql`select s.slug from search_documents d join statements s on s.id = d.statement_id
            where d.kind = 'recommendation' and s.slug like 'quokka-%'
              and d.tsv_en @@ search_year_query(${year}::integer) and d.tsv_es @@ search_year_query(${year}::integer)
            order by 1`,
        )
      ).map((r) => r.slug);
    expect(await withLexeme(2019)).toEqual(['quokka-dec-2019', 'quokka-jan-2019']);
    // A statement's new date moves its recommendations' lexeme with it.
    await ctx.db.update(t.statements).set({ date: '2019-06-01' }).where(eq(t.statements.id, ids['jan-2020']!));
    expect(await withLexeme(2019)).toEqual(['quokka-dec-2019', 'quokka-jan-2019', 'quokka-jan-2020']);
    expect(await withLexeme(2020)).toEqual([]);
    expect(names(await found('quokka', '2020'))).toEqual([]);
    expect(names(await found('quokka', '2019'))).toContain('recommendation quokka-jan-2020');

    // No typed search finds a document by its year lexeme alone, and no rank changes because of it: typed, the lexeme's
    // text is two words ('year' & '2019'), and no quokka text says "year".
    for (const q of ['year 2019', '"year 2019"', "'year 2019'", 'y2019', 'year2019']) {
      const { hits } = await search(ctx.db, readSearchRequest({ q }), 'en', clock);
      expect(
        names(hits).filter((h) => h.includes('quokka')),
        q,
      ).toEqual([]);
    }
    const yearLexemes = sql`array(select lexeme from unnest(d.tsv_en) where lexeme like 'year %')`;
    for (const q of ['year 2019', '"year 2019"', 'year2019', 'y2019', "'year 2019'", '2019']) {
      const query = sql`websearch_to_tsquery('puente_english', ${q})`;
      const [row] = await queryRows<{ byLexeme: number; ranked: number }>(
        ctx.db,
        sql`select count(*) filter (where not ts_delete(d.tsv_en, ${yearLexemes}) @@ ${query})::int as "byLexeme",
              count(*) filter (where ts_rank(d.tsv_en, ${query}) <> ts_rank(ts_delete(d.tsv_en, ${yearLexemes}), ${query}))::int as ranked
            from search_documents d where d.tsv_en @@ ${query}`,
      );
      expect(row, q).toEqual({ byLexeme: 0, ranked: 0 });
    }
    // The ranks of the documents a search finds (only those are ranked), with and without their year lexeme.
    for (const q of ['quokka', 'quokka island', 'census or island']) {
      const [rank] = await queryRows<{ differing: number; dated: number }>(
        ctx.db,
        sql`select count(*) filter (where ts_rank(d.tsv_en, q) <> ts_rank(ts_delete(d.tsv_en, ${yearLexemes}), q))::int as differing,
              count(*) filter (where cardinality(${yearLexemes}) = 1)::int as dated
            from search_documents d, websearch_to_tsquery('puente_english', ${q}) q where d.tsv_en @@ q`,
      );
      expect(rank, q).toEqual({ differing: 0, dated: expect.any(Number) });
      expect(rank!.dated, q).toBeGreaterThanOrEqual(4);
    }
    await ctx.db.delete(t.statements).where(sql`${t.statements.slug} like 'quokka-%'`);
  });

  it('is rate-limited per address', async () => {
    const visitor = new Visitor(app);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await visitor.get(`/en/search?q=limit${i}`)).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('keeps its index by construction: an edit or delete of a source is searched at once', async () => {
    const count = async () =>
      (
        await queryRows<{ n: number }>(
          ctx.db,
          sql`select count(*)::int as n from search_documents where tsv_en @@ websearch_to_tsquery('puente_english', 'xylophone')`,
        )
      )[0]!.n;
    await ctx.db
      .update(t.organizations)
      .set({ aliases: ['Xylophone Collective'] })
      .where(eq(t.organizations.slug, 'cejil'));
    expect(await count()).toBe(1);
    await ctx.db.update(t.organizations).set({ aliases: [] }).where(eq(t.organizations.slug, 'cejil'));
    expect(await count()).toBe(0);
  });
});
