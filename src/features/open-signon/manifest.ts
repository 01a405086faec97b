/** Open sign-on: anyone signs a public statement through a form; editors moderate what was confirmed by email. */
import type { FeatureManifest } from '../../platform/feature.js';
import { canManageSignOn } from '../../platform/policy.js';
import { registerOpenSignOnRoutes } from './routes.js';
import { openSignatoriesSection } from './statement-section.js';

export const openSignOnFeature: FeatureManifest = {
  name: 'open-signon',
  routes: registerOpenSignOnRoutes,
  nav: [{ position: 65, path: '/workspace/open-sign-on', label: (t) => t.openSignonNav, visible: canManageSignOn }],
  statementPageSections: [openSignatoriesSection],
};
