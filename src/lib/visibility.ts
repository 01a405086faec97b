/**
 * The one rule for what the public may see. Every public channel (pages now; downloads, feeds,
 * search, exports later) asks this module rather than testing `status` itself, so the rule can
 * grow (embargoes, withdrawal) in one place.
 */
import { eq, type SQL } from 'drizzle-orm';
import { statements } from '../db/schema.js';

export type PublicationStatus = 'draft' | 'published';

export interface Publishable {
  status: PublicationStatus;
}

/** `now` is taken already so embargoes can join without changing callers. */
export function isVisibleToPublic(item: Publishable, _now: Date = new Date()): boolean {
  return item.status === 'published';
}

/** The same rule as a SQL condition, for listing queries. */
export function publicStatementsCondition(_now: Date = new Date()): SQL {
  return eq(statements.status, 'published');
}
