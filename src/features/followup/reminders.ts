/**
 * What editors should look at: recommendations of published statements with no status update for
 * N months (PUENTE_FOLLOWUP_STALE_MONTHS), and open commitments past their due day. Drafts count
 * here (editors see everything); the clock is the caller's `now`.
 */
import { and, asc, desc, eq, isNull, lt, max, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { recommendationNumber, recommendationOrder } from '../statements/index.js';
import { dayOf, monthsBefore } from './overdue.js';

export const DEFAULT_STALE_MONTHS = 6;

/** A recommendation as the workspace and dashboard lists show it: with its statement, to link and date it. */
export interface RecommendationInStatement {
  id: number;
  slug: string;
  text: typeof t.recommendations.$inferSelect.text;
  statementSlug: string;
  statementTitle: typeof t.statements.$inferSelect.title;
  statementDate: string;
}

export interface StaleRecommendation extends RecommendationInStatement {
  /** Its number in its statement, as every page shows it. */
  number: number;
  /** The last status update's date, or null when it never had one. */
  lastUpdate: string | null;
}

export async function staleRecommendations(
  db: Db,
  now: Date,
  months: number,
  limit = 200,
): Promise<StaleRecommendation[]> {
  const cutoff = monthsBefore(now, months);
  const su = t.followupStatusUpdates;
  const last = max(su.date);
  const rows = await db
    .select({
      id: t.recommendations.id,
      slug: t.recommendations.slug,
      number: recommendationNumber(),
      text: t.recommendations.text,
      statementSlug: t.statements.slug,
      statementTitle: t.statements.title,
      statementDate: t.statements.date,
      lastUpdate: last,
    })
    .from(t.recommendations)
    .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
    .leftJoin(su, eq(su.recommendationId, t.recommendations.id))
    .where(and(eq(t.statements.status, 'published'), isNull(t.statements.withdrawnAt), lt(t.statements.date, cutoff)))
    .groupBy(t.recommendations.id, t.statements.id)
    .having(sql`${last} is null or ${last} < ${cutoff}`)
    .orderBy(sql`${last} asc nulls first`, desc(t.statements.date), ...recommendationOrder())
    .limit(limit);
  return rows.map((r) => ({ ...r, lastUpdate: r.lastUpdate ?? null }));
}

/**
 * Open commitments past their due day, soonest due first, with who committed. Every one for editors;
 * the public dashboard passes its visibility condition as `visible`.
 */
export async function overdueCommitments(db: Db, now: Date, limit = 200, visible?: SQL) {
  const c = t.followupCommitments;
  return db
    .select({ commitment: c, addressee: t.addressees, organization: t.organizations })
    .from(c)
    .leftJoin(t.addressees, eq(t.addressees.id, c.addresseeId))
    .leftJoin(t.organizations, eq(t.organizations.id, c.organizationId))
    .where(and(visible, isNull(c.fulfilledOn), lt(c.dueOn, dayOf(now))))
    .orderBy(asc(c.dueOn), asc(c.id))
    .limit(limit);
}

export type OverdueCommitment = Awaited<ReturnType<typeof overdueCommitments>>[number];
