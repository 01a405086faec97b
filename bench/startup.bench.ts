/**
 * Start-up: from spawning the process to the first successful `GET /en/`, and the resident memory
 * after that page, for the old start (`node --import tsx src/main.ts`, TypeScript compiled at run time)
 * and the new (`node dist/main.js`, the esbuild bundle). One data directory made beforehand (migrated,
 * demo loaded, as after a first `npm start`), so both measure an ordinary restart; runs alternate so
 * a busy machine slows both alike.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packageRoot } from '../src/platform/package-root.js';

const RUNS = 5;
const ways = {
  'tsx src/main.ts': ['--import', 'tsx', 'src/main.ts'],
  'node dist/main.js': ['dist/main.js'],
} as const;
type Way = keyof typeof ways;

interface Sample {
  ms: number;
  rssMb: number | null;
}

function residentMb(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null; // not Linux
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/** Spawns one server and times it to its first page. */
async function startOnce(way: Way, dataDir: string): Promise<Sample> {
  const started = performance.now();
  const child = spawn(process.execPath, ways[way], {
    cwd: packageRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PUENTE_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let output = '';
    const baseUrl = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk;
        const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`${way} exited with ${code} before listening:\n${output}`)));
    });
    const page = await fetch(`${baseUrl}/en/`);
    await page.text();
    if (page.status !== 200) throw new Error(`${way}: GET /en/ answered ${page.status}`);
    const ms = performance.now() - started;
    return { ms, rssMb: residentMb(child.pid!) };
  } finally {
    await stop(child);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function benchStartup(): Promise<void> {
  const build = spawnSync(process.execPath, ['scripts/build.js', '--if-stale'], { cwd: packageRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  const dir = mkdtempSync(join(tmpdir(), 'puente-startup-'));
  const dataDir = join(dir, 'data');
  try {
    await startOnce('node dist/main.js', dataDir); // creates the data dir and loads the demo
    const samples: Record<Way, Sample[]> = { 'tsx src/main.ts': [], 'node dist/main.js': [] };
    for (let i = 0; i < RUNS; i++) {
      for (const way of Object.keys(ways) as Way[]) samples[way].push(await startOnce(way, dataDir));
    }
    console.log(`start-up to first GET /en/ on an existing PGlite data dir (median of ${RUNS}, alternated):`);
    const medians = {} as Record<Way, number>;
    for (const way of Object.keys(ways) as Way[]) {
      const times = samples[way].map((s) => s.ms);
      const rss = samples[way].map((s) => s.rssMb).filter((mb): mb is number => mb !== null);
      medians[way] = median(times);
      console.log(
        `  ${way.padEnd(18)} ${medians[way].toFixed(0).padStart(6)} ms  RSS ${rss.length ? `${median(rss).toFixed(0)} MB` : 'n/a'}` +
          `   (runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms)`,
      );
    }
    const ratio = medians['tsx src/main.ts'] / medians['node dist/main.js'];
    console.log(`  dist/ starts ${ratio.toFixed(2)}× as fast as tsx`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
