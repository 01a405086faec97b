/**
 * The one rule for what the public may see. Every public channel (pages now; downloads, feeds,
 * search, exports, emails later) asks this module rather than testing columns itself; the
 * visibility matrix test (src/app/visibility-matrix.test.ts) fails when a public route is not covered.
 *
 * A statement (and with it its recommendations, quotes and signatories) is in one of four states:
 * - draft: never published;
 * - embargoed: published, but `embargo_until` is still in the future (scheduled / press embargo);
 * - published: public;
 * - withdrawn: `withdrawn_at` has passed; hidden again, kept for the record and the audit log.
 * Time is always the caller's `now` (the app's injected clock), so an embargo lifts by itself.
 *
 * A press release follows the same rule with its own status, embargo instant (its release line) and
 * withdrawal instant: `releaseVisibility()` maps its columns onto the same four states. A release
 * presents its statement (and closes with the statement's signatories), so it is never more public
 * than that statement: while the statement is a draft, embargoed or withdrawn, so is the release,
 * whatever its own columns say, and however its embargo passes. A release about no statement
 * follows its own columns only.
 *
 * A follow-up entry (a government's response, a status update, a meeting, a commitment) has its own
 * `publication` (draft/published) and hangs off recommendations: it is public only when it is
 * published AND the statement of (one of) its recommendation(s) is public by the rule above. A draft
 * entry, or any entry of a draft/embargoed/withdrawn statement, never reaches a public channel.
 */
import { and, eq, exists, gt, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type Db, queryRows } from './db/client.js';
import {
  followupCommitmentRecommendations,
  followupMeetingRecommendations,
  recommendations,
  releases,
  statements,
} from './db/schema/index.js';

export type PublicationStatus = 'draft' | 'published';
export type VisibilityState = 'draft' | 'embargoed' | 'published' | 'withdrawn';

export function isVisibilityState(value: unknown): value is VisibilityState {
  return value === 'draft' || value === 'embargoed' || value === 'published' || value === 'withdrawn';
}

export interface Publishable {
  status: PublicationStatus;
  embargoUntil?: Date | null;
  withdrawnAt?: Date | null;
}

export function visibilityState(item: Publishable, now: Date): VisibilityState {
  if (item.status === 'draft') return 'draft';
  if (item.withdrawnAt && item.withdrawnAt <= now) return 'withdrawn';
  if (item.embargoUntil && item.embargoUntil > now) return 'embargoed';
  return 'published';
}

export function isVisibleToPublic(item: Publishable, now: Date = new Date()): boolean {
  return visibilityState(item, now) === 'published';
}

/**
 * The instant a SQL condition below is asked at: the request's `now`, or an SQL expression (the search
 * index asks the rule at the instants its answer can change: `publicWindow()`).
 */
export type Instant = Date | SQL;

/** The same rule as a SQL condition, for listing queries. */
export function publicStatementsCondition(now: Instant = new Date()): SQL {
  return and(
    eq(statements.status, 'published'),
    or(isNull(statements.embargoUntil), lte(statements.embargoUntil, now)),
    or(isNull(statements.withdrawnAt), gt(statements.withdrawnAt, now)),
  ) as SQL;
}

/** The columns `visibilityState()` reads, as a table names them (statements and releases differ). */
export interface PublishableColumns {
  status: PgColumn;
  embargoUntil: PgColumn;
  withdrawnAt: PgColumn;
}

/** `visibilityState(row, now) = state` as a SQL condition, for lists filtered by state. */
export function stateCondition(columns: PublishableColumns, state: VisibilityState, now: Date): SQL {
  const { status, embargoUntil, withdrawnAt } = columns;
  const published = eq(status, 'published');
  const withdrawn = and(isNotNull(withdrawnAt), lte(withdrawnAt, now));
  const notWithdrawn = or(isNull(withdrawnAt), gt(withdrawnAt, now));
  const embargoed = and(isNotNull(embargoUntil), gt(embargoUntil, now));
  const lifted = or(isNull(embargoUntil), lte(embargoUntil, now));
  switch (state) {
    case 'draft':
      return eq(status, 'draft');
    case 'withdrawn':
      return and(published, withdrawn) as SQL;
    case 'embargoed':
      return and(published, notWithdrawn, embargoed) as SQL;
    case 'published':
      return and(published, notWithdrawn, lifted) as SQL;
  }
}

export const statementStateColumns: PublishableColumns = {
  status: statements.status,
  embargoUntil: statements.embargoUntil,
  withdrawnAt: statements.withdrawnAt,
};

/**
 * `releaseVisibility(release, statement, now) = state` as SQL, for a query that left-joins the
 * release's statement: its own state, except that an own "published" takes its statement's state.
 */
export function releaseStateCondition(state: VisibilityState, now: Date): SQL {
  const own = { status: releases.status, embargoUntil: releases.embargoedUntil, withdrawnAt: releases.withdrawnAt };
  const ownPublished = stateCondition(own, 'published', now);
  const throughStatement = and(
    ownPublished,
    or(
      state === 'published' ? isNull(releases.statementId) : sql`false`,
      and(isNotNull(releases.statementId), stateCondition(statementStateColumns, state, now)),
    ),
  ) as SQL;
  return state === 'published' ? throughStatement : (or(stateCondition(own, state, now), throughStatement) as SQL);
}

/**
 * A press release's state: its own columns under the same rule (its embargo column is named for the
 * release line), then its statement's (`null`: the release presents no statement).
 */
export function releaseVisibility(
  release: { status: PublicationStatus; embargoedUntil: Date | null; withdrawnAt: Date | null },
  statement: Publishable | null,
  now: Date,
): VisibilityState {
  const own = visibilityState(
    { status: release.status, embargoUntil: release.embargoedUntil, withdrawnAt: release.withdrawnAt },
    now,
  );
  return own === 'published' && statement ? visibilityState(statement, now) : own;
}

/**
 * The same rule for press releases, as SQL: published, its embargo (if any) lifted, not withdrawn,
 * and its statement (if any) public.
 */
export function publicReleasesCondition(now: Instant = new Date()): SQL {
  return and(
    eq(releases.status, 'published'),
    or(isNull(releases.embargoedUntil), lte(releases.embargoedUntil, now)),
    or(isNull(releases.withdrawnAt), gt(releases.withdrawnAt, now)),
    or(isNull(releases.statementId), publicStatementIdCondition(releases.statementId, now)),
  ) as SQL;
}

/**
 * The rule as a span of time, for a copy that must answer without joining the rows the rule reads (the
 * search index, features/search): public from `from` until `until` (excluded). `from` is null when no
 * instant makes the row public (a draft), `until` when nothing scheduled ends it. Both come from asking
 * the rule itself (`isPublicAt`, one of the conditions above) at every instant where its answer can
 * change (`changes`: the embargo and withdrawal instants it reads) and before all of them: between two
 * such instants the answer stays what it was at the first. Valid because each rule here is public over
 * one span (published, from the latest embargo to the earliest withdrawal); a test compares the copy with
 * the rule at instants around every change.
 */
export function publicWindow(isPublicAt: (at: SQL) => SQL, changes: SQL[]): { from: SQL; until: SQL } {
  const at = sql.raw('visibility_change.at');
  const instants = (list: SQL[]) =>
    sql`unnest(array[${sql.join(list, sql`, `)}]::timestamptz[]) as visibility_change(at)`;
  const from = sql`(select min(${at}) from ${instants([sql`'-infinity'`, ...changes])} where ${isPublicAt(at)})`;
  const until = sql`(select min(${at}) from ${instants(changes)} where ${at} > ${from} and (${isPublicAt(at)}) is not true)`;
  return { from, until };
}

/** `now` falls in a span of `publicWindow()` (stored in columns). */
export function inPublicWindow(from: PgColumn, until: PgColumn, now: Date): SQL {
  return and(lte(from, now), or(isNull(until), gt(until, now))) as SQL;
}

/**
 * The next instant after `now` at which this rule, by time alone, gives a different answer: an embargo
 * lifting or a scheduled withdrawal of a published statement or release (follow-up entries follow their
 * statement). Kept public pages expire then (platform/web/render-cache.ts); null when nothing is scheduled.
 */
export async function nextVisibilityChange(db: Db, now: Date): Promise<Date | null> {
  const at = now.toISOString();
  const [row] = await queryRows<{ next: string | Date | null }>(
    db,
    sql`select least(
          (select min(${statements.embargoUntil}) from ${statements}
            where ${statements.status} = 'published' and ${statements.embargoUntil} > ${at}::timestamptz),
          (select min(${statements.withdrawnAt}) from ${statements}
            where ${statements.status} = 'published' and ${statements.withdrawnAt} > ${at}::timestamptz),
          (select min(${releases.embargoedUntil}) from ${releases}
            where ${releases.status} = 'published' and ${releases.embargoedUntil} > ${at}::timestamptz),
          (select min(${releases.withdrawnAt}) from ${releases}
            where ${releases.status} = 'published' and ${releases.withdrawnAt} > ${at}::timestamptz)
        ) as next`,
  );
  return row?.next ? new Date(row.next) : null;
}

export type FollowupPublication = 'draft' | 'published';

/** A follow-up entry as the public sees it: its statement's state first, then its own publication. */
export function followupVisibilityState(
  entry: { publication: FollowupPublication },
  statement: Publishable,
  now: Date,
): VisibilityState {
  const state = visibilityState(statement, now);
  if (state !== 'published') return state;
  return entry.publication === 'published' ? 'published' : 'draft';
}

/**
 * The same rule as SQL for an entry whose table has a `publication` column and whose query joins
 * `statements` (responses, status updates: through their recommendation).
 */
export function publicFollowupCondition(publication: PgColumn, now: Instant = new Date()): SQL {
  return and(eq(publication, 'published'), publicStatementsCondition(now)) as SQL;
}

/** A statement id is public: for entries that carry `statement_id` themselves (status updates). */
export function publicStatementIdCondition(statementId: PgColumn, now: Instant = new Date()): SQL {
  return exists(
    sql`(select 1 from ${statements} where ${statements.id} = ${statementId} and ${publicStatementsCondition(now)})`,
  );
}

/**
 * Meetings and commitments link to several recommendations: public when published and linked to at
 * least one recommendation of a public statement (so a draft statement is never revealed by them).
 */
export function publicMeetingCondition(meetingId: PgColumn, publication: PgColumn, now: Date = new Date()): SQL {
  return and(
    eq(publication, 'published'),
    exists(
      sql`(select 1 from ${followupMeetingRecommendations} join ${recommendations} on ${recommendations.id} = ${followupMeetingRecommendations.recommendationId} join ${statements} on ${statements.id} = ${recommendations.statementId} where ${followupMeetingRecommendations.meetingId} = ${meetingId} and ${publicStatementsCondition(now)})`,
    ),
  ) as SQL;
}

export function publicCommitmentCondition(commitmentId: PgColumn, publication: PgColumn, now: Date = new Date()): SQL {
  return and(
    eq(publication, 'published'),
    exists(
      sql`(select 1 from ${followupCommitmentRecommendations} join ${recommendations} on ${recommendations.id} = ${followupCommitmentRecommendations.recommendationId} join ${statements} on ${statements.id} = ${recommendations.statementId} where ${followupCommitmentRecommendations.commitmentId} = ${commitmentId} and ${publicStatementsCondition(now)})`,
    ),
  ) as SQL;
}

/**
 * The same rule for the press channel (features/press): may a release, delivered at `at`, be mailed to
 * this contact? Once public, to anyone; while embargoed (published, lift still ahead) only to contacts
 * trusted under embargo (the mail states the embargo); a draft or withdrawn release to no one.
 * `at` is when the message may leave (the outbox's sendAfter), not when it was queued.
 */
export function releaseMaySendTo(
  release: { status: PublicationStatus; embargoedUntil: Date | null; withdrawnAt: Date | null },
  statement: Publishable | null,
  at: Date,
  contact: { trusted: boolean },
): boolean {
  const state = releaseVisibility(release, statement, at);
  return state === 'published' || (state === 'embargoed' && contact.trusted);
}
