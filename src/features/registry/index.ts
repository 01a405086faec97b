/** The registry feature's front door: what other features, the app and the tests may use. */

export {
  type OrganizationChoice,
  type OrganizationSlugChoices,
  organizationsToPick,
  organizationsToPickBySlug,
  type PersonChoice,
  peopleToPick,
} from './choices.js';
export { registryFeature } from './manifest.js';
export { insertOrganization } from './organizations-service.js';
export { normalizePhone } from './phone.js';
export { registerOrganizationEditRoutes } from './profile-routes.js';
export { registerOrganizationRoutes } from './public-routes.js';
export type { OrganizationRow } from './public-service.js';
export { getOrganization } from './public-service.js';
export { translationCounts, translationTodoPage } from './translations-service.js';
export { registerRegistryRoutes } from './workspace-routes.js';
