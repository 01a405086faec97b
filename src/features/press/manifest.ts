/** Press contacts, lists and release sends (issue 18): workspace only, editors and the admin. */
import type { FeatureManifest } from '../../platform/feature.js';
import { canManagePress } from '../../platform/policy.js';
import { registerPressRoutes } from './routes.js';

export const pressFeature: FeatureManifest = {
  name: 'press',
  routes: registerPressRoutes,
  nav: [{ position: 75, path: '/workspace/press', label: (t) => t.workspaceNavPress, visible: canManagePress }],
};
