/**
 * Status over time as arithmetic on yearly transitions, shared by the rollup and the live query
 * (over-time-service.ts): every selected recommendation starts in "no update yet"; each year adds its
 * net changes; the snapshot after a year is the status of each recommendation at the end of it.
 */
import { emptyCounts, type StatusCounts, type StatusKey } from './status.js';

export interface YearCounts {
  year: number;
  counts: StatusCounts;
}

/** A year's net change in how many recommendations are in a status. */
export interface YearDelta {
  year: number;
  status: StatusKey;
  delta: number;
}

/**
 * Snapshots from the first year anything changed up to `lastYear`, keeping those from `firstShown`
 * on (a date range starts later than the history may). No change at all means no chart: [].
 */
export function yearSnapshots(total: number, deltas: YearDelta[], firstShown: number, lastYear: number): YearCounts[] {
  const byYear = new Map<number, StatusCounts>();
  for (const { year, status, delta } of deltas) {
    if (year > lastYear) continue;
    const counts = byYear.get(year) ?? emptyCounts();
    counts[status] += delta;
    byYear.set(year, counts);
  }
  const changed = [...byYear].filter(([, counts]) => Object.values(counts).some((n) => n !== 0)).map(([y]) => y);
  if (changed.length === 0) return [];
  const running = emptyCounts();
  running.none = total;
  const years: YearCounts[] = [];
  for (let year = Math.min(...changed); year <= lastYear; year++) {
    const change = byYear.get(year);
    if (change) for (const key of Object.keys(running) as StatusKey[]) running[key] += change[key];
    if (year >= firstShown) years.push({ year, counts: { ...running } });
  }
  return years;
}

/** Live transitions (previous → status, n recommendations) as yearly deltas. */
export function transitionDeltas(
  transitions: { year: number; status: StatusKey; previous: StatusKey | null; n: number }[],
): YearDelta[] {
  return transitions.flatMap(({ year, status, previous, n }) => [
    { year, status, delta: n },
    { year, status: previous ?? 'none', delta: -n },
  ]);
}
