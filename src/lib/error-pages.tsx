import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';

export function NotFoundPage({ ctx }: { ctx: PageContext }): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.notFoundTitle}>
      <h1 safe>{t.notFoundTitle}</h1>
      <p safe>{t.notFoundBody}</p>
      <p>
        <a href={`/${ctx.locale}/`} safe>
          {t.notFoundHome}
        </a>
      </p>
    </Layout>
  );
}

export function ServerErrorPage({ ctx }: { ctx: PageContext }): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.errorTitle}>
      <h1 safe>{t.errorTitle}</h1>
      <p safe>{t.errorBody}</p>
    </Layout>
  );
}
