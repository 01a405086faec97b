/**
 * The admin's account management: the list, role changes, disabling and enabling, and sending an
 * invitation again. Every change is version-checked (409 with what changed since), audited, and
 * ends the person's sessions where their powers change.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import {
  type KeysetPage,
  keysetPage,
  LIST_PAGE_SIZE,
  type PageRequest,
  type SortKey,
} from '../../platform/db/keyset.js';
import { organizations, singleUseTokens, users } from '../../platform/db/schema/index.js';
import { Forbidden, Invalid, NotFound } from '../../platform/errors.js';
import { messages } from '../../platform/i18n/format.js';
import { canChangeAccount, canManageUsers } from '../../platform/policy.js';
import { revokeAllSessions, type UserRow } from '../../platform/sessions.js';
import { likePattern, textsMatch } from '../../platform/text/localized-search.js';
import { actorOf, staleWrite, updateVersioned, versionedChange } from '../../platform/write.js';
import { type LinkContext, type LinkDelivery, mailSetPasswordLink } from './links.js';
import type { Role } from './service.js';

export interface UserListItem {
  id: number;
  email: string;
  role: Role;
  organization: { slug: string; name: string } | null;
  twoFactor: boolean;
  disabled: boolean;
  /** No password chosen yet: the invitation is still open. */
  invited: boolean;
  lastSignInAt: Date | null;
  version: number;
}

const userColumns = { user: users, organization: { slug: organizations.slug, name: organizations.name } };

function listItem({ user, organization }: { user: UserRow; organization: UserListItem['organization'] }): UserListItem {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    organization,
    twoFactor: user.totpEnabledAt !== null,
    disabled: user.disabled,
    invited: user.passwordHash === null,
    lastSignInAt: user.lastSignInAt,
    version: user.version,
  };
}

/** By email, case ignored: the order of the unique `lower(email)` index, so a page is an index range. */
const userKeys: SortKey[] = [{ column: sql`lower(${users.email})`, direction: 'asc' }];

/** One page of the accounts, by email; `q`: words in the email or the organization's name. */
export async function listUsers(
  db: Db,
  filter: { q: string } = { q: '' },
  request: PageRequest = {},
  size = LIST_PAGE_SIZE,
): Promise<KeysetPage<UserListItem>> {
  const q = filter.q.trim();
  const search = q === '' ? undefined : textsMatch([users.email, organizations.name], likePattern(q));
  const page = await keysetPage<{ user: UserRow; organization: UserListItem['organization']; sortEmail: string }>({
    keys: userKeys,
    request,
    size,
    // The database's own lower(), not JavaScript's: the cursor must compare as the index does.
    keyOf: (row) => [row.sortEmail],
    fetch: (where, orderBy, limit) =>
      db
        .select({ ...userColumns, sortEmail: sql<string>`lower(${users.email})` })
        .from(users)
        .leftJoin(organizations, eq(organizations.id, users.organizationId))
        .where(and(search, where))
        .orderBy(...orderBy)
        .limit(limit),
  });
  return { ...page, items: page.items.map(listItem) };
}

export async function getUserItem(db: Db, id: number): Promise<UserListItem> {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.id, id));
  if (!row) throw new NotFound(`No user ${id}`);
  return listItem(row);
}

function checkMayChange(actor: UserRow, targetId: number): void {
  if (!canManageUsers(actor)) throw new Forbidden('Only the coalition admin manages accounts');
  // Not oneself: an admin demoting or disabling themselves could leave the coalition without one.
  if (!canChangeAccount(actor, { id: targetId })) {
    throw new Invalid(messages('en').accountsNotYourself, [{ field: 'self', problem: 'own account' }]);
  }
}

/** The row as the audit log keeps it for these changes: no secrets, no counters. */
const audited = (u: UserRow) => ({
  email: u.email,
  role: u.role,
  organizationId: u.organizationId,
  disabled: u.disabled,
  version: u.version,
});

async function userById(tx: Db, userId: number): Promise<UserRow> {
  const [user] = await tx.select().from(users).where(eq(users.id, userId));
  if (!user) throw new NotFound(`No user ${userId}`);
  return user;
}

/** An admin's change to an account, against the version the page showed; the audit keeps `audited`. */
async function changeAccount(
  tx: Db,
  change: { userId: number; version: number; action: string; set: Partial<typeof users.$inferInsert> },
  admin: UserRow,
  now: Date,
  alongside: (after: UserRow) => Promise<unknown>,
): Promise<UserRow> {
  const before = await userById(tx, change.userId);
  return updateVersioned(tx, {
    ...versionedChange(users, 'user', before, change.version, change.action, admin, now),
    what: 'account',
    set: change.set,
    alongside,
    audited,
  });
}

export interface RoleChange {
  userId: number;
  role: Role;
  organizationId: number | null;
  version: number;
}

/** A new role (and organization, for members): the person is signed out everywhere. */
export async function changeRole(db: Db, actor: UserRow, input: RoleChange, now: Date): Promise<UserRow> {
  checkMayChange(actor, input.userId);
  if ((input.role === 'member') !== (input.organizationId !== null)) {
    throw new Invalid(messages('en').accountsMemberNeedsOrganization, [
      { field: 'organization', problem: input.role === 'member' ? 'required for members' : 'only for members' },
    ]);
  }
  return db.transaction(async (tx) => {
    const set = { role: input.role, organizationId: input.organizationId };
    return changeAccount(tx, { ...input, action: 'change_role', set }, actor, now, (after) =>
      revokeAllSessions(tx, after.id, now),
    );
  });
}

/** Disabled: no sign-in (signIn and findSession refuse it) and every session ends now. */
export async function setDisabled(
  db: Db,
  actor: UserRow,
  input: { userId: number; disabled: boolean; version: number },
  now: Date,
): Promise<UserRow> {
  checkMayChange(actor, input.userId);
  return db.transaction(async (tx) => {
    const action = input.disabled ? 'disable' : 'enable';
    return changeAccount(tx, { ...input, action, set: { disabled: input.disabled } }, actor, now, async (after) => {
      if (input.disabled) await revokeAllSessions(tx, after.id, now);
    });
  });
}

/**
 * A new invitation link for someone who has not chosen a password yet; earlier unused links stop
 * working (marked used), so only the newest link opens the account. Mailed when the server can send
 * email; otherwise handed back for the admin to pass on.
 */
export async function resendInvitation(
  db: Db,
  links: LinkContext,
  actor: UserRow,
  input: { userId: number; version: number },
  now: Date,
): Promise<{ user: UserRow; delivery: LinkDelivery }> {
  if (!canManageUsers(actor)) throw new Forbidden('Only the coalition admin manages accounts');
  const sent = await db.transaction(async (tx) => {
    const target = await userById(tx, input.userId);
    if (target.version !== input.version) {
      throw await staleWrite(tx, {
        entityType: 'user',
        what: 'account',
        entityId: target.id,
        seenVersion: input.version,
        version: target.version,
      });
    }
    if (target.disabled) {
      throw new Invalid(messages('en').accountsEnableFirst, [{ field: 'disabled', problem: 'account disabled' }]);
    }
    if (target.passwordHash !== null) {
      throw new Invalid(messages('en').accountsAlreadyHasPassword, [{ field: 'user', problem: 'has a password' }]);
    }
    await tx
      .update(singleUseTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(singleUseTokens.userId, target.id),
          eq(singleUseTokens.purpose, 'invitation'),
          isNull(singleUseTokens.usedAt),
        ),
      );
    await writeAudit(tx, {
      actor: actorOf(actor),
      at: now,
      entityType: 'user',
      entityId: target.id,
      action: 'resend_invitation',
      after: { delivery: links.sendsMail ? 'email' : 'link' },
    });
    return { user: target, delivery: await mailSetPasswordLink(tx, links, target, 'invitation', now) };
  });
  return sent;
}
