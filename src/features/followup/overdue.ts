/**
 * Overdue commitments and stale recommendations, judged against the app's injected clock.
 * Dates are calendar days in UTC, as everywhere else in Puente (formatDate).
 */

/** The calendar day (YYYY-MM-DD, UTC) of an instant. */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** Overdue: still open and its due day has passed (due today is not overdue yet). */
export function isOverdue(commitment: { dueOn: string | null; fulfilledOn: string | null }, now: Date): boolean {
  return commitment.dueOn !== null && commitment.fulfilledOn === null && commitment.dueOn < dayOf(now);
}

/** The day `months` calendar months before `now` (clamped to the month's end: May 31 − 3 → Feb 28). */
export function monthsBefore(now: Date, months: number): string {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return dayOf(new Date(Date.UTC(year, month, Math.min(now.getUTCDate(), lastDay))));
}

/** Whole days between two calendar days. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
