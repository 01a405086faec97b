/**
 * `/sitemap.xml` (a sitemap index), its files `/sitemaps/{kind}-{n}.xml` (each page in every language,
 * with `xhtml:link` alternates to the others and x-default), and `/robots.txt`. Absolute URLs from the
 * configured public address (PUENTE_BASE_URL). XML is written by xmlbuilder2, a maintained builder that
 * escapes text and attributes and declares the namespaces.
 */
import { Type } from '@fastify/type-provider-typebox';
import { create } from 'xmlbuilder2';
import { NotFound } from '../../platform/errors.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { absoluteUrl, languageAlternates, publicUrl } from '../../platform/web/public-urls.js';
import type { SiteDeps } from '../../platform/web/site-deps.js';
import { fileCounts, pagesOf, SITEMAP_KINDS, type SitemapKind } from './service.js';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const XML_TYPE = 'application/xml; charset=utf-8';

export const sitemapFilePath = (kind: SitemapKind, file: number) => `/sitemaps/${kind}-${file}.xml`;

/** `pages-1.xml` → its kind and number; anything else does not exist. */
const FILE_NAME = new RegExp(`^(${SITEMAP_KINDS.join('|')})-([1-9][0-9]{0,6})\\.xml$`);

/** Who may crawl what: the public pages, not the signed-in ones. */
const SIGNED_IN_PREFIXES = ['/workspace', '/admin', '/account', '/sign-on', '/set-password'];

export function registerSitemapRoutes(app: FastifyTypeBox, deps: SiteDeps): void {
  app.get('/sitemap.xml', async (_request, reply) => {
    const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele(SITEMAP_NS, 'sitemapindex');
    for (const { kind, files } of await fileCounts(deps.db, deps.now())) {
      for (let file = 1; file <= files; file++) {
        doc
          .ele('sitemap')
          .ele('loc')
          .txt(absoluteUrl(deps.baseUrl, sitemapFilePath(kind, file)));
      }
    }
    return reply.type(XML_TYPE).send(doc.end({ prettyPrint: true }));
  });

  app.get(
    '/sitemaps/:name',
    { schema: { params: Type.Object({ name: Type.String({ maxLength: 40 }) }) } },
    async (request, reply) => {
      const match = FILE_NAME.exec(request.params.name);
      const files = match ? (await fileCounts(deps.db, deps.now())).find((f) => f.kind === match[1])?.files : 0;
      const file = match ? Number(match[2]) : 0;
      if (!match || !files || file > files) throw new NotFound(`No sitemap file ${request.params.name}`);
      const pages = await pagesOf(deps.db, deps.now(), match[1] as SitemapKind, file);
      const doc = create({ version: '1.0', encoding: 'UTF-8' })
        .ele(SITEMAP_NS, 'urlset')
        .att('http://www.w3.org/2000/xmlns/', 'xmlns:xhtml', XHTML_NS);
      for (const page of pages) {
        const alternates = languageAlternates(deps.baseUrl, page.path);
        // Each language's address is its own entry, naming every version (itself included), as the protocol asks.
        for (const locale of LOCALES) {
          const url = doc.ele('url');
          url.ele('loc').txt(publicUrl(deps.baseUrl, locale, page.path));
          if (page.lastmod && page.lastmod.getTime() > 0) url.ele('lastmod').txt(page.lastmod.toISOString());
          for (const alternate of alternates) {
            url
              .ele(XHTML_NS, 'xhtml:link')
              .att('rel', 'alternate')
              .att('hreflang', alternate.hreflang)
              .att('href', alternate.href);
          }
        }
      }
      return reply.type(XML_TYPE).send(doc.end({ prettyPrint: true }));
    },
  );

  app.get('/robots.txt', async (_request, reply) => {
    const lines = [
      'User-agent: *',
      'Allow: /',
      ...LOCALES.flatMap((l) => SIGNED_IN_PREFIXES.map((p) => `Disallow: /${l}${p}`)),
      '',
      `Sitemap: ${absoluteUrl(deps.baseUrl, '/sitemap.xml')}`,
      '',
    ];
    return reply.type('text/plain; charset=utf-8').send(lines.join('\n'));
  });
}
