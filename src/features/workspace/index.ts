/** The workspace feature's front door: what other features, the app and the tests may use. */

export { workspaceAttention } from './attention.js';
export { workspaceFeature } from './manifest.js';
export { registerWorkspaceRoutes } from './routes.js';
