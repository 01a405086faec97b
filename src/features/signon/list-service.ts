/** Sign-on lists: the statements a person may read the sign-on of, paged, and the workspace home's counts. */
import { and, asc, count, desc, eq, exists, gt, inArray, isNull, not, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { type KeysetPage, keysetPage, LIST_PAGE_SIZE, type PageRequest } from '../../platform/db/keyset.js';
import { STATEMENTS_NEWEST_FIRST, statementSortKey } from '../../platform/db/list-orders.js';
import * as t from '../../platform/db/schema/index.js';
import { canManageSignOn, canReadSignOnDraft } from '../../platform/policy.js';
import type { UserRow } from '../../platform/sessions.js';
import { asOf, type SignOnCall, type SignOnStatus, type StatementRow, signOnIsOpen } from './state.js';

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
    keys: STATEMENTS_NEWEST_FIRST,
    request,
    size,
    keyOf: (row) => statementSortKey(row.statement),
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
