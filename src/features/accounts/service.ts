/** Users: creation, sign-in with back-off, single-use links, password and role changes. */
import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { type Actor, systemActor, writeAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { singleUseTokens, users } from '../../platform/db/schema/index.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import { hashPassword, hashToken, MIN_PASSWORD_LENGTH, newToken, verifyPassword } from '../../platform/secrets.js';
import { revokeAllSessions, type UserRow } from '../../platform/sessions.js';

export type Role = UserRow['role'];
export type TokenPurpose = 'password_reset' | 'invitation';

/** Five attempts, then a lock (1 minute) that doubles with each further failure, up to 15 minutes. */
export const FREE_ATTEMPTS = 5;
export const MAX_LOCK_MS = 15 * 60_000;
export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  password_reset: 60 * 60_000,
  invitation: 72 * 60 * 60_000,
};

export function normalizeEmail(email: string): string {
  return email.trim();
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${normalizeEmail(email)})`);
  return user ?? null;
}

export interface NewUser {
  email: string;
  role: Role;
  organizationId?: number | null;
}

export async function createUser(db: Db, input: NewUser, actor: Actor, now: Date): Promise<UserRow> {
  if (!/^[^\s@]+@[^\s@]+$/.test(normalizeEmail(input.email))) {
    throw new Invalid('Not an email address', [{ field: 'email', problem: 'invalid' }]);
  }
  if ((input.role === 'member') !== (input.organizationId != null)) {
    throw new Invalid('Members, and only members, belong to an organization', [
      { field: 'organizationId', problem: 'required for members only' },
    ]);
  }
  if (await findUserByEmail(db, input.email)) throw new Conflict(`A user with the email ${input.email} exists`);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        email: normalizeEmail(input.email),
        role: input.role,
        organizationId: input.organizationId ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!user) throw new Error('insert returned nothing');
    await writeAudit(tx, { actor, at: now, entityType: 'user', entityId: user.id, action: 'create', after: user });
    return user;
  });
}

export type SignInResult = { ok: true; user: UserRow } | { ok: false };

/** Why a sign-in step failed, as the audit log records it. */
export type SignInFailure = 'wrong_password' | 'account_disabled' | 'account_locked' | 'wrong_second_factor';

/** Who tried, for the audit log: nobody is signed in yet, so the client address (as the proxy reports it). */
export const attemptFrom = (address: string) => systemActor(`sign-in attempt from ${address}`);

/**
 * One answer for every failure (unknown email, wrong password, locked, disabled), and about the
 * same time for each, so the form does not reveal who has an account. Every failure is audited:
 * against the account when the email has one; otherwise as `sign_in/unknown-account` without the
 * text typed (often a password typed into the wrong box, or someone else's address).
 */
export async function signIn(
  db: Db,
  email: string,
  password: string,
  now: Date,
  from = 'an unknown address',
): Promise<SignInResult> {
  const user = await findUserByEmail(db, email);
  // Counted before the password is checked, so guesses sent at once cannot outrun the lock.
  const attempt = user ? await countSignInAttempt(db, user.id, now) : null;
  const passwordOk = await verifyPassword(user && attempt ? user.passwordHash : null, password);
  if (!user) {
    await writeAudit(db, {
      actor: attemptFrom(from),
      at: now,
      entityType: 'sign_in',
      entityId: 'unknown-account',
      action: 'sign_in_failed',
    });
    return { ok: false };
  }
  if (!attempt || !passwordOk || user.disabled) {
    const reason = !attempt ? 'account_locked' : user.disabled ? 'account_disabled' : 'wrong_password';
    await recordFailedSignIn(db, user, attempt, now, reason, from);
    return { ok: false };
  }
  if (user.totpEnabledAt === null) {
    await forgetFailedAttempts(db, user.id);
  } else {
    // The code is still to come. Only this right attempt stops counting (and the lock it set, if any):
    // earlier wrong codes keep counting, or knowing the password would restart the code's back-off.
    // Only if nothing was counted since, so a right password racing wrong codes lifts no lock of theirs.
    await db
      .update(users)
      .set({ failedSignIns: sql`${users.failedSignIns} - 1`, lockedUntil: null })
      .where(and(eq(users.id, user.id), eq(users.failedSignIns, attempt.failedSignIns)));
  }
  return { ok: true, user };
}

/**
 * Both factors passed: when (shown to admins as "last sign-in") and how, in the audit log. The
 * attempts counted so far (the second factor's included) no longer count.
 */
export async function recordSignIn(
  db: Db,
  user: UserRow,
  now: Date,
  from: string,
  secondFactor: 'none' | 'totp' | 'recovery_code',
): Promise<void> {
  await db.update(users).set({ lastSignInAt: now, failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id));
  await writeAudit(db, {
    actor: { id: user.id, label: `${user.email} from ${from}` },
    at: now,
    entityType: 'user',
    entityId: user.id,
    action: 'signed_in',
    after: { secondFactor },
  });
}

/** One counted sign-in attempt: the account's failures with this one, and the lock it set (if any). */
export interface SignInAttempt {
  failedSignIns: number;
  lockedUntil: Date | null;
}

/**
 * Counts a sign-in step (a password, or a second-factor code) before it is checked, in one UPDATE:
 * the failure count goes up by one and, from the FREE_ATTEMPTS-th on, the lock is set as if this
 * attempt fails (a right answer then lifts it). The UPDATE only matches an account that is not
 * locked, and PostgreSQL applies concurrent UPDATEs of one row in turn, each seeing the one before;
 * so however many attempts arrive at once, from however many processes, at most FREE_ATTEMPTS are
 * let through to be checked. Returns null, and changes nothing, while the account is locked.
 */
export async function countSignInAttempt(db: Db, userId: number, now: Date): Promise<SignInAttempt | null> {
  const failures = sql`${users.failedSignIns} + 1`;
  // 1 minute at the FREE_ATTEMPTS-th failure, doubling with each further one, at most MAX_LOCK_MS (the
  // exponent is capped so that power() cannot overflow however high the count climbs).
  const lockMs = sql`least(60000 * power(2, least(${failures} - ${sql.raw(String(FREE_ATTEMPTS))}, 20)), ${sql.raw(String(MAX_LOCK_MS))})`;
  const [attempt] = await db
    .update(users)
    .set({
      failedSignIns: failures,
      lockedUntil: sql`case when ${failures} >= ${sql.raw(String(FREE_ATTEMPTS))}
        then ${now.toISOString()}::timestamptz + ${lockMs} * interval '1 millisecond' end`,
    })
    .where(and(eq(users.id, userId), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
    .returning({ failedSignIns: users.failedSignIns, lockedUntil: users.lockedUntil });
  return attempt ?? null;
}

/**
 * A failed sign-in step, audited with its reason; `attempt` is what countSignInAttempt counted for it
 * (null: the account was locked, nothing was checked or counted). When the attempt set the lock, the
 * lock is audited too (`locked`).
 */
export async function recordFailedSignIn(
  db: Db,
  user: UserRow,
  attempt: SignInAttempt | null,
  now: Date,
  reason: SignInFailure,
  from = 'an unknown address',
): Promise<void> {
  const actor = attemptFrom(from);
  await writeAudit(db, {
    actor,
    at: now,
    entityType: 'user',
    entityId: user.id,
    action: 'sign_in_failed',
    after: { reason },
  });
  await auditLock(db, actor, user.id, attempt, now);
}

/** The lock a failed attempt set (if it set one), audited as `locked` against the account. */
export async function auditLock(
  db: Db,
  actor: Actor,
  userId: number,
  attempt: SignInAttempt | null,
  now: Date,
): Promise<void> {
  if (!attempt?.lockedUntil) return;
  await writeAudit(db, {
    actor,
    at: now,
    entityType: 'user',
    entityId: userId,
    action: 'locked',
    before: { failedSignIns: attempt.failedSignIns - 1 },
    after: { failedSignIns: attempt.failedSignIns, lockedUntil: attempt.lockedUntil },
  });
}

/** The right answer: the attempts counted so far (that one included) no longer count. */
export async function forgetFailedAttempts(db: Db, userId: number): Promise<void> {
  await db.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export async function issueToken(db: Db, userId: number, purpose: TokenPurpose, now: Date): Promise<string> {
  const { token, hash } = newToken();
  await db.insert(singleUseTokens).values({
    tokenHash: hash,
    userId,
    purpose,
    createdAt: now,
    expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]),
  });
  return token;
}

/** Whether a link is still good, without using it (the form page). */
export async function peekToken(db: Db, token: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: singleUseTokens.id })
    .from(singleUseTokens)
    .where(
      and(
        eq(singleUseTokens.tokenHash, hashToken(token)),
        isNull(singleUseTokens.usedAt),
        gt(singleUseTokens.expiresAt, now),
      ),
    );
  return Boolean(row);
}

/**
 * Sets the password through a reset or invitation link. The account's row is locked first, so
 * submissions for one account (through one link or several, from any process) run in turn: the
 * first uses its link, and the password change then ends every other link (see replacePassword),
 * so the rest find theirs used.
 */
export async function setPasswordWithToken(db: Db, token: string, password: string, now: Date): Promise<UserRow> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new Invalid('Password too short', [{ field: 'password', problem: 'too short' }]);
  }
  // A dead link costs no password hashing.
  if (!(await peekToken(db, token, now))) throw new NotFound('This link is not valid any more');
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [link] = await tx
      .select({ userId: singleUseTokens.userId })
      .from(singleUseTokens)
      .where(eq(singleUseTokens.tokenHash, hashToken(token)));
    if (!link) throw new NotFound('This link is not valid any more');
    await tx.select({ id: users.id }).from(users).where(eq(users.id, link.userId)).for('update');
    const [used] = await tx
      .update(singleUseTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(singleUseTokens.tokenHash, hashToken(token)),
          isNull(singleUseTokens.usedAt),
          gt(singleUseTokens.expiresAt, now),
        ),
      )
      .returning();
    if (!used) throw new NotFound('This link is not valid any more');
    const user = await replacePassword(tx, used.userId, passwordHash, now);
    await writeAudit(tx, {
      actor: { id: user.id, label: user.email },
      at: now,
      entityType: 'user',
      entityId: user.id,
      action: used.purpose === 'invitation' ? 'accept_invitation' : 'reset_password',
    });
    return user;
  });
}

/**
 * A new password, and what every password change must do with it, whatever the path: the failure
 * count starts over; whoever knew the old password is signed out (every session ends); and every
 * link that could set a password for the account (reset or invitation) stops working, so an older
 * reset email cannot undo the change. Runs inside the caller's transaction.
 */
async function replacePassword(tx: Db, userId: number, passwordHash: string, now: Date): Promise<UserRow> {
  const [user] = await tx
    .update(users)
    .set({ passwordHash, failedSignIns: 0, lockedUntil: null, updatedAt: now, version: sql`${users.version} + 1` })
    .where(eq(users.id, userId))
    .returning();
  if (!user) throw new NotFound('No such user');
  await revokeAllSessions(tx, user.id, now);
  await tx
    .update(singleUseTokens)
    .set({ usedAt: now })
    .where(and(eq(singleUseTokens.userId, user.id), isNull(singleUseTokens.usedAt)));
  return user;
}
