/**
 * A release whose registry rows and text were written by someone hostile (issue 13, finding 4): an
 * organization's website that closes the link and opens a script, `javascript:` links, raw HTML in the
 * lead, a body block, a quote, names and the headline. In no format may any of it become live markup
 * or a link other than http(s)/mailto: the Markdown file is rendered by a CommonMark renderer with raw
 * HTML on and no link filter (as a site that trusts its input would), the web page and the standalone
 * HTML are parsed as HTML, the PDF's link annotations are read with pdf.js, the DOCX's hyperlink
 * targets from its relationships, and the plain text's link list line by line.
 */
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import MarkdownIt from 'markdown-it';
import { beforeAll, expect, it } from 'vitest';
import { demoRelease } from '../../../demo/release-2021-06-03.js';
import { describeEachEngine } from '../../../test/support/db.js';
import { buildApp } from '../../app/app.js';
import * as t from '../../platform/db/schema/index.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { loadDemo } from '../demo/index.js';
import { renderRelease } from './render.js';
import { getRelease } from './service.js';

const NOW = new Date('2026-11-27T12:00:00Z');
const slug = demoRelease.slug;

const HOSTILE = {
  website: 'https://example.org/"><script>alert(20)</script>',
  scriptWebsite: 'javascript:alert(21)',
  organizationName: 'Center for Justice <script>alert(22)</script> (CEJIL)',
  personName: 'Fernanda <img src=x onerror=alert(28)> Durand',
  quote: '<iframe src="https://evil.example/"></iframe> said ](javascript:alert(23)) [x](javascript:alert(23))',
  headline: 'Headline <script>alert(35)</script> & <b>bold</b>',
  lead: [
    'Lead <iframe src="https://evil.example/"></iframe> [click](javascript:alert(25)) <script>alert(26)</script>',
    '[ok](https://example.org/a"b) <a href="javascript:alert(29)">x</a> [vb](vbscript:alert(33))',
    '',
    '<img src=x onerror=alert(30)> [JS](JAVASCRIPT:alert(36)) <javascript:alert(37)>',
  ].join('\n'),
  text: [
    '# Heading <script>alert(31)</script>',
    '',
    '- item [bad](javascript:alert(32))',
    '- <iframe></iframe> and **[good](https://example.org/ok)**',
    '',
    '[data](data:text/html,alert(34)) ![img](javascript:alert(38)) [mail](mailto:press@example.org)',
  ].join('\n'),
  fullDocumentUrl: 'javascript:alert(27)',
};

const both = (text: string): LocalizedText => ({
  en: { text, origin: 'original' },
  es: { text, origin: 'original' },
});

/** What a link may point at in an exported release: the web, mail, a phone, or this site. */
const ALLOWED_LINK = /^(https?:\/\/|mailto:|tel:|\/(?!\/)|#)/i;
const ALLOWED_ABSOLUTE = /^(https?:\/\/|mailto:)/i;

/** A CommonMark renderer as trusting as they come: raw HTML on, every link target accepted. */
const trusting = new MarkdownIt({ html: true, linkify: true });
trusting.validateLink = () => true;

/** Every way HTML can run something: elements that load or run, `on…` handlers, non-web link targets. */
function liveMarkup(html: string): string[] {
  const $ = cheerio.load(html);
  const found: string[] = [];
  $('script, iframe, object, embed, frame, frameset, base, form, meta[http-equiv]').each((_, el) => {
    found.push(`<${$(el).prop('tagName')?.toLowerCase()}>`);
  });
  $('*').each((_, node) => {
    const el = { tagName: $(node).prop('tagName')?.toLowerCase() };
    for (const [name, value] of Object.entries($(node).attr() ?? {})) {
      if (/^on/i.test(name)) found.push(`${el.tagName} ${name}`);
      // Browsers drop whitespace and control characters inside a scheme: "java\tscript:" runs too.
      const target = value.replace(/[\s\p{Cc}]/gu, '');
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset'].includes(name) && !ALLOWED_LINK.test(target))
        found.push(`${el.tagName} ${name}="${value}"`);
    }
  });
  return found;
}

describeEachEngine('release exports: hostile registry data and text stay text', (ctx) => {
  let app: FastifyTypeBox;

  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db, now: () => NOW });
    // Written straight to the database: imports, the CLI and older rows do not pass through the forms.
    const org = (orgSlug: string, values: Partial<typeof t.organizations.$inferInsert>) =>
      ctx.db.update(t.organizations).set(values).where(eq(t.organizations.slug, orgSlug));
    await org('alianza-americas', { website: HOSTILE.website });
    await org('afsc', { website: HOSTILE.scriptWebsite });
    await org('cejil', {
      name: HOSTILE.organizationName,
      localizedName: both(HOSTILE.organizationName),
      website: 'https://www.cejil.org/(x)<y> z',
    });
    await ctx.db.update(t.people).set({ name: HOSTILE.personName }).where(eq(t.people.slug, 'fernanda-durand'));
    const [release] = await ctx.db
      .update(t.releases)
      .set({ headline: both(HOSTILE.headline), lead: both(HOSTILE.lead), fullDocumentUrl: HOSTILE.fullDocumentUrl })
      .where(eq(t.releases.slug, slug))
      .returning();
    const blocks = await ctx.db.select().from(t.releaseBlocks).where(eq(t.releaseBlocks.releaseId, release!.id));
    for (const block of blocks) {
      const text = block.kind === 'quote' ? HOSTILE.quote : block.kind === 'text' ? HOSTILE.text : null;
      if (text)
        await ctx.db
          .update(t.releaseBlocks)
          .set({ text: both(text) })
          .where(eq(t.releaseBlocks.id, block.id));
    }
  });

  const download = async (locale: string, format: string) => {
    const response = await app.inject({ url: `/${locale}/releases/${slug}/release.${format}` });
    expect(response.statusCode).toBe(200);
    return response.rawPayload;
  };

  for (const locale of LOCALES) {
    it(`[${locale}] Markdown: a renderer with raw HTML on finds no script, frame, handler or javascript: link`, async () => {
      const md = (await download(locale, 'md')).toString('utf8');
      const html = trusting.render(md);
      expect(liveMarkup(html)).toEqual([]);
      const $ = cheerio.load(html);
      // Escaped, not dropped: the reader sees what was written.
      expect($.text()).toContain(HOSTILE.organizationName);
      expect($.text()).toContain('<iframe src="https://evil.example/"></iframe> said');
      expect($.text()).toContain(HOSTILE.headline);
      expect($.text()).toContain('<script>alert(26)</script>');
      // The hostile website is still its own link, with what cannot stand in a URL percent-encoded.
      expect($('a[href="https://example.org/%22%3E%3Cscript%3Ealert%2820%29%3C/script%3E"]').text()).toBe(
        'example.org/"><script>alert(20)</script>',
      );
      expect($('a[href="https://www.cejil.org/%28x%29%3Cy%3E%20z"]').text()).toBe('www.cejil.org/(x)<y> z');
      expect($('a[href="https://example.org/ok"] strong, strong a[href="https://example.org/ok"]').length).toBe(1);
      expect($('a[href="mailto:press@example.org"]').text()).toBe('mail');
      for (const href of $('a')
        .map((_, a) => $(a).attr('href'))
        .get())
        expect(href).toMatch(ALLOWED_ABSOLUTE);
    });

    it(`[${locale}] the web page and the standalone HTML: no live markup, links only to the web and mail`, async () => {
      const page = await app.inject({ url: `/${locale}/releases/${slug}` });
      expect(page.statusCode).toBe(200);
      const article = cheerio.load(page.body)('article.release');
      expect(article.length).toBe(1);
      expect(liveMarkup(article.html() ?? '')).toEqual([]);
      expect(article.text()).toContain(HOSTILE.organizationName);

      const { body } = await renderRelease(await getRelease(ctx.db, slug, NOW), 'html', locale);
      expect(liveMarkup(body as string)).toEqual([]);
      expect(
        cheerio
          .load(body as string)('title')
          .text(),
      ).toBe(HOSTILE.headline);
    });

    it(`[${locale}] plain text: every listed link is a web or mail address`, async () => {
      const txt = (await download(locale, 'txt')).toString('utf8');
      const references = txt.split('\n').filter((line) => /^\[\d+\] /.test(line));
      expect(references.length).toBeGreaterThan(0);
      for (const line of references) expect(line.replace(/^\[\d+\] /, '')).toMatch(ALLOWED_ABSOLUTE);
      expect(txt).toContain('Center for Justice <script>alert(22)</script>');
    });

    it(`[${locale}] PDF: every link annotation is a web or mail address, and no JavaScript`, async () => {
      const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const task = getDocument({ data: new Uint8Array(await download(locale, 'pdf')), isEvalSupported: false });
      const pdf = await task.promise;
      try {
        expect(await pdf.getJSActions()).toBeNull();
        const targets: string[] = [];
        for (let n = 1; n <= pdf.numPages; n++) {
          for (const annotation of await (await pdf.getPage(n)).getAnnotations()) {
            expect(annotation.action ?? null).toBeNull();
            if (annotation.unsafeUrl !== undefined) targets.push(String(annotation.unsafeUrl));
          }
        }
        expect(targets.length).toBeGreaterThan(0);
        for (const target of targets) expect(target).toMatch(ALLOWED_ABSOLUTE);
      } finally {
        await task.destroy();
      }
    });

    it(`[${locale}] DOCX: every hyperlink target is a web or mail address, and text stays text`, async () => {
      const zip = await JSZip.loadAsync(await download(locale, 'docx'));
      const rels = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
      const targets = [...rels.matchAll(/<Relationship [^>]*Target="([^"]*)"[^>]*TargetMode="External"/g)].map(
        (m) => m[1]!,
      );
      expect(targets.length).toBeGreaterThan(0);
      for (const target of targets)
        expect(cheerio.load(`<a href="${target}">`)('a').attr('href')).toMatch(ALLOWED_ABSOLUTE);
      const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
      expect(document).not.toMatch(/<(script|iframe|img)\b/i);
      expect(document).toContain('&lt;script&gt;alert(22)&lt;/script&gt;');
    });
  }
});
