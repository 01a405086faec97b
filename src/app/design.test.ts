/**
 * The design system's promises that need no browser (issue 14): public pages stay light (HTML + CSS
 * ≤ 50 KB, no script), the bridge mark is served as the favicon (no 404 on every page) with a long
 * cache and linked from every page, and the follow-up charts scale to their container and never cut a
 * label. The browser checks (axe and no sideways scroll at 360 px and 1280 px) are in e2e/.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, getPage } from '../../test/support/app.js';
import { describeEachEngine } from '../../test/support/db.js';
import { loadDemo } from '../features/demo/index.js';
import { LOCALES } from '../platform/i18n/locales.js';
import type { FastifyTypeBox } from '../platform/web/fastify-typebox.js';

const PAGE_BUDGET_BYTES = 50 * 1024;

/** The public pages a reader arrives on, with the demo's slugs. */
const publicPaths = [
  '/',
  '/statements/guatemala-vp-visit-2021',
  '/statements/guatemala-vp-visit-2021/recommendations/tps-guatemala',
  '/organizations',
  '/organizations/cejil',
  '/releases',
  '/releases/guatemala-vp-visit-2021',
  '/follow-up',
  '/follow-up/themes',
  '/follow-up/addressees',
  '/follow-up/over-time',
  '/follow-up/scorecard',
  '/follow-up/recommendations',
  '/statements/guatemala-vp-visit-2021/recommendations/justice-system/follow-up',
];

describeEachEngine('design: page weight, favicon, charts', (ctx) => {
  let app: FastifyTypeBox;
  let css = '';

  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await createTestApp(ctx.db);
    const { $ } = await getPage(app, '/en/');
    css = (await app.inject({ url: $('link[rel="stylesheet"]').attr('href')! })).body;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('every public page, in each language, is at most 50 KB of HTML and CSS and carries no script', async () => {
    const cssBytes = Buffer.byteLength(css);
    // The one stylesheet is small once compressed, as it travels: a few KB on a slow connection.
    expect(gzipSync(css).length).toBeLessThan(10 * 1024);
    for (const locale of LOCALES) {
      for (const path of publicPaths) {
        const url = `/${locale}${path}`;
        const { response, $ } = await getPage(app, url);
        expect(response.statusCode, url).toBe(200);
        const total = Buffer.byteLength(response.body) + cssBytes;
        expect(total, `${url}: ${total} bytes of HTML and CSS`).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
        // Structured data for search engines (JSON-LD) is data, not a script that runs.
        expect($('script:not([type="application/ld+json"])').length, url).toBe(0);
      }
    }
  });

  it('serves the bridge mark as /favicon.svg and /favicon.ico, cached for good, linked from every page', async () => {
    const { $ } = await getPage(app, '/es/organizations');
    const href = $('link[rel="icon"]').attr('href');
    expect(href).toMatch(/^\/favicon\.svg\?v=[0-9a-f]{12}$/);
    expect($('link[rel="icon"]').attr('type')).toBe('image/svg+xml');
    // The same mark in the header, beside the name (decorative: the name is the link's text).
    expect($('.site-header .brand svg.brand-mark').attr('aria-hidden')).toBe('true');

    const svg = await app.inject({ url: href! });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(svg.body).toMatch(/^<svg [^>]*viewBox="0 0 32 32"/);

    const ico = await app.inject({ url: '/favicon.ico' });
    expect(ico.statusCode).toBe(200);
    expect(ico.headers['content-type']).toBe('image/x-icon');
    expect(ico.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // An ICO header (reserved 0, type 1 = icon) holding PNG images.
    expect([...ico.rawPayload.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(ico.rawPayload.includes(Buffer.from('\x89PNG', 'latin1'))).toBe(true);
  });

  it('charts scale to their container and print every label in full, wrapped between words', async () => {
    for (const locale of LOCALES) {
      for (const path of ['/follow-up/scorecard', '/follow-up/addressees', '/follow-up/over-time', '/follow-up']) {
        const url = `/${locale}${path}`;
        const { $ } = await getPage(app, url);
        const charts = $('svg.chart');
        expect(charts.length, url).toBeGreaterThan(0);
        charts.each((_, chart) => {
          expect($(chart).attr('width'), url).toBe('100%');
          expect($(chart).attr('viewBox'), url).toMatch(/^0 0 420 \d+$/);
          // No label drawn left of the chart's edge (the old labels were right-aligned and cut there).
          $(chart)
            .find('text, tspan')
            .each((_, text) => {
              expect(Number($(text).attr('x') ?? 0), url).toBeGreaterThanOrEqual(0);
              expect($(text).attr('text-anchor'), url).toBeUndefined();
            });
        });
        const drawn = charts
          .find('text')
          .map((_, text) =>
            $(text)
              .find('tspan')
              .map((_, span) => $(span).text())
              .get()
              .join(' '),
          )
          .get();
        // Every row header of the table beside the chart is a label of the chart, whole.
        const rowHeaders = $('table.data tbody th[scope=row]')
          .map((_, th) => $(th).text().trim())
          .get();
        expect(rowHeaders.length, url).toBeGreaterThan(0);
        for (const header of rowHeaders) expect(drawn, `${url}: “${header}”`).toContain(header.replace(/\s+/g, ' '));
      }
    }
    // The longest demo addressee, cut to “…ice President of the United …” before.
    const { $ } = await getPage(app, '/en/follow-up/scorecard');
    expect($('svg.chart').text()).not.toContain('…');
  });
});
