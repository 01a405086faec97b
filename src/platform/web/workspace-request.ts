/** What every workspace route needs first: the signed-in user, the page context and a CSRF token. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ChangeSince } from '../conflict.js';
import { conflictHistory } from '../conflict.js';
import { Invalid } from '../errors.js';
import { type FieldErrors, fieldErrors } from '../forms/validation.js';
import type { Locale } from '../i18n/locales.js';
import type { UserRow } from '../sessions.js';
import { type AuthOptions, csrfToken, currentUser } from './auth.js';
import type { PageContext } from './page-context.js';
import { pageContext, type SiteDeps, sendHtml } from './site-deps.js';

export interface WorkspaceRequest {
  user: UserRow;
  ctx: PageContext;
  csrf: string;
}

/**
 * The signed-in user's page context, or null after answering with a redirect to the sign-in page
 * (the caller then returns the reply as is).
 */
export function workspaceRequest(
  deps: SiteDeps,
  options: AuthOptions,
  request: FastifyRequest,
  reply: FastifyReply,
  locale: Locale,
): WorkspaceRequest | null {
  const user = currentUser(request);
  if (!user) {
    reply.redirect(`/${locale}/sign-in`, 303);
    return null;
  }
  return { user, ctx: pageContext(deps, request, locale), csrf: csrfToken(request, reply, options) };
}

/** What a form page shows after a failed save: messages per field, or what others changed meanwhile. */
export interface FormOutcome {
  errors?: FieldErrors;
  conflict?: ChangeSince[];
}

/**
 * Runs a save and answers 303 to where it says. Bad input re-renders the form with messages (400);
 * a stale version re-renders it with the others' changes (409). Either way the typed values stay.
 */
export async function saveForm(
  reply: FastifyReply,
  ctx: PageContext,
  save: () => Promise<string>,
  render: (outcome: FormOutcome) => Promise<string> | string,
): Promise<FastifyReply> {
  try {
    return reply.redirect(await save(), 303);
  } catch (error) {
    if (error instanceof Invalid) {
      return sendHtml(reply, await render({ errors: fieldErrors(error.problems, ctx.t) }), 400);
    }
    const history = conflictHistory(error);
    if (history) return sendHtml(reply, await render({ conflict: history }), 409);
    throw error;
  }
}
