import type { RefusalReason } from '../platform/errors.js';
import type { PageContext } from '../platform/web/page-context.js';
import { TitledPage } from './layout.js';

export function NotFoundPage({ ctx }: { ctx: PageContext }): JSX.Element {
  const { t } = ctx;
  return (
    <TitledPage noindex ctx={ctx} title={t.notFoundTitle}>
      <p safe>{t.notFoundBody}</p>
      <p>
        <a href={`/${ctx.locale}/`} safe>
          {t.notFoundHome}
        </a>
      </p>
    </TitledPage>
  );
}

export function ServerErrorPage({ ctx }: { ctx: PageContext }): JSX.Element {
  const { t } = ctx;
  return (
    <TitledPage noindex ctx={ctx} title={t.errorTitle}>
      <p safe>{t.errorBody}</p>
    </TitledPage>
  );
}

/**
 * A request refused with a 4xx other than 403/404 (bad input no form answers, a conflict with no
 * history to merge, a body too large): what happened in the reader's language, that nothing changed,
 * and what to do. The English message of the error stays in the log.
 */
export function RefusedPage({
  ctx,
  status,
  reason,
}: {
  ctx: PageContext;
  status: number;
  reason: RefusalReason | null;
}): JSX.Element {
  const { t } = ctx;
  const title = status === 409 ? t.refusedConflictTitle : t.refusedTitle;
  const body = reason
    ? t[reason]
    : status === 409
      ? t.refusedConflictBody
      : status === 413
        ? t.refusedTooLargeBody
        : status === 415
          ? t.refusedMediaTypeBody
          : t.refusedBody;
  return (
    <TitledPage noindex ctx={ctx} title={title}>
      <p safe>{body}</p>
      <p>
        <a href={`/${ctx.locale}/`} safe>
          {t.refusedBack}
        </a>
      </p>
    </TitledPage>
  );
}
