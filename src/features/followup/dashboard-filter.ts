/**
 * Read side of the dashboards, split by concept: this file holds the one filtered set every query
 * starts from (`recommendationFilter`), which includes the one public rule (platform/visibility.ts), so a
 * draft statement or entry is never counted; dashboard-counts.ts (by status, theme, addressee),
 * scorecard-service.ts (the scorecard and the addressees' table), over-time-service.ts, dashboard-list.ts
 * (the filtered list, overdue commitments) and filter-options.ts (the filter form's choices) read through it.
 * Current status = the status update marked `is_current` (maintained from the timeline, status.ts),
 * read through the partial index `followup_status_updates_current_idx`.
 */
import { and, eq, exists, gte, lte, type SQL, sql } from 'drizzle-orm';
import * as t from '../../platform/db/schema/index.js';
import { publicStatementsCondition } from '../../platform/visibility.js';
import type { DashboardFilters } from './filters.js';

export const su = t.followupStatusUpdates;

/** A recommendation's current status update (the published one `is_current` marks), for a left join. */
export const currentJoin = and(eq(su.recommendationId, t.recommendations.id), eq(su.isCurrent, true));

/** Public statements selected by the filters (statement, date range, source, cycle), as a condition on `statements`. */
export function statementFilter(filters: DashboardFilters, now: Date): SQL {
  return and(
    publicStatementsCondition(now),
    filters.statement ? eq(t.statements.slug, filters.statement) : undefined,
    filters.from ? gte(t.statements.date, filters.from) : undefined,
    filters.to ? lte(t.statements.date, filters.to) : undefined,
    filters.source ? eq(t.statements.kind, filters.source === 'upr' ? 'upr_review' : 'coalition') : undefined,
    filters.cycle ? eq(t.statements.cycle, filters.cycle) : undefined,
  ) as SQL;
}

/**
 * The filters on a recommendation itself (a theme; an addressee and/or an addressee's country; a
 * recommending State; a response position), as a
 * condition on `recommendations`. Slugs are looked up once per query (a scalar subquery), not per row.
 */
export function ownFilter(filters: DashboardFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.theme) {
    conditions.push(
      exists(
        sql`(select 1 from ${t.recommendationThemes} where ${t.recommendationThemes.recommendationId} = ${t.recommendations.id} and ${t.recommendationThemes.themeId} = (select ${t.themes.id} from ${t.themes} where ${t.themes.slug} = ${filters.theme}))`,
      ),
    );
  }
  if (filters.addressee || filters.country) {
    const which = and(
      filters.addressee ? eq(t.addressees.slug, filters.addressee) : undefined,
      filters.country ? eq(t.addressees.country, filters.country) : undefined,
    );
    conditions.push(
      exists(
        sql`(select 1 from ${t.recommendationAddressees} join ${t.addressees} on ${t.addressees.id} = ${t.recommendationAddressees.addresseeId} where ${t.recommendationAddressees.recommendationId} = ${t.recommendations.id} and ${which})`,
      ),
    );
  }
  if (filters.recommender) {
    const rr = t.recommendationRecommenders;
    conditions.push(
      exists(
        sql`(select 1 from ${rr} where ${rr.recommendationId} = ${t.recommendations.id} and ${rr.country} = ${filters.recommender})`,
      ),
    );
  }
  if (filters.response) {
    // A published response: a draft one is not the public's to filter by.
    const fr = t.followupResponses;
    conditions.push(
      exists(
        sql`(select 1 from ${fr} where ${fr.recommendationId} = ${t.recommendations.id} and ${fr.position} = ${filters.response} and ${fr.publication} = 'published')`,
      ),
    );
  }
  return conditions.length > 0 ? (and(...conditions) as SQL) : undefined;
}

/** Public recommendations selected by the filters, as a condition on `recommendations` ⋈ `statements`. */
export function recommendationFilter(filters: DashboardFilters, now: Date): SQL {
  return and(statementFilter(filters, now), ownFilter(filters)) as SQL;
}
