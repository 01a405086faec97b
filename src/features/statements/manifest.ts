/** Statements: the public pages of statements and recommendations, and their editing and publishing. */
import type { FeatureManifest } from '../../platform/feature.js';
import { canEditStatement } from '../../platform/policy.js';
import { statementAttention } from './attention.js';
import { registerStatementPublishRoutes } from './publish-routes.js';
import { registerStatementRoutes } from './routes.js';
import { editorialTranslationSources } from './translation-sources.js';
import { registerStatementWorkspaceRoutes } from './workspace-routes.js';

export const statementsFeature: FeatureManifest = {
  name: 'statements',
  routes: (app, deps) => {
    registerStatementRoutes(app, deps, deps.contributions.statementPageSections);
    registerStatementPublishRoutes(app, deps, deps.auth);
    registerStatementWorkspaceRoutes(app, deps, deps.auth);
  },
  nav: [
    { position: 60, path: '/workspace/statements', label: (t) => t.editorialNavStatements, visible: canEditStatement },
  ],
  attention: statementAttention,
  translationSources: editorialTranslationSources,
  publicChannels: ['/{lang}/', '/{lang}/statements/:slug', '/{lang}/statements/:slug/recommendations/:recommendation'],
};
