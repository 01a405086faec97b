/** The workspace shell: its home (what needs attention, from every manifest), htmx, the Markdown preview. */
import type { FeatureManifest } from '../../platform/feature.js';
import { registerWorkspaceRoutes } from './routes.js';

export const workspaceFeature: FeatureManifest = {
  name: 'workspace',
  routes: (app, deps) => registerWorkspaceRoutes(app, deps, deps.auth, deps),
  nav: [{ position: 0, path: '/workspace', label: (t) => t.workspaceNavHome, visible: () => true }],
};
