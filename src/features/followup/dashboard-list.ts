/** The dashboards' list of filtered public recommendations (keyset pages), and public overdue commitments. */
import { and, eq, or, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db/client.js';
import {
  decodeCursor,
  type KeysetPage,
  keysetCondition,
  keysetOrder,
  keysetPage,
  type PageRequest,
  type SortKey,
} from '../../platform/db/keyset.js';
import * as t from '../../platform/db/schema/index.js';
import { publicCommitmentCondition } from '../../platform/visibility.js';
import { currentJoin, ownFilter, statementFilter, su } from './dashboard-filter.js';
import type { ListFilters } from './filters.js';
import { overdueCommitments, type RecommendationInStatement } from './reminders.js';
import { statementsWithStatus } from './rollup-service.js';
import type { ImplementationStatus } from './status.js';

export const LIST_PAGE_SIZE = 50;

export interface ListedRecommendation extends RecommendationInStatement {
  /** The stored position, for ordering only: the number shown is the stored `number`. */
  position: number;
  statementId: number;
  status: ImplementationStatus | null;
  statusDate: string | null;
}

/** The statements' walk: newest first, then id. */
const STATEMENT_WALK: SortKey[] = [
  { column: t.statements.date, direction: 'desc' },
  { column: t.statements.id, direction: 'asc' },
];
/** The list's order, on the walk's output (`s`: the statement, `x`: its recommendation). */
const LIST_ORDER: SortKey[] = [
  { column: sql`s.date`, direction: 'desc' },
  { column: sql`s.id`, direction: 'asc' },
  { column: sql`x.position`, direction: 'asc' },
  { column: sql`x.id`, direction: 'asc' },
];

/**
 * One keyset page of the filtered list (platform/db/keyset.ts), newest statements first: page 400
 * costs what page 1 does, and there is no costly total count.
 *
 * Written as a walk down the selected statements by date, each joined (LATERAL) to its own matching
 * recommendations, so a page stops after the first statements that fill it instead of filtering all
 * 250,000 recommendations and sorting them. The walk starts at the cursor's statement (the keyset
 * on the statements alone), and the full cursor then picks up inside it. With a status the walk
 * enters each statement through the current-status index (statement, status), which is what keeps a
 * status-filtered list fast.
 */
export async function listRecommendations(
  db: Db,
  filters: ListFilters,
  now: Date,
  request: PageRequest = {},
): Promise<KeysetPage<ListedRecommendation>> {
  const r = t.recommendations;
  const own = ownFilter(filters);
  const inStatement =
    filters.status === undefined || filters.status === 'none'
      ? sql`select ${r.id}, ${r.slug}, ${r.position}, ${r.text}, ${su.status} as status, ${su.date}::text as status_date
            from ${r} left join ${su} on ${currentJoin}
            where ${r.statementId} = s.id and ${filters.status === 'none' ? sql`${su.id} is null` : sql`true`}
              and ${own ?? sql`true`}`
      : sql`select ${r.id}, ${r.slug}, ${r.position}, ${r.text}, ${su.status} as status, ${su.date}::text as status_date
            from ${su} join ${r} on ${r.id} = ${su.recommendationId}
            where ${su.statementId} = s.id and ${su.isCurrent} and ${su.status} = ${filters.status}
              and ${own ?? sql`true`}`;
  // The same reading of the cursor as keysetPage's, for the walk's start.
  const after = decodeCursor(request.after, LIST_ORDER.length);
  const before = after ? undefined : decodeCursor(request.before, LIST_ORDER.length);
  const from = after ?? before;
  const reverse = before !== undefined;
  const walkStart = from
    ? or(
        keysetCondition(STATEMENT_WALK, from.slice(0, 2), reverse),
        and(eq(t.statements.date, String(from[0])), eq(t.statements.id, Number(from[1]))),
      )
    : undefined;
  type Row = Omit<ListedRecommendation, 'id' | 'position' | 'statementId'> & {
    id: number;
    position: number;
    statementId: number;
  };
  const page = await keysetPage({
    keys: LIST_ORDER,
    request,
    size: LIST_PAGE_SIZE,
    keyOf: (row: Row) => [row.statementDate, Number(row.statementId), Number(row.position), Number(row.id)],
    fetch: (where, orderBy, limit) =>
      queryRows<Row>(
        db,
        sql`select x.id, x.slug, x.position, x.text, s.id as "statementId", s.slug as "statementSlug",
              s.title as "statementTitle", s.date::text as "statementDate", x.status, x.status_date as "statusDate"
            from (select ${t.statements.id} as id, ${t.statements.slug} as slug, ${t.statements.title} as title,
                    ${t.statements.date} as date
                  from ${t.statements}
                  where ${and(
                    statementFilter(filters, now),
                    filters.status ? statementsWithStatus(filters, filters.status) : undefined,
                    walkStart,
                  )}
                  order by ${sql.join(keysetOrder(STATEMENT_WALK, reverse), sql`, `)}) s
            cross join lateral (${inStatement}) x
            where ${where ?? sql`true`}
            order by ${sql.join(orderBy, sql`, `)}
            limit ${limit}`,
      ),
  });
  return {
    ...page,
    items: page.items.map((row) => ({
      ...row,
      id: Number(row.id),
      position: Number(row.position),
      statementId: Number(row.statementId),
    })),
  };
}

/** Public commitments past due and still open, soonest due first. */
export function publicOverdueCommitments(db: Db, now: Date, limit = 20) {
  const c = t.followupCommitments;
  return overdueCommitments(db, now, limit, publicCommitmentCondition(c.id, c.publication, now));
}
