import type { UserRow } from '../../platform/sessions.js';
import type { PageContext } from '../../platform/web/page-context.js';
import { ButtonForm, CsrfField } from '../../ui/form.js';
import { TitledPage } from '../../ui/layout.js';
import { FormError, InputLine, SubmitLine } from './form-parts.js';

export function SignInPage(props: { ctx: PageContext; csrf: string; failed?: boolean; passwordSet?: boolean }) {
  const { ctx, csrf, failed, passwordSet } = props;
  const { t, locale } = ctx;
  return (
    <TitledPage ctx={ctx} title={t.signInTitle}>
      {passwordSet && !failed ? (
        <p class="notice" role="status" safe>
          {t.accountsPasswordSet}
        </p>
      ) : (
        ''
      )}
      <FormError failed={failed} message={t.signInFailed} />
      <form method="post" action={`/${locale}/sign-in`} class="form">
        <CsrfField token={csrf} />
        <InputLine id="email" name="email" label={t.emailLabel} type="email" autocomplete="username" required />
        <InputLine
          id="password"
          name="password"
          label={t.passwordLabel}
          type="password"
          autocomplete="current-password"
          required
        />
        <SubmitLine label={t.signInButton} />
      </form>
      <p>
        <a href={`/${locale}/forgot-password`} safe>
          {t.forgotPasswordLink}
        </a>
      </p>
    </TitledPage>
  );
}

export function AccountPage({ ctx, csrf, user }: { ctx: PageContext; csrf: string; user: UserRow }) {
  const { t, locale } = ctx;
  return (
    <TitledPage ctx={ctx} title={t.accountTitle}>
      <p>
        <span safe>{t.signedInAs}</span> <strong safe>{user.email}</strong> (<span safe>{t.roleName(user.role)}</span>)
      </p>
      <p>
        <a href={`/${locale}/workspace`} safe>
          {t.accountWorkspaceLink}
        </a>
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
    </TitledPage>
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
    <TitledPage ctx={ctx} title={t.setPasswordTitle}>
      {valid ? (
        <form method="post" action={`/${locale}/set-password/${token}`} class="form">
          <CsrfField token={csrf} />
          <FormError failed={tooShort} message={t.passwordTooShort} />
          <InputLine
            id="password"
            name="password"
            label={t.newPasswordLabel}
            type="password"
            autocomplete="new-password"
            minlength="12"
            required
          />
          <SubmitLine label={t.setPasswordButton} />
        </form>
      ) : (
        <p safe>{t.linkNotValid}</p>
      )}
    </TitledPage>
  );
}
