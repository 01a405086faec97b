/** Emailed single-use links: password reset (anyone) and invitations (the admin). */

import { type Actor, systemActor, writeAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { messages } from '../../platform/i18n/format.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { enqueueMail } from '../../platform/outbox/index.js';
import { hashToken } from '../../platform/secrets.js';
import type { UserRow } from '../../platform/sessions.js';
import { createUser, findUserByEmail, issueToken, type NewUser, TOKEN_TTL_MS, type TokenPurpose } from './service.js';

export interface LinkContext {
  /** false when SMTP_URL is not set: the link is handed back to be passed on by hand, not mailed. */
  sendsMail: boolean;
  /** The site's public address, e.g. https://puente.example.org (PUENTE_BASE_URL). */
  baseUrl: string;
  locale: Locale;
}

/** A set-password link as issued: its address (shown once, never stored) and when it stops working. */
export interface IssuedLink {
  url: string;
  expiresAt: Date;
}

/**
 * How a new link reached the person: by email, or handed back to whoever asked for it (the admin's
 * page, the CLI) because this server cannot send email.
 */
export type LinkDelivery = { mailed: true } | { mailed: false; link: IssuedLink };

/** A new single-use link to set the user's password, in the given language (the token kept only as a hash). */
export async function issueSetPasswordLink(
  db: Db,
  ctx: Pick<LinkContext, 'baseUrl' | 'locale'>,
  userId: number,
  purpose: TokenPurpose,
  now: Date,
): Promise<IssuedLink> {
  const { url, expiresAt } = await issueLink(db, ctx, userId, purpose, now);
  return { url, expiresAt };
}

async function issueLink(
  db: Db,
  ctx: Pick<LinkContext, 'baseUrl' | 'locale'>,
  userId: number,
  purpose: TokenPurpose,
  now: Date,
): Promise<IssuedLink & { tokenHash: string }> {
  const token = await issueToken(db, userId, purpose, now);
  return {
    url: `${ctx.baseUrl}/${ctx.locale}/set-password/${token}`,
    expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]),
    tokenHash: hashToken(token),
  };
}

/**
 * Issues a single-use link to set the user's password and queues its email in the outbox, in the
 * request's language: an invitation for a new account, a reset for an existing one. Pass the
 * transaction of the change that calls for it: the token and its email commit together or not at all.
 * Without email the link is returned instead, for the caller to show once.
 */
export async function mailSetPasswordLink(
  db: Db,
  ctx: LinkContext,
  user: Pick<UserRow, 'id' | 'email'>,
  purpose: TokenPurpose,
  now: Date,
): Promise<LinkDelivery> {
  const { url, expiresAt, tokenHash } = await issueLink(db, ctx, user.id, purpose, now);
  if (!ctx.sendsMail) return { mailed: false, link: { url, expiresAt } };
  const t = messages(ctx.locale);
  const invitation = purpose === 'invitation';
  await enqueueMail(
    db,
    {
      // One email per link: the token's hash names it (never the token, which only the email carries).
      idempotencyKey: `${purpose}:${tokenHash}`,
      kind: invitation ? 'invitation' : 'password-reset',
      to: user.email,
      subject: invitation ? t.inviteMailSubject : t.resetMailSubject,
      text: invitation ? t.inviteMailBody(url) : t.resetMailBody(url),
      ref: { table: 'users', id: String(user.id) },
      // The body is a working sign-in link: the outbox forgets it once sent.
      forgetBody: true,
    },
    now,
  );
  return { mailed: true };
}

/**
 * Sends a reset link if the address has an active account, and does nothing otherwise. The caller
 * answers the same either way and does not wait for this, so neither the page nor its timing
 * tells whether the address has an account.
 */
export async function requestPasswordReset(
  db: Db,
  ctx: LinkContext,
  email: string,
  now: Date,
  from = 'an unknown address',
): Promise<void> {
  const user = await findUserByEmail(db, email);
  // Audited like sign-in failures: against the account if there is one, never with the text typed.
  const actor = systemActor(`password-reset request from ${from}`);
  const entity = user
    ? { entityType: 'user', entityId: user.id }
    : { entityType: 'password_reset', entityId: 'unknown-account' };
  const action = !user
    ? 'password_reset_requested'
    : user.disabled
      ? 'password_reset_refused_disabled'
      : 'password_reset_requested';
  await writeAudit(db, { actor, at: now, ...entity, action });
  // Without email there is nobody to hand a reset link to: the person asks an admin for one.
  if (!user || user.disabled || !ctx.sendsMail) return;
  await db.transaction((tx) => mailSetPasswordLink(tx, ctx, user, 'password_reset', now));
}

/**
 * A new account and its invitation: mailed when the server can send email, otherwise returned to be
 * handed over. The audit log has the account's creation and how the invitation went out.
 */
export async function inviteUser(
  db: Db,
  ctx: LinkContext,
  input: NewUser,
  actor: Actor,
  now: Date,
): Promise<{ user: UserRow; delivery: LinkDelivery }> {
  // One transaction: the account, its link, the queued email and the audit row, or none of them.
  return db.transaction(async (tx) => {
    const user = await createUser(tx, input, actor, now);
    const delivery = await mailSetPasswordLink(tx, ctx, user, 'invitation', now);
    await writeAudit(tx, {
      actor,
      at: now,
      entityType: 'user',
      entityId: user.id,
      action: 'invite',
      after: { delivery: delivery.mailed ? 'email' : 'link' },
    });
    return { user, delivery };
  });
}

/** Where emailed links come from and go out: whether this server sends email, and the site address. */
export interface LinkOptions {
  /** false when SMTP_URL is not set: nothing can be emailed. */
  sendsMail: boolean;
  baseUrl: string;
}
