import type { PageContext } from '../../platform/web/page-context.js';
import { CsrfField } from '../../ui/form.js';
import { TitledPage } from '../../ui/layout.js';
import { InputLine, SubmitLine } from './form-parts.js';

/**
 * Asking for a reset link. A server that cannot send email says so, the same for every address, and
 * points to who can make a link (an admin); it never claims to have sent one.
 */
export function ForgotPasswordPage(props: { ctx: PageContext; csrf: string; canEmail: boolean; sent?: boolean }) {
  const { ctx, csrf, sent } = props;
  const { t, locale } = ctx;
  return (
    <TitledPage ctx={ctx} title={t.forgotPasswordTitle}>
      {!props.canEmail ? (
        <p role="status" class="form-done" safe>
          {t.forgotPasswordNoMail}
        </p>
      ) : sent ? (
        <p role="status" class="form-done" safe>
          {t.forgotPasswordSent}
        </p>
      ) : (
        <form method="post" action={`/${locale}/forgot-password`} class="form">
          <CsrfField token={csrf} />
          <p safe>{t.forgotPasswordHelp}</p>
          <InputLine id="email" name="email" label={t.emailLabel} type="email" autocomplete="username" required />
          <SubmitLine label={t.forgotPasswordButton} />
        </form>
      )}
    </TitledPage>
  );
}
