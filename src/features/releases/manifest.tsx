/** Press releases: the newsroom, each release in five formats, and the release editor. */
import type { FeatureManifest } from '../../platform/feature.js';
import { canEditRelease } from '../../platform/policy.js';
import { releaseAttention } from './attention.js';
import { registerReleaseRoutes } from './routes.js';
import { listPublicReleases } from './service.js';
import { STATEMENT_RELEASES_SHOWN, StatementReleases } from './views.js';
import { registerReleaseWorkspaceRoutes } from './workspace-routes.js';

export const releasesFeature: FeatureManifest = {
  name: 'releases',
  routes: (app, deps) => {
    registerReleaseRoutes(app, deps);
    registerReleaseWorkspaceRoutes(app, deps, deps.auth);
  },
  nav: [{ position: 70, path: '/workspace/releases', label: (t) => t.editorialNavReleases, visible: canEditRelease }],
  attention: releaseAttention,
  // A statement's page lists the releases that announce it.
  statementPageSections: [
    async (deps, ctx, statementId) => (
      <StatementReleases
        ctx={ctx}
        page={await listPublicReleases(deps.db, deps.now(), { statementId, size: STATEMENT_RELEASES_SHOWN })}
      />
    ),
  ],
  publicChannels: ['/{lang}/releases', '/{lang}/releases/:slug', '/{lang}/releases/:slug/release.:format'],
};
