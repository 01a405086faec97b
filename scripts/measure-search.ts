/**
 * npx tsx scripts/measure-search.ts [pglite|postgres] — where a search's time goes at 250,000 recommendations
 * (issue 16): a round trip alone, planning against execution of the hits query (EXPLAIN (ANALYZE, SUMMARY)) with and
 * without the search's settings, and the query prepared once and executed (custom and generic plans).
 *
 * Needs the bench's kept large coalition (`npm run bench -- search` builds it); keeps its own copy scaled to 250,000
 * recommendations (a PGlite data dir under the temporary directory, a database on the server) so a second run starts
 * at once. PostgreSQL needs TEST_DATABASE_URL or DATABASE_URL.
 */
import { cpSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { admin, pgliteDatabase, postgresDatabase, postgresServerUrl, urlOf } from '../bench/bench-databases.js';
import { addRecommendations } from '../bench/large-coalition.js';
import { timings } from '../bench/search.bench.js';
import { hitsQuery } from '../src/features/search/hits-query.js';
import { parsedWords } from '../src/features/search/parsed-words.js';
import { readSearchRequest, type SearchAudience } from '../src/features/search/request.js';
import { lexemeShares, wordsAreDense } from '../src/features/search/word-density.js';
import { type DbTarget, openDb, queryRows } from '../src/platform/db/client.js';
import { LOCALES } from '../src/platform/i18n/locales.js';

const engine = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
const SEARCHES: Record<string, string>[] = [
  { q: 'Honduras', year: '2019' },
  { q: 'FLACSO Guatemala' },
  { q: 'asylum border', kind: 'recommendation' },
  { q: 'deportaciones por edad' },
  { q: 'titulo 42' },
];
const RUNS = 15;
/** Recommendations to scale to (MEASURE_RECOMMENDATIONS; 0 keeps the large coalition's 20,007, which planning hardly feels). */
const TOTAL = Number(process.env.MEASURE_RECOMMENDATIONS ?? 250_000);

async function target(): Promise<DbTarget> {
  if (engine === 'pglite') {
    const dataDir = join(tmpdir(), `puente-measure-search-${TOTAL}`);
    if (!existsSync(dataDir)) {
      const copy = await pgliteDatabase('large');
      cpSync((copy.target as { dataDir: string }).dataDir, dataDir, { recursive: true });
      await copy.drop();
    }
    return { engine: 'pglite', dataDir, command: 'measure' };
  }
  const server = postgresServerUrl();
  if (!server) throw new Error('set TEST_DATABASE_URL or DATABASE_URL to measure on PostgreSQL');
  const name = `puente_measure_search_${TOTAL}`;
  if ((await admin(server, `select 1 from pg_database where datname = '${name}'`)) === 0) {
    const copy = await postgresDatabase(server, 'large');
    const from = new URL((copy.target as { url: string }).url).pathname.slice(1);
    await admin(server, `alter database ${from} rename to ${name}`);
  }
  return { engine: 'postgres', url: urlOf(server, name), maxConnections: 1 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const handle = await openDb(await target());
const db = handle.db;
await addRecommendations(db, TOTAL);
console.log(
  `${engine}: ${Number((await queryRows<{ n: string }>(db, sql`select count(*) as n from recommendations`))[0]?.n).toLocaleString('en')} recommendations`,
);
const dialect = new PgDialect();
const now = new Date();
const audience: SearchAudience = 'public';

/** The median of RUNS timed runs, after one to warm up (the bench's way). */
const time = async (fn: () => Promise<unknown>) => median(await timings(fn, RUNS));

console.log(`${engine}: medians of ${RUNS} runs, ms`);
console.log(`  round trip 'select 1': ${(await time(() => db.execute(sql`select 1`))).toFixed(3)}`);
console.log(`  empty transaction (BEGIN, COMMIT): ${(await time(() => db.transaction(async () => {}))).toFixed(3)}`);

// A connection of our own (PGlite has one; the pool here holds one), so settings for the whole session are ours.
// biome-ignore lint/suspicious/noExplicitAny: the driver under drizzle, to send a query's text and parameters as bound
const client = (db as any).$client as { query(text: string, params?: unknown[]): Promise<{ rows: any[] }> };
const setSettings = (on: boolean) =>
  client.query(
    on
      ? "select set_config('pg_trgm.word_similarity_threshold', '0.5', false), set_config('jit', 'off', false), set_config('join_collapse_limit', '1', false)"
      : "select set_config('pg_trgm.word_similarity_threshold', '0.5', false), set_config('jit', 'on', false), set_config('join_collapse_limit', '8', false)",
  );
const shares = await lexemeShares(db);
let n = 0;
for (const request of SEARCHES) {
  const input = readSearchRequest(request);
  const parsed = await parsedWords(db, input.q);
  // As service.ts decides: statistics only without a year or theme, and no entries asked for organizations alone.
  const dense =
    input.kind !== 'organization' &&
    wordsAreDense(parsed, input.year === null && input.theme === null ? shares : null, LOCALES);
  const query = dialect.sqlToQuery(hitsQuery(input, 'en', now, audience, dense, parsed));
  const label = `${new URLSearchParams(request).toString()} (${dense ? 'dense' : 'index'})`;
  const explain = async (prefix: string, text: string, params: unknown[]) => {
    const runs: { planning: number; execution: number; plan: string; jit: boolean }[] = [];
    for (let i = 0; i < 7; i++) {
      const answer = await client.query(`explain (analyze, summary, format json) ${prefix}${text}`, params);
      const raw = answer.rows[0]['QUERY PLAN'];
      const [top] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Record<string, unknown>[];
      runs.push({
        planning: Number(top?.['Planning Time'] ?? 0),
        execution: Number(top?.['Execution Time'] ?? 0),
        jit: top?.JIT !== undefined,
        plan: JSON.stringify(top?.Plan).replace(/"[^"]*":(\d+(\.\d+)?|"[^"]*")/g, (m) =>
          /"(Node Type|Index Name|Relation Name|Join Type)"/.test(m) ? m : '',
        ),
      });
    }
    return {
      planning: median(runs.map((r) => r.planning)),
      execution: median(runs.map((r) => r.execution)),
      plan: runs[0]?.plan ?? '',
      jit: runs.some((r) => r.jit),
    };
  };
  // Planning alone, join_collapse_limit 1 and 8 alternating (the machine is shared: alternation spreads its noise).
  const planning = { 1: [] as number[], 8: [] as number[] };
  for (let i = 0; i < 20; i++) {
    for (const limit of [1, 8] as const) {
      await client.query(`select set_config('join_collapse_limit', '${limit}', false)`);
      const answer = await client.query(`explain (summary, format json) ${query.sql}`, query.params);
      const raw = answer.rows[0]['QUERY PLAN'];
      const [top] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Record<string, unknown>[];
      planning[limit].push(Number(top?.['Planning Time'] ?? 0));
    }
  }
  console.log(
    `    planning alone (median of 20, alternating): join_collapse_limit 1 ${median(planning[1]).toFixed(2)}, 8 ${median(planning[8]).toFixed(2)}`,
  );
  await setSettings(false);
  const without = await explain('', query.sql, query.params);
  await setSettings(true);
  const withSettings = await explain('', query.sql, query.params);
  console.log(
    `  ${label}\n    EXPLAIN with the settings: planning ${withSettings.planning.toFixed(2)}, execution ${withSettings.execution.toFixed(2)}; ` +
      `without (jit on, join_collapse_limit 8): planning ${without.planning.toFixed(2)}, execution ${without.execution.toFixed(2)}, JIT ${without.jit ? 'used' : 'not used'}, same plan: ${withSettings.plan === without.plan}`,
  );
  // Prepared once, then executed: custom plans (planned at each EXECUTE, as the parameters say) and the generic one.
  const name = `measure_${n++}`;
  await client.query(`prepare ${name} as ${query.sql}`);
  // EXECUTE is a utility statement, whose parameters the extended protocol does not bind: the values go as literals.
  const literal = (v: unknown) => (typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`);
  const execute = `execute ${name}(${query.params.map(literal).join(', ')})`;
  const plain = await time(() => client.query(query.sql, query.params));
  await client.query(`set plan_cache_mode = force_custom_plan`);
  const custom = await time(() => client.query(execute));
  const customPlan = await explain('', execute, []);
  await client.query(`set plan_cache_mode = force_generic_plan`);
  const generic = await time(() => client.query(execute));
  const genericPlan = await explain('', execute, []);
  await client.query(`set plan_cache_mode = auto`);
  console.log(
    `    round trip: unprepared ${plain.toFixed(2)}, prepared custom ${custom.toFixed(2)} (EXPLAIN EXECUTE planning ${customPlan.planning.toFixed(2)}), ` +
      `prepared generic ${generic.toFixed(2)} (execution ${genericPlan.execution.toFixed(2)} vs custom ${customPlan.execution.toFixed(2)}, same plan as custom: ${genericPlan.plan === customPlan.plan})`,
  );
  await client.query(`deallocate ${name}`);
}
await handle.close();
