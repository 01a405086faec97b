/**
 * The importer and linter on the seed release, against the demo registry: extraction alone, the linter
 * on an extraction, a dry-run plan (registry queries included), and the stored release's lint (two
 * renders plus lint). Reported as medians and as ratios to rendering the release as HTML once, so the
 * numbers travel between machines.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadDemo } from '../src/features/demo/index.js';
import { planImport } from '../src/features/import/index.js';
import { lintExtraction, loadRegistry } from '../src/features/lint/index.js';
import { extractRelease } from '../src/features/release-text/index.js';
import { buildRenderModel, getRelease, lintStoredRelease, writeFormat } from '../src/features/releases/index.js';
import { openDb } from '../src/platform/db/client.js';
import { runMigrations } from '../src/platform/db/migrate.js';

const seed = readFileSync(
  new URL('../src/features/lint/__fixtures__/press-release-2021-06-03.md', import.meta.url),
  'utf8',
);

async function median(fn: () => unknown, iterations = 30): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

export async function benchImportLint(): Promise<void> {
  const handle = await openDb({ engine: 'pglite', dataDir: null });
  try {
    await runMigrations(handle);
    await loadDemo(handle.db);
    const now = new Date();
    const registry = await loadRegistry(handle.db);
    const source = await getRelease(handle.db, 'guatemala-vp-visit-2021', now);
    const html = await median(() => writeFormat(buildRenderModel(source, 'en'), 'html'));
    const extraction = extractRelease(seed);
    const rows: [string, number][] = [
      ['extract (parse the seed)', await median(() => extractRelease(seed))],
      [
        'lint an extraction (registry in memory)',
        await median(() => lintExtraction(seed, extraction, { registry: [...registry], now })),
      ],
      ['dry-run plan (with registry queries)', await median(() => planImport(handle.db, seed))],
      ['lint the stored release (2 renders + lint)', await median(() => lintStoredRelease(handle.db, source, now))],
    ];
    process.stdout.write(`\nImport and lint, seed release (median of 30; HTML render = ${html.toFixed(2)} ms)\n`);
    for (const [what, ms] of rows) {
      process.stdout.write(
        `  ${what.padEnd(44)} ${ms.toFixed(2).padStart(8)} ms  ${(ms / html).toFixed(1).padStart(6)}× HTML\n`,
      );
    }
  } finally {
    await handle.close();
  }
}
