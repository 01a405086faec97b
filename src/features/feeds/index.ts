/** The feeds feature's front door: what other features, the app and the tests may use. */
export { FEED_ENTRIES } from './service.js';
export { feedsFeature } from './manifest.js';
