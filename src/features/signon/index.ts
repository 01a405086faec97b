/** The signon feature's front door: what other features, the app and the tests may use. */

export { setSignOnDeadline, setSignOnOpen } from './call-service.js';
export { listSignOn } from './list-service.js';
export { signOnFeature } from './manifest.js';
export { registerSignOnRoutes } from './routes.js';
export { signOnIsOpen } from './state.js';
/** One page of a statement's numbered recommendations, as the sign-on pages show what is being signed. */
export { Recommendations as SignOnRecommendations } from './views.js';
