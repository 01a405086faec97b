/**
 * Makes a database holding the demo and the large coalition of issue 15 (bench/large-coalition.ts),
 * for manual checks and for the benches:
 *
 *   tsx bench/make-large-coalition.ts --data-dir DIR        (PGlite; DIR must not hold a database yet)
 *   tsx bench/make-large-coalition.ts --database-url URL    (PostgreSQL; an empty database)
 *
 * Then e.g. `PUENTE_DATA_DIR=DIR npm start`, and sign in as editor-1@large.example.org with the
 * password "large coalition password". Ends by printing the row counts.
 */
import { performance } from 'node:perf_hooks';
import { loadDemo } from '../src/features/demo/index.js';
import {
  countByAddressee,
  countByStatus,
  countByTheme,
  liveCountByAddressee,
  liveCountByStatus,
  liveCountByTheme,
  liveStatusOverTime,
  statusOverTime,
} from '../src/features/followup/index.js';
import type { Db } from '../src/platform/db/client.js';
import { type DbTarget, openDb } from '../src/platform/db/client.js';
import { runMigrations } from '../src/platform/db/migrate.js';
import { largeCoalitionCounts, seedLargeCoalition } from './large-coalition.js';

/** Migrates, loads the demo, adds the large coalition; returns the counts. */
export async function makeLargeCoalition(
  target: DbTarget,
  log: (line: string) => void = () => {},
): Promise<Record<string, number>> {
  const handle = await openDb(target);
  try {
    const started = performance.now();
    await runMigrations(handle);
    await loadDemo(handle.db);
    log(`  migrated and demo loaded: ${(performance.now() - started).toFixed(0)} ms`);
    await seedLargeCoalition(handle.db, log);
    log(`  large coalition on ${handle.location} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const counts = await largeCoalitionCounts(handle.db);
    counts['dashboard views where rollup ≠ live'] = await rollupMismatches(handle.db);
    return counts;
  } finally {
    await handle.close();
  }
}

/**
 * The follow-up dashboards read from the rollup must answer what the live queries (the reference)
 * answer, as rollup-consistency.test.ts demands; a mismatch means the bulk load left it stale.
 */
async function rollupMismatches(db: Db): Promise<number> {
  const now = new Date();
  const sorted = (value: unknown) => JSON.stringify(value, (_k, v) => (Array.isArray(v) ? [...v].sort() : v));
  const pairs: [() => Promise<unknown>, () => Promise<unknown>][] = [
    [() => countByStatus(db, {}, now), () => liveCountByStatus(db, {}, now)],
    [() => countByTheme(db, {}, now), () => liveCountByTheme(db, {}, now)],
    [() => countByAddressee(db, {}, now), () => liveCountByAddressee(db, {}, now)],
    [() => countByStatus(db, { country: 'GT' }, now), () => liveCountByStatus(db, { country: 'GT' }, now)],
    [() => countByStatus(db, { from: '2018-03-01' }, now), () => liveCountByStatus(db, { from: '2018-03-01' }, now)],
    [() => statusOverTime(db, {}, now), () => liveStatusOverTime(db, {}, now)],
  ];
  let mismatches = 0;
  for (const [fromRollup, live] of pairs) if (sorted(await fromRollup()) !== sorted(await live())) mismatches++;
  return mismatches;
}

function targetFromArgs(args: string[]): DbTarget {
  const value = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const dataDir = value('--data-dir');
  const url = value('--database-url');
  if (dataDir) return { engine: 'pglite', dataDir, command: 'make-large-coalition' };
  if (url) return { engine: 'postgres', url };
  throw new Error('usage: tsx bench/make-large-coalition.ts --data-dir DIR | --database-url URL');
}

if (process.argv[1]?.endsWith('make-large-coalition.ts')) {
  const counts = await makeLargeCoalition(targetFromArgs(process.argv.slice(2)), console.log);
  for (const [name, n] of Object.entries(counts)) console.log(`  ${name.padEnd(28)} ${n.toLocaleString('en')}`);
}
