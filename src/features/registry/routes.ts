/** The registry part of the workspace: organizations, people, themes, addressees, translations. */
import type { FastifyTypeBox } from '../../lib/fastify-typebox.js';
import type { SiteDeps } from '../../lib/site-deps.js';
import type { AuthOptions } from '../accounts/web.js';
import { registerOrganizationWorkspaceRoutes } from './organizations-routes.js';
import { registerPeopleWorkspaceRoutes } from './people-routes.js';
import { registerTranslationRoutes } from './translations-routes.js';
import { registerVocabularyWorkspaceRoutes } from './vocabulary-routes.js';

export function registerRegistryRoutes(app: FastifyTypeBox, deps: SiteDeps, options: AuthOptions): void {
  registerOrganizationWorkspaceRoutes(app, deps, options);
  registerPeopleWorkspaceRoutes(app, deps, options);
  registerVocabularyWorkspaceRoutes(app, deps, options);
  registerTranslationRoutes(app, deps, options);
}
