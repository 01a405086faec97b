/** The public JSON API (issue 16): read-only, public material only, described by OpenAPI 3.1. */
import type { FeatureManifest } from '../../platform/feature.js';
import { registerApiReferenceRoutes } from './reference-routes.js';
import { registerApiRoutes } from './routes.js';

export const apiFeature: FeatureManifest = {
  name: 'api',
  routes: (app, deps) => {
    const { document } = registerApiRoutes(app, deps);
    registerApiReferenceRoutes(app, deps, document);
  },
  // Every answer is the same for every anonymous reader: kept per content version, with ETags and 304s.
  publicChannels: [
    '/api/openapi.json',
    '/api/v1/statements',
    '/api/v1/statements/:slug',
    '/api/v1/statements/:slug/recommendations',
    '/api/v1/statements/:slug/recommendations/:recommendation',
    '/api/v1/organizations',
    '/api/v1/organizations/:slug',
    '/api/v1/releases',
    '/api/v1/releases/:slug',
    '/api/v1/follow-up',
    '/api/v1/follow-up/:kind/:id',
    '/{lang}/api',
  ],
};
