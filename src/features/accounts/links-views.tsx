import type { PageContext } from '../../platform/web/page-context.js';
import { CsrfField } from '../../ui/form.js';
import { TitledPage } from '../../ui/layout.js';
import { InputLine, SubmitLine } from './form-parts.js';

export function ForgotPasswordPage({ ctx, csrf, sent }: { ctx: PageContext; csrf: string; sent?: boolean }) {
  const { t, locale } = ctx;
  return (
    <TitledPage ctx={ctx} title={t.forgotPasswordTitle}>
      {sent ? (
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
