import { Layout } from '../../lib/layout.js';
import type { PageContext } from '../../lib/page-context.js';
import type { Role } from './service.js';
import { CsrfField } from './views.js';

export function ForgotPasswordPage({ ctx, csrf, sent }: { ctx: PageContext; csrf: string; sent?: boolean }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t.forgotPasswordTitle}>
      <h1 safe>{t.forgotPasswordTitle}</h1>
      {sent ? (
        <p role="status" class="form-done" safe>
          {t.forgotPasswordSent}
        </p>
      ) : (
        <form method="post" action={`/${locale}/forgot-password`} class="form">
          <CsrfField token={csrf} />
          <p safe>{t.forgotPasswordHelp}</p>
          <p>
            <label for="email" safe>
              {t.emailLabel}
            </label>
            <input id="email" name="email" type="email" autocomplete="username" required />
          </p>
          <p>
            <button type="submit" safe>
              {t.forgotPasswordButton}
            </button>
          </p>
        </form>
      )}
    </Layout>
  );
}

export function InvitePage(props: {
  ctx: PageContext;
  csrf: string;
  organizations: { slug: string; name: string }[];
  notice?: string;
}) {
  const { ctx, csrf, organizations, notice } = props;
  const { t, locale } = ctx;
  const roles: Role[] = ['member', 'editor', 'admin'];
  return (
    <Layout ctx={ctx} title={t.usersTitle}>
      <h1 safe>{t.usersTitle}</h1>
      {notice ? (
        <p role="status" class="form-done" safe>
          {notice}
        </p>
      ) : (
        ''
      )}
      <form method="post" action={`/${locale}/admin/users`} class="form">
        <CsrfField token={csrf} />
        <p>
          <label for="email" safe>
            {t.emailLabel}
          </label>
          <input id="email" name="email" type="email" required />
        </p>
        <p>
          <label for="role" safe>
            {t.roleLabel}
          </label>
          <select id="role" name="role">
            {roles.map((role) => (
              <option value={role} safe>
                {t.roleName(role)}
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
              <option value={o.slug} safe>
                {o.name}
              </option>
            ))}
          </select>
        </p>
        <p>
          <button type="submit" safe>
            {t.inviteButton}
          </button>
        </p>
      </form>
    </Layout>
  );
}
