import { beforeAll, expect, it } from 'vitest';
import { createTestApp, getPage } from '../../test/support/app.js';
import { describeEachEngine } from '../../test/support/db.js';
import { loadDemo } from '../features/demo/index.js';
import { gatherContributions } from '../platform/feature.js';
import { LOCALES } from '../platform/i18n/locales.js';
import type { FastifyTypeBox } from '../platform/web/fastify-typebox.js';
import { compileSchemaNow } from '../platform/web/lazy-validation.js';
import { registeredRoutes } from '../platform/web/route-table.js';
import { features } from './features.js';

/** One concrete URL per public page route, with the demo's slugs filled in. */
const examplePaths = [
  '/',
  '/statements/guatemala-vp-visit-2021',
  '/statements/guatemala-vp-visit-2021/recommendations/tps-guatemala',
  '/organizations',
  '/organizations/cejil',
  '/releases',
  '/releases/guatemala-vp-visit-2021',
  '/sign-in',
  '/forgot-password',
  '/follow-up',
  '/follow-up/themes',
  '/follow-up/addressees',
  '/follow-up/over-time',
  '/follow-up/scorecard',
  '/follow-up/recommendations',
  '/statements/guatemala-vp-visit-2021/recommendations/justice-system/follow-up',
  '/search',
  // Open data (features/api): the API's reference page.
  '/api',
];

/**
 * Pages for signed-in people or holders of a link, tested in features/accounts: they answer a
 * visitor without a session with a redirect, 403 or 404, never with content.
 */
const signedInPaths = [
  '/account',
  '/set-password/not-a-valid-token-at-all',
  '/unsubscribe/not-a-valid-token-at-all',
  '/organizations/cejil/boilerplate',
  '/admin/history/organization/1',
  '/admin/history/organization/1/history.csv',
  '/admin/users',
  '/sign-in/two-factor',
  '/account/two-factor',
  '/workspace/organizations/cejil/logo',
  '/workspace/statements/guatemala-vp-visit-2021/document',
  '/workspace/followup',
  '/workspace/followup/recommendations/1',
  '/workspace/followup/recommendations/1/response',
  '/workspace/followup/recommendations/1/status',
  '/workspace/followup/recommendations/1/meeting',
  '/workspace/followup/recommendations/1/commitment',
  '/workspace/followup/recommendations/1/response/1/edit',
  '/workspace/followup/recommendations/1/status/1/edit',
  '/workspace/followup/recommendations/1/meeting/1/edit',
  '/workspace/followup/recommendations/1/commitment/1/edit',
  // Workspace (features/workspace, features/registry)
  '/workspace',
  '/workspace/my-organization',
  '/workspace/organizations',
  '/workspace/organizations/new',
  '/workspace/organizations/cejil',
  '/workspace/organizations/cejil/edit',
  '/workspace/people',
  '/workspace/people/new',
  '/workspace/people/fernanda-durand/edit',
  '/workspace/themes',
  '/workspace/themes/new',
  '/workspace/themes/mappings',
  '/workspace/themes/mappings/new',
  '/workspace/themes/mappings/1/edit',
  '/workspace/themes/governance-rule-of-law/edit',
  '/workspace/addressees',
  '/workspace/addressees/new',
  '/workspace/addressees/us-government/edit',
  '/workspace/translations',
  '/workspace/search',
  // Accounts administration and sign-on (issue 5).
  '/admin/users/1',
  '/sign-on',
  '/sign-on/guatemala-vp-visit-2021',
  // Open sign-on (issue 19): the demo statement is not open to signatures (404), the links need a token
  // (a malformed one is a 404), and moderation is for editors.
  '/statements/guatemala-vp-visit-2021/sign',
  '/open-sign-on/verify/short',
  '/open-sign-on/withdraw/short',
  '/workspace/open-sign-on',
  '/workspace/open-sign-on/guatemala-vp-visit-2021',
  '/workspace/open-sign-on/guatemala-vp-visit-2021/signatories.csv',
  '/workspace/open-sign-on/guatemala-vp-visit-2021/submissions/1/logo',
  // Import (features/import)
  '/workspace/import',
  // Editorial workspace (issue 6): statements and releases in every state, for editors only.
  '/workspace/statements',
  '/workspace/statements/new',
  '/workspace/statements/guatemala-vp-visit-2021',
  '/workspace/statements/guatemala-vp-visit-2021/recommendations/new',
  '/workspace/statements/guatemala-vp-visit-2021/recommendations/1',
  '/workspace/statements/guatemala-vp-visit-2021/quotes/new',
  '/workspace/statements/guatemala-vp-visit-2021/quotes/1',
  '/workspace/releases',
  '/workspace/releases/new',
  '/workspace/releases/guatemala-vp-visit-2021',
  '/workspace/releases/guatemala-vp-visit-2021/preview.pdf',
  '/workspace/releases/guatemala-vp-visit-2021/publish',
  // Recommendation spreadsheets of every state (features/exports), for editors only.
  '/workspace/recommendations.csv',
  '/workspace/statements/guatemala-vp-visit-2021/recommendations.xlsx',
  // Press contacts, lists and release sends (features/press), for editors only.
  '/workspace/press',
  '/workspace/press/contacts/new',
  '/workspace/press/contacts/1/edit',
  '/workspace/press/contacts/1/data.json',
  '/workspace/press/contacts.csv',
  '/workspace/press/contacts.xlsx',
  '/workspace/press/import',
  '/workspace/press/lists',
  '/workspace/press/lists/new',
  '/workspace/press/lists/1/edit',
  '/workspace/press/sends',
  '/workspace/press/sends/new',
  '/workspace/press/sends/preview',
  '/workspace/press/sends/preview.html',
  '/workspace/press/sends/1',
  // Spreadsheet imports of recommendations (features/sheet-import), for editors only.
  '/workspace/import/recommendations',
  '/workspace/import/recommendations/1',
];
/** Routes that answer files, not pages (tested in features/releases, the Atom feeds in features/feeds, the spreadsheets in features/exports). */
const downloadPaths = [
  '/releases/guatemala-vp-visit-2021/release.pdf',
  '/feeds/releases.xml',
  '/feeds/statements.xml',
  '/feeds/follow-up.xml',
  '/feeds/statements/guatemala-vp-visit-2021/follow-up.xml',
  '/recommendations.csv',
  '/statements/guatemala-vp-visit-2021/recommendations.xlsx',
];

describeEachEngine('the public site', (ctx) => {
  let app: FastifyTypeBox;
  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await createTestApp(ctx.db);
    // Localized routes are plugins (platform/web/localized-routes.ts): registered once the app is ready.
    await app.ready();
  });

  it("lists each manifest's public channels and workspace menu entries among the registered routes", () => {
    const gets = new Set(
      registeredRoutes(app)
        .filter((r) => r.method === 'GET')
        .map((r) => r.url),
    );
    const channels = features.flatMap((f) => f.publicChannels ?? []);
    expect(channels.length).toBeGreaterThan(5);
    for (const channel of channels) {
      for (const locale of channel.includes('{lang}') ? LOCALES : [null]) {
        const url = locale ? channel.replace('{lang}', locale) : channel;
        expect(gets.has(url), `public channel ${url} is not a registered GET route`).toBe(true);
      }
    }
    for (const entry of gatherContributions(features).nav) {
      expect(gets.has(`/en${entry.path}`), `menu entry ${entry.path} leads nowhere`).toBe(true);
    }
  });

  it('compiles every route schema (they are compiled on first use at run time: see lazy-validation.ts)', () => {
    const parts = registeredRoutes(app).flatMap((route) =>
      (['params', 'querystring', 'body'] as const).flatMap((part) =>
        route.schema?.[part] === undefined
          ? []
          : [{ where: `${route.method} ${route.url} ${part}`, schema: route.schema[part] }],
      ),
    );
    expect(parts.length).toBeGreaterThan(100);
    for (const { where, schema } of parts) {
      // A body schema per content type (`{ content: { type: { schema } } }`, as Fastify takes it) is one each.
      const content = (schema as { content?: Record<string, { schema: unknown }> }).content;
      const each = content ? Object.values(content).map((c) => c.schema) : [schema];
      for (const one of each) expect(() => compileSchemaNow(one), where).not.toThrow();
    }
  });

  it('covers every localized page route with an example (a new route must be added here)', () => {
    // printRoutes draws a radix tree (no full paths), so we read the routes as they were registered.
    const routes = registeredRoutes(app)
      .filter((r) => r.method === 'GET' && r.url.startsWith('/en/'))
      .map((r) => r.url);
    expect(routes.length).toBeGreaterThan(5);
    const covered = [...examplePaths, ...signedInPaths, ...downloadPaths].map((p) => `/en${p}`);
    for (const route of routes) {
      const pattern = new RegExp(`^${route.replace(/\/$/, '/?').replace(/:[a-z]+/gi, '[^/]+')}$`);
      expect(
        covered.some((url) => pattern.test(url)),
        `no example for ${route}`,
      ).toBe(true);
    }
  });

  for (const locale of LOCALES) {
    it(`[${locale}] every page answers in ${locale} with a language switch to the same page`, async () => {
      for (const path of examplePaths) {
        const { status, $, response } = await getPage(app, `/${locale}${path}`);
        expect(status, path).toBe(200);
        expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
        expect($('html').attr('lang')).toBe(locale);
        expect($('title').text()).not.toBe('');
        const other = locale === 'en' ? 'es' : 'en';
        expect($(`.language-switch a[hreflang="${other}"]`).attr('href')).toBe(`/${other}${path}`);
        // JSON-LD is data, never run: only executable script is banned.
        expect($('script:not([type="application/ld+json"])').length, 'public pages need no JavaScript').toBe(0);
      }
    });

    it(`[${locale}] an unknown address gets the 404 page in ${locale}`, async () => {
      const { status, $ } = await getPage(app, `/${locale}/no/such/page`);
      expect(status).toBe(404);
      expect($('html').attr('lang')).toBe(locale);
      expect($('main a').attr('href')).toBe(`/${locale}/`);
    });
  }

  it('shows nothing to a visitor without a session on the signed-in pages', async () => {
    for (const path of signedInPaths) {
      const { status, response } = await getPage(app, `/en${path}`);
      expect([303, 403, 404], path).toContain(status);
      if (status === 303) expect(response.headers.location).toBe('/en/sign-in');
    }
  });

  it('sends / to the reader’s language', async () => {
    const spanish = await app.inject({ url: '/', headers: { 'accept-language': 'es-GT,es;q=0.9,en;q=0.5' } });
    expect(spanish.statusCode).toBe(302);
    expect(spanish.headers.location).toBe('/es/');
    expect(spanish.headers.vary).toContain('Accept-Language');
    const english = await app.inject({ url: '/', headers: { 'accept-language': 'en-US' } });
    expect(english.headers.location).toBe('/en/');
    const unknown = await app.inject({ url: '/' });
    expect(unknown.headers.location).toBe('/en/');
  });

  it('answers unknown languages and paths outside a language with a 404 page in the negotiated language', async () => {
    const { status, $ } = await getPage(app, '/fr/organizations', { 'accept-language': 'es' });
    expect(status).toBe(404);
    expect($('html').attr('lang')).toBe('es');
  });

  it('sends security headers with a CSP that allows no inline script', async () => {
    const { response } = await getPage(app, '/en/');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBeDefined();
  });

  it('serves the stylesheet under a fingerprint, cached for good', async () => {
    const { $ } = await getPage(app, '/en/');
    const href = $('link[rel="stylesheet"]').attr('href');
    expect(href).toMatch(/^\/assets\/style\.[0-9a-f]{12}\.css$/);
    const css = await app.inject({ url: href! });
    expect(css.statusCode).toBe(200);
    expect(css.headers['cache-control']).toContain('immutable');
    expect(css.body).toContain('@media print');
  });

  it('compresses pages for slow connections', async () => {
    const response = await app.inject({
      url: '/en/statements/guatemala-vp-visit-2021',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(response.headers['content-encoding']).toMatch(/br|gzip/);
  });

  it('escapes what comes from the database', async () => {
    const { $, response } = await getPage(app, '/en/organizations/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('<script>alert(1)</script>');
    expect($('script').length).toBe(0);
  });
});
