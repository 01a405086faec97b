/**
 * Sessions live in the database so any app process can check them and "sign out everywhere" is
 * one UPDATE. The cookie holds a random token; the table holds its sha256.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from './db/client.js';
import { sessions, users } from './db/schema/index.js';
import { hashToken, newToken } from './secrets.js';

/** Signed in for at most 12 hours, and signed out after 2 idle hours (shared computers). */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60_000;
export const SESSION_IDLE_MS = 2 * 60 * 60_000;
// Writing last_seen_at on every request would turn every page view into a write.
const TOUCH_EVERY_MS = 60_000;

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

/** Ten minutes to type the second factor after the password. */
export const PENDING_SECOND_FACTOR_MS = 10 * 60_000;

export async function createSession(
  db: Db,
  userId: number,
  now: Date,
  { secondFactorPending = false } = {},
): Promise<string> {
  const { token, hash } = newToken();
  await db.insert(sessions).values({
    tokenHash: hash,
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + (secondFactorPending ? PENDING_SECOND_FACTOR_MS : SESSION_MAX_AGE_MS)),
    secondFactorPending,
  });
  return token;
}

export async function findSession(
  db: Db,
  token: string,
  now: Date,
): Promise<{ session: SessionRow; user: UserRow } | null> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
  if (!row || row.user.disabled) return null;
  const idleFor = now.getTime() - row.session.lastSeenAt.getTime();
  if (idleFor > SESSION_IDLE_MS) return null;
  if (idleFor > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.session.id));
  }
  return row;
}

export async function revokeSession(db: Db, token: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt)));
}

/** "Sign out everywhere", and what a password or role change does to the user's other sessions. */
export async function revokeAllSessions(db: Db, userId: number, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
