/**
 * The editors' list of every recommendation of a published statement (/workspace/followup), so each
 * one can be reached for follow-up from its first day: searched by its text (any language, accents and
 * case ignored), filtered by statement, addressee, theme, current status and "stale", one keyset page at a time.
 *
 * Published means what editors follow up: published and not withdrawn, embargoed ones included (the
 * reminders' rule, reminders.ts). The query is the dashboards' list (dashboard-list.ts
 * `listRecommendations`): a walk down the selected statements by date, each joined (LATERAL) to its own
 * matching recommendations through the (statement, slug) index, so a page stops after the statements
 * that fill it; a status enters through the current-status index.
 */
import { and, asc, desc, eq, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/client.js';
import { decodeCursor, type KeysetPage, keysetPage, type PageRequest, type SortKey } from '../../platform/db/keyset.js';
import * as t from '../../platform/db/schema/index.js';
import { likePattern, localizedTextMatches } from '../../platform/text/localized-search.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import { currentJoin, ownFilter } from './dashboard-filter.js';
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

/** The list's order: newest statements first, then each statement's recommendations in their order. */
const listKeys: SortKey[] = [
  { column: sql`s.date`, direction: 'desc' },
  { column: sql`s.id`, direction: 'asc' },
  { column: sql`x.position`, direction: 'asc' },
  { column: sql`x.id`, direction: 'asc' },
];

/**
 * One page of the list (keyset: `?after=`/`?before=` carry the edge row's statement date and id and
 * the recommendation's position and id), so page 400 costs what page 1 does. `staleMonths`: what
 * "stale" means (PUENTE_FOLLOWUP_STALE_MONTHS).
 */
export async function listForFollowup(
  db: Db,
  filters: WorkspaceListFilters,
  now: Date,
  staleMonths: number,
  request: PageRequest = {},
  size = WORKSPACE_PAGE_SIZE,
): Promise<KeysetPage<WorkspaceListItem>> {
  const cutoff = monthsBefore(now, staleMonths);
  const own = and(
    ownFilter(filters),
    filters.q ? localizedTextMatches(r.text, likePattern(filters.q)) : undefined,
    // Stale as the reminders count it: no status update (draft or published) dated since the cutoff.
    filters.stale
      ? sql`not exists (select 1 from ${su} recent where recent.recommendation_id = ${r.id} and recent.date >= ${cutoff})`
      : undefined,
  );
  const columns = sql`${r.id}, ${r.position}, ${r.text}, ${r.number} as number, ${su.status} as status,
    ${su.date}::text as status_date`;
  const inStatement =
    filters.status === undefined || filters.status === 'none'
      ? sql`select ${columns} from ${r} left join ${su} on ${currentJoin}
            where ${r.statementId} = s.id and ${filters.status === 'none' ? sql`${su.id} is null` : sql`true`}
              and ${own ?? sql`true`}`
      : sql`select ${columns} from ${su} join ${r} on ${r.id} = ${su.recommendationId}
            where ${su.statementId} = s.id and ${su.isCurrent} and ${su.status} = ${filters.status}
              and ${own ?? sql`true`}`;
  // The statements walk starts at the cursor's statement date, in the page's direction, so the
  // lateral join reads only the statements that can fill this page.
  const after = decodeCursor(request.after, listKeys.length);
  const before = after ? undefined : decodeCursor(request.before, listKeys.length);
  const edgeDate = (after ?? before)?.[0];
  const fromEdge =
    typeof edgeDate !== 'string'
      ? undefined
      : before
        ? sql`${t.statements.date} >= ${edgeDate}`
        : sql`${t.statements.date} <= ${edgeDate}`;
  const statementOrder = before
    ? sql`${t.statements.date} asc, ${t.statements.id} desc`
    : sql`${t.statements.date} desc, ${t.statements.id}`;
  return keysetPage<WorkspaceListItem & { position: number; statementId: number }>({
    keys: listKeys,
    request,
    size,
    keyOf: (row) => [row.statementDate, row.statementId, row.position, row.id],
    fetch: async (where, orderBy, limit) => {
      const rows = await queryRows<WorkspaceListItem & { position: number; statementId: number }>(
        db,
        sql`select x.id, x.number, x.position, x.text, s.id as "statementId", s.slug as "statementSlug",
              s.title as "statementTitle", s.date::text as "statementDate", x.status, x.status_date as "statusDate"
            from (select ${t.statements.id} as id, ${t.statements.slug} as slug, ${t.statements.title} as title,
                    ${t.statements.date} as date
                  from ${t.statements}
                  where ${and(
                    followedStatements(),
                    filters.statement ? eq(t.statements.slug, filters.statement) : undefined,
                    // A statement younger than the stale period has no stale recommendation yet.
                    filters.stale ? lt(t.statements.date, cutoff) : undefined,
                    fromEdge,
                  )}
                  order by ${statementOrder}) s
            cross join lateral (${inStatement}) x
            where ${where ?? sql`true`}
            order by ${sql.join(orderBy, sql`, `)}
            limit ${limit}`,
      );
      return rows.map((row) => ({
        ...row,
        id: Number(row.id),
        number: Number(row.number),
        position: Number(row.position),
        statementId: Number(row.statementId),
      }));
    },
  });
}

/** How many of the newest followed statements the statement filter offers. */
export const STATEMENT_CHOICES = 30;

/**
 * The choices of the list's filter form: the newest followed statements (capped, so the page does not
 * grow with the archive; an older one is reached from its statement page's links or kept here once
 * chosen), themes and addressees.
 */
export async function workspaceFilterOptions(db: Db, filters: Pick<WorkspaceListFilters, 'statement'> = {}) {
  const statementColumns = { slug: t.statements.slug, title: t.statements.title, date: t.statements.date };
  const [newest, chosen, themes, addressees] = await Promise.all([
    db
      .select(statementColumns)
      .from(t.statements)
      .where(followedStatements())
      .orderBy(desc(t.statements.date), asc(t.statements.slug))
      .limit(STATEMENT_CHOICES),
    filters.statement
      ? db
          .select(statementColumns)
          .from(t.statements)
          .where(and(followedStatements(), eq(t.statements.slug, filters.statement)))
      : Promise.resolve([]),
    db.select().from(t.themes).orderBy(asc(t.themes.position), asc(t.themes.slug)),
    db.select().from(t.addressees).orderBy(asc(t.addressees.slug)),
  ]);
  const statements = [...newest, ...chosen.filter((c) => !newest.some((s) => s.slug === c.slug))];
  return { statements, themes, addressees };
}

export type WorkspaceFilterOptions = Awaited<ReturnType<typeof workspaceFilterOptions>>;
