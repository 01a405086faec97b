/** /{lang}/admin/users: the admin's list of accounts, and one page per account with its changes. */
import { type Static, Type } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Forbidden, Invalid } from '../../platform/errors.js';
import { PageCursorQuery, RowNumber } from '../../platform/forms/form-body.js';
import type { Locale } from '../../platform/i18n/locales.js';
import { canManageUsers } from '../../platform/policy.js';
import type { UserRow } from '../../platform/sessions.js';
import { type AuthOptions, csrfToken, currentUser } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { localizedRoutes } from '../../platform/web/localized-routes.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { copyScript } from '../../platform/web/script-asset.js';
import { pageContext, type SiteDeps, sendHtml } from '../../platform/web/site-deps.js';
import { signedInRoutes } from '../../platform/web/workspace-request.js';
import { getOrganization, listOrganizations } from '../registry/index.js';
import type { IssuedLink, LinkOptions } from './links.js';
import { changeRole, getUserItem, listUsers, resendInvitation, setDisabled } from './users-admin.js';
import { HandOverLinkPage, type InviteTyped, type Notice, UserPage, UsersPage } from './users-views.js';

const Params = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,9}$' }) });
const UsersQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })), ...PageCursorQuery });
type UsersQuery = Static<typeof UsersQuery>;
const Csrf = Type.String({ maxLength: 200 });
const Versioned = Type.Object({ _csrf: Csrf, version: RowNumber });
const RoleBody = Type.Object({
  _csrf: Csrf,
  version: RowNumber,
  role: Type.Union([Type.Literal('admin'), Type.Literal('editor'), Type.Literal('member')]),
  organization: Type.String({ maxLength: 200 }),
});

/** A new sign-in link to show once, for the person with this email. */
interface HandOver {
  email: string;
  link: IssuedLink;
}

/** The admin, or a refusal (403), to anyone else, signed in or not. */
function adminOnly(user: UserRow | null): UserRow {
  if (!user || !canManageUsers(user)) throw new Forbidden('Only the coalition admin manages accounts');
  return user;
}

export async function renderUsersPage(
  deps: SiteDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  locale: Locale,
  auth: AuthOptions,
  page: { canEmail: boolean; notice?: Notice; typed?: InviteTyped; list?: UsersQuery },
) {
  const q = page.list?.q ?? '';
  const [users, organizations] = await Promise.all([
    listUsers(deps.db, { q }, page.list ?? {}),
    listOrganizations(deps.db),
  ]);
  const ctx = pageContext(deps, request, locale);
  const csrf = csrfToken(request, reply, auth);
  return sendHtml(
    reply,
    await (<UsersPage ctx={ctx} csrf={csrf} users={users} q={q} organizations={organizations} {...page} />),
    page.notice?.kind === 'error' ? 400 : 200,
  );
}

/**
 * The answer that shows a new sign-in link, the only time it is shown: never stored by the browser
 * or a proxy, so neither a reload nor Back brings it up again.
 */
export async function sendHandOverLink(
  reply: FastifyReply,
  ctx: PageContext,
  props: { email: string; userId: number; link: IssuedLink; renewed: boolean },
) {
  reply.header('cache-control', 'no-store');
  return sendHtml(reply, await (<HandOverLinkPage ctx={ctx} {...props} />));
}

export function registerUserAdminRoutes(
  app: FastifyTypeBox,
  deps: SiteDeps,
  auth: AuthOptions,
  links: LinkOptions,
): void {
  const copy = copyScript();
  app.get(copy.href, async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(copy.source),
  );
  const canEmail = links.sendsMail;

  localizedRoutes(app, (scope, locale) => {
    async function renderUser(request: FastifyRequest, reply: FastifyReply, id: number, notice?: Notice) {
      const [user, organizations] = await Promise.all([getUserItem(deps.db, id), listOrganizations(deps.db)]);
      const ctx = pageContext(deps, request, locale);
      const csrf = csrfToken(request, reply, auth);
      const page = (
        <UserPage ctx={ctx} csrf={csrf} user={user} organizations={organizations} canEmail={canEmail} notice={notice} />
      );
      return sendHtml(reply, await page, notice?.kind === 'error' ? 400 : 200);
    }

    /**
     * Runs a change; a refusal the admin can fix (Invalid) is shown on the page in their language. A
     * new link that could not be mailed is shown instead of the page, once.
     */
    async function change(
      request: FastifyRequest,
      reply: FastifyReply,
      id: number,
      run: () => Promise<string | HandOver>,
    ): Promise<FastifyReply> {
      const ctx = pageContext(deps, request, locale);
      const t = ctx.t;
      try {
        const done = await run();
        if (typeof done !== 'string') return sendHandOverLink(reply, ctx, { ...done, userId: id, renewed: true });
        return renderUser(request, reply, id, { kind: 'done', text: done });
      } catch (error) {
        if (!(error instanceof Invalid)) throw error;
        const field = error.problems[0]?.field;
        const text =
          field === 'self'
            ? t.accountsNotYourself
            : field === 'organization'
              ? t.accountsMemberNeedsOrganization
              : field === 'user'
                ? t.accountsAlreadyHasPassword
                : field === 'disabled'
                  ? t.accountsEnableFirst
                  : error.message;
        return renderUser(request, reply, id, { kind: 'error', text });
      }
    }

    // The pages: visitors without a session are sent to sign in, anyone but the admin refused.
    signedInRoutes(scope, { deps, auth, allow: adminOnly }, (guarded) => {
      guarded.get('/admin/users', { schema: { querystring: UsersQuery } }, async (request, reply) =>
        renderUsersPage(deps, request, reply, locale, auth, { canEmail, list: request.query }),
      );

      guarded.get('/admin/users/:id', { schema: { params: Params } }, async (request, reply) =>
        renderUser(request, reply, Number(request.params.id)),
      );
    });

    scope.post('/admin/users/:id/role', { schema: { params: Params, body: RoleBody } }, async (request, reply) => {
      const admin = adminOnly(currentUser(request));
      const id = Number(request.params.id);
      const { role, organization, version } = request.body;
      return change(request, reply, id, async () => {
        const org = organization ? (await getOrganization(deps.db, organization)).organization : null;
        const input = { userId: id, role, organizationId: org?.id ?? null, version };
        const user = await changeRole(deps.db, admin, input, deps.now());
        return pageContext(deps, request, locale).t.accountsRoleChanged(user.email);
      });
    });

    for (const action of ['disable', 'enable'] as const) {
      scope.post(
        `/admin/users/:id/${action}`,
        { schema: { params: Params, body: Versioned } },
        async (request, reply) => {
          const admin = adminOnly(currentUser(request));
          const id = Number(request.params.id);
          const input = { userId: id, disabled: action === 'disable', version: request.body.version };
          return change(request, reply, id, async () => {
            const user = await setDisabled(deps.db, admin, input, deps.now());
            const t = pageContext(deps, request, locale).t;
            return action === 'disable' ? t.accountsDisabledDone(user.email) : t.accountsEnabledDone(user.email);
          });
        },
      );
    }

    scope.post(
      '/admin/users/:id/invitation',
      { schema: { params: Params, body: Versioned } },
      async (request, reply) => {
        const admin = adminOnly(currentUser(request));
        const id = Number(request.params.id);
        const linkContext = { sendsMail: links.sendsMail, baseUrl: links.baseUrl, locale };
        return change(request, reply, id, async () => {
          const input = { userId: id, version: request.body.version };
          const { user, delivery } = await resendInvitation(deps.db, linkContext, admin, input, deps.now());
          if (!delivery.mailed) return { email: user.email, link: delivery.link };
          return pageContext(deps, request, locale).t.accountsInvitationResent(user.email);
        });
      },
    );
  });
}
