/**
 * The one rule for what the public may see. Every public channel (pages, downloads, the newsroom;
 * feeds, search, exports later) asks this module rather than testing `status` itself, so the rule can
 * grow (withdrawal next) in one place.
 *
 * Embargo: an item with `embargoedUntil` is public only once `now` has reached that instant. It is
 * decided at request time from the injected clock, so nothing has to run when an embargo lifts.
 */
import { and, eq, isNull, lte, or, type SQL } from 'drizzle-orm';
import { releases, statements } from '../db/schema.js';

export type PublicationStatus = 'draft' | 'published';

export interface Publishable {
  status: PublicationStatus;
  embargoedUntil?: Date | null;
}

export function isVisibleToPublic(item: Publishable, now: Date = new Date()): boolean {
  if (item.status !== 'published') return false;
  return !item.embargoedUntil || now.getTime() >= item.embargoedUntil.getTime();
}

/** The same rule as a SQL condition, for listing queries. */
export function publicStatementsCondition(_now: Date = new Date()): SQL {
  return eq(statements.status, 'published');
}

/** `isVisibleToPublic` for releases, as SQL. */
export function publicReleasesCondition(now: Date = new Date()): SQL {
  return and(
    eq(releases.status, 'published'),
    or(isNull(releases.embargoedUntil), lte(releases.embargoedUntil, now)),
  ) as SQL;
}
