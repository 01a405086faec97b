/** The followup feature's front door: what other features, the app and the tests may use. */

export { refreshCurrentStatus } from './current-status.js';
export {
  countByAddressee,
  countByStatus,
  countByTheme,
  liveCountByAddressee,
  liveCountByStatus,
  liveCountByTheme,
} from './dashboard-counts.js';
export { listRecommendations, publicOverdueCommitments } from './dashboard-list.js';
export { queueDigest } from './digest.js';
export { registerFollowupEditRoutes } from './edit-routes.js';
export { filterOptions } from './filter-options.js';
export type { ListFilters, WorkspaceListFilters } from './filters.js';
export { followupFeature } from './manifest.js';
export { liveStatusOverTime, statusOverTime } from './over-time-service.js';
export { registerFollowupPublicRoutes } from './public-routes.js';
export {
  countStaleRecommendations,
  DEFAULT_STALE_MONTHS,
  overdueCommitments,
  staleRecommendations,
} from './reminders.js';
export { liveScorecard, scorecard } from './scorecard-service.js';
export { listForFollowup, workspaceFilterOptions } from './workspace-list.js';
export {
  type EntryKind,
  type ResponseInput,
  recordResponse,
  recordStatusUpdate,
  type StatusUpdateInput,
  setEntryPublication,
} from './write-service.js';
