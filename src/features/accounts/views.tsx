import type { UserRow } from '../../platform/sessions.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { ButtonForm, CsrfField } from '../../ui/form.js';
import { Layout } from '../../ui/layout.js';

export function SignInPage({ ctx, csrf, failed }: { ctx: PageContext; csrf: string; failed?: boolean }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t.signInTitle}>
      <h1 safe>{t.signInTitle}</h1>
      {failed ? (
        <p class="form-error" role="alert" safe>
          {t.signInFailed}
        </p>
      ) : (
        ''
      )}
      <form method="post" action={`/${locale}/sign-in`} class="form">
        <CsrfField token={csrf} />
        <p>
          <label for="email" safe>
            {t.emailLabel}
          </label>
          <input id="email" name="email" type="email" autocomplete="username" required />
        </p>
        <p>
          <label for="password" safe>
            {t.passwordLabel}
          </label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </p>
        <p>
          <button type="submit" safe>
            {t.signInButton}
          </button>
        </p>
      </form>
      <p>
        <a href={`/${locale}/forgot-password`} safe>
          {t.forgotPasswordLink}
        </a>
      </p>
    </Layout>
  );
}

export function AccountPage({ ctx, csrf, user }: { ctx: PageContext; csrf: string; user: UserRow }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t.accountTitle}>
      <h1 safe>{t.accountTitle}</h1>
      <p>
        <span safe>{t.signedInAs}</span> <strong safe>{user.email}</strong> (<span safe>{t.roleName(user.role)}</span>)
      </p>
      <p>
        <a href={`/${locale}/account/two-factor`} safe>
          {t.twoFactorSetupTitle}
        </a>
      </p>
      <p>
        <a href={`/${locale}/sign-on`} safe>
          {t.signonAccountLink}
        </a>
      </p>
      <form method="post" action={`/${locale}/sign-out`}>
        <CsrfField token={csrf} />
        <button type="submit" safe>
          {t.signOutButton}
        </button>
      </form>
      <ButtonForm
        action={`/${locale}/sign-out-everywhere`}
        csrf={csrf}
        label={t.signOutEverywhereButton}
        hint={t.signOutEverywhereHelp}
        hintClass="muted"
      />
    </Layout>
  );
}

export function SetPasswordPage(props: {
  ctx: PageContext;
  csrf: string;
  token: string;
  valid: boolean;
  tooShort?: boolean;
}) {
  const { ctx, csrf, token, valid, tooShort } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t.setPasswordTitle}>
      <h1 safe>{t.setPasswordTitle}</h1>
      {valid ? (
        <form method="post" action={`/${locale}/set-password/${token}`} class="form">
          <CsrfField token={csrf} />
          {tooShort ? (
            <p class="form-error" role="alert" safe>
              {t.passwordTooShort}
            </p>
          ) : (
            ''
          )}
          <p>
            <label for="password" safe>
              {t.newPasswordLabel}
            </label>
            <input id="password" name="password" type="password" autocomplete="new-password" minlength="12" required />
          </p>
          <p>
            <button type="submit" safe>
              {t.setPasswordButton}
            </button>
          </p>
        </form>
      ) : (
        <p safe>{t.linkNotValid}</p>
      )}
    </Layout>
  );
}
