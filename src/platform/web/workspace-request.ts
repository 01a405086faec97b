/** What every workspace route needs first: the signed-in user, the page context and a CSRF token. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ChangeSince } from '../conflict.js';
import { conflictHistory } from '../conflict.js';
import { Forbidden, Invalid } from '../errors.js';
import { type FieldErrors, fieldErrors } from '../forms/validation.js';
import type { Locale } from '../i18n/locales.js';
import type { UserRow } from '../sessions.js';
import { type AuthOptions, csrfToken, currentUser } from './auth.js';
import type { FastifyTypeBox } from './fastify-typebox.js';
import { localizedRoutes } from './localized-routes.js';
import type { PageContext } from './page-context.js';
import { pageContext, type SiteDeps, savedUrl, sendHtml } from './site-deps.js';

export interface WorkspaceRequest {
  user: UserRow;
  ctx: PageContext;
  csrf: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, page context and CSRF token, on routes of signedInRoutes scopes (elsewhere it throws). */
    workspace: WorkspaceRequest;
  }
}

const workspaces = new WeakMap<FastifyRequest, WorkspaceRequest>();
const SESSION_ONLY: AuthOptions = { secureCookies: false };

export interface SignedInOptions {
  deps: SiteDeps;
  /**
   * The cookie options csrfToken takes. A signed-in request's token derives from its session and
   * sets no cookie, so routes without them (no forms) may leave them out.
   */
  auth?: AuthOptions;
  /** Refuses signed-in people these pages are not for, by throwing (Forbidden: the 403 page). */
  allow?: (user: UserRow) => void;
  /**
   * Without a session: `sign-in` (the default) answers 303 to the sign-in page; `refuse` is for posts
   * sent by forms of signed-in pages, which answer 403 ("Sign in first") instead.
   */
  signedOut?: 'sign-in' | 'refuse';
}

/**
 * Pages for signed-in people, inside a localizedRoutes scope: `routes` register in an encapsulated
 * child plugin whose preHandler hook answers visitors without a session with a 303 to
 * `/${locale}/sign-in` and gives the handlers `request.workspace`. A preHandler, not onRequest: it
 * runs where each handler used to ask, after validation and after the CSRF check of every POST,
 * so a bad address is still a 404 and a forged post still a 403, signed in or not.
 */
export function signedInRoutes(
  scope: FastifyTypeBox,
  options: SignedInOptions,
  routes: (scope: FastifyTypeBox) => void,
): void {
  scope.register(async (guarded: FastifyTypeBox) => {
    guarded.decorateRequest('workspace', {
      getter(this: FastifyRequest) {
        const w = workspaces.get(this);
        if (!w) throw new Error('request.workspace is set by signedInRoutes only');
        return w;
      },
    });
    guarded.addHook('preHandler', async (request, reply) => {
      if (options.signedOut === 'refuse' && !currentUser(request)) throw new Forbidden('Sign in first');
      const w = workspaceRequest(options.deps, options.auth ?? SESSION_ONLY, request, reply, request.locale);
      if (!w) return reply;
      options.allow?.(w.user);
      workspaces.set(request, w);
    });
    routes(guarded);
  });
}

/** localizedRoutes whose every route is for signed-in people (signedInRoutes). */
export function workspaceRoutes(
  app: FastifyTypeBox,
  options: SignedInOptions,
  routes: (scope: FastifyTypeBox, locale: Locale) => void,
): void {
  localizedRoutes(app, (scope, locale) => signedInRoutes(scope, options, (guarded) => routes(guarded, locale)));
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

/** The 303 after a successful workspace save: to `url`, flagged so the page there says "Saved." (`savedUrl`). */
export function redirectSaved(reply: FastifyReply, url: string): FastifyReply {
  return reply.redirect(savedUrl(url), 303);
}

/**
 * Runs a save and answers 303 to where it says, with "Saved." shown there (`redirectSaved`). Bad input re-renders the form with messages (400);
 * a stale version re-renders it with the others' changes (409). Either way the typed values stay.
 */
export async function saveForm(
  reply: FastifyReply,
  ctx: PageContext,
  save: () => Promise<string>,
  render: (outcome: FormOutcome) => Promise<string> | string,
): Promise<FastifyReply> {
  try {
    return redirectSaved(reply, await save());
  } catch (error) {
    if (error instanceof Invalid) {
      return sendHtml(reply, await render({ errors: fieldErrors(error.problems, ctx.t) }), 400);
    }
    const history = conflictHistory(error);
    if (history) return sendHtml(reply, await render({ conflict: history }), 409);
    throw error;
  }
}
