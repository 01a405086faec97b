/** The workspace home and the 403 page. */
import type { RefusalReason } from '../../lib/errors.js';
import { Layout } from '../../lib/layout.js';
import type { PageContext } from '../../lib/page-context.js';
import { WorkspaceLayout, type WorkspaceProps } from './layout.js';
import { workspaceNav } from './nav.js';

export function WorkspaceHomePage(props: WorkspaceProps): JSX.Element {
  const { ctx, user } = props;
  const { t, locale } = ctx;
  const entries = workspaceNav.filter((e) => e.path !== '/workspace' && e.visible(user));
  return (
    <WorkspaceLayout {...props} title={t.workspaceNavHome}>
      <h1 safe>{t.workspaceTitle}</h1>
      <p class="lede" safe>
        {user.role === 'member' ? t.workspaceHomeMemberIntro : t.workspaceHomeIntro}
      </p>
      <ul class="cards workspace-sections">
        {entries.map((entry) => (
          <li class="card">
            <a href={`/${locale}${entry.path}`} safe>
              {entry.label(t)}
            </a>
          </li>
        ))}
      </ul>
    </WorkspaceLayout>
  );
}

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
