/** The statements feature's front door: what other features, the app and the tests may use. */

export { createStatement } from './edit-service.js';
export { rebaseTyped } from './form-input.js';
export { statementsFeature } from './manifest.js';
export { OrderedPicker, readPicked } from './ordered-picker.js';
export type { FailedForm } from './page-forms.js';
export { pageFormPoster } from './page-forms.js';
export { StatementPageQuery, type StatementPagers, statementListCursors, statementPagers } from './page-links.js';
export {
  getPublicRecommendation,
  type RecommendationInStatement,
  readStatementPage,
  type StatementPageDetail,
  type StatementPageRequest,
} from './page-service.js';
export { DateField, DeleteDraftForm, PublicationControls, TimeZoneField } from './publication-controls.js';
export { registerStatementPublishRoutes } from './publish-routes.js';
export { linkRecommendations, type RecommendationAddress, unlinkRecommendations } from './recommendation-links.js';
export { recommendationOrder } from './recommendation-number.js';
export { createRecommendation } from './recommendation-service.js';
export { registerStatementRoutes } from './routes.js';
export type { RecommendationDetail } from './service.js';
export { stateFilter, stateName } from './state-label.js';
export { blockKindName, editorialTranslationSources } from './translation-sources.js';
export { LinkedRecommendations } from './views.js';
export { DetailsSection, EditingHeading, NewDraftPage, PickerSection } from './workspace-forms.js';
export { EditorialListPage, StateTag } from './workspace-parts.js';
export type { RegistryChoices } from './workspace-read.js';
export { addresseesToPick, EDITOR_RECOMMENDATIONS_PAGE, registryChoices } from './workspace-read.js';
export { registerStatementWorkspaceRoutes } from './workspace-routes.js';
export type { Typed } from './workspace-views.js';
export { missingIds, wasEverPublished } from './write-support.js';
