/** The signed-in indicator in the page header: who, account link, sign-out; nothing personal for the public. */
import * as cheerio from 'cheerio';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { createUserWithPassword, signedIn, Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';

describeEachEngine('the header says who is signed in', (ctx) => {
  let app: FastifyTypeBox;
  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db });
    await createUserWithPassword(ctx.db, { email: 'Header@Example.org', role: 'editor' });
  });

  it('anonymous: a sign-in link, no name, and the public page stays cacheable (no private header, no cookie)', async () => {
    for (const locale of ['en', 'es']) {
      const response = await new Visitor(app).get(`/${locale}/organizations`);
      const $ = cheerio.load(response.body);
      expect($('.session-nav a').attr('href')).toBe(`/${locale}/sign-in`);
      expect($('.session-nav form').length).toBe(0);
      expect(response.headers['cache-control']).toMatch(/^public, max-age=\d+/);
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('signed in: the email, the account page and a working sign-out on public pages, in both languages', async () => {
    const visitor = await signedIn(app, 'header@example.org');
    const page = await visitor.get('/es/organizations');
    expect(page.headers['cache-control']).toBe('private, no-store');
    const $ = cheerio.load(page.body);
    expect($('.session-nav').attr('aria-label')).toBe('Tu sesión');
    expect($('.session-nav strong').text()).toBe('Header@Example.org');
    expect($('.session-nav').text()).toContain('Sesión iniciada como');
    expect($('.session-nav a').attr('href')).toBe('/es/account');
    const form = $('.session-nav form');
    expect(form.attr('action')).toBe('/es/sign-out');
    const csrf = form.find('input[name=_csrf]').attr('value')!;
    const out = await visitor.request('POST', '/es/sign-out', { _csrf: csrf });
    expect(out.statusCode).toBe(303);
    expect((await visitor.get('/es/account')).headers.location).toBe('/es/sign-in');
    expect(cheerio.load((await visitor.get('/es/organizations')).body)('.session-nav strong').length).toBe(0);
  });

  it('half-way through two-factor is not "signed in": the header offers sign-in only', async () => {
    await createUserWithPassword(ctx.db, { email: 'halfway@example.org', role: 'admin' });
    const visitor = new Visitor(app);
    expect((await visitor.signIn('halfway@example.org')).headers.location).toBe('/en/sign-in/two-factor');
    const $ = cheerio.load((await visitor.get('/en/')).body);
    expect($('.session-nav strong').length).toBe(0);
    expect($('.session-nav a').attr('href')).toBe('/en/sign-in');
  });
});
