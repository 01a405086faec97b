/**
 * The visibility matrix: every public GET route × every publication state × every kind of visitor,
 * for statements and for press releases.
 * Routes are enumerated from the app, so a new page, download or feed fails this test until it
 * is added to `channels` below, with a URL that would show a statement if it leaked.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/db.js';
import { tinyPdf } from '../../test/support/files.js';
import {
  COPY_KINDS,
  copyKey,
  copySha,
  documentSha,
  editorsSee,
  FOLLOWUP_KINDS,
  followupText,
  HOUR,
  heldReleaseShown,
  heldReleases,
  heldSlugOf,
  heldTitleOf,
  homeLists,
  insertFollowup,
  releaseIsPublic,
  releaseSamples,
  releaseSlugOf,
  releaseTitleOf,
  type Sample,
  samples,
  showsFollowup,
  showsReleases,
  showsStatements,
  slugOf,
  T,
  titleOf,
  type Who,
} from '../../test/support/visibility-matrix-samples.js';
import { createUserWithPassword, signedIn, Visitor } from '../../test/support/visitors.js';
import { loadDemo } from '../features/demo/index.js';
import { storeFile } from '../features/files/index.js';
import * as t from '../platform/db/schema/index.js';
import { LOCALES } from '../platform/i18n/locales.js';
import { localized } from '../platform/text/localized-text.js';
import { releaseVisibility, type VisibilityState, visibilityState } from '../platform/visibility.js';
import type { FastifyTypeBox } from '../platform/web/fastify-typebox.js';
import { registeredRoutes } from '../platform/web/route-table.js';
import { browserTimeZoneScript, copyScript, htmxScript } from '../platform/web/script-asset.js';
import { buildApp } from './app.js';

/** Each public route (locale as `:locale`) and the URL that would show `s` if it leaked. */
const channels: Record<string, (locale: string, s: Sample) => string> = {
  '/': () => '/',
  '/healthz': () => '/healthz',
  '/favicon.svg': () => '/favicon.svg',
  '/favicon.ico': () => '/favicon.ico',
  '/assets/style.css': () => 'stylesheet',
  '/:locale/': (l) => `/${l}/`,
  '/:locale/statements/:slug': (l, s) => `/${l}/statements/${slugOf(s)}`,
  '/:locale/statements/:slug/recommendations/:recommendation': (l, s) =>
    `/${l}/statements/${slugOf(s)}/recommendations/r1`,
  '/:locale/releases': (l) => `/${l}/releases`,
  '/:locale/releases/:slug': (l, s) => `/${l}/releases/${releaseSlugOf(s)}`,
  // Markdown, because its text can be searched for the headline; every format shares the route.
  '/:locale/releases/:slug/release.:format': (l, s) => `/${l}/releases/${releaseSlugOf(s)}/release.md`,
  // Search (features/search): "matrix <key>" finds the sample's statement, recommendation, release and
  // follow-up, and the public held release of that key; its highlighted words are read without the marks.
  '/:locale/search': (l, s) => `/${l}/search?q=matrix+${s.key}`,
  '/:locale/organizations': (l) => `/${l}/organizations`,
  '/:locale/organizations/:slug': (l) => `/${l}/organizations/cejil`,
  '/:locale/organizations/:slug/boilerplate': (l) => `/${l}/organizations/cejil/boilerplate`,
  '/:locale/sign-in': (l) => `/${l}/sign-in`,
  '/:locale/forgot-password': (l) => `/${l}/forgot-password`,
  '/:locale/sign-in/two-factor': (l) => `/${l}/sign-in/two-factor`,
  '/:locale/account/two-factor': (l) => `/${l}/account/two-factor`,
  '/:locale/admin/users': (l) => `/${l}/admin/users`,
  '/:locale/admin/history/:entity/:id': (l) => `/${l}/admin/history/organization/1`,
  '/:locale/admin/history/:entity/:id/history.csv': (l) => `/${l}/admin/history/organization/1/history.csv`,
  '/:locale/account': (l) => `/${l}/account`,
  '/:locale/set-password/:token': (l) => `/${l}/set-password/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`,
  // The unsubscribe page (features/mail-preferences) shows an address and a button, never content.
  '/:locale/unsubscribe/:token': (l) => `/${l}/unsubscribe/bm9ib2R5QGV4YW1wbGUub3Jn.bad-signature`,
  // Uploaded files: the statement's full document, whose bytes contain its title.
  '/files/:sha256': (_l, s) => `/files/${documentSha.get(s.key)}`,
  '/:locale/workspace/organizations/:slug/logo': (l) => `/${l}/workspace/organizations/cejil/logo`,
  '/:locale/workspace/statements/:slug/document': (l) => `/${l}/workspace/statements/guatemala-vp-visit-2021/document`,
  // Follow-up (issue 7): dashboards list public statements in their filter form; the timeline is per recommendation.
  '/:locale/follow-up': (l) => `/${l}/follow-up`,
  '/:locale/follow-up/themes': (l) => `/${l}/follow-up/themes`,
  '/:locale/follow-up/addressees': (l) => `/${l}/follow-up/addressees`,
  '/:locale/follow-up/over-time': (l) => `/${l}/follow-up/over-time`,
  '/:locale/follow-up/scorecard': (l) => `/${l}/follow-up/scorecard`,
  '/:locale/follow-up/recommendations': (l) => `/${l}/follow-up/recommendations`,
  '/:locale/statements/:slug/recommendations/:recommendation/follow-up': (l, s) =>
    `/${l}/statements/${slugOf(s)}/recommendations/r1/follow-up`,
  // Editors' pages (drafts allowed there); the recommendation is the demo's, so no matrix title is expected.
  '/:locale/workspace/followup': (l) => `/${l}/workspace/followup`,
  '/:locale/workspace/followup/recommendations/:id': (l) => `/${l}/workspace/followup/recommendations/1`,
  '/:locale/workspace/followup/recommendations/:id/response': (l) =>
    `/${l}/workspace/followup/recommendations/1/response`,
  '/:locale/workspace/followup/recommendations/:id/status': (l) => `/${l}/workspace/followup/recommendations/1/status`,
  '/:locale/workspace/followup/recommendations/:id/meeting': (l) =>
    `/${l}/workspace/followup/recommendations/1/meeting`,
  '/:locale/workspace/followup/recommendations/:id/commitment': (l) =>
    `/${l}/workspace/followup/recommendations/1/commitment`,
  '/:locale/workspace/followup/recommendations/:id/response/:entryId/edit': (l) =>
    `/${l}/workspace/followup/recommendations/1/response/1/edit`,
  '/:locale/workspace/followup/recommendations/:id/status/:entryId/edit': (l) =>
    `/${l}/workspace/followup/recommendations/1/status/1/edit`,
  '/:locale/workspace/followup/recommendations/:id/meeting/:entryId/edit': (l) =>
    `/${l}/workspace/followup/recommendations/1/meeting/1/edit`,
  '/:locale/workspace/followup/recommendations/:id/commitment/:entryId/edit': (l) =>
    `/${l}/workspace/followup/recommendations/1/commitment/1/edit`,
  // Workspace (features/workspace): signed-in pages; they show statements only as public pages do, except
  // that the home lists drafts (and embargoed releases) to editors: homeLists() below.
  '/assets/htmx.js': () => htmxScript().href,
  // The Copy button of the admin's hand-over link page (features/accounts): a static script, no data.
  '/assets/copy.js': () => copyScript().href,
  '/assets/browser-time-zone.js': () => browserTimeZoneScript().href,
  '/:locale/workspace': (l) => `/${l}/workspace`,
  '/:locale/workspace/my-organization': (l) => `/${l}/workspace/my-organization`,
  '/:locale/workspace/organizations': (l) => `/${l}/workspace/organizations`,
  '/:locale/workspace/organizations/new': (l) => `/${l}/workspace/organizations/new`,
  '/:locale/workspace/organizations/:slug': (l) => `/${l}/workspace/organizations/cejil`,
  '/:locale/workspace/organizations/:slug/edit': (l) => `/${l}/workspace/organizations/cejil/edit`,
  '/:locale/workspace/people': (l) => `/${l}/workspace/people`,
  '/:locale/workspace/people/new': (l) => `/${l}/workspace/people/new`,
  '/:locale/workspace/people/:slug/edit': (l) => `/${l}/workspace/people/fernanda-durand/edit`,
  '/:locale/workspace/themes': (l) => `/${l}/workspace/themes`,
  '/:locale/workspace/themes/new': (l) => `/${l}/workspace/themes/new`,
  '/:locale/workspace/themes/mappings': (l) => `/${l}/workspace/themes/mappings`,
  '/:locale/workspace/themes/mappings/new': (l) => `/${l}/workspace/themes/mappings/new`,
  '/:locale/workspace/themes/mappings/:id/edit': (l) =>
    `/${l}/workspace/themes/mappings/${registryIds.themeMapping}/edit`,
  '/:locale/workspace/themes/:slug/edit': (l) => `/${l}/workspace/themes/governance-rule-of-law/edit`,
  '/:locale/workspace/addressees': (l) => `/${l}/workspace/addressees`,
  '/:locale/workspace/addressees/new': (l) => `/${l}/workspace/addressees/new`,
  '/:locale/workspace/addressees/:slug/edit': (l) => `/${l}/workspace/addressees/us-government/edit`,
  // Accounts administration and sign-on (issue 5).
  '/:locale/admin/users/:id': (l) => `/${l}/admin/users/1`,
  // Sign-on pages show a statement's text before it is public, to members asked to sign it and editors only;
  // none of the matrix's statements is open for sign-on, so nobody may see them here (features/signon tests the rest).
  '/:locale/sign-on': (l) => `/${l}/sign-on`,
  '/:locale/sign-on/:slug': (l, s) => `/${l}/sign-on/${slugOf(s)}`,
  // Import (features/import): the upload form, editors only.
  '/:locale/workspace/import': (l) => `/${l}/workspace/import`,
  // Atom feeds (features/feeds): each lists titles, so a leak shows as the sample's title.
  '/:locale/feeds/releases.xml': (l) => `/${l}/feeds/releases.xml`,
  '/:locale/feeds/statements.xml': (l) => `/${l}/feeds/statements.xml`,
  '/:locale/feeds/follow-up.xml': (l) => `/${l}/feeds/follow-up.xml`,
  '/:locale/feeds/statements/:slug/follow-up.xml': (l, s) => `/${l}/feeds/statements/${slugOf(s)}/follow-up.xml`,
  // The sitemap lists addresses, not titles: the test "the sitemap lists …" below checks its slugs.
  '/sitemap.xml': () => '/sitemap.xml',
  '/sitemaps/:name': () => '/sitemaps/statements-1.xml',
  '/robots.txt': () => '/robots.txt',
  // Open data (issue 16): the JSON API (no language in its addresses; lists as one page), its document and
  // reference page, and the recommendation spreadsheets (CSV; XLSX shares the route but is zipped).
  '/api/openapi.json': () => '/api/openapi.json',
  '/api/v1/statements': () => '/api/v1/statements?limit=100',
  '/api/v1/statements/:slug': (_l, s) => `/api/v1/statements/${slugOf(s)}`,
  '/api/v1/statements/:slug/recommendations': (_l, s) => `/api/v1/statements/${slugOf(s)}/recommendations`,
  '/api/v1/statements/:slug/recommendations/:recommendation': (_l, s) =>
    `/api/v1/statements/${slugOf(s)}/recommendations/r1`,
  '/api/v1/organizations': () => '/api/v1/organizations?limit=100',
  '/api/v1/organizations/:slug': () => '/api/v1/organizations/cejil',
  '/api/v1/releases': () => '/api/v1/releases?limit=100',
  '/api/v1/releases/:slug': (_l, s) => `/api/v1/releases/${releaseSlugOf(s)}`,
  '/api/v1/follow-up': () => '/api/v1/follow-up?limit=100',
  // The sample's published status update: the draft one is checked never to appear anywhere.
  '/api/v1/follow-up/:kind/:id': (_l, s) => `/api/v1/follow-up/status_update/${publishedUpdateIds.get(s.key)}`,
  '/:locale/api': (l) => `/${l}/api`,
  '/:locale/recommendations.:format': (l) => `/${l}/recommendations.csv`,
  '/:locale/statements/:slug/recommendations.:format': (l, s) => `/${l}/statements/${slugOf(s)}/recommendations.csv`,
};

/** Each sample's published status update, by sample key (its API address). */
const publishedUpdateIds = new Map<string, number>();

/**
 * Editorial workspace (issue 6): signed-in pages that show statements and releases in EVERY state to
 * editors and the admin (that is their job), and nothing at all to anyone else. `shows` names what a
 * page for sample `s` must show an editor; ids of each sample's recommendation and quote are filled in
 * before the tests run.
 */
const sampleIds = new Map<string, { recommendation: number; quote: number }>();
const ids = (s: Sample) => sampleIds.get(s.key) ?? { recommendation: 0, quote: 0 };
const editorialChannels: Record<
  string,
  { url: (l: string, s: Sample) => string; shows: 'statement' | 'release' | null }
> = {
  '/:locale/workspace/statements': { url: (l) => `/${l}/workspace/statements`, shows: 'statement' },
  // The workspace search finds every state, for editors only (members use the public search).
  '/:locale/workspace/search': { url: (l, s) => `/${l}/workspace/search?q=matrix+${s.key}`, shows: 'statement' },
  '/:locale/workspace/statements/new': { url: (l) => `/${l}/workspace/statements/new`, shows: null },
  '/:locale/workspace/statements/:slug': {
    url: (l, s) => `/${l}/workspace/statements/${slugOf(s)}`,
    shows: 'statement',
  },
  '/:locale/workspace/statements/:slug/recommendations/new': {
    url: (l, s) => `/${l}/workspace/statements/${slugOf(s)}/recommendations/new`,
    shows: 'statement',
  },
  '/:locale/workspace/statements/:slug/recommendations/:id': {
    url: (l, s) => `/${l}/workspace/statements/${slugOf(s)}/recommendations/${ids(s).recommendation}`,
    shows: 'statement',
  },
  '/:locale/workspace/statements/:slug/quotes/new': {
    url: (l, s) => `/${l}/workspace/statements/${slugOf(s)}/quotes/new`,
    shows: 'statement',
  },
  '/:locale/workspace/statements/:slug/quotes/:id': {
    url: (l, s) => `/${l}/workspace/statements/${slugOf(s)}/quotes/${ids(s).quote}`,
    shows: 'statement',
  },
  '/:locale/workspace/releases': { url: (l) => `/${l}/workspace/releases`, shows: 'release' },
  // Lists every statement's missing translations (each sample's recommendation is English only).
  '/:locale/workspace/translations': { url: (l) => `/${l}/workspace/translations`, shows: 'statement' },
  '/:locale/workspace/releases/new': { url: (l) => `/${l}/workspace/releases/new`, shows: null },
  '/:locale/workspace/releases/:slug': {
    url: (l, s) => `/${l}/workspace/releases/${releaseSlugOf(s)}`,
    shows: 'release',
  },
  '/:locale/workspace/releases/:slug/publish': {
    url: (l, s) => `/${l}/workspace/releases/${releaseSlugOf(s)}/publish`,
    shows: 'release',
  },
  // Recommendation spreadsheets of every state (issue 16), for editors and the admin.
  '/:locale/workspace/recommendations.:format': {
    url: (l) => `/${l}/workspace/recommendations.csv`,
    shows: 'statement',
  },
  '/:locale/workspace/statements/:slug/recommendations.:format': {
    url: (l, s) => `/${l}/workspace/statements/${slugOf(s)}/recommendations.csv`,
    shows: 'statement',
  },
  '/:locale/workspace/releases/:slug/preview.:format': {
    url: (l, s) => `/${l}/workspace/releases/${releaseSlugOf(s)}/preview.pdf`,
    shows: null,
  },
  // Press contacts, lists and sends (issue 18): personal data and releases of every state, editors only.
  // The email preview renders any release for its editor; sending it is ruled by `releaseMaySendTo`.
  // Spreadsheet imports (issue 17): an upload and its job's progress, editors only.
  '/:locale/workspace/import/recommendations': { url: (l) => `/${l}/workspace/import/recommendations`, shows: null },
  '/:locale/workspace/import/recommendations/:id': {
    url: (l) => `/${l}/workspace/import/recommendations/${pressIds.sheetImport}`,
    shows: null,
  },
  '/:locale/workspace/press': { url: (l) => `/${l}/workspace/press`, shows: null },
  '/:locale/workspace/press/contacts/new': { url: (l) => `/${l}/workspace/press/contacts/new`, shows: null },
  '/:locale/workspace/press/contacts/:id/edit': {
    url: (l) => `/${l}/workspace/press/contacts/${pressIds.contact}/edit`,
    shows: null,
  },
  '/:locale/workspace/press/contacts/:id/data.json': {
    url: (l) => `/${l}/workspace/press/contacts/${pressIds.contact}/data.json`,
    shows: null,
  },
  '/:locale/workspace/press/contacts.csv': { url: (l) => `/${l}/workspace/press/contacts.csv`, shows: null },
  '/:locale/workspace/press/contacts.xlsx': { url: (l) => `/${l}/workspace/press/contacts.xlsx`, shows: null },
  '/:locale/workspace/press/import': { url: (l) => `/${l}/workspace/press/import`, shows: null },
  '/:locale/workspace/press/lists': { url: (l) => `/${l}/workspace/press/lists`, shows: null },
  '/:locale/workspace/press/lists/new': { url: (l) => `/${l}/workspace/press/lists/new`, shows: null },
  '/:locale/workspace/press/lists/:id/edit': {
    url: (l) => `/${l}/workspace/press/lists/${pressIds.list}/edit`,
    shows: null,
  },
  '/:locale/workspace/press/sends': { url: (l) => `/${l}/workspace/press/sends`, shows: null },
  '/:locale/workspace/press/sends/new': {
    url: (l, s) => `/${l}/workspace/press/sends/new?release=${releaseSlugOf(s)}`,
    shows: null,
  },
  '/:locale/workspace/press/sends/preview': {
    url: (l, s) => `/${l}/workspace/press/sends/preview?release=${releaseSlugOf(s)}&lang=${l}`,
    shows: 'release',
  },
  '/:locale/workspace/press/sends/preview.html': {
    url: (l, s) => `/${l}/workspace/press/sends/preview.html?release=${releaseSlugOf(s)}&lang=${l}`,
    shows: 'release',
  },
  '/:locale/workspace/press/sends/:id': { url: (l) => `/${l}/workspace/press/sends/${pressIds.send}`, shows: null },
};

/** A press contact, list and send, so the press pages that name one answer editors. */
const pressIds = { contact: 0, list: 0, send: 0, sheetImport: 0 };
/** A theme mapping of an imported source (the demo has none), for its edit page. */
const registryIds = { themeMapping: 0 };

/** Editors' follow-up pages: drafts are what they are for; the public and members get nothing there. */
const editorChannels = new Set(Object.keys(channels).filter((k) => k.startsWith('/:locale/workspace/followup')));

function channelKey(url: string): string {
  const locale = LOCALES.find((l) => url === `/${l}/` || url.startsWith(`/${l}/`));
  if (locale) return `/:locale${url.slice(locale.length + 1)}`;
  if (url.startsWith('/assets/htmx.')) return '/assets/htmx.js';
  if (url.startsWith('/assets/copy.')) return '/assets/copy.js';
  if (url.startsWith('/assets/browser-time-zone.')) return '/assets/browser-time-zone.js';
  return url.startsWith('/assets/style.') ? '/assets/style.css' : url;
}

describeEachEngine('visibility matrix: route × state × visitor', (ctx) => {
  let app: FastifyTypeBox;
  let clock = T;
  const visitors = new Map<Who, Visitor>();
  let stylesheet = '';
  const statementIds = new Map<string, number>();

  beforeAll(async () => {
    await loadDemo(ctx.db);
    app = await buildApp({ db: ctx.db, now: () => clock });
    const [cejil] = await ctx.db.select().from(t.organizations).where(eq(t.organizations.slug, 'cejil'));
    const [person] = await ctx.db.select().from(t.people).limit(1);
    for (const s of samples) {
      const [row] = await ctx.db
        .insert(t.statements)
        .values({
          slug: slugOf(s),
          title: localized('en', titleOf(s), { es: titleOf(s) }),
          date: '2026-11-01',
          status: s.status,
          embargoUntil: s.embargoUntil,
          withdrawnAt: s.withdrawnAt,
        })
        .returning();
      statementIds.set(s.key, row!.id);
      const [rec] = await ctx.db
        .insert(t.recommendations)
        .values({
          statementId: row!.id,
          slug: 'r1',
          position: 1,
          text: localized('en', `Recommendation of ${titleOf(s)}`),
        })
        .returning();
      const [quote] = await ctx.db
        .insert(t.quotes)
        .values({ statementId: row!.id, personId: person!.id, text: localized('en', `Quote of ${titleOf(s)}`) })
        .returning();
      sampleIds.set(s.key, { recommendation: rec!.id, quote: quote!.id });
      await insertFollowup(ctx.db, s, row!.id, rec!.id);
      const [update] = await ctx.db
        .select({ id: t.followupStatusUpdates.id })
        .from(t.followupStatusUpdates)
        .where(
          and(
            eq(t.followupStatusUpdates.recommendationId, rec!.id),
            eq(t.followupStatusUpdates.publication, 'published'),
          ),
        );
      publishedUpdateIds.set(s.key, update!.id);
      await ctx.db.insert(t.signatories).values({ statementId: row!.id, organizationId: cejil!.id, position: 1 });
      const pdf = { mediaType: 'application/pdf' as const, bytes: tinyPdf(titleOf(s)), originalName: 'doc.pdf' };
      const sha256 = await storeFile(ctx.db, pdf, null, T);
      await ctx.db.insert(t.statementDocuments).values({ statementId: row!.id, fileSha256: sha256, setAt: T });
      documentSha.set(s.key, sha256);
    }
    for (const s of releaseSamples) {
      await ctx.db.insert(t.releases).values({
        slug: releaseSlugOf(s),
        status: s.status,
        embargoedUntil: s.embargoUntil,
        withdrawnAt: s.withdrawnAt,
        releaseDate: '2026-11-01',
        headline: localized('en', releaseTitleOf(s), { es: releaseTitleOf(s) }),
      });
    }
    for (const h of heldReleases) {
      await ctx.db.insert(t.releases).values({
        slug: heldSlugOf(h),
        statementId: statementIds.get(h.statement)!,
        status: 'published',
        embargoedUntil: h.embargoUntil,
        releaseDate: '2026-11-01',
        headline: localized('en', heldTitleOf(h), { es: heldTitleOf(h) }),
      });
    }
    const [contact] = await ctx.db
      .insert(t.pressContacts)
      .values({
        name: 'Matrix Journalist',
        email: 'journalist@matrix.example',
        languages: ['en'],
        createdAt: T,
        updatedAt: T,
      })
      .returning();
    const [list] = await ctx.db
      .insert(t.pressLists)
      .values({ name: 'Matrix list', kind: 'filter', createdAt: T, updatedAt: T })
      .returning();
    const [release] = await ctx.db.select().from(t.releases).limit(1);
    const [send] = await ctx.db
      .insert(t.pressSends)
      .values({ releaseId: release!.id, mode: 'now', sendAfter: T, createdAt: T, updatedAt: T })
      .returning();
    // A finished dry run of a spreadsheet import (features/sheet-import): its page is the editors' only.
    const [sheetImport] = await ctx.db
      .insert(t.sheetImportJobs)
      .values({ fileName: 'matrix.csv', fileBytes: 0, state: 'done', createdAt: T, updatedAt: T })
      .returning();
    Object.assign(pressIds, { contact: contact!.id, list: list!.id, send: send!.id, sheetImport: sheetImport!.id });
    const [theme] = await ctx.db.select().from(t.themes).limit(1);
    const [mapping] = await ctx.db
      .insert(t.themeMappings)
      .values({ source: 'upr-info', label: 'Matrix label', themeId: theme!.id })
      .returning();
    registryIds.themeMapping = mapping!.id;
    await createUserWithPassword(ctx.db, { email: 'm@cejil.org', role: 'member', organizationId: cejil!.id }, T);
    await createUserWithPassword(ctx.db, { email: 'editor@example.org', role: 'editor' }, T);
    await createUserWithPassword(ctx.db, { email: 'admin@example.org', role: 'admin' }, T);
    visitors.set('anonymous', new Visitor(app));
    visitors.set('member', await signedIn(app, 'm@cejil.org'));
    visitors.set('editor', await signedIn(app, 'editor@example.org'));
    visitors.set('admin', await signedIn(app, 'admin@example.org'));
    stylesheet = registeredRoutes(app).find((r) => r.url.startsWith('/assets/style.'))!.url;
  });

  it('covers every GET route the app registers (a new public channel must join the matrix)', () => {
    expect(registeredRoutes(app).length).toBeGreaterThan(10);
    expect(uncoveredRoutes(app)).toEqual([]);
  });

  it('notices a channel added without joining the matrix', async () => {
    const extended = await buildApp({ db: ctx.db, now: () => clock });
    extended.get('/es/feed.xml', async () => 'leak?');
    await extended.ready();
    expect(uncoveredRoutes(extended)).toEqual(['/:locale/feed.xml']);
  });

  it('the rule itself: only published (and embargo-lifted) statements are public', () => {
    const states = samples.map((s) => visibilityState(s, T));
    expect(states).toEqual<VisibilityState[]>(['draft', 'embargoed', 'published', 'published', 'withdrawn']);
  });

  it('the rule itself: a release is never more public than the statement it presents', () => {
    const at = (now: Date) =>
      heldReleases.map((h) =>
        releaseVisibility(
          { status: 'published', embargoedUntil: h.embargoUntil, withdrawnAt: null },
          statementOf(h.statement),
          now,
        ),
      );
    expect(at(T)).toEqual<VisibilityState[]>(['draft', 'embargoed', 'embargoed', 'withdrawn', 'published']);
    expect(at(new Date(T.getTime() + HOUR + 1))).toEqual<VisibilityState[]>([
      'draft',
      'draft',
      'published',
      'withdrawn',
      'published',
    ]);
  });

  // Every route × language × sample is a request: on a 2-CPU machine running other suites, 30 s is too tight.
  for (const who of ['anonymous', 'member', 'editor', 'admin'] as const) {
    it(`${who}: public channels show published statements and releases only, in every language`, {
      timeout: 120_000,
    }, async () => {
      const visitor = visitors.get(who)!;
      for (const [key, urlFor] of Object.entries(channels)) {
        for (const locale of key.includes(':locale') ? LOCALES : ['en']) {
          for (const s of samples) {
            const url = urlFor(locale, s).replace('stylesheet', stylesheet);
            const response = await visitor.get(url);
            const body = withoutHighlights(response.body);
            const shown = body.includes(titleOf(s));
            // Workspace pages show nothing to a visitor without a session (they redirect to sign-in).
            const signedInOnly = key.startsWith('/:locale/workspace') && who === 'anonymous';
            const expected =
              (visibilityState(s, T) === 'published' && showsStatements(key) && !signedInOnly) ||
              editorsSee(who, key, visibilityState(s, T)) ||
              homeLists(who, key, 'statement', visibilityState(s, T));
            expect(shown, `${who} ${url} (${s.key})`).toBe(expected);
            if (key === '/:locale/statements/:slug' || key.endsWith('/:recommendation')) {
              expect(response.statusCode, `${who} ${url}`).toBe(expected ? 200 : 404);
            }
            if (
              key.startsWith('/api/v1/statements/:slug') ||
              key === '/:locale/statements/:slug/recommendations.:format'
            ) {
              expect(response.statusCode, `${who} ${url}`).toBe(expected ? 200 : 404);
            }
            if (key === '/:locale/statements/:slug/recommendations/:recommendation/follow-up') {
              expect(response.statusCode, `${who} ${url}`).toBe(expected ? 200 : 404);
            }
            const editorsPage = editorChannels.has(key) && (who === 'editor' || who === 'admin');
            for (const kind of FOLLOWUP_KINDS) {
              if (!editorsPage) {
                expect(body.includes(followupText(kind, s, true)), `${who} ${url} draft ${kind} (${s.key})`).toBe(
                  false,
                );
              }
              const followupExpected = visibilityState(s, T) === 'published' && showsFollowup(key, kind);
              if (!editorsPage) {
                expect(body.includes(followupText(kind, s, false)), `${who} ${url} ${kind} (${s.key})`).toBe(
                  followupExpected,
                );
              }
            }
            const releaseShown = body.includes(releaseTitleOf(s));
            const releaseExpected =
              (releaseIsPublic(s) && showsReleases(key)) || homeLists(who, key, 'release', visibilityState(s, T));
            expect(releaseShown, `${who} ${url} (release ${s.key})`).toBe(releaseExpected);
            if (key.startsWith('/:locale/releases/:slug')) {
              expect(response.statusCode, `${who} ${url}`).toBe(releaseExpected ? 200 : 404);
            }
            // Releases that present a matrix statement: only where and when their statement is public.
            for (const h of heldReleases) {
              expect(body.includes(heldTitleOf(h)), `${who} ${url} (release ${h.key})`).toBe(
                heldReleaseShown(who, key, s, h),
              );
            }
          }
        }
      }
    });
  }

  for (const who of ['anonymous', 'member', 'editor', 'admin'] as const) {
    const editor = who === 'editor' || who === 'admin';
    it(`${who}: workspace pages show every state to editors and nothing to anyone else`, async () => {
      const visitor = visitors.get(who)!;
      for (const [key, channel] of Object.entries(editorialChannels)) {
        for (const locale of LOCALES) {
          for (const s of samples) {
            const url = channel.url(locale, s);
            const response = await visitor.get(url);
            if (!editor) {
              expect([303, 403], `${who} ${url}`).toContain(response.statusCode);
              expect(
                withoutHighlights(response.body).includes(titleOf(s)) ||
                  withoutHighlights(response.body).includes(releaseTitleOf(s)),
                `${who} ${url}`,
              ).toBe(false);
              continue;
            }
            expect(response.statusCode, `${who} ${url} (${key})`).toBe(200);
            if (channel.shows === 'statement')
              expect(withoutHighlights(response.body), `${who} ${url}`).toContain(titleOf(s));
            if (channel.shows === 'release')
              expect(withoutHighlights(response.body), `${who} ${url}`).toContain(releaseTitleOf(s));
          }
        }
      }
    });
  }

  for (const who of ['anonymous', 'member', 'editor', 'admin'] as const) {
    it(`${who}: a follow-up entry's uploaded copy is served exactly when the entry is public`, async () => {
      const visitor = visitors.get(who)!;
      for (const s of samples) {
        for (const kind of COPY_KINDS) {
          for (const draft of [false, true]) {
            const response = await visitor.get(`/files/${copySha.get(copyKey(s, kind, draft))}`);
            const expected = visibilityState(s, T) === 'published' && !draft;
            expect(response.statusCode, `${who} ${kind} copy (${s.key}, ${draft ? 'draft' : 'published'})`).toBe(
              expected ? 200 : 404,
            );
          }
        }
      }
    });
  }

  /** Every public channel of one release: its page and each download, in every language. */
  const releaseChannels = (slug: string) =>
    LOCALES.flatMap((l) => [
      `/${l}/releases/${slug}`,
      ...['pdf', 'docx', 'md', 'txt'].map((f) => `/${l}/releases/${slug}/release.${f}`),
    ]);

  for (const who of ['anonymous', 'member', 'editor', 'admin'] as const) {
    it(`${who}: a release and its downloads are public only while the statement it presents is`, async () => {
      const visitor = visitors.get(who)!;
      for (const h of heldReleases) {
        for (const url of releaseChannels(heldSlugOf(h))) {
          expect((await visitor.get(url)).statusCode, `${who} ${url}`).toBe(h.publicAtT ? 200 : 404);
        }
      }
    });
  }

  it('the sitemap lists exactly the public statements, recommendations and releases, before and after an embargo lifts', async () => {
    const anonymous = visitors.get('anonymous')!;
    const listed = async () => {
      const files = ['statements', 'recommendations', 'releases'].map((k) => `/sitemaps/${k}-1.xml`);
      return (await Promise.all(files.map((f) => anonymous.get(f)))).map((r) => r.body).join('\n');
    };
    for (const [now, after] of [[T, false] as const, [new Date(T.getTime() + HOUR + 1), true] as const]) {
      clock = now;
      try {
        const body = await listed();
        for (const s of samples) {
          const isPublic = visibilityState(s, now) === 'published';
          expect(body.includes(`/statements/${slugOf(s)}</loc>`), `statement ${s.key}`).toBe(isPublic);
          expect(body.includes(`/statements/${slugOf(s)}/recommendations/r1</loc>`), `recommendation ${s.key}`).toBe(
            isPublic,
          );
          expect(body.includes(`/releases/${releaseSlugOf(s)}</loc>`), `release ${s.key}`).toBe(
            visibilityState(s, now) === 'published',
          );
        }
        for (const h of heldReleases) {
          expect(body.includes(`/releases/${heldSlugOf(h)}</loc>`), `release ${h.key}`).toBe(
            after ? h.publicAfterEmbargo : h.publicAtT,
          );
        }
      } finally {
        clock = T;
      }
    }
  });

  it('a release whose embargo lifts stays hidden on every channel while its statement is a draft', async () => {
    const anonymous = visitors.get('anonymous')!;
    clock = new Date(T.getTime() + HOUR + 1);
    try {
      for (const h of heldReleases) {
        for (const url of releaseChannels(heldSlugOf(h))) {
          expect((await anonymous.get(url)).statusCode, `${url} after the embargo`).toBe(
            h.publicAfterEmbargo ? 200 : 404,
          );
        }
        for (const locale of LOCALES) {
          const newsroom = await anonymous.get(`/${locale}/releases`);
          expect(newsroom.body.includes(heldTitleOf(h)), `/${locale}/releases ${h.key}`).toBe(h.publicAfterEmbargo);
          const statementPage = await anonymous.get(`/${locale}/statements/${slugOf(statementOf(h.statement))}`);
          expect(statementPage.body.includes(heldTitleOf(h)), `statement page of ${h.key}`).toBe(h.publicAfterEmbargo);
        }
      }
    } finally {
      clock = T;
    }
  });

  it('an embargo lifts by itself at its instant; a withdrawal takes effect at its instant', async () => {
    const anonymous = visitors.get('anonymous')!;
    clock = new Date(T.getTime() + HOUR + 1);
    expect((await anonymous.get('/en/statements/matrix-embargoed')).statusCode).toBe(200);
    clock = new Date(T.getTime() - 2 * HOUR);
    expect((await anonymous.get('/en/statements/matrix-withdrawn')).statusCode).toBe(200);
    clock = T;
    expect((await anonymous.get('/en/statements/matrix-withdrawn')).statusCode).toBe(404);
  });
});

/** A page's text without search's highlight marks, which split a found title into marked words. */
function withoutHighlights(body: string): string {
  return body.replace(/<\/?mark>/g, '');
}

function statementOf(key: string): Sample {
  return samples.find((s) => s.key === key)!;
}

function uncoveredRoutes(app: FastifyTypeBox): string[] {
  const keys = new Set(
    registeredRoutes(app)
      .filter((r) => r.method === 'GET')
      .map((r) => channelKey(r.url)),
  );
  return [...keys].filter((key) => !(key in channels) && !(key in editorialChannels));
}
