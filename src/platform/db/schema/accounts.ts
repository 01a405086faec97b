/**
 * Accounts, sessions, single-use tokens, audit log and rate-limit buckets (issue 5).
 * Kept apart from schema.ts so feature branches touching content tables merge cleanly.
 *
 * Secrets are never stored in the clear: session and single-use tokens are kept as sha256 hashes
 * (a database leak does not hand out working links or sessions), passwords as argon2id hashes.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, requiredRef, timestamps, tz, version } from './columns.js';
import { organizations } from './core.js';

export const userRole = pgEnum('user_role', ['admin', 'editor', 'member']);
export const tokenPurpose = pgEnum('token_purpose', ['password_reset', 'invitation']);

export const users = pgTable(
  'users',
  {
    id: id(),
    /** As typed; uniqueness and look-ups are on lower(email). */
    email: text('email').notNull(),
    /** argon2id (PHC string); null until the invited person sets a password. */
    passwordHash: text('password_hash'),
    role: userRole('role').notNull(),
    /** The organization a member may edit; only members have one. */
    organizationId: integer('organization_id').references(() => organizations.id, { onDelete: 'restrict' }),
    disabled: boolean('disabled').notNull().default(false),
    /** Consecutive failed sign-ins; reset by a successful one. Drives the back-off. */
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: tz('locked_until'),
    /** TOTP shared secret (base32). Needed in the clear to check codes; never audited or shown again. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: tz('totp_enabled_at'),
    /** The last TOTP time step accepted: a code is refused if its step is not newer (replay). */
    totpLastStep: integer('totp_last_step'),
    /** When both factors last passed (shown to the admin); failures are in the audit log. */
    lastSignInAt: tz('last_sign_in_at'),
    version: version(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    check('users_member_has_organization', sql`(${t.role} = 'member') = (${t.organizationId} is not null)`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    /** sha256 of the cookie's token, hex. */
    tokenHash: text('token_hash').notNull(),
    userId: requiredRef('user_id', () => users.id, 'cascade'),
    createdAt: tz('created_at').notNull(),
    lastSeenAt: tz('last_seen_at').notNull(),
    expiresAt: tz('expires_at').notNull(),
    revokedAt: tz('revoked_at'),
    /** Password checked, second factor not yet: such a session grants nothing but the code form. */
    secondFactorPending: boolean('second_factor_pending').notNull().default(false),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

/** Password-reset and invitation links: usable once, until they expire. */
export const singleUseTokens = pgTable(
  'single_use_tokens',
  {
    id: id(),
    tokenHash: text('token_hash').notNull(),
    userId: requiredRef('user_id', () => users.id, 'cascade'),
    purpose: tokenPurpose('purpose').notNull(),
    createdAt: tz('created_at').notNull(),
    expiresAt: tz('expires_at').notNull(),
    usedAt: tz('used_at'),
  },
  (t) => [uniqueIndex('single_use_tokens_token_hash_key').on(t.tokenHash)],
);

/** Two-factor recovery codes: sha256 of each, usable once. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    userId: requiredRef('user_id', () => users.id, 'cascade'),
    codeHash: text('code_hash').notNull(),
    usedAt: tz('used_at'),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** Who changed what, when, from what to what. Rows are only ever inserted. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    /** Null for the system (e.g. the CLI before any admin exists). */
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Kept as text so the history stays readable after the actor's account is deleted. */
    actorLabel: text('actor_label').notNull(),
    at: tz('at').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: jsonb('before').$type<Record<string, unknown> | null>(),
    after: jsonb('after').$type<Record<string, unknown> | null>(),
  },
  (t) => [
    // With the id last, a history page newest first is one backward range scan (platform/audit.ts).
    index('audit_log_entity_idx').on(t.entityType, t.entityId, t.at, t.id),
  ],
);

/**
 * Fixed-window counters shared by every app process on one database, so a rate limit holds
 * however many processes serve the site.
 */
export const rateLimitBuckets = pgTable('rate_limit_buckets', {
  key: text('key').primaryKey(),
  windowStart: tz('window_start').notNull(),
  count: integer('count').notNull(),
});
