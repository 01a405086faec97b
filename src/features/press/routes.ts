/** Every press page sits in one signed-in scope that refuses whoever is not an editor or the admin. */
import { Forbidden } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/feature.js';
import { canManagePress } from '../../platform/policy.js';
import type { FastifyTypeBox } from '../../platform/web/fastify-typebox.js';
import { workspaceRoutes } from '../../platform/web/workspace-request.js';
import { registerContactRoutes } from './contacts-routes.js';
import { registerListRoutes } from './lists-routes.js';
import { registerSendRoutes } from './sends-routes.js';

export function registerPressRoutes(app: FastifyTypeBox, deps: AppDeps): void {
  workspaceRoutes(
    app,
    {
      deps,
      auth: deps.auth,
      allow: (user) => {
        if (!canManagePress(user)) throw new Forbidden('Press contacts are for editors and the admin');
      },
    },
    (scope) => {
      registerContactRoutes(scope, deps, deps.auth);
      registerListRoutes(scope, deps);
      registerSendRoutes(scope, deps);
    },
  );
}
