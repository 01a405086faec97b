/** Import: an old release file (.docx, .md, .txt, .html) read into a draft release, dry run first. */
import type { FeatureManifest } from '../../platform/feature.js';
import { canEditRelease } from '../../platform/policy.js';
import { registerImportRoutes } from './routes.js';

export const importFeature: FeatureManifest = {
  name: 'import',
  routes: (app, deps) => registerImportRoutes(app, deps, deps.auth),
  nav: [{ position: 90, path: '/workspace/import', label: (t) => t.importNav, visible: canEditRelease }],
};
