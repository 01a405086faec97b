/** Emailed single-use links: password reset (anyone) and invitations (the admin). */

import { type Actor, systemActor, writeAudit } from '../../platform/audit.js';
import type { Db } from '../../platform/db/client.js';
import { messages } from '../../platform/i18n/format.js';
import type { Locale } from '../../platform/i18n/locales.js';
import type { Mailer } from '../../platform/mail.js';
import type { UserRow } from '../../platform/sessions.js';
import { createUser, findUserByEmail, issueToken, type NewUser } from './service.js';

export interface LinkContext {
  mailer: Mailer;
  /** The site's public address, e.g. https://puente.example.org (PUENTE_BASE_URL). */
  baseUrl: string;
  locale: Locale;
}

/**
 * Issues a single-use link to set the user's password and mails it, in the request's language: an
 * invitation for a new account, a reset for an existing one.
 */
export async function mailSetPasswordLink(
  db: Db,
  ctx: LinkContext,
  user: Pick<UserRow, 'id' | 'email'>,
  purpose: 'invitation' | 'password_reset',
  now: Date,
): Promise<void> {
  const token = await issueToken(db, user.id, purpose, now);
  const t = messages(ctx.locale);
  const link = `${ctx.baseUrl}/${ctx.locale}/set-password/${token}`;
  await ctx.mailer.send(
    purpose === 'invitation'
      ? { to: user.email, subject: t.inviteMailSubject, text: t.inviteMailBody(link) }
      : { to: user.email, subject: t.resetMailSubject, text: t.resetMailBody(link) },
  );
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
  if (!user || user.disabled) return;
  await mailSetPasswordLink(db, ctx, user, 'password_reset', now);
}

export async function inviteUser(db: Db, ctx: LinkContext, input: NewUser, actor: Actor, now: Date): Promise<UserRow> {
  const user = await createUser(db, input, actor, now);
  await mailSetPasswordLink(db, ctx, user, 'invitation', now);
  return user;
}

/** Where emailed links come from and go out: the mailer (if any) and the site address. */
export interface LinkOptions {
  /** null when SMTP_URL is not set: nothing can be emailed. */
  mailer: Mailer | null;
  baseUrl: string;
}
