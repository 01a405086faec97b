/**
 * The channels of the visibility matrix (src/app/visibility-matrix*.test.ts): every GET route the app
 * registers, with the URL that would show a sample if it leaked. A new page, download or feed joins
 * `channels` (public routes) or `editorialChannels` (editors' workspace pages) here, or the coverage test
 * in src/app/visibility-matrix.test.ts fails.
 */
import { LOCALES } from '../../src/platform/i18n/locales.js';
import type { FastifyTypeBox } from '../../src/platform/web/fastify-typebox.js';
import { registeredRoutes } from '../../src/platform/web/route-table.js';
import { browserTimeZoneScript, copyScript, htmxScript } from '../../src/platform/web/script-asset.js';
import { documentSha, releaseSlugOf, type Sample, slugOf } from './visibility-matrix-samples.js';

/** Each public route (locale as `:locale`) and the URL that would show `s` if it leaked. */
export const channels: Record<string, (locale: string, s: Sample) => string> = {
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
  // that the home lists drafts (and embargoed releases) to editors: homeLists() in visibility-matrix-samples.ts.
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
  // The sitemap lists addresses, not titles: visibility-matrix-public.test.ts checks its slugs.
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
  // Open sign-on (issue 19): every sample is open to signatures, so the page would show any statement it leaked;
  // the links' pages show only what their token names (a bad token is refused).
  '/:locale/statements/:slug/sign': (l, s) => `/${l}/statements/${slugOf(s)}/sign`,
  '/:locale/open-sign-on/verify/:token': (l) => `/${l}/open-sign-on/verify/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`,
  '/:locale/open-sign-on/withdraw/:token': (l) =>
    `/${l}/open-sign-on/withdraw/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa`,
};

/** Each sample's published status update, by sample key (its API address). */
export const publishedUpdateIds = new Map<string, number>();

/**
 * Editorial workspace (issue 6): signed-in pages that show statements and releases in EVERY state to
 * editors and the admin (that is their job), and nothing at all to anyone else. `shows` names what a
 * page for sample `s` must show an editor; ids of each sample's recommendation and quote are filled in
 * before the tests run.
 */
export const sampleIds = new Map<string, { recommendation: number; quote: number; signature: number }>();
const ids = (s: Sample) => sampleIds.get(s.key) ?? { recommendation: 0, quote: 0, signature: 0 };
export const editorialChannels: Record<
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
  // Open sign-on's moderation (issue 19): every statement, whatever its state, for editors only.
  '/:locale/workspace/open-sign-on': { url: (l) => `/${l}/workspace/open-sign-on`, shows: 'statement' },
  '/:locale/workspace/open-sign-on/:slug': {
    url: (l, s) => `/${l}/workspace/open-sign-on/${slugOf(s)}`,
    shows: 'statement',
  },
  // The logo sent with a signature: editors only, whatever the statement's state.
  '/:locale/workspace/open-sign-on/:slug/submissions/:id/logo': {
    url: (l, s) => `/${l}/workspace/open-sign-on/${slugOf(s)}/submissions/${ids(s).signature}/logo`,
    shows: null,
  },
  '/:locale/workspace/open-sign-on/:slug/signatories.:format': {
    url: (l, s) => `/${l}/workspace/open-sign-on/${slugOf(s)}/signatories.csv`,
    shows: null,
  },
};

/** A press contact, list, send and finished spreadsheet import, so the pages that name one answer editors. */
export const pressIds = { contact: 0, list: 0, send: 0, sheetImport: 0 };
/** A theme mapping of an imported source (the demo has none), for its edit page. */
export const registryIds = { themeMapping: 0 };

/** Editors' follow-up pages: drafts are what they are for; the public and members get nothing there. */
export const editorChannels = new Set(Object.keys(channels).filter((k) => k.startsWith('/:locale/workspace/followup')));

function channelKey(url: string): string {
  const locale = LOCALES.find((l) => url === `/${l}/` || url.startsWith(`/${l}/`));
  if (locale) return `/:locale${url.slice(locale.length + 1)}`;
  if (url.startsWith('/assets/htmx.')) return '/assets/htmx.js';
  if (url.startsWith('/assets/copy.')) return '/assets/copy.js';
  if (url.startsWith('/assets/browser-time-zone.')) return '/assets/browser-time-zone.js';
  return url.startsWith('/assets/style.') ? '/assets/style.css' : url;
}

/** The GET routes of `app` that neither table covers. */
export function uncoveredRoutes(app: FastifyTypeBox): string[] {
  const keys = new Set(
    registeredRoutes(app)
      .filter((r) => r.method === 'GET')
      .map((r) => channelKey(r.url)),
  );
  return [...keys].filter((key) => !(key in channels) && !(key in editorialChannels));
}
