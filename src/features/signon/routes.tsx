/**
 * /{lang}/sign-on: members sign their organization onto statements open for sign-on; editors open
 * and close it and decide on requests. Signed-in pages only; the public sees the outcome (the
 * signatories) on the statement page once it is public. CSRF and the POST rate limit are global
 * (platform/web/auth.ts).
 */
import { Type } from '@fastify/type-provider-typebox';
import { NotFound } from '../../platform/errors.js';
import { ColumnInteger, PageCursorQuery } from '../../platform/forms/form-body.js';
import { canManageSignOn } from '../../platform/policy.js';
import type { AuthOptions } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { localizedRoutes } from '../../platform/web/localized-routes.js';
import { type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { signedInRoutes } from '../../platform/web/workspace-request.js';
import { StatementPageQuery, statementListCursors, statementPagers } from '../statements/index.js';
import { setSignOnDeadline, setSignOnOpen } from './call-service.js';
import { listSignOn } from './list-service.js';
import { decideSignOn, organizationFor, signOn, withdrawSignature } from './request-service.js';
import { getSignOnState, visibleSignOn } from './state.js';
import { type SignOnDone, SignOnListPage, SignOnPage } from './views.js';

const Slug = Type.String({ minLength: 1, maxLength: 200 });
const Params = Type.Object({ slug: Slug });
const Body = Type.Object({
  _csrf: Type.String({ maxLength: 200 }),
  version: ColumnInteger(0),
});
const DeadlineBody = Type.Object({
  _csrf: Type.String({ maxLength: 200 }),
  version: ColumnInteger(0),
  /** "2026-12-15T18:00" in `timeZone`; empty removes the deadline. */
  deadlineLocal: Type.String({ maxLength: 40 }),
  timeZone: Type.String({ maxLength: 64 }),
});
/** After a member's post, what the page confirms; anything else is ignored. */
const PageQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })), ...StatementPageQuery });
const doneOf = (done: string | undefined): SignOnDone => (done === 'signed' || done === 'withdrawn' ? done : null);

export function registerSignOnRoutes(app: FastifyTypeBox, deps: SiteDeps, auth: AuthOptions): void {
  localizedRoutes(app, (scope, locale) => {
    // The pages: visitors without a session are sent to sign in.
    signedInRoutes(scope, { deps, auth }, (guarded) => {
      guarded.get('/sign-on', { schema: { querystring: Type.Object(PageCursorQuery) } }, async (request, reply) => {
        const { user, ctx } = request.workspace;
        const page = await listSignOn(deps.db, user, deps.now(), request.query);
        return sendHtml(reply, await (<SignOnListPage ctx={ctx} page={page} editor={canManageSignOn(user)} />));
      });

      guarded.get('/sign-on/:slug', { schema: { params: Params, querystring: PageQuery } }, async (request, reply) => {
        const { user, ctx, csrf } = request.workspace;
        // Someone who may not read it learns nothing, not even that the statement exists.
        const { slug } = request.params;
        const cursors = statementListCursors(request.query);
        const state = visibleSignOn(
          await getSignOnState(deps.db, slug, deps.now(), cursors, user.organizationId ?? null),
          user,
        );
        if (!state) throw new NotFound(`No statement "${slug}"`);
        // The list links keep the other list's place; a post's confirmation (`done`) is not kept.
        const { done: _done, ...kept } = request.query;
        const pagers = statementPagers(`/${locale}/sign-on/${slug}`, kept, state.page);
        const page = (
          <SignOnPage
            ctx={ctx}
            csrf={csrf}
            state={state}
            editor={canManageSignOn(user)}
            member={user.role === 'member'}
            organization={await organizationFor(deps.db, user)}
            done={doneOf(request.query.done)}
            pagers={pagers}
          />
        );
        return sendHtml(reply, await page);
      });
    });

    const back = (slug: string) => `/${locale}/sign-on/${slug}`;

    // The posts: sent by the pages above, so no session means a refusal (403), not a redirect.
    signedInRoutes(scope, { deps, auth, signedOut: 'refuse' }, (guarded) => {
      for (const action of ['open', 'close'] as const) {
        guarded.post(`/sign-on/:slug/${action}`, { schema: { params: Params, body: Body } }, async (request, reply) => {
          const input = { slug: request.params.slug, open: action === 'open', version: request.body.version };
          await setSignOnOpen(deps.db, request.workspace.user, input, deps.now());
          return reply.redirect(back(request.params.slug), 303);
        });
      }

      guarded.post(
        '/sign-on/:slug/deadline',
        { schema: { params: Params, body: DeadlineBody } },
        async (request, reply) => {
          const { deadlineLocal: local, timeZone, version } = request.body;
          const input = { slug: request.params.slug, local, timeZone, version };
          await setSignOnDeadline(deps.db, request.workspace.user, input, deps.now());
          return reply.redirect(back(request.params.slug), 303);
        },
      );

      guarded.post('/sign-on/:slug/sign', { schema: { params: Params, body: Body } }, async (request, reply) => {
        const input = { slug: request.params.slug, version: request.body.version };
        await signOn(deps.db, request.workspace.user, input, deps.now());
        return reply.redirect(`${back(request.params.slug)}?done=signed`, 303);
      });

      guarded.post('/sign-on/:slug/withdraw', { schema: { params: Params, body: Body } }, async (request, reply) => {
        const input = { slug: request.params.slug, version: request.body.version };
        await withdrawSignature(deps.db, request.workspace.user, input, deps.now());
        return reply.redirect(`${back(request.params.slug)}?done=withdrawn`, 303);
      });

      for (const decision of ['approve', 'decline'] as const) {
        guarded.post(
          `/sign-on/:slug/requests/:id/${decision}`,
          { schema: { params: Type.Object({ slug: Slug, id: Type.String({ pattern: '^[0-9]{1,9}$' }) }), body: Body } },
          async (request, reply) => {
            const { slug, id } = request.params;
            const input = { slug, requestId: Number(id), decision, version: request.body.version };
            await decideSignOn(deps.db, request.workspace.user, input, deps.now());
            return reply.redirect(back(slug), 303);
          },
        );
      }
    });
  });
}
