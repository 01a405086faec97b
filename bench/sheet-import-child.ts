/**
 * One side of the sheet-import bench, in a process of its own, so its peak RSS is its own, as when a
 * user runs `puente import recommendations FILE --commit`: PGlite's WebAssembly heap never shrinks, so
 * two databases, or the rows' generation, in one process would be counted against whichever ran last.
 * sheet-import.bench.ts compiles it to plain JavaScript first (dist/bench/), since the CLI runs from
 * dist/ too: under tsx a process starts ~90 MB larger.
 *
 *   import RESULT_FILE CSV_FILE DATA_DIR   the import (runSheetImport), a page's query probing it, then the dashboards
 *   plain  RESULT_FILE ROWS DATA_DIR       the baseline: the same rows as plain batched inserts, triggers off
 *
 * Each writes its figures as JSON to RESULT_FILE (ChildFigures) and logs its memory between phases.
 */
import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { ExportRow } from '../src/features/exports/index.js';
import { BULK_FROM_BYTES, runSheetImport } from '../src/features/sheet-import/index.js';
import { systemActor } from '../src/platform/audit.js';
import { type Db, type DbHandle, openDb } from '../src/platform/db/client.js';
import { runMigrations } from '../src/platform/db/migrate.js';
import * as t from '../src/platform/db/schema/index.js';
import { localized } from '../src/platform/text/localized-text.js';
import { measure } from './followup-dashboard.bench.js';
import { generated, realRows } from './sheet-import-rows.js';

const BATCH = 1000;
/** The bench's row count (sheet-import.bench.ts passes SHEET_ROWS on): the pass's last progress call has it. */
const EXPECTED_ROWS = Number(process.env.SHEET_ROWS ?? 250_000);

/** What a child reports to the bench (bytes and seconds). */
export interface ChildFigures {
  seconds: number;
  cpu: number;
  /** The process's peak resident set, from its start to the end of the work (VmHWM). */
  peakRss: number;
  /** Resident set once the database was open and migrated, before the work. */
  rssBefore: number;
  /** PGlite's WebAssembly heap at the end (it only grows). */
  wasmHeap: number;
  /** The import only: the pass (read, check, match, stage) and a page's query waiting meanwhile. */
  pass?: { seconds: number; cpu: number; peakRss: number };
  served?: { count: number; p50: number; p95: number; worst: number };
  counts?: string;
}

/** CPU seconds of this process (PGlite runs in it) since `from`: steadier than wall time on a shared machine. */
const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};

/** The peak resident set so far: Linux's VmHWM, else resourceUsage's maxRSS (kilobytes there too). */
export function peakRssNow(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) * 1024;
  } catch {
    // Not Linux: resourceUsage below.
  }
  return process.resourceUsage().maxRSS * 1024;
}

const wasmHeapOf = (handle: DbHandle) =>
  handle.driver.engine === 'pglite'
    ? ((handle.driver.client as unknown as { mod: { HEAPU8: Uint8Array } }).mod.HEAPU8.byteLength ?? 0)
    : 0;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)}`;

/** Where the memory is: the JS heap, buffers outside it, PGlite's WebAssembly heap, and the whole resident set. */
function memoryLine(label: string, handle: DbHandle): string {
  const m = process.memoryUsage();
  return `  ${label}: RSS ${mb(m.rss)} MB (peak ${mb(peakRssNow())}) = JS heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} MB, external ${mb(m.external)} MB (of which array buffers ${mb(m.arrayBuffers)} MB, PGlite's WASM heap ${mb(wasmHeapOf(handle))} MB)`;
}

async function freshDb(dir: string) {
  const handle = await openDb({ engine: 'pglite', dataDir: dir });
  await runMigrations(handle);
  return handle;
}

const PROBE_EVERY_MS = 100;

/**
 * Whether the site is served while the import runs: a small query like a page's, due every
 * PROBE_EVERY_MS, on the import's own database handle (on PGlite, the one connection every request
 * shares), each timed from when it was due to its answer. PGlite runs each statement on this thread, so
 * while one runs no timer fires (nor would a request be read): every query that came due meanwhile is
 * issued as soon as the thread is free, timed from when it was due.
 */
function startProbe(db: Db) {
  const waits: number[] = [];
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();
  let due = 0;
  const issueDue = () => {
    const now = performance.now();
    while (started + (due + 1) * PROBE_EVERY_MS <= now) {
      const at = started + ++due * PROBE_EVERY_MS;
      const query: Promise<void> = db
        .execute(sql`select count(*) from statements where status = 'published'`)
        .then(() => {
          waits.push(performance.now() - at);
        })
        .finally(() => inFlight.delete(query));
      inFlight.add(query);
    }
  };
  const timer = setInterval(issueDue, PROBE_EVERY_MS);
  return {
    async stop() {
      clearInterval(timer);
      issueDue();
      await Promise.all(inFlight);
      const sorted = waits.sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      return { count: sorted.length, p50: at(0.5), p95: at(0.95), worst: sorted.at(-1) ?? 0 };
    },
  };
}

const UNFILTERED_VIEWS = [
  'by status (+ overdue)',
  'by theme',
  'by addressee',
  'scorecard',
  'status over time',
  'list, page 1',
  'workspace list, page 40',
  'workspace list, stale',
];

/** The publishing transaction's steps, as the SQL that starts each (the step's first statement names it). */
const PUBLISH_STEP =
  /^(?:select (recommendations_renumber_statements|followup_rollup_refresh|search_refresh|gin_clean_pending_list|mark_current)|(analyze)|insert into "(\w+)")/;

/**
 * SHEET_STEPS=on: one log line as each step of the publish starts (an insert's table, a catch-up function,
 * analyze), so the parent's memory samples are filed per step, and one as each ends with its wall and CPU
 * time (PGlite runs on this thread, so the process's CPU time is the step's), so the publish's CPU can be
 * told apart by step. Wraps the transaction's query function.
 */
function logPublishSteps(handle: DbHandle) {
  if (handle.driver.engine !== 'pglite' || process.env.SHEET_STEPS !== 'on') return;
  const client = handle.driver.client as unknown as {
    transaction: (cb: (tx: { query: (...a: unknown[]) => unknown }) => unknown) => Promise<unknown>;
  };
  const transaction = client.transaction.bind(client);
  let last = '';
  let since = { at: performance.now(), cpu: process.cpuUsage() };
  const endStep = () => {
    if (last === '') return;
    const seconds = (performance.now() - since.at) / 1000;
    console.log(`    ${last} took ${seconds.toFixed(1)} s, CPU ${cpuSeconds(since.cpu).toFixed(1)} s`);
  };
  client.transaction = (cb) =>
    transaction((tx) => {
      const query = tx.query;
      tx.query = (...args: unknown[]) => {
        const step = PUBLISH_STEP.exec(String(args[0]).trimStart());
        const label = step ? `step ${step[1] ?? step[2] ?? step[3]}` : '';
        if (label && label !== last) {
          endStep();
          last = label;
          since = { at: performance.now(), cpu: process.cpuUsage() };
          console.log(memoryLine(label, handle));
        }
        return query(...args);
      };
      return cb(tx);
    }).finally(() => {
      endStep();
      last = '';
    });
}

async function importChild(file: string, dataDir: string): Promise<ChildFigures> {
  const handle = await freshDb(dataDir);
  logPublishSteps(handle);
  console.log(memoryLine('import child, database open', handle));
  const rssBefore = process.memoryUsage().rss;
  // On by default: an import uploaded in the workspace runs in the server, pages served meanwhile. Each
  // query leaves garbage (~45 KB for this one), so the probe's one query every 100 ms adds to the JS heap's
  // peak; SHEET_PROBE=off measures the import alone, as the CLI runs it.
  const probe = process.env.SHEET_PROBE === 'off' ? null : startProbe(handle.db);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let pass = { seconds: 0, cpu: 0, peakRss: 0 };
  let logged = 0;
  let publishing = false;
  const report = await runSheetImport(handle.db, createReadStream(file), {
    fileName: 'recommendations.csv',
    format: 'csv',
    commit: true,
    bulk: statSync(file).size >= BULK_FROM_BYTES,
    actor: systemActor('bench'),
    now: new Date(),
    onProgress: (rows) => {
      // The last call ends the pass (read, check, match, stage); what follows is the publishing transaction.
      pass = { seconds: (performance.now() - start) / 1000, cpu: cpuSeconds(cpuStart), peakRss: peakRssNow() };
      // The pass's last call repeats the row count when it is a multiple of the chunk.
      if (rows % 25_000 === 0 && rows !== logged) {
        logged = rows;
        console.log(memoryLine(`${rows} rows after ${((performance.now() - start) / 1000).toFixed(0)} s`, handle));
      }
      // The parent files its memory samples under the last line's label: from here on, the publish.
      if (rows === EXPECTED_ROWS && !publishing) {
        publishing = true;
        console.log(memoryLine('publishing', handle));
      }
    },
  });
  const seconds = (performance.now() - start) / 1000;
  const cpu = cpuSeconds(cpuStart);
  const served = await probe?.stop();
  console.log(memoryLine('published', handle));
  const peakRss = peakRssNow();
  const wasmHeap = wasmHeapOf(handle);
  if (!report.committed)
    throw new Error(`the import was not committed: ${JSON.stringify(report.problems.slice(0, 3))}`);
  // Issue 17: the follow-up dashboards stay within their p95 (followup-dashboard.bench.ts's goal) afterwards.
  // The views without the generator's filter values (theme-3, MX…), which select nothing here. After the
  // peak was read: they are what a server does next, not part of the import.
  await measure(`the imported rows (PGlite)`, handle.db, UNFILTERED_VIEWS);
  await handle.close();
  return {
    seconds,
    cpu,
    peakRss,
    rssBefore,
    wasmHeap,
    pass,
    served,
    counts: `${report.recommendations.created} recommendations, ${report.statements.created} statements, ${report.themes.length} themes, ${report.addressees.length} addressees`,
  };
}

/** The baseline: the same rows as plain multi-row inserts, names looked up in maps, one transaction. */
async function plainChild(rows: number, dataDir: string): Promise<ChildFigures> {
  const handle = await freshDb(dataDir);
  console.log(memoryLine('plain-insert child, database open', handle));
  const rssBefore = process.memoryUsage().rss;
  const real = realRows();
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  await handle.db.transaction(async (tx) => {
    // The floor: raw rows only, none of the derived tables' upkeep (the import rebuilds them once at its end).
    for (const table of [
      'statements',
      'recommendations',
      'recommendation_themes',
      'recommendation_addressees',
      'followup_responses',
    ]) {
      await tx.execute(sql.raw(`alter table ${table} disable trigger user`));
    }
    const addressees = new Map<string, number>();
    const themes = new Map<string, number>();
    const statements = new Map<string, number>();
    let batch: ExportRow[] = [];
    const flush = async () => {
      const newStatements = [...new Set(batch.map((r) => r.statement_slug).filter((s) => !statements.has(s)))];
      if (newStatements.length) {
        const made = await tx
          .insert(t.statements)
          .values(
            newStatements.map((slug) => {
              const r = batch.find((b) => b.statement_slug === slug)!;
              return {
                slug,
                date: r.statement_date,
                title: localized('en', r.statement_title_en),
                status: 'published' as const,
              };
            }),
          )
          .returning({ id: t.statements.id, slug: t.statements.slug });
        for (const s of made) statements.set(s.slug, s.id);
      }
      for (const r of batch) {
        if (!addressees.has(r.addressees)) {
          const [a] = await tx
            .insert(t.addressees)
            .values({ slug: `a${addressees.size}`, name: localized('en', r.addressees), kind: 'other' })
            .returning({ id: t.addressees.id });
          addressees.set(r.addressees, a!.id);
        }
        for (const th of r.themes.split('; ').filter(Boolean)) {
          if (!themes.has(th)) {
            const [row] = await tx
              .insert(t.themes)
              .values({ slug: `t${themes.size}`, label: localized('en', th) })
              .returning({ id: t.themes.id });
            themes.set(th, row!.id);
          }
        }
      }
      const recs = await tx
        .insert(t.recommendations)
        .values(
          batch.map((r) => ({
            statementId: statements.get(r.statement_slug)!,
            slug: r.recommendation_slug,
            position: Number(r.recommendation_number),
            text: localized('en', r.recommendation_text_en),
          })),
        )
        .returning({ id: t.recommendations.id });
      const links = batch.flatMap((r, k) =>
        [...new Set(r.themes.split('; ').filter(Boolean))].map((th) => ({
          recommendationId: recs[k]!.id,
          themeId: themes.get(th)!,
        })),
      );
      if (links.length) await tx.insert(t.recommendationThemes).values(links);
      await tx
        .insert(t.recommendationAddressees)
        .values(batch.map((r, k) => ({ recommendationId: recs[k]!.id, addresseeId: addressees.get(r.addressees)! })));
      await tx.insert(t.followupResponses).values(
        batch.map((r, k) => ({
          recommendationId: recs[k]!.id,
          addresseeId: addressees.get(r.entry_addressee)!,
          position: r.entry_value as 'accepted',
          date: r.entry_date,
          publication: 'published' as const,
        })),
      );
      batch = [];
    };
    for (const row of generated(real, rows)) {
      batch.push(row);
      if (batch.length === BATCH) await flush();
    }
    if (batch.length) await flush();
  });
  const seconds = (performance.now() - start) / 1000;
  const cpu = cpuSeconds(cpuStart);
  console.log(memoryLine('inserted', handle));
  const figures = { seconds, cpu, peakRss: peakRssNow(), rssBefore, wasmHeap: wasmHeapOf(handle) };
  await handle.close();
  return figures;
}

const [mode, resultFile, what, dataDir] = process.argv.slice(2);
if (!resultFile || !what || !dataDir || (mode !== 'import' && mode !== 'plain')) {
  console.error('usage: sheet-import-child.ts import RESULT_FILE CSV_FILE DATA_DIR | plain RESULT_FILE ROWS DATA_DIR');
  process.exit(2);
}
const figures = mode === 'import' ? await importChild(what, dataDir) : await plainChild(Number(what), dataDir);
writeFileSync(resultFile, JSON.stringify(figures));
