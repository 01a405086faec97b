/** Spreadsheet import of recommendations and their follow-up (issue 17): the export's columns read back in. */
import type { FeatureManifest } from '../../platform/feature.js';
import { canImportRecommendations } from '../../platform/policy.js';
import { registerSheetImportRoutes } from './routes.js';

export const sheetImportFeature: FeatureManifest = {
  name: 'sheet-import',
  routes: (app, deps) => registerSheetImportRoutes(app, deps),
  nav: [
    {
      position: 91,
      path: '/workspace/import/recommendations',
      label: (t) => t.sheetNav,
      visible: canImportRecommendations,
    },
  ],
};
