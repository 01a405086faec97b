/**
 * Sign-on: editors open a statement for sign-on (call-service.ts); a member asks to sign it for their own
 * organization and may take it back until publication, and editors approve or decline (request-service.ts);
 * lists and the workspace home's counts are in list-service.ts. Approval adds the organization to
 * `signatories`, which the public sees only once the statement is public. Every change is policy-checked,
 * version-checked and audited in the same transaction. This file: the types and one statement's sign-on as read.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { PageRequest } from '../../platform/db/keyset.js';
import * as t from '../../platform/db/schema/index.js';
import { NotFound } from '../../platform/errors.js';
import { canManageSignOn, canReadSignOnDraft } from '../../platform/policy.js';
import type { UserRow } from '../../platform/sessions.js';
import { readStatementPage, type StatementPageDetail } from '../statements/index.js';

export type StatementRow = typeof t.statements.$inferSelect;
export type SignOnCall = typeof t.signOnCalls.$inferSelect;
export type SignOnRequest = typeof t.signOnRequests.$inferSelect;
export type SignOnStatus = SignOnRequest['status'];

export interface SignOnRequestItem {
  request: SignOnRequest;
  organization: { id: number; slug: string; name: string };
}

export interface SignOnState {
  statement: StatementRow;
  /**
   * What is being signed, as the statements feature reads it: text, one page of the numbered
   * recommendations (with their addressees) and one page of the signatories.
   */
  page: StatementPageDetail;
  /** Whether the organization asked about is among the signatories, on whichever page. */
  organizationListed: boolean;
  call: SignOnCall | null;
  /** Open now: opened by the editors and its deadline, if any, still ahead. */
  open: boolean;
  requests: SignOnRequestItem[];
}

/** Whether members may sign at `now`: the editors opened it and its deadline has not passed. */
export function signOnIsOpen(call: Pick<SignOnCall, 'open' | 'deadline'> | null, now: Date): boolean {
  return Boolean(call?.open) && (!call?.deadline || now < call.deadline);
}

/** The policy's view of a call: open only while its deadline is ahead. */
export const asOf = (call: SignOnCall | null | undefined, now: Date) =>
  call ? { open: signOnIsOpen(call, now) } : null;

export async function statementBySlug(db: Db, slug: string): Promise<StatementRow> {
  const [statement] = await db.select().from(t.statements).where(eq(t.statements.slug, slug));
  if (!statement) throw new NotFound(`No statement "${slug}"`);
  return statement;
}

/** Which page of each long list the sign-on page shows: `after`/`before` for recommendations, the others for signatories. */
export interface SignOnPageRequest {
  recommendations: PageRequest;
  signatories: PageRequest;
}

/**
 * One statement's sign-on as `organizationId`'s people (or an editor, with null) see it. The statement
 * is read a page at a time, so the page stays the same size however long the statement is.
 */
export async function getSignOnState(
  db: Db,
  slug: string,
  now: Date,
  request: SignOnPageRequest = { recommendations: {}, signatories: {} },
  organizationId: number | null = null,
): Promise<SignOnState> {
  const statement = await statementBySlug(db, slug);
  const [page, [call], listed] = await Promise.all([
    readStatementPage(db, statement, { theme: null, ...request }, { withRecommendationAddressees: true }),
    db.select().from(t.signOnCalls).where(eq(t.signOnCalls.statementId, statement.id)),
    organizationId === null
      ? Promise.resolve([])
      : db
          .select({ id: t.signatories.organizationId })
          .from(t.signatories)
          .where(and(eq(t.signatories.statementId, statement.id), eq(t.signatories.organizationId, organizationId))),
  ]);
  const requests = await db
    .select({
      request: t.signOnRequests,
      organization: { id: t.organizations.id, slug: t.organizations.slug, name: t.organizations.name },
    })
    .from(t.signOnRequests)
    .innerJoin(t.organizations, eq(t.organizations.id, t.signOnRequests.organizationId))
    .where(eq(t.signOnRequests.statementId, statement.id))
    .orderBy(asc(t.signOnRequests.createdAt), asc(t.signOnRequests.id));
  return {
    statement,
    page,
    organizationListed: listed.length > 0,
    call: call ?? null,
    open: signOnIsOpen(call ?? null, now),
    requests,
  };
}

/** What one signed-in person may see of a statement's sign-on: null means "no such page" for them. */
export function visibleSignOn(state: SignOnState, user: UserRow): SignOnState | null {
  const own = state.requests.filter((r) => r.organization.id === user.organizationId);
  if (!canReadSignOnDraft(user, state.call && { open: state.open }, own.length > 0)) return null;
  // Members see their own organization's request only: who else is signing is the editors' business until publication.
  return canManageSignOn(user) ? state : { ...state, requests: own };
}
