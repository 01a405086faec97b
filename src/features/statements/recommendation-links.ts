/**
 * A coalition recommendation echoes recommendations made by others (issue 17): "Ratify the Escazú
 * Agreement" echoes what Spain and Chile recommended at Guatemala's review. One row per link
 * (schema/reviews.ts); both recommendations' public pages show it (page-service.ts), each through the
 * one visibility rule. Linking and unlinking are editors' changes with an audit row each.
 */
import { and, asc, desc, eq, ne, or, type SQL } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { type Choices, chosenAndOffered } from '../../platform/db/choices.js';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { NotFound } from '../../platform/errors.js';
import { Problems } from '../../platform/forms/problems.js';
import { canEditStatement } from '../../platform/policy.js';
import { likePattern, localizedTextMatches } from '../../platform/text/localized-search.js';
import type { LocalizedText } from '../../platform/text/localized-text.js';
import { actorOf, assertAllowed, type Editor } from '../../platform/write.js';

/** A recommendation by its statement's slug and its own (as in its public address). */
export interface RecommendationAddress {
  statement: string;
  recommendation: string;
}

async function idOf(db: Db, address: RecommendationAddress): Promise<number> {
  const [row] = await db
    .select({ id: t.recommendations.id })
    .from(t.recommendations)
    .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
    .where(and(eq(t.statements.slug, address.statement), eq(t.recommendations.slug, address.recommendation)));
  if (!row) throw new NotFound(`no recommendation "${address.recommendation}" in statement "${address.statement}"`);
  return row.id;
}

export async function linkRecommendations(
  db: Db,
  user: Editor,
  echoing: RecommendationAddress,
  echoed: RecommendationAddress,
  now: Date,
): Promise<void> {
  assertAllowed(canEditStatement(user));
  await linkRecommendationIds(db, user, await idOf(db, echoing), await idOf(db, echoed), now);
}

export async function unlinkRecommendations(
  db: Db,
  user: Editor,
  echoing: RecommendationAddress,
  echoed: RecommendationAddress,
  now: Date,
): Promise<void> {
  assertAllowed(canEditStatement(user));
  await unlinkRecommendationIds(db, user, await idOf(db, echoing), await idOf(db, echoed), now);
}

/**
 * `recommendationId` echoes `echoesId` from now on; linking twice adds nothing (and no audit row). The
 * problem is named on the form's `echoes` field: nothing chosen, no such recommendation, or itself.
 */
export async function linkRecommendationIds(
  db: Db,
  user: Editor,
  recommendationId: number,
  echoesId: number | null,
  now: Date,
): Promise<void> {
  assertAllowed(canEditStatement(user));
  const problems = new Problems();
  if (echoesId === null) problems.add('echoes', 'workspaceErrRequired');
  else if (echoesId === recommendationId) problems.add('echoes', 'workspaceErrLinkSelf');
  else {
    const [found] = await db
      .select({ id: t.recommendations.id })
      .from(t.recommendations)
      .where(eq(t.recommendations.id, echoesId));
    if (!found) problems.add('echoes', 'workspaceErrChoice');
  }
  problems.throwIfAny('The link has problems');
  await db.transaction(async (tx) => {
    const added = await tx
      .insert(t.recommendationLinks)
      .values({ recommendationId, echoesId: echoesId as number })
      .onConflictDoNothing()
      .returning();
    if (added.length === 0) return;
    await writeAudit(tx, {
      actor: actorOf(user),
      at: now,
      entityType: 'recommendation',
      entityId: recommendationId,
      action: 'link',
      before: null,
      after: { echoes: echoesId },
    });
  });
}

/** The link is gone (removing one that is not there changes nothing and writes no audit row). */
export async function unlinkRecommendationIds(
  db: Db,
  user: Editor,
  recommendationId: number,
  echoesId: number,
  now: Date,
): Promise<void> {
  assertAllowed(canEditStatement(user));
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(t.recommendationLinks)
      .where(
        and(eq(t.recommendationLinks.recommendationId, recommendationId), eq(t.recommendationLinks.echoesId, echoesId)),
      )
      .returning();
    if (removed.length === 0) return;
    await writeAudit(tx, {
      actor: actorOf(user),
      at: now,
      entityType: 'recommendation',
      entityId: recommendationId,
      action: 'unlink',
      before: { echoes: echoesId },
      after: null,
    });
  });
}

/** A recommendation as a link names it: its number and text, and its statement. */
export interface LinkedRecommendation {
  id: number;
  number: number;
  text: LocalizedText;
  sourceReference: string | null;
  statementSlug: string;
  statementTitle: LocalizedText;
}

const linkedColumns = {
  id: t.recommendations.id,
  number: t.recommendations.number,
  text: t.recommendations.text,
  sourceReference: t.recommendations.sourceReference,
  statementSlug: t.statements.slug,
  statementTitle: t.statements.title,
};

/**
 * The editor's view of one recommendation's links, whatever their statements' state (the public pages
 * read them through the visibility rule, page-service.ts): what it echoes, and what echoes it.
 */
export async function linksForEditing(
  db: Db,
  id: number,
): Promise<{ echoes: LinkedRecommendation[]; echoedBy: LinkedRecommendation[] }> {
  const l = t.recommendationLinks;
  type LinkColumn = typeof l.recommendationId | typeof l.echoesId;
  const side = (mine: LinkColumn, theirs: LinkColumn) =>
    db
      .select(linkedColumns)
      .from(l)
      .innerJoin(t.recommendations, eq(t.recommendations.id, theirs))
      .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
      .where(eq(mine, id))
      .orderBy(desc(t.statements.date), asc(t.statements.slug), asc(t.recommendations.position));
  const [echoes, echoedBy] = await Promise.all([
    side(l.recommendationId, l.echoesId),
    side(l.echoesId, l.recommendationId),
  ]);
  return { echoes, echoedBy };
}

/**
 * The recommendations the link form offers, bounded (platform/db/choices.ts): those of other
 * statements, newest statement first; a search finds words of the text (any language), the source's
 * number ("121.1") or the statement's title. `chosen` keeps what the editor picked before a Find.
 */
export function recommendationsToLink(
  db: Db,
  query: { statementId: number; chosen: number[]; find: string },
): Promise<Choices<LinkedRecommendation>> {
  const find = query.find.trim();
  const like = likePattern(find);
  const match: SQL | undefined = find
    ? or(
        localizedTextMatches(t.recommendations.text, like),
        eq(t.recommendations.sourceReference, find),
        localizedTextMatches(t.statements.title, like),
      )
    : undefined;
  return chosenAndOffered({
    id: t.recommendations.id,
    chosen: query.chosen,
    match,
    fetch: (where, limit) => {
      const q = db
        .select(linkedColumns)
        .from(t.recommendations)
        .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
        .where(and(ne(t.recommendations.statementId, query.statementId), where))
        .orderBy(
          desc(t.statements.date),
          asc(t.statements.slug),
          asc(t.recommendations.position),
          asc(t.recommendations.id),
        );
      return limit === null ? q : q.limit(limit);
    },
  });
}
