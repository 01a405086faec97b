/**
 * `/sitemap.xml` (a sitemap index), its files `/sitemaps/{kind}-{n}.xml` (each page in every language,
 * with `xhtml:link` alternates to the others and x-default), and `/robots.txt`. Absolute URLs from the
 * configured public address (PUENTE_BASE_URL).
 *
 * The XML is a fixed template with every value escaped (`escapeHtml`: & < > " ', which is XML's escaping
 * too), not an XML builder: xmlbuilder2 took 1-1.7 s for one file of 4,000 addresses where the template
 * takes 30 ms (measured on the large coalition), and the format has no other structure. The tests read
 * the files back with an XML parser.
 */
import { Type } from '@fastify/type-provider-typebox';
import { escapeHtml } from '@kitajs/html';
import { NotFound } from '../../platform/errors.js';
import { LOCALES } from '../../platform/i18n/locales.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { absoluteUrl, languageAlternates, publicUrl } from '../../platform/web/public-urls.js';
import type { SiteDeps } from '../../platform/web/site-deps.js';
import {
  countRows,
  fileCounts,
  pagesOf,
  ROWS_PER_FILE,
  SITEMAP_KINDS,
  type SitemapKind,
  type SitePage,
} from './service.js';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const XML_TYPE = 'application/xml; charset=utf-8';

export const sitemapFilePath = (kind: SitemapKind, file: number) => `/sitemaps/${kind}-${file}.xml`;

/** `pages-1.xml` → its kind and number; anything else does not exist. */
const FILE_NAME = new RegExp(`^(${SITEMAP_KINDS.join('|')})-([1-9][0-9]{0,6})\\.xml$`);

/** Who may crawl what: the public pages, not the signed-in ones. */
const SIGNED_IN_PREFIXES = ['/workspace', '/admin', '/account', '/sign-on', '/set-password'];

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** One page's entries: its address in each language, each naming every version (itself included) and x-default, as the protocol asks. */
function urlEntries(baseUrl: string, page: SitePage): string {
  const alternates = languageAlternates(baseUrl, page.path)
    .map((a) => `    <xhtml:link rel="alternate" hreflang="${a.hreflang}" href="${escapeHtml(a.href)}"/>\n`)
    .join('');
  const lastmod =
    page.lastmod && page.lastmod.getTime() > 0 ? `    <lastmod>${page.lastmod.toISOString()}</lastmod>\n` : '';
  return LOCALES.map(
    (locale) =>
      `  <url>\n    <loc>${escapeHtml(publicUrl(baseUrl, locale, page.path))}</loc>\n${lastmod}${alternates}  </url>\n`,
  ).join('');
}

export function registerSitemapRoutes(app: FastifyTypeBox, deps: SiteDeps): void {
  app.get('/sitemap.xml', async (_request, reply) => {
    const entries: string[] = [];
    for (const { kind, files } of await fileCounts(deps.db, deps.now())) {
      for (let file = 1; file <= files; file++) {
        entries.push(
          `  <sitemap>\n    <loc>${escapeHtml(absoluteUrl(deps.baseUrl, sitemapFilePath(kind, file)))}</loc>\n  </sitemap>\n`,
        );
      }
    }
    return reply
      .type(XML_TYPE)
      .send(`${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NS}">\n${entries.join('')}</sitemapindex>\n`);
  });

  app.get(
    '/sitemaps/:name',
    { schema: { params: Type.Object({ name: Type.String({ maxLength: 40 }) }) } },
    async (request, reply) => {
      const match = FILE_NAME.exec(request.params.name);
      if (!match) throw new NotFound(`No sitemap file ${request.params.name}`);
      const [kind, file] = [match[1] as SitemapKind, Number(match[2])];
      const now = deps.now();
      // File 1 always exists (empty when nothing is public), as the index names it.
      if (file > 1 && (file - 1) * ROWS_PER_FILE >= (await countRows(deps.db, now, kind))) {
        throw new NotFound(`No sitemap file ${request.params.name}`);
      }
      const pages = await pagesOf(deps.db, now, kind, file);
      const body = pages.map((page) => urlEntries(deps.baseUrl, page)).join('');
      return reply
        .type(XML_TYPE)
        .send(`${XML_DECLARATION}<urlset xmlns="${SITEMAP_NS}" xmlns:xhtml="${XHTML_NS}">\n${body}</urlset>\n`);
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
