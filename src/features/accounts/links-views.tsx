import type { PageContext } from '../../platform/web/page-context.js';
import { CsrfField } from '../../ui/form.js';
import { Layout } from '../../ui/layout.js';

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
