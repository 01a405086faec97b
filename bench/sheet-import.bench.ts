/**
 * Issue 17's bench: 250,000 spreadsheet rows (`SHEET_ROWS` to change it) imported into PGlite (a data dir on
 * disk, as a server runs it) by `runSheetImport` (one streamed pass staging a chunk at a time, then one
 * transaction publishing it), against a plain batched insert of the same statements, recommendations and
 * responses into another fresh database (no checks, no matching, triggers off, so no follow-up rollups or
 * search index): the ratio is what the import's reading, checks, matching and rebuilding the derived tables
 * cost over writing the bare rows. Goal: ≤ 60 s and peak RSS ≤ 512 MB.
 *
 * Each side runs in a process of its own (bench/sheet-import-child.ts), as a user runs `puente import
 * recommendations FILE --commit`, and its peak RSS is that process's own (VmHWM): in one process, the rows'
 * generation and the other side's PGlite (whose WebAssembly heap never shrinks) were counted too, 401 MB of
 * a 717 MB peak. This process only writes the CSV (bench/sheet-import-rows.ts) and compares. While the
 * import runs, a page's query is probed every 100 ms (as in the server, where a workspace upload runs);
 * `SHEET_PROBE=off` leaves it out, as the CLI runs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../src/platform/package-root.js';
import type { ChildFigures } from './sheet-import-child.js';
import { realRows, writeRowsFile } from './sheet-import-rows.js';
import { smapsTable, smapsTimeline, startSmapsSampler } from './smaps-sampler.js';

const ROWS = Number(process.env.SHEET_ROWS ?? 250_000);
const GOAL_BYTES = 512 * 1024 * 1024;

/**
 * The child as plain JavaScript in dist/bench/ (ignored by git; packages stay imports, found from the
 * package root), since the CLI a user runs is compiled too: under tsx a process starts ~90 MB larger.
 */
async function compileChild(): Promise<string> {
  const esbuild = await import('esbuild');
  const outfile = join(packageRoot, 'dist', 'bench', 'sheet-import-child.js');
  await esbuild.build({
    absWorkingDir: packageRoot,
    entryPoints: ['bench/sheet-import-child.ts'],
    outfile,
    bundle: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    jsx: 'automatic',
    jsxImportSource: '@kitajs/html',
    logLevel: 'error',
  });
  return outfile;
}

/** How often the parent reads the child's /proc/PID/smaps (smaps-sampler.ts): from outside, so during PGlite's long statements too. */
const SAMPLE_EVERY_MS = 250;

/**
 * Runs one side; its log lines are echoed and name the phase the memory samples are filed under (the
 * child's line up to its first colon: "50000 rows after 12 s", "publishing", "published"…).
 */
async function runChild(child: string, dir: string, mode: 'import' | 'plain', args: string[]): Promise<ChildFigures> {
  const resultFile = join(dir, `${mode}-figures.json`);
  const run = spawn(process.execPath, [child, mode, resultFile, ...args], {
    cwd: packageRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const sampler = startSmapsSampler(run.pid!, SAMPLE_EVERY_MS);
  let pending = '';
  run.stdout.setEncoding('utf8').on('data', (text: string) => {
    process.stdout.write(text);
    const lines = (pending + text).split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      const label = /^\s+([^:]+):/.exec(line);
      if (label) sampler.phase(label[1]!);
    }
  });
  const status = await new Promise<number | null>((resolve) => run.on('close', resolve));
  const samples = sampler.stop();
  if (status !== 0) throw new Error(`the ${mode} child failed (exit ${status})`);
  console.log(
    `  ${mode}: resident memory by mapping (MB, /proc/PID/smaps every ${SAMPLE_EVERY_MS} ms), at each phase's peak:`,
  );
  for (const line of smapsTable(samples)) console.log(line);
  if (mode === 'import' && process.env.SHEET_TIMELINE === 'on') {
    console.log('  the publishing transaction, sample by sample:');
    for (const line of smapsTimeline(samples, 'publishing')) console.log(line);
  }
  return JSON.parse(readFileSync(resultFile, 'utf8')) as ChildFigures;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

export async function benchSheetImport(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'puente-sheet-bench-'));
  try {
    const real = realRows();
    const file = join(dir, 'recommendations.csv');
    await writeRowsFile(file, real, ROWS);
    console.log(
      `sheet import: ${ROWS} rows generated from ${real.length} real UPR Info rows, ${mb(statSync(file).size)} CSV; each side in its own process`,
    );
    const child = await compileChild();
    const imported = await runChild(child, dir, 'import', [file, join(dir, 'import-db')]);
    const plain = await runChild(child, dir, 'plain', [String(ROWS), join(dir, 'plain-db')]);
    const pass = imported.pass!;
    const served = imported.served;
    console.log(`  import (commit): ${imported.counts}`);
    console.log(
      `  ${''.padEnd(24)} ${'wall'.padStart(8)} ${'CPU'.padStart(8)} ${'peak RSS'.padStart(9)} ${'RSS before'.padStart(11)} ${'WASM heap'.padStart(10)}`,
    );
    const line = (label: string, f: Pick<ChildFigures, 'seconds' | 'cpu' | 'peakRss'>, before = '', wasm = '') =>
      console.log(
        `  ${label.padEnd(24)} ${`${f.seconds.toFixed(1)} s`.padStart(8)} ${`${f.cpu.toFixed(1)} s`.padStart(8)} ${mb(f.peakRss).padStart(9)} ${before.padStart(11)} ${wasm.padStart(10)}`,
      );
    line('import', imported, mb(imported.rssBefore), mb(imported.wasmHeap));
    line('  of which the pass', pass);
    line('plain batched insert', plain, mb(plain.rssBefore), mb(plain.wasmHeap));
    console.log(
      `  import / plain: ${(imported.seconds / plain.seconds).toFixed(2)}× (wall), ${(imported.cpu / plain.cpu).toFixed(2)}× (CPU), ${(imported.peakRss / plain.peakRss).toFixed(2)}× (peak RSS)`,
    );
    console.log(
      `  goals: ≤ 60 s ${imported.seconds <= 60 ? 'met' : 'NOT met'}; peak RSS ≤ 512 MB ${imported.peakRss <= GOAL_BYTES ? 'met' : 'NOT met'} (the pass's own peak: ${mb(pass.peakRss)}; publishing: ${(imported.seconds - pass.seconds).toFixed(1)} s)`,
    );
    console.log(
      served
        ? `  a page's query during the import (${served.count} in all), waited: p50 ${served.p50.toFixed(0)} ms, p95 ${served.p95.toFixed(0)} ms, worst ${served.worst.toFixed(0)} ms`
        : '  no page queries during the import (SHEET_PROBE=off): its memory alone, as the CLI runs it',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
