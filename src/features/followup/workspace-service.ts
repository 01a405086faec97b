/** What the editors' follow-up pages need about one recommendation, drafts included (policy-checked). */
import { and, asc, eq } from 'drizzle-orm';
import { chosenAndOffered } from '../../platform/db/choices.js';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Forbidden, NotFound } from '../../platform/errors.js';
import { canRecordFollowup, type PolicyUser } from '../../platform/policy.js';
import { likePattern, localizedTextMatches } from '../../platform/text/localized-search.js';
import { organizationsToPick } from '../registry/index.js';
import { addresseesToPick, recommendationOrder } from '../statements/index.js';

/** What a form's pickers have chosen (posted or recorded ids) and the words their searches look for. */
export interface EditorChoiceQuery {
  organizations?: { chosen: number[]; find?: string | undefined };
  addressees?: { chosen: number[]; find?: string | undefined };
  recommendations?: { chosen: number[]; find?: string | undefined };
}

/**
 * The recommendation, its addressees and meetings, and what its forms offer, bounded
 * (platform/db/choices.ts): organizations (registry's organizationsToPick), addressees (the
 * recommendation's own always among them) and its statement's recommendations are the `chosen` ones
 * (recorded or posted) and a few more, those `find` matches, so a form does not grow with the registry
 * or the statement. `siblingIds` are all of the statement's
 * recommendations (ids only): what a posted choice is checked against.
 */
export async function getRecommendationForEditor(db: Db, id: number, user: PolicyUser, query: EditorChoiceQuery = {}) {
  if (!canRecordFollowup(user)) throw new Forbidden('Only editors may record follow-up');
  const [row] = await db
    .select({ recommendation: t.recommendations, statement: t.statements })
    .from(t.recommendations)
    .innerJoin(t.statements, eq(t.statements.id, t.recommendations.statementId))
    .where(eq(t.recommendations.id, id));
  if (!row) throw new NotFound(`No recommendation ${id}`);
  const organizationQuery = query.organizations ?? { chosen: [] };
  const recommendationQuery = query.recommendations ?? { chosen: [] };
  const r = t.recommendations;
  const addresseeQuery = query.addressees ?? { chosen: [] };
  const [siblingRows, addressees, organizations, meetings] = await Promise.all([
    db
      .select({ id: r.id })
      .from(r)
      .where(eq(r.statementId, row.statement.id))
      .orderBy(...recommendationOrder()),
    db
      .select({ addressee: t.addressees })
      .from(t.recommendationAddressees)
      .innerJoin(t.addressees, eq(t.addressees.id, t.recommendationAddressees.addresseeId))
      .where(eq(t.recommendationAddressees.recommendationId, id))
      .orderBy(asc(t.addressees.slug)),
    organizationsToPick(db, organizationQuery),
    db
      .select({ meeting: t.followupMeetings })
      .from(t.followupMeetingRecommendations)
      .innerJoin(t.followupMeetings, eq(t.followupMeetings.id, t.followupMeetingRecommendations.meetingId))
      .where(eq(t.followupMeetingRecommendations.recommendationId, id))
      .orderBy(asc(t.followupMeetings.date)),
  ]);
  const siblingIds = siblingRows.map((s) => s.id);
  const numberOf = (recommendationId: number) => siblingIds.indexOf(recommendationId) + 1;
  // A number typed in the search finds that recommendation; other words search its text.
  const find = recommendationQuery.find?.trim() ?? '';
  const byNumber = /^\d{1,6}$/.test(find) ? siblingIds[Number(find) - 1] : undefined;
  const ownAddressees = addressees.map((a) => a.addressee);
  const addresseeChoices = await addresseesToPick(db, {
    chosen: [...ownAddressees.map((a) => a.id), ...addresseeQuery.chosen],
    find: addresseeQuery.find,
  });
  const recommendations = await chosenAndOffered({
    id: r.id,
    chosen: [id, ...recommendationQuery.chosen.filter((x) => siblingIds.includes(x))],
    match: find ? (byNumber ? eq(r.id, byNumber) : localizedTextMatches(r.text, likePattern(find))) : undefined,
    fetch: (where, limit) => {
      const q = db
        .select({ id: r.id, text: r.text })
        .from(r)
        .where(and(eq(r.statementId, row.statement.id), where))
        .orderBy(...recommendationOrder());
      return limit === null ? q : q.limit(limit);
    },
  });
  return {
    ...row,
    number: numberOf(id),
    siblingIds,
    /** The statement's recommendations the forms offer (bounded), in the statement's order. */
    siblings: recommendations.rows.map((s) => ({ ...s, number: numberOf(s.id) })).sort((a, b) => a.number - b.number),
    recommendationSearch: { more: recommendations.more, offered: recommendations.offered, find },
    addressees: ownAddressees,
    /** The addressees the forms offer (bounded): the chosen ones, then the first or those the search finds. */
    addresseeChoices: addresseeChoices.rows,
    addresseeSearch: {
      more: addresseeChoices.more,
      offered: addresseeChoices.offered,
      find: addresseeQuery.find ?? '',
    },
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
