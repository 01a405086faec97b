/** The workspace's 403 page (the home is home-views.tsx). */
import type { RefusalReason } from '../platform/errors.js';
import type { PageContext } from '../platform/web/page-context.js';
import { TitledPage } from './layout.js';

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
    <TitledPage noindex ctx={ctx} title={t.workspaceForbiddenTitle}>
      <p safe>{reason ? t[reason] : t.workspaceForbiddenBody}</p>
      <p>
        <a href={`/${locale}/workspace`} safe>
          {t.workspaceBackHome}
        </a>
      </p>
    </TitledPage>
  );
}
