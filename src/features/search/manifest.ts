/** Search (issue 16): the public search over what the visibility rule makes public, and the workspace's. */
import type { FeatureManifest } from '../../platform/feature.js';
import { canSeeUnpublished } from '../../platform/policy.js';
import { registerSearchRoutes } from './routes.js';

export const searchFeature: FeatureManifest = {
  name: 'search',
  routes: registerSearchRoutes,
  // Editors and the admin (they find drafts too); members use the public search.
  nav: [{ position: 5, path: '/workspace/search', label: (t) => t.workspaceNavSearch, visible: canSeeUnpublished }],
  // One kept page per address (the words and filters are in the query), expiring with the content version.
  publicChannels: ['/{lang}/search'],
};
