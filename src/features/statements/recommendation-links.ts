/**
 * A coalition recommendation echoes recommendations made by others (issue 17): "Ratify the Escazú
 * Agreement" echoes what Spain and Chile recommended at Guatemala's review. One row per link
 * (schema/reviews.ts); both recommendations' public pages show it (page-service.ts), each through the
 * one visibility rule. Linking and unlinking are editors' changes with an audit row each.
 */
import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Invalid, NotFound } from '../../platform/errors.js';
import { canEditStatement } from '../../platform/policy.js';
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
  const [recommendationId, echoesId] = [await idOf(db, echoing), await idOf(db, echoed)];
  if (recommendationId === echoesId) {
    throw new Invalid('a recommendation cannot echo itself: choose another recommendation');
  }
  await db.transaction(async (tx) => {
    const added = await tx
      .insert(t.recommendationLinks)
      .values({ recommendationId, echoesId })
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

export async function unlinkRecommendations(
  db: Db,
  user: Editor,
  echoing: RecommendationAddress,
  echoed: RecommendationAddress,
  now: Date,
): Promise<void> {
  assertAllowed(canEditStatement(user));
  const [recommendationId, echoesId] = [await idOf(db, echoing), await idOf(db, echoed)];
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
