import type { PageContext } from '../../platform/web/page-context.js';
import { CsrfField } from '../../ui/form.js';
import { Section, TitledPage } from '../../ui/layout.js';
import { CodeLine, FormError, InputLine, SubmitLine } from './form-parts.js';

export function SecondFactorPage({ ctx, csrf, failed }: { ctx: PageContext; csrf: string; failed?: boolean }) {
  const { t, locale } = ctx;
  return (
    <TitledPage ctx={ctx} title={t.twoFactorTitle}>
      <FormError failed={failed} message={t.twoFactorFailed} />
      <form method="post" action={`/${locale}/sign-in/two-factor`} class="form">
        <CsrfField token={csrf} />
        <CodeLine label={t.twoFactorCodeLabel} maxlength="20" />
        <SubmitLine label={t.signInButton} />
      </form>
    </TitledPage>
  );
}

export function TwoFactorSetupPage(props: {
  ctx: PageContext;
  csrf: string;
  enabled: boolean;
  secret?: string;
  uri?: string;
  /** The URI as an SVG QR code (totpQrSvg), markup made by the qrcode package from the URI. */
  qr?: string;
  recoveryCodes?: string[];
  /** The setup form was sent again once two-step sign-in was on (a reload of the codes page). */
  alreadyOn?: boolean;
  failed?: boolean;
  /** An admin sent here before reaching an admin page. */
  required?: boolean;
  /** The password or code given to turn it off or replace the codes was wrong. */
  confirmFailed?: boolean;
  /** Too many wrong attempts: the account is locked for now, nothing was checked. */
  confirmLocked?: boolean;
}) {
  const { ctx, csrf, enabled, secret, uri, qr, recoveryCodes, failed, required, confirmFailed, confirmLocked } = props;
  const { t, locale } = ctx;
  return (
    <TitledPage ctx={ctx} title={t.twoFactorSetupTitle}>
      {required && !enabled ? (
        <p class="form-error" role="alert" safe>
          {t.accountsAdminNeedsTwoFactor}
        </p>
      ) : (
        ''
      )}
      <FormError failed={confirmFailed && !confirmLocked} message={t.accountsConfirmFailed} />
      <FormError failed={confirmLocked} message={t.accountsConfirmLocked} />
      {recoveryCodes ? (
        <Section id="codes-heading" title={t.recoveryCodesTitle}>
          <p safe>{t.recoveryCodesHelp}</p>
          <p class="notice" role="status" safe>
            {t.accountsRecoveryCodesSave}
          </p>
          <ul class="recovery-codes">
            {recoveryCodes.map((c) => (
              <li>
                <code safe>{c}</code>
              </li>
            ))}
          </ul>
          <p class="form-actions">
            <a href={`/${locale}/workspace`} safe>
              {t.accountsRecoveryCodesContinue}
            </a>{' '}
            <a href={`/${locale}/account`} safe>
              {t.accountsRecoveryCodesToAccount}
            </a>
          </p>
        </Section>
      ) : enabled ? (
        <>
          {props.alreadyOn ? (
            <p class="notice" role="status" safe>
              {t.accountsTwoFactorAlreadyOn}
            </p>
          ) : (
            ''
          )}
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
          {qr ? (
            <figure class="totp-qr-figure">
              {/* markup the qrcode package drew from the URI: paths and attributes, no text of ours */}
              {qr as 'safe'}
              <figcaption safe>{t.accountsQrHelp}</figcaption>
            </figure>
          ) : (
            ''
          )}
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
          <FormError failed={failed} message={t.twoFactorFailed} />
          <CodeLine label={t.twoFactorCodeLabel} numeric maxlength="6" />
          <SubmitLine label={t.twoFactorEnableButton} />
        </form>
      )}
    </TitledPage>
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
        <InputLine
          id={`${id}-password`}
          name="password"
          label={t.accountsPasswordLabel}
          type="password"
          autocomplete="current-password"
          required
          maxlength="1000"
        />
        <CodeLine id={`${id}-code`} label={t.accountsCodeLabel} maxlength="20" />
        <SubmitLine label={button} />
      </form>
    </Section>
  );
}
