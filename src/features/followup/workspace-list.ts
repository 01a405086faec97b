/**
 * The editors' list of every recommendation of a published statement (/workspace/followup), so each
 * one can be reached for follow-up from its first day: searched by its text (any language, accents and
 * case ignored), filtered by statement, addressee, theme, current status and "stale", one page at a time.
 *
 * Published means what editors follow up: published and not withdrawn, embargoed ones included (the
 * reminders' rule, reminders.ts). The query is the dashboards' list (dashboard-service.ts
 * `listRecommendations`): a walk down the selected statements by date, each joined (LATERAL) to its own
 * matching recommendations through the (statement, slug) index, so a page stops after the statements
 * that fill it; a status enters through the current-status index.
 */
import { and, asc, desc, eq, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { likePattern, localizedTextMatches } from '../../platform/text/localized-search.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import { recommendationNumber } from '../statements/index.js';
import { currentJoin, ownFilter } from './dashboard-service.js';
import type { WorkspaceListFilters } from './filters.js';
import { monthsBefore } from './overdue.js';
import type { ImplementationStatus } from './status.js';

const su = t.followupStatusUpdates;
const r = t.recommendations;

export const WORKSPACE_PAGE_SIZE = 50;

export interface WorkspaceListItem {
  id: number;
  /** Its number in its statement, as every page shows it (from 1). */
  number: number;
  text: LocalizedText;
  statementSlug: string;
  statementTitle: LocalizedText;
  statementDate: string;
  /** The current (latest published) status, null before the first. */
  status: ImplementationStatus | null;
  statusDate: string | null;
}

/** Statements editors follow up: published and not withdrawn (embargoed included). */
const followedStatements = (): SQL =>
  and(eq(t.statements.status, 'published'), isNull(t.statements.withdrawnAt)) as SQL;

/**
 * One page of the list, newest statements first and each statement's recommendations in their order;
 * `hasMore` instead of a costly total count. `staleMonths`: what "stale" means (PUENTE_FOLLOWUP_STALE_MONTHS).
 */
export async function listForFollowup(
  db: Db,
  filters: WorkspaceListFilters,
  now: Date,
  staleMonths: number,
): Promise<{ items: WorkspaceListItem[]; hasMore: boolean }> {
  const cutoff = monthsBefore(now, staleMonths);
  const own = and(
    ownFilter(filters),
    filters.q ? localizedTextMatches(r.text, likePattern(filters.q)) : undefined,
    // Stale as the reminders count it: no status update (draft or published) dated since the cutoff.
    filters.stale
      ? sql`not exists (select 1 from ${su} recent where recent.recommendation_id = ${r.id} and recent.date >= ${cutoff})`
      : undefined,
  );
  const columns = sql`${r.id}, ${r.position}, ${r.text}, ${recommendationNumber()} as number, ${su.status} as status,
    ${su.date}::text as status_date`;
  const inStatement =
    filters.status === undefined || filters.status === 'none'
      ? sql`select ${columns} from ${r} left join ${su} on ${currentJoin}
            where ${r.statementId} = s.id and ${filters.status === 'none' ? sql`${su.id} is null` : sql`true`}
              and ${own ?? sql`true`}`
      : sql`select ${columns} from ${su} join ${r} on ${r.id} = ${su.recommendationId}
            where ${su.statementId} = s.id and ${su.isCurrent} and ${su.status} = ${filters.status}
              and ${own ?? sql`true`}`;
  const page = filters.page ?? 1;
  const rows = await queryRows<WorkspaceListItem>(
    db,
    sql`select x.id, x.number, x.text, s.slug as "statementSlug", s.title as "statementTitle",
          s.date::text as "statementDate", x.status, x.status_date as "statusDate"
        from (select ${t.statements.id} as id, ${t.statements.slug} as slug, ${t.statements.title} as title,
                ${t.statements.date} as date
              from ${t.statements}
              where ${and(
                followedStatements(),
                filters.statement ? eq(t.statements.slug, filters.statement) : undefined,
                // A statement younger than the stale period has no stale recommendation yet.
                filters.stale ? lt(t.statements.date, cutoff) : undefined,
              )}
              order by ${t.statements.date} desc, ${t.statements.id}) s
        cross join lateral (${inStatement}) x
        order by s.date desc, s.id, x.position, x.id
        limit ${WORKSPACE_PAGE_SIZE + 1} offset ${(page - 1) * WORKSPACE_PAGE_SIZE}`,
  );
  const items = rows.map((row) => ({ ...row, id: Number(row.id), number: Number(row.number) }));
  return { items: items.slice(0, WORKSPACE_PAGE_SIZE), hasMore: items.length > WORKSPACE_PAGE_SIZE };
}

/** The choices of the list's filter form: the followed statements (newest first), themes and addressees. */
export async function workspaceFilterOptions(db: Db) {
  const [statements, themes, addressees] = await Promise.all([
    db
      .select({ slug: t.statements.slug, title: t.statements.title, date: t.statements.date })
      .from(t.statements)
      .where(followedStatements())
      .orderBy(desc(t.statements.date), asc(t.statements.slug))
      .limit(500),
    db.select().from(t.themes).orderBy(asc(t.themes.position), asc(t.themes.slug)),
    db.select().from(t.addressees).orderBy(asc(t.addressees.slug)),
  ]);
  return { statements, themes, addressees };
}

export type WorkspaceFilterOptions = Awaited<ReturnType<typeof workspaceFilterOptions>>;
