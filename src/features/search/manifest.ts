/** Search (issue 16): the public search over what the visibility rule makes public, and the workspace's. */
import type { FeatureManifest } from '../../platform/feature.js';
import { registerSearchRoutes } from './routes.js';

export const searchFeature: FeatureManifest = {
  name: 'search',
  routes: registerSearchRoutes,
  // Every signed-in account: members find what is public, editors drafts too (routes.tsx asks the policy).
  nav: [{ position: 5, path: '/workspace/search', label: (t) => t.workspaceNavSearch, visible: (user) => user !== null }],
  // One kept page per address (the words and filters are in the query), expiring with the content version.
  publicChannels: ['/{lang}/search'],
};
