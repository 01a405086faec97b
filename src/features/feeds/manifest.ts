/** Atom feeds: press releases, statements and follow-up updates, per language (issue 16). */
import type { FeatureManifest } from '../../platform/feature.js';
import { registerFeedRoutes } from './routes.js';

export const feedsFeature: FeatureManifest = {
  name: 'feeds',
  routes: (app, deps) => registerFeedRoutes(app, deps),
  publicChannels: [
    '/{lang}/feeds/releases.xml',
    '/{lang}/feeds/statements.xml',
    '/{lang}/feeds/follow-up.xml',
    '/{lang}/feeds/statements/:slug/follow-up.xml',
  ],
};
