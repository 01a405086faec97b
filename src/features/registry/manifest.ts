/** The registry: organizations (public directory and profiles), people, themes, addressees, translations. */
import type { FeatureManifest } from '../../platform/feature.js';
import { canEditRegistry, canViewRegistry, type PolicyUser } from '../../platform/policy.js';
import { registryAttention } from './attention.js';
import { registerOrganizationEditRoutes } from './profile-routes.js';
import { registerOrganizationRoutes } from './public-routes.js';
import { registryTranslationSources } from './translations-service.js';
import { registerRegistryRoutes } from './workspace-routes.js';

const isMember = (user: PolicyUser) => user?.role === 'member' && user.organizationId !== null;

export const registryFeature: FeatureManifest = {
  name: 'registry',
  routes: (app, deps) => {
    registerOrganizationRoutes(app, deps);
    registerOrganizationEditRoutes(app, deps, deps.auth);
    registerRegistryRoutes(app, deps, deps.auth);
  },
  nav: [
    { position: 10, path: '/workspace/my-organization', label: (t) => t.workspaceNavMyOrganization, visible: isMember },
    {
      position: 20,
      path: '/workspace/organizations',
      label: (t) => t.workspaceNavOrganizations,
      visible: canViewRegistry,
    },
    { position: 30, path: '/workspace/people', label: (t) => t.workspaceNavPeople, visible: canViewRegistry },
    { position: 40, path: '/workspace/themes', label: (t) => t.workspaceNavThemes, visible: canEditRegistry },
    { position: 50, path: '/workspace/addressees', label: (t) => t.workspaceNavAddressees, visible: canEditRegistry },
    {
      position: 80,
      path: '/workspace/translations',
      label: (t) => t.workspaceNavTranslations,
      visible: canViewRegistry,
    },
  ],
  attention: registryAttention,
  translationSources: registryTranslationSources,
  publicChannels: ['/{lang}/organizations', '/{lang}/organizations/:slug', '/{lang}/organizations/:slug/boilerplate'],
};
