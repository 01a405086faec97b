/** Files: logos and statements' full documents, checked by content, stored in the database. */
import type { FeatureManifest } from '../../platform/feature.js';
import { registerFileRoutes } from './routes.js';

export const filesFeature: FeatureManifest = {
  name: 'files',
  routes: (app, deps) => registerFileRoutes(app, deps, { auth: deps.auth, limits: deps.uploadLimits }),
  publicChannels: ['/files/:sha256'],
};
