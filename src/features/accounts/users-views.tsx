import type { KeysetPage } from '../../platform/db/keyset.js';
import { formatDateTime } from '../../platform/i18n/format.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { copyScript } from '../../platform/web/script-asset.js';
import { ChoiceSearch, choiceSearchProps } from '../../ui/choice-search.js';
import { CsrfField } from '../../ui/form.js';
import { TitledPage } from '../../ui/layout.js';
import { FilterBar, TableHead } from '../../ui/list.js';
import { keysetLinks, Pager, pageHref } from '../../ui/pager.js';
import type { OrganizationSlugChoices } from '../registry/index.js';
import { InputLine, SubmitLine } from './form-parts.js';
import type { IssuedLink } from './links.js';
import type { Role } from './service.js';
import type { UserListItem } from './users-admin.js';

const ROLES: Role[] = ['member', 'editor', 'admin'];

/** A notice after a change (status) or a refusal (alert). */
export interface Notice {
  kind: 'done' | 'error';
  text: string;
}

function NoticeLine({ notice }: { notice?: Notice }) {
  if (!notice) return '';
  return notice.kind === 'done' ? (
    <p role="status" class="form-done" safe>
      {notice.text}
    </p>
  ) : (
    <p role="alert" class="form-error" safe>
      {notice.text}
    </p>
  );
}

const when = (date: Date | null, ctx: PageContext) =>
  date ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : ctx.t.accountsNever;

function statusOf(user: UserListItem, ctx: PageContext): string {
  if (user.disabled) return ctx.t.accountsDisabled;
  return user.invited ? ctx.t.accountsInvited : ctx.t.accountsActive;
}

/** What the admin typed into the invite form, shown again when it was refused. */
export interface InviteTyped {
  email: string;
  role: Role;
  organization: string;
}

/** The organization list's search field, posted with the invite and role forms (`_action=find`). */
export const FIND_ORGANIZATION = 'find-organization';

export function UsersPage(props: {
  ctx: PageContext;
  csrf: string;
  /** One page of the accounts, found by `q`. */
  users: KeysetPage<UserListItem>;
  q: string;
  /** The invite form's organizations: the typed one and the first few, or those its search found. */
  organizations: OrganizationSlugChoices;
  /** Whether this server can send email (SMTP_URL): an invitation is mailed, or a link handed over. */
  canEmail: boolean;
  notice?: Notice;
  typed?: InviteTyped;
}) {
  const { ctx, csrf, users, organizations, notice, typed } = props;
  const { t, locale } = ctx;
  const action = `/${locale}/admin/users`;
  const links = keysetLinks(users, (cursor) => pageHref(action, { q: props.q.trim() || undefined }, cursor));
  return (
    <TitledPage ctx={ctx} title={t.accountsUsersListTitle}>
      <NoticeLine notice={notice} />
      <FilterBar ctx={ctx} action={action} q={props.q} />
      <div class="table-scroll">
        <table class="users">
          <TableHead
            headers={[
              t.accountsColumnEmail,
              t.accountsColumnRole,
              t.accountsColumnOrganization,
              t.accountsColumnTwoFactor,
              t.accountsColumnStatus,
              t.accountsColumnLastSignIn,
            ]}
          />
          <tbody>
            {users.items.map((u) => (
              <tr data-user={String(u.id)}>
                <th scope="row">
                  <a href={`/${locale}/admin/users/${u.id}`} aria-label={t.accountsManage(u.email)} safe>
                    {u.email}
                  </a>
                </th>
                <td safe>{t.roleName(u.role)}</td>
                <td safe>{u.organization?.name ?? ''}</td>
                <td class="two-factor" safe>
                  {u.twoFactor ? t.accountsOn : t.accountsOff}
                </td>
                <td class="status" safe>
                  {statusOf(u, ctx)}
                </td>
                <td class="last-sign-in" safe>
                  {when(u.lastSignInAt, ctx)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager ctx={ctx} links={links} />
      <h2 id="invite" safe>
        {t.usersTitle}
      </h2>
      <form method="post" action={`/${locale}/admin/users`} class="form">
        <CsrfField token={csrf} />
        <p class="muted" safe>
          {props.canEmail ? t.accountsMailHelp : t.accountsNoMailHelp}
        </p>
        <InputLine
          id="email"
          name="email"
          label={t.emailLabel}
          type="email"
          maxlength="320"
          value={typed?.email}
          required
        />
        <RoleFields
          ctx={ctx}
          organizations={organizations}
          role={typed?.role}
          organizationSlug={typed?.organization}
          action={action}
        />
        <SubmitLine label={props.canEmail ? t.inviteButton : t.accountsAddButton} />
      </form>
    </TitledPage>
  );
}

function RoleFields(props: {
  ctx: PageContext;
  organizations: OrganizationSlugChoices;
  role?: Role;
  organizationSlug?: string;
  /** The form's own address: its Find posts there. */
  action: string;
}) {
  const { ctx, organizations, role, organizationSlug } = props;
  const { search } = organizations;
  const { t } = ctx;
  return (
    <>
      <p>
        <label for="role" safe>
          {t.roleLabel}
        </label>
        <select id="role" name="role">
          {ROLES.map((r) => (
            <option value={r} selected={r === role} safe>
              {t.roleName(r)}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label for="organization" safe>
          {t.organizationLabel}
        </label>
        <select id="organization" name="organization">
          <option value="" safe>
            {t.noOrganization}
          </option>
          {organizations.rows.map((o) => (
            <option value={o.slug} selected={o.slug === organizationSlug} safe>
              {o.name}
            </option>
          ))}
        </select>
      </p>
      <ChoiceSearch
        ctx={ctx}
        {...choiceSearchProps(search, {
          param: FIND_ORGANIZATION,
          what: t.choicesWhatOrganizations,
          page: props.action,
        })}
      />
    </>
  );
}

export function UserPage(props: {
  ctx: PageContext;
  csrf: string;
  user: UserListItem;
  /** The role form's organizations: the chosen one and the first few, or those its search found. */
  organizations: OrganizationSlugChoices;
  canEmail: boolean;
  notice?: Notice;
  /** The role form as typed, after its Find: shown instead of the account's saved role. */
  typed?: { role: Role; organization: string };
}) {
  const { ctx, csrf, user, organizations, notice, typed } = props;
  const { t, locale } = ctx;
  const base = `/${locale}/admin/users/${user.id}`;
  const title = t.accountsUserTitle(user.email);
  const Version = () => <input type="hidden" name="version" value={String(user.version)} />;
  return (
    <TitledPage ctx={ctx} title={title}>
      <NoticeLine notice={notice} />
      <dl class="facts">
        <dt safe>{t.accountsColumnRole}</dt>
        <dd safe>{t.roleName(user.role)}</dd>
        <dt safe>{t.accountsColumnOrganization}</dt>
        <dd safe>{user.organization?.name ?? t.noOrganization}</dd>
        <dt safe>{t.accountsColumnTwoFactor}</dt>
        <dd safe>{user.twoFactor ? t.accountsOn : t.accountsOff}</dd>
        <dt safe>{t.accountsColumnStatus}</dt>
        <dd safe>{statusOf(user, ctx)}</dd>
        <dt safe>{t.accountsColumnLastSignIn}</dt>
        <dd safe>{when(user.lastSignInAt, ctx)}</dd>
      </dl>
      <p>
        <a href={`/${locale}/admin/history/user/${user.id}`} safe>
          {t.accountsHistoryLink}
        </a>
      </p>
      <h2 safe>{t.accountsChangeRoleTitle}</h2>
      <form method="post" action={`${base}/role`} class="form">
        <CsrfField token={csrf} />
        <Version />
        <p safe>{t.accountsChangeRoleHelp}</p>
        <RoleFields
          ctx={ctx}
          organizations={organizations}
          role={typed?.role ?? user.role}
          organizationSlug={typed ? typed.organization : user.organization?.slug}
          action={`${base}/role`}
        />
        <SubmitLine label={t.accountsChangeRoleButton} />
      </form>
      <h2 safe>{t.accountsDisableTitle}</h2>
      <form method="post" action={`${base}/${user.disabled ? 'enable' : 'disable'}`} class="form">
        <CsrfField token={csrf} />
        <Version />
        <p safe>{t.accountsDisableHelp}</p>
        <SubmitLine label={user.disabled ? t.accountsEnableButton : t.accountsDisableButton} />
      </form>
      {user.invited && !user.disabled ? (
        <>
          <h2 safe>{t.accountsResendTitle}</h2>
          <form method="post" action={`${base}/invitation`} class="form">
            <CsrfField token={csrf} />
            <Version />
            <p safe>{props.canEmail ? t.accountsResendHelp : t.accountsNewLinkHelp}</p>
            <SubmitLine label={props.canEmail ? t.accountsResendButton : t.accountsNewLinkButton} />
          </form>
        </>
      ) : (
        ''
      )}
    </TitledPage>
  );
}

/**
 * The one time a sign-in link is shown (the answer to the POST that made it, never stored): a
 * labelled read-only input (#invitation-link) to select or copy, its expiry in the reader's language,
 * and a Copy button that only a browser with JavaScript shows.
 */
export function HandOverLinkPage(props: {
  ctx: PageContext;
  email: string;
  userId: number;
  link: IssuedLink;
  renewed: boolean;
}) {
  const { ctx, email, link } = props;
  const { t, locale } = ctx;
  const copy = copyScript();
  return (
    <TitledPage ctx={ctx} title={t.accountsLinkTitle(email)} head={<script src={copy.href} defer></script>}>
      <p role="status" class="form-done" safe>
        {props.renewed ? t.accountsLinkRenewed(email) : t.accountsLinkCreated(email)}
      </p>
      <p safe>{t.accountsLinkOnce}</p>
      <div class="form hand-over">
        <p>
          <label for="invitation-link" safe>
            {t.accountsLinkLabel}
          </label>
          <input
            id="invitation-link"
            type="text"
            readonly
            value={link.url}
            aria-describedby="invitation-link-expiry"
            autocomplete="off"
            spellcheck="false"
          />
        </p>
        <p>
          <button
            type="button"
            hidden
            data-copy="invitation-link"
            data-status="copy-status"
            data-copied={t.accountsCopied}
            safe
          >
            {t.accountsCopyButton}
          </button>{' '}
          <span id="copy-status" role="status"></span>
        </p>
        <p id="invitation-link-expiry" safe>
          {`${t.accountsLinkExpires(formatDateTime(link.expiresAt, locale))} ${t.accountsLinkExpiredHelp}`}
        </p>
      </div>
      <p>
        <a href={`/${locale}/admin/users/${props.userId}`} safe>
          {t.accountsManage(email)}
        </a>
        {' · '}
        <a href={`/${locale}/admin/users`} safe>
          {t.accountsBackToUsers}
        </a>
      </p>
    </TitledPage>
  );
}
