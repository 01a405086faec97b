/** The signon feature's front door: what other features, the app and the tests may use. */
export { signOnFeature } from './manifest.js';
export { registerSignOnRoutes } from './routes.js';
export { listSignOn, setSignOnDeadline, setSignOnOpen, signOnIsOpen } from './service.js';
