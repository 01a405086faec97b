import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoRelease } from '../../../demo/release-2021-06-03.js';
import { createTestApp, getPage } from '../../../test/support/app.js';
import { describeEachEngine } from '../../../test/support/db.js';
import { demoFacts, factsOutOfOrder, leadOrganizationCount, normalize } from '../../../test/support/demo-facts.js';
import * as t from '../../platform/db/schema/index.js';
import { LOCALES, type Locale } from '../../platform/i18n/locales.js';
import { loadDemo } from '../demo/index.js';
import { renderRelease } from './render.js';
import { getRelease } from './service.js';

const run = promisify(execFile);
const slug = demoRelease.slug;
const golden = (locale: Locale) => new URL(`./__golden__/${slug}.${locale}.md`, import.meta.url);

async function pdfText(pdf: Buffer): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'puente-pdf-')), 'release.pdf');
  writeFileSync(path, pdf);
  return (await run('pdftotext', ['-enc', 'UTF-8', path, '-'])).stdout;
}

/** The text of a PDF's last page (pdfinfo for the count, pdftotext for that page). */
async function lastPageText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const path = join(mkdtempSync(join(tmpdir(), 'puente-pdf-')), 'release.pdf');
  writeFileSync(path, pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [path])).stdout)?.[1]);
  const page = String(pages);
  return { pages, text: (await run('pdftotext', ['-enc', 'UTF-8', '-f', page, '-l', page, path, '-'])).stdout };
}

async function docxText(docx: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: docx })).value;
}

describeEachEngine('press releases', (ctx) => {
  beforeAll(async () => {
    await loadDemo(ctx.db);
  });
  const render = async (format: 'md' | 'txt' | 'pdf' | 'docx' | 'html', locale: Locale) =>
    (await renderRelease(await getRelease(ctx.db, slug, new Date()), format, locale)).body;

  for (const locale of LOCALES) {
    it(`[${locale}] Markdown matches the reviewed golden file`, async () => {
      const md = (await render('md', locale)) as string;
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden(locale), md);
      expect(md).toBe(readFileSync(golden(locale), 'utf8'));
      // Bold markers are layout, not words.
      expect(factsOutOfOrder(md.replace(/\*\*/g, '').replace(/\\###/, '###'), demoFacts(locale))).toEqual([]);
    });

    it(`[${locale}] text, HTML, DOCX and PDF say the same things in the same order`, async () => {
      const facts = demoFacts(locale);
      const txt = (await render('txt', locale)) as string;
      expect(factsOutOfOrder(txt, facts)).toEqual([]);
      expect(Math.max(...txt.split('\n').map((l) => l.length))).toBeLessThanOrEqual(72);

      const app = await createTestApp(ctx.db);
      const { status, $ } = await getPage(app, `/${locale}/releases/${slug}`);
      expect(status).toBe(200);
      expect(factsOutOfOrder($('article.release').text(), facts)).toEqual([]);

      const docx = (await render('docx', locale)) as Buffer;
      expect(factsOutOfOrder(await docxText(docx), facts)).toEqual([]);

      const pdf = (await render('pdf', locale)) as Buffer;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(factsOutOfOrder(await pdfText(pdf), facts)).toEqual([]);
    });

    it(`[${locale}] the PDF's last page holds more than a web address`, async () => {
      const { pages, text } = await lastPageText((await render('pdf', locale)) as Buffer);
      expect(pages).toBeGreaterThan(1);
      // What is left once web addresses are taken out: a whole "About" paragraph at least, never nothing.
      const words = text.split(/\s+/).filter((w) => w !== '' && !/^(https?:\/\/|www\.)/.test(w));
      expect(words.length, text).toBeGreaterThan(10);
    });
  }

  it('names all ten organizations in the lead and leaves out the one boilerplate the registry lacks, as a gap', async () => {
    const source = await getRelease(ctx.db, slug, new Date());
    const { model } = await renderRelease(source, 'md', 'en');
    expect(model.organizations).toHaveLength(leadOrganizationCount);
    expect(model.boilerplates).toHaveLength(9);
    expect(model.gaps).toEqual([{ kind: 'boilerplate', organization: 'Migration and Development Platform' }]);
  });

  it('uses Word styles a journalist can keep editing with', async () => {
    const zip = await JSZip.loadAsync((await render('docx', 'es')) as Buffer);
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const style of ['Title', 'ListBullet', 'Quote']) expect(xml).toContain(`<w:pStyle w:val="${style}"/>`);
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:val="List Bullet"');
  });

  it('prints Letter and A4 pages', async () => {
    const source = await getRelease(ctx.db, slug, new Date());
    const size = async (pageSize: 'LETTER' | 'A4') => {
      const { body } = await renderRelease(source, 'pdf', 'en', { pageSize });
      const path = join(mkdtempSync(join(tmpdir(), 'puente-pdf-')), 'r.pdf');
      writeFileSync(path, body);
      return (await run('pdfinfo', [path])).stdout.match(/Page size:\s+([\d.]+) x ([\d.]+)/)?.slice(1, 3);
    };
    expect(await size('LETTER')).toEqual(['612', '792']);
    expect(await size('A4')).toEqual(['595.28', '841.89']);
  });

  it('takes boilerplates and contacts from the registry at every render: one edit reaches every format', async () => {
    const [before] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil'));
    const [fernanda] = await ctx.db.select().from(t.people).where(eq(t.people.slug, 'fernanda-durand'));
    const edited = 'CEJIL defends human rights before the Inter-American system: edited once, in the registry.';
    try {
      await ctx.db
        .update(t.organizations)
        .set({ boilerplate: { ...before!.boilerplate, en: { text: edited, origin: 'original' } } })
        .where(eq(t.organizations.slug, 'cejil'));
      await ctx.db.update(t.people).set({ phone: null }).where(eq(t.people.slug, 'fernanda-durand'));
      expect(await render('md', 'en')).toContain(edited);
      expect(normalize((await render('txt', 'en')) as string)).toContain(edited);
      expect(await render('html', 'en')).toContain(edited);
      expect(await docxText((await render('docx', 'en')) as Buffer)).toContain(edited);
      expect((await pdfText((await render('pdf', 'en')) as Buffer)).replace(/\s+/g, ' ')).toContain(edited);
      const { model } = await renderRelease(await getRelease(ctx.db, slug, new Date()), 'md', 'en');
      expect(model.gaps).toContainEqual({ kind: 'phone', person: 'Fernanda Durand' });
    } finally {
      await ctx.db
        .update(t.organizations)
        .set({ boilerplate: before!.boilerplate })
        .where(eq(t.organizations.slug, 'cejil'));
      await ctx.db.update(t.people).set({ phone: fernanda!.phone }).where(eq(t.people.slug, 'fernanda-durand'));
    }
  });

  describe('on the web', () => {
    const embargo = new Date('2026-12-01T15:00:00Z');
    const pages = (locale: Locale) => [
      `/${locale}/releases/${slug}`,
      ...['pdf', 'docx', 'md', 'txt'].map((f) => `/${locale}/releases/${slug}/release.${f}`),
    ];

    it('keeps an embargoed release off the page, the downloads and the newsroom until its instant', async () => {
      await ctx.db.update(t.releases).set({ embargoedUntil: embargo }).where(eq(t.releases.slug, slug));
      try {
        const before = await createTestApp(ctx.db, () => new Date(embargo.getTime() - 1000));
        for (const locale of LOCALES) {
          for (const url of pages(locale)) expect((await getPage(before, url)).status, url).toBe(404);
          const { $ } = await getPage(before, `/${locale}/releases`);
          expect($(`a[href="/${locale}/releases/${slug}"]`).length).toBe(0);
          const statement = await getPage(before, `/${locale}/statements/${demoRelease.statement}`);
          expect(statement.$(`a[href="/${locale}/releases/${slug}"]`).length).toBe(0);
        }
        const after = await createTestApp(ctx.db, () => embargo);
        for (const locale of LOCALES) {
          for (const url of pages(locale)) expect((await getPage(after, url)).status, url).toBe(200);
        }
        const { $ } = await getPage(after, `/en/releases/${slug}`);
        expect($('.release-line').text()).toBe('EMBARGOED UNTIL December 1, 2026 at 9:00 AM CST (America/Guatemala)');
        const pdf = await after.inject({ url: `/es/releases/${slug}/release.pdf` });
        // First thing on page 1 (the line is long enough to wrap).
        expect(normalize(await pdfText(pdf.rawPayload))).toMatch(
          /^BAJO EMBARGO HASTA EL 1 de diciembre de 2026 a las 9:00 GMT-6 \(America\/ ?Guatemala\) /,
        );
        const docx = await after.inject({ url: `/en/releases/${slug}/release.docx` });
        expect((await docxText(docx.rawPayload)).trim().split('\n')[0]).toMatch(/^EMBARGOED UNTIL December 1, 2026/);
      } finally {
        await ctx.db.update(t.releases).set({ embargoedUntil: null }).where(eq(t.releases.slug, slug));
      }
    });

    for (const locale of LOCALES) {
      it(`[${locale}] the newsroom lists the release, linked from the navigation and the statement, and back`, async () => {
        const app = await createTestApp(ctx.db);
        const home = await getPage(app, `/${locale}/`);
        expect(home.$(`nav a[href="/${locale}/releases"]`).length).toBe(1);
        const newsroom = await getPage(app, `/${locale}/releases`);
        expect(newsroom.$(`.newsroom a[href="/${locale}/releases/${slug}"]`).text()).toBe(demoRelease.headline[locale]);
        const statement = await getPage(app, `/${locale}/statements/${demoRelease.statement}`);
        expect(statement.$(`.statement-releases a[href="/${locale}/releases/${slug}"]`).length).toBe(1);
        const { $ } = await getPage(app, `/${locale}/releases/${slug}`);
        expect($(`.statement-link a[href="/${locale}/statements/${demoRelease.statement}"]`).length).toBe(1);
      });

      it(`[${locale}] the page carries NewsArticle data and OpenGraph tags`, async () => {
        const app = await createTestApp(ctx.db);
        const { $, response } = await getPage(app, `/${locale}/releases/${slug}`);
        const data = JSON.parse($('script[type="application/ld+json"]').text());
        expect(data).toMatchObject({
          '@type': 'NewsArticle',
          headline: demoRelease.headline[locale],
          inLanguage: locale,
        });
        expect(data.author).toHaveLength(10);
        expect($('meta[property="og:title"]').attr('content')).toBe(demoRelease.headline[locale]);
        expect($('meta[property="og:type"]').attr('content')).toBe('article');
        // Structured data is not script: the CSP keeps forbidding every script.
        expect(response.headers['content-security-policy']).toContain("script-src 'self'");
        const download = await app.inject({ url: `/${locale}/releases/${slug}/release.txt` });
        expect(download.headers['content-type']).toBe('text/plain; charset=utf-8');
        expect(download.headers['content-disposition']).toBe(`attachment; filename="${slug}-${locale}.txt"`);
      });

      it(`[${locale}] unknown releases, formats and page sizes get the 404 page`, async () => {
        const app = await createTestApp(ctx.db);
        for (const url of [
          `/${locale}/releases/no-such-release`,
          `/${locale}/releases/no-such-release/release.pdf`,
          `/${locale}/releases/${slug}/release.xls`,
          `/${locale}/releases/${slug}/release.pdf?size=tabloid`,
        ]) {
          const { status, $ } = await getPage(app, url);
          expect(status, url).toBe(404);
          expect($('html').attr('lang')).toBe(locale);
        }
      });
    }

    it('keeps a draft release off every public channel', async () => {
      await ctx.db.update(t.releases).set({ status: 'draft' }).where(eq(t.releases.slug, slug));
      try {
        const app = await createTestApp(ctx.db);
        for (const url of pages('en')) expect((await getPage(app, url)).status, url).toBe(404);
        expect((await getPage(app, '/en/releases')).$(`a[href="/en/releases/${slug}"]`).length).toBe(0);
      } finally {
        await ctx.db.update(t.releases).set({ status: 'published' }).where(eq(t.releases.slug, slug));
      }
    });
  });
});
