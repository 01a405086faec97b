/**
 * For the web: the sitemap (an index of files, every public page in both languages with hreflang
 * alternates), robots.txt, and what every public page says about itself (canonical, hreflang with
 * x-default, Open Graph and Twitter cards, JSON-LD that no text can break out of).
 */
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { buildApp } from '../../app/app.js';
import * as t from '../../platform/db/schema/index.js';
import { localized } from '../../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';
import { publicSitePages } from './service.js';

const BASE = 'https://coalition.example.org';
const T = new Date('2026-11-27T12:00:00Z');
const BREAKOUT = 'Ruta </script><script>alert(1)</script> & <!-- Ñandú';

describeEachEngine('sitemap, robots.txt and page metadata', (ctx) => {
  let app: FastifyTypeBox;
  const get = (url: string) => app.inject({ method: 'GET', url });
  const xml = async (url: string) => {
    const response = await get(url);
    expect(response.statusCode, url).toBe(200);
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
    return cheerio.load(response.body, { xml: true });
  };

  beforeAll(async () => {
    await loadDemo(ctx.db);
    await ctx.db
      .update(t.organizations)
      .set({
        name: BREAKOUT,
        localizedName: localized('en', BREAKOUT),
        boilerplate: localized('en', `About ${BREAKOUT}`),
      })
      .where(eq(t.organizations.slug, 'cejil'));
    await ctx.db.insert(t.statements).values({
      slug: 'sitemap-draft',
      title: localized('en', 'Draft'),
      date: '2026-11-01',
      status: 'draft',
    });
    app = await buildApp({ db: ctx.db, now: () => T, baseUrl: BASE });
  });

  it('the index names one file per kind; the files list every public page in both languages, nothing else', async () => {
    const index = await xml('/sitemap.xml');
    const files = index('sitemapindex > sitemap > loc')
      .map((_, el) => index(el).text())
      .get();
    expect(files).toEqual(
      ['pages', 'statements', 'recommendations', 'releases', 'organizations'].map((k) => `${BASE}/sitemaps/${k}-1.xml`),
    );
    const listed: string[] = [];
    for (const file of files) {
      const $ = await xml(new URL(file).pathname);
      $('urlset > url').each((_, url) => {
        const loc = $(url).children('loc').text();
        listed.push(loc);
        const alternates = $(url)
          .children('xhtml\\:link')
          .map((_, l) => `${$(l).attr('hreflang')} ${$(l).attr('href')}`)
          .get();
        const path = loc.replace(/^https:\/\/coalition\.example\.org\/(en|es)/, '');
        expect(alternates, loc).toEqual([`en ${BASE}/en${path}`, `es ${BASE}/es${path}`, `x-default ${BASE}${path}`]);
      });
    }
    // The same list a static copy walks, each page in both languages.
    const pages: string[] = [];
    for await (const page of publicSitePages(ctx.db, T)) pages.push(page.path);
    expect(listed.sort()).toEqual(pages.flatMap((p) => [`${BASE}/en${p}`, `${BASE}/es${p}`]).sort());
    for (const path of [
      '/',
      '/releases',
      '/organizations',
      '/follow-up',
      '/follow-up/scorecard',
      '/follow-up/recommendations',
      '/statements/guatemala-vp-visit-2021',
      '/releases/guatemala-vp-visit-2021',
      '/organizations/cejil',
    ]) {
      expect(pages, path).toContain(path);
    }
    expect(pages.filter((p) => p.endsWith('/follow-up') && p.includes('/recommendations/')).length).toBeGreaterThan(0);
    expect(pages.some((p) => p.includes('sitemap-draft'))).toBe(false);
    // Every page listed answers 200: the sitemap names no page the public cannot read.
    for (const loc of listed.filter((_, i) => i % 7 === 0)) {
      expect((await get(new URL(loc).pathname)).statusCode, loc).toBe(200);
    }
    expect((await get('/sitemaps/statements-2.xml')).statusCode).toBe(404);
    expect((await get('/sitemaps/secrets-1.xml')).statusCode).toBe(404);
  });

  it('robots.txt allows the public pages, keeps crawlers out of the workspace and admin, and names the sitemap', async () => {
    const response = await get('/robots.txt');
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    const lines = response.body.split('\n');
    expect(lines).toContain('Allow: /');
    for (const path of ['/en/workspace', '/es/workspace', '/en/admin', '/es/admin']) {
      expect(lines).toContain(`Disallow: ${path}`);
    }
    expect(lines).toContain(`Sitemap: ${BASE}/sitemap.xml`);
  });

  it('every public page has its canonical address, hreflang links (en, es, x-default) and social cards', async () => {
    for (const path of [
      '/es/',
      '/en/releases',
      '/es/organizations',
      '/en/statements/guatemala-vp-visit-2021',
      '/es/follow-up/themes',
    ]) {
      const response = await get(path);
      const $ = cheerio.load(response.body);
      expect($('link[rel="canonical"]').attr('href'), path).toBe(`${BASE}${path}`);
      const within = path.replace(/^\/(en|es)/, '');
      const hreflang = $('link[rel="alternate"][hreflang]')
        .map((_, l) => `${$(l).attr('hreflang')} ${$(l).attr('href')}`)
        .get();
      expect(hreflang, path).toEqual([
        `en ${BASE}/en${within}`,
        `es ${BASE}/es${within}`,
        `x-default ${BASE}${within}`,
      ]);
      // x-default is the address without a language: it sends each reader to theirs.
      expect((await get(within)).statusCode, within).toBe(302);
      expect($('meta[property="og:url"]').attr('content')).toBe(`${BASE}${path}`);
      expect($('meta[property="og:title"]').attr('content')?.length, path).toBeGreaterThan(0);
      expect($('meta[property="og:locale"]').attr('content')).toBe(path.startsWith('/es') ? 'es_ES' : 'en_US');
      expect($('meta[name="twitter:card"]').attr('content')).toBe('summary');
    }
    // A 404 is not a page to index.
    const missing = cheerio.load((await get('/en/statements/no-such-thing')).body);
    expect(missing('link[rel="canonical"]')).toHaveLength(0);
    expect(missing('meta[name="robots"]').attr('content')).toBe('noindex');
  });

  it('JSON-LD: NewsArticle for a release, Organization for an organization, safe whatever the text', async () => {
    const release = cheerio.load((await get('/es/releases/guatemala-vp-visit-2021')).body);
    const article = JSON.parse(release('script[type="application/ld+json"]').text());
    expect(article['@type']).toBe('NewsArticle');
    expect(article.url).toBe(`${BASE}/es/releases/guatemala-vp-visit-2021`);
    expect(article.inLanguage).toBe('es');
    expect(release('meta[property="og:type"]').attr('content')).toBe('article');

    const response = await get('/en/organizations/cejil');
    // What the element holds up to the first "</script>" is the whole JSON: the text closed nothing early.
    const raw = response.body.split('<script type="application/ld+json">')[1]!.split('</script>')[0]!;
    expect(JSON.parse(raw).name).toBe(BREAKOUT);
    expect(raw).not.toMatch(/[<>&]/);
    const $ = cheerio.load(response.body);
    const scripts = $('script');
    expect(scripts).toHaveLength(1);
    expect(scripts.attr('type')).toBe('application/ld+json');
    const organization = JSON.parse(scripts.text());
    expect(organization['@type']).toBe('Organization');
    expect(organization.name).toBe(BREAKOUT);
    expect(organization.description).toBe(`About ${BREAKOUT}`);
  });
});
