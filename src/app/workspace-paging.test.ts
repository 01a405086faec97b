/**
 * Every long workspace list is paged (issue 15): walked through its Next links, each matching row
 * appears exactly once, Previous gives back each earlier page as it was, the search rides along in
 * every link, and a page's size stays the same as the table grows. Rows are inserted in bulk (more
 * than a page, ties in the sort keys included), then each list is walked signed in over app.inject.
 */
import * as cheerio from 'cheerio';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/db.js';
import { createUserWithPassword, signedIn, type Visitor } from '../../test/support/visitors.js';
import { LIST_PAGE_SIZE } from '../platform/db/keyset.js';
import * as t from '../platform/db/schema/index.js';
import { localized } from '../platform/text/localized-text.js';
import type { FastifyTypeBox } from '../platform/web/fastify-typebox.js';
import { buildApp } from './app.js';

const NOW = new Date('2026-06-01T12:00:00Z');
/** Two and a half pages of matching rows, and as many that the search leaves out. */
const MATCHING = Math.floor(LIST_PAGE_SIZE * 2.5);
const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => i + from);
const pad = (i: number) => String(i).padStart(4, '0');
/** Five rows a day: the lists' first sort key ties, so the later keys must break the ties. */
const day = (i: number) =>
  `2025-${String((Math.floor(i / 5) % 12) + 1).padStart(2, '0')}-${String((Math.floor(i / 60) % 28) + 1).padStart(2, '0')}`;

interface Walk {
  rows: string[];
  pages: string[][];
  links: string[];
}

/** Follows Next to the end, then Previous back to the start, checking each page on the way back. */
async function walk(visitor: Visitor, start: string, rowsOf: ($: cheerio.CheerioAPI) => string[]): Promise<Walk> {
  const pages: string[][] = [];
  const links: string[] = [];
  const addresses: string[] = [];
  let address: string | undefined = start;
  while (address) {
    const response = await visitor.get(address);
    expect(response.statusCode, address).toBe(200);
    const $ = cheerio.load(response.body);
    pages.push(rowsOf($));
    addresses.push(address);
    links.push(
      ...$('nav.pager a')
        .map((_, a) => $(a).attr('href')!)
        .get(),
    );
    address = $('nav.pager a[rel=next]').attr('href');
    expect(pages.length).toBeLessThan(50);
  }
  // Back from the last page: each Previous shows exactly the page that came before.
  for (let i = pages.length - 1; i > 0; i--) {
    const $ = cheerio.load((await visitor.get(addresses[i]!)).body);
    const previous = $('nav.pager a[rel=prev]').attr('href')!;
    expect(previous, `page ${i + 1} has Previous`).toBeDefined();
    expect(rowsOf(cheerio.load((await visitor.get(previous)).body))).toEqual(pages[i - 1]);
  }
  return { rows: pages.flat(), pages, links };
}

function expectEveryRowOnce(result: Walk, expected: string[]) {
  expect(result.pages.length).toBe(Math.ceil(expected.length / LIST_PAGE_SIZE));
  expect(result.pages.every((p) => p.length <= LIST_PAGE_SIZE)).toBe(true);
  expect(new Set(result.rows).size).toBe(result.rows.length);
  expect([...result.rows].sort()).toEqual([...expected].sort());
}

const tableRows = ($: cheerio.CheerioAPI) =>
  $('table.data-table tbody tr')
    .map((_, tr) => $(tr).find('td').first().text().trim())
    .get();

describeEachEngine('workspace lists are paged', (db) => {
  let app: FastifyTypeBox;
  let admin: Visitor;
  let organizationId: number;

  beforeAll(async () => {
    app = await buildApp({ db: db.db, now: () => NOW });
    await createUserWithPassword(db.db, { email: 'admin@example.org', role: 'admin' }, NOW);
    admin = await signedIn(app, 'admin@example.org');
    const both = range(MATCHING * 2);
    const organizations = await db.db
      .insert(t.organizations)
      .values(both.map((i) => ({ slug: `org-${pad(i)}`, name: `${i < MATCHING ? 'Paging' : 'Other'} org ${pad(i)}` })))
      .returning();
    organizationId = organizations[0]!.id;
    await db.db
      .insert(t.people)
      .values(
        both.map((i) => ({ slug: `person-${pad(i)}`, name: `${i < MATCHING ? 'Paging' : 'Other'} person ${pad(i)}` })),
      );
    const statements = await db.db
      .insert(t.statements)
      .values(
        both.map((i) => ({
          slug: `statement-${pad(i)}`,
          title: localized('en', `${i < MATCHING ? 'Paging' : 'Other'} statement ${pad(i)}`),
          date: day(i),
          status: i % 3 === 0 ? ('draft' as const) : ('published' as const),
        })),
      )
      .returning();
    await db.db.insert(t.releases).values(
      both.map((i) => ({
        slug: `release-${pad(i)}`,
        statementId: statements[i]!.id,
        releaseDate: day(i),
        headline: localized('en', `${i < MATCHING ? 'Paging' : 'Other'} release ${pad(i)}`),
      })),
    );
    await db.db.insert(t.users).values(
      both.map((i) => ({
        email: `${i < MATCHING ? 'paging' : 'other'}-${pad(i)}@example.org`,
        role: 'editor' as const,
      })),
    );
    // Many changes to one organization, several in the same instant.
    await db.db.insert(t.auditLog).values(
      range(MATCHING).map((i) => ({
        actorLabel: 'test',
        at: new Date(NOW.getTime() - Math.floor(i / 3) * 60_000),
        entityType: 'organization',
        entityId: String(organizationId),
        action: `change-${pad(i)}`,
      })),
    );
  });

  const matching = (prefix: string) => range(MATCHING).map((i) => `${prefix} ${pad(i)}`);

  it('organizations: every match once, the search kept, Previous and Next', async () => {
    const result = await walk(admin, '/en/workspace/organizations?q=paging', tableRows);
    expectEveryRowOnce(result, matching('Paging org'));
    expect(result.links.every((l) => l.includes('q=paging'))).toBe(true);
  });

  it('people: every match once, the search kept', async () => {
    const result = await walk(admin, '/en/workspace/people?q=paging', tableRows);
    expectEveryRowOnce(result, matching('Paging person'));
    expect(result.links.every((l) => l.includes('q=paging'))).toBe(true);
  });

  it('statements: newest first, every match once, search and state kept', async () => {
    const result = await walk(admin, '/en/workspace/statements?q=paging', tableRows);
    expectEveryRowOnce(result, matching('Paging statement'));
    expect(result.links.every((l) => l.includes('q=paging'))).toBe(true);
    const drafts = await walk(admin, '/en/workspace/statements?q=paging&state=draft', tableRows);
    expectEveryRowOnce(
      drafts,
      range(MATCHING)
        .filter((i) => i % 3 === 0)
        .map((i) => `Paging statement ${pad(i)}`),
    );
    expect(drafts.links.every((l) => l.includes('state=draft') && l.includes('q=paging'))).toBe(true);
  });

  it('releases: every match once, search and state kept (a release is held back by its draft statement)', async () => {
    const result = await walk(admin, '/en/workspace/releases?q=paging', tableRows);
    expectEveryRowOnce(result, matching('Paging release'));
    // Every release here is a draft: its own status is.
    const drafts = await walk(admin, '/en/workspace/releases?q=paging&state=draft', tableRows);
    expectEveryRowOnce(drafts, matching('Paging release'));
    expect(drafts.links.every((l) => l.includes('state=draft'))).toBe(true);
    const published = await admin.get('/en/workspace/releases?q=paging&state=published');
    expect(tableRows(cheerio.load(published.body))).toEqual([]);
  });

  it("the admin's accounts: every match once, the search kept", async () => {
    const rows = ($: cheerio.CheerioAPI) =>
      $('tr[data-user] th')
        .map((_, th) => $(th).text().trim())
        .get();
    const result = await walk(admin, '/en/admin/users?q=paging', rows);
    expectEveryRowOnce(
      result,
      range(MATCHING).map((i) => `paging-${pad(i)}@example.org`),
    );
    expect(result.links.every((l) => l.includes('q=paging'))).toBe(true);
  });

  it("an organization's history: newest first, every change once", async () => {
    const rows = ($: cheerio.CheerioAPI) =>
      $('ol.history li code')
        .map((_, c) => $(c).text())
        .get();
    const result = await walk(admin, `/en/admin/history/organization/${organizationId}`, rows);
    expectEveryRowOnce(
      result,
      range(MATCHING).map((i) => `change-${pad(i)}`),
    );
    // Newest first: the first change listed is one of the three made last.
    expect(['change-0000', 'change-0001', 'change-0002']).toContain(result.rows[0]);
  });

  it('sign-on: every statement once for editors', async () => {
    const rows = ($: cheerio.CheerioAPI) =>
      $('ul.signon-list li a')
        .map((_, a) => $(a).attr('href')!)
        .get();
    const result = await walk(admin, '/en/sign-on', rows);
    expectEveryRowOnce(
      result,
      range(MATCHING * 2).map((i) => `/en/sign-on/statement-${pad(i)}`),
    );
  });

  it("a page's size does not grow with the table", async () => {
    const pages = [
      '/en/workspace/organizations',
      '/en/workspace/people',
      '/en/workspace/statements',
      '/en/workspace/releases',
      '/en/sign-on',
      // Not /en/admin/users yet: its table is paged, but its invitation form still offers every
      // organization in a <select> (a picker to bound next).
    ];
    const sizes = async () => Promise.all(pages.map(async (p) => (await admin.get(p)).body.length));
    const before = await sizes();
    const more = range(MATCHING * 2, 5000);
    await db.db.insert(t.organizations).values(more.map((i) => ({ slug: `more-${i}`, name: `More org ${pad(i)}` })));
    await db.db.insert(t.people).values(more.map((i) => ({ slug: `more-${i}`, name: `More person ${pad(i)}` })));
    await db.db
      .insert(t.statements)
      .values(more.map((i) => ({ slug: `more-${i}`, title: localized('en', `More ${pad(i)}`), date: day(i) })));
    await db.db
      .insert(t.releases)
      .values(
        more.map((i) => ({ slug: `more-${i}`, releaseDate: day(i), headline: localized('en', `More ${pad(i)}`) })),
      );
    await db.db.insert(t.users).values(more.map((i) => ({ email: `more-${i}@example.org`, role: 'editor' as const })));
    const after = await sizes();
    pages.forEach((page, i) => {
      expect(after[i], page).toBeLessThan(before[i]! * 1.1);
    });
  });
});
