/** The registry part of the workspace: organizations, people, themes, addressees, translations. */
import type { FastifyTypeBox } from '../../lib/fastify-typebox.js';
import type { SiteDeps } from '../../lib/site-deps.js';
import type { AuthOptions } from '../accounts/web.js';
import { registerOrganizationWorkspaceRoutes } from './organizations-routes.js';

export function registerRegistryRoutes(app: FastifyTypeBox, deps: SiteDeps, options: AuthOptions): void {
  registerOrganizationWorkspaceRoutes(app, deps, options);
}
