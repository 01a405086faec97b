/**
 * An address without its language ("/workspace", "/statements/x") sends the reader to that page in
 * their language, as "/" does; addresses that are no page in any language keep the 404 page, and the
 * routes that live outside the languages (files, assets, health) answer as before.
 */
import { beforeAll, expect, it } from 'vitest';
import { createTestApp, getPage } from '../../test/support/app.js';
import { describeEachEngine } from '../../test/support/db.js';
import type { FastifyTypeBox } from '../platform/web/fastify-typebox.js';

describeEachEngine('addresses without a language', (ctx) => {
  let app: FastifyTypeBox;

  beforeAll(async () => {
    app = await createTestApp(ctx.db);
  });

  it('sends /workspace to the workspace in the negotiated language, varying on Accept-Language', async () => {
    const spanish = await app.inject({ url: '/workspace', headers: { 'accept-language': 'es-GT,es;q=0.9' } });
    expect(spanish.statusCode).toBe(302);
    expect(spanish.headers.location).toBe('/es/workspace');
    expect(String(spanish.headers.vary)).toContain('Accept-Language');
    const english = await app.inject({ url: '/workspace' });
    expect(english.statusCode).toBe(302);
    expect(english.headers.location).toBe('/en/workspace');
  });

  it('does so for any page that exists under a language, keeping the query string, on GET and HEAD', async () => {
    const cases: [string, string][] = [
      ['/statements/some-statement', '/en/statements/some-statement'],
      ['/admin/users', '/en/admin/users'],
      ['/organizations?q=red&kind=ngo', '/en/organizations?q=red&kind=ngo'],
      ['/follow-up/recommendations?status=none&page=2', '/en/follow-up/recommendations?status=none&page=2'],
    ];
    for (const [from, to] of cases) {
      for (const method of ['GET', 'HEAD'] as const) {
        const response = await app.inject({ method, url: from });
        expect(response.statusCode, `${method} ${from}`).toBe(302);
        expect(response.headers.location, `${method} ${from}`).toBe(to);
      }
    }
  });

  it('keeps the 404 page for addresses that are no page in any language', async () => {
    for (const path of ['/no/such/page', '/fr/organizations', '/statements', '//example.org/workspace']) {
      const { status, response, $ } = await getPage(app, path, { 'accept-language': 'es' });
      expect(status, path).toBe(404);
      expect(response.headers.location, path).toBeUndefined();
      expect($('html').attr('lang'), path).toBe('es');
    }
  });

  it('redirects no form post', async () => {
    const response = await app.inject({ method: 'POST', url: '/sign-in', payload: { email: 'a@example.org' } });
    expect(response.statusCode).not.toBe(302);
    expect(response.headers.location).toBeUndefined();
  });

  it('leaves the routes outside the languages alone', async () => {
    const health = await app.inject({ url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const { $ } = await getPage(app, '/en/');
    const css = await app.inject({ url: $('link[rel="stylesheet"]').attr('href')! });
    expect(css.statusCode).toBe(200);
    const file = await app.inject({ url: `/files/${'0'.repeat(64)}` });
    expect(file.statusCode).toBe(404);
    expect(file.headers.location).toBeUndefined();
    const asset = await app.inject({ url: '/assets/no-such-file.css' });
    expect(asset.statusCode).toBe(404);
    expect(asset.headers.location).toBeUndefined();
  });
});
