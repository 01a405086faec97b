import type { PageContext } from '../../platform/web/page-context.js';
import { CsrfField } from '../../ui/form.js';
import { TitledPage } from '../../ui/layout.js';
import { TableHead } from '../../ui/list.js';
import type { OrganizationRow } from '../registry/index.js';
import { InputLine, SubmitLine } from './form-parts.js';
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

export function UsersPage(props: {
  ctx: PageContext;
  csrf: string;
  users: UserListItem[];
  organizations: Pick<OrganizationRow, 'slug' | 'name'>[];
  notice?: Notice;
}) {
  const { ctx, csrf, users, organizations, notice } = props;
  const { t, locale } = ctx;
  return (
    <TitledPage ctx={ctx} title={t.accountsUsersListTitle}>
      <NoticeLine notice={notice} />
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
            {users.map((u) => (
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
      <h2 safe>{t.usersTitle}</h2>
      <form method="post" action={`/${locale}/admin/users`} class="form">
        <CsrfField token={csrf} />
        <InputLine id="email" name="email" label={t.emailLabel} type="email" required />
        <RoleFields ctx={ctx} organizations={organizations} />
        <SubmitLine label={t.inviteButton} />
      </form>
    </TitledPage>
  );
}

function RoleFields(props: {
  ctx: PageContext;
  organizations: Pick<OrganizationRow, 'slug' | 'name'>[];
  role?: Role;
  organizationSlug?: string;
}) {
  const { ctx, organizations, role, organizationSlug } = props;
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
          {organizations.map((o) => (
            <option value={o.slug} selected={o.slug === organizationSlug} safe>
              {o.name}
            </option>
          ))}
        </select>
      </p>
    </>
  );
}

export function UserPage(props: {
  ctx: PageContext;
  csrf: string;
  user: UserListItem;
  organizations: Pick<OrganizationRow, 'slug' | 'name'>[];
  notice?: Notice;
}) {
  const { ctx, csrf, user, organizations, notice } = props;
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
          role={user.role}
          organizationSlug={user.organization?.slug}
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
            <p safe>{t.accountsResendHelp}</p>
            <SubmitLine label={t.accountsResendButton} />
          </form>
        </>
      ) : (
        ''
      )}
    </TitledPage>
  );
}
