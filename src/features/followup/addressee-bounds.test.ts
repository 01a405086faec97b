/**
 * The addressees chart and the scorecard stay bounded however many addressees a coalition follows:
 * they draw the ADDRESSEES_SHOWN with the most recommendations and link "and K more" to the full
 * table, which pages through every addressee exactly once (by its Next and Previous links).
 */
import { beforeAll, expect, it } from 'vitest';
import { createTestApp, getPage } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/db.js';
import { walkPages } from '../../../test/support/paging.js';
import { LIST_PAGE_SIZE } from '../../platform/db/keyset.js';
import * as t from '../../platform/db/schema/index.js';
import { localized } from '../../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { ADDRESSEE_CHOICES } from './filter-options.js';
import { ADDRESSEES_SHOWN } from './scorecard-service.js';

const NOW = new Date('2026-11-27T12:00:00Z');
/** More than the chart draws, and more than two pages of the full table. */
const ADDRESSEES = ADDRESSEES_SHOWN + 2 * LIST_PAGE_SIZE + 7;
/** The dashboards' pages without the addressee filter's choices stay well under the page budget. */
const MAX_BYTES = 60 * 1024;

describeEachEngine('addressee views bounded', (ctx) => {
  let app: FastifyTypeBox;
  const slug = (i: number) => `addressee-${String(i).padStart(3, '0')}`;

  beforeAll(async () => {
    const [statement] = await ctx.db
      .insert(t.statements)
      .values({
        slug: 'many-addressees',
        title: localized('en', 'Many addressees'),
        date: '2025-01-01',
        status: 'published',
      })
      .returning();
    const addressees = await ctx.db
      .insert(t.addressees)
      .values(
        Array.from({ length: ADDRESSEES }, (_, i) => ({
          slug: slug(i),
          name: localized('en', `Addressee ${i}`, { es: `Destinatario ${i}` }),
          kind: 'government' as const,
        })),
      )
      .returning();
    // Addressee i has 1 + i % 4 recommendations, so the chart has a ranking to follow.
    const recommendations = await ctx.db
      .insert(t.recommendations)
      .values(
        addressees.flatMap((a, i) =>
          Array.from({ length: 1 + (i % 4) }, (_, k) => ({
            statementId: statement!.id,
            slug: `r-${a.id}-${k}`,
            position: i * 4 + k,
            text: localized('en', `Recommendation ${i}.${k}`),
          })),
        ),
      )
      .returning();
    await ctx.db.insert(t.recommendationAddressees).values(
      recommendations.map((r) => ({
        recommendationId: r.id,
        addresseeId: addressees.find((a) => r.slug.startsWith(`r-${a.id}-`))!.id,
      })),
    );
    app = await createTestApp(ctx.db, () => NOW);
  });

  for (const view of ['addressees', 'scorecard'] as const) {
    it(`/${view} draws the ${ADDRESSEES_SHOWN} addressees with the most recommendations and links the rest`, async () => {
      const { $, response, status } = await getPage(app, `/en/follow-up/${view}`);
      expect(status).toBe(200);
      const rows = $('table.data tbody th[scope="row"]')
        .toArray()
        .map((el) => $(el).text());
      expect(rows).toHaveLength(ADDRESSEES_SHOWN);
      // The most recommendations first: every one with 4 (i % 4 === 3) before any with fewer.
      expect(rows.every((name) => Number(name.split(' ')[1]) % 4 === 3)).toBe(true);
      expect(response.rawPayload.length).toBeLessThan(MAX_BYTES);
      const more = $('p.more-rows a');
      expect(more.text()).toBe(`And ${ADDRESSEES - ADDRESSEES_SHOWN} more: every addressee in a table`);
      expect(more.attr('href')).toBe(`/en/follow-up/${view}?all=1`);
    });

    it(`/${view}?all=1 pages through every addressee once, A to Z`, async () => {
      const walk = await walkPages(app, `/en/follow-up/${view}?all=1`, { item: 'table.data tbody th[scope="row"]' });
      expect(walk.pages.length).toBe(3);
      const seen = walk.pages.flat();
      expect(seen).toHaveLength(ADDRESSEES);
      expect(new Set(seen).size).toBe(ADDRESSEES);
      expect(seen[0]).toBe('Addressee 0');
      // Each row leads to that addressee's own dashboard (the form offers only the first addressees).
      const { $ } = await getPage(app, walk.urls.at(-1)!);
      const last = $('table.data tbody th[scope="row"] a').last();
      expect(last.attr('href')).toBe(`/en/follow-up?addressee=${slug(ADDRESSEES - 1)}`);
      for (const bytes of walk.bytes) expect(bytes).toBeLessThan(MAX_BYTES);
    });
  }

  it('offers the first addressees in the filter form, and the chosen one wherever it falls', async () => {
    const { $ } = await getPage(app, `/en/follow-up?addressee=${slug(ADDRESSEES - 1)}`);
    const options = $('#filter-addressee option[value!=""]');
    expect(options).toHaveLength(ADDRESSEE_CHOICES + 1);
    expect($('#filter-addressee option[selected]').attr('value')).toBe(slug(ADDRESSEES - 1));
    expect($('#filter-addressee-hint').text()).toContain(`The first ${ADDRESSEE_CHOICES} addressees`);
  });

  it('keeps the filters on the full table and its pages', async () => {
    const { $ } = await getPage(app, '/es/follow-up/addressees?from=2024-01-01');
    const href = $('p.more-rows a').attr('href')!;
    expect(href).toBe('/es/follow-up/addressees?from=2024-01-01&all=1');
    const table = await getPage(app, href);
    expect(table.$('nav.pager a[rel="next"]').attr('href')).toMatch(
      /^\/es\/follow-up\/addressees\?from=2024-01-01&all=1&after=/,
    );
    expect(table.$('table.data tbody th[scope="row"]').first().text()).toBe('Destinatario 0');
  });
});
