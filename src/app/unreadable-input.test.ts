/**
 * Input that cannot be text (a NUL byte, broken UTF-8, a lone surrogate) in the address, the query, a
 * form, an upload or a header we read: refused with the 400 page in the reader's language, never a 500,
 * and nothing changes in the database (issue 13, finding 8). The fuzz suite (fuzz.test.ts) throws far
 * more at every form; these are the cases the issue named, one by one.
 */
import * as cheerio from 'cheerio';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/db.js';
import { watchWrites, writes } from '../../test/support/db-fingerprint.js';
import { multipartBody, tinyPdf } from '../../test/support/files.js';
import { createUserWithPassword, signedIn, Visitor } from '../../test/support/visitors.js';
import { loadDemo } from '../features/demo/index.js';
import * as t from '../platform/db/schema/index.js';
import { messages } from '../platform/i18n/format.js';
import type { Locale } from '../platform/i18n/locales.js';
import type { FastifyTypeBox } from '../platform/web/fastify-typebox.js';
import { buildApp } from './app.js';

const STATEMENT = 'guatemala-vp-visit-2021';

describeEachEngine('unreadable input is refused with the 400 page, never a 500', (ctx) => {
  let app: FastifyTypeBox;
  let editor: Visitor;

  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db });
    await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' });
    editor = await signedIn(app, 'editor@example.org');
    await watchWrites(ctx.db);
  });

  /** Every write, and the audit rows of failed attempts too: these refusals must not even be recorded. */
  const snapshot = async () => ({
    writes: await writes(ctx.db),
    audit: (await ctx.db.select().from(t.auditLog)).length,
  });

  function expectRefusedPage(
    response: { statusCode: number; headers: Record<string, unknown>; body: string },
    locale: Locale,
  ) {
    expect(response.statusCode).toBe(400);
    expect(String(response.headers['content-type'])).toMatch(/^text\/html/);
    const $ = cheerio.load(response.body);
    expect($('html').attr('lang')).toBe(locale);
    expect($('h1').text()).toBe(messages(locale).refusedTitle);
    expect($('main').text()).toContain(messages(locale).unreadableInputReason);
  }

  for (const [locale, url] of [
    ['en', '/en/statements/a%00b'],
    ['es', '/es/organizations/%00'],
    ['en', `/en/workspace/statements/${STATEMENT}%00/recommendations/new`],
    ['es', '/es/releases?q=%00'],
  ] as const) {
    it(`a NUL byte in ${url} gets the 400 page in ${locale}`, async () => {
      const before = await snapshot();
      expectRefusedPage(await editor.get(url), locale);
      expect(await snapshot()).toEqual(before);
    });
  }

  for (const [locale, url] of [
    ['en', '/en/statements/%ff%fe'],
    ['es', '/es/statements/%C3%28'],
    ['en', '/en/organizations?q=%ff'],
    ['es', '/es/follow-up?theme=%ED%A0%80'],
    ['en', '/en/statements/%zz'],
  ] as const) {
    it(`broken UTF-8 or a broken escape in ${JSON.stringify(url)} gets the 400 page in ${locale}`, async () => {
      const before = await snapshot();
      expectRefusedPage(await new Visitor(app).get(url), locale);
      expect(await snapshot()).toEqual(before);
    });
  }

  // (A lone surrogate cannot be %-encoded: in a form it arrives as broken UTF-8, tested below.)
  for (const [what, email] of [['a NUL byte', 'ana\u0000@example.org']] as const) {
    it(`${what} in the sign-in email is refused with the 400 page, and nothing is written, not even the attempt`, async () => {
      for (const locale of ['en', 'es'] as const) {
        const visitor = new Visitor(app);
        const csrf = await visitor.csrfFrom(`/${locale}/sign-in`);
        const before = await snapshot();
        const response = await visitor.request('POST', `/${locale}/sign-in`, { _csrf: csrf, email, password: 'x' });
        expectRefusedPage(response, locale);
        expect(await snapshot()).toEqual(before);
      }
    });
  }

  it('broken UTF-8 in a form body, raw or %-escaped, is refused before any handler', async () => {
    const visitor = new Visitor(app);
    const csrf = await visitor.csrfFrom('/es/sign-in');
    for (const payload of [
      Buffer.concat([Buffer.from(`_csrf=${csrf}&email=ana`), Buffer.from([0xff, 0xfe]), Buffer.from('&password=x')]),
      Buffer.from(`_csrf=${csrf}&email=ana%C3%28%40example.org&password=x`),
      Buffer.from(`_csrf=${csrf}&email=ana%00&password=x`),
    ]) {
      const before = await snapshot();
      const response = await app.inject({
        method: 'POST',
        url: '/es/sign-in',
        payload,
        remoteAddress: visitor.remoteAddress,
        headers: { cookie: visitor.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      });
      expectRefusedPage(response, 'es');
      expect(await snapshot()).toEqual(before);
    }
  });

  it('broken UTF-8 in a header we read (language, cookie) is refused; the page falls back to the address language', async () => {
    for (const headers of [{ 'accept-language': 'es\u00ff' }, { cookie: 'puente_session=\u00ff\u00fe' }]) {
      const before = await snapshot();
      expectRefusedPage(await app.inject({ method: 'GET', url: '/es/', headers }), 'es');
      expect(await snapshot()).toEqual(before);
    }
  });

  it("a JSON or plain-text body is refused with 415 and the page in the reader's language, before any handler", async () => {
    const csrf = await editor.csrfFrom('/es/account');
    for (const [contentType, payload] of [
      ['application/json', JSON.stringify({ _csrf: csrf, email: 'ana\u0000@example.org', password: 'x' })],
      ['text/plain', `_csrf=${csrf}`],
    ] as const) {
      const before = await snapshot();
      const response = await app.inject({
        method: 'POST',
        url: '/es/workspace/themes',
        payload,
        remoteAddress: editor.remoteAddress,
        headers: { cookie: editor.cookieHeader(), 'content-type': contentType },
      });
      expect(response.statusCode).toBe(415);
      const $ = cheerio.load(response.body);
      expect($('html').attr('lang')).toBe('es');
      expect($('main').text()).toContain(messages('es').refusedMediaTypeBody);
      expect(await snapshot()).toEqual(before);
    }
  });

  it('an upload whose file name or field holds a NUL byte is refused with the 400 page and stores nothing', async () => {
    const url = `/en/workspace/statements/${STATEMENT}/document`;
    const csrf = await editor.csrfFrom(url);
    const version =
      cheerio
        .load((await editor.get(url)).body)('form[enctype] input[name=version]')
        .attr('value') ?? '1';
    for (const [fields, filename] of [
      [{ _csrf: csrf, version }, 'report\u0000.pdf'],
      [{ _csrf: csrf, version: `${version}\u0000` }, 'report.pdf'],
    ] as const) {
      const { payload, contentType } = multipartBody(fields, {
        field: 'document',
        filename,
        contentType: 'application/pdf',
        bytes: tinyPdf('Unreadable name'),
      });
      const before = await snapshot();
      const response = await app.inject({
        method: 'POST',
        url,
        payload,
        remoteAddress: editor.remoteAddress,
        headers: { cookie: editor.cookieHeader(), 'content-type': contentType },
      });
      expectRefusedPage(response, 'en');
      expect(await snapshot()).toEqual(before);
    }
  });
});

describeEachEngine('numbers no column can hold are refused with the 400 page, never a 500', (ctx) => {
  let app: FastifyTypeBox;
  let editor: Visitor;

  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db });
    await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' });
    editor = await signedIn(app, 'editor@example.org');
    await watchWrites(ctx.db);
  });

  // "1e309" is Infinity to Ajv, which then skips minimum and maximum; 2147483648 is one past an integer column.
  for (const version of ['1e309', '-1e309', '2147483648']) {
    it(`a version of ${version} on a publication button or a follow-up "kept" button`, async () => {
      const [commitment] = await ctx.db.select().from(t.followupCommitments).limit(1);
      for (const url of [
        `/en/statements/${STATEMENT}/unpublish`,
        `/es/workspace/followup/commitment/${commitment!.id}/kept`,
      ]) {
        const before = await writes(ctx.db);
        const response = await editor.post(url, { version });
        expect(response.statusCode, url).toBe(400);
        expect(cheerio.load(response.body)('html').attr('lang')).toBe(url.slice(1, 3));
        expect(await writes(ctx.db)).toBe(before);
      }
    });
  }

  it('a picked row id past an integer column is no row: the form answers, not the database', async () => {
    const url = `/en/workspace/statements/${STATEMENT}/quotes`;
    const before = await writes(ctx.db);
    const response = await editor.post(
      url,
      { version: '1', personId: '99999999999', text_en: 'A quote' },
      `${url}/new`,
    );
    expect(response.statusCode).toBeLessThan(500);
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(await writes(ctx.db)).toBe(before);
  });
});
