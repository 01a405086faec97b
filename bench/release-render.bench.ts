/**
 * Rendering the demo release: all five formats together against the HTML alone, from one loaded
 * release (the database read is timed on its own). Goal from issue 3: all five ≤ 300 ms.
 */
import { performance } from 'node:perf_hooks';
import { loadDemo } from '../src/features/demo/index.js';
import {
  buildRenderModel,
  getRelease,
  RELEASE_FORMATS,
  type ReleaseFormat,
  writeFormat,
} from '../src/features/releases/index.js';
import { openDb } from '../src/platform/db/client.js';
import { runMigrations } from '../src/platform/db/migrate.js';

const SLUG = 'guatemala-vp-visit-2021';
const ITERATIONS = 20;

async function median(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn(); // warm up: font parsing, JIT
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function benchReleaseRender(): Promise<void> {
  const handle = await openDb({ engine: 'pglite', dataDir: null });
  try {
    await runMigrations(handle);
    await loadDemo(handle.db);
    const now = new Date();
    const load = await median(() => getRelease(handle.db, SLUG, now));
    const source = await getRelease(handle.db, SLUG, now);
    const renderAll = (formats: readonly ReleaseFormat[]) => async () => {
      const model = buildRenderModel(source, 'es');
      for (const format of formats) await writeFormat(model, format);
    };
    const html = await median(renderAll(['html']));
    // One at a time: timings taken concurrently would include each other's work.
    const perFormat: Partial<Record<ReleaseFormat, number>> = {};
    for (const f of RELEASE_FORMATS) perFormat[f] = await median(renderAll([f]));
    const all = await median(renderAll(RELEASE_FORMATS));
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    console.log(`release render (demo release, es, median of ${ITERATIONS}):`);
    console.log(`  load from database   ${ms(load)}`);
    for (const f of RELEASE_FORMATS) console.log(`  ${f.padEnd(20)} ${ms(perFormat[f]!)}`);
    console.log(`  all five formats     ${ms(all)}  (${(all / html).toFixed(1)}× the HTML alone)`);
    console.log(`  goal: all five ≤ 300 ms → ${all <= 300 ? 'met' : 'NOT met'}`);
  } finally {
    await handle.close();
  }
}
