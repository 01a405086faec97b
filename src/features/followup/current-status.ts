/**
 * Keeps `is_current` true on exactly the update status.ts would pick among a recommendation's
 * published updates (latest date, then latest id), false on every other. Called in the same
 * transaction as every write that can change the answer (record, publish, unpublish), so the flag
 * is an index of the timeline rather than a second copy of the status.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';

const su = t.followupStatusUpdates;

export async function refreshCurrentStatus(db: Db, recommendationId: number): Promise<void> {
  await db
    .update(su)
    .set({
      isCurrent: sql`${su.id} = coalesce((
        select latest.id from ${su} latest
        where latest.recommendation_id = ${recommendationId} and latest.publication = 'published'
        order by latest.date desc, latest.id desc limit 1), -1)`,
    })
    .where(and(eq(su.recommendationId, recommendationId)));
}
