import { readFileSync } from 'node:fs';
import * as cheerio from 'cheerio';
import { count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { docxBomb } from '../../../test/support/files.js';
import { createUserWithPassword, signedIn, Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import * as t from '../../platform/db/schema/index.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url));

/** A multipart/form-data body as a browser sends it for the upload form. */
function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer }) {
  const boundary = '----puente-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(
  visitor: Visitor,
  url: string,
  fields: Record<string, string>,
  file?: { name: string; data: Buffer },
) {
  const body = multipart(fields, file);
  return visitor.app.inject({
    method: 'POST',
    url,
    remoteAddress: visitor.remoteAddress,
    headers: { cookie: visitor.cookieHeader(), 'content-type': body.contentType },
    payload: body.payload,
  });
}

describeEachEngine('import form and lint findings on the web', (ctx) => {
  let app: FastifyTypeBox;
  let editor: Visitor;
  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db, now: () => new Date('2026-01-15T12:00:00Z') });
    const [cejil] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil'));
    await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' });
    await createUserWithPassword(ctx.db, { email: 'member@cejil.org', role: 'member', organizationId: cejil!.id });
    editor = await signedIn(app, 'editor@example.org');
  });

  const releases = async () => (await ctx.db.select({ n: count() }).from(t.releases))[0]?.n;

  it('offers the upload form to editors only', async () => {
    const page = await editor.get('/en/workspace/import');
    expect(page.statusCode).toBe(200);
    const $ = cheerio.load(page.body);
    expect($('form[enctype="multipart/form-data"] input[type=file][name=file]')).toHaveLength(1);
    expect($('form input[name=_csrf]').attr('value')).toBeTruthy();
    expect((await (await signedIn(app, 'member@cejil.org')).get('/en/workspace/import')).statusCode).toBe(403);
    const anonymous = await new Visitor(app).get('/en/workspace/import');
    expect([anonymous.statusCode, anonymous.headers.location]).toEqual([303, '/en/sign-in']);
  });

  it('reads an upload into a report with proposals and findings, writes nothing, then commits a draft on confirm', async () => {
    const before = await releases();
    const csrf = await editor.csrfFrom('/es/workspace/import');
    const report = await upload(
      editor,
      '/es/workspace/import',
      { _csrf: csrf, lang: '' },
      { name: 'rio.md', data: fixture('embargoed-en.md') },
    );
    expect(report.statusCode).toBe(200);
    const $ = cheerio.load(report.body);
    expect($('h1').text()).toBe('Lo que Puente reconoció');
    expect($('dd').first().text()).toContain('River Communities Ask Congress for Clean Water Funding');
    expect($('li').text()).toContain('River Watch Alliance: nueva: se añadirá al registro');
    expect($('.lint-findings [data-rule=embargo-past]').text()).toContain('El embargo (2025-03-04) ya pasó.');
    expect(await releases()).toBe(before);

    const confirm = $('form[action="/es/workspace/import/commit"]');
    const fields = Object.fromEntries(
      confirm
        .find('input[type=hidden]')
        .map((_, el) => [[$(el).attr('name'), $(el).attr('value')]])
        .get(),
    );
    // The fields the importer is unsure of (here the quotes) must be ticked before it saves.
    const unsure = confirm
      .find('input[type=checkbox][name=confirm]')
      .map((_, el) => $(el).attr('value'))
      .get();
    expect(unsure).toContain('quotes');
    const commit = (extra: [string, string][]) =>
      editor.app.inject({
        method: 'POST',
        url: '/es/workspace/import/commit',
        remoteAddress: editor.remoteAddress,
        headers: { cookie: editor.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams([...Object.entries(fields).map(([k, v]) => [k, String(v)]), ...extra]).toString(),
      });
    const refused = await commit(unsure.slice(1).map((f) => ['confirm', f]));
    expect(refused.statusCode).toBe(400);
    expect(cheerio.load(refused.body)('.error-summary').text()).toContain('Confirme los campos');
    expect(await releases()).toBe(before);
    const done = await commit(unsure.map((f) => ['confirm', f]));
    expect(done.statusCode).toBe(303);
    const slug = decodeURIComponent(String(done.headers.location).split('done=')[1] ?? '');
    const [row] = await ctx.db.select().from(t.releases).where(eq(t.releases.slug, slug));
    expect(row?.status).toBe('draft');
    // A draft is never public.
    expect((await new Visitor(app).get(`/en/releases/${slug}`)).statusCode).toBe(404);
    expect(
      cheerio
        .load((await editor.get(String(done.headers.location))).body)('.notice')
        .text(),
    ).toContain(slug);
  });

  it('refuses bad files with a clear message in the page language and writes nothing', async () => {
    const before = await releases();
    const csrf = await editor.csrfFrom('/en/workspace/import');
    const cases: [string, Buffer, string][] = [
      ['empty.md', Buffer.alloc(0), 'The file is empty'],
      ['garbage.md', Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x42]), 'This is not a text file'],
      ['latin1.txt', Buffer.from('Comunicado de prensa: difusi\xf3n inmediata', 'latin1'), 'not UTF-8'],
      ['fake.docx', Buffer.from('PK\x03\x04 not really a zip', 'latin1'), 'not a Word document'],
      ['big.md', Buffer.alloc(3 * 1024 * 1024, 'a'), 'too large'],
      ['photo.png', Buffer.from('x'), 'Upload a .md'],
    ];
    for (const [name, data, message] of cases) {
      const response = await upload(editor, '/en/workspace/import', { _csrf: csrf }, { name, data });
      expect([name, response.statusCode]).toEqual([name, 400]);
      expect(cheerio.load(response.body)('[role=alert]').text()).toContain(message);
    }
    expect(await releases()).toBe(before);
  });

  it('refuses a DOCX that unpacks to 1 GiB (a ZIP bomb), or lies about its size, in the reader’s language; writes nothing', async () => {
    const before = await releases();
    const bomb = await docxBomb(1024 ** 3);
    // About 1 MB: well within what the importer accepts, so only unpacking it can tell.
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const messages = {
      en: 'This Word file unpacks to more than 16 MB when opened',
      es: 'Este archivo de Word ocupa más de 16 MB al descomprimirse',
    };
    for (const [locale, message] of Object.entries(messages)) {
      const csrf = await editor.csrfFrom(`/${locale}/workspace/import`);
      const response = await upload(
        editor,
        `/${locale}/workspace/import`,
        { _csrf: csrf },
        { name: 'bomb.docx', data: bomb },
      );
      expect([locale, response.statusCode]).toEqual([locale, 400]);
      expect(cheerio.load(response.body)('[role=alert]').text()).toContain(message);
    }
    // Headers that claim 1 KB for the gigabyte: caught while inflating, not trusted.
    const liar = await docxBomb(1024 ** 3, { declaredBytes: 1024 });
    const csrf = await editor.csrfFrom('/en/workspace/import');
    const response = await upload(editor, '/en/workspace/import', { _csrf: csrf }, { name: 'liar.docx', data: liar });
    expect(response.statusCode).toBe(400);
    expect(cheerio.load(response.body)('[role=alert]').text()).toContain('not a Word document');
    expect(await releases()).toBe(before);
  });

  it('needs the CSRF token', async () => {
    const response = await upload(
      editor,
      '/en/workspace/import',
      {},
      { name: 'rio.md', data: fixture('embargoed-en.md') },
    );
    expect(response.statusCode).toBe(403);
  });

  it('shows lint findings beside the gaps on the release page to editors, never to the public', async () => {
    const url = '/en/releases/guatemala-vp-visit-2021';
    const $ = cheerio.load((await editor.get(url)).body);
    expect($('.lint-findings [data-rule=email-domain-misspelled]').text()).toContain('press@alianzamericas.org');
    expect($('.release-gaps')).toHaveLength(1);
    const es = cheerio.load((await editor.get('/es/releases/guatemala-vp-visit-2021')).body);
    expect(es('.lint-findings h2').text()).toBe('Lo que encontró el revisor');
    expect(cheerio.load((await new Visitor(app).get(url)).body)('.lint-findings')).toHaveLength(0);
  });
});
