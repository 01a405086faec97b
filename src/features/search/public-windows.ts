/**
 * When the public may find each row of `search_documents`, stored on the row (`public_from`,
 * `public_until`) so the public search filters on the row itself instead of joining its source rows
 * for every candidate (that join was most of the cost of a search at 250,000 recommendations).
 *
 * The span is not a second statement of the rule: it is platform/visibility.ts's own SQL conditions,
 * asked by `publicWindow()` at the instants where their answer can change. The triggers of the search
 * index (migrations `search_documents`, `search_public_windows`) call the database function
 * `search_public_windows(kind, ids)`, whose body is `publicWindowsFunctionBody()` rendered to text; a
 * test (public-windows.test.ts) fails when the installed function and this rendering differ, i.e. when
 * the rule changed without a migration that installs it again (`publicWindowsFunctionSql()` prints the
 * statement to put in it). Because the span is stored, not the answer, an embargo lifts or a withdrawal
 * takes effect by the clock alone, with no write.
 */
import { isNull, type SQL, sql } from 'drizzle-orm';
import { type PgColumn, PgDialect } from 'drizzle-orm/pg-core';
import {
  followupResponses,
  followupStatusUpdates,
  organizations,
  recommendations,
  releases,
  type SearchKind,
  statements,
} from '../../platform/db/schema/index.js';
import {
  publicFollowupCondition,
  publicReleasesCondition,
  publicStatementsCondition,
  publicWindow,
} from '../../platform/visibility.js';

interface KindWindow {
  /** The source rows of that kind and the rows their rule reads, joined under their own names. */
  source: SQL;
  id: PgColumn;
  isPublicAt: (at: SQL) => SQL;
  /** The instants the rule reads, where its answer can change. */
  changes: PgColumn[];
}

const statementChanges = [statements.embargoUntil, statements.withdrawnAt];

const KINDS: Record<SearchKind, KindWindow> = {
  statement: {
    source: sql`${statements}`,
    id: statements.id,
    isPublicAt: (at) => publicStatementsCondition(at),
    changes: statementChanges,
  },
  recommendation: {
    source: sql`${recommendations} join ${statements} on ${statements.id} = ${recommendations.statementId}`,
    id: recommendations.id,
    isPublicAt: (at) => publicStatementsCondition(at),
    changes: statementChanges,
  },
  release: {
    // The release's statement, when it has one, joined for its instants; the rule asks it itself.
    source: sql`${releases} left join ${statements} on ${statements.id} = ${releases.statementId}`,
    id: releases.id,
    isPublicAt: (at) => publicReleasesCondition(at),
    changes: [releases.embargoedUntil, releases.withdrawnAt, ...statementChanges],
  },
  organization: {
    // An organization is public until it is archived (what the registry's public pages show).
    source: sql`${organizations}`,
    id: organizations.id,
    isPublicAt: () => isNull(organizations.archivedAt),
    changes: [],
  },
  followup_response: {
    source: sql`${followupResponses} join ${recommendations} on ${recommendations.id} = ${followupResponses.recommendationId}
      join ${statements} on ${statements.id} = ${recommendations.statementId}`,
    id: followupResponses.id,
    isPublicAt: (at) => publicFollowupCondition(followupResponses.publication, at),
    changes: statementChanges,
  },
  followup_status_update: {
    source: sql`${followupStatusUpdates} join ${statements} on ${statements.id} = ${followupStatusUpdates.statementId}`,
    id: followupStatusUpdates.id,
    isPublicAt: (at) => publicFollowupCondition(followupStatusUpdates.publication, at),
    changes: statementChanges,
  },
};

/**
 * The body of `search_public_windows(doc_kind text, ids integer[])`: for the source rows of that kind
 * with those ids (null: all), their id and span.
 */
export function publicWindowsFunctionBody(): string {
  const branches = Object.entries(KINDS).map(([kind, k], i) => {
    const window = publicWindow(
      k.isPublicAt,
      k.changes.map((c) => sql`${c}`),
    );
    return sql`
  ${sql.raw(i === 0 ? 'IF' : 'ELSIF')} doc_kind = ${sql.raw(`'${kind}'`)} THEN
    RETURN QUERY SELECT ${k.id}, ${window.from}, ${window.until}
      FROM ${k.source}
      WHERE ids IS NULL OR ${k.id} = ANY (ids);`;
  });
  const body = sql`
-- Rendered from platform/visibility.ts by src/features/search/public-windows.ts: never edit by hand.
BEGIN${sql.join(branches, sql``)}
  END IF;
END
`;
  const query = new PgDialect().sqlToQuery(body.inlineParams());
  if (query.params.length > 0) throw new Error('search_public_windows: every value must be inlined');
  return query.sql;
}

/** The statement that installs the function (for a migration, when the rule changes). */
export function publicWindowsFunctionSql(): string {
  return `CREATE OR REPLACE FUNCTION "search_public_windows"(doc_kind text, ids integer[])
RETURNS TABLE (source_id integer, public_from timestamptz, public_until timestamptz) LANGUAGE plpgsql STABLE AS $$${publicWindowsFunctionBody()}$$;`;
}
