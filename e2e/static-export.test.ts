/**
 * Issue 16's static copy: the demo exported once per engine, served by a plain static server (sirv),
 * walked from both language homes with no broken link, searched through pagefind's UI in Chromium, and
 * grepped for a draft statement and an embargoed release; a second export is the same, byte for byte.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import sirv from 'sirv';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/app/app.js';
import { loadDemo } from '../src/features/demo/index.js';
import { createStatement } from '../src/features/statements/index.js';
import { exportStaticSite, type StaticExportReport } from '../src/features/static-export/index.js';
import * as schema from '../src/platform/db/schema/index.js';
import { localized } from '../src/platform/text/localized-text.js';
import type { FastifyTypeBox } from '../src/platform/web/fastify-typebox.js';
import { describeEachEngine } from '../test/support/db.js';
import { editorUser, statementInput } from '../test/support/statements.js';
import { launchChromium } from './browser.js';
import { expectDesignedAtEachWidth } from './page-checks.js';

const DRAFT_TITLE = 'Quetzal draft never public';
const EMBARGOED_HEADLINE = 'Jaguar embargoed headline';
const DEMO_STATEMENT = 'guatemala-vp-visit-2021';

/** Every file of the copy, by path, as a hash of its bytes. */
async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  }
  return out;
}

describeEachEngine('static export of the public site', (t) => {
  let app: FastifyTypeBox;
  let root: string;
  let dir: string;
  let report: StaticExportReport;
  let server: Server;
  let site: string;

  beforeAll(async () => {
    await loadDemo(t.db);
    const editor = await editorUser(t.db);
    await createStatement(
      t.db,
      statementInput({ slug: 'quetzal-draft', title: { en: DRAFT_TITLE, es: DRAFT_TITLE } }),
      editor,
      new Date(),
    );
    const [demo] = await t.db.select().from(schema.statements).where(eq(schema.statements.slug, DEMO_STATEMENT));
    // Presents the public demo statement, so only its own embargo keeps it out.
    await t.db.insert(schema.releases).values({
      slug: 'jaguar-embargoed',
      statementId: demo!.id,
      status: 'published',
      embargoedUntil: new Date(Date.now() + 7 * 24 * 3600_000),
      releaseDate: '2026-12-01',
      headline: localized('en', EMBARGOED_HEADLINE, { es: EMBARGOED_HEADLINE }),
    });
    app = await buildApp({ db: t.db });
    root = await mkdtemp(join(tmpdir(), 'puente-static-'));
    dir = join(root, 'site');
    report = await exportStaticSite({ app, baseUrl: 'http://localhost:3000', dir });
    server = createServer(sirv(dir, { dev: true }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 120_000);

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await app?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('serves every page from both language homes with no broken link', async () => {
    const queue = ['/en/index.html', '/es/index.html'];
    const seen = new Set<string>(queue);
    const broken: string[] = [];
    let pages = 0;
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const answer = await fetch(`${site}${path}`);
      if (answer.status !== 200) {
        broken.push(`${path} (${answer.status})`);
        continue;
      }
      if (!(answer.headers.get('content-type') ?? '').startsWith('text/html')) continue;
      pages += 1;
      const $ = cheerio.load(await answer.text());
      // A GET form's action too: the header's search form leads to the copy's search page.
      $('[href], [src], search form[action]').each((_, element) => {
        const link = $(element).attr('href') ?? $(element).attr('src') ?? $(element).attr('action') ?? '';
        // The live site's own pages (sign-in) are absolute; everything of the copy is relative.
        if (/^([a-z]+:|#)/i.test(link)) return;
        const target = new URL(link, `${site}${path}`);
        const file = decodeURIComponent(target.pathname);
        if (!seen.has(file)) {
          seen.add(file);
          queue.push(target.pathname);
        }
      });
    }
    expect(broken).toEqual([]);
    // The search pages are reached from the header's search form; only the root's language choice is not linked.
    expect(pages).toBe(report.pages - 1);
    expect(report.missing).toEqual([]);
    for (const file of [
      `/en/releases/${DEMO_STATEMENT}/release.pdf`,
      `/es/releases/${DEMO_STATEMENT}/release.docx`,
      '/es/search/index.html',
      `/en/statements/${DEMO_STATEMENT}/index.theme=governance-rule-of-law.html`,
    ]) {
      expect(seen).toContain(file);
    }
    const pdf = await fetch(`${site}/en/releases/${DEMO_STATEMENT}/release.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((await fetch(`${site}/favicon.ico`)).status).toBe(200);
  });

  it('finds a page by its words through pagefind, in each language', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      for (const [locale, words] of [
        ['en', 'Temporary Protected Status'],
        ['es', 'Protección Temporal'],
      ] as const) {
        await page.goto(`${site}/${locale}/search/index.html?q=${encodeURIComponent(words)}`);
        const results = page.locator('.pagefind-ui__result-link');
        await results.first().waitFor({ timeout: 15_000 });
        const hrefs = await results.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
        expect(hrefs).toContain(`/${locale}/statements/${DEMO_STATEMENT}/recommendations/tps-guatemala/index.html`);
      }
      // The copy's own pages (search, with pagefind's results in it; the root's language choice) meet the site's bar (axe, no sideways scroll).
      await expectDesignedAtEachWidth(page, 'static search page');
      await page.goto(`${site}/index.html`);
      await expectDesignedAtEachWidth(page, 'static copy language choice');
    } finally {
      await browser.close();
    }
  });

  it('holds no draft and no embargoed content, not even in the search index', async () => {
    const texts: string[] = [];
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      expect(path).not.toMatch(/quetzal|jaguar/);
      const bytes = await readFile(path);
      texts.push((path.endsWith('.pf_fragment') ? gunzipSync(bytes) : bytes).toString('utf8'));
    }
    const all = texts.join('\n');
    expect(all).toContain('Designate Guatemala for Temporary Protected Status');
    expect(all).not.toContain(DRAFT_TITLE);
    expect(all).not.toContain(EMBARGOED_HEADLINE);
  });

  it('writes the same bytes again, and replaces only a copy of its own, whole or not at all', async () => {
    const first = await fingerprint(dir);
    await exportStaticSite({ app, baseUrl: 'http://localhost:3000', dir });
    expect(await fingerprint(dir)).toEqual(first);

    // An answer that cannot be copied stops the export; the previous copy stays as it was.
    const failing = {
      inject: (options: { url: string }) =>
        options.url.includes('/organizations/')
          ? Promise.resolve({ statusCode: 500, headers: {}, body: '', rawPayload: Buffer.alloc(0) })
          : app.inject(options as never),
    } as unknown as FastifyTypeBox;
    await expect(exportStaticSite({ app: failing, baseUrl: 'http://localhost:3000', dir })).rejects.toThrow(
      /answered 500/,
    );
    expect(await fingerprint(dir)).toEqual(first);

    const other = join(root, 'notes');
    await mkdir(other);
    await writeFile(join(other, 'notes.txt'), 'mine');
    await expect(exportStaticSite({ app, baseUrl: 'http://localhost:3000', dir: other })).rejects.toThrow(
      /is not empty and is not a copy/,
    );
    expect(await readdir(other)).toEqual(['notes.txt']);
    // No half-written folder is left beside them.
    expect((await readdir(root)).sort()).toEqual(['notes', 'site']);
  });
});
