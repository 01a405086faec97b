/**
 * Start-up of `npm start` (`node bin/start.js`, the compiled server): from spawning the process to the
 * first `GET /en/` answered 200, on both engines, in two states:
 * - warm: an ordinary restart (the data already migrated and the demo loaded by an earlier start);
 * - fresh: a first start on nothing (a new PGlite data directory, or an empty PostgreSQL database).
 * Goals (issue 15): warm ≤ 1.5 s, fresh ≤ 5 s. Each figure is the median of RUNS starts, with the
 * process's CPU time to that page (steadier than the wall clock on a busy machine), its resident memory
 * after the page, and where the time went (the server's "start-up phases" line, LOG_LEVEL=debug).
 *
 * `STARTUP_RUNS=n` sets the runs; `STARTUP_COMPARE_WITH=/path/to/other/checkout` measures that
 * checkout too, alternating with this one run by run, so a busy machine slows both alike (before/after).
 * PostgreSQL is measured when TEST_DATABASE_URL or DATABASE_URL is set (throw-away databases on it).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { withDefaultUser } from '../src/platform/db/client.js';
import { packageRoot } from '../src/platform/package-root.js';

const RUNS = Number(process.env.STARTUP_RUNS ?? 5);
/** Linux's clock ticks per second (`getconf CLK_TCK`), the unit of /proc/<pid>/stat's CPU times. */
const CLOCK_TICKS = 100;

interface Sample {
  ms: number;
  cpuMs: number | null;
  rssMb: number | null;
  phases: { phase: string; atMs: number }[];
}

/** A database to start on: `prepare` runs before each timed start (a fresh one, or nothing). */
interface Target {
  name: string;
  env: Record<string, string>;
  prepare(): Promise<void>;
  cleanup(): Promise<void>;
}

function procStatus(pid: number): { cpuMs: number | null; rssMb: number | null } {
  try {
    // Fields after the command's name (which may hold spaces) are space-separated: utime is the 14th field.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return { cpuMs: (ticks * 1000) / CLOCK_TICKS, rssMb: kb ? Number(kb) / 1024 : null };
  } catch {
    return { cpuMs: null, rssMb: null }; // not Linux
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/** Spawns one server from `root` and times it to its first page. */
async function startOnce(root: string, env: Record<string, string>): Promise<Sample> {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/start.js'], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'debug', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let output = '';
    const lineSeen = (pattern: RegExp) =>
      new Promise<RegExpExecArray>((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(output);
          if (match) resolve(match);
          return match;
        };
        if (check()) return;
        const onData = (chunk: Buffer) => {
          output += chunk;
          if (check()) child.stdout!.off('data', onData);
        };
        child.stdout!.on('data', onData);
        child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
      });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    const listening = lineSeen(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/);
    const phasesLine = lineSeen(/^.*"start-up phases.*$/m);
    phasesLine.catch(() => {}); // the server is stopped below, whether the line came or not
    const baseUrl = (await listening)[1]!;
    const page = await fetch(`${baseUrl}/en/`);
    await page.text();
    const ms = performance.now() - started;
    const { cpuMs, rssMb } = procStatus(child.pid!);
    if (page.status !== 200) throw new Error(`GET /en/ answered ${page.status}`);
    // A checkout from before the phases were logged never writes the line.
    const noLine = new Promise<null>((resolve) => setTimeout(resolve, 2000, null).unref());
    const line = await Promise.race([phasesLine, noLine]);
    const phases = line ? (JSON.parse(line[0]) as { phases: Sample['phases'] }).phases : [];
    return { ms, cpuMs, rssMb, phases };
  } finally {
    await stop(child);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function pgliteTargets(): Target[] {
  const dir = mkdtempSync(join(tmpdir(), 'puente-startup-'));
  let fresh = 0;
  const freshEnv = { PUENTE_DATA_DIR: join(dir, 'fresh-0') };
  return [
    {
      name: 'PGlite, fresh data dir',
      env: freshEnv,
      prepare: async () => {
        freshEnv.PUENTE_DATA_DIR = join(dir, `fresh-${++fresh}`);
      },
      cleanup: async () => {},
    },
    {
      name: 'PGlite, warm restart',
      env: { PUENTE_DATA_DIR: join(dir, 'warm') },
      prepare: async () => {},
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    },
  ];
}

function postgresTargets(serverUrl: string): Target[] {
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: withDefaultUser(serverUrl) });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const urlOf = (name: string) => {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const prefix = `puente_bench_start_${randomBytes(3).toString('hex')}`;
  const made: string[] = [];
  const create = async (name: string) => {
    await admin(`create database ${name}`);
    made.push(name);
  };
  const freshEnv = { DATABASE_URL: '' };
  const warm = `${prefix}_warm`;
  return [
    {
      name: 'PostgreSQL, empty database',
      env: freshEnv,
      prepare: async () => {
        const name = `${prefix}_fresh_${made.length}`;
        await create(name);
        freshEnv.DATABASE_URL = urlOf(name);
      },
      cleanup: async () => {},
    },
    {
      name: 'PostgreSQL, warm restart',
      env: { DATABASE_URL: urlOf(warm) },
      prepare: async () => {
        if (!made.includes(warm)) await create(warm);
      },
      cleanup: async () => {
        for (const name of made) await admin(`drop database if exists ${name} with (force)`);
      },
    },
  ];
}

function prepareCheckout(root: string): void {
  // As `npm install` leaves it: dist/ built, and the PGlite template made.
  for (const script of ['scripts/build.js', 'dist/prepare-pglite-template.js']) {
    const args = script === 'scripts/build.js' ? [script, '--if-stale'] : [script];
    const done = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
    if (done.status !== 0) throw new Error(`${script} failed in ${root}`);
  }
}

function describeSamples(samples: Sample[]): string {
  const figure = (values: (number | null)[], unit: string) => {
    const known = values.filter((v): v is number => v !== null);
    return known.length ? `${median(known).toFixed(0)} ${unit}` : 'n/a';
  };
  const phaseNames = [...new Set(samples.flatMap((s) => s.phases.map((p) => p.phase)))];
  const phases = phaseNames
    .map((name) => {
      const at = samples.flatMap((s) => s.phases.filter((p) => p.phase === name).map((p) => p.atMs));
      return `${name} ${median(at)}`;
    })
    .join(', ');
  return (
    `${figure(
      samples.map((s) => s.ms),
      'ms',
    ).padStart(8)}  CPU ${figure(
      samples.map((s) => s.cpuMs),
      'ms',
    )}  RSS ${figure(
      samples.map((s) => s.rssMb),
      'MB',
    )}   (runs: ${samples.map((s) => s.ms.toFixed(0)).join(', ')} ms)\n` +
    `      phases, median ms since the process started: ${phases}`
  );
}

export async function benchStartup(): Promise<void> {
  const roots: Record<string, string> = { 'this checkout': packageRoot };
  const other = process.env.STARTUP_COMPARE_WITH;
  if (other) roots[other] = resolve(other);
  for (const root of Object.values(roots)) prepareCheckout(root);

  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const targets = [...pgliteTargets(), ...(serverUrl ? postgresTargets(serverUrl) : [])];
  if (!serverUrl) console.log('  (PostgreSQL skipped: set TEST_DATABASE_URL or DATABASE_URL)');
  console.log(
    `start-up of node bin/start.js to the first GET /en/ (median of ${RUNS}; goals: warm ≤ 1.5 s, fresh ≤ 5 s)`,
  );
  try {
    for (const target of targets) {
      // The warm targets start once beforehand, untimed: that start migrates and loads the demo.
      if (target.name.includes('warm')) {
        await target.prepare();
        await startOnce(packageRoot, target.env);
      }
      const samples: Record<string, Sample[]> = Object.fromEntries(Object.keys(roots).map((name) => [name, []]));
      for (let i = 0; i < RUNS; i++) {
        for (const [name, root] of Object.entries(roots)) {
          await target.prepare();
          samples[name]!.push(await startOnce(root, target.env));
        }
      }
      console.log(`  ${target.name}`);
      for (const [name, taken] of Object.entries(samples)) console.log(`    ${name}: ${describeSamples(taken)}`);
    }
  } finally {
    for (const target of targets) await target.cleanup();
  }
}

if (process.argv[1]?.endsWith('startup.bench.ts')) await benchStartup();
