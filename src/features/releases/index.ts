/** The releases feature's front door: what other features, the app and the tests may use. */

export { lintErrorsOf, lintInputsStamp, lintWithStore } from './lint-results.js';
export { lintReleaseBySlug, lintSource, lintStoredRelease } from './lint-stored.js';
export { releasesFeature } from './manifest.js';
export { insertReleaseParts } from './release-parts.js';
export type { ReleaseFormat } from './render.js';
export { isReleaseFormat, RELEASE_FORMATS, renderRelease, writeFormat } from './render.js';
export { buildRenderModel, formatInstant, gapMessage } from './render-model.js';
export { registerReleaseRoutes } from './routes.js';
export type { ReleaseRow, ReleaseSource } from './service.js';
export { getRelease, listPublicReleases } from './service.js';
export { StatementReleases } from './views.js';
export { registerReleaseWorkspaceRoutes } from './workspace-routes.js';
