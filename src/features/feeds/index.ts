/** The feeds feature's front door: what other features, the app and the tests may use. */

export { feedsFeature } from './manifest.js';
export { FEED_ENTRIES } from './service.js';
