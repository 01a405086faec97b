/**
 * Follow-up dashboards at scale (issue 7): 250,000 recommendations and 1,000,000 timeline entries
 * (750,000 status updates + 250,000 responses), generated in SQL with generate_series (seconds,
 * not minutes of row-by-row inserts), then the p95 of each dashboard query and of a filtered list.
 * Goal: ≤ 50 ms at p95 on PGlite; the PostgreSQL figure beside it when TEST_DATABASE_URL or
 * DATABASE_URL is set (a throw-away database is created there and dropped).
 *
 * The data is synthetic and shaped like a large coalition: 2,500 statements of 100 recommendations,
 * 20 themes, 50 addressees in 10 countries, 0–6 status updates per recommendation (90 % published),
 * 5 % of statements still drafts.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { ListFilters, WorkspaceListFilters } from '../src/features/followup/index.js';
import {
  countByAddressee,
  countByStatus,
  countByTheme,
  filterOptions,
  listForFollowup,
  listRecommendations,
  liveCountByAddressee,
  liveCountByStatus,
  liveCountByTheme,
  liveScorecard,
  liveStatusOverTime,
  publicOverdueCommitments,
  scorecard,
  statusOverTime,
  workspaceFilterOptions,
} from '../src/features/followup/index.js';
import type { Db, DbHandle } from '../src/platform/db/client.js';
import { openDb, withDefaultUser } from '../src/platform/db/client.js';
import { runMigrations } from '../src/platform/db/migrate.js';

const STATEMENTS = 2_500;
const PER_STATEMENT = 100;
const RECOMMENDATIONS = STATEMENTS * PER_STATEMENT;
const STATUS_UPDATES = 750_000;
const RESPONSES = 250_000;
const ITERATIONS = 20;
const GOAL_MS = 50;
const NOW = new Date('2026-11-27T12:00:00Z');

/** Everything in SQL, so PGlite and PostgreSQL load the same rows the same (fast) way. */
export async function generate(db: Db): Promise<void> {
  const steps = [
    sql`insert into themes (slug, label, position)
        select 'theme-' || i, jsonb_build_object('en', jsonb_build_object('text', 'Theme ' || i, 'origin', 'original')), i
        from generate_series(1, 20) i`,
    sql`insert into addressees (slug, name, kind, country)
        select 'addressee-' || i, jsonb_build_object('en', jsonb_build_object('text', 'Addressee ' || i, 'origin', 'original')),
          'government', (array['GT','HN','SV','MX','US','CO','NI','CR','PA','BZ'])[1 + i % 10]
        from generate_series(1, 50) i`,
    sql`insert into statements (slug, title, date, status)
        select 'statement-' || i, jsonb_build_object('en', jsonb_build_object('text', 'Statement ' || i, 'origin', 'original')),
          date '2015-01-01' + (i * 4) % 4000, case when i % 20 = 0 then 'draft'::statement_status else 'published' end
        from generate_series(1, ${STATEMENTS}) i`,
    sql`insert into recommendations (statement_id, slug, position, text)
        select s.id, 'r' || p, p, jsonb_build_object('en', jsonb_build_object('text', 'Recommendation ' || p || ' of ' || s.slug, 'origin', 'original'))
        from statements s cross join generate_series(1, ${PER_STATEMENT}) p
        where s.slug like 'statement-%'`,
    // One theme for every recommendation, a second for a third of them.
    sql`insert into recommendation_themes (recommendation_id, theme_id)
        select r.id, t.id from recommendations r join themes t on t.slug = 'theme-' || (1 + r.id % 20)
        union all
        select r.id, t.id from recommendations r join themes t on t.slug = 'theme-' || (1 + (r.id + 7) % 20) where r.id % 3 = 0`,
    sql`insert into recommendation_addressees (recommendation_id, addressee_id)
        select r.id, a.id from recommendations r join addressees a on a.slug = 'addressee-' || (1 + r.id % 50)
        union all
        select r.id, a.id from recommendations r join addressees a on a.slug = 'addressee-' || (1 + (r.id + 13) % 50) where r.id % 4 = 0`,
    // Status updates: spread over recommendations with uneven counts, dated after their statement.
    sql`insert into followup_status_updates (recommendation_id, statement_id, status, date, publication, summary)
        select r.id, r.statement_id,
          (enum_range(null::implementation_status))[1 + (g * 7 + r.id) % 6],
          least(s.date + ((g * 37 + r.id) % 2500), date '2026-11-01'),
          case when g % 10 = 0 then 'draft'::followup_publication else 'published' end,
          jsonb_build_object('en', jsonb_build_object('text', 'Update', 'origin', 'original'))
        from generate_series(1, ${STATUS_UPDATES}) g
        join recommendations r on r.id = (select min(id) from recommendations) + ((hashint4(g)::bigint & 2147483647) % ${RECOMMENDATIONS})
        join statements s on s.id = r.statement_id`,
    // Responses: each from the recommendation's first addressee (every recommendation has one).
    sql`insert into followup_responses (recommendation_id, addressee_id, position, date, publication)
        select r.id, a.id,
          (enum_range(null::response_position))[1 + g % 5],
          date '2016-01-01' + g % 3500,
          case when g % 10 = 0 then 'draft'::followup_publication else 'published' end
        from generate_series(1, ${RESPONSES}) g
        join recommendations r on r.id = (select min(id) from recommendations) + ((hashint4(g + 1000000)::bigint & 2147483647) % ${RECOMMENDATIONS})
        join addressees a on a.slug = 'addressee-' || (1 + r.id % 50)`,
    // The current-status marker, as refreshCurrentStatus would leave it, in one statement.
    sql`update followup_status_updates su set is_current = true
        from (select distinct on (recommendation_id) id from followup_status_updates
              where publication = 'published' order by recommendation_id, date desc, id desc) latest
        where su.id = latest.id`,
    sql`insert into followup_commitments (addressee_id, text, date, due_on, publication)
        select a.id, jsonb_build_object('en', jsonb_build_object('text', 'Commitment ' || g, 'origin', 'original')),
          date '2020-01-01' + g, date '2021-01-01' + g * 3, 'published'
        from generate_series(1, 2000) g join addressees a on a.slug = 'addressee-' || (1 + g % 50)`,
    sql`insert into followup_commitment_recommendations (commitment_id, recommendation_id)
        select c.id, (select min(id) from recommendations) + c.id * 97 % ${RECOMMENDATIONS} from followup_commitments c`,
    sql`analyze`,
  ];
  for (const step of steps) await db.execute(step);
}

async function p95(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length * 0.5)]!, p95: times[Math.ceil(times.length * 0.95) - 1]! };
}

/** Theme 3 goes with addressees 3, 13, 23, 33, 43, all in Mexico (the generator's modular pattern). */
const filtered: ListFilters = { theme: 'theme-3', country: 'MX', from: '2018-01-01' };
/** A date range and nothing else: the widest selection a range makes. */
const sinceOnly: ListFilters = { from: '2018-01-01' };

/** Each public dashboard view as its route runs it (the filter form's options included). */
function cases(db: Db): [string, () => Promise<unknown>][] {
  const page = (body: () => Promise<unknown>) => () => Promise.all([filterOptions(db, NOW), body()]);
  return [
    ['by status (+ overdue)', page(() => Promise.all([countByStatus(db, {}, NOW), publicOverdueCommitments(db, NOW)]))],
    ['by theme', page(() => countByTheme(db, {}, NOW))],
    ['by addressee', page(() => countByAddressee(db, {}, NOW))],
    ['scorecard', page(() => scorecard(db, {}, NOW))],
    ['status over time', page(() => statusOverTime(db, {}, NOW))],
    ['list, page 1', page(() => listRecommendations(db, {}, NOW))],
    ['by status, filtered', page(() => countByStatus(db, filtered, NOW))],
    ['status over time, filtered', page(() => statusOverTime(db, filtered, NOW))],
    ['scorecard, filtered', page(() => scorecard(db, filtered, NOW))],
    ['list, filtered + status', page(() => listRecommendations(db, { ...filtered, status: 'implemented' }, NOW))],
    ['list, filtered + no update yet', page(() => listRecommendations(db, { ...filtered, status: 'none' }, NOW))],
    ['by status, date range only', page(() => countByStatus(db, sinceOnly, NOW))],
    ['status over time, date range only', page(() => statusOverTime(db, sinceOnly, NOW))],
    // The live queries the rollup replaced, in the same run, for the ratios in docs/architecture.md §15.
    ['live: by status', page(() => liveCountByStatus(db, {}, NOW))],
    ['live: by theme', page(() => liveCountByTheme(db, {}, NOW))],
    ['live: by addressee', page(() => liveCountByAddressee(db, {}, NOW))],
    ['live: scorecard', page(() => liveScorecard(db, {}, NOW))],
    ['live: by status, filtered', page(() => liveCountByStatus(db, filtered, NOW))],
    ['live: scorecard, filtered', page(() => liveScorecard(db, filtered, NOW))],
    ['live: status over time', page(() => liveStatusOverTime(db, {}, NOW))],
    ['live: status over time, filtered', page(() => liveStatusOverTime(db, filtered, NOW))],
    // The editors' list of every recommendation (/workspace/followup), with its filter options.
    ...workspaceCases(db),
  ];
}

/** The editors' follow-up list as its route runs it: the list and the filter form's options (the stale count aside). */
function workspaceCases(db: Db): [string, () => Promise<unknown>][] {
  const list =
    (filters: WorkspaceListFilters, cursor: () => Promise<{ after?: string }> = async () => ({})) =>
    async () =>
      Promise.all([workspaceFilterOptions(db, filters), listForFollowup(db, filters, NOW, 6, await cursor())]);
  // Page 40's cursor, found once by walking the pages (a keyset page is reached by its neighbour's link).
  let page40: { after?: string } | undefined;
  const toPage40 = async () => {
    if (!page40) {
      let page = await listForFollowup(db, {}, NOW, 6);
      for (let i = 1; i < 40 && page.next; i++) {
        page40 = { after: page.next };
        page = await listForFollowup(db, {}, NOW, 6, page40);
      }
    }
    return page40 ?? {};
  };
  return [
    ['workspace list, page 1', list({})],
    ['workspace list, page 40', list({}, toPage40)],
    ['workspace list, search', list({ q: 'of statement-17' })],
    ['workspace list, search + statement', list({ q: 'recommendation 7', statement: 'statement-1234' })],
    ['workspace list, stale', list({ stale: true })],
    ['workspace list, theme + status', list({ theme: 'theme-3', status: 'implemented' })],
    ['workspace list, theme + addressee', list({ theme: 'theme-3', addressee: 'addressee-3' })],
  ];
}

/** Tables whose triggers keep the dashboard rollup (drizzle/0010_followup_rollup_triggers.sql). */
const ROLLUP_TRIGGERED = [
  'statements',
  'recommendations',
  'recommendation_themes',
  'recommendation_addressees',
  'addressees',
  'followup_status_updates',
];

/**
 * Bulk generation with the rollup triggers off (each insert would recompute every statement), then
 * one rebuild of the rollup for every statement, timed on its own.
 */
async function generateWithRollup(db: Db): Promise<string> {
  for (const table of ROLLUP_TRIGGERED) await db.execute(sql.raw(`alter table ${table} disable trigger user`));
  const start = performance.now();
  await generate(db);
  const generated = performance.now();
  for (const table of ROLLUP_TRIGGERED) await db.execute(sql.raw(`alter table ${table} enable trigger user`));
  await db.execute(sql`select followup_rollup_refresh(array(select id from statements))`);
  await db.execute(sql`analyze`);
  const built = performance.now();
  return `data generated in ${((generated - start) / 1000).toFixed(1)} s, rollup built in ${((built - generated) / 1000).toFixed(1)} s`;
}

async function runOn(label: string, handle: DbHandle): Promise<void> {
  await runMigrations(handle);
  const generated = await generateWithRollup(handle.db);
  await measure(
    `${label}, ${generated}: ${RECOMMENDATIONS} recommendations, ${STATUS_UPDATES + RESPONSES} timeline entries`,
    handle.db,
  );
}

/** Times every case (or those whose name contains one of `only`) on a database holding the generated data. */
export async function measure(label: string, db: Db, only: string[] = []): Promise<void> {
  console.log(`follow-up dashboards on ${label}`);
  console.log(`  ${'view'.padEnd(30)} ${'p50'.padStart(9)} ${'p95'.padStart(9)}  goal p95 ≤ ${GOAL_MS} ms`);
  for (const [name, fn] of cases(db)) {
    if (only.length > 0 && !only.some((o) => name.includes(o))) continue;
    const { p50, p95: worst } = await p95(fn);
    const verdict = worst <= GOAL_MS ? 'met' : 'NOT met';
    console.log(`  ${name.padEnd(30)} ${p50.toFixed(1).padStart(6)} ms ${worst.toFixed(1).padStart(6)} ms  ${verdict}`);
  }
}

export async function benchFollowupDashboard(): Promise<void> {
  const pglite = await openDb({ engine: 'pglite', dataDir: null });
  try {
    await runOn('PGlite (in memory)', pglite);
  } finally {
    await pglite.close();
  }
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!serverUrl) {
    console.log('  (PostgreSQL skipped: set TEST_DATABASE_URL or DATABASE_URL)');
    return;
  }
  const name = `puente_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: withDefaultUser(serverUrl) });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const postgres = await openDb({ engine: 'postgres', url: url.toString(), maxConnections: 4 });
  try {
    await runOn('PostgreSQL', postgres);
  } finally {
    await postgres.close();
    await admin(`drop database if exists ${name} with (force)`);
  }
}

if (process.argv[1]?.endsWith('followup-dashboard.bench.ts')) await benchFollowupDashboard();
