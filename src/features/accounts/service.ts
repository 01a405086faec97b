/** Users: creation, sign-in with back-off, single-use links, password and role changes. */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
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
  const locked = user ? isLocked(user, now) : false;
  const passwordOk = await verifyPassword(user && !locked ? user.passwordHash : null, password);
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
  if (locked || !passwordOk || user.disabled) {
    const reason = locked ? 'account_locked' : user.disabled ? 'account_disabled' : 'wrong_password';
    await recordFailedSignIn(db, user, now, reason, from);
    return { ok: false };
  }
  if (user.failedSignIns > 0 || user.lockedUntil) {
    await db.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id));
  }
  return { ok: true, user };
}

/** Both factors passed: when (shown to admins as "last sign-in") and how, in the audit log. */
export async function recordSignIn(
  db: Db,
  user: UserRow,
  now: Date,
  from: string,
  secondFactor: 'none' | 'totp' | 'recovery_code',
): Promise<void> {
  await db.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
  await writeAudit(db, {
    actor: { id: user.id, label: `${user.email} from ${from}` },
    at: now,
    entityType: 'user',
    entityId: user.id,
    action: 'signed_in',
    after: { secondFactor },
  });
}

/**
 * A failed sign-in step, audited with its reason. A wrong password or second factor also counts
 * toward the lock, which grows with each failure past five (the lock itself is audited as `locked`);
 * attempts while locked change nothing but are still recorded.
 */
export async function recordFailedSignIn(
  db: Db,
  user: UserRow,
  now: Date,
  reason: SignInFailure,
  from = 'an unknown address',
): Promise<void> {
  const audit = { actor: attemptFrom(from), at: now, entityType: 'user', entityId: user.id } as const;
  await writeAudit(db, { ...audit, action: 'sign_in_failed', after: { reason } });
  if (reason === 'account_locked') return;
  const failures = user.failedSignIns + 1;
  const over = failures - FREE_ATTEMPTS + 1;
  const lockedUntil = over > 0 ? new Date(now.getTime() + Math.min(2 ** (over - 1) * 60_000, MAX_LOCK_MS)) : null;
  await db.update(users).set({ failedSignIns: failures, lockedUntil }).where(eq(users.id, user.id));
  if (lockedUntil) {
    await writeAudit(db, {
      ...audit,
      action: 'locked',
      before: { failedSignIns: user.failedSignIns, lockedUntil: user.lockedUntil },
      after: { failedSignIns: failures, lockedUntil },
    });
  }
}

export function isLocked(user: UserRow, now: Date): boolean {
  return Boolean(user.lockedUntil && user.lockedUntil > now);
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
 * Sets the password through a reset or invitation link. Marking the token used and checking it
 * is one UPDATE, so two simultaneous submissions cannot both succeed.
 */
export async function setPasswordWithToken(db: Db, token: string, password: string, now: Date): Promise<UserRow> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new Invalid('Password too short', [{ field: 'password', problem: 'too short' }]);
  }
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
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
    const [user] = await tx
      .update(users)
      .set({ passwordHash, failedSignIns: 0, lockedUntil: null, updatedAt: now, version: sql`${users.version} + 1` })
      .where(eq(users.id, used.userId))
      .returning();
    if (!user) throw new NotFound('No such user');
    // Whoever knew the old password is signed out.
    await revokeAllSessions(tx, user.id, now);
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
