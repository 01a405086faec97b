/**
 * The Atom feeds, read back with a maintained feed parser (@rowanmanning/feed-parser) in both languages:
 * what they list, their absolute links and times, and an embargoed release and statement that appear
 * exactly when their embargo lifts, through the render cache that serves them.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { buildApp } from '../../app/app.js';
import * as t from '../../platform/db/schema/index.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import { localized } from '../../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';
import { refreshCurrentStatus } from '../followup/index.js';

const BASE = 'https://coalition.example.org';
const T = new Date('2026-11-27T12:00:00Z');
const LIFT = new Date(T.getTime() + 60 * 60_000);
const EDITED = new Date(T.getTime() - 24 * 60 * 60_000);
// Markup in a headline must come back as text, not as HTML or broken XML.
const HEADLINE = 'Embargoed <b>release</b> & “quotes” ]]>';
const STATEMENT = 'Embargoed feed statement';

describeEachEngine('Atom feeds', (ctx) => {
  let app: FastifyTypeBox;
  let clock = T;
  const get = (url: string) => app.inject({ method: 'GET', url });
  const feed = async (url: string) => {
    const response = await get(url);
    expect(response.statusCode, url).toBe(200);
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    return { parsed: parseFeed(response.body), response };
  };

  beforeAll(async () => {
    await loadDemo(ctx.db);
    const [statement] = await ctx.db
      .insert(t.statements)
      .values({
        slug: 'feed-embargoed',
        title: localized('en', STATEMENT, { es: 'Declaración del canal bajo embargo' }),
        date: '2026-11-26',
        status: 'published',
        embargoUntil: LIFT,
        updatedAt: EDITED,
      })
      .returning();
    const [rec] = await ctx.db
      .insert(t.recommendations)
      .values({ statementId: statement!.id, slug: 'r1', position: 1, text: localized('en', 'Feed recommendation') })
      .returning();
    await ctx.db.insert(t.followupStatusUpdates).values({
      recommendationId: rec!.id,
      statementId: statement!.id,
      status: 'implemented',
      date: '2026-11-26',
      summary: localized('en', 'Feed status update under embargo'),
      publication: 'published',
      updatedAt: EDITED,
    });
    await refreshCurrentStatus(ctx.db, rec!.id);
    await ctx.db.insert(t.releases).values([
      {
        slug: 'feed-embargoed-release',
        status: 'published',
        embargoedUntil: LIFT,
        releaseDate: '2026-11-27',
        headline: localized('en', HEADLINE, { es: HEADLINE }),
        updatedAt: EDITED,
      },
      {
        slug: 'feed-draft-release',
        status: 'draft',
        releaseDate: '2026-11-27',
        headline: localized('en', 'Draft one'),
      },
    ]);
    app = await buildApp({ db: ctx.db, now: () => clock, baseUrl: BASE });
  });

  for (const locale of LOCALES) {
    it(`[${locale}] releases: the newsroom's public releases, with absolute links, in the page's language`, async () => {
      const { parsed } = await feed(`/${locale}/feeds/releases.xml`);
      expect(parsed.meta.type).toBe('atom');
      expect(parsed.language).toBe(locale);
      expect(parsed.self).toBe(`${BASE}/${locale}/feeds/releases.xml`);
      expect(parsed.url).toBe(`${BASE}/${locale}/releases`);
      const [demo] = await ctx.db.select().from(t.releases).where(eq(t.releases.slug, 'guatemala-vp-visit-2021'));
      const entry = parsed.items.find((i) => i.url === `${BASE}/${locale}/releases/guatemala-vp-visit-2021`);
      expect(entry?.title).toBe(demo!.headline[locale]!.text);
      expect(parsed.items.map((i) => i.title)).not.toContain(HEADLINE);
      expect(parsed.items.map((i) => i.title)).not.toContain('Draft one');
      expect(parsed.items.every((i) => i.url?.startsWith(`${BASE}/${locale}/releases/`))).toBe(true);
      // The feed was updated when its newest entry was: the data's time, not the clock's.
      expect(parsed.updated?.getTime()).toBe(Math.max(...parsed.items.map((i) => i.updated!.getTime())));
    });

    it(`[${locale}] statements and follow-up: public ones only; a statement's own feed is 404 while it is embargoed`, async () => {
      const statements = (await feed(`/${locale}/feeds/statements.xml`)).parsed;
      expect(statements.items.some((i) => i.url === `${BASE}/${locale}/statements/guatemala-vp-visit-2021`)).toBe(true);
      expect(statements.items.some((i) => i.url?.endsWith('/statements/feed-embargoed'))).toBe(false);
      const followup = (await feed(`/${locale}/feeds/follow-up.xml`)).parsed;
      expect(followup.items.length).toBeGreaterThan(0);
      expect(followup.items.every((i) => i.url?.includes('/recommendations/') && i.url.endsWith('/follow-up'))).toBe(
        true,
      );
      expect(new Set(followup.items.map((i) => i.id)).size).toBe(followup.items.length);
      expect(JSON.stringify(followup.items)).not.toContain('under embargo');
      const own = await feed(`/${locale}/feeds/statements/guatemala-vp-visit-2021/follow-up.xml`);
      expect(own.parsed.items.length).toBeGreaterThan(0);
      expect((await get(`/${locale}/feeds/statements/feed-embargoed/follow-up.xml`)).statusCode).toBe(404);
      expect((await get(`/${locale}/feeds/statements/no-such-statement/follow-up.xml`)).statusCode).toBe(404);
    });
  }

  it('an embargoed release and statement appear in every feed at the instant the embargo lifts, cache or not', async () => {
    // Kept by the render cache before the lift…
    const before = await get('/en/feeds/releases.xml');
    expect((await get('/en/feeds/releases.xml')).headers['x-cache']).toBe('HIT');
    expect(before.body).not.toContain('feed-embargoed-release');
    clock = new Date(LIFT.getTime() + 1);
    try {
      for (const locale of LOCALES) {
        const releases = (await feed(`/${locale}/feeds/releases.xml`)).parsed;
        const entry = releases.items.find((i) => i.url === `${BASE}/${locale}/releases/feed-embargoed-release`);
        expect(entry?.title).toBe(HEADLINE);
        // Updated when the public could first read it, not when it was last edited under embargo.
        expect(entry?.updated?.toISOString()).toBe(LIFT.toISOString());
        expect(entry?.published?.toISOString()).toBe(LIFT.toISOString());
        const statements = (await feed(`/${locale}/feeds/statements.xml`)).parsed;
        const statement = statements.items.find((i) => i.url === `${BASE}/${locale}/statements/feed-embargoed`);
        expect(statement?.title).toBe(locale === 'en' ? STATEMENT : 'Declaración del canal bajo embargo');
        const own = (await feed(`/${locale}/feeds/statements/feed-embargoed/follow-up.xml`)).parsed;
        expect(own.title).toContain(statement?.title);
        expect(own.items).toHaveLength(1);
        expect(own.items[0]!.description).toContain('Feed status update under embargo');
        expect(own.items[0]!.updated?.toISOString()).toBe(LIFT.toISOString());
        const all = (await feed(`/${locale}/feeds/follow-up.xml`)).parsed;
        expect(all.items.some((i) => i.description?.includes('Feed status update under embargo'))).toBe(true);
      }
    } finally {
      clock = T;
    }
  });

  it('pages link their feeds in the head and on the page', async () => {
    for (const [page, feedPath] of [
      ['/es/releases', '/es/feeds/releases.xml'],
      ['/es/', '/es/feeds/statements.xml'],
      ['/es/follow-up', '/es/feeds/follow-up.xml'],
      ['/es/statements/guatemala-vp-visit-2021', '/es/feeds/statements/guatemala-vp-visit-2021/follow-up.xml'],
    ] as const) {
      const body = (await get(page)).body;
      expect(body, page).toContain(`<link rel="alternate" type="application/atom+xml"`);
      expect(body, page).toContain(`href="${BASE}${feedPath}"`);
      expect(body, page).toContain(`<a href="${feedPath}" type="application/atom+xml">`);
    }
  });
});
