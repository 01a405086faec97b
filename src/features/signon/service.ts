/**
 * Sign-on: editors open a statement for sign-on; a member asks to sign it for their own
 * organization (and may take it back until publication); editors approve or decline. Approval
 * adds the organization to `signatories`, which the public sees only once the statement is public.
 * Every change is policy-checked, version-checked and audited in the same transaction.
 */
import { and, asc, count, desc, eq, exists, gt, inArray, isNull, max, not, or, type SQL, sql } from 'drizzle-orm';
import { childRow } from '../../platform/db/child-row.js';
import type { Db } from '../../platform/db/client.js';
import {
  type KeysetPage,
  keysetPage,
  LIST_PAGE_SIZE,
  type PageRequest,
  type SortKey,
} from '../../platform/db/keyset.js';
import * as t from '../../platform/db/schema/index.js';
import { Forbidden, Invalid, NotFound } from '../../platform/errors.js';
import {
  canManageSignOn,
  canReadSignOnDraft,
  canSignOnStatement,
  canWithdrawSignature,
  type PolicyUser,
} from '../../platform/policy.js';
import type { UserRow } from '../../platform/sessions.js';
import { localToInstant, resolveTimeZone } from '../../platform/text/time-zones.js';
import { actorOf, insertAudited, staleWrite, updateVersioned, versionedChange } from '../../platform/write.js';
import { getStatementDetail, type StatementDetail } from '../statements/index.js';

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
  /** What is being signed, as the statements feature reads it: text, numbered recommendations, signatories. */
  detail: StatementDetail;
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
const asOf = (call: SignOnCall | null | undefined, now: Date) => (call ? { open: signOnIsOpen(call, now) } : null);

async function statementBySlug(db: Db, slug: string): Promise<StatementRow> {
  const [statement] = await db.select().from(t.statements).where(eq(t.statements.slug, slug));
  if (!statement) throw new NotFound(`No statement "${slug}"`);
  return statement;
}

export async function getSignOnState(db: Db, slug: string, now: Date): Promise<SignOnState> {
  const detail = await getStatementDetail(db, slug);
  const statement = detail.statement;
  const [call] = await db.select().from(t.signOnCalls).where(eq(t.signOnCalls.statementId, statement.id));
  const requests = await db
    .select({
      request: t.signOnRequests,
      organization: { id: t.organizations.id, slug: t.organizations.slug, name: t.organizations.name },
    })
    .from(t.signOnRequests)
    .innerJoin(t.organizations, eq(t.organizations.id, t.signOnRequests.organizationId))
    .where(eq(t.signOnRequests.statementId, statement.id))
    .orderBy(asc(t.signOnRequests.createdAt), asc(t.signOnRequests.id));
  return { statement, detail, call: call ?? null, open: signOnIsOpen(call ?? null, now), requests };
}

/** What one signed-in person may see of a statement's sign-on: null means "no such page" for them. */
export function visibleSignOn(state: SignOnState, user: UserRow): SignOnState | null {
  const own = state.requests.filter((r) => r.organization.id === user.organizationId);
  if (!canReadSignOnDraft(user, state.call && { open: state.open }, own.length > 0)) return null;
  // Members see their own organization's request only: who else is signing is the editors' business until publication.
  return canManageSignOn(user) ? state : { ...state, requests: own };
}

export interface SignOnListItem {
  statement: StatementRow;
  call: SignOnCall | null;
  /** Open now (see `signOnIsOpen`). */
  open: boolean;
  pending: number;
  ownStatus: SignOnStatus | null;
}

/**
 * Which statements' sign-on this person may read, as SQL over statements left-joined to their call:
 * `canReadSignOnDraft` row by row. Editors: all; an active member: open now, or asked for by their
 * organization; anyone else: none.
 */
function readableSignOn(user: UserRow, now: Date): SQL | undefined {
  if (canManageSignOn(user)) return undefined;
  const activeMember = user.role === 'member' && canReadSignOnDraft(user, { open: true });
  if (!activeMember) return sql`false`;
  const openNow = and(
    eq(t.signOnCalls.open, true),
    or(isNull(t.signOnCalls.deadline), gt(t.signOnCalls.deadline, now)),
  );
  const asked = user.organizationId === null ? sql`false` : exists(askedBy(user.organizationId));
  return or(openNow, asked);
}

/** Their organization asked to sign the statement of the row (any status). */
const askedBy = (organizationId: number) =>
  sql`(select 1 from ${t.signOnRequests} where ${t.signOnRequests.statementId} = ${t.statements.id}
       and ${t.signOnRequests.organizationId} = ${organizationId})`;

const signOnKeys: SortKey[] = [
  { column: t.statements.date, direction: 'desc' },
  { column: t.statements.slug, direction: 'asc' },
];

/**
 * One page of statements with their sign-on, newest first. Editors: every statement; members:
 * statements open for sign-on or asked for by their organization. The counts are read for the page's
 * statements only.
 */
export async function listSignOn(
  db: Db,
  user: UserRow,
  now: Date,
  request: PageRequest = {},
  size = LIST_PAGE_SIZE,
): Promise<KeysetPage<SignOnListItem>> {
  const readable = readableSignOn(user, now);
  const page = await keysetPage<{ statement: StatementRow; call: SignOnCall | null }>({
    keys: signOnKeys,
    request,
    size,
    keyOf: (row) => [row.statement.date, row.statement.slug],
    fetch: (where, orderBy, limit) =>
      db
        .select({ statement: t.statements, call: t.signOnCalls })
        .from(t.statements)
        .leftJoin(t.signOnCalls, eq(t.signOnCalls.statementId, t.statements.id))
        .where(and(readable, where))
        .orderBy(...orderBy)
        .limit(limit),
  });
  const ids = page.items.map((row) => row.statement.id);
  const requests =
    ids.length === 0
      ? []
      : await db
          .select({
            statementId: t.signOnRequests.statementId,
            organizationId: t.signOnRequests.organizationId,
            status: t.signOnRequests.status,
          })
          .from(t.signOnRequests)
          .where(inArray(t.signOnRequests.statementId, ids));
  const items = page.items.map(({ statement, call }) => {
    const mine = requests.filter((r) => r.statementId === statement.id);
    return {
      statement,
      call,
      open: signOnIsOpen(call, now),
      pending: mine.filter((r) => r.status === 'pending').length,
      ownStatus: mine.find((r) => r.organizationId === user.organizationId)?.status ?? null,
    };
  });
  // The policy itself, row by row, behind the SQL above: a page may come out short, never wider.
  return { ...page, items: items.filter((i) => canReadSignOnDraft(user, asOf(i.call, now), i.ownStatus !== null)) };
}

/** A count for the workspace home and the first few statements it concerns, newest first. */
export interface SignOnSummary {
  count: number;
  statements: Pick<StatementRow, 'slug' | 'title'>[];
}

/** Editors' home: requests waiting for a decision, over every statement, without listing them all. */
export async function pendingSignOnSummary(db: Db, shown: number): Promise<SignOnSummary> {
  const pending = eq(t.signOnRequests.status, 'pending');
  const [[total], statements] = await Promise.all([
    db.select({ n: count() }).from(t.signOnRequests).where(pending),
    db
      .selectDistinct({ slug: t.statements.slug, title: t.statements.title, date: t.statements.date })
      .from(t.statements)
      .innerJoin(t.signOnRequests, and(eq(t.signOnRequests.statementId, t.statements.id), pending))
      .orderBy(desc(t.statements.date), asc(t.statements.slug))
      .limit(shown),
  ]);
  return { count: Number(total?.n ?? 0), statements };
}

/** A member's home: calls open now that their organization has not answered. */
export async function unansweredCallsSummary(
  db: Db,
  organizationId: number,
  now: Date,
  shown: number,
): Promise<SignOnSummary> {
  const where = and(
    eq(t.signOnCalls.open, true),
    or(isNull(t.signOnCalls.deadline), gt(t.signOnCalls.deadline, now)),
    not(exists(askedBy(organizationId))),
  );
  const [[total], statements] = await Promise.all([
    db
      .select({ n: count() })
      .from(t.statements)
      .innerJoin(t.signOnCalls, eq(t.signOnCalls.statementId, t.statements.id))
      .where(where),
    db
      .select({ slug: t.statements.slug, title: t.statements.title })
      .from(t.statements)
      .innerJoin(t.signOnCalls, eq(t.signOnCalls.statementId, t.statements.id))
      .where(where)
      .orderBy(desc(t.statements.date), asc(t.statements.slug))
      .limit(shown),
  ]);
  return { count: Number(total?.n ?? 0), statements };
}

/** Opens (or reopens) a statement for sign-on; `version` is the call's, 0 when it was never opened. */
export async function setSignOnOpen(
  db: Db,
  user: UserRow,
  input: { slug: string; open: boolean; version: number },
  now: Date,
): Promise<SignOnCall> {
  return writeCall(db, user, input, input.open ? 'open_sign_on' : 'close_sign_on', { open: input.open }, now);
}

/**
 * Sets when sign-on closes by itself: a wall-clock time in an IANA zone (as embargoes are typed), stored
 * as one instant; an empty time removes the deadline. A time that does not exist there, or one already
 * past, is refused and nothing changes.
 */
export async function setSignOnDeadline(
  db: Db,
  user: UserRow,
  input: { slug: string; local: string; timeZone: string; version: number },
  now: Date,
): Promise<SignOnCall> {
  if (!canManageSignOn(user)) throw new Forbidden('Only editors set the sign-on deadline');
  const local = input.local.trim();
  // The zone is typed (with suggestions): read under its current name, refused when Intl lists no such zone.
  const timeZone = resolveTimeZone(input.timeZone);
  if (!timeZone) {
    throw new Invalid(
      `Unknown time zone "${input.timeZone}"`,
      [{ field: 'timeZone', problem: 'editorialErrTimeZone' }],
      'signonDeadlineInvalidReason',
    );
  }
  const deadline = local === '' ? null : localToInstant(local, timeZone);
  if (local !== '' && (!deadline || deadline <= now)) {
    throw new Invalid(
      `The deadline "${local}" is not a time still ahead in ${timeZone}`,
      [{ field: 'deadlineLocal', problem: 'signonErrDeadline' }],
      'signonDeadlineInvalidReason',
    );
  }
  return writeCall(db, user, input, 'set_sign_on_deadline', { deadline, timeZone }, now);
}

/** One change to a statement's call, made the first time as an insert (closed unless it opens it). */
async function writeCall(
  db: Db,
  user: UserRow,
  input: { slug: string; version: number },
  action: string,
  set: Partial<Pick<SignOnCall, 'open' | 'deadline' | 'timeZone'>>,
  now: Date,
): Promise<SignOnCall> {
  if (!canManageSignOn(user)) throw new Forbidden('Only editors open and close sign-on');
  return db.transaction(async (tx) => {
    const statement = await statementBySlug(tx, input.slug);
    const [before] = await tx.select().from(t.signOnCalls).where(eq(t.signOnCalls.statementId, statement.id));
    // The call is keyed by its statement: the audit and the conflict history are the statement's id.
    const change = {
      entityType: 'sign_on',
      what: 'sign-on',
      action,
      actor: actorOf(user),
      now,
      audited: (call: SignOnCall) => ({
        open: call.open,
        deadline: call.deadline?.toISOString() ?? null,
        timeZone: call.timeZone,
      }),
    };
    if (before) {
      return updateVersioned(tx, {
        ...change,
        table: t.signOnCalls,
        key: { column: t.signOnCalls.statementId, value: statement.id },
        before: { ...before, id: statement.id },
        seenVersion: input.version,
        set,
      });
    }
    if (input.version !== 0) {
      throw await staleWrite(tx, { ...change, entityId: statement.id, seenVersion: input.version, version: 0 });
    }
    return insertAudited<SignOnCall>(tx, {
      ...change,
      table: t.signOnCalls,
      values: { statementId: statement.id, open: false, ...set },
      entityId: statement.id,
      orConflict: {},
    });
  });
}

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
