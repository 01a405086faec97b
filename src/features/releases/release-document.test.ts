/**
 * A release links its statement's uploaded full document in every format, by absolute URL under the
 * site's base address, with type and size in the release's language; and never a file that the public
 * would get a 404 for (the statement not public yet, or no longer).
 */
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { beforeAll, expect, it } from 'vitest';
import { demoRelease } from '../../../demo/release-2021-06-03.js';
import { describeEachEngine } from '../../../test/support/db.js';
import { tinyPdf } from '../../../test/support/files.js';
import { buildApp } from '../../app/app.js';
import * as t from '../../platform/db/schema/index.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';
import { storeFile } from '../files/index.js';
import { renderRelease } from './render.js';
import { getRelease } from './service.js';

const BASE = 'https://coalition.test';
const NOW = new Date('2026-11-27T12:00:00Z');
const HOUR = 60 * 60_000;
const slug = demoRelease.slug;
const FILE_LINK = /https:\/\/coalition\.test(\/files\/[0-9a-f]{64})/g;

/** Every uploaded-file link in a body, as the path the public would fetch. */
const fileLinks = (body: string) => [...new Set([...body.matchAll(FILE_LINK)].map((m) => m[1] as string))];

async function docxLinks(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  return (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
}

describeEachEngine('release: the uploaded full document', (ctx) => {
  let app: FastifyTypeBox;
  let sha = '';
  let statementId = 0;
  const size = tinyPdf('Declaración completa').length;

  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db, now: () => NOW, baseUrl: `${BASE}/` });
    const [statement] = await ctx.db.select().from(t.statements).where(eq(t.statements.slug, demoRelease.statement));
    statementId = statement!.id;
    const pdf = {
      mediaType: 'application/pdf' as const,
      bytes: tinyPdf('Declaración completa'),
      originalName: 'd.pdf',
    };
    sha = await storeFile(ctx.db, pdf, null, NOW);
  });

  const attach = () =>
    ctx.db.insert(t.statementDocuments).values({ statementId, fileSha256: sha, setAt: NOW }).onConflictDoNothing();
  const detach = () => ctx.db.delete(t.statementDocuments).where(eq(t.statementDocuments.statementId, statementId));
  const setStatement = (values: Partial<typeof t.statements.$inferInsert>) =>
    ctx.db.update(t.statements).set(values).where(eq(t.statements.id, statementId));

  /** The release as the public gets it: the page and the four downloads, as text. */
  async function publicFormats(locale: 'en' | 'es') {
    const get = (url: string) => app.inject({ method: 'GET', url });
    const page = await get(`/${locale}/releases/${slug}`);
    expect(page.statusCode).toBe(200);
    const out: Record<string, string> = { page: page.body };
    for (const format of ['md', 'txt', 'pdf'] as const) {
      out[format] = (await get(`/${locale}/releases/${slug}/release.${format}`)).rawPayload.toString('latin1');
    }
    out.docx = await docxLinks((await get(`/${locale}/releases/${slug}/release.docx`)).rawPayload);
    return out;
  }

  it('without an upload, the release links the full_document_url as before (no type or size)', async () => {
    await detach();
    await setStatement({ fullDocumentUrl: 'https://cejil.org/declaration.pdf' });
    const { model } = await renderRelease(await getRelease(ctx.db, slug, NOW), 'md', 'en', { baseUrl: BASE });
    expect(model.fullDocumentMeta).toBeNull();
    expect(model.fullDocumentUrl).toBe('https://cejil.org/declaration.pdf');
  });

  it('service: prefers the upload over the URLs, absolute under the base URL, with type and size in each language', async () => {
    await attach();
    const source = await getRelease(ctx.db, slug, NOW);
    expect(source.document?.sha256).toBe(sha);
    const en = await renderRelease(source, 'md', 'en', { baseUrl: `${BASE}/` });
    expect(en.model.fullDocumentUrl).toBe(`${BASE}/files/${sha}`);
    expect(en.model.fullDocumentMeta).toBe(`PDF, ${size} B`);
    expect(en.body).toContain(`[Read the full document](<${BASE}/files/${sha}>) (PDF, ${size} B)`);
    const es = await renderRelease(source, 'txt', 'es', { baseUrl: BASE });
    expect(es.model.fullDocumentMeta).toMatch(/^PDF, \d+ B$/);
    expect(String(es.body)).toContain(`Leer el documento completo [`);
    expect(String(es.body)).toContain(`${BASE}/files/${sha}`);
    // Without a base URL (workspace previews, the linter) the link stays on the site.
    expect((await renderRelease(source, 'md', 'en')).model.fullDocumentUrl).toBe(`/files/${sha}`);
  });

  it('HTTP: the page, Markdown, text, PDF and DOCX link the file, and the public can fetch it', async () => {
    await attach();
    for (const locale of LOCALES) {
      const formats = await publicFormats(locale);
      for (const [format, body] of Object.entries(formats)) {
        expect(fileLinks(body), `${locale} ${format}`).toEqual([`/files/${sha}`]);
      }
      expect(formats.page).toMatch(/documento completo|full document/);
      expect(formats.page).toContain(`(PDF, ${size} B)`);
    }
    const file = await app.inject({ method: 'GET', url: `/files/${sha}` });
    expect(file.statusCode).toBe(200);
  });

  for (const [state, values] of [
    ['draft', { status: 'draft' as const }],
    ['embargoed', { embargoUntil: new Date(NOW.getTime() + HOUR) }],
    ['withdrawn', { withdrawnAt: new Date(NOW.getTime() - HOUR) }],
  ] as const) {
    // A release is never more public than its statement (platform/visibility.ts): neither it, in any
    // format, nor the statement's file reaches the public.
    it(`HTTP: the release of a ${state} statement is not public in any format, nor is the statement's file`, async () => {
      await attach();
      await setStatement(values);
      try {
        expect((await app.inject({ method: 'GET', url: `/files/${sha}` })).statusCode).toBe(404);
        for (const locale of LOCALES) {
          for (const url of [
            `/${locale}/releases/${slug}`,
            ...['md', 'txt', 'pdf', 'docx'].map((f) => `/${locale}/releases/${slug}/release.${f}`),
          ]) {
            expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
          }
        }
      } finally {
        await setStatement({ status: 'published', embargoUntil: null, withdrawnAt: null });
      }
    });
  }
});
