/**
 * Page budget at the large coalition (issue 15's acceptance: every public and workspace page ≤ 100 KB
 * and ≤ 50 ms median): every GET page of the route table, through `app.inject` on PGlite, anonymous
 * for public pages and signed in for the others (an editor for the workspace, a member for the
 * member pages, an admin for the admin pages). English for every page, Spanish for a sample. Each:
 * status, bytes, median of REQUESTS requests after one warm-up. A table sorted worst first; pages
 * over either budget are marked. A route this file has no sample URL for is listed as such, so a new
 * page cannot go unmeasured quietly.
 *
 * `npm run bench -- page-budget`; BENCH_PAGES=regex measures only the routes it matches (e.g.
 * `BENCH_PAGES='workspace/(releases|statements)/:slug$'`).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app/app.js';
import { type Db, type DbHandle, openDb, queryRows } from '../src/platform/db/client.js';
import type { FastifyTypeBox } from '../src/platform/web/fastify-typebox.js';
import { registeredRoutes } from '../src/platform/web/route-table.js';
import { createUserWithPassword, PASSWORD, signedIn, Visitor } from '../test/support/visitors.js';
import { pgliteDatabase } from './bench-databases.js';
import {
  LARGE_BIG_RELEASE,
  LARGE_BIG_STATEMENT,
  LARGE_COALITION_PASSWORD,
  LARGE_EDITOR_EMAIL,
  LARGE_MEMBER_EMAIL,
} from './large-coalition.js';

const REQUESTS = 15;
/** A page slower than this is measured fewer times, so one slow page cannot take minutes. */
const SLOW_MS = 1_000;
const BUDGET_BYTES = 100 * 1024;
const BUDGET_MS = 50;
/** Also measured in Spanish: the pages most read and the heaviest lists. */
const SPANISH_SAMPLE = [
  '/:locale/',
  '/:locale/statements/:slug',
  '/:locale/releases',
  '/:locale/releases/:slug',
  '/:locale/organizations',
  '/:locale/follow-up',
  '/:locale/workspace',
  '/:locale/workspace/statements',
  '/:locale/workspace/translations',
];

/** Not pages: assets, files, downloads, health and the root redirect. */
const NOT_PAGES = [
  /^\/$/,
  /^\/healthz$/,
  /^\/favicon\./,
  /^\/assets\//,
  /^\/files\//,
  /\.:format$/,
  /\/logo$/,
  /\/document$/,
];

type Who = 'anonymous' | 'editor' | 'member' | 'admin';

function whoFor(route: string): Who {
  if (route.startsWith('/:locale/admin')) return 'admin';
  if (route === '/:locale/workspace/my-organization' || route.startsWith('/:locale/sign-on')) return 'member';
  if (route.startsWith('/:locale/workspace') || route.startsWith('/:locale/account')) return 'editor';
  return 'anonymous';
}

interface Samples {
  organizationId: number;
  editorId: number;
  recommendationId: number;
  /** r1 of the big statement, for the statement editor's recommendation form. */
  bigRecommendationId: number;
  quote: { id: number; statement: string };
  entries: Record<'response' | 'status' | 'meeting' | 'commitment', number>;
  signOnStatement: string;
}

/** Ids of the large coalition's rows that the sample URLs name. */
async function findSamples(db: Db): Promise<Samples> {
  const one = async <R>(query: ReturnType<typeof sql>) => {
    const [row] = await queryRows<R>(db, query);
    if (!row) throw new Error(`no sample row for ${JSON.stringify(query)}`);
    return row;
  };
  // A recommendation with an entry of every kind, so each edit form has one to show.
  const rec = await one<{ id: number; response: number; status: number; meeting: number; commitment: number }>(
    sql`select r.id,
          (select min(id) from followup_responses where recommendation_id = r.id) as response,
          (select min(id) from followup_status_updates where recommendation_id = r.id) as status,
          (select min(meeting_id) from followup_meeting_recommendations where recommendation_id = r.id) as meeting,
          (select min(commitment_id) from followup_commitment_recommendations where recommendation_id = r.id) as commitment
        from recommendations r join statements s on s.id = r.statement_id
        where s.slug like 'large-%'
          and exists (select 1 from followup_responses where recommendation_id = r.id)
          and exists (select 1 from followup_status_updates where recommendation_id = r.id)
          and exists (select 1 from followup_meeting_recommendations where recommendation_id = r.id)
          and exists (select 1 from followup_commitment_recommendations where recommendation_id = r.id)
        order by r.id limit 1`,
  );
  const big = await one<{ id: number }>(
    sql`select r.id from recommendations r join statements s on s.id = r.statement_id
        where s.slug = ${LARGE_BIG_STATEMENT} and r.slug = 'r1'`,
  );
  const quote = await one<{ id: number; slug: string }>(
    sql`select q.id, s.slug from quotes q join statements s on s.id = q.statement_id where s.slug like 'large-%' order by q.id limit 1`,
  );
  const signOn = await one<{ slug: string }>(
    sql`select s.slug from sign_on_calls c join statements s on s.id = c.statement_id where s.slug like 'large-%' order by s.id limit 1`,
  );
  return {
    organizationId: Number(
      (await one<{ id: number }>(sql`select id from organizations where slug = 'large-org-0'`)).id,
    ),
    editorId: Number((await one<{ id: number }>(sql`select id from users where email = ${LARGE_EDITOR_EMAIL}`)).id),
    recommendationId: Number(rec.id),
    bigRecommendationId: Number(big.id),
    quote: { id: Number(quote.id), statement: quote.slug },
    entries: {
      response: Number(rec.response),
      status: Number(rec.status),
      meeting: Number(rec.meeting),
      commitment: Number(rec.commitment),
    },
    signOnStatement: signOn.slug,
  };
}

/** The URL (under `/{locale}`) each route with parameters is measured at, on the large coalition's heaviest rows. */
function sampleUrls(s: Samples): Record<string, string> {
  const followup = `/workspace/followup/recommendations/${s.recommendationId}`;
  return {
    '/:locale/statements/:slug': `/statements/${LARGE_BIG_STATEMENT}`,
    '/:locale/statements/:slug/recommendations/:recommendation': `/statements/${LARGE_BIG_STATEMENT}/recommendations/r1`,
    '/:locale/statements/:slug/recommendations/:recommendation/follow-up': `/statements/${LARGE_BIG_STATEMENT}/recommendations/r1/follow-up`,
    '/:locale/releases/:slug': `/releases/${LARGE_BIG_RELEASE}`,
    '/:locale/organizations/:slug': '/organizations/large-org-0',
    '/:locale/organizations/:slug/boilerplate': '/organizations/large-org-0/boilerplate',
    '/:locale/admin/history/:entity/:id': `/admin/history/organization/${s.organizationId}`,
    '/:locale/admin/history/:entity/:id/history.csv': `/admin/history/organization/${s.organizationId}/history.csv`,
    '/:locale/admin/users/:id': `/admin/users/${s.editorId}`,
    '/:locale/set-password/:token': '/set-password/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    '/:locale/workspace/organizations/:slug': '/workspace/organizations/large-org-0',
    '/:locale/workspace/organizations/:slug/edit': '/workspace/organizations/large-org-0/edit',
    '/:locale/workspace/people/:slug/edit': '/workspace/people/large-person-0/edit',
    '/:locale/workspace/themes/:slug/edit': '/workspace/themes/large-theme-0/edit',
    '/:locale/workspace/addressees/:slug/edit': '/workspace/addressees/large-addressee-0/edit',
    '/:locale/workspace/statements/:slug': `/workspace/statements/${LARGE_BIG_STATEMENT}`,
    '/:locale/workspace/statements/:slug/recommendations/new': `/workspace/statements/${LARGE_BIG_STATEMENT}/recommendations/new`,
    '/:locale/workspace/statements/:slug/recommendations/:id': `/workspace/statements/${LARGE_BIG_STATEMENT}/recommendations/${s.bigRecommendationId}`,
    '/:locale/workspace/statements/:slug/quotes/new': `/workspace/statements/${LARGE_BIG_STATEMENT}/quotes/new`,
    '/:locale/workspace/statements/:slug/quotes/:id': `/workspace/statements/${s.quote.statement}/quotes/${s.quote.id}`,
    '/:locale/workspace/releases/:slug': `/workspace/releases/${LARGE_BIG_RELEASE}`,
    '/:locale/workspace/releases/:slug/publish': `/workspace/releases/${LARGE_BIG_RELEASE}/publish`,
    '/:locale/workspace/followup/recommendations/:id': followup,
    '/:locale/workspace/followup/recommendations/:id/response': `${followup}/response`,
    '/:locale/workspace/followup/recommendations/:id/status': `${followup}/status`,
    '/:locale/workspace/followup/recommendations/:id/meeting': `${followup}/meeting`,
    '/:locale/workspace/followup/recommendations/:id/commitment': `${followup}/commitment`,
    '/:locale/workspace/followup/recommendations/:id/response/:entryId/edit': `${followup}/response/${s.entries.response}/edit`,
    '/:locale/workspace/followup/recommendations/:id/status/:entryId/edit': `${followup}/status/${s.entries.status}/edit`,
    '/:locale/workspace/followup/recommendations/:id/meeting/:entryId/edit': `${followup}/meeting/${s.entries.meeting}/edit`,
    '/:locale/workspace/followup/recommendations/:id/commitment/:entryId/edit': `${followup}/commitment/${s.entries.commitment}/edit`,
    '/:locale/sign-on/:slug': `/sign-on/${s.signOnStatement}`,
  };
}

interface Measured {
  url: string;
  who: Who;
  status: number;
  bytes: number;
  medianMs: number;
  runs: number;
  /** Queries one request runs, and the time the database was busy with them (the median request's). */
  queries: number;
  queryMs: number;
}

/**
 * Counts the queries PGlite runs and their time, so a slow page says whether the database or the
 * rendering is the cost (and a loaded machine inflates both alike: the share still holds).
 */
function queryMeter(handle: DbHandle): { reset(): void; read(): { queries: number; ms: number } } {
  let queries = 0;
  // The time at least one query was in flight: queries issued together queue in PGlite, so their
  // own durations would count the wait many times over.
  let busyMs = 0;
  let inFlight = 0;
  let busySince = 0;
  if (handle.driver.engine === 'pglite') {
    const client = handle.driver.client;
    const query = client.query.bind(client);
    client.query = (async (...args: Parameters<typeof query>) => {
      if (inFlight++ === 0) busySince = performance.now();
      try {
        return await query(...args);
      } finally {
        queries++;
        if (--inFlight === 0) busyMs += performance.now() - busySince;
      }
    }) as typeof client.query;
  }
  return {
    reset: () => {
      queries = 0;
      busyMs = 0;
    },
    read: () => ({ queries, ms: busyMs }),
  };
}

async function measure(
  visitor: Visitor,
  url: string,
  who: Who,
  meter: ReturnType<typeof queryMeter>,
): Promise<Measured> {
  const first = await visitor.get(url);
  const runs: { ms: number; queries: number; queryMs: number }[] = [];
  let count = REQUESTS;
  for (let i = 0; i < count; i++) {
    meter.reset();
    const started = performance.now();
    await visitor.get(url);
    const ms = performance.now() - started;
    const { queries, ms: queryMs } = meter.read();
    runs.push({ ms, queries, queryMs });
    if (i === 0 && ms > SLOW_MS) count = 3;
  }
  runs.sort((a, b) => a.ms - b.ms);
  const median = runs[Math.floor(runs.length / 2)]!;
  return {
    url,
    who,
    status: first.statusCode,
    bytes: first.rawPayload.length,
    medianMs: median.ms,
    runs: runs.length,
    queries: median.queries,
    queryMs: median.queryMs,
  };
}

/** How far over budget, the larger of the two shares: the sort key (worst first). */
const overBudget = (m: Measured) => Math.max(m.bytes / BUDGET_BYTES, m.medianMs / BUDGET_MS);

async function visitorsFor(app: FastifyTypeBox, db: Db): Promise<Record<Who, Visitor>> {
  // The admin pages need an admin with two-factor: made here, in this run's copy of the database.
  await createUserWithPassword(db, { email: 'admin@large.example.org', role: 'admin' });
  return {
    anonymous: new Visitor(app),
    editor: await signedIn(app, LARGE_EDITOR_EMAIL, LARGE_COALITION_PASSWORD),
    member: await signedIn(app, LARGE_MEMBER_EMAIL, LARGE_COALITION_PASSWORD),
    admin: await signedIn(app, 'admin@large.example.org', PASSWORD),
  };
}

export async function benchPageBudget(): Promise<void> {
  const database = await pgliteDatabase('large');
  const handle = await openDb(database.target);
  try {
    const app = await buildApp({ db: handle.db, logger: false });
    await app.ready();
    const visitors = await visitorsFor(app, handle.db);
    const meter = queryMeter(handle);
    const urls = sampleUrls(await findSamples(handle.db));
    const only = process.env.BENCH_PAGES ? new RegExp(process.env.BENCH_PAGES) : null;
    const routes = [
      ...new Set(
        registeredRoutes(app)
          .filter((r) => r.method === 'GET')
          .map((r) => r.url),
      ),
    ]
      .map((url) => url.replace(/^\/(en|es)(?=\/|$)/, '/:locale'))
      .filter((route, i, all) => all.indexOf(route) === i && !NOT_PAGES.some((re) => re.test(route)))
      .filter((route) => only === null || only.test(route))
      .sort();
    const measured: Measured[] = [];
    const unsampled: string[] = [];
    for (const route of routes) {
      const path = urls[route] ?? (route.includes(':', '/:locale'.length) ? null : route.slice('/:locale'.length));
      if (path === null) {
        unsampled.push(route);
        continue;
      }
      const locales = SPANISH_SAMPLE.includes(route) ? ['en', 'es'] : ['en'];
      for (const locale of locales) {
        const url = `/${locale}${path || '/'}`;
        let m = await measure(visitors[whoFor(route)], url, whoFor(route), meter);
        // Some workspace pages are the admin's only (e.g. adding an organization): measured as the admin.
        if (m.status === 403 && m.who !== 'admin') m = await measure(visitors.admin, url, 'admin', meter);
        measured.push(m);
        console.log(
          `  ${m.url} (${m.who}): ${m.status}, ${(m.bytes / 1024).toFixed(1)} KB, ${m.medianMs.toFixed(1)} ms, ${m.queries} queries ${m.queryMs.toFixed(1)} ms`,
        );
      }
    }
    measured.sort((a, b) => overBudget(b) - overBudget(a));
    console.log(
      `\n### Page budget at the large coalition (PGlite, app.inject, median of ${REQUESTS}; ✗ over ${BUDGET_BYTES / 1024} KB or ${BUDGET_MS} ms)\n`,
    );
    console.log('| page | as | status | size | median | queries (database busy) | over budget |');
    console.log('|---|---|---|---|---|---|---|');
    for (const m of measured) {
      const marks = [m.bytes > BUDGET_BYTES ? '✗ size' : '', m.medianMs > BUDGET_MS ? '✗ time' : ''].filter(Boolean);
      const runs = m.runs < REQUESTS ? ` (${m.runs} runs)` : '';
      console.log(
        `| ${m.url} | ${m.who} | ${m.status} | ${(m.bytes / 1024).toFixed(1)} KB | ${m.medianMs.toFixed(1)} ms${runs} | ${m.queries} (${m.queryMs.toFixed(1)} ms) | ${marks.join(', ')} |`,
      );
    }
    const over = measured.filter((m) => m.bytes > BUDGET_BYTES || m.medianMs > BUDGET_MS).length;
    console.log(`\n${over} of ${measured.length} pages over budget.`);
    if (unsampled.length > 0) console.log(`No sample URL in page-budget.bench.ts for: ${unsampled.join(', ')}`);
    await app.close();
  } finally {
    await handle.close();
    await database.drop();
  }
}

if (process.argv[1]?.endsWith('page-budget.bench.ts')) await benchPageBudget();
