/** Sign-on: editors open a statement for signatures; member organizations sign or decline. */
import type { FeatureManifest } from '../../platform/feature.js';
import { signOnAttention } from './attention.js';
import { registerSignOnRoutes } from './routes.js';

export const signOnFeature: FeatureManifest = {
  name: 'signon',
  routes: (app, deps) => registerSignOnRoutes(app, deps, deps.auth),
  attention: signOnAttention,
};
