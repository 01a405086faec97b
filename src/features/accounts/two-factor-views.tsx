import { Layout } from '../../lib/layout.js';
import type { PageContext } from '../../lib/page-context.js';
import { CsrfField } from './views.js';

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
}) {
  const { ctx, csrf, enabled, secret, uri, recoveryCodes, failed } = props;
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t.twoFactorSetupTitle}>
      <h1 safe>{t.twoFactorSetupTitle}</h1>
      {recoveryCodes ? (
        <section aria-labelledby="codes-heading">
          <h2 id="codes-heading" safe>
            {t.recoveryCodesTitle}
          </h2>
          <p safe>{t.recoveryCodesHelp}</p>
          <ul class="recovery-codes">
            {recoveryCodes.map((c) => (
              <li>
                <code safe>{c}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : enabled ? (
        <p safe>{t.twoFactorIsOn}</p>
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
