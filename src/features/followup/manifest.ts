/** Follow-up: what governments answered and did, public dashboards and the recorders' workspace. */
import type { FeatureManifest } from '../../platform/feature.js';
import { canRecordFollowup } from '../../platform/policy.js';
import { followupAttention } from './attention.js';
import { registerFollowupEditRoutes } from './edit-routes.js';
import { registerFollowupPublicRoutes } from './public-routes.js';

export const followupFeature: FeatureManifest = {
  name: 'followup',
  routes: (app, deps) => {
    registerFollowupPublicRoutes(app, deps);
    registerFollowupEditRoutes(app, deps, deps.auth, {
      staleMonths: deps.followupStaleMonths,
      documentBytes: deps.uploadLimits.documentBytes,
    });
  },
  nav: [{ position: 100, path: '/workspace/followup', label: (t) => t.followupNav, visible: canRecordFollowup }],
  attention: followupAttention,
  publicChannels: ['/{lang}/follow-up', '/{lang}/statements/:slug/recommendations/:recommendation/follow-up'],
};
