import type { PageContext } from '../../platform/web/page-context.js';
import { CsrfField } from '../../ui/form.js';
import { Layout, Section } from '../../ui/layout.js';

export function SecondFactorPage({ ctx, csrf, failed }: { ctx: PageContext; csrf: string; failed?: boolean }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t.twoFactorTitle}>
      <h1 safe>{t.twoFactorTitle}</h1>
      {failed ? (
        <p class="form-error" role="alert" safe>
          {t.twoFactorFailed}
        </p>
      ) : (
        ''
      )}
      <form method="post" action={`/${locale}/sign-in/two-factor`} class="form">
        <CsrfField token={csrf} />
        <p>
          <label for="code" safe>
            {t.twoFactorCodeLabel}
          </label>
          <input id="code" name="code" autocomplete="one-time-code" required maxlength="20" />
        </p>
        <p>
          <button type="submit" safe>
            {t.signInButton}
          </button>
        </p>
      </form>
    </Layout>
  );
}

export function TwoFactorSetupPage(props: {
  ctx: PageContext;
  csrf: string;
  enabled: boolean;
  secret?: string;
  uri?: string;
  recoveryCodes?: string[];
  failed?: boolean;
  /** An admin sent here before reaching an admin page. */
  required?: boolean;
  /** The password or code given to turn it off or replace the codes was wrong. */
  confirmFailed?: boolean;
}) {
  const { ctx, csrf, enabled, secret, uri, recoveryCodes, failed, required, confirmFailed } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t.twoFactorSetupTitle}>
      <h1 safe>{t.twoFactorSetupTitle}</h1>
      {required && !enabled ? (
        <p class="form-error" role="alert" safe>
          {t.accountsAdminNeedsTwoFactor}
        </p>
      ) : (
        ''
      )}
      {confirmFailed ? (
        <p class="form-error" role="alert" safe>
          {t.accountsConfirmFailed}
        </p>
      ) : (
        ''
      )}
      {recoveryCodes ? (
        <Section id="codes-heading" title={t.recoveryCodesTitle}>
          <p safe>{t.recoveryCodesHelp}</p>
          <ul class="recovery-codes">
            {recoveryCodes.map((c) => (
              <li>
                <code safe>{c}</code>
              </li>
            ))}
          </ul>
        </Section>
      ) : enabled ? (
        <>
          <p safe>{t.twoFactorIsOn}</p>
          <ConfirmForm
            ctx={ctx}
            csrf={csrf}
            id="regenerate"
            action={`/${locale}/account/two-factor/recovery-codes`}
            title={t.accountsRegenerateTitle}
            help={t.accountsRegenerateHelp}
            button={t.accountsRegenerateButton}
          />
          <ConfirmForm
            ctx={ctx}
            csrf={csrf}
            id="off"
            action={`/${locale}/account/two-factor/off`}
            title={t.accountsTwoFactorOffTitle}
            help={t.accountsTwoFactorOffHelp}
            button={t.accountsTwoFactorOffButton}
          />
        </>
      ) : (
        <form method="post" action={`/${locale}/account/two-factor`} class="form">
          <CsrfField token={csrf} />
          <input type="hidden" name="secret" value={secret ?? ''} />
          <p safe>{t.twoFactorSetupHelp}</p>
          <p>
            <code class="totp-secret" safe>
              {secret ?? ''}
            </code>
          </p>
          <p>
            <a href={uri ?? ''} safe>
              {t.twoFactorOpenInApp}
            </a>
          </p>
          {failed ? (
            <p class="form-error" role="alert" safe>
              {t.twoFactorFailed}
            </p>
          ) : (
            ''
          )}
          <p>
            <label for="code" safe>
              {t.twoFactorCodeLabel}
            </label>
            <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required maxlength="6" />
          </p>
          <p>
            <button type="submit" safe>
              {t.twoFactorEnableButton}
            </button>
          </p>
        </form>
      )}
    </Layout>
  );
}

/** A change to two-factor itself: asks again for the password and a current code. */
function ConfirmForm(props: {
  ctx: PageContext;
  csrf: string;
  id: string;
  action: string;
  title: string;
  help: string;
  button: string;
}) {
  const { ctx, csrf, id, action, title, help, button } = props;
  const { t } = ctx;
  return (
    <Section id={`${id}-heading`} title={title}>
      <form method="post" action={action} class="form">
        <CsrfField token={csrf} />
        <p safe>{help}</p>
        <p>
          <label for={`${id}-password`} safe>
            {t.accountsPasswordLabel}
          </label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autocomplete="current-password"
            required
            maxlength="1000"
          />
        </p>
        <p>
          <label for={`${id}-code`} safe>
            {t.accountsCodeLabel}
          </label>
          <input id={`${id}-code`} name="code" autocomplete="one-time-code" required maxlength="20" />
        </p>
        <p>
          <button type="submit" safe>
            {button}
          </button>
        </p>
      </form>
    </Section>
  );
}
