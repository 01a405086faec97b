/** Accounts: sign-in, two-step sign-in, password links, the admin's user pages and the audit history. */
import type { FeatureManifest } from '../../platform/feature.js';
import { canManageUsers } from '../../platform/policy.js';
import { registerHistoryRoutes } from './history-routes.js';
import { registerLinkRoutes } from './links-routes.js';
import { registerAccountRoutes } from './routes.js';
import { registerTwoFactorRoutes } from './two-factor-routes.js';
import { registerUserAdminRoutes } from './users-routes.js';

export const accountsFeature: FeatureManifest = {
  name: 'accounts',
  // The admin's way in to adding people (issue 14: no page linked to it).
  nav: [{ position: 110, path: '/admin/users', label: (t) => t.accountsUsersListTitle, visible: canManageUsers }],
  routes: (app, deps) => {
    const links = { sendsMail: deps.sendsMail, baseUrl: deps.baseUrl };
    registerAccountRoutes(app, deps, deps.auth);
    registerTwoFactorRoutes(app, deps, deps.auth);
    registerHistoryRoutes(app, deps);
    registerLinkRoutes(app, deps, deps.auth, links);
    registerUserAdminRoutes(app, deps, deps.auth, links);
  },
};
