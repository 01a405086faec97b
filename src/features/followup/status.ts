/**
 * The current status of a recommendation is derived from its timeline, never stored on its own.
 *
 * Rule:
 * 1. Only status updates the reader may see count (published ones for the public).
 * 2. The latest by `date` (the day the change happened) wins, whatever order they were recorded in:
 *    an update recorded today about last March does not override one dated last month.
 * 3. Two updates on the same day: the one recorded later (higher id) wins, because it was written
 *    knowing the other.
 * 4. No update: "no update yet" (`null`).
 */
import { implementationStatus } from '../../platform/db/schema/index.js';

export type ImplementationStatus = (typeof implementationStatus.enumValues)[number];
/** In the schema enum's order, which is the order of progress the dashboards show. */
export const IMPLEMENTATION_STATUSES: readonly ImplementationStatus[] = implementationStatus.enumValues;

/** A status bucket: an implementation status, or "none" for recommendations without any update. */
export type StatusKey = ImplementationStatus | 'none';
export const STATUS_KEYS: readonly StatusKey[] = [...IMPLEMENTATION_STATUSES, 'none'];
export type StatusCounts = Record<StatusKey, number>;

export const emptyCounts = (): StatusCounts => Object.fromEntries(STATUS_KEYS.map((k) => [k, 0])) as StatusCounts;

export interface DatedUpdate {
  id: number;
  /** YYYY-MM-DD */
  date: string;
  status: ImplementationStatus;
}

/** Timeline order, oldest first: by date, then by id (recording order) within a day. */
export function compareTimeline(a: { date: string; id: number }, b: { date: string; id: number }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id;
}

export function latestUpdate<T extends DatedUpdate>(updates: readonly T[]): T | null {
  let latest: T | null = null;
  for (const update of updates) if (!latest || compareTimeline(update, latest) > 0) latest = update;
  return latest;
}

export function currentStatus(updates: readonly DatedUpdate[]): ImplementationStatus | null {
  return latestUpdate(updates)?.status ?? null;
}

/** The status as it stood at the end of `day` (YYYY-MM-DD): the same rule on updates up to that day. */
export function statusOn(updates: readonly DatedUpdate[], day: string): ImplementationStatus | null {
  return currentStatus(updates.filter((u) => u.date <= day));
}

/** A status change with no evidence is allowed, but shown as unverified. */
export function isUnverified(update: { evidenceCount: number }): boolean {
  return update.evidenceCount === 0;
}
