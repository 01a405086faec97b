/**
 * Uploads end to end over HTTP, on both engines: who may upload what, content checks with the
 * reasons shown on the form, limits while streaming, dedupe, audit, the public file route and its
 * visibility, and logos and document links on public pages.
 */
import * as cheerio from 'cheerio';
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/db.js';
import { cleanSvg, multipartBody, tinyDocx, tinyJpeg, tinyPdf, tinyPng, zipOf } from '../../../test/support/files.js';
import { createUserWithPassword, signedIn, type Visitor } from '../../../test/support/visitors.js';
import { buildApp } from '../../app/app.js';
import * as t from '../../platform/db/schema/index.js';
import { localized } from '../../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';
import { sha256Hex } from './service.js';

const T = new Date('2026-11-27T12:00:00Z');
const HOUR = 3_600_000;
const LOGO_LIMIT = 64 * 1024;
const PNG = 'image/png';

interface UploadOptions {
  field: string;
  filename: string;
  bytes: Buffer;
  contentType?: string;
  /** Where the CSRF token and version come from (default: the form page itself). */
  formPage?: string;
  fields?: Record<string, string>;
}

/** Submits the upload form the way a browser does: the page's _csrf and version, then the file. */
async function upload(visitor: Visitor, url: string, options: UploadOptions) {
  const page = cheerio.load((await visitor.get(options.formPage ?? url)).body);
  const fields = options.fields ?? {
    _csrf: page('input[name=_csrf]').first().attr('value') ?? '',
    version: page('form[enctype] input[name=version]').attr('value') ?? '1',
  };
  const { payload, contentType } = multipartBody(fields, {
    field: options.field,
    filename: options.filename,
    contentType: options.contentType ?? 'application/octet-stream',
    bytes: options.bytes,
  });
  return visitor.app.inject({
    method: 'POST',
    url,
    payload,
    remoteAddress: visitor.remoteAddress,
    headers: { cookie: visitor.cookieHeader(), 'content-type': contentType },
  });
}

const logoUrl = (slug: string, locale = 'en') => `/${locale}/workspace/organizations/${slug}/logo`;
const documentUrl = (slug: string, locale = 'en') => `/${locale}/workspace/statements/${slug}/document`;

describeEachEngine('uploads: logos and full documents', (ctx) => {
  let app: FastifyTypeBox;
  let clock = T;
  let member: Visitor;
  let editor: Visitor;
  let admin: Visitor;

  const fileCount = async () => Number((await ctx.db.select({ n: count() }).from(t.files))[0]!.n);
  const orgId = async (slug: string) =>
    (await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, slug)))[0]!.id;
  /** A new organization of the test's own, with a signed-in member: logo tests that change it share nothing. */
  const memberOfNewOrganization = async (slug: string) => {
    const [organization] = await ctx.db
      .insert(t.organizations)
      .values({ slug, name: `Organization ${slug}` })
      .returning();
    await createUserWithPassword(
      ctx.db,
      { email: `member@${slug}.example.org`, role: 'member', organizationId: organization!.id },
      T,
    );
    return { organization: organization!, member: await signedIn(app, `member@${slug}.example.org`) };
  };

  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({
      db: ctx.db,
      now: () => clock,
      uploadLimits: { logoBytes: LOGO_LIMIT, documentBytes: 256 * 1024 },
    });
    await createUserWithPassword(
      ctx.db,
      { email: 'm@cejil.org', role: 'member', organizationId: await orgId('cejil') },
      T,
    );
    await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' }, T);
    await createUserWithPassword(ctx.db, { email: 'admin@example.org', role: 'admin' }, T);
    member = await signedIn(app, 'm@cejil.org');
    editor = await signedIn(app, 'editor@example.org');
    admin = await signedIn(app, 'admin@example.org');
    await ctx.db.insert(t.statements).values({
      slug: 'draft-with-document',
      title: localized('en', 'Draft with a document'),
      date: '2026-11-01',
      status: 'draft',
      fullDocumentUrl: 'https://example.org/draft.pdf',
    });
  });

  it('a member sets their own organization’s logo: stored by hash, audited, served, shown with alt text', async () => {
    const png = tinyPng(1);
    const before = (await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil')))[0]!;
    const response = await upload(member, logoUrl('cejil'), { field: 'logo', filename: 'logo.png', bytes: png });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/en/workspace/organizations/cejil/logo?done=saved');

    const sha = sha256Hex(png);
    const [file] = await ctx.db.select().from(t.files).where(eq(t.files.sha256, sha));
    expect(file).toMatchObject({ mediaType: PNG, size: png.length, originalName: 'logo.png' });
    expect(Buffer.compare(file!.bytes, png)).toBe(0);
    const after = (await ctx.db.select().from(t.organizations).where(eq(t.organizations.id, before.id)))[0]!;
    expect(after.version).toBe(before.version + 1);

    const [audit] = await ctx.db
      .select()
      .from(t.auditLog)
      .where(
        and(
          eq(t.auditLog.entityType, 'organization'),
          eq(t.auditLog.entityId, String(before.id)),
          eq(t.auditLog.action, 'set_logo'),
        ),
      );
    expect(audit).toMatchObject({ actorLabel: 'm@cejil.org', entityId: String(before.id) });
    expect(audit!.after).toMatchObject({ logo: { sha256: sha, mediaType: PNG, originalName: 'logo.png' } });
    expect(audit!.before).toMatchObject({ logo: null });

    const served = await app.inject({ url: `/files/${sha}` });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe(PNG);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['cache-control']).toBe('public, no-cache');
    expect(served.headers['content-disposition']).toBeUndefined();
    expect(Buffer.compare(served.rawPayload, png)).toBe(0);
    expect((await app.inject({ url: `/files/${sha}`, headers: { 'if-none-match': `"${sha}"` } })).statusCode).toBe(304);

    for (const [url, alt] of [
      ['/en/organizations', 'Logo of Center for Justice and International Law'],
      ['/es/organizations/cejil', 'Logotipo de Centro por la Justicia y el Derecho Internacional'],
      ['/en/releases/guatemala-vp-visit-2021', 'Logo of Center for Justice and International Law'],
    ] as const) {
      const $ = cheerio.load((await app.inject({ url })).body);
      const img = $(`img[src="/files/${sha}"]`);
      expect(img.length, url).toBe(1);
      expect(img.attr('alt'), url).toContain(alt);
    }
    const form = cheerio.load((await member.get(`${logoUrl('cejil')}?done=saved`)).body);
    expect(form('[role=status]').text()).toBe('Saved.');
    expect(form(`img[src="/files/${sha}"]`).length).toBe(1);
  });

  it('a member cannot set another organization’s logo, nor a statement’s document; nothing is stored', async () => {
    const files = await fileCount();
    expect((await member.get(logoUrl('afsc'))).statusCode).toBe(403);
    const other = await upload(member, logoUrl('afsc'), {
      field: 'logo',
      filename: 'logo.png',
      bytes: tinyPng(2),
      formPage: logoUrl('cejil'),
    });
    expect(other.statusCode).toBe(403);
    const doc = await upload(member, documentUrl('guatemala-vp-visit-2021'), {
      field: 'document',
      filename: 'statement.pdf',
      bytes: tinyPdf(),
      formPage: logoUrl('cejil'),
    });
    expect(doc.statusCode).toBe(403);
    expect(await fileCount()).toBe(files);
  });

  it('editors set statement documents; the admin sets any logo; the public is sent to sign in', async () => {
    expect((await editor.get(documentUrl('guatemala-vp-visit-2021'))).statusCode).toBe(200);
    expect((await admin.get(logoUrl('afsc'))).statusCode).toBe(200);
    const anonymous = await app.inject({ url: logoUrl('cejil') });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/en/sign-in');
    const { payload, contentType } = multipartBody(
      { _csrf: 'x', version: '1' },
      {
        field: 'logo',
        filename: 'a.png',
        contentType: PNG,
        bytes: tinyPng(3),
      },
    );
    const post = await app.inject({
      method: 'POST',
      url: logoUrl('cejil'),
      payload,
      headers: { 'content-type': contentType },
    });
    expect(post.statusCode).toBe(403);
  });

  it('a document is served only while its statement is public: draft, embargoed, then published', async () => {
    const pdf = tinyPdf('Draft statement document');
    const sha = sha256Hex(pdf);
    // Until a file is uploaded, the form says where "Read the full document" points.
    const before = cheerio.load((await editor.get(documentUrl('draft-with-document'))).body);
    expect(before('main a[href="https://example.org/draft.pdf"]').length).toBe(1);
    const response = await upload(editor, documentUrl('draft-with-document'), {
      field: 'document',
      filename: 'Declaración final.pdf',
      bytes: pdf,
    });
    expect(response.statusCode).toBe(303);
    const anonymous = () => app.inject({ url: `/files/${sha}` });
    expect((await anonymous()).statusCode).toBe(404);
    // Editors get the same answer on the public URL: previews belong to the workspace.
    expect((await editor.get(`/files/${sha}`)).statusCode).toBe(404);
    const page = cheerio.load((await editor.get(documentUrl('draft-with-document'))).body);
    expect(page('main, body').text()).toContain('Not public yet');

    await ctx.db
      .update(t.statements)
      .set({ status: 'published', embargoUntil: new Date(T.getTime() + HOUR) })
      .where(eq(t.statements.slug, 'draft-with-document'));
    expect((await anonymous()).statusCode).toBe(404);

    clock = new Date(T.getTime() + HOUR + 1);
    const served = await anonymous();
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['content-disposition']).toBe(
      `attachment; filename="Declaracio_n final.pdf"; filename*=UTF-8''Declaraci%C3%B3n%20final.pdf`,
    );
    expect(served.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(served.headers['cache-control']).toBe('public, no-cache');

    const statementPage = cheerio.load((await app.inject({ url: '/en/statements/draft-with-document' })).body);
    const link = statementPage(`a[href="/files/${sha}"]`);
    expect(link.text()).toBe('Read the full document');
    expect(link.parent().text()).toContain('(PDF, ');

    await ctx.db
      .update(t.statements)
      .set({ withdrawnAt: new Date(T.getTime()) })
      .where(eq(t.statements.slug, 'draft-with-document'));
    expect((await anonymous()).statusCode).toBe(404);
    clock = T;
  });

  it('accepts JPEG and SVG logos and DOCX documents, by content', async () => {
    const jpeg = await upload(admin, logoUrl('afsc'), { field: 'logo', filename: 'afsc.jpeg', bytes: tinyJpeg() });
    expect(jpeg.statusCode).toBe(303);
    const svg = await upload(admin, logoUrl('pop-noj'), {
      field: 'logo',
      filename: 'logo.svg',
      bytes: Buffer.from(cleanSvg),
    });
    expect(svg.statusCode).toBe(303);
    const docx = await tinyDocx();
    const word = await upload(editor, documentUrl('guatemala-vp-visit-2021'), {
      field: 'document',
      filename: 'statement.docx',
      bytes: docx,
    });
    expect(word.statusCode).toBe(303);
    const served = await app.inject({ url: `/files/${sha256Hex(docx)}` });
    expect(served.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(served.headers['content-disposition']).toContain('filename="statement.docx"');
  });

  it('serves a sanitized SVG with a sandboxing CSP, and nothing hostile survives', async () => {
    const hostile = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">
      <script>alert(2)</script><a href="javascript:alert(3)"><circle r="4"/></a>
      <image href="http://tracker.example/p.png"/><foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject>
      <rect width="5" height="5" fill="#123456"/></svg>`;
    const response = await upload(admin, logoUrl('rjm'), {
      field: 'logo',
      filename: 'rjm.svg',
      bytes: Buffer.from(hostile),
    });
    expect(response.statusCode).toBe(303);
    const [link] = await ctx.db
      .select()
      .from(t.organizationLogos)
      .where(eq(t.organizationLogos.organizationId, await orgId('rjm')));
    const served = await app.inject({ url: `/files/${link!.fileSha256}` });
    expect(served.headers['content-type']).toBe('image/svg+xml');
    expect(served.headers['content-security-policy']).toContain('sandbox');
    expect(served.headers['content-security-policy']).toContain("default-src 'none'");
    expect(served.body).toContain('fill="#123456"');
    for (const gone of ['onload', '<script', 'javascript:', 'tracker.example', 'foreignObject']) {
      expect(served.body, gone).not.toContain(gone);
    }
  });

  it('refuses a PNG named .pdf, saying in the reader’s language what it is and what to do; nothing stored', async () => {
    const files = await fileCount();
    const english = await upload(editor, documentUrl('guatemala-vp-visit-2021'), {
      field: 'document',
      filename: 'statement.pdf',
      contentType: 'application/pdf',
      bytes: tinyPng(9),
    });
    expect(english.statusCode).toBe(415);
    const $ = cheerio.load(english.body);
    expect($('#f-document-error').text()).toContain('Document file:');
    expect($('#f-document-error').text()).toContain('This file is PNG, not a PDF or Word (DOCX) document');
    expect($('#f-document').attr('aria-invalid')).toBe('true');
    expect($('#f-document').attr('aria-describedby')).toContain('f-document-error');

    const spanish = await upload(editor, documentUrl('guatemala-vp-visit-2021', 'es'), {
      field: 'document',
      filename: 'declaracion.pdf',
      bytes: tinyPng(9),
    });
    expect(cheerio.load(spanish.body)('#f-document-error').text()).toContain(
      'Este archivo es PNG, no un documento PDF',
    );
    expect(await fileCount()).toBe(files);
  });

  it('accepts an Illustrator SVG logo with <style><![CDATA[…]]> (a 500 before), sanitized', async () => {
    const illustrator = `<?xml version="1.0" encoding="utf-8"?>
<svg version="1.1" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><style type="text/css"><![CDATA[
  .st0{fill:#1A4F8B;}
]]></style><circle class="st0" cx="5" cy="5" r="4"/></svg>`;
    const response = await upload(admin, logoUrl('presente-org'), {
      field: 'logo',
      filename: 'presente.svg',
      bytes: Buffer.from(illustrator),
    });
    expect(response.statusCode).toBe(303);
    const [link] = await ctx.db
      .select()
      .from(t.organizationLogos)
      .where(eq(t.organizationLogos.organizationId, await orgId('presente-org')));
    const served = await app.inject({ url: `/files/${link!.fileSha256}` });
    expect(served.body).toContain('.st0{fill:#1A4F8B;}');
  });

  it('refuses a PDF whose link launches a program, saying so in the reader’s language; nothing stored', async () => {
    const files = await fileCount();
    const launch = tinyPdf('x', '', {
      page: '/Annots [5 0 R] ',
      objects: ['<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /Launch /F (calc.exe) >> >>'],
    });
    const english = await upload(editor, documentUrl('guatemala-vp-visit-2021'), {
      field: 'document',
      filename: 'statement.pdf',
      bytes: launch,
    });
    expect(english.statusCode).toBe(400);
    expect(cheerio.load(english.body)('#f-document-error').text()).toContain('actions that start programs');
    const spanish = await upload(editor, documentUrl('guatemala-vp-visit-2021', 'es'), {
      field: 'document',
      filename: 'declaracion.pdf',
      bytes: launch,
    });
    expect(cheerio.load(spanish.body)('#f-document-error').text()).toContain('acciones que abren programas');
    expect(await fileCount()).toBe(files);
  });

  it('refuses a DOCX that is a ZIP of something else', async () => {
    const files = await fileCount();
    const response = await upload(editor, documentUrl('guatemala-vp-visit-2021'), {
      field: 'document',
      filename: 'statement.docx',
      bytes: await zipOf({ 'statement.txt': 'not Word' }),
    });
    expect(response.statusCode).toBe(400);
    expect(cheerio.load(response.body)('#f-document-error').text()).toContain('not a Word document');
    expect(await fileCount()).toBe(files);
  });

  it('refuses a file over the limit while it streams in, and stores nothing', async () => {
    const files = await fileCount();
    const big = Buffer.concat([tinyPng(4), Buffer.alloc(LOGO_LIMIT * 4)]);
    const response = await upload(member, logoUrl('cejil'), { field: 'logo', filename: 'huge.png', bytes: big });
    expect(response.statusCode).toBe(413);
    expect(cheerio.load(response.body)('#f-logo-error').text()).toContain('larger than 64 KB');
    expect(await fileCount()).toBe(files);
  });

  it('stores the same bytes once, however many organizations use them', async () => {
    const png = tinyPng(42);
    const files = await fileCount();
    for (const slug of ['flacso-guatemala', 'grupo-articulador']) {
      expect(
        (await upload(admin, logoUrl(slug), { field: 'logo', filename: `${slug}.png`, bytes: png })).statusCode,
      ).toBe(303);
    }
    expect(await fileCount()).toBe(files + 1);
    const links = await ctx.db
      .select()
      .from(t.organizationLogos)
      .where(eq(t.organizationLogos.fileSha256, sha256Hex(png)));
    expect(links).toHaveLength(2);
  });

  it('needs the CSRF field before the file; other routes refuse multipart bodies', async () => {
    const files = await fileCount();
    const missing = await upload(member, logoUrl('cejil'), {
      field: 'logo',
      filename: 'logo.png',
      bytes: tinyPng(5),
      fields: { version: '1' },
    });
    expect(missing.statusCode).toBe(403);
    const csrf = await member.csrfFrom(logoUrl('cejil'));
    const { payload, contentType } = multipartBody({ _csrf: csrf, version: '1' });
    const elsewhere = await app.inject({
      method: 'POST',
      url: '/en/organizations/cejil/boilerplate',
      payload,
      remoteAddress: member.remoteAddress,
      headers: { cookie: member.cookieHeader(), 'content-type': contentType },
    });
    // Refused by the route's body schema (400) or, without one, by the CSRF hook (403): never handled.
    expect([400, 403]).toContain(elsewhere.statusCode);
    expect(await fileCount()).toBe(files);
  });

  it('a cut-off body or a second file is an incomplete form: said on the form, nothing stored', async () => {
    const files = await fileCount();
    const csrf = await member.csrfFrom(logoUrl('cejil'));
    const file = { field: 'logo', filename: 'a.png', contentType: PNG, bytes: tinyPng(11) };
    const one = multipartBody({ _csrf: csrf, version: '99' }, file);
    const send = (payload: Buffer) =>
      app.inject({
        method: 'POST',
        url: logoUrl('cejil'),
        payload,
        remoteAddress: member.remoteAddress,
        headers: { cookie: member.cookieHeader(), 'content-type': one.contentType },
      });
    const cut = await send(one.payload.subarray(0, one.payload.length - 40));
    expect(cut.statusCode).toBe(400);
    expect(cheerio.load(cut.body)('#f-logo-error').text()).toContain('incomplete');
    const two = await send(multipartBody({ _csrf: csrf, version: '99' }, [file, file]).payload);
    expect(two.statusCode).toBe(400);
    expect(cheerio.load(two.body)('#f-logo-error').text()).toContain('incomplete');
    expect(await fileCount()).toBe(files);
  });

  it('a stale form gets the conflict page and stores nothing; removing a logo is audited', async () => {
    // Its own organization, with a logo set (version 2), so a form still at version 1 is stale.
    const { organization, member } = await memberOfNewOrganization('stale-form-org');
    const url = logoUrl(organization.slug);
    expect((await upload(member, url, { field: 'logo', filename: 'first.png', bytes: tinyPng(7) })).statusCode).toBe(
      303,
    );
    const files = await fileCount();
    const csrf = await member.csrfFrom(url);
    const stale = await upload(member, url, {
      field: 'logo',
      filename: 'old.png',
      bytes: tinyPng(6),
      fields: { _csrf: csrf, version: '1' },
    });
    expect(stale.statusCode).toBe(409);
    expect(await fileCount()).toBe(files);

    const page = cheerio.load((await member.get(url)).body);
    const version = page('form[action$="/remove"] input[name=version]').attr('value');
    const removed = await member.request('POST', `${url}/remove`, { _csrf: csrf, version: version! });
    expect(removed.statusCode).toBe(303);
    expect(
      await ctx.db.select().from(t.organizationLogos).where(eq(t.organizationLogos.organizationId, organization.id)),
    ).toHaveLength(0);
    const audits = await ctx.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.action, 'remove_logo'), eq(t.auditLog.entityId, String(organization.id))));
    expect(audits).toHaveLength(1);
    // A removed logo no one else uses is no longer served.
    expect((await app.inject({ url: `/files/${sha256Hex(tinyPng(7))}` })).statusCode).toBe(404);
  });

  it('answers 404 for a hash nobody uses, a replaced logo and a malformed hash', async () => {
    const { organization, member } = await memberOfNewOrganization('replaced-logo-org');
    const url = logoUrl(organization.slug);
    for (const [filename, seed] of [
      ['first.png', 12],
      ['second.png', 13],
    ] as const) {
      expect((await upload(member, url, { field: 'logo', filename, bytes: tinyPng(seed) })).statusCode).toBe(303);
    }
    expect((await app.inject({ url: `/files/${sha256Hex(tinyPng(13))}` })).statusCode).toBe(200);
    expect((await app.inject({ url: `/files/${'0'.repeat(64)}` })).statusCode).toBe(404);
    // The first logo was replaced, and no one else uses it.
    expect((await app.inject({ url: `/files/${sha256Hex(tinyPng(12))}` })).statusCode).toBe(404);
    expect((await app.inject({ url: '/files/not-a-hash' })).statusCode).toBe(404);
  });
});
