/** The registry part of the workspace: organizations, people, themes, addressees, translations. */

import type { AppDeps } from '../../platform/feature.js';
import type { AuthOptions } from '../../platform/web/auth.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { registerOrganizationWorkspaceRoutes } from './organizations-routes.js';
import { registerPeopleWorkspaceRoutes } from './people-routes.js';
import { registerThemeMappingRoutes } from './theme-mapping-routes.js';
import { registerTranslationRoutes } from './translations-routes.js';
import { registerVocabularyWorkspaceRoutes } from './vocabulary-routes.js';

export function registerRegistryRoutes(app: FastifyTypeBox, deps: AppDeps, options: AuthOptions): void {
  registerOrganizationWorkspaceRoutes(app, deps, options);
  registerPeopleWorkspaceRoutes(app, deps, options);
  registerVocabularyWorkspaceRoutes(app, deps, options);
  registerThemeMappingRoutes(app, deps, options);
  registerTranslationRoutes(app, deps, options, deps.contributions.translationSources);
}
