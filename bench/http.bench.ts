/**
 * The HTTP benchmark of issue 15, measured from outside: the compiled server (`node dist/main.js`) in
 * its own process, loaded by autocannon (50 connections, BENCH_HTTP_SECONDS per page, 10 by default,
 * after a warm-up), and beside it, in the same run, a trivial Fastify server (bench/trivial-server.ts,
 * its own process too) answering the same bytes with the same status and content type. The ratio of
 * the two is the figure the acceptance asks for; for the PDF the trivial server is the
 * "static file of the same size".
 *
 * On PGlite (a data directory) and on PostgreSQL (a throw-away database on TEST_DATABASE_URL or
 * DATABASE_URL), at the demo size and at the large coalition (bench/large-coalition.ts; built once and
 * kept, see bench-databases.ts). Then, on PostgreSQL at the demo size, one instance against N=4 on the
 * same database: N autocannon runs at once, one per instance, summed, against one instance given the
 * same total connections. Each server's resident memory after its load (VmRSS) and peak (VmHWM).
 *
 * Everything shares the machine: the load generator, the servers and PostgreSQL compete for the same
 * cores, so the ratios (same run, same machine) mean more than the absolute figures.
 * `npm run bench -- http`; BENCH_HTTP_ONLY=pglite-demo,postgres-demo (any of pglite|postgres-demo|large)
 * limits the configurations.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { packageRoot } from '../src/platform/package-root.js';
import {
  type BenchDatabase,
  pgliteDatabase,
  postgresDatabase,
  postgresServerUrl,
  type Size,
} from './bench-databases.js';
import { LARGE_BIG_RELEASE, LARGE_BIG_STATEMENT } from './large-coalition.js';
import type { RecordedPage } from './trivial-server.js';

const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
/** The trivial server's figures are steady: half the time is enough. */
const TRIVIAL_SECONDS = Math.max(3, Math.round(SECONDS / 2));
const WARM_UP_SECONDS = 2;
const CONNECTIONS = 50;
const INSTANCES = 4;
/** The acceptance: statement, release and dashboard pages ≥ 0.5×, p99 ≤ 50 ms; PDF ≥ 0.3×. */
const GOALS: Record<string, { ratio: number; p99?: number }> = {
  'statement page': { ratio: 0.5, p99: 50 },
  'release page': { ratio: 0.5, p99: 50 },
  'follow-up dashboard': { ratio: 0.5, p99: 50 },
  'release PDF': { ratio: 0.3 },
};

interface Page {
  label: string;
  path: string;
  status: number;
}

function pagesAt(size: Size): Page[] {
  // At the large size, the heaviest statement (320 recommendations) and the release presenting it.
  const statement = size === 'demo' ? 'guatemala-vp-visit-2021' : LARGE_BIG_STATEMENT;
  const release = size === 'demo' ? 'guatemala-vp-visit-2021' : LARGE_BIG_RELEASE;
  return [
    { label: '/en/', path: '/en/', status: 200 },
    { label: 'statement page', path: `/en/statements/${statement}`, status: 200 },
    { label: 'release page', path: `/en/releases/${release}`, status: 200 },
    { label: 'release PDF', path: `/en/releases/${release}/release.pdf`, status: 200 },
    { label: 'release DOCX', path: `/en/releases/${release}/release.docx`, status: 200 },
    { label: 'follow-up dashboard', path: '/en/follow-up', status: 200 },
    { label: '404 page', path: '/en/no-such-page', status: 404 },
  ];
}

interface Server {
  name: string;
  pid: number;
  baseUrl: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Spawns a server and resolves once `ready(baseUrl)` holds; its output is kept for the error message. */
async function spawnServer(name: string, args: string[], env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const { PATH, HOME, USER, PGUSER } = process.env;
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: packageRoot,
    env: { PATH, HOME, USER, PGUSER, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    output += chunk;
  });
  const exited = once(child, 'exit');
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`${name} did not answer within 180 s:\n${output}`);
    const ok = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    name,
    pid: child.pid!,
    baseUrl,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

function startPuente(db: BenchDatabase, name = 'puente'): Promise<Server> {
  // Production as operators run it; warn keeps the log (a line per request otherwise) out of the figures.
  return spawnServer(name, ['dist/main.js'], {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    PUENTE_DEMO: 'off',
    ...db.env,
  });
}

async function startTrivial(pagesFile: string): Promise<Server> {
  return spawnServerOnPort('trivial', ['--import', 'tsx', 'bench/trivial-server.ts', pagesFile], await freePort());
}

/** The trivial server takes its port as an argument and has no /healthz: "ready" on stdout says it listens. */
async function spawnServerOnPort(name: string, args: string[], port: number): Promise<Server> {
  const child = spawn(process.execPath, [...args, String(port)], {
    cwd: packageRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('ready')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}:\n${output}`)));
  });
  const exited = once(child, 'exit');
  return {
    name,
    pid: child.pid!,
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

interface Memory {
  rssMb: number;
  peakMb: number;
}

function memoryOf(pid: number): Memory | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return null; // not Linux
  }
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  /** Connection errors (timeouts included) and answers with another status than the page's. */
  errors: number;
  timeouts: number;
  wrongStatus: number;
}

async function load(url: string, seconds: number, connections: number, status: number): Promise<Load> {
  const result = await autocannon({ url, connections, duration: seconds, timeout: 10 });
  const answered = result.requests.total;
  const expected = status === 200 ? result['2xx'] : result['4xx'];
  return {
    rps: answered / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    wrongStatus: answered - expected,
  };
}

/** Fetches each page once from Puente: the bytes the trivial server will answer. */
async function recordPages(server: Server, pages: Page[]): Promise<Record<string, RecordedPage>> {
  const recorded: Record<string, RecordedPage> = {};
  for (const page of pages) {
    const response = await fetch(server.baseUrl + page.path);
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status !== page.status) {
      throw new Error(`${page.path} answered ${response.status}, not ${page.status}: ${body.toString().slice(0, 300)}`);
    }
    recorded[page.path] = {
      status: response.status,
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
      body: body.toString('base64'),
    };
  }
  return recorded;
}

interface Row {
  config: string;
  page: string;
  bytes: number;
  puente: Load;
  trivial: Load;
}

interface MemoryRow {
  config: string;
  server: string;
  memory: Memory | null;
}

const rows: Row[] = [];
const memories: MemoryRow[] = [];
const instanceRows: string[] = [];

async function measureConfig(config: string, db: BenchDatabase, size: Size): Promise<void> {
  const pages = pagesAt(size);
  const puente = await startPuente(db);
  const dir = mkdtempSync(join(tmpdir(), 'puente-http-'));
  let trivial: Server | null = null;
  try {
    const recorded = await recordPages(puente, pages);
    const pagesFile = join(dir, 'pages.json');
    writeFileSync(pagesFile, JSON.stringify(recorded));
    trivial = await startTrivial(pagesFile);
    for (const page of pages) {
      await load(puente.baseUrl + page.path, WARM_UP_SECONDS, CONNECTIONS, page.status);
      const ours = await load(puente.baseUrl + page.path, SECONDS, CONNECTIONS, page.status);
      await load(trivial.baseUrl + page.path, 1, CONNECTIONS, page.status);
      const baseline = await load(trivial.baseUrl + page.path, TRIVIAL_SECONDS, CONNECTIONS, page.status);
      const bytes = Buffer.from(recorded[page.path]!.body, 'base64').length;
      const row = { config, page: page.label, bytes, puente: ours, trivial: baseline };
      rows.push(row);
      console.log(`  ${config} ${page.label}: ${formatRow(row).join(' | ')}`);
    }
    memories.push({ config, server: 'puente', memory: memoryOf(puente.pid) });
    memories.push({ config, server: 'trivial', memory: memoryOf(trivial.pid) });
    if (config === 'postgres demo') await compareInstances(db, puente, pages);
  } finally {
    await trivial?.stop();
    await puente.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One instance with C connections against N instances with C/N each, at once, on the same database. */
async function compareInstances(db: BenchDatabase, first: Server, pages: Page[]): Promise<void> {
  const others: Server[] = [];
  try {
    for (let i = 2; i <= INSTANCES; i++) others.push(await startPuente(db, `puente-${i}`));
    const all = [first, ...others];
    const each = Math.ceil(CONNECTIONS / INSTANCES);
    const total = each * INSTANCES;
    for (const page of pages.filter((p) => ['/en/', 'statement page'].includes(p.label))) {
      for (const server of all) await load(server.baseUrl + page.path, 1, each, page.status);
      const one = await load(first.baseUrl + page.path, SECONDS, total, page.status);
      const many = await Promise.all(all.map((s) => load(s.baseUrl + page.path, SECONDS, each, page.status)));
      const sum = many.reduce((acc, l) => acc + l.rps, 0);
      const worstP99 = Math.max(...many.map((l) => l.p99));
      const errors = many.reduce((acc, l) => acc + l.errors + l.wrongStatus, 0);
      instanceRows.push(
        `| ${page.label} | ${fmt(one.rps)} (p99 ${one.p99} ms) | ${fmt(sum)} (worst p99 ${worstP99} ms, errors ${errors}) | ${(sum / one.rps).toFixed(2)}× |`,
      );
      console.log(`  ${instanceRows.at(-1)}`);
    }
    for (const server of others)
      memories.push({ config: 'postgres demo', server: server.name, memory: memoryOf(server.pid) });
  } finally {
    for (const server of others) await server.stop();
  }
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(1));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function formatRow(row: Row): string[] {
  const { puente: p, trivial: t } = row;
  const ratio = p.rps / t.rps;
  const goal = GOALS[row.page];
  const met = goal ? (ratio >= goal.ratio && (goal.p99 === undefined || p.p99 <= goal.p99) ? 'met' : 'NOT met') : '';
  return [
    row.page,
    kb(row.bytes),
    fmt(p.rps),
    `${p.p50} ms`,
    `${p.p99} ms`,
    `${p.errors + p.wrongStatus}/${p.timeouts}`,
    fmt(t.rps),
    `${t.p99} ms`,
    ratio.toFixed(3),
    met,
  ];
}

function printTables(): void {
  const configs = [...new Set(rows.map((r) => r.config))];
  for (const config of configs) {
    console.log(
      `\n### ${config} (${CONNECTIONS} connections, ${SECONDS} s per page; trivial server ${TRIVIAL_SECONDS} s)\n`,
    );
    console.log('| page | bytes | req/s | p50 | p99 | errors/timeouts | trivial req/s | trivial p99 | ratio | goal |');
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    for (const row of rows.filter((r) => r.config === config)) console.log(`| ${formatRow(row).join(' | ')} |`);
  }
  if (instanceRows.length > 0) {
    console.log(`\n### PostgreSQL, demo: 1 instance vs ${INSTANCES} on the same database\n`);
    console.log(`| page | 1 instance req/s | ${INSTANCES} instances req/s (summed) | ratio |`);
    console.log('|---|---|---|---|');
    for (const line of instanceRows) console.log(line);
  }
  console.log('\n### Memory after the load\n');
  console.log('| configuration | server | resident (VmRSS) | peak (VmHWM) |');
  console.log('|---|---|---|---|');
  for (const { config, server, memory } of memories) {
    const mb = (n: number | undefined) => (n === undefined ? 'n/a' : `${n.toFixed(0)} MB`);
    console.log(`| ${config} | ${server} | ${mb(memory?.rssMb)} | ${mb(memory?.peakMb)} |`);
  }
}

export async function benchHttp(): Promise<void> {
  const build = spawnSync(process.execPath, ['scripts/build.js', '--if-stale'], { cwd: packageRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  const serverUrl = postgresServerUrl();
  const only = process.env.BENCH_HTTP_ONLY?.split(',').filter(Boolean) ?? [];
  const configs: [string, () => Promise<BenchDatabase>, Size][] = [
    ['pglite demo', () => pgliteDatabase('demo'), 'demo'],
    ['pglite large', () => pgliteDatabase('large'), 'large'],
  ];
  if (serverUrl) {
    configs.push(['postgres demo', () => postgresDatabase(serverUrl, 'demo'), 'demo']);
    configs.push(['postgres large', () => postgresDatabase(serverUrl, 'large'), 'large']);
  } else {
    console.log('  (PostgreSQL skipped: set TEST_DATABASE_URL or DATABASE_URL)');
  }
  const started = Date.now();
  for (const [config, makeDb, size] of configs) {
    if (only.length > 0 && !only.includes(config.replace(' ', '-'))) continue;
    console.log(`${config}: preparing the database…`);
    const db = await makeDb();
    try {
      await measureConfig(config, db, size);
    } finally {
      await db.drop();
    }
  }
  printTables();
  console.log(`\n(bench took ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

if (process.argv[1]?.endsWith('http.bench.ts')) await benchHttp();
