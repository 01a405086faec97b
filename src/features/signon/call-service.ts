/** Editors' side of sign-on: opening and closing a statement for sign-on, and its deadline. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as t from '../../platform/db/schema/index.js';
import { Forbidden, Invalid } from '../../platform/errors.js';
import { canManageSignOn } from '../../platform/policy.js';
import type { UserRow } from '../../platform/sessions.js';
import { localToInstant, resolveTimeZone } from '../../platform/text/time-zones.js';
import { actorOf, insertAudited, staleWrite, updateVersioned } from '../../platform/write.js';
import { type SignOnCall, statementBySlug } from './state.js';

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
