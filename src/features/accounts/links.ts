/** Emailed single-use links: password reset (anyone) and invitations (the admin). */

import { type Actor, systemActor, writeAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { messages } from '../../platform/i18n/format.js';
import type { Locale } from '../../platform/i18n/locales.js';
import type { Mailer } from '../../platform/mail.js';
import type { UserRow } from '../../platform/sessions.js';
import { createUser, findUserByEmail, issueToken, type NewUser, TOKEN_TTL_MS, type TokenPurpose } from './service.js';

export interface LinkContext {
  /** null when SMTP_URL is not set: the link is handed back to be passed on by hand, not mailed. */
  mailer: Mailer | null;
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
  const token = await issueToken(db, userId, purpose, now);
  return {
    url: `${ctx.baseUrl}/${ctx.locale}/set-password/${token}`,
    expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]),
  };
}

/**
 * Issues a single-use link to set the user's password and mails it, in the request's language: an
 * invitation for a new account, a reset for an existing one. Without a mailer the link is returned
 * instead, for the caller to show once.
 */
export async function mailSetPasswordLink(
  db: Db,
  ctx: LinkContext,
  user: Pick<UserRow, 'id' | 'email'>,
  purpose: TokenPurpose,
  now: Date,
): Promise<LinkDelivery> {
  const link = await issueSetPasswordLink(db, ctx, user.id, purpose, now);
  if (!ctx.mailer) return { mailed: false, link };
  const t = messages(ctx.locale);
  await ctx.mailer.send(
    purpose === 'invitation'
      ? { to: user.email, subject: t.inviteMailSubject, text: t.inviteMailBody(link.url) }
      : { to: user.email, subject: t.resetMailSubject, text: t.resetMailBody(link.url) },
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
  if (!user || user.disabled || !ctx.mailer) return;
  await mailSetPasswordLink(db, ctx, user, 'password_reset', now);
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
  const user = await createUser(db, input, actor, now);
  const delivery = await mailSetPasswordLink(db, ctx, user, 'invitation', now);
  await writeAudit(db, {
    actor,
    at: now,
    entityType: 'user',
    entityId: user.id,
    action: 'invite',
    after: { delivery: delivery.mailed ? 'email' : 'link' },
  });
  return { user, delivery };
}

/** Where emailed links come from and go out: the mailer (if any) and the site address. */
export interface LinkOptions {
  /** null when SMTP_URL is not set: nothing can be emailed. */
  mailer: Mailer | null;
  baseUrl: string;
}
