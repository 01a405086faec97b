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

const setPasswordLink = (ctx: LinkContext, token: string) => `${ctx.baseUrl}/${ctx.locale}/set-password/${token}`;

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
  const token = await issueToken(db, user.id, 'password_reset', now);
  const t = messages(ctx.locale);
  await ctx.mailer.send({
    to: user.email,
    subject: t.resetMailSubject,
    text: t.resetMailBody(setPasswordLink(ctx, token)),
  });
}

export async function inviteUser(db: Db, ctx: LinkContext, input: NewUser, actor: Actor, now: Date): Promise<UserRow> {
  const user = await createUser(db, input, actor, now);
  const token = await issueToken(db, user.id, 'invitation', now);
  const t = messages(ctx.locale);
  await ctx.mailer.send({
    to: user.email,
    subject: t.inviteMailSubject,
    text: t.inviteMailBody(setPasswordLink(ctx, token)),
  });
  return user;
}

/** Where emailed links come from and go out: the mailer (if any) and the site address. */
export interface LinkOptions {
  /** null when SMTP_URL is not set: nothing can be emailed. */
  mailer: Mailer | null;
  baseUrl: string;
}
