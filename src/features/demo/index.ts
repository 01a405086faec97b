/** The demo feature's front door: what other features, the app and the tests may use. */
export type { CoalitionData, ReleaseData } from './coalition-data.js';
export type { FollowupDemoData } from './followup-data.js';
export { insertReleaseIfNew } from './load-release.js';
export { loadDemo, loadDemoIfEmpty } from './service.js';
