/**
 * Members' requests to sign and editors' decisions: a request, its withdrawal, approval (which adds the
 * organization to `signatories`) or refusal, each policy-checked, version-checked and audited.
 */
import { and, eq, max } from 'drizzle-orm';
import { childRow } from '../../platform/db/child-row.js';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Forbidden, Invalid, NotFound } from '../../platform/errors.js';
import { canManageSignOn, canSignOnStatement, canWithdrawSignature, type PolicyUser } from '../../platform/policy.js';
import type { UserRow } from '../../platform/sessions.js';
import { actorOf, insertAudited, updateVersioned, versionedChange } from '../../platform/write.js';
import { asOf, type SignOnRequest, type SignOnStatus, type StatementRow, statementBySlug } from './state.js';

const auditedRequest = (r: SignOnRequest) => ({
  statementId: r.statementId,
  organizationId: r.organizationId,
  status: r.status,
  version: r.version,
});

export type OrganizationRow = typeof t.organizations.$inferSelect;

/** The organization a person would sign for: their own, if they have one. */
export async function organizationFor(db: Db, user: PolicyUser): Promise<OrganizationRow | null> {
  if (!user?.organizationId) return null;
  const [organization] = await db.select().from(t.organizations).where(eq(t.organizations.id, user.organizationId));
  return organization ?? null;
}

async function organizationOf(db: Db, user: PolicyUser) {
  if (!user?.organizationId) throw new Forbidden('Only members of an organization sign on');
  const [organization] = await db.select().from(t.organizations).where(eq(t.organizations.id, user.organizationId));
  if (!organization) throw new Forbidden('Only members of an organization sign on');
  return organization;
}

/** A member's form on one statement: the request id is implied, the version is the one the form saw. */
interface MemberInput {
  slug: string;
  version: number;
}

/**
 * Runs a member's change in one transaction with what it decides on: the statement, the member's
 * organization and that organization's request for the statement, if any.
 */
async function ownRequest<T>(
  db: Db,
  user: UserRow,
  slug: string,
  change: (
    tx: Db,
    statement: StatementRow,
    organization: typeof t.organizations.$inferSelect,
    before?: SignOnRequest,
  ) => Promise<T>,
): Promise<T> {
  const organization = await organizationOf(db, user);
  return db.transaction(async (tx) => {
    const statement = await statementBySlug(tx, slug);
    const [before] = await tx
      .select()
      .from(t.signOnRequests)
      .where(and(eq(t.signOnRequests.statementId, statement.id), eq(t.signOnRequests.organizationId, organization.id)));
    return change(tx, statement, organization, before);
  });
}

/**
 * A member asks to sign for their organization: a new request, or a withdrawn one asked again
 * (`version` then is that request's). Declined requests stay declined: the editors decided.
 */
export async function signOn(db: Db, user: UserRow, input: MemberInput, now: Date): Promise<SignOnRequest> {
  return ownRequest(db, user, input.slug, async (tx, statement, organization, before) => {
    const [call] = await tx.select().from(t.signOnCalls).where(eq(t.signOnCalls.statementId, statement.id));
    if (!canSignOnStatement(user, organization, asOf(call, now))) {
      // A member cannot tell a closed sign-on from a statement that does not exist.
      if (!call) throw new NotFound(`No statement "${input.slug}"`);
      throw call.open && call.deadline && now >= call.deadline
        ? new Forbidden('The deadline to sign this statement has passed', 'signonDeadlinePassedReason')
        : new Forbidden('Sign-on for this statement is closed', 'signonClosedReason');
    }
    // Already among the signatories without a request of its own (a convener, or added by the editors).
    const [listed] = await tx
      .select({ role: t.signatories.role })
      .from(t.signatories)
      .where(and(eq(t.signatories.statementId, statement.id), eq(t.signatories.organizationId, organization.id)));
    if (listed && (!before || before.status === 'withdrawn')) {
      throw new Invalid(
        'Your organization is already among the signatories',
        [{ field: 'status', problem: 'signatory' }],
        'signonAlreadySignatoryReason',
      );
    }
    if (before && before.status !== 'withdrawn') {
      throw new Invalid(
        `Your organization's request is already ${before.status}`,
        [{ field: 'status', problem: before.status }],
        'signonAlreadyRequestedReason',
      );
    }
    if (before) {
      return updateVersioned(tx, {
        ...requestChange(before, input.version, 'sign_on', user, now),
        set: { status: 'pending', requestedBy: user.id, decidedBy: null },
      });
    }
    return insertAudited<SignOnRequest>(tx, {
      table: t.signOnRequests,
      values: { statementId: statement.id, organizationId: organization.id, requestedBy: user.id },
      entityType: 'sign_on_request',
      action: 'sign_on',
      actor: actorOf(user),
      now,
      audited: auditedRequest,
      orConflict: { what: 'sign-on request' },
    });
  });
}

/** A request's change by this user, against the version the form saw; the audit keeps auditedRequest. */
function requestChange(before: SignOnRequest, seenVersion: number, action: string, user: UserRow, now: Date) {
  return {
    ...versionedChange(t.signOnRequests, 'sign_on_request', before, seenVersion, action, user, now),
    what: 'sign-on request',
    audited: auditedRequest,
  };
}

/** The member takes their organization's signature back, while the statement is not published. */
export async function withdrawSignature(db: Db, user: UserRow, input: MemberInput, now: Date): Promise<SignOnRequest> {
  return ownRequest(db, user, input.slug, async (tx, statement, organization, before) => {
    if (!canWithdrawSignature(user, organization, statement)) {
      throw new Forbidden(
        'The statement is published: ask the editors to change its signatories',
        'signonPublishedReason',
      );
    }
    if (!before || before.status === 'withdrawn' || before.status === 'declined') {
      throw new Invalid(
        'Your organization has no signature here to withdraw',
        [{ field: 'status', problem: 'none' }],
        'signonNothingToWithdrawReason',
      );
    }
    return updateVersioned(tx, {
      ...requestChange(before, input.version, 'withdraw_signature', user, now),
      set: { status: 'withdrawn' },
      alongside: () => removeSignatory(tx, statement.id, organization.id),
    });
  });
}

/** Only signatures that came through sign-on are removed: conveners are the editors' to change. */
async function removeSignatory(tx: Db, statementId: number, organizationId: number) {
  await tx
    .delete(t.signatories)
    .where(
      and(
        eq(t.signatories.statementId, statementId),
        eq(t.signatories.organizationId, organizationId),
        eq(t.signatories.role, 'signatory'),
      ),
    );
}

/** Editors approve (the organization joins the signatories, at the end) or decline a request. */
export async function decideSignOn(
  db: Db,
  user: UserRow,
  input: { slug: string; requestId: number; decision: 'approve' | 'decline'; version: number },
  now: Date,
): Promise<SignOnRequest> {
  if (!canManageSignOn(user)) throw new Forbidden('Only editors decide on sign-on requests');
  return db.transaction(async (tx) => {
    const statement = await statementBySlug(tx, input.slug);
    // The request as its URL addresses it, under this statement (platform/db/child-row.ts).
    const before = await childRow(
      tx,
      {
        child: t.signOnRequests,
        parentRef: t.signOnRequests.statementId,
        parent: t.statements,
        parentIs: eq(t.statements.id, statement.id),
      },
      input.requestId,
      `No sign-on request ${input.requestId} for "${input.slug}"`,
    );
    const status = input.decision === 'approve' ? 'approved' : 'declined';
    const allowedFrom: SignOnStatus[] =
      input.decision === 'approve' ? ['pending', 'declined'] : ['pending', 'approved'];
    if (before.version === input.version && !allowedFrom.includes(before.status)) {
      throw new Invalid(
        `This request is ${before.status}`,
        [{ field: 'status', problem: before.status }],
        'signonAlreadyDecidedReason',
      );
    }
    const action = input.decision === 'approve' ? 'approve_sign_on' : 'decline_sign_on';
    return updateVersioned(tx, {
      ...requestChange(before, input.version, action, user, now),
      set: { status, decidedBy: user.id },
      alongside: (after) => setSignatory(tx, statement.id, after),
    });
  });
}

/** An approved request's organization joins the signatories, at the end; any other decision takes it out. */
async function setSignatory(tx: Db, statementId: number, after: SignOnRequest): Promise<void> {
  if (after.status !== 'approved') return removeSignatory(tx, statementId, after.organizationId);
  const [last] = await tx
    .select({ position: max(t.signatories.position) })
    .from(t.signatories)
    .where(eq(t.signatories.statementId, statementId));
  await tx
    .insert(t.signatories)
    .values({
      statementId,
      organizationId: after.organizationId,
      role: 'signatory',
      position: (last?.position ?? 0) + 1,
    })
    .onConflictDoNothing();
}
