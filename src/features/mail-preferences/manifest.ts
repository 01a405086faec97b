/** Mail preferences: the one-click unsubscribe page every list email links to (issue 18). */
import type { FeatureManifest } from '../../platform/feature.js';
import { registerUnsubscribeRoutes } from './routes.js';

export const mailPreferencesFeature: FeatureManifest = {
  name: 'mail-preferences',
  routes: (app, deps) => registerUnsubscribeRoutes(app, deps),
};
