/** The workspace's 403 page (the home is home-views.tsx). */
import type { RefusalReason } from '../platform/errors.js';
import type { PageContext } from '../platform/web/page-context.js';
import { Layout } from './layout.js';

/** Refused: said plainly in the reader's language, with a way back. */
export function ForbiddenPage({
  ctx,
  reason = null,
}: {
  ctx: PageContext;
  reason?: RefusalReason | null;
}): JSX.Element {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t.workspaceForbiddenTitle}>
      <h1 safe>{t.workspaceForbiddenTitle}</h1>
      <p safe>{reason ? t[reason] : t.workspaceForbiddenBody}</p>
      <p>
        <a href={`/${locale}/workspace`} safe>
          {t.workspaceBackHome}
        </a>
      </p>
    </Layout>
  );
}
