/** What the editors' follow-up pages need about one recommendation, drafts included (policy-checked). */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Forbidden, NotFound } from '../../platform/errors.js';
import { canRecordFollowup, type PolicyUser } from '../../platform/policy.js';
import { organizationsToPick } from '../registry/index.js';
import { recommendationNumber, recommendationOrder } from '../statements/index.js';

/**
 * The recommendation, its statement's recommendations, addressees and meetings, and the organizations
 * its forms offer: bounded (registry's organizationsToPick), the `chosen` ones (recorded or posted)
 * and a few more, those `find` matches.
 */
export async function getRecommendationForEditor(
  db: Db,
  id: number,
  user: PolicyUser,
  organizationQuery: { chosen: number[]; find?: string | undefined } = { chosen: [] },
) {
  if (!canRecordFollowup(user)) throw new Forbidden('Only editors may record follow-up');
  const [row] = await db
    .select({ recommendation: t.recommendations, statement: t.statements })
    .from(t.recommendations)
    .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
    .where(eq(t.recommendations.id, id));
  if (!row) throw new NotFound(`No recommendation ${id}`);
  const [siblings, addressees, allAddressees, organizations, meetings] = await Promise.all([
    db
      .select({ recommendation: t.recommendations, number: recommendationNumber() })
      .from(t.recommendations)
      .where(eq(t.recommendations.statementId, row.statement.id))
      .orderBy(...recommendationOrder()),
    db
      .select({ addressee: t.addressees })
      .from(t.recommendationAddressees)
      .innerJoin(t.addressees, eq(t.addressees.id, t.recommendationAddressees.addresseeId))
      .where(eq(t.recommendationAddressees.recommendationId, id))
      .orderBy(asc(t.addressees.slug)),
    db.select().from(t.addressees).orderBy(asc(t.addressees.slug)),
    organizationsToPick(db, organizationQuery),
    db
      .select({ meeting: t.followupMeetings })
      .from(t.followupMeetingRecommendations)
      .innerJoin(t.followupMeetings, eq(t.followupMeetings.id, t.followupMeetingRecommendations.meetingId))
      .where(eq(t.followupMeetingRecommendations.recommendationId, id))
      .orderBy(asc(t.followupMeetings.date)),
  ]);
  return {
    ...row,
    number: siblings.find((s) => s.recommendation.id === id)!.number,
    siblings: siblings.map((s) => ({ ...s.recommendation, number: s.number })),
    addressees: addressees.map((a) => a.addressee),
    allAddressees,
    organizations: organizations.rows,
    /** More organizations match than offered; how many besides the chosen are offered; the search's words. */
    organizationSearch: {
      more: organizations.more,
      offered: organizations.offered,
      find: organizationQuery.find ?? '',
    },
    meetings: meetings.map((m) => m.meeting),
  };
}

export type EditorRecommendation = Awaited<ReturnType<typeof getRecommendationForEditor>>;
