/** The workspace shell over HTTP: signed-in only, its frame, htmx as a local file, the Markdown preview. */
import * as cheerio from 'cheerio';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, signedIn, Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { htmxScript } from '../../platform/web/script-asset.js';
import { loadDemo } from '../demo/index.js';

describeEachEngine('workspace shell', (ctx) => {
  let app: FastifyTypeBox;
  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db });
    await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' });
  });

  it('sends a visitor without a session to the sign-in page', async () => {
    for (const locale of ['en', 'es']) {
      const response = await new Visitor(app).get(`/${locale}/workspace`);
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(`/${locale}/sign-in`);
    }
  });

  it('frames every page: skip link, labelled navigation, who is signed in, sign-out, htmx file', async () => {
    const editor = await signedIn(app, 'editor@example.org');
    for (const locale of ['en', 'es'] as const) {
      const response = await editor.get(`/${locale}/workspace`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('private, no-store');
      const $ = cheerio.load(response.body);
      expect($('html').attr('lang')).toBe(locale);
      expect($('a.skip-link').attr('href')).toBe('#main');
      expect($('main#main').length).toBe(1);
      const nav = $('nav[aria-label]').first();
      expect(nav.attr('aria-label')).toBe(locale === 'en' ? 'Workspace' : 'Espacio de trabajo');
      expect(nav.find('a[aria-current="page"]').attr('href')).toBe(`/${locale}/workspace`);
      expect($('.workspace-user').text()).toContain('editor@example.org');
      expect($(`form[action="/${locale}/sign-out"] input[name=_csrf]`).length).toBe(1);
      // One script, ours, as a file: nothing inline (the CSP would refuse it).
      const scripts = $('script');
      expect(scripts.length).toBe(1);
      expect(scripts.attr('src')).toBe(htmxScript().href);
      expect(scripts.html()).toBe('');
    }
  });

  it('serves htmx from node_modules under a fingerprint, cached for good, with the same CSP', async () => {
    expect(htmxScript().href).toMatch(/^\/assets\/htmx\.[0-9a-f]{12}\.js$/);
    const response = await app.inject({ url: htmxScript().href });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('javascript');
    expect(response.headers['cache-control']).toContain('immutable');
    expect(response.body).toContain('htmx');
    const page = await (await signedIn(app, 'editor@example.org')).get('/en/workspace');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(page.headers['content-security-policy'])).not.toContain('unsafe');
  });

  it('previews Markdown with the public renderer: formatted, and typed HTML escaped', async () => {
    const editor = await signedIn(app, 'editor@example.org');
    const response = await editor.post(
      '/en/workspace/preview',
      { previewField: 'body_en', body_en: '**Bold** <script>alert(1)</script> [x](javascript:alert(1))' },
      '/en/workspace',
    );
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<strong>Bold</strong>');
    expect(response.body).toContain('&lt;script&gt;');
    expect(response.body).not.toContain('<script>');
    expect(response.body).not.toContain('href="javascript:');
  });

  /** A signed-in preview request whose CSRF token is not the session's. */
  const forgedPreview = (visitor: Visitor, locale: string) =>
    visitor.request('POST', `/${locale}/workspace/preview`, { _csrf: 'forged', previewField: 'a', a: 'x' });

  it('refuses the preview without a session or without the CSRF token', async () => {
    const anonymous = new Visitor(app);
    const noSession = await anonymous.post('/en/workspace/preview', { previewField: 'a', a: 'x' }, '/en/sign-in');
    expect(noSession.statusCode).toBe(403);
    const editor = await signedIn(app, 'editor@example.org');
    const noToken = await forgedPreview(editor, 'en');
    expect(noToken.statusCode).toBe(403);
  });

  it('answers a refusal with a page in the reader’s language', async () => {
    const editor = await signedIn(app, 'editor@example.org');
    const response = await forgedPreview(editor, 'es');
    expect(response.statusCode).toBe(403);
    const $ = cheerio.load(response.body);
    expect($('html').attr('lang')).toBe('es');
    expect($('h1').text()).toBe('No puedes abrir esta página');
  });
});
